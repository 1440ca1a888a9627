"""The arithmetic visits only the groups a relation can touch, with the results of visiting every group."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Claim, Estimate, Scope, reconcile
from claimdiff._core.arithmetic import GroupFacts, check_arithmetic, check_everywhere, check_reach
from claimdiff._core.figure_graph import relation_order
from claimdiff._core.reach import reach
from claimdiff._core.relations import DEFAULT_TAXONOMY
from claimdiff.relations import FigureKey, Relation

EVENTS = ("attack", "")
PLACES = ((), ("A",), ("A", "B"), ("A", "B", "C"), ("A", "D"), ("A", "B", "E"), ("X",), ("X", "Y"))
METRICS = ("killed", "injured", "casualties", "launched", "intercepted")
COUNTED = ("people", "adults", "children", "civilians", "drones", "missiles", "missiles and drones")
PERIODS = (None, (0.0, 10.0), (5.0, 15.0), (20.0, 30.0))


@st.composite
def fact_sets(draw: st.DrawFn) -> tuple[list[GroupFacts], list[Relation]]:
    """Groups of counts over nested places and events (some sharing a key over other periods), claims stated as
    parts of others, and declared relations, some of them between figures no group states.
    """
    n = draw(st.integers(1, 8))
    # A few places, metrics and counted things per example, so that figures often share a place or lie one in
    # another's, and often have something to add up with.
    places, metrics, counted = (
        draw(st.lists(st.sampled_from(names), min_size=1, max_size=size, unique=True))
        for names, size in ((PLACES, 4), (METRICS, 2), (COUNTED, 3))
    )
    keys = [
        (
            draw(st.sampled_from(metrics)),
            draw(st.sampled_from(counted)),
            draw(st.sampled_from(places)),
            draw(st.sampled_from(EVENTS)),
        )
        for _ in range(n)
    ]
    ids = [f"c{i}" for i in range(2 * n)]
    facts = []
    for g, key in enumerate(keys):
        m, c, place, event = key
        claims = []
        for k in range(draw(st.integers(1, 2))):
            low = draw(st.integers(0, 30))
            high = draw(st.integers(low, 40))
            part_of = draw(st.none() | st.sampled_from(ids))
            cid = ids[2 * g + k]
            claim = Claim(
                id=cid,
                metric=m,
                estimate=Estimate.between(low, high),
                scope=Scope(place=place, counted=c, event=event or None),
                source=f"s{cid}",
                part_of=part_of if part_of != cid else None,
            )
            claims.append((claim, float(low), float(high)))
        facts.append(
            GroupFacts(
                gid=f"g{g + 1}",
                key=key,
                period=draw(st.sampled_from(PERIODS)),
                claims=tuple(claims),
            )
        )
    figure = st.builds(
        FigureKey,
        st.sampled_from(METRICS),
        st.sampled_from(COUNTED),
        st.sampled_from(PLACES),
        st.sampled_from([e or None for e in EVENTS]),
    )
    declared = []
    for whole, parts, exact in draw(
        st.lists(
            st.tuples(figure, st.lists(figure, min_size=1, max_size=2, unique=True), st.booleans()),
            max_size=2,
        )
    ):
        if whole not in parts:
            declared.append((Relation.partition if exact else Relation.at_most)(whole, parts))
    return facts, declared


def outcome(found: tuple[list[Any], list[Any]]) -> tuple[list[dict[str, Any]], list[Any]]:
    flags, derived = found
    return [f.to_dict() for f in flags], derived


@given(fact_sets())
def test_visiting_only_reachable_groups_changes_nothing(
    case: tuple[list[GroupFacts], list[Relation]],
) -> None:
    """Flags, their messages and order, and derived figures are those of the graph of every group."""
    facts, declared = case
    everywhere = outcome(check_everywhere(facts, declared))
    assert outcome(check_arithmetic(facts, declared)) == everywhere
    # Each cluster in a graph of its own, as in reports of many groups.
    apart = reach(facts, sorted(set(declared), key=relation_order), DEFAULT_TAXONOMY, batch=1)
    assert outcome(check_reach(facts, apart, DEFAULT_TAXONOMY)) == everywhere


def day(
    place: str,
    counted: str,
    value: int,
    cid: str,
    *,
    event: str = "attack",
    part_of: str | None = None,
) -> Claim:
    return Claim(
        id=cid,
        metric="killed",
        estimate=Estimate.exact(value),
        scope=Scope(place=place, counted=counted, event=event),
        source=f"source {cid}",
        part_of=part_of,
    )


def facts_of(claims: list[Claim]) -> list[GroupFacts]:
    return [
        GroupFacts(gid=c.id, key=c.key, period=None, claims=((c, c.low, c.high),)) for c in claims
    ]


def test_lone_figures_are_not_visited() -> None:
    """A city's toll beside its country's is checked; tolls of other events and places, with nothing to add up
    with, are not looked at.
    """
    facts = facts_of(
        [
            day("Russia > Belgorod", "people", 5, "city"),
            day("Russia", "people", 3, "country"),
            day("Ukraine > Kharkiv", "people", 7, "other place"),
            day("Russia > Kursk", "people", 2, "other event", event="raid"),
        ]
    )
    assert reach(facts, (), DEFAULT_TAXONOMY).clusters == ((0, 1),)
    (flag,) = check_arithmetic(facts)[0]
    assert flag.claims == ("city", "country")


def test_stated_parts_and_declared_relations_join_what_places_keep_apart() -> None:
    """A claim stated as part of one in another event, and a relation declared across places, put the figures
    they tie in one cluster, checked together.
    """
    whole = day("Russia", "people", 10, "whole")
    part = day("Ukraine", "people", 12, "part", event="raid", part_of="whole")
    lone = day("Belarus", "people", 1, "lone")
    facts = facts_of([whole, part, lone])
    assert reach(facts, (), DEFAULT_TAXONOMY).clusters == ((0, 1),)
    (flag,) = check_arithmetic(facts)[0]
    assert flag.claims == ("part", "whole")
    declared = [
        Relation.at_most(
            FigureKey("killed", "people", "Belarus", "attack"),
            [FigureKey("killed", "people", "Ukraine", "raid")],
        )
    ]
    assert reach(facts, declared, DEFAULT_TAXONOMY).clusters == ((0, 1, 2),)


def test_reconcile_keeps_its_report_when_most_groups_stand_alone() -> None:
    """Among many unrelated groups, the one partition that does not add up is still found, and named."""
    claims = [
        day(f"Country > Region {i} > Town {i}", "people", i, f"t{i}", event=f"event {i}")
        for i in range(50)
    ]
    claims += [
        day("Country > Region 7", "adults", 3, "adults", event="event 7"),
        day("Country > Region 7", "children", 4, "children", event="event 7"),
        day("Country > Region 7", "people", 5, "people", event="event 7"),
    ]
    flags = [f for f in reconcile(claims).flags if f.kind.value == "subtotal_mismatch"]
    assert [f.claims for f in flags] == [("adults", "children", "people")]


def test_figures_at_one_place_are_visited_when_the_taxonomy_relates_them() -> None:
    """At one place, civilians killed above the people killed, and more drones shot down than launched, are
    flagged; a count of another kind there (homes damaged) has nothing to add up with and is not visited.
    """
    here = Scope(place="Ukraine > Kharkiv", counted="people", event="strike")
    claims = [
        Claim(id="people", metric="killed", estimate=Estimate.exact(20), scope=here, source="a"),
        Claim(
            id="civilians",
            metric="killed",
            estimate=Estimate.at_least(30),
            scope=Scope(place=here.place, counted="civilians", event="strike"),
            source="b",
        ),
        Claim(
            id="launched",
            metric="launched",
            estimate=Estimate.exact(10),
            scope=Scope(place=here.place, counted="drones", event="strike"),
            source="c",
        ),
        Claim(
            id="down",
            metric="intercepted",
            estimate=Estimate.exact(12),
            scope=Scope(place=here.place, counted="drones", event="strike"),
            source="d",
        ),
        Claim(
            id="homes",
            metric="damaged",
            estimate=Estimate.exact(40),
            scope=Scope(place=here.place, counted="homes", event="strike"),
            source="e",
        ),
    ]
    facts = facts_of(claims)
    assert reach(facts, (), DEFAULT_TAXONOMY).clusters == ((0, 1, 2, 3),)
    flags, _ = check_arithmetic(facts)
    assert sorted(f.claims for f in flags) == [("civilians", "people"), ("down", "launched")]


def test_a_place_set_is_visited_where_every_group_has_a_place_of_its_own() -> None:
    """Groups at places none shares (no key repeats): a place set's figure still meets its places' figures."""
    facts = facts_of(
        [
            day("Russia > Belgorod Oblast", "people", 8, "belgorod"),
            day("Russia > Kursk Oblast", "people", 7, "kursk"),
            day("Russia > Belgorod Oblast + Kursk Oblast", "people", 12, "both"),
            day("Ukraine > Kharkiv", "people", 7, "alone"),
        ]
    )
    assert len({f.key[2] for f in facts}) == len(facts)
    assert reach(facts, (), DEFAULT_TAXONOMY).clusters == ((0, 1, 2),)
    assert outcome(check_arithmetic(facts)) == outcome(check_everywhere(facts))
    assert outcome(check_arithmetic(facts))[0]  # 8 + 7 is more than the 12 of both


def test_a_place_two_groups_share_is_read_from_the_distinct_keys() -> None:
    """Two groups of one key (one place, two periods): the place is held by one key, not twice."""
    claims = [
        day("Russia > Belgorod", "people", 5, "city"),
        day("Russia", "people", 3, "country"),
    ]
    facts = facts_of(claims) + facts_of([day("Russia > Belgorod", "people", 9, "city later")])
    assert reach(facts, (), DEFAULT_TAXONOMY).clusters == ((0, 1, 2),)
    assert outcome(check_arithmetic(facts)) == outcome(check_everywhere(facts))
