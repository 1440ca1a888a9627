"""Rows of an anchor's table, from a CSV or JSON export, a DataFrame or any iterable of mappings.

Column names are matched as the sources' codebooks allow: case, spaces and underscores do not
matter (``EVENT_ID_CNTY``, ``event_id_cnty`` and ``Event Id Cnty`` are one column), so every row
is keyed by :func:`column_key`. A JSON export is a list of records, or an API envelope holding
one: ACLED's ``{"status": 200, "success": true, "data": [...]}`` or UCDP's ``{"Result": [...]}``.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from claimdiff._formats._io import read_text
from claimdiff.exceptions import ClaimFileError

__all__ = ["Table", "column_key", "count_cell", "load_json", "range_cell", "read_table", "where"]

#: Where an API response keeps its records: ACLED's ``data``, UCDP's ``Result``.
_ENVELOPES = ("data", "Result", "results")


def column_key(name: Any) -> str:
    """A column name as its codebook means it: case, spaces and underscores do not matter.

    >>> column_key("EVENT_ID_CNTY"), column_key(" Start Date "), column_key("Reported  Minimum")
    ('event_id_cnty', 'start_date', 'reported_minimum')
    """
    return "_".join(str(name).replace("_", " ").split()).casefold()


def where(label: Hashable) -> str:
    """A row label as a message says it: ``line 4`` for a CSV line, ``row 3`` otherwise."""
    return label if isinstance(label, str) else f"row {label}"


def count_cell(value: Any) -> int | str | None:
    """A cell holding a count: the whole number, ``None`` when missing, or the reason it is not one.

    >>> count_cell("12"), count_cell(3.0), count_cell(None), count_cell(float("inf")), count_cell("-1")
    (12, 3, None, 'is not a whole number >= 0', 'is not a whole number >= 0')
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return "is not a whole number >= 0"
    if isinstance(value, int):
        return value if value >= 0 else "is not a whole number >= 0"
    if isinstance(value, str) and len(value) <= 40:
        text = value.strip().replace(",", "")
        if text.isdigit():
            return int(text)
        try:
            value = float(text)
        except ValueError:
            return "is not a whole number >= 0"
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and value >= 0:
        return int(value)
    return "is not a whole number >= 0"


# A range as incident pages write one cell: "1 – 2", "12–24", "3-4", "3 to 4" (en dash, hyphen, "to").
_RANGE = re.compile(
    r"\s*([0-9][0-9,]*)\s*(?:[-\u2010-\u2015\u2212]|to)\s*([0-9][0-9,]*)\s*", re.IGNORECASE
)
# Words a list writes where it has no number.
_NO_NUMBER = frozenset({"unknown", "n/a", "na", "not known", "unclear"})


def range_cell(value: Any) -> tuple[int | None, int | None] | str:
    """A cell holding a count or a range of counts: ``(low, high)``, ``(None, None)`` when missing, or why neither.

    A range is written as Airwars' incident pages write one (``1 – 2``), or with a hyphen or "to".

    >>> range_cell("1 – 2"), range_cell("12–24"), range_cell("7"), range_cell(""), range_cell(3.0)
    ((1, 2), (12, 24), (7, 7), (None, None), (3, 3))
    >>> range_cell("Unknown"), range_cell("9 – 4")
    ('gives no number', 'is a range whose low end is above its high end')
    """
    if isinstance(value, str) and len(value) <= 80:
        if " ".join(value.split()).casefold() in _NO_NUMBER:
            return "gives no number"
        match = _RANGE.fullmatch(value)
        if match:
            low, high = (int(g.replace(",", "")) for g in match.groups())
            return (low, high) if low <= high else "is a range whose low end is above its high end"
    one = count_cell(value)
    if isinstance(one, str):
        return "is not a whole number >= 0, nor a range of them"
    return one, one


@attrs.frozen
class Table:
    """An anchor's table: its name for messages, its columns (as :func:`column_key` gives them) and its rows.

    ``rows()`` can be read more than once (a reader that decides a file's day/month order reads
    the dates first); each row is a mapping keyed by column key, or the rejection of a record that
    is not a row at all.
    """

    name: str
    columns: tuple[str, ...]
    _rows: Callable[[], Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]] = (
        attrs.field(alias="rows")
    )

    def rows(self) -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
        """The ``(label, row)`` pairs, in order."""
        return self._rows()

    def values(self, column: str) -> Iterator[tuple[Hashable, Any]]:
        """The ``(label, cell)`` pairs of one column (by its key)."""
        for label, row in self.rows():
            if not isinstance(row, ClaimFileError):
                yield label, row.get(column)


def read_table(table: Any, name: str | None, required: Iterable[str]) -> Table:
    """The table of ``table``: a path to (or an open stream of) a CSV or JSON export, a DataFrame, or rows.

    Labels are the line each CSV row starts on, the DataFrame's index, or 0, 1, ... for rows.

    Raises:
        ClaimFileError: The file cannot be read, a column is named twice (up to case, spaces and
            underscores), or a required column is missing.
    """
    need = [column_key(c) for c in required]
    if isinstance(table, str | os.PathLike) or hasattr(table, "read"):
        label = name or (os.fspath(table) if isinstance(table, str | os.PathLike) else "<stream>")
        text = read_text(table, label=label)
        if text.lstrip()[:1] in ("{", "["):
            return _records(_json_records(text, label), label, need)
        return _csv_table(text, label, need)
    if hasattr(table, "columns") and hasattr(table, "index"):
        label = name or "<dataframe>"
        raw = list(table.columns)
        columns = _keys(label, [str(c) for c in raw])
        _require(label, columns, need)
        data = [table.iloc[:, i].tolist() for i in range(len(raw))]
        index = list(table.index)

        def from_frame() -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
            for i, at in enumerate(index):
                yield at, {k: d[i] for k, d in zip(columns, data, strict=True)}

        return Table(label, tuple(columns), from_frame)
    if isinstance(table, Mapping):
        return _records(_unwrap(table, name or "<rows>"), name or "<rows>", need)
    return _records(list(table), name or "<rows>", need)


# How many lines of a CSV export's preamble are looked through for its header (IBC's download has 11).
_PREAMBLE = 40


def _csv_table(text: str, label: str, need: list[str]) -> Table:
    skip, header = _csv_header(text, label, need)
    columns = _keys(label, header)
    _require(label, columns, need)

    def from_csv() -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
        rows = csv.reader(io.StringIO(text, newline=""))
        for _ in range(skip):
            _next_record(rows, len(text))
        line = rows.line_num + 1
        while True:
            try:
                cells = _next_record(rows, len(text))
            except csv.Error as e:
                yield (
                    f"line {line}",
                    ClaimFileError(label, f"line {line}", None, f"is not valid CSV: {e}"),
                )
                line = rows.line_num + 1
                continue
            if cells is None:
                return
            if cells:
                yield f"line {line}", dict(zip(columns, cells, strict=False))
            line = rows.line_num + 1

    return Table(label, tuple(columns), from_csv)


def _csv_header(text: str, label: str, need: list[str]) -> tuple[int, list[str]]:
    """How many records the header ends, and its cells: line 1, or the first line naming every required column.

    An export may open with a preamble (Iraq Body Count's download has 11 lines of title, terms and
    notes before ``IBC code,Start Date,...``); when line 1 lacks a required column, the first
    ``_PREAMBLE`` lines are searched for the header, and the lines before it are not rows.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    first: list[str] | None = None
    for count in range(1, _PREAMBLE + 1):
        try:
            record = _next_record(reader, len(text))
        except csv.Error as e:
            if first is None:
                raise ClaimFileError(
                    label, f"line {reader.line_num}", None, f"is not valid CSV: {e}"
                ) from e
            break
        if record is None:
            break
        if first is None:
            first = record
        keys = {column_key(c.removeprefix("\ufeff")) for c in record}
        if all(k in keys for k in need):
            return count, record
        if count == 1 and not need:
            return 1, record
    return 1, first or []


def _next_record(reader: Any, longest: int) -> list[str] | None:
    """The next CSV record, or ``None`` at the end.

    A cell may be as long as the bounded text itself (a long ``notes`` cell is real data), so csv's
    process-wide field limit (131,072 characters) is raised to the text's length for this one record
    and put back at once: other CSV readers (the claims-file reader refuses such cells) never see it.
    """
    before = csv.field_size_limit()
    if longest <= before:
        return next(reader, None)
    csv.field_size_limit(longest + 1)
    try:
        return next(reader, None)
    finally:
        csv.field_size_limit(before)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for k, v in pairs:
        if k in seen:
            raise _DuplicateKeyError(k)
        seen[k] = v
    return seen


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _integer(text: str) -> int | str:
    # Python refuses to read integers of over 4,300 digits: such a figure stays text, for the reader to reject.
    return int(text) if len(text) <= 4000 else text


def load_json(text: str, label: str) -> Any:
    """JSON text, refusing keys given twice in one object (JSON leaves their meaning open) and deep nesting.

    Raises:
        ClaimFileError: The text is not JSON, gives a key twice, or nests too deep to read.
    """
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_integer)
    except _DuplicateKeyError as e:
        raise ClaimFileError(
            label, "$", None, f"gives the key {e.key!r} twice in one object"
        ) from e
    except RecursionError as e:
        raise ClaimFileError(label, "$", None, "nests too deep to read") from e
    except ValueError as e:
        raise ClaimFileError(label, "$", None, f"cannot be read as JSON: {e}") from e


def _json_records(text: str, label: str) -> list[Any]:
    doc = load_json(text, label)
    if isinstance(doc, Mapping):
        return _unwrap(doc, label)
    if isinstance(doc, list):
        return doc
    raise ClaimFileError(
        label, "$", None, "must be a list of records or an API response holding one"
    )


def _unwrap(doc: Mapping[str, Any], label: str) -> list[Any]:
    """The records of an API response (``data``, ``Result``), refusing a response that reports a failure."""
    if doc.get("success") is False or (
        isinstance(doc.get("error"), Mapping | str) and doc.get("error")
    ):
        said = doc.get("error") or doc.get("messages") or "no reason given"
        raise ClaimFileError(
            label, "$", None, f"is an API response reporting a failure: {str(said)[:200]}"
        )
    for key in _ENVELOPES:
        if isinstance(doc.get(key), list):
            return list(doc[key])
    raise ClaimFileError(
        label, "$", None, f"has no list of records under {', '.join(map(repr, _ENVELOPES))}"
    )


def _records(rows: list[Any], label: str, need: list[str]) -> Table:
    first = next((r for r in rows if isinstance(r, Mapping)), None)
    if first is not None:
        _require(label, _keys(label, [str(k) for k in first]), need)
    elif rows:
        raise ClaimFileError(label, "$", None, "holds no record that is an object of named cells")

    def from_rows() -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
        for i, row in enumerate(rows):
            if not isinstance(row, Mapping):
                yield (
                    i,
                    ClaimFileError(
                        label,
                        f"row {i}",
                        None,
                        f"is not a record of named cells (got {type(row).__name__})",
                    ),
                )
                continue
            keyed: dict[str, Any] = {}
            for k, v in row.items():
                key = column_key(k)
                if key in keyed:
                    break
                keyed[key] = v
            else:
                yield i, keyed
                continue
            yield (
                i,
                ClaimFileError(
                    label,
                    f"row {i}",
                    None,
                    f"names the column {key!r} twice (up to case and spaces)",
                ),
            )

    return Table(
        label, tuple(_keys(label, [str(k) for k in first]) if first is not None else ()), from_rows
    )


def _keys(label: str, names: list[str]) -> list[str]:
    keys = [column_key(n.removeprefix("\ufeff")) for n in names]
    seen: dict[str, str] = {}
    for name, key in zip(names, keys, strict=True):
        if key in seen:
            raise ClaimFileError(
                label, "line 1", None, f"names one column twice: {seen[key]!r} and {name!r}"
            )
        seen[key] = name
    return keys


def _require(name: str, columns: list[str], need: list[str]) -> None:
    missing = [c for c in need if c not in columns]
    if missing:
        raise ClaimFileError(name, "$", None, f"has no column {', '.join(map(repr, missing))}")
