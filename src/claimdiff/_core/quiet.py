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
from claimdiff._core.estimators import SLACK, best_in_unit, choose_best
from claimdiff._core.flags import Flag, FlagKind, LazyMessage, Severity
from claimdiff._core.grading import grade_of_rule
from claimdiff._core.messages import Say, display_unit
from claimdiff._core.policy import Estimator, Policy
from claimdiff._core.precision_used import precision_label
from claimdiff._core.report import Group
from claimdiff._core.verdicts import hull, precision_text
from claimdiff._model.claim import Claim, source_grades
from claimdiff._model.estimate import Hedge
from claimdiff._model.period import Period

__all__ = ["quiet_groups"]

_INF = math.inf
#: Cumulative groups in time order are compared pair by pair (k² rows); larger ones go claim by claim.
_MAX_PAIRED = 64
#: Quiet groups are assembled this many at a time.
_CHUNK = 50_000
#: Pairs of claims compared at once when finding floors.
_PAIRS = 1 << 18

Result = tuple[Group, Sequence[Flag], GroupFacts | None]


def quiet_groups(cols: Columns, raw: Sequence[list[Claim]], policy: Policy) -> list[Result | None]:
    """For each group, its result when the group is quiet, else ``None`` (judge it claim by claim).

    ``cols`` are the columns of the groups ``raw`` (each a list of claims), built under ``policy``.
    """
    if not raw:
        return []
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
    quiet &= ~_relayed(np, raw, floored & quiet)
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

    span = _Span(cols, lo, lc, hi, hc, s_ok, s_lo, s_lc, s_hi, s_hc)
    out: list[Result | None] = [None] * len(raw)
    chosen = np.flatnonzero(quiet)
    # Visit the groups in the order their first claims sit in memory (the input's order), not in key order,
    # so that the claims are read roughly in sequence.
    chosen = chosen[np.argsort(cols.first_position[chosen], kind="stable")]
    for part in range(0, len(chosen), _CHUNK):  # a chunk at a time, so the rows as Python values stay few
        _assemble(cols, raw, policy, out, chosen[part:part + _CHUNK], span, origins, gap, best, now_high, vague)
    return out


def _bulk_best(policy: Policy) -> bool:
    """True when the policy's best figure is the consensus median, computed here for all groups at once."""
    return policy.estimator in (Estimator.CONSENSUS, Estimator.TRUTH)


def _relayed(np: Any, raw: Sequence[list[Claim]], groups: Any) -> Any:
    """Groups where an origin's figure reached us through another origin of the group: judged claim by claim.

    There a later figure of the relaying outlet may only restate the other's (``timeline.restates``).
    """
    out = np.zeros(len(raw), np.bool_)
    for i in np.flatnonzero(groups).tolist():
        origins = {c.origin for c in raw[i]}
        out[i] = any(s.key in origins for c in raw[i] for s in c.via)
    return out


def _floors(cols: Columns, groups: Any, window: float) -> Any:
    """Claims an origin-distinct cumulative group's later statement may have overtaken (``Timeline.now``).

    Every pair of claims of each group is compared, a bounded number of pairs at a time.
    """
    np = cols.np
    chosen = np.flatnonzero(groups)
    pairs = np.cumsum(cols.sizes[chosen] ** 2)
    floor = np.zeros(len(cols.member), np.bool_)
    start, end = cols.stated_start, cols.stated_end
    with np.errstate(invalid="ignore"):
        mid = (start + end) / 2
    done = 0
    while done < len(chosen):
        stop = int(np.searchsorted(pairs, (pairs[done - 1] if done else 0) + _PAIRS, side="right"))
        part = chosen[done:max(stop, done + 1)]
        done += len(part)
        k, s = cols.sizes[part], cols.starts[part]
        rows = np.repeat(s, k) + (np.arange(int(k.sum())) - np.repeat(np.cumsum(k) - k, k))
        ck = np.repeat(k, k)
        ii = np.repeat(rows, ck)
        jj = np.repeat(np.repeat(s, k), ck) + (np.arange(int(ck.sum())) - np.repeat(np.cumsum(ck) - ck, ck))
        with np.errstate(invalid="ignore"):
            later = (end[ii] <= start[jj]) & (start[ii] < start[jj]) & (mid[jj] - mid[ii] >= window)
        floor[ii[later]] = True
    return floor


def _consensus_best(cols: Columns, s_lo: Any, s_hi: Any, s_ok: Any, lo: Any, hi: Any, policy: Policy) -> Any:
    """Each group's consensus best (``estimators.consensus_figure``, every claim supporting).

    Each origin's figure is the median of its distinct figures, so repeats weigh nothing; the best is the
    median of the origins' figures, for a count the lower (or upper) one of those inside the group's
    interval (of all of them when none is inside); counts are then whole numbers, inside the interval
    when the figure was.
    """
    np = cols.np
    fig = cols.figure
    n = len(cols.sizes)
    c_lo, c_hi = np.where(s_ok, s_lo, lo), np.where(s_ok, s_hi, hi)
    idx = np.flatnonzero(~np.isnan(fig))
    # A count keeps the figures inside its interval, where there are some (as estimators.within).
    member = cols.member[idx]
    slack = SLACK * np.maximum(1.0, np.abs(fig[idx]))
    inside = (fig[idx] >= c_lo[member] - slack) & (fig[idx] <= c_hi[member] + slack) & cols.is_count[member]
    has_inside = np.zeros(n, np.bool_)
    has_inside[member[inside]] = True
    idx = idx[inside | ~has_inside[member]]
    order = np.lexsort((fig[idx], cols.origin[idx], cols.member[idx]))
    r = idx[order]
    g, o, v = cols.member[r], cols.origin[r], fig[r]
    distinct = np.r_[True, (g[1:] != g[:-1]) | (o[1:] != o[:-1]) | (v[1:] != v[:-1])]
    g, o, v = g[distinct], o[distinct], v[distinct]
    side = 1 if policy.ties == "higher" else -1
    og, ov = _medians(np, g, v, np.r_[True, (g[1:] != g[:-1]) | (o[1:] != o[:-1])], cols.is_count[g], side)
    order = np.lexsort((ov, og))
    og, ov = og[order], ov[order]
    gg, gv = _medians(np, og, ov, np.r_[True, og[1:] != og[:-1]], cols.is_count[og], side)
    median = np.full(n, np.nan)
    median[gg] = gv
    bound = np.where(np.isfinite(c_lo), c_lo, np.where(np.isfinite(c_hi), c_hi, np.nan))
    best = np.where(np.isnan(median), bound, median)
    if policy.whole_counts:
        whole = cols.is_count & np.isfinite(best)
        slack = SLACK * np.maximum(1.0, np.abs(best))
        within = (best >= c_lo - slack) & (best <= c_hi + slack)
        with np.errstate(invalid="ignore"):
            rounded = np.floor(best + 0.5)
            rounded = np.where(within & np.isfinite(c_lo), np.maximum(rounded, np.ceil(c_lo)), rounded)
            rounded = np.where(within & np.isfinite(c_hi), np.minimum(rounded, np.floor(c_hi)), rounded)
        best = np.where(whole, rounded, best)
    return best


def _medians(np: Any, keys: Any, values: Any, starts_mask: Any, one_of: Any = None, side: int = -1) -> tuple[Any, Any]:
    """The key and the median value of each run of equal keys (values sorted within each run).

    Runs whose flag in ``one_of`` (per value) is set take one of the two middle values instead of their mean:
    the lower (``side`` -1) or the upper (``side`` 1).
    """
    seg = np.flatnonzero(starts_mask)
    count = np.diff(np.r_[seg, len(values)])
    a = seg + (count - 1) // 2
    b = seg + count // 2
    with np.errstate(over="ignore"):
        mean = np.where(a == b, values[a], (values[a] + values[b]) / 2)
    if one_of is None:
        return keys[seg], mean
    return keys[seg], np.where(one_of[seg], values[b if side > 0 else a], mean)


class _Span:
    """What each quiet group shows: its interval as worded when the claims share a value so, else as widened.

    Also whether each group's claims share one period object (else its period is their hull), and the
    precision its figures were compared with.
    """

    def __init__(self, cols: Columns, lo: Any, lc: Any, hi: Any, hc: Any, s_ok: Any, s_lo: Any, s_lc: Any,
                 s_hi: Any, s_hc: Any) -> None:
        np = cols.np
        self.consensus = (lo, hi)
        self.worded = s_ok
        self.stated = (s_lo, s_hi)
        self.low = np.where(s_ok, s_lo, lo)
        self.high = np.where(s_ok, s_hi, hi)
        self.low_closed = np.where(s_ok, s_lc, lc) & np.isfinite(self.low)
        self.high_closed = np.where(s_ok, s_hc, hc) & np.isfinite(self.high)
        self.ivs = (lo, lc, hi, hc, s_lo, s_lc, s_hi, s_hc)
        self.same_period = cols.same_period()
        # The kinds of precision of each group's figures as bits (bit k for ``precision_used.KINDS[k]``, named by
        # ``precision_label``, the rule's own names) and its widest step.
        self.precision_bits = np.bitwise_or.reduceat(1 << cols.precision_code.astype(np.int64), cols.starts)
        self.widest_step = cols.reduce_max(cols.step)


def _assemble(cols: Columns, raw: Sequence[list[Claim]], policy: Policy, out: list[Result | None], chosen: Any,
              span: _Span, origins: Any, gap: Any, best: Any, now_high: Any, vague: Any) -> None:
    """Build the chosen quiet groups: Group objects, precision-gap flags and arithmetic facts."""
    np = cols.np
    sizes, starts = cols.sizes[chosen], cols.starts[chosen]
    offsets = np.cumsum(sizes) - sizes  # where each group's rows begin in this chunk
    rows = np.repeat(starts - offsets, sizes) + np.arange(int(sizes.sum()))
    wlow, whigh, now = cols.wlow[rows].tolist(), cols.whigh[rows].tolist(), now_high[rows].tolist()
    named = (vague | cols.exact)[rows].tolist()
    kinds: list[int] = span.precision_bits[chosen].tolist()
    steps: list[float] = span.widest_step[chosen].tolist()
    same_period = span.same_period[chosen].tolist()
    bulk_best = best is not None
    rule = policy.estimator.value
    grade = grade_of_rule(rule)
    shown = [_finite_or_none(np, v[chosen]) for v in (span.low, span.high, *span.consensus, *span.stated)]
    ivs = [v[chosen].tolist() for v in span.ivs]
    columns = zip(chosen.tolist(), offsets.tolist(), span.worded[chosen].tolist(), span.low_closed[chosen].tolist(),
                  span.high_closed[chosen].tolist(), *shown, *ivs, origins[chosen].tolist(), gap[chosen].tolist(),
                  best[chosen].tolist() if bulk_best else [None] * len(chosen), same_period, kinds, steps,
                  strict=True)
    for row in columns:
        (i, r, worded, low_closed, high_closed, low, high, c_low, c_high, s_low, s_high,
         lo, lc, hi, hc, slo, slc, shi, shc, n_origins, has_gap, figure, same, kind_bits, widest) = row
        cs = raw[i]
        first = cs[0]
        n = len(cs)
        gid = f"g{i + 1}"
        count = first.is_count
        unit = first.unit_info if count else display_unit(cs)
        if bulk_best:
            if figure is not None and math.isnan(figure):  # no figure and no finite bound
                figure = None
        else:
            civ = (slo, slc, shi, shc) if worded else (lo, lc, hi, hc)
            feasible = (wlow[r], True, whigh[r], True) if n == 1 else civ
            figure, rule = choose_best(policy, cs, cs, feasible, civ, count)
            grade = grade_of_rule(rule)
        if (not count and unit.factor != 1) or unit.offset != 0:
            low, high, c_low, c_high, s_low, s_high = (
                None if v is None else unit.from_canonical(v) for v in (low, high, c_low, c_high, s_low, s_high))
        if figure is not None:
            figure = best_in_unit(figure, unit)
        ids = tuple([c.id for c in cs])
        precision, step = precision_label(kind_bits), widest or None
        p0 = first.period
        period = p0 if same else hull(cs)
        group = Group(
            id=gid, metric=first.metric.name, counted=first.scope.counted, place=first.scope.place,
            event=first.scope.event, dimension=first.dimension, cumulative=first.metric.cumulative,
            unit=unit.unit, period=None if period is None else period.describe(), claims=ids, feasible=True,
            low=low, high=high, low_closed=low_closed, high_closed=high_closed,
            consensus_low=c_low, consensus_high=c_high, best=figure,
            supporting=ids, dissenting=(), superseded=(), stale=(), origins=n_origins,
            verdict="agreement" if worded else "tolerance",
            corroboration="single" if n == 1 else "independent", withdrawn=(), best_rule=rule,
            stated_low=s_low if worded else None, stated_high=s_high if worded else None, grade=grade,
            source_grades=source_grades(cs), precision=precision,
            precision_step=None if step is None else step / unit.factor,
        )
        facts = None
        if count:
            facts = GroupFacts(gid=gid, key=first.key, period=_span(period),
                               claims=tuple(zip(cs, wlow[r:r + n], now[r:r + n], strict=True)))
        out[i] = (group, (_gap_flag(gid, cs, named[r:r + n]),) if has_gap else (), facts)


def _finite_or_none(np: Any, values: Any) -> list[float | None]:
    """The values as Python floats, ``None`` where not finite."""
    return np.where(np.isfinite(values), values, None).tolist()  # type: ignore[no-any-return]


def _span(p: Period | None) -> tuple[float, float] | None:
    return None if p is None else (p.start_ts, p.end_ts)


def _gap_flag(gid: str, cs: list[Claim], named: list[bool]) -> Flag:
    """A difference of precision: vaguer claims agreeing with exact ones (``named``: which claims it names)."""
    return Flag(
        kind=FlagKind.PRECISION_GAP, severity=Severity.INFO,
        claims=tuple([c.id for c, x in zip(cs, named, strict=True) if x]),  # in id order, as the group
        group=gid, message=LazyMessage(_gap_text, cs),
    )


def _gap_text(cs: list[Claim]) -> str:
    exact = [c for c in cs if c.estimate.hedge is Hedge.EXACT]
    loose = [c for c in cs if c.estimate.hedge is not Hedge.EXACT and c.low != c.high]
    return precision_text(Say(display_unit(cs), cs[0]), loose, exact)
