"""Who to believe: :func:`discover` learns each item's truth and each origin's reliability together."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimdiff._collector import PAUSE
from claimdiff._core.lazy_items import LazyItems
from claimdiff._core.truth.factors import likely_units
from claimdiff._core.truth.results import (
    ClaimFit,
    ClaimFits,
    CopyPair,
    ItemTruth,
    SharedValue,
    SourceReliability,
    SystematicShift,
    TruthPrior,
    TruthResult,
    TruthSettings,
    unlikely_score,
)
from claimdiff._model.claim import Claim
from claimdiff.exceptions import IncomparableError, InvalidClaimError

if TYPE_CHECKING:
    from claimdiff._core.policy import Policy
    from claimdiff._core.truth.copying import Floats, Ints
    from claimdiff._core.truth.rows import Laid, Reads, Rows
    from claimdiff._core.truth.solver import Solution

__all__ = ["discover"]

_DEFAULT_PRIOR = TruthPrior()
_DEFAULT_SETTINGS = TruthSettings()
_FLOOR = 1e-6  # the least prior a declared reliability of 0 stands for
_SHOWN = 5  # the shared wrong values a copier pair shows, farthest from the truth first


def discover(
    items: Sequence[Sequence[Claim]],
    *,
    prior: TruthPrior | None = None,
    settings: TruthSettings | None = None,
    policy: Policy | None = None,
) -> TruthResult:
    """Estimate each item's truth and each origin's reliability jointly, from conflicting claims.

    Each item is the claims about one figure (for instance one :class:`claimdiff.Group`
    of a report: ``[report.claim(i) for i in group.claims]``), all in one unit. An origin
    counts once per item: relays and restatements of it are collapsed to its latest claim.
    Claims are intervals: "at least 14" is evidence only against values below 14. Errors
    are measured in each item's robust spread, so items of any size share a source's
    record. Truths and reliabilities are refined in turn until nothing moves (see
    :class:`TruthSettings` for the stop rule), then systematic shifts (a unit written
    wrong, a constant offset) are found and corrected, then copying between sources is
    learned and copied votes discounted (Dong et al., VLDB 2009). The result does not
    depend on the order of the items or of their claims.

    >>> from claimdiff import Claim, Scope, Source
    >>> scope = Scope(place="X", counted="people")
    >>> def claim(i, figure, who):
    ...     return Claim(id=i, metric="killed", estimate=figure, scope=scope, source=Source(who))
    >>> items = [[claim(f"{n}a", v, "A"), claim(f"{n}b", v, "B"), claim(f"{n}c", v * 3, "C")]
    ...          for n, v in enumerate([10, 20, 30, 40, 50])]
    >>> result = discover(items)
    >>> [item.best for item in result.items]
    [10.0, 20.0, 30.0, 40.0, 50.0]
    >>> sorted((s.origin, round(s.reliability, 2)) for s in result.sources)  # C's unit corrected: all agree
    [('a', 1.0), ('b', 1.0), ('c', 1.0)]
    >>> result.shifts[0].message
    "'c' is 3 times the consensus on 5 of 5 contested items"

    A ``policy`` says how far apart figures may be and still agree: the precision their wording
    implies and its :class:`~claimdiff.tolerance.Tolerance` (:attr:`Policy.precision`, :attr:`Policy.tolerance`).
    That allowance is then the least unit errors are measured in: an item's scale is at least the
    allowance of its claims (the median over them), so differences within it weigh little against a
    source, while the claims are still weighed as figures (not as intervals, where every value
    within the allowance would be as good as the figure itself). Exact readings with a declared
    tolerance are so at least as well placed as readings each widened by hand.

    Args:
        items: The claims of each item.
        prior: What is known about sources beforehand (default: the policy's
            :attr:`~claimdiff.Policy.truth_prior`, else every source 0.5); a source's own declared
            :attr:`~claimdiff.Source.reliability` wins over it. Under
            :attr:`TruthSettings.learn_default` (the default) the sources nothing is declared
            about are shrunk towards all sources' mean error instead of the prior's ``default``.
        settings: The estimator's knobs (default: the policy's, else :class:`TruthSettings`).
        policy: The precision and tolerance that set the least unit of error (default: none; each
            claim's spread alone).

    Raises:
        InvalidClaimError: An element is not a :class:`claimdiff.Claim`, or two claims share an id.
        IncomparableError: An item mixes dimensions (a count and a distance).
    """
    seen: set[str] = set()
    checked: list[list[Claim]] = []
    for cs in items:
        lst = list(cs)
        for c in lst:
            if not isinstance(c, Claim):
                raise InvalidClaimError(None, "items", c, "must hold only Claim objects")
            if c.id in seen:
                raise InvalidClaimError(c.id, "id", c.id, "appears twice")
            seen.add(c.id)
        dims = {c.dimension for c in lst}
        if len(dims) > 1:
            a, b = sorted(dims)[:2]
            raise IncomparableError(
                a, b, "one item mixes dimensions; give each group of comparable claims as an item"
            )
        checked.append(lst)
    return learn(checked, prior=prior, settings=settings, policy=policy)[0]


def learn(
    items: Sequence[Sequence[Claim]] | Laid,
    *,
    prior: TruthPrior | None = None,
    settings: TruthSettings | None = None,
    policy: Policy | None = None,
    reads: Reads | None = None,
) -> tuple[TruthResult, list[float | None]]:
    """:func:`discover` on items known to be sound (claims with unique ids, one dimension per item), and each item's best.

    This is what the ``truth`` policy runs on the groups :func:`claimdiff.reconcile` has formed (whose
    claims it has already checked); the arguments and the result are :func:`discover`'s, with the best
    figure of each item (``result.items[i].best``) as a list beside it. The items may come laid end to end
    (:class:`~claimdiff._core.truth.rows.Laid`); ``reads``: what reconciling has read of the claims already,
    laid end to end as ``items`` are (:class:`~claimdiff._core.truth.rows.Reads`).
    """
    import numpy as np  # noqa: PLC0415 - numpy is imported only when truth is discovered

    from claimdiff._core.truth.rows import Rows  # noqa: PLC0415 - imports numpy
    from claimdiff._core.truth.solver import Arrays, solve  # noqa: PLC0415 - imports numpy

    prior = prior or (policy.truth_prior if policy is not None else None) or _DEFAULT_PRIOR
    settings = (
        settings or (policy.truth_settings if policy is not None else None) or _DEFAULT_SETTINGS
    )
    rows = Rows.of(items, reads)
    # A reliability the source itself declares wins over the prior's tables (floored: -ln(0) is no weight).
    declared = rows.sources
    priors = [
        prior.reliability_of(s) if (r := s.reliability) is None else max(r, _FLOOR)
        for s in declared
    ]
    learned = [
        settings.learn_default and s.reliability is None and not prior.declares(s) for s in declared
    ]
    arrays = Arrays(
        item=rows.row_item,
        src=rows.src[rows.chosen],
        low=rows.low[rows.chosen],
        high=rows.high[rows.chosen],
        fig=rows.figures(),
        prior_loss=-np.log(np.asarray(priors, float)) if priors else np.zeros(0),
        n_items=len(items),
        n_src=len(rows.origins),
        allowance=None if policy is None else rows.allowances(policy),
        counts=rows.counts,
        learned=np.asarray(learned, np.bool_),
    )
    solution = solve(arrays, settings)
    with (
        PAUSE
    ):  # the sources, copiers and shifts: small acyclic objects the collector need not scan
        return _result(rows, solution, settings)


def farthest(errors: Floats, k: int) -> Ints:
    """The positions of ``errors`` that can be among the ``k`` largest, in order: ties with the ``k``-th all kept.

    Sorting the values these name, largest first with any tie-break, gives the same first ``k`` as sorting
    them all; with a NaN among them (which orders nothing) every position is given.

    >>> import numpy as np
    >>> farthest(np.array([0.5, 3.0, 1.0, 3.0, 1.0]), 2).tolist(), farthest(np.array([1.0, 2.0]), 5).tolist()
    ([1, 3], [0, 1])
    """
    import numpy as np  # noqa: PLC0415 - see discover

    n = len(errors)
    if n <= k or np.isnan(errors).any():
        return np.arange(n, dtype=np.int64)
    return np.flatnonzero(errors >= np.partition(errors, n - k)[n - k]).astype(np.int64)


def _result(
    rows: Rows, sol: Solution, settings: TruthSettings
) -> tuple[TruthResult, list[float | None]]:
    """The result, and each input item's best (its truth made at once: the ``truth`` policy reads them all)."""
    import numpy as np  # noqa: PLC0415 - see discover

    canon, origins, claims = rows.canon.tolist(), rows.origins, rows.claims
    n_items = len(canon)
    position = np.empty(n_items, np.int64)
    position[rows.canon] = np.arange(n_items, dtype=np.int64)

    def num(v: float) -> float | None:
        return float(v) if math.isfinite(v) else None

    origins_per_item = np.bincount(rows.item[rows.chosen], minlength=n_items).tolist()
    # Each item's claims by id: the claims by id, then stably by item.
    by_item = rows.order[np.argsort(rows.item[rows.order], kind="stable")]
    ends = np.cumsum(np.bincount(rows.item, minlength=n_items)).tolist()
    # Plain lists, by input item: indexing numpy arrays one element at a time is slow.
    best_l = [num(v) for v in sol.best[position].tolist()]
    scale_l = sol.scale[position].tolist()
    q_low_l, q_high_l = sol.q_low[position].tolist(), sol.q_high[position].tolist()

    def item_truth(old: int) -> ItemTruth:
        best = best_l[old]
        ids = by_item[ends[old - 1] if old else 0 : ends[old]].tolist()
        return ItemTruth(
            index=old,
            claims=tuple(claims[i].id for i in ids),
            best=best,
            low=num(q_low_l[old]) if best is not None else None,
            high=num(q_high_l[old]) if best is not None else None,
            scale=scale_l[old],
            origins=origins_per_item[old],
        )

    # Every claim against its item's truth, its bounds corrected by its origin's shift.
    low, high = rows.low.copy(), rows.high.copy()
    if settings.correct_shifts:
        for s in sol.shifts:
            mine = rows.src == s.src
            if s.kind == "scale":
                low[mine], high[mine] = low[mine] / s.value, high[mine] / s.value
            else:
                low[mine], high[mine] = low[mine] - s.value, high[mine] - s.value
    at = position[rows.item]
    truth, scale = sol.best[at], sol.scale[at]
    known = np.isfinite(truth)
    with np.errstate(invalid="ignore"):
        err = np.maximum(np.maximum(low - truth, truth - high), 0.0) / scale
    disputed = np.asarray(origins_per_item, np.int64)[rows.item] >= 2
    flagged = disputed & known & (err >= settings.unlikely_at)
    counted = np.zeros(len(claims), np.bool_)
    counted[rows.chosen] = True
    order = rows.order
    # Each claim's fit is made when read, from these lists (claims by id).
    at_l = order.tolist()
    item_l = rows.item[order].tolist()
    err_l = err[order].tolist()
    known_l = known[order].tolist()
    flagged_l = flagged[order].tolist()
    counted_l = counted[order].tolist()

    def head(k: int) -> tuple[str, int, float | None]:
        return claims[at_l[k]].id, item_l[k], err_l[k] if known_l[k] else None

    def claim_fit(k: int) -> ClaimFit:
        claim_id, item, e = head(k)
        return ClaimFit(
            claim_id=claim_id,
            item=item,
            error=e,
            unlikely=unlikely_score(e),
            flagged=flagged_l[k],
            counted=counted_l[k],
        )

    fits = ClaimFits(
        len(claims), claim_fit, flagged_at=np.flatnonzero(flagged[order]).tolist(), head=head
    )

    row_src = rows.src[rows.chosen]
    n = len(origins)
    contested = sol.contested
    err_c = np.where(np.isfinite(sol.error), np.minimum(sol.error, settings.cap), 0.0)
    n_contested = np.bincount(row_src, weights=contested.astype(float), minlength=n)
    sum_err = np.bincount(row_src, weights=contested * err_c, minlength=n)
    right = contested & (np.nan_to_num(sol.error, nan=np.inf) <= settings.right_tol)
    n_right = np.bincount(row_src, weights=right.astype(float), minlength=n)
    n_claims = np.bincount(row_src, minlength=n)
    sources = [
        SourceReliability(
            origin=o,
            reliability=math.exp(-float(sol.expected_loss[i])),
            weight=float(sol.weight[i]),
            expected_error=float(sol.expected_loss[i]),
            prior=math.exp(-float(sol.prior_loss[i])),
            claims=int(n_claims[i]),
            evidence=float(sol.evidence[i]),
            mean_error=float(sum_err[i] / n_contested[i]) if n_contested[i] else None,
            share_right=float(n_right[i] / n_contested[i]) if n_contested[i] else None,
        )
        for i, o in enumerate(origins)
    ]
    sources.sort(key=lambda s: (-s.reliability, s.origin))

    copiers = []
    cp = sol.copying
    if cp is not None:
        pair_idx, wa, wb = cp.wrong_rows
        for p in np.flatnonzero(cp.posterior >= settings.copy_report_at):
            sel = np.flatnonzero(pair_idx == p)
            sel = sel[farthest(sol.error[wa[sel]], _SHOWN)]  # only those that can be shown are made
            shared = []
            for r_a, r_b in zip(wa[sel].tolist(), wb[sel].tolist(), strict=True):
                ca, cb = rows.rows[r_a], rows.rows[r_b]
                shared.append(
                    SharedValue(
                        item=canon[int(rows.row_item[r_a])],
                        claims=(ca.id, cb.id),
                        value=float(sol.fig[r_a]),
                        error=float(sol.error[r_a]),
                    )
                )
            shared.sort(key=lambda v: (-v.error, v.claims))
            copiers.append(
                CopyPair(
                    original=origins[int(cp.first[p])],
                    copier=origins[int(cp.second[p])],
                    probability=float(cp.posterior[p]),
                    overlap=int(cp.overlap[p]),
                    same=int(cp.same[p]),
                    same_wrong=int(cp.same_wrong[p]),
                    shared=tuple(shared[:_SHOWN]),
                )
            )
    copiers.sort(key=lambda c: (-c.probability, c.original, c.copier))
    shifts = tuple(
        SystematicShift(
            origin=origins[s.src],
            kind=s.kind,
            value=s.value,
            units=likely_units(s.value) if s.kind == "scale" else None,
            claims=s.claims,
            consistent=s.consistent,
            corrected=settings.correct_shifts,
        )
        for s in sol.shifts
    )
    result = TruthResult(
        items=LazyItems(n_items, item_truth),
        sources=tuple(sources),
        copiers=tuple(copiers),
        shifts=shifts,
        claims=fits,
        iterations=sol.iterations,
        converged=sol.converged,
    )
    return result, best_l
