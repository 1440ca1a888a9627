"""Loader throughput: claimdiff's readers beside the plain parsers they are built on, timed in the same run.

    python benchmarks/bench_loaders.py [N ...]        (default: 10000 100000)
    python benchmarks/bench_loaders.py --hostile      (the worst hostile inputs found, each refused)
    python benchmarks/bench_loaders.py --csv-file N   (a claims CSV file of N rows: load_claims beside pandas.read_csv)

For each size, synthetic claims (mixed hedges, units, places, periods, named sources and relay chains,
in the shape of the seed file) are written once as CSV, JSON and YAML, then read by

* the plain parser alone: ``csv.DictReader`` rows, ``json.loads``, ``yaml.load`` with libyaml's ``CSafeLoader``;
* ``claimdiff.loads_claims`` (parse, check, build every Claim).

It prints claims/s for both and their ratio (claimdiff time / plain time). The ratio is stable on a shared
machine; the times are not. CPU time (``time.process_time``), best of 3 runs each (1 for YAML at 10^5).
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import yaml

from claimdiff import Claim, ClaimdiffError, Scope, Source, dump_claims, loads_claims

PLACES = [
    "Russia > Belgorod Oblast > Belgorod",
    "Russia > Belgorod Oblast",
    "Russia",
    "Ukraine > Kharkiv Oblast",
]
VALUES = [
    "at least {n}",
    "{n}",
    "some {n}",
    "over {n}",
    "between {n} and {m}",
    "up to {m}",
    "dozens",
    "{n}",
]
SOURCES = [
    Source(
        f"Source {i}", kind=random.Random(i).choice(["media", "agency", "government", "military"])
    )
    for i in range(50)
]


def synthetic(n: int, seed: int = 1) -> list[Claim]:
    """``n`` claims shaped like a hand-written claims file (unique ids)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        a = rng.randint(1, 500)
        value = rng.choice(VALUES).format(n=a, m=a + rng.randint(1, 50))
        day = 1 + i % 28
        out.append(
            Claim(
                id=f"c{i}",
                metric=rng.choice(["killed", "injured", "intercepted"]),
                estimate=value,
                scope=Scope(
                    place=rng.choice(PLACES),
                    counted=rng.choice(["people", "drones", "children"]),
                    event=f"event-{i % 97}",
                ),
                period=f"2023-12-{day:02d}",
                stated=f"2023-12-{day:02d}",
                source=rng.choice(SOURCES),
                via=tuple(rng.sample(SOURCES, rng.randint(0, 2))),
                note=rng.choice([None, "from the live blog"]),
            )
        )
    return out


def _best(fn: Callable[[], Any], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _plain(fmt: str, text: str) -> Any:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    if fmt == "json":
        return json.loads(text)
    return yaml.load(text, Loader=yaml.CSafeLoader)


def main(sizes: list[int]) -> None:
    """Print the table for each size."""
    print(f"{'format':>6} {'N':>8} {'plain/s':>10} {'claimdiff/s':>12} {'ratio':>6}")
    for n in sizes:
        claims = synthetic(n)
        for fmt in ("csv", "json", "yaml"):
            text = dump_claims(claims, format=fmt)
            runs = 1 if fmt == "yaml" and n >= 100_000 else 3
            plain = _best(lambda f=fmt, t=text: _plain(f, t), runs)
            ours = _best(lambda f=fmt, t=text: loads_claims(t, format=f), runs)  # type: ignore[arg-type]
            print(
                f"{fmt:>6} {n:>8,} {n / plain:>10,.0f} {n / ours:>12,.0f} {ours / plain:>6.1f}",
                flush=True,
            )


def _hostile() -> dict[str, tuple[str, str]]:
    """The worst inputs of the hardening pass (issue 13), each as (format, text)."""
    one = "  - {id: a, metric: killed, counted: people, value: 12, source: MoD}\n"
    long = "x" * 1_000_000
    return {
        "1 MB unit field (was minutes in pint)": (
            "json",
            (
                '{"claims": [{"id": "a", "metric": "distance", "value": 5, '
                f'"unit": "{"m" * 1_000_000}", "source": "M"}}]}}'
            ),
        ),
        "1 MB of text after a figure": (
            "yaml",
            f"claims:\n  - {{id: a, metric: killed, counted: people, value: '5 {long}', source: M}}\n",
        ),
        "aliases to a 100 kB text x 600 (60 MB)": (
            "yaml",
            f"title: &t {long[:100_000]}\ndescription: ["
            + ", ".join(["*t"] * 600)
            + "]\nclaims:\n"
            + one,
        ),
        "billion laughs (10^9 values)": (
            "yaml",
            "\n".join(
                ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
                + [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 9)]
            )
            + "\nclaims: []\n",
        ),
        "5,000-digit integer": (
            "json",
            '{"claims": [{"id": "a", "metric": "killed", "counted": "people", "value": '
            + "9" * 5000
            + ', "source": "M"}]}',
        ),
        "period of 5,000 parts": (
            "csv",
            "id,metric,counted,value,source,period\na,killed,people,1,M,"
            + "/".join(["2023-01-01"] * 5000)
            + "\n",
        ),
        "nesting 1,000 deep": ("yaml", "claims: " + "[" * 1000 + "]" * 1000),
        "a key given twice among 10^4 claims (JSON)": (
            "json",
            '{"claims": ['
            + ", ".join(
                f'{{"id": "c{i}", "metric": "killed", "counted": "people", "value": 1, "source": "M"}}'
                for i in range(10_000)
            )
            + '], "claims": []}',
        ),
    }


def hostile() -> None:
    """Time and peak memory of each hostile input until claimdiff refuses it."""
    print(f"{'input':<46} {'chars':>11} {'seconds':>8} {'peak MiB':>9}  refused with")
    for name, (fmt, text) in _hostile().items():
        start = time.perf_counter()
        outcome = _refusal(fmt, text)
        seconds = time.perf_counter() - start
        tracemalloc.start()  # a second run for memory: tracing slows Python down several times
        _refusal(fmt, text)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"{name:<46} {len(text):>11,} {seconds:>8.2f} {peak:>9.1f}  {outcome}", flush=True)


def _refusal(fmt: str, text: str) -> str:
    try:
        loads_claims(text, format=fmt)  # type: ignore[arg-type]
    except ClaimdiffError as e:
        return str(e).splitlines()[0].split("): ", 1)[-1][:50]
    return "ACCEPTED"


def csv_file(n: int) -> None:
    """Time ``load_claims`` on a claims CSV file of ``n`` rows beside ``pandas.read_csv`` of it (strings, no NA).

    The file is written once to the temporary directory and kept. Each reading runs in a fresh process, so
    that its peak resident memory is its own (seconds: CPU time of the read alone, best of 2).
    """
    path = os.path.join(tempfile.gettempdir(), f"claimdiff-bench-{n}.csv")
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(dump_claims(synthetic(n), format="csv"))
    reads = {
        "pandas.read_csv": "import pandas as pd; pd.read_csv(P, dtype=str, keep_default_na=False, "
        "na_filter=False)",
        "load_claims": "import claimdiff; claimdiff.load_claims(P)",
    }
    print(f"{path}: {os.path.getsize(path) / 2**20:,.0f} MiB, {n:,} rows")
    seconds = {}
    for label, code in reads.items():
        probe = (
            "import sys, time\nP = sys.argv[1]\nbest = float('inf')\n"
            "for _ in range(2):\n    t = time.process_time()\n    " + code + "\n"
            "    best = min(best, time.process_time() - t)\n"
            "hwm = [ln for ln in open('/proc/self/status') if ln.startswith('VmHWM')][0]\n"
            "print(best, int(hwm.split()[1]) / 1024)"
        )
        out = subprocess.run(
            [sys.executable, "-c", probe, path], check=True, capture_output=True, text=True
        ).stdout.split()
        seconds[label] = float(out[0])
        ratio = seconds[label] / seconds["pandas.read_csv"]
        print(
            f"{label:<16} {seconds[label]:>7.2f} s {ratio:>6.1f}x read_csv  peak {float(out[1]):>7,.0f} MiB",
            flush=True,
        )


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    if sys.argv[1:] == ["--hostile"]:
        hostile()
    elif sys.argv[1:2] == ["--csv-file"]:
        csv_file(int(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
