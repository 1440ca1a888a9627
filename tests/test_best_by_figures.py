"""The best figure by origins and figures (``best_by_figures``): what a reader of columns asks in place of claims."""

from __future__ import annotations

import math

import attrs
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Claim, Policy, Scope
from claimdiff._core.estimators import BY_FIGURES, best_by_figures, choose_best, figured, within
from claimdiff._core.messages import display_unit, display_unit_of
from claimdiff._model.claim import distinct_grades, source_grades
from claimdiff.sources import SourceGrade

_FIGURES = st.one_of(st.none(), st.integers(0, 40).map(float))


@st.composite
def asks(draw, figures=_FIGURES):
    """Origins (letters) with figures (``None``: none), which of them support, two intervals and a policy of ``BY_FIGURES``."""
    current = draw(st.lists(st.tuples(st.sampled_from("ABCD"), figures), min_size=1, max_size=7))
    chosen = [draw(st.booleans()) for _ in current]
    support = [pair for pair, kept in zip(current, chosen, strict=True) if kept] or current
    low = float(draw(st.integers(0, 30)))
    iv = (low, True, low + draw(st.integers(0, 10)), draw(st.booleans()))
    policy = attrs.evolve(
        Policy(),
        estimator=draw(st.sampled_from(sorted(BY_FIGURES, key=str))),
        ties=draw(st.sampled_from(["median", "lower", "higher"])),
        whole_counts=draw(st.booleans()),
    )
    return policy, support, current, iv, draw(st.booleans()), chosen if any(chosen) else None


@given(asks(), st.permutations(range(4)))
def test_the_best_does_not_depend_on_how_origins_are_told_apart(ask, numbering):
    """Law: origins told apart by names or by any numbering of them give one best (a column holds numbers)."""
    policy, support, current, iv, is_count, _ = ask
    code = dict(zip("ABCD", numbering, strict=True))

    def numbered(pairs):
        return [(code[o], f) for o, f in pairs]

    by_names = best_by_figures(policy, support, current, iv, iv, is_count)
    by_numbers = best_by_figures(policy, numbered(support), numbered(current), iv, iv, is_count)
    assert by_names == by_numbers


@given(asks(figures=st.integers(0, 40).map(float)))
def test_choose_best_of_claims_is_best_by_figures_of_their_origins_and_figures(ask):
    """Claims read as origins and figures: ``choose_best`` of the claims is ``best_by_figures`` of what they say."""
    policy, support, current, iv, is_count, chosen = ask
    claims = [
        Claim(
            id=f"c{k}",
            metric="killed",
            estimate=int(f),
            scope=Scope(counted="people"),
            source=o,
        )
        for k, (o, f) in enumerate(current)
    ]
    supporting = (
        claims if chosen is None else [c for c, kept in zip(claims, chosen, strict=True) if kept]
    )
    assert figured(claims) == [(o.lower(), f) for o, f in current]  # an origin is its source's key
    assert choose_best(policy, supporting, claims, iv, iv, is_count) == best_by_figures(
        policy, support, current, iv, iv, is_count
    )


def test_the_display_unit_and_the_grades_of_claims_are_those_of_their_units_and_grades():
    """``display_unit`` and ``source_grades`` of claims are ``display_unit_of`` their units and
    ``distinct_grades`` of their grades: the readings a column reader asks."""
    fair, weak = SourceGrade("airwars", "Fair"), SourceGrade("airwars", "Weak")
    claims = [
        Claim(
            id=i,
            metric="distance",
            estimate=f"3 {u}",
            scope=Scope(place="x"),
            source="A",
            source_grade=g,
        )
        for i, u, g in (("a", "km", None), ("b", "m", weak), ("c", "m", fair), ("d", "km", weak))
    ]
    assert display_unit(claims) == display_unit_of([c.unit_info for c in claims])
    assert (
        display_unit_of([c.unit_info for c in claims]).unit == "kilometer"
    )  # a tie: the first name in order (kilometer, meter)
    assert source_grades(claims) == distinct_grades(c.source_grade for c in claims) == (weak, fair)


def test_within_takes_an_interval_as_closed_and_loose_by_the_noise_of_a_conversion():
    """``within``: a figure at an edge lies in the interval, whatever the edge's closedness; one past it by the float
    noise of a unit conversion (12 significant digits) too; one past it by more, or no number, does not."""
    iv = (10.0, False, 20.0, False)
    half_line = (-math.inf, False, 0.0, True)
    for inside in (10.0, 20.0, 15.0, 20.0 + 1e-11, 10.0 - 5e-12):
        assert within(inside, iv), inside
    for outside in (20.0 + 1e-9, 9.99, math.nan):
        assert not within(outside, iv), outside
    assert within(-1e300, half_line)
    assert not within(1.0, half_line)
