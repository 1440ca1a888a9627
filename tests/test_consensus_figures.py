"""The consensus figure rule over arrays: for one group and for many at once, as the rule says in words."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Claim, Scope, Source
from claimdiff._core.consensus_figures import consensus_figures, figures_of_groups
from claimdiff._core.estimators import consensus_figure, inside

#: A claim's row: its figure (or none), its origin, whether it reports, whether it supports.
ROWS = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(0, 12).map(lambda k: k / 2)),
        st.integers(0, 3),
        st.booleans(),
        st.booleans(),
    ),
    min_size=1,
    max_size=7,
)
BOUND = st.one_of(st.just(math.inf), st.integers(0, 12).map(lambda k: k / 2))
#: A group: its rows, its interval's low and high (either may be infinite), and whether it counts.
GROUPS = st.tuples(ROWS, BOUND.map(lambda v: -v), BOUND, st.booleans())


def brute(
    rows: list[tuple[float | None, int, bool, bool]],
    low: float,
    high: float,
    is_count: bool,
    higher: bool,
) -> float | None:
    """The rule as the docs word it, one group at a time with Python sets and sorts."""

    def middle(values: list[float]) -> float:
        values = sorted(values)
        n = len(values)
        if n % 2:
            return values[n // 2]
        if is_count:
            return values[n // 2] if higher else values[n // 2 - 1]
        return (values[n // 2 - 1] + values[n // 2]) / 2

    def per_origin(keep: int) -> dict[int, float]:
        per: dict[int, set[float]] = {}
        for figure, origin, reports, supports in rows:
            loose = figure is not None and 1e-12 * max(1.0, abs(figure))
            if figure is None or not (reports, supports, supports)[keep]:
                continue
            if keep == 2 and not low - loose <= figure <= high + loose:
                continue
            per.setdefault(origin, set()).add(figure)
        return {o: middle(list(v)) for o, v in per.items()}

    reported, supported, held = per_origin(0), per_origin(1), per_origin(2)
    if not reported:
        return low if math.isfinite(low) else (high if math.isfinite(high) else None)
    agreed = 2 * len(supported) > len(reported) or (is_count and len(supported) >= 2)
    if not supported or not agreed:
        return middle(list(reported.values()))
    if is_count and held:
        return middle(list(held.values()))
    return middle(list(supported.values()))


def run(groups: list[tuple], higher: bool) -> list[float | None]:
    """``consensus_figures`` of ``groups`` laid end to end, NaN read as none."""
    rows = [r for g in groups for r in g[0]]
    found = consensus_figures(
        np.array([len(g[0]) for g in groups], np.int64),
        np.array([np.nan if r[0] is None else r[0] for r in rows], np.float64),
        np.array([r[1] for r in rows], np.int64),
        np.array([r[2] for r in rows], np.bool_),
        np.array([r[3] for r in rows], np.bool_),
        np.array([g[1] for g in groups], np.float64),
        np.array([g[2] for g in groups], np.float64),
        np.array([g[3] for g in groups], np.bool_),
        higher,
    )
    return [None if math.isnan(f) else f for f in found.tolist()]


@given(GROUPS, st.booleans())
def test_one_groups_consensus_figure_is_the_rule(group, higher):
    """Law: of one group, the arrays give the figure the rule in words gives."""
    rows, low, high, is_count = group
    assert run([group], higher) == [brute(rows, low, high, is_count, higher)]


@given(st.lists(GROUPS, min_size=1, max_size=8), st.booleans())
def test_many_groups_at_once_each_get_their_own_figure(groups, higher):
    """Law: groups laid end to end get each the figure it gets alone (no group's claims reach another's)."""
    assert run(groups, higher) == [brute(*g, higher) for g in groups]


@given(
    st.one_of(st.floats(allow_nan=False), st.sampled_from([0.0, 1.0, -1.0, 1e12, 5.0])),
    st.floats(allow_nan=False),
    st.floats(allow_nan=False),
)
def test_inside_answers_alike_for_a_figure_and_an_array(figure, low, high):
    """Law: ``inside`` is ``low - slack <= figure <= high + slack``, slack 1e-12 of max(1, |figure|), one or many."""
    slack = 1e-12 * max(1.0, abs(figure))
    expected = low - slack <= figure <= high + slack
    assert inside(figure, low, high) == expected
    with np.errstate(all="ignore"):  # huge figures overflow their slack to infinity
        many = inside(
            np.array([figure, figure]), np.array([low, -math.inf]), np.array([high, math.inf])
        )
    assert many.tolist() == [expected, True]


def claim(cid: str, figure: str, source: str) -> Claim:
    return Claim(
        id=cid,
        metric="killed",
        estimate=figure,
        scope=Scope(counted="people"),
        source=Source(source),
    )


def test_a_groups_claims_read_into_rows_give_the_scalar_figure():
    """``consensus_figure`` of one group is ``figures_of_groups`` of a list of it, beside other groups."""
    a = [claim("a", "10", "A"), claim("b", "12", "B"), claim("c", "30", "C"), claim("d", "11", "A")]
    b = [claim("e", "5", "E"), claim("f", "7", "F")]
    iv = (10.0, True, 12.0, True)
    one = consensus_figure(a[:2] + a[3:], a, iv, is_count=True)
    assert (
        one == 10.0
    )  # A's figures 10 and 11 (its lower middle 10), B's 12: the lower middle of 10, 12
    many = figures_of_groups(
        [(b, b, (5.0, True, 7.0, True), True), (a[:2] + a[3:], a, iv, True)], "median"
    )
    assert many == [5.0, one]
    assert figures_of_groups([(a, a, iv, True)], "higher") == [
        consensus_figure(a, a, iv, is_count=True, ties="higher")
    ]
