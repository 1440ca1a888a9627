"""A group's time order visits only the pairs of claims one of which lies above the other.

:meth:`~claimdiff._core.timeline.Timeline.above_pairs` finds those pairs from the claims sorted by widened low;
stale tolls, what each claim says now and the pairwise findings of a toll told over time read them instead of
every pair. The laws below say each answers as asking every pair of claims does.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import POLICIES, Claim, Scope, Source
from claimdiff._core.dissent import pairwise
from claimdiff._core.flags import FlagKind
from claimdiff._core.intervals import Iv, above
from claimdiff._core.messages import Say, display_unit
from claimdiff._core.timeline import Timeline, restates, stated_before
from claimdiff.strategies import claims, estimates, periods

INF = math.inf
BOUNDS = st.sampled_from([-INF, 0.0, 1.0, 2.0, 3.0, INF])


class _Named(NamedTuple):
    id: str


@st.composite
def non_empty(draw: st.DrawFn) -> Iv:
    """An interval that allows some value, infinite bounds open."""
    low, high = sorted((draw(BOUNDS), draw(BOUNDS)))
    lc = draw(st.booleans()) and low > -INF
    hc = draw(st.booleans()) and high < INF
    if low == high and not (lc and hc):
        lc = hc = low > -INF and high < INF
    if low == high == INF or low == high == -INF:
        return -INF, False, INF, False
    return low, lc, high, hc


@given(st.lists(non_empty(), max_size=7))
def test_above_pairs_are_every_pair_one_above_the_other(ivs: list[Iv]) -> None:
    """The pairs found are exactly the ordered pairs of distinct claims where the first lies above the second."""
    cs = [_Named(f"c{k}") for k in range(len(ivs))]
    wide = {c.id: iv for c, iv in zip(cs, ivs, strict=True)}
    found = Timeline(cs, wide, 86400.0).above_pairs(cs)  # type: ignore[arg-type]
    every = {
        (x.id, y.id)
        for x in cs
        for y in cs
        if x is not y and above(wide[x.id][0], wide[x.id][1], wide[y.id][2], wide[y.id][3])
    }
    assert sorted((x.id, y.id) for x, y in found) == sorted(every)


ORIGINS = [Source(name) for name in ("Ministry", "Police", "Hospital")]
TOLLS = st.lists(
    claims(
        ids=st.sampled_from([f"t{k}" for k in range(7)]),
        metrics=st.just("killed"),
        estimates=estimates(max_value=40),
        scopes=st.just(Scope(place="Town", counted="people")),
        periods=st.none(),
        stated=st.none() | periods(max_days=3),
        sources=st.sampled_from(ORIGINS),
        via=st.lists(st.sampled_from(ORIGINS), max_size=1).map(tuple),
    ),
    min_size=2,
    max_size=6,
    unique_by=lambda c: c.id,
)


def _timeline(cs: list[Claim]) -> tuple[Timeline, Say]:
    wide = {c.id: (c.low, c.low_closed, c.high, c.high_closed) for c in cs}
    return Timeline(cs, wide, POLICIES["consensus"].growth_window), Say(display_unit(cs), cs[0])


@given(TOLLS)
def test_stale_tolls_are_those_every_pair_finds(cs: list[Claim]) -> None:
    """A claim is stale, against the later claim named, exactly as asking every other claim of the group says.

    That claim is one of another origin lying wholly above it, after which the toll may have grown; of those,
    the one that rises most above it, then the least id.
    """
    timeline, say = _timeline(cs)
    flags: list = []
    found = timeline.stale("g1", cs, say, flags)
    wide = timeline.wide
    expected: dict[str, str] = {}
    for c in cs:
        later = [
            d
            for d in cs
            if above(wide[d.id][0], wide[d.id][1], wide[c.id][2], wide[c.id][3])
            and d.origin != c.origin
            and timeline.grows(c, d)
        ]
        if later:
            expected[c.id] = min(later, key=lambda d: (-(d.low - c.high), d.id)).id
    assert found == set(expected)
    assert {f.claims[0]: f.claims[1] for f in flags} == expected
    assert all(f.kind is FlagKind.STALE for f in flags)


@given(TOLLS)
def test_what_each_claim_says_now_is_what_every_later_claim_says(cs: list[Claim]) -> None:
    """A claim is only a floor now exactly when some claim after which the toll may have grown does not restate it."""
    timeline, _ = _timeline(cs)
    now = timeline.now(cs)
    latest = max(c.stated_start for c in cs)
    for c in cs:
        floor = stated_before(c.stated_start, c.stated_end, latest) and any(
            timeline.grows(c, d) and not restates(c, d) for d in cs
        )
        w = timeline.wide[c.id]
        assert now[c.id] == ((w[0], w[1], INF, False) if floor else w)


def _conflict(timeline: Timeline, a: Claim, b: Claim) -> tuple[Claim, Claim, bool] | None:
    """The conflict of two claims in either order: asked of the one above the other, if either is."""
    wa, wb = timeline.wide[a.id], timeline.wide[b.id]
    if above(wa[0], wa[1], wb[2], wb[3]):
        return timeline.conflict_of(a, b)
    if above(wb[0], wb[1], wa[2], wa[3]):
        return timeline.conflict_of(b, a)
    return None


@given(TOLLS)
def test_pairwise_findings_are_those_of_every_pair(cs: list[Claim]) -> None:
    """Each claim in a conflict is flagged once, against its widest conflicting partner, as every pair says."""
    timeline, say = _timeline(cs)
    flags: list = []
    pairwise("g1", cs, timeline, POLICIES["consensus"], say, flags)
    worst: dict[str, tuple[float, str, tuple[str, str]]] = {}
    for i, a in enumerate(cs):
        for b in cs[i + 1 :]:
            found = _conflict(timeline, a, b)
            if found is None:
                continue
            gap = found[0].low - found[1].high
            for x, y in ((a, b), (b, a)):
                cur = worst.get(x.id)
                if cur is None or (-gap, y.id) < (-cur[0], cur[1]):
                    worst[x.id] = (gap, y.id, (found[0].id, found[1].id))
    pairs = {tuple(sorted(w[2])) for w in worst.values()}
    assert sorted(f.claims for f in flags) == sorted(pairs)
