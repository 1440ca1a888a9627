"""Loud groups judged when first read: what the ``truth`` policy leaves of the reconcile pass until asked.

Truth discovery learns from each group's claims that still count (withdrawn and stale ones set aside); it
reads nothing of a verdict's findings (who dissents and how far). So under ``truth`` the loud groups whose
verdict can set no claim aside (nothing withdrawn, no statement made before another, no claim stated as part of
another) are judged when the report is read: a group when it is read, every one still unjudged at once when
the flags are. Each verdict is :func:`~claimdiff._core.verdicts.analyse_groups`'s, so the report reads the same
groups, flags and messages as one whose groups were all judged at once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Any

from claimdiff._collector import PAUSE
from claimdiff._core.arithmetic import GroupFacts, ManyFacts
from claimdiff._core.flags import Flag, FlagKind, FlagRow
from claimdiff._core.group import group_id
from claimdiff._core.group_rows import laid_out_truthy
from claimdiff._core.judged_group import Verdict
from claimdiff._core.lag_conflicts import explain_lags
from claimdiff._core.lags import Lag
from claimdiff._core.lazy_items import Deferred, LazyItems
from claimdiff._core.policy import Policy
from claimdiff._core.progress import Steps
from claimdiff._core.quiet import QuietGroups
from claimdiff._core.report import Group
from claimdiff._core.series import About
from claimdiff._core.verdicts import Job, analyse_groups
from claimdiff._model.claim import Claim

__all__ = [
    "KIND_ORDER",
    "LaterVerdicts",
    "Placed",
    "explain_later",
    "held_later",
    "jobs",
    "judge_later",
]

#: Each kind of flag's rank: a group's flags are sorted by kind.
KIND_ORDER = {k: i for i, k in enumerate(FlagKind)}
_NONE: frozenset[str] = frozenset()  # one for every group with nothing withdrawn

#: How many groups are judged together when one not judged yet is read (it and those after it).
_RUN = 2048

#: One group's verdict as :func:`~claimdiff._core.verdicts.analyse_groups` gives it.
Judgement = tuple[Group | Verdict, list[Flag | FlagRow], GroupFacts | None]
#: A flag as reconcile sorts it: its group's position, its kind's rank, its claims, the flag.
Placed = tuple[int, int, tuple[str, ...], Flag | FlagRow]


def jobs(
    loud: Sequence[int],
    raw: Sequence[list[Claim]],
    withdrawn: set[str],
    quiet: QuietGroups | None,
    steps: Steps | None = None,
) -> Iterator[Job]:
    """What the verdicts of the groups ``loud`` read: each one's id and claims, those withdrawn, what the columns know."""
    for index in loud:
        cs = raw[index]
        if steps is not None:
            steps.advance(len(cs))
        gone = frozenset(c.id for c in cs if c.id in withdrawn) if withdrawn else _NONE
        known = None if quiet is None else quiet.known(index, len(cs))
        yield group_id(index), cs, gone, known


def judge_later(
    columns: Any, raw: Sequence[list[Claim]], loud: Sequence[int], withdrawn: set[str]
) -> list[int]:
    """Which of the ``loud`` groups sets no claim aside, so that its verdict may wait until it is read.

    Those whose claims were stated in no order (:meth:`~claimdiff._core.columns.Columns.unordered`: no
    revision, no stale toll), none withdrawn, and none stated as part of another (the arithmetic reads which
    groups state parts before it reads their facts).
    """
    np = columns.np
    parts = columns.reduce_any(laid_out_truthy(np, raw, columns.position, "part_of"))
    waits = columns.unordered() & ~parts
    at = np.asarray(loud, np.int64)
    later: list[int] = at[waits[at]].tolist()
    if withdrawn and later:
        later = [i for i in later if not any(c.id in withdrawn for c in raw[i])]
    return later


class LaterVerdicts:
    """The verdicts of groups judged when first read, each found once and kept.

    ``positions`` are the groups (in report order), ``keys`` and ``counts`` each group's key and whether it is a
    count, by report position.
    """

    def __init__(
        self,
        positions: Sequence[int],
        raw: Sequence[list[Claim]],
        quiet: QuietGroups,
        policy: Policy,
        about: tuple[Sequence[Any], Sequence[bool]],
    ) -> None:
        self.positions = list(positions)
        self._raw, self._quiet, self._policy = raw, quiet, policy
        self._keys, self._counts = about
        self._found: dict[int, Judgement] = {}
        self._all = not self.positions
        self._flags_given = False

    def __bool__(self) -> bool:
        return bool(self.positions)

    def _judge(self, positions: Sequence[int]) -> None:
        found = analyse_groups(
            jobs(positions, self._raw, set(), self._quiet), self._policy, build=False
        )
        self._found.update(zip(positions, found, strict=True))

    def of(self, i: int) -> Judgement:
        """Group ``i``'s verdict, found now when it has not been (with those of the next few groups not judged yet).

        Groups are mostly read in order: judging a run of them at once finds their consensus in one sweep.
        """
        found = self._found.get(i)
        if found is None:
            at = bisect_left(self.positions, i)
            with PAUSE:  # as while reconciling: the verdicts' many small objects form no cycles
                run = [k for k in self.positions[at : at + _RUN] if k not in self._found]
                self._quiet.prepare(run)
                self._judge(run)
            found = self._found[i]
        return found

    def everything(self) -> None:
        """Judge every group not judged yet, at once (their consensus found in one sweep)."""
        if self._all:
            return
        left = [i for i in self.positions if i not in self._found]
        with PAUSE:
            if left:
                self._quiet.prepare(left)
                self._judge(left)
            self._quiet.forget_widened()
        self._all = True

    def group(self, i: int) -> Group:
        """Group ``i``, judged and made when first read, then kept (the tables read a group more than once)."""
        made, flags, facts = self.of(i)
        if not isinstance(made, Group):
            with PAUSE:
                made = made()
            self._found[i] = (made, flags, facts)
        return made

    def flags(self) -> list[Placed]:
        """Every flag of these groups, in report order, as reconcile sorts them (all groups judged now), once.

        The verdicts let go of their flags then (the report holds them), so the collector does not scan them twice.
        """
        if self._flags_given:  # pragma: no cover - read once: by explain_later or by the report
            raise AssertionError("the flags of groups judged when read were given already")
        self._flags_given = True
        with PAUSE:
            self.everything()
            found = self._found
            placed = [
                (i, KIND_ORDER[f.kind], f.claims, f) for i in self.positions for f in found[i][1]
            ]
            for i in self.positions:
                made, _, facts = found[i]
                found[i] = (made, [], facts)
            return placed

    def facts(self) -> ManyFacts:
        """What the arithmetic needs of the count groups: key and part flag now, the facts when read (judged then)."""
        at = [i for i in self.positions if self._counts[i]]

        def made(k: int) -> GroupFacts:
            facts = self.of(at[k])[2]
            if facts is None:  # pragma: no cover - a count group whose claims all count has facts
                raise AssertionError(f"group g{at[k] + 1} is a count but has no facts")
            return facts

        return ManyFacts(
            at, [self._keys[i] for i in at], [False] * len(at), LazyItems(len(at), made)
        )


def held_later(
    unbuilt: Collection[int], make: Callable[[int], Group], pending: LaterVerdicts | None
) -> tuple[Collection[int], Callable[[int], Group]] | None:
    """The groups a report holds later, each made when first read: judged unbuilt (``make``), or when read."""
    if not pending:
        return (unbuilt, make) if unbuilt else None

    def made(i: int) -> Group:
        return make(i) if i in unbuilt else pending.group(i)

    return {*unbuilt, *pending.positions}, made


def explain_later(
    raw: Sequence[list[Claim]],
    groups: Sequence[Group],
    flags: list[Placed],
    pending: LaterVerdicts | None,
    policy: Policy,
    read: tuple[Sequence[bool] | None, About | None, Any],
) -> tuple[tuple[Lag, ...], dict[int, Flag], dict[int, Group], list[Placed], LaterVerdicts | None]:
    """:func:`~claimdiff._core.lag_conflicts.explain_lags` on the loud groups' flags; those flags, and whose wait.

    It reads the flags only when it finds lags: the groups judged when read (``pending``) are judged then and
    their flags put in report order among the others (reconcile's flags hold the loud groups' alone, by group);
    no group's flags wait then (the last value is ``None``), else ``pending``'s still do.
    """
    if not pending:
        lags, regraded, changed = explain_lags(raw, groups, [t[3] for t in flags], policy, *read)
        return lags, regraded, changed, flags, pending

    def every() -> list[Placed]:
        return sorted([*flags, *pending.flags()], key=_group_of)  # both in group order: a merge

    found = Deferred(every)
    lags, regraded, changed = explain_lags(raw, groups, _Flags(found), policy, *read)
    if not found.is_found:
        return lags, regraded, changed, flags, pending
    if not found:  # no loud group has a flag: no conflict to explain, no lag to look for
        return (), {}, {}, [], None
    return lags, regraded, changed, list(found), None


class _Flags(Sequence[Flag | FlagRow]):
    """The flags of placed flags found when read (:class:`~claimdiff._core.lazy_items.Deferred`)."""

    def __init__(self, placed: Sequence[Placed]) -> None:
        self._placed = placed

    def __len__(self) -> int:
        return len(self._placed)

    def __getitem__(self, i: Any) -> Any:
        return self._placed[i][3]

    def __iter__(self) -> Iterator[Flag | FlagRow]:
        return (t[3] for t in self._placed)


def _group_of(t: Placed) -> int:
    return t[0]
