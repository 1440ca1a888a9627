"""A group judged and not made yet: what its verdict found, from which the group is made when read.

The reconcile pass judges a loud group (:mod:`claimdiff._core.verdicts`) and, where the report may make it later,
keeps its :class:`Verdict` instead: called, it makes the group (:func:`~claimdiff._core.group_build.build_group`).
What the group shows beyond the verdict's parts, its best figure, its rule, what its current claims allow as
worded and its corroboration, is :func:`judge` of those parts: the group made asks it, and so does a table that
reads a judged group's row without making the group (:mod:`claimdiff._formats.groups_table`).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from typing import NamedTuple

from claimdiff._core.estimators import choose_best
from claimdiff._core.flags import Flag, FlagRow
from claimdiff._core.group_build import build_group
from claimdiff._core.intervals import Iv, intersect
from claimdiff._core.lazy_items import built_items
from claimdiff._core.messages import Say
from claimdiff._core.policy import Policy
from claimdiff._core.precision_used import claims_precision
from claimdiff._core.report import Group
from claimdiff._model.claim import Claim
from claimdiff._model.period import Period

__all__ = ["Judged", "JudgedGroups", "SetAside", "Verdict", "judge", "set_aside_of"]

_INF = math.inf


class Judged(NamedTuple):
    """What a group shows beyond its verdict's parts (:func:`judge`)."""

    #: The best figure, in the canonical unit (``None``: none), and the rule that chose it.
    best: float | None
    rule: str
    #: What every current claim allows taken at its word (``None``: nothing).
    stated: Iv | None
    #: ``"single"``, ``"circular"`` or ``"independent"``.
    corroboration: str


def judge(
    cs: list[Claim],
    policy: Policy,
    claims: tuple[list[Claim], list[Claim], dict[str, Iv]],
    found: tuple[Iv | None, Iv | None, set[str]],
    origins: int,
) -> Judged:
    """A group's best figure and rule, what its current claims allow as worded, and its corroboration.

    ``cs`` are the group's claims; ``claims`` the supporting and the current ones and what each says now;
    ``found`` the intersection of the current claims, the consensus interval and the supporting ids;
    ``origins`` how many independent origins the claims have.
    """
    support, current, now = claims
    feasible, consensus_iv, _ = found
    # The best figure keeps to what the supporting claims say as worded when they share a value, and to
    # their widened common ground only when they agree just within precision or tolerance.
    as_worded = intersect(_worded(support, now)) if support else None
    # The same intersection, each claim taken at its word (an earlier toll still only a floor).
    # (When every current claim supports, it is the intersection found above.)
    stated = as_worded if support is current or not current else intersect(_worded(current, now))
    best, rule = choose_best(
        policy,
        support,
        current,
        feasible and (as_worded or feasible),
        as_worded or consensus_iv,
        cs[0].is_count,
    )
    corroboration = "single" if len(cs) == 1 else ("circular" if origins == 1 else "independent")
    return Judged(best, rule, stated, corroboration)


class Verdict(NamedTuple):
    """A group's verdict, its group not made: called, it makes the group.

    The group made is the one :func:`~claimdiff._core.verdicts.analyse` builds. A reader of many groups may read their parts instead (:meth:`judged`, :meth:`precision`) and make none.
    """

    gid: str
    #: The group's claims.
    cs: list[Claim]
    say: Say
    policy: Policy
    #: The supporting and the current claims, and what each says now.
    claims: tuple[list[Claim], list[Claim], dict[str, Iv]]
    #: The intersection of the current claims, the consensus interval and the supporting ids.
    found: tuple[Iv | None, Iv | None, set[str]]
    #: The ids superseded, stale and withdrawn.
    set_aside: tuple[Collection[str], Collection[str], frozenset[str]]
    origins: int
    flags: list[Flag | FlagRow]
    #: The hull of the claims' periods.
    period: Period | None
    #: How the claims were compared, when the columns found it already.
    compared: tuple[str, float | None] | None

    def judged(self) -> Judged:
        """What the group shows beyond these parts (:func:`judge`)."""
        return judge(self.cs, self.policy, self.claims, self.found, self.origins)

    def precision(self) -> tuple[str, float | None]:
        """How the claims were compared (:func:`~claimdiff._core.precision_used.claims_precision`)."""
        return self.compared or claims_precision(self.cs, self.policy.precision)

    def __call__(self) -> Group:
        """The group, made from the verdict."""
        _, current, _ = self.claims
        feasible, consensus_iv, supporting = self.found
        superseded, stale, withdrawn = self.set_aside
        best, rule, stated, corroboration = self.judged()
        return build_group(
            self.gid,
            self.cs,
            self.say,
            feasible,
            consensus_iv,
            best,
            rule,
            supporting,
            current,
            superseded,
            stale,
            withdrawn,
            self.origins,
            corroboration,
            stated,
            self.flags,
            self.period,
            self.policy.precision,
            compared=self.precision(),
        )


def _worded(cs: Sequence[Claim], now: dict[str, Iv]) -> list[Iv]:
    """Each claim's interval as worded; only a floor when the claim's toll may have grown since."""
    return [
        (c.low, c.low_closed, _INF, False)
        if now[c.id][2] == _INF
        else (c.low, c.low_closed, c.high, c.high_closed)
        for c in cs
    ]


class JudgedGroups:
    """Groups judged whose group is made when first read, from their verdict, then kept (by position).

    Kept because the tables read each such group more than once; the verdict it was made from is let go. A
    reader of many groups may read a verdict not yet made into its group instead (:meth:`verdict`).
    """

    __slots__ = ("_found",)

    def __init__(self, found: dict[int, Group | Verdict]) -> None:
        self._found = found

    def group(self, i: int) -> Group:
        """Group ``i``, made from its verdict when first read, then kept."""
        made = self._found[i]
        if not isinstance(made, Group):
            made = self._found[i] = made()
        return made

    def positions(self) -> Collection[int]:
        """The positions of the groups judged here."""
        return self._found.keys()

    def verdict(self, i: int) -> Group | Verdict:
        """Group ``i`` if made already, else its verdict (the group not made)."""
        return self._found[i]


#: What groups set aside, by position: the ids superseded, stale and withdrawn.
SetAside = Mapping[int, tuple[Collection[str], Collection[str], Collection[str]]]


def set_aside_of(
    groups: Sequence[Group], unbuilt: SetAside | None = None
) -> dict[int, tuple[Collection[str], Collection[str], Collection[str]]]:
    """What each group that sets a claim aside sets aside, by position, in order: (superseded, stale, withdrawn).

    Read of the groups made already (:func:`~claimdiff._core.lazy_items.built_items`) and, for those judged and
    not made, of their verdicts' :attr:`Verdict.set_aside` (``unbuilt``, as reconciling found them); a group made
    on access otherwise (quiet, or judged when read) sets nothing aside. No group is made.

    >>> from claimdiff import Claim, Scope, reconcile
    >>> said = {"metric": "killed", "scope": Scope(counted="people"), "source": "A"}
    >>> claims = [
    ...     Claim(id="a1", estimate=5, stated="2024-01-01T08:00Z", **said),
    ...     Claim(id="a2", estimate=7, stated="2024-01-01T12:00Z", **said),
    ... ]
    >>> set_aside_of(reconcile(claims).groups)
    {0: (('a1',), (), ())}
    """
    out: dict[int, tuple[Collection[str], Collection[str], Collection[str]]] = {
        k: v for k, v in (unbuilt or {}).items() if v[0] or v[1] or v[2]
    }
    for k, g in built_items(groups):
        if g.superseded or g.stale or g.withdrawn:
            out[k] = (g.superseded, g.stale, g.withdrawn)
        else:
            out.pop(k, None)
    return dict(sorted(out.items()))
