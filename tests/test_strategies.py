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
    PLANTS,
    claim_sets,
    claims,
    estimates,
    periods,
    register_type_strategies,
    reports,
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


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda: estimates(min_value=1), "estimates(min_value=1)"),
        (estimates, "estimates()"),
        (
            lambda: sources(kinds=st.just(claimdiff.SourceKind.MEDIA)),
            "sources(kinds=just(<SourceKind.MEDIA: 'media'>))",
        ),
        (lambda: scopes(events=st.none()), "scopes(events=none())"),
        (lambda: periods(max_days=3), "periods(max_days=3)"),
        (lambda: claims(ids=st.just("a")), "claims(ids=just('a'))"),
        (lambda: claim_sets(contradiction=True), "claim_sets(contradiction=True)"),
    ],
)
def test_reprs_show_how_a_strategy_was_built(make, expected):
    """A strategy's repr is the call that built it, as in hypothesis' own strategies."""
    assert repr(make()) == expected


@pytest.mark.parametrize(
    "make",
    [
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
        lambda: claim_sets(plant="typo"),
        lambda: claim_sets(plant="stale", contradiction=True),
        lambda: claim_sets(metrics="killed"),
        lambda: reports(policies="consensus"),
        lambda: texts(min_size=0),
    ],
)
def test_bad_arguments_raise_invalid_argument_at_once(make):
    """Bad arguments raise InvalidArgument when the strategy is built, not when it is first drawn from."""
    with pytest.raises(InvalidArgument):
        make()


@pytest.mark.parametrize("cls", [Claim, Estimate, Source, Scope, Period, claimdiff.Report])
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
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "False"


# -- planted findings, narrowing, reports, lazy registration ------------------------------------------------------

# The claims a flag of each planted kind must name (at least one of them).
_PLANTED_IDS = {
    "contradiction": {"c0"},
    "revision": {"planted-first", "planted-revised"},
    "downward_revision": {"planted-first", "planted-revised"},
    "stale": {"planted-early"},
    "outlier": {"planted-outlier"},
    "subtotal_mismatch": {"planted-whole", "planted-adults", "planted-children"},
    "part_exceeds_whole": {"planted-part"},
}


@pytest.mark.parametrize("kind", PLANTS)
def test_every_planted_finding_is_found(kind):
    """For each kind claim_sets can plant, reconciling flags that kind, naming a planted claim."""
    assert set(_PLANTED_IDS) == set(PLANTS)

    @given(claim_sets(plant=kind, max_size=5))
    def check(cs):
        report = reconcile(cs)
        found = (
            [
                f
                for f in report.flags_of("contradiction", "discrepancy", "outlier")
                if "outlier" in f.tags
            ]
            if kind == "outlier"
            else report.flags_of(kind)
        )
        named = {cid for f in found for cid in f.claims}
        assert named & _PLANTED_IDS[kind], (kind, [c.estimate.describe() for c in cs])

    check()


@given(
    claim_sets(
        plant=None,
        contradiction=False,
        metrics=st.just("injured"),
        scopes=st.just(Scope(place="Gaza", counted="people", event="strike")),
        sources=st.sampled_from(
            [
                "OCHA",
                "Ministry of Health",
                "WHO",
                "AP",
                "AFP",
                "Reuters",
                "BBC",
                "CNN",
                "Al Jazeera",
            ]
        ).map(Source),
    )
)
def test_claim_sets_can_be_narrowed(cs):
    """metrics=, scopes= and sources= narrow every claim of a set; origins stay distinct."""
    assert {c.metric.name for c in cs} == {"injured"}
    assert {c.scope.place for c in cs} == {("Gaza",)}
    assert len({c.origin for c in cs}) == len(cs)
    assert not reconcile(cs).has_contradiction


@given(reports())
def test_reports_are_consistent(report):
    """Drawn reports hold together: each reconciled claim in exactly one group, flags and group members naming
    claims of the report, the summary counting what is there."""
    ids = [c.id for c in report.claims]
    grouped = [cid for g in report.groups for cid in g.claims]
    assert sorted(grouped) == sorted(ids)
    known = set(ids) | {r.claim_id for r in report.rejected}
    assert all(set(f.claims) <= known for f in report.flags)
    for g in report.groups:
        assert set(g.supporting) | set(g.dissenting) <= set(g.claims)
    assert report.to_dict()["summary"]["flags"] == len(report.flags)


def test_importing_hypothesis_does_not_import_claimdiff():
    """The entry point is lazy: a process that imports hypothesis but not claimdiff never loads claimdiff, and one
    that imports claimdiff afterwards still gets from_type(Claim) and from_type(Report)."""
    code = (
        "import sys\n"
        "import hypothesis\n"
        "print('claimdiff' in sys.modules)\n"
        "from hypothesis import given, settings, strategies as st\n"
        "import claimdiff\n"
        "@settings(max_examples=10)\n"
        "@given(st.from_type(claimdiff.Claim), st.from_type(claimdiff.Report))\n"
        "def t(c, r): assert isinstance(c, claimdiff.Claim) and isinstance(r, claimdiff.Report)\n"
        "t()\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == ["False", "ok"]
