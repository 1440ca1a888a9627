"""What the groups table reads of the groups a report judged and has not made: their verdicts' parts, no group made.

A report of a million claims judges tens of thousands of loud groups and keeps each one's verdict
(:class:`~claimdiff._core.judged_group.Verdict`), making the group only when it is read. Making each just to write
its row costs more than judging it. What the row reads of a group follows from its verdict through the same rules
that make the group: its best figure, rule, stated interval and corroboration (:func:`~claimdiff._core.judged_group.judge`),
its figures in its unit (:func:`~claimdiff._core.group_build.shown_figures`), its verdict
(:func:`~claimdiff._core.group_build.verdict_word`) and how it was compared
(:func:`~claimdiff._core.group_build.shown_precision`); what names the groups is read column by column
(:func:`~claimdiff._core.group_build.about_columns`, the cells of :func:`~claimdiff._core.group_build.about_of`). :class:`Cells` holds these under the names
:class:`~claimdiff._core.report.Group` gives them, for :func:`~claimdiff._formats.groups_table.group_row`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from claimdiff._core.grading import grade_of_rule
from claimdiff._core.group_build import about_columns, shown_figures, shown_precision, verdict_word
from claimdiff._core.group_cells import GroupCells
from claimdiff._core.judged_group import JudgedGroups, Verdict
from claimdiff._core.lazy_items import LazyItems
from claimdiff._core.outcomes import Corroboration, as_corroboration, as_verdict
from claimdiff._core.outcomes import Verdict as Word
from claimdiff._model.claim import source_grades

if TYPE_CHECKING:
    from claimdiff._core.report import Group

__all__ = [
    "Cells",
    "Members",
    "every_read",
    "held_read",
    "judged_of",
    "verdict_cells",
    "verdict_members",
]

T = TypeVar("T")


#: What the groups table reads of a group (:class:`~claimdiff._core.group_cells.GroupCells`); read of a verdict by
#: :func:`verdict_cells`, the id lists' lengths the group's, their order not kept.
Cells = GroupCells
#: Cells from a tuple in their order (a NamedTuple's own constructor runs in Python: a table makes tens of thousands).
_cells = GroupCells._make


def held_read(
    groups: LazyItems[Group], read: Callable[[list[Verdict]], Iterable[T]]
) -> Iterator[tuple[int, Group | T]]:
    """The groups held, with their positions, in order (as :meth:`LazyItems.held`), those judged and not made read.

    A group judged and not made yet is given as what ``read`` reads of its verdict (in order, all at once: e.g.
    :func:`verdict_cells`), no group made; one made already is given as it is.
    """
    judged = judged_of(groups)
    if judged is None:
        yield from groups.held()
        return
    built = dict(groups.built())
    found = {k: judged.verdict(k) for k in judged.positions() if k not in built}
    unmade = {k: v for k, v in sorted(found.items()) if isinstance(v, Verdict)}
    reads: dict[int, Group | T] = dict(zip(unmade, read(list(unmade.values())), strict=True))
    for k in sorted(built.keys() | found.keys()):
        if k in built:
            yield k, built[k]
        elif k in reads:
            yield k, reads[k]
        else:
            made = found[k]
            assert not isinstance(made, Verdict)  # noqa: S101 - each verdict was read
            yield k, made


def every_read(
    groups: Sequence[Group], read: Callable[[list[Verdict]], Iterable[T]]
) -> Iterator[Group | T]:
    """Every group in order, those judged and not made read as :func:`held_read` reads them, no group made."""
    if judged_of(groups) is None:
        yield from groups
        return
    assert isinstance(groups, LazyItems)  # noqa: S101 - judged_of found its maker
    held = dict(held_read(groups, read))
    for k in range(len(groups)):
        found = held.get(k)
        yield groups[k] if found is None else found


class Members(NamedTuple):
    """Which claims a group has and what each is there, under the names of :class:`~claimdiff._core.report.Group`.

    Read of a verdict by :func:`verdict_members`; the id lists' order is not kept but :attr:`claims`'.
    """

    id: str
    claims: tuple[str, ...]
    dissenting: Collection[str]
    superseded: Collection[str]
    stale: Collection[str]
    withdrawn: Collection[str]


def verdict_members(verdicts: Sequence[Verdict]) -> Iterator[Members]:
    """The members of the groups of ``verdicts``, in order, as the groups made from them would list them."""
    for v in verdicts:
        _, current, _ = v.claims
        supporting = v.found[2]
        superseded, stale, withdrawn = v.set_aside
        yield Members(
            v.gid,
            tuple(c.id for c in v.cs),
            [c.id for c in current if c.id not in supporting],
            superseded,
            stale,
            withdrawn,
        )


_METRIC, _SCOPE, _DIMENSION, _PERIOD = map(attrgetter, ("metric", "scope", "dimension", "period"))
#: The cells that name a group, in the order of :class:`Cells`.
_NAMING = ("metric", "counted", "place", "event", "period", "dimension", "cumulative")


def judged_of(groups: Sequence[Any]) -> JudgedGroups | None:
    """The groups judged and made when read behind a lazy sequence of groups (else ``None``)."""
    if not isinstance(groups, LazyItems):
        return None
    judged = getattr(groups.make_later, "__self__", None)
    return judged if isinstance(judged, JudgedGroups) else None


def verdict_cells(verdicts: Sequence[Verdict]) -> Iterator[Cells]:
    """The cells of the groups of ``verdicts``, in order, as the groups made from them would give them.

    What names the groups is read of a column of their first claims' metrics, scopes and dimensions and of their
    hulls at once (:func:`~claimdiff._core.group_build.about_columns`); the rest of each verdict by the rules
    that make its group.
    """
    firsts = [v.cs[0] for v in verdicts]
    parts = {
        "metric": list(map(_METRIC, firsts)),
        "scope": list(map(_SCOPE, firsts)),
        "dimension": list(map(_DIMENSION, firsts)),
        "hull": list(map(_PERIOD, verdicts)),
    }
    about: dict[str, list[Any]] = {}
    for part, values in parts.items():
        about.update(about_columns(part, values))
    words: dict[str, Word] = {}
    corroborations: dict[str, Corroboration] = {}
    for v, metric, counted, place, event, period, dimension, cumulative in zip(
        verdicts, *map(about.__getitem__, _NAMING), strict=True
    ):
        _, current, _ = v.claims
        feasible, consensus_iv, supporting = v.found
        superseded, stale, withdrawn = v.set_aside
        best, rule, stated, corroboration = v.judged()
        unit = v.say.unit
        low, high, low_closed, high_closed, c_low, c_high, best_shown, s_low, s_high = (
            shown_figures(unit, feasible, consensus_iv, best, stated)
        )
        word = verdict_word(v.flags, feasible, stated, bool(current))
        kinds, step = shown_precision(v.precision(), unit)
        grades = source_grades(v.cs)
        yield _cells(
            (
                v.gid,
                metric,
                counted,
                place,
                event,
                period,
                dimension,
                cumulative,
                unit.unit,
                feasible is not None,
                low,
                high,
                low_closed,
                high_closed,
                c_low,
                c_high,
                best_shown,
                v.cs,
                supporting,
                [c.id for c in current if c.id not in supporting],
                superseded,
                stale,
                v.origins,
                words.get(word) or words.setdefault(word, as_verdict(word)),
                corroborations.get(corroboration)
                or corroborations.setdefault(corroboration, as_corroboration(corroboration)),
                withdrawn,
                rule,
                s_low,
                s_high,
                grades,
                grade_of_rule(rule),
                kinds,
                step,
            )
        )
