"""What the arithmetic needs to know of each group of counts: one group's facts, and many groups' read lazily.

A large report holds hundreds of thousands of count groups, most with nothing to add up with: their keys and
whether a claim of theirs is stated as part of another are read first (:class:`ManyFacts`), and a group's
:class:`GroupFacts` are made only where a relation can touch it (:mod:`claimdiff._core.reach`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, chain
from operator import attrgetter
from typing import Any

import attrs

from claimdiff._core.lazy_items import LazyItems
from claimdiff._model.claim import Claim

__all__ = ["ClaimsNow", "GroupFacts", "Key", "ManyFacts", "Period", "parts_stated"]

Key = tuple[str, str, tuple[str, ...], str]  # metric, counted, place, event ("" for none)
Period = tuple[float, float] | None
_KEYS = attrgetter("keys")
_PART_FLAGS = attrgetter("states_parts")
_PART_OF = attrgetter("part_of")


#: (claim, low now, high now) of a group's supporting claims, by id.
ClaimsNow = tuple[tuple[Claim, float, float], ...]


def _made(claims: ClaimsNow | Callable[[], ClaimsNow]) -> ClaimsNow:
    return claims() if callable(claims) else claims


def parts_stated(claims: Iterable[Claim]) -> bool:
    """Whether one of ``claims`` is stated as part of another (``Claim.part_of``): a group's :attr:`GroupFacts.states_parts`."""
    return any(map(_PART_OF, claims))


def _states_parts(facts: GroupFacts) -> bool:
    return parts_stated(c for c, _, _ in facts.claims)


@attrs.frozen
class GroupFacts:
    """What the arithmetic needs to know of one group of counts.

    ``claims`` may be given as a function that makes them: they are then made each time they are read (a
    group the arithmetic never visits is never made), and ``states_parts`` should be given.

    Attributes:
        gid, key, period: The group's id, key and period (start, end).
        claims: (claim, low now, high now) of its supporting claims, by id.
        states_parts: Whether one of those claims is stated as part of another (``Claim.part_of``).
    """

    gid: str
    key: Key
    period: tuple[float, float] | None
    _claims: ClaimsNow | Callable[[], ClaimsNow] = attrs.field(alias="claims", eq=_made)
    states_parts: bool = attrs.field(
        default=attrs.Factory(_states_parts, takes_self=True), kw_only=True
    )

    @property
    def claims(self) -> ClaimsNow:
        """(claim, low now, high now) of the group's supporting claims, by id."""
        return _made(self._claims)

    @classmethod
    def made(
        cls,
        gid: str,
        key: Key,
        period: tuple[float, float] | None,
        claims: ClaimsNow | Callable[[], ClaimsNow],
        states_parts: bool,
    ) -> GroupFacts:
        """The facts of every field given in order: ``GroupFacts(gid, key, period, claims, states_parts=...)``.

        For a caller that makes them group by group (tens of thousands of loud groups a reconcile): each slot is
        set directly, without the keyword call and the frozen class's checked ``__setattr__`` (a third of the cost).

        >>> GroupFacts.made("g1", ("killed", "people", ("UA",), ""), None, (), False) == GroupFacts(
        ...     "g1", ("killed", "people", ("UA",), ""), None, ())
        True
        """
        facts = _NEW(cls)
        _SET_GID(facts, gid)
        _SET_KEY(facts, key)
        _SET_PERIOD(facts, period)
        _SET_CLAIMS(facts, claims)
        _SET_PARTS(facts, states_parts)
        return facts


_NEW = object.__new__
# Each slot's own setter, in the order of the fields (``GroupFacts.made`` sets every one).
_SET_GID, _SET_KEY, _SET_PERIOD, _SET_CLAIMS, _SET_PARTS = (
    GroupFacts.__dict__[field.name].__set__ for field in attrs.fields(GroupFacts)
)


@attrs.frozen
class ManyFacts:
    """What the arithmetic needs of many groups, in order: their keys and part flags as lists, their facts when read.

    Most groups of a large report have nothing to add up with; finding that reads only their keys (and whether
    a claim of theirs is stated as part of another), so each group's :class:`GroupFacts` is made only for the
    groups a relation can touch. :meth:`of` wraps facts already made.

    >>> f = GroupFacts("g1", ("killed", "people", ("UA",), ""), None, ())
    >>> many = ManyFacts.of([f])
    >>> many.keys, many.states_parts, len(many), many[0] is f
    ([('killed', 'people', ('UA',), '')], [False], 1, True)
    >>> both = ManyFacts.joined(ManyFacts.of([f], positions=[4]), ManyFacts.of([f], positions=[2]))
    >>> both.positions, both.get(2) is f, both.get(3)
    ([2, 4], True, None)

    Attributes:
        positions: Each group's position in the report (ascending).
        keys: Each group's key.
        states_parts: Whether a claim of each group is stated as part of another (``Claim.part_of``).
        items: Each group's facts, made when read.
    """

    positions: Sequence[int]
    keys: Sequence[Key]
    states_parts: Sequence[bool]
    items: Sequence[GroupFacts]

    @classmethod
    def of(
        cls, facts: Sequence[GroupFacts] | ManyFacts, positions: Sequence[int] | None = None
    ) -> ManyFacts:
        """``facts`` (already made, at ``positions``, by default 0, 1, ...) as many facts; many facts as they are."""
        if isinstance(facts, ManyFacts):
            return facts
        held = list(facts)
        return cls(
            list(range(len(held))) if positions is None else list(positions),
            [f.key for f in held],
            [f.states_parts for f in held],
            held,
        )

    @classmethod
    def joined(cls, *parts: ManyFacts) -> ManyFacts:
        """The facts of ``parts`` (groups of one report, none in two parts) in the order of their positions."""
        positions = list(chain.from_iterable(p.positions for p in parts))
        order = sorted(range(len(positions)), key=positions.__getitem__)
        starts = list(accumulate((len(p.positions) for p in parts), initial=0))

        def made(i: int) -> GroupFacts:
            j = order[i]
            part = bisect_right(starts, j) - 1
            return parts[part].items[j - starts[part]]

        def each(column: Callable[[ManyFacts], Sequence[Any]]) -> list[Any]:
            return list(map(list(chain.from_iterable(map(column, parts))).__getitem__, order))

        return cls(
            list(map(positions.__getitem__, order)),
            each(_KEYS),
            each(_PART_FLAGS),
            LazyItems(len(order), made),
        )

    def get(self, position: int) -> GroupFacts | None:
        """The facts of the group at ``position`` in the report, or ``None`` if it is not among these groups."""
        k = bisect_left(self.positions, position)
        if k < len(self.positions) and self.positions[k] == position:
            return self.items[k]
        return None

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, i: int) -> GroupFacts:
        return self.items[i]
