"""The consensus of groups of claims, found for many groups at once by one sweep over their intervals.

A group's consensus is the set of its claims that allow the value most independent origins allow (each
origin counts once, however many outlets repeat it), and what they allow together. In one dimension the
sets of claims sharing a value that no other claim joins (the *maximal* sets) are the sets alive just
before a closing that follows an opening, when every claim's two ends are read in order (Helly): the
sweep reads each group's ends in order, counts the distinct origins alive at each such moment, and keeps
the maximal sets with the most. Ties between equally supported sets are broken by the ``ties`` rule:
``"median"`` takes the set whose common interval lies nearer the median of every origin's figure (each
origin's own figure the median of its distinct figures), ``"lower"`` the lower interval, ``"higher"`` the
higher; a set whose claims meet only where they exclude each other comes last; then the set whose sorted
ids come first.

The rule is written once, over numpy arrays of claims laid out group by group (:func:`sweep`); one group is
an array of one group (:func:`claimdiff._core.estimators.consensus`), and the reconcile pass asks it of every
loud group at once (:func:`consensus_of_groups`). numpy is imported with this module, which the core imports
only when a consensus is first asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain, compress, count, repeat
from operator import attrgetter, getitem, itemgetter
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from claimdiff._core.intervals import Iv, meet
from claimdiff._model.claim import Claim

__all__ = ["Swept", "consensus_of_groups", "sweep"]

_INF = np.inf

#: The order of a claim's ends at one place: an end that excludes it first (its interval stopped just
#: before), then a start that allows it, an end that allows it, a start that excludes it (it begins just after).
_CLOSE_OPEN, _OPEN_CLOSED, _CLOSE_CLOSED, _OPEN_OPEN = -1, 0, 1, 2


class Swept(NamedTuple):
    """Each group's consensus, as arrays: per claim whether it supports, per group the supporters' interval.

    ``low``, ``low_closed``, ``high``, ``high_closed`` are what the supporting claims allow together (their
    intersection, as :func:`~claimdiff._core.intervals.meet` closes it) and ``ok`` whether it holds a value.
    """

    support: NDArray[np.bool_]
    low: NDArray[np.float64]
    low_closed: NDArray[np.bool_]
    high: NDArray[np.float64]
    high_closed: NDArray[np.bool_]
    ok: NDArray[np.bool_]


def sweep(
    sizes: NDArray[np.int64],
    low: NDArray[np.float64],
    low_closed: NDArray[np.bool_],
    high: NDArray[np.float64],
    high_closed: NDArray[np.bool_],
    origin: NDArray[np.int64],
    figure: NDArray[np.float64],
    ids: Sequence[str],
    ties: str = "median",
) -> Swept:
    """The consensus of every group (see the module): the claims laid end to end, ``sizes[g]`` claims of group ``g``.

    Per claim: its non-empty interval (``low``, ``low_closed``, ``high``, ``high_closed``), its origin as an
    integer code, its figure (NaN when it has none) and its id (read only where the ids break a tie). Every
    group holds at least one claim.

    >>> two = sweep(np.array([3, 2]), np.array([10.0, 10, 30, 1, 5]), np.ones(5, bool),
    ...             np.array([10.0, 10, 30, 2, 6]), np.ones(5, bool), np.array([0, 1, 2, 0, 1]),
    ...             np.array([10.0, 10, 30, 1.5, 5.5]), ["a", "b", "c", "d", "e"], "lower")
    >>> two.support.tolist(), two.low.tolist(), two.high.tolist()
    ([True, True, False, True, False], [10.0, 1.0], [10.0, 2.0])
    """
    n = len(low)
    groups = len(sizes)
    group = np.repeat(np.arange(groups, dtype=np.int64), sizes)
    # Every claim's two ends, read group by group, in place order and, at one place, in the order above.
    end_order = np.concatenate(
        (
            np.where(low_closed, _OPEN_CLOSED, _OPEN_OPEN),
            np.where(high_closed, _CLOSE_CLOSED, _CLOSE_OPEN),
        )
    )
    place = np.concatenate((low, high))
    row = np.concatenate((np.arange(n), np.arange(n)))
    order = np.lexsort((end_order, place, np.concatenate((group, group))))
    x, kind, row = place[order], end_order[order], row[order]
    opens = (kind == _OPEN_CLOSED) | (kind == _OPEN_OPEN)
    at = np.empty(2 * n, np.int64)
    at[order] = np.arange(2 * n)
    opened, closed = at[:n], at[n:]  # where each claim's start and end are read
    # A maximal set: alive at a closing right after an opening (a group's first end is an opening, its last a
    # closing, so such a pair never straddles two groups). Its claims all start by the opening, end from the closing.
    candidate = np.flatnonzero(~opens[1:] & opens[:-1]) + 1
    of = group[row[candidate]]
    weight = _origins_alive(opens, origin[row], group[row])[candidate - 1]
    best = np.maximum.reduceat(weight, np.flatnonzero(np.r_[True, of[1:] != of[:-1]]))
    top = candidate[weight == best[of]]
    of = group[row[top]]
    if len(top) > groups:  # some group has more than one most supported set: rank them
        top = _untie(top, of, sizes, x, kind, opened, closed, origin, figure, ids, ties)
    # The chosen set's claims, and what they allow together: from its last opening to its first closing.
    chosen = top[group]
    support = (opened < chosen) & (closed >= chosen)
    lo, lc, hi, hc, ok = meet(
        x[top - 1], kind[top - 1] == _OPEN_OPEN, x[top], kind[top] == _CLOSE_OPEN
    )
    return Swept(support, lo, lc, hi, hc, ok)


def _origins_alive(
    opens: NDArray[np.bool_], origin: NDArray[np.int64], group: NDArray[np.int64]
) -> NDArray[np.int64]:
    """After each end read, how many distinct origins of its group have a claim alive (started, not yet ended)."""
    step = np.where(opens, 1, -1)
    # Each origin's claims alive, counted in reading order within the (group, origin): every claim that starts
    # ends in its group, so the running sum over all of them is back at 0 where each (group, origin) ends.
    by_origin = np.lexsort((origin, group))
    alive = np.cumsum(step[by_origin])
    rising = step[by_origin] > 0
    first_or_last = np.empty(len(opens), np.int64)
    first_or_last[by_origin] = (rising & (alive == 1)).astype(np.int64) - (
        ~rising & (alive == 0)
    ).astype(np.int64)
    return np.asarray(np.cumsum(first_or_last), np.int64)


def _untie(
    top: NDArray[np.int64],
    of: NDArray[np.int64],
    sizes: NDArray[np.int64],
    x: NDArray[np.float64],
    kind: NDArray[np.int64],
    opened: NDArray[np.int64],
    closed: NDArray[np.int64],
    origin: NDArray[np.int64],
    figure: NDArray[np.float64],
    ids: Sequence[str],
    ties: str,
) -> NDArray[np.int64]:
    """Per group, the one most supported set the ``ties`` rule prefers (sets by where their closing is read)."""
    low, high = x[top - 1], x[top]
    # Empty only at a single place (``meet`` says when); the closedness of the ends moves no distance.
    empty = ~(
        (low < high) | meet(low, kind[top - 1] == _OPEN_OPEN, high, kind[top] == _CLOSE_OPEN)[4]
    )
    if ties == "lower":
        rank = low
    elif ties == "higher":
        rank = -high
    else:
        middle = _origins_median(sizes, origin, figure, of)[of]
        rank = np.where(middle < low, low - middle, np.where(middle > high, middle - high, 0.0))
    rank = np.where(empty, _INF, rank)
    starts = np.flatnonzero(np.r_[True, of[1:] != of[:-1]])
    nearest = rank == np.minimum.reduceat(rank, starts)[of]
    top, of = top[nearest], of[nearest]
    many = np.bincount(of, minlength=len(sizes))
    if many.max() > 1:  # still tied: the set whose sorted ids come first
        top, of = _first_by_ids(top, of, many, sizes, opened, closed, ids)
    chosen = np.empty(len(sizes), np.int64)
    chosen[of] = top
    return chosen


def _origins_median(
    sizes: NDArray[np.int64],
    origin: NDArray[np.int64],
    figure: NDArray[np.float64],
    asked: NDArray[np.int64],
) -> NDArray[np.float64]:
    """Per group, the median over its origins of each origin's median distinct figure (0 when none has one).

    Found for the groups ``asked`` only (the others' are left 0).
    """
    wanted = np.zeros(len(sizes), np.bool_)
    wanted[asked] = True
    group = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    has = ~np.isnan(figure) & wanted[group]
    out = np.zeros(len(sizes))
    if not has.any():
        return out
    g, o, f = group[has], origin[has], figure[has]
    order = np.lexsort((f, o, g))
    g, o, f = g[order], o[order], f[order]
    distinct = np.r_[True, (g[1:] != g[:-1]) | (o[1:] != o[:-1]) | (f[1:] != f[:-1])]
    g, o, f = g[distinct], o[distinct], f[distinct]
    per_origin = np.r_[True, (g[1:] != g[:-1]) | (o[1:] != o[:-1])]
    g, f = g[per_origin], _middles(f, np.flatnonzero(per_origin))
    order = np.lexsort((f, g))
    g, f = g[order], f[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    out[g[starts]] = _middles(f, starts)
    return out


def _middles(sorted_values: NDArray[np.float64], starts: NDArray[np.int64]) -> NDArray[np.float64]:
    """The median of each run of ``sorted_values`` beginning at ``starts`` (the mean of the two middle ones when even)."""
    count = np.diff(np.r_[starts, len(sorted_values)])
    lower = sorted_values[starts + (count - 1) // 2]
    upper = sorted_values[starts + count // 2]
    return np.asarray((lower + upper) / 2, np.float64)


def _first_by_ids(
    top: NDArray[np.int64],
    of: NDArray[np.int64],
    many: NDArray[np.int64],
    sizes: NDArray[np.int64],
    opened: NDArray[np.int64],
    closed: NDArray[np.int64],
    ids: Sequence[str],
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Per group, of its sets ``top``, the one whose sorted ids come first (a set before any longer one it begins)."""
    tied = many[of] > 1
    sets, groups = top[tied], of[tied]
    # Each tied set beside every claim of its group, then its own claims.
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    count = sizes[groups]
    which = np.repeat(np.arange(len(sets)), count)
    claim = np.repeat(starts[groups] - np.r_[0, np.cumsum(count)[:-1]], count) + np.arange(
        int(count.sum())
    )
    inside = (opened[claim] < sets[which]) & (closed[claim] >= sets[which])
    which, claim = which[inside], claim[inside]
    named = np.unique(claim).tolist()
    rank = np.empty(len(ids), np.int64)
    rank[sorted(named, key=ids.__getitem__)] = np.arange(len(named))
    # Each set's ranks in order, padded after its end by -1 (below every rank) to the longest set's length.
    order = np.lexsort((rank[claim], which))
    which, ranked = which[order], rank[claim][order]
    firsts = np.r_[0, np.flatnonzero(which[1:] != which[:-1]) + 1]
    place = np.arange(len(which)) - np.repeat(firsts, np.diff(np.r_[firsts, len(which)]))
    table = np.full((len(sets), int(place.max()) + 1), -1, np.int64)
    table[which, place] = ranked
    first = np.lexsort((*table.T[::-1], groups))
    keep = first[np.r_[True, groups[first][1:] != groups[first][:-1]]]
    return np.r_[top[~tied], sets[keep]], np.r_[of[~tied], groups[keep]]


def consensus_of_groups(
    groups: Sequence[tuple[Sequence[Claim], Mapping[str, Iv]]], ties: str = "median"
) -> list[tuple[set[str], Iv | None]]:
    """The consensus of each group: given its claims and what each allows now, the supporting ids and their interval.

    Each group's claims are read as arrays and all groups are swept at once (:func:`sweep`); the interval is
    ``None`` when the supporting claims meet only where they exclude each other.
    """
    if not groups:
        return []
    # Read in C, pass by pass: each group's now mapping repeated for its claims meets their ids.
    counts = list(map(len, map(itemgetter(0), groups)))
    sizes = np.array(counts, np.int64)
    claims = list(chain.from_iterable(map(itemgetter(0), groups)))
    ids = list(map(_ID, claims))
    nows = chain.from_iterable(map(repeat, map(itemgetter(1), groups), counts))
    lows, lows_closed, highs, highs_closed = zip(*map(getitem, nows, ids), strict=True)
    origins = list(map(_ORIGIN, claims))
    codes = dict(zip(dict.fromkeys(origins), count()))  # in order of first appearance
    found = sweep(
        sizes,
        np.array(lows, np.float64),
        np.array(lows_closed, np.bool_),
        np.array(highs, np.float64),
        np.array(highs_closed, np.bool_),
        np.fromiter(map(codes.__getitem__, origins), np.int64, len(claims)),
        np.array(list(map(_FIGURE, claims)), np.float64),  # None is NaN
        ids,
        ties,
    )
    supporting = list(compress(ids, found.support.tolist()))
    ends = np.cumsum(np.add.reduceat(found.support, np.r_[0, np.cumsum(sizes)[:-1]])).tolist()
    each = map(set, map(supporting.__getitem__, map(slice, [0, *ends[:-1]], ends)))
    together = zip(
        found.low.tolist(),
        found.low_closed.tolist(),
        found.high.tolist(),
        found.high_closed.tolist(),
        strict=True,
    )
    return [
        (supporters, iv if ok else None)
        for supporters, iv, ok in zip(each, together, found.ok.tolist(), strict=True)
    ]


_ID, _ORIGIN, _FIGURE = attrgetter("id"), attrgetter("origin"), attrgetter("figure")
