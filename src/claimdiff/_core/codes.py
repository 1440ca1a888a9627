"""Values told apart by identity, and keys ranked by value: the codes grouping orders and compares claims by.

A million claims hold few distinct objects (a group's claims share their key, period and estimate): each is
told apart by identity first (:func:`by_identity`, :func:`identity_codes`), so that only distinct objects are
compared, hashed or sorted. :func:`key_ranks` ranks grouping keys part by part in the order ``sorted`` gives them.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence
from itertools import count
from typing import Any

__all__ = ["by_identity", "identity_codes", "key_ranks"]


def key_ranks(np: Any, keys: Sequence[tuple[str, str, tuple[str, ...], str]]) -> Any:
    """Each key's rank in the order ``sorted`` gives the keys (equal keys rank alike), found part by part.

    A key is compared part by part (metric, counted, place, event), a place level by level, a shorter place
    first; each part's distinct values are sorted once and the keys ordered by their parts' ranks. A part's
    values are told apart by identity first (keys share their metric, their wider areas, often their place),
    so that only distinct objects are compared and sorted.

    >>> import numpy as np
    >>> key_ranks(np, [("k", "p", ("A", "B"), ""), ("k", "p", ("A",), ""), ("k", "p", ("A",), "")]).tolist()
    [1, 0, 0]
    """
    n = len(keys)
    if not n:
        return np.zeros(0, np.int64)
    metrics, counted, places, events = zip(*keys, strict=True)  # each key read once
    p_at, distinct = by_identity(np, places)
    missing = object()  # a level a place does not have: before every name
    levels: Iterator[Sequence[Any]]
    try:  # every place as deep (the common case): each read once
        levels = iter(list(zip(*distinct, strict=True)))
    except ValueError:
        deepest = max(map(len, distinct))
        levels = ([p[j] if len(p) > j else missing for p in distinct] for j in range(deepest))
    parts = (
        [_ranks(np, metrics), _ranks(np, counted)]
        + [_ranks(np, level, missing)[p_at] for level in levels]
        + [_ranks(np, events)]
    )
    order = np.lexsort(parts[::-1])
    stacked = np.stack(parts)[:, order]
    new = np.r_[True, (stacked[:, 1:] != stacked[:, :-1]).any(axis=0)]
    out = np.empty(n, np.int64)
    out[order] = np.cumsum(new) - 1
    return out


def by_identity(np: Any, values: Sequence[Any]) -> tuple[Any, list[Any]]:
    """Each value's code by identity (numpy), and the object of each code (codes in the order of the objects' ids).

    Neighbours often hold the very same object (a group's claims share their key, dimension and period): only
    where the object changes from one value to the next is it told apart, and its code spread over its run.

    >>> import numpy as np
    >>> a, b = "a", "b"
    >>> codes, objects = by_identity(np, [a, a, b, a])
    >>> [objects[c] for c in codes.tolist()] == [a, a, b, a], len(objects)
    (True, 2)
    """
    at, rows = identity_codes(np, values)
    return at, [values[i] for i in rows.tolist()]


def identity_codes(np: Any, values: Sequence[Any]) -> tuple[Any, Any]:
    """:func:`by_identity`'s codes, and for each code the first row holding its object (numpy).

    >>> import numpy as np
    >>> a, b = "a", "b"
    >>> [x.tolist() for x in identity_codes(np, [b, a, a, b])] == (
    ...     [[0, 1, 1, 0], [0, 1]] if id(b) < id(a) else [[1, 0, 0, 1], [1, 0]])
    True
    """
    ids = np.fromiter(map(id, values), np.int64, len(values))
    runs = ids[1:] != ids[:-1]
    heads = np.flatnonzero(np.r_[True, runs]) if len(ids) else np.zeros(0, np.int64)
    _, first, at = np.unique(ids[heads], return_index=True, return_inverse=True)
    at = at.reshape(-1)
    if len(heads) < len(ids):
        at = at[np.cumsum(np.r_[False, runs])]
    return at, heads[first]


def _ranks(np: Any, values: Sequence[Any], missing: Any = None) -> Any:
    """Each value's rank among the distinct values in sorted order (1, 2, ...; equal values alike); ``missing`` 0.

    Values that are mostly distinct objects (judged on the first few thousand, by identity: no value is read) and
    all plain strings are laid side by side and sorted at once by numpy (:func:`_packed`). Otherwise the distinct
    values are found by hashing, in the order they first come (often close to sorted, and the order they sit in
    memory: sorting them so is cheapest): few are sorted and looked up per value; where most values are distinct,
    their positions are sorted and a value unlike the one before it takes the next rank.

    >>> import numpy as np
    >>> _ranks(np, ["b", "a", "b", "c"]).tolist(), _ranks(np, ["b", None, "a"], None).tolist()
    ([2, 1, 2, 3], [2, 0, 1])
    >>> _ranks(np, ["c", None, "a", "b"], None).tolist()
    [3, 0, 1, 2]
    """
    head = values[:_SAMPLE]
    if 2 * len(set(map(id, head))) > len(head):
        # Mostly distinct objects: laid side by side, unless a value is not a plain string (``missing`` is not).
        packed = _packed(np, values)
        if packed is not None:  # sorted by numpy, in the order ``sorted`` gives
            order = np.argsort(packed, kind="stable")
            ordered = packed[order]
            out = np.empty(len(values), np.int64)
            out[order] = np.cumsum(np.r_[True, ordered[1:] != ordered[:-1]])
            return out
    rank = dict.fromkeys(values)
    if 2 * len(rank) <= len(values):  # values repeat: each distinct one ranked once
        rank.pop(missing, None)
        rank.update(zip(sorted(rank), count(1)))
        rank[missing] = 0
        return np.fromiter(map(rank.__getitem__, values), np.int64, len(values))
    given: Sequence[int] = range(len(values))
    if missing in rank:
        given = [k for k, v in enumerate(values) if v is not missing]
    order = sorted(given, key=values.__getitem__)
    ordered = [values[k] for k in order]
    out = np.zeros(len(values), np.int64)
    if ordered:
        new = np.fromiter(map(operator.ne, ordered[1:], ordered[:-1]), np.bool_, len(ordered) - 1)
        out[order] = np.cumsum(np.r_[True, new])
    return out


#: How many values :func:`_ranks` looks at to judge whether they are mostly distinct objects.
_SAMPLE = 4096


_PACKED_BYTES = 1 << 25  # the most a column of packed strings may take (32 MiB)


def _packed(np: Any, values: Sequence[Any]) -> Any:
    r"""``values`` as a numpy string column that sorts and compares as the strings do, or ``None``.

    Strings scattered in memory are slow to compare one pair at a time, and slow to read one at a time: they are
    read once, joined into one string with a NUL between each two, and laid out as a numpy column at once (a
    byte a character where all are ASCII). numpy orders its strings by code point, as Python does, but drops a
    string's trailing NUL characters: values holding a NUL, values that are not all plain strings, or a column
    that would be too wide (one long value widens every row) are left to ``sorted``.

    >>> import numpy as np
    >>> _packed(np, ["b", "a", ""]).tolist(), _packed(np, ["é", "a"]).tolist()
    ([b'b', b'a', b''], ['é', 'a'])
    >>> _packed(np, ["a", "a\x00"]), _packed(np, ["a", 1])
    (None, None)
    """
    if not values or set(map(type, values)) != {str}:
        return None
    n = len(values)
    joined = "\x00".join(values)
    if joined.count("\x00") != n - 1:  # a value holds a NUL
        return None
    # Each character as its code point (a byte where all are ASCII; a lone surrogate too, as Python orders it),
    # the NULs marking the ends.
    size, kind = (1, "S") if joined.isascii() else (4, "U")
    if size * len(joined) > _PACKED_BYTES:
        return None
    points = np.frombuffer(
        joined.encode("ascii") if size == 1 else joined.encode("utf-32-le", "surrogatepass"),
        np.uint8 if size == 1 else "<u4",
    )
    ends = np.append(np.flatnonzero(points == 0), len(points))
    lengths = np.diff(ends, prepend=-1) - 1
    width = max(int(lengths.max()), 1)
    if size * width * n > _PACKED_BYTES:
        return None
    grid = np.zeros((n, width), np.uint8 if size == 1 else np.uint32)
    grid[np.arange(width) < lengths[:, None]] = points[points != 0]
    return grid.view(f"{kind}{width}").reshape(n)
