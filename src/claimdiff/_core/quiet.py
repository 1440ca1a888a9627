"""Quiet groups, assembled in bulk: groups whose claims share a value and have no time story to tell.

A group is *quiet* when its claims' widened intervals share a value, none is withdrawn, and either its
statements are not ordered in time or no origin speaks twice (so nothing is revised and nothing is stale),
and it is not one origin repeated by several outlets. Such a group has no dissenter and no finding but a
possible difference of precision. Its interval, best figure and verdict follow from the columns
(:mod:`claimdiff._core.columns`) without visiting its claims pair by pair; the group is then built once.
The result is the same group :func:`claimdiff._core.verdicts.analyse` builds, field for field (tested);
every other group is left to it.

A cumulative group in time order is quiet too when no origin repeats: an earlier toll that may have grown
(the policy's growth window passed before a later statement) counts only as a floor, as in the timeline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from claimdiff._core.arithmetic import GroupFacts
from claimdiff._core.columns import Columns, segment_intersect
from claimdiff._core.estimators import choose_best
from claimdiff._core.flags import Flag, FlagKind, LazyMessage, Severity
from claimdiff._core.messages import Say, display_unit
from claimdiff._core.policy import Estimator, Policy
from claimdiff._core.report import Group
from claimdiff._core.verdicts import hull, precision_text
from claimdiff._model.claim import Claim
from claimdiff._model.estimate import Hedge
from claimdiff._model.period import Period

__all__ = ["quiet_groups"]

_INF = math.inf
#: Cumulative groups in time order are compared pair by pair (k² rows); larger ones go claim by claim.
_MAX_PAIRED = 64

Result = tuple[Group, list[Flag], GroupFacts | None]


def quiet_groups(claims: Sequence[Claim], groups: Sequence[list[int]], raw: Sequence[list[Claim]], policy: Policy,
                 withdrawn: set[str]) -> list[Result | None]:
    """For each group, its result when the group is quiet, else ``None`` (judge it claim by claim).

    ``groups`` are lists of positions in ``claims``; ``raw`` the same groups as lists of claims.
    """
    if not raw:
        return []
    cols = Columns(claims, groups, policy, withdrawn)
    np = cols.np
    sizes = cols.sizes
    origins = cols.origins_per_group()
    unordered = cols.unordered()
    lo, lc, hi, hc, ok = segment_intersect(cols, cols.wlow, cols.wlow_closed, cols.whigh, cols.whigh_closed)
    quiet = ok & (unordered | (origins == sizes)) & ~((origins == 1) & (sizes > 1))
    if cols.withdrawn is not None:
        quiet &= ~cols.reduce_any(cols.withdrawn)
    floored = quiet & ~unordered & cols.cumulative & (sizes > 1)
    quiet &= ~(floored & (sizes > _MAX_PAIRED))
    floored &= quiet
    now_high, now_hc = cols.whigh, cols.whigh_closed
    if floored.any():
        floor = _floors(cols, floored, policy.growth_window)
        now_high = np.where(floor, _INF, cols.whigh)
        now_hc = cols.whigh_closed & ~floor
        lo, lc, hi, hc, ok = segment_intersect(cols, cols.wlow, cols.wlow_closed, now_high, now_hc)
    # As worded: each claim at its word, an earlier toll that may have grown only a floor.
    open_top = now_high == _INF
    s_lo, s_lc, s_hi, s_hc, s_ok = segment_intersect(
        cols, cols.low, cols.low_closed, np.where(open_top, _INF, cols.high), cols.high_closed & ~open_top)
    vague = ~cols.exact & (cols.low != cols.high)
    gap = cols.reduce_any(cols.exact) & cols.reduce_any(vague) & (sizes > 1)
    best = _consensus_best(cols, s_lo, s_hi, s_ok, lo, hi, policy) if _bulk_best(policy) else None

    build = _Builder(policy, cols, now_high)
    vague_rows = vague.tolist()
    out: list[Result | None] = [None] * len(raw)
    rows = zip(np.flatnonzero(quiet).tolist(), *(a[quiet].tolist() for a in (
        lo, lc, hi, hc, s_ok, s_lo, s_lc, s_hi, s_hc, origins, gap, cols.starts)), strict=True)
    bests = best[quiet].tolist() if best is not None else None
    for k, (i, *row) in enumerate(rows):
        out[i] = build.group(i, raw[i], row, None if bests is None else bests[k], vague_rows)
    return out


def _bulk_best(policy: Policy) -> bool:
    """True when the policy's best figure is the consensus median, computed here for all groups at once."""
    return policy.estimator in (Estimator.CONSENSUS, Estimator.TRUTH)


def _floors(cols: Columns, groups: Any, window: float) -> Any:
    """Claims an origin-distinct cumulative group's later statement may have overtaken (``Timeline.now``)."""
    np = cols.np
    k = cols.sizes[groups]
    s = cols.starts[groups]
    total = int(k.sum())
    rows = np.repeat(s, k) + (np.arange(total) - np.repeat(np.cumsum(k) - k, k))
    ck = np.repeat(k, k)
    first = np.repeat(np.repeat(s, k), ck)
    ii = np.repeat(rows, ck)
    jj = first + (np.arange(int(ck.sum())) - np.repeat(np.cumsum(ck) - ck, ck))
    start, end = cols.stated_start, cols.stated_end
    with np.errstate(invalid="ignore"):
        mid = (start + end) / 2
        later = (end[ii] <= start[jj]) & (start[ii] < start[jj]) & (mid[jj] - mid[ii] >= window)
    floor = np.zeros(len(cols.member), np.bool_)
    floor[ii[later]] = True
    return floor


def _consensus_best(cols: Columns, s_lo: Any, s_hi: Any, s_ok: Any, lo: Any, hi: Any, policy: Policy) -> Any:
    """Each group's consensus best (``estimators.choose_best``): the median origin figure, kept in the interval.

    Each origin's figure is the median of its distinct figures, so repeats weigh nothing; counts are then
    whole numbers inside the interval.
    """
    np = cols.np
    fig = cols.figure
    idx = np.flatnonzero(~np.isnan(fig))
    order = np.lexsort((fig[idx], cols.origin[idx], cols.member[idx]))
    r = idx[order]
    g, o, v = cols.member[r], cols.origin[r], fig[r]
    distinct = np.r_[True, (g[1:] != g[:-1]) | (o[1:] != o[:-1]) | (v[1:] != v[:-1])]
    g, o, v = g[distinct], o[distinct], v[distinct]
    og, ov = _medians(np, g, v, np.r_[True, (g[1:] != g[:-1]) | (o[1:] != o[:-1])])
    order = np.lexsort((ov, og))
    og, ov = og[order], ov[order]
    gg, gv = _medians(np, og, ov, np.r_[True, og[1:] != og[:-1]])
    n = len(cols.sizes)
    median = np.full(n, np.nan)
    median[gg] = gv
    c_lo, c_hi = np.where(s_ok, s_lo, lo), np.where(s_ok, s_hi, hi)
    bound = np.where(np.isfinite(c_lo), c_lo, np.where(np.isfinite(c_hi), c_hi, np.nan))
    best = np.where(np.isnan(median), bound, np.minimum(np.maximum(median, c_lo), c_hi))
    if policy.whole_counts:
        whole = cols.is_count & np.isfinite(best)
        with np.errstate(invalid="ignore"):
            rounded = np.floor(best + 0.5)
            rounded = np.where(np.isfinite(c_lo), np.maximum(rounded, np.ceil(c_lo)), rounded)
            rounded = np.where(np.isfinite(c_hi), np.minimum(rounded, np.floor(c_hi)), rounded)
        best = np.where(whole, rounded, best)
    return best


def _medians(np: Any, keys: Any, values: Any, starts_mask: Any) -> tuple[Any, Any]:
    """The key and the median value of each run of equal keys (values sorted within each run)."""
    seg = np.flatnonzero(starts_mask)
    count = np.diff(np.r_[seg, len(values)])
    a = seg + (count - 1) // 2
    b = seg + count // 2
    with np.errstate(over="ignore"):
        return keys[seg], np.where(a == b, values[a], (values[a] + values[b]) / 2)


class _Builder:
    """Builds the quiet groups' Group objects, flags and arithmetic facts."""

    def __init__(self, policy: Policy, cols: Columns, now_high: Any) -> None:
        self.policy = policy
        self.rule = policy.estimator.value
        self.wlow = cols.wlow.tolist()
        self.whigh = cols.whigh.tolist()
        self.now_high = now_high.tolist()
        self.cols = cols

    def group(self, i: int, cs: list[Claim], row: list[Any], best: float | None, vague: Any) -> Result:
        lo, lc, hi, hc, s_ok, s_lo, s_lc, s_hi, s_hc, origins, gap, start = row
        first = cs[0]
        n = len(cs)
        gid = f"g{i + 1}"
        unit = first.unit_info if first.is_count else display_unit(cs)
        offset, factor = unit.offset, unit.factor
        feasible = (lo, lc, hi, hc)
        stated = (s_lo, s_lc, s_hi, s_hc) if s_ok else None
        if not _bulk_best(self.policy):
            civ = stated or feasible
            feas_arg = (self.wlow[start], True, self.whigh[start], True) if n == 1 else civ
            best, rule = choose_best(self.policy, cs, cs, feas_arg, civ, first.is_count)
        else:
            rule = self.rule
            if best is not None and math.isnan(best):  # no figure and no finite bound
                best = None
            elif best is not None and math.isfinite(best) and not (first.is_count and self.policy.whole_counts):
                best = float(f"{best:.12g}")
        span = stated or feasible
        flags: list[Flag] = []
        ids = tuple(c.id for c in cs)
        if gap:
            flags.append(_gap_flag(gid, cs, vague, start))
        period = first.period if n == 1 or all(c.period is first.period for c in cs) else hull(cs)
        group = Group(
            id=gid, metric=first.metric.name, counted=first.scope.counted, place=first.scope.place,
            event=first.scope.event, dimension=first.dimension, cumulative=first.metric.cumulative,
            unit=unit.unit, period=None if period is None else period.describe(), claims=ids, feasible=True,
            low=_shown(span[0], offset, factor), high=_shown(span[2], offset, factor),
            low_closed=bool(span[1] and math.isfinite(span[0])), high_closed=bool(span[3] and math.isfinite(span[2])),
            consensus_low=_shown(lo, offset, factor), consensus_high=_shown(hi, offset, factor),
            best=None if best is None else (unit.from_canonical(best) if math.isfinite(best) else best),
            supporting=ids, dissenting=(), superseded=(), stale=(), origins=origins,
            verdict="agreement" if stated is not None else "tolerance",
            corroboration="single" if n == 1 else "independent", withdrawn=(), best_rule=rule,
            stated_low=_shown(s_lo, offset, factor) if stated else None,
            stated_high=_shown(s_hi, offset, factor) if stated else None,
        )
        facts = None
        if first.is_count:
            wlow, now_high = self.wlow, self.now_high
            facts = GroupFacts(gid=gid, key=first.key, period=_span(period),
                               claims=tuple((c, wlow[start + k], now_high[start + k]) for k, c in enumerate(cs)))
        return group, flags, facts


def _shown(v: float, offset: float, factor: float) -> float | None:
    return (v - offset) / factor if v - v == 0 else None


def _span(p: Period | None) -> tuple[float, float] | None:
    return None if p is None else (p.start_ts, p.end_ts)


def _gap_flag(gid: str, cs: list[Claim], vague: Any, start: int) -> Flag:
    exact = [c for c in cs if c.estimate.hedge is Hedge.EXACT]
    loose = [c for k, c in enumerate(cs) if vague[start + k]]
    return Flag(
        kind=FlagKind.PRECISION_GAP, severity=Severity.INFO, claims=tuple(sorted([c.id for c in loose + exact])),
        group=gid, message=LazyMessage(_gap_text, cs, loose, exact),
    )


def _gap_text(cs: list[Claim], loose: list[Claim], exact: list[Claim]) -> str:
    return precision_text(Say(display_unit(cs), cs[0]), loose, exact)
