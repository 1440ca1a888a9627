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

__all__ = ["group_starts", "interval_distance", "interval_median", "weighted_quantile"]

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


def interval_median(item: Ints, low: Floats, high: Floats, w: Floats, n_items: int) -> tuple[Floats, Floats, Floats]:
    """The weighted median of each item's intervals.

    A candidate ``p`` minimises the objective when its slope changes sign there: the
    weight of intervals wholly below ``p`` minus the weight wholly above is ``<= 0`` just
    left of ``p`` and ``>= 0`` just right of it. Comparing weights, never objective values,
    keeps the test exact however large the figures (a vandal's 10^14 beside 4,626).
    One sort of all interval ends by item and value serves every prefix sum.

    Returns:
        ``(best, set_low, set_high)`` per item: the midpoint of the set of minimisers and
        that set's ends. NaN for an item with no weighted finite bound.
    """
    keep = w > 0
    item, low, high, w = item[keep], low[keep], high[keep], w[keep]
    fl, fh = np.isfinite(low), np.isfinite(high)
    c_item = np.concatenate([item[fl], item[fh]])
    c_val = np.concatenate([low[fl], high[fh]])
    best = np.full(n_items, np.nan)
    if c_item.shape[0] == 0:
        return best, best.copy(), best.copy()
    n_l = int(fl.sum())
    w_l = np.concatenate([w[fl], np.zeros(c_item.shape[0] - n_l)])
    w_h = np.concatenate([np.zeros(n_l), w[fh]])
    order = np.lexsort((c_val, c_item))
    ci, cv, wl, wh = c_item[order], c_val[order], w_l[order], w_h[order]
    n = ci.shape[0]
    # Runs of equal (item, value): prefix sums taken before a run (< p) or after it (<= p).
    new_run = np.ones(n, np.bool_)
    new_run[1:] = (ci[1:] != ci[:-1]) | (cv[1:] != cv[:-1])
    run_id = np.cumsum(new_run) - 1
    run_first = np.flatnonzero(new_run)
    run_last = np.append(run_first[1:] - 1, n - 1)
    cum_l, cum_h = np.cumsum(wl), np.cumsum(wh)
    first_of_item = group_starts(ci, ci)
    base_l = cum_l[first_of_item] - wl[first_of_item]
    base_h = cum_h[first_of_item] - wh[first_of_item]
    f, last = run_first[run_id], run_last[run_id]
    l_lt = cum_l[f] - wl[f] - base_l
    l_le = cum_l[last] - base_l
    h_lt = cum_h[f] - wh[f] - base_h
    h_le = cum_h[last] - base_h
    l_tot = np.bincount(ci, weights=wl, minlength=n_items)[ci]
    w_all = np.bincount(item, weights=w, minlength=n_items)[ci]
    eps = 1e-12 * w_all
    slope_left = h_lt - (l_tot - l_lt)
    slope_right = h_le - (l_tot - l_le)
    near = (slope_left <= eps) & (slope_right >= -eps)
    lo = np.full(n_items, np.inf)
    hi = np.full(n_items, -np.inf)
    np.minimum.at(lo, ci[near], cv[near])
    np.maximum.at(hi, ci[near], cv[near])
    found = np.isfinite(lo)
    best[found] = (lo[found] + hi[found]) / 2
    set_low = np.where(found, lo, np.nan)
    set_high = np.where(found, hi, np.nan)
    return best, set_low, set_high


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
