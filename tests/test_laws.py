"""The laws of reconciliation, stated as properties and checked with hypothesis.

- input order does not matter;
- units do not matter;
- duplicates change nothing;
- soundness and completeness of conflict flags (discrepancies, contradictions, outliers), against
  brute-force enumeration;
- revisions and stale figures are never contradictions;
- precision and tolerance are sound and complete: a value inside every widened interval means no conflict,
  figures further apart than the tolerance are always flagged;
- a cumulative series may rise without conflict, and every fall is flagged.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from claimdiff import POLICIES, Claim, Estimate, FlagKind, Period, Scope, Source, reconcile
from claimdiff.tolerance import Precision, Tolerance

SCOPE = Scope(place="Ukraine > Kharkiv Oblast", counted="people", event="strike")
DAYS = [Period.day(dt.date(2024, 1, 1) + dt.timedelta(days=d)) for d in range(4)]
MAX = 30


@st.composite
def int_estimates(draw: st.DrawFn, unit: str = "") -> Estimate:
    """Integer-ended estimates of every hedge shape, between 0 and MAX."""
    a = draw(st.integers(0, MAX))
    shape = draw(
        st.sampled_from(["exact", "at_least", "more_than", "at_most", "less_than", "between"])
    )
    if shape == "between":
        return Estimate.between(a, draw(st.integers(a, MAX)), unit=unit)
    if shape == "less_than" and a == 0:
        shape = "at_most"
    return getattr(Estimate, shape)(a, unit=unit)  # type: ignore[no-any-return]


@st.composite
def groups(
    draw: st.DrawFn,
    *,
    metric: str | None = None,
    distinct_origins: bool = False,
    timed: bool = True,
) -> list[Claim]:
    """Claims about one figure; origins from a small pool (or all distinct), stated on one of four days."""
    n = draw(st.integers(1, 7))
    metric = metric or draw(st.sampled_from(["killed", "population"]))
    out = []
    for i in range(n):
        origin = f"origin {i}" if distinct_origins else draw(st.sampled_from(["A", "B", "C"]))
        stated = draw(st.sampled_from(DAYS)) if timed else draw(st.none() | st.sampled_from(DAYS))
        out.append(
            Claim(
                id=f"c{i}",
                metric=metric,
                estimate=draw(int_estimates()),
                scope=SCOPE,
                source=Source(origin),
                stated=stated,
            )
        )
    return out


def day_of(c: Claim) -> int:
    assert c.stated is not None
    return DAYS.index(c.stated)


def allows(c: Claim, x: int) -> bool:
    return c.allows(float(x))


def brute_feasible(claims: list[Claim], cumulative: bool) -> bool:
    """Is there an assignment of whole numbers that every claim allows?

    Non-cumulative: one value for all. Cumulative: one value per day, never falling from day to day.
    """
    values = range(MAX + 2)
    if not cumulative:
        return any(all(allows(c, x) for c in claims) for x in values)
    days = sorted({day_of(c) for c in claims})
    for xs in itertools.combinations_with_replacement(values, len(days)):  # non-decreasing tuples
        by_day = dict(zip(days, xs, strict=True))
        if all(allows(c, by_day[day_of(c)]) for c in claims):
            return True
    return False


def contradiction_pairs(report: Any) -> set[tuple[str, str]]:
    return {f.claims for f in report.flags_of("contradiction", "discrepancy", "outlier")}


@given(groups(timed=False), st.randoms())
def test_input_order_does_not_matter(claims: list[Claim], rnd: Any) -> None:
    """Any permutation of the input gives the same report."""
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert reconcile(shuffled).to_dict() == reconcile(claims).to_dict()


@given(groups(metric="killed", distinct_origins=True))
def test_cumulative_soundness_and_completeness(claims: list[Claim]) -> None:
    """A death toll (cumulative) is contradictory exactly when no never-falling sequence of whole numbers
    satisfies every claim: checked against brute-force enumeration."""
    assert reconcile(claims).has_conflict == (not brute_feasible(claims, cumulative=True))


@given(groups(metric="population", distinct_origins=True))
def test_non_cumulative_soundness_and_completeness(claims: list[Claim]) -> None:
    """A non-cumulative figure is contradictory exactly when no single whole number satisfies every claim."""
    assert reconcile(claims).has_conflict == (not brute_feasible(claims, cumulative=False))


@given(groups(distinct_origins=True))
def test_every_flag_is_sound_and_every_conflict_is_named(claims: list[Claim]) -> None:
    """Each conflict flag names two claims that cannot both hold (a smallest conflicting set); every pair
    that cannot both hold has at least one of its claims named; every dissenting claim is named."""
    report = reconcile(claims)
    cumulative = claims[0].metric.cumulative
    by_id = {c.id: c for c in claims}
    named = set()
    for a, b in contradiction_pairs(report):
        assert not brute_feasible([by_id[a], by_id[b]], cumulative)
        assert brute_feasible([by_id[a]], cumulative)
        assert brute_feasible([by_id[b]], cumulative)
        named |= {a, b}
    for a, b in itertools.combinations(claims, 2):
        if not brute_feasible([a, b], cumulative):
            assert a.id in named or b.id in named
    for g in report.groups:
        assert set(g.dissenting) <= named


@given(groups(timed=False), st.data())
def test_duplicates_change_nothing(claims: list[Claim], data: st.DataObject) -> None:
    """Adding a copy of a claim (new id, same origin) changes no interval and no contradiction."""
    original = data.draw(st.sampled_from(claims))
    copy = Claim(
        id="zz-copy",
        metric=original.metric,
        estimate=original.estimate,
        scope=original.scope,
        source=original.source,
        stated=original.stated,
    )
    before, after = reconcile(claims), reconcile([*claims, copy])

    def rename(pair: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(original.id if x == copy.id else x for x in pair))

    assert {rename(p) for p in contradiction_pairs(after)} == {
        rename(p) for p in contradiction_pairs(before)
    }
    assert [
        (g.low, g.high, g.feasible, g.consensus_low, g.consensus_high, g.best) for g in after.groups
    ] == [
        (g.low, g.high, g.feasible, g.consensus_low, g.consensus_high, g.best)
        for g in before.groups
    ]


@given(st.lists(int_estimates(), min_size=2, max_size=4), st.sampled_from(["killed", "population"]))
def test_one_origin_over_time_is_revision_not_contradiction(
    estimates: list[Estimate], metric: str
) -> None:
    """One origin restating its figure on successive days never contradicts itself; each figure is superseded
    by the first later one that is not merely it said more loosely (issue 17: 108, then "over 100", keeps 108)."""
    claims = [
        Claim(id=f"c{i}", metric=metric, estimate=e, scope=SCOPE, source="Ministry", stated=DAYS[i])
        for i, e in enumerate(estimates)
    ]
    report = reconcile(claims)
    assert not report.has_contradiction

    def covers(d: Claim, c: Claim) -> bool:  # d allows every value c allows
        return (d.low < c.low or (d.low == c.low and (d.low_closed or not c.low_closed))) and (
            d.high > c.high or (d.high == c.high and (d.high_closed or not c.high_closed))
        )

    def looser(d: Claim, c: Claim) -> bool:
        return covers(d, c) and not covers(c, d)

    revised = tuple(
        c.id for k, c in enumerate(claims) if any(not looser(d, c) for d in claims[k + 1 :])
    )
    assert report.groups[0].superseded == revised


@given(st.integers(0, MAX), st.integers(1, MAX))
def test_stale_figures_are_not_contradictions(low: int, rise: int) -> None:
    """An earlier toll below a later one from elsewhere is stale, never a contradiction."""
    claims = [
        Claim(
            id="early",
            metric="killed",
            estimate=Estimate.exact(low),
            scope=SCOPE,
            source="A",
            stated=DAYS[0],
        ),
        Claim(
            id="late",
            metric="killed",
            estimate=Estimate.at_least(low + rise),
            scope=SCOPE,
            source="B",
            stated=DAYS[1],
        ),
    ]
    report = reconcile(claims)
    assert not report.has_contradiction
    assert [f.kind for f in report.flags] == [FlagKind.STALE]


@st.composite
def distances(draw: st.DrawFn) -> list[tuple[str, Estimate, str]]:
    """(id, estimate in km, origin) triples for one distance figure."""
    n = draw(st.integers(1, 6))
    return [
        (f"d{i}", draw(int_estimates(unit="km")), draw(st.sampled_from("XYZ"))) for i in range(n)
    ]


def _in_unit(e: Estimate, unit: str, factor: int) -> Estimate:
    return Estimate(
        low=e.low * factor,
        high=e.high * factor,
        low_closed=e.low_closed,
        high_closed=e.high_closed,
        point=None if e.point is None else e.point * factor,
        unit=unit,
        hedge=e.hedge,
    )


@given(distances(), st.data())
def test_units_do_not_matter(specs: list[tuple[str, Estimate, str]], data: st.DataObject) -> None:
    """The same distances written in km, or in a mix of km and m, give the same groups and flags.

    Figures are taken at their word here: a figure's implied precision is a fact about how it was written
    ("5 km" is to the kilometre, "5000 m" to the metre), so it may rightly differ between the two spellings.
    """
    scope = Scope(place="Russia > Belgorod Oblast")
    in_km = [
        Claim(id=i, metric="distance", estimate=e, scope=scope, source=o, stated=DAYS[0])
        for i, e, o in specs
    ]
    mixed = [
        Claim(
            id=i,
            metric="distance",
            estimate=_in_unit(e, "m", 1000) if data.draw(st.booleans()) else e,
            scope=scope,
            source=o,
            stated=DAYS[0],
        )
        for i, e, o in specs
    ]
    exact = attrs.evolve(POLICIES["consensus"], precision=Precision(mode="exact"))
    a, b = reconcile(in_km, exact), reconcile(mixed, exact)
    assert [(f.kind, f.claims) for f in a.flags] == [(f.kind, f.claims) for f in b.flags]

    def metres(report: Any) -> list[tuple[float | None, ...]]:
        factor = {"km": 1000, "m": 1}
        out = []
        for g in report.groups:
            k = factor[g.unit]
            out.append(tuple(None if v is None else v * k for v in (g.low, g.high, g.best)))
        return out

    assert metres(a) == metres(b)


@given(groups(timed=False))
def test_nothing_is_dropped(claims: list[Claim]) -> None:
    """Every claim is in exactly one group or rejected."""
    assume(len({c.id for c in claims}) == len(claims))
    report = reconcile(claims)
    grouped = [cid for g in report.groups for cid in g.claims]
    assert sorted(grouped) == sorted(c.id for c in claims)


# -- precision and tolerance ---------------------------------------------------------------------


@st.composite
def measured(draw: st.DrawFn) -> list[Claim]:
    """Exact distances in km, written as numbers with up to two decimals, from distinct origins."""
    n = draw(st.integers(2, 5))
    out = []
    for i in range(n):
        value = draw(st.integers(0, 4000)) / draw(st.sampled_from([1, 10, 100]))
        out.append(
            Claim(
                id=f"m{i}",
                metric="distance",
                estimate=Estimate.exact(value, unit="km"),
                scope=Scope(place="X"),
                source=f"origin {i}",
            )
        )
    return out


@given(measured(), st.floats(0, 50), st.floats(0, 0.2))
def test_precision_and_tolerance_are_sound_and_complete(
    claims: list[Claim], absolute: float, relative: float
) -> None:
    """A conflict is flagged exactly when no value lies in every claim's interval widened by half its implied
    step and half the tolerance (absolute in metres plus relative to the bound): figures further apart than
    the tolerance are always flagged, figures within it never."""
    tolerance = Tolerance(absolute=absolute, relative=relative)
    policy = attrs.evolve(POLICIES["consensus"], tolerance=tolerance)
    precision = Precision()
    lows, highs = [], []
    for c in claims:
        reach = precision.half_width(c.estimate) * 1000
        lows.append(c.low - reach - tolerance.widening(c.low))
        highs.append(c.high + reach + tolerance.widening(c.high))
    assert reconcile(claims, policy).has_conflict == (max(lows) > min(highs))


# -- cumulative series ---------------------------------------------------------------------------


def _as_of(i: int, value: int, origin: str = "Ministry") -> Claim:
    day = dt.date(2024, 1, 1) + dt.timedelta(days=i)
    return Claim(
        id=f"d{i:02}",
        metric="killed",
        estimate=Estimate.exact(value),
        scope=SCOPE,
        source=origin,
        period=f"2024-01-01/{day.isoformat()}",
        stated=day.isoformat(),
    )


@given(st.lists(st.integers(0, 50), min_size=1, max_size=20))
def test_a_rising_series_never_conflicts_and_every_fall_is_flagged(steps: list[int]) -> None:
    """One origin's cumulative series as of successive dates: rising points never give a finding; lowering any
    one point below its predecessor always gives a downward revision naming that step."""
    values = list(itertools.accumulate(steps))
    rising = reconcile([_as_of(i, v) for i, v in enumerate(values)])
    assert rising.flags_of(severity="warning") == ()
    if len(values) > 1 and values[-2] > 0:
        fallen = [*values[:-1], values[-2] - 1]
        report = reconcile([_as_of(i, v) for i, v in enumerate(fallen)])
        downs = report.flags_of(FlagKind.DOWNWARD_REVISION)
        assert (f"d{len(values) - 2:02}", f"d{len(values) - 1:02}") in [f.claims for f in downs]
