"""Benchmark: a DataFrame of claims to report tables, beside pandas doing the core job by hand.

A data user holds a table of figures (one row per claim: id, metric, counted, place, event, low, high,
best, source). claimdiff reads it (``claims_from_dataframe``), reconciles it (``reconcile``) and gives the
groups as a table (``Report.to_dataframe("groups")``). Beside it, in the same process and on the same
frame, pandas does the core of that job by hand: group by key; the largest low and the smallest high of
each group; whether that intersection is empty; the number of distinct sources; the median best figure
(median of three runs, after claimdiff); Polars and DuckDB (one thread) do the same when installed (``pip install
'claimdiff[bench]'``), each on the data already loaded. Times are CPU seconds (``time.process_time``); ``ratio`` is claimdiff's total over pandas' (a ratio is
stable on a shared machine, a time is not). claimdiff does much more than the hand job (hedges, precision,
units, time order, dissent, arithmetic, messages): the ratio is the price of that, not a like-for-like race.
``read_csv s`` is ``pandas.read_csv`` of the same frame written to a CSV file (median of three; the writing is not
timed), and ``read x`` is claimdiff's read over it (the issue's target for ``claims_from_dataframe``: 5x).
``peak MiB`` is the process's peak resident memory when claimdiff's tables are made, the frame included (the
peers run after it: Polars and DuckDB copy the frame, and their copies are not claimdiff's).

Synthetic rows, seeded: groups of 1 to 6 claims about a count, figures hedged as ranges around the
group's true figure, about 3% wrong by 5 to 50, sources from a pool of 200.

    python benchmarks/bench_tables.py            # 10^5 and 10^6 rows
    python benchmarks/bench_tables.py 100000     # one size
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any


def make_frame(n: int, seed: int = 1) -> Any:
    """``n`` claims as a DataFrame, in groups of 1 to 6 rows."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 7, n)
    group = np.repeat(np.arange(n), sizes)[:n]
    truth = rng.integers(1, 500, n)[group]
    spread = rng.integers(0, 4, n)
    wrong = np.where(rng.random(n) < 0.03, rng.integers(5, 51, n), 0)
    best = truth + wrong
    places = np.array(
        [f"Country > Region {g % 500} > Town {g}" for g in range(int(group[-1]) + 1)], dtype=object
    )
    return pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(n)],
            "metric": np.where(group % 2 == 0, "killed", "injured"),
            "counted": "people",
            "place": places[group],
            "event": [f"event {g // 3}" for g in group.tolist()],
            "low": (best - spread).clip(0).astype(np.float64),
            "high": (best + spread).astype(np.float64),
            "best": best.astype(np.float64),
            "source": [f"source {s}" for s in rng.integers(0, 200, n).tolist()],
        }
    )


def by_hand(df: Any) -> Any:
    """The core job with pandas: per key, max of lows, min of highs, empty intersection, sources, median."""
    out = df.groupby(["metric", "counted", "place", "event"], sort=False).agg(
        low=("low", "max"),
        high=("high", "min"),
        sources=("source", "nunique"),
        best=("best", "median"),
    )
    out["empty"] = out["low"] > out["high"]
    return out


def by_hand_polars(frame: Any) -> Any:
    """The same core job with Polars, on the frame already converted (the conversion is not timed)."""
    import polars as pl

    return (
        frame.group_by(["metric", "counted", "place", "event"])
        .agg(
            pl.col("low").max(),
            pl.col("high").min(),
            pl.col("source").n_unique().alias("sources"),
            pl.col("best").median(),
        )
        .with_columns((pl.col("low") > pl.col("high")).alias("empty"))
    )


_DUCKDB_JOB = """
    SELECT metric, counted, place, event, max(low) AS low, min(high) AS high,
           count(DISTINCT source) AS sources, median(best) AS best, max(low) > min(high) AS empty
    FROM claims GROUP BY metric, counted, place, event
"""


def by_hand_duckdb(con: Any) -> Any:
    """The same core job in DuckDB SQL, on the claims loaded into a table (the load is not timed)."""
    return con.execute(_DUCKDB_JOB).fetchnumpy()


def _median_cpu(job: Any, runs: int = 3) -> tuple[float, Any]:
    """The median CPU seconds of ``runs`` runs of ``job()``, and its last result (the jobs are short)."""
    times, out = [], None
    for _ in range(runs):
        t0 = time.process_time()
        out = job()
        times.append(time.process_time() - t0)
    return statistics.median(times), out


def peers(df: Any) -> dict[str, Any]:
    """The hand job's CPU seconds and group count in pandas, and in Polars and DuckDB when installed."""
    import pandas as pd

    out: dict[str, Any] = {}
    out["pandas_s"], hand = _median_cpu(lambda: by_hand(df))
    out["pandas_groups"] = len(hand)
    fd, path = tempfile.mkstemp(suffix=".csv")
    os.close(fd)
    try:
        df.to_csv(path, index=False)
        out["read_csv_s"], _ = _median_cpu(lambda: pd.read_csv(path))
    finally:
        os.remove(path)
    try:
        import polars as pl
    except ImportError:
        pass
    else:
        frame = pl.from_pandas(df)
        out["polars_s"], hand = _median_cpu(lambda: by_hand_polars(frame))
        out["polars_groups"] = hand.height
    try:
        import duckdb
    except ImportError:
        pass
    else:
        con = duckdb.connect()
        con.execute("SET threads TO 1")  # CPU seconds of one thread, like the others
        con.register("frame", df)
        con.execute("CREATE TABLE claims AS SELECT * FROM frame")
        out["duckdb_s"], hand = _median_cpu(lambda: by_hand_duckdb(con))
        out["duckdb_groups"] = len(hand["metric"])
    return out


def run_one(n: int) -> dict[str, Any]:
    """Build the frame, time pandas by hand and claimdiff's three steps, and measure."""
    import pandas as pd  # noqa: F401 - imported before the clocks start

    from claimdiff import claims_from_dataframe, reconcile

    df = make_frame(n)
    t0 = time.process_time()
    loaded = claims_from_dataframe(df)
    read_s = time.process_time() - t0
    t0 = time.process_time()
    report = reconcile(loaded)
    reconcile_s = time.process_time() - t0
    t0 = time.process_time()
    table = report.to_dataframe("groups")
    tables_s = time.process_time() - t0
    total = read_s + reconcile_s + tables_s
    # claimdiff's peak, before the peers run (Polars and DuckDB copy the frame: their memory is not claimdiff's)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    groups, rejected = len(table), len(report.rejected)
    del loaded, report, table
    found = peers(df)
    pandas_s = found["pandas_s"]
    return {
        "n": n,
        **found,
        "read_s": read_s,
        "reconcile_s": reconcile_s,
        "tables_s": tables_s,
        "total_s": total,
        "groups": groups,
        "rejected": rejected,
        "ratio": total / pandas_s,
        "read_x": read_s / found["read_csv_s"],
        "peak_mib": peak_mib,
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100_000, 1_000_000]
    if len(sizes) == 1 and argv:
        print(json.dumps(run_one(sizes[0])))
        return
    print(
        f"{'N':>10} {'pandas s':>8} {'polars s':>8} {'duckdb s':>8} {'read_csv s':>10} {'read s':>7} {'read x':>6} "
        f"{'reconcile s':>11} "
        f"{'tables s':>8} {'total s':>8} {'ratio':>6} {'groups':>8} {'pandas groups':>13} {'peak MiB':>8}"
    )
    for n in sizes:
        done = subprocess.run(
            [sys.executable, __file__, str(n)], capture_output=True, text=True, check=True
        )
        r = json.loads(done.stdout)
        polars = f"{r['polars_s']:>8.2f}" if "polars_s" in r else f"{'-':>8}"
        duckdb = f"{r['duckdb_s']:>8.2f}" if "duckdb_s" in r else f"{'-':>8}"
        print(
            f"{r['n']:>10,} {r['pandas_s']:>8.2f} {polars} {duckdb} {r['read_csv_s']:>10.2f} "
            f"{r['read_s']:>7.2f} {r['read_x']:>6.1f} "
            f"{r['reconcile_s']:>11.2f} {r['tables_s']:>8.2f} {r['total_s']:>8.2f} {r['ratio']:>6.1f} "
            f"{r['groups']:>8,} {r['pandas_groups']:>13,} {r['peak_mib']:>8,.0f}"
        )


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main(sys.argv[1:])
