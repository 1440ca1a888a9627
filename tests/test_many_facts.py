"""Facts read in bulk (``ManyFacts``): the arithmetic reads every group's key, and makes only the groups it visits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff._core.arithmetic import GroupFacts, ManyFacts, check_arithmetic
from claimdiff._core.figure_graph import parts_stated, relation_order
from claimdiff._core.lazy_items import LazyItems
from claimdiff._core.reach import reach
from claimdiff._core.relations import DEFAULT_TAXONOMY
from claimdiff.relations import Relation
from test_arithmetic_reach import fact_sets, outcome


def _lazy(facts: list[GroupFacts], positions: list[int], made: list[int]) -> ManyFacts:
    """``facts`` at ``positions`` as many facts made on access, noting in ``made`` each position made."""

    def make(k: int) -> GroupFacts:
        made.append(positions[k])
        return facts[k]

    return ManyFacts(
        positions,
        [f.key for f in facts],
        [f.states_parts for f in facts],
        LazyItems(len(facts), make),
    )


@given(fact_sets(), st.data())
def test_facts_made_on_access_give_the_same_flags_and_make_only_visited_groups(
    case: tuple[list[GroupFacts], list[Relation]], data: st.DataObject
) -> None:
    """Split in two interleaved parts and joined, lazily made facts check as the list does; unvisited groups stay unmade."""
    facts, declared = case
    odd = data.draw(st.lists(st.booleans(), min_size=len(facts), max_size=len(facts)))
    made: list[int] = []
    parts = [
        _lazy(
            [f for f, o in zip(facts, odd, strict=True) if o is side],
            [i for i, o in enumerate(odd) if o is side],
            made,
        )
        for side in (True, False)
    ]
    joined = ManyFacts.joined(*parts)
    assert joined.positions == list(range(len(facts)))
    assert joined.keys == [f.key for f in facts]
    assert outcome(check_arithmetic(joined, declared)) == outcome(check_arithmetic(facts, declared))
    where = reach(facts, sorted(set(declared), key=relation_order), DEFAULT_TAXONOMY)
    visited = {i for cluster in where.clusters for i in cluster}
    if not any(f.states_parts for f in facts):  # parts stated in claims are looked for among all
        assert set(made) <= visited


def test_a_group_never_visited_is_never_made() -> None:
    """Two figures in unrelated countries relate to nothing: their keys are read, their facts never made."""
    made: list[int] = []
    facts = [
        GroupFacts("g1", ("killed", "people", ("UA",), ""), None, ()),
        GroupFacts("g2", ("killed", "people", ("SY",), ""), None, ()),
    ]
    assert check_arithmetic(_lazy(facts, [0, 1], made)) == ([], [])
    assert made == []


def test_get_finds_a_group_by_its_position() -> None:
    """``get`` answers by report position, ``None`` for a group not among the facts."""
    f = GroupFacts("g8", ("killed", "people", ("UA",), ""), None, ())
    many = ManyFacts.of([f], positions=[7])
    assert many.get(7) is f
    assert many.get(0) is None
    assert many.get(8) is None
    assert ManyFacts.of(many) is many


@given(fact_sets(), st.booleans())
def test_facts_made_slot_by_slot_equal_the_facts_made_by_keyword(
    case: tuple[list[GroupFacts], list[Relation]], lazily: bool
) -> None:
    """``GroupFacts.made`` (as a loud group's verdict makes them, claims given or made when read) equals ``GroupFacts(...)``.

    Its ``states_parts``, given as :func:`parts_stated` of the claims, is the one the keyword form works out.
    """
    facts, declared = case
    for f in facts:
        claims = f.claims
        made = GroupFacts.made(
            f.gid,
            f.key,
            f.period,
            (lambda held=claims: held) if lazily else claims,
            parts_stated(c for c, _, _ in claims),
        )
        assert made == f
        assert (made.gid, made.key, made.period, made.claims, made.states_parts) == (
            f.gid,
            f.key,
            f.period,
            f.claims,
            f.states_parts,
        )
    remade = [
        GroupFacts.made(f.gid, f.key, f.period, f.claims, parts_stated(c for c, _, _ in f.claims))
        for f in facts
    ]
    assert outcome(check_arithmetic(remade, declared)) == outcome(check_arithmetic(facts, declared))
