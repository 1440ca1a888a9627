"""Verdicts an analyst would reach, rule by rule: precision, tolerance, grading, time, series, withdrawals."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from claimdiff import (
    POLICIES,
    Claim,
    Estimate,
    FlagKind,
    Scope,
    Severity,
    Source,
    Withdrawal,
    reconcile,
)
from claimdiff.hedges import parse_estimate
from claimdiff.relations import Series
from claimdiff.tolerance import Grading, Precision, Tolerance
from claimdiff.vocabulary import Metric

PLACE = Scope(place="Russia > Belgorod Oblast")
SITE = Scope(place="Ukraine > Kharkiv Oblast", counted="people", event="strike")


def distance(cid: str, value: str) -> Claim:
    return Claim(id=cid, metric="distance", estimate=value, scope=PLACE, source=cid)


def toll(
    cid: str, value: str | Estimate, source: str | Source, stated: str | None = None, **kw: object
) -> Claim:
    return Claim(
        id=cid, metric="killed", estimate=value, scope=SITE, source=source, stated=stated, **kw
    )


# -- implied precision ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("20 miles", "32 km", True),
        ("20 miles", "40 km", False),
        ("20 miles", "32.19 km", True),
        ("1.5 million m", "1540 km", True),
        ("1.5 million m", "1600 km", False),
        ("32.19 km", "32.2 km", True),
    ],
)
def test_figures_agree_within_the_precision_their_wording_implies(
    a: str, b: str, agree: bool
) -> None:
    """'20 miles' is a figure to the mile: it agrees with 32 km, not with 40 km; conversion comes after precision."""
    assert reconcile([distance("a", a), distance("b", b)]).has_conflict is not agree


def test_exact_precision_takes_figures_at_their_word() -> None:
    """With Precision(mode='exact'), 20 miles (32.19 km) and 32 km disagree, and the group says so."""
    exact = attrs.evolve(POLICIES["consensus"], precision=Precision(mode="exact"))
    report = reconcile([distance("a", "20 miles"), distance("b", "32 km")], exact)
    assert report.has_conflict


def test_the_stated_and_the_widened_interval_are_both_shown() -> None:
    """'20 miles' and '32 km' share no value as worded; the group shows what they share within precision."""
    g = reconcile([distance("a", "20 miles"), distance("b", "32 km")]).groups[0]
    assert g.feasible
    assert g.stated_low is None
    assert g.low is not None
    assert g.verdict == "tolerance"


@pytest.mark.parametrize(
    ("text", "half"),
    [
        ("17,879,000", 500.0),
        ("1.5 million", 50_000.0),
        ("14 km", 0.5),
        ("100,000", 5_000.0),
        ("1,000", 0.5),
        ("14", 0.0),  # a bare numeral is a number given as data: exact (issue 17 item 2)
        ("some 70", 0.0),
        ("dozens", 0.0),
        ("32.19 km", 0.005),
    ],
)
def test_the_precision_table(text: str, half: float) -> None:
    """Trailing zeros of a large figure read as rounding; decimals set the step; hedged bands get nothing more."""
    assert Precision().half_width(parse_estimate(text)) == pytest.approx(half)


# -- tolerance and grading -----------------------------------------------------------------------


def volume(cid: str, value: float) -> Claim:
    return Claim(
        id=cid,
        metric="volume",
        estimate=Estimate.exact(value),
        scope=Scope(counted="shares", place="US"),
        source=cid,
    )


def test_a_relative_tolerance_makes_close_figures_agree() -> None:
    """With a 1% tolerance, 17,823,319 and 17,900,000 shares agree; 18,500,000 does not."""
    policy = attrs.evolve(POLICIES["consensus"], tolerance=Tolerance(relative=0.01))
    assert not reconcile([volume("a", 17_823_319), volume("b", 17_900_000)], policy).has_conflict
    assert reconcile([volume("a", 17_823_319), volume("b", 18_500_000)], policy).has_conflict


def test_a_huge_gap_is_given_as_a_ratio_not_a_percentage() -> None:
    """17,823,319 against 55,000 is 'about 324 times' the lower figure, never '100%'."""
    (flag,) = reconcile([volume("a", 17_823_319), volume("b", 55_000)]).flags_of(
        "contradiction", "discrepancy", "outlier"
    )
    assert "17,823,319 is 324 times 55,000" in flag.message
    assert "100%" not in flag.message
    assert flag.severity is Severity.ERROR


def test_grading_thresholds_are_a_policy() -> None:
    """A 7% gap is a discrepancy under the default grading and a contradiction when the threshold is 5%."""
    claims = [toll("a", "14", "A"), toll("b", "15", "B")]
    assert (
        reconcile(claims).flags_of("contradiction", "discrepancy", "outlier")[0].kind
        is FlagKind.DISCREPANCY
    )
    strict = attrs.evolve(
        POLICIES["consensus"], grading=Grading(contradiction_at=0.05, min_count_gap=0)
    )
    assert (
        reconcile(claims, strict).flags_of("contradiction", "discrepancy", "outlier")[0].kind
        is FlagKind.CONTRADICTION
    )


@pytest.mark.parametrize(
    ("low", "high", "kind"),
    [
        ("7", "9", FlagKind.DISCREPANCY),
        ("1", "3", FlagKind.DISCREPANCY),
        ("0", "4", FlagKind.DISCREPANCY),
        ("70", "90", FlagKind.CONTRADICTION),
        ("0", "5", FlagKind.CONTRADICTION),
        ("14", "at least 40", FlagKind.CONTRADICTION),
    ],
)
def test_small_counts_are_graded_by_absolute_and_relative_size(
    low: str, high: str, kind: FlagKind
) -> None:
    """7 against 9 deaths, or 1 against 3, is not an error (fewer than 5 apart); 70 against 90 is. The sentence
    says why a large share between small counts is only a discrepancy."""
    (flag,) = reconcile([toll("a", low, "Ministry"), toll("b", high, "Hospital")]).flags_of(
        "contradiction", "discrepancy", "outlier"
    )
    assert flag.kind is kind
    assert ("fewer than 5 apart: between small counts, a discrepancy" in flag.message) is (
        kind is FlagKind.DISCREPANCY
    )


def test_the_small_count_floor_is_a_policy_and_spares_measurements() -> None:
    """``Grading(min_count_gap=0)`` grades counts by share alone; a measurement is never floored (no whole units)."""
    claims = [toll("a", "7", "A"), toll("b", "9", "B")]
    plain = attrs.evolve(POLICIES["consensus"], grading=Grading(min_count_gap=0))
    assert (
        reconcile(claims, plain).flags_of("contradiction", "discrepancy", "outlier")[0].kind
        is FlagKind.CONTRADICTION
    )
    miles = [distance("a", "7 km"), distance("b", "9 km")]
    assert (
        reconcile(miles).flags_of("contradiction", "discrepancy", "outlier")[0].kind
        is FlagKind.CONTRADICTION
    )


def test_one_vandal_among_agreeing_origins_is_one_finding() -> None:
    """Four origins agree on a population, a fifth adds two zeros: one finding about that figure, an outlier."""
    claims = [
        Claim(
            id=f"c{i}",
            metric="population",
            estimate=v,
            scope=Scope(place="X", counted="people"),
            source=f"editor {i}",
        )
        for i, v in enumerate(["55,000", "55,000", "about 55,000", "55,000", "5,500,000"])
    ]
    report = reconcile(claims)
    (flag,) = report.flags_of("contradiction", "discrepancy", "outlier")
    assert "c4" in flag.claims
    assert "outlier" in flag.tags
    assert report.groups[0].dissenting == ("c4",)


# -- time: stale only with evidence of growth --------------------------------------------------


def test_a_much_higher_figure_from_the_other_side_within_the_hour_is_contested() -> None:
    """'3 killed' from one side's army at 12:00 and 'more than 30' from the other's officials at 12:30 contradict."""
    report = reconcile(
        [
            toll(
                "army", "3", Source("Army", kind="military", party="A"), "2024-01-05T12:00:00+00:00"
            ),
            toll(
                "officials",
                "more than 30",
                Source("Officials", kind="government", party="B"),
                "2024-01-05T12:30:00+00:00",
            ),
        ]
    )
    (flag,) = report.flags_of("contradiction", "discrepancy", "outlier")
    assert flag.kind is FlagKind.CONTRADICTION
    assert flag.tags == ("contested",)
    assert not report.flags_of(FlagKind.STALE)


def test_a_rise_hours_later_is_stale_not_contradicted() -> None:
    """39 killed in the morning, 45 from elsewhere in the evening: the toll rose, the earlier figure is stale."""
    report = reconcile(
        [
            toll("am", "39", "Police", "2024-01-05T08:00:00+00:00"),
            toll("pm", "45", "Hospital", "2024-01-05T20:00:00+00:00"),
        ]
    )
    assert [f.kind for f in report.flags] == [FlagKind.STALE]


def test_a_foreign_figure_between_a_governors_rising_tolls_stays_stale() -> None:
    """Governor 'at least 5' at 10:00 and 11 at 15:00; another source's 7 at 12:00 is stale: the toll was rising."""
    report = reconcile(
        [
            toll("gov-1", "at least 5", "Governor", "2024-01-05T10:00:00+00:00"),
            toll("tass", "7", "TASS", "2024-01-05T12:00:00+00:00"),
            toll("gov-2", "11", "Governor", "2024-01-05T15:00:00+00:00"),
        ]
    )
    assert not report.has_conflict
    assert report.groups[0].stale == ("tass",)


def test_a_fall_is_a_contradiction_whatever_the_delay() -> None:
    """A later, lower toll from elsewhere cannot be growth: it contradicts."""
    report = reconcile([toll("a", "40", "A", "2024-01-05"), toll("b", "20", "B", "2024-01-07")])
    assert report.has_contradiction


# -- cumulative series as of a date ------------------------------------------------------------


def as_of(
    cid: str, value: int, day: int, source: str = "Ministry", metric: str | Metric = "killed"
) -> Claim:
    date = dt.date(2024, 1, 1) + dt.timedelta(days=day)
    return Claim(
        id=cid,
        metric=metric,
        estimate=Estimate.exact(value),
        scope=SITE,
        source=source,
        period=f"2024-01-01/{date.isoformat()}",
        stated=date.isoformat(),
    )


def test_a_rising_cumulative_series_never_contradicts_itself() -> None:
    """A ministry's toll as of each of 30 days, rising, gives 30 groups and no finding at all."""
    report = reconcile([as_of(f"d{i}", 10 + 3 * i, i) for i in range(30)])
    assert len(report.groups) == 30
    assert report.flags_of(severity="warning") == ()


def test_a_fall_in_a_series_is_a_downward_revision() -> None:
    """The same ministry's series falling from one as-of date to the next is flagged, naming both points."""
    values = [10, 12, 15, 14, 20]
    report = reconcile([as_of(f"d{i}", v, i) for i, v in enumerate(values)])
    (flag,) = report.flags_of(severity="warning")
    assert flag.kind is FlagKind.DOWNWARD_REVISION
    assert flag.claims == ("d2", "d3")


def test_agencies_are_compared_on_the_same_as_of_date() -> None:
    """Two agencies' series disagree on one date by 20%: a contradiction in that date's group only."""
    claims = [as_of(f"a{i}", 100 + i, i, "JHU") for i in range(3)] + [
        as_of(f"b{i}", 100 + i, i, "WHO") for i in range(3)
    ]
    claims[4] = as_of("b1", 130, 1, "WHO")
    report = reconcile(claims)
    assert [f.claims for f in report.flags_of("contradiction", "discrepancy", "outlier")] == [
        ("a1", "b1")
    ]


NEW = Metric("new deaths", cumulative=False)


def daily(cid: str, value: int, day: int, source: str = "Ministry") -> Claim:
    date = dt.date(2024, 1, 1) + dt.timedelta(days=day)
    return Claim(
        id=cid,
        metric=NEW,
        estimate=Estimate.exact(value),
        scope=SITE,
        source=source,
        period=date.isoformat(),
        stated=date.isoformat(),
    )


def test_daily_figures_are_checked_against_the_cumulative_series() -> None:
    """new deaths[d] = deaths[d] - deaths[d-1], declared once: mismatches on two days in a row are both flagged."""
    totals = [5, 9, 12, 20, 21]
    rises = [5, 4, 3, 2, 9]  # day 3 says 2 but the series rose by 8; day 4 says 9 but it rose by 1
    claims = [as_of(f"c{i}", v, i) for i, v in enumerate(totals)] + [
        daily(f"n{i}", v, i) for i, v in enumerate(rises)
    ]
    report = reconcile(claims, relations=[Series(daily="new deaths", cumulative="killed")])
    mismatches = report.flags_of(FlagKind.SERIES_MISMATCH)
    assert [f.claims for f in mismatches] == [("c2", "c3", "n3"), ("c3", "c4", "n4")]
    assert "rose from 12 (c2) to 20 (c3)" in mismatches[0].message


# -- withdrawals, best figures, ties ---------------------------------------------------------------


def test_a_withdrawn_figure_stays_but_no_longer_counts() -> None:
    """A figure withdrawn later is kept and marked; the best comes from the rest."""
    claims = [toll("a", "40", "A"), toll("b", "12", "B"), toll("c", "12", "C")]
    report = reconcile(claims, withdrawals=[Withdrawal(claim="a", reason="double-counted")])
    g = report.groups[0]
    assert g.withdrawn == ("a",)
    assert g.best == 12
    assert not report.has_conflict
    assert [f.kind for f in report.flags] == [FlagKind.WITHDRAWN]


def test_a_withdrawal_of_an_unknown_claim_is_rejected_not_ignored() -> None:
    """Nothing is dropped silently: a withdrawal naming no reconciled claim is reported."""
    report = reconcile([toll("a", "4", "A")], withdrawals=[Withdrawal(claim="zz")])
    assert [r.claim_id for r in report.rejected] == ["zz"]


def test_latest_without_statement_times_says_what_it_did() -> None:
    """With no statement times there is no latest figure: the group falls back to the consensus and says so."""
    g = reconcile([toll("a", "12", "A"), toll("b", "12", "B")], "latest").groups[0]
    assert g.best == 12
    assert "no claim of the group says when it was stated" in g.best_rule


def test_two_lone_origins_have_no_consensus_and_the_lower_median_stands() -> None:
    """Two origins, 10 against 20: no consensus, so the best is the lower median (a reported figure), whatever
    the claims are called; a policy that breaks ties ``"higher"`` takes 20.

    (Issue 17: the tie used to go by claim id, so relabelling the claims flipped the best figure.)
    """
    one = reconcile([toll("a", "10", "A"), toll("b", "20", "B")]).groups[0].best
    two = reconcile([toll("a", "20", "A"), toll("b", "10", "B")]).groups[0].best
    assert one == two == 10.0
    higher = attrs.evolve(POLICIES["consensus"], ties="higher")
    assert reconcile([toll("a", "10", "A"), toll("b", "20", "B")], higher).groups[0].best == 20.0


def test_the_best_of_a_count_is_a_whole_number() -> None:
    """The median of 10 and 11 people is not 10.5 people."""
    g = reconcile(
        [toll("a", "between 10 and 11", "A"), toll("b", "at least 10", "B")], "median"
    ).groups[0]
    assert g.best is not None
    assert g.best == int(g.best)


def test_many_restatements_of_one_figure_are_revisions() -> None:
    """652 daily restatements by one origin: every earlier one is superseded, the last stands."""
    claims = [
        Claim(
            id=f"r{i:03}",
            metric="population",
            estimate=Estimate.exact(1000 + i),
            scope=SITE,
            source="Office",
            stated=(dt.date(2020, 1, 1) + dt.timedelta(days=i)).isoformat(),
        )
        for i in range(652)
    ]
    g = reconcile(claims).groups[0]
    assert len(g.superseded) == 651
    assert g.best == 1651


# -- the truth policy ----------------------------------------------------------------------------


def test_the_truth_policy_learns_whom_to_believe_and_reports_why() -> None:
    """A source three times the others on every item is found, corrected and reported; the best figures are right."""
    scope = Scope(place="X", counted="people")
    claims = [
        Claim(
            id=f"{n}{who}",
            metric="killed",
            estimate=str(v * (3 if who == "c" else 1)),
            scope=scope,
            source=Source(who.upper()),
            period=f"2024-01-{n + 1:02}",
        )
        for n, v in enumerate([10, 20, 30, 40, 50])
        for who in "abc"
    ]
    report = reconcile(claims, "truth")
    assert [g.best for g in report.groups] == [10, 20, 30, 40, 50]
    assert {g.best_rule for g in report.groups} == {
        "truth (weighted by learned source reliability)"
    }
    assert report.truth is not None
    (shift,) = report.flags_of(FlagKind.SYSTEMATIC_SHIFT)
    assert "'c' is 3 times the consensus" in shift.message
    assert {s["origin"] for s in report.to_dict()["sources"]} == {"a", "b", "c"}


def test_other_policies_carry_no_truth() -> None:
    """Truth discovery runs only under the truth policy: the JSON output has no sources otherwise."""
    report = reconcile([toll("a", "4", "A"), toll("b", "4", "B")])
    assert report.truth is None
    assert "sources" not in report.to_dict()


# -- in claims files -----------------------------------------------------------------------------


SERIES_FILE = """
metrics:
  new deaths: {cumulative: false}
defaults: {counted: people, place: Ukraine, source: Ministry}
claims:
  - {id: c1, metric: killed, value: 5, period: 2024-01-01/2024-01-01}
  - {id: c2, metric: killed, value: 9, period: 2024-01-01/2024-01-02}
  - {id: c3, metric: killed, value: 20, period: 2024-01-01/2024-01-03}
  - {id: n2, metric: new deaths, value: 4, period: 2024-01-02}
  - {id: n3, metric: new deaths, value: 2, period: 2024-01-03}
  - {id: x, metric: injured, value: 40, stated: 2024-01-02}
  - {id: y, metric: injured, value: 12, source: Hospital, stated: 2024-01-02}
relations:
  - {kind: series, daily: new deaths, cumulative: killed}
withdrawals:
  - {claim: x, stated: 2024-01-03, by: Ministry, reason: double-counted}
"""


def test_a_claims_file_declares_series_and_withdrawals() -> None:
    """A file's series relation and withdrawals reach reconcile: the day that does not add up is flagged,
    the withdrawn figure is marked and no longer counts, and saving the file keeps both sections."""
    from claimdiff import dump_claims, loads_claims_lenient

    loaded = loads_claims_lenient(SERIES_FILE)
    assert loaded.rejected == ()
    assert [type(r).__name__ for r in loaded.relations] == ["Series"]
    assert [w.claim for w in loaded.withdrawals] == ["x"]
    report = reconcile(loaded.claims, relations=loaded.relations, withdrawals=loaded.withdrawals)
    assert [f.claims for f in report.flags_of(FlagKind.SERIES_MISMATCH)] == [("c2", "c3", "n3")]
    injured = report.group_of("x")
    assert injured.withdrawn == ("x",)
    assert injured.best == 12
    again = loads_claims_lenient(dump_claims(list(loaded.claims), like=loaded))
    assert [w.claim for w in again.withdrawals] == ["x"]
    assert len(again.relations) == 1


def test_a_files_aliases_make_spellings_of_one_body_one_origin() -> None:
    """A claims file's aliases section names two spellings of the city administration as one source."""
    from claimdiff import dump_claims, loads_claims_lenient

    text = """
aliases: {Kyiv city administration: KCMA, Kyiv City Military Administration: KCMA}
defaults: {metric: killed, counted: people, place: Kyiv}
claims:
  - {id: a, value: 4, source: Kyiv city administration}
  - {id: b, value: 4, source: the Kyiv City Military Administration}
  - {id: c, value: 4, source: Reuters}
"""
    loaded = loads_claims_lenient(text)
    assert loaded.rejected == ()
    assert {c.source.name for c in loaded.claims} == {"KCMA", "Reuters"}
    assert reconcile(loaded.claims).groups[0].origins == 2
    again = loads_claims_lenient(dump_claims(list(loaded.claims), like=loaded))
    assert again.claims == loaded.claims
