"""Claims from tables: a pandas DataFrame, or any rows of cells, read as claims-file claims.

A table is checked exactly as a claims file is: the same fields, the same hedges, the same errors. A
DataFrame is read in columns (:mod:`claimdiff._formats.table_columns`): each distinct cell once, plain
rows built straight from columns, any other row read by the claims-file reader itself, chunk by chunk, so
a table of any length reads in bounded memory. Rows of cells (:func:`claims_from_rows`) and the data sets'
readers (:func:`read_mappings`) turn each row into the mapping a claims file would hold. Cells follow one
rule (:mod:`claimdiff._formats.cells`): NaN, ``None``, ``pd.NA``, ``NaT`` and empty text are *missing*,
never the text "nan". A row that cannot be read is rejected with its reason, naming the row label and the
column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from claimdiff._formats.cells import (
    FIELDS,
    NO_LINES,
    cell_value,
    claim_mapping,
    clean_cell,
    column_names,
    csv_cell,
    location_index,
    relocated,
)
from claimdiff._formats.claims_file import LoadedClaims, load_document
from claimdiff._formats.columnar import distinct
from claimdiff._formats.csv_format import COLUMNS as CSV_COLUMNS
from claimdiff._formats.csv_format import parse_rows
from claimdiff._formats.table_columns import CsvReader, FrameReader, csv_text, read_table
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy
from claimdiff._model.rounded import rounded_data
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from claimdiff.exceptions import ClaimFileError, InvalidClaimError

__all__ = [
    "FIELDS",
    "cell_value",
    "claims_from_csv_table",
    "claims_from_dataframe",
    "claims_from_rows",
    "clean_cell",
    "read_mappings",
]

# Rows of cells are read in chunks, so that only one chunk's mappings are held at once.
_CHUNK = 20_000


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
        raise InvalidClaimError(
            None, "columns", unknown, f"are not claim fields; use some of {', '.join(FIELDS)}"
        )
    column_of = column_names(columns)
    label_list = list(labels) if labels is not None else None
    mappings = (
        (label, claim_mapping(row, columns, label, name))
        for label, row in (
            (label_list[i] if label_list is not None else i, row) for i, row in enumerate(rows)
        )
    )
    loaded = read_mappings(
        mappings,
        column_of=column_of,
        defaults=defaults,
        name=name,
        hedges=hedges,
        vocabulary=vocabulary,
    )
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
        loaded = load_document(doc, NO_LINES, path=name, hedges=hedges, vocabulary=vocabulary)
        claims.extend(loaded.claims)
        found = [
            (location_index(e), relocated(e, chunk_labels, cols, name)) for e in loaded.rejected
        ]
        merged = sorted(
            [(pos, 0, e) for pos, e in ready] + [(pos, 1, e) for pos, e in found],
            key=lambda t: t[:2],
        )
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
            raise ClaimFileError(
                name, "$", None, f"has two columns named {min(twice)!r}; name each column once"
            )
        loaded = claims_from_csv_table(df, name=name, hedges=hedges, vocabulary=vocabulary)
        return _rounded(loaded) if rounded else loaded
    if columns is None:
        columns = {f: f for f in FIELDS if f in names}
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise InvalidClaimError(
            None, "columns", unknown, f"are not claim fields; use some of {', '.join(FIELDS)}"
        )
    wanted = {c for spec in columns.values() for c in ([spec] if isinstance(spec, str) else spec)}
    missing = sorted(wanted - set(names))
    if missing:
        raise ClaimFileError(
            name, "$", None, f"has no column {', '.join(map(repr, missing))} (columns: {names})"
        )
    if wanted & twice:
        raise ClaimFileError(
            name, "$", None, f"has two columns named {min(wanted & twice)!r}; name each column once"
        )
    loaded = read_table(
        df, FrameReader(columns, position, name), defaults, name, hedges, vocabulary
    )
    return _rounded(loaded) if rounded else loaded


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
    parse_rows(
        names, (), name
    )  # the header alone: an unknown or repeated column is refused as in a file
    at = {n: i for i, n in enumerate(names)}
    if "cumulative" in at and any(
        csv_text(v, "cumulative") is not None for v in distinct(df.iloc[:, at["cumulative"]])[1]
    ):
        # `cumulative` cells define metrics for the whole table: read as a file is, all rows at once.
        data = [df.iloc[:, i].tolist() for i in range(len(names))]
        doc, _ = parse_rows(names, enumerate(zip(*data, strict=True)), name, cell=csv_cell)
        loaded = load_document(doc, NO_LINES, path=name, hedges=hedges, vocabulary=vocabulary)
        labels = list(df.index)
        same = {c: c for c in names}
        return attrs.evolve(
            loaded, rejected=tuple(relocated(e, labels, same, name) for e in loaded.rejected)
        )
    return read_table(df, CsvReader(names), None, name, hedges, vocabulary)
