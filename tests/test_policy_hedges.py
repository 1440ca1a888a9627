"""A policy is one thing: its hedge table reads the figures it reconciles, from Python as from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimdiff
from claimdiff import POLICIES, Claim, Estimate, Scope, load_claims, loads_claims, reconcile
from claimdiff.cli import main
from claimdiff.exceptions import InvalidPolicyError, UnknownPolicyError
from claimdiff.hedges import ACLED_HEDGES, DEFAULT_HEDGES, VagueQuantity
from conftest import SEED

PEOPLE = Scope(place="Russia > Belgorod Oblast > Belgorod", counted="people")
DOZENS_YAML = "claims:\n  - {id: a, metric: killed, counted: people, value: dozens, source: A}\n"


def dozens(**kw: object) -> Claim:
    return Claim(id="a", metric="killed", estimate="dozens", scope=PEOPLE, source="A", **kw)  # type: ignore[arg-type]


def test_dozens_of_people_under_acled_is_12_from_python() -> None:
    """ACLED codes "dozens" as 12: reconcile(claims, "acled") does too, though the claim was read with the default."""
    group = reconcile([dozens()], "acled").groups[0]
    assert (group.low, group.high, group.best) == (12, 99, 12)
    assert (
        "'dozens' (claim a) read with the acled policy's hedges: [12, 99], figure 12"
        in group.best_rule
    )
    assert "(the default table reads [24, 99])" in group.best_rule


def test_dozens_of_people_under_acled_is_12_from_the_cli(tmp_path: Path) -> None:
    """The command line gives the same group as Python: the policy's table reads the file."""
    path = tmp_path / "claims.yaml"
    path.write_text(DOZENS_YAML, encoding="utf-8")
    out = io.StringIO()
    assert main(["check", str(path), "--policy", "acled", "--format", "json"], out=out) == 0
    cli = json.loads(out.getvalue())["groups"][0]
    python = reconcile(load_claims(path, policy="acled"), "acled").to_dict()["groups"][0]
    assert (cli["low"], cli["high"], cli["best"]) == (12, 99, 12)
    assert cli == python


def test_loading_with_the_policy_reads_with_its_table() -> None:
    """load_claims(..., policy=) reads with the policy's hedges; reconciling then has nothing to re-read."""
    (claim,) = loads_claims(DOZENS_YAML, policy="acled")
    assert (claim.estimate.low, claim.estimate.point) == (12, 12)
    (default,) = loads_claims(DOZENS_YAML, policy=POLICIES["consensus"])
    assert (default.estimate.low, default.estimate.point) == (24, None)
    group = reconcile([claim], "acled").groups[0]
    assert group.best_rule == "conservative"


def test_loading_refuses_two_tables_that_disagree() -> None:
    """hedges= and policy= together must name the same table; an unknown policy name is refused."""
    assert loads_claims(DOZENS_YAML, hedges=ACLED_HEDGES, policy="acled")[0].estimate.point == 12
    with pytest.raises(InvalidPolicyError, match=r"policy 'acled': 'hedges' is given twice"):
        loads_claims(DOZENS_YAML, hedges=DEFAULT_HEDGES, policy="acled")
    with pytest.raises(UnknownPolicyError):
        loads_claims(DOZENS_YAML, policy="acledd")


def test_the_default_policy_re_reads_figures_read_with_acleds_table() -> None:
    """The tables differ either way: a figure read with ACLED's table, reconciled under consensus, reads [24, 99]."""
    (claim,) = loads_claims(DOZENS_YAML, hedges=ACLED_HEDGES)
    group = reconcile([claim]).groups[0]
    assert (group.low, group.high) == (24, 99)
    assert (
        "read with the consensus policy's hedges: [24, 99] (the acled table reads [12, 99])"
        in group.best_rule
    )


def test_a_hand_built_or_own_table_estimate_is_kept() -> None:
    """Only a figure a known table read from its wording is re-read: a hand-built one keeps its bounds."""
    own = Estimate(low=30, high=40, hedge=claimdiff.Hedge.VAGUE, text="dozens")
    group = reconcile(
        [Claim(id="a", metric="killed", estimate=own, scope=PEOPLE, source="A")], "acled"
    ).groups[0]
    assert (group.low, group.high) == (30, 40)
    assert "read with" not in group.best_rule
    mine = attrs.evolve(DEFAULT_HEDGES, name="mine", vague={"dozens": VagueQuantity(13, 50)})
    (claim,) = loads_claims(DOZENS_YAML, hedges=mine)
    assert reconcile([claim], "acled").groups[0].low == 13


def test_a_reread_keeps_the_unit_given_apart_and_the_claims_other_fields() -> None:
    """A figure whose unit was given apart ("some 70", unit km) is re-read with that unit; the claim is otherwise the same."""
    wide = POLICIES["consensus"].replace(
        name="wide", hedges=attrs.evolve(DEFAULT_HEDGES, name="wide", band=0.5)
    )
    known = attrs.evolve(
        wide, hedges=ACLED_HEDGES
    )  # ACLED's band is the default's: "some 70" reads the same
    claim = Claim(
        id="d",
        metric="distance",
        estimate=claimdiff.hedges.parse_estimate("some 70", unit="km"),
        source="A",
        quote="some 70 km away",
    )
    assert reconcile([claim], known).claims == (claim,)
    report = reconcile(
        [claim], wide
    )  # "wide" is no known table: the claim was read with the default, re-read
    (now,) = report.claims
    assert (now.estimate.low, now.estimate.high, now.estimate.unit) == (35, 105, "km")
    assert (now.id, now.quote, now.source) == (claim.id, claim.quote, claim.source)


def test_exact_figures_and_ranges_are_never_re_read() -> None:
    """An exact figure or a plain range reads the same under every table: the very same claim objects come back."""
    claims = [
        Claim(id="x", metric="killed", estimate="14", scope=PEOPLE, source="A"),
        Claim(id="y", metric="killed", estimate="between 10 and 20", scope=PEOPLE, source="B"),
    ]
    assert all(a is b for a, b in zip(reconcile(claims, "acled").claims, claims, strict=True))


def test_the_seed_under_acled_is_the_seed_loaded_under_acled() -> None:
    """Re-reading at reconcile time gives the figures loading with the policy gives, on every group of the seed."""
    late = reconcile(load_claims(SEED), "acled")
    early = reconcile(load_claims(SEED, policy="acled"), "acled")
    strip = [attrs.evolve(g, best_rule=g.best_rule.split("; 'dozens'")[0]) for g in late.groups]
    assert strip == list(early.groups)
    assert [c.estimate for c in late.claims] == [c.estimate for c in early.claims]


WORDS = sorted(ACLED_HEDGES.vague)


@given(
    st.sampled_from(WORDS), st.sampled_from(sorted(POLICIES)), st.sampled_from(["default", "acled"])
)
def test_a_quantity_word_reads_as_the_policy_reads_it_whatever_it_was_loaded_with(
    word: str, policy: str, loaded_with: str
) -> None:
    """Law: whichever known table loaded a vague figure, reconciling reads it as the policy's table does."""
    table = ACLED_HEDGES if loaded_with == "acled" else DEFAULT_HEDGES
    claim = Claim(
        id="a",
        metric="killed",
        estimate=claimdiff.hedges.parse_estimate(word, hedges=table, count=True),
        scope=PEOPLE,
        source="A",
    )
    (now,) = reconcile([claim], policy).claims
    expected = claimdiff.hedges.parse_estimate(word, hedges=POLICIES[policy].hedges, count=True)
    assert (now.estimate.low, now.estimate.high, now.estimate.point) == (
        expected.low,
        expected.high,
        expected.point,
    )
