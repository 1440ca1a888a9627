"""Benchmark: ``reconcile_dask`` on partitioned Parquet files on a 2-worker LocalCluster, beside one process.

The claims are ``bench_reconcile.make_claims``'s synthetic claims, generated in 16 chunks of
N/16 (each chunk's ids and events prefixed with its number, so chunks do not share events),
written as claims-CSV columns to 16 Parquet files. The files are kept in ``--data DIR`` (one
folder per N) and reused by later runs, so a before/after comparison reads the very same files
and a 10^7 run does not generate them twice.

Two lines are printed, each the clock from reading the files to the written tables (groups,
flags, claims, rejected, as Parquet):

* ``one process``: at ``--single`` claims (default 10^6), in a fresh subprocess without Dask:
  ``pandas.read_parquet``, ``claims_from_dataframe``, ``reconcile``, ``Report.to_dataframe``,
  ``to_parquet``;
* ``dask``: at N, on a ``dask.distributed`` LocalCluster(n_workers=2, threads_per_worker=1,
  processes=True, memory_limit=``--memory`` per worker); the workers write the four tables
  (``DaskTables.to_parquet``: each partition's four files as soon as it is reconciled).

``claims/s`` is wall-clock (the cluster's two processes share the machine's two cores with
whatever else runs); ``CPU s`` is the one process's CPU time, or the sum of the two workers' and
the client's; ``ratio`` is the one process's claims/s over Dask's. ``peak MiB`` is each
process's maximum resident memory (fresh workers per run).

    python benchmarks/bench_dask.py                          # 10^6 on Dask, 10^6 in one process
    python benchmarks/bench_dask.py 10000000 --data /tmp/cd --distinct 4  # 10^7: 4 files generated, 12 copied
    python benchmarks/bench_dask.py 10000000 --data /tmp/cd --files 4     # 4 of the 16 files of 10^7 on Dask

``--files K`` reads the first K files of N on Dask: partitions of N/16 claims each, as in the full run,
for a machine where the full run takes too long (the files are reconciled independently, so the time
grows with their number).
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

FILES = 16
TABLES = ("groups", "flags", "claims", "rejected")


def write_parquet(n: int, directory: Path, distinct: int = FILES) -> float:
    """``n`` claims as ``FILES`` Parquet files of claims-CSV columns (all text), unless already there.

    The first ``distinct`` files are generated (seeds 1, 2, ...); file ``k`` after them holds the claims of
    file ``k % distinct`` under its own prefix (its own ids and events): a 10^7 run need not spend an hour
    generating on a shared machine. Returns the seconds spent generating (0 when the files were there).
    """
    done = (
        directory.parent / f"{directory.name}.done"
    )  # beside the files: read_parquet reads every file within
    if done.exists():
        return 0.0
    import pandas as pd

    from bench_reconcile import make_claims
    from claimdiff import dump_claims

    t0 = time.perf_counter()
    directory.mkdir(parents=True, exist_ok=True)
    per = -(-n // FILES)
    for k in range(FILES):
        count = min(per, n - k * per)
        path = directory / f"part-{k:02d}.parquet"
        if count <= 0 or path.exists():
            continue
        if k < distinct or count != per:
            text = dump_claims(make_claims(count, seed=k + 1), format="csv")
            df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        else:
            j = k % distinct
            df = pd.read_parquet(directory / f"part-{j:02d}.parquet")
            df["id"] = df["id"].str.slice(len(f"p{j}-"))
            df["event"] = df["event"].str.slice(len(f"p{j} "))
        df["id"] = f"p{k}-" + df["id"]
        df["event"] = f"p{k} " + df["event"]
        df.to_parquet(path.with_suffix(".tmp"), index=False)
        path.with_suffix(".tmp").rename(path)
    done.write_text(str(n))
    return time.perf_counter() - t0


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux


def _cpu() -> float:
    return time.process_time()


def _rows(directory: Path) -> dict[str, int]:
    return {
        name: sum(pq.ParquetFile(f).metadata.num_rows for f in (directory / name).glob("*.parquet"))
        for name in TABLES
    }


def one_process(source: Path, out: Path) -> dict[str, float]:
    """Read, reconcile and write in this process, without Dask (run in a fresh subprocess)."""
    import pandas as pd

    from claimdiff import claims_from_dataframe, reconcile

    t0, c0 = time.perf_counter(), time.process_time()
    df = pd.read_parquet(source)
    loaded = claims_from_dataframe(df)
    del df
    report = reconcile(loaded)
    for name in TABLES:
        (out / name).mkdir(parents=True)
        report.to_dataframe(name).to_parquet(out / name / "part-0.parquet", index=False)
    return {
        "seconds": time.perf_counter() - t0,
        "cpu": time.process_time() - c0,
        "peak": _peak_mib(),
    }


def on_dask(source: list[Path], out: Path, memory: str) -> dict[str, object]:
    """Reconcile on a fresh 2-worker LocalCluster; the workers write the tables."""
    import dask.dataframe as dd
    import distributed

    from claimdiff.formats import reconcile_dask

    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        memory_limit=memory,
    )
    with cluster, distributed.Client(cluster) as client:
        cpu0 = sum(client.run(_cpu).values()) + time.process_time()
        t0 = time.perf_counter()
        tables = reconcile_dask(dd.read_parquet(source))
        # The workers write the tables, each partition's four as soon as it is reconciled: gathering them
        # into the client would concatenate every partition on one worker first, and computing the four
        # tables' own to_parquet together kept the other tables of every partition in the workers' memory
        # until the first table was written (one worker peaked at 3.3 GB against 1.9 GB at 10^7).
        tables.to_parquet(out, scheduler=client)
        elapsed = time.perf_counter() - t0
        cpu = sum(client.run(_cpu).values()) + time.process_time() - cpu0
        peaks = sorted(client.run(_peak_mib).values())
    return {"seconds": elapsed, "cpu": cpu, "peaks": peaks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "n", nargs="?", type=int, default=1_000_000, help="claims reconciled on Dask"
    )
    parser.add_argument(
        "--single", type=int, default=1_000_000, help="claims reconciled in one process (0: skip)"
    )
    parser.add_argument(
        "--data", type=Path, default=None, help="folder keeping the generated files between runs"
    )
    parser.add_argument("--memory", default="4GiB", help="memory limit of each Dask worker")
    parser.add_argument(
        "--distinct", type=int, default=FILES, help="files generated; the others repeat them"
    )
    parser.add_argument(
        "--files",
        type=int,
        default=FILES,
        help="files of N read on Dask (partitions of N/16 claims)",
    )
    parser.add_argument(
        "--one", nargs=2, type=Path, help=argparse.SUPPRESS
    )  # the subprocess of one_process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_process(*args.one)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp)
        print(
            f"{'run':>12} {'N':>11} {'seconds':>8} {'claims/s':>9} {'CPU s':>7} {'peak MiB':>13} {'groups':>9} "
            f"{'flags':>8} {'rejected':>8} {'generate s':>10}"
        )
        rates = {}
        for label, size in (("one process", args.single), ("dask", args.n)):
            if not size:
                continue
            source = data / f"claims-{size}"
            generated = write_parquet(size, source, args.distinct)
            n = size
            out = Path(tmp) / f"out-{label.replace(' ', '-')}"
            if label == "dask":
                files = sorted(source.glob("*.parquet"))[: args.files]
                n = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
                result = on_dask(files, out, args.memory)
                peak = " / ".join(f"{p:,.0f}" for p in result["peaks"])  # type: ignore[union-attr]
            else:
                line = subprocess.run(
                    [sys.executable, __file__, "--one", str(source), str(out)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.splitlines()[-1]
                result = json.loads(line)
                peak = f"{result['peak']:,.0f}"
            rows = _rows(out)
            assert rows["claims"] + rows["rejected"] >= n  # every row is a claim or a rejection
            rates[label] = n / float(result["seconds"])  # type: ignore[arg-type]
            print(
                f"{label:>12} {n:>11,} {result['seconds']:>8.1f} {rates[label]:>9,.0f} {result['cpu']:>7.1f} "
                f"{peak:>13} {rows['groups']:>9,} {rows['flags']:>8,} {rows['rejected']:>8,} {generated:>10.1f}",
                flush=True,
            )
        if len(rates) == 2:
            print(f"one process / dask claims/s: {rates['one process'] / rates['dask']:.2f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
