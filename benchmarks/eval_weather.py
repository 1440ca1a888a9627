"""Units on real data: air pressure from 15 weather sites, one of which reports hectopascals.

Reads ``../shared/data/weather_dong2010`` (Dong et al., VLDB 2010): pressure readings for city-time
slots from weather sites, with one provider's values as the reference. Fox News reports pressure in
hPa where the other sites use inches of mercury. The claims are built with each site's unit, reconciled,
and scored against the reference (in inHg): mean absolute error of the best estimates, and the share
within 0.01 inHg. For comparison, the mean and the median of the raw numbers with units ignored — what a
tool that treats figures as bare numbers computes. Last, the sites' units are left undeclared (all
read as inHg), and the outlier flags are counted per site: the hPa site should stand out.

    python benchmarks/eval_weather.py
"""

from __future__ import annotations

import csv
import gzip
import io
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from claimdiff import Claim, Estimate, Scope, Source, reconcile

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "weather_dong2010"
UNIT = {"foxnews": "hPa"}  # what each site writes pressure in; everyone else: inches of mercury


def rows(path: Path) -> list[list[str]]:
    with (
        gzip.open(path, "rt", encoding="utf-8")
        if path.suffix == ".gz"
        else path.open(encoding="utf-8") as f
    ):
        return list(csv.reader(io.StringIO(f.read())))[1:]


def load(units: dict[str, str]) -> tuple[list[Claim], dict[str, list[float]]]:
    """Pressure claims with each site's unit (``units``; inches of mercury when not listed)."""
    raw: dict[str, list[float]] = {}
    claims = []
    for path in sorted((DATA / "claims").glob("*.csv.gz")):
        for obj, prop, value, site, _stamp in rows(path):
            if prop != "Pressure":
                continue
            try:
                v = float(value)
            except ValueError:
                continue  # "N/A", "*" and the like: not a figure
            raw.setdefault(obj, []).append(v)
            claims.append(
                Claim(
                    id=f"{obj}/{site}/{len(claims)}",
                    metric="pressure",
                    scope=Scope(place=(obj,)),
                    estimate=Estimate.exact(v, unit=units.get(site, "inHg"), text=value),
                    source=Source(site),
                )
            )
    return claims, raw


def main() -> None:
    if not DATA.exists():
        print(f"data not found at {DATA}; skipping")
        return
    truth = {
        obj: float(v)
        for obj, prop, v in rows(DATA / "truth" / "weather_truth.csv")
        if prop == "Pressure"
    }
    claims, raw = load(UNIT)
    print(
        f"{len(claims):,} pressure claims on {len(raw):,} items; {len(truth):,} reference readings"
    )
    scored = [obj for obj in raw if obj in truth]

    def line(name: str, estimates: dict[str, float]) -> None:
        errors = [abs(estimates[o] - truth[o]) for o in scored if o in estimates]
        print(
            f"{name:<40} {statistics.fmean(errors):>9.3f} {sum(e <= 0.01 for e in errors) / len(errors):>12.3f}"
        )

    print(f"{'':<40} {'MAE inHg':>9} {'within 0.01':>12}")
    line("bare numbers, mean", {o: statistics.fmean(v) for o, v in raw.items()})
    line("bare numbers, median", {o: statistics.median(v) for o, v in raw.items()})
    for policy in ("median", "consensus"):
        t0 = time.perf_counter()
        report = reconcile(claims, policy)
        elapsed = time.perf_counter() - t0
        inhg = {
            g.place[0]: g.best / (33.8638864 if g.unit == "hPa" else 1)
            for g in report.groups
            if g.best is not None
        }
        line(f"claimdiff {policy}, units declared ({elapsed:.1f} s)", inhg)

    undeclared, _ = load({})
    report = reconcile(undeclared)
    dissenting = {cid for g in report.groups for cid in g.dissenting}
    by_site = Counter(
        report.claim(cid).source.name
        for f in report.flags_of("contradiction", "discrepancy", "outlier")
        if "outlier" in f.tags
        for cid in f.claims
        if cid in dissenting
    )
    print("units not declared (all inHg): outlier flags by site:", dict(by_site.most_common(3)))


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    sys.exit(main())
