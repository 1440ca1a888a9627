"""Loader throughput: claimdiff's readers beside the plain parsers they are built on, timed in the same run.

    python benchmarks/bench_loaders.py [N ...]        (default: 10000 100000)

For each size, synthetic claims (mixed hedges, units, places, periods, named sources and relay chains,
in the shape of the seed file) are written once as CSV, JSON and YAML, then read by

* the plain parser alone: ``csv.DictReader`` rows, ``json.loads``, ``yaml.load`` with libyaml's ``CSafeLoader``;
* ``claimdiff.loads_claims`` (parse, check, build every Claim).

It prints claims/s for both and their ratio (claimdiff time / plain time). The ratio is stable on a shared
machine; the times are not. Best of 3 runs each.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
import time
from collections.abc import Callable
from typing import Any

import yaml

from claimdiff import Claim, Scope, Source, dump_claims, loads_claims

PLACES = ["Russia > Belgorod Oblast > Belgorod", "Russia > Belgorod Oblast", "Russia", "Ukraine > Kharkiv Oblast"]
VALUES = ["at least {n}", "{n}", "some {n}", "over {n}", "between {n} and {m}", "up to {m}", "dozens", "{n}"]
SOURCES = [Source(f"Source {i}", kind=random.Random(i).choice(["media", "agency", "government", "military"]))
           for i in range(50)]


def synthetic(n: int, seed: int = 1) -> list[Claim]:
    """``n`` claims shaped like a hand-written claims file (unique ids)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        a = rng.randint(1, 500)
        value = rng.choice(VALUES).format(n=a, m=a + rng.randint(1, 50))
        day = 1 + i % 28
        out.append(Claim(
            id=f"c{i}", metric=rng.choice(["killed", "injured", "intercepted"]), estimate=value,
            scope=Scope(place=rng.choice(PLACES), counted=rng.choice(["people", "drones", "children"]),
                        event=f"event-{i % 97}"),
            period=f"2023-12-{day:02d}", stated=f"2023-12-{day:02d}", source=rng.choice(SOURCES),
            via=tuple(rng.sample(SOURCES, rng.randint(0, 2))), note=rng.choice([None, "from the live blog"]),
        ))
    return out


def _best(fn: Callable[[], Any], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _plain(fmt: str, text: str) -> Any:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    if fmt == "json":
        return json.loads(text)
    return yaml.load(text, Loader=yaml.CSafeLoader)  # noqa: S506 - the safe C loader


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
            print(f"{fmt:>6} {n:>8,} {n / plain:>10,.0f} {n / ours:>12,.0f} {ours / plain:>6.1f}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
