"""The claims truth discovery weighs, as numpy columns: one row per item and origin, in a canonical order.

An origin counts once per item: of its claims about the item, its latest statement speaks for it (then
its narrowest, then the smallest id); relays and restatements get no vote of their own. Items are taken
in the order of their smallest claim id and rows by origin name, so that every sum the estimator takes
comes out the same whatever order the items and their claims arrive in.

Everything here is one pass of attribute reads over the claims and a few sorts: no Python per claim but
the reads and, for a policy, the widening rule (:func:`claimdiff._core.verdicts.widen`). Reconciling has read
the figures of every claim already (:class:`claimdiff._core.columns.Columns`); under the ``truth`` policy it
hands them over as :class:`Reads`, so that a claim's bounds, dates and widening are read once.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
from numpy.typing import NDArray

from claimdiff._model.claim import Claim, Source

if TYPE_CHECKING:
    from claimdiff._core.policy import Policy

__all__ = ["Laid", "Picked", "Reads", "Rows", "reach"]

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Bools = NDArray[np.bool_]


class Picked(Sequence[Claim]):
    """The claims of ``claims`` at the positions ``at``, each read when asked: ``picked[k]`` is ``claims[at[k]]``.

    Truth discovery reads few of the claims it weighs as objects (an origin's source, the ids of the claims it
    names), so the claims reconciled are not copied into a list of their own, group after group.

    >>> picked = Picked(["a", "b", "c"], np.array([2, 0]))
    >>> list(picked), picked[-1], picked[:1], len(Picked(picked, np.array([1])))
    (['c', 'a'], 'a', ['c'], 1)
    """

    __slots__ = ("at", "claims")

    def __init__(self, claims: Sequence[Claim], at: Ints) -> None:
        """The claims of ``claims`` at ``at`` (positions; of a :class:`Picked`, read through to its claims)."""
        if isinstance(claims, Picked):
            at = claims.at[at]
            claims = claims.claims
        self.claims: Sequence[Claim] = claims
        self.at: Ints = np.asarray(at, np.int64)

    def __len__(self) -> int:
        return len(self.at)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return list(map(self.claims.__getitem__, self.at[k].tolist()))
        return self.claims[int(self.at[k])]

    def __iter__(self) -> Iterator[Claim]:
        return map(self.claims.__getitem__, self.at.tolist())


@attrs.frozen(eq=False)
class Laid:
    """Items laid end to end: every claim, and how many of them each item holds, in order.

    Attributes:
        claims: The claims, item after item.
        sizes: How many claims each item holds.
    """

    claims: Sequence[Claim]
    sizes: Ints

    @classmethod
    def of(cls, items: Sequence[Sequence[Claim]]) -> Laid:
        """``items`` laid end to end."""
        return cls(
            list(chain.from_iterable(items)), np.fromiter(map(len, items), np.int64, len(items))
        )

    def __len__(self) -> int:
        return len(self.sizes)


def reach(low: Floats, high: Floats, wlow: Floats, whigh: Floats) -> Floats:
    """How far each claim reaches beyond its bounds ``low``, ``high`` once widened to ``wlow``, ``whigh``: both sides together.

    An unbounded side reaches nowhere.

    >>> reach(np.array([10.0, 5.0]), np.array([12.0, np.inf]), np.array([9.0, 4.5]), np.array([13.5, np.inf])).tolist()
    [2.5, 0.5]
    """
    with np.errstate(invalid="ignore"):
        return np.where(np.isfinite(wlow), low - wlow, 0.0) + np.where(
            np.isfinite(whigh), whigh - high, 0.0
        )


@attrs.frozen(eq=False)
class Reads:
    """What truth discovery reads of each claim, as columns: claims laid end to end, items in input order.

    Attributes:
        low, high: Each claim's bounds, in the canonical unit.
        start, end: When each claim was stated (-inf, +inf when unknown).
        figure: Each claim's figure (NaN when it has none).
        reach: How far each claim reaches beyond its bounds under the policy (:func:`reach`); ``None``
            when not read (then :meth:`Rows.allowances` asks the widening rule).
        rank: Each claim's place in id order (a larger id, a larger rank); ``None`` when the ids were not
            sorted (then :meth:`Rows.of` sorts them).
        origin: Each claim's origin as a code, ``origin_names`` the origin of each code; ``None`` when not
            read (then :meth:`Rows.of` reads each claim's origin).
    """

    low: Floats
    high: Floats
    start: Floats
    end: Floats
    figure: Floats
    reach: Floats | None = None
    rank: Ints | None = None
    origin: Ints | None = None
    origin_names: Sequence[str] = ()

    @classmethod
    def of(cls, claims: Sequence[Claim]) -> Reads:
        """The reads of ``claims``, attribute by attribute (no policy: no reach)."""
        n = len(claims)
        return cls(
            low=np.fromiter(map(attrgetter("low"), claims), np.float64, n),
            high=np.fromiter(map(attrgetter("high"), claims), np.float64, n),
            start=np.fromiter(map(attrgetter("stated_start"), claims), np.float64, n),
            end=np.fromiter(map(attrgetter("stated_end"), claims), np.float64, n),
            figure=np.array(
                [math.nan if c.figure is None else c.figure for c in claims], np.float64
            ),
        )

    @classmethod
    def of_columns(
        cls, columns: Any, claims: Sequence[Claim], by_id: Sequence[int] | None = None
    ) -> Reads:
        """The reads reconciling's columns (:class:`claimdiff._core.columns.Columns`) hold, groups laid end to end.

        ``claims`` are the claims reconciled, into which the columns' positions point; ``by_id`` their positions
        in id order, when sorted already (a ``range``: they are in id order), which gives each claim's rank.
        """
        position = columns.position
        rank = None
        if type(by_id) is range:
            rank = position
        elif by_id is not None:
            at = np.empty(len(claims), np.int64)
            at[np.asarray(by_id, np.int64)] = np.arange(len(claims), dtype=np.int64)
            rank = at[position]
        # The origin of each code, read of the first claim that has it (codes are few: one per origin).
        first = np.full(columns.n_origins, len(position), np.int64)
        np.minimum.at(first, columns.origin, np.arange(len(position), dtype=np.int64))
        return cls(
            low=columns.low,
            high=columns.high,
            start=columns.stated_start,
            end=columns.stated_end,
            figure=columns.figure,
            reach=reach(columns.low, columns.high, columns.wlow, columns.whigh),
            rank=rank,
            origin=columns.origin,
            origin_names=[claims[p].origin for p in position[first].tolist()],
        )

    def take(self, keep: Bools) -> Reads:
        """The reads of the claims ``keep`` marks."""
        return Reads(
            low=self.low[keep],
            high=self.high[keep],
            start=self.start[keep],
            end=self.end[keep],
            figure=self.figure[keep],
            reach=None if self.reach is None else self.reach[keep],
            rank=None if self.rank is None else self.rank[keep],
            origin=None if self.origin is None else self.origin[keep],
            origin_names=self.origin_names,
        )

    def origin_codes(self) -> tuple[list[str], Ints] | None:
        """The origins of the claims, sorted, and each claim's code among them (``None``: origins not read)."""
        if self.origin is None:
            return None
        present = np.flatnonzero(np.bincount(self.origin, minlength=len(self.origin_names)))
        names = [self.origin_names[k] for k in present.tolist()]
        by_name = sorted(range(len(names)), key=names.__getitem__)
        code = np.empty(len(self.origin_names), np.int64)
        code[present[by_name]] = np.arange(len(names), dtype=np.int64)
        return [names[k] for k in by_name], code[self.origin]


@attrs.frozen(eq=False)
class Rows:
    """Every claim of every item, and the rows the estimator weighs (one per item and origin).

    Attributes:
        claims: Every claim, items laid end to end in input order.
        item: Each claim's item (its position in the input).
        order: The claims by id (positions in ``claims``).
        canon: The items in canonical order (by smallest claim id; empty items first, in input order).
        chosen: The claim that speaks for each (item, origin), rows in canonical item order, then by origin.
        rows: The chosen claims.
        row_item: The canonical position of each row's item.
        origins: The origins, sorted; ``src`` is each claim's code among them.
        src: Each claim's origin code.
        sources: For each origin, the source of its claim with the smallest id.
        counts: Per canonical item: whether it is a count.
        low, high: Each claim's bounds, in the canonical unit.
        reads: What was read of each claim (:class:`Reads`).
    """

    claims: Sequence[Claim]
    item: Ints
    order: Ints
    canon: Ints
    chosen: Ints
    rows: Sequence[Claim]
    row_item: Ints
    origins: list[str]
    src: Ints
    sources: list[Source]
    counts: Bools
    low: Floats
    high: Floats
    reads: Reads

    @classmethod
    def of(cls, items: Sequence[Sequence[Claim]] | Laid, reads: Reads | None = None) -> Rows:
        """The rows of ``items`` (claims of one dimension each, ids unique over all of them).

        ``reads``: what is known of the claims already, laid end to end as ``items`` are (default: read here).
        """
        laid = items if isinstance(items, Laid) else Laid.of(items)
        claims, sizes = laid.claims, laid.sizes
        n = len(claims)
        if reads is None:
            reads = Reads.of(claims)
        item = np.repeat(np.arange(len(items), dtype=np.int64), sizes)
        if reads.rank is None:
            ids = [c.id for c in claims]
            order = np.asarray(sorted(range(n), key=ids.__getitem__), np.int64)
        else:  # the ids were sorted already
            order = np.argsort(reads.rank, kind="stable").astype(np.int64)
        rank = np.empty(n, np.int64)
        rank[order] = np.arange(n, dtype=np.int64)
        # Items by their smallest id; an empty item's key is "", before every id.
        least = np.full(len(items), n, np.int64)
        np.minimum.at(least, item, rank)
        least[sizes == 0] = -1
        canon = np.lexsort((np.arange(len(items)), least)).astype(np.int64)
        position = np.empty(len(items), np.int64)
        position[canon] = np.arange(len(items), dtype=np.int64)

        coded = reads.origin_codes()
        if coded is None:
            names = list(map(attrgetter("origin"), claims))
            origins = sorted(set(names))
            code = {o: i for i, o in enumerate(origins)}
            src = np.fromiter(map(code.__getitem__, names), np.int64, n)
        else:  # read already, as codes
            origins, src = coded
        # Each origin's source is that of its claim with the smallest id.
        first = np.full(len(origins), n, np.int64)
        np.minimum.at(first, src, rank)
        sources = [claims[i].source for i in order[first].tolist()]

        low, high = reads.low, reads.high
        with np.errstate(invalid="ignore"):
            width = high - low
        width = np.where(np.isfinite(width), width, math.inf)
        end, start = reads.end, reads.start
        # The claim that speaks for each (item, origin): the latest statement, then the narrowest, then the
        # smallest id; rows in canonical item order, then by origin.
        by = np.lexsort((rank, width, -start, -end, src, position[item]))
        key_item, key_src = position[item][by], src[by]
        lead = np.ones(n, np.bool_)
        lead[1:] = (key_item[1:] != key_item[:-1]) | (key_src[1:] != key_src[:-1])
        chosen = by[lead].astype(np.int64)
        counts = np.zeros(len(items), np.bool_)
        if n:
            heads = np.cumsum(sizes) - sizes
            full = sizes > 0
            counts[full] = [c.is_count for c in Picked(claims, heads[full])]
        return cls(
            claims=claims,
            item=item,
            order=order,
            canon=canon,
            chosen=chosen,
            rows=Picked(claims, chosen),
            row_item=position[item[chosen]],
            origins=origins,
            src=src,
            sources=sources,
            counts=counts[canon],
            low=low,
            high=high,
            reads=reads,
        )

    def figures(self) -> Floats:
        """Each row's figure (NaN when it has none)."""
        return self.reads.figure[self.chosen]

    def allowances(self, policy: Policy) -> Floats:
        """How far each row's claim reaches beyond its bounds, both sides together, under the policy.

        The reach read already (:attr:`Reads.reach`), if any; else the widening rule is asked once per
        estimate and metric: claims share their estimates.
        """
        if self.reads.reach is not None:
            return self.reads.reach[self.chosen]
        from claimdiff._core.verdicts import widen  # noqa: PLC0415 - verdicts imports the policy, which imports truth

        known: dict[tuple[int, str], tuple[float, float]] = {}
        wide = []
        for c in self.rows:
            key = (id(c.estimate), c.metric.name)
            bounds = known.get(key)
            if bounds is None:
                lo, _, hi, _ = widen(c, policy, policy.tolerance.for_metric(c.metric.name))
                bounds = known[key] = (lo, hi)
            wide.append(bounds)
        w = np.asarray(wide, np.float64).reshape(-1, 2)
        return reach(self.low[self.chosen], self.high[self.chosen], w[:, 0], w[:, 1])
