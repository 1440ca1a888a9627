"""The iteration behind :func:`claimdiff.truth.discover`, on numpy arrays (one row per item and origin).

Truths and source reliabilities are estimated in turn (coordinate descent, as in CRH):

1. the truth of each item is the weighted median of its claims' intervals;
2. each claim's error is its interval's distance to the truth (with ``loo_max``, in small
   items, to the truth of the *other* claims of its item: leave one out, so that a source
   cannot vouch for itself), divided by the
   item's robust spread (so a population and a distance can share a source; never less than the
   median allowance of its claims, their precision and tolerance, when one is given), capped at ``cap``;
3. each source's expected error ``b`` is the mean of its errors on contested items,
   shrunk towards its prior by ``prior_strength`` pseudo-claims (a source whose prior is
   learned, towards the mean error of all sources' contested claims in that round: empirical
   Bayes); its weight moves towards
   ``1 / b`` (halfway in logarithms for ten rounds, then by steps of ``5 / round``: damping
   stops a weighted median from cycling between two figures).

The stop rule: stop when no truth moves by more than ``tol`` item-scales and no weight
changes by more than ``tol`` relatively, or when no truth has moved for five rounds in a
row, or after ``max_iter`` rounds. The stages then
follow in a fixed order: fit; find systematic shifts and (when told) correct them and fit
again; learn copying, discount copied votes and fit again.
"""

from __future__ import annotations

import attrs
import numpy as np
from numpy.typing import NDArray

from claimdiff._core.truth.copying import CopyEvidence, detect_copying, item_pairs
from claimdiff._core.truth.median import (
    MedianPlan,
    interval_distance,
    interval_median,
    weighted_quantile,
)
from claimdiff._core.truth.offsets import ShiftFinding, find_shifts
from claimdiff._core.truth.results import TruthSettings

__all__ = ["Arrays", "Solution", "solve"]

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]


# Truths that stay put this many rounds in a row end a stage even while weights still refine.
_QUIET_ROUNDS = 5


@attrs.frozen(eq=False)
class Arrays:
    """The claims as arrays: one row per (item, origin)."""

    item: Ints
    src: Ints
    low: Floats
    high: Floats
    fig: Floats
    prior_loss: Floats  # per source
    n_items: int
    n_src: int
    #: Per row: how far apart figures may be and still agree (precision and tolerance), or None.
    allowance: Floats | None = None
    #: Per item: whether it is a count (its truth, when claims balance, is the lower figure by default).
    counts: NDArray[np.bool_] | None = None
    #: Per source: whether its prior is learned from all sources (empirical Bayes), not ``prior_loss``.
    learned: NDArray[np.bool_] | None = None


@attrs.frozen(eq=False)
class Solution:
    """Everything the estimator learned, as arrays."""

    best: Floats
    set_low: Floats
    set_high: Floats
    q_low: Floats
    q_high: Floats
    scale: Floats
    error: Floats  # per row, normalised (uncapped)
    low: Floats  # per row, after shift correction
    high: Floats
    fig: Floats
    expected_loss: Floats  # per source
    prior_loss: Floats  # per source: the prior's expected error, learned or declared
    weight: Floats  # per source
    evidence: Floats  # per source: contested rows counted
    discount: Floats  # per row
    contested: NDArray[np.bool_]
    shifts: list[ShiftFinding]
    copying: CopyEvidence | None
    iterations: int
    converged: bool


def _scale(
    item: Ints, fig: Floats, n_items: int, settings: TruthSettings, allowance: Floats | None
) -> Floats:
    ones = np.ones(item.shape[0])
    med, _, _ = interval_median(item, fig, fig, np.where(np.isfinite(fig), ones, 0.0), n_items)
    dev = np.abs(fig - med[item])
    mad, _, _ = interval_median(item, dev, dev, np.where(np.isfinite(dev), ones, 0.0), n_items)
    level = np.abs(np.nan_to_num(med))
    spread = np.maximum(1.4826 * np.nan_to_num(mad), settings.relative_floor * level)
    if (
        allowance is not None
    ):  # differences within the allowance are not errors worth more than one unit
        allowed, _, _ = interval_median(item, allowance, allowance, ones, n_items)
        spread = np.maximum(spread, np.nan_to_num(allowed))
    return np.where(spread > 0, spread, np.maximum(level * 1e-9, 1.0))


@attrs.frozen(eq=False)
class _LeaveOneOut:
    """For rows of items with at most ``loo_max`` origins: each (row, other row of its item) pair."""

    row: Ints
    other: Ints
    small: NDArray[np.bool_]  # rows scored leave-one-out

    @classmethod
    def of(cls, item: Ints, origins: Ints, limit: int) -> _LeaveOneOut:
        small = (origins[item] >= 2) & (origins[item] <= limit)
        rows = np.flatnonzero(small)
        a, b = item_pairs(item[rows])
        a, b = rows[a], rows[b]
        return cls(np.concatenate([a, b]), np.concatenate([b, a]), small)

    def plan(self, low: Floats, high: Floats) -> MedianPlan:
        """The sorted ends of every row's other claims."""
        return MedianPlan(self.row, low[self.other], high[self.other], self.small.shape[0])

    def truth(self, plan: MedianPlan, best: Floats, item: Ints, w: Floats) -> Floats:
        """The truth each row is scored against: its item's without it, else the item's."""
        out = best[item].copy()
        if self.row.shape[0]:
            loo, _, _ = plan.solve(w[self.other])
            out[self.small] = loo[self.small]
        return out


@attrs.define
class _Fit:
    best: Floats
    set_low: Floats
    set_high: Floats
    error: Floats
    b: Floats
    prior_loss: Floats
    weight: Floats
    evidence: Floats
    iterations: int
    converged: bool


def _fit(
    a: Arrays,
    low: Floats,
    high: Floats,
    scale: Floats,
    disc: Floats,
    contested: NDArray[np.bool_],
    weight: Floats,
    settings: TruthSettings,
    loo: _LeaveOneOut,
) -> _Fit:
    k0 = settings.prior_strength
    # A copier's votes are discounted, not its record: every contested claim counts as evidence.
    ev = contested.astype(float)
    evidence = np.bincount(a.src, weights=ev, minlength=a.n_src).astype(float)
    best = np.full(a.n_items, np.nan)
    prev_best = best
    plan = MedianPlan(a.item, low, high, a.n_items)
    low_ties = (
        settings.low_ties
        if settings.low_ties is not None
        else (a.counts if a.counts is not None else False)
    )
    loo_plan = loo.plan(low, high)
    result: _Fit | None = None
    quiet = 0
    row_scale = scale[a.item]
    for it in range(1, settings.max_iter + 1):
        w_rows = weight[a.src] * disc
        best, set_low, set_high = plan.solve(w_rows, mode=settings.mode, low_ties=low_ties)
        err = interval_distance(best[a.item], low, high) / row_scale
        loo_err = (
            err
            if not loo.row.shape[0]
            # without leave-one-out rows, every truth is the item's
            else (
                interval_distance(loo.truth(loo_plan, best, a.item, w_rows), low, high) / row_scale
            )
        )
        loss = np.where(np.isfinite(loo_err), np.minimum(loo_err, settings.cap), settings.cap)
        total = np.bincount(a.src, weights=ev * loss, minlength=a.n_src)
        prior_loss = _prior_loss(a, np.asarray(total, float), evidence)
        b = (k0 * prior_loss + total) / (k0 + evidence)
        # The floor bounds the weights only; the reported expected error keeps its rank.
        floored = np.maximum(b, settings.min_loss)
        # Damped: a step of ``eta`` towards 1 / b in logarithms (halfway for ten rounds, then
        # ever shorter steps). A weighted median can flip between two values as weights cross;
        # undamped, the iteration then cycles, and shrinking steps make the weights settle.
        eta = 0.5 if it <= 10 else 5.0 / it
        new_weight = weight ** (1 - eta) * (1.0 / floored) ** eta
        new_weight /= new_weight.max(initial=1e-300)
        moved = np.abs(np.nan_to_num(best - prev_best, nan=0.0)) / scale
        still = it > 1 and float(moved.max(initial=0.0)) <= settings.tol
        quiet = quiet + 1 if still else 0
        settled = float((np.abs(new_weight - weight) / weight).max(initial=0.0)) <= settings.tol
        done = still and (settled or quiet >= _QUIET_ROUNDS)
        weight = new_weight
        prev_best = best
        result = _Fit(best, set_low, set_high, err, b, prior_loss, weight, evidence, it, done)
        if done:
            break
    assert result is not None  # noqa: S101 - max_iter >= 1
    return result


def _prior_loss(a: Arrays, total: Floats, evidence: Floats) -> Floats:
    """Each source's prior expected error: its declared one, or (when learned) all sources' mean error."""
    seen = float(evidence.sum())
    if a.learned is None or seen <= 0:
        return a.prior_loss
    return np.where(a.learned, float(total.sum()) / seen, a.prior_loss)


def solve(a: Arrays, settings: TruthSettings) -> Solution:
    """Fit truths and reliabilities, then shifts, then copying, each stage as documented above."""
    low, high, fig = a.low.copy(), a.high.copy(), a.fig.copy()
    origins = np.bincount(a.item, minlength=a.n_items)
    contested = origins[a.item] >= 2
    loo = _LeaveOneOut.of(a.item, origins, settings.loo_max)
    disc = np.ones(a.item.shape[0])
    weight = 1.0 / np.maximum(a.prior_loss, settings.min_loss)
    weight /= weight.max(initial=1.0)
    scale = _scale(a.item, fig, a.n_items, settings, a.allowance)
    fit = _fit(a, low, high, scale, disc, contested, weight, settings, loo)
    iterations = fit.iterations
    shifts: list[ShiftFinding] = []
    if settings.find_shifts:
        usable = contested & np.isfinite(fig)
        shifts = find_shifts(
            a.src,
            fig,
            fit.best[a.item],
            scale[a.item],
            usable,
            a.n_src,
            min_claims=settings.shift_min_claims,
            min_share=settings.shift_min_share,
            min_factor=settings.shift_min_factor,
            min_offset=settings.shift_min_offset,
        )
        if shifts and settings.correct_shifts:
            for s in shifts:
                rows = a.src == s.src
                if s.kind == "scale":
                    low[rows], high[rows], fig[rows] = (
                        low[rows] / s.value,
                        high[rows] / s.value,
                        fig[rows] / s.value,
                    )
                else:
                    low[rows], high[rows], fig[rows] = (
                        low[rows] - s.value,
                        high[rows] - s.value,
                        fig[rows] - s.value,
                    )
            scale = _scale(a.item, fig, a.n_items, settings, a.allowance)
            fit = _fit(a, low, high, scale, disc, contested, fit.weight, settings, loo)
            iterations += fit.iterations
    copying: CopyEvidence | None = None
    if settings.copying and a.item.shape[0]:
        for _ in range(settings.copy_rounds):
            rank = np.empty(a.n_src, np.int64)
            rank[np.lexsort((np.arange(a.n_src), fit.b))] = np.arange(a.n_src)
            right = np.nan_to_num(fit.error, nan=np.inf) <= settings.right_tol
            copying = detect_copying(
                a.item,
                a.src,
                low,
                high,
                right,
                contested,
                rank,
                a.n_src,
                alpha=settings.copy_prior,
                copy_rate=settings.copy_rate,
                min_overlap=settings.copy_min_overlap,
            )
            disc = copying.discount
            fit = _fit(a, low, high, scale, disc, contested, fit.weight, settings, loo)
            iterations += fit.iterations
    w_rows = fit.weight[a.src] * disc
    q_low = weighted_quantile(a.item, fig, w_rows, 0.25, a.n_items)
    q_high = weighted_quantile(a.item, fig, w_rows, 0.75, a.n_items)
    return Solution(
        best=fit.best,
        set_low=fit.set_low,
        set_high=fit.set_high,
        q_low=np.fmin(q_low, fit.set_low),
        q_high=np.fmax(q_high, fit.set_high),
        scale=scale,
        error=fit.error,
        low=low,
        high=high,
        fig=fig,
        expected_loss=fit.b,
        prior_loss=fit.prior_loss,
        weight=fit.weight,
        evidence=fit.evidence,
        discount=disc,
        contested=contested,
        shifts=shifts,
        copying=copying,
        iterations=iterations,
        converged=fit.converged,
    )
