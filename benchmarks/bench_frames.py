"""Tables into claims: ``claims_from_dataframe`` and the claims-CSV loader beside ``pandas.read_csv`` of the same file.

    python benchmarks/bench_frames.py [--peak] [N ...]        (default: 100000 1000000)

For each size, one synthetic claims CSV is written to a temporary file (claims-CSV columns: ids, a few
metrics and counted things, figures as numbers and hedged words ("at least 40", "about 3 km", "between 10
and 20"), units, places of three levels, events, days, 200 sources with kinds, relay chains), then timed in
one run, CPU seconds (``time.process_time``), best of 3 (1 at 10^6):

* ``read_csv``: ``pandas.read_csv`` of the file (the peer; every ratio is against it);
* ``frame (csv columns)``: ``claims_from_dataframe`` of that frame (a table in the claims-CSV columns);
* ``frame (named columns)``: ``claims_from_dataframe`` of a frame a data user holds: the figure as a float
  column, the place in three columns, the day as datetimes, ``columns=`` naming them and ``defaults=``;
* ``load_claims``: the claims-CSV file loader on the file;
* ``+ every claim built``: the same, then every claim asked for (the readers give claims as a table that
  builds each claim when asked for: this is the cost of asking for all of them).

With ``--peak``, each case is also run once alone in a child process that prints its peak memory (maximum
resident set of a process that reads the file, for a frame case with ``pandas.read_csv`` first; in brackets,
the process before the case ran).

Each line prints seconds, claims/s and the ratio to ``read_csv``; a ratio is stable on a shared machine, a
time is not. "refused" is a run that stopped at a size limit.
"""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from claimdiff import ClaimdiffError, claims_from_dataframe, load_claims_lenient

METRICS = np.array(["killed", "injured", "intercepted", "launched", "distance"])
COUNTED = np.array(["people", "children", "drones", "missiles", "people"])
HEDGES = [
    "{n}",
    "at least {n}",
    "about {n}",
    "over {n}",
    "between {n} and {m}",
    "up to {m}",
    "{n}",
    "{n}",
]
KINDS = np.array(["media", "government", "military", "ngo", "agency"])
RELAYS = np.array(["", "", "Reuters", "AP | Reuters", "TASS", "AFP [agency]"])


def frame_of(n: int, seed: int = 1) -> pd.DataFrame:
    """``n`` claims in the claims-CSV columns, built with numpy (unique ids, groups of a few claims)."""
    rng = np.random.default_rng(seed)
    group = np.arange(n) // 4
    metric = rng.integers(0, len(METRICS), n)
    distance = METRICS[metric] == "distance"
    figure = rng.integers(1, 500, n)
    hedge = rng.integers(0, len(HEDGES), n)
    pool = np.array(
        [HEDGES[h].format(n=a, m=a + 20) for h in range(len(HEDGES)) for a in range(1, 500)]
    )
    words = pool[hedge * 499 + figure - 1]
    value = np.where(hedge == 0, figure.astype(str), words)
    days = pd.date_range("2024-01-01", periods=28).strftime("%Y-%m-%d").to_numpy()
    source = rng.integers(0, 200, n)
    return pd.DataFrame(
        {
            "id": np.char.add("c", np.arange(n).astype(str)),
            "metric": METRICS[metric],
            "counted": np.where(distance, "", COUNTED[metric]),
            "value": value,
            "unit": np.where(distance, "km", ""),
            "place": np.char.add(
                np.char.add("Country > Region ", (group % 500).astype(str)),
                np.char.add(" > Town ", (group % 20_000).astype(str)),
            ),
            "event": np.char.add("event ", (group % 997).astype(str)),
            "period": days[group % 28],
            "stated": days[np.minimum(group % 28 + rng.integers(0, 3, n), 27)],
            "source": np.char.add("source ", source.astype(str)),
            "source_kind": KINDS[source % len(KINDS)],
            "via": RELAYS[rng.integers(0, len(RELAYS), n)],
        }
    )


def named(df: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, Any], dict[str, Any]]:
    """The same claims as a data user's frame: numbers as floats, the place in columns, days as datetimes."""
    plain = df["value"].str.fullmatch(r"\d+")
    place = df["place"].str.split(" > ", expand=True)
    frame = pd.DataFrame(
        {
            "event_id": df["id"],
            "what": df["metric"],
            "who": df["counted"].replace("", None),
            "deaths": np.where(
                plain, pd.to_numeric(df["value"].where(plain), errors="coerce"), np.nan
            ),
            "country": place[0],
            "adm1": place[1],
            "adm2": place[2],
            "day": pd.to_datetime(df["period"]),
            "reporter": df["source"],
            "unit": df["unit"].replace("", None),
        }
    )
    columns = {
        "id": "event_id",
        "metric": "what",
        "counted": "who",
        "best": "deaths",
        "unit": "unit",
        "place": ["country", "adm1", "adm2"],
        "period": "day",
        "source": "reporter",
    }
    return frame[plain.to_numpy()], columns, {"event": "shelling"}


def _best(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(runs):
        start = time.process_time()
        try:
            out = fn()
        except ClaimdiffError as e:
            return float("nan"), e
        best = min(best, time.process_time() - start)
    return best, out


def _cases(n: int, path: Path, df: pd.DataFrame) -> list[tuple[str, int, Callable[[], Any]]]:
    user, columns, defaults = named(df)
    return [
        ("frame (csv columns)", n, lambda d=df: claims_from_dataframe(d)),
        (
            "frame (named columns)",
            len(user),
            lambda u=user, c=columns, f=defaults: claims_from_dataframe(u, columns=c, defaults=f),
        ),
        ("load_claims (file)", n, lambda p=path: load_claims_lenient(p)),
        # Claims become objects when asked for: the same read with every claim asked for.
        ("  + every claim built", n, lambda p=path: _built(load_claims_lenient(p))),
    ]


def _built(loaded: Any) -> Any:
    for _ in loaded.claims:
        pass
    return loaded


def _peak(what: str, n: int, path: Path) -> None:
    """Run one case once in this process (a child of ``main``) and print its CPU seconds and peak memory."""
    df = pd.read_csv(path, nrows=None if what.startswith("frame") else 10)
    fn = next(f for w, _, f in _cases(n, path, df) if w == what)
    del df
    gc.collect()
    before = _high_water()
    seconds, _ = _best(fn, 1)
    print(json.dumps({"seconds": seconds, "peak_mib": _high_water(), "before_mib": before}))


def _high_water() -> float:
    """This process's peak resident memory in MiB (Linux: VmHWM; ``ru_maxrss`` counts the parent's too)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(sizes: list[int], *, peak: bool = False) -> None:
    """Print one table per size (with ``peak``: each case also run alone in a process, its peak memory)."""
    print(
        f"{'N':>9} {'what':<24} {'seconds':>8} {'rows/s':>10} {'x read_csv':>10}  claims / rejected"
        + ("   peak MiB (process; before the case)" if peak else "")
    )
    for n in sizes:
        runs = 1 if n >= 1_000_000 else 3
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "claims.csv"
            frame_of(n).to_csv(path, index=False)
            peer, df = _best(lambda p=path: pd.read_csv(p), runs)
            mb = path.stat().st_size / 2**20
            print(
                f"{n:>9,} {'read_csv':<24} {peer:>8.2f} {n / peer:>10,.0f} {1:>10.1f}  ({mb:,.0f} MiB file)",
                flush=True,
            )
            for what, rows, fn in _cases(n, path, df):
                seconds, out = _best(fn, runs)
                if isinstance(out, ClaimdiffError):
                    print(f"{n:>9,} {what:<24} {'refused':>8}  {str(out)[:70]}", flush=True)
                    continue
                memory = ""
                if peak:
                    done = subprocess.run(
                        [sys.executable, __file__, "--one", what, str(n), str(path)],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    r = json.loads(done.stdout)
                    memory = f"   {r['peak_mib']:>8,.0f} ({r['before_mib']:,.0f})"
                print(
                    f"{n:>9,} {what:<24} {seconds:>8.2f} {rows / seconds:>10,.0f} {seconds / peer:>10.1f}  "
                    f"{len(out.claims):,} / {len(out.rejected):,}{memory}",
                    flush=True,
                )
            del df


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    args = sys.argv[1:]
    if args[:1] == ["--one"]:
        _peak(args[1], int(args[2]), Path(args[3]))
    else:
        peak = "--peak" in args
        main([int(a) for a in args if a != "--peak"] or [100_000, 1_000_000], peak=peak)
