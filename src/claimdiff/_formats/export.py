"""A report as flat tables: pandas DataFrames (the ``pandas`` extra), Arrow tables and Parquet (``pyarrow``).

Every table has fixed columns of fixed types whatever the data, so a script that reads one
report reads them all: text is pandas' ``string`` dtype, counts are ``Int64``, figures are
``Float64`` (an unbounded side is ``±inf``; a group with no feasible value has ``<NA>``),
instants are ``datetime64[us, UTC]``,
flags are ``boolean``, ``severity`` is an ordered categorical (``info < warning < error``),
and lists are flattened: a group's claims are rows of the ``claims`` table (each with its
``group`` and ``status``), a flag's claims are rows of ``flag_claims``.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from claimdiff._collector import PAUSE
from claimdiff._core.grouping import PerRow
from claimdiff._formats._io import display_name, replace_atomic
from claimdiff._formats.claims_table import claims_table
from claimdiff._formats.groups_table import groups_table, place_text
from claimdiff._formats.quiet_inputs import objects
from claimdiff._formats.table_schema import (
    LIST_SEPARATOR,
    SCHEMA,
    TABLES,
    categories,
)
from claimdiff.exceptions import ClaimFileError, MissingExtraError

if TYPE_CHECKING:
    from claimdiff._core.report import Report

__all__ = [
    "TABLES",
    "report_arrow",
    "report_columns",
    "report_frame",
    "report_schema",
    "write_report_parquet",
]

#: Where the report's JSON Schema lives inside the package.
REPORT_SCHEMA_RESOURCE = "schema/report.schema.json"


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`Report.to_dict` and ``claimdiff check --format json``.

    Objects are open and ``kind`` is any lower-case name, so a report from a later release of
    the same contract version, with new keys or new flag kinds, still validates.

    >>> schema = report_schema()
    >>> schema["properties"]["version"], schema["$defs"]["flag"]["properties"]["kind"]["type"]
    ({'const': 1}, 'string')
    """
    from importlib.resources import files  # noqa: PLC0415 - only when asked for

    text = files("claimdiff").joinpath(REPORT_SCHEMA_RESOURCE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def report_columns(report: Report, table: str) -> dict[str, list[Any]]:
    """One table of ``report`` as plain Python columns: the data behind :func:`report_frame` and :func:`report_arrow`.

    >>> from claimdiff import Claim, Scope, reconcile
    >>> report = reconcile([Claim(id="a", metric="killed", estimate="at least 14", scope=Scope(counted="people"),
    ...                           source="MoD")])
    >>> cols = report_columns(report, "claims")
    >>> cols["id"], cols["group"], cols["status"], cols["low"], cols["high"]
    (['a'], ['g1'], ['supporting'], [14.0], [inf])

    Raises:
        ValueError: ``table`` is not one of :data:`TABLES`.
    """
    return {name: list(column) for name, column in _table_arrays(report, table).items()}


def _table_arrays(report: Report, table: str) -> dict[str, Sequence[Any]]:
    """One table's columns, each a sequence of Python values (the groups table's: numpy arrays of objects)."""
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)} (got {table!r})")
    with PAUSE:  # the rows, and the groups built to fill them, are many small acyclic objects
        if table == "groups":
            cells = groups_table(report)
            return {name: column for (name, _), column in zip(SCHEMA[table], cells, strict=True)}
        if table == "claims":
            return claims_table(report)
        rows = _ROWS[table](report)
        return {name: [row[name] for row in rows] for name, _kind in SCHEMA[table]}


def _flag_rows(report: Report) -> list[dict[str, Any]]:
    return [
        {
            "flag": i,
            "kind": f.kind.value,
            "severity": f.severity.value,
            "group": f.group,
            "n_claims": len(f.claims),
            "claims": LIST_SEPARATOR.join(f.claims),
            "message": f.message,
            "gap": f.gap,
            "relative_gap": f.relative_gap,
            "unit": f.unit,
            "tags": LIST_SEPARATOR.join(f.tags),
        }
        for i, f in enumerate(report.flags)
    ]


def _flag_claim_rows(report: Report) -> list[dict[str, Any]]:
    return [
        {"flag": i, "kind": f.kind.value, "severity": f.severity.value, "claim": cid}
        for i, f in enumerate(report.flags)
        for cid in f.claims
    ]


def _rejected_rows(report: Report) -> list[dict[str, Any]]:
    return [{"claim": r.claim_id, "reason": r.reason} for r in report.rejected]


def _derived_rows(report: Report) -> list[dict[str, Any]]:
    return [
        {
            "metric": d.metric,
            "counted": d.counted,
            "place": place_text(d.place),
            "event": d.event,
            "group": d.group,
            "low": d.low,
            "high": math.inf if d.high is None else d.high,
            "claims": LIST_SEPARATOR.join(d.claims),
            "relations": LIST_SEPARATOR.join(d.relations),
            "message": d.message,
        }
        for d in report.derived
    ]


_ROWS: Mapping[str, Callable[[Report], list[dict[str, Any]]]] = {
    "flags": _flag_rows,
    "rejected": _rejected_rows,
    "derived": _derived_rows,
    "flag_claims": _flag_claim_rows,
}


def report_frame(report: Report, table: str) -> Any:
    """One table of ``report`` as a :class:`pandas.DataFrame` with fixed columns and dtypes (see the module docstring).

    Raises:
        ValueError: ``table`` is not one of :data:`TABLES`.
        MissingExtraError: pandas is not installed; the message names the extra to install.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
    except ImportError as e:
        raise MissingExtraError("Report.to_dataframe()", "pandas") from e
    # The columns are typed under the pause too: the cells let go, and pandas' own, are many small acyclic objects.
    with PAUSE:
        return _frame(pd, _table_arrays(report, table), table)


def _frame(pd: Any, columns: dict[str, Sequence[Any]], table: str) -> Any:
    """The frame of one table's columns (:func:`_table_arrays`), each typed by its kind in :data:`SCHEMA`."""
    data: dict[str, Any] = {}
    # Each column is let go once typed: the table's cells and the frame's are never all held at once.
    for name, kind in SCHEMA[table]:
        values = columns.pop(name)
        if kind == "time":
            seconds = (
                typed_array(pd, values.values, "Float64").take(values.codes)
                if isinstance(values, PerRow)  # typed once per distinct cell, taken by code
                else pd.array(values, dtype="Float64")
            )
            data[name] = pd.to_datetime(seconds, unit="s", utc=True).astype("datetime64[us, UTC]")
        elif kind in ("severity", "kind"):
            data[name] = _categorical(pd, values, kind)
        elif isinstance(values, PerRow):  # typed once per distinct cell, taken by code
            data[name] = typed_array(pd, values.values, _PANDAS[kind]).take(values.codes)
        else:
            data[name] = typed_array(pd, values, _PANDAS[kind])
    # The columns are new arrays made here: the frame takes them as they are (pandas would copy each).
    return pd.DataFrame(data, columns=[name for name, _ in SCHEMA[table]], copy=False)


def _categorical(pd: Any, values: Sequence[Any], kind: str) -> Any:
    """A ``severity`` or ``kind`` column as a categorical holding every value of its kind (see the module docstring).

    A column by code (:class:`~claimdiff._core.grouping.PerRow`) finds each distinct cell's category once and takes
    the categories' codes by the rows' codes; a cell of no category is missing, as in ``pandas.Categorical``.

    >>> import numpy as np, pandas as pd
    >>> _categorical(pd, PerRow(np.array([1, 0, 2]), [None, "error", "warning"]), "severity").tolist()
    ['error', nan, 'warning']
    """
    cats = categories(kind)
    ordered = kind == "severity"
    if isinstance(values, PerRow):
        import numpy as np  # noqa: PLC0415 - a column by code is a numpy array of codes already

        at = {c: k for k, c in enumerate(cats)}
        cells = values.values  # noqa: PD011 - a PerRow's distinct cells, not a pandas object's
        found = np.fromiter((at.get(v, -1) for v in cells), np.int64, len(cells))
        return pd.Categorical.from_codes(found[values.codes], categories=cats, ordered=ordered)
    return pd.Categorical(values, categories=cats, ordered=ordered)


_PANDAS = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}
#: The masked dtypes built from a numpy array and a mask of missing cells: their numpy type, their pandas array
#: class, and the kinds of values (``pandas.api.types.infer_dtype``) they are built from so.
_MASKED = {
    "Float64": ("float64", "FloatingArray", {"floating", "integer", "mixed-integer-float"}),
    "Int64": ("int64", "IntegerArray", {"integer"}),
    "boolean": ("bool", "BooleanArray", {"boolean"}),
}


def typed_array(pd: Any, values: Sequence[Any], dtype: str) -> Any:
    """``pd.array(values, dtype=dtype)``; a column of plain numbers or flags (and missing cells) built from numpy.

    >>> import pandas as pd
    >>> typed_array(pd, [1.5, None, float("nan"), 2], "Float64").tolist()
    [1.5, <NA>, <NA>, 2.0]
    """
    if dtype == "string" and len(values):
        return _text_array(pd, objects(values))
    plain = _MASKED.get(dtype)
    if plain is None or not len(values):
        return pd.array(values, dtype=dtype)
    cells = objects(values)
    if pd.api.types.infer_dtype(cells, skipna=True) not in plain[2]:
        return pd.array(values, dtype=dtype)
    missing = pd.isna(cells)
    try:
        data = cells.copy()
        data[missing] = 0
        return getattr(pd.arrays, plain[1])(data.astype(plain[0]), missing)
    except OverflowError:  # an integer beyond 64 bits: pandas says what it makes of it
        return pd.array(values, dtype=dtype)


def _text_array(pd: Any, cells: Any) -> Any:
    """``pd.array(cells, dtype="string")`` for a numpy array of objects; text and missing cells handed to Arrow at once.

    pandas checks and converts a column of text cell by cell; when its ``string`` dtype is held by Arrow and
    every cell is text or missing, Arrow makes the same array from the cells in one pass.
    """
    text = pd.StringDtype()
    if text.storage != "pyarrow" or pd.api.types.infer_dtype(cells, skipna=True) not in (
        "string",
        "empty",
    ):
        return pd.array(cells, dtype=text)
    pa = _pyarrow()
    return pd.array(pa.array(cells, type=pa.large_string(), from_pandas=True), dtype=text)


def _pyarrow() -> Any:
    try:
        import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
    except ImportError as e:
        raise MissingExtraError("Arrow and Parquet export", "pyarrow") from e
    return pa


def report_arrow(report: Report, table: str) -> Any:
    """One table of ``report`` as a ``pyarrow.Table``, with the same columns as :meth:`Report.to_dataframe`.

    Severity and kind are dictionary-encoded text holding every value (severity ordered, ``info < warning <
    error``); instants are UTC timestamps in microseconds.

    >>> from claimdiff import load_claims, reconcile
    >>> table = report_arrow(reconcile(load_claims("seeds/belgorod-2023-12-30.yaml")), "flags")
    >>> table.num_rows, str(table.schema.field("severity").type.value_type)
    (2, 'string')

    Raises:
        ValueError: ``table`` is not one of :data:`REPORT_TABLES`.
        MissingExtraError: pyarrow is not installed (``pip install 'claimdiff[pyarrow]'``).
    """
    columns = _table_arrays(report, table)
    pa = _pyarrow()
    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "time": pa.timestamp("us", tz="UTC"),
    }
    arrays = []
    for name, kind in SCHEMA[table]:
        values = columns.pop(name)  # let go once converted, as in report_frame
        if kind == "time":
            values = [None if v is None else round(v * 1_000_000) for v in values]
            arrays.append(pa.array(values, type=pa.int64()).cast(types["time"]))
        elif kind in ("severity", "kind"):
            cats = categories(kind)
            code = {c: k for k, c in enumerate(cats)}
            codes = pa.array([None if v is None else code[v] for v in values], type=pa.int32())
            arrays.append(
                pa.DictionaryArray.from_arrays(
                    codes, pa.array(cats, type=pa.string()), ordered=kind == "severity"
                )
            )
        elif isinstance(values, PerRow):  # made once per distinct cell, taken by code
            arrays.append(pa.array(values.values, type=types[kind]).take(values.codes))
        else:
            arrays.append(pa.array(values, type=types[kind]))
    return pa.Table.from_arrays(arrays, names=[name for name, _ in SCHEMA[table]])


def write_report_parquet(report: Report, directory: str | os.PathLike[str]) -> list[str]:
    """Write every table of ``report`` as ``<directory>/<table>.parquet``; return the paths written.

    Each file is written whole to a temporary file and then renamed into place. Read back with pandas
    (``pandas.read_parquet``), a table has the dtypes of :meth:`Report.to_dataframe` (nullable ``Int64``,
    ``Float64``, ``boolean`` and ``string``, an ordered ``severity``); read with pyarrow, the types of
    :func:`report_arrow`. A table with no rows reads back with no severity categories: Parquet keeps a
    dictionary's values with its rows.

    >>> import os, tempfile
    >>> from claimdiff import load_claims, reconcile
    >>> paths = write_report_parquet(reconcile(load_claims("seeds/belgorod-2023-12-30.yaml")), tempfile.mkdtemp())
    >>> [os.path.basename(p) for p in paths]
    ['groups.parquet', 'flags.parquet', 'rejected.parquet', 'derived.parquet', 'claims.parquet', 'flag_claims.parquet']

    Raises:
        MissingExtraError: pyarrow is not installed (``pip install 'claimdiff[pyarrow]'``).
        ClaimFileError: A file cannot be written.
    """
    pa = _pyarrow()  # the error that names the extra, if pyarrow is missing
    import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as e:
        raise ClaimFileError(
            display_name(directory), "$", None, f"cannot be written ({e.strerror or e})"
        ) from e
    written = []
    for table in TABLES:
        path = os.path.join(os.fspath(directory), f"{table}.parquet")
        arrow = report_arrow(report, table)
        metadata = _pandas_metadata(report, table, pa)
        if metadata is not None:
            arrow = arrow.replace_schema_metadata(metadata)
        replace_atomic(path, functools.partial(_write_parquet, pq, arrow))
        written.append(path)
    return written


def _write_parquet(pq: Any, table: Any, path: str) -> None:
    pq.write_table(table, path)


def _pandas_metadata(report: Report, table: str, pa: Any) -> dict[bytes, bytes] | None:
    """The schema metadata pandas reads its dtypes back from (``None`` without pandas: nobody reads it then)."""
    try:
        empty = report_frame(
            attrs.evolve(report, groups=(), flags=(), rejected=(), claims=(), derived=()), table
        )
    except MissingExtraError:
        return None
    meta: dict[bytes, bytes] = pa.Table.from_pandas(empty, preserve_index=False).schema.metadata
    return meta
