"""Benchmark: ``reconcile_dask`` on partitioned Parquet files, on a local cluster of 2 worker processes.

The claims are ``bench_reconcile.make_claims``'s synthetic claims, generated in 16 chunks of
N/16 (each chunk's ids and events prefixed with its number, so chunks do not share events),
written as claims-CSV columns to 16 Parquet files in a temporary directory. The clock runs
from reading the files to the written tables (groups, flags, claims, rejected), on a
``dask.distributed`` LocalCluster(n_workers=2, threads_per_worker=1, processes=True); the workers write
the four tables as Parquet files.
``peak MiB/worker`` is each worker process's maximum resident memory (fresh workers per run).

    python benchmarks/bench_dask.py              # 10^6
    python benchmarks/bench_dask.py 10000000     # 10^7 (long: about 10x the 10^6 time)
"""

from __future__ import annotations

import io
import resource
import sys
import tempfile
import time
from pathlib import Path

import dask
import dask.dataframe as dd
import distributed
import pandas as pd
import pyarrow.parquet as pq

from bench_reconcile import make_claims
from claimdiff import dump_claims
from claimdiff.formats import reconcile_dask

FILES = 16
TABLES = ("groups", "flags", "claims", "rejected")


def write_parquet(n: int, directory: Path) -> None:
    """``n`` claims as ``FILES`` Parquet files of claims-CSV columns (all text)."""
    per = -(-n // FILES)
    for k in range(FILES):
        count = min(per, n - k * per)
        if count <= 0:
            break
        text = dump_claims(make_claims(count, seed=k + 1), format="csv")
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        df["id"] = f"p{k}-" + df["id"]
        df["event"] = f"p{k} " + df["event"]
        df.to_parquet(directory / f"part-{k:02d}.parquet", index=False)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux


def run(n: int) -> None:
    """Generate, then reconcile on the cluster, and print one line of figures."""
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        t0 = time.perf_counter()
        (directory / "claims").mkdir()
        write_parquet(n, directory / "claims")
        generated = time.perf_counter() - t0
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        with cluster, distributed.Client(cluster) as client:
            t0 = time.perf_counter()
            tables = reconcile_dask(dd.read_parquet(directory / "claims"))
            # The tables are written by the workers, as a run of this size would: gathering them into the
            # client would concatenate every partition on one worker first.
            dask.compute(*[getattr(tables, name).to_parquet(directory / name, write_index=False, compute=False)
                           for name in TABLES], scheduler=client)
            elapsed = time.perf_counter() - t0
            peaks = sorted(client.run(_peak_mib).values())
        rows = {name: sum(pq.ParquetFile(f).metadata.num_rows for f in (directory / name).glob("*.parquet"))
                for name in TABLES}
    assert rows["claims"] + rows["rejected"] >= n  # every row is a claim or a rejection
    groups, flags, rejected = rows["groups"], rows["flags"], rows["rejected"]
    print(f"{'N':>11} {'seconds':>8} {'claims/s':>9} {'peak MiB/worker':>16} {'groups':>9} {'flags':>8} "
          f"{'rejected':>8} {'generate s':>10}")
    print(f"{n:>11,} {elapsed:>8.1f} {n / elapsed:>9,.0f} {' / '.join(f'{p:,.0f}' for p in peaks):>16} "
          f"{groups:>9,} {flags:>8,} {rejected:>8,} {generated:>10.1f}")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
