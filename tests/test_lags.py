"""Reporting lags between origins' cumulative series: found, named in the sentences, graded below a contradiction.

Examples state what an analyst comparing two agencies' running tolls concludes; the laws (hypothesis) say that a
planted lag is found and only the conflicts it explains are re-graded, that input order changes nothing, and that
independent noise shows no lag.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from collections.abc import Sequence
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import POLICIES, Claim, Estimate, FlagKind, Scope, Severity, reconcile
from claimdiff._core import series as series_module
from claimdiff.relations import Lag, Lags
from claimdiff.vocabulary import Metric

DEATHS = Metric("covid deaths", cumulative=True)
START = dt.date(2020, 3, 1)
NO_LAGS = attrs.evolve(POLICIES["consensus"], lags=Lags(max_steps=0))


def series(
    origin: str, values: Sequence[float | None], place: str = "EG", first: int = 0
) -> list[Claim]:
    """One origin's cumulative deaths as of each day from ``START + first`` (``None``: no figure that day)."""
    out = []
    for d, v in enumerate(values, start=first):
        if v is None:
            continue
        day = (START + dt.timedelta(days=d)).isoformat()
        out.append(
            Claim(
                id=f"{origin}-{place}-{d:03}",
                metric=DEATHS,
                estimate=Estimate.exact(v),
                scope=Scope(place=(place,), counted="people"),
                source=origin,
                period=f"{START.isoformat()}/{day}",
                stated=day,
            )
        )
    return out


def running(increments: Sequence[int], start: int = 0) -> list[float]:
    return [float(v) for v in itertools.accumulate(increments, initial=start)][1:]


def lagged(values: Sequence[float], steps: int) -> list[float | None]:
    """The figures a follower ``steps`` days behind gives: the leader's figure ``steps`` days earlier."""
    return [None] * steps + list(values[: len(values) - steps])


GROWTH = running(
    [3, 5, 2, 8, 4, 6, 7, 3, 9, 5, 4, 6, 8, 2, 5, 7, 3, 6, 4, 8, 5, 9, 3, 6, 7, 4, 5, 8, 6, 3], 20
)


# -- examples ------------------------------------------------------------------------------------


def test_a_day_behind_is_a_lag_not_a_contradiction() -> None:
    """WHO giving JHU's figures a day late: every conflict is tagged ``lag``, a warning that says which figure it
    matches; the report lists the lag with the share of conflicts it explains."""
    claims = series("JHU", GROWTH) + series("WHO", lagged(GROWTH, 1))
    before = reconcile(claims, NO_LAGS)
    report = reconcile(claims)
    assert before.flags_of("contradiction"), "without lags, the offset reads as contradictions"
    assert not report.flags_of("contradiction")
    assert len(report.flags_of("contradiction", "discrepancy", "outlier")) == len(
        before.flags_of("contradiction", "discrepancy", "outlier")
    )
    assert all(
        "lag" in f.tags and f.severity is Severity.WARNING
        for f in report.flags_of("contradiction", "discrepancy", "outlier")
    )
    (lag,) = report.lags
    assert (lag.leader, lag.follower, lag.steps, lag.place) == ("JHU", "WHO", 1, ("EG",))
    assert (
        lag.explained
        == lag.conflicts
        == len(report.flags_of("contradiction", "discrepancy", "outlier"))
    )
    f = report.flags_of("discrepancy")[3]
    who = report.claim(next(c for c in f.claims if c.startswith("WHO")))
    assert f"WHO's {who.estimate.describe()} as of 2020-03-" in f.message
    assert "matches JHU's figure a day earlier" in f.message
    assert "graded a discrepancy, not a contradiction" in f.message
    assert {g.verdict for g in report.groups if g.id == f.group} == {"discrepancy"}


def test_a_conflict_the_lag_does_not_explain_stays_a_contradiction() -> None:
    """A figure off by far more than the lag on one date is still a contradiction, untagged."""
    follower = lagged(GROWTH, 1)
    follower[20] = 3_000.0
    report = reconcile(series("JHU", GROWTH) + series("WHO", follower))
    (wrong,) = report.flags_of("contradiction")
    assert "WHO-EG-020" in wrong.claims
    assert "lag" not in wrong.tags
    assert report.lags[0].explained == report.lags[0].conflicts - 1


def test_lag_grading_is_configurable() -> None:
    """``Lags(severity="info")`` makes an explained conflict a notice; ``max_steps=0`` looks for no lag."""
    claims = series("JHU", GROWTH) + series("WHO", lagged(GROWTH, 2))
    quiet = reconcile(claims, attrs.evolve(POLICIES["consensus"], lags=Lags(severity="info")))
    assert quiet.flags_of("contradiction", "discrepancy", "outlier")
    assert all(
        f.severity is Severity.INFO
        for f in quiet.flags_of("contradiction", "discrepancy", "outlier")
    )
    assert quiet.lags[0].steps == 2
    assert "2 days" in quiet.flags_of("contradiction", "discrepancy", "outlier")[0].message
    assert reconcile(claims, NO_LAGS).lags == ()
    with pytest.raises(ValueError, match="severity"):
        Lags(severity="error")


def test_a_lag_over_many_places_holds_where_a_place_shows_none() -> None:
    """The pair's lag, learned over every place, explains a conflict in a place too short to show one itself."""
    claims = series("JHU", GROWTH) + series("WHO", lagged(GROWTH, 1))
    claims += series("JHU", [5, 9], place="MT") + series("WHO", [None, 5], place="MT")
    report = reconcile(claims)
    mt = [
        f
        for f in report.flags_of("contradiction", "discrepancy", "outlier")
        if any("-MT-" in c for c in f.claims)
    ]
    assert len(mt) == 1
    assert "lag" in mt[0].tags
    assert [lag.place for lag in report.lags] == [None, ("EG",)]


def test_two_followers_of_one_leader() -> None:
    """ECDC a day behind Worldometer throughout, WHO on some days with Worldometer and on others a day behind:
    the conflicts between ECDC and WHO are explained through Worldometer, each giving its figure of another day."""
    who = [GROWTH[d] if d % 3 == 0 else GROWTH[d - 1] for d in range(1, len(GROWTH))]
    claims = (
        series("Worldometer", GROWTH)
        + series("ECDC", lagged(GROWTH, 1))
        + series("WHO", [None, *who])
    )
    report = reconcile(claims)
    pairs = [
        f
        for f in report.flags_of("contradiction", "discrepancy", "outlier")
        if {c.split("-")[0] for c in f.claims} == {"ECDC", "WHO"}
    ]
    assert pairs
    assert all("lag" in f.tags for f in pairs)
    assert any("is Worldometer's figure a day earlier, and WHO's" in f.message for f in pairs)
    assert not report.flags_of("contradiction")


def test_lags_are_in_the_json_report() -> None:
    """``to_dict`` lists the lags: origin pair, offset, place, and the share of conflicts explained."""
    out = reconcile(series("JHU", GROWTH) + series("WHO", lagged(GROWTH, 1))).to_dict()
    (lag,) = json.loads(json.dumps(out))["lags"]
    assert lag["leader"] == "JHU"
    assert lag["follower"] == "WHO"
    assert lag["offset"] == "a day"
    assert lag["share"] == 1.0
    assert lag["place"] == ["EG"]


def test_lag_text() -> None:
    """A lag's sentence names the pair, the offset and the evidence."""
    lag = Lag(
        leader="ECDC",
        follower="WHO",
        steps=3,
        step=86_400.0,
        compared=10,
        shifted=5,
        opposite=0,
        unshifted=1,
        conflicts=0,
        explained=0,
    )
    assert lag.message.startswith("WHO reports 3 days behind ECDC: on 5 dates")
    assert lag.share == 0.0


# -- laws ----------------------------------------------------------------------------------------

#: Daily growth in percent: a series that moves by more than ``Lags.match`` (0.5%) each day, so a lag shows.
growth = st.lists(st.integers(2, 30), min_size=30, max_size=45)


def grown(percents: Sequence[int], start: float = 100.0) -> list[float]:
    out = [start]
    for p in percents[1:]:
        out.append(out[-1] + max(1.0, round(out[-1] * p / 100)))
    return out


@given(
    growth, st.integers(1, 3), st.booleans(), st.sets(st.integers(5, 24), max_size=3), st.randoms()
)
def test_a_planted_lag_is_found_and_only_its_conflicts_regraded(
    steps_up: list[int], steps: int, who_leads: bool, wrong: set[int], rnd: random.Random
) -> None:
    """A follower ``steps`` days behind, with a few figures planted wrong: the lag is found with its offset and
    direction, every conflict it explains (and only those) is re-graded, in any input order."""
    lead_values = grown(steps_up)
    follow_values = lagged(lead_values, steps)
    for d in wrong:
        follow_values[d] = lead_values[-1] * 3 + d
    leader, follower = ("WHO", "JHU") if who_leads else ("JHU", "WHO")
    claims = series(leader, lead_values) + series(follower, follow_values)
    before = reconcile(claims, NO_LAGS)
    report = reconcile(claims)
    assert [(lag.leader, lag.follower, lag.steps) for lag in report.lags if lag.place] == [
        (leader, follower, steps)
    ]
    figure = {c.id: c.low for c in claims}
    old = {f.claims: f for f in before.flags}
    assert len(old) == len(report.flags)
    for f in report.flags:
        explained = False
        if f.group is not None and f.kind in (FlagKind.CONTRADICTION, FlagKind.DISCREPANCY):
            d = int(f.claims[0].rsplit("-", 1)[1])
            explained = figure[f"{follower}-EG-{d:03}"] == figure.get(f"{leader}-EG-{d - steps:03}")
        if explained:
            assert "lag" in f.tags, f.message
            assert f.severity is Severity.WARNING
        else:
            assert f == old[f.claims]
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    again = reconcile(shuffled)
    assert again.flags == report.flags
    assert again.lags == report.lags
    assert again.groups == report.groups


@given(st.lists(st.integers(0, 6), min_size=20, max_size=60), st.randoms(use_true_random=False))
def test_independent_noise_shows_no_lag(steps_up: list[int], rnd: random.Random) -> None:
    """Two origins reporting one slowly growing toll, each with its own noise of a few units: their figures
    often agree, shifted or not, but as often one way as the other; no lag is found, no conflict tagged ``lag``."""
    truth = running(steps_up, 50)
    a = [max(0.0, v + rnd.randint(-3, 3)) for v in truth]
    b = [max(0.0, v + rnd.randint(-3, 3)) for v in truth]
    report = reconcile(series("JHU", a) + series("WHO", b))
    assert report.lags == ()
    assert not [
        f for f in report.flags_of("contradiction", "discrepancy", "outlier") if "lag" in f.tags
    ]


def test_lags_follow_the_report_schema() -> None:
    """A report with lags validates against the shipped JSON Schema."""
    jsonschema = pytest.importorskip("jsonschema")
    from claimdiff.formats import report_schema

    out = reconcile(series("JHU", GROWTH) + series("WHO", lagged(GROWTH, 1))).to_dict()
    jsonschema.Draft202012Validator(report_schema()).validate(json.loads(json.dumps(out)))


def test_the_series_are_read_once_for_the_lags_and_the_series_check() -> None:
    """Reconciling finds each origin's series once: the lags and the series check read the same points, and the
    report is the one they gave when each found them for itself (the falls and the lag are there)."""
    points = series_module.series_points
    fell = [*GROWTH[:10], GROWTH[9] - 5, *GROWTH[11:]]
    claims = series("JHU", GROWTH) + series("WHO", lagged(fell, 1))
    with (
        mock.patch.object(series_module, "series_points", wraps=points) as found,
        mock.patch("claimdiff._core.reconcile.series_points", wraps=points) as found_here,
    ):
        report = reconcile(claims)
    assert found.call_count + found_here.call_count == 1
    assert report.lags
    assert report.flags_of("downward_revision")
