"""Claims as CSV: one row per claim, for people who keep figures in spreadsheets.

A CSV file is read into the same document a YAML file holds (so one builder
checks and builds every claim), and written from it. The columns are
:data:`COLUMNS`; only ``id`` is required, in any order, and an empty cell means
the field is not given. See ``docs/file-format.md`` for the full reference.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from claimdiff._formats.csv_cells import (
    NUMBER,
    CellError,
    escape_cell,
    parse_via,
    unescape_cell,
)
from claimdiff._formats.documents import Lines, check_size
from claimdiff._formats.schema import short_repr
from claimdiff.exceptions import ClaimFileError

__all__ = [
    "ALWAYS",
    "COLUMNS",
    "FULL_ONLY_COLUMNS",
    "GRADE_COLUMNS",
    "VALUE_COLUMNS",
    "CellError",
    "escape_cell",
    "grade_cells",
    "parse_csv",
    "parse_rows",
    "source_cell",
    "spelled_cell",
    "unescape_cell",
    "value_cell",
]

#: Every column a claims CSV may have, in the order claimdiff writes them.
COLUMNS = (
    "id",
    "metric",
    "cumulative",
    "counted",
    "value",
    "unit",
    "place",
    "event",
    "period",
    "stated",
    "source",
    "source_kind",
    "source_party",
    "source_reliability",
    "via",
    "quote",
    "location",
    "note",
    "part_of",
    "rank",
    "value_low",
    "value_high",
    "value_low_closed",
    "value_high_closed",
    "value_point",
    "value_hedge",
    "value_text",
    "value_provenance",
    "source_grade_scheme",
    "source_grade_value",
    "source_grade_codes",
    "source_grade_meaning",
)
#: Columns that spell a figure out field by field, for figures that words cannot give exactly.
VALUE_COLUMNS = {c: c.removeprefix("value_") for c in COLUMNS if c.startswith("value_")}
#: Columns that give the source's own grade (``source_grade``) field by field; codes as ``name=1; name=2``.
GRADE_COLUMNS = {
    c: c.removeprefix("source_grade_") for c in COLUMNS if c.startswith("source_grade_")
}
#: Columns only the full reader reads: a row with one of them filled is no plain row.
FULL_ONLY_COLUMNS = ("rank", *GRADE_COLUMNS)
# Written only when some claim needs them, so that a plain file stays narrow.
_WHEN_USED = ("cumulative", "part_of", "source_reliability", *FULL_ONLY_COLUMNS, *VALUE_COLUMNS)
#: Columns written for every claim; the others only when some claim needs them.
ALWAYS = tuple(c for c in COLUMNS if c not in _WHEN_USED)
_TEXT_COLUMNS = (
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
    "rank",
)
_BOOLS = {"true": True, "false": False}


def parse_csv(text: str, path: str) -> tuple[dict[str, Any], Lines]:
    """The claims document a CSV text stands for, and its line index.

    A row that cannot be turned into a claim's fields stands in the claims list
    as the :class:`~claimdiff.exceptions.ClaimFileError` that says why, so that the caller
    reports it with the others.
    """
    check_size(text, path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)

    def numbered() -> Iterator[tuple[int, list[str]]]:
        start = reader.line_num + 1
        for row in reader:
            here, start = start, reader.line_num + 1
            if any(row):  # a blank line is no row
                yield here, row

    try:
        header = next(reader, None)
        if header is None:
            raise ClaimFileError(
                path,
                "$",
                None,
                "is empty; a claims CSV starts with a header row naming its columns",
            )
        doc, starts = parse_rows(header, numbered(), path, quoted="'" in text)
    except csv.Error as e:
        raise ClaimFileError(path, "$", None, f"is not valid CSV: {e}", line=reader.line_num) from e

    def lines() -> Mapping[str, int]:  # built when an error asks for it
        return {f"$.claims[{i}]": line for i, line in enumerate(starts)}

    return doc, functools.cache(lines)


def parse_rows(
    header: Sequence[str],
    rows: Iterable[tuple[int, Sequence[Any]]],
    path: str,
    *,
    quoted: bool = True,
    cell: Callable[[Any, str], str] | None = None,
) -> tuple[dict[str, Any], list[int]]:
    """The claims document of a claims-CSV table given as rows of cells, and the line (or row) of each claim.

    Each row comes with its line number (the row's position for a table that is not a file). ``cell``, when
    given, turns each raw cell into the text a CSV file would hold, or raises :class:`CellError`; ``quoted``
    says whether cells may be escaped against spreadsheet formulas.
    """
    columns = _header(list(header), path)
    claims: list[Any] = []
    metrics: dict[str, dict[str, Any]] = {}
    memo, plan = _Memo(), _Plan(columns, quoted=quoted)
    starts: list[int] = []  # the line each claim's row starts on
    at_id = columns.index("id")
    for here, raw in rows:
        starts.append(here)
        try:
            row = (
                [cell(v, c) for v, c in zip(raw, columns, strict=False)]
                if cell is not None
                else list(raw)
            )
            claims.append(_row(row, plan, metrics, memo))
        except CellError as e:
            loc = f"$.claims[{len(claims)}]"
            where = loc if e.column is None else f"{loc}.{e.column}"
            cid = raw[at_id] if len(raw) > at_id else None
            claims.append(
                ClaimFileError(
                    path, where, cid if isinstance(cid, str) and cid else None, e.reason, line=here
                )
            )
    doc: dict[str, Any] = {"claims": claims}
    if metrics:
        doc["metrics"] = metrics
    return doc, starts


def _header(header: list[str], path: str) -> list[str]:
    columns = [h.strip().lower() for h in header]
    for c, written in zip(columns, header, strict=True):
        if c not in COLUMNS:
            raise ClaimFileError(
                path,
                f"$.{written}",
                None,
                f"unknown column {written!r}; known: {', '.join(COLUMNS)}",
                line=1,
            )
        if columns.count(c) > 1:
            raise ClaimFileError(
                path, f"$.{written}", None, f"column {written!r} is given twice", line=1
            )
    if "id" not in columns:
        raise ClaimFileError(
            path, "$.id", None, "has no 'id' column; every claim needs an id", line=1
        )
    return columns


class _Memo:
    """What the cells of a file read as, each distinct cell once: values, via chains, spelled figures."""

    def __init__(self) -> None:
        self.values: dict[str, int | float | str] = {}
        self.via: dict[str, list[str | dict[str, str]]] = {}
        self.spelled: dict[tuple[tuple[str, str], ...], dict[str, Any]] = {}


class _Plan:
    """Where each field's cell stands in a row, from the header, worked out once per file."""

    def __init__(self, columns: list[str], *, quoted: bool) -> None:
        at = {c: i for i, c in enumerate(columns)}
        self.width = len(columns)
        self.text = [
            (at[c], c) for c in _TEXT_COLUMNS if c in at
        ]  # in the order the fields are documented
        self.spelled = [(at[c], f) for c, f in VALUE_COLUMNS.items() if c in at]
        self.grade = [(at[c], f) for c, f in GRADE_COLUMNS.items() if c in at]
        self.value, self.source, self.via, self.metric, self.cumulative = (
            at.get(c) for c in ("value", "source", "via", "metric", "cumulative")
        )
        self.source_extra = [
            (at[f"source_{k}"], k) for k in ("kind", "party") if f"source_{k}" in at
        ]
        self.reliability = at.get("source_reliability")
        # A cell escaped against spreadsheet formulas starts with a quote: without one in the text, none is.
        self.quoted = quoted


def _row(
    row: list[str], plan: _Plan, metrics: dict[str, dict[str, Any]], memo: _Memo
) -> dict[str, Any]:
    if len(row) != plan.width:
        if len(row) > plan.width:
            raise CellError(None, f"has {len(row)} cells but the header names {plan.width} columns")
        row = row + [""] * (plan.width - len(row))
    if plan.quoted:
        row = [unescape_cell(v) if v[:1] == "'" else v for v in row]
    out: dict[str, Any] = {c: row[i] for i, c in plan.text if row[i]}
    if plan.value is not None and row[plan.value]:
        text = row[plan.value]
        value = memo.values.get(text)
        if value is None:
            value = memo.values[text] = value_cell(text)
        out["value"] = value
    spelled = {f: row[i] for i, f in plan.spelled if row[i]}
    if spelled:
        if "value" in out:
            raise CellError("value", "give 'value' or the value_* columns, not both")
        key = tuple(spelled.items())
        figure = memo.spelled.get(key)
        if figure is None:
            figure = memo.spelled[key] = spelled_cell(spelled)
        out["value"] = figure
    source = source_cell(
        row[plan.source] if plan.source is not None else "",
        {k: row[i] for i, k in plan.source_extra},
        row[plan.reliability] if plan.reliability is not None else "",
    )
    if source is not None:
        out["source"] = source
    graded = {f: row[i] for i, f in plan.grade if row[i]}
    if graded:
        out["source_grade"] = grade_cells(graded)
    if plan.via is not None and row[plan.via]:
        text = row[plan.via]
        via = memo.via.get(text)
        if via is None:
            via = memo.via[text] = parse_via(text)
        out["via"] = via  # shared between the rows that spell it alike: the builder only reads it
    if plan.cumulative is not None and row[plan.cumulative]:
        metric = row[plan.metric] if plan.metric is not None else ""
        if not metric:
            raise CellError("cumulative", "needs a 'metric' in the same row")
        cumulative = _bool(row[plan.cumulative], "cumulative")
        known = metrics.setdefault(metric, {"cumulative": cumulative})
        if known["cumulative"] is not cumulative:
            raise CellError(
                "cumulative",
                f"contradicts an earlier row, which says metric {metric!r} is "
                f"{'' if known['cumulative'] else 'not '}cumulative",
            )
    return out


def grade_cells(cells: Mapping[str, str]) -> dict[str, Any]:
    """The ``source_grade`` mapping the non-empty ``source_grade_*`` cells of a row give (by field).

    >>> grade_cells({"scheme": "ucdp", "codes": "date_prec=1; where_prec=3"})
    {'scheme': 'ucdp', 'codes': {'date_prec': 1, 'where_prec': 3}}

    Raises:
        CellError: The codes cell is not ``name=whole number`` pairs split by ``;``.
    """
    out: dict[str, Any] = dict(cells)
    if "codes" in out:
        codes: dict[str, int] = {}
        for pair in out["codes"].split(";"):
            name, equals, code = pair.partition("=")
            name, code = name.strip(), code.strip()
            if not equals or not name or not re.fullmatch(r"[+-]?\d{1,18}", code) or name in codes:
                raise CellError(
                    "source_grade_codes",
                    f"must be 'name=whole number' pairs split by ';', each name once "
                    f"(got {short_repr(out['codes'])})",
                )
            codes[name] = int(code)
        out["codes"] = codes
    return out


def value_cell(text: str) -> int | float | str:
    """A ``value`` cell: a number when it is written as one, else the words.

    >>> value_cell("12"), value_cell("1.5e3"), value_cell("at least 14")
    (12, 1500.0, 'at least 14')

    Raises:
        CellError: The number is beyond the float range.
    """
    return _number(text, "value") if NUMBER.fullmatch(text) else text


def source_cell(
    name: str, extra: Mapping[str, str], reliability: str
) -> str | dict[str, Any] | None:
    """The ``source`` of a row from its ``source`` cell, its ``source_kind``/``source_party`` cells and ``source_reliability``.

    >>> source_cell("MoD", {"kind": "military", "party": ""}, ""), source_cell("", {}, "")
    ({'name': 'MoD', 'kind': 'military'}, None)

    Raises:
        CellError: A kind, party or reliability is given without a source, or a reliability is too large.
    """
    given: dict[str, Any] = {k: v for k, v in extra.items() if v}
    if name:
        if reliability:
            given["reliability"] = (
                _number(reliability, "source_reliability")
                if NUMBER.fullmatch(reliability)
                else reliability
            )
        return {"name": name, **given} if given else name
    if reliability or given:
        raise CellError(
            "source",
            "is required when 'source_kind', 'source_party' or 'source_reliability' is given",
        )
    return None


def _number(text: str, column: str) -> int | float:
    if any(ch in text for ch in ".eE"):
        number = float(text)
        if math.isinf(number):  # refused here, as written, rather than later as "inf"
            raise CellError(
                column,
                f"is {short_repr(text)}, beyond the largest figure claimdiff reads (about 1.8e308)",
            )
        return number
    if len(text.lstrip("+-0")) > 309:
        raise CellError(
            column,
            f"is a number of {len(text.lstrip('+-0')):,} digits, beyond the largest figure "
            "claimdiff reads (about 1.8e308)",
        )
    return int(text)


def _bool(text: str, column: str) -> bool:
    value = _BOOLS.get(text.strip().lower())
    if value is None:
        raise CellError(column, f"must be true or false (got {text!r})")
    return value


def spelled_cell(spelled: Mapping[str, str]) -> dict[str, Any]:
    """A figure spelled out in the ``value_*`` cells (the non-empty ones, by field), as the claims file writes it.

    >>> spelled_cell({"low": "10", "high": "inf", "low_closed": "true"})
    {'low': 10, 'high': 'inf', 'low_closed': True}

    Raises:
        CellError: A cell that is not a number or true/false where one is needed.
    """
    out: dict[str, Any] = {}
    for field, text in spelled.items():
        column = f"value_{field}"
        if field in ("low_closed", "high_closed"):
            out[field] = _bool(text, column)
        elif field in ("low", "high", "point"):
            t = text.strip().lower()
            if field != "point" and t in {"inf", "-inf"}:
                out[field] = t
            elif NUMBER.fullmatch(t):
                out[field] = _number(t, column)
            else:
                raise CellError(column, f"must be a number (got {text!r})")
        else:
            out[field] = text
    return out
