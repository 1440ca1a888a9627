"""What a person sees of reports, groups and policies at a prompt: one line each, and a readable help()."""

from __future__ import annotations

import pickle
import pydoc

import attrs
import pytest

import claimdiff
from claimdiff import POLICIES, Estimator, Policy
from claimdiff.exceptions import ClaimdiffError, InvalidPolicyError
from claimdiff.hedges import ACLED_HEDGES, DEFAULT_HEDGES, VagueQuantity
from claimdiff.tolerance import Tolerance
from conftest import SEED


def test_the_seed_report_and_its_groups_are_one_line_each() -> None:
    """The seed's report shows its counts in one short line (it was 15,224 characters), each group its key."""
    report = claimdiff.reconcile(claimdiff.load_claims(SEED))
    assert (
        repr(report) == "<Report (consensus): 22 claims, 20 groups, 0 contradictions, 0 warnings>"
    )
    for group in report.groups:
        shown = repr(group)
        assert "\n" not in shown
        assert shown.startswith(f"<Group {group.id} {group.describe()}: ")
        assert len(shown) < 200
    injured = repr(report.group_of("mod-belgorod-injured"))
    assert injured.endswith(": 2 claims from 2 origins, agreement, best 108>")


def test_a_report_names_its_errors_warnings_and_rejected_rows() -> None:
    """Contradictions, other errors, warnings and rejected rows are counted, plural or not as English has it."""
    scope = claimdiff.Scope(place="X", counted="people")
    claims = [
        claimdiff.Claim(id="a", metric="killed", estimate="14", scope=scope, source="A"),
        claimdiff.Claim(id="b", metric="killed", estimate="40", scope=scope, source="B"),
    ]
    report = claimdiff.reconcile(claims)
    assert repr(report) == "<Report (consensus): 2 claims, 1 group, 1 contradiction, 0 warnings>"
    again = claimdiff.reconcile([*claims, claims[0]], "median")
    assert (
        repr(again)
        == "<Report (median): 2 claims, 1 group, 1 contradiction, 0 warnings, 1 rejected>"
    )


@pytest.mark.parametrize("name", sorted(POLICIES))
def test_every_ready_made_policy_shows_its_name_and_what_differs(name: str) -> None:
    """A ready-made policy's repr is one line naming it and only the settings it changes."""
    shown = repr(POLICIES[name])
    assert shown.startswith(f"Policy({name!r}")
    assert len(shown) < 100
    assert "precision=" not in shown  # no ready-made policy changes the precision: it is not shown


def test_policy_reprs_show_only_changed_settings() -> None:
    """The default policy is its name alone; a changed setting and a named hedge table appear by name."""
    assert repr(Policy()) == "Policy('consensus')"
    assert (
        repr(POLICIES["acled"])
        == "Policy('acled', estimator=Estimator.CONSERVATIVE, hedges=ACLED_HEDGES, ties='lower')"
    )
    changed = POLICIES["consensus"].replace(tolerance=Tolerance(relative=0.05), whole_counts=False)
    assert repr(changed) == (
        "Policy('consensus', tolerance=Tolerance(absolute=0.0, relative=0.05, per_metric=mappingproxy({})), "
        "whole_counts=False)"
    )


def test_hedge_tables_show_what_they_read_otherwise() -> None:
    """A hedge table's repr counts the quantity words it reads otherwise than the default table."""
    assert repr(DEFAULT_HEDGES) == "HedgePolicy('default')"
    assert (
        repr(ACLED_HEDGES)
        == "HedgePolicy('acled', vague=<15 words, 10 read otherwise than the default>)"
    )
    fewer = attrs.evolve(DEFAULT_HEDGES, name="short", vague={"dozens": VagueQuantity(24, 60)})
    assert (
        repr(fewer)
        == "HedgePolicy('short', vague=<1 word, 1 read otherwise than the default, 14 of the default's left out>)"
    )


def test_hedge_tables_that_read_a_word_otherwise_are_not_equal() -> None:
    """Two tables differing only in a quantity word are different tables (and still hashable)."""
    other = attrs.evolve(
        DEFAULT_HEDGES, vague={**DEFAULT_HEDGES.vague_table(), "dozens": VagueQuantity(12, 99, 12)}
    )
    assert other != DEFAULT_HEDGES
    assert attrs.evolve(DEFAULT_HEDGES) == DEFAULT_HEDGES
    assert hash(attrs.evolve(DEFAULT_HEDGES)) == hash(DEFAULT_HEDGES)


def test_help_of_reconcile_is_readable() -> None:
    """help(reconcile) shows its defaults by name: the signature was 3,367 characters, the default policy's repr."""
    text = pydoc.render_doc(claimdiff.reconcile, renderer=pydoc.plaintext)
    signature = next(line for line in text.splitlines() if line.startswith("reconcile("))
    assert "policy: 'Policy | str' = 'consensus'" in signature
    assert "<Taxonomy: 2 partitions, 6 subsets, 1 metric partition, 2 metric orders>" in signature
    assert (
        len(signature) < 50 * 7
    )  # seven parameters, each with its default, about a line of help each


def test_replace_changes_settings_and_validates_them() -> None:
    """replace() is attrs.evolve with the policy's validators, and leaves the original alone."""
    acled = POLICIES["acled"]
    looser = acled.replace(outlier_factor=5.0, estimator="median")
    assert (looser.outlier_factor, looser.estimator, looser.hedges) == (
        5.0,
        Estimator.MEDIAN,
        ACLED_HEDGES,
    )
    assert acled.outlier_factor == 10.0


def test_replace_names_an_unknown_setting_and_the_nearest_one() -> None:
    """A misspelt setting is refused with the nearest real name; one like none lists them all."""
    with pytest.raises(
        InvalidPolicyError,
        match=r"'tolerence' is not a setting of a policy; did you mean 'tolerance'\?",
    ):
        POLICIES["acled"].replace(tolerence=Tolerance())
    with pytest.raises(
        TypeError, match=r"'zzz' is not a setting of a policy; the settings are name, estimator, "
    ):
        Policy().replace(zzz=1)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"outlier_factor": 0.5}, "'outlier_factor' must be > 1.0: 0.5"),
        ({"ties": "middle"}, "'ties' must be in ('median', 'lower', 'higher')"),
        ({"estimator": "guess"}, "'guess' is not a valid Estimator"),
        ({"tolerance": 0.1}, "'tolerance' must be <class"),
    ],
)
def test_replace_names_the_setting_a_bad_value_was_given_to(
    change: dict[str, object], reason: str
) -> None:
    """A refused value is an InvalidPolicyError (a ValueError too) naming the policy, the setting and why."""
    ((field, value),) = change.items()
    with pytest.raises(InvalidPolicyError) as info:
        POLICIES["ucdp"].replace(name="mine", outlier_min_origins=4, **change)
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, ClaimdiffError)
    assert (error.policy, error.field) == ("ucdp", field)
    assert str(error).startswith(f"policy 'ucdp': {field!r} cannot be {value!r}: {reason}")
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_help_of_the_loaders_is_readable() -> None:
    """The loaders' defaults (hedge table, vocabulary) print as a short line each, not as their whole tables."""
    assert (
        repr(claimdiff.vocabulary.DEFAULT_VOCABULARY)
        == "<Vocabulary: 21 metrics, 45 counted synonyms>"
    )
    text = pydoc.render_doc(claimdiff.load_claims, renderer=pydoc.plaintext)
    signature = next(line for line in text.splitlines() if line.startswith("load_claims("))
    assert "vocabulary: 'Vocabulary' = <Vocabulary: 21 metrics, 45 counted synonyms>" in signature
    assert len(signature) < 300
