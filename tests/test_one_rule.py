"""Laws of the rules the claim-by-claim verdict and the columns share: one definition, for a value or a column.

``above``, ``meet`` (:mod:`claimdiff._core.intervals`), ``stated_before``, ``long_after`` and
``share_a_moment`` (:mod:`claimdiff._core.timeline`) are each written once, with ``&``, ``|`` and ``^`` only:
the verdict asks them of floats, the columns of whole numpy columns. The laws below say what each rule means,
and that asking it of a column answers as asking it of each value.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import POLICIES, Claim, Scope, Source, claims_from_dataframe
from claimdiff._core.columns import Columns, segment_intersect
from claimdiff._core.group_rows import GroupRows
from claimdiff._core.intervals import Iv, above, intersect, meet
from claimdiff._core.quiet import _relayed
from claimdiff._core.timeline import (
    long_after,
    relays,
    restates,
    share_a_moment,
    stated_before,
    unordered,
)

INF = math.inf
BOUNDS = st.sampled_from([-INF, 0.0, 1.0, 2.0, 3.0, INF])


@st.composite
def intervals(draw: st.DrawFn) -> Iv:
    """An interval with any bounds, infinite ones open, possibly empty."""
    low, high = draw(BOUNDS), draw(BOUNDS)
    return low, draw(st.booleans()) and low > -INF, high, draw(st.booleans()) and high < INF


def _allows(iv: Iv, x: float) -> bool:
    low, lc, high, hc = iv
    return (low < x or (lc and x == low)) and (x < high or (hc and x == high))


POINTS = [-1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0]


@given(st.lists(intervals(), max_size=5))
def test_intersect_allows_exactly_what_every_interval_allows(ivs: list[Iv]) -> None:
    """A value lies in the intersection exactly when every interval allows it; ``None`` when none does."""
    meet_iv = intersect(ivs)
    for x in POINTS:
        every = all(_allows(iv, x) for iv in ivs)
        assert (meet_iv is not None and _allows(meet_iv, x)) == every, x
    if meet_iv is None:
        assert ivs  # no interval allows every value; an empty list allows them all


@given(st.lists(st.lists(intervals(), min_size=1, max_size=4), min_size=1, max_size=6))
def test_segment_intersect_is_intersect_of_each_group(groups: list[list[Iv]]) -> None:
    """Each group's intersection from the columns is :func:`intersect` of its intervals (the same ``meet``)."""
    cols = Columns.__new__(Columns)
    cols.np = np
    sizes = np.array([len(g) for g in groups], np.int64)
    cols.sizes = sizes
    cols.starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    cols.member = np.repeat(np.arange(len(groups)), sizes)
    flat = [iv for g in groups for iv in g]
    columns = [np.array([iv[k] for iv in flat]) for k in range(4)]
    lo, lc, hi, hc, ok = segment_intersect(cols, *columns)
    for k, g in enumerate(groups):
        expected = intersect(g)
        assert bool(ok[k]) == (expected is not None)
        if expected is not None:
            assert (float(lo[k]), bool(lc[k]), float(hi[k]), bool(hc[k])) == expected


@given(intervals(), intervals())
def test_above_means_no_value_of_one_reaches_the_other(a: Iv, b: Iv) -> None:
    """``a`` lies above ``b`` exactly when no shared value is possible and ``a``'s low is not below ``b``'s high."""
    is_above = above(a[0], a[1], b[2], b[3])
    assert isinstance(is_above, bool)
    upper: Iv = (a[0], a[1], INF, False)
    lower: Iv = (-INF, False, b[2], b[3])
    assert is_above == (intersect([upper, lower]) is None)


@given(st.lists(st.tuples(BOUNDS, st.booleans(), BOUNDS, st.booleans()), min_size=1, max_size=8))
def test_the_rules_answer_a_column_as_they_answer_each_value(rows: list[tuple]) -> None:
    """``above``, ``meet``, ``stated_before``, ``long_after``, ``share_a_moment``: a column, elementwise."""
    a, ac, b, bc = (np.array([r[k] for r in rows]) for k in range(4))
    with np.errstate(invalid="ignore"):
        columns = {
            "above": above(a, ac, b, bc),
            "meet": meet(a, ac, b, bc),
            "stated_before": stated_before(a, b, b),
            "long_after": long_after(a, b, b, b + 1, 1.0),
            "share_a_moment": share_a_moment(a, b),
        }
    for k, (x, xc, y, yc) in enumerate(rows):
        m = meet(x, xc, y, yc)
        assert bool(columns["above"][k]) is above(x, xc, y, yc)
        assert tuple(bool(v[k]) for v in columns["meet"][1::2]) == (m[1], m[3])
        assert bool(columns["meet"][4][k]) is m[4]
        assert bool(columns["stated_before"][k]) is stated_before(x, y, y)
        assert bool(columns["long_after"][k]) is long_after(x, y, y, y + 1, 1.0)
        assert bool(columns["share_a_moment"][k]) is share_a_moment(x, y)


@st.composite
def windows(draw: st.DrawFn) -> tuple[float, float]:
    """A statement window: known (start <= end) or unknown (-inf, +inf)."""
    if draw(st.booleans()):
        return -INF, INF
    start = draw(st.sampled_from([0.0, 3600.0, 86400.0, 200000.0]))
    return start, start + draw(st.sampled_from([0.0, 1.0, 86400.0]))


@given(st.lists(windows(), min_size=1, max_size=6))
def test_unordered_means_no_statement_came_before_another(ws: list[tuple[float, float]]) -> None:
    """Windows that share a moment hold no statement strictly before another; windows of some length that do not, do."""
    any_before = any(stated_before(a[0], a[1], b[0]) for a in ws for b in ws if a is not b)
    starts, ends = [w[0] for w in ws], [w[1] for w in ws]
    shared = bool(share_a_moment(max(starts), min(ends)))
    if shared:
        assert not any_before
    elif all(end > start for start, end in ws):
        assert (
            any_before
        )  # windows of some length that share no moment: one ended before another began


def test_claims_without_a_statement_time_are_unordered() -> None:
    """A group whose claims say nothing of when they were stated has no time story."""
    scope = Scope(place="x", counted="people")
    cs = [
        Claim(id=f"c{i}", metric="killed", estimate="1", scope=scope, source="s") for i in range(3)
    ]
    assert unordered(cs)
    assert unordered([])


@given(windows(), windows())
def test_an_unknown_time_is_never_before_or_long_after_anything(
    a: tuple[float, float], b: tuple[float, float]
) -> None:
    """Nothing is before or long after a statement of unknown time; a statement is not before itself."""
    assert not stated_before(*a, a[0])
    if a == (-INF, INF) or b == (-INF, INF):
        assert not stated_before(*a, b[0])
        assert not stated_before(*b, a[0])
        assert not long_after(*a, *b, 0.0)
        assert not long_after(*b, *a, 0.0)
    else:  # known times: one is long after the other by the distance of their middles
        gap = (b[0] + b[1]) / 2 - (a[0] + a[1]) / 2
        assert long_after(*a, *b, gap)
        assert not long_after(*a, *b, gap + 1)


def test_relaying_is_the_one_rule_of_restating_and_of_relayed_groups() -> None:
    """An outlet a figure came through relays it; a group holding both is left to the claim-by-claim verdict."""
    scope = Scope(place="Belgorod", counted="people")
    mod = Claim(
        id="mod", metric="injured", estimate="108", scope=scope, source="MoD", via=["ZeroHedge"]
    )
    zh = Claim(id="zh", metric="injured", estimate="over 100", scope=scope, source="ZeroHedge")
    tass = Claim(id="tass", metric="injured", estimate="over 100", scope=scope, source="TASS")
    assert relays(mod, mod.origin)
    assert relays(mod, zh.origin)
    assert not relays(mod, tass.origin)
    assert restates(mod, zh)
    assert not restates(mod, tass)
    assert not restates(zh, mod)  # ZeroHedge's figure did not come through the ministry
    claims, positions = [mod, zh, tass], [[0, 1], [0, 2], [1, 2]]
    cols = Columns(claims, positions, POLICIES["consensus"])
    chosen = np.array([True, True, False])
    as_lists = [[claims[p] for p in g] for g in positions]
    # Read claim by claim, and as a report's rows.
    for raw in (as_lists, GroupRows(claims, positions)):
        assert _relayed(cols, raw, chosen).tolist() == [True, False, False]
        assert _relayed(cols, raw, ~chosen).tolist() == [False, False, False]
    assert Source("ZeroHedge").key == zh.origin


def test_relayed_groups_are_found_alike_in_a_claim_table() -> None:
    """A claim table's chains and sources, read as columns, find the relayed groups the claims themselves do."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "id": ["mod", "zh", "tass", "ria"],
            "metric": "injured",
            "counted": "people",
            "value": [108, 110, 100, 104],
            "source": ["MoD", "ZeroHedge", "TASS", "RIA"],
            "via": ["ZeroHedge", "", "", "TASS"],
        }
    )
    table = claims_from_dataframe(frame).claims
    claims = list(table)
    positions = [[0, 1], [0, 2], [2, 3], [1, 3]]
    chosen = np.ones(len(positions), np.bool_)
    expected = [True, False, True, False]  # ZeroHedge relays the ministry's; TASS relays RIA's
    for held in (claims, table):
        cols = Columns(held, positions, POLICIES["consensus"])
        assert _relayed(cols, GroupRows(held, positions), chosen).tolist() == expected
