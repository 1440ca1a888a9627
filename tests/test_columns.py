"""The columnar core: which groups are quiet, found in bulk, and what is found of them.

``quiet_groups`` finds from numpy columns which groups are quiet and their intervals (the groups
themselves are then made by ``build_group``, the one maker of groups); ``analyse`` judges a group
claim by claim. The law: a group the columns call quiet is exactly the group (every field), notices
(kinds, claims, sentences) and facts for the arithmetic ``analyse`` gives it, under every ready-made
policy and under precision and tolerance settings, on groups with mixed units, hedges, repeated
origins, withdrawn claims and statements hours or days apart.
"""

from __future__ import annotations

import datetime as dt
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import (
    POLICIES,
    Claim,
    Estimate,
    Period,
    Policy,
    Scope,
    Source,
    Withdrawal,
    reconcile,
)
from claimdiff._core import quiet
from claimdiff._core import reconcile as reconcile_module
from claimdiff._core.columns import Columns
from claimdiff._core.flags import FlagKind
from claimdiff._core.grouping import group_claims
from claimdiff._core.judged_group import Verdict, set_aside_of
from claimdiff._core.lazy_items import LazyItems
from claimdiff._core.quiet import quiet_groups
from claimdiff._core.series import check_series
from claimdiff._core.timeline import long_after, stated_before
from claimdiff._core.verdicts import analyse
from claimdiff.hedges import Provenance
from claimdiff.relations import Series
from claimdiff.tolerance import Precision, Tolerance

T0 = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
WHEN = [
    None,
    Period.day(T0.date()),
    Period.day(T0.date() + dt.timedelta(days=2)),
    Period.instant(T0 + dt.timedelta(hours=1)),
    Period.instant(T0 + dt.timedelta(hours=3)),
    Period.instant(T0 + dt.timedelta(hours=12)),
]
UNITS = {
    "killed": [""],
    "population": [""],
    "distance": ["km", "mile", "m"],
    "temperature": ["degC", "degF", "kelvin"],
}
POLICY_LIST = [
    *POLICIES.values(),
    Policy(name="tolerant", tolerance=Tolerance(absolute=2, relative=0.05)),
    Policy(name="steps", precision=Precision(steps={"km": 2.0, "mile": 1.0}, round_from=100)),
    Policy(name="exact", precision=Precision(mode="exact"), growth_window=0.0),
    Policy(name="rounded data", precision=Precision(data="implied")),
]


@st.composite
def estimates(
    draw: st.DrawFn,
    unit: str,
    bases: tuple[int, ...] = (0, 3, 10, 12, 14, 100, 17_879_000, 18_000_000),
) -> Estimate:
    """Every hedge, on small and on large round figures, given as data, as rounded data or worded."""
    base = draw(st.sampled_from(bases))
    x = base + draw(st.integers(0, 4))
    shape = draw(st.sampled_from(["exact", "at_least", "more_than", "at_most", "about", "between"]))
    given_as = draw(st.sampled_from([Provenance.DATUM, Provenance.ROUNDED, Provenance.WORDED]))
    text = f"{x:,} {unit}".strip() if given_as is Provenance.WORDED else ""
    if shape == "between":
        return Estimate.between(
            x, x + draw(st.integers(0, 5)), unit=unit, text=text, provenance=given_as
        )
    if shape == "about":
        return Estimate.about(x, unit=unit, text=text, provenance=given_as)
    return getattr(Estimate, shape)(x, unit=unit, text=text, provenance=given_as)  # type: ignore[no-any-return]


@st.composite
def claim_lists(draw: st.DrawFn) -> list[Claim]:
    """Several groups of claims: a few keys, origins from a small pool, relays, mixed units and times."""
    out = []
    for i in range(draw(st.integers(1, 14))):
        metric = draw(st.sampled_from(sorted(UNITS)))
        unit = draw(st.sampled_from(UNITS[metric]))
        place = draw(st.sampled_from(["Ukraine", "Ukraine > Kharkiv Oblast"]))
        scope = Scope(place=place, counted="people" if UNITS[metric] == [""] else None)
        source = Source(
            draw(st.sampled_from(["A", "B", "C", "D"])),
            party=draw(st.sampled_from([None, "x", "y"])),
        )
        via = draw(st.sampled_from([(), (Source("Reuters"),), (Source("AP"),)]))
        out.append(
            Claim(
                id=f"c{i:02d}",
                metric=metric,
                estimate=draw(estimates(unit)),
                scope=scope,
                source=source,
                via=via,
                stated=draw(st.sampled_from(WHEN)),
            )
        )
    return out


def _same(claims: list[Claim], policy: Policy, withdrawn: set[str]) -> int:
    """Every group the columns find quiet is, when read, the group, notice and facts ``analyse`` gives it."""
    positions, _ = group_claims(claims)
    raw = [[claims[i] for i in g] for g in positions]
    quiet = quiet_groups(Columns(claims, positions, policy, withdrawn), raw, policy)
    for index, cs in enumerate(raw):
        if not quiet.quiet[index]:
            continue
        gone = frozenset(c.id for c in cs if c.id in withdrawn)
        group, flags, facts = analyse(f"g{index + 1}", cs, policy, gone)
        assert attrs.asdict(quiet.group(index)) == attrs.asdict(group)
        notices = [quiet.gap_flag(index)] if quiet.gap[index] else []
        assert [(f.kind, f.claims, f.severity, str(f.message)) for f in notices] == [
            (f.kind, f.claims, f.severity, str(f.message)) for f in flags
        ]
        assert quiet.facts.get(index) == facts
    return int(quiet.quiet.sum())


@settings(max_examples=150)
@given(
    claim_lists(),
    st.sampled_from(POLICY_LIST),
    st.sets(st.sampled_from([f"c{i:02d}" for i in range(4)])),
)
def test_quiet_groups_equal_the_groups_judged_claim_by_claim(
    claims: list[Claim], policy: Policy, withdrawn: set[str]
) -> None:
    """Every group the bulk path builds is the group, flags and facts ``analyse`` gives it."""
    _same(claims, policy, {w for w in withdrawn if any(c.id == w for c in claims)})


@settings(max_examples=150)
@given(
    claim_lists(),
    st.sampled_from(POLICY_LIST),
    st.sets(st.sampled_from([f"c{i:02d}" for i in range(4)])),
)
def test_a_group_judged_unbuilt_has_the_flags_and_facts_of_the_group_built(
    claims: list[Claim], policy: Policy, withdrawn: set[str]
) -> None:
    """``analyse`` without building gives the same flags, facts and group, and leaves unbuilt every group but a lone claim.

    What a group left unbuilt revises, outdates and withdraws is its verdict's ``set_aside`` (the passes that
    look only for these, series and truth discovery, read it there); the report makes the group when read, from
    the verdict ``analyse`` found.
    """
    positions, _ = group_claims(claims)
    for index, g in enumerate(positions):
        cs = [claims[i] for i in g]
        gone = frozenset(c.id for c in cs if c.id in withdrawn)
        group, flags, facts = analyse(f"g{index + 1}", cs, policy, gone)
        assert group is not None
        unbuilt, again, same_facts = analyse(f"g{index + 1}", cs, policy, gone, build=False)
        assert [f.to_dict() for f in again] == [f.to_dict() for f in flags]
        assert same_facts == facts
        # A lone claim is built at once, at no cost; any other group when read.
        assert callable(unbuilt) == (len(cs) > 1 or bool(gone))
        if isinstance(unbuilt, Verdict):
            assert [set(ids) for ids in unbuilt.set_aside] == [
                set(group.superseded),
                set(group.stale),
                set(group.withdrawn),
            ]
        made = unbuilt() if callable(unbuilt) else unbuilt
        assert attrs.asdict(made) == attrs.asdict(group)


def test_groups_judged_unbuilt_are_held_and_made_when_read() -> None:
    """A dissenting group is judged at once, made when read, and counted among the held (not the built) groups."""
    scope = Scope(place="Ukraine", counted="people")
    claims = [
        Claim(id="a", metric="killed", estimate="5", scope=scope, source="A"),
        Claim(id="b", metric="killed", estimate="50", scope=scope, source="B"),
        Claim(id="c", metric="killed", estimate="50", scope=scope, source="C"),
        Claim(id="d", metric="injured", estimate="at least 3", scope=scope, source="A"),
        Claim(id="e", metric="injured", estimate="4", scope=scope, source="B"),
    ]
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0):
        report = reconcile(claims)
    groups = report.groups
    assert isinstance(groups, LazyItems)
    assert [i for i, _ in groups.held()] == [1]
    assert list(groups.built()) == []
    assert groups[1].verdict == "contradiction"
    assert groups[1].dissenting == ("a",)
    assert groups[1] == analyse("g2", claims[:3], POLICIES["consensus"])[0]
    assert [(f.kind, f.claims) for f in report.flags] == [
        (FlagKind.PRECISION_GAP, ("d", "e")),  # the quiet group's notice, made when read
        (FlagKind.CONTRADICTION, ("a", "b")),
    ]


@st.composite
def tolls(draw: st.DrawFn) -> list[Claim]:
    """A death toll told by distinct origins at different hours and days: earlier tolls that may have grown."""
    scope = Scope(place="Ukraine", counted="people")
    return [
        Claim(
            id=f"t{i}",
            metric="killed",
            estimate=draw(estimates("", (10, 12))),
            scope=scope,
            source=f"origin {i}",
            stated=draw(st.sampled_from(WHEN[1:])),
        )
        for i in range(draw(st.integers(2, 6)))
    ]


@settings(max_examples=150)
@given(tolls(), st.sampled_from(POLICY_LIST))
def test_an_earlier_toll_is_a_floor_when_another_origin_spoke_a_growth_window_later(
    claims: list[Claim], policy: Policy
) -> None:
    """Of distinct origins, a toll is only a floor exactly when a later statement came a growth window after it.

    The rule is :func:`~claimdiff._core.timeline.stated_before` and :func:`~claimdiff._core.timeline.long_after`,
    asked pair by pair by the timeline and column by column by the quiet groups; both give this.
    """
    window = policy.growth_window
    floors = {
        c.id
        for c in claims
        if any(
            stated_before(c.stated_start, c.stated_end, d.stated_start)
            and long_after(c.stated_start, c.stated_end, d.stated_start, d.stated_end, window)
            for d in claims
        )
    }
    _same(claims, policy, set())
    for group in reconcile(claims, policy).groups:
        if group.feasible and not group.superseded and not group.stale:
            floored = [cid for cid in group.supporting if cid in floors]
            if floored and len(floored) == len(group.supporting):
                assert group.consensus_high is None, group  # every claim only a floor: no ceiling


@settings(max_examples=100)
@given(claim_lists(), st.sampled_from(POLICY_LIST))
def test_chunks_change_nothing(claims: list[Claim], policy: Policy) -> None:
    """Comparing pairs and reading groups a few at a time gives the same groups as all at once."""
    with (
        mock.patch.object(quiet, "_PAIRS", 3),
        mock.patch.object(quiet, "_READ", 2),
    ):
        _same(claims, policy, set())


@pytest.mark.parametrize(
    "policy", [p for p in POLICY_LIST if p.name != "exact"], ids=lambda p: p.name
)  # 20 mi != 32 km
def test_the_bulk_path_takes_agreeing_groups_and_leaves_conflicts(policy: Policy) -> None:
    """Agreeing groups (rounded, hedged, converted) are built in bulk; a contradiction is left to ``analyse``."""
    scope = Scope(place="Ukraine", counted="people")
    claims = [
        Claim(id="a1", metric="killed", estimate="at least 10", scope=scope, source="A"),
        Claim(id="a2", metric="killed", estimate="12", scope=scope, source="B"),
        Claim(
            id="b1",
            metric="distance",
            estimate="20 miles",
            scope=Scope(place="Ukraine"),
            source="A",
        ),
        Claim(
            id="b2", metric="distance", estimate="32 km", scope=Scope(place="Ukraine"), source="B"
        ),
        Claim(id="c1", metric="injured", estimate="5", scope=scope, source="A"),
        Claim(id="c2", metric="injured", estimate="50", scope=scope, source="B"),
    ]
    assert _same(claims, policy, set()) == 2
    report = reconcile(claims, policy)
    assert [g.verdict for g in report.groups] == ["tolerance", "contradiction", "agreement"]


def test_an_earlier_toll_beyond_the_growth_window_is_only_a_floor() -> None:
    """Two origins a day apart, agreeing: the earlier figure may have grown, so the group has no upper bound."""
    scope = Scope(place="Ukraine", counted="people")
    claims = [
        Claim(
            id="a", metric="killed", estimate="about 12", scope=scope, source="A", stated=WHEN[1]
        ),
        Claim(
            id="b", metric="killed", estimate="at least 10", scope=scope, source="B", stated=WHEN[2]
        ),
    ]
    assert _same(claims, POLICIES["consensus"], set()) == 1
    group = reconcile(claims).groups[0]
    # The best is the figure A reported, not 11, the edge "about 12" is widened to (issue 17).
    assert (group.consensus_low, group.consensus_high, group.best) == (11.0, None, 12.0)
    same_day = [attrs.evolve(c, stated=WHEN[1]) for c in claims]
    group = reconcile(same_day).groups[0]
    assert (group.consensus_low, group.consensus_high) == (11.0, 13.0)


@st.composite
def as_of_claims(draw: st.DrawFn) -> list[Claim]:
    """Cumulative tolls "as of" one of three dates, a few origins and places, some without a period."""
    start = T0.date()
    out = []
    for i in range(draw(st.integers(1, 12))):
        end = draw(st.sampled_from([None, 0, 1, 2]))
        period = None if end is None else Period.days(start, start + dt.timedelta(days=end))
        out.append(
            Claim(
                id=f"s{i:02d}",
                metric="killed",
                estimate=Estimate.exact(draw(st.integers(0, 6))),
                scope=Scope(place=draw(st.sampled_from(["Ukraine", "Syria"])), counted="people"),
                source=draw(st.sampled_from(["A", "B"])),
                period=period,
            )
        )
    return out


@given(as_of_claims())
def test_series_skips_only_groups_without_a_series(claims: list[Claim]) -> None:
    """Skipping groups the columns show hold one as-of date, alone for their key, finds every fall."""
    policy = POLICIES["consensus"]
    positions, _ = group_claims(claims)
    raw = [[claims[i] for i in g] for g in positions]
    groups = [analyse(f"g{k + 1}", cs, policy)[0] for k, cs in enumerate(raw)]
    every = check_series(raw, groups, (), policy, [False] * len(raw))
    skipping = check_series(
        raw, groups, (), policy, Columns(claims, positions, policy).one_date().tolist()
    )
    assert [(f.kind, f.claims) for f in skipping] == [(f.kind, f.claims) for f in every]


@settings(max_examples=60)
@given(
    claim_lists(),
    st.sampled_from(POLICY_LIST),
    st.sets(st.sampled_from([f"c{i:02d}" for i in range(4)])),
)
def test_reconcile_gives_one_report_with_or_without_columns(
    claims: list[Claim], policy: Policy, withdrawn: set[str]
) -> None:
    """The whole report is the same whether groups go through the columns or are all judged claim by claim."""
    gone = [Withdrawal(claim=w) for w in sorted(withdrawn) if any(c.id == w for c in claims)]
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0):
        bulk = reconcile(claims, policy, withdrawals=gone)
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 10**9):
        one_by_one = reconcile(claims, policy, withdrawals=gone)
    assert bulk.to_dict() == one_by_one.to_dict()


@settings(max_examples=40)
@given(claim_lists(), st.sampled_from(POLICY_LIST))
def test_a_report_with_groups_made_when_read_is_the_same_report(
    claims: list[Claim], policy: Policy
) -> None:
    """Groups and flags made on access compare, pickle and look up as the tuples of the claim-by-claim report."""
    import pickle

    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0):
        bulk = reconcile(claims, policy)
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 10**9):
        one_by_one = reconcile(claims, policy)
    assert list(bulk.groups) == list(one_by_one.groups)
    assert bulk.groups == tuple(one_by_one.groups)
    assert [f.to_dict() for f in bulk.flags] == [f.to_dict() for f in one_by_one.flags]
    assert pickle.loads(pickle.dumps(bulk)).groups == one_by_one.groups
    assert bulk.groups[-1] == one_by_one.groups[-1]
    assert bulk.groups[1:3] == tuple(one_by_one.groups[1:3])
    assert all(bulk.group_of(c.id) == one_by_one.group_of(c.id) for c in bulk.claims)
    conflicts = ("contradiction", "discrepancy", "outlier")
    assert (
        bulk.flags_of(severity="warning"),
        bulk.flags_of(*conflicts),
        bulk.has_conflict,
        bulk.worst_severity(),
    ) == (
        one_by_one.flags_of(severity="warning"),
        one_by_one.flags_of(*conflicts),
        one_by_one.has_conflict,
        one_by_one.worst_severity(),
    )
    assert all(
        bulk.flags_of(severity=s) == one_by_one.flags_of(severity=s)
        for s in ("info", "warning", "error")
    )
    assert all(bulk.flags_of(kind) == one_by_one.flags_of(kind) for kind in FlagKind)


def test_what_groups_judged_unbuilt_set_aside_is_read_of_their_verdicts() -> None:
    """A group that revises and withdraws stays unbuilt through the call; the series and truth read what it sets aside.

    Origin A's toll for day 2 is revised from 11 to 12 and its later 50 withdrawn: read as standing, the 50
    would break the series (50 then 12 over the days, and a daily figure of 2 that does not add up).
    """
    scope = Scope(place="Ukraine", counted="people")

    def toll(cid: str, n: int, day: int, stated: str, metric: str = "cases") -> Claim:
        first = dt.date(2024, 1, 1 if metric == "cases" else day)
        return Claim(
            id=cid,
            metric=metric,
            estimate=n,
            scope=scope,
            source="A",
            period=Period.days(first, dt.date(2024, 1, day)),
            stated=Period.instant(dt.datetime.fromisoformat(stated + "+00:00")),
        )

    claims = [
        toll("d1", 10, 1, "2024-01-02T08:00"),
        toll("d2a", 11, 2, "2024-01-03T08:00"),
        toll("d2b", 12, 2, "2024-01-03T12:00"),
        toll("d2c", 50, 2, "2024-01-03T18:00"),
        toll("d3", 12, 3, "2024-01-04T08:00"),
        toll("n2", 2, 2, "2024-01-03T08:00", "new cases"),
    ]
    declared = [Series(daily="new cases", cumulative="cases")]
    gone = [Withdrawal(claim="d2c")]
    for policy in (POLICIES["consensus"], POLICIES["truth"]):
        with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0):
            bulk = reconcile(claims, policy, relations=declared, withdrawals=gone)
        with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 10**9):
            one_by_one = reconcile(claims, policy, relations=declared, withdrawals=gone)
        assert bulk.to_dict() == one_by_one.to_dict()
        day2 = next(g for g in one_by_one.groups if "d2a" in g.claims)
        assert set(day2.superseded) == {"d2a"}
        assert set(day2.withdrawn) == {"d2c"}
        assert not bulk.flags_of("series_mismatch", "downward_revision")
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0):
        report = reconcile(claims, relations=declared, withdrawals=gone)
    groups = report.groups
    assert isinstance(groups, LazyItems)
    at = next(i for i, g in enumerate(groups) if "d2a" in g.claims)
    assert at not in dict(groups.built())  # judged, not made, while reconciling
    assert set_aside_of(groups) == {}  # what it sets aside is in its verdict, not in a group made
