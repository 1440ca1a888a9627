"""A judged group made from its verdict: its best figure, what it allows as worded, then the group itself.

:func:`claimdiff._core.verdicts.analyse` finds each group's verdict and leaves the group to be made from it,
at once or when the report is read. :func:`assemble_groups` makes many at once, their best figures chosen
together (:func:`~claimdiff._core.estimators.choose_bests`, one consensus figure search for all); one group
is a list of one (:func:`assemble`).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

from claimdiff._core.estimators import BestAsk, choose_bests
from claimdiff._core.flags import Flag, FlagRow
from claimdiff._core.group_build import build_group
from claimdiff._core.intervals import Iv, intersect
from claimdiff._core.messages import Say
from claimdiff._core.policy import Policy
from claimdiff._core.report import Group
from claimdiff._model.claim import Claim
from claimdiff._model.period import Period

__all__ = ["Verdict", "assemble", "assemble_groups"]

_INF = math.inf

#: What a group is made from (the arguments of :func:`assemble`): its id, claims, wording and policy; its
#: supporting and current claims and what each says now; the intersection of the current claims, the consensus
#: interval and the supporting ids; the ids superseded, stale and withdrawn; how many origins; its flags, its
#: period and its claims' precision when known.
Verdict = tuple[
    str,
    list[Claim],
    Say,
    Policy,
    tuple[list[Claim], list[Claim], dict[str, Iv]],
    tuple["Iv | None", "Iv | None", set[str]],
    tuple[Collection[str], Collection[str], frozenset[str]],
    int,
    list["Flag | FlagRow"],
    "Period | None",
    "tuple[str, float | None] | None",
]


def assemble(
    gid: str,
    cs: list[Claim],
    say: Say,
    policy: Policy,
    claims: tuple[list[Claim], list[Claim], dict[str, Iv]],
    found: tuple[Iv | None, Iv | None, set[str]],
    set_aside: tuple[Collection[str], Collection[str], frozenset[str]],
    origins: int,
    flags: list[Flag | FlagRow],
    period: Period | None,
    compared: tuple[str, float | None] | None,
) -> Group:
    """The group from its verdict (:func:`assemble_groups` of one).

    ``claims`` are the supporting and the current claims and what each says now; ``found`` the intersection
    of the current claims, the consensus interval and the supporting ids; ``set_aside`` the ids superseded,
    stale and withdrawn.
    """
    return assemble_groups(
        [(gid, cs, say, policy, claims, found, set_aside, origins, flags, period, compared)]
    )[0]


def assemble_groups(verdicts: Sequence[Verdict]) -> list[Group]:
    """Each group from its verdict: its best figure and what it allows as worded, then :func:`build_group`.

    The best figures of the groups under one policy are chosen at once.
    """
    asks: dict[int, list[tuple[int, BestAsk]]] = {}
    stated_of: list[Iv | None] = []
    policies: dict[int, Policy] = {}
    for k, (
        _,
        cs,
        _,
        policy,
        (support, current, now),
        (feasible, consensus_iv, _),
        *_,
    ) in enumerate(verdicts):
        # The best figure keeps to what the supporting claims say as worded when they share a value, and to
        # their widened common ground only when they agree just within precision or tolerance.
        as_worded = intersect(_worded(c, now) for c in support) if support else None
        # The same intersection, each claim taken at its word (an earlier toll still only a floor).
        # (When every current claim supports, it is the intersection found above.)
        stated_of.append(
            as_worded
            if support is current or not current
            else intersect(_worded(c, now) for c in current)
        )
        policies[id(policy)] = policy
        asks.setdefault(id(policy), []).append(
            (
                k,
                (
                    support,
                    current,
                    feasible and (as_worded or feasible),
                    as_worded or consensus_iv,
                    cs[0].is_count,
                ),
            )
        )
    bests: list[tuple[float | None, str]] = [(None, "")] * len(verdicts)
    for key, asked in asks.items():
        for (k, _), chosen in zip(
            asked, choose_bests(policies[key], [a for _, a in asked]), strict=True
        ):
            bests[k] = chosen
    out = []
    for (gid, cs, say, policy, claims, found, set_aside, origins, flags, period, compared), (
        best,
        rule,
    ), stated in zip(verdicts, bests, stated_of, strict=True):
        _, current, _ = claims
        feasible, consensus_iv, supporting = found
        superseded, stale, withdrawn = set_aside
        corroboration = (
            "single" if len(cs) == 1 else ("circular" if origins == 1 else "independent")
        )
        out.append(
            build_group(
                gid,
                cs,
                say,
                feasible,
                consensus_iv,
                best,
                rule,
                supporting,
                current,
                superseded,
                stale,
                withdrawn,
                origins,
                corroboration,
                stated,
                flags,
                period,
                policy.precision,
                compared=compared,
            )
        )
    return out


def _worded(c: Claim, now: dict[str, Iv]) -> Iv:
    """The claim's interval as worded; only a floor when the claim's toll may have grown since."""
    if now[c.id][2] == _INF:
        return c.low, c.low_closed, _INF, False
    return c.low, c.low_closed, c.high, c.high_closed
