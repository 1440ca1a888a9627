"""Claim tables laid end to end: one table of several, each field's parts shared, not copied per row.

A table read in chunks (:mod:`claimdiff._formats.table_columns`) is the chunks' tables laid end to end.
The rows' codes are shifted into one column per field; the parts are kept once where they are few (the
chunks share their metrics, figures, sources and days: a part asked for once per table, not once per
chunk), laid end to end where they are many (places, scopes), and packed ids stay packed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimdiff._model.claim import Claim
from claimdiff._model.claim_table import MISSING, ClaimTable, _columns, _missing_only
from claimdiff._model.packed_texts import PackedTexts, packed

__all__ = ["concat"]


def concat(tables: Sequence[ClaimTable]) -> ClaimTable:
    """The claims of ``tables`` one after the other, as one table (each field's parts laid end to end).

    A field of few parts (at most one for every 8 rows: metrics, figures, sources, days) keeps each part
    once, however many of the tables hold it (the readers share their parts from chunk to chunk), so that
    what is asked once per distinct part is asked once per table, not once per chunk.

    >>> import pandas as pd
    >>> from claimdiff import claims_from_dataframe
    >>> t = claims_from_dataframe(pd.DataFrame({
    ...     "id": ["a", "b"], "metric": "killed", "counted": "people", "value": 3, "source": "MoD"})).claims
    >>> [c.id for c in concat([t[1:], t[:1]])]
    ['b', 'a']
    >>> t = claims_from_dataframe(pd.DataFrame({
    ...     "id": list("abcdefghijklmnop"), "metric": "killed", "counted": "people", "value": 3, "source": "MoD"})).claims
    >>> len(concat([t[:8], t[8:]]).column("metric")[1])  # one metric, and what a missing one holds
    2
    """
    import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

    if len(tables) == 1:
        return tables[0]  # read-only: the one table is its own concatenation
    n = sum(map(len, tables))
    held: dict[int, Claim] = {}
    offset = 0
    for t in tables:
        held.update((i + offset, c) for i, c in t._held.items())  # noqa: SLF001 - the tables' own columns
        offset += len(t)
    columns: list[Any] = []
    values: list[Sequence[Any]] = []
    for k, missing in enumerate(MISSING):
        if all(_missing_only(t._codes[k]) for t in tables):  # noqa: SLF001
            columns.append(np.broadcast_to(np.int8(-1), (n,)))  # no table gives the field
            values.append([missing])
            continue
        parts: list[Any] = []
        kept = [t._values[k] for t in tables]  # noqa: SLF001 - the tables' own parts
        given = sum(len(v) - 1 for v in kept)
        dtype = np.int32 if given < 2**31 else np.int64
        column = np.empty(n, dtype)  # written table by table: no copy of the whole column made
        few = given * 8 <= n
        # Texts every table holds packed as ASCII (ids) are laid end to end as arrays, none unpacked.
        arrays = not few and all(_packed_ascii(v) for v in kept)
        at: dict[int, int] = {}  # a part's code, by its identity (few parts only)
        start = laid = 0  # laid: the parts laid so far (many parts)
        for t, v in zip(tables, kept, strict=True):
            own = v[:-1]
            codes = t._codes[k] if t._order is None else t._codes[k][t._order]  # noqa: SLF001
            part = column[start : start + len(codes)]
            start += len(codes)
            if few:
                shift = np.empty(len(own) + 1, dtype)
                shift[-1] = -1  # missing (code -1, the last) stays missing
                for j, value in enumerate(own):
                    code = at.get(id(value))
                    if code is None:
                        code = at[id(value)] = len(parts)
                        parts.append(value)
                    shift[j] = code
                np.take(shift, codes, out=part)
            else:
                np.add(codes, np.asarray(laid, dtype), out=part, casting="unsafe")
                np.putmask(part, codes < 0, -1)  # missing stays missing
                laid += len(own)
                if not arrays:
                    parts.extend(own)
        columns.append(column)
        # code -1 reads the last part (what a missing field holds); many distinct texts (ids) packed in one array
        if few:
            values.append([*parts, missing])
        elif arrays:
            values.append(PackedTexts(np.concatenate([v.array for v in kept]), (missing,)))  # type: ignore[attr-defined]
        else:
            values.append(packed(parts, (missing,)))
    out: ClaimTable = object.__new__(ClaimTable)
    out._codes, out._n = _columns(columns, own=True)  # noqa: SLF001
    out._values = tuple(values)  # noqa: SLF001
    out._held, out._built, out._order = held, None, None  # noqa: SLF001
    return out


def _packed_ascii(values: Sequence[Any]) -> bool:
    """Whether a table's parts of a field are ASCII texts packed in one array, then what a missing field holds."""
    return type(values) is PackedTexts and values.array.dtype.kind == "S" and len(values.tail) == 1
