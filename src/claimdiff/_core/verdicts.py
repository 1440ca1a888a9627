"""One group's verdict: widen each figure by its precision and tolerance, follow time, find who dissents.

A group's claims are first widened (the precision their wording implies, then the policy's tolerance);
only widened intervals are compared, so "20 miles" and "32 km" agree. Revisions and stale tolls are set
aside (see :mod:`claimdiff._core.timeline`). What remains either shares a value (agreement) or splits into
the consensus, the claims that allow what most independent origins allow, and dissenters. Each dissenter
is one finding, named with the consensus claim it conflicts with, graded by size: a discrepancy, a
contradiction, tagged ``outlier`` when it lies far outside the others' spread. A cumulative group whose
statements follow one another is judged pair by pair in time instead, since a toll may grow but not fall.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from typing import Any

from claimdiff._core.arithmetic import GroupFacts
from claimdiff._core.estimators import best_in_unit, choose_best, consensus, origin_figures
from claimdiff._core.flags import Flag, FlagKind, LazyMessage, Severity, conflict_verdict
from claimdiff._core.intervals import Iv, above, intersect
from claimdiff._core.messages import Say, advice, display_unit, gap_words, small_counts, times
from claimdiff._core.policy import Policy
from claimdiff._core.precision_used import claims_precision
from claimdiff._core.report import Group
from claimdiff._core.timeline import Timeline, before, unordered
from claimdiff._core.tolerance import Precision, Tolerance, relative_gap
from claimdiff._model.claim import Claim, source_grades
from claimdiff._model.estimate import Hedge
from claimdiff._model.numbers import format_number
from claimdiff._model.period import Period

__all__ = [
    "analyse",
    "build_group",
    "group_about",
    "hull",
    "precision_gap",
    "precision_sides",
    "precision_text",
    "widen",
]

_INF = math.inf


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


def analyse(
    gid: str,
    cs: list[Claim],
    policy: Policy,
    withdrawn: frozenset[str] = frozenset(),
    *,
    known: tuple[list[Iv], tuple[str, float | None]] | None = None,
) -> tuple[Group, list[Flag], GroupFacts | None]:
    """The group, its flags, and what the arithmetic needs to know of it.

    ``known`` gives each claim's widened interval and the claims' precision when the columns found them already
    (by :func:`widen` and :func:`~claimdiff._core.precision_used.figure_precision`, asked once per estimate).
    """
    if len(cs) == 1 and not withdrawn:
        return _single(gid, cs[0], policy)
    first = cs[0]
    cumulative = first.metric.cumulative
    say = Say(display_unit(cs), first)
    flags: list[Flag] = []
    tolerance = policy.tolerance.for_metric(first.metric.name)
    if known is None:
        wide = {c.id: widen(c, policy, tolerance) for c in cs}
    else:
        wide = dict(zip([c.id for c in cs], known[0], strict=True))
    live = [c for c in cs if c.id not in withdrawn] if withdrawn else cs
    flags.extend(
        Flag(
            kind=FlagKind.WITHDRAWN,
            severity=Severity.INFO,
            claims=(c.id,),
            group=gid,
            message=LazyMessage(_withdrawn_text, say, c),
        )
        for c in cs
        if c.id in withdrawn
    )

    superseded: set[str] = set()
    stale: set[str] = set()
    active = current = live
    timeline = None
    if len(live) > 1 and not unordered(live):
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

    if feasible is not None or not current:
        # The fast path: the current claims share a value, so all support it; no consensus to find.
        supporting = {c.id for c in current}
        consensus_iv = feasible
        support = current
    else:
        supporting = consensus(current, now, policy.ties)
        consensus_iv = intersect(now[cid] for cid in sorted(supporting))
        support = [c for c in current if c.id in supporting]
    if timeline is not None and cumulative and len(active) > 1:
        _pairwise(gid, active, timeline, policy, say, flags)
    elif feasible is None and current:
        _dissent(gid, current, supporting, now, policy, say, flags)

    # The best figure keeps to what the supporting claims say as worded when they share a value, and to
    # their widened common ground only when they agree just within precision or tolerance.
    as_worded = intersect(_worded(c, now) for c in support) if support else None
    best, rule = choose_best(
        policy,
        support,
        current,
        feasible and (as_worded or feasible),
        as_worded or consensus_iv,
        first.is_count,
    )
    origins = {c.origin for c in cs}
    corroboration = (
        "single" if len(cs) == 1 else ("circular" if len(origins) == 1 else "independent")
    )
    if len(origins) == 1 and len(cs) > 1 and len({c.reporter.key for c in cs}) > 1:
        flags.append(
            Flag(
                kind=FlagKind.CIRCULAR_CORROBORATION,
                severity=Severity.WARNING,
                claims=tuple(c.id for c in cs),
                group=gid,
                message=LazyMessage(_circular_text, say, tuple(cs)),
            )
        )
    if len(support) > 1:
        gap = precision_gap(gid, support, say)
        if gap is not None:
            flags.append(gap)

    # The same intersection, each claim taken at its word (an earlier toll still only a floor).
    # (When every current claim supports, it is the intersection found above.)
    stated = (
        as_worded
        if support is current or not current
        else intersect(_worded(c, now) for c in current)
    )
    period = hull(cs)
    group = build_group(
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
        compared=None if known is None else known[1],
    )
    facts = None
    if first.is_count and support:
        facts = GroupFacts(
            gid=gid,
            key=first.key,
            period=None if period is None else (period.start_ts, period.end_ts),
            claims=tuple((c, now[c.id][0], now[c.id][2]) for c in support),
        )
    return group, flags, facts


def _single(gid: str, c: Claim, policy: Policy) -> tuple[Group, list[Flag], GroupFacts | None]:
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
        {c.origin},
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


def _withdrawn_text(say: Say, c: Claim) -> str:
    return f"{say.who(c)} gave {say.figure(c)} for {say.subject}; the figure was withdrawn later and no longer counts."


def _circular_text(say: Say, cs: tuple[Claim, ...]) -> str:
    reporters = sorted({c.reporter.name for c in cs})
    return (
        f"{len(cs)} reports of {say.subject} ({', '.join(reporters)}) all trace back to one origin, "
        f"{cs[0].source.name}: they are one source, not {len(cs)}."
    )


def _worded(c: Claim, now: dict[str, Iv]) -> Iv:
    """The claim's interval as worded; only a floor when the claim's toll may have grown since."""
    if now[c.id][2] == _INF:
        return c.low, c.low_closed, _INF, False
    return c.low, c.low_closed, c.high, c.high_closed


def hull(cs: Iterable[Claim]) -> Period | None:
    """The period from the earliest start to the latest end of the claims' periods (None when none has one)."""
    first_p = last_p = None
    for c in cs:
        p = c.period
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
    return {
        "metric": first.metric.name,
        "counted": first.scope.counted,
        "place": first.scope.place,
        "event": first.scope.event,
        "dimension": first.dimension,
        "cumulative": first.metric.cumulative,
        "period": None if hull is None else hull.describe(),
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
    superseded: set[str],
    stale: set[str],
    withdrawn: frozenset[str],
    origins: set[str],
    corroboration: str,
    stated: Iv | None,
    flags: list[Flag],
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
    first = cs[0]
    offset, factor = say.unit.offset, say.unit.factor
    kinds, step = compared or claims_precision(cs, precision)

    def shown(v: float) -> float | None:  # say.value, inlined: it runs six times a group
        return (v - offset) / factor if v - v == 0 else None

    # What every current claim allows: as worded when they share a value, else within precision and tolerance.
    span = (stated or feasible) if feasible is not None else None
    conflicted = conflict_verdict(flags) if flags else None
    if conflicted is not None:
        verdict = conflicted
    elif stated is None and feasible is not None and current:
        verdict = "tolerance"
    else:
        verdict = "agreement"
    return Group(
        id=gid,
        **group_about(first, hull),
        unit=say.unit.unit,
        claims=tuple(c.id for c in cs),
        feasible=feasible is not None,
        low=shown(span[0]) if span else None,
        high=shown(span[2]) if span else None,
        low_closed=bool(span and span[1] and math.isfinite(span[0])),
        high_closed=bool(span and span[3] and math.isfinite(span[2])),
        consensus_low=shown(consensus_iv[0]) if consensus_iv else None,
        consensus_high=shown(consensus_iv[2]) if consensus_iv else None,
        best=None if best is None else best_in_unit(best, say.unit),
        supporting=tuple(sorted(supporting)),
        dissenting=tuple(sorted(c.id for c in current if c.id not in supporting)),
        superseded=tuple(sorted(superseded)),
        stale=tuple(sorted(stale)),
        origins=len(origins),
        verdict=verdict,
        corroboration=corroboration,
        withdrawn=tuple(sorted(withdrawn)),
        best_rule=rule,
        stated_low=shown(stated[0]) if stated else None,
        stated_high=shown(stated[2]) if stated else None,
        source_grades=source_grades(cs),
        precision=kinds,
        precision_step=None if step is None else step / factor,
    )


# -- findings ------------------------------------------------------------------------------------


def _contested(a: Claim, b: Claim) -> bool:
    pa, pb = a.source.party, b.source.party
    return pa is not None and pb is not None and pa.casefold() != pb.casefold()


def _finding(
    gid: str,
    hi: Claim,
    lo: Claim,
    policy: Policy,
    say: Say,
    why: LazyMessage,
    *,
    outlier: bool = False,
) -> Flag:
    gap = hi.low - lo.high
    rel = relative_gap(hi.low, lo.high)
    grading = policy.grading
    counted = gap if hi.is_count else None
    error = grading.is_contradiction(rel, counted)
    floor = grading.min_count_gap if counted is not None and grading.small_count(rel, gap) else None
    contested = _contested(hi, lo)
    tags = (
        ("contested", "outlier")
        if contested and outlier
        else ("contested",)
        if contested
        else ("outlier",)
        if outlier
        else ()
    )
    kind = FlagKind.CONTRADICTION if error else FlagKind.DISCREPANCY
    shown_gap = say.gap(gap)
    return Flag(
        kind=kind,
        severity=Severity.ERROR if error else Severity.WARNING,
        claims=(hi.id, lo.id) if hi.id < lo.id else (lo.id, hi.id),
        group=gid,
        message=LazyMessage(_finding_text, say, why, shown_gap, rel, hi, lo, contested, floor),
        gap=shown_gap,
        relative_gap=rel,
        unit=say.unit.unit,
        tags=tags,
    )


def _finding_text(
    say: Say,
    why: LazyMessage,
    shown_gap: float,
    rel: float,
    hi: Claim,
    lo: Claim,
    contested: bool,
    floor: float | None,
) -> str:
    high, low = hi.low, lo.high
    shown = (
        _bound(say, high, hi, "the least {} allows,"),
        _bound(say, low, lo, "the most {} allows"),
    )
    size = gap_words(f"{format_number(shown_gap, grouped=True)}{say.suffix}", rel, high, low, shown)
    parties = "; the figures come from opposing parties" if contested else ""
    small = "" if floor is None else f"; {small_counts(floor)}"
    return f"{say.subject}: {why} ({size}{parties}{small})."


def _bound(say: Say, bound: float, c: Claim, hedge: str) -> str:
    """A facing bound as a sentence says it ("99, the most 'dozens' allows").

    The hedge it comes from is named when the wording does not show the number.
    """
    number = f"{say.num(bound)}{say.suffix}"
    worded = say.figure(c)
    return number if say.num(bound) in worded else f"{number}, {hedge.format(repr(worded))}"


def _dissent_text(
    say: Say, d: Claim, partner: Claim, far: tuple[float, list[float]] | None, alone: bool
) -> str:
    if d.origin == partner.origin:  # two reports of one origin: the origin is not against itself
        most = "" if alone else ", as most independent sources do"
        why = (
            f"{say.who(d)} says {say.figure(d)} but another report of the same origin, '{partner.id}', says "
            f"{say.figure(partner)}{most}; no single figure fits both"
        )
    else:
        why = (
            f"{say.who(d)} says {say.figure(d)} but {say.who(partner)}, with most independent sources, "
            f"says {say.figure(partner)}; no single figure fits both"
        )
    return why + _far(d, far[0], far[1], say) if far is not None else why


def _dissent(
    gid: str,
    current: list[Claim],
    supporting: set[str],
    now: dict[str, Iv],
    policy: Policy,
    say: Say,
    flags: list[Flag],
) -> None:
    """One finding per dissenting claim, against the consensus claim that bounds what most origins allow.

    A dissenter misses the consensus interval, so it lies wholly above or below it; the supporting claim
    whose bound is that interval's facing bound cannot agree with it either (Helly, in one dimension). The
    gap, and so the grading, is the distance to the consensus.
    """
    support = sorted((c for c in current if c.id in supporting), key=lambda c: c.id)
    top = min(support, key=lambda c: (now[c.id][2], now[c.id][3]))
    bottom = max(support, key=lambda c: (now[c.id][0], not now[c.id][1]))
    figures = origin_figures(current)
    for d in current:
        if d.id in supporting:
            continue
        w = now[d.id]
        if above(w[0], w[1], now[top.id][2], now[top.id][3]):
            hi, lo, partner = d, top, top
        elif above(now[bottom.id][0], now[bottom.id][1], w[2], w[3]):
            hi, lo, partner = bottom, d, bottom
        else:  # cannot happen in one dimension (Helly); kept for safety
            continue
        # Far from the others' median, and from the consensus too: a figure a few percent off the consensus is
        # no outlier because vandals drag the median away (a city of 2,350,227 against 2,223,078 and a median of 38).
        outlier = (
            _is_outlier(d, figures, policy)
            and relative_gap(hi.low, lo.high) >= policy.grading.contradiction_at
        )
        far = (
            (d.figure, [v for o, v in figures.items() if o != d.origin])
            if outlier and d.figure is not None
            else None
        )
        why = LazyMessage(_dissent_text, say, d, partner, far, len(figures) == 1)
        flags.append(_finding(gid, hi, lo, policy, say, why, outlier=outlier))


def _far(d: Claim, f: float, others: list[float], say: Say) -> str:
    """How far an outlier lies from the other origins' median, and what to check, as its hedge allows."""
    m = statistics.median(others)
    median = f"the median of the {len(others)} other origins ({say.num(m)}{say.suffix})"
    ratio = max(f / m, m / f) if f > 0 and m > 0 else math.inf
    if f > 0 and m > 0 and ratio >= 2:
        size = (
            f"it is {times(f / m)} times {median}"
            if f > m
            else f"{median} is {times(m / f)} times it"
        )
    elif f > 0 and m > 0:
        size = f"it is {abs(f - m) / m:.0%} {'above' if f > m else 'below'} {median}"
    elif f == 0:
        size = f"it is zero against {median}"
    else:
        size = f"it is {format_number(say.gap(abs(f - m)), grouped=True)}{say.suffix} away from {median}"
    return f"; {size}: {advice(d.estimate, f > m, ratio)}"


def _is_outlier(d: Claim, figures: dict[str, float], policy: Policy) -> bool:
    """True when ``d``'s figure lies ``outlier_factor`` spreads or more from the other origins' median."""
    if d.figure is None or len(figures) < policy.outlier_min_origins:
        return False
    others = [v for o, v in figures.items() if o != d.origin]
    if len(others) < 2:
        return False
    m = statistics.median(others)
    mad = statistics.median(abs(v - m) for v in others) * 1.4826
    spread = max(
        mad,
        1.0 if d.is_count else abs(m) * 1e-9,
        policy.precision.half_width(d.estimate) * d.unit_info.factor,
    )
    if spread == 0:
        return False
    return (
        abs(d.figure - m) >= policy.outlier_factor * spread
        and relative_gap(max(d.figure, m), min(d.figure, m)) >= policy.grading.contradiction_at
    )


def _pairwise(
    gid: str,
    active: Sequence[Claim],
    timeline: Timeline,
    policy: Policy,
    say: Say,
    flags: list[Flag],
) -> None:
    """For a toll over time: flag every claim in a conflict once, against its widest conflicting partner."""
    if intersect(timeline.wide[c.id] for c in active) is not None:
        return  # all widened figures share a value: no two are in conflict
    worst: dict[str, tuple[float, str, tuple[Claim, Claim, bool]]] = {}
    for i, a in enumerate(active):
        for b in active[i + 1 :]:
            found = timeline.conflict(a, b)
            if found is None:
                continue
            gap = found[0].low - found[1].high
            for x, y in ((a, b), (b, a)):
                cur = worst.get(x.id)
                if cur is None or (-gap, y.id) < (-cur[0], cur[1]):
                    worst[x.id] = (gap, y.id, found)
    seen: set[tuple[str, str]] = set()
    for _gap, _partner, (hi, lo, fell) in sorted(
        worst.values(), key=lambda w: (w[2][0].id, w[2][1].id)
    ):
        pair = (min(hi.id, lo.id), max(hi.id, lo.id))
        if pair in seen:
            continue
        seen.add(pair)
        flags.append(_finding(gid, hi, lo, policy, say, LazyMessage(_pair_text, say, hi, lo, fell)))


def _pair_text(say: Say, hi: Claim, lo: Claim, fell: bool) -> str:
    if fell:
        return (
            f"{say.who(hi)} gave {say.figure(hi)}{say.when(hi)}, but later {say.who(lo)} gave "
            f"{say.figure(lo)}{say.when(lo)}; a cumulative figure cannot fall"
        )
    if before(lo, hi) or before(hi, lo):
        earlier, later = (lo, hi) if before(lo, hi) else (hi, lo)
        return (
            f"{say.who(earlier)} gave {say.figure(earlier)}{say.when(earlier)} and {say.who(later)} gave "
            f"{say.figure(later)}{say.when(later)}, too soon after for the toll to have grown that much"
        )
    return f"{say.who(hi)} says {say.figure(hi)} but {say.who(lo)} says {say.figure(lo)}; no single figure fits both"


def precision_sides(c: Claim) -> tuple[bool, bool]:
    """Whether a claim is exact, and whether it is vaguer (a hedge allowing more than one value).

    A group's supporting claims show a difference of precision when some are exact and some vaguer.
    """
    exact = c.estimate.hedge is Hedge.EXACT
    return exact, not exact and c.low != c.high


def precision_gap(gid: str, support: Sequence[Claim], say: Say) -> Flag | None:
    """The notice that vaguer claims agree with exact ones, or ``None`` when the claims are not so mixed."""
    exact: list[Claim] = []
    vague: list[Claim] = []
    for c in support:
        is_exact, is_vague = precision_sides(c)
        if is_exact:
            exact.append(c)
        elif is_vague:
            vague.append(c)
    if not exact or not vague:
        return None
    return Flag(
        kind=FlagKind.PRECISION_GAP,
        severity=Severity.INFO,
        claims=tuple(sorted([c.id for c in vague + exact])),
        group=gid,
        message=LazyMessage(precision_text, say, vague, exact),
    )


def precision_text(say: Say, vague: list[Claim], exact: list[Claim]) -> str:
    """The sentence of a precision gap: vaguer claims agreeing with exact ones."""
    shown = ", ".join(f"{c.estimate.describe()!r} ({c.id})" for c in vague)
    exact_shown = ", ".join(f"{c.estimate.describe()} ({c.id})" for c in exact)
    return (
        f"{say.subject}: {shown} {'is' if len(vague) == 1 else 'are'} vaguer than {exact_shown}; "
        "they agree, so this is a difference of precision, not a conflict."
    )
