"""A quiet group as the report shows it, from what is known of it: one maker, whether its claims are built or not.

A quiet group (:mod:`claimdiff._core.quiet`) has every claim supporting, none set aside, no finding, and its
intervals from the columns. :func:`quiet_group` makes it from those intervals and from what it reads of the
claims (their ids, what names the group, their display unit, how many origins, their sources' grades, how they
were compared, and the best figure). :meth:`~claimdiff._core.quiet.QuietGroups.group` reads these of the
claims; the tables of a report read them of a claim table's columns
(:mod:`claimdiff._formats.quiet_inputs`), no claim built. Either way the group is made here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from claimdiff._core.group_build import assemble_cells, made_group
from claimdiff._core.group_cells import GroupCells
from claimdiff._core.intervals import Iv
from claimdiff._core.report import Group
from claimdiff._model.source_grade import SourceGrade
from claimdiff._model.units import UnitInfo

__all__ = ["BestOf", "quiet_cells", "quiet_group"]

#: What chooses a group's best figure and its rule from the interval its best keeps to and its consensus interval
#: (:func:`~claimdiff._core.estimators.choose_best` of the group's claims, or
#: :func:`~claimdiff._core.estimators.best_by_figures` of their origins and figures).
BestOf = Callable[[Iv, Iv], tuple[float | None, str]]


def quiet_group(
    gid: str,
    claims: tuple[str, ...],
    about: dict[str, Any],
    unit: UnitInfo,
    intervals: Sequence[Any],
    best_of: BestOf,
    origins: int,
    grades: tuple[SourceGrade, ...],
    compared: tuple[str, float | None],
) -> Group:
    """The quiet group ``gid`` of the claims ``claims`` (their ids), as :func:`~claimdiff._core.verdicts.analyse` would build it.

    ``intervals`` are the group's nine values of :meth:`~claimdiff._core.quiet.QuietGroups.intervals`: its
    widened intersection, its intersection as worded, and whether the claims share a value as worded.

    >>> from claimdiff._model.units import unit_info
    >>> g = quiet_group("g1", ("a", "b"), {"metric": "killed", "counted": "people", "place": (), "event": None,
    ...                 "dimension": "count", "cumulative": False, "period": None}, unit_info(""),
    ...                 (9.5, True, 10.5, True, 10.0, True, 10.0, True, True), lambda f, iv: (10.0, "consensus"),
    ...                 2, (), ("worded", 1.0))
    >>> g.verdict, g.best, g.low, g.consensus_low, g.corroboration
    (<Verdict.AGREEMENT: 'agreement'>, 10.0, 10.0, 9.5, <Corroboration.INDEPENDENT: 'independent'>)
    """
    return made_group(
        quiet_cells(gid, claims, about, unit, intervals, best_of, origins, grades, compared)
    )


def quiet_cells(
    gid: str,
    claims: tuple[str, ...],
    about: dict[str, Any],
    unit: UnitInfo,
    intervals: Sequence[Any],
    best_of: BestOf,
    origins: int,
    grades: tuple[SourceGrade, ...],
    compared: tuple[str, float | None],
) -> GroupCells:
    """The cells of the quiet group :func:`quiet_group` makes, no group made: the one rule of a quiet group.

    A table of many quiet groups reads these of one group per input (:mod:`claimdiff._formats.quiet_inputs`);
    :func:`quiet_group` makes the group of them.
    """
    lo, lc, hi, hc, s_lo, s_lc, s_hi, s_hc, worded = intervals[:9]
    widened: Iv = (lo, lc, hi, hc)
    stated: Iv | None = (s_lo, s_lc, s_hi, s_hc) if worded else None
    shown = stated or widened
    # A single claim's best keeps to its own widened interval; a group's to what all its claims allow.
    best, rule = best_of(widened if len(claims) == 1 else shown, shown)
    return assemble_cells(
        gid,
        about,
        unit,
        claims,
        widened,
        widened,
        best,
        rule,
        set(claims),
        claims,
        (),
        (),
        frozenset(),
        origins,
        "single" if len(claims) == 1 else "independent",
        stated,
        [],
        grades,
        compared,
    )
