"""A group's cells: what a report's groups table reads of a group, under the names :class:`~claimdiff._core.report.Group` gives them.

A table of a million claims reads tens of thousands of groups that it need not make: the one maker of a group
(:func:`~claimdiff._core.group_build.assemble_cells`) gives their cells, and a
:class:`~claimdiff._core.report.Group` is made of cells only when one is asked for
(:func:`~claimdiff._core.group_build.made_group`). A reader of a judged group's verdict gives the same cells
(:func:`~claimdiff._formats.judged_rows.verdict_cells`), with the id lists' lengths only.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, NamedTuple

from claimdiff._core.grading import grades_text
from claimdiff._core.outcomes import Corroboration, Grade, Verdict
from claimdiff._model.source_grade import SourceGrade

__all__ = ["GroupCells"]


class GroupCells(NamedTuple):
    """What the groups table reads of a group, under the names of :class:`~claimdiff._core.report.Group`.

    Made by :func:`~claimdiff._core.group_build.assemble_cells` (the id lists sorted, as the group holds them) or
    read of a verdict (the id lists' lengths are the group's, their order not kept).
    """

    id: str
    metric: str
    counted: str | None
    place: tuple[str, ...]
    event: str | None
    period: str | None
    dimension: str
    cumulative: bool
    unit: str
    feasible: bool
    low: float | None
    high: float | None
    low_closed: bool
    high_closed: bool
    consensus_low: float | None
    consensus_high: float | None
    best: float | None
    claims: Sequence[Any]
    supporting: Collection[str]
    dissenting: Collection[str]
    superseded: Collection[str]
    stale: Collection[str]
    origins: int
    verdict: Verdict
    corroboration: Corroboration
    withdrawn: Collection[str]
    best_rule: str
    stated_low: float | None
    stated_high: float | None
    source_grades: tuple[SourceGrade, ...]
    grade: Grade | None
    precision: str | None
    precision_step: float | None

    def grades_text(self) -> str | None:
        """:meth:`~claimdiff._core.report.Group.grades_text` of the group."""
        return grades_text(self.grade, self.best_rule, self.source_grades)
