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

import numpy as np

from claimdiff._formats.build import document_context, duplicate_reason
from claimdiff._formats.claims_file import LoadedClaims, load_document
from claimdiff._formats.columnar import BAD, Coded, Fields, coded, combine, distinct, entry_outcome, failed, fast_claims, settle
from claimdiff._formats.csv_format import COLUMNS as CSV_COLUMNS
from claimdiff._formats.csv_format import (
    VALUE_COLUMNS,
    CellError,
    parse_rows,
    parse_via,
    source_cell,
    spelled_cell,
    unescape_cell,
    value_cell,
)
from claimdiff._formats.documents import MAX_DEPTH
from claimdiff._formats.schema import digits, short_repr
from claimdiff._model.claim import Claim, rounded_data
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
# A table is read in columns, this many rows at a time, so that memory stays bounded whatever its length.
_TABLE_CHUNK = 100_000
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
    return _joined(field, parts)


def _joined(field: str, parts: Sequence[Any]) -> Any:
    """The value of a field given in several columns: a place path from its parts, else the list of them."""
    given = [p for p in parts if p is not None]
    if not given:
        return None
    return " > ".join(str(p) for p in given) if field == "place" else given


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
    value = _figure(out.get("value"), cells.get("low"), cells.get("high"), cells.get("best"))
    if value is not None:
        out["value"] = value
    source = _source_spec(out.get("source"), cells.get("source_kind"), cells.get("source_party"))
    if source is not None:
        out["source"] = source
    return out


def _figure(value: Any, low: Any, high: Any, best: Any) -> Any:
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


def _source_spec(source: Any, kind: Any, party: Any) -> Any:
    """The ``source`` of a row: a name, or ``{name, kind, party}`` when the row gives a kind or a party."""
    if (kind is None and party is None) or not isinstance(source, str):
        return source
    spec: dict[str, Any] = {"name": source}
    if kind is not None:
        spec["kind"] = kind
    if party is not None:
        spec["party"] = party
    return spec


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
            figures do, rather than being exact (see :func:`claimdiff.Precision`).

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
    where = _row_name(labels[int(m.group(1))])
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
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise InvalidClaimError(None, "columns", unknown, f"are not claim fields; use some of {', '.join(FIELDS)}")
    wanted = {c for spec in columns.values() for c in ([spec] if isinstance(spec, str) else spec)}
    missing = sorted(wanted - set(names))
    if missing:
        raise ClaimFileError(name, "$", None, f"has no column {', '.join(map(repr, missing))} (columns: {names})")
    if wanted & twice:
        raise ClaimFileError(name, "$", None, f"has two columns named {min(wanted & twice)!r}; name each column once")
    loaded = _read_table(df, _FrameReader(columns, position, name), defaults, name, hedges, vocabulary)
    return _rounded(loaded) if rounded else loaded


class _FrameReader:
    """A chunk of a table whose columns are named field by field (``columns=``) as claims-file fields."""

    def __init__(self, columns: Mapping[str, str | Sequence[str]], position: Mapping[str, int], name: str) -> None:
        self.columns = columns
        self.position = position
        self.name = name
        self.used = sorted({c for spec in columns.values() for c in ([spec] if isinstance(spec, str) else spec)})
        column_of = {f: (c if isinstance(c, str) else ", ".join(c)) for f, c in columns.items()}
        figure = column_of.get("value") or column_of.get("best") or column_of.get("low") or column_of.get("high")
        if figure is not None:
            column_of["value"] = figure
        self.column_of = column_of

    def fields(self, part: Any, labels: list[Hashable]) -> Fields:
        """The chunk's fields, each distinct cell read once (:func:`cell_value`)."""
        raw: dict[str, Coded] = {c: distinct(part.iloc[:, self.position[c]]) for c in self.used}
        read: dict[str, Coded] = {}
        for f, spec in self.columns.items():
            if isinstance(spec, str):
                read[f] = coded(raw[spec], functools.partial(_read_cell, field=f))
                continue
            if not spec:  # no column: never given
                read[f] = np.full(len(labels), -1, dtype=np.intp), []
                continue
            codes, combos = combine([coded(raw[c], functools.partial(_read_cell, field=f)) for c in spec])
            read[f] = codes, [BAD if any(p is BAD for p in combo) else _joined(f, combo) for combo in combos]
        slow = np.zeros(len(labels), dtype=bool)
        for column in read.values():
            slow |= failed(column)
        out = {f: read[f] for f in _PLAIN if f in read}
        if "id" in out:
            out["id"] = coded(out["id"], lambda v: v if v is None or v is BAD else str(v))
        figure = [f for f in ("value", "low", "high", "best") if f in read]
        if figure != ["value"] and figure:
            codes, combos = combine([read[f] for f in figure])
            out["value"] = codes, [_figure(*(dict(zip(figure, combo, strict=True)).get(f) for f in
                                            ("value", "low", "high", "best"))) for combo in combos]
        if "source_kind" in read or "source_party" in read:
            parts = [f for f in ("source", "source_kind", "source_party") if f in read]
            codes, combos = combine([read[f] for f in parts])
            out["source"] = codes, [_source_spec(*(dict(zip(parts, combo, strict=True)).get(f) for f in
                                                   ("source", "source_kind", "source_party"))) for combo in combos]
        return Fields(labels=labels, columns=out, slow=slow)

    def slow(self, part: Any, rows: list[int], labels: list[Hashable]) -> list[Any]:
        """The claims-file entries of the chunk's rows ``rows`` (or the error a cell gave), for the full reader."""
        data = {c: part.iloc[rows, self.position[c]].tolist() for c in self.used}
        return [_claim_mapping({c: data[c][k] for c in self.used}, self.columns, labels[i], self.name)
                for k, i in enumerate(rows)]


def _read_cell(value: Any, field: str) -> Any:
    try:
        return cell_value(value, field)
    except CellError:
        return BAD


class _CsvReader:
    """A chunk of a table in the claims-CSV columns, read as the CSV reader reads a file's rows."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.column_of = {c: c for c in names}

    def fields(self, part: Any, labels: list[Hashable]) -> Fields:
        """The chunk's fields, each distinct cell read once by the CSV reader's cell rules."""
        cells = {c: coded(distinct(part.iloc[:, i]), functools.partial(_csv_text, column=c))
                 for i, c in enumerate(self.names)}
        slow = np.zeros(len(labels), dtype=bool)
        for column in cells.values():
            slow |= failed(column)
        if "rank" in cells:  # the plain reader leaves a rank to the full one
            slow |= cells["rank"][0] >= 0
        out = {c: cells[c] for c in _TEXT_FIELDS if c in cells}
        spelled = [c for c in self.names if c in VALUE_COLUMNS]
        if spelled or "value" in cells:
            figure = [c for c in ("value", *spelled) if c in cells]
            codes, combos = combine([cells[c] for c in figure])
            out["value"] = codes, [_csv_figure(dict(zip(figure, combo, strict=True))) for combo in combos]
        if "source" in cells:
            parts = [c for c in ("source", "source_kind", "source_party", "source_reliability") if c in cells]
            codes, combos = combine([cells[c] for c in parts])
            out["source"] = codes, [_csv_source(dict(zip(parts, combo, strict=True))) for combo in combos]
        elif any(c in cells for c in ("source_kind", "source_party", "source_reliability")):
            slow[:] = True  # a kind without a source: the full reader says so
        if "via" in cells:
            out["via"] = coded(cells["via"], _csv_via)
        for column in out.values():
            slow |= failed(column)
        return Fields(labels=labels, columns=out, slow=slow)

    def slow(self, part: Any, rows: list[int], labels: list[Hashable]) -> list[Any]:
        """The claims-file entries of the chunk's rows ``rows`` (or the error a cell gave), for the full reader."""
        data = [part.iloc[rows, i].tolist() for i in range(len(self.names))]
        doc, _ = parse_rows(self.names, enumerate(zip(*data, strict=True)), "", cell=_csv_cell)
        return list(doc["claims"])


_TEXT_FIELDS = ("id", "metric", "counted", "unit", "place", "event", "period", "stated", "quote", "location", "note",
                "part_of")


def _csv_text(value: Any, column: str) -> Any:
    """A claims-CSV cell as the text the CSV reader reads (unescaped), ``None`` when empty, :data:`BAD` if unreadable."""
    try:
        text = _csv_cell(value, column)
    except CellError:
        return BAD
    return (unescape_cell(text) if text[:1] == "'" else text) or None


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


def _read_table(
    df: Any, reader: _FrameReader | _CsvReader, defaults: Mapping[str, Any] | None, name: str, hedges: HedgePolicy,
    vocabulary: Vocabulary,
) -> LoadedClaims:
    """Read a table chunk by chunk: the plain rows in columns, the others one by one by the full claims-file reader."""
    claims: list[Claim] = []
    rejected: list[ClaimFileError] = []
    if len(df) == 0:
        return LoadedClaims(path=name, claims=(), rejected=())
    given = {k: clean_cell(v, strip=False) for k, v in (defaults or {}).items()}
    shared = {k: v for k, v in given.items() if v is not None}
    doc: dict[str, Any] = {"claims": [], "defaults": shared} if shared else {"claims": []}
    ctx = document_context(doc, _NO_LINES, name, hedges, vocabulary)
    labels = list(df.index)
    column_of = reader.column_of
    seen: dict[str, Hashable] = {}

    def duplicate(label: Hashable, cid: str, clash: str, first: Hashable) -> ClaimFileError:
        e = ClaimFileError(name, "$.claims[0].id", cid, duplicate_reason(clash, _row_name(first)))
        return _relocated(e, [label], column_of, name)

    for start in range(0, len(df), _TABLE_CHUNK):
        part = df.iloc[start : start + _TABLE_CHUNK]
        here = labels[start : start + _TABLE_CHUNK]
        fast: list[Any] = fast_claims(reader.fields(part, here), ctx)
        rows = [i for i, c in enumerate(fast) if c is None]
        if rows:
            slow_labels = [here[i] for i in rows]
            for k, (i, entry) in enumerate(zip(rows, reader.slow(part, rows, here), strict=True)):
                fast[i] = entry_outcome(entry, k, ctx, lambda e: _relocated(e, slow_labels, column_of, name))
        settle(zip(here, fast, strict=True), seen=seen, duplicate=duplicate, claims=claims, rejected=rejected)
    return LoadedClaims(path=name, claims=tuple(claims), rejected=tuple(rejected))


def _row_name(label: Hashable) -> str:
    """A row as messages name it: ``row 12``, or the line a data set's reader gave it."""
    return label if isinstance(label, str) and label.startswith("line ") else f"row {label}"


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
    parse_rows(names, (), name)  # the header alone: an unknown or repeated column is refused as in a file
    at = {n: i for i, n in enumerate(names)}
    if "cumulative" in at and any(_csv_text(v, "cumulative") is not None for v in distinct(df.iloc[:, at["cumulative"]])[1]):
        # `cumulative` cells define metrics for the whole table: read as a file is, all rows at once.
        data = [df.iloc[:, i].tolist() for i in range(len(names))]
        doc, _ = parse_rows(names, enumerate(zip(*data, strict=True)), name, cell=_csv_cell)
        loaded = load_document(doc, _NO_LINES, path=name, hedges=hedges, vocabulary=vocabulary)
        labels = list(df.index)
        same = {c: c for c in names}
        return attrs.evolve(loaded, rejected=tuple(_relocated(e, labels, same, name) for e in loaded.rejected))
    return _read_table(df, _CsvReader(names), None, name, hedges, vocabulary)


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
