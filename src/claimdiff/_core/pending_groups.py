"""Groups judged claim by claim but not built: each made from its verdict when read, many made at once.

The reconcile pass finds the verdict of every loud group and leaves those that revise, withdraw and outdate
nothing unbuilt (:func:`~claimdiff._core.verdicts.plain`): what makes each from its verdict stands for it. A
reader of one group makes it alone; a reader of them all (the groups table) asks :meth:`PendingGroups.prepare`
first, so that their best figures are chosen together (:func:`~claimdiff._core.group_assembly.assemble_groups`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from claimdiff._core.group_assembly import assemble, assemble_groups
from claimdiff._core.report import Group

__all__ = ["PendingGroups"]


class PendingGroups:
    """Groups by position, each held or made from its verdict (``assemble``'s ``partial``) when first read, then kept.

    Kept because the tables read each such group more than once; the verdict it was made from is let go.
    """

    __slots__ = ("_unbuilt",)

    def __init__(self, unbuilt: dict[int, Group | Callable[[], Group]]) -> None:
        self._unbuilt = unbuilt

    def __call__(self, i: int) -> Group:
        """Group ``i``, made from its verdict when first read, then kept."""
        made = self._unbuilt[i]
        if not isinstance(made, Group):
            made = self._unbuilt[i] = made()
        return made

    def prepare(self, positions: Iterable[int]) -> None:
        """Make the groups at ``positions`` not made yet, all at once (their best figures chosen together)."""
        unbuilt = self._unbuilt
        asked = [
            i
            for i in positions
            if isinstance(verdict := unbuilt.get(i), partial) and verdict.func is assemble
        ]
        made = assemble_groups([unbuilt[i].args for i in asked])  # type: ignore[union-attr]
        unbuilt.update(zip(asked, made, strict=True))
