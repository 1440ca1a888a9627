"""The groups table of a report: one row per group, the quiet groups' rows spread from one group per input.

A report of a million claims holds hundreds of thousands of quiet groups, kept as arrays and built only when
read (:mod:`claimdiff._core.quiet`). Building each just to write its row costs more than reconciling it. Yet a
quiet group's verdict, intervals, best figure and precision follow from few things: its claims' estimates,
which of them share an origin, their sources' own grades, and the group's intervals. Groups equal in these
have equal cells but for those naming the group, so the groups table asks the one group builder
(:meth:`~claimdiff._core.quiet.QuietGroups.group`, through :func:`~claimdiff._core.verdicts.build_group` and
:func:`~claimdiff._core.estimators.choose_best`) once per distinct input and spreads its row with numpy; what
names each group comes from :func:`~claimdiff._core.verdicts.group_about`. Nothing here restates a rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, count
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from claimdiff._core.estimators import BY_FIGURES
from claimdiff._core.flags import Severity
from claimdiff._core.lazy_items import LazyItems
from claimdiff._core.quiet import QuietGroups
from claimdiff._core.verdicts import group_about, hull
from claimdiff._formats.table_schema import SCHEMA

if TYPE_CHECKING:
    from claimdiff._core.report import Group, Report

__all__ = ["group_row", "groups_table"]

_INF = float("inf")
_NAN = float("nan")

#: The cells that name a group (read from its claims by ``group_about``, or its position) and those its flags
#: give: every other cell of a quiet group follows from its input.
_NAMING = ("id", "metric", "counted", "place", "event", "period", "dimension", "cumulative")
_FLAGGED = ("worst_severity", "n_flags")


def _bound(v: float | None, feasible: bool, side: float) -> float | None:
    if not feasible:
        return None
    return side if v is None else float(v)


def place_text(place: tuple[str, ...]) -> str | None:
    """A place path as one table cell: ``"Russia > Belgorod Oblast"`` (``None`` for no place)."""
    return " > ".join(place) or None


def group_row(g: Group, worst: Severity | None, n_flags: int) -> tuple[Any, ...]:
    """The cells of group ``g`` in the order of the ``groups`` table, given its worst flag and how many it has."""
    feasible = g.feasible
    return (
        g.id,
        g.metric,
        g.counted,
        place_text(g.place),
        g.event,
        g.period,
        g.dimension,
        g.cumulative,
        g.unit,
        feasible,
        _bound(g.low, feasible, -_INF),
        _bound(g.high, feasible, _INF),
        g.low_closed,
        g.high_closed,
        _bound(g.consensus_low, feasible, -_INF),
        _bound(g.consensus_high, feasible, _INF),
        g.best,
        len(g.claims),
        len(g.supporting),
        len(g.dissenting),
        len(g.superseded),
        len(g.stale),
        g.origins,
        None if worst is None else worst.value,
        n_flags,
        g.verdict,
        g.corroboration,
        len(g.withdrawn),
        g.best_rule,
        g.stated_low,
        g.stated_high,
        "; ".join(sg.describe() for sg in g.source_grades) or None,
        g.grades_text(),
        g.precision,
        g.precision_step,
    )


#: The columns of the groups table, in order (the cells :func:`group_row` gives).
GROUP_COLUMNS = tuple(name for name, _ in SCHEMA["groups"])


def _flag_counts(report: Report) -> tuple[dict[str | None, Severity], dict[str | None, int]]:
    worst: dict[str | None, Severity] = {}
    count: dict[str | None, int] = {}
    for f in report.flags:
        count[f.group] = count.get(f.group, 0) + 1
        if f.group not in worst or f.severity.rank > worst[f.group].rank:
            worst[f.group] = f.severity
    return worst, count


def groups_table(report: Report) -> list[Any]:
    """The groups table of ``report`` as numpy arrays of Python values, in the order of :data:`GROUP_COLUMNS`."""
    worst, count = _flag_counts(report)
    groups = report.groups
    quiet = _quiet_of(groups)
    if quiet is None:
        rows = [group_row(g, worst.get(g.id), count.get(g.id, 0)) for g in groups]
        cells = list(zip(*rows, strict=True)) or [()] * len(GROUP_COLUMNS)
        return [list(c) for c in cells]
    assert isinstance(groups, LazyItems)  # noqa: S101 - _quiet_of found its maker
    import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

    n = len(groups)
    held = dict(groups.held())
    made = np.ones(n, np.bool_)
    made[list(held)] = False
    unheld = np.flatnonzero(made)
    out = [np.empty(n, object) for _ in GROUP_COLUMNS]
    if held:
        at = np.fromiter(held, np.int64, len(held))
        rows = [group_row(g, worst.get(g.id), count.get(g.id, 0)) for g in held.values()]
        for k, column in enumerate(zip(*rows, strict=True)):
            out[k][at] = _objects(np, column)
    if len(unheld):
        for k, column in enumerate(_quiet_columns(quiet, unheld, worst, count)):
            out[k][unheld] = column
    return out


def _quiet_of(groups: Sequence[Group]) -> QuietGroups | None:
    """The quiet groups behind a lazy sequence of groups, when their rows can be spread by input (else ``None``)."""
    if not isinstance(groups, LazyItems):
        return None
    maker = getattr(groups.make, "__self__", None)
    if not isinstance(maker, QuietGroups) or maker.policy.estimator not in BY_FIGURES:
        return None
    return maker


def _objects(np: Any, values: Sequence[Any]) -> Any:
    """``values`` as a numpy array of Python objects, whatever they are (a tuple stays one cell)."""
    out = np.empty(len(values), object)
    out[:] = list(values)
    return out


def _quiet_columns(
    quiet: QuietGroups,
    positions: Any,
    worst: dict[str | None, Severity],
    count: dict[str | None, int],
) -> list[Any]:
    """The columns of the quiet groups at ``positions``: one group built per distinct input, its row spread."""
    import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

    raw = quiet.raw
    chosen = [raw[i] for i in positions.tolist()]
    sizes = np.fromiter(map(len, chosen), np.int64, len(chosen))
    claims = list(chain.from_iterable(chosen))
    starts = np.cumsum(sizes) - sizes

    # The input of a group's judged cells: per claim its figure, unit, precision and source's own grade, and where
    # its origin first appears in the group; per group its intervals.
    n = len(claims)
    rows = np.repeat(quiet.intervals()[9][positions] - starts, sizes) + np.arange(n)
    # A claim's figure and unit follow from its estimate (shared by claims with equal ones): read once per estimate.
    first, estimate = np.unique(
        np.fromiter(map(id, map(attrgetter("estimate"), claims)), np.int64, n),
        return_index=True,
        return_inverse=True,
    )[1:]
    some = [claims[k] for k in first.tolist()]
    per_claim = _combined(
        np,
        _codes_of(np, np.fromiter(map(_figure, some), np.float64, len(some)))[estimate],
        _codes(np, map(id, map(attrgetter("unit_info"), some)), len(some))[estimate],
        *(_codes_of(np, v[rows]) for v in quiet.precisions()),
        _codes(np, map(attrgetter("source_grade"), claims), n),
        _first_alike(np, _codes(np, map(attrgetter("origin"), claims), n), sizes),
    )
    per_group = _combined(np, *(_codes_of(np, v[positions]) for v in quiet.intervals()[:9]))
    judged, reps = _distinct(np, per_claim, per_group, sizes, starts)
    # In position order: the quiet groups' arrays are read a chunk at a time.
    built = {r: quiet.group(int(positions[r])) for r in sorted(reps)}
    rep_rows = [group_row(built[r], None, 0) for r in reps]

    # What names each group: its first claim and the hull of its periods (asked once per distinct periods).
    periods = _codes(np, map(id, map(attrgetter("period"), claims)), len(claims))
    alike, firsts = _distinct(np, periods, np.zeros(len(sizes), np.int64), sizes, starts)
    hulls = [hull(chosen[r]) for r in firsts]
    about = [group_about(cs[0], hulls[h]) for cs, h in zip(chosen, alike.tolist(), strict=True)]
    ids = [f"g{i + 1}" for i in positions.tolist()]
    out = []
    for k, name in enumerate(GROUP_COLUMNS):
        if name == "id":
            out.append(_objects(np, ids))
        elif name == "place":
            out.append(_objects(np, [place_text(a["place"]) for a in about]))
        elif name in _NAMING:
            out.append(_objects(np, [a[name] for a in about]))
        elif name == "worst_severity":
            found = [worst.get(g) for g in ids]
            out.append(_objects(np, [None if w is None else w.value for w in found]))
        elif name == "n_flags":
            out.append(_objects(np, [count.get(g, 0) for g in ids]))
        else:
            out.append(_objects(np, [row[k] for row in rep_rows])[judged])
    return out


def _figure(c: Any) -> float:
    f: float | None = c.figure
    return _NAN if f is None else f


def _codes(np: Any, values: Any, n: int) -> Any:
    """Each value's number, equal values (hashable) numbered alike: where the first of them is."""
    seen: dict[Any, int] = {}
    return np.fromiter(map(seen.setdefault, values, count()), np.int64, n)


def _codes_of(np: Any, values: Any) -> Any:
    """Each array value's number, equal values numbered alike."""
    return np.unique(values, return_inverse=True)[1].reshape(-1).astype(np.int64)


def _combined(np: Any, *codes: Any) -> Any:
    """One number per row for each distinct combination of the rows' numbers."""
    out = codes[0]
    for more in codes[1:]:
        out = _codes_of(np, out * (int(more.max(initial=0)) + 1) + more)
    return out


def _first_alike(np: Any, codes: Any, sizes: Any) -> Any:
    """Per row, where in its group the first row with the same code is: which rows share, not what they share."""
    n = len(codes)
    member = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    order = np.lexsort((np.arange(n), codes, member))
    first = np.ones(n, np.bool_)
    same = (member[order][1:] == member[order][:-1]) & (codes[order][1:] == codes[order][:-1])
    first[1:] = ~same
    run = np.cumsum(first) - 1
    lead = order[first][run]
    out = np.empty(n, np.int64)
    out[order] = lead - (np.cumsum(sizes) - sizes)[member[order]]
    return out


def _distinct(
    np: Any, per_row: Any, per_group: Any, sizes: Any, starts: Any
) -> tuple[Any, list[int]]:
    """Number the groups by input (their rows' numbers in order, and their own): equal inputs, equal numbers.

    Returns each group's number and, per number, the first group that has it.
    """
    number = np.empty(len(sizes), np.int64)
    reps: list[int] = []
    for size in np.unique(sizes).tolist():
        which = np.flatnonzero(sizes == size)
        rows = starts[which][:, None] + np.arange(size)
        table = np.column_stack((per_row[rows], per_group[which]))
        _, first, inverse = np.unique(table, axis=0, return_index=True, return_inverse=True)
        number[which] = inverse.reshape(-1) + len(reps)
        reps.extend(which[first].tolist())
    return number, reps
