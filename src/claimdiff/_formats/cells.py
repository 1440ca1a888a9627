"""A table's cells as claims-file values, and a row of them as the claims-file entry it stands for.

The one rule for every table (a DataFrame read in columns, rows of cells, a data set's export): numpy and
pandas scalars become Python values, and NaN, ``None``, ``pd.NA``, ``NaT`` and empty text are *missing*
(the field is left out, so defaults apply), never the text "nan"; a cell of another type is refused,
naming its column. Errors of the claims-file reader are located by row label and column.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import functools
import math
import re
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from claimdiff._formats.csv_cells import CellError
from claimdiff._formats.documents import MAX_DEPTH
from claimdiff._formats.fields import PLAIN_FIELDS
from claimdiff._formats.schema import digits, short_repr
from claimdiff.exceptions import ClaimFileError

__all__ = [
    "FIELDS",
    "NO_LINES",
    "PLAIN_FIELDS",
    "cell_value",
    "claim_mapping",
    "clean_cell",
    "column_names",
    "csv_cell",
    "figure_of",
    "joined",
    "location_index",
    "relocated",
    "row_name",
    "source_spec",
    "text_cell",
    "text_cells",
]

#: The fields a column may fill: the claims-file fields, plus ``low``/``high``/``best`` for a figure
#: given as numbers in several columns, and ``source_kind``/``source_party`` as in the CSV format.
FIELDS = (
    "id",
    "metric",
    "counted",
    "value",
    "unit",
    "low",
    "high",
    "best",
    "place",
    "event",
    "period",
    "stated",
    "source",
    "source_kind",
    "source_party",
    "via",
    "quote",
    "location",
    "note",
    "part_of",
)
#: Cells that may be unbounded: +inf in a ``high`` cell and -inf in a ``low`` one are open bounds.
_OPEN = {"high": math.inf, "value_high": math.inf, "low": -math.inf, "value_low": -math.inf}
_LOCATION = re.compile(r"^\$\.claims\[(\d+)\](?:\.([A-Za-z_]+))?")


def clean_cell(value: Any, *, strip: bool = True) -> Any:
    """A cell as a plain Python value, or ``None`` when it is missing.

    The data sets' readers trim their cells (``strip=True``: a padded " 2013-01-03" is that day, a blank cell
    is missing). A table of claims keeps its text as written, as the claims-file readers keep it
    (``strip=False``: only an empty text is missing).

    >>> import math
    >>> clean_cell(float("nan")) is None, clean_cell("  ") is None, clean_cell(" 12 ")
    (True, True, '12')
    >>> clean_cell(" 12 ", strip=False), clean_cell("", strip=False) is None
    (' 12 ', True)
    >>> clean_cell(dt.datetime(2023, 12, 30))   # a naive midnight is a calendar day
    '2023-12-30'
    """
    kind = type(value)
    if kind is str:  # the common cases first: a table has many cells
        return text_cell(value.strip() if strip else value)
    if kind is int:
        return value
    if kind is float:
        return None if math.isnan(value) else value
    if value is None:
        return None
    if kind.__name__ in {"NAType", "NaTType"}:  # pandas' missing markers, without importing pandas
        return None
    if hasattr(value, "to_pydatetime"):  # pandas.Timestamp
        value = value.to_pydatetime()
    elif (
        not isinstance(value, str | bytes) and hasattr(value, "item") and hasattr(value, "dtype")
    ):  # numpy scalar
        with contextlib.suppress(
            ValueError
        ):  # an array of several values is no scalar: left as it is
            value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        return (value.strip() if strip else value) or None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None and value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        items = [clean_cell(v, strip=strip) for v in value]
        return [v for v in items if v is not None] or None
    return value


def text_cell(value: str) -> str | None:
    """A text cell as a claims-document value: the text as written, ``None`` when it is empty.

    All that :func:`cell_value` does with a cell of text (``str`` itself): a column of text is read by this
    alone.

    >>> text_cell(" 12 "), text_cell("")
    (' 12 ', None)
    """
    return value or None


def text_cells(values: Sequence[str]) -> Sequence[str | None]:
    """:func:`text_cell` of each of ``values`` (distinct texts): only an empty text reads otherwise than as written.

    >>> text_cells(["a", "b"]), text_cells(["a", ""])
    (['a', 'b'], ['a', None])
    """
    if (
        "" not in values
    ):  # every text reads as written: the list itself (a million ids are not copied)
        return values
    return list(map(text_cell, values))


def cell_value(value: Any, field: str) -> Any:
    """A cell as a claims-document value (text, a number, true/false, or a list or mapping of them), ``None`` if missing.

    The one rule for every table: ``+inf`` in a ``high`` cell (``-inf`` in a ``low`` one) is an open bound;
    any other infinity, a number beyond the float range, and a value of another type (a ``Decimal``, a
    ``Timedelta``, bytes) is refused.

    >>> cell_value(float("inf"), "high"), cell_value(" 12 ", "value"), cell_value(float("nan"), "value") is None
    ('inf', ' 12 ', True)
    >>> cell_value(float("inf"), "best")
    Traceback (most recent call last):
    ...
    claimdiff._formats.csv_cells.CellError: ('best', "is inf; only a 'high' cell may be unbounded (+inf), or a 'low' one (-inf)")

    Raises:
        CellError: The cell cannot be a field's value; ``column`` is ``field``.
    """
    return _plain(clean_cell(value, strip=False), field, 0)


def _plain(cell: Any, field: str, depth: int) -> Any:
    kind = type(cell)
    if cell is None or kind is str or kind is bool:
        return cell
    if kind is int:
        if (
            cell.bit_length() > 1024
        ):  # beyond 1.8e308: refused with its size, never read as infinity
            raise CellError(
                field,
                f"is an integer of {digits(cell):,} digits, beyond the largest figure claimdiff reads (about 1.8e308)",
            )
        return cell
    if kind is float:
        if math.isfinite(cell):
            return cell
        if _OPEN.get(field) == cell:
            return "inf" if cell > 0 else "-inf"
        raise CellError(
            field, f"is {cell}; only a 'high' cell may be unbounded (+inf), or a 'low' one (-inf)"
        )
    for base in (
        bool,
        int,
        float,
        str,
    ):  # an enum or other subclass of a plain type reads as that type
        if isinstance(cell, base):
            return _plain(base(cell), field, depth)
    if isinstance(cell, list | dict) and depth >= MAX_DEPTH:
        raise CellError(field, f"is nested more than {MAX_DEPTH} levels deep")
    if isinstance(cell, list):
        return [_plain(v, field, depth + 1) for v in cell]
    if isinstance(cell, dict):
        if not all(isinstance(k, str) for k in cell):
            raise CellError(
                field, f"holds a mapping whose keys are not all text ({short_repr(cell)})"
            )
        return {k: _plain(clean_cell(v, strip=False), field, depth + 1) for k, v in cell.items()}
    if isinstance(cell, decimal.Decimal):
        raise CellError(
            field,
            f"holds a Decimal ({short_repr(cell)}); convert the column to float or to text first",
        )
    raise CellError(
        field,
        f"holds a {kind.__name__} ({short_repr(cell)}); a cell holds text, a number, true/false, "
        "a date, or a list of these",
    )


def _field_value(
    columns: Mapping[str, str | Sequence[str]], field: str, row: Mapping[str, Any]
) -> Any:
    spec = columns[field]
    if isinstance(spec, str):
        try:
            return cell_value(row[spec], field)
        except CellError as e:
            raise CellError(spec, e.reason) from None
    parts = []
    for c in spec:  # several columns, e.g. a place path from widest to narrowest
        try:
            parts.append(cell_value(row[c], field))
        except CellError as e:
            raise CellError(c, e.reason) from None
    return joined(field, parts)


def column_names(columns: Mapping[str, str | Sequence[str]]) -> dict[str, str]:
    """The column each field is read from, as messages name it (several joined); ``value`` names the figure's.

    >>> column_names({"best": "deaths", "place": ["country", "adm1"]})
    {'best': 'deaths', 'place': 'country, adm1', 'value': 'deaths'}
    """
    named = {f: (c if isinstance(c, str) else ", ".join(c)) for f, c in columns.items()}
    figure = named.get("value") or named.get("best") or named.get("low") or named.get("high")
    if figure is not None:
        named["value"] = figure
    return named


def joined(field: str, parts: Sequence[Any]) -> Any:
    """The value of a field given in several columns: a place path from its parts, else the list of them."""
    given = [p for p in parts if p is not None]
    if not given:
        return None
    return " > ".join(str(p) for p in given) if field == "place" else given


def claim_mapping(
    row: Mapping[str, Any], columns: Mapping[str, str | Sequence[str]], label: Hashable, name: str
) -> dict[str, Any] | ClaimFileError:
    try:
        cells = {f: _field_value(columns, f, row) for f in columns}
    except CellError as e:
        id_column = columns.get("id")
        raw_id = row.get(id_column) if isinstance(id_column, str) else None
        cid = raw_id if isinstance(raw_id, str) and raw_id else f"row-{label}"
        return ClaimFileError(name, f"row {label}, column {e.column!r}", cid, e.reason)
    out: dict[str, Any] = {k: v for k, v in cells.items() if v is not None and k in PLAIN_FIELDS}
    out.setdefault("id", f"row-{label}")
    out["id"] = str(out["id"])
    value = figure_of(out.get("value"), cells.get("low"), cells.get("high"), cells.get("best"))
    if value is not None:
        out["value"] = value
    source = source_spec(out.get("source"), cells.get("source_kind"), cells.get("source_party"))
    if source is not None:
        out["source"] = source
    return out


def figure_of(value: Any, low: Any, high: Any, best: Any) -> Any:
    """The ``value`` of a row: its ``value`` cell, else the figure its ``low``/``high``/``best`` cells give."""
    if value is not None or (low is None and high is None and best is None):
        return value
    if low is None and high is None:
        return best
    spec: dict[str, Any] = {"hedge": "range"}
    if low is not None:
        spec["low"] = low
    if high is not None:
        spec["high"] = high
    if best is not None:
        spec["point"] = best
    return spec


def source_spec(source: Any, kind: Any, party: Any) -> Any:
    """The ``source`` of a row: a name, or ``{name, kind, party}`` when the row gives a kind or a party."""
    if (kind is None and party is None) or not isinstance(source, str):
        return source
    spec: dict[str, Any] = {"name": source}
    if kind is not None:
        spec["kind"] = kind
    if party is not None:
        spec["party"] = party
    return spec


@functools.cache
def _no_lines() -> Mapping[str, int]:
    return {}


NO_LINES = _no_lines  # rows of a table have labels, not lines


def location_index(e: ClaimFileError) -> int:
    """The position of the rejected mapping in its chunk (``$.claims[3]...`` is 3), or -1 for the whole chunk."""
    m = _LOCATION.match(e.location)
    return int(m.group(1)) if m else -1


def relocated(
    e: ClaimFileError, labels: Sequence[Hashable], column_of: Mapping[str, str], name: str
) -> ClaimFileError:
    """The loader's error, located by row label and column instead of a path into a document nobody wrote."""
    m = _LOCATION.match(e.location)
    if m is None:
        return ClaimFileError(name, e.location, e.claim_id, e.reason)
    where = row_name(labels[int(m.group(1))])
    field = m.group(2)
    if field and field in column_of:
        where += f", column {column_of[field]!r}"
    elif field:
        where += f", field {field!r}"
    return ClaimFileError(name, where, e.claim_id, e.reason)


def row_name(label: Hashable) -> str:
    """A row as messages name it: ``row 12``, or the line a data set's reader gave it."""
    return label if isinstance(label, str) and label.startswith("line ") else f"row {label}"


def csv_cell(value: Any, column: str) -> str:
    """A cell as the text a claims CSV holds: missing is empty, booleans are true/false."""
    cell = cell_value(value, column)
    if cell is None:
        return ""
    if type(cell) is str:
        return cell
    if cell is True or cell is False:
        return "true" if cell else "false"
    if isinstance(cell, list | dict):
        raise CellError(
            column,
            f"holds a {type(cell).__name__} ({short_repr(cell)}); a claims-CSV cell holds one value",
        )
    return str(cell)
