"""Which rows of a Dask DataFrame of claims must share a partition: their events, and the events relations join.

Every relation claimdiff checks keeps the event fixed, except a declared
:class:`~claimdiff.relations.Relation` whose figures name different events and a claim stated as part of a
claim of another event (``part_of``). Those events are merged by union-find (:class:`_Events`, the smallest
name first); a row's partition key is its event's merged name (:func:`_keys`). Rows that already arrive so
partitioned are found by one pass over the event column (:func:`_apart`). Used by
:mod:`claimdiff._formats.dask_frames`.

>>> events = _Events()
>>> events.join("strike b", "strike a")
>>> events.mapping()
{'strike b': 'strike a', 'strike a': 'strike a'}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from claimdiff._core.relations import Relation
from claimdiff._core.series import Series
from claimdiff._formats.frames import clean_cell

__all__ = [
    "_Events",
    "_apart",
    "_declared_joins",
    "_event_text",
    "_keys",
    "_part_of_joins",
    "_texts",
]


class _Events:
    """Union-find over event names: events joined by a relation share one partition key (the smallest name)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, e: str) -> str:
        root = e
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while e != root:
            self.parent[e], e = root, self.parent.get(e, e)
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo
            self.parent.setdefault(lo, lo)

    def mapping(self) -> dict[str, str]:
        return {e: self.find(e) for e in self.parent}


def _event_text(value: Any) -> str:
    cell = clean_cell(value)
    return "" if cell is None else str(cell)


def _keys(events: Any, mapping: Mapping[str, str]) -> Any:
    """The partition key of each row: its event, or the event it is merged with; ``""`` when it has none."""
    keys = [_event_text(v) for v in events.tolist()]
    out = events.copy().astype(object)
    out[:] = [mapping.get(k, k) for k in keys]
    return out


def _distinct_keys(events: Any, mapping: Mapping[str, str]) -> set[str]:
    """The partition keys of one partition's rows (read from its event column alone).

    The distinct cells are found by hashing; a column holding a cell that cannot be hashed (a list or a mapping,
    which the reader rejects) is read cell by cell instead.
    """
    try:
        cells = events.unique().tolist()
    except TypeError:
        cells = events.tolist()
    return {mapping.get(k, k) for k in map(_event_text, cells)}


def _apart(dask: Any, events: Any, mapping: Mapping[str, str]) -> bool:
    """Whether no partition key has rows in two partitions (one pass over the event column only)."""
    parts = dask.compute(
        *[dask.delayed(_distinct_keys, pure=True)(p, mapping) for p in events.to_delayed()]
    )
    seen: set[str] = set()
    for keys in parts:
        if not seen.isdisjoint(keys):
            return False
        seen |= keys
    return True


def _declared_joins(events: _Events, relations: Iterable[Relation | Series]) -> None:
    for r in relations:
        if isinstance(r, Relation):
            names = [k.event or "" for k in (r.whole, *r.parts)]
            for other in names[1:]:
                events.join(names[0], other)


def _texts(pdf: Any) -> Any:
    """Every cell of a partition as its text (:func:`_event_text`), so that any cell can be hashed and shuffled.

    A column of text and missing cells, as a claims CSV has, is trimmed in bulk (the same text, faster).
    """
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    out = {}
    for name in pdf.columns:
        column = pdf[name]
        if pd.api.types.infer_dtype(column, skipna=True) in {"string", "empty"}:
            out[name] = column.fillna("").astype(object).str.strip()
        else:
            out[name] = pd.Series(
                [_event_text(v) for v in column.tolist()], index=pdf.index, dtype=object
            )
    return pd.DataFrame(out, index=pdf.index)


def _part_of_joins(
    dask: Any, events: _Events, ddf: Any, id_col: str, event_col: str | None, part_col: str
) -> None:
    """Join the events of claims stated as parts of claims of another event (one pass over the ``part_of`` rows)."""
    cols = [id_col, part_col] + ([event_col] if event_col else [])
    if event_col is None:
        return
    rows = ddf[cols].map_partitions(_texts, meta=dict.fromkeys(cols, object))
    stated = rows[part_col] != ""
    parts = rows[stated][[part_col, event_col]]
    wholes = rows[[id_col, event_col]].rename(columns={id_col: part_col, event_col: "_whole_event"})
    linked = parts.merge(wholes, on=part_col, how="inner")
    (pairs,) = dask.compute(linked[[event_col, "_whole_event"]])
    for a, b in zip(pairs[event_col].tolist(), pairs["_whole_event"].tolist(), strict=True):
        ea, eb = _event_text(a), _event_text(b)
        if ea != eb:
            events.join(ea, eb)
