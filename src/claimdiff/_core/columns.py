"""The claims of every group as numpy columns, and what the columns tell of each group at once.

Reconciling asks the same questions of every group: what each claim allows once widened by its precision
and the policy's tolerance, whether the group's intervals share a value, whether its statements follow one
another in time, how many independent origins it has. Here they are answered for all groups in a few array
passes over the claims laid end to end, group after group (``starts`` marks where each group begins).
:mod:`claimdiff._core.quiet` then assembles the groups with nothing more to say; every other group is
judged claim by claim in :mod:`claimdiff._core.verdicts`, as before.

numpy is imported when reconciling starts, never when ``claimdiff`` is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from operator import attrgetter
from typing import Any

from claimdiff._core.policy import Policy
from claimdiff._core.precision_used import figure_precision
from claimdiff._core.tolerance import Precision
from claimdiff._model.claim import Claim
from claimdiff._model.estimate import Estimate, Hedge

__all__ = ["Columns", "segment_intersect"]


class Columns:
    """One row per claim, groups laid end to end, with the widened interval of every claim.

    Groups are lists of positions in ``claims``; rows follow the groups, each group's claims in its order.

    Attributes:
        sizes: The number of claims of each group.
        starts: Where each group begins in ``flat``.
        member: The group of each row.
        first_position: Where each group's first claim is in ``claims``.
        low, high, low_closed, high_closed: Each claim's interval as worded, in the canonical unit.
        wlow, whigh, wlow_closed, whigh_closed: The same widened by precision and tolerance.
        figure: Each claim's figure (NaN when it has none).
        origin: Each claim's origin as an integer code; ``n_origins`` codes in all.
        stated_start, stated_end: When each claim was stated (-inf, +inf when unknown).
        exact: Whether the claim's hedge is exact.
        withdrawn: Whether each claim is withdrawn (``None`` when none is).
        precision_code, step: How each figure is compared (its code in ``precision_used.KINDS``) and its
            step in the canonical unit (:func:`claimdiff._core.precision_used.figure_precision`).
        is_count: Whether each group is a count (one per group).
        cumulative: Whether each group's metric is cumulative (one per group).
    """

    def __init__(self, claims: Sequence[Claim], groups: Sequence[list[int]], policy: Policy,
                 withdrawn: set[str] | frozenset[str] = frozenset()) -> None:
        import numpy as np  # noqa: PLC0415 - numpy is imported when reconciling starts, not with claimdiff

        self.np = np
        n = len(claims)
        # Attributes are read in the claims' own order, which is the order they sit in memory (reading them
        # group by group costs twice as much in cache misses); ``perm`` then lays them out group by group.
        sizes = np.fromiter(map(len, groups), np.int64, len(groups))
        perm = np.fromiter(chain.from_iterable(groups), np.int64, int(sizes.sum()))
        self.sizes = sizes
        self.starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
        self.member = np.repeat(np.arange(len(groups), dtype=np.int64), sizes)
        self.first_position = perm[self.starts] if len(perm) else perm

        def column(name: str, dtype: Any) -> Any:
            return np.fromiter(map(attrgetter(name), claims), dtype, n)[perm]

        self.low = column("low", np.float64)
        self.high = column("high", np.float64)
        self.low_closed = column("low_closed", np.bool_)
        self.high_closed = column("high_closed", np.bool_)
        self.figure = np.array([np.nan if f is None else f for f in map(attrgetter("figure"), claims)],
                               np.float64)[perm]
        self.stated_start = column("stated_start", np.float64)
        self.stated_end = column("stated_end", np.float64)
        codes: dict[str, int] = {}
        self.origin = np.fromiter((codes.setdefault(o, len(codes)) for o in map(attrgetter("origin"), claims)),
                                  np.int64, n)[perm]
        self.n_origins = len(codes)
        exact = Hedge.EXACT
        self.exact = np.fromiter((h is exact for h in map(attrgetter("estimate.hedge"), claims)), np.bool_, n)[perm]
        self.withdrawn = np.fromiter((c.id in withdrawn for c in claims), np.bool_, n)[perm] if withdrawn else None
        periods = list(map(attrgetter("period"), claims))
        self._period = np.fromiter(map(id, periods), np.int64, n)[perm]
        self._period_end = np.array([np.nan if p is None else p.end_ts for p in periods], np.float64)[perm]
        firsts = [claims[g[0]] for g in groups]
        self.is_count = np.fromiter((c.is_count for c in firsts), np.bool_, len(groups))
        self.cumulative = np.fromiter((c.metric.cumulative for c in firsts), np.bool_, len(groups))
        factor = np.fromiter(map(attrgetter("unit_info.factor"), claims), np.float64, n)
        kinds, steps = _steps(np, list(map(attrgetter("estimate"), claims)), policy.precision)
        self.precision_code = kinds[perm]
        self.step = (steps * factor)[perm]
        self._widen(firsts, policy, self.step / 2)

    def _widen(self, firsts: Sequence[Claim], policy: Policy, reach: Any) -> None:
        """Each claim's interval widened as :func:`claimdiff._core.verdicts.widen` widens it, in bulk."""
        np = self.np
        tolerance = policy.tolerance
        absolute = np.zeros(len(firsts))
        relative = np.zeros(len(firsts))
        if not tolerance.is_zero or tolerance.per_metric:
            for i, c in enumerate(firsts):
                t = tolerance.for_metric(c.metric.name)
                absolute[i], relative[i] = t.absolute, t.relative
        absolute, relative = absolute[self.member], relative[self.member]
        lo, hi = self.low.copy(), self.high.copy()
        fin_lo, fin_hi = np.isfinite(lo), np.isfinite(hi)
        lo[fin_lo] -= reach[fin_lo] + (absolute[fin_lo] / 2 + relative[fin_lo] / 2 * np.abs(lo[fin_lo]))
        hi[fin_hi] += reach[fin_hi] + (absolute[fin_hi] / 2 + relative[fin_hi] / 2 * np.abs(hi[fin_hi]))
        lc, hc = self.low_closed.copy(), self.high_closed.copy()
        count = self.is_count[self.member]
        # A count whose reach is under one, with no tolerance, is whole already: unchanged (as in ``widen``).
        moved = count & ((reach >= 1) | (absolute != 0) | (relative != 0))
        keep = count & ~moved
        lo[keep], hi[keep] = self.low[keep], self.high[keep]
        lo[moved] = np.maximum(0.0, np.ceil(lo[moved]))
        hi_moved = moved & fin_hi
        hi[hi_moved] = np.floor(hi[hi_moved])
        lc[moved] = True
        hc[moved] = fin_hi[moved]
        self.wlow, self.whigh, self.wlow_closed, self.whigh_closed = lo, hi, lc, hc

    def reduce_max(self, values: Any) -> Any:
        """The largest value of each group."""
        return self.np.maximum.reduceat(values, self.starts)

    def reduce_min(self, values: Any) -> Any:
        """The smallest value of each group."""
        return self.np.minimum.reduceat(values, self.starts)

    def reduce_any(self, flags: Any) -> Any:
        """Whether any row of each group is set."""
        return self.np.logical_or.reduceat(flags, self.starts)

    def origins_per_group(self) -> Any:
        """The number of distinct origins in each group."""
        np = self.np
        pairs = np.unique(self.member * max(self.n_origins, 1) + self.origin)
        return np.bincount(pairs // max(self.n_origins, 1), minlength=len(self.sizes))

    def same_period(self) -> Any:
        """Per group: all its claims hold the very same period object (or all none)."""
        return self.reduce_max(self._period) == self.reduce_min(self._period)

    def one_date(self) -> Any:
        """Per group: its claims all have periods ending at one moment, or none has a period."""
        np = self.np
        end = self._period_end
        dated = ~np.isnan(end)
        same = np.fmax.reduceat(end, self.starts) == np.fmin.reduceat(end, self.starts)
        return (self.reduce_min(dated) & same) | ~self.reduce_max(dated)

    def unordered(self) -> Any:
        """Per group: no claim was stated strictly before another (``timeline.unordered``)."""
        np = self.np
        max_start = self.reduce_max(self.stated_start)
        min_end = self.reduce_min(self.stated_end)
        return (max_start < min_end) | (max_start == -np.inf)


def _steps(np: Any, estimates: list[Estimate], precision: Precision) -> tuple[Any, Any]:
    """Each estimate's precision (:func:`claimdiff._core.precision_used.figure_precision`): codes and steps.

    It is asked once per distinct estimate object: claims share equal estimates (see
    :func:`claimdiff._model.derived.shared_estimate`), so a data set of a million claims asks the rule a few
    thousand times; the rule itself is :meth:`Precision.step`, never restated here.
    """
    position: dict[int, int] = {}
    distinct: list[Estimate] = []

    def one(e: Estimate) -> int:
        found = position.get(id(e))
        if found is None:
            found = position[id(e)] = len(distinct)
            distinct.append(e)
        return found

    index = np.fromiter(map(one, estimates), np.int64, len(estimates))
    pairs = [figure_precision(e, precision) for e in distinct]
    codes = np.array([k for k, _ in pairs], np.int8).reshape(-1)
    steps = np.array([s for _, s in pairs], np.float64).reshape(-1)
    return codes[index], steps[index]


def segment_intersect(cols: Columns, low: Any, lc: Any, high: Any, hc: Any) -> tuple[Any, Any, Any, Any, Any]:
    """Each group's intersection (``intervals.intersect``), as arrays: low, closed, high, closed, non-empty."""
    np = cols.np
    member = cols.member
    lo = cols.reduce_max(low)
    hi = cols.reduce_min(high)
    lo_open = cols.reduce_any((low == lo[member]) & ~lc)
    hi_open = cols.reduce_any((high == hi[member]) & ~hc)
    lo_closed = ~lo_open & (lo > -np.inf)
    hi_closed = ~hi_open & (hi < np.inf)
    empty = (lo > hi) | ((lo == hi) & ~(lo_closed & hi_closed))
    return lo, lo_closed, hi, hi_closed, ~empty
