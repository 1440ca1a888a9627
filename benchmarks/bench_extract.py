"""Benchmark: throughput of ``claimdiff.extract`` (KB/s) on 10 kB, 100 kB and 1 MB of varied text.

The text is built from the paragraphs of the extraction fixtures (``tests/fixtures/extract``)
and the real-text corpus (``tests/fixtures/real``), shuffled with a fixed seed, with every
number replaced by another, and with paragraphs sometimes run together (long paragraphs
without blank lines are where a quadratic reader shows). Each size runs in a fresh
subprocess; the time is CPU time, the median of 3 runs, each on a text of its own (another seed: other
paragraphs, other numbers), after a warm-up extract of 10 kB that reads the tables (see below). Until the
fourteenth round of issue 22 the three runs read one text, which let what extraction keeps per phrase flatter
the second and third runs.

Start-up is measured apart, in a fresh subprocess: ``import claimdiff``, then the first ``extract``
of 10 kB (which loads the tables extraction reads on first use: the gazetteer, the units, GeoNames'
towns), then a second ``extract`` of the same text (what the first would cost without the loading).

Hostile input is measured apart (``hostile``): texts built to make a reader that is not linear
show it (a huge table, one paragraph of thousands of sentences, one sentence of thousands of figures
and places, thousands of numbers on one line, a paragraph of thousands of quotations), each at three
sizes doubling, with the growth of the time over the growth of the size (1.0 is linear; above 1.5
is flagged).

    python benchmarks/bench_extract.py            # start-up, then 10 kB, 100 kB, 1 MB
    python benchmarks/bench_extract.py 100000     # one size
    python benchmarks/bench_extract.py start-up   # start-up only
    python benchmarks/bench_extract.py hostile    # the scaling lines on hostile input
"""

from __future__ import annotations

import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10_000, 100_000, 1_000_000)


def paragraphs() -> list[str]:
    """Every paragraph of the fixture and corpus texts."""
    out: list[str] = []
    for folder in (ROOT / "tests" / "fixtures" / "extract", ROOT / "tests" / "fixtures" / "real"):
        for path in sorted(folder.glob("*.txt")):
            out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return out


def make_text(size: int, seed: int = 1) -> str:
    """About ``size`` characters of varied article text."""
    rnd = random.Random(seed)
    pool = paragraphs()
    parts: list[str] = []
    total = 0
    while total < size:
        p = re.sub(
            r"\d+",
            lambda m: str(
                rnd.randrange(1, 10 ** len(m.group())) if len(m.group()) < 4 else m.group()
            ),
            rnd.choice(pool),
        )
        parts.append(p)
        parts.append("\n\n" if rnd.random() < 0.7 else " ")
        total += len(p) + 1
    return "".join(parts)[:size]


#: Hostile texts of ``n`` units each: what a quadratic reader would choke on.
HOSTILE: dict[str, Callable[[int], str]] = {
    "markdown table": lambda n: (
        "Casualties by region\n\n| Region | Killed | Injured |\n|---|---|---|\n"
        + "".join(f"| Region {i} | {i * 3} | {i * 7} |\n" for i in range(n))
    ),
    "tab-separated table": lambda n: (
        "Region\tKilled\tInjured\n" + "".join(f"Place{i}\t{i * 3}\t{i * 7}\n" for i in range(n))
    ),
    "one long paragraph": lambda n: " ".join(
        f"In Town{i}, at least {i + 2} people were killed and {i * 3} injured, officials said."
        for i in range(n)
    ),
    "one long sentence": lambda n: (
        "Officials said " + ", ".join(f"{i + 2} people were killed in Abc{i}" for i in range(n))
    ),
    "numbers on one line": lambda n: (
        "The toll was " + ", ".join(str(i + 10) for i in range(n)) + " people killed."
    ),
    "quotations, speaker after": lambda n: " ".join(
        f"\u201cAt least {i + 2} people died in the attack,\u201d the governor said."
        for i in range(n)
    ),
    "quotations, speaker before": lambda n: " ".join(
        f'The governor said: "At least {i + 2} people died in the attack." Rescuers kept searching.'
        for i in range(n)
    ),
}
#: The units of the smallest hostile text; the next two double it.
HOSTILE_UNITS = 1000


def hostile() -> None:
    """Print, for each hostile text, the CPU seconds at three sizes and the growth of time over size."""
    from claimdiff import extract  # imported here: the module is also run to time one size

    for make in HOSTILE.values():  # the tables each kind of text reads on first use, read before
        extract(make(50), published="2024-01-01", outlet="Bench News")
    print(f"{'hostile input':<28} {'size':>8} {'seconds':>8} {'KB/s':>6}  growth")
    for name, make in HOSTILE.items():
        times: list[tuple[int, float]] = []
        for n in (HOSTILE_UNITS, 2 * HOSTILE_UNITS, 4 * HOSTILE_UNITS):
            text = make(n)
            t0 = time.process_time()
            extract(text, published="2024-01-01", outlet="Bench News")
            times.append((len(text), time.process_time() - t0))
        for i, (size, seconds) in enumerate(times):
            growth = ""
            if i:
                ratio = (seconds / times[0][1]) / (size / times[0][0])
                growth = f"{ratio:.2f}" + ("  SUPERLINEAR" if ratio > 1.5 else "")
            label = name if i == 0 else ""
            print(f"{label:<28} {size:>8,} {seconds:>8.2f} {size / 1000 / seconds:>6.0f}  {growth}")


def start_up() -> tuple[float, float, float]:
    """CPU seconds of ``import claimdiff``, of the first extraction of 10 kB, and of the same again."""
    text = make_text(10_000)
    t0 = time.process_time()
    from claimdiff import extract  # the import is what is timed

    t1 = time.process_time()
    extract(text, published="2024-01-01", outlet="Bench News")
    t2 = time.process_time()
    extract(text, published="2024-01-01", outlet="Bench News")
    return t1 - t0, t2 - t1, time.process_time() - t2


def run(size: int) -> float:
    """CPU seconds for one extraction of ``size`` characters (median of 3, each on a fresh text)."""
    from claimdiff import extract  # imported in the subprocess that times it

    extract(
        make_text(10_000, seed=0), published="2024-01-01", outlet="Bench News"
    )  # the tables read
    times = []
    for seed in (1, 2, 3):
        text = make_text(size, seed=seed)
        t0 = time.process_time()
        extract(text, published="2024-01-01", outlet="Bench News")
        times.append(time.process_time() - t0)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    if argv == ["--start-up-child"]:
        print(*start_up())
        return 0
    if argv == ["hostile"]:
        hostile()
        return 0
    if argv and argv[0] != "start-up":
        size = int(argv[0])
        print(run(size))
        return 0
    out = subprocess.run(
        [sys.executable, __file__, "--start-up-child"], capture_output=True, text=True, check=True
    )
    imported, first, again = map(float, out.stdout.split())
    print(
        f"start-up: import claimdiff {imported:.2f} s; first extract of 10 kB {first:.2f} s"
        f" (the same again {again:.2f} s: {first - again:.2f} s of tables read on first use)"
    )
    if argv:
        return 0
    print(f"{'size':>10} {'seconds':>8} {'KB/s':>8}")
    for size in SIZES:
        out = subprocess.run(
            [sys.executable, __file__, str(size)], capture_output=True, text=True, check=True
        )
        seconds = float(out.stdout.strip())
        print(f"{size:>10,} {seconds:>8.2f} {size / 1000 / seconds:>8.0f}")
    return 0


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    sys.exit(main(sys.argv[1:]))
