"""Learned copying between sources, after Dong, Berti-Equille and Srivastava (VLDB 2009).

Two independent sources agree on a true value often and on a false one rarely; a copier
shares its original's values, above all the false ones. For every pair of sources
that speak of the same items, each shared item is an observation: the same value,
true (within ``right_tol`` item-scales of the current truth) or false, or different
values. Its likelihood under copying (rate ``c``) and under independence (accuracies
``A1``, ``A2``, and ``n`` false values to choose from, here the item's other distinct
values) gives the log-odds of copying, and with the prior ``alpha`` the posterior.

We keep Dong's Bayesian model and its vote discount (a value's later providers count
``1 - c * P(copy)`` each) but, unlike the paper, do not infer the direction of copying:
a pair is ordered by learned reliability, the less reliable being the copier.
Numeric values make "the same value" strict equality of the stated interval.
"""

from __future__ import annotations

import attrs
import numpy as np
from numpy.typing import NDArray

__all__ = ["CopyEvidence", "detect_copying", "item_pairs"]

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Bools = NDArray[np.bool_]


@attrs.frozen(eq=False)
class CopyEvidence:
    """Per pair of sources (``first`` more reliable than ``second``): counts and the posterior."""

    first: Ints
    second: Ints
    posterior: Floats
    overlap: Ints
    same: Ints
    same_wrong: Ints
    # Row pairs (rows of the claim arrays) that share a wrong value, per pair index.
    wrong_rows: tuple[Ints, Ints, Ints]
    discount: Floats


def item_pairs(item: Ints) -> tuple[Ints, Ints]:
    """Every pair of rows within one item (rows must be sorted by item)."""
    n = item.shape[0]
    firsts: list[Ints] = []
    seconds: list[Ints] = []
    if n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    counts = np.bincount(item)
    for k in range(1, int(counts.max())):
        a = np.arange(n - k, dtype=np.int64)
        b = a + k
        same = item[a] == item[b]
        if not same.any():
            break
        firsts.append(a[same])
        seconds.append(b[same])
    if not firsts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(firsts), np.concatenate(seconds)


def _distinct_per_item(item: Ints, low: Floats, high: Floats, n_items: int) -> Ints:
    """How many distinct intervals each item's rows state (equal as numbers; each NaN its own)."""
    order = np.lexsort((high, low, item))
    i, lo, hi = item[order], low[order], high[order]
    new = np.ones(i.shape[0], np.bool_)
    new[1:] = (i[1:] != i[:-1]) | (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    return np.bincount(i[new], minlength=n_items)


def _codes(key: Ints, span: int) -> tuple[Ints, Ints]:
    """The distinct keys (sorted) and each key's position among them: ``np.unique(key, return_inverse=True)``.

    Keys below a small ``span`` are counted in a table instead of sorted.
    """
    if span > 4 * key.shape[0] + 4096:
        keys, inv = np.unique(key, return_inverse=True)
        return keys, inv.reshape(-1)
    present = np.zeros(span, np.bool_)
    present[key] = True
    code = np.cumsum(present) - 1
    return np.flatnonzero(present).astype(np.int64), code[key].astype(np.int64)


def detect_copying(
    item: Ints,
    src: Ints,
    low: Floats,
    high: Floats,
    right: Bools,
    contested: Bools,
    rank: Ints,
    n_src: int,
    *,
    alpha: float,
    copy_rate: float,
    min_overlap: int,
) -> CopyEvidence:
    """Posterior of copying for every pair of sources sharing items, and each row's vote discount.

    Args:
        item: Each row's item (one row per item and origin).
        src: Each row's source.
        low: Each row's interval, low end.
        high: Each row's interval, high end.
        right: Whether the row's interval holds the current truth (within tolerance).
        contested: Whether the row's item has more than one origin.
        rank: Each source's rank by learned reliability (0 = most reliable).
        n_src: Number of sources.
        alpha: Prior probability that two sources copy.
        copy_rate: ``c``, the share of values a copier copies.
        min_overlap: Pairs sharing fewer items are taken as independent.
    """
    order = np.lexsort((rank[src], item))
    a, b = item_pairs(item[order])
    a, b = order[a], order[b]
    keep = contested[a]
    a, b = a[keep], b[keep]
    # Order each pair so that ``a`` is the more reliable source.
    swap = rank[src[a]] > rank[src[b]]
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    n_items = int(item.max()) + 1 if item.shape[0] else 0
    acc = (np.bincount(src, weights=(right & contested).astype(float), minlength=n_src) + 1.0) / (
        np.bincount(src, weights=contested.astype(float), minlength=n_src) + 2.0
    )
    acc = np.clip(acc, 0.02, 0.98)
    # Distinct values per item: the number of false values a wrong source picks from.
    n_false = np.maximum(_distinct_per_item(item, low, high, n_items) - 1, 1).astype(float)
    same = (low[a] == low[b]) & (high[a] == high[b])
    wrong = same & ~right[a]
    key = src[a] * n_src + src[b]
    keys, inv = _codes(key, n_src * n_src)
    # Each pair's log-likelihood ratio: a shared right value depends on the two sources alone (once per pair
    # of sources), a shared wrong value on its item too, a difference on nothing.
    c = copy_rate
    score = np.full(key.shape[0], np.log(1 - c))
    right_same = same & ~wrong
    if right_same.any():
        a1, a2 = acc[keys // n_src], acc[keys % n_src]
        mean_acc = (a1 + a2) / 2
        per_key = np.log((mean_acc * c + a1 * a2 * (1 - c)) / (a1 * a2))
        score[right_same] = per_key[inv[right_same]]
    if wrong.any():
        a1, a2 = acc[src[a[wrong]]], acc[src[b[wrong]]]
        mean_acc = (a1 + a2) / 2
        indep_wrong = (1 - a1) * (1 - a2) / n_false[item[a[wrong]]]
        score[wrong] = np.log(((1 - mean_acc) * c + indep_wrong * (1 - c)) / indep_wrong)
    total = np.bincount(inv, weights=score, minlength=keys.shape[0])
    overlap = np.bincount(inv, minlength=keys.shape[0]).astype(np.int64)
    n_same = np.bincount(inv, weights=same.astype(float), minlength=keys.shape[0]).astype(np.int64)
    n_wrong = np.bincount(inv, weights=wrong.astype(float), minlength=keys.shape[0]).astype(
        np.int64
    )
    logit = np.log(alpha / (1 - alpha)) + total
    posterior = np.where(overlap >= min_overlap, 1 / (1 + np.exp(-np.clip(logit, -700, 700))), 0.0)
    # Dong's vote count: a value's later (less reliable) provider counts 1 - c * P(copy).
    log_disc = np.zeros(item.shape[0])
    factor = np.log1p(-c * posterior[inv])
    np.add.at(log_disc, b[same], factor[same])
    return CopyEvidence(
        first=(keys // n_src).astype(np.int64),
        second=(keys % n_src).astype(np.int64),
        posterior=posterior,
        overlap=overlap,
        same=n_same,
        same_wrong=n_wrong,
        wrong_rows=(inv[wrong].astype(np.int64), a[wrong], b[wrong]),
        discount=np.exp(log_disc),
    )
