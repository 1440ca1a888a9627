"""The Belgorod seed, read as a careful analyst reads the article."""

from __future__ import annotations

import attrs
import pytest

from claimdiff import Claim, FlagKind, Report, Source, load_claims, reconcile
from claimdiff.hedges import parse_estimate
from conftest import SEED


@pytest.fixture(scope="module")
def report() -> Report:
    return reconcile(load_claims(SEED))


def group(report: Report, claim_id: str) -> tuple[float | None, float | None, float | None]:
    g = report.group_of(claim_id)
    return g.low, g.high, g.best


def test_every_figure_is_loaded_and_reconciled(report: Report) -> None:
    """All 20 entries of the seed load as 22 claims (two composite figures add their parts), each in a group."""
    assert len(report.claims) == 22
    assert report.rejected == ()
    assert sorted(cid for g in report.groups for cid in g.claims) == sorted(
        c.id for c in report.claims
    )


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
    """'at least 14' killed and the ministry's '12 adults and two children' (14) agree on 14."""
    assert group(report, "zh-belgorod-killed") == (14, 14, 14)
    assert report.group_of("zh-belgorod-killed") is report.group_of("mod-belgorod-killed")
    assert group(report, "mod-belgorod-killed/adults") == (12, 12, 12)
    assert group(report, "mod-belgorod-killed/children") == (2, 2, 2)
    assert report.claim("mod-belgorod-killed/children").part_of == "mod-belgorod-killed"


def test_bryansk_child_is_not_in_belgorods_toll(report: Report) -> None:
    """The child killed in Bryansk Oblast is a different place from the children killed in Belgorod."""
    assert report.group_of("bryansk-child-killed") is not report.group_of(
        "mod-belgorod-killed/children"
    )


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
    """Under ACLED's rules 'dozens' of intercepted weapons reads from 12, but the report's own arithmetic
    (13 missiles and 32 drones shot down) puts the figure at 45 or more: the best figure keeps to that."""
    acled = reconcile(
        load_claims(SEED, hedges=__import__("claimdiff.hedges").hedges.ACLED_HEDGES), "acled"
    )
    group = acled.group_of("mod-russia-intercepted")
    assert group.low == 12
    assert group.best == 45
    assert group.best_rule == "conservative, kept inside the derived interval"


def test_every_best_lies_inside_what_the_report_derives(report: Report) -> None:
    """The report never contradicts itself: each group's best is within its derived interval, if any."""
    for policy in ("consensus", "conservative", "latest", "median", "acled"):
        r = reconcile(load_claims(SEED), policy)
        for d in r.derived:
            if d.group is None:
                continue
            best = next(g.best for g in r.groups if g.id == d.group)
            assert best is not None
            assert d.low <= best <= (d.high if d.high is not None else best), (policy, d)


def test_the_seed_reads_findings_first(report: Report) -> None:
    """The seed's single-source figures are a property of their groups, not a wall of notices."""
    assert not report.flags_of(FlagKind.UNCORROBORATED)
    assert {g.corroboration for g in report.groups} == {"single", "independent"}
    assert report.flags_of(severity="warning") == ()


ARITHMETIC = {FlagKind.SUBTOTAL_MISMATCH, FlagKind.PART_EXCEEDS_WHOLE, FlagKind.INVERTED_METRICS}


def test_the_arithmetic_of_the_article_holds(report: Report) -> None:
    """No arithmetic flag on the Belgorod, Bryansk and previous-day figures."""
    assert not [f for f in report.flags if f.kind in ARITHMETIC]


def test_adults_injured_are_derived(report: Report) -> None:
    """108 injured including 15 children: 93 adults injured, derived from the ministry's two figures."""
    (adults,) = [d for d in report.derived if d.metric == "injured" and d.counted == "adults"]
    assert (adults.low, adults.high) == (93, 93)
    assert adults.claims == ("mod-belgorod-injured", "mod-belgorod-injured/children")


def test_missiles_and_drones_shot_down_are_at_least_45(report: Report) -> None:
    """'dozens' intercepted, 13 missiles over Belgorod Oblast and 32 drones: at least 45 of the dozens."""
    (both,) = [d for d in report.derived if d.counted == "missiles and drones"]
    assert (both.low, both.high) == (45, 99)
    assert both.group == report.group_of("mod-russia-intercepted").id


def mutated(claim_id: str, value: str) -> list[Claim]:
    """The seed with one claim's figure replaced."""
    return [
        attrs.evolve(c, estimate=parse_estimate(value)) if c.id == claim_id else c
        for c in load_claims(SEED)
    ]


def new_flags(claims: list[Claim], base: Report) -> list[tuple[FlagKind, tuple[str, ...]]]:
    before = {(f.kind, f.claims) for f in base.flags}
    return [(f.kind, f.claims) for f in reconcile(claims).flags if (f.kind, f.claims) not in before]


def test_mutation_five_children_killed(report: Report) -> None:
    """Children killed 5 instead of 2, the total still 14: a subtotal mismatch naming the three figures, nothing else."""
    claims = mutated("mod-belgorod-killed/children", "5")
    assert new_flags(claims, report) == [
        (
            FlagKind.SUBTOTAL_MISMATCH,
            ("mod-belgorod-killed", "mod-belgorod-killed/adults", "mod-belgorod-killed/children"),
        )
    ]


def test_mutation_more_shot_down_than_launched(report: Report) -> None:
    """80 drones shot down against 'some 70' launched: inverted metrics, nothing else."""
    claims = mutated("mod-drones-shot-down-later", "80")
    assert new_flags(claims, report) == [
        (FlagKind.INVERTED_METRICS, ("mod-drones-shot-down-later", "ua-media-drones-launched"))
    ]


def test_mutation_160_launched_against_up_to_158(report: Report) -> None:
    """Other reports split 'up to 158' into missiles and drones launched; 122 + 38 = 160 is a subtotal mismatch,
    122 + 36 = 158 is not."""
    base = load_claims(SEED)
    template = report.claim("ua-launched-2023-12-29")

    def split(drones: int) -> list[Claim]:
        return [
            attrs.evolve(
                template,
                id=f"split-{what}",
                estimate=parse_estimate(str(n)),
                scope=attrs.evolve(template.scope, counted=what),
                source=Source("Ukrainian Air Force"),
            )
            for what, n in (("missiles", 122), ("drones", drones))
        ]

    fine = reconcile([*base, *split(36)])
    assert not [f for f in fine.flags if f.kind in ARITHMETIC]
    fine_flags = {(f.kind, f.claims) for f in fine.flags}
    broken = [
        (f.kind, f.claims)
        for f in reconcile([*base, *split(38)]).flags
        if (f.kind, f.claims) not in fine_flags
    ]
    assert broken == [
        (FlagKind.SUBTOTAL_MISMATCH, ("split-drones", "split-missiles", "ua-launched-2023-12-29"))
    ]
