"""Quiet groups, found in bulk: groups whose claims share a value and have no time story to tell.

A group is *quiet* when its claims' widened intervals share a value, none is withdrawn, and either its
statements are not ordered in time or no origin speaks twice (so nothing is revised and nothing is stale),
and it is not one origin repeated by several outlets. Such a group has no dissenter and no finding but a
possible difference of precision. Its intervals follow from the columns (:mod:`claimdiff._core.columns`)
without visiting its claims pair by pair, and are kept as arrays; the group itself, its best figure and its
precision notice are made when the report is read, by the very functions that make every other group
(:func:`claimdiff._core.quiet_group.quiet_group`, :func:`~claimdiff._core.estimators.choose_best`,
:func:`~claimdiff._core.precision_gap.precision_gap`). Every other group is judged claim by claim.

A cumulative group in time order is quiet too when no origin repeats: an earlier toll that may have grown
(the policy's growth window passed before a later statement) counts only as a floor, as in the timeline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial
from operator import attrgetter
from typing import Any

from claimdiff._core.arithmetic import GroupFacts, ManyFacts
from claimdiff._core.columns import Columns, segment_intersect
from claimdiff._core.estimators import choose_best
from claimdiff._core.flags import Flag
from claimdiff._core.group import group_id
from claimdiff._core.group_build import group_about, hull
from claimdiff._core.group_rows import GroupRows, first_of, laid_out_truthy
from claimdiff._core.intervals import Iv
from claimdiff._core.lazy_items import LazyItems
from claimdiff._core.messages import Say, display_unit
from claimdiff._core.policy import Policy
from claimdiff._core.precision_gap import precision_gap
from claimdiff._core.precision_used import group_precision
from claimdiff._core.quiet_group import quiet_group
from claimdiff._core.report import Group
from claimdiff._core.timeline import chain_origins, long_after, stated_before
from claimdiff._core.verdicts import Known
from claimdiff._model.claim import Claim, source_grades
from claimdiff._model.claim_table import ClaimTable

__all__ = ["QuietGroups", "quiet_groups"]

_INF = math.inf
#: Cumulative groups in time order are compared pair by pair (k² rows); larger ones go claim by claim.
_MAX_PAIRED = 64
#: Quiet groups' values are read as Python objects this many groups at a time.
_READ = 4096
#: Pairs of claims compared at once when finding floors.
_PAIRS = 1 << 18
#: Claims read as Python objects at once when their chains are weighed (``_relayed``).
_ROWS = 1 << 16


class QuietGroups:
    """Which groups are quiet, their intervals as arrays, and each group and notice made when read.

    Attributes:
        quiet: Per group, whether it is quiet.
        gap: Per group, whether it is quiet and its claims differ in precision (it has one notice).
        facts: What the arithmetic needs to know of the quiet count groups (each made when read).
        memo: What a reader of the report found of these groups and keeps for the next reader (the tables'
            numbering of the groups by input, :func:`claimdiff._formats.quiet_inputs.quiet_inputs`).
    """

    def __init__(
        self,
        raw: Sequence[list[Claim]],
        policy: Policy,
        quiet: Any,
        gap: Any,
        per_group: tuple[Any, ...],
        per_claim: tuple[Any, ...],
        facts: ManyFacts,
    ) -> None:
        self._raw = raw
        self._policy = policy
        self.quiet = quiet
        self.gap = gap
        # Per group: widened intersection (4), as worded (4), whether the claims share a value as worded, where
        # the group's rows start, whether its statements are unordered, whether its claims hold one period.
        # Per row: each figure's precision code and step (``figure_precision``), then, until
        # :meth:`forget_widened`, each claim's widened interval (``widen``).
        self._per_group = per_group
        self._per_claim = per_claim
        self._chunk: tuple[int, list[list[Any]]] = (-1, [])
        # The claims' values of the groups to judge (:meth:`prepare`) as Python objects, by group: each row's
        # precision code and step, and its widened interval.
        self._judged: tuple[dict[int, int], list[list[Any]]] = ({}, [])
        self._flags: dict[int, tuple[bool, bool]] = {}
        self.facts = facts
        self.memo: dict[str, Any] = {}

    @property
    def raw(self) -> Sequence[list[Claim]]:
        """The claims of every group, by position."""
        return self._raw

    @property
    def policy(self) -> Policy:
        """The policy the groups were reconciled under."""
        return self._policy

    def intervals(self) -> tuple[Any, ...]:
        """Per group, as arrays, what :meth:`group` reads besides the claims.

        The widened intersection (low, closed, high, closed), the intersection as worded (the same four),
        whether the claims share a value as worded, and where each group's claims start in :meth:`precisions`.
        """
        return self._per_group

    def precisions(self) -> tuple[Any, Any]:
        """Per claim, as arrays laid out group by group from ``intervals()[9]``: each figure's precision code and step."""
        return self._per_claim[0], self._per_claim[1]

    def _values(self, i: int) -> list[Any]:
        """Group ``i``'s values as Python objects, read a chunk of groups at a time (reading is mostly in order)."""
        chunk, lists = self._chunk
        if chunk != i // _READ:
            chunk = i // _READ
            part = slice(chunk * _READ, (chunk + 1) * _READ)
            lists = [v[part].tolist() for v in self._per_group]
            self._chunk = (chunk, lists)
        k = i - chunk * _READ
        return [v[k] for v in lists]

    def prepare(self, groups: Sequence[int]) -> None:
        """Read the claims' values of ``groups`` (those judged claim by claim) as Python objects, all at once.

        :meth:`known` then slices lists instead of arrays (a numpy slice costs more than its few claims).
        """
        import numpy as np  # noqa: PLC0415 - imported already by the columns that found the groups

        if not groups or len(self._per_claim) < 6:
            return
        at = np.asarray(groups, np.int64)
        starts = self._per_group[9][at]
        sizes = np.diff(np.append(self._per_group[9], len(self._per_claim[0])))[at]
        ends = np.cumsum(sizes)
        rows = np.repeat(starts - (ends - sizes), sizes) + np.arange(
            int(ends[-1]) if len(ends) else 0
        )
        offsets = dict(zip(groups, (ends - sizes).tolist(), strict=True))
        codes, steps, lo, lc, hi, hc = (v[rows].tolist() for v in self._per_claim)
        # Each claim's widened interval as the verdict reads it, made at once.
        self._judged = (offsets, [codes, steps, list(zip(lo, lc, hi, hc, strict=True))])
        # Whether each group's statements are unordered and its claims hold one period, read at once too.
        self._flags = dict(
            zip(
                groups,
                zip(
                    self._per_group[10][at].tolist(), self._per_group[11][at].tolist(), strict=True
                ),
                strict=True,
            )
        )

    def known(self, i: int, n: int) -> Known:
        """What the columns know of any group ``i`` of ``n`` claims, for its verdict (:class:`~claimdiff._core.verdicts.Known`)."""
        offsets, lists = self._judged
        start = offsets.get(i)
        if start is None:
            values = self._values(i)
            start, unordered, one_period = values[9], values[10], values[11]
            codes, steps, lo, lc, hi, hc = (v[start : start + n].tolist() for v in self._per_claim)
            wide = list(zip(lo, lc, hi, hc, strict=True))
        else:
            unordered, one_period = self._flags[i]
            codes, steps, wide = (v[start : start + n] for v in lists)
        return Known(wide, group_precision(codes, steps), unordered, one_period)

    def forget_widened(self) -> None:
        """Drop the claims' widened intervals, needed only while the other groups are judged."""
        self._per_claim = self._per_claim[:2]
        self._judged = ({}, [])
        self._flags = {}

    def group(self, i: int) -> Group:
        """The quiet group at position ``i``, as :func:`~claimdiff._core.verdicts.analyse` would build it."""
        cs = self._raw[i]
        first = cs[0]
        n = len(cs)
        policy = self._policy
        values = self._values(i)
        start, one_period = values[9], values[11]
        codes, steps = (v[start : start + n].tolist() for v in self._per_claim[:2])
        return quiet_group(
            group_id(i),
            tuple(c.id for c in cs),
            group_about(first, first.period if one_period else hull(cs)),
            display_unit(cs),
            values,
            partial(_best_of, policy, cs, first.is_count),
            len({c.origin for c in cs}),
            source_grades(cs),
            group_precision(codes, steps),
        )

    def gap_flag(self, i: int) -> Flag:
        """The precision notice of the quiet group at position ``i`` (one whose ``gap`` is set)."""
        cs = self._raw[i]
        flag = precision_gap(group_id(i), cs, Say(display_unit(cs), cs[0]))
        if flag is None:  # pragma: no cover - ``gap`` is set only where the claims are so mixed
            raise AssertionError(f"group g{i + 1} has no difference of precision")
        return flag.flag()


def _best_of(
    policy: Policy, cs: list[Claim], is_count: bool, feasible: Iv, consensus_iv: Iv
) -> tuple[float | None, str]:
    """The best figure of the quiet group of claims ``cs``: every claim supports and is current."""
    return choose_best(policy, cs, cs, feasible, consensus_iv, is_count)


def quiet_groups(cols: Columns, raw: Sequence[list[Claim]], policy: Policy) -> QuietGroups:
    """Which of the groups ``raw`` (each a list of claims) are quiet, and what the columns ``cols`` say of them.

    ``cols`` are the columns of the groups ``raw``, built under ``policy``; every group not quiet is left
    to :func:`claimdiff._core.verdicts.analyse`.
    """
    np = cols.np
    sizes = cols.sizes
    if not raw:
        nothing = np.zeros(0, np.bool_)
        return QuietGroups(raw, policy, nothing, nothing, (), (), ManyFacts.of(()))
    origins = cols.origins_per_group()
    unordered = cols.unordered()
    lo, lc, hi, hc, ok = segment_intersect(
        cols, cols.wlow, cols.wlow_closed, cols.whigh, cols.whigh_closed
    )
    quiet = ok & (unordered | (origins == sizes)) & ~((origins == 1) & (sizes > 1))
    if cols.withdrawn is not None:
        quiet &= ~cols.reduce_any(cols.withdrawn)
    floored = quiet & ~unordered & cols.cumulative & (sizes > 1)
    quiet &= ~(floored & (sizes > _MAX_PAIRED))
    quiet &= ~_relayed(cols, raw, floored & quiet)
    floored &= quiet
    now_high, now_hc = cols.whigh, cols.whigh_closed
    if floored.any():
        floor = _floors(cols, floored, policy.growth_window)
        now_high = np.where(floor, _INF, cols.whigh)
        now_hc = cols.whigh_closed & ~floor
        lo, lc, hi, hc, ok = segment_intersect(cols, cols.wlow, cols.wlow_closed, now_high, now_hc)
    # As worded: each claim at its word, an earlier toll that may have grown only a floor.
    open_top = now_high == _INF
    s_lo, s_lc, s_hi, s_hc, s_ok = segment_intersect(
        cols,
        cols.low,
        cols.low_closed,
        np.where(open_top, _INF, cols.high),
        cols.high_closed & ~open_top,
    )
    gap = quiet & cols.reduce_any(cols.exact) & cols.reduce_any(cols.vague) & (sizes > 1)
    same = cols.same_period()
    facts = _facts(cols, raw, quiet & cols.is_count, now_high, same)
    return QuietGroups(
        raw,
        policy,
        quiet,
        gap,
        (lo, lc, hi, hc, s_lo, s_lc, s_hi, s_hc, s_ok, cols.starts, unordered, same),
        (
            cols.precision_code,
            cols.step,
            cols.wlow,
            cols.wlow_closed,
            cols.whigh,
            cols.whigh_closed,
        ),
        facts,
    )


class _Supporting:
    """Each chosen group's claims with their widened lows and highs now, made when the arithmetic reads them."""

    __slots__ = ("_now", "_raw", "_starts", "_wlow")

    def __init__(self, raw: Sequence[list[Claim]], cols: Columns, now_high: Any) -> None:
        self._raw = raw
        self._starts = cols.starts
        self._wlow = cols.wlow
        self._now = now_high

    def of(self, i: int) -> tuple[tuple[Claim, float, float], ...]:
        """Group ``i``'s claims, each with its widened low and its high now."""
        cs = self._raw[i]
        rows = slice(int(self._starts[i]), int(self._starts[i]) + len(cs))
        return tuple(zip(cs, self._wlow[rows].tolist(), self._now[rows].tolist(), strict=True))


def _facts(
    cols: Columns, raw: Sequence[list[Claim]], chosen: Any, now_high: Any, same: Any
) -> ManyFacts:
    """What the arithmetic needs of each chosen group: its key and part flag at once, its facts when read."""
    np = cols.np
    chosen = np.flatnonzero(chosen)
    if not len(chosen):
        return ManyFacts.of(())
    at = chosen.tolist()
    parts = laid_out_truthy(np, raw, cols.position, "part_of")
    states_parts = cols.reduce_any(parts)[chosen].tolist()
    keys, periods = first_of(raw, "key"), first_of(raw, "period")
    one_period = same[chosen].tolist()
    supporting = _Supporting(raw, cols, now_high)

    def made(k: int) -> GroupFacts:
        i = at[k]
        period = (
            periods[i] if one_period[k] else hull(raw[i])
        )  # the hull of one period is that period
        return GroupFacts(
            gid=group_id(i),
            key=keys[i],
            period=None if period is None else (period.start_ts, period.end_ts),
            claims=partial(supporting.of, i),
            states_parts=states_parts[k],
        )

    return ManyFacts(at, list(map(keys.__getitem__, at)), states_parts, LazyItems(len(at), made))


def _relayed(cols: Columns, raw: Sequence[list[Claim]], groups: Any) -> Any:
    """Groups where an origin's figure reached us through another origin of the group: judged claim by claim.

    There a later figure of the relaying outlet may only restate the other's (``timeline.restates``): some
    other origin of the group :func:`~claimdiff._core.timeline.relays` a claim, standing in its
    :func:`~claimdiff._core.timeline.relayed_by`. Claims share their chains: each distinct chain's origins are
    asked once (:func:`~claimdiff._core.timeline.chain_origins`), then every claim of ``groups`` is weighed at once.
    """
    np = cols.np
    out = np.zeros(len(raw), np.bool_)
    rows = np.flatnonzero(groups[cols.member]) if len(raw) else np.zeros(0, np.int64)
    if not len(rows):
        return out
    claims, at = _claims_at(raw, cols.position, rows)
    chain, chains = _parts_at(np, claims, at, "via")
    origin, member = cols.origin[rows], cols.member[rows]
    # Each origin's code as the columns hold it, by its key: read of one claim of each (any one: they share it).
    one = np.full(max(cols.n_origins, 1), -1, np.int64)
    one[origin] = np.arange(len(rows))
    held_codes = np.flatnonzero(one >= 0)
    code_of = {
        claims[p].origin: o
        for p, o in zip(at[one[held_codes]].tolist(), held_codes.tolist(), strict=True)
    }
    n_rows = len(rows)
    del rows, at, one  # read no more; the columns are held beside, so memory is near its peak here
    by = [[code_of.get(o, -1) for o in chain_origins(via)] for via in chains]
    size = np.array([len(b) for b in by], np.int64)
    flat = np.array([o for b in by for o in b], np.int64)
    k = size[chain]  # how many outlets each claim came through
    if not k.any():
        return out
    row = np.repeat(np.arange(n_rows), k)
    relayer = flat[
        np.repeat((np.cumsum(size) - size)[chain], k)
        + (np.arange(int(k.sum())) - np.repeat(np.cumsum(k) - k, k))
    ]
    # Each group's origins, as sorted codes of (group, origin): an outlet is among them when its code is.
    n = max(cols.n_origins, 1)
    held = np.sort(member * n + origin)
    asked = member[row] * n + relayer
    found = held[np.minimum(np.searchsorted(held, asked), len(held) - 1)] == asked
    found &= (relayer >= 0) & (relayer != origin[row])
    out[member[row[found]]] = True
    return out


def _claims_at(raw: Sequence[list[Claim]], position: Any, rows: Any) -> tuple[Sequence[Claim], Any]:
    """The claims the columns' ``rows`` hold, and where each row's claim is in them."""
    if isinstance(raw, GroupRows):
        return raw.claims, position[rows]
    # Lists of claims: the rows follow them, group after group.
    return [c for cs in raw for c in cs], rows


def _parts_at(np: Any, claims: Sequence[Claim], at: Any, field: str) -> tuple[Any, list[Any]]:
    """The ``field`` of the claims at positions ``at``, as codes into distinct parts (told apart by identity).

    A claim table's column is read without building a claim; other claims are read in the order they sit
    in memory (read group by group, they cost twice as much in cache misses), a bounded number at a time.
    """
    if type(claims) is ClaimTable:
        codes, parts = claims.column(field)
        return codes[at], parts
    held = np.zeros(len(claims), np.bool_)
    held[at] = True
    in_order = np.flatnonzero(held)  # the positions asked, sorted, without a sort
    del held
    ids = np.empty(len(in_order), np.int64)
    distinct: dict[int, Any] = {}  # the claims hold each part: its identity stands for it meanwhile
    read = attrgetter(field)
    for start in range(0, len(in_order), _ROWS):
        values = list(map(read, map(claims.__getitem__, in_order[start : start + _ROWS].tolist())))
        part = ids[start : start + len(values)]
        part[:] = np.fromiter(map(id, values), np.int64, len(values))
        for k in np.unique(part, return_index=True)[1].tolist():  # parts are few: each kept once
            distinct.setdefault(int(part[k]), values[k])
    known = np.array(sorted(distinct), np.int64)
    codes = np.searchsorted(known, ids)[np.searchsorted(in_order, at)]  # back to the order asked
    return codes, list(map(distinct.__getitem__, known.tolist()))


def _floors(cols: Columns, groups: Any, window: float) -> Any:
    """Claims an origin-distinct cumulative group's later statement may have overtaken (``Timeline.now``).

    Every pair of claims of each group is compared, a bounded number of pairs at a time, by the timeline's own
    rules (:func:`~claimdiff._core.timeline.stated_before`, :func:`~claimdiff._core.timeline.long_after`). In
    such a group no origin revised its figure (so no rise is evidence of growth) and no figure came through
    another origin of the group (``_relayed``), so no later claim merely restates an earlier one.
    """
    np = cols.np
    chosen = np.flatnonzero(groups)
    pairs = np.cumsum(cols.sizes[chosen] ** 2)
    floor = np.zeros(len(cols.member), np.bool_)
    start, end = cols.stated_start, cols.stated_end
    done = 0
    while done < len(chosen):
        stop = int(np.searchsorted(pairs, (pairs[done - 1] if done else 0) + _PAIRS, side="right"))
        part = chosen[done : max(stop, done + 1)]
        done += len(part)
        k, s = cols.sizes[part], cols.starts[part]
        rows = np.repeat(s, k) + (np.arange(int(k.sum())) - np.repeat(np.cumsum(k) - k, k))
        ck = np.repeat(k, k)
        ii = np.repeat(rows, ck)
        jj = np.repeat(np.repeat(s, k), ck) + (
            np.arange(int(ck.sum())) - np.repeat(np.cumsum(ck) - ck, ck)
        )
        a, b, c, d = start[ii], end[ii], start[jj], end[jj]
        with np.errstate(invalid="ignore"):
            later = stated_before(a, b, c) & long_after(a, b, c, d, window)
        floor[ii[later]] = True
    return floor
