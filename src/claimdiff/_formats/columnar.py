"""Claims from columns: each distinct cell read once, by the claims-file rules, and spread to its rows.

A table of claims repeats itself: a million rows hold a few metrics, sources, units, days and places,
and a few thousand distinct figures. Here a column is factorized into integer codes and its distinct
cells, and each distinct cell is read once by the very functions the claims-file reader uses for one
claim (:func:`claimdiff._formats.plain` reads a metric, a figure, a period, a place, a source); numpy
then spreads the results to the rows, and a mask marks every row some part of which did not read.
Those rows, and only those, are read again one by one by the full claims-file reader
(:func:`claimdiff._formats.build.build_entry`), which says what is wrong with them in its own words:
a table's claims and rejections are those of the same claims written in a file.

Nothing here knows a table's column names: :mod:`claimdiff._formats.table_columns` turns columns into
the fields of the claims-file form (:class:`Fields`) and hands them here.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Hashable, Mapping, Sequence
from itertools import repeat
from typing import Any

import attrs
import numpy as np

from claimdiff._formats.build import Context
from claimdiff._formats.codes import combine
from claimdiff._formats.plain import _counted, _estimate, _event, _period, _places, _source
from claimdiff._model.claim import check_stated, figure_for
from claimdiff._model.claim_table import FIELDS, ClaimTable
from claimdiff._model.packed_texts import PackedTexts
from claimdiff._model.scope import Scope
from claimdiff.exceptions import ClaimdiffError

__all__ = [
    "BAD",
    "FIGURES_KEPT",
    "Coded",
    "Fast",
    "Fields",
    "coded",
    "combine",
    "distinct",
    "failed",
    "fast_claims",
]

#: A distinct value that does not read (a cell the full reader will reject, with its reason).
BAD: Any = type("_Bad", (), {"__repr__": lambda _self: "BAD", "__slots__": ()})()

#: A table keeps at most this many figures read (a few MB): a table of more reads the others chunk by chunk.
FIGURES_KEPT = 2**14

#: A coded column: each row's code into the distinct values (-1: missing), and the distinct values.
Coded = tuple[np.ndarray, Sequence[Any]]
# Columns of Python objects whose cells are all of one kind, where equal cells read alike (not datetimes: two
# equal instants in different timezones are written, and read, differently).
_ONE_TYPE = frozenset(
    ("string", "empty", "boolean", "integer", "floating", "decimal", "datetime64", "date", "bytes")
)


def distinct(column: Any) -> Coded:
    """A column's cells as integer codes (-1 where missing: NaN, None, NA, NaT) and its distinct cells.

    Cells of different types stay apart: ``1``, ``1.0`` and ``True`` are three cells (a figure, a figure,
    and a value the schema refuses), as are a text and a number that print alike.

    >>> import pandas as pd
    >>> codes, values = distinct(pd.Series(["a", None, "b", "a"]))
    >>> codes.tolist(), values
    ([0, -1, 1, 0], ['a', 'b'])
    >>> distinct(pd.Series([1, True, 1.0, [2]], dtype=object))[1]
    [1, True, 1.0, [2]]
    """
    if not hasattr(column, "dtype"):  # a list of cells (a CSV file's column)
        try:
            import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
        except ImportError:
            return _exact(list(column))
        column = pd.Series(column, dtype=object)
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415 - a table is a pandas object

    if column.dtype == object and pd.api.types.infer_dtype(column, skipna=True) not in _ONE_TYPE:
        return _exact(column.tolist())
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    return np.asarray(codes, dtype=np.intp), uniques.tolist() if hasattr(
        uniques, "tolist"
    ) else list(uniques)


def _exact(cells: list[Any]) -> Coded:
    """Codes keyed by type, value and timezone; a cell that cannot be hashed (a list, an array) is its own value."""
    index: dict[tuple[type, Any, Any], int] = {}
    values: list[Any] = []
    codes = np.empty(len(cells), dtype=np.intp)
    for i, cell in enumerate(cells):
        key: Any = (
            type(cell),
            cell,
            getattr(cell, "tzinfo", None),
        )  # 10:00 UTC is 11:00 in Paris, written apart
        try:
            code = index.get(key)
        except TypeError:  # unhashable
            key, code = None, None
        if code is None:
            code = len(values)
            values.append(cell)
            if key is not None:
                index[key] = code
        codes[i] = code
    return codes, values


def coded(column: Coded, read: Callable[[Any], Any]) -> Coded:
    """``column`` with each distinct value read by ``read`` once (which may give :data:`BAD` or ``None``)."""
    codes, values = column
    return codes, [read(v) for v in values]


def _spread(values: list[Any], codes: np.ndarray, *, missing: Any) -> np.ndarray:
    """Each row's value (``missing`` where its code is -1), as an object array."""
    out = np.empty(len(values) + 1, dtype=object)
    out[: len(values)] = values
    out[len(values)] = missing
    spread: np.ndarray = out[codes]
    return spread


def failed(column: Coded) -> np.ndarray:
    """The rows of a coded column whose value is :data:`BAD`."""
    codes, values = column
    return _failed(values, codes)


def _failed(values: Sequence[Any], codes: np.ndarray) -> np.ndarray:
    bad = np.fromiter(map(operator.is_, values, repeat(BAD)), dtype=bool, count=len(values))
    if not bad.any():
        return np.zeros(len(codes), dtype=bool)
    rows: np.ndarray = np.append(bad, False)[codes]
    return rows


@attrs.frozen
class Fields:
    """A chunk of a table as the fields of the claims-file form, each a coded column of its distinct values.

    A value is what a claims file would hold in that field (``None``: not given); :data:`BAD` marks a
    cell that does not read. ``slow`` marks rows the full reader must read (a cell that does not read,
    a field only it reads); ``labels`` name the rows.
    """

    labels: Sequence[Hashable]
    columns: Mapping[str, Coded]
    slow: np.ndarray

    def get(self, field: str, default: Any = None) -> Coded:
        """The field's column, a missing value where the table gives it none, ``default`` where a cell is missing."""
        column = self.columns.get(field)
        n = len(self.labels)
        if column is None:
            if default is None:
                return np.full(n, -1, dtype=np.intp), []
            return np.zeros(n, dtype=np.intp), [default]
        codes, values = column
        if default is None:
            return codes, values
        values = [default if v is None else v for v in values]
        return np.where(codes < 0, len(values), codes), [*values, default]


def fast_claims(fields: Fields, ctx: Context) -> Fast:
    """The rows that are plain claims the claims-file reader reads without a problem, and their claims as a table.

    The columnar form of :func:`claimdiff._formats.plain.plain_claim`, calling its readers once per
    distinct value (and the checks between a claim's parts once per distinct pair): a row is read here
    only when that reader would give it the same claim. No claim is built: the table builds each when
    asked for.
    """
    slow = fields.slow.copy()
    d = ctx.defaults

    def read(
        field: str, rule: Callable[[Any], Any], *, merged: bool = True, required: bool = False
    ) -> Coded:
        codes, values = fields.get(field, d.get(field) if merged else None)
        out = [(BAD if required else None) if v is None else rule(v) for v in values]
        np.logical_or(slow, _failed(out, codes), out=slow)
        if required:
            np.logical_or(slow, codes < 0, out=slow)
        return codes, out

    def text(v: Any) -> Any:
        return str(v) if type(v) in (str, int, float) else BAD

    # An id the full reader must see is BAD here, an empty id cell too (a row only it reads takes no part).
    ids_codes, ids = fields.get("id")
    blank = [] if _all_named(ids) else [i for i, v in enumerate(ids) if not _named(v)]
    if blank:
        ids = list(ids)  # packed ids too: a few are replaced
        for i in blank:
            ids[i] = BAD
        slow |= _failed(ids, ids_codes)
    m_codes, metrics = read(
        "metric",
        lambda v: (ctx.word("metric", v)[0] or BAD) if type(v) is str else BAD,
        required=True,
    )
    c_codes, counted = read(
        "counted", lambda v: (ctx.word("counted", v)[0] or BAD) if type(v) is str else BAD
    )
    u_codes, units = read("unit", lambda v: v if type(v) is str else BAD)
    v_codes, raw_values = fields.get("value", d.get("value"))
    count = (c_codes >= 0) & _spread(
        [v is not None for v in counted], c_codes, missing=False
    ).astype(bool)
    e_codes, combos = combine(
        [(v_codes, raw_values), (u_codes, units), (count.astype(np.intp), [False, True])]
    )
    estimates = [
        BAD if u is BAD or v is None else _figure_estimate(v, u, bool(c), ctx) for v, u, c in combos
    ]
    slow |= _failed(estimates, e_codes)
    p_codes, places = fields.get("place", d.get("place"))
    ev_codes, events = fields.get("event", d.get("event"))
    # Each distinct place, counted thing and event read once (as _scope reads them), each scope made once.
    paths = [BAD if p is None else p for p in _places(places, ctx)]
    names = [BAD if c is BAD else _or_fail(_counted(c, ctx)) for c in counted]
    named = list(map(_or_fail, map(_event, events)))
    s_codes, scope_combos = combine([(p_codes, paths), (c_codes, names), (ev_codes, named)])
    make = Scope._from_parts  # noqa: SLF001 - its parts read by the rules Scope(...) converts with
    scopes = [
        BAD if p is BAD or c is BAD or e is BAD else make(() if p is None else p, c, e)
        for p, c, e in scope_combos
    ]
    slow |= _failed(scopes, s_codes)
    src_codes, sources = read("source", lambda v: _source(v, ctx) or BAD, required=True)
    via_codes, vias = read("via", lambda v: _chain(v, ctx))
    vias = [() if v is None else v for v in vias]
    q_codes, quotes = read("quote", text, merged=False)
    l_codes, locations = read("location", text, merged=False)
    n_codes, notes = read("note", text, merged=False)
    po_codes, parts_of = read("part_of", lambda v: v if type(v) is str else BAD, merged=False)
    pe_codes, periods = read("period", lambda v: _or_fail(_period(v, "period", ctx)))
    st_codes, stated = read("stated", lambda v: _or_fail(_period(v, "stated", ctx)))

    rows = np.flatnonzero(~slow)
    counts = [bool(c) for _, _, c in combos]

    def figure_ok(k: int, c: int | None) -> bool:  # a count needs 'counted'; a count takes no unit
        name = (
            None if c is None else names[c]
        )  # what the row's scope counts (counted_name, read above)
        shared, derived = figure_for("", estimates[k], name)
        estimates[k] = shared  # the estimate every claim built with it holds
        return bool(derived[6]) or not counts[k]

    def stated_ok(p: int | None, s: int | None) -> bool:
        check_stated("", None if p is None else periods[p], None if s is None else stated[s])
        return True

    _check_pairs((e_codes, estimates), (c_codes, counted), rows, slow, figure_ok)
    _check_pairs((pe_codes, periods), (st_codes, stated), rows, slow, stated_ok)
    rows = np.flatnonzero(~slow)
    own = rows[ids_codes[rows] < 0]  # no id: the row's own, from its label
    if len(own):
        ids = list(ids)  # packed ids too: more are added
        ids_codes = ids_codes.copy()
        ids_codes[own] = np.arange(len(ids), len(ids) + len(own))
        ids.extend(f"row-{fields.labels[i]}" for i in own.tolist())
    parts: list[Coded] = [
        (ids_codes, ids),
        (m_codes, metrics),
        (e_codes, estimates),
        (s_codes, scopes),
        (pe_codes, periods),
        (st_codes, stated),
        (src_codes, sources),
        (via_codes, vias),
        (q_codes, quotes),
        (l_codes, locations),
        (n_codes, notes),
        (po_codes, parts_of),
    ]
    codes = np.empty((len(FIELDS), len(rows)), dtype=np.int32)
    every = len(rows) == len(slow)  # every row read here (the common case): no rows to pick
    for k, (field_codes, _) in enumerate(parts):
        codes[k] = field_codes if every else field_codes[rows]
    return Fast(
        rows, ClaimTable(codes, [_read_only(values) for _, values in parts])
    )  # a part no row of the table reads is dropped


def _figure_estimate(value: Any, unit: str | None, count: bool, ctx: Context) -> Any:
    """The estimate of a figure (:func:`_estimate`), or :data:`BAD`; a figure spelled field by field read once per object.

    A table's reader gives one object per distinct figure it spells from several cells (a mapping: see
    ``FrameReader``), shared by its chunks: the estimate of each is kept by the object's identity (the object
    kept with it, so that the identity is never another's), not keyed again by its fields chunk after chunk.
    Only the first :data:`FIGURES_KEPT` are kept: a table of as many figures as rows holds no more for it.
    """
    if type(value) is not dict:
        return _estimate(value, unit, ctx, count) or BAD
    key = (id(value), unit, count)
    found = ctx.figures.get(key)
    if found is not None and found[0] is value:
        return found[1]
    estimate = _estimate(value, unit, ctx, count) or BAD
    if len(ctx.figures) < FIGURES_KEPT:
        ctx.figures[key] = (value, estimate)
    return estimate


def _named(value: Any) -> bool:
    """Whether an id cell's value is one the columnar reader takes: text, not blank."""
    return type(value) is str and bool(value) and not value.isspace()


def _all_named(values: Sequence[Any]) -> bool:
    """Whether :func:`_named` holds for each of ``values``, told a column at a time (no Python call per id).

    Packed ids (:class:`PackedTexts`, ASCII, none empty) are asked one by one only where a text opens with a
    space or a control character: any other text is not blank.
    """
    if type(values) is PackedTexts:
        array = values.array
        if array.dtype.kind != "S":
            return all(map(_named, values))
        opening = array.view(np.uint8).reshape(len(array), -1)[:, 0]
        return all(_named(values[i]) for i in np.flatnonzero(opening <= ord(" ")).tolist())
    return (
        set(map(type, values)) <= {str} and "" not in values and not any(map(str.isspace, values))
    )


def _check_pairs(
    a: Coded, b: Coded, rows: np.ndarray, slow: np.ndarray, check: Callable[[Any, Any], bool]
) -> None:
    """Mark ``slow`` the ``rows`` whose pair of parts ``check`` refuses, asked once per distinct pair.

    ``check`` is given the pair's positions in ``a``'s and ``b``'s parts (``None``: missing); it refuses by
    returning ``False`` or raising a :class:`ClaimdiffError`.
    """
    (a_codes, a_values), (b_codes, b_values) = a, b
    if not len(rows):
        return
    if not a_values and not b_values:  # neither part given (a table without the fields): one pair
        if not _passes(check, None, None):
            slow[rows] = True
        return
    codes, pairs = combine(
        [(a_codes[rows], range(len(a_values))), (b_codes[rows], range(len(b_values)))]
    )
    good = np.fromiter((_passes(check, i, j) for i, j in pairs), dtype=bool, count=len(pairs))
    slow[rows[~good[codes]]] = True


def _passes(check: Callable[[Any, Any], bool], i: Any, j: Any) -> bool:
    """Whether ``check(i, j)`` accepts the pair (neither returns ``False`` nor raises a :class:`ClaimdiffError`)."""
    try:
        return bool(check(i, j))
    except ClaimdiffError:
        return False


@attrs.frozen
class Fast:
    """The rows of a chunk the columnar reader read (their positions, in order) and their claims, as a table."""

    rows: np.ndarray
    claims: ClaimTable


def _read_only(values: Sequence[Any]) -> Sequence[Any]:
    """A field's parts with each that did not read (:data:`BAD`, which no row holds) as ``None``."""
    if type(values) is PackedTexts or not any(map(operator.is_, values, repeat(BAD))):
        return values
    return [None if v is BAD else v for v in values]


def _or_fail(value: Any) -> Any:
    return BAD if value is False else value


def _chain(value: Any, ctx: Context) -> Any:
    """A ``via`` value as its relays, as the claims-file reader reads them, or :data:`BAD`."""
    items = value if type(value) is list else [value]
    chain = []
    for item in items:
        relay = _source(item, ctx)
        if relay is None:
            return BAD
        chain.append(relay)
    return tuple(chain)
