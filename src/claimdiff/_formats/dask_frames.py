"""Reconcile a Dask DataFrame of claims past one machine (the ``dask`` extra).

**The partitioning rule.** Every relation claimdiff checks keeps the event fixed: groups are
claims of one metric, counted thing, place *and event*; the place hierarchy, counted
partitions, metric order and :class:`~claimdiff.relations.Series` all relate figures of one event. So the
rows are shuffled on the event: all claims of one event land in one partition, and claims
without an event all land together. Two kinds of relation can still join events, and both
are followed by merging their events into one partition key (union-find, smallest event
first): a declared :class:`~claimdiff.relations.Relation` whose figures name different events, and a
claim stated as part of a claim of another event (``part_of``; this takes one pass over the
rows that have it, computed before the result is built). Rows that already arrive so partitioned
(no key in two partitions: one pass over the event column tells) are not shuffled at all. A cell of any
type crosses the shuffle as it is or pickled (never as a shuffle's own serialiser would remake it), so each
row is read, or rejected naming its partition, row and column, exactly as in one process. Each
partition is then reconciled by :func:`claimdiff.reconcile` exactly as a single process would
reconcile those claims, a batch of whole keys at a time when it is large.

**The limit.** One event (or one set of merged events) is one partition: a single huge event
is reconciled by one worker, in that worker's memory. Policies that learn across all groups
(the ``truth`` estimator, which estimates each source's reliability from every group) would
give other answers per partition and are refused.

Results travel as pandas DataFrames with the columns and dtypes of
:meth:`Report.to_dataframe <claimdiff.Report.to_dataframe>`, never as pickled reports. Group ids
``g1, g2, ...`` would collide between partitions, so a group's id is its *key*: the smallest
id of its claims, which is unique (a claim is in one group) and the same on every run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from claimdiff._core.policy import Estimator, Policy, policy_named
from claimdiff._core.reconcile import reconcile
from claimdiff._core.relations import DEFAULT_TAXONOMY, Relation, Taxonomy
from claimdiff._core.report import Report
from claimdiff._core.series import Series
from claimdiff._formats.csv_format import COLUMNS as CSV_COLUMNS
from claimdiff._formats.export import report_frame
from claimdiff._formats.frames import claims_from_csv_table, claims_from_dataframe, clean_cell
from claimdiff._model.claim import Claim
from claimdiff.exceptions import ClaimFileError, InvalidClaimError, MissingExtraError

#: Rows of a partition read at once (the mappings of one slice are held together while it is read).
_ROWS = 100_000

__all__ = ["DaskTables", "reconcile_dask"]

#: The column that carries the partition key through the shuffle (dropped before reading claims).
KEY_COLUMN = "_claimdiff_key"

#: The column that names, for each row, the columns whose cells cross the shuffle pickled (``""``: none).
PACKED_COLUMN = "_claimdiff_packed"


@attrs.frozen
class DaskTables:
    """The tables of a partitioned reconcile, as lazy Dask DataFrames (compute them together).

    Attributes:
        groups: One row per group, the columns of ``Report.to_dataframe("groups")``; ``id`` is the group key.
        flags: One row per flag, the columns of ``Report.to_dataframe("flags")``; ``group`` is the group key
            (``flag`` numbers the flags within the partition they were found in).
        claims: One row per claim read, the columns of ``Report.to_dataframe("claims")``; ``group`` is the key.
        rejected: One row per row that could not be read or reconciled: ``claim`` and ``reason``.
    """

    groups: Any
    flags: Any
    claims: Any
    rejected: Any

    def compute(self, **kwargs: Any) -> tuple[Any, Any, Any, Any]:
        """The four tables as pandas DataFrames, computed in one pass (``kwargs`` go to ``dask.compute``)."""
        dask, _ = _dask()
        groups, flags, claims, rejected = dask.compute(
            self.groups, self.flags, self.claims, self.rejected, **kwargs
        )
        return groups, flags, claims, rejected


@attrs.frozen
class _Job:
    """What every partition needs to reconcile itself: small, pickled once per task."""

    policy: Policy
    columns: Mapping[str, str | Sequence[str]] | None
    defaults: Mapping[str, Any] | None
    relations: tuple[Relation | Series, ...]
    taxonomy: Taxonomy
    #: The columns whose odd cells crossed the shuffle pickled (see :func:`_pack`); empty when not shuffled.
    packed: tuple[str, ...] = ()


def _dask() -> tuple[Any, Any]:
    try:
        import dask  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
        import dask.dataframe as dd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
    except ImportError as e:
        raise MissingExtraError("reconcile_dask()", "dask") from e
    return dask, dd


class _Events:
    """Union-find over event names: events joined by a relation share one partition key (the smallest name)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, e: str) -> str:
        root = e
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while e != root:
            self.parent[e], e = root, self.parent.get(e, e)
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo
            self.parent.setdefault(lo, lo)

    def mapping(self) -> dict[str, str]:
        return {e: self.find(e) for e in self.parent}


def _event_text(value: Any) -> str:
    cell = clean_cell(value)
    return "" if cell is None else str(cell)


def _keys(events: Any, mapping: Mapping[str, str]) -> Any:
    """The partition key of each row: its event, or the event it is merged with; ``""`` when it has none."""
    keys = [_event_text(v) for v in events.tolist()]
    out = events.copy().astype(object)
    out[:] = [mapping.get(k, k) for k in keys]
    return out


def _global_ids(report: Report, partition: str) -> dict[str, str]:
    """Each group's key: the smallest id among its claims (unique, since a claim is in one group)."""
    out = {}
    for g in report.groups:
        ids = [*g.claims, *g.dissenting, *g.superseded, *g.stale, *g.withdrawn]
        out[g.id] = min(ids) if ids else f"{partition}#{g.id}"
    return out


def _frames(
    report: Report, load_rejected: Sequence[ClaimFileError], partition: str
) -> tuple[Any, Any, Any, Any]:
    ids = _global_ids(report, partition)
    groups = report_frame(report, "groups")
    groups["id"] = groups["id"].map(ids.get).astype("string")
    flags = report_frame(report, "flags")
    flags["group"] = (
        flags["group"].map(lambda g: ids.get(g, g) if isinstance(g, str) else None).astype("string")
    )
    claims = report_frame(report, "claims")
    claims["group"] = (
        claims["group"]
        .map(lambda g: ids.get(g, g) if isinstance(g, str) else None)
        .astype("string")
    )
    rejected = report_frame(report, "rejected")
    if load_rejected:
        import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

        more = pd.DataFrame(
            {
                "claim": pd.array([e.claim_id for e in load_rejected], dtype="string"),
                "reason": pd.array([str(e) for e in load_rejected], dtype="string"),
            }
        )
        rejected = pd.concat([more, rejected], ignore_index=True)
    return groups, flags, claims, rejected


def _plain(cell: Any) -> bool:
    """Whether a cell crosses every shuffle as it is: text, or missing (``None``, NaN)."""
    return cell is None or type(cell) is str or (type(cell) is float and math.isnan(cell))


def _pack(pdf: Any, columns: Sequence[str]) -> Any:
    """A partition's rows ready for the shuffle: in ``columns``, each cell that is not text or missing pickled.

    A shuffle serialises every cell on its own terms, and not faithfully: partd's disk shuffle packs an object
    column with msgpack, which writes a mapping with integer keys that it cannot read back (partd then unpickles
    the msgpack bytes: a raw ``UnpicklingError`` or ``MemoryError``) and turns a tuple into a list; the
    distributed p2p shuffle converts columns to Arrow and fails on a column of text and numbers. So such a cell
    crosses as the text of its pickle, and :data:`PACKED_COLUMN` names the row's packed columns (by position in
    ``columns``), so that a pickle is read back only where this function wrote one, never from a cell's own
    text. The reader then sees the very cell it would see in one process, and reads or rejects it by its rule.
    A column of text and missing cells (all of them, in a claims CSV read with ``dtype=str``) is passed over
    after one check in C.
    """
    import pickle  # noqa: PLC0415

    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    marks: list[list[str]] = [[] for _ in range(len(pdf))]
    packed: dict[str, list[Any]] = {}
    for at, name in enumerate(columns):
        column = pdf[name]
        if pd.api.types.infer_dtype(column, skipna=True) in {"string", "empty"}:
            continue
        cells = column.tolist()
        for row, cell in enumerate(cells):
            if not _plain(cell):
                cells[row] = pickle.dumps(cell, protocol=pickle.HIGHEST_PROTOCOL).decode("latin-1")
                marks[row].append(str(at))
        packed[name] = cells
    out = pdf.assign(
        **{PACKED_COLUMN: pd.Series([" ".join(m) for m in marks], index=pdf.index, dtype=object)}
    )
    for name, cells in packed.items():
        out[name] = pd.Series(cells, index=pdf.index, dtype=object)
    return out


def _unpack(pdf: Any, columns: Sequence[str]) -> Any:
    """A shuffled partition's rows with the cells :func:`_pack` pickled read back, and its mark column gone."""
    import pickle  # noqa: PLC0415

    marks = pdf[PACKED_COLUMN].tolist()
    out = pdf.drop(columns=[PACKED_COLUMN])
    odd = [(row, mark) for row, mark in enumerate(marks) if mark]
    if not odd:
        return out
    cells = {
        name: out[name].tolist() for name in {columns[int(at)] for _, m in odd for at in m.split()}
    }
    for row, mark in odd:
        for at in mark.split():
            name = columns[int(at)]
            cells[name][row] = pickle.loads(cells[name][row].encode("latin-1"))  # noqa: S301 - written by _pack
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    for name, values in cells.items():
        out[name] = pd.Series(values, index=out.index, dtype=object)
    return out


def _reconcile_partition(pdf: Any, job: _Job) -> tuple[Any, Any, Any, Any]:
    """Read one partition's rows as claims, reconcile them, and return the four tables."""
    if job.packed:
        pdf = _unpack(pdf, job.packed)
    keys = sorted({str(k) for k in pdf[KEY_COLUMN].tolist()}) if len(pdf) else []
    partition = keys[0] if keys else ""
    name = f"<dask partition of event {partition!r}>"
    if job.columns is None:
        claims, rejected = _read_rows(pdf, name, job)
    else:
        loaded = claims_from_dataframe(
            pdf.drop(columns=[KEY_COLUMN]),
            columns=job.columns,
            defaults=job.defaults,
            name=name,
            hedges=job.policy.hedges,
        )
        claims, rejected = list(loaded.claims), list(loaded.rejected)
    batches = _batches(claims, pdf) if job.columns is None and len(claims) > _ROWS else [claims]
    if len(batches) == 1:
        report = reconcile(claims, job.policy, relations=job.relations, taxonomy=job.taxonomy)
        return _frames(report, rejected, partition)
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    del claims
    tables: list[tuple[Any, Any, Any, Any]] = []
    flags = 0
    for i, batch in enumerate(batches):
        report = reconcile(batch, job.policy, relations=job.relations, taxonomy=job.taxonomy)
        batches[i] = []  # each batch's claims go once it is reconciled
        found = _frames(report, rejected if not tables else (), partition)
        found[1]["flag"] += flags  # flags numbered within the partition, batch after batch
        flags += len(report.flags)
        tables.append(found)
    return tuple(pd.concat([t[k] for t in tables], ignore_index=True) for k in range(4))


def _batches(claims: list[Claim], pdf: Any) -> list[list[Claim]]:
    """The claims of a large partition in batches of whole partition keys, about ``_ROWS`` claims each.

    Keys share no group and no relation (the partitioning rule), so each batch is reconciled alone and the
    partition holds a batch's working memory at a time, not the whole partition's. A claim is matched to its
    row's key by its id; when an id is repeated in the partition or matches no row, the partition is one
    batch, so that ``reconcile`` still sees every repeat.
    """
    ids = [_event_text(v) for v in pdf["id"].tolist()]
    key_of = dict(zip(ids, pdf[KEY_COLUMN].tolist(), strict=True))
    if len(key_of) != len(ids):
        return [claims]
    by_key: dict[str, list[Claim]] = {}
    for c in claims:
        key = key_of.get(c.id)
        if key is None:
            return [claims]
        by_key.setdefault(key, []).append(c)
    batches: list[list[Claim]] = [[]]
    for group in by_key.values():
        if batches[-1] and len(batches[-1]) + len(group) > _ROWS:
            batches.append([])
        batches[-1].extend(group)
    return batches


def _read_rows(pdf: Any, name: str, job: _Job) -> tuple[list[Claim], list[ClaimFileError]]:
    """A partition's rows read cell by cell as the claims-file CSV reader reads rows, ``_ROWS`` rows at a time.

    Each slice is named by its rows. A claim id repeated across slices is then rejected by ``reconcile``
    (as a repeat or a clash), never dropped.
    """
    claims: list[Claim] = []
    rejected: list[ClaimFileError] = []
    for start in range(0, len(pdf), _ROWS) if len(pdf) > _ROWS else (0,):
        part = pdf.iloc[start : start + _ROWS]
        where = name if len(pdf) <= _ROWS else f"{name}, rows {start + 1} to {start + len(part)}"
        loaded = claims_from_csv_table(
            part.drop(columns=[KEY_COLUMN]), name=where, hedges=job.policy.hedges
        )
        claims.extend(loaded.claims)
        rejected.extend(loaded.rejected)
    return claims, rejected


def _distinct_keys(events: Any, mapping: Mapping[str, str]) -> set[str]:
    """The partition keys of one partition's rows (read from its event column alone).

    The distinct cells are found by hashing; a column holding a cell that cannot be hashed (a list or a mapping,
    which the reader rejects) is read cell by cell instead.
    """
    try:
        cells = events.unique().tolist()
    except TypeError:
        cells = events.tolist()
    return {mapping.get(k, k) for k in map(_event_text, cells)}


def _apart(dask: Any, events: Any, mapping: Mapping[str, str]) -> bool:
    """Whether no partition key has rows in two partitions (one pass over the event column only)."""
    parts = dask.compute(
        *[dask.delayed(_distinct_keys, pure=True)(p, mapping) for p in events.to_delayed()]
    )
    seen: set[str] = set()
    for keys in parts:
        if not seen.isdisjoint(keys):
            return False
        seen |= keys
    return True


def _declared_joins(events: _Events, relations: Iterable[Relation | Series]) -> None:
    for r in relations:
        if isinstance(r, Relation):
            names = [k.event or "" for k in (r.whole, *r.parts)]
            for other in names[1:]:
                events.join(names[0], other)


def _texts(pdf: Any) -> Any:
    """Every cell of a partition as its text (:func:`_event_text`), so that any cell can be hashed and shuffled.

    A column of text and missing cells, as a claims CSV has, is trimmed in bulk (the same text, faster).
    """
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    out = {}
    for name in pdf.columns:
        column = pdf[name]
        if pd.api.types.infer_dtype(column, skipna=True) in {"string", "empty"}:
            out[name] = column.fillna("").astype(object).str.strip()
        else:
            out[name] = pd.Series(
                [_event_text(v) for v in column.tolist()], index=pdf.index, dtype=object
            )
    return pd.DataFrame(out, index=pdf.index)


def _part_of_joins(
    events: _Events, ddf: Any, id_col: str, event_col: str | None, part_col: str
) -> None:
    """Join the events of claims stated as parts of claims of another event (one pass over the ``part_of`` rows)."""
    dask, _ = _dask()
    cols = [id_col, part_col] + ([event_col] if event_col else [])
    if event_col is None:
        return
    rows = ddf[cols].map_partitions(_texts, meta=dict.fromkeys(cols, object))
    stated = rows[part_col] != ""
    parts = rows[stated][[part_col, event_col]]
    wholes = rows[[id_col, event_col]].rename(columns={id_col: part_col, event_col: "_whole_event"})
    linked = parts.merge(wholes, on=part_col, how="inner")
    (pairs,) = dask.compute(linked[[event_col, "_whole_event"]])
    for a, b in zip(pairs[event_col].tolist(), pairs["_whole_event"].tolist(), strict=True):
        ea, eb = _event_text(a), _event_text(b)
        if ea != eb:
            events.join(ea, eb)


def reconcile_dask(
    ddf: Any,
    policy: Policy | str = "consensus",
    *,
    columns: Mapping[str, str | Sequence[str]] | None = None,
    defaults: Mapping[str, Any] | None = None,
    relations: Iterable[Relation | Series] = (),
    taxonomy: Taxonomy = DEFAULT_TAXONOMY,
) -> DaskTables:
    """Reconcile a Dask DataFrame of claims partition by partition; the tables equal a single-process run's.

    Rows are shuffled so that every claim of one event is in one partition (see the module
    docstring for the rule and its limit), and each partition is reconciled on its own.

    >>> import dask, dask.dataframe as dd, pandas as pd
    >>> rows = pd.DataFrame({"id": ["a", "b", "c"], "metric": "killed", "counted": "people",
    ...                      "value": ["at least 14", "8", "3"], "event": ["raid", "raid", "storm"],
    ...                      "source": ["MoD", "Reuters", "AP"]})
    >>> tables = reconcile_dask(dd.from_pandas(rows, npartitions=2))
    >>> groups, flags, claims, rejected = tables.compute(scheduler="synchronous")
    >>> sorted(groups["id"]), sorted(flags["kind"].astype(str))
    (['a', 'c'], ['contradiction'])

    Args:
        ddf: The claims: by default in the columns of a claims CSV file (``id``, ``metric``, ``counted``,
            ``value``, ``unit``, ``place``, ``event``, ...; read a claims CSV with ``dtype=str``), each
            partition read by the claims-file CSV reader; or any columns named by ``columns``.
        policy: The policy, or its name (``"consensus"``, ``"median"``, ...); its ``hedges`` read the figures.
        columns: As for :func:`claimdiff.claims_from_dataframe`: for each claim field, the column holding it.
        defaults: With ``columns``, fields every row has unless its cell says otherwise.
        relations: Declared relations and series, as for :func:`claimdiff.reconcile`.
        taxonomy: How counted things and metrics nest.

    Returns:
        :class:`DaskTables`: groups, flags, claims and rejected rows as lazy Dask DataFrames.

    Raises:
        MissingExtraError: dask is not installed (``pip install 'claimdiff[dask]'``).
        InvalidClaimError: the policy learns across all groups (the ``truth`` estimator).
        ClaimFileError: ``columns`` names a column the frame does not have.
    """
    dask, dd = _dask()
    chosen = policy_named(policy) if isinstance(policy, str) else policy
    if chosen.estimator is Estimator.TRUTH:
        raise InvalidClaimError(
            None,
            "policy",
            chosen.name,
            "learns each source's reliability across all groups, "
            "which a partitioned run cannot do; reconcile it in one process",
        )
    names = [str(c) for c in ddf.columns]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ClaimFileError(
            "<dask dataframe>",
            "$",
            None,
            f"has two columns named {twice[0]!r}; name each column once",
        )
    if any(
        not isinstance(c, str) for c in ddf.columns
    ):  # a label may be a number: it is matched by its text
        ddf = ddf.rename(columns={c: str(c) for c in ddf.columns})
    if columns is None:
        unknown = sorted(set(names) - set(CSV_COLUMNS))
        if unknown:
            raise ClaimFileError(
                "<dask dataframe>",
                "$",
                None,
                f"has columns that are not claims-file CSV columns: {unknown}; name the fields with columns=",
            )
        event_col: str | None = "event" if "event" in names else None
        id_col, part_col = "id", "part_of"
    else:
        spec = columns.get("event")
        event_col = spec if isinstance(spec, str) else None
        id_spec, part_spec = columns.get("id"), columns.get("part_of")
        id_col = id_spec if isinstance(id_spec, str) else ""
        part_col = part_spec if isinstance(part_spec, str) else ""
        used = {c for s in columns.values() for c in ([s] if isinstance(s, str) else s)}
        missing = sorted(used - set(names))
        if missing:
            raise ClaimFileError(
                "<dask dataframe>", "$", None, f"has no column {', '.join(map(repr, missing))}"
            )
    rels = tuple(relations)
    events = _Events()
    _declared_joins(events, rels)
    if part_col in names and id_col in names:
        _part_of_joins(events, ddf, id_col, event_col, part_col)
    mapping = events.mapping()
    if event_col is None:
        keyed = ddf.assign(**{KEY_COLUMN: ""})
    else:
        keyed = ddf.assign(
            **{KEY_COLUMN: ddf[event_col].map_partitions(_keys, mapping, meta=(event_col, object))}
        )
    # Rows already partitioned by their key (every key in one partition, as files written per event or per
    # source are) are reconciled where they are: the shuffle would move every row for nothing.
    # One partition is apart already; with no event column every row has one key, so the partitions are
    # joined, not shuffled (a shuffle would serialise every cell for nothing). Cells of object columns that a
    # shuffle cannot carry as they are cross it packed (see _pack), to be read or rejected by the reader.
    packed: tuple[str, ...] = ()
    if ddf.npartitions == 1:
        pass
    elif event_col is None:
        keyed = keyed.repartition(npartitions=1)
    elif not _apart(dask, ddf[event_col], mapping):
        dtypes = keyed.dtypes.to_dict()
        packed = tuple(name for name in names if str(dtypes[name]) == "object")
        if packed:
            keyed = keyed.map_partitions(_pack, packed, meta={**dtypes, PACKED_COLUMN: object})
        keyed = keyed.shuffle(on=KEY_COLUMN, npartitions=ddf.npartitions)
    job = _Job(
        policy=chosen,
        columns=columns,
        defaults=defaults,
        relations=rels,
        taxonomy=taxonomy,
        packed=packed,
    )
    tasks = [
        dask.delayed(_reconcile_partition, nout=4, pure=True)(p, job) for p in keyed.to_delayed()
    ]
    metas = _frames(reconcile([]), (), "")
    tables = [
        dd.from_delayed([t[i] for t in tasks], meta=metas[i], verify_meta=False) for i in range(4)
    ]
    return DaskTables(*tables)
