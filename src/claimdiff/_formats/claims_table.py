"""The claims table of a report: one row per reconciled claim, with its group and its status there.

Claims share their estimates, scopes, metrics, periods, sources and chains (the readers share equal ones), so
each cell that follows from one of these is read once per distinct object and spread with numpy. The status of
a quiet group's claims comes from the one group built for its input (:mod:`claimdiff._formats.quiet_inputs`),
position by position, so a quiet group is not built to fill the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import count
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from claimdiff._core.group import group_id
from claimdiff._core.grouping import PerRow
from claimdiff._core.table_reads import laid_out
from claimdiff._formats.codes import first_rows, number
from claimdiff._formats.groups_table import place_text
from claimdiff._formats.judged_rows import every_read, held_read, verdict_members
from claimdiff._formats.quiet_inputs import objects, quiet_inputs, quiet_of, table_rows
from claimdiff._formats.table_schema import LIST_SEPARATOR, SCHEMA
from claimdiff._model.claim_table import ClaimTable, TableClaims
from claimdiff._model.packed_texts import taken

if TYPE_CHECKING:
    from claimdiff._core.group_cells import GroupCells
    from claimdiff._core.quiet import QuietGroups
    from claimdiff._core.report import Group, Report
    from claimdiff._formats.judged_rows import Members
    from claimdiff._model.claim import Claim

__all__ = ["claim_statuses", "claims_table"]


def claim_statuses(g: Group | GroupCells | Members) -> list[str]:
    """The status of each claim of ``g`` (a group, its cells or its members), in the order of ``g.claims``.

    Supporting, unless it is dissenting, superseded, stale or withdrawn (the last of these that applies).
    """
    status = dict.fromkeys(g.claims, "supporting")
    for name, ids in (
        ("dissenting", g.dissenting),
        ("superseded", g.superseded),
        ("stale", g.stale),
        ("withdrawn", g.withdrawn),
    ):
        for cid in ids:
            status[cid] = name
    return [status[cid] for cid in g.claims]


def _membership(
    report: Report, index: Mapping[str, int], table: ClaimTable | None = None
) -> tuple[Any, Any]:
    """Each claim's group id and status, by the claim's position in ``report.claims`` (``table``: theirs, if a table).

    The status is a column by code (:class:`~claimdiff._core.grouping.PerRow`): a claim's code into the few
    statuses met (``None`` first, a claim of no group), so that a million cells are typed from a handful.
    """
    import numpy as np  # noqa: PLC0415 - a table of claims is made with numpy (pandas and Arrow bring it)

    n = len(report.claims)
    group, status = np.full(n, None, object), np.zeros(n, np.int64)
    met: dict[str | None, int] = {None: 0}

    def codes(statuses: Iterable[str]) -> Any:
        return np.fromiter((met.setdefault(s, len(met)) for s in statuses), np.int64)

    groups = report.groups
    quiet = quiet_of(groups)
    # A group judged and not made is read of its verdict (its members), no group made.
    held = (
        held_read(groups, verdict_members)  # type: ignore[arg-type]
        if quiet is not None
        else enumerate(every_read(groups, verdict_members))
    )
    made = np.zeros(len(groups), np.bool_)
    judged = list(held)  # the groups built: their claims are found at once
    if judged:
        made[[i for i, _ in judged]] = True
        cids = [cid for _, g in judged for cid in g.claims]
        mine = _rows_of(quiet, table, [i for i, _ in judged], cids)
        if mine is None:
            mine = index.positions(cids) if isinstance(index, _Index) else [index[c] for c in cids]
        group[mine] = objects([g.id for _, g in judged for _ in g.claims])
        status[mine] = codes(s for _, g in judged for s in claim_statuses(g))
    if quiet is None or made.all():
        return group, PerRow(status, list(met))
    positions = np.flatnonzero(~made)
    inputs = quiet_inputs(quiet, positions)
    # Each claim takes the status of the claim at its place in the one group built for its group's input.
    told = [claim_statuses(g) for g in inputs.built]
    offsets = np.cumsum([len(t) for t in told]) - np.array([len(t) for t in told], np.int64)
    flat = codes(s for t in told for s in t)
    member = np.repeat(np.arange(len(positions)), inputs.sizes)
    place = np.arange(int(inputs.sizes.sum())) - np.repeat(inputs.starts, inputs.sizes)
    if (
        table is not None and inputs.table is table
    ):  # the groups' rows are the report's claims: none built
        at = inputs.rows
    else:
        at = np.fromiter(
            map(index.__getitem__, map(attrgetter("id"), inputs.claims)),
            np.int64,
            len(inputs.claims),
        )
    status[at] = flat[offsets[inputs.number[member]] + place]
    group[at] = objects([group_id(i) for i in positions.tolist()])[member]
    return group, PerRow(status, list(met))


def _rows_of(
    quiet: QuietGroups | None, table: ClaimTable | None, groups: list[int], cids: list[str]
) -> Any:
    """The rows of ``table`` holding the claims ``cids`` of ``groups`` laid end to end, read from the groups' rows.

    When the report's groups are rows of ``table`` (:class:`~claimdiff._core.group_rows.GroupRows`), each group's
    claims are its rows in order: no id is looked up. ``None`` when they are not, or when the ids found there are
    not ``cids``.
    """
    import numpy as np  # noqa: PLC0415 - a table of claims is made with numpy (pandas and Arrow bring it)

    held = None if quiet is None or table is None else table_rows(quiet.raw)
    if held is None or held[0] is not table:
        return None
    _, rows = laid_out(np, held[1].positions, np.asarray(groups, np.int64))
    # Only these rows' ids are read (a packed id column is not unpacked for a million rows).
    if len(rows) != len(cids) or taken(table.texts("id"), rows.tolist()) != cids:
        return None
    return rows


def _per_object(
    keys: Sequence[Any],
    answer: Callable[[Any], tuple[Any, ...]],
    width: int,
    holders: Sequence[Any] | None = None,
) -> list[Any]:
    """``answer`` asked once per distinct object of ``keys`` (by identity), its ``width`` cells spread to all.

    ``answer`` is asked of the key itself, or of the first of ``holders`` (one per key) holding it.
    """
    import numpy as np  # noqa: PLC0415 - a table of claims is made with numpy (pandas and Arrow bring it)

    asked = keys if holders is None else holders
    ids = np.fromiter(map(id, keys), np.int64, len(keys))
    first, inverse = np.unique(ids, return_index=True, return_inverse=True)[1:]
    answers = [answer(asked[k]) for k in first.tolist()]
    return [objects([a[j] for a in answers])[inverse.reshape(-1)] for j in range(width)]


def _scope(s: Any) -> tuple[Any, ...]:
    return s.counted, place_text(s.place), s.event


def _estimate_of(c: Claim) -> tuple[Any, ...]:
    return c.estimate.describe(), c.estimate.hedge.value, c.unit_info.canonical


def _when(p: Any) -> tuple[Any, ...]:
    return (None, None, None) if p is None else (p.isoformat(), p.start_ts, p.end_ts)


def _source(s: Any) -> tuple[Any, ...]:
    return s.name, s.kind.value, s.party


def _chain(via: Any) -> tuple[Any, ...]:
    return (LIST_SEPARATOR.join(s.name for s in via) or None,)


def claims_table(report: Report) -> dict[str, Any]:
    """The claims table of ``report``: each column a numpy array of Python values, or a PerRow, by column name."""
    claims = report.claims
    if isinstance(claims, TableClaims):
        return _table_columns(report, claims.table)
    index = {c.id: k for k, c in enumerate(claims)}
    group, status = _membership(report, index)

    def each(name: str) -> Any:
        return objects(list(map(attrgetter(name), claims)))

    def of(name: str, answer: Callable[[Any], tuple[Any, ...]], width: int) -> list[Any]:
        return _per_object(list(map(attrgetter(name), claims)), answer, width)

    estimates = list(map(attrgetter("estimate"), claims))
    # The unit is the estimate's (``Claim.unit_info``): asked of the first claim holding each estimate.
    figure = [*_per_object(estimates, _estimate_of, 3, claims)]
    figure += [each(name) for name in ("low", "high", "low_closed", "high_closed")]
    return _columns(
        each("id"),
        (group, status),
        of("metric", _metric, 1)[0],
        of("scope", _scope, 3),
        figure,
        of("period", _when, 3) + of("stated", _when, 3),
        of("source", _source, 3),
        (of("via", _chain, 1)[0], each("origin"), each("part_of"), each("note")),
    )


def _columns(
    ids: Any,
    member: tuple[Any, Any],
    metric: Any,
    scope: Sequence[Any],
    figure: Sequence[Any],
    when: Sequence[Any],
    source: Sequence[Any],
    rest: Sequence[Any],
) -> dict[str, Any]:
    """The claims table's columns by name, from its cells in groups.

    The groups: each claim's group and status; the scope's counted thing, place and event; the figure's value,
    hedge, unit, bounds and closedness; the period's and statement's text, start and end; the source's name,
    kind and party; the chain, origin, part and note.
    """
    names = (
        ("group", "status"),
        ("counted", "place", "event"),
        ("value", "hedge", "unit", "low", "high", "low_closed", "high_closed"),
        ("period", "period_start", "period_end", "stated", "stated_start", "stated_end"),
        ("source", "source_kind", "source_party"),
        ("via", "origin", "part_of", "note"),
    )
    cells = dict(zip(names[0], member, strict=True))
    for group, values in zip(names[1:], (scope, figure, when, source, rest), strict=True):
        cells.update(zip(group, values, strict=True))
    cells.update(id=ids, metric=metric)
    return {name: cells[name] for name, _ in SCHEMA["claims"]}


def _metric(m: Any) -> tuple[Any, ...]:
    return (m.name,)


def _bounds(c: Claim) -> tuple[Any, ...]:
    return (*_estimate_of(c), c.low, c.high, c.low_closed, c.high_closed)


def _table_columns(report: Report, table: ClaimTable) -> dict[str, Any]:
    """:func:`claims_table` of a report whose claims are a table: each cell asked once per distinct input, no claim per row.

    A cell of a part (a scope's place, a period's start, a source's kind) is asked of each distinct part; a cell
    of the claim is asked of one claim built per distinct input of what it reads: the figure's cells of the
    estimate and what the scope counts (what ``Claim`` derives its floats and unit from, :func:`figure_for`),
    the origin of the source, the note of its slot.
    """
    import numpy as np  # noqa: PLC0415 - a table of claims is made with numpy (pandas and Arrow bring it)

    i_codes, ids = table.column("id")
    index = _Index(i_codes, ids)
    group, status = _membership(report, index, table)
    s_codes, scopes = table.column("scope")
    counts = _identities(np, (None if s is None else s.counted for s in scopes), len(scopes))
    e_codes, _ = table.column("estimate")
    figure = e_codes.astype(np.int64) * (int(counts.max(initial=0)) + 1) + counts[s_codes]
    source_column = table.column("source")
    return _columns(
        PerRow(i_codes, ids),
        (group, status),
        _per_part(table.column("metric"), _metric, 1)[0],
        _per_part((s_codes, scopes), _scope, 3),
        _per_claim(table, figure, _bounds, 7),
        _per_part(table.column("period"), _when, 3) + _per_part(table.column("stated"), _when, 3),
        _per_part(source_column, _source, 3),
        (
            _per_part(table.column("via"), _chain, 1)[0],
            _per_claim(table, source_column[0], _origin, 1)[0],
            _per_part(table.column("part_of"), lambda p: (p,), 1)[0],
            _per_claim(table, table.column("note")[0], _note, 1)[0],
        ),
    )


def _origin(c: Claim) -> tuple[Any, ...]:
    return (c.origin,)


def _note(c: Claim) -> tuple[Any, ...]:
    return (c.note,)


class _Index(Mapping[str, int]):
    """A claim's position by its id, read from the id column (a dict made only if an id is looked up)."""

    def __init__(self, codes: Any, ids: list[Any]) -> None:
        self._codes, self._ids = codes, ids
        self._made: dict[str, int] | None = None

    def _made_dict(self) -> dict[str, int]:
        if self._made is None:
            self._made = dict(zip(map(self._ids.__getitem__, self._codes.tolist()), count()))
        return self._made

    def __getitem__(self, cid: str) -> int:
        return self._made_dict()[cid]

    def positions(self, cids: list[str]) -> Any:
        """The positions of the claims ``cids`` (numpy); found by binary search when the ids are in order.

        A report's claims are in id order: no dict of a million ids is made then.

        >>> import numpy as np
        >>> _Index(np.array([0, 2, 1]), ["a", "c", "b"]).positions(["b", "a"]).tolist()
        [1, 0]
        >>> _Index(np.array([1, 0]), ["a", "b"]).positions(["a"]).tolist()
        [1]
        """
        import numpy as np  # noqa: PLC0415 - a table of claims is made with numpy (pandas and Arrow bring it)

        if self._made is None and len(cids) and len(self._codes):
            parts = np.empty(len(self._ids), dtype=object)
            parts[:] = self._ids
            ids = parts[self._codes]
            try:
                ordered = bool((ids[1:] > ids[:-1]).all())
            except TypeError:  # an id that is not text: looked up in a dict
                ordered = False
            if ordered:
                asked = np.empty(len(cids), dtype=object)
                asked[:] = cids
                at = np.searchsorted(ids, asked).clip(0, len(ids) - 1)
                if bool((ids[at] == asked).all()):
                    return at
        return np.fromiter(map(self.__getitem__, cids), np.int64, len(cids))

    def __iter__(self) -> Iterator[str]:
        return iter(self._made_dict())

    def __len__(self) -> int:
        return len(self._codes)


def _identities(np: Any, values: Any, n: int) -> Any:
    """Each value's number, equal values numbered alike (by first appearance)."""
    seen: dict[Any, int] = {}
    return np.fromiter((seen.setdefault(v, len(seen)) for v in values), np.int64, n)


def _per_part(
    column: tuple[Any, list[Any]], answer: Callable[[Any], tuple[Any, ...]], width: int
) -> list[PerRow]:
    """``answer`` asked once per part of a table's ``column`` (codes, parts) that a row holds; its cells spread."""
    codes, parts = column
    numbers = number(codes)
    held = codes[first_rows(numbers)].tolist()
    answers = [answer(parts[k]) for k in held]
    return [PerRow(numbers, [a[j] for a in answers]) for j in range(width)]


def _per_claim(
    table: ClaimTable, inputs: Any, answer: Callable[[Claim], tuple[Any, ...]], width: int
) -> list[PerRow]:
    """``answer`` asked of one claim per distinct ``inputs`` (a number per row: what the cells read); spread."""
    numbers = number(inputs)
    rows = first_rows(numbers).tolist()
    table.build(rows)  # the few claims asked, built at once
    answers = [answer(table[r]) for r in rows]
    return [PerRow(numbers, [a[j] for a in answers]) for j in range(width)]
