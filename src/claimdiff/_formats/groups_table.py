"""The groups table of a report: one row per group, the quiet groups' rows spread from one group per input.

A report of a million claims holds hundreds of thousands of quiet groups, kept as arrays and built only when
read (:mod:`claimdiff._core.quiet`). Building each just to write its row costs more than reconciling it. Yet a
quiet group's verdict, intervals, best figure and precision follow from few things: its claims' estimates,
which of them share an origin, their sources' own grades, and the group's intervals. Groups equal in these
have equal cells but for those naming the group, so the groups table asks the one maker of a quiet group for
its cells (:func:`~claimdiff._core.quiet_group.quiet_cells`, whose group
:meth:`~claimdiff._core.quiet.QuietGroups.group` makes of claims) once per distinct input and spreads its row
with numpy: for the rows of a claim table, with what it reads
of the claims read from the table's columns, no claim built (:mod:`claimdiff._formats.quiet_inputs`). What names
each group comes from :func:`~claimdiff._core.group_build.group_about`. Nothing here restates a rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from claimdiff._core.flags import Severity
from claimdiff._core.group import group_id, group_position
from claimdiff._core.grouping import PerRow
from claimdiff._core.lazy_items import LazyItems
from claimdiff._core.quiet import QuietGroups
from claimdiff._core.reconcile import flag_rows
from claimdiff._formats.judged_rows import Cells, every_read, held_read, verdict_cells
from claimdiff._formats.quiet_inputs import NAMED_BY, objects, quiet_inputs, quiet_of
from claimdiff._formats.table_schema import SCHEMA
from claimdiff._model.source_grade import SourceGrade

if TYPE_CHECKING:
    from claimdiff._core.report import Group, Report

__all__ = ["group_columns", "group_row", "groups_table"]

_INF = float("inf")

#: The cells that name a group (its position, and what ``group_about`` reads of its claims); with those its flags
#: give (``worst_severity``, ``n_flags``), the only cells of a quiet group that do not follow from its input.
_NAMING = ("id", *NAMED_BY)


def _bounded(values: list[float | None], feasible: list[bool], side: float) -> list[float | None]:
    """Each group's bound as its cell: ``None`` where no value is feasible, ``side`` for an unbounded side."""
    return [
        (side if v is None else float(v)) if f else None
        for v, f in zip(values, feasible, strict=True)
    ]


def _grades_cell(grades: tuple[SourceGrade, ...]) -> str | None:
    """The sources' own grades of a group as one cell (``None`` for none)."""
    return "; ".join([sg.describe() for sg in grades]) or None


def place_text(place: tuple[str, ...]) -> str | None:
    """A place path as one table cell: ``"Russia > Belgorod Oblast"`` (``None`` for no place)."""
    return " > ".join(place) or None


def group_row(g: Group | Cells, worst: Severity | None, n_flags: int) -> tuple[Any, ...]:
    """The cells of group ``g`` in the order of the ``groups`` table, given its worst flag and how many it has.

    The row of :func:`group_columns` of the one group.
    """
    return tuple(column[0] for column in group_columns([g], [worst], [n_flags]))


def group_columns(
    groups: Sequence[Group | Cells], worst: Sequence[Severity | None], n_flags: Sequence[int]
) -> list[list[Any]]:
    """The cells of ``groups`` column by column, in the order of the ``groups`` table (:func:`group_row` of each).

    ``worst`` and ``n_flags`` are each group's most serious flag's severity and how many flags it has. Each part of
    the groups is read column by column (a table reads tens of thousands of groups: no row made per group).
    """

    def read(name: str) -> list[Any]:
        return list(map(attrgetter(name), groups))

    def lengths(name: str) -> list[int]:
        return list(map(len, map(attrgetter(name), groups)))

    feasible = read("feasible")
    return [
        read("id"),
        read("metric"),
        read("counted"),
        list(map(place_text, read("place"))),
        read("event"),
        read("period"),
        read("dimension"),
        read("cumulative"),
        read("unit"),
        feasible,
        _bounded(read("low"), feasible, -_INF),
        _bounded(read("high"), feasible, _INF),
        read("low_closed"),
        read("high_closed"),
        _bounded(read("consensus_low"), feasible, -_INF),
        _bounded(read("consensus_high"), feasible, _INF),
        read("best"),
        lengths("claims"),
        lengths("supporting"),
        lengths("dissenting"),
        lengths("superseded"),
        lengths("stale"),
        read("origins"),
        [None if w is None else w.value for w in worst],
        list(n_flags),
        read("verdict"),
        read("corroboration"),
        lengths("withdrawn"),
        read("best_rule"),
        read("stated_low"),
        read("stated_high"),
        list(map(_grades_cell, read("source_grades"))),
        [g.grades_text() for g in groups],
        read("precision"),
        read("precision_step"),
    ]


#: The columns of the groups table, in order (the cells :func:`group_row` gives).
GROUP_COLUMNS = tuple(name for name, _ in SCHEMA["groups"])


def _flag_counts(report: Report) -> tuple[dict[str | None, Severity], dict[str | None, int]]:
    """Per group id, its most serious flag's severity and how many flags it has."""
    # One pass over the flags: the quiet groups' notices are made when read, a flag held as a row is read of it.
    pairs = Counter(map(attrgetter("group", "severity"), flag_rows(report.flags)))
    worst: dict[str | None, Severity] = {}
    count: dict[str | None, int] = {}
    for (group, severity), k in pairs.items():
        count[group] = count.get(group, 0) + k
        if group not in worst or severity.rank > worst[group].rank:
            worst[group] = severity
    return worst, count


def _columns_of(
    groups: list[Group | Cells],
    worst: dict[str | None, Severity],
    count: dict[str | None, int],
) -> list[list[Any]]:
    """:func:`group_columns` of ``groups``, each with its flags' worst severity and count by its id."""
    ids = list(map(attrgetter("id"), groups))
    return group_columns(groups, list(map(worst.get, ids)), [count.get(i, 0) for i in ids])


def groups_table(report: Report) -> list[Any]:
    """The groups table of ``report`` as columns in the order of :data:`GROUP_COLUMNS`.

    Each column is a numpy array of Python values, or a :class:`~claimdiff._core.grouping.PerRow` (each row's
    code into the distinct cells) where the quiet groups' cells are spread from one group per input.
    """
    worst, count = _flag_counts(report)
    groups = report.groups
    quiet = quiet_of(groups)
    if quiet is None:
        return _columns_of(list(every_read(groups, verdict_cells)), worst, count)
    assert isinstance(groups, LazyItems)  # noqa: S101 - quiet_of found its maker
    import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

    n = len(groups)
    held: dict[int, Group | Cells] = dict(held_read(groups, verdict_cells))
    made = np.ones(n, np.bool_)
    made[list(held)] = False
    unheld = np.flatnonzero(made)
    at = np.fromiter(held, np.int64, len(held))
    own = _columns_of(list(held.values()), worst, count)
    spread = _quiet_columns(quiet, unheld, worst, count) if len(unheld) else None
    out: list[Any] = []
    # Columns spread by one numbering share one array of codes (the built groups' cells follow the spread ones).
    shared: dict[tuple[int, int], Any] = {}
    for k in range(len(GROUP_COLUMNS)):
        column = None if spread is None else spread[k]
        if isinstance(
            column, PerRow
        ):  # the quiet groups' cells by input, then the built groups' own
            key = (id(column.codes), len(column.values))
            codes = shared.get(key)
            if codes is None:
                codes = shared[key] = np.empty(n, np.int64)
                codes[unheld] = column.codes
                codes[at] = np.arange(len(column.values), len(column.values) + len(at))
            out.append(PerRow(codes, [*column.values, *own[k]]))
            continue
        filled = np.empty(n, object)
        filled[at] = objects(own[k])
        if column is not None:
            filled[unheld] = column
        out.append(filled)
    return out


def _quiet_columns(
    quiet: QuietGroups,
    positions: Any,
    worst: dict[str | None, Severity],
    count: dict[str | None, int],
) -> list[Any]:
    """The columns of the quiet groups at ``positions``: one group built per distinct input, its row spread.

    A column whose cells follow from the input is a :class:`~claimdiff._core.grouping.PerRow` of the built groups'
    cells by each group's number; the cells that name a group, or count its flags, are its own.
    """
    inputs = quiet_inputs(quiet, positions)
    by_input = group_columns(inputs.built, [None] * len(inputs.built), [0] * len(inputs.built))
    naming = inputs.naming()
    ids = list(map(group_id, positions.tolist()))
    # Both flag cells by one pass over the groups with flags: each group's (worst severity, how many).
    flagged = _by_position(
        {g: (w.value, count.get(g, 0)) for g, w in worst.items()}, positions, (None, 0)
    )
    out: list[Any] = []
    for k, name in enumerate(GROUP_COLUMNS):
        if name == "id":
            out.append(objects(ids))
        elif name == "place":
            codes, places = naming["place"]
            out.append(PerRow(codes, list(map(place_text, places))))
        elif name in _NAMING:
            out.append(PerRow(*naming[name]))
        elif name == "worst_severity":
            out.append(PerRow(flagged.codes, [w for w, _ in flagged.values]))
        elif name == "n_flags":
            out.append(PerRow(flagged.codes, [n for _, n in flagged.values]))
        else:
            out.append(PerRow(inputs.number, list(by_input[k])))
    return out


def _by_position(values: dict[str | None, Any], positions: Any, default: Any) -> PerRow:
    """Each group's value at ``positions`` (numpy), by group id; ``default`` for a group without: a column by code.

    Few groups have flags: their values' codes are put at their positions in an array of every group, the rest
    left at the default's, so no mapping is asked once per group; the column is each group's code into the
    distinct values (a :class:`~claimdiff._core.grouping.PerRow`), the default's first.
    """
    import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

    n = int(positions.max(initial=-1)) + 1
    codes = np.zeros(n, np.int64)
    cells = [default]
    code: dict[Any, int] = {}
    for gid, value in values.items():
        try:
            at = -1 if gid is None else group_position(gid)
        except ValueError:  # not an id of the report's numbering: no group's
            continue
        if 0 <= at < n and group_id(at) == gid:
            k = code.get(value)
            if k is None:
                k = code[value] = len(cells)
                cells.append(value)
            codes[at] = k
    return PerRow(codes[positions], cells)
