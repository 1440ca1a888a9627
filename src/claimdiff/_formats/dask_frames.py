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

import contextlib
import itertools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from claimdiff._core.policy import Estimator, Policy, policy_named
from claimdiff._core.reconcile import reconcile
from claimdiff._core.relations import DEFAULT_TAXONOMY, Relation, Taxonomy
from claimdiff._core.report import Report
from claimdiff._core.series import Series
from claimdiff._formats._io import display_name
from claimdiff._formats.csv_format import COLUMNS as CSV_COLUMNS
from claimdiff._formats.dask_events import (
    _apart,
    _declared_joins,
    _Events,
    _keys,
    _part_of_joins,
    _texts,
)
from claimdiff._formats.export import report_frame
from claimdiff._formats.frames import claims_from_csv_table, claims_from_dataframe
from claimdiff._formats.shuffle_cells import PACKED_COLUMN, _pack, _unpack
from claimdiff._model.claim import Claim
from claimdiff.exceptions import ClaimFileError, InvalidClaimError, MissingExtraError

#: Rows of a partition read at once (the mappings of one slice are held together while it is read).
_ROWS = 100_000

__all__ = ["DaskTables", "reconcile_dask"]

#: The tables of a partitioned reconcile, in the order of :class:`DaskTables`.
_TABLES = ("groups", "flags", "claims", "rejected")

#: The column that carries the partition key through the shuffle (dropped before reading claims).
KEY_COLUMN = "_claimdiff_key"


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
    #: The partitions to reconcile (delayed frames, the rows of each partition key together) and what each
    #: needs: what :meth:`to_parquet` reconciles and writes. Not arguments: :func:`reconcile_dask` sets them.
    _partitions: tuple[Any, ...] = attrs.field(default=(), init=False, repr=False)
    _job: _Job | None = attrs.field(default=None, init=False, repr=False)

    def compute(self, **kwargs: Any) -> tuple[Any, Any, Any, Any]:
        """The four tables as pandas DataFrames, computed in one pass (``kwargs`` go to ``dask.compute``)."""
        dask, _ = _dask()
        groups, flags, claims, rejected = dask.compute(
            self.groups, self.flags, self.claims, self.rejected, **kwargs
        )
        return groups, flags, claims, rejected

    def to_parquet(
        self, directory: str | os.PathLike[str], *, compute: bool = True, **kwargs: Any
    ) -> Any:
        """Write the four tables as Parquet folders, each partition's files as soon as it is reconciled.

        ``<directory>/groups``, ``flags``, ``claims`` and ``rejected`` each get one file per partition,
        ``part.<i>.parquet``, with the columns and dtypes of the Dask tables (so every file has the schema of
        the others, and ``dask.dataframe.read_parquet`` reads a folder back). One task reconciles a
        partition and writes its files, a batch of whole events at a time (a row group per batch), so a
        worker holds one batch's tables, not a partition's. Computing the tables' own ``to_parquet``
        together does not: dask orders each table's writes after the previous table's, and every
        partition's other tables wait in the workers' memory until then (at 10^7 claims one worker peaked
        at 3.3 GB against 1.9 GB). The writes reconcile the partitions themselves; they do not reuse a
        :meth:`compute`.

        >>> import os, tempfile, dask.dataframe as dd, pandas as pd
        >>> rows = pd.DataFrame({"id": ["a", "b"], "metric": "killed", "counted": "people",
        ...                      "value": ["14", "3"], "event": ["raid", "storm"], "source": ["MoD", "AP"]})
        >>> out = tempfile.mkdtemp()
        >>> reconcile_dask(dd.from_pandas(rows, npartitions=2)).to_parquet(out, scheduler="synchronous")
        >>> sorted(os.listdir(out)), len(pd.read_parquet(os.path.join(out, "groups")))
        (['claims', 'flags', 'groups', 'rejected'], 2)

        Args:
            directory: A folder that the workers can write (created if need be); its table folders must not
                hold files already (a file of an earlier run would be read back with this run's).
            compute: Write now (the default), or return the delayed writes to compute with other work.
            kwargs: Passed to ``dask.compute`` (``scheduler=`` ...).

        Returns:
            ``None``, or with ``compute=False`` a ``dask.delayed`` object that writes the files.

        Raises:
            ClaimFileError: A table folder holds files already, or cannot be created.
        """
        dask, _ = _dask()
        if self._job is None:
            raise TypeError(
                "to_parquet() writes the tables reconcile_dask() returns, not tables made by hand"
            )
        folders = [os.path.join(directory, name) for name in _TABLES]
        for folder in folders:
            try:
                os.makedirs(folder, exist_ok=True)
                held = os.listdir(folder)
            except OSError as e:
                raise ClaimFileError(
                    display_name(folder), "$", None, f"cannot be written ({e.strerror or e})"
                ) from e
            if held:
                raise ClaimFileError(
                    display_name(folder),
                    "$",
                    None,
                    f"holds files already ({min(held)!r}, ...); write the tables to an empty folder",
                )
        metas = [self.groups._meta, self.flags._meta, self.claims._meta, self.rejected._meta]  # noqa: SLF001 - dask's own name for a collection's empty frame
        writes = [
            dask.delayed(_write_partition, pure=False)(rows, self._job, folders, metas, i)
            for i, rows in enumerate(self._partitions)
        ]
        done = dask.delayed(len, pure=False)(writes)
        if not compute:
            return done
        dask.compute(done, **kwargs)
        return None


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


def _write_partition(
    pdf: Any, job: _Job, folders: Sequence[str], metas: Sequence[Any], index: int
) -> int:
    """Reconcile one partition and write its four tables, each to ``part.<index>.parquet`` in its folder.

    The tables of each batch of the partition (see :func:`_tables`) are written as they are found, a row group
    per batch, so that the worker holds one batch's tables, not the partition's. Each file has the schema of
    its table's empty frame (a column with no value in this partition still has its type), and is written to
    a temporary name first, then renamed into place. Returns the rows written.
    """
    import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
    import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    paths = [os.path.join(folder, f"part.{index}.parquet") for folder in folders]
    schemas = [pa.Schema.from_pandas(meta, preserve_index=False) for meta in metas]
    rows = 0
    try:
        with contextlib.ExitStack() as stack:
            writers = [
                stack.enter_context(pq.ParquetWriter(path + ".tmp", schema))
                for path, schema in zip(paths, schemas, strict=True)
            ]
            for tables in _tables(pdf, job):
                for writer, frame, schema in zip(writers, tables, schemas, strict=True):
                    writer.write_table(
                        pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
                    )
                    rows += len(frame)
        for path in paths:
            os.replace(path + ".tmp", path)
    except OSError as e:
        raise ClaimFileError(
            display_name(folders[0]), "$", None, f"cannot be written ({e.strerror or e})"
        ) from e
    return rows


def _reconcile_partition(pdf: Any, job: _Job) -> tuple[Any, Any, Any, Any]:
    """Read one partition's rows as claims, reconcile them, and return the four tables."""
    tables = list(_tables(pdf, job))
    if len(tables) == 1:
        return tables[0]
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    return tuple(pd.concat([t[k] for t in tables], ignore_index=True) for k in range(4))


def _tables(pdf: Any, job: _Job) -> Iterator[tuple[Any, Any, Any, Any]]:
    """One partition's four tables, a batch of its rows at a time.

    A large partition is read and reconciled a batch of whole partition keys at a time (see :func:`_batches`),
    so that a worker holds one batch's claims and working memory, not the whole partition's: the claims,
    about 2.5 KB each, not the rows, are what a worker's memory holds most of. Flags are numbered within the
    partition, batch after batch.
    """
    if job.packed:
        pdf = _unpack(pdf, job.packed)
    keys = sorted({str(k) for k in pdf[KEY_COLUMN].tolist()}) if len(pdf) else []
    partition = keys[0] if keys else ""
    name = f"<dask partition of event {partition!r}>"
    flags = 0
    for batch in _batches(pdf, name, job):
        claims: list[Claim] = []
        rejected: list[ClaimFileError] = []
        for rows, where in batch:
            loaded = _read(rows.drop(columns=[KEY_COLUMN]), where, job)
            claims.extend(loaded.claims)
            rejected.extend(loaded.rejected)
        report = reconcile(claims, job.policy, relations=job.relations, taxonomy=job.taxonomy)
        del claims  # the batch's claims go once it is reconciled
        found = _frames(report, rejected, partition)
        found[1]["flag"] += flags
        flags += len(report.flags)
        yield found


def _read(rows: Any, where: str, job: _Job) -> Any:
    """Rows read as claims: cell by cell as the claims-file CSV reader reads rows, or by the job's ``columns``."""
    if job.columns is None:
        return claims_from_csv_table(rows, name=where, hedges=job.policy.hedges)
    return claims_from_dataframe(
        rows, columns=job.columns, defaults=job.defaults, name=where, hedges=job.policy.hedges
    )


def _batches(pdf: Any, name: str, job: _Job) -> Iterator[list[tuple[Any, str]]]:
    """A partition's rows as batches of whole partition keys, each batch as slices of at most ``_ROWS`` rows.

    Keys share no group and no relation (the partitioning rule), so each batch is reconciled alone. A batch
    holds about ``_ROWS`` rows (one key with more rows is a batch of its own), read ``_ROWS`` rows at a time
    as one claims file would be; a batch's slices are cut when it is reached, so that the partition is held
    once. Each slice is named by its rows: their positions in the partition when each key's rows are
    consecutive there (as in files written per event), else their positions in the partition ordered by
    key. When a claim id is repeated in the partition (or some row has none) the partition is one batch, so
    that ``reconcile`` sees every repeat (and rejects it as a repeat or a clash, never drops it).
    """
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    n = len(pdf)
    if n <= _ROWS:
        yield [(pdf, name)]
        return
    spec = "id" if job.columns is None else job.columns.get("id")
    ids = _texts(pdf[[spec]])[spec] if isinstance(spec, str) else None
    label = "rows"
    if ids is None or ids.eq("").any() or not ids.is_unique:
        runs = [0, n]
    else:
        codes, uniques = pd.factorize(pdf[KEY_COLUMN])
        if np.count_nonzero(np.diff(codes)) + 1 != len(uniques):  # a key's rows are not consecutive
            order = np.argsort(codes, kind="stable")
            pdf, codes = pdf.iloc[order], codes[order]
            label = "rows (ordered by event)"
        runs = [0, *(np.flatnonzero(np.diff(codes)) + 1).tolist(), n]
    del ids
    cuts, previous = [0], 0
    for end in runs[1:]:  # a batch ends before the key that would take it past _ROWS rows
        if end - cuts[-1] > _ROWS and previous > cuts[-1]:
            cuts.append(previous)
        previous = end
    cuts.append(n)
    for a, b in itertools.pairwise(cuts):
        yield [
            (pdf.iloc[s : min(s + _ROWS, b)], f"{name}, {label} {s + 1} to {min(s + _ROWS, b)}")
            for s in range(a, b, _ROWS)
        ]


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
        _part_of_joins(dask, events, ddf, id_col, event_col, part_col)
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
    groups, flags, claims, rejected = tables
    out = DaskTables(groups, flags, claims, rejected)
    object.__setattr__(out, "_partitions", tuple(keyed.to_delayed()))  # frozen: set once, here
    object.__setattr__(out, "_job", job)
    return out
