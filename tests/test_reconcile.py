"""Reconciliation, example by example: what a careful analyst concludes."""

from __future__ import annotations

import pytest

from claimdiff import Estimate, FlagKind, Scope, Severity, reconcile
from claimdiff.exceptions import UnknownPolicyError
from helpers import claim, kinds


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("at least 14", "14"),
        ("over 100", "108"),
        ("dozens", "45"),
        ("some 70", "68"),
        ("up to 158", "158"),
        ("nearly 100", "95"),
        ("between 10 and 20", "20"),
        ("a dozen", "12"),
        ("hundreds", "300"),
    ],
)
def test_hedge_compatible_pairs_never_contradict(a: str, b: str) -> None:
    """A hedged figure and an exact one it allows agree: no contradiction, a precision gap instead."""
    report = reconcile([claim("a", a), claim("b", b)])
    assert not report.has_contradiction
    assert report.flags_of(FlagKind.PRECISION_GAP)
    g = report.groups[0]
    assert g.low == g.high == float(b)
    assert g.supporting == ("a", "b")


@pytest.mark.parametrize(
    ("a", "b", "gap"),
    [
        ("at least 16", "14", 2),
        ("12", "14", 2),
        ("dozens", "12", 12),
        ("fewer than 10", "10", 1),
        ("at least 20", "14", 6),
    ],
)
def test_real_contradictions_are_flagged_with_the_gap(a: str, b: str, gap: float) -> None:
    """Intervals that cannot both hold are a conflict naming both claims and the gap: a contradiction from a gap
    of 5 between small counts, a discrepancy below (issue 17: 12 against 14 killed is not an error)."""
    report = reconcile([claim("a", a), claim("b", b)])
    (flag,) = report.flags_of("contradiction", "discrepancy", "outlier")
    assert flag.claims == ("a", "b")
    assert flag.severity is (Severity.ERROR if gap >= 5 else Severity.WARNING)
    assert flag.gap == gap
    assert str(gap) in flag.message
    assert not report.groups[0].feasible


@pytest.mark.parametrize(("a", "b"), [("over 100", "100"), ("14", "15"), ("108", "100")])
def test_a_small_disagreement_is_a_discrepancy_not_a_contradiction(a: str, b: str) -> None:
    """Figures a few percent apart disagree (a warning), but below the grading's 10% they do not contradict."""
    report = reconcile([claim("a", a), claim("b", b)])
    assert not report.has_contradiction
    (flag,) = report.flags_of("contradiction", "discrepancy", "outlier")
    assert flag.kind is FlagKind.DISCREPANCY
    assert flag.severity is Severity.WARNING
    assert report.groups[0].verdict == "discrepancy"


def test_contradiction_message_is_checkable() -> None:
    """The sentence names both sources and both figures."""
    report = reconcile([claim("a", "at least 20", "TASS"), claim("b", "14", "Ministry")])
    msg = report.flags_of("contradiction")[0].message
    for part in ("'a' (TASS)", "at least 20", "'b' (Ministry)", "14", "gap 6"):
        assert part in msg


def test_dissenter_against_consensus() -> None:
    """Three origins agree on 14; the fourth (20) dissents and is flagged once, against the nearest supporter."""
    report = reconcile(
        [claim("a", "14"), claim("b", "at least 12"), claim("c", "14"), claim("d", "20")]
    )
    g = report.groups[0]
    assert g.supporting == ("a", "b", "c")
    assert g.dissenting == ("d",)
    assert g.best == 14
    assert {f.claims for f in report.flags_of("contradiction")} == {("a", "d")}


def test_revision_by_the_same_origin_is_not_a_contradiction() -> None:
    """The same ministry says 10, then 14 the next day: a revision; the later figure stands."""
    report = reconcile(
        [claim("a", "10", "MoD", stated="2023-12-30"), claim("b", "14", "MoD", stated="2023-12-31")]
    )
    assert kinds(report) == ["revision"]
    assert report.groups[0].corroboration == "circular"
    g = report.groups[0]
    assert g.superseded == ("a",)
    assert g.best == 14


def test_downward_revision_is_flagged() -> None:
    """A cumulative figure that the same origin lowers is a downward revision, a warning."""
    report = reconcile(
        [claim("a", "14", "MoD", stated="2023-12-30"), claim("b", "12", "MoD", stated="2023-12-31")]
    )
    (flag,) = report.flags_of(FlagKind.DOWNWARD_REVISION)
    assert flag.severity is Severity.WARNING
    assert flag.gap == 2
    assert not report.has_contradiction


def test_non_cumulative_revision_downwards_is_plain_revision() -> None:
    """A distance restated lower by its origin is a revision, not a downward revision."""
    scope = Scope(place="Russia")
    report = reconcile(
        [
            claim("a", "20 miles", "X", metric="distance", scope=scope, stated="2023-12-30"),
            claim("b", "25 km", "X", metric="distance", scope=scope, stated="2023-12-31"),
        ]
    )
    assert kinds(report) == ["revision"]
    assert report.groups[0].corroboration == "circular"


def test_stale_figure_is_not_a_contradiction() -> None:
    """An earlier toll of 10 from one origin and a later 14 from another: the toll rose; 10 is stale."""
    report = reconcile(
        [
            claim("a", "10", "Governor", stated="2023-12-30"),
            claim("b", "14", "MoD", stated="2023-12-31"),
        ]
    )
    assert kinds(report) == ["stale"]
    g = report.groups[0]
    assert g.stale == ("a",)
    assert g.best == 14


def test_cumulative_figure_falling_across_origins_contradicts() -> None:
    """A later, lower toll from another origin cannot hold beside the earlier one."""
    report = reconcile(
        [claim("a", "14", "MoD", stated="2023-12-30"), claim("b", "8", "TASS", stated="2023-12-31")]
    )
    (flag,) = report.flags_of("contradiction")
    assert "cannot fall" in flag.message


def test_earlier_upper_bound_does_not_cap_a_rising_toll() -> None:
    """'up to 10' yesterday and 'at least 8' today: today's figure may exceed 10."""
    report = reconcile(
        [
            claim("a", "up to 10", "X", stated="2023-12-30"),
            claim("b", "at least 8", "Y", stated="2023-12-31"),
        ]
    )
    g = report.groups[0]
    assert (g.low, g.high) == (8, None)
    assert not report.has_contradiction


def test_non_cumulative_disjoint_figures_contradict_whatever_their_times() -> None:
    """Two distances from different origins that cannot both hold contradict, even a day apart."""
    scope = Scope(place="Russia")
    report = reconcile(
        [
            claim("a", "20 miles", "X", metric="distance", scope=scope, stated="2023-12-30"),
            claim("b", "50 km", "Y", metric="distance", scope=scope, stated="2023-12-31"),
        ]
    )
    assert report.has_contradiction


def test_units_do_not_matter() -> None:
    """'20 miles' and 'about 32 km' agree; the group reports in the unit most claims use."""
    scope = Scope(place="Russia")
    report = reconcile(
        [
            claim("a", "20 miles", "X", metric="distance", scope=scope),
            claim("b", "about 32 km", "Y", metric="distance", scope=scope),
            claim("c", "20 miles", "Z", metric="distance", scope=scope),
        ]
    )
    g = report.groups[0]
    assert not report.has_contradiction
    assert g.unit == "mile"
    assert g.best == pytest.approx(20)


def test_circular_corroboration() -> None:
    """Three outlets repeating one ministry are one origin: flagged, not counted as corroboration."""
    report = reconcile(
        [
            claim("a", "14", "MoD", via=("Reuters",)),
            claim("b", "14", "MoD", via=("AP",)),
            claim("c", "14", "MoD", via=("Reuters", "ZeroHedge")),
        ]
    )
    (flag,) = report.flags_of(FlagKind.CIRCULAR_CORROBORATION)
    assert report.groups[0].origins == 1
    assert "one origin" in flag.message


def test_single_claim_is_uncorroborated() -> None:
    """One claim from one origin is said once, on its group, not as a notice among the findings."""
    report = reconcile([claim("a", "14")])
    assert report.flags == ()
    assert report.groups[0].corroboration == "single"


def test_incomparable_units_are_split_and_flagged() -> None:
    """A length and a share for one figure are kept apart and flagged as incomparable.

    (A count in a unit is refused outright since issue 21, so the pair is no longer a count and a percentage.)
    """
    where = Scope(place="Russia > Belgorod Oblast > Belgorod")
    report = reconcile([claim("a", "14 km", scope=where), claim("b", "40%", scope=where)])
    assert len(report.groups) == 2
    (flag,) = report.flags_of(FlagKind.INCOMPARABLE)
    assert flag.claims == ("a", "b")


def test_outlier_orders_of_magnitude_off() -> None:
    """A vandalised figure a thousand times the others is one finding: a contradiction tagged as an outlier."""
    figures = ["about 52,000", "about 51,800", "about 52,300", "about 52,100", "52,000,000"]
    claims = [claim(f"c{i}", v) for i, v in enumerate(figures)]
    report = reconcile(claims)
    (flag,) = report.flags_of("contradiction", "discrepancy", "outlier")
    assert flag.kind is FlagKind.CONTRADICTION
    assert flag.tags == ("outlier",)
    assert "c4" in flag.claims
    assert "it is 999 times the median of the 4 other origins (52,050)" in flag.message
    assert report.groups[0].dissenting == ("c4",)


def test_different_scopes_never_group() -> None:
    """Children killed in Bryansk are not part of Belgorod's toll; drones launched are not drones shot down."""
    bryansk = Scope(place="Russia > Bryansk Oblast", counted="children", event="attack")
    drones = Scope(place="Russia", counted="drones", event="attack")
    report = reconcile(
        [
            claim(
                "a",
                "2",
                scope=Scope(
                    place="Russia > Belgorod Oblast > Belgorod", counted="children", event="attack"
                ),
            ),
            claim("b", "1", scope=bryansk),
            claim("c", "some 70", metric="launched", scope=drones),
            claim("d", "32", metric="shot down", scope=drones),
        ]
    )
    assert len(report.groups) == 4
    assert not report.has_contradiction


def test_disjoint_periods_do_not_group() -> None:
    """The same metric and scope on two different days are two figures."""
    report = reconcile(
        [claim("a", "39", period="2023-12-29"), claim("b", "14", period="2023-12-30")]
    )
    assert len(report.groups) == 2
    assert not report.has_contradiction


def test_duplicate_ids() -> None:
    """An exact repeat is reconciled once and the repeat reported; clashing ids reject both."""
    same = reconcile([claim("a", "14"), claim("a", "14")])
    assert len(same.claims) == 1
    assert [r.claim_id for r in same.rejected] == ["a"]
    clash = reconcile([claim("a", "14"), claim("a", "15"), claim("b", "3")])
    assert [c.id for c in clash.claims] == ["b"]
    assert [r.claim_id for r in clash.rejected] == ["a", "a"]
    assert "different claims" in clash.rejected[0].reason


@pytest.mark.parametrize(
    ("policy", "best"),
    [("consensus", 14), ("conservative", 14), ("median", 14), ("latest", 15), ("acled", 14)],
)
def test_policies_choose_the_best_estimate(policy: str, best: float) -> None:
    """Each named policy picks its documented figure."""
    claims = [
        claim("a", "at least 14", stated="2023-12-30"),
        claim("b", "14", stated="2023-12-30"),
        claim("c", "between 12 and 15", stated="2023-12-30T18:00+03:00"),
        claim("d", Estimate.between(14, 16, text=""), stated="2023-12-31"),
    ]
    # d is later and cumulative: its range only lifts the floor.
    report = reconcile(claims, policy)
    assert report.policy == policy
    assert report.groups[0].best == best


def test_unknown_policy() -> None:
    """An unknown policy name raises, listing the known ones."""
    with pytest.raises(UnknownPolicyError, match="consensus"):
        reconcile([], "wishful")


def test_empty_input() -> None:
    """No claims, an empty report."""
    report = reconcile([])
    assert (report.groups, report.flags, report.rejected) == ((), (), ())
