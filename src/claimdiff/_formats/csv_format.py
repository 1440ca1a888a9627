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
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from claimdiff._formats.documents import Lines, check_size
from claimdiff._formats.schema import short_repr
from claimdiff.exceptions import ClaimFileError, InvalidClaimError

__all__ = [
    "COLUMNS",
    "VALUE_COLUMNS",
    "CellError",
    "escape_cell",
    "parse_csv",
    "parse_rows",
    "source_cell",
    "spelled_cell",
    "unescape_cell",
    "value_cell",
    "write_csv",
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
)
#: Columns that spell a figure out field by field, for figures that words cannot give exactly.
VALUE_COLUMNS = {c: c.removeprefix("value_") for c in COLUMNS if c.startswith("value_")}
# Written only when some claim needs them, so that a plain file stays narrow.
_WHEN_USED = ("cumulative", "part_of", "source_reliability", "rank", *VALUE_COLUMNS)
_ALWAYS = tuple(c for c in COLUMNS if c not in _WHEN_USED)
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
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_BOOLS = {"true": True, "false": False}


class CellError(Exception):
    """A cell that cannot be read: its column (``None`` for the whole row) and why."""

    def __init__(self, column: str | None, reason: str) -> None:
        self.column = column
        self.reason = reason


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


def value_cell(text: str) -> int | float | str:
    """A ``value`` cell: a number when it is written as one, else the words.

    >>> value_cell("12"), value_cell("1.5e3"), value_cell("at least 14")
    (12, 1500.0, 'at least 14')

    Raises:
        CellError: The number is beyond the float range.
    """
    return _number(text, "value") if _NUMBER.fullmatch(text) else text


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
                if _NUMBER.fullmatch(reliability)
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
            elif _NUMBER.fullmatch(t):
                out[field] = _number(t, column)
            else:
                raise CellError(column, f"must be a number (got {text!r})")
        else:
            out[field] = text
    return out


# -- the via cell -------------------------------------------------------------------------------
#
# Two spellings, both read: the plain one people type ("Reuters [agency] | ZeroHedge [media; US]"), and a
# JSON array for names that hold the plain spelling's separators. claimdiff writes the plain spelling when
# it reads back exactly and JSON otherwise, so no hand-made escape grammar stands between a name and its
# round trip.

_PLAIN_FORBIDDEN = re.compile(r'[\\|\[\];"\r\n]')


def parse_via(cell: str) -> list[str | dict[str, str]]:
    """The sources in a ``via`` cell, nearest the origin first.

    A cell is either plain text, names separated by ``|``, each optionally followed by ``[kind]`` or
    ``[kind; party]``, or a JSON array of names and ``{"name", "kind", "party"}`` objects (what claimdiff
    writes when a name holds ``|``, ``[``, ``]``, ``;``, a quote or a backslash).

    >>> parse_via("Reuters [agency] | ZeroHedge")
    [{'name': 'Reuters', 'kind': 'agency'}, 'ZeroHedge']
    >>> parse_via('["a | b", {"name": "c [d]", "kind": "media"}]')
    ['a | b', {'name': 'c [d]', 'kind': 'media'}]
    """
    if cell.lstrip().startswith("["):
        return _json_via(cell)
    items: list[str | dict[str, str]] = []
    for part in cell.split("|"):
        name, bracket = _bracket(part)
        if bracket is None:
            items.append(name)
            continue
        kind, sep, party = bracket.partition(";")
        spec = {"name": name, "kind": kind.strip()}
        if sep:
            spec["party"] = party.strip()
        items.append(spec)
    return items


def _json_via(cell: str) -> list[str | dict[str, str]]:
    try:
        value = json.loads(cell)
    except (json.JSONDecodeError, RecursionError) as e:
        raise CellError("via", f"starts with '[' but is not a JSON array of sources: {e}") from e
    if not isinstance(value, list):
        raise CellError("via", "starts with '[' but is not a JSON array of sources")
    items: list[str | dict[str, str]] = []
    for i, item in enumerate(value):
        if isinstance(item, str) or (
            isinstance(item, dict)
            and set(item) <= {"name", "kind", "party", "reliability"}
            and "name" in item
            and all(isinstance(v, str) or k == "reliability" for k, v in item.items())
        ):
            items.append(item)
        else:
            raise CellError(
                "via",
                f"item {i} of the JSON array must be a name or an object with 'name' and "
                f"optional 'kind' and 'party' strings (got {json.dumps(item)[:80]})",
            )
    return items


def _bracket(part: str) -> tuple[str, str | None]:
    stripped = part.strip()
    if "[" not in stripped and "]" not in stripped:
        return stripped, None
    at = stripped.find("[")
    if at < 0 or not stripped.endswith("]") or stripped.count("[") > 1 or stripped.count("]") > 1:
        raise CellError(
            "via",
            f"has unbalanced brackets in {stripped!r}; write 'Name [kind]' or "
            "'Name [kind; party]', or the cell as a JSON array",
        )
    return stripped[:at].strip(), stripped[at + 1 : -1]


def _plain(text: str) -> bool:
    return text == text.strip() and text != "" and not _PLAIN_FORBIDDEN.search(text)


def via_cell(items: Iterable[str | Mapping[str, Any]]) -> str:
    """The ``via`` cell for sources in the claims-file form; :func:`parse_via` reads it back exactly.

    >>> via_cell([{"name": "Reuters", "kind": "agency"}, "ZeroHedge"])
    'Reuters [agency] | ZeroHedge'
    >>> via_cell(["a | b"])
    '["a | b"]'
    """
    items = list(items)
    texts = [
        t
        for item in items
        for t in ([item] if isinstance(item, str) else item.values())
        if t is not None
    ]
    if all(isinstance(t, str) and _plain(t) for t in texts):
        out = []
        for item in items:
            if isinstance(item, str):
                out.append(item)
            elif item.get("party") is None:
                out.append(f"{item['name']} [{item['kind']}]")
            else:
                out.append(f"{item['name']} [{item['kind']}; {item['party']}]")
        return " | ".join(out)
    plain_items = [
        item if isinstance(item, str) else {k: v for k, v in item.items() if v is not None}
        for item in items
    ]
    return json.dumps(plain_items, ensure_ascii=False)


# -- writing ------------------------------------------------------------------------------------


def write_csv(claims: Sequence[Mapping[str, Any]], metrics: Mapping[str, Mapping[str, Any]]) -> str:
    """CSV text for claims in the claims-file form (as :func:`claimdiff._formats.claims_file.claim_to_dict` gives them).

    Args:
        claims: Claims as mappings of file fields.
        metrics: Metric definitions the file must carry; their ``cumulative`` goes in each row.

    Raises:
        InvalidClaimError: A cell would be longer than the CSV reader reads.
    """
    rows = [_cells(c, metrics) for c in claims]
    limit = (
        csv.field_size_limit()
    )  # what the reader reads, read when writing (the limit can be raised)
    for claim, row in zip(claims, rows, strict=True):
        for column, cell in row.items():
            if len(cell) > limit:
                raise InvalidClaimError(
                    claim.get("id"),
                    column,
                    short_repr(cell),
                    f"is {len(cell):,} characters long, more than a claims CSV cell may hold "
                    f"({limit:,}, the csv module's field limit); write these claims as YAML or JSON",
                )
    used = {k for r in rows for k in r}
    columns = [c for c in COLUMNS if c in _ALWAYS or c in used]
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    # The csv module quotes a cell holding "\n" but not one holding only "\r", which readers then split on.
    quoted = csv.DictWriter(buffer, columns, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in rows:
        (quoted if any("\r" in v for v in row.values()) else writer).writerow(row)
    return buffer.getvalue()


# -- spreadsheet formulas -------------------------------------------------------------------------
#
# A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as a formula.
# Following OWASP's guidance on CSV injection, claimdiff writes such a cell behind a single quote, which
# spreadsheets show but do not run, and reads a leading quote before one of those characters (or before
# another quote) back off, so that every text round-trips. Plain numbers ("-4") are not formulas.

_FORMULA_START = frozenset("=+-@\t\r")


def escape_cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula; :func:`unescape_cell` gives ``text`` back.

    >>> escape_cell("=1+2"), escape_cell("-4"), escape_cell("'=x"), escape_cell("'Tis")
    ("'=1+2", '-4', "''=x", "'Tis")
    """
    if not text or _NUMBER.fullmatch(text):
        return text
    if text[0] in _FORMULA_START or (
        text[0] == "'" and text[1:2] and text[1] in _FORMULA_START | {"'"}
    ):
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    """The text of a cell written by :func:`escape_cell` (a cell a person wrote reads as itself).

    >>> unescape_cell("'=1+2"), unescape_cell("''=x"), unescape_cell("'Tis")
    ('=1+2', "'=x", "'Tis")
    """
    if text[:1] == "'" and text[1:2] and text[1] in _FORMULA_START | {"'"}:
        return text[1:]
    return text


def _cells(claim: Mapping[str, Any], metrics: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    return {k: escape_cell(v) for k, v in _raw_cells(claim, metrics).items()}


def _raw_cells(
    claim: Mapping[str, Any], metrics: Mapping[str, Mapping[str, Any]]
) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in claim.items():
        if key == "value" and isinstance(value, Mapping):
            for field, v in value.items():
                out[f"value_{field}"] = _text(v)
        elif key == "source" and isinstance(value, Mapping):
            out["source"] = value["name"]
            out["source_kind"] = value["kind"]
            if value.get("party") is not None:
                out["source_party"] = value["party"]
            if value.get("reliability") is not None:
                out["source_reliability"] = _text(value["reliability"])
        elif key == "via":
            out["via"] = via_cell(value)
        else:
            out[key] = _text(value)
    definition = metrics.get(claim["metric"])
    if definition is not None:
        out["cumulative"] = _text(definition["cumulative"])
    return out


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    return str(value)
