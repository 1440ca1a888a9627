"""Integer keys numbered by first appearance: the one factorization the columnar readers and tables share.

A column of a million rows holds few distinct keys; numbering them by hashing (pandas' factorize, when
pandas is installed) costs one pass, where sorting them (:func:`numpy.unique`) costs a sort. Both give
the same numbers here: each key's number is the order in which the rows first meet it, so that the
readers build what they build in row order whichever is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["combine", "first_rows", "number"]

# A combination key stays below this (int64, with room for one more digit's carry).
_KEY_LIMIT = 2**62


def number(keys: Any) -> np.ndarray:
    """Each key's number (``0, 1, ...`` in the order the rows first meet them); equal keys, equal numbers.

    NaN is one key, equal to itself.

    >>> number(np.array([7, 3, 7, 9, 3])).tolist()
    [0, 1, 0, 2, 1]
    >>> number(np.array([0.5, np.nan, np.nan, 0.5])).tolist()
    [0, 1, 1, 0]
    """
    keys = np.asarray(keys)
    if not len(keys):
        return np.zeros(0, dtype=np.intp)
    try:
        import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415 - optional
    except ImportError:  # pragma: no cover - pandas is installed with every table reader
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        rank = np.empty(len(first), dtype=np.intp)
        rank[np.argsort(first, kind="stable")] = np.arange(len(first))
        out: np.ndarray = rank[inverse.reshape(-1)]
        return out
    codes, _ = pd.factorize(keys, use_na_sentinel=False)
    return np.asarray(codes, dtype=np.intp)


def first_rows(numbers: np.ndarray) -> np.ndarray:
    """Where each number of :func:`number` first appears, in number order.

    A number first appears where it exceeds every number before it (numbers grow by first appearance).

    >>> first_rows(number(np.array([7, 3, 7, 9, 3]))).tolist()
    [0, 1, 3]
    """
    if not len(numbers):
        return np.zeros(0, dtype=np.intp)
    new = np.empty(len(numbers), dtype=bool)
    new[0] = True
    np.greater(numbers[1:], np.maximum.accumulate(numbers)[:-1], out=new[1:])
    return np.flatnonzero(new)


def combine(
    columns: Sequence[tuple[np.ndarray, Sequence[Any]]],
) -> tuple[np.ndarray, list[tuple[Any, ...]]]:
    """The distinct combinations of several coded columns, row by row: codes, and each combination's values.

    A coded column is each row's code (-1: missing) into its distinct values; a missing cell is ``None`` in
    a combination. Combinations are numbered as :func:`number` numbers keys, by first appearance.

    >>> a = (np.array([0, 0, 1, -1]), ["x", "y"])
    >>> b = (np.array([0, 0, 0, 0]), [5])
    >>> codes, combos = combine([a, b])
    >>> codes.tolist(), combos
    ([0, 0, 1, 2], [('x', 5), ('y', 5), (None, 5)])
    """
    n = len(columns[0][0])
    key = np.zeros(n, dtype=np.int64)
    top = 1  # the key runs below this
    for (
        codes,
        values,
    ) in columns:  # a mixed-radix key, renumbered only where a digit could overflow it
        radix = len(values) + 1
        if top * radix >= _KEY_LIMIT:
            key = number(key)
            top = int(key.max()) + 1 if n else 1
        key = key * radix + (codes + 1)
        top *= radix
    key = number(
        key
    )  # one key per combination: numbered by first appearance, as a reader meets them
    rows = first_rows(key)
    picked = [_picked(codes[rows].tolist(), values) for codes, values in columns]
    return key, list(zip(*picked, strict=True))


def _picked(codes: list[int], values: Sequence[Any]) -> list[Any]:
    """``values[c]`` for each of ``codes``, ``None`` for -1 (missing)."""
    if type(values) is list:  # code -1 reads the None put last
        return list(map([*values, None].__getitem__, codes))
    return [None if c < 0 else values[c] for c in codes]
