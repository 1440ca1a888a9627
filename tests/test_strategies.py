"""claimdiff.strategies: valid values, planted answers, hypothesis' API style, st.from_type, optional import."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import claimdiff
from claimdiff import Claim, Estimate, Hedge, Period, Scope, Source, reconcile
from claimdiff.strategies import (
    claim_sets,
    claims,
    estimates,
    periods,
    register_type_strategies,
    scopes,
    sources,
    texts,
)


@given(estimates(min_value=5, max_value=50))
def test_estimates_state_numbers_within_the_bounds(e):
    """Every finite stated number of a drawn estimate lies between min_value and max_value (about-bands aside)."""
    stated = [v for v in (e.point, e.low, e.high) if v is not None and abs(v) != float("inf")]
    if e.hedge is Hedge.APPROXIMATE:
        stated = [e.point]
    assert all(5 <= v <= 50 for v in stated if v is not None)


@given(estimates(units=st.just("km"), hedges=st.just(Hedge.RANGE)))
def test_estimates_take_strategies_for_units_and_hedges(e):
    """The units and hedges arguments decide the unit and hedge of every draw."""
    assert e.unit == "km"
    assert e.hedge is Hedge.RANGE


@given(st.data())
def test_every_hedge_is_drawn(data):
    """The default draws cover each hedge (the strategy can reach each one)."""
    hedge = data.draw(st.sampled_from(Hedge))
    e = data.draw(estimates(hedges=st.just(hedge)))
    assert e.hedge is hedge


@given(claims())
def test_claims_are_valid_and_never_stated_before_their_period(c):
    """Drawn claims are Claims whose statement, when both are given, is not before their period."""
    assert isinstance(c, Claim)
    if c.period is not None and c.stated is not None:
        assert not c.stated.before(c.period)


@given(claim_sets(contradiction=False))
def test_planted_agreement_is_never_called_a_contradiction(cs):
    """Claims that all allow a planted value reconcile without a contradiction."""
    assert not reconcile(cs).has_contradiction


@given(claim_sets(contradiction=True))
def test_a_planted_contradiction_is_found(cs):
    """A claim planted far above an exact figure is reported as a contradiction."""
    assert reconcile(cs).has_contradiction


@given(claim_sets(min_size=2, max_size=3))
def test_claim_set_sizes_respect_the_bounds(cs):
    """A claim set has min_size..max_size claims, plus one when a contradiction is planted."""
    assert 2 <= len(cs) <= 4


@given(texts())
def test_texts_are_never_empty(t):
    """Free text is never empty, so that a CSV cell can always tell it from no text."""
    assert t


@pytest.mark.parametrize(("make", "expected"), [
    (lambda: estimates(min_value=1), "estimates(min_value=1)"),
    (estimates, "estimates()"),
    (lambda: sources(kinds=st.just(claimdiff.SourceKind.MEDIA)), "sources(kinds=just(<SourceKind.MEDIA: 'media'>))"),
    (lambda: scopes(events=st.none()), "scopes(events=none())"),
    (lambda: periods(max_days=3), "periods(max_days=3)"),
    (lambda: claims(ids=st.just("a")), "claims(ids=just('a'))"),
    (lambda: claim_sets(contradiction=True), "claim_sets(contradiction=True)"),
])
def test_reprs_show_how_a_strategy_was_built(make, expected):
    """A strategy's repr is the call that built it, as in hypothesis' own strategies."""
    assert repr(make()) == expected


@pytest.mark.parametrize("make", [
    lambda: estimates(min_value=5, max_value=1),
    lambda: estimates(min_value=float("nan")),
    lambda: estimates(min_value=0.5),
    lambda: estimates(units="km"),
    lambda: sources(names=["a"]),
    lambda: scopes(counted="people"),
    lambda: periods(max_days=0),
    lambda: claims(estimates=Estimate.exact(3)),
    lambda: claim_sets(min_size=0),
    lambda: claim_sets(min_size=3, max_size=2),
    lambda: claim_sets(contradiction="yes"),
    lambda: texts(min_size=0),
])
def test_bad_arguments_raise_invalid_argument_at_once(make):
    """Bad arguments raise InvalidArgument when the strategy is built, not when it is first drawn from."""
    with pytest.raises(InvalidArgument):
        make()


@pytest.mark.parametrize("cls", [Claim, Estimate, Source, Scope, Period])
def test_from_type_draws_claimdiff_types(cls):
    """st.from_type works for claimdiff's types: through the entry point once installed, else after registering."""
    register_type_strategies()  # the fallback when the package is not installed; harmless when it is

    @given(st.from_type(cls))
    def check(value):
        assert isinstance(value, cls)

    check()


def test_the_entry_point_registers_types_in_a_fresh_interpreter():
    """In a new process, with claimdiff installed, from_type(Claim) works without any registration call."""
    code = (
        "from hypothesis import given, strategies as st\n"
        "import claimdiff\n"
        "@given(st.from_type(claimdiff.Claim))\n"
        "def t(c): assert isinstance(c, claimdiff.Claim)\n"
        "t()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)


def test_importing_claimdiff_does_not_import_hypothesis():
    """hypothesis is an optional extra: only claimdiff.strategies imports it."""
    code = "import sys, claimdiff, claimdiff.cli; print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "False"
