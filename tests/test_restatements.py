"""A later, vaguer restatement is no evidence that a toll grew (issue 17)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Claim, FlagKind, Report, Scope, load_claims, reconcile
from conftest import SEED

SCOPE = Scope(place="Russia > Belgorod Oblast > Belgorod", counted="people")
T0 = dt.datetime(2023, 12, 30, 14, tzinfo=dt.timezone(dt.timedelta(hours=3)))


def at(hours: float) -> str:
    return (T0 + dt.timedelta(hours=hours)).isoformat()


def injured(cid: str, value: str, source: str, hours: float, via: tuple[str, ...] = ()) -> Claim:
    return Claim(
        id=cid,
        metric="injured",
        estimate=value,
        scope=SCOPE,
        source=source,
        via=via,
        stated=at(hours),
    )


@pytest.fixture(scope="module")
def seed_hours_apart() -> Report:
    """The seed, with the ministry's 108 (relayed by ZeroHedge) at 14:00 and ZeroHedge's 'over 100' at 23:00."""
    later = {
        "mod-belgorod-injured": at(0),
        "mod-belgorod-injured/children": at(0),
        "zh-belgorod-injured": at(9),
    }
    claims = [
        attrs.evolve(c, stated=later[c.id]) if c.id in later else c for c in load_claims(SEED)
    ]
    return reconcile(claims)


def test_the_seed_keeps_the_ministrys_108_when_zerohedge_says_over_100_hours_later(
    seed_hours_apart: Report,
) -> None:
    """ZeroHedge relayed the ministry's 108; its 'over 100' nine hours later is that figure said loosely: the
    injured stay 108 (not [108, inf)), the injured adults 108 - 15 = 93, and the two differ only in precision."""
    g = seed_hours_apart.group_of("mod-belgorod-injured")
    assert g is seed_hours_apart.group_of("zh-belgorod-injured")
    assert (g.low, g.high, g.best, g.stale) == (108, 108, 108, ())
    adults = [
        d for d in seed_hours_apart.derived if d.metric == "injured" and d.counted == "adults"
    ]
    assert [(d.low, d.high) for d in adults] == [(93, 93)]
    gaps = [f for f in seed_hours_apart.flags_of(FlagKind.PRECISION_GAP) if f.group == g.id]
    assert gaps


def test_an_independent_origins_later_figure_is_still_evidence_of_growth() -> None:
    """TASS, which did not relay the ministry, says 'over 100' nine hours later: the 108 may have grown."""
    g = reconcile(
        [
            injured("mod", "108", "Russian MoD", 0, via=("ZeroHedge",)),
            injured("tass", "over 100", "TASS", 9),
        ]
    ).groups[0]
    assert (g.low, g.high) == (108, None)


def test_a_higher_figure_from_the_relaying_outlet_is_evidence_of_growth() -> None:
    """ZeroHedge relayed the 108; 'over 120' from it nine hours later is a newer, higher figure: 108 is out of date."""
    g = reconcile(
        [
            injured("mod", "108", "Russian MoD", 0, via=("ZeroHedge",)),
            injured("zh", "over 120", "ZeroHedge", 9),
        ]
    ).groups[0]
    assert g.stale == ("mod",)
    assert g.best is not None
    assert g.best > 120


def test_the_origins_own_looser_restatement_replaces_nothing() -> None:
    """The ministry says 108, then 'over 100' nine hours later: the 108 stands; no revision is flagged."""
    report = reconcile(
        [injured("mod1", "108", "Russian MoD", 0), injured("mod2", "over 100", "Russian MoD", 9)]
    )
    g = report.groups[0]
    assert (g.low, g.high, g.best, g.superseded) == (108, 108, 108, ())
    assert not report.flags_of(FlagKind.REVISION)


def test_a_real_revision_after_a_looser_restatement_still_supersedes() -> None:
    """108, then 'over 100', then 120 a day later from the ministry: 120 stands."""
    g = reconcile(
        [
            injured("a", "108", "Russian MoD", 0),
            injured("b", "over 100", "Russian MoD", 9),
            injured("c", "120", "Russian MoD", 30),
        ]
    ).groups[0]
    assert (g.superseded, g.best) == (("a", "b"), 120)


_LOOSER = st.sampled_from(
    ["over {k}", "at least {k}", "more than {k}", "about {e}", "between {k} and {h}"]
)


@given(st.integers(20, 5000), st.integers(1, 19), _LOOSER, st.floats(0, 96), st.booleans())
def test_a_looser_restatement_never_floors_the_exact_figure(
    exact: int, below: int, wording: str, hours: float, same_origin: bool
) -> None:
    """Law: whatever the delay, a looser later figure from the origin or from an outlet that relayed it leaves
    the origin's exact figure exact: the group's interval and best are that figure."""
    text = wording.format(k=exact - below, e=exact, h=exact + below)
    late = "Russian MoD" if same_origin else "ZeroHedge"
    g = reconcile(
        [
            injured("mod", f"{exact}", "Russian MoD", 0, via=("ZeroHedge",)),
            injured("late", text, late, hours),
        ]
    ).groups[0]
    assert (g.low, g.high, g.best) == (exact, exact, exact)
