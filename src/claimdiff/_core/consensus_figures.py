"""The consensus figure of many groups at once, by one definition over numpy arrays.

A group's consensus figure is a figure an origin reported (for a count), or the median of the reported points
(for a measurement), never an edge made by widening a figure; :func:`claimdiff._core.estimators.consensus_figure`
says the rule in words. Each origin weighs once: its own figure is the middle of its distinct figures. The
supporting origins agree when they are a majority of the reporting origins, or, for a count, when at least two
support; then the best is the middle of the supporting origins' figures (for a count, of those inside the
consensus interval, where some are). Without agreement it is the middle of every reporting origin's figure; with
no figure at all, a finite bound of the interval.

The rule is written once, over claims laid out group by group (:func:`consensus_figures`): one group is an array
of one group (:func:`claimdiff._core.estimators.consensus_figure`), and the groups table asks it of every group
at once (:func:`figures_of_groups`). numpy is imported with this module, which the core imports only when a
consensus figure is first asked for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import attrgetter

import numpy as np
from numpy.typing import NDArray

from claimdiff._core.estimators import inside
from claimdiff._core.intervals import Iv
from claimdiff._model.claim import Claim

__all__ = ["consensus_figures", "figures_of_groups"]

#: One group's ask: its supporting claims, its current claims, its consensus interval, whether it counts.
Ask = tuple[Sequence[Claim], Sequence[Claim], Iv, bool]


def consensus_figures(
    sizes: NDArray[np.int64],
    figure: NDArray[np.float64],
    origin: NDArray[np.int64],
    reported: NDArray[np.bool_],
    supported: NDArray[np.bool_],
    low: NDArray[np.float64],
    high: NDArray[np.float64],
    is_count: NDArray[np.bool_],
    higher: bool,
) -> NDArray[np.float64]:
    """Each group's consensus figure (see the module; NaN where it has none), ``sizes[g]`` rows of group ``g``.

    Per row: a claim's figure (NaN when it has none), its origin as an integer code, whether it counts among the
    reporting claims and among the supporting ones. Per group: its consensus interval's ``low`` and ``high`` and
    whether it counts. ``higher``: a count's even middle is the upper one (the policy breaks ties ``"higher"``).

    >>> consensus_figures(np.array([3, 1]), np.array([10.0, 12.0, 30.0, np.nan]), np.array([0, 1, 2, 0]),
    ...                   np.ones(4, bool), np.array([True, True, False, True]), np.array([10.0, 5.0]),
    ...                   np.array([12.0, 7.0]), np.array([True, True]), False).tolist()
    [10.0, 5.0]
    """
    groups = len(sizes)
    group = np.repeat(np.arange(groups, dtype=np.int64), sizes)
    figured = ~np.isnan(figure)
    with np.errstate(invalid="ignore", over="ignore"):
        within = np.asarray(inside(figure, low[group], high[group]), np.bool_)
    # The rows by (group, origin, figure), read once for the three kinds of origins; a stable sort keeps the
    # first of equal figures first (as a set keeps what it met first).
    key = group * (int(origin.max(initial=0)) + 1) + origin
    order = np.lexsort((figure, key))
    key, figure, group = key[order], figure[order], group[order]
    figured, reported, supported, within = (
        figured[order],
        reported[order],
        supported[order],
        within[order],
    )
    n_rep, mid_rep = _middle_of_origins(key, group, figure, figured & reported, is_count, higher)
    n_sup, mid_sup = _middle_of_origins(key, group, figure, figured & supported, is_count, higher)
    n_in, mid_in = _middle_of_origins(
        key, group, figure, figured & supported & within, is_count, higher
    )
    bound = np.where(np.isfinite(low), low, np.where(np.isfinite(high), high, np.nan))
    agreed = (2 * n_sup > n_rep) | (is_count & (n_sup >= 2))
    chosen = np.where(is_count & (n_in > 0), mid_in, mid_sup)
    best: NDArray[np.float64] = np.where(
        n_rep == 0, bound, np.where((n_sup == 0) | ~agreed, mid_rep, chosen)
    )
    return best


def _middle_of_origins(
    key: NDArray[np.int64],
    group: NDArray[np.int64],
    figure: NDArray[np.float64],
    kept: NDArray[np.bool_],
    is_count: NDArray[np.bool_],
    higher: bool,
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Per group, how many origins have a ``kept`` figure, and the middle of each such origin's middle figure.

    The rows come sorted by ``key`` (one per group and origin, in group order), then figure. An origin's figure
    is the middle of its distinct kept figures (:func:`_middles`); NaN where a group has none.
    """
    groups = len(is_count)
    count = np.zeros(groups, np.int64)
    middle = np.full(groups, np.nan)
    rows = np.flatnonzero(kept)
    if not len(rows):
        return count, middle
    k, g, f = key[rows], group[rows], figure[rows]
    distinct = np.r_[True, (k[1:] != k[:-1]) | (f[1:] != f[:-1])]
    k, g, f = k[distinct], g[distinct], f[distinct]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    g, f = g[starts], _middles(f, starts, is_count[g[starts]], higher)
    order = np.lexsort((f, g))
    g, f = g[order], f[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    count[g[starts]] = np.diff(np.r_[starts, len(g)])
    middle[g[starts]] = _middles(f, starts, is_count[g[starts]], higher)
    return count, middle


def _middles(
    sorted_values: NDArray[np.float64],
    starts: NDArray[np.int64],
    is_count: NDArray[np.bool_],
    higher: bool,
) -> NDArray[np.float64]:
    """The middle of each run of ``sorted_values`` beginning at ``starts``.

    Of an odd run, its middle value; of an even one, for a count the lower middle (the upper one when
    ``higher``), a value reported, else the mean of the two middle values.
    """
    n = np.diff(np.r_[starts, len(sorted_values)])
    lower = sorted_values[starts + (n - 1) // 2]
    upper = sorted_values[starts + n // 2]
    even = n % 2 == 0
    count_middle = upper if higher else lower
    middle: NDArray[np.float64] = np.where(
        even & ~is_count, (lower + upper) / 2, np.where(even & is_count, count_middle, upper)
    )
    return middle


def figures_of_groups(asks: Sequence[Ask], ties: str) -> list[float | None]:
    """The consensus figure of each group asked (``None`` where it has none), all found at once.

    Each ask is a group's supporting claims, its current claims, its consensus interval and whether it counts.
    The current claims are the reporting ones, unless there are as many as the supporting claims: then the
    supporting claims report too.
    """
    if not asks:
        return []
    claims: list[Claim] = []
    reported: list[bool] = []
    supported: list[bool] = []
    sizes = np.empty(len(asks), np.int64)
    for k, (support, current, _, _) in enumerate(asks):
        if len(current) == len(support):
            claims.extend(support)
            reported.extend([True] * len(support))
            supported.extend([True] * len(support))
            sizes[k] = len(support)
        else:
            claims.extend(current)
            claims.extend(support)
            reported.extend([True] * len(current) + [False] * len(support))
            supported.extend([False] * len(current) + [True] * len(support))
            sizes[k] = len(current) + len(support)
    origins = list(map(_ORIGIN, claims))
    codes = {o: k for k, o in enumerate(dict.fromkeys(origins))}
    found = consensus_figures(
        sizes,
        np.array(list(map(_FIGURE, claims)), np.float64),  # None is NaN
        np.fromiter(map(codes.__getitem__, origins), np.int64, len(claims)),
        np.array(reported, np.bool_),
        np.array(supported, np.bool_),
        np.fromiter((a[2][0] for a in asks), np.float64, len(asks)),
        np.fromiter((a[2][2] for a in asks), np.float64, len(asks)),
        np.fromiter((a[3] for a in asks), np.bool_, len(asks)),
        ties == "higher",
    )
    return [None if math.isnan(f) else f for f in found.tolist()]


_ORIGIN, _FIGURE = attrgetter("origin"), attrgetter("figure")
