"""Claims from tables: a pandas DataFrame, or any rows of cells, read as claims-file claims.

A row becomes the mapping a claims file would hold (``id``, ``metric``, ``counted``, ``value``,
...) and is then read by the claims-file loader itself, so a table is checked exactly as a file
is: the same fields, the same hedges, the same errors. Cells are cleaned first: numpy and
pandas scalars become Python values, and NaN, ``None``, ``pd.NA``, ``NaT`` and empty text are
*missing* (the field is left out, so defaults apply), never the text "nan". A row that cannot be
read is rejected with its reason, naming the row label and the column.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import functools
import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from claimdiff._formats.claims_file import LoadedClaims, load_document
from claimdiff._formats.csv_format import COLUMNS as CSV_COLUMNS
from claimdiff._formats.csv_format import CellError, parse_rows
from claimdiff._formats.documents import MAX_DEPTH
from claimdiff._formats.schema import digits, short_repr
from claimdiff._model.claim import rounded_data
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from claimdiff.exceptions import ClaimFileError, InvalidClaimError

__all__ = ["FIELDS", "cell_value", "claims_from_csv_table", "claims_from_dataframe", "claims_from_rows", "clean_cell",
           "read_mappings"]

#: The fields a column may fill: the claims-file fields, plus ``low``/``high``/``best`` for a figure
#: given as numbers in several columns, and ``source_kind``/``source_party`` as in the CSV format.
FIELDS = (
    "id", "metric", "counted", "value", "unit", "low", "high", "best", "place", "event", "period", "stated",
    "source", "source_kind", "source_party", "via", "quote", "location", "note", "part_of",
)
# A long table is read in chunks of rows, so that only one chunk's mappings are held at once.
_CHUNK = 20_000
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
        return (value.strip() if strip else value) or None
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
    elif not isinstance(value, str | bytes) and hasattr(value, "item") and hasattr(value, "dtype"):  # numpy scalar
        with contextlib.suppress(ValueError):  # an array of several values is no scalar: left as it is
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
    claimdiff._formats.csv_format.CellError: ('best', "is inf; only a 'high' cell may be unbounded (+inf), or a 'low' one (-inf)")

    Raises:
        CellError: The cell cannot be a field's value; ``column`` is ``field``.
    """
    return _plain(clean_cell(value, strip=False), field, 0)


def _plain(cell: Any, field: str, depth: int) -> Any:
    kind = type(cell)
    if cell is None or kind is str or kind is bool:
        return cell
    if kind is int:
        if cell.bit_length() > 1024:  # beyond 1.8e308: refused with its size, never read as infinity
            raise CellError(field, f"is an integer of {digits(cell):,} digits, beyond the largest figure claimdiff "
                                   "reads (about 1.8e308)")
        return cell
    if kind is float:
        if math.isfinite(cell):
            return cell
        if _OPEN.get(field) == cell:
            return "inf" if cell > 0 else "-inf"
        raise CellError(field, f"is {cell}; only a 'high' cell may be unbounded (+inf), or a 'low' one (-inf)")
    for base in (bool, int, float, str):  # an enum or other subclass of a plain type reads as that type
        if isinstance(cell, base):
            return _plain(base(cell), field, depth)
    if isinstance(cell, list | dict) and depth >= MAX_DEPTH:
        raise CellError(field, f"is nested more than {MAX_DEPTH} levels deep")
    if isinstance(cell, list):
        return [_plain(v, field, depth + 1) for v in cell]
    if isinstance(cell, dict):
        if not all(isinstance(k, str) for k in cell):
            raise CellError(field, f"holds a mapping whose keys are not all text ({short_repr(cell)})")
        return {k: _plain(clean_cell(v, strip=False), field, depth + 1) for k, v in cell.items()}
    if isinstance(cell, decimal.Decimal):
        raise CellError(field, f"holds a Decimal ({short_repr(cell)}); convert the column to float or to text first")
    raise CellError(field, f"holds a {kind.__name__} ({short_repr(cell)}); a cell holds text, a number, true/false, "
                           "a date, or a list of these")


def _field_value(columns: Mapping[str, str | Sequence[str]], field: str, row: Mapping[str, Any]) -> Any:
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
    parts = [p for p in parts if p is not None]
    if not parts:
        return None
    return " > ".join(str(p) for p in parts) if field == "place" else parts


def _claim_mapping(
    row: Mapping[str, Any], columns: Mapping[str, str | Sequence[str]], label: Hashable, name: str
) -> dict[str, Any] | ClaimFileError:
    try:
        cells = {f: _field_value(columns, f, row) for f in columns}
    except CellError as e:
        id_column = columns.get("id")
        raw_id = row.get(id_column) if isinstance(id_column, str) else None
        cid = raw_id if isinstance(raw_id, str) and raw_id else f"row-{label}"
        return ClaimFileError(name, f"row {label}, column {e.column!r}", cid, e.reason)
    out: dict[str, Any] = {k: v for k, v in cells.items() if v is not None and k in _PLAIN}
    out.setdefault("id", f"row-{label}")
    out["id"] = str(out["id"])
    low, high, best = cells.get("low"), cells.get("high"), cells.get("best")
    if "value" not in out and (low is not None or high is not None or best is not None):
        if low is None and high is None:
            out["value"] = best
        else:
            spec: dict[str, Any] = {"hedge": "range"}
            if low is not None:
                spec["low"] = low
            if high is not None:
                spec["high"] = high
            if best is not None:
                spec["point"] = best
            out["value"] = spec
    kind, party = cells.get("source_kind"), cells.get("source_party")
    if (kind is not None or party is not None) and isinstance(out.get("source"), str):
        source: dict[str, Any] = {"name": out["source"]}
        if kind is not None:
            source["kind"] = kind
        if party is not None:
            source["party"] = party
        out["source"] = source
    return out


_PLAIN = ("id", "metric", "counted", "value", "unit", "place", "event", "period", "stated", "source", "via", "quote",
          "location", "note", "part_of")


def claims_from_rows(
    rows: Iterable[Mapping[str, Any]],
    *,
    columns: Mapping[str, str | Sequence[str]],
    labels: Iterable[Hashable] | None = None,
    defaults: Mapping[str, Any] | None = None,
    name: str = "<rows>",
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    rounded: bool = False,
) -> LoadedClaims:
    """Read claims from rows of cells (mappings from column name to cell), as :func:`claims_from_dataframe` does.

    >>> loaded = claims_from_rows([{"n": 12, "who": "MoD"}, {"n": -3, "who": "MoD"}],
    ...                           columns={"value": "n", "source": "who"},
    ...                           defaults={"metric": "killed", "counted": "people"})
    >>> [c.id for c in loaded.claims], len(loaded.rejected)
    (['row-0'], 1)
    >>> print(loaded.rejected[0])
    <rows>: claim 'row-1' (row 1, column 'n'): 'value' is a negative count (got '-3').

    Args:
        rows: The rows.
        columns: For each claim field (as for :func:`claims_from_dataframe`), the column that holds it; ``place`` and
            ``via`` may name several columns (a place path from the widest area, several relays).
        labels: A label per row for messages and default ids (``row-<label>``); by default 0, 1, 2, ...
        defaults: Fields every row has unless its cell says otherwise (the claims file's ``defaults:``).
        name: The name of the table in messages.
        hedges: How hedged figures in cells are read.
        vocabulary: The metrics and counted things known.
        rounded: The table's numbers are rounded: they get the precision their digits imply, as worded
            figures do, rather than being exact (see :func:`claimdiff.tolerance.Precision`).

    Returns:
        The claims read, and one rejection per row that could not be read, with its reason.

    Raises:
        InvalidClaimError: ``columns`` names a field claimdiff does not know.
    """
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise InvalidClaimError(None, "columns", unknown, f"are not claim fields; use some of {', '.join(FIELDS)}")
    column_of = {f: (c if isinstance(c, str) else ", ".join(c)) for f, c in columns.items()}
    figure = column_of.get("value") or column_of.get("best") or column_of.get("low") or column_of.get("high")
    if figure is not None:
        column_of["value"] = figure
    label_list = list(labels) if labels is not None else None
    mappings = (
        (label, _claim_mapping(row, columns, label, name))
        for label, row in ((label_list[i] if label_list is not None else i, row) for i, row in enumerate(rows))
    )
    loaded = read_mappings(mappings, column_of=column_of, defaults=defaults, name=name, hedges=hedges,
                           vocabulary=vocabulary)
    return _rounded(loaded) if rounded else loaded


def read_mappings(
    mappings: Iterable[tuple[Hashable, Mapping[str, Any] | ClaimFileError]],
    *,
    column_of: Mapping[str, str] | None = None,
    defaults: Mapping[str, Any] | None = None,
    name: str = "<rows>",
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    extra: Iterable[Any] = (),
) -> LoadedClaims:
    """Read ``(label, claim mapping)`` pairs through the claims-file loader; a ready error is a rejection as is.

    ``column_of`` names the column each field came from, for messages; ``extra`` are
    claims built elsewhere (kept after the claims read here).
    """
    claims: list[Any] = []
    rejected: list[ClaimFileError] = []
    chunk: list[Mapping[str, Any]] = []
    chunk_labels: list[Hashable] = []
    # Rejections made before the loader ran, by the number of mappings before them: merged back in order.
    ready: list[tuple[int, ClaimFileError]] = []
    cols = column_of or {}

    given = {k: clean_cell(v, strip=False) for k, v in (defaults or {}).items()}
    shared = {k: v for k, v in given.items() if v is not None}

    def flush() -> None:
        # The mappings go to the claims-file builder as they are: no text between (a cell's "\r", an infinity or
        # a 5,000-digit number can then only ever reject its own row, located by row and column).
        doc: dict[str, Any] = {"claims": chunk, "defaults": shared} if shared else {"claims": chunk}
        loaded = load_document(doc, _NO_LINES, path=name, hedges=hedges, vocabulary=vocabulary)
        claims.extend(loaded.claims)
        found = [(_index(e), _relocated(e, chunk_labels, cols, name)) for e in loaded.rejected]
        merged = sorted([(pos, 0, e) for pos, e in ready] + [(pos, 1, e) for pos, e in found], key=lambda t: t[:2])
        rejected.extend(e for _, _, e in merged)
        chunk.clear()
        chunk_labels.clear()
        ready.clear()

    for label, mapping in mappings:
        if isinstance(mapping, ClaimFileError):
            ready.append((len(chunk), mapping))
            continue
        chunk.append(mapping)
        chunk_labels.append(label)
        if len(chunk) >= _CHUNK:
            flush()
    if chunk or ready:
        flush()
    claims.extend(extra)
    return LoadedClaims(path=name, claims=tuple(claims), rejected=tuple(rejected))


@functools.cache
def _no_lines() -> Mapping[str, int]:
    return {}


_NO_LINES = _no_lines  # rows of a table have labels, not lines


def _index(e: ClaimFileError) -> int:
    """The position of the rejected mapping in its chunk (``$.claims[3]...`` is 3), or -1 for the whole chunk."""
    m = _LOCATION.match(e.location)
    return int(m.group(1)) if m else -1


def _relocated(e: ClaimFileError, labels: Sequence[Hashable], column_of: Mapping[str, str], name: str) -> ClaimFileError:
    """The loader's error, located by row label and column instead of a path into a document nobody wrote."""
    m = _LOCATION.match(e.location)
    if m is None:
        return ClaimFileError(name, e.location, e.claim_id, e.reason)
    label = labels[int(m.group(1))]
    where = label if isinstance(label, str) and label.startswith("line ") else f"row {label}"
    field = m.group(2)
    if field and field in column_of:
        where += f", column {column_of[field]!r}"
    elif field:
        where += f", field {field!r}"
    return ClaimFileError(name, where, e.claim_id, e.reason)


def claims_from_dataframe(
    df: Any,
    *,
    columns: Mapping[str, str | Sequence[str]] | None = None,
    defaults: Mapping[str, Any] | None = None,
    name: str = "<dataframe>",
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    rounded: bool = False,
) -> LoadedClaims:
    """Read claims from a :class:`pandas.DataFrame`, one claim per row; bad rows are rejected with their reason.

    >>> import pandas as pd, numpy as np
    >>> df = pd.DataFrame({"event": ["e1", "e2", "e3"], "deaths": [np.int64(3), np.nan, 5],
    ...                    "adm1": ["Idlib", None, "Aleppo"]})
    >>> loaded = claims_from_dataframe(df, columns={"id": "event", "best": "deaths", "place": ["adm1"]},
    ...                                defaults={"metric": "killed", "counted": "people", "source": "UCDP"})
    >>> [(c.id, c.low, c.scope.place) for c in loaded.claims]
    [('e1', 3.0, ('Idlib',)), ('e3', 5.0, ('Aleppo',))]
    >>> print(loaded.rejected[0])
    <dataframe>: claim 'e2' (row 1, column 'deaths'): 'value' is required

    Args:
        df: The table.
        columns: For each claim field (``id``, ``metric``, ``counted``, ``value`` or ``low``/``high``/``best``,
            ``unit``, ``place``, ``event``, ``period``, ``stated``, ``source``, ``source_kind``, ``source_party``,
            ``via``, ``quote``, ``location``, ``note``, ``part_of``), the column holding it (or, for ``place``
            and ``via``, a list of columns). By default, every column named like a field; a table whose
            columns are all claims-CSV columns (with ``id``), and no ``defaults``, is read exactly as a
            claims CSV (``via`` cells of several relays, the ``value_*`` columns, ``cumulative``).
        defaults: Fields every row has unless its cell says otherwise.
        name: The name of the table in messages.
        hedges: How hedged figures in cells are read.
        vocabulary: The metrics and counted things known.
        rounded: The table's numbers are rounded, not exact: they get the precision their digits imply.

    Returns:
        :class:`~claimdiff.LoadedClaims`: every row is in ``claims`` or in ``rejected``.

    Raises:
        InvalidClaimError: ``columns`` names a field claimdiff does not know.
        ClaimFileError: ``columns`` names a column the table does not have.

    .. versionadded:: 0.2.0
    """
    names = [str(c) for c in df.columns]  # a label may be a number: it is matched by its text
    position = {n: i for i, n in enumerate(names)}
    twice = {n for n, k in Counter(names).items() if k > 1}
    if columns is None and defaults is None and "id" in names and set(names) <= set(CSV_COLUMNS):
        # A table in the claims-CSV columns is a claims CSV: read it exactly as the CSV reader does (a `via`
        # cell of several relays, the value_* columns, `cumulative`), so that nothing in it is dropped.
        if twice:
            raise ClaimFileError(name, "$", None, f"has two columns named {min(twice)!r}; name each column once")
        loaded = claims_from_csv_table(df, name=name, hedges=hedges, vocabulary=vocabulary)
        return _rounded(loaded) if rounded else loaded
    if columns is None:
        columns = {f: f for f in FIELDS if f in names}
    wanted = {c for spec in columns.values() for c in ([spec] if isinstance(spec, str) else spec)}
    missing = sorted(wanted - set(names))
    if missing:
        raise ClaimFileError(name, "$", None, f"has no column {', '.join(map(repr, missing))} (columns: {names})")
    if wanted & twice:
        raise ClaimFileError(name, "$", None, f"has two columns named {min(wanted & twice)!r}; name each column once")
    used = sorted(wanted)
    data = {c: df.iloc[:, position[c]].tolist() for c in used}
    rows = ({c: data[c][i] for c in used} for i in range(len(df)))
    return claims_from_rows(rows, columns=columns, labels=list(df.index), defaults=defaults, name=name, hedges=hedges,
                            vocabulary=vocabulary, rounded=rounded)


def _rounded(loaded: LoadedClaims) -> LoadedClaims:
    """``loaded`` with the figures its table gave as numbers marked rounded."""
    return attrs.evolve(loaded, claims=tuple(rounded_data(loaded.claims)))


def claims_from_csv_table(
    df: Any,
    *,
    name: str = "<dataframe>",
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> LoadedClaims:
    """Read a table in the claims-CSV columns as the CSV reader reads a file, cell by cell, with no text between.

    Every row is a claim or a rejection naming its row label and column: an empty row too (a table has
    no blank lines to skip).
    """
    names = [str(c) for c in df.columns]
    data = [df.iloc[:, i].tolist() for i in range(len(names))]
    doc, _ = parse_rows(names, enumerate(zip(*data, strict=True)), name, cell=_csv_cell)
    loaded = load_document(doc, _NO_LINES, path=name, hedges=hedges, vocabulary=vocabulary)
    labels = list(df.index)
    same = {c: c for c in names}
    return attrs.evolve(loaded, rejected=tuple(_relocated(e, labels, same, name) for e in loaded.rejected))


def _csv_cell(value: Any, column: str) -> str:
    """A cell as the text a claims CSV holds: missing is empty, booleans are true/false."""
    cell = cell_value(value, column)
    if cell is None:
        return ""
    if type(cell) is str:
        return cell
    if cell is True or cell is False:
        return "true" if cell else "false"
    if isinstance(cell, list | dict):
        raise CellError(column, f"holds a {type(cell).__name__} ({short_repr(cell)}); a claims-CSV cell holds one value")
    return str(cell)
