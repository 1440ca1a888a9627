"""Which claims are comparable: one group per figure, found from the claims' keys, units and periods.

Claims are comparable when they have the same metric, counted thing, place and event (their ``key``),
the same dimension (units convert) and overlapping periods. A cumulative figure given "as of" several
dates (periods from one start to different ends) is a series: one group per as-of date. Groups are
positions in the list of claims, which keeps the claims where they are in memory; each group is in id
order and the groups are in key order, so the result never depends on the input's order.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import Any, NamedTuple, overload

from claimdiff._core.flags import Flag, FlagKind, Severity
from claimdiff._model.claim import Claim
from claimdiff._model.period import Period

__all__ = ["Keys", "PerRow", "group_claims", "id_order", "keys_of", "split_key"]

_INF = math.inf


class PerRow(Sequence[Any]):
    """Each row's value held as its code into the distinct values: ``rows[i]`` is ``values[codes[i]]``.

    What a claim table's columns give grouping (a value per claim, with no list of a million slots made), and
    how a report table holds a column whose rows repeat a few answers (the quiet groups' rows, one per
    distinct input): a typed column is made of the distinct cells and taken by code.

    >>> import numpy as np
    >>> rows = PerRow(np.array([1, 0, 1]), ["a", "b"])
    >>> list(rows), rows[0], len(rows), rows.at([2, 1])
    (['b', 'a', 'b'], 'b', 3, ['b', 'a'])
    """

    __slots__ = ("codes", "values")

    def __init__(self, codes: Any, values: Sequence[Any]) -> None:
        """Each claim's code (numpy integers, each a position in ``values``) into ``values``."""
        self.codes, self.values = codes, values

    def __len__(self) -> int:
        return len(self.codes)

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return self.at(self.codes[index].tolist())
        return self.values[int(self.codes[index])]

    def __iter__(self) -> Iterator[Any]:
        return map(self.values.__getitem__, self.codes.tolist())

    def at(self, rows: Sequence[int]) -> list[Any]:
        """The values of ``rows`` (positions), read at once."""
        return list(map(self.values.__getitem__, self.codes[rows].tolist()))


class Keys(NamedTuple):
    """What grouping reads of each claim, in the claims' order: its id, key, dimension and period.

    Each is a list, or what a claim table's columns give: its ids still packed
    (:class:`~claimdiff._model.packed_texts.PackedTexts`), the others :class:`PerRow`. An id is a Python
    string only where one is read. ``by_id`` is the claims' positions in id order, when the ids were
    sorted already (:func:`claimdiff._core.accepting.accept` sorts them to find repeated ids), else ``None``.
    ``estimates`` is each claim's estimate as a code by identity and the first row holding each code (numpy),
    when they were read so (:func:`claimdiff._core.list_keys.list_keys`), else ``None``.
    """

    ids: Sequence[str]
    keys: Sequence[tuple[str, str, tuple[str, ...], str]]
    dims: Sequence[str]
    periods: Sequence[Period | None]
    by_id: Sequence[int] | None = None
    estimates: tuple[Any, Any] | None = None


def keys_of(
    claims: Sequence[Claim], ids: list[str] | None = None, by_id: list[int] | None = None
) -> Keys:
    """What grouping reads of each of ``claims``, read from the claims themselves.

    ``ids`` are the claims' ids and ``by_id`` their positions in id order (:func:`id_order`), when read already.

    >>> from claimdiff import Claim, Scope
    >>> keys_of([Claim(id="a", metric="killed", estimate="3", scope=Scope(counted="people"), source="A")])
    Keys(ids=['a'], keys=[('killed', 'people', (), '')], dims=['count'], periods=[None], by_id=None, estimates=None)
    """
    return Keys(
        list(map(attrgetter("id"), claims)) if ids is None else ids,
        list(map(attrgetter("key"), claims)),
        list(map(attrgetter("dimension"), claims)),
        list(map(attrgetter("period"), claims)),
        by_id,
    )


def id_order(ids: Sequence[str]) -> list[int]:
    """The positions of ``ids`` in id order (equal ids in the order given): the order of each group's claims.

    >>> id_order(["b", "c", "a", "b"])
    [2, 0, 3, 1]
    """
    return sorted(range(len(ids)), key=ids.__getitem__)


def group_claims(
    claims: Sequence[Claim], keys_read: Keys | None = None
) -> tuple[list[list[int]], list[Flag]]:
    """The groups of comparable claims as lists of positions in ``claims``, and a flag per incomparable key.

    Claim ids must be unique. Each group lists its claims in id order; groups come in key order, then
    dimension, then smallest id. ``keys_read`` is what :func:`keys_of` reads of ``claims``, when it was
    read already (from a claim table's columns: :func:`claimdiff._core.table_reads.table_keys`).

    >>> from claimdiff import Claim, Scope
    >>> cs = [Claim(id=i, metric="killed", estimate=v, scope=Scope(counted="people"), source="A")
    ...       for i, v in (("b", "4"), ("a", "at least 3"))]
    >>> group_claims(cs)
    ([[1, 0]], [])
    """
    ids, keys, dims_of, periods, by_id, _ = keys_of(claims) if keys_read is None else keys_read
    buckets: dict[tuple[str, str, tuple[str, ...], str], list[int]] = {}
    for i in id_order(ids) if by_id is None else by_id:
        bucket = buckets.get(keys[i])
        if bucket is None:
            buckets[keys[i]] = [i]
        else:
            bucket.append(i)
    raw: list[list[int]] = []
    flags: list[Flag] = []
    for key in sorted(buckets):  # key order; within a key, by dimension, then smallest id
        members = buckets[key]
        if len(members) == 1:
            raw.append(members)
            continue
        parts, flag = split_key(claims, Keys(ids, keys, dims_of, periods), members)
        if flag is not None:
            flags.append(flag)
        raw.extend(parts)
    return raw, flags


def split_key(
    claims: Sequence[Claim], keys_read: Keys, members: list[int]
) -> tuple[list[list[int]], Flag | None]:
    """The groups of the claims of one key (``members``, in id order): by dimension, then period.

    Returns them by dimension, then smallest id, and the flag naming dimensions that cannot be compared.
    """
    ids, _, dims_of, periods, *_ = keys_read
    dims: dict[str, list[int]] = {}
    for i in members:
        dims.setdefault(dims_of[i], []).append(i)
    flag = None
    if len(dims) > 1:
        flag = _incomparable({d: [claims[i] for i in v] for d, v in dims.items()})
    parts: list[list[int]] = []
    for dim in sorted(dims):
        same = dims[dim]
        split = _by_period(claims, ids, periods, same)
        if split[0] is not same:  # split by period: each part back to id order
            for g in split:
                g.sort(key=ids.__getitem__)
            split.sort(key=lambda g: ids[g[0]])
        parts.extend(split)
    return parts, flag


def _by_period(
    claims: Sequence[Claim],
    ids: Sequence[str],
    periods: Sequence[Period | None],
    members: list[int],
) -> list[list[int]]:
    """Split claims into groups whose periods overlap (a claim without a period joins everything).

    A cumulative figure given from one start to several ends is a series "as of" each end: one group per end.
    """
    p0 = periods[members[0]]
    if all(periods[i] is p0 for i in members):
        return [members]  # one period, the very same object (the common case)
    timed = [i for i in members if periods[i] is not None]
    if len(timed) < len(members) or len(timed) < 2:
        return [members]
    p0 = periods[timed[0]]
    assert p0 is not None  # noqa: S101 - filtered above
    start0, end0 = p0.start_ts, p0.end_ts
    if all(
        periods[i].start_ts == start0 and periods[i].end_ts == end0  # type: ignore[union-attr]
        for i in timed
    ):
        return [
            members
        ]  # one shared period (the common case): one group, as the sweep below would find
    timed.sort(key=lambda i: (periods[i].start_ts, periods[i].end_ts, ids[i]))  # type: ignore[union-attr]
    out: list[list[int]] = []
    current: list[int] = []
    end = -_INF
    prev_start = -_INF
    for i in timed:
        p = periods[i]
        assert p is not None  # noqa: S101 - filtered above
        if current and not (p.start_ts < end or p.start_ts == prev_start):
            out.append(current)
            current = []
            end = -_INF
        current.append(i)
        end = max(end, p.end_ts)
        prev_start = p.start_ts
    out.append(current)
    if claims[members[0]].metric.cumulative:
        return [part for group in out for part in _as_of(periods, group)]
    return out


def _as_of(periods: Sequence[Period | None], members: list[int]) -> Iterator[list[int]]:
    """A cumulative group whose periods all start together, split by the date each runs to."""
    starts = {periods[i].start_ts for i in members}  # type: ignore[union-attr]
    if len(starts) > 1:
        yield members
        return
    by_end: dict[float, list[int]] = {}
    for i in members:
        by_end.setdefault(periods[i].end_ts, []).append(i)  # type: ignore[union-attr]
    yield from by_end.values()


def _incomparable(dims: dict[str, list[Claim]]) -> Flag:
    parts = []
    ids: list[str] = []
    for dim in sorted(dims):
        cs = sorted(dims[dim], key=attrgetter("id"))
        ids.extend(c.id for c in cs)
        shown = ", ".join(f"'{c.id}' ({c.estimate.describe()})" for c in cs)
        parts.append(f"{shown} as {dim}")
    c = dims[min(dims)][0]
    return Flag(
        kind=FlagKind.INCOMPARABLE,
        severity=Severity.WARNING,
        claims=tuple(sorted(ids)),
        group=None,
        message=f"{c.metric.name} ({c.scope.describe()}) is given in units that cannot be compared: "
        f"{'; '.join(parts)}. They are kept in separate groups.",
    )
