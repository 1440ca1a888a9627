"""Benchmark: reconciling 10^5 claims whose figures are tied by relations.

Each synthetic event has a country, four regions and three cities per region; deaths
and injuries by people, adults and children; missiles and drones launched and shot
down. The claims (several sources per figure, hedged) agree with one true breakdown,
except that about 2% are perturbed so that some sums no longer add up. Relations come
from the taxonomy (adults + children = people, missiles + drones, shot down <= launched)
and the place hierarchy (city <= region <= country, regions add up to at most the country).
Every group here has figures to add up with: it is the arithmetic's worst case (in
``bench_reconcile.py`` no group has, and the arithmetic only looks for partners).

Times are CPU seconds (``time.process_time``) of one run of ``reconcile``; ``arith. s`` is
the part of it spent in the arithmetic (``check_arithmetic``). ``peak MiB`` is the process's
maximum resident memory, input included; ``input MiB`` that maximum once the claims are
built, and ``pre-arith. MiB`` just before the arithmetic starts (so ``peak MiB`` minus it is
what the arithmetic adds, when it sets the peak). Each N runs in a fresh subprocess.

    python benchmarks/bench_arithmetic.py           # 10^4, 10^5 and 10^6 claims
    python benchmarks/bench_arithmetic.py 100000    # one size, JSON
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from typing import Any

import claimdiff._core.reconcile as core
from claimdiff import Claim, Estimate, Period, Scope, Source, reconcile

DAY = Period.day(dt.date(2024, 1, 1))
SOURCES = [Source(f"source {i}") for i in range(50)]


def _hedged(rnd: random.Random, truth: int) -> Estimate:
    shape = rnd.randrange(5)
    if shape == 0:
        return Estimate.at_least(max(0, truth - rnd.randrange(3)))
    if shape == 1:
        return Estimate.at_most(truth + rnd.randrange(3))
    if shape == 2:
        return Estimate.about(truth)
    return Estimate.exact(truth)


def make_claims(n: int, seed: int = 7) -> list[Claim]:
    """About ``n`` claims over as many events as it takes."""
    rnd = random.Random(seed)
    out: list[Claim] = []
    e = 0
    while len(out) < n:
        e += 1
        event = f"event {e}"
        places = [("Country",)]
        for r in range(4):
            places.append(("Country", f"Region {r}"))
            places.extend(("Country", f"Region {r}", f"City {r}.{c}") for c in range(3))
        truths: dict[tuple[str, ...], tuple[int, int]] = {}
        for p in places[::-1]:
            if len(p) == 3:
                truths[p] = (rnd.randint(0, 20), rnd.randint(0, 5))
            else:
                kids = [q for q in truths if len(q) == len(p) + 1 and q[: len(p)] == p]
                truths[p] = (
                    sum(truths[q][0] for q in kids) + rnd.randint(0, 5),
                    sum(truths[q][1] for q in kids) + rnd.randint(0, 2),
                )
        for p, (adults, children) in truths.items():
            for metric, scale in (("killed", 1), ("injured", 4)):
                figures = {
                    "adults": adults * scale,
                    "children": children * scale,
                    "people": (adults + children) * scale,
                }
                for counted, truth in figures.items():
                    for _ in range(rnd.randint(0, 2)):
                        value = truth + rnd.randint(3, 9) if rnd.random() < 0.02 else truth
                        out.append(
                            Claim(
                                id=f"e{e}-{len(out)}",
                                metric=metric,
                                estimate=_hedged(rnd, value),
                                scope=Scope(place=p, counted=counted, event=event),
                                source=rnd.choice(SOURCES),
                                stated=DAY,
                                period=DAY,
                            )
                        )
        launched_m, launched_d = rnd.randint(5, 50), rnd.randint(20, 120)
        for counted, launched in (
            ("missiles", launched_m),
            ("drones", launched_d),
            ("missiles and drones", launched_m + launched_d),
        ):
            down = int(launched * rnd.uniform(0.5, 1.0))
            for metric, truth in (("launched", launched), ("intercepted", down)):
                for _ in range(rnd.randint(1, 2)):
                    value = truth + rnd.randint(5, 40) if rnd.random() < 0.02 else truth
                    out.append(
                        Claim(
                            id=f"e{e}-{len(out)}",
                            metric=metric,
                            estimate=_hedged(rnd, value),
                            scope=Scope(place=("Country",), counted=counted, event=event),
                            source=rnd.choice(SOURCES),
                            stated=DAY,
                            period=DAY,
                        )
                    )
    return out[:n]


def _max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux


def run_one(n: int) -> dict[str, float]:
    """Build ``n`` claims, reconcile them once, and measure the whole and the arithmetic's part."""
    claims = make_claims(n)
    before = _max_rss_mib()
    arithmetic = core.check_arithmetic
    seen: dict[str, float] = {}

    def timed(*args: Any) -> Any:
        seen["pre_arith_mib"] = _max_rss_mib()
        t0 = time.process_time()
        try:
            return arithmetic(*args)
        finally:
            seen["arith_seconds"] = time.process_time() - t0

    core.check_arithmetic = timed  # the benchmark's own probe, undone below
    try:
        t0 = time.process_time()
        report = reconcile(claims)
        elapsed = time.process_time() - t0
    finally:
        core.check_arithmetic = arithmetic
    flags = sum(
        f.kind.value in {"subtotal_mismatch", "part_exceeds_whole", "inverted_metrics"}
        for f in report.flags
    )
    return {
        "n": n,
        "seconds": elapsed,
        "claims_per_second": n / elapsed,
        "arith_seconds": seen["arith_seconds"],
        "peak_mib": _max_rss_mib(),
        "input_mib": before,
        "pre_arith_mib": seen["pre_arith_mib"],
        "groups": len(report.groups),
        "arithmetic_flags": flags,
        "derived": len(report.derived),
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000, 100_000, 1_000_000]
    if len(sizes) == 1 and argv:
        print(json.dumps(run_one(sizes[0])))
        return
    print(
        f"{'N':>9} {'seconds':>8} {'claims/s':>9} {'arith. s':>8} {'peak MiB':>9} {'input MiB':>9} "
        f"{'pre-arith. MiB':>14} {'groups':>7} {'arith. flags':>12} {'derived':>8}"
    )
    for n in sizes:
        done = subprocess.run(
            [sys.executable, __file__, str(n)], capture_output=True, text=True, check=True
        )
        r = json.loads(done.stdout)
        print(
            f"{r['n']:>9,} {r['seconds']:>8.2f} {r['claims_per_second']:>9,.0f} {r['arith_seconds']:>8.2f} "
            f"{r['peak_mib']:>9,.0f} {r['input_mib']:>9,.0f} {r['pre_arith_mib']:>14,.0f} {r['groups']:>7,} "
            f"{r['arithmetic_flags']:>12,} {r['derived']:>8,}"
        )


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main(sys.argv[1:])
