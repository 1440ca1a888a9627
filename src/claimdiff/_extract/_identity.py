"""Values worked out once per object, looked up by the object's identity instead of its hash.

A hedge policy's word lists are tuples of hundreds of entries: an ``lru_cache`` keyed on them hashes
every entry on every call (for every number of a text), which costs more than the lookup saves. The
object is kept beside its value, so an identity reused after the object is gone is never mistaken
for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["by_identity"]

K = TypeVar("K")
V = TypeVar("V")

#: How many objects a table keeps before it starts again (a memo, not state).
_KEPT = 64


def by_identity(table: dict[int, tuple[K, V]], key: K, make: Callable[[K], V]) -> V:
    """``make(key)``, worked out once per object ``key`` and kept in ``table``.

    >>> table: dict[int, tuple[tuple[str, ...], int]] = {}
    >>> words = ("about", "some")
    >>> by_identity(table, words, len), by_identity(table, words, lambda _: -1)
    (2, 2)
    """
    entry = table.get(id(key))
    if entry is None or entry[0] is not key:
        if len(table) >= _KEPT:
            table.clear()
        entry = table[id(key)] = (key, make(key))
    return entry[1]
