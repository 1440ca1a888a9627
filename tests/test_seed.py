"""The Belgorod seed, read as a careful analyst reads the article."""

from __future__ import annotations

import pytest

from claimdiff import FlagKind, Report, load_claims, reconcile
from conftest import SEED


@pytest.fixture(scope="module")
def report() -> Report:
    return reconcile(load_claims(SEED))


def group(report: Report, claim_id: str) -> tuple[float | None, float | None, float | None]:
    g = report.group_of(claim_id)
    return g.low, g.high, g.best


def test_every_figure_is_loaded_and_reconciled(report: Report) -> None:
    """All 21 figures of the article load, and each is in a group; none is rejected."""
    assert len(report.claims) == 21
    assert report.rejected == ()
    assert sorted(cid for g in report.groups for cid in g.claims) == sorted(c.id for c in report.claims)


def test_no_contradiction_in_the_article(report: Report) -> None:
    """Nothing in the article contradicts anything else in it."""
    assert not report.has_contradiction


def test_over_100_and_108_injured_agree(report: Report) -> None:
    """'over 100' injured (headline) and the ministry's 108 are one figure: 108, with a precision gap."""
    g = report.group_of("mod-belgorod-injured")
    assert g is report.group_of("zh-belgorod-injured")
    assert (g.low, g.high, g.best) == (108, 108, 108)
    assert g.origins == 2
    gaps = [f for f in report.flags_of(FlagKind.PRECISION_GAP) if f.group == g.id]
    assert gaps
    assert set(gaps[0].claims) == {"mod-belgorod-injured", "zh-belgorod-injured"}


def test_belgorod_death_figures_do_not_conflict(report: Report) -> None:
    """'at least 14' killed, 12 adults and two children: separate counted things, no conflict."""
    assert group(report, "zh-belgorod-killed") == (14, None, 14)
    assert group(report, "mod-belgorod-killed-adults") == (12, 12, 12)
    assert group(report, "mod-belgorod-killed-children") == (2, 2, 2)


def test_bryansk_child_is_not_in_belgorods_toll(report: Report) -> None:
    """The child killed in Bryansk Oblast is a different place from the children killed in Belgorod."""
    assert report.group_of("bryansk-child-killed") is not report.group_of("mod-belgorod-killed-children")


def test_the_two_days_attacks_stay_apart(report: Report) -> None:
    """The 39 killed in Ukraine the day before are not Belgorod's dead."""
    ukraine = report.group_of("ua-killed-2023-12-29")
    assert ukraine is not report.group_of("zh-belgorod-killed")
    assert ukraine.event == "attack-on-ukraine-2023-12-29"
    assert ukraine.period == "2023-12-29"


def test_launched_and_shot_down_are_different_metrics(report: Report) -> None:
    """'some 70' drones launched and 32 drones shot down are different metrics, never one group."""
    launched = report.group_of("ua-media-drones-launched")
    shot = report.group_of("mod-drones-shot-down-later")
    assert launched is not shot
    assert (launched.metric, shot.metric) == ("launched", "intercepted")
    assert (launched.low, launched.high, launched.best) == (63, 77, 70)


def test_hedges_are_kept(report: Report) -> None:
    """Every hedge in the article survives: 'dozens', 'up to 158', 'some 70', 'over 100', 'at least 14'."""
    texts = {c.id: c.estimate.describe() for c in report.claims}
    assert texts["mod-russia-intercepted"] == "dozens"
    assert texts["ua-launched-2023-12-29"] == "up to 158"
    assert group(report, "ua-launched-2023-12-29") == (0, 158, 158)
    assert group(report, "mod-russia-intercepted")[:2] == (24, 99)


def test_distance_in_miles(report: Report) -> None:
    """The border is 20 miles from Belgorod; the group keeps the unit it was given in."""
    g = report.group_of("zh-belgorod-border-distance")
    assert (g.unit, g.best, g.dimension) == ("mile", 20, "[length]")


def test_chains_of_sources(report: Report) -> None:
    """The ministry's missile figure reached the outlet through Reuters."""
    c = report.claim("mod-missiles-destroyed-initial")
    assert c.chain_text() == "Russian Ministry of Defence, via Reuters, via ZeroHedge"
    assert c.metric.name == "intercepted"


def test_acled_policy_on_the_seed(report: Report) -> None:
    """Under ACLED's rules 'dozens' of intercepted weapons is coded 12."""
    acled = reconcile(load_claims(SEED, hedges=__import__("claimdiff").ACLED_HEDGES), "acled")
    assert acled.group_of("mod-russia-intercepted").best == 12
