"""A table's columns as claims-file fields, read chunk by chunk: the plain rows in columns, the others one by one.

Two kinds of table: one whose columns are named field by field (``claims_from_dataframe(columns=...)``),
and one in the claims-CSV columns, read as the CSV reader reads a file's rows. Each turns a chunk of rows
into :class:`~claimdiff._formats.columnar.Fields` (each distinct cell read once by the cell rules of
:mod:`claimdiff._formats.cells` and :mod:`claimdiff._formats.csv_format`), and gives the claims-file entry
of any row the columnar reader leaves to the full one.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Mapping, Sequence
from itertools import repeat
from typing import Any

import numpy as np

from claimdiff._collector import PAUSE
from claimdiff._formats import columnar
from claimdiff._formats.build import document_context, duplicate_reason
from claimdiff._formats.cells import (
    NO_LINES,
    PLAIN_FIELDS,
    cell_value,
    claim_mapping,
    clean_cell,
    column_names,
    csv_cell,
    figure_of,
    joined,
    relocated,
    row_name,
    source_spec,
    text_cells,
)
from claimdiff._formats.claims_file import LoadedClaims
from claimdiff._formats.columnar import (
    BAD,
    Coded,
    Fields,
    coded,
    combine,
    distinct,
    failed,
    fast_claims,
)
from claimdiff._formats.csv_cells import CellError, parse_via, unescape_cell
from claimdiff._formats.csv_format import (
    FULL_ONLY_COLUMNS,
    VALUE_COLUMNS,
    parse_rows,
    source_cell,
    spelled_cell,
    value_cell,
)
from claimdiff._formats.settle import Chunk, Outcome, entry_outcome, settle_all
from claimdiff._model.hedges import HedgePolicy
from claimdiff._model.packed_texts import PackedTexts, packed_ascii
from claimdiff._model.table_concat import concat
from claimdiff._model.vocabulary import Vocabulary
from claimdiff.exceptions import ClaimFileError

__all__ = [
    "TABLE_CHUNK",
    "CsvReader",
    "FrameReader",
    "csv_text",
    "csv_texts",
    "own_cells",
    "read_table",
]

#: A table is read in columns this many rows at a time, so that memory stays bounded whatever its length.
TABLE_CHUNK = 100_000


class FrameReader:
    """A chunk of a table whose columns are named field by field (``columns=``) as claims-file fields."""

    def __init__(
        self, columns: Mapping[str, str | Sequence[str]], position: Mapping[str, int], name: str
    ) -> None:
        self.columns = columns
        self.position = position
        self.name = name
        self.used = sorted(
            {c for spec in columns.values() for c in ([spec] if isinstance(spec, str) else spec)}
        )
        self.column_of = column_names(columns)
        spec = columns.get("id")
        others = [
            c for f, s in columns.items() if f != "id" for c in ([s] if isinstance(s, str) else s)
        ]
        #: The column of ids, when no other field reads it: its cells are each a row's own (not hashed).
        self.ids = spec if isinstance(spec, str) and spec not in others else None
        # Each distinct figure the table's cells spell (value, low, high, best), made once for the whole table
        # (its first FIGURES_KEPT): its chunks share one object per figure, read once (see columnar.fast_claims).
        self._figures: dict[Any, Any] = {}

    def _figure(self, value: Any, low: Any, high: Any, best: Any) -> Any:
        """:func:`figure_of` the cells, the same object each time the table's cells spell the same figure.

        Cells are told apart by type as well as value (``1``, ``1.0`` and ``True`` read differently); cells
        that cannot be hashed (a list) make their own figure.
        """
        cells = (value, low, high, best)
        try:
            key = (cells, tuple(map(type, cells)))
            found = self._figures.get(key)
        except TypeError:  # a list or a mapping among the cells
            return figure_of(*cells)
        if found is None:
            found = figure_of(*cells)
            if len(self._figures) < columnar.FIGURES_KEPT:
                self._figures[key] = found
        return found

    def fields(self, part: Any, labels: Sequence[Hashable]) -> Fields:
        """The chunk's fields (``part`` is a DataFrame), each distinct cell read once (:func:`cell_value`)."""
        raw: dict[str, Coded] = {
            c: (own_cells if c == self.ids else distinct)(part.iloc[:, self.position[c]])
            for c in self.used
        }
        read: dict[str, Coded] = {}
        texts = set()  # the fields read from text alone (no cell of them can fail)
        for f, spec in self.columns.items():
            if isinstance(spec, str):
                cells, text = _read_cells(raw[spec][1], f)
                read[f] = raw[spec][0], cells
                if text:
                    texts.add(f)
                continue
            if not spec:  # no column: never given
                read[f] = np.full(len(labels), -1, dtype=np.intp), []
                continue
            codes, combos = combine([(raw[c][0], _read_cells(raw[c][1], f)[0]) for c in spec])
            read[f] = (
                codes,
                [BAD if any(p is BAD for p in combo) else joined(f, combo) for combo in combos],
            )
        slow = np.zeros(len(labels), dtype=bool)
        for f, column in read.items():
            if f not in texts:
                slow |= failed(column)
        out = {f: read[f] for f in PLAIN_FIELDS if f in read}
        if "id" in out and "id" not in texts and not set(map(type, out["id"][1])) <= _TEXT_OR_NONE:
            out["id"] = coded(out["id"], lambda v: v if v is None or v is BAD else str(v))
        figure = [f for f in ("value", "low", "high", "best") if f in read]
        if figure != ["value"] and figure:
            codes, combos = combine([read[f] for f in figure])
            given = [
                (*combo, None) for combo in combos
            ]  # the last: a field the table does not give
            at = [figure.index(f) if f in figure else -1 for f in ("value", "low", "high", "best")]
            out["value"] = (codes, [self._figure(*map(cells.__getitem__, at)) for cells in given])
        if "source_kind" in read or "source_party" in read:
            parts = [f for f in ("source", "source_kind", "source_party") if f in read]
            codes, combos = combine([read[f] for f in parts])
            out["source"] = (
                codes,
                [
                    source_spec(
                        *(
                            dict(zip(parts, combo, strict=True)).get(f)
                            for f in ("source", "source_kind", "source_party")
                        )
                    )
                    for combo in combos
                ],
            )
        return Fields(labels=labels, columns=out, slow=slow)

    def slow(self, part: Any, rows: list[int], labels: Sequence[Hashable]) -> list[Any]:
        """The claims-file entries of the chunk's rows ``rows`` (or the error a cell gave), for the full reader."""
        data = {c: part.iloc[rows, self.position[c]].tolist() for c in self.used}
        return [
            claim_mapping({c: data[c][k] for c in self.used}, self.columns, labels[i], self.name)
            for k, i in enumerate(rows)
        ]


_TEXT_OR_NONE = {str, type(None)}


def own_cells(column: Any) -> Coded:
    """A column of texts each row most likely holds alone (ids) as :func:`distinct` gives it, but not hashed.

    A text column with no missing cell is its own distinct values, one per row: two rows that hold one text
    then hold two equal parts (the readers compare ids by their text). Texts Arrow holds are packed from its
    buffers where they pack (:func:`_arrow_packed`): a million ids, no Python string made for any. Any other
    column is :func:`distinct`'s.

    >>> import pandas as pd
    >>> codes, values = own_cells(pd.Series(["a", "b", "a"], dtype="string"))
    >>> codes.tolist(), list(values)
    ([0, 1, 2], ['a', 'b', 'a'])
    """
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415 - a table is a pandas object

    if (
        not hasattr(column, "dtype")
        or not isinstance(column.dtype, pd.StringDtype)
        or bool(column.hasnans)
    ):
        return distinct(column)
    codes = np.arange(len(column), dtype=np.intp)
    texts = _arrow_packed(column)
    return codes, column.tolist() if texts is None else texts


def _arrow_packed(column: Any) -> PackedTexts | None:
    """A text column held by Arrow, packed from its buffers (:func:`packed_ascii`): no Python string per row.

    ``None`` when the column is not held by Arrow, or its texts do not pack (then they are read as a list).
    """
    if getattr(column.dtype, "storage", None) != "pyarrow" or not len(column):
        return None
    try:
        import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415 - optional
    except ImportError:  # pragma: no cover - the storage is pyarrow's
        return None
    array = pa.array(column)  # the column's own buffers (its chunks laid end to end)
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        return None
    _, offsets, data = array.buffers()
    if data is None:  # every text empty
        return None
    wide = np.int64 if pa.types.is_large_string(array.type) else np.int32
    at = np.frombuffer(offsets, wide)[array.offset : array.offset + len(array) + 1]
    return packed_ascii(np, at, np.frombuffer(data, np.uint8))


def _read_cells(values: Sequence[Any], field: str) -> tuple[Sequence[Any], bool]:
    """Each distinct cell of a column read by :func:`cell_value` (:data:`BAD` where it refuses it), and whether all were text.

    A column of text only is read by :func:`text_cell`, all that :func:`cell_value` does with text (text
    or nothing, never :data:`BAD`).
    """
    if (
        type(values) is PackedTexts
    ):  # texts none of which is empty (see own_cells): each reads as written
        return values, True
    if set(map(type, values)) <= {str}:
        return text_cells(values), True
    return [_read_cell(v, field) for v in values], False


def _read_cell(value: Any, field: str) -> Any:
    try:
        return cell_value(value, field)
    except CellError:
        return BAD


class CsvReader:
    """A chunk of a table in the claims-CSV columns, read as the CSV reader reads a file's rows."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.column_of = {c: c for c in names}

    def fields(self, part: Sequence[Any], labels: Sequence[Hashable]) -> Fields:
        """The chunk's fields from its columns (a pandas Series or a list of cells each), each distinct cell read once."""
        cells = {}
        for column, c in zip(part, self.names, strict=True):
            codes, values = distinct(column)
            cells[c] = codes, csv_texts(values, c)
        slow = np.zeros(len(labels), dtype=bool)
        for column in cells.values():
            slow |= failed(column)
        for (
            full_only
        ) in FULL_ONLY_COLUMNS:  # the plain reader leaves a rank or a grade to the full one
            if full_only in cells:
                slow |= cells[full_only][0] >= 0
        codes, ids = cells["id"]  # a claims CSV has no default id: a row without one is refused
        slow |= (codes < 0) | failed((codes, [BAD if v is None else v for v in ids]))
        out = {c: cells[c] for c in _TEXT_FIELDS if c in cells}
        spelled = [c for c in self.names if c in VALUE_COLUMNS]
        if spelled or "value" in cells:
            figure = [c for c in ("value", *spelled) if c in cells]
            codes, combos = combine([cells[c] for c in figure])
            out["value"] = (
                codes,
                [_csv_figure(dict(zip(figure, combo, strict=True))) for combo in combos],
            )
        if "source" in cells:
            parts = [
                c
                for c in ("source", "source_kind", "source_party", "source_reliability")
                if c in cells
            ]
            codes, combos = combine([cells[c] for c in parts])
            out["source"] = (
                codes,
                [_csv_source(dict(zip(parts, combo, strict=True))) for combo in combos],
            )
        elif any(c in cells for c in ("source_kind", "source_party", "source_reliability")):
            slow[:] = True  # a kind without a source: the full reader says so
        if "via" in cells:
            out["via"] = coded(cells["via"], _csv_via)
        for column in out.values():
            slow |= failed(column)
        return Fields(labels=labels, columns=out, slow=slow)

    def slow(self, part: Any, rows: list[int], labels: Sequence[Hashable]) -> list[Any]:  # noqa: ARG002 - as FrameReader's
        """The claims-file entries of the chunk's rows ``rows`` (or the error a cell gave), for the full reader."""
        data = [part.iloc[rows, i].tolist() for i in range(len(self.names))]
        doc, _ = parse_rows(self.names, enumerate(zip(*data, strict=True)), "", cell=csv_cell)
        return list(doc["claims"])


_TEXT_FIELDS = (
    "id",
    "metric",
    "counted",
    "unit",
    "place",
    "event",
    "period",
    "stated",
    "quote",
    "location",
    "note",
    "part_of",
)


def csv_text(value: Any, column: str) -> Any:
    """A claims-CSV cell as the text the CSV reader reads (unescaped), ``None`` when empty, :data:`BAD` if unreadable."""
    try:
        text = csv_cell(value, column)
    except CellError:
        return BAD
    return (unescape_cell(text) if text[:1] == "'" else text) or None


def csv_texts(values: Sequence[Any], column: str) -> Sequence[Any]:
    """:func:`csv_text` of each of ``values`` (a column's distinct cells), with no call per cell where none is needed.

    A text that is not empty and does not open with ``'`` (an escape) reads as written: a column of such
    texts (a million ids) is its own reading; any other column is read cell by cell.

    >>> csv_texts(["a", "b"], "id"), csv_texts(["a", "", "'=1"], "id"), csv_texts([3, None], "value")
    (['a', 'b'], ['a', None, '=1'], ['3', None])
    """
    if (
        set(map(type, values)) <= {str}
        and "" not in values
        and not any(map(str.startswith, values, repeat("'")))
    ):
        return values
    return [csv_text(v, column) for v in values]


def _csv_figure(cells: Mapping[str, Any]) -> Any:
    if any(v is BAD for v in cells.values()):
        return BAD
    text = cells.get("value")
    spelled = {VALUE_COLUMNS[c]: t for c, t in cells.items() if c != "value" and t is not None}
    try:
        value = None if text is None else value_cell(text)
        if spelled:
            return BAD if text is not None else spelled_cell(spelled)
    except CellError:
        return BAD
    return value


def _csv_source(cells: Mapping[str, Any]) -> Any:
    if any(v is BAD for v in cells.values()):
        return BAD
    extra = {k: cells.get(f"source_{k}") or "" for k in ("kind", "party") if f"source_{k}" in cells}
    try:
        return source_cell(cells.get("source") or "", extra, cells.get("source_reliability") or "")
    except CellError:
        return BAD


def _csv_via(text: Any) -> Any:
    if text is None or text is BAD:
        return text
    try:
        return parse_via(text)
    except CellError:
        return BAD


def _labels(index: Any) -> Sequence[Hashable]:
    """A table's row labels as a sequence: a ``range`` for pandas' default index (no million ints held), else a list."""
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415 - a table is a pandas object

    if isinstance(index, pd.RangeIndex):
        return range(index.start, index.stop, index.step)
    return list(index)


def read_table(
    df: Any,
    reader: FrameReader | CsvReader,
    defaults: Mapping[str, Any] | None,
    name: str,
    hedges: HedgePolicy,
    vocabulary: Vocabulary,
) -> LoadedClaims:
    """Read a table chunk by chunk: the plain rows in columns, the others one by one by the full claims-file reader."""
    rejected: list[ClaimFileError] = []
    if len(df) == 0:
        return LoadedClaims(path=name, claims=concat([]), rejected=())
    given = {k: clean_cell(v, strip=False) for k, v in (defaults or {}).items()}
    shared = {k: v for k, v in given.items() if v is not None}
    doc: dict[str, Any] = {"claims": [], "defaults": shared} if shared else {"claims": []}
    ctx = document_context(doc, NO_LINES, name, hedges, vocabulary)
    labels = _labels(df.index)
    column_of = reader.column_of

    def duplicate(label: Hashable, cid: str, clash: str, first: Hashable) -> ClaimFileError:
        e = ClaimFileError(name, "$.claims[0].id", cid, duplicate_reason(clash, row_name(first)))
        return relocated(e, [label], column_of, name)

    chunks: list[Chunk] = []
    with PAUSE:  # the claims, scopes and estimates built are many small acyclic objects
        for start in range(0, len(df), TABLE_CHUNK):
            part = df.iloc[start : start + TABLE_CHUNK]
            here = labels[start : start + TABLE_CHUNK]
            chunk = (
                part
                if isinstance(reader, FrameReader)
                else [part.iloc[:, i] for i in range(part.shape[1])]
            )
            fast = fast_claims(reader.fields(chunk, here), ctx)
            left = np.ones(
                len(here), dtype=bool
            )  # the rows the columnar reader left to the full one
            left[fast.rows] = False
            rows = np.flatnonzero(left).tolist()
            outcomes: dict[int, Outcome] = {}
            if rows:
                locate = functools.partial(
                    relocated, labels=[here[i] for i in rows], column_of=column_of, name=name
                )
                for k, (i, entry) in enumerate(
                    zip(rows, reader.slow(part, rows, here), strict=True)
                ):
                    outcomes[i] = entry_outcome(entry, k, ctx, locate)
            chunks.append((here, fast, outcomes))
        claims = settle_all(chunks, duplicate=duplicate, rejected=rejected)
    return LoadedClaims(path=name, claims=claims, rejected=tuple(rejected))
