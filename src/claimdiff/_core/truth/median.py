"""Weighted medians of intervals, many items at once (numpy).

The truth of an item is the value ``t`` that minimises the weighted distance to its
claims' intervals, ``sum_j w_j * dist(t, [low_j, high_j])``: a point claim pulls from
both sides, "at least 14" only from below 14, and a claim that allows ``t`` costs
nothing. The objective is convex and piecewise linear, so its minimum lies at an
interval end; every end is tried, with prefix sums of weights sorted by item and
value, in ``O(n log n)`` for all items together.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "MedianPlan",
    "group_starts",
    "interval_distance",
    "interval_median",
    "weighted_quantile",
]

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]


def interval_distance(t: Floats, low: Floats, high: Floats) -> Floats:
    """How far each ``t`` lies outside its interval (0 inside)."""
    below = np.where(np.isfinite(low), low - t, -np.inf)
    above = np.where(np.isfinite(high), t - high, -np.inf)
    return np.maximum(np.maximum(below, above), 0.0)


def group_starts(sorted_items: Ints, items: Ints) -> Ints:
    """Index of the first row of each of ``items`` in ``sorted_items``."""
    return np.searchsorted(sorted_items, items, side="left").astype(np.int64)


class MedianPlan:
    """The sort behind :func:`interval_median`, done once for intervals whose weights change.

    The iteration re-weighs the same intervals every round; sorting their ends by item and
    value, and finding the runs of equal values, is done here once, and :meth:`solve` is
    then a few linear passes.
    """

    def __init__(self, item: Ints, low: Floats, high: Floats, n_items: int) -> None:
        fl, fh = np.isfinite(low), np.isfinite(high)
        # A point (low == high) is one candidate with both ends; every other interval has one per finite end.
        point = fl & fh & (low == high)
        fh_only = fh & ~point
        c_item = np.concatenate([item[fl], item[fh_only]])
        c_val = np.concatenate([low[fl], high[fh_only]])
        self.n_items = n_items
        self.item = item
        # Which row each candidate belongs to, and whether it holds the row's low end, its high end, or both.
        c_row = np.concatenate([np.flatnonzero(fl), np.flatnonzero(fh_only)])
        n_low = int(fl.sum())
        is_low = np.zeros(c_row.shape[0], np.bool_)
        is_low[:n_low] = True
        is_high = np.concatenate([point[fl], np.ones(c_row.shape[0] - n_low, np.bool_)])
        # By item, value, then row: every sum over a run adds its lows in row order, and its highs.
        order = np.lexsort((c_row, c_val, c_item))
        ci, cv = c_item[order], c_val[order]
        self.row = c_row[order]
        self.low_share = is_low[order].astype(np.float64)
        self.high_share = is_high[order].astype(np.float64)
        # Equal ends of one item form a run: every sum below is taken once per run, not per end.
        new_run = np.ones(ci.shape[0], np.bool_)
        new_run[1:] = (ci[1:] != ci[:-1]) | (cv[1:] != cv[:-1])
        self.run_of = np.cumsum(new_run) - 1
        run_first = np.flatnonzero(new_run)
        self.n_runs = run_first.shape[0]
        self.run_item, self.run_value = ci[run_first], cv[run_first]
        # The first and last run of each run's item, for the sums over the item's runs before and after it.
        item_runs = np.bincount(self.run_item, minlength=n_items)
        item_first = np.cumsum(item_runs) - item_runs
        self.run_item_first = item_first[self.run_item]
        self.run_item_last = (item_first + item_runs - 1)[self.run_item]

    def solve(
        self, w: Floats, *, mode: bool = False, low_ties: bool | NDArray[np.bool_] = False
    ) -> tuple[Floats, Floats, Floats]:
        """Weighted medians (or modes) of every item under row weights ``w`` (all > 0).

        ``low_ties`` (for every item, or per item) takes the lowest minimiser when several are tied,
        not their midpoint.
        """
        n_items, n_runs = self.n_items, self.n_runs
        best = np.full(n_items, np.nan)
        if n_runs == 0:
            return best, best.copy(), best.copy()
        cw = w[self.row]
        # Per run: the weight of the lows and of the highs at its value, then prefix sums within each item.
        rl = np.bincount(self.run_of, weights=cw * self.low_share, minlength=n_runs)
        rh = np.bincount(self.run_of, weights=cw * self.high_share, minlength=n_runs)
        cum_l, cum_h = np.cumsum(rl), np.cumsum(rh)
        fi = self.run_item_first
        base_l = cum_l[fi] - rl[fi]
        base_h = cum_h[fi] - rh[fi]
        l_le = cum_l - base_l  # lows at or below the run's value
        l_lt = l_le - rl  # lows strictly below
        h_le = cum_h - base_h
        h_lt = h_le - rh
        l_tot = cum_l[self.run_item_last] - base_l
        ci, cv = self.run_item, self.run_value
        w_all = np.bincount(self.item, weights=w, minlength=n_items)[ci]
        eps = 1e-12 * w_all
        slope_left = h_lt - (l_tot - l_lt)
        slope_right = h_le - (l_tot - l_le)
        near = (slope_left <= eps) & (slope_right >= -eps)
        # Runs are sorted by item and value: the first and last minimiser of each item.
        idx = np.flatnonzero(near)
        its = ci[idx]
        lo = np.full(n_items, np.nan)
        hi = np.full(n_items, np.nan)
        if its.shape[0]:
            starts = np.flatnonzero(np.r_[True, its[1:] != its[:-1]])
            ends = np.r_[starts[1:] - 1, its.shape[0] - 1]
            lo[its[starts]] = cv[idx[starts]]
            hi[its[ends]] = cv[idx[ends]]
        found = np.isfinite(lo)
        lower = np.broadcast_to(np.asarray(low_ties, np.bool_), found.shape)[found]
        best[found] = np.where(lower, lo[found], (lo[found] + hi[found]) / 2)
        if mode:
            cover = l_le - h_lt  # weight of the claims that allow the candidate
            top = np.full(n_items, -np.inf)
            np.maximum.at(top, ci, cover)
            tied = cover >= top[ci] - eps
            dist = np.where(tied, np.abs(cv - best[ci]), np.inf)
            order2 = np.lexsort((cv, dist, ci))
            first = group_starts(ci[order2], np.arange(n_items, dtype=np.int64))
            has = found & (first < n_runs)
            best[has] = cv[order2][first[has]]
        return best, lo, hi


def interval_median(
    item: Ints, low: Floats, high: Floats, w: Floats, n_items: int, *, mode: bool = False
) -> tuple[Floats, Floats, Floats]:
    """The weighted median of each item's intervals.

    A candidate ``p`` minimises the objective when its slope changes sign there: the
    weight of intervals wholly below ``p`` minus the weight wholly above is ``<= 0`` just
    left of ``p`` and ``>= 0`` just right of it. Comparing weights, never objective values,
    keeps the test exact however large the figures (a vandal's 10^14 beside 4,626).

    With ``mode``, ``best`` is instead the interval end allowed by the greatest weight of
    claims (the trust-weighted mode: for exact figures, the figure with the most trusted
    support), ties going to the one nearest the median.

    Returns:
        ``(best, set_low, set_high)`` per item: the midpoint of the set of minimisers (or the
        mode) and the minimisers' ends. NaN for an item with no weighted finite bound.
    """
    keep = w > 0
    return MedianPlan(item[keep], low[keep], high[keep], n_items).solve(w[keep], mode=mode)


def weighted_quantile(item: Ints, x: Floats, w: Floats, q: float, n_items: int) -> Floats:
    """The lowest ``x`` of each item at which the item's cumulative weight reaches ``q``."""
    keep = (w > 0) & np.isfinite(x)
    item, x, w = item[keep], x[keep], w[keep]
    out = np.full(n_items, np.nan)
    if item.shape[0] == 0:
        return out
    order = np.lexsort((x, item))
    item, x, w = item[order], x[order], w[order]
    cw = np.cumsum(w)
    start = group_starts(item, item)
    within = cw - (cw[start] - w[start])
    total = np.bincount(item, weights=w, minlength=n_items)
    reached = within >= q * total[item] * (1 - 1e-12)
    first = np.full(n_items, np.iinfo(np.int64).max)
    idx = np.arange(item.shape[0])
    np.minimum.at(first, item[reached], idx[reached])
    has = first < item.shape[0]
    out[has] = x[first[has]]
    return out
