"""Many distinct texts held in one numpy array, not as a Python string each: a table's million ids.

A claim table keeps each field's distinct parts; a field whose every row holds its own text (an id) would
hold a Python string and a list slot per row, about 65 bytes for an id of 7 letters. :func:`packed` holds
such texts as one fixed-width numpy array (a byte each for ASCII texts), when that is no larger than the
strings themselves; each text read back is equal to the one given. Texts are packed only where every one
comes back exactly (numpy drops a text's trailing NUL characters: texts that end in one are not packed).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

__all__ = ["PackedTexts", "packed", "packed_ascii", "taken"]

# What a Python string and its list slot cost beyond its characters (CPython: 41-byte header + NUL, 8-byte slot).
_STR_OVERHEAD = 56


class PackedTexts(Sequence[Any]):
    """Texts held in a numpy array (``S`` or ``U``), then a few other parts (``tail``) after them.

    >>> t = packed(["a1", "b22", "c"], tail=(None,))
    >>> list(t), t[1], t[-1], len(t), list(t[:-1])
    (['a1', 'b22', 'c', None], 'b22', None, 4, ['a1', 'b22', 'c'])
    >>> taken(t, [2, 0, 3])
    ['c', 'a1', None]
    """

    __slots__ = ("array", "tail")

    def __init__(self, array: Any, tail: tuple[Any, ...] = ()) -> None:
        """The texts of ``array`` (numpy, ``S`` ASCII bytes or ``U``), then ``tail``."""
        self.array, self.tail = array, tail

    def __len__(self) -> int:
        return len(self.array) + len(self.tail)

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        n = len(self.array)
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if (
                step == 1 and start == 0 and stop <= n
            ):  # a prefix of the texts (the parts without the tail)
                return PackedTexts(self.array[:stop])
            return [self[i] for i in range(start, stop, step)]
        i = index + len(self) if index < 0 else index
        if not 0 <= i < len(self):
            raise IndexError("packed texts index out of range")
        if i >= n:
            return self.tail[i - n]
        text = self.array.item(i)
        return text.decode() if type(text) is bytes else text

    def __iter__(self) -> Iterator[Any]:
        yield from _texts(self.array)
        yield from self.tail

    def order(self) -> Any:
        """The positions of the texts (a tail has none) in the order ``sorted`` gives them, equal texts as given (numpy).

        numpy orders the packed texts as Python orders the strings: ``S`` texts byte by byte (ASCII: by code
        point), ``U`` texts by code point, a text before every longer one it begins (the padding is NUL, and
        no text packed ends in one).

        >>> packed(["b", "a", "ab", "a"]).order().tolist()
        [1, 3, 2, 0]
        """
        return self.array.argsort(kind="stable")

    def ascending(self) -> bool:
        """Whether each text (a tail aside) comes after the one before it in the order of :meth:`order`: all distinct.

        >>> packed(["a", "ab", "b"]).ascending(), packed(["a", "a"]).ascending()
        (True, False)
        """
        array = self.array
        return bool((array[1:] > array[:-1]).all())

    def distinct(self) -> bool:
        """Whether no two texts (a tail aside) are equal, found in the order of :meth:`order`.

        >>> packed(["b", "a", "c"]).distinct(), packed(["b", "a", "b"]).distinct()
        (True, False)
        """
        if self.ascending():
            return True
        ordered = self.array[self.order()]
        return bool((ordered[1:] != ordered[:-1]).all())

    def plus(self, *more: Any) -> PackedTexts:
        """These texts with ``more`` parts after them (the array shared, not copied)."""
        return PackedTexts(self.array, (*self.tail, *more))


def _texts(array: Any) -> list[str]:
    """The texts of a packed array, as Python strings."""
    if array.dtype.kind == "S":
        return list(map(bytes.decode, array.tolist()))
    out: list[str] = array.tolist()
    return out


def packed(values: list[Any], tail: tuple[Any, ...] = ()) -> Sequence[Any]:
    r"""``values`` then ``tail`` as :class:`PackedTexts` when ``values`` are texts that pack exactly and smaller.

    Otherwise ``values`` itself, extended by ``tail`` (the list is not copied).

    >>> type(packed(["a", "b"])).__name__, packed(["a", 3]), packed(["a" + chr(0)])
    ('PackedTexts', ['a', 3], ['a\x00'])
    """
    import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

    if not values or not set(map(type, values)) <= {str}:
        return _extended(values, tail)
    width = max(map(len, values))
    chars = sum(map(len, values))
    if not _smaller(width, chars, len(values), 1):
        return _extended(values, tail)  # widths too unequal: the strings themselves are smaller
    try:
        array = np.array(values, dtype=f"S{width}")  # ASCII texts: a byte each
    except UnicodeEncodeError:
        if not _smaller(width, chars, len(values), 4):
            return _extended(values, tail)
        array = np.array(values, dtype=f"U{width}")
    if not _exact(np, array, chars):
        return _extended(values, tail)
    return PackedTexts(array, tail)


def packed_ascii(np: Any, offsets: Any, data: Any) -> PackedTexts | None:
    """Texts given as UTF-8 bytes laid end to end (an Arrow string column's buffers) as :class:`PackedTexts`.

    Text ``i`` is ``data[offsets[i]:offsets[i + 1]]``. The texts are packed by :func:`packed`'s rule, without a
    Python string made for any: ``None`` when they are not all ASCII, when one is empty (a cell that reads as
    missing) or when :func:`packed` would not pack them.

    >>> import numpy as np
    >>> t = packed_ascii(np, np.array([0, 2, 5, 6]), np.frombuffer(b"a1b22c", np.uint8))
    >>> list(t), packed_ascii(np, np.array([0, 1, 1]), np.frombuffer(b"a", np.uint8))
    (['a1', 'b22', 'c'], None)
    """
    n = len(offsets) - 1
    first = int(offsets[0])
    chars = int(offsets[-1]) - first
    body = data[first : first + chars]
    lengths = np.diff(offsets)
    if n <= 0 or int(lengths.min()) == 0 or bool((body >= 0x80).any()):
        return None
    width = int(lengths.max())
    if not _smaller(width, chars, n, 1):
        return None
    grid = np.zeros((n, width), np.uint8)
    starts = offsets[:-1] - first
    for j in range(
        width
    ):  # character j of every text that has one: a pass per character, not per text
        held = lengths > j
        if bool(held.all()):
            grid[:, j] = body[starts + j]
        else:
            grid[held, j] = body[starts[held] + j]
    array = grid.view(f"S{width}").reshape(n)
    return PackedTexts(array) if _exact(np, array, chars) else None


def _smaller(width: int, chars: int, n: int, size: int) -> bool:
    """Whether ``n`` texts held ``size`` bytes a character in a fixed-width array are no larger than as strings.

    ``chars`` characters in all, the longest ``width`` (0: every text empty, never packed).
    """
    return width > 0 and size * width * n <= chars + _STR_OVERHEAD * n


def _exact(np: Any, array: Any, chars: int) -> bool:
    """Whether a packed ``array`` of texts of ``chars`` characters in all gives each text back.

    numpy drops a text's trailing NUL characters: texts that end in one are not packed.
    """
    return int(np.char.str_len(array).sum()) == chars


def taken(parts: Sequence[Any], codes: list[int]) -> list[Any]:
    """``parts[c]`` for each of ``codes`` (a packed array read once for them all, not text by text)."""
    if type(parts) is not PackedTexts:
        return list(map(parts.__getitem__, codes))
    import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

    n = len(parts.array)
    at = np.asarray(codes, dtype=np.intp)
    at = np.where(at < 0, at + len(parts), at)
    inside = at < n
    if bool(inside.all()):
        return _texts(parts.array[at])
    out: list[Any] = [None] * len(codes)
    for k, text in zip(
        np.flatnonzero(inside).tolist(), _texts(parts.array[at[inside]]), strict=True
    ):
        out[k] = text
    tail = parts.tail
    for k in np.flatnonzero(~inside).tolist():
        out[k] = tail[int(at[k]) - n]
    return out


def _extended(values: list[Any], tail: tuple[Any, ...]) -> list[Any]:
    values.extend(tail)
    return values
