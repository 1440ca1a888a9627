"""Where the time and memory of a DataFrame's way to report tables go, stage by stage.

On the frame of ``bench_tables.py`` (same rows, same seed), in one process: ``claims_from_dataframe`` (read),
``reconcile``, then the ``groups``, ``flags`` and ``claims`` tables (``Report.to_dataframe``). For each stage:
CPU seconds (``time.process_time``), the resident memory after it and the process's peak so far (MiB, input
included); the frame's own line is the memory before claimdiff runs. With ``--profile STAGE``, that stage runs
under ``cProfile`` and its 40 costliest functions are printed instead of its time.

    python benchmarks/bench_stages.py [N] [--profile read|reconcile|groups|flags|claims]
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tables import make_frame


def _resident_mib() -> float:
    """The process's resident memory now (Linux ``/proc``; the peak elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _peak_mib()


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage(name: str, job: Callable[[], Any], profile: str) -> Any:
    """Run one stage, print its CPU seconds and memory (or its profile), and return what it made."""
    if profile == name:
        prof = cProfile.Profile()
        out = prof.runcall(job)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        return out
    t0 = time.process_time()
    out = job()
    seconds = time.process_time() - t0
    print(
        f"{name:>10} {seconds:>7.2f} {_resident_mib():>10,.0f} {_peak_mib():>9,.0f}",
        flush=True,
    )
    return out


def main(argv: list[str]) -> None:
    profile = ""
    if "--profile" in argv:
        at = argv.index("--profile")
        profile = argv[at + 1]
        del argv[at : at + 2]
    n = int(argv[0]) if argv else 1_000_000
    import pandas as pd  # noqa: F401 - imported before the clocks start

    from claimdiff import claims_from_dataframe, reconcile

    df = make_frame(n)
    gc.collect()
    print(f"{'stage':>10} {'CPU s':>7} {'RSS MiB':>10} {'peak MiB':>9}   ({n:,} rows)")
    print(f"{'frame':>10} {'':>7} {_resident_mib():>10,.0f} {_peak_mib():>9,.0f}")
    loaded = stage("read", lambda: claims_from_dataframe(df), profile)
    report = stage("reconcile", lambda: reconcile(loaded), profile)
    for table in ("groups", "flags", "claims"):
        stage(table, lambda t=table: report.to_dataframe(t), profile)


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main(sys.argv[1:])
