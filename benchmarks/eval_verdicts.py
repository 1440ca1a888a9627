"""Are claimdiff's verdicts right on real data? Counts, errors and flag precision on data nobody here wrote.

For each real multi-source set in ``../shared/data/`` (read in place, never copied):

- stock volumes (Li et al. 2012): 32,530 claims of 34 sources about 1,000 symbols on 2011-07-01; nasdaq.com
  gold for 100 symbols;
- city populations (Pasternack & Roth 2010, GTM preprocessing): 4,183 claims, 277 census figures;
- COVID-19 cumulative cases and deaths per country and day from JHU, ECDC and WHO (no truth);
- a daily casualty series of our own making (cumulative and daily fields, republished with revisions,
  with planted falls and daily/cumulative mismatches).

it prints the verdicts (groups by verdict, conflict flags by kind and severity), the error of the best
figure against the truth where there is one, and how precise conflict flags are as detectors of wrong
claims: the share of blamed claims (a group's dissenters) more than 1% off the truth, against the base
rate of such claims. Runs with the claimdiff on the path, so an older checkout can be measured the same
way (``PYTHONPATH=old/src python benchmarks/eval_verdicts.py``); it then uses only what that version has.

    python benchmarks/eval_verdicts.py [stock|population|covid|series ...]
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import gzip
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import attrs

import claimdiff
from claimdiff import Claim, Estimate, Scope, Source, reconcile
from claimdiff.vocabulary import Metric

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
NEW = hasattr(claimdiff, "Tolerance")


def tolerant(relative: float) -> Any:
    return attrs.evolve(
        claimdiff.POLICIES["consensus"],
        name=f"consensus, {relative:.0%} tolerance",
        tolerance=claimdiff.tolerance.Tolerance(relative=relative),
    )


def conflicts(report: Any) -> tuple[Any, ...]:
    return (
        report.flags_of("contradiction", "discrepancy", "outlier")
        if NEW
        else report.flags_of("contradiction")
    )


def verdicts(report: Any) -> str:
    flags = collections.Counter(f"{f.kind.value}/{f.severity.value}" for f in conflicts(report))
    if NEW:
        groups = collections.Counter(g.verdict for g in report.groups)
        shown = ", ".join(f"{k} {v:,}" for k, v in sorted(groups.items()))
    else:
        feasible = sum(g.feasible for g in report.groups)
        shown = f"feasible {feasible:,}, infeasible {len(report.groups) - feasible:,}"
    return f"groups: {shown}; conflict flags: {dict(sorted(flags.items())) or 'none'}"


def detection(report: Any, wrong: set[str], scored: set[str]) -> str:
    """Precision of blamed claims (dissenters of groups with a conflict) as detectors of wrong claims."""
    conflicted = {f.group for f in conflicts(report)}
    blamed = {cid for g in report.groups if g.id in conflicted for cid in g.dissenting} & scored
    named = {cid for f in conflicts(report) for cid in f.claims} & scored
    base = len(wrong & scored) / len(scored) if scored else 0.0

    def share(s: set[str]) -> str:
        return f"{len(s & wrong) / len(s):.1%} of {len(s):,}" if s else "n/a (none)"

    return (
        f"wrong claims (>1% off truth): base rate {base:.1%} of {len(scored):,}; "
        f"blamed (dissenters): {share(blamed)}; named in a conflict flag: {share(named)}"
    )


# -- stock volumes --------------------------------------------------------------------------------


def stock() -> None:
    root = DATA / "stock_li2012"
    claims, seen = [], set()
    with (root / "claims_volume_20110701_slimfast" / "srcStockVolumes.csv").open(
        encoding="utf-8"
    ) as f:
        for i, (source, symbol, volume, _) in enumerate(csv.reader(f)):
            if (source, symbol) in seen:
                continue
            seen.add((source, symbol))
            claims.append(
                Claim(
                    id=f"s{i}",
                    metric="volume",
                    estimate=Estimate.exact(float(volume)),
                    scope=Scope(place=("NASDAQ", symbol.lower()), counted="shares"),
                    source=Source(source),
                )
            )
    truth = {}
    for line in (
        (root / "truth_nasdaq_com" / "stock-2011-07-01-nasdaq-com.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        cells = line.split("\t")
        if len(cells) > 5 and cells[5].strip():
            truth[cells[0].lower()] = float(cells[5].replace(",", ""))
    print(
        f"\n## Stock volumes: {len(claims):,} claims, {len({c.scope.place for c in claims}):,} symbols, "
        f"{len(truth)} with nasdaq.com gold"
    )
    wrong = {
        c.id
        for c in claims
        if c.scope.place[-1] in truth
        and abs(c.low - truth[c.scope.place[-1]]) > 0.01 * truth[c.scope.place[-1]]
    }
    scored = {c.id for c in claims if c.scope.place[-1] in truth}
    for policy in (
        [claimdiff.POLICIES["consensus"], tolerant(0.01)]
        if NEW
        else [claimdiff.POLICIES["consensus"]]
    ):
        t0 = time.perf_counter()
        report = reconcile(claims, policy)
        elapsed = time.perf_counter() - t0
        within = sum(
            1
            for g in report.groups
            if g.place[-1] in truth
            and g.best is not None
            and abs(g.best - truth[g.place[-1]]) <= 0.01 * truth[g.place[-1]]
        )
        print(f"- {policy.name} ({elapsed:.1f} s): {verdicts(report)}")
        print(
            f"  best within 1% of nasdaq.com: {within}/{len(truth)}; {detection(report, wrong, scored)}"
        )


# -- populations ----------------------------------------------------------------------------------


def population() -> None:
    root = DATA / "population_pasternack" / "gtm_preprocessed"
    claims = []
    for i, line in enumerate(
        (root / "population-new-new.txt").read_text(encoding="latin-1").split("\n")
    ):
        if not line.strip():
            continue
        item, editor, value, year = line.split("\t")
        claims.append(
            Claim(
                id=f"c{i}",
                metric="population",
                estimate=Estimate.exact(float(value), text=value),
                scope=Scope(place=("United States", item.rsplit("_", 1)[0]), counted="people"),
                source=Source(editor),
                period=f"{year}-01/{year}-12",
            )
        )
    truth = {}
    for line in (root / "population-gd.txt").read_text(encoding="latin-1").split("\n"):
        if line.strip():
            city, year, value = (p.strip() for p in line.rsplit(",", 2))
            truth[f"{city}_{year}"] = float(value)

    def key(c: Claim) -> str:
        return f"{c.scope.place[-1]}_{c.period.isoformat()[:4] if c.period else ''}"

    print(f"\n## Populations: {len(claims):,} claims, {len(truth)} census figures")
    wrong = {
        c.id
        for c in claims
        if key(c) in truth and abs(c.low - truth[key(c)]) > 0.01 * truth[key(c)]
    }
    scored = {c.id for c in claims if key(c) in truth}
    for name in ("consensus", "median", "latest"):
        t0 = time.perf_counter()
        report = reconcile(claims, name)
        elapsed = time.perf_counter() - t0
        errors = [
            abs(g.best - truth[f"{g.place[-1]}_{g.period[:4]}"])
            for g in report.groups
            if g.period and f"{g.place[-1]}_{g.period[:4]}" in truth and g.best is not None
        ]
        print(f"- {name} ({elapsed:.1f} s): {verdicts(report)}")
        print(
            f"  MAE {statistics.fmean(errors):,.0f} over {len(errors)} census items; {detection(report, wrong, scored)}"
            if errors
            else "  no census item"
        )


# -- COVID-19 --------------------------------------------------------------------------------------


def covid(limit: int | None = None) -> None:
    path = DATA / "covid_multisource_2020" / "tidy_global_country_claims.csv.gz"
    metrics = {
        "cum_cases": Metric("cases", cumulative=True),
        "cum_deaths": Metric("covid deaths", cumulative=True),
    }
    claims = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if limit is not None and i >= limit:
                break
            claims.append(
                Claim(
                    id=f"r{i}",
                    metric=metrics[row["metric"]],
                    estimate=Estimate.exact(float(row["value"])),
                    scope=Scope(place=(row["region"],), counted="people"),
                    source=Source(row["source"]),
                    period=f"2020-01-01/{row['date']}",
                    stated=row["date"],
                )
            )
    print(
        f"\n## COVID-19 (JHU, ECDC, WHO): {len(claims):,} cumulative claims, as of each day from 2020-01-01"
    )
    lagless = None
    if hasattr(
        claimdiff, "Lags"
    ):  # the verdicts as before lags and the small-count floor, on the same claims
        plain = attrs.evolve(
            claimdiff.POLICIES["consensus"],
            lags=claimdiff.relations.Lags(max_steps=0),
            grading=claimdiff.tolerance.Grading(min_count_gap=0),
        )
        lagless = reconcile(claims, plain)
        print(f"- consensus, no lags looked for, no small-count floor: {verdicts(lagless)}")
        floored = reconcile(claims, attrs.evolve(plain, grading=claimdiff.tolerance.Grading()))
        print(f"- consensus, small-count floor, no lags: {verdicts(floored)}")
    t0 = time.perf_counter()
    report = reconcile(claims)
    elapsed = time.perf_counter() - t0
    print(f"- consensus ({elapsed:.1f} s): {verdicts(report)}")
    one_day_offsets(lagless or report, report, claims)
    if NEW:
        falls = report.flags_of("downward_revision")
        by_source = collections.Counter(report.claim(f.claims[0]).source.name for f in falls)
        print(
            f"  falls within one agency's own series (downward revisions, warnings): {len(falls):,} "
            f"{dict(sorted(by_source.items()))}"
        )
        sizes = collections.Counter(
            "<1%"
            if f.relative_gap < 0.01
            else "1-5%"
            if f.relative_gap < 0.05
            else "5-10%"
            if f.relative_gap < 0.1
            else ">=10%"
            for f in conflicts(report)
            if f.relative_gap is not None
        )
        print(
            f"  differences between agencies on the same date, by size: {dict(sorted(sizes.items()))}"
        )
    else:
        print(f"  contradictions: {len(report.flags_of('contradiction')):,}")


def one_day_offsets(before: Any, after: Any, claims: list[Claim]) -> None:
    """Of the cross-agency contradictions a one-day offset explains (one agency's figure within 0.5% of the
    other's a day earlier or later), how many are tagged ``lag`` and graded below error; what the rest are."""
    by_id = {c.id: c for c in claims}
    value = {(c.key, c.origin, c.period.end.date()): c.low for c in claims if c.period is not None}

    def offset(f: Any) -> bool:
        a, b = (by_id[cid] for cid in f.claims[:2])
        for x, y in ((a, b), (b, a)):
            for days in (-1, 1):
                v = value.get((y.key, y.origin, x.period.end.date() + dt.timedelta(days=days)))
                if v is not None and abs(v - x.low) <= 0.005 * max(v, x.low):
                    return True
        return False

    contradictions = [
        f for f in before.flags_of("contradiction") if len({by_id[c].origin for c in f.claims}) > 1
    ]
    explained = {f.claims for f in contradictions if offset(f)}
    now = {f.claims: f for f in after.flags if f.group is not None}
    tagged = [
        c
        for c in explained
        if c in now and "lag" in now[c].tags and now[c].severity.value != "error"
    ]
    below = [c for c in explained if c in now and now[c].severity.value != "error"]
    print(
        f"  cross-agency contradictions before: {len(contradictions):,}; a one-day offset explains "
        f"{len(explained):,}; of those, tagged 'lag' and graded below error now: {len(tagged):,} "
        f"({len(tagged) / max(len(explained), 1):.1%}); graded below error for either reason (a lag, small counts): "
        f"{len(below):,} ({len(below) / max(len(explained), 1):.1%})"
    )
    lagged_pairs = {
        (lag.place, frozenset((lag.leader, lag.follower))): lag
        for lag in getattr(after, "lags", ())
    }
    untagged = collections.Counter()
    for c in explained:
        if c in now and "lag" in now[c].tags:
            continue
        a, b = (by_id[cid] for cid in c[:2])
        pair = frozenset((a.source.name, b.source.name))
        lag = lagged_pairs.get((a.scope.place, pair)) or lagged_pairs.get((None, pair))
        untagged[
            "no lag found for the pair there"
            if lag is None
            else "a lag, but this date does not fit it"
        ] += 1
    print(f"  one-day-offset contradictions not tagged: {dict(sorted(untagged.items()))}")
    lags = getattr(after, "lags", ())
    for lag in lags:
        if lag.place is None:
            print(f"  lag: {lag.message}")
    local = [lag for lag in lags if lag.place is not None]
    if local:
        shown = collections.Counter(
            f"{lag.follower} {lag.offset_text} behind {lag.leader}" for lag in local
        )
        print(
            f"  lags of one place: {len(local):,} ({', '.join(f'{k}: {n}' for k, n in shown.most_common(6))})"
        )
    left = [
        f for f in after.flags_of("contradiction") if len({by_id[c].origin for c in f.claims}) > 1
    ]
    kinds = collections.Counter()
    for f in left:
        a, b = sorted((by_id[cid] for cid in f.claims[:2]), key=lambda c: c.origin)
        lower = min(a.low, b.low)
        what = (
            "one says zero"
            if lower == 0
            else "a gap of under 5"
            if (f.gap or 0) < 5
            else "within a day's offset, pair without a lag"
            if f.claims in explained
            else "off by >=50%"
            if (f.relative_gap or 0) >= 0.5
            else "off by 10-50%"
        )
        kinds[f"{a.metric.name}, {a.source.name}/{b.source.name}: {what}"] += 1
    print(f"  contradictions left: {len(left):,}; by metric, pair and kind:")
    for k, n in kinds.most_common(12):
        print(f"    {n:6,}  {k}")


# -- a daily casualty series of our own making ----------------------------------------------------


def series(seed: int = 7, days: int = 400) -> None:
    """One ministry's cumulative and daily killed, republished each day; two of every 40 days planted wrong."""
    rnd = random.Random(seed)
    site = Scope(place=("Ukraine",), counted="people", event="war")
    killed, daily = Metric("killed", cumulative=True), Metric("killed that day")
    claims: list[Claim] = []
    total, planted_falls, planted_mismatch = 0, set(), set()
    start = dt.date(2022, 2, 24)
    for d in range(days):
        day = start + dt.timedelta(days=d)
        rise = rnd.randint(0, 60)
        total += rise
        shown_total, shown_rise = total, rise
        if d % 40 == 17:
            shown_total = total - rnd.randint(80, 200)  # a fall below the day before
            planted_falls.add(f"cum-{d}")
        elif d % 40 == 29:
            shown_rise = rise + rnd.randint(5, 30)  # a daily figure that is not the rise
            planted_mismatch.add(f"day-{d}")
        when = (day + dt.timedelta(days=1)).isoformat()
        claims.append(
            Claim(
                id=f"cum-{d}",
                metric=killed,
                estimate=Estimate.exact(shown_total),
                scope=site,
                source="Ministry",
                period=f"{start.isoformat()}/{day.isoformat()}",
                stated=when,
            )
        )
        claims.append(
            Claim(
                id=f"day-{d}",
                metric=daily,
                estimate=Estimate.exact(shown_rise),
                scope=site,
                source="Ministry",
                period=day.isoformat(),
                stated=when,
            )
        )
        if d % 50 == 3:  # republished with a revision a day later: the same figure, restated
            claims.append(
                Claim(
                    id=f"cum-{d}-rev",
                    metric=killed,
                    estimate=Estimate.exact(total),
                    scope=site,
                    source="Ministry",
                    period=f"{start.isoformat()}/{day.isoformat()}",
                    stated=(day + dt.timedelta(days=2)).isoformat(),
                )
            )
    print(
        f"\n## A daily casualty series of our own making: {len(claims):,} claims over {days} days, "
        f"{len(planted_falls)} planted falls, {len(planted_mismatch)} planted daily mismatches"
    )
    if not NEW:
        report = reconcile(claims)
        print(
            f"- (no Series relation in this version) contradictions: {len(report.flags_of('contradiction')):,}; "
            f"groups: {len(report.groups):,}"
        )
        return
    t0 = time.perf_counter()
    report = reconcile(
        claims, relations=[claimdiff.relations.Series(daily="killed that day", cumulative="killed")]
    )
    elapsed = time.perf_counter() - t0
    falls = {f.claims[1] for f in report.flags_of("downward_revision")}
    mismatches = report.flags_of("series_mismatch")
    caught = {cid for f in mismatches for cid in f.claims if cid.startswith("day-")}
    print(f"- consensus ({elapsed:.1f} s): {verdicts(report)}")
    print(
        f"  falls flagged: {len(falls & planted_falls)}/{len(planted_falls)} planted "
        f"({len(falls - planted_falls)} others, each the rise back after a planted fall: "
        f"{sorted(falls - planted_falls)[:3]}...)"
    )
    print(
        f"  daily mismatches flagged: {len(caught & planted_mismatch)}/{len(planted_mismatch)} planted; "
        f"{len(mismatches):,} series_mismatch flags in all (a planted fall also breaks the two days around it)"
    )


def main() -> None:
    wanted = set(sys.argv[1:]) or {"stock", "population", "covid", "series"}
    print(f"claimdiff {claimdiff.__version__} from {Path(claimdiff.__file__).parent}")
    for name, run in (
        ("stock", stock),
        ("population", population),
        ("covid", covid),
        ("series", series),
    ):
        if name in wanted:
            if name != "series" and not DATA.exists():
                print(f"data not found at {DATA}; skipping {name}")
                continue
            run()


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main()
