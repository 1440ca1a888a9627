"""End to end: ``claimdiff check`` on UCDP-shaped files of 10^4 to 10^6 events, time and peak memory per claim.

    python benchmarks/bench_check.py [N ...]          (default: 10000 100000)
    python benchmarks/bench_check.py 1000000          (65 MB, inside the 64 MiB = 67.1 MB limit)

The rows are the real events of the shared UCDP GED 23.1 sample (``../shared/data/ucdp_ged_sample``, 1,000
events, 13 of them with ``best`` outside ``[low, high]``), repeated with fresh ids until the file has N
rows, in the UCDP reader's required columns plus ``type_of_violence`` and ``adm_1``. Each size runs in a fresh process:
``claimdiff check --input-format ucdp FILE --format json --lenient --fail-on never -o OUT``. The process
reports its wall time for ``main()`` and its peak resident memory (``ru_maxrss``); memory per claim is
the peak less the resident memory just before ``main()`` (Python, claimdiff and its imports), divided by N.
One run per size on a shared machine: the times move with the load, the memory does not.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "ucdp_ged_sample"
    / "ucdp_ged231_sample1000.csv"
)
#: The reader's required columns, the type of violence (in each claim's note) and the first-level area: about
#: 65 bytes a row, so that 10^6 rows fit in the 64 MiB a file may hold.
COLUMNS = (
    "id",
    "type_of_violence",
    "country",
    "adm_1",
    "date_start",
    "date_end",
    "best",
    "high",
    "low",
)

_CHILD = r"""
import json, resource, sys, time
from claimdiff.cli import main

def rss_kib():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))

before = rss_kib()
start = time.perf_counter()
code = main(sys.argv[1:])
seconds = time.perf_counter() - start
print(json.dumps({"code": code, "seconds": seconds, "before_kib": before,
                  "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def write_file(path: Path, n: int) -> None:
    """``n`` UCDP GED rows: the sample's events in turn, each with a fresh id."""
    with SAMPLE.open(newline="", encoding="utf-8") as f:
        rows = [{c: r[c] for c in COLUMNS} for r in csv.DictReader(f)]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        writer.writeheader()
        for i in range(n):
            writer.writerow({**rows[i % len(rows)], "id": str(i + 1)})


def run(n: int, folder: Path) -> dict[str, float]:
    """One ``claimdiff check`` of ``n`` rows in a fresh process."""
    data, out = folder / f"ged-{n}.csv", folder / f"report-{n}.json"
    write_file(data, n)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD,
            "check",
            "--input-format",
            "ucdp",
            str(data),
            "--format",
            "json",
            "--lenient",
            "--fail-on",
            "never",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"check failed on {n} rows: {done.stderr.strip()}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result["file_mb"] = data.stat().st_size / 1e6
    report = json.loads(out.read_text(encoding="utf-8"))
    result["claims"] = report["summary"]["claims"]
    result["rejected"] = len(report["rejected"])
    return result


def main(argv: list[str]) -> None:
    """Print time and memory per claim for each size."""
    if not SAMPLE.exists():
        raise SystemExit(f"needs the shared UCDP sample at {SAMPLE}")
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    print(
        f"{'rows':>9} {'file MB':>8} {'claims':>9} {'rejected':>8} {'seconds':>8} {'us/claim':>9} "
        f"{'peak MiB':>9} {'kB/claim':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = run(n, Path(tmp))
            extra_kb = (r["peak_kib"] - r["before_kib"]) * 1.024 / n
            print(
                f"{n:>9,} {r['file_mb']:>8.1f} {r['claims']:>9,} {r['rejected']:>8,} {r['seconds']:>8.1f} "
                f"{r['seconds'] / n * 1e6:>9.0f} {r['peak_kib'] / 1024:>9.0f} {extra_kb:>9.2f}"
            )
            for name in os.listdir(tmp):
                os.unlink(os.path.join(tmp, name))


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main(sys.argv[1:])
