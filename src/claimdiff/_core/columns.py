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

import math
from collections.abc import Iterator, Sequence
from operator import attrgetter
from typing import Any

from claimdiff._core.grouping import Keys, PerRow
from claimdiff._core.intervals import meet
from claimdiff._core.policy import Policy
from claimdiff._core.precision_gap import precision_sides
from claimdiff._core.precision_used import figure_precision
from claimdiff._core.table_reads import (
    ClaimReads,
    by_identity,
    first_reads,
    laid_out,
    table_reads,
)
from claimdiff._core.timeline import share_a_moment
from claimdiff._core.verdicts import widen
from claimdiff._model.claim import Claim
from claimdiff._model.claim_table import ClaimTable

__all__ = ["Columns", "segment_intersect"]


class Columns:
    """One row per claim, groups laid end to end, with the widened interval of every claim.

    Groups are lists of positions in ``claims``; rows follow the groups, each group's claims in its order.

    Attributes:
        sizes: The number of claims of each group.
        starts: Where each group begins in ``flat``.
        member: The group of each row.
        first_position: Where each group's first claim is in ``claims``.
        position: Where each row's claim is in ``claims``.
        low, high, low_closed, high_closed: Each claim's interval as worded, in the canonical unit.
        wlow, whigh, wlow_closed, whigh_closed: The same widened by precision and tolerance.
        figure: Each claim's figure (NaN when it has none).
        origin: Each claim's origin as an integer code; ``n_origins`` codes in all.
        stated_start, stated_end: When each claim was stated (-inf, +inf when unknown).
        exact, vague: Whether the claim is exact, or vaguer (:func:`claimdiff._core.precision_gap.precision_sides`).
        withdrawn: Whether each claim is withdrawn (``None`` when none is).
        precision_code, step: How each figure is compared (its code in ``precision_used.KINDS``) and its
            step in the canonical unit (:func:`claimdiff._core.precision_used.figure_precision`).
        is_count: Whether each group is a count (one per group).
        cumulative: Whether each group's metric is cumulative (one per group).
    """

    def __init__(
        self,
        claims: Sequence[Claim],
        groups: Sequence[list[int]],
        policy: Policy,
        withdrawn: set[str] | frozenset[str] = frozenset(),
        keys: Keys | None = None,
    ) -> None:
        """The columns of ``claims`` laid out as ``groups``; ``keys`` is what grouping read of them, when known.

        Keys read as codes (:func:`~claimdiff._core.list_keys.list_keys`) give each claim's estimate and
        period as codes: those are not read again.
        """
        import numpy as np  # noqa: PLC0415 - numpy is imported when reconciling starts, not with claimdiff

        self.np = np
        # Attributes are read in the claims' own order, which is the order they sit in memory (reading them
        # group by group costs twice as much in cache misses); ``perm`` then lays them out group by group.
        sizes, perm = laid_out(np, groups)
        self.sizes = sizes
        self.starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
        self.member = np.repeat(np.arange(len(groups), dtype=np.int64), sizes)
        self.first_position = perm[self.starts] if len(perm) else perm
        self.position = perm

        # What a claim's figure allows, as worded and widened, depends on its estimate alone (and on the
        # tolerance of its metric): the scalar rules are asked once per distinct input and spread by ``inputs``.
        reads = table_reads(np, claims, policy, withdrawn, _per_input) or _claim_reads(
            np, claims, policy, withdrawn, keys
        )  # a claim table gives its columns: no claim is read
        inputs, per_input = reads.inputs[perm], reads.answers
        (
            self.low,
            self.high,
            self.low_closed,
            self.high_closed,
            self.figure,
            self.exact,
            self.vague,
            self.precision_code,
            self.step,
            self.wlow,
            self.wlow_closed,
            self.whigh,
            self.whigh_closed,
        ) = (v[inputs] for v in per_input)
        self.stated_start = reads.stated_start[perm]
        self.stated_end = reads.stated_end[perm]
        self.origin = reads.origin[perm]
        self.n_origins = reads.n_origins
        self.withdrawn = None if reads.withdrawn is None else reads.withdrawn[perm]
        self._period = reads.period[perm]
        self._period_end = reads.period_end[perm]
        del reads
        if type(claims) is ClaimTable:  # its columns: no claim is built per group
            self.is_count, self.cumulative = first_reads(np, claims, self.first_position)
        else:
            # Each group's first claim read in the claims' own order (as they sit in memory), laid back by group.
            by_place = np.argsort(self.first_position)
            firsts = list(map(claims.__getitem__, self.first_position[by_place].tolist()))
            if (
                keys is not None and keys.estimates is not None
            ):  # a claim's is its estimate's: asked per estimate
                at, first = keys.estimates
                counts = [claims[i].is_count for i in first.tolist()]
                self.is_count = np.array(counts, np.bool_).reshape(-1)[at[self.first_position]]
            else:
                self.is_count = _by_group(np, by_place, map(attrgetter("is_count"), firsts))
            self.cumulative = _by_group(np, by_place, map(attrgetter("metric.cumulative"), firsts))

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
        pairs = np.sort(
            self.member * max(self.n_origins, 1) + self.origin
        )  # rows are in group order
        pairs = pairs[
            np.r_[True, pairs[1:] != pairs[:-1]]
        ]  # as np.unique, which hashes and is slower here
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
        """Per group: no claim was stated strictly before another (:func:`claimdiff._core.timeline.unordered`)."""
        return share_a_moment(self.reduce_max(self.stated_start), self.reduce_min(self.stated_end))


def _by_group(np: Any, by_place: Any, read: Iterator[bool]) -> Any:
    """Flags read of each group's first claim in ``by_place`` order (the claims' own), laid back group by group.

    >>> import numpy as np
    >>> _by_group(np, np.array([2, 0, 1]), iter([True, False, False])).tolist()
    [False, False, True]
    """
    out = np.empty(len(by_place), np.bool_)
    out[by_place] = np.fromiter(read, np.bool_, len(by_place))
    return out


def _claim_reads(
    np: Any,
    claims: Sequence[Claim],
    policy: Policy,
    withdrawn: set[str] | frozenset[str],
    keys: Keys | None = None,
) -> ClaimReads:
    """What the core reads of each claim, claim by claim, in the claims' order.

    Keys read as codes give each claim's estimate and period as codes (``keys.estimates``, ``keys.periods``).
    """
    n = len(claims)
    held = keys is not None and keys.estimates is not None and type(keys.periods) is PerRow
    if held and not policy.tolerance.per_metric:  # one claim per distinct estimate asked, as below
        at, first = keys.estimates  # type: ignore[union-attr, misc]
        found, per_input = _per_input(np, [claims[i] for i in first.tolist()], policy)
        inputs = found[at]
    else:
        inputs, per_input = _per_input(np, claims, policy)
    origins = list(map(attrgetter("origin"), claims))
    codes = {o: k for k, o in enumerate(dict.fromkeys(origins))}  # in order of first appearance
    origin = np.fromiter(map(codes.__getitem__, origins), np.int64, n)
    # Each claim's period by identity (codes equal where the very period object is), its end read per period.
    if held:
        period, periods = keys.periods.codes, keys.periods.values  # type: ignore[union-attr]
    else:
        period, periods = by_identity(np, list(map(attrgetter("period"), claims)))
    ends = np.array([np.nan if p is None else p.end_ts for p in periods], np.float64)
    return ClaimReads(
        inputs,
        per_input,
        np.fromiter(map(attrgetter("stated_start"), claims), np.float64, n),
        np.fromiter(map(attrgetter("stated_end"), claims), np.float64, n),
        origin,
        len(codes),
        np.fromiter((c.id in withdrawn for c in claims), np.bool_, n) if withdrawn else None,
        period,
        ends.reshape(-1)[period],
    )


def _per_input(np: Any, claims: Sequence[Claim], policy: Policy) -> tuple[Any, list[Any]]:
    """Each claim's distinct input (its estimate; and its metric, when tolerances differ by metric) and its answers.

    Per input: the interval as worded, the figure, exactness and vagueness, the precision (code, and step in
    the canonical unit) and the widened interval.

    Claims share equal estimates (see :func:`claimdiff._model.derived.shared_estimate`), so a data set of a
    million claims has a few thousand inputs. Each is answered by the scalar rules themselves, asked of one
    claim that has it: :func:`claimdiff._core.precision_used.figure_precision`,
    :func:`claimdiff._core.precision_gap.precision_sides` and :func:`claimdiff._core.verdicts.widen`; nothing is
    restated here.
    """
    tolerance = policy.tolerance
    n = len(claims)
    # Each claim's input as one integer: its estimate object (and its metric's name, when it matters).
    key = np.fromiter(map(id, map(attrgetter("estimate"), claims)), np.int64, n)
    if tolerance.per_metric:
        named: dict[str, int] = {}
        metric = np.fromiter(
            (named.setdefault(m.name, len(named)) for m in map(attrgetter("metric"), claims)),
            np.int64,
            n,
        )
        _, key = np.unique(key, return_inverse=True)
        key = key.reshape(-1) * len(named) + metric
    _, at, index = np.unique(key, return_index=True, return_inverse=True)
    index = index.reshape(-1).astype(np.int64)
    first = [claims[i] for i in at.tolist()]
    rows = []
    for c in first:
        code, step = figure_precision(c.estimate, policy.precision)
        wide = widen(c, policy, tolerance.for_metric(c.metric.name))
        rows.append(
            (
                c.low,
                c.high,
                c.low_closed,
                c.high_closed,
                math.nan if c.figure is None else c.figure,
                *precision_sides(c),
                code,
                step * c.unit_info.factor,
                *wide,
            )
        )
    dtypes = (
        np.float64,
        np.float64,
        np.bool_,
        np.bool_,
        np.float64,
        np.bool_,
        np.bool_,
        np.int8,
        np.float64,
        np.float64,
        np.bool_,
        np.float64,
        np.bool_,
    )
    return index, [
        np.array([r[k] for r in rows], dtype).reshape(-1) for k, dtype in enumerate(dtypes)
    ]


def segment_intersect(
    cols: Columns, low: Any, lc: Any, high: Any, hc: Any
) -> tuple[Any, Any, Any, Any, Any]:
    """Each group's intersection, as arrays: low, closed, high, closed, non-empty.

    The groups' extreme bounds, then :func:`claimdiff._core.intervals.meet`, the rule
    :func:`~claimdiff._core.intervals.intersect` closes one intersection with.
    """
    member = cols.member
    lo = cols.reduce_max(low)
    hi = cols.reduce_min(high)
    lo_open = cols.reduce_any((low == lo[member]) & ~lc)
    hi_open = cols.reduce_any((high == hi[member]) & ~hc)
    return meet(lo, lo_open, hi, hi_open)
