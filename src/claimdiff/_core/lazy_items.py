"""Report items built when read: a sequence whose items are made from arrays on access.

A report of a million claims holds hundreds of thousands of quiet groups; building each as an object
costs more than finding it. :class:`LazyItems` holds the few items already made (the groups judged claim
by claim) and makes every other one when it is read, from what the columns found. Some items may be
*held later*: made one by one when read, by their own maker, yet counted among the held items (groups judged
claim by claim whose verdict was found without building them). It is a read-only sequence equal to any
sequence of equal items, and it pickles as the tuple of its items.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar, overload

__all__ = ["Deferred", "LazyItems", "built_items", "held_items"]

T = TypeVar("T")


class LazyItems(Sequence[T]):
    """``n`` items, the held ones as given and each other one made by ``make(i)`` when read (not kept).

    ``later`` are positions held later, each made by its own maker when read (which may keep what it made).

    >>> items = LazyItems(3, lambda i: i * 10, {1: -1}, ({2}, lambda i: -i))
    >>> list(items), items[-1], items[:2] == (0, -1), items == (0, -1, -2)
    ([0, -1, -2], -2, True, True)
    >>> list(items.held()), list(items.built())
    ([(1, -1), (2, -2)], [(1, -1)])
    """

    __slots__ = ("_held", "_later", "_make", "_make_later", "_n")

    def __init__(
        self,
        n: int,
        make: Callable[[int], T],
        held: Mapping[int, T] | None = None,
        later: tuple[Collection[int], Callable[[int], T]] | None = None,
    ) -> None:
        self._n = n
        self._make = make
        self._held: dict[int, T] = dict(held or {})
        self._later: frozenset[int] = frozenset(later[0]) if later else frozenset()
        self._make_later: Callable[[int], T] | None = later[1] if later else None

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[T, ...]: ...

    def __getitem__(self, i: int | slice) -> T | tuple[T, ...]:
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(self._n)))
        k = i + self._n if i < 0 else i
        if not 0 <= k < self._n:
            raise IndexError(f"index {i} out of range for {self._n} items")
        found = self._held.get(k)
        return self._made(k) if found is None else found

    def _made(self, k: int) -> T:
        """The item at ``k``, not held: made by the maker of its kind."""
        if self._make_later is not None and k in self._later:
            return self._make_later(k)
        return self._make(k)

    def __iter__(self) -> Iterator[T]:
        held, make = self._held, self._make
        if self._later:
            make = self._made
        for k in range(self._n):
            found = held.get(k)
            yield make(k) if found is None else found

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (tuple(self),)

    @property
    def make(self) -> Callable[[int], T]:
        """What makes each item not held: ``make(i)`` is the item at ``i`` (a bulk reader may ask its maker)."""
        return self._make

    @property
    def make_later(self) -> Callable[[int], T] | None:
        """What makes each item held later (``None``: none is): a bulk reader may ask its maker, as of :attr:`make`."""
        return self._make_later

    def held(self) -> Iterator[tuple[int, T]]:
        """The items held, with their positions, in order: those held as objects and those held later (made now)."""
        if not self._later:
            return self.built()
        held = self._held
        return (
            (k, held[k] if k in held else self._made(k)) for k in sorted(held.keys() | self._later)
        )

    def built(self) -> Iterator[tuple[int, T]]:
        """The items held as objects already, with their positions, in order."""
        return iter(sorted(self._held.items(), key=lambda kv: kv[0]))

    def with_held(self, more: Mapping[int, T]) -> LazyItems[T]:
        """The same items with those of ``more`` held in their places instead."""
        later = (self._later, self._make_later) if self._make_later is not None else None
        return LazyItems(self._n, self._make, {**self._held, **more}, later)

    def settled(self) -> Sequence[T]:
        """A plain tuple when every item is held already, else this sequence."""
        if len(self._held) == self._n:
            return tuple(self._held[k] for k in range(self._n))
        return self


class Deferred(Sequence[T]):
    """A sequence found when first read: ``find()`` runs at the first look (its length, an item, a pass), once.

    Then it is that sequence (a :class:`LazyItems` stays one: :func:`held_items` reads its held items).

    >>> calls = []
    >>> items = Deferred(lambda: calls.append("find") or (1, 2, 3))
    >>> items.is_found, len(calls)
    (False, 0)
    >>> len(items), items[-1], list(items), items == (1, 2, 3), len(calls)
    (3, 3, [1, 2, 3], True, 1)
    """

    __slots__ = ("_find", "_found")

    def __init__(self, find: Callable[[], Sequence[T]]) -> None:
        self._find: Callable[[], Sequence[T]] | None = find
        self._found: Sequence[T] = ()

    @property
    def found(self) -> Sequence[T]:
        """The sequence, found now if it has not been."""
        if self._find is not None:
            self._found, self._find = self._find(), None
        return self._found

    @property
    def is_found(self) -> bool:
        """Whether the sequence has been found (read) already."""
        return self._find is None

    def __len__(self) -> int:
        return len(self.found)

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[T]: ...

    def __getitem__(self, i: int | slice) -> T | Sequence[T]:
        return self.found[i]

    def __iter__(self) -> Iterator[T]:
        return iter(self.found)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        found = self.found
        return len(found) == len(other) and all(a == b for a, b in zip(found, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (tuple(self),)


def _found(items: Sequence[T]) -> Sequence[T]:
    return items.found if isinstance(items, Deferred) else items


def built_items(items: Sequence[T]) -> Iterable[tuple[int, T]]:
    """The items made already, with their positions: all of a plain sequence, those held as objects of :class:`LazyItems`.

    In a report, every other group is quiet, judged when read (neither revises, withdraws nor outdates
    anything) or judged without being built, whose verdict says what it sets aside: a pass that looks only for
    these reads the built ones and those verdicts (:func:`~claimdiff._core.judged_group.set_aside_of`).
    """
    items = _found(items)
    if isinstance(items, LazyItems):
        return items.built()
    return enumerate(items)


def held_items(items: Sequence[T]) -> Iterable[tuple[int, T]]:
    """The items held, with their positions: all of a plain sequence, the held ones of :class:`LazyItems`.

    In a report, items made on access and not held are quiet groups, which revise, withdraw and contradict
    nothing, and their precision notices (info): a pass that looks only for revisions, withdrawals or conflicts
    reads the held items alone (groups held later are made as it reads them).
    """
    items = _found(items)
    if isinstance(items, LazyItems):
        return items.held()
    return enumerate(items)
