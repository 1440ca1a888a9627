"""A group as the report shows it, made from its claims and what its verdict found.

:func:`build_group` is the one place a :class:`~claimdiff._core.report.Group` is made from claims: the groups
:mod:`claimdiff._core.verdicts` judges and the quiet groups the columns find (:mod:`claimdiff._core.quiet`)
both come through it; :func:`group_about` names what a group is about, and the groups table of quiet groups
asks it without making a group.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Sequence
from operator import attrgetter
from typing import Any

from claimdiff._core.estimators import best_in_unit
from claimdiff._core.flags import Flag, FlagRow, conflict_verdict
from claimdiff._core.grading import grade_of_rule
from claimdiff._core.group_cells import GroupCells
from claimdiff._core.intervals import Iv
from claimdiff._core.messages import Say
from claimdiff._core.outcomes import as_corroboration, as_verdict
from claimdiff._core.precision_used import claims_precision
from claimdiff._core.report import Group
from claimdiff._core.tolerance import Precision
from claimdiff._model.claim import Claim, source_grades
from claimdiff._model.period import Period
from claimdiff._model.scope import Scope
from claimdiff._model.source_grade import SourceGrade
from claimdiff._model.units import UnitInfo
from claimdiff._model.vocabulary import Metric

__all__ = [
    "ABOUT_CELLS",
    "ABOUT_PARTS",
    "about_columns",
    "about_dimension",
    "about_hull",
    "about_metric",
    "about_of",
    "about_part",
    "about_scope",
    "assemble_cells",
    "build_group",
    "group_about",
    "hull",
    "hull_of",
    "made_group",
    "shown_figures",
    "shown_precision",
    "verdict_word",
]


def hull(cs: Iterable[Claim]) -> Period | None:
    """The period from the earliest start to the latest end of the claims' periods (None when none has one)."""
    return hull_of(c.period for c in cs)


def hull_of(periods: Iterable[Period | None]) -> Period | None:
    """The period from the earliest start to the latest end of ``periods`` (None when all are None).

    >>> from claimdiff._model.period import optional_period
    >>> hull_of([None, optional_period("2024-03-01"), optional_period("2024-01-05")]).describe()
    '2024-01-05/2024-03-01'
    """
    first_p = last_p = None
    for p in periods:
        if p is not None:
            if first_p is None or p.start_ts < first_p.start_ts:
                first_p = p
            if last_p is None or p.end_ts > last_p.end_ts:
                last_p = p
    if first_p is None or last_p is None:
        return None
    return first_p if first_p is last_p else Period(first_p.start, last_p.end)


def group_about(first: Claim, hull: Period | None) -> dict[str, Any]:
    """The fields of a :class:`Group` that name what it is about, from its first claim and the hull of its periods.

    The one reading: :func:`build_group` asks it, and so does the groups table of quiet groups
    (:mod:`claimdiff._formats.groups_table`), which makes no group.
    """
    return about_of(first.metric, first.scope, first.dimension, hull)


def about_of(metric: Metric, scope: Scope, dimension: str, hull: Period | None) -> dict[str, Any]:
    """:func:`group_about` from the first claim's metric, scope and dimension (as a claim table holds them).

    Each cell follows from one of these four parts, by :data:`ABOUT_CELLS`.

    >>> from claimdiff import Claim, Scope
    >>> c = Claim(id="a", metric="killed", estimate=3, scope=Scope(counted="people"), source="A")
    >>> about_of(c.metric, c.scope, c.dimension, None) == group_about(c, None)
    True
    """
    parts = {"metric": metric, "scope": scope, "dimension": dimension, "hull": hull}
    return {name: read(parts[part]) for name, (part, read) in ABOUT_CELLS.items()}


def _itself(value: Any) -> Any:
    return value


def _described(hull: Period | None) -> str | None:
    return None if hull is None else hull.describe()


#: Each cell of :func:`about_of`: the one part it follows from (``"metric"``, ``"scope"``, ``"dimension"`` or
#: ``"hull"``) and how it is read of that part. A reader of many groups reads each cell once per distinct part,
#: or of a column of parts at once (:func:`about_columns`).
ABOUT_CELLS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "metric": ("metric", attrgetter("name")),
    "counted": ("scope", attrgetter("counted")),
    "place": ("scope", attrgetter("place")),
    "event": ("scope", attrgetter("event")),
    "dimension": ("dimension", _itself),
    "cumulative": ("metric", attrgetter("cumulative")),
    "period": ("hull", _described),
}


def about_part(part: str, value: Any) -> dict[str, Any]:
    """The cells of :func:`about_of` that follow from ``value``, the group's ``part`` alone."""
    return {name: read(value) for name, (named_by, read) in ABOUT_CELLS.items() if named_by == part}


def about_columns(part: str, values: Sequence[Any]) -> dict[str, list[Any]]:
    """:func:`about_part` of many values of ``part`` at once: per cell, each value's, in order."""
    return {
        name: list(map(read, values))
        for name, (named_by, read) in ABOUT_CELLS.items()
        if named_by == part
    }


def about_metric(metric: Metric) -> dict[str, Any]:
    """The cells of :func:`about_of` that follow from the metric."""
    return about_part("metric", metric)


def about_scope(scope: Scope) -> dict[str, Any]:
    """The cells of :func:`about_of` that follow from the scope."""
    return about_part("scope", scope)


def about_dimension(dimension: str) -> dict[str, Any]:
    """The cell of :func:`about_of` that follows from the dimension."""
    return about_part("dimension", dimension)


def about_hull(hull: Period | None) -> dict[str, Any]:
    """The cell of :func:`about_of` that follows from the hull of the group's periods."""
    return about_part("hull", hull)


#: Each part :func:`about_of` reads, and what gives the cells that follow from it alone.
ABOUT_PARTS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "metric": about_metric,
    "scope": about_scope,
    "dimension": about_dimension,
    "hull": about_hull,
}


def build_group(
    gid: str,
    cs: list[Claim],
    say: Say,
    feasible: Iv | None,
    consensus_iv: Iv | None,
    best: float | None,
    rule: str,
    supporting: set[str],
    current: list[Claim],
    superseded: Collection[str],
    stale: Collection[str],
    withdrawn: frozenset[str],
    origins: int,
    corroboration: str,
    stated: Iv | None,
    flags: list[Flag | FlagRow],
    hull: Period | None,
    precision: Precision,
    *,
    compared: tuple[str, float | None] | None = None,
) -> Group:
    """The group as the report shows it, from what its verdict found (intervals in the canonical unit).

    The one place a :class:`Group` is made from claims: groups judged here and the quiet groups the columns
    find (:mod:`claimdiff._core.quiet`, built when the report is read) both come through it. ``compared`` is
    the claims' :func:`~claimdiff._core.precision_used.claims_precision` when known already.
    """
    return made_group(
        assemble_cells(
            gid,
            group_about(cs[0], hull),
            say.unit,
            tuple(c.id for c in cs),
            feasible,
            consensus_iv,
            best,
            rule,
            supporting,
            [c.id for c in current],
            superseded,
            stale,
            withdrawn,
            origins,
            corroboration,
            stated,
            flags,
            source_grades(cs),
            compared or claims_precision(cs, precision),
        )
    )


def made_group(cells: GroupCells) -> Group:
    """The :class:`Group` of ``cells`` (made by :func:`assemble_cells`): a group is made of its cells when asked for."""
    return Group(**cells._asdict())


def assemble_cells(
    gid: str,
    about: dict[str, Any],
    unit: UnitInfo,
    claims: tuple[str, ...],
    feasible: Iv | None,
    consensus_iv: Iv | None,
    best: float | None,
    rule: str,
    supporting: Collection[str],
    current: Iterable[str],
    superseded: Collection[str],
    stale: Collection[str],
    withdrawn: frozenset[str],
    origins: int,
    corroboration: str,
    stated: Iv | None,
    flags: list[Flag | FlagRow],
    grades: tuple[SourceGrade, ...],
    compared: tuple[str, float | None],
) -> GroupCells:
    """A group's cells from what :func:`build_group` reads of its claims, no group made: the one rule of a group's cells.

    What it reads: what names the group (:func:`group_about`), its display ``unit``, the claims' ids
    (``current``: the current ones'), their sources' grades, and how they were compared; a reader of columns
    (the quiet groups of a claim table, :mod:`claimdiff._formats.quiet_inputs`) gives these of its columns.

    A table of many groups reads these (:func:`~claimdiff._formats.groups_table.group_row`), and
    :func:`made_group` makes the group of them.
    """
    kinds, step = shown_precision(compared, unit)
    low, high, low_closed, high_closed, c_low, c_high, best_shown, s_low, s_high = shown_figures(
        unit, feasible, consensus_iv, best, stated
    )
    # Made from a tuple in the cells' order (a NamedTuple's own constructor takes keywords in Python), and an
    # empty list of ids not sorted: a table makes the cells of tens of thousands of groups.
    return _cells(
        (
            gid,
            about["metric"],
            about["counted"],
            about["place"],
            about["event"],
            about["period"],
            about["dimension"],
            about["cumulative"],
            unit.unit,
            feasible is not None,
            low,
            high,
            low_closed,
            high_closed,
            c_low,
            c_high,
            best_shown,
            claims,
            tuple(sorted(supporting)),
            tuple(sorted([cid for cid in current if cid not in supporting])),
            tuple(sorted(superseded)) if superseded else (),
            tuple(sorted(stale)) if stale else (),
            origins,
            as_verdict(verdict_word(flags, feasible, stated, bool(current))),
            as_corroboration(corroboration),
            tuple(sorted(withdrawn)) if withdrawn else (),
            rule,
            s_low,
            s_high,
            grades,
            grade_of_rule(rule),
            kinds,
            step,
        )
    )


_cells = GroupCells._make


#: A group's figures as shown (:func:`shown_figures`): its feasible interval, consensus interval, best and stated
#: interval in its display unit.
Shown = tuple[
    float | None,
    float | None,
    bool,
    bool,
    float | None,
    float | None,
    float | None,
    float | None,
    float | None,
]


def shown_figures(
    unit: UnitInfo,
    feasible: Iv | None,
    consensus_iv: Iv | None,
    best: float | None,
    stated: Iv | None,
) -> Shown:
    """A group's figures in its display ``unit``, from its verdict's intervals and best (in the canonical unit).

    ``low``, ``high``, ``low_closed``, ``high_closed`` (what every current claim allows: as worded when they share
    a value, else within precision and tolerance), ``consensus_low``, ``consensus_high``, ``best``, ``stated_low``,
    ``stated_high``: the cells of :class:`Group` that :func:`assemble_cells` gives, and a table reads of a verdict.
    """
    offset, factor = unit.offset, unit.factor

    def shown(v: float) -> float | None:  # say.value, inlined: it runs six times a group
        return (v - offset) / factor if v - v == 0 else None

    span = (stated or feasible) if feasible is not None else None
    return (
        shown(span[0]) if span else None,
        shown(span[2]) if span else None,
        bool(span and span[1] and math.isfinite(span[0])),
        bool(span and span[3] and math.isfinite(span[2])),
        shown(consensus_iv[0]) if consensus_iv else None,
        shown(consensus_iv[2]) if consensus_iv else None,
        None if best is None else best_in_unit(best, unit),
        shown(stated[0]) if stated else None,
        shown(stated[2]) if stated else None,
    )


def shown_precision(compared: tuple[str, float | None], unit: UnitInfo) -> tuple[str, float | None]:
    """How a group's claims were compared and the widest step of their precision, in its display ``unit``."""
    kinds, step = compared
    return kinds, None if step is None else step / unit.factor


def verdict_word(
    flags: list[Flag | FlagRow], feasible: Iv | None, stated: Iv | None, current: bool
) -> str:
    """A group's verdict: its worst conflict, else ``"tolerance"`` or ``"agreement"``.

    ``"tolerance"`` when its current claims (``current``: there are some) agree only within precision or
    tolerance.
    """
    conflicted = conflict_verdict(flags) if flags else None
    if conflicted is not None:
        return conflicted
    if stated is None and feasible is not None and current:
        return "tolerance"
    return "agreement"
