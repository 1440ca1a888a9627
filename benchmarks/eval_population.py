"""Evaluate reconciliation on real conflicting figures: Wikipedia city populations (Pasternack & Roth 2010).

Reads ``../shared/data/population_pasternack/gtm_preprocessed`` (4,183 claims by 2,415 editors about
1,172 city-years; 277 census figures as truth), reconciles the claims under each policy, and scores
the best estimates against the census as the truth-discovery literature does: mean absolute error
(MAE) and error rate (share of items off by more than 1%). It also counts the outliers flagged and
how many of them are truly far (more than 10x) from the census figure.

    python benchmarks/eval_population.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from claimdiff import Claim, Estimate, Scope, Source, reconcile

DATA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "population_pasternack"
    / "gtm_preprocessed"
)


def load() -> tuple[list[Claim], dict[str, float]]:
    claims = []
    for i, line in enumerate(
        (DATA / "population-new-new.txt").read_text(encoding="latin-1").split("\n")
    ):
        if not line.strip():
            continue
        item, editor, value, year = line.split("\t")
        city = item.rsplit("_", 1)[0]
        claims.append(
            Claim(
                id=f"c{i}",
                metric="population",
                estimate=Estimate.exact(float(value), text=value),
                scope=Scope(place=("United States", city), counted="people"),
                source=Source(editor),
                period=f"{year}-01/{year}-12",
            )
        )
    truth = {}
    for line in (DATA / "population-gd.txt").read_text(encoding="latin-1").split("\n"):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.rsplit(",", 2)]
        city, year, value = parts[0], parts[1], parts[2]
        truth[f"{city}_{year}"] = float(value)
    return claims, truth


def main() -> None:
    if not DATA.exists():
        print(f"data not found at {DATA}; skipping")
        return
    claims, truth = load()
    print(f"{len(claims):,} claims, {len(truth)} census figures")
    print(f"{'policy':<14} {'seconds':>7} {'items':>6} {'MAE':>12} {'error rate':>10}")
    for policy in ("consensus", "median", "conservative", "latest", "truth"):
        t0 = time.perf_counter()
        report = reconcile(claims, policy)
        elapsed = time.perf_counter() - t0
        errors = []
        for g in report.groups:
            key = f"{g.place[-1]}_{g.period[:4] if g.period else ''}"
            if key in truth and g.best is not None:
                errors.append((abs(g.best - truth[key]), truth[key]))
        mae = statistics.fmean(e for e, _ in errors)
        rate = sum(e > 0.01 * t for e, t in errors) / len(errors)
        print(f"{policy:<14} {elapsed:>7.2f} {len(errors):>6} {mae:>12,.0f} {rate:>10.3f}")
    report = reconcile(claims)
    # One finding per far-off figure: a conflict tagged "outlier", whose dissenting claim is the figure.
    dissenting = {cid for g in report.groups for cid in g.dissenting}
    flagged = {
        cid
        for f in report.flags_of("contradiction", "discrepancy", "outlier")
        if "outlier" in f.tags
        for cid in f.claims
        if cid in dissenting
    }
    judged = far_flagged = far_total = 0
    for c in report.claims:
        g = report.group_of(c.id)
        key = f"{g.place[-1]}_{g.period[:4] if g.period else ''}"
        if key not in truth or c.figure is None:
            continue
        far = max(c.figure / max(truth[key], 1), truth[key] / max(c.figure, 1)) > 10
        far_total += far
        if c.id in flagged:
            judged += 1
            far_flagged += far
    print(
        f"outlier flags: {len(flagged)}; on census items: {judged}, of which {far_flagged} are more than 10x "
        f"off the census; claims more than 10x off on census items: {far_total}"
    )
    print(
        f"contradictions: {len(report.flags_of('contradiction'))}; discrepancies: {len(report.flags_of('discrepancy'))}; "
        f"groups: {len(report.groups)}"
    )


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    sys.exit(main())
