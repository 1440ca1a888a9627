"""One group's verdict: widen each figure by its precision and tolerance, follow time, find who dissents.

A group's claims are first widened (the precision their wording implies, then the policy's tolerance);
only widened intervals are compared, so "20 miles" and "32 km" agree. Revisions and stale tolls are set
aside (see :mod:`claimdiff._core.timeline`). What remains either shares a value (agreement) or splits into
the consensus, the claims that allow what most independent origins allow, and dissenters, each one finding
(:mod:`claimdiff._core.dissent`); vaguer claims agreeing with exact ones get a notice
(:mod:`claimdiff._core.precision_gap`). Here the pieces come together into the group the report shows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from functools import partial
from operator import attrgetter
from typing import Literal, NamedTuple, overload

from claimdiff._core.arithmetic import GroupFacts
from claimdiff._core.dissent import dissent, pairwise
from claimdiff._core.estimators import choose_best
from claimdiff._core.figure_graph import ClaimsNow, parts_stated
from claimdiff._core.flags import Flag, FlagKind, FlagRow, Severity
from claimdiff._core.group_build import build_group, hull
from claimdiff._core.intervals import Iv, intersect
from claimdiff._core.judged_group import Verdict
from claimdiff._core.messages import Say, display_unit
from claimdiff._core.policy import Policy
from claimdiff._core.precision_gap import precision_gap
from claimdiff._core.report import Group
from claimdiff._core.timeline import Timeline, unordered
from claimdiff._core.tolerance import Tolerance
from claimdiff._model.claim import Claim

__all__ = [
    "Job",
    "Known",
    "analyse",
    "analyse_groups",
    "widen",
]


def widen(c: Claim, policy: Policy, tolerance: Tolerance) -> Iv:
    """The claim's interval widened by its implied precision and the tolerance, in the canonical unit."""
    lo, lc, hi, hc = c.low, c.low_closed, c.high, c.high_closed
    reach = policy.precision.half_width(c.estimate) * c.unit_info.factor
    is_count = c.is_count
    if is_count and reach < 1 and tolerance.is_zero:
        return lo, lc, hi, hc  # whole numbers already: less than one either side changes nothing
    if math.isfinite(lo):
        lo -= reach + tolerance.widening(lo)
    if math.isfinite(hi):
        hi += reach + tolerance.widening(hi)
    if is_count:
        lo = max(0.0, float(math.ceil(lo)))
        hi = float(math.floor(hi)) if math.isfinite(hi) else hi
        return lo, True, hi, math.isfinite(hi)
    return lo, lc, hi, hc


class Known(NamedTuple):
    """What the columns found of a group already, by the same rules, for its verdict (:func:`analyse`)."""

    #: Each claim's widened interval (:func:`widen`, asked once per estimate).
    wide: list[Iv]
    #: The claims' precision (:func:`~claimdiff._core.precision_used.group_precision`).
    compared: tuple[str, float | None]
    #: Whether no claim was stated before another (:func:`~claimdiff._core.timeline.share_a_moment`).
    unordered: bool
    #: Whether every claim holds the very same period (then it is the group's :func:`hull`).
    one_period: bool


@overload
def analyse(
    gid: str,
    cs: list[Claim],
    policy: Policy,
    withdrawn: frozenset[str] = ...,
    *,
    known: Known | None = ...,
    build: Literal[True] = ...,
) -> tuple[Group, list[Flag | FlagRow], GroupFacts | None]: ...


@overload
def analyse(
    gid: str,
    cs: list[Claim],
    policy: Policy,
    withdrawn: frozenset[str] = ...,
    *,
    known: Known | None = ...,
    build: bool,
) -> tuple[Group | Verdict, list[Flag | FlagRow], GroupFacts | None]: ...


def analyse(
    gid: str,
    cs: list[Claim],
    policy: Policy,
    withdrawn: frozenset[str] = frozenset(),
    *,
    known: Known | None = None,
    build: bool = True,
) -> tuple[Group | Verdict, list[Flag | FlagRow], GroupFacts | None]:
    """The group, its flags, and what the arithmetic needs to know of it.

    ``known`` is what the columns found of the group already (:class:`Known`). With ``build`` false, a group of
    more than one claim (or with a claim withdrawn) is not built: its verdict
    (:class:`~claimdiff._core.judged_group.Verdict`), which makes it when the report reads it, stands for it (the
    same group; its flags and facts are the same, and what it sets aside is its
    :attr:`~claimdiff._core.judged_group.Verdict.set_aside`).
    """
    return next(analyse_groups([(gid, cs, withdrawn, known)], policy, build=build))


#: What :func:`analyse_groups` judges of a group: its id, its claims, those withdrawn, what the columns know.
Job = tuple[str, list[Claim], frozenset[str], Known | None]

#: Groups judged together: their consensus is found by one sweep (a bound on what is held at once).
_AT_ONCE = 4096


def analyse_groups(
    jobs: Iterable[Job], policy: Policy, *, build: bool = True
) -> Iterator[tuple[Group | Verdict, list[Flag | FlagRow], GroupFacts | None]]:
    """Each group's verdict, as :func:`analyse` gives it, in order; the consensus of many groups found at once.

    The groups are read a few thousand at a time: what each one's claims say now (:func:`_told`), then the
    consensus of all those whose current claims share no value, in one sweep
    (:func:`claimdiff._core.sweep.consensus_of_groups`), then each verdict.
    """
    chunk: list[_Told | tuple[Group, list[Flag | FlagRow], GroupFacts | None]] = []
    for gid, cs, withdrawn, known in jobs:
        if len(cs) == 1 and not withdrawn:
            chunk.append(_single(gid, cs[0], policy))
        else:
            chunk.append(_told(gid, cs, policy, withdrawn, known))
        if len(chunk) == _AT_ONCE:
            yield from _verdicts(chunk, policy, build)
            chunk = []
    yield from _verdicts(chunk, policy, build)


def _verdicts(
    told: list[_Told | tuple[Group, list[Flag | FlagRow], GroupFacts | None]],
    policy: Policy,
    build: bool,
) -> Iterator[tuple[Group | Verdict, list[Flag | FlagRow], GroupFacts | None]]:
    """The verdicts of groups told (:func:`_told`); the consensus of those whose current claims share no value found at once."""
    split = [
        (t.current, t.now)
        for t in told
        if isinstance(t, _Told) and t.feasible is None and t.current
    ]
    found: Iterator[tuple[set[str], Iv | None]] = iter(())
    if split:
        from claimdiff._core.sweep import consensus_of_groups  # noqa: PLC0415 - imports numpy

        found = iter(consensus_of_groups(split, policy.ties))
    for t in told:
        if not isinstance(t, _Told):
            yield t
        elif t.feasible is None and t.current:
            yield _verdict(t, *next(found), build)
        else:  # the current claims share a value, so all support it; no consensus to find
            yield _verdict(t, {c.id for c in t.current}, t.feasible, build)


class _Told(NamedTuple):
    """A group's claims and what they say now (revisions, stale tolls and withdrawals set aside), before its consensus."""

    gid: str
    cs: list[Claim]
    policy: Policy
    withdrawn: frozenset[str]
    known: Known | None
    say: Say
    flags: list[Flag | FlagRow]
    timeline: Timeline | None
    superseded: set[str]
    stale: set[str]
    active: list[Claim]
    current: list[Claim]
    now: dict[str, Iv]
    feasible: Iv | None


def _told(
    gid: str, cs: list[Claim], policy: Policy, withdrawn: frozenset[str], known: Known | None
) -> _Told:
    """What a group's claims say now: withdrawals, revisions and stale tolls set aside (their flags found)."""
    first = cs[0]
    cumulative = first.metric.cumulative
    say = Say(display_unit(cs), first)
    flags: list[Flag | FlagRow] = []
    if known is None:
        tolerance = policy.tolerance.for_metric(first.metric.name)
        wide = {c.id: widen(c, policy, tolerance) for c in cs}
    else:
        wide = dict(zip([c.id for c in cs], known.wide, strict=True))
    live = [c for c in cs if c.id not in withdrawn] if withdrawn else cs
    if withdrawn:
        flags.extend(
            FlagRow(FlagKind.WITHDRAWN, Severity.INFO, (c.id,), gid, _withdrawn_text, (say, c))
            for c in cs
            if c.id in withdrawn
        )

    superseded: set[str] = set()
    stale: set[str] = set()
    active = current = live
    timeline = None
    in_order = not (known.unordered if known and not withdrawn else unordered(live))
    if len(live) > 1 and in_order:
        # Statements in time order: revisions, stale tolls, and what each claim says now.
        timeline = Timeline(live, wide, policy.growth_window)
        superseded = timeline.revisions(gid, cumulative, say, flags)
        active = [c for c in live if c.id not in superseded] if superseded else live
        if cumulative and len(active) > 1:
            stale = timeline.stale(gid, active, say, flags)
        current = [c for c in active if c.id not in stale] if stale else active
    if timeline is not None and cumulative:
        now = timeline.now(current)
    elif current is cs:
        now = wide  # every claim current, as widened: no copy
    else:
        now = {c.id: wide[c.id] for c in current}
    feasible = intersect(now.values()) if current else None
    return _Told(
        gid,
        cs,
        policy,
        withdrawn,
        known,
        say,
        flags,
        timeline,
        superseded,
        stale,
        active,
        current,
        now,
        feasible,
    )


def _verdict(
    told: _Told, supporting: set[str], consensus_iv: Iv | None, build: bool
) -> tuple[Group | Verdict, list[Flag | FlagRow], GroupFacts | None]:
    """A group's verdict from what its claims say now and its consensus: dissent, notices, then the group."""
    # The fields :func:`_told` found, read at once (all of them, in their order: mypy checks the count).
    (
        gid,
        cs,
        policy,
        withdrawn,
        known,
        say,
        flags,
        timeline,
        superseded,
        stale,
        active,
        current,
        now,
        feasible,
    ) = told
    first = cs[0]
    support = (
        current
        if feasible is not None or not current
        else [c for c in current if c.id in supporting]
    )
    if timeline is not None and len(active) > 1 and first.metric.cumulative:
        pairwise(gid, active, timeline, policy, say, flags)
    elif feasible is None and current:
        dissent(gid, current, supporting, now, policy, say, flags)

    origins = len(set(map(_ORIGIN, cs)))
    if origins == 1 and len(cs) > 1 and len({c.reporter.key for c in cs}) > 1:
        flags.append(
            FlagRow(
                FlagKind.CIRCULAR_CORROBORATION,
                Severity.WARNING,
                tuple(c.id for c in cs),
                gid,
                _circular_text,
                (say, tuple(cs)),
            )
        )
    if len(support) > 1:
        gap = precision_gap(gid, support, say)
        if gap is not None:
            flags.append(gap)
    period = first.period if known and known.one_period else hull(cs)
    facts = None
    if support and first.is_count:
        facts = GroupFacts.made(
            gid,
            first.key,
            None if period is None else (period.start_ts, period.end_ts),
            partial(_supporting_now, support, now),  # made where the arithmetic reads it
            parts_stated(support),
        )
    assemble = Verdict(
        gid,
        cs,
        say,
        policy,
        (support, current, now),
        (feasible, consensus_iv, supporting),
        (superseded, stale, withdrawn) if superseded or stale or withdrawn else _NOTHING_SET_ASIDE,
        origins,
        flags,
        period,
        None if known is None else known.compared,
    )
    if not build:
        return assemble, flags, facts
    return assemble(), flags, facts


#: What a plain group sets aside: nothing superseded, stale or withdrawn (one tuple for every such group).
_NOTHING_SET_ASIDE: tuple[frozenset[str], frozenset[str], frozenset[str]] = (
    frozenset(),
    frozenset(),
    frozenset(),
)


def _single(
    gid: str, c: Claim, policy: Policy
) -> tuple[Group, list[Flag | FlagRow], GroupFacts | None]:
    """A group of one claim: nothing to compare, so none of the machinery (most groups are like this)."""
    say = Say(c.unit_info, c)
    stated: Iv = (c.low, c.low_closed, c.high, c.high_closed)
    wide = widen(c, policy, policy.tolerance.for_metric(c.metric.name))
    best, rule = choose_best(policy, [c], [c], wide, stated, c.is_count)
    group = build_group(
        gid,
        [c],
        say,
        wide,
        wide,
        best,
        rule,
        {c.id},
        [c],
        set(),
        set(),
        frozenset(),
        1,
        "single",
        stated,
        [],
        c.period,
        policy.precision,
    )
    facts = None
    if c.is_count:
        p = c.period
        facts = GroupFacts(
            gid=gid,
            key=c.key,
            period=None if p is None else (p.start_ts, p.end_ts),
            claims=((c, wide[0], wide[2]),),
        )
    return group, [], facts


_ORIGIN = attrgetter("origin")


def _supporting_now(support: list[Claim], now: dict[str, Iv]) -> ClaimsNow:
    """A group's :attr:`~claimdiff._core.figure_graph.GroupFacts.claims`: each supporting claim and its bounds now.

    Made each time the arithmetic reads them: it reads only the groups a relation can touch.
    """
    return tuple([(c, iv[0], iv[2]) for c in support for iv in (now[c.id],)])


def _withdrawn_text(say: Say, c: Claim) -> str:
    return f"{say.who(c)} gave {say.figure(c)} for {say.subject}; the figure was withdrawn later and no longer counts."


def _circular_text(say: Say, cs: tuple[Claim, ...]) -> str:
    reporters = sorted({c.reporter.name for c in cs})
    return (
        f"{len(cs)} reports of {say.subject} ({', '.join(reporters)}) all trace back to one origin, "
        f"{cs[0].source.name}: they are one source, not {len(cs)}."
    )
