"""The consensus of groups (``claimdiff._core.sweep``), stated as its law and checked against a brute force.

The law, for every group: among the sets of claims that share a value and that no other claim of the group
joins, the consensus is one with the most distinct origins; of those, the one the ``ties`` rule ranks first
(``"lower"``: the lowest common interval, ``"higher"``: the highest, ``"median"``: the one nearest the median
of every origin's median distinct figure), then the one whose sorted ids come first. Its interval is what
its claims allow together, and every one of them allows it all. The brute force below finds the sets by
trying every value that could separate them, and is asked of the one-group entry
(:func:`claimdiff._core.estimators.consensus`) and of the bulk entry
(:func:`claimdiff._core.sweep.consensus_of_groups`) on many groups at once.
"""

from __future__ import annotations

import itertools
import math
import statistics
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import POLICIES, Claim, Estimate, Scope, Source
from claimdiff._core import verdicts
from claimdiff._core.estimators import consensus
from claimdiff._core.flags import as_flag
from claimdiff._core.intervals import Iv, intersect
from claimdiff._core.sweep import consensus_of_groups
from claimdiff._core.verdicts import analyse, analyse_groups

Group = tuple[list[Claim], dict[str, Iv]]

_INF = math.inf
#: Few places, so that ends often coincide (ties of place, of order at one place, of rank).
_PLACES = st.sampled_from([-_INF, 0.0, 1.0, 2.0, 3.0, 5.0, _INF])
_PEOPLE, _SOMEWHERE = Scope(counted="people"), Scope(place="somewhere")
_NOWHERE = Estimate(unit="km")


@st.composite
def groups(draw: st.DrawFn) -> Group:
    """A group of claims of a few origins, each with a non-empty interval as the consensus reads it and most with a figure."""
    n = draw(st.integers(min_value=1, max_value=7))
    names = draw(
        st.lists(st.text("abc", min_size=1, max_size=3), min_size=n, max_size=n, unique=True)
    )
    claims, now = [], {}
    for name in names:
        lo, hi = sorted((draw(_PLACES), draw(_PLACES)))
        if lo == hi and math.isinf(lo):
            lo, hi = 0.0, 1.0
        lc = draw(st.booleans()) and lo > -_INF
        hc = draw(st.booleans()) and hi < _INF
        if lo == hi:
            lc = hc = True
        source = Source(f"s{draw(st.integers(min_value=0, max_value=3))}")
        if draw(st.integers(min_value=0, max_value=5)):
            figure = Estimate.exact(draw(st.integers(min_value=0, max_value=6)))
            c = Claim(id=name, metric="killed", estimate=figure, scope=_PEOPLE, source=source)
        else:  # a claim with no figure (a distance bounded nowhere)
            c = Claim(
                id=name, metric="distance", estimate=_NOWHERE, scope=_SOMEWHERE, source=source
            )
        claims.append(c)
        now[c.id] = (lo, lc, hi, hc)
    return claims, now


def _allows(iv: Iv, x: float) -> bool:
    lo, lc, hi, hc = iv
    return (lo < x or (lc and lo == x)) and (x < hi or (hc and x == hi))


def _middle(claims: list[Claim]) -> float:
    """The median over origins of each origin's median distinct figure; 0 when no claim has a figure."""
    per: dict[str, set[float]] = {}
    for c in claims:
        if c.figure is not None:
            per.setdefault(c.origin, set()).add(c.figure)
    figures = [statistics.median(sorted(v)) for v in per.values()]
    return statistics.median(figures) if figures else 0.0


def brute_force(claims: list[Claim], now: dict[str, Iv], ties: str) -> tuple[set[str], Iv]:
    """The consensus by its definition: every value that could separate the sets tried, the sets compared."""
    ends = sorted({b for iv in now.values() for b in (iv[0], iv[2]) if math.isfinite(b)})
    values = [*ends, *((a + b) / 2 for a, b in itertools.pairwise(ends))]
    values += [ends[0] - 1, ends[-1] + 1] if ends else [0.0]
    sets = {frozenset(c.id for c in claims if _allows(now[c.id], x)) for x in values} - {
        frozenset()
    }
    maximal = [s for s in sets if not any(s < t for t in sets)]
    origin = {c.id: c.origin for c in claims}
    most = max(len({origin[i] for i in s}) for s in maximal)
    best = [s for s in maximal if len({origin[i] for i in s}) == most]
    middle = _middle(claims)

    def rank(s: frozenset[str]) -> tuple[float, list[str]]:
        iv = intersect(now[i] for i in s)
        assert iv is not None
        lo, _, hi, _ = iv
        by = {"lower": lo, "higher": -hi}.get(ties, max(lo - middle, middle - hi, 0.0))
        return by, sorted(s)

    chosen = min(best, key=rank)
    iv = intersect(now[i] for i in chosen)
    assert iv is not None
    return set(chosen), iv


def _holds(
    claims: list[Claim], now: dict[str, Iv], ties: str, found: tuple[set[str], Iv | None]
) -> None:
    """``found`` is the group's consensus: the brute force's set, its interval, allowed whole by each of its claims."""
    supporting, iv = found
    assert (supporting, iv) == brute_force(claims, now, ties)
    assert iv is not None
    for cid in supporting:  # every claim of the consensus allows all of its interval
        assert intersect([now[cid], iv]) == iv


_TIES = st.sampled_from(["median", "lower", "higher"])


@given(groups(), _TIES)
@settings(max_examples=500)
def test_the_consensus_of_one_group_has_the_most_origins_and_the_rule_breaks_ties(
    drawn: Group, ties: str
) -> None:
    """The one-group entry gives the maximal set with the most origins, ranked by the ties rule then by ids."""
    claims, now = drawn
    _holds(claims, now, ties, consensus(claims, now, ties))


@given(st.lists(groups(), min_size=1, max_size=25), _TIES)
@settings(max_examples=150)
def test_the_consensus_of_many_groups_at_once_is_each_ones_own(
    drawn: list[Group], ties: str
) -> None:
    """The bulk entry, sweeping every group at once, gives each group the consensus its law defines."""
    found = consensus_of_groups(drawn, ties)
    assert len(found) == len(drawn)
    for (claims, now), one in zip(drawn, found, strict=True):
        _holds(claims, now, ties, one)


def test_equal_sets_far_apart_are_told_apart_by_the_rule_then_by_ids() -> None:
    """Two origins at 1 and two at 3, with figures 1, 1, 3, 3 (median 2): "lower" takes 1, "higher" 3, and
    "median", finding both at distance 1, the set whose sorted ids come first."""
    claims, now = [], {}
    for cid, v, origin in (("d", 1, "A"), ("c", 1, "B"), ("b", 3, "C"), ("a", 3, "D")):
        claims.append(
            Claim(
                id=cid,
                metric="killed",
                estimate=Estimate.exact(v),
                scope=Scope(counted="people"),
                source=Source(origin),
            )
        )
        now[cid] = (float(v), True, float(v), True)
    assert consensus(claims, now, "lower") == ({"c", "d"}, (1.0, True, 1.0, True))
    assert consensus(claims, now, "higher") == ({"a", "b"}, (3.0, True, 3.0, True))
    assert consensus(claims, now, "median") == ({"a", "b"}, (3.0, True, 3.0, True))


def _counts(values: list[list[int]]) -> list[list[Claim]]:
    return [
        [
            Claim(
                id=f"g{k}-{j}",
                metric="killed",
                estimate=Estimate.exact(v),
                scope=Scope(counted="people", place=f"p{k}"),
                source=Source(f"s{j % 3}"),
            )
            for j, v in enumerate(vs)
        ]
        for k, vs in enumerate(values)
    ]


@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=5),
        min_size=1,
        max_size=12,
    ),
    st.integers(min_value=1, max_value=5),
)
@settings(max_examples=60)
def test_groups_judged_together_get_the_verdicts_each_gets_alone(
    values: list[list[int]], at_once: int
) -> None:
    """``analyse_groups``, finding the consensus of a few groups at a time by one sweep, gives every group the
    group, flags and facts ``analyse`` gives it alone, wherever the groups are cut into batches."""
    policy = POLICIES["consensus"]
    raw = _counts(values)
    alone = [analyse(f"g{k + 1}", cs, policy) for k, cs in enumerate(raw)]
    with mock.patch.object(verdicts, "_AT_ONCE", at_once):
        together = list(
            analyse_groups(
                ((f"g{k + 1}", cs, frozenset(), None) for k, cs in enumerate(raw)), policy
            )
        )
    assert [(g, list(map(as_flag, fs)), x) for g, fs, x in together] == [
        (g, list(map(as_flag, fs)), x) for g, fs, x in alone
    ]
