"""Benchmark: claims per second and peak memory of ``reconcile`` at N = 10^4, 10^5, 10^6.

``peak MiB`` is the process's maximum resident memory, input included; ``input MiB`` is
that maximum once the claims are built, before reconciling.

Synthetic claims come in many groups of a few claims each, with mixed units (counts,
kilometres, miles, metres), every kind of hedge, a pool of sources with relay chains,
and statement times over a week. Each N runs in a fresh subprocess so that its peak
memory (max RSS) is its own.

    python benchmarks/bench_reconcile.py            # 10^4, 10^5, 10^6
    python benchmarks/bench_reconcile.py 10000      # one size
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time

from claimdiff import Claim, Estimate, Period, Scope, Source, reconcile

METRICS = ("killed", "injured", "launched", "intercepted", "damaged", "distance", "population")
COUNTED = ("people", "children", "drones", "missiles", "homes")
SOURCES = [Source(f"source {i}", kind=random.Random(i).choice(["media", "government", "military", "ngo"]))
           for i in range(200)]
RELAYS = [Source(name) for name in ("Reuters", "AP", "AFP", "TASS", "Ukrinform")]
DAYS = [Period.day(dt.date(2024, 1, 1) + dt.timedelta(days=d)) for d in range(7)]


def _estimate(rnd: random.Random, truth: int, unit: str, scale: float) -> Estimate:
    """A hedged figure that allows ``truth`` (given in ``unit``, ``scale`` units per canonical one)."""
    if unit in ("mile", "m"):
        # Converted distances are never exact in another unit: sources round, so they hedge.
        return Estimate.about(round(truth * scale, 1), unit=unit)
    r = rnd.randrange(4)
    shape = rnd.randrange(10)
    if shape == 0:
        return Estimate.at_least(max(0, truth - r), unit=unit)
    if shape == 1:
        return Estimate.more_than(max(0, truth - 1 - r), unit=unit) if truth > 0 else Estimate.exact(0, unit=unit)
    if shape == 2:
        return Estimate.at_most(truth + r, unit=unit)
    if shape == 3:
        return Estimate.about(truth, unit=unit)
    if shape == 4:
        return Estimate.between(max(0, truth - r), truth + r + 1, unit=unit)
    return Estimate.exact(truth, unit=unit)


def make_claims(n: int, seed: int = 1) -> list[Claim]:
    """``n`` claims in groups of 1 to 6.

    Most claims agree with their group's true figure under their hedge; about 3% state a
    wrong exact figure (a contradiction) and 0.5% are thirty times too large (outliers).
    """
    rnd = random.Random(seed)
    out: list[Claim] = []
    g = 0
    while len(out) < n:
        g += 1
        metric = rnd.choice(METRICS)
        is_distance = metric == "distance"
        scope = Scope(place=("Country", f"Region {g % 500}", f"Town {g}"),
                      counted=None if is_distance else rnd.choice(COUNTED), event=f"event {g // 3}")
        truth = rnd.randint(1, 500)
        for k in range(min(rnd.randint(1, 6), n - len(out))):
            unit, scale = ("", 1.0)
            if is_distance:
                unit, scale = rnd.choice([("km", 1.0), ("mile", 1 / 1.609344), ("m", 1000.0)])
            roll = rnd.random()
            if roll < 0.03:
                est = Estimate.exact(round(truth * scale) + rnd.randint(5, 50), unit=unit)
            elif roll < 0.035:
                est = Estimate.exact(round(truth * scale * 30), unit=unit)
            else:
                est = _estimate(rnd, truth, unit, scale)
            out.append(Claim(
                id=f"g{g}-{k}", metric=metric, estimate=est, scope=scope, source=rnd.choice(SOURCES),
                via=rnd.sample(RELAYS, rnd.randrange(3)), stated=rnd.choice(DAYS), period=DAYS[0],
            ))
    return out


def run_one(n: int) -> dict[str, float]:
    """Build ``n`` claims, reconcile them once, and measure."""
    claims = make_claims(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    report = reconcile(claims)
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    return {"n": n, "seconds": elapsed, "claims_per_second": n / elapsed, "peak_mib": peak, "input_mib": before,
            "groups": len(report.groups), "flags": len(report.flags)}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000, 100_000, 1_000_000]
    if len(sizes) == 1 and argv:
        print(json.dumps(run_one(sizes[0])))
        return
    print(f"{'N':>10} {'seconds':>8} {'claims/s':>10} {'peak MiB':>9} {'input MiB':>9} {'groups':>8} {'flags':>8}")
    for n in sizes:
        done = subprocess.run([sys.executable, __file__, str(n)], capture_output=True, text=True, check=True)
        r = json.loads(done.stdout)
        print(f"{r['n']:>10,} {r['seconds']:>8.2f} {r['claims_per_second']:>10,.0f} {r['peak_mib']:>9,.0f} "
              f"{r['input_mib']:>9,.0f} "
              f"{r['groups']:>8,} {r['flags']:>8,}")


if __name__ == "__main__":
    main(sys.argv[1:])
