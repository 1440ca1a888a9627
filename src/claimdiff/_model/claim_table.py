"""Claims held as columns: each field a column of codes into its distinct parts; a claim is built when asked for.

A table of a million claims holds a few metrics, sources, scopes and days, and a few thousand distinct
figures. A columnar reader makes each distinct part once (checked by its type's constructor, and the
parts checked against each other once per distinct pair: :func:`claimdiff._model.claim.figure_for`,
:func:`claimdiff._model.claim.check_stated`); a :class:`ClaimTable` keeps those parts and, per row, a code
into each field's parts. ``table[i]`` builds the claim ``Claim._from_parts`` gives for the row's parts,
which equals the one ``Claim(...)`` gives for them, and keeps it: asked again, the same object comes back.
Rows the columnar reader left to the full reader are held as the claims it built.

The table is a read-only sequence that behaves as a tuple of its claims: equal to a tuple (or table) of
equal claims, hashed as that tuple, sliced into a table, pickled as its columns. The core reads the
columns themselves (:mod:`claimdiff._core.table_reads`) without building a claim per row.
"""

from __future__ import annotations

import operator
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from itertools import repeat
from typing import Any, overload

from claimdiff._collector import PAUSE
from claimdiff._model.claim import PARTS, Claim
from claimdiff._model.packed_texts import PackedTexts, taken

__all__ = ["FIELDS", "MISSING", "ClaimTable", "TableClaims", "by_id", "picked"]

#: The fields a table holds in columns, in the order of ``Claim._from_parts``.
FIELDS = PARTS
#: What a field holds where a row gives it nothing (code -1): none, and no relays.
MISSING: tuple[Any, ...] = tuple(() if f == "via" else None for f in FIELDS)
# Claims are built this many rows at a time when iterating (one array read per field per block).
_BLOCK = 4096


class _AsTuple(Sequence[Claim]):
    """What makes a lazy sequence of claims equal, hash and add as the tuple of its claims."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _AsTuple | tuple):
            return NotImplemented
        return len(self) == len(other) and all(map(operator.eq, self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: object) -> tuple[Claim, ...]:
        if not isinstance(other, _AsTuple | tuple):
            return NotImplemented
        return (*self, *other)

    def __radd__(self, other: object) -> tuple[Claim, ...]:
        if not isinstance(other, tuple):
            return NotImplemented
        return (*other, *self)


class ClaimTable(_AsTuple):
    """Claims read from a table, held as columns and built one by one when asked for.

    What the table and data-frame readers return as ``LoadedClaims.claims`` when they read in columns;
    use it as a tuple of claims. Only the readers make one.

    >>> import pandas as pd
    >>> from claimdiff import claims_from_dataframe
    >>> claims = claims_from_dataframe(pd.DataFrame({
    ...     "id": ["a", "b"], "metric": "killed", "counted": "people", "value": [3, 4], "source": "MoD",
    ... })).claims
    >>> len(claims), claims[1].id, claims[0] is claims[0], claims == tuple(claims)
    (2, 'b', True, True)
    >>> [c.low for c in claims[::-1]]
    [4.0, 3.0]

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_built", "_codes", "_held", "_n", "_order", "_values")

    def __init__(
        self, codes: Any, values: Sequence[Sequence[Any]], held: Mapping[int, Claim] | None = None
    ) -> None:
        """A table of ``codes`` (a numpy array, one row per field of :data:`FIELDS`, one column per claim).

        ``values[k]`` are field ``k``'s distinct parts, each made by its type's constructor and checked
        against the others (the parts of every row are those of a valid claim); code -1 is
        :data:`MISSING`. ``held`` are claims already built, by row: their columns are not read.
        """
        self._codes, self._n = _columns(codes)
        self._values: tuple[Sequence[Any], ...] = tuple(
            v.plus(missing) if isinstance(v, PackedTexts) else [*v, missing]
            for v, missing in zip(values, MISSING, strict=True)
        )  # code -1 reads the last part: what a missing field holds
        self._held = dict(held or {})
        self._built: list[Claim | None] | None = None
        self._order: Any = (
            None  # the rows of the columns this table holds, in order (None: all of them)
        )

    def _holding(self, codes: Any, held: dict[int, Claim]) -> ClaimTable:
        """A table of ``codes`` into this table's parts (shared, not copied), with the claims ``held``."""
        out: ClaimTable = object.__new__(ClaimTable)
        out._codes, out._n = codes if type(codes) is tuple else _columns(codes)
        out._values, out._held, out._built, out._order = (
            self._values,
            held,
            None,
            None,
        )
        return out

    def _sharing(self, order: Any, held: dict[int, Claim]) -> ClaimTable:
        """The rows ``order`` (numpy positions) of this table, with its columns and parts shared, not copied."""
        out = self._holding((self._codes, self._n), held)
        out._order = order if self._order is None else self._order[order]  # noqa: SLF001 - its own kind
        return out

    def _at(self, rows: Any) -> Any:
        """The codes of the table's ``rows`` (a position, a slice or positions), one row per field."""
        import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

        if self._order is not None:
            rows = self._order[rows]
        return np.array([codes[rows] for codes in self._codes])

    def _row(self, i: int) -> list[int]:
        """The codes of the table's row ``i``, one per field."""
        j = i if self._order is None else int(self._order[i])
        return [int(codes[j]) for codes in self._codes]

    def __len__(self) -> int:
        return self._n if self._order is None else len(self._order)

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> ClaimTable: ...

    def __getitem__(self, index: int | slice) -> Claim | ClaimTable:
        built = self._built
        if built is not None and type(index) is int:  # the common case: a claim built already
            claim = built[index]
            if claim is not None:
                return claim
        if isinstance(index, slice):
            return self._slice(index)
        n = len(self)
        i = operator.index(index)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("claim table index out of range")
        built = self._cache()
        claim = built[i]
        if claim is None:
            claim = built[i] = self._held.get(i) or self._make(self._row(i))
        return claim

    def __iter__(self) -> Iterator[Claim]:
        n = len(self)
        built = self._cache()
        for start in range(0, n, _BLOCK):
            stop = min(start + _BLOCK, n)
            if None in built[start:stop]:
                with PAUSE:  # claims and their floats form no cycles: the collector would scan them for nothing
                    self._build(built, start, stop)
            yield from built[start:stop]  # type: ignore[misc]

    def _cache(self) -> list[Claim | None]:
        built = self._built
        if built is None:
            built = self._built = [None] * len(self)
        return built

    def _make(self, codes: list[int]) -> Claim:
        return Claim._from_parts(*map(operator.getitem, self._values, codes))  # noqa: SLF001 - checked parts

    def _build(self, built: list[Claim | None], start: int, stop: int) -> None:
        """Build the claims of rows ``start`` to ``stop`` not built yet, reading each column once."""
        columns = [
            taken(values, codes)
            for values, codes in zip(
                self._values, self._at(slice(start, stop)).tolist(), strict=True
            )
        ]
        make = Claim._from_parts  # noqa: SLF001 - the parts were checked when the table was made
        held = self._held
        if not held and built[start:stop].count(None) == stop - start:  # the block at once
            built[start:stop] = _made(columns)
            return
        for i, parts in enumerate(zip(*columns, strict=True), start):
            if built[i] is None:
                built[i] = held.get(i) or make(*parts)

    def build(self, rows: Sequence[int]) -> None:
        """Build the claims of ``rows`` not built yet, all at once (each column read once): asked for later, they are at hand.

        >>> import pandas as pd
        >>> from claimdiff import claims_from_dataframe
        >>> t = claims_from_dataframe(pd.DataFrame({
        ...     "id": ["a", "b"], "metric": "killed", "counted": "people", "value": 3, "source": "MoD"})).claims
        >>> t.build([1]); t[1].id
        'b'
        """
        built = self._cache()
        held = self._held
        todo = [r for r in rows if built[r] is None and r not in held]
        if not todo:
            return
        codes = self._at(todo).tolist()
        columns = [taken(v, c) for v, c in zip(self._values, codes, strict=True)]
        with (
            PAUSE
        ):  # claims and their floats form no cycles: the collector would scan them for nothing
            for r, claim in zip(todo, _made(columns), strict=True):
                built[r] = claim

    def _slice(self, index: slice) -> ClaimTable:
        import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

        rows = range(len(self))[index]
        held = {rows.index(i): c for i, c in self._held.items() if i in rows}
        out = self._sharing(np.arange(len(self))[index], held)
        if self._built is not None:
            out._built = self._built[index]  # noqa: SLF001 - its own kind
        return out

    def column(self, field: str) -> tuple[Any, list[Any]]:
        """Each claim's code into ``field``'s distinct parts (numpy), and the parts: no claim is built.

        A held claim's part is added to the parts (its own object), so that every code reads the very part
        its claim holds. ``note`` reads the slot a claim holds its note in: the note, or the note and its
        source's grade (:func:`claimdiff._model.claim.grade_in`), as ``Claim._from_parts`` takes it.

        >>> import pandas as pd
        >>> from claimdiff import claims_from_dataframe
        >>> claims = claims_from_dataframe(pd.DataFrame({
        ...     "id": ["a", "b", "c"], "metric": "killed", "counted": "people", "value": 3,
        ...     "source": ["MoD", "UN", "MoD"]})).claims
        >>> codes, sources = claims.column("source")
        >>> [sources[k].name for k in codes.tolist()]
        ['MoD', 'UN', 'MoD']
        """
        k = FIELDS.index(field)
        held = self._codes[k]
        wide = _wide(
            held
        )  # a field of few parts is held narrow; its codes are given at least as int32
        codes = (
            held.astype(wide) if self._order is None else held[self._order].astype(wide, copy=False)
        )
        values = list(self._values[k])
        codes[codes < 0] = len(values) - 1
        for i, claim in self._held.items():
            codes[i] = len(values)
            values.append(claim._notes if field == "note" else getattr(claim, field))  # noqa: SLF001 - the slot
        return codes, values

    def texts(self, field: str) -> Sequence[Any]:
        """Each claim's ``field`` (its ``id``), in order: packed (:class:`PackedTexts`) when the parts are, none unpacked.

        >>> import pandas as pd
        >>> from claimdiff import claims_from_dataframe
        >>> t = claims_from_dataframe(pd.DataFrame({
        ...     "id": ["a", "b"], "metric": "killed", "counted": "people", "value": 3, "source": "MoD"})).claims
        >>> list(t[::-1].texts("id"))
        ['b', 'a']
        """
        k = FIELDS.index(field)
        parts, codes = self._values[k], self._codes[k]
        codes = codes if self._order is None else codes[self._order]
        if (
            type(parts) is PackedTexts
            and not self._held
            and (not len(codes) or int(codes.min()) >= 0)
        ):
            return PackedTexts(parts.array[codes])
        codes, parts = self.column(field)
        return taken(parts, codes.tolist())

    def __repr__(self) -> str:
        shown = ", ".join(repr(c) for c in self[:3])
        more = ", ..." if len(self) > 3 else ""
        return f"<ClaimTable of {len(self):,} claims: {shown}{more}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (ClaimTable, (self._at(slice(None)), [v[:-1] for v in self._values], self._held))


def _made(columns: Sequence[Sequence[Any]]) -> list[Claim]:
    """The claims ``Claim._from_parts`` gives for each row of ``columns`` (one column per part, in its order).

    The same parts, the same checks, filled by the same ``Claim._fill``, without a call of ``_from_parts`` per
    claim (a table builds the claims of many groups at once).

    >>> from claimdiff import Scope
    >>> c = Claim(id="a", metric="killed", estimate=3, scope=Scope(counted="people"), source="MoD")
    >>> _made([[c.id], [c.metric], [c.estimate], [c.scope], [None], [None],
    ...        [c.source], [()], [None], [None], [None], [None]]) == [c]
    True
    """
    made = list(map(object.__new__, repeat(Claim, len(columns[0]))))
    # _fill takes the rank between the note and part_of: a claim made from parts has none.
    fill = Claim._fill  # noqa: SLF001 - the parts were checked when the table was made
    deque(map(fill, made, *columns[:-1], repeat(None), columns[-1]), maxlen=0)
    return made


def _columns(codes: Any, *, own: bool = False) -> tuple[tuple[Any, ...], int]:
    """A table's codes (one row per field) as one array per field, and the number of claims.

    A field whose rows all hold one code (often: missing) is held as that code repeated without memory
    (:func:`numpy.broadcast_to`, read-only); every other field as its own array (a copy, so that the rows
    given are not kept alive by a field that needs none of them, unless ``own``: the rows are the table's
    own already).
    """
    import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

    n = int(codes.shape[1]) if hasattr(codes, "shape") else len(codes[0])
    out = []
    for row in codes:
        if n and not (row != row[0]).any():
            out.append(np.broadcast_to(row[:1].copy(), (n,)))
            continue
        top = (
            int(row.max()) if n else 0
        )  # codes run from -1 to the number of parts: held in the fewest bytes that fit
        narrow = np.int8 if top < 2**7 else np.int16 if top < 2**15 else row.dtype
        out.append(row if own and narrow == row.dtype else row.astype(narrow))
    return tuple(out), n


def _missing_only(codes: Any) -> bool:
    """Whether a table's field is missing in every row (held as code -1 repeated: see :func:`_columns`)."""
    return bool(codes.strides == (0,) and (not len(codes) or codes[0] == -1))


def _wide(codes: Any) -> Any:
    """The dtype a field's codes are given in: their own, at least int32 (a held claim's code is added)."""
    import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

    return np.promote_types(codes.dtype, np.int32)


def picked(table: ClaimTable, picks: Sequence[int | Claim]) -> ClaimTable:
    """A table of the rows ``picks`` of ``table`` (a row's position) and of claims given as they are, in order.

    >>> import pandas as pd
    >>> from claimdiff import claims_from_dataframe
    >>> t = claims_from_dataframe(pd.DataFrame({
    ...     "id": ["a", "b"], "metric": "killed", "counted": "people", "value": 3, "source": "MoD"})).claims
    >>> [c.id for c in picked(t, [1, t[0], 1])]
    ['b', 'a', 'b']
    """
    import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

    own = table._held  # noqa: SLF001 - the table's own rows
    take = np.fromiter((p if type(p) is int else -1 for p in picks), np.intp, len(picks))
    codes = np.full((len(FIELDS), len(picks)), -1, dtype=np.result_type(*map(_wide, table._codes)))  # noqa: SLF001
    rows = take >= 0
    codes[:, rows] = table._at(take[rows])  # noqa: SLF001
    held: dict[int, Claim] = {}
    for k, p in enumerate(picks):
        if isinstance(p, Claim):
            held[k] = p
        elif p in own:
            held[k] = own[p]
    return table._holding(codes, held)  # noqa: SLF001 - the parts shared


def by_id(table: ClaimTable) -> ClaimTable:
    """The claims of ``table`` in id order (claims of one id in their order), as a table: its columns reordered, none built.

    >>> import pandas as pd
    >>> from claimdiff import claims_from_dataframe
    >>> t = claims_from_dataframe(pd.DataFrame({
    ...     "id": ["b", "c", "a"], "metric": "killed", "counted": "people", "value": 3, "source": "MoD"})).claims
    >>> [c.id for c in by_id(t)]
    ['a', 'b', 'c']
    """
    import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

    small: Any = (
        np.int32 if len(table) < 2**31 else np.intp
    )  # held by the table as long as it lives
    ids = table.texts("id")
    if type(ids) is PackedTexts:
        order = ids.order().astype(small)
    else:
        order = np.fromiter(sorted(range(len(ids)), key=ids.__getitem__), small, len(ids))
    if not len(order) or bool((order[1:] > order[:-1]).all()):
        return table  # in id order already
    at = np.empty_like(order)
    at[order] = np.arange(len(order))
    held = {int(at[i]): c for i, c in table._held.items()}  # noqa: SLF001 - the table's own rows
    return table._sharing(order, held)  # noqa: SLF001 - the columns shared, read in id order


class TableClaims(_AsTuple):
    """The claims of a table where a tuple of claims is expected: equal, hashed, sliced, shown and pickled as one.

    What :attr:`claimdiff.Report.claims` is when the claims came as a table: each claim is built when read.
    ``table`` gives the columns themselves (:meth:`ClaimTable.column`).

    >>> import pandas as pd
    >>> from claimdiff import claims_from_dataframe
    >>> t = claims_from_dataframe(pd.DataFrame({
    ...     "id": ["a", "b"], "metric": "killed", "counted": "people", "value": 3, "source": "MoD"})).claims
    >>> claims = TableClaims(t)
    >>> claims == tuple(t), claims[1:] == (t[1],), type(claims[:1]) is tuple, repr(claims) == repr(tuple(t))
    (True, True, True, True)
    """

    __slots__ = ("table",)

    def __init__(self, table: ClaimTable) -> None:
        """The claims of ``table``, in its order."""
        self.table = table

    def __len__(self) -> int:
        return len(self.table)

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Claim, ...]: ...

    def __getitem__(self, index: int | slice) -> Claim | tuple[Claim, ...]:
        if isinstance(index, slice):
            return tuple(self.table[index])
        return self.table[index]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.table)

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (TableClaims, (self.table,))
