"""Who dissents, and by how much: each conflict as one finding, graded by the size of its gap.

A group's dissenters miss the consensus interval, so each lies wholly above or below it; its finding names
the consensus claim whose bound faces it, and is a discrepancy or, past the policy's grading, a
contradiction, tagged ``outlier`` when the figure lies far outside the other origins' spread and
``contested`` when the two come from opposing parties. A cumulative group told over time is judged pair by
pair instead (:func:`pairwise`): a toll may grow but not fall.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

from claimdiff._core.estimators import origin_figures
from claimdiff._core.flags import Flag, FlagKind, FlagRow, LazyMessage, Severity
from claimdiff._core.intervals import Iv, above
from claimdiff._core.messages import Say, advice, gap_words, small_counts, times
from claimdiff._core.policy import Policy
from claimdiff._core.timeline import Timeline, before
from claimdiff._core.tolerance import relative_gap
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number

__all__ = ["dissent", "pairwise"]


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
    rel: float | None = None,
) -> FlagRow:
    """The finding of ``hi`` above ``lo``; ``rel`` is their :func:`relative_gap` when found already."""
    gap = hi.low - lo.high
    if rel is None:
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
    return FlagRow(
        kind,
        Severity.ERROR if error else Severity.WARNING,
        (hi.id, lo.id) if hi.id < lo.id else (lo.id, hi.id),
        gid,
        _finding_text,
        (say, why, shown_gap, rel, hi, lo, contested, floor),
        shown_gap,
        rel,
        say.unit.unit,
        tags,
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
    say: Say,
    d: Claim,
    partner: Claim,
    far: tuple[float, list[float]] | None,
    current: Sequence[Claim],
) -> str:
    if d.origin == partner.origin:  # two reports of one origin: the origin is not against itself
        alone = len({c.origin for c in current if c.figure is not None}) == 1
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


def dissent(
    gid: str,
    current: list[Claim],
    supporting: set[str],
    now: dict[str, Iv],
    policy: Policy,
    say: Say,
    flags: list[Flag | FlagRow],
) -> None:
    """One finding per dissenting claim, against the consensus claim that bounds what most origins allow.

    A dissenter misses the consensus interval, so it lies wholly above or below it; the supporting claim
    whose bound is that interval's facing bound cannot agree with it either (Helly, in one dimension). The
    gap, and so the grading, is the distance to the consensus.
    """
    # The supporting claim with the lowest high (an open one first) and the one with the highest low (an
    # open one first); among equals, the least id.
    support = [c for c in current if c.id in supporting]
    top = min(support, key=lambda c: (now[c.id][2], now[c.id][3], c.id))
    bottom = min(support, key=lambda c: (-now[c.id][0], now[c.id][1], c.id))
    _, _, top_high, top_hc = now[top.id]
    bottom_low, bottom_lc, _, _ = now[bottom.id]
    # Each origin's figure, read only where an outlier is weighed.
    figures: dict[str, float] | None = None
    contradiction_at = policy.grading.contradiction_at
    for d in current:
        if d.id in supporting:
            continue
        low, lc, high, hc = now[d.id]
        if above(low, lc, top_high, top_hc):
            hi, lo, partner = d, top, top
        elif above(bottom_low, bottom_lc, high, hc):
            hi, lo, partner = bottom, d, bottom
        else:  # cannot happen in one dimension (Helly); kept for safety
            continue
        # Far from the others' median, and from the consensus too: a figure a few percent off the consensus is
        # no outlier because vandals drag the median away (a city of 2,350,227 against 2,223,078 and a median of 38).
        outlier = False
        rel = relative_gap(hi.low, lo.high)
        if rel >= contradiction_at:
            if figures is None:
                figures = origin_figures(current)
            outlier = _is_outlier(d, figures, policy)
        far = (
            (d.figure, [v for o, v in figures.items() if o != d.origin])
            if outlier and figures is not None and d.figure is not None
            else None
        )
        why = LazyMessage(_dissent_text, say, d, partner, far, current)
        flags.append(_finding(gid, hi, lo, policy, say, why, outlier=outlier, rel=rel))


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


def pairwise(
    gid: str,
    active: Sequence[Claim],
    timeline: Timeline,
    policy: Policy,
    say: Say,
    flags: list[Flag | FlagRow],
) -> None:
    """For a toll over time: flag every claim in a conflict once, against its widest conflicting partner."""
    # Only a pair one of which lies above the other can conflict (:meth:`Timeline.conflict_of`); each such
    # pair once. A claim's widest partner is the least (-gap, partner id), whatever order pairs come in.
    above_pairs = timeline.above_pairs(active)
    if not above_pairs:
        return  # the widened figures share a value: no two are in conflict
    conflict_of = timeline.conflict_of
    worst: dict[str, tuple[float, str, tuple[Claim, Claim, bool]]] = {}
    for a, b in above_pairs:
        found = conflict_of(a, b)
        if found is None:
            continue
        gap = found[0].low - found[1].high
        a_id, b_id = a.id, b.id
        # (-gap, partner id) less than the one held, compared as floats and strings (no tuple made).
        cur = worst.get(a_id)
        if cur is None or gap > cur[0] or (gap == cur[0] and b_id < cur[1]):
            worst[a_id] = (gap, b_id, found)
        cur = worst.get(b_id)
        if cur is None or gap > cur[0] or (gap == cur[0] and a_id < cur[1]):
            worst[b_id] = (gap, a_id, found)
    # Each conflict kept once (both its claims may keep it), in the order of its (higher, lower) ids.
    kept = {(hi.id, lo.id): (hi, lo, fell) for _, _, (hi, lo, fell) in worst.values()}
    for pair in sorted(kept) if len(kept) > 1 else kept:
        hi, lo, fell = kept[pair]
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
