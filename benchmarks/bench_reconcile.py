"""Benchmark: claims per second and peak memory of ``reconcile`` at N = 10^4, 10^5, 10^6.

``peak MiB`` is the process's maximum resident memory, input included; ``input MiB`` is
that maximum once the claims are built, before reconciling. Times are CPU seconds
(``time.process_time``) of one run of ``reconcile``.

Beside it, in the same process, a lower bound written in numpy does the same core work on
the same claims held as columns (group code, bounds and their closedness, origin code,
figure): sort by group key, each group's feasible interval (``np.maximum.reduceat`` /
``np.minimum.reduceat``, closedness included), the conflict test, the number of independent
origins per group, and the median figure clipped into the feasible interval as the best.
Building the columns from the claims is timed apart (``columns s``) and not counted in the
bound; the bound is the median of 3 runs. ``ratio`` is claimdiff's time over the bound's: a
ratio is stable on a shared machine, a time is not.

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
import statistics
import subprocess
import sys
import time
from typing import Any

from claimdiff import POLICIES, Claim, Estimate, Period, Scope, Source, reconcile

METRICS = ("killed", "injured", "launched", "intercepted", "damaged", "distance", "population")
COUNTED = ("people", "children", "drones", "missiles", "homes")
SOURCES = [
    Source(f"source {i}", kind=random.Random(i).choice(["media", "government", "military", "ngo"]))
    for i in range(200)
]
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
        return (
            Estimate.more_than(max(0, truth - 1 - r), unit=unit)
            if truth > 0
            else Estimate.exact(0, unit=unit)
        )
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
        scope = Scope(
            place=("Country", f"Region {g % 500}", f"Town {g}"),
            counted=None if is_distance else rnd.choice(COUNTED),
            event=f"event {g // 3}",
        )
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
            out.append(
                Claim(
                    id=f"g{g}-{k}",
                    metric=metric,
                    estimate=est,
                    scope=scope,
                    source=rnd.choice(SOURCES),
                    via=rnd.sample(RELAYS, rnd.randrange(3)),
                    stated=rnd.choice(DAYS),
                    period=DAYS[0],
                )
            )
    return out


def columns(claims: list[Claim]) -> dict[str, Any]:
    """The claims as numpy columns: interned group and origin codes, widened bounds, closedness, figure.

    Bounds are widened as reconcile widens them (precision and the policy's tolerance), so the bound
    compares the same intervals.
    """
    import numpy as np

    from claimdiff._core.verdicts import widen

    policy = POLICIES["consensus"]
    keys: dict[object, int] = {}
    origins: dict[str, int] = {}
    group = [keys.setdefault((c.key, c.dimension), len(keys)) for c in claims]
    origin = [origins.setdefault(c.origin, len(origins)) for c in claims]
    wide = [widen(c, policy, policy.tolerance.for_metric(c.metric.name)) for c in claims]
    return {
        "group": np.array(group, np.int64),
        "origin": np.array(origin, np.int64),
        "low": np.array([w[0] for w in wide]),
        "high": np.array([w[2] for w in wide]),
        "low_closed": np.array([w[1] for w in wide]),
        "high_closed": np.array([w[3] for w in wide]),
        "figure": np.array([np.nan if c.figure is None else c.figure for c in claims]),
        "n_origins": len(origins),
    }


def numpy_core(col: dict[str, Any]) -> dict[str, Any]:
    """The core work in numpy: per group feasible interval, conflict, origins, median best."""
    import numpy as np

    order = np.argsort(col["group"], kind="stable")
    g = col["group"][order]
    low, high = col["low"][order], col["high"][order]
    lc, hc = col["low_closed"][order], col["high_closed"][order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    counts = np.diff(np.r_[starts, len(g)])
    member = np.repeat(np.arange(len(starts)), counts)
    lo = np.maximum.reduceat(low, starts)
    hi = np.minimum.reduceat(high, starts)
    lo_open = np.maximum.reduceat((low == lo[member]) & ~lc, starts)
    hi_open = np.maximum.reduceat((high == hi[member]) & ~hc, starts)
    conflict = (lo > hi) | ((lo == hi) & (lo_open | hi_open))
    pairs = np.unique(member * col["n_origins"] + col["origin"][order])
    n_origins = np.bincount(pairs // col["n_origins"], minlength=len(starts))
    fig = col["figure"][order]
    by_value = np.lexsort((fig, member))  # NaN figures sort last within their group
    v = fig[by_value]
    known = np.add.reduceat(~np.isnan(fig), starts)
    has = known > 0
    a = starts + np.maximum(known - 1, 0) // 2
    b = starts + known // 2
    best = np.where(has, (v[a] + v[np.minimum(b, len(v) - 1)]) / 2, np.nan)
    best = np.where(conflict, best, np.clip(best, lo, hi))
    return {
        "groups": len(starts),
        "conflicts": int(conflict.sum()),
        "origins": n_origins,
        "best": best,
    }


def run_one(n: int) -> dict[str, float]:
    """Build ``n`` claims, reconcile them once, compute the numpy bound, and measure."""
    import numpy as np  # noqa: F401 - imported before the clock starts: the columnar core and the bound both use it

    claims = make_claims(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.process_time()
    report = reconcile(claims)
    elapsed = time.process_time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    t0 = time.process_time()
    col = columns(claims)
    col_seconds = time.process_time() - t0
    times = []
    for _ in range(3):
        t0 = time.process_time()
        bound = numpy_core(col)
        times.append(time.process_time() - t0)
    numpy_seconds = statistics.median(times)
    return {
        "n": n,
        "seconds": elapsed,
        "claims_per_second": n / elapsed,
        "peak_mib": peak,
        "input_mib": before,
        "groups": len(report.groups),
        "flags": len(report.flags),
        "numpy_seconds": numpy_seconds,
        "numpy_groups": bound["groups"],
        "columns_seconds": col_seconds,
        "ratio": elapsed / numpy_seconds,
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000, 100_000, 1_000_000]
    if len(sizes) == 1 and argv:
        print(json.dumps(run_one(sizes[0])))
        return
    print(
        f"{'N':>10} {'CPU s':>7} {'claims/s':>10} {'peak MiB':>9} {'input MiB':>9} {'groups':>8} {'flags':>8} "
        f"{'numpy s':>8} {'ratio':>6} {'columns s':>9}"
    )
    for n in sizes:
        done = subprocess.run(
            [sys.executable, __file__, str(n)], capture_output=True, text=True, check=True
        )
        r = json.loads(done.stdout)
        print(
            f"{r['n']:>10,} {r['seconds']:>7.2f} {r['claims_per_second']:>10,.0f} {r['peak_mib']:>9,.0f} "
            f"{r['input_mib']:>9,.0f} {r['groups']:>8,} {r['flags']:>8,} "
            f"{r['numpy_seconds']:>8.3f} {r['ratio']:>6.1f} {r['columns_seconds']:>9.2f}"
        )


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main(sys.argv[1:])
