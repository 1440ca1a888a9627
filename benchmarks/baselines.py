"""Truth-discovery baselines in numpy, on plain arrays (one row per claim: item, source, value).

Implemented from the papers, for comparison with :func:`claimdiff.truth.discover` on the same claims:

* ``median``, ``majority`` (most frequent value, ties to the lowest);
* TruthFinder (Yin, Han and Yu, KDD 2007/TKDE 2008): trust ``t(s)``, fact confidence from
  ``-ln(1 - t)``, the implication between numeric facts ``exp(-|f - f'| / scale) - 0.5``
  (``rho = 0.5``, dampening ``gamma = 0.3``), trust = mean confidence of its facts;
* CRH (Li et al., SIGMOD 2014) for continuous data: absolute deviation normalised by each item's
  standard deviation, truth = weighted median, ``w_s = -ln(loss_s / sum loss)``;
* Investment (Pasternack and Roth, COLING 2010): sources invest their trust evenly in their
  claims, belief ``G(x) = x ** 1.2``, returns shared in proportion to the investment.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

F = NDArray[np.float64]
I = NDArray[np.int64]  # noqa: E741


def _wmedian(item: I, value: F, w: F, n_items: int) -> F:
    order = np.lexsort((value, item))
    it, v, ww = item[order], value[order], w[order]
    cw = np.cumsum(ww)
    start = np.searchsorted(it, it, side="left")
    within = cw - (cw[start] - ww[start])
    total = np.bincount(it, weights=ww, minlength=n_items)
    reached = within >= 0.5 * total[it] * (1 - 1e-12)
    first = np.full(n_items, len(it))
    np.minimum.at(first, it[reached], np.arange(len(it))[reached])
    out = np.full(n_items, np.nan)
    has = first < len(it)
    out[has] = v[first[has]]
    return out


def median(item: I, src: I, value: F, n_items: int) -> F:  # noqa: ARG001 - same signature for all
    """The lower median of each item's values."""
    return _wmedian(item, value, np.ones_like(value), n_items)


def _facts(item: I, value: F) -> tuple[I, I, F]:
    """Distinct (item, value) facts: the fact of each row, each fact's item and value."""
    pairs = np.stack([item.astype(float), value], axis=1)
    uniq, inv = np.unique(pairs, axis=0, return_inverse=True)
    return inv.ravel().astype(np.int64), uniq[:, 0].astype(np.int64), uniq[:, 1]


def _argmax_fact(f_item: I, f_value: F, score: F, n_items: int) -> F:
    order = np.lexsort((f_value, -score, f_item))
    first = np.searchsorted(f_item[order], np.arange(n_items))
    out = np.full(n_items, np.nan)
    ok = first < len(order)
    ok[ok] &= f_item[order][first[ok]] == np.arange(n_items)[ok]
    out[ok] = f_value[order][first[ok]]
    return out


def majority(item: I, src: I, value: F, n_items: int) -> F:  # noqa: ARG001
    """The most frequent value of each item (ties to the lowest)."""
    fact, f_item, f_value = _facts(item, value)
    votes = np.bincount(fact, minlength=len(f_item)).astype(float)
    return _argmax_fact(f_item, f_value, votes, n_items)


def truthfinder(
    item: I,
    src: I,
    value: F,
    n_items: int,
    *,
    iters: int = 20,
    rho: float = 0.5,
    gamma: float = 0.3,
    t0: float = 0.9,
) -> tuple[F, F]:
    """TruthFinder: per item the most confident fact, and each source's trust."""
    fact, f_item, f_value = _facts(item, value)
    n_src = int(src.max()) + 1
    trust = np.full(n_src, t0)
    # Pairs of facts of the same item, for the implication term.
    order = np.argsort(f_item, kind="stable")
    fa, fb = [], []
    counts = np.bincount(f_item, minlength=n_items)
    for k in range(1, int(counts.max(initial=1))):
        a = order[:-k]
        b = order[k:]
        same = f_item[a] == f_item[b]
        if not same.any():
            break
        fa.append(a[same])
        fb.append(b[same])
    pa = np.concatenate(fa) if fa else np.zeros(0, np.int64)
    pb = np.concatenate(fb) if fb else np.zeros(0, np.int64)
    spread = np.abs(f_value[pa] - f_value[pb])
    scale = np.maximum(np.abs(np.maximum(np.abs(f_value[pa]), np.abs(f_value[pb]))) * 0.01, 1e-9)
    imp = np.exp(-spread / scale) - 0.5
    conf = np.zeros(len(f_item))
    for _ in range(iters):
        tau = -np.log(np.clip(1 - trust, 1e-9, None))
        sigma = np.bincount(fact, weights=tau[src], minlength=len(f_item))
        adj = sigma.copy()
        np.add.at(adj, pa, rho * sigma[pb] * imp)
        np.add.at(adj, pb, rho * sigma[pa] * imp)
        conf = 1 / (1 + np.exp(-gamma * adj))
        new = np.bincount(src, weights=conf[fact], minlength=n_src) / np.maximum(
            np.bincount(src, minlength=n_src), 1
        )
        if np.abs(new - trust).max() < 1e-6:
            trust = new
            break
        trust = np.clip(new, 1e-6, 1 - 1e-6)
    return _argmax_fact(f_item, f_value, conf, n_items), trust


def crh(item: I, src: I, value: F, n_items: int, *, iters: int = 20) -> tuple[F, F]:
    """CRH with normalised absolute deviation and weighted medians; truths and source weights."""
    n_src = int(src.max()) + 1
    w = np.ones(n_src)
    mean = np.bincount(item, weights=value, minlength=n_items) / np.maximum(
        np.bincount(item, minlength=n_items), 1
    )
    var = np.bincount(item, weights=(value - mean[item]) ** 2, minlength=n_items) / np.maximum(
        np.bincount(item, minlength=n_items), 1
    )
    std = np.sqrt(var)
    std = np.where(std > 0, std, 1.0)
    truth = median(item, src, value, n_items)
    for _ in range(iters):
        truth = _wmedian(item, value, w[src], n_items)
        loss = np.abs(value - truth[item]) / std[item]
        per = np.bincount(src, weights=loss, minlength=n_src) + 1e-12
        w = -np.log(per / per.sum())
    return truth, w


def investment(
    item: I, src: I, value: F, n_items: int, *, iters: int = 20, g: float = 1.2
) -> tuple[F, F]:
    """Investment: per item the value of highest belief, and each source's trust."""
    fact, f_item, f_value = _facts(item, value)
    n_src = int(src.max()) + 1
    n_claims = np.maximum(np.bincount(src, minlength=n_src), 1).astype(float)
    trust = np.ones(n_src)
    belief = np.ones(len(f_item))
    for _ in range(iters):
        invest = trust[src] / n_claims[src]
        pooled = np.bincount(fact, weights=invest, minlength=len(f_item))
        trust = np.bincount(src, weights=belief[fact] * invest / pooled[fact], minlength=n_src)
        trust /= trust.max()
        invest = trust[src] / n_claims[src]
        belief = np.bincount(fact, weights=invest, minlength=len(f_item)) ** g
    return _argmax_fact(f_item, f_value, belief, n_items), trust
