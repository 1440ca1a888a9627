"""Cheap claims (#10.1): one validation pass, derived bounds kept per estimate, equal values shared.

Sharing changes which of two equal frozen objects a claim holds, never what it means: these tests
check that claims built every way stay equal, hash alike and derive the same numbers.
"""

from __future__ import annotations

import math

import attrs
import pytest
from hypothesis import given

from claimdiff import Claim, Estimate, Period, Scope, Source
from claimdiff.exceptions import InvalidClaimError
from claimdiff.places import place_path
from claimdiff.strategies import claims

PEOPLE = Scope(place="Russia > Belgorod Oblast > Belgorod", counted="people", event="e")
DERIVED = (
    "low",
    "high",
    "low_closed",
    "high_closed",
    "figure",
    "dimension",
    "unit_info",
    "origin",
    "stated_start",
    "stated_end",
    "key",
    "is_count",
)


def make(**kw: object) -> Claim:
    base: dict[str, object] = {
        "id": "c",
        "metric": "killed",
        "estimate": "14",
        "scope": PEOPLE,
        "source": "MoD",
    }
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


@given(claims())
def test_a_claim_rebuilt_from_fresh_equal_values_is_equal_and_derives_the_same(c):
    """Law: whether its estimate, scope and sources were seen before or are new, a claim derives the same."""
    fresh = Claim(
        id=c.id,
        metric=c.metric,
        estimate=attrs.evolve(c.estimate),
        scope=attrs.evolve(c.scope),
        period=c.period,
        stated=c.stated,
        source=attrs.evolve(c.source),
        via=[attrs.evolve(s) for s in c.via],
        quote=c.quote,
        location=c.location,
        note=c.note,
        part_of=c.part_of,
        rank=c.rank,
    )
    assert fresh == c
    assert hash(fresh) == hash(c)
    assert repr(fresh) == repr(c)
    for name in DERIVED:
        mine, theirs = getattr(fresh, name), getattr(c, name)
        assert mine == theirs or (mine != mine and theirs != theirs), name  # noqa: PLR0124 - NaN never occurs


def test_equal_estimates_are_held_once():
    """Two claims given equal but distinct estimates hold one estimate object between them."""
    a = make(id="a", estimate=Estimate.at_least(14))
    b = make(id="b", estimate=Estimate.at_least(14))
    assert a.estimate is b.estimate
    assert a.estimate == Estimate.at_least(14)


def test_claims_about_one_scope_and_metric_share_their_group_key():
    """The group key is one tuple per scope and metric; equal scopes give equal keys."""
    a, b = make(id="a"), make(id="b")
    assert a.key is b.key
    assert a.key == ("killed", "people", ("Russia", "Belgorod Oblast", "Belgorod"), "e")
    other_metric = make(id="c", metric="injured")
    assert other_metric.key == ("injured", *a.key[1:])
    assert make(id="d").key is a.key  # the second metric did not push the first out
    equal_scope = make(id="e", scope=attrs.evolve(PEOPLE))
    assert equal_scope.key == a.key
    assert equal_scope == attrs.evolve(a, id="e")


def test_sources_named_alike_and_their_chains_are_shared():
    """A source given by name is one object per name; the same relays make one chain tuple."""
    a = make(id="a", source="Reuters", via=["AP", "AFP"])
    b = make(id="b", source="Reuters", via=["AP", "AFP"])
    assert a.source is b.source
    assert a.via is b.via
    assert a.via == (Source("AP"), Source("AFP"))
    relays = (Source("TASS"), Source("RIA"))
    assert make(id="c", via=relays).via is make(id="d", via=list(relays)).via


def test_place_names_are_interned_and_a_place_path_is_kept_as_given():
    """Places repeat across a data set: their names are held once, and a ready path tuple is kept."""
    path = place_path("Russia >  Belgorod   Oblast")
    assert path == ("Russia", "Belgorod Oblast")
    assert place_path(path) is path
    built = place_path(("Russia", "Belgorod Oblast!"[:-1]))  # a new string object
    assert built == path
    assert built[1] is path[1]
    with pytest.raises(InvalidClaimError, match="empty part"):
        place_path(("Russia", ""))


def test_a_known_estimate_still_needs_what_it_counts():
    """A count's bounds are kept on its estimate, but a claim without 'counted' is still refused."""
    est = Estimate.exact(3)
    make(id="a", estimate=est)
    with pytest.raises(InvalidClaimError) as e:
        make(id="b", estimate=est, scope=Scope(place="Russia"))
    assert (e.value.claim_id, e.value.field) == ("b", "counted")


def test_a_bad_figure_is_refused_every_time_and_errors_keep_their_order():
    """A negative count is refused for each claim; a missing 'counted' is reported before the negative figure."""
    for cid in ("a", "b"):
        with pytest.raises(InvalidClaimError, match="negative count") as e:
            make(id=cid, estimate=Estimate.exact(-4))
        assert e.value.claim_id == cid
    with pytest.raises(InvalidClaimError) as e:
        make(estimate=Estimate.exact(-4), scope=Scope())
    assert e.value.field == "counted"


def test_a_statement_before_its_period_is_refused():
    """The one check that joins two fields is still made."""
    with pytest.raises(InvalidClaimError, match="before the period"):
        make(period="2023-12-30", stated="2023-12-29")
    ok = make(period="2023-12-30", stated=Period.parse("2023-12-30"))
    assert (ok.stated_start, ok.stated_end) == (ok.stated.start_ts, ok.stated.end_ts)


def test_an_unknown_statement_time_is_never_before_or_after_anything():
    """No statement time is (-inf, +inf)."""
    c = make()
    assert (c.stated_start, c.stated_end) == (-math.inf, math.inf)


def test_a_count_of_minus_zero_is_zero():
    """Tightening a whole count keeps the float it was given, but never a negative zero."""
    c = make(estimate=Estimate.exact(-0.0))
    assert math.copysign(1.0, c.low) == 1.0
    assert math.copysign(1.0, c.high) == 1.0


def test_values_are_converted_only_when_they_are_not_of_their_type_and_checked_as_before():
    """Text, numbers and names are still read; a wrong scope or an empty id still raise the same errors."""
    c = make(
        metric="Killed",
        estimate=14,
        source="MoD",
        via="Reuters",
        period="2023-12-30",
        rank="Preferred",
    )
    assert (c.metric.name, c.estimate, c.via, c.rank) == (
        "killed",
        Estimate.exact(14),
        (Source("Reuters"),),
        "preferred",
    )
    with pytest.raises(TypeError, match="'scope' must be"):
        make(scope="Russia")
    with pytest.raises(InvalidClaimError, match="non-empty string"):
        make(id="  ")
    with pytest.raises(InvalidClaimError, match="rank"):
        make(rank="best")


def test_evolve_repr_and_equality_work_as_for_any_frozen_value():
    """attrs.evolve rebuilds a claim through the one pass; the note is not part of equality."""
    c = make(note="from the live blog")
    assert attrs.evolve(c, note=None) == c
    assert attrs.evolve(c, estimate=Estimate.exact(15)).low == 15
    assert repr(c).startswith("Claim(id='c', metric=Metric(name='killed'")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        c.low = 3.0  # type: ignore[misc]


def test_derived_bounds_are_plain_slots():
    """What the core reads for every claim is a slot (no property on the way); a claim has no __dict__."""
    slots = set(Claim.__slots__)
    assert {
        "low",
        "high",
        "low_closed",
        "high_closed",
        "figure",
        "origin",
        "key",
        "stated_start",
        "stated_end",
    } <= slots
    assert not hasattr(make(), "__dict__")


@given(claims())
def test_a_claim_from_checked_parts_is_the_claim_the_constructor_makes(c):
    """Law: ``Claim._from_parts`` (the columnar readers' path, parts already checked) == ``Claim(...)``."""
    parts = (
        c.id,
        c.metric,
        c.estimate,
        c.scope,
        c.period,
        c.stated,
        c.source,
        c.via,
        c.quote,
        c.location,
        c.note,
        c.part_of,
    )
    fast = Claim._from_parts(*parts)
    slow = Claim(
        id=c.id,
        metric=c.metric,
        estimate=c.estimate,
        scope=c.scope,
        period=c.period,
        stated=c.stated,
        source=c.source,
        via=c.via,
        quote=c.quote,
        location=c.location,
        note=c.note,
        part_of=c.part_of,
    )
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert (fast.note, fast.source_grade, fast.rank) == (slow.note, slow.source_grade, slow.rank)
    assert [getattr(fast, a) for a in DERIVED] == [getattr(slow, a) for a in DERIVED]


def test_checked_parts_that_disagree_are_refused_as_the_constructor_refuses_them():
    """The checks between parts stay: a count without ``counted``, a statement before its period."""
    count = Estimate.exact(3)
    with pytest.raises(InvalidClaimError) as fast:
        Claim._from_parts(
            "c",
            make().metric,
            count,
            Scope(),
            None,
            None,
            Source("MoD"),
            (),
            None,
            None,
            None,
            None,
        )
    with pytest.raises(InvalidClaimError) as slow:
        make(estimate=count, scope=Scope())
    assert str(fast.value) == str(slow.value)
    period, stated = Period.parse("2024-03-01"), Period.parse("2024-02-01")
    with pytest.raises(InvalidClaimError) as fast:
        Claim._from_parts(
            "c",
            make().metric,
            Estimate.exact(3),
            PEOPLE,
            period,
            stated,
            Source("MoD"),
            (),
            None,
            None,
            None,
            None,
        )
    with pytest.raises(InvalidClaimError) as slow:
        make(estimate=Estimate.exact(3), period=period, stated=stated)
    assert str(fast.value) == str(slow.value)
