"""Time within a group: revisions by the same origin, tolls that grew, and what each claim says now.

Statements are ordered only when one's time span ends before the other's starts; a claim whose time is
unknown is never before or after anything. A cumulative figure (a toll) may grow between statements, but
only growth that has evidence makes an earlier, lower figure from elsewhere *stale*: either enough time
passed (the policy's ``growth_window``), or some origin's own figures rose in between. Otherwise two
figures an hour apart are rivals and are judged as if stated together.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping, Sequence
from typing import Any

from claimdiff._core.flags import Flag, FlagKind, FlagRow, Severity
from claimdiff._core.intervals import Iv, above
from claimdiff._core.messages import Say
from claimdiff._core.tolerance import relative_gap
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number
from claimdiff._model.source import Source

__all__ = [
    "Timeline",
    "before",
    "chain_origins",
    "long_after",
    "relayed_by",
    "relays",
    "restates",
    "share_a_moment",
    "stated_before",
    "unordered",
]

_INF = math.inf


def stated_before(a_start: Any, a_end: Any, b_start: Any) -> Any:
    """True when a statement made over ``a_start``..``a_end`` came strictly before one made from ``b_start`` on.

    Times are timestamps, unknown ones -inf..+inf, so an unknown time is never before or after anything.
    Elementwise on numpy arrays (the columns compare every pair of a group's claims with it).

    >>> stated_before(0.0, 1.0, 1.0), stated_before(0.0, 2.0, 1.0), stated_before(-math.inf, math.inf, 5.0)
    (True, False, False)
    """
    return (a_end <= b_start) & (a_start < b_start)


def long_after(a_start: Any, a_end: Any, b_start: Any, b_end: Any, window: float) -> Any:
    """True when the middle of the second statement is at least ``window`` seconds after the first's.

    Enough time for a cumulative figure to have grown between the two (the policy's ``growth_window``).
    Elementwise on numpy arrays; false when either time is unknown.

    >>> long_after(0.0, 2.0, 86400.0, 86402.0, 86400.0), long_after(0.0, 2.0, 3600.0, 3602.0, 86400.0)
    (True, False)
    """
    return (b_start + b_end) / 2 - (a_start + a_end) / 2 >= window


def before(a: Claim, b: Claim) -> bool:
    """True when ``a`` was stated strictly before ``b`` (never when either time is unknown)."""
    return bool(stated_before(a.stated_start, a.stated_end, b.stated_start))


def relayed_by(c: Claim) -> tuple[str, ...]:
    """The origins of the outlets ``c``'s figure reached us through (its ``via``): each knows the figure."""
    return chain_origins(c.via)


def chain_origins(via: Sequence[Source]) -> tuple[str, ...]:
    """The origins of the outlets of a chain ``via``: what :func:`relayed_by` says of a claim that came through it.

    Claims share their chains, so the columns ask it once per distinct chain.
    """
    return tuple([s.key for s in via]) if via else ()


def relays(c: Claim, origin: str) -> bool:
    """True when ``origin`` knows ``c``'s figure first hand: it is ``c``'s own, or one it was relayed by."""
    return origin == c.origin or origin in relayed_by(c)


def restates(c: Claim, d: Claim) -> bool:
    """True when ``d`` can only restate ``c``: no evidence that the figure grew since ``c``.

    ``d`` comes from ``c``'s own origin, or from an outlet ``c``'s figure reached us through (it stands
    in ``c``'s ``via``: it knows the figure and relays it, :func:`relays`), and it is no higher than ``c``.
    A vaguer figure such an outlet gives later ("over 100" hours after the ministry's 108, which it relayed)
    is the same figure said loosely, not a newer one; only a higher figure, or an independent origin's, is.

    >>> from claimdiff import Claim, Scope
    >>> scope = Scope(place="Belgorod", counted="people")
    >>> mod = Claim(id="mod", metric="injured", estimate="108", scope=scope, source="Russian MoD", via=["ZeroHedge"])
    >>> zh = Claim(id="zh", metric="injured", estimate="over 100", scope=scope, source="ZeroHedge")
    >>> restates(mod, zh), restates(mod, Claim(id="tass", metric="injured", estimate="over 100", scope=scope,
    ...                                        source="TASS"))
    (True, False)
    """
    return d.low <= c.high and relays(c, d.origin)


def _looser(c: Claim, d: Claim) -> bool:
    """True when ``d`` allows everything ``c`` does and more: ``c`` said more loosely, not a new figure."""
    covers_low = d.low < c.low or (d.low == c.low and (d.low_closed or not c.low_closed))
    covers_high = d.high > c.high or (d.high == c.high and (d.high_closed or not c.high_closed))
    same = (d.low, d.low_closed, d.high, d.high_closed) == (
        c.low,
        c.low_closed,
        c.high,
        c.high_closed,
    )
    return covers_low and covers_high and not same


def unordered(cs: Sequence[Claim]) -> bool:
    """True when no claim was stated strictly before another (all statement windows share a moment)."""
    if not cs:
        return True
    return bool(share_a_moment(max(c.stated_start for c in cs), min(c.stated_end for c in cs)))


def share_a_moment(latest_start: Any, earliest_end: Any) -> Any:
    """True when statement windows, from the latest start to the earliest end, share a moment (or none has a time).

    Then none was stated strictly before another. Elementwise on numpy arrays (one answer per group).

    >>> share_a_moment(1.0, 2.0), share_a_moment(2.0, 2.0), share_a_moment(-math.inf, math.inf)
    (True, False, True)
    """
    return (latest_start < earliest_end) | (latest_start == -_INF)


def _start(c: Claim) -> float:
    return c.stated_start


def _by_low(held: tuple[Iv, Claim]) -> float:
    return held[0][0]


def _mid(c: Claim) -> float:
    return (c.stated_start + c.stated_end) / 2


class Timeline:
    """The time order of one group's claims under a policy's growth window."""

    def __init__(self, cs: Sequence[Claim], wide: Mapping[str, Iv], window: float) -> None:
        self.cs = cs
        self.wide = wide
        self.window = window
        # Rises of one origin's own figures, as (from, to) midpoints: evidence that the toll grew then.
        self.rises: list[tuple[float, float]] = []
        self._above: tuple[Sequence[Claim], list[tuple[Claim, Claim]]] | None = None

    def above_pairs(self, cs: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
        """Each pair ``(x, y)`` of ``cs`` whose widened figure ``x`` lies wholly above ``y``'s (:func:`above`).

        Only claims whose widened low is at least ``y``'s high can lie above it: the others are not asked.
        Asked of the same claims by :meth:`stale` and by the pairwise findings: answered once.
        """
        found = self._above
        if found is not None and found[0] is cs:
            return found[1]
        wide = self.wide
        held = [(wide[c.id], c) for c in cs]
        ordered = sorted(held, key=_by_low)
        lows = [w[0] for w, _ in ordered]
        out: list[tuple[Claim, Claim]] = []
        for (_, _, y_high, y_hc), y in held:
            for (x_low, x_lc, _, _), x in ordered[bisect.bisect_left(lows, y_high) :]:
                if x is not y and above(x_low, x_lc, y_high, y_hc):
                    out.append((x, y))
        self._above = (cs, out)
        return out

    # -- revisions --------------------------------------------------------------------------------

    def revisions(
        self, gid: str, cumulative: bool, say: Say, flags: list[Flag | FlagRow]
    ) -> set[str]:
        """Mark claims their own origin restated later, and flag each change of figure (n log n).

        A later figure that only says an earlier one more loosely (108, then "over 100") replaces nothing.
        """
        superseded: set[str] = set()
        if len({c.origin for c in self.cs}) == len(self.cs):
            return superseded  # no origin speaks twice: nothing it restated
        by_origin: dict[str, list[Claim]] = {}
        for c in self.cs:
            by_origin.setdefault(c.origin, []).append(c)
        for ocs in by_origin.values():
            if len(ocs) < 2:
                continue
            ocs.sort(key=lambda d: (d.stated_start, d.stated_end, d.id))
            starts = [d.stated_start for d in ocs]
            for c in ocs:
                if not math.isfinite(c.stated_end):
                    continue
                i = (
                    bisect.bisect_left(starts, c.stated_end)
                    if c.stated_end > c.stated_start
                    else bisect.bisect_right(starts, c.stated_start)
                )
                if i >= len(ocs):
                    continue
                # A later figure that only says this one more loosely leaves it standing (a precision gap);
                # the first later one that does not is its revision.
                while i < len(ocs) and _looser(c, ocs[i]):
                    i += 1
                if i >= len(ocs):
                    continue
                nxt = ocs[i]
                superseded.add(c.id)
                self._revised(gid, c, nxt, cumulative, say, flags)
        return superseded

    def _revised(
        self,
        gid: str,
        c: Claim,
        nxt: Claim,
        cumulative: bool,
        say: Say,
        flags: list[Flag | FlagRow],
    ) -> None:
        if c.figure is not None and nxt.figure is not None and nxt.figure > c.figure:
            self.rises.append((_mid(c), _mid(nxt)))
        if (c.low, c.low_closed, c.high, c.high_closed) == (
            nxt.low,
            nxt.low_closed,
            nxt.high,
            nxt.high_closed,
        ):
            return
        wc, wn = self.wide[c.id], self.wide[nxt.id]
        if cumulative and above(wc[0], wc[1], wn[2], wn[3]):
            gap = c.low - nxt.high
            flags.append(
                FlagRow(
                    FlagKind.DOWNWARD_REVISION,
                    Severity.WARNING,
                    (c.id, nxt.id),
                    gid,
                    _lowered_text,
                    (say, c, nxt, gap),
                    say.gap(gap),
                    relative_gap(c.low, nxt.high),
                    say.unit.unit,
                )
            )
        else:
            flags.append(
                FlagRow(
                    FlagKind.REVISION,
                    Severity.INFO,
                    (c.id, nxt.id),
                    gid,
                    _revised_text,
                    (say, c, nxt),
                )
            )

    # -- growth -----------------------------------------------------------------------------------

    def grows(self, c: Claim, d: Claim) -> bool:
        """True when a cumulative figure may have grown between ``c`` and the later ``d``.

        Enough time passed (the growth window), or some origin's own figures rose in between.
        """
        c_start, c_end, d_start, d_end = c.stated_start, c.stated_end, d.stated_start, d.stated_end
        if not stated_before(c_start, c_end, d_start):
            return False
        if long_after(c_start, c_end, d_start, d_end, self.window):
            return True
        if not self.rises:
            return False  # no origin's figures rose at all (most groups)
        mc, md = _mid(c), _mid(d)
        return any(x < md and y > mc for x, y in self.rises)

    def stale(
        self, gid: str, active: Sequence[Claim], say: Say, flags: list[Flag | FlagRow]
    ) -> set[str]:
        """Cumulative claims overtaken by a later, higher figure from another origin, with growth evidence."""
        stale: set[str] = set()
        # For each claim, the later claim of another origin lying wholly above it whose figure rises most
        # (then the least id), where the toll may have grown in between (which makes the claim earlier).
        best: dict[str, tuple[float, str, Claim]] = {}
        for d, c in self.above_pairs(active):
            if d.origin != c.origin and self.grows(c, d):
                cand = (-(d.low - c.high), d.id, d)
                held = best.get(c.id)
                if held is None or cand[:2] < held[:2]:
                    best[c.id] = cand
        if not best:
            return stale
        for c in active:
            found = best.get(c.id)
            if found is None:
                continue
            d = found[2]
            stale.add(c.id)
            late = long_after(
                c.stated_start, c.stated_end, d.stated_start, d.stated_end, self.window
            )
            flags.append(
                FlagRow(
                    FlagKind.STALE,
                    Severity.INFO,
                    (c.id, d.id),
                    gid,
                    _stale_text,
                    (say, c, d, late),
                    say.gap(d.low - c.high),
                    relative_gap(d.low, c.high),
                    say.unit.unit,
                )
            )
        return stale

    def now(self, current: Sequence[Claim]) -> dict[str, Iv]:
        """What each claim says about the figure now: an earlier toll that may have grown is only a floor.

        A later claim that only restates it (:func:`restates`) is no sign that it grew.
        """
        out: dict[str, Iv] = {}
        wide, grows = self.wide, self.grows
        # A claim can have grown only before one stated from its end on (:func:`stated_before`): by start.
        by_start = sorted(current, key=_start)
        starts = [d.stated_start for d in by_start]
        latest = starts[-1] if starts else -_INF
        for c in current:
            w = wide[c.id]
            out[c.id] = w
            # Stated before none of the others (the latest start is the last a later claim can have): no floor.
            if not stated_before(c.stated_start, c.stated_end, latest):
                continue
            for d in by_start[bisect.bisect_left(starts, c.stated_end) :]:
                if grows(c, d) and not restates(c, d):
                    out[c.id] = (w[0], w[1], _INF, False)
                    break
        return out

    def conflict_of(self, x: Claim, y: Claim) -> tuple[Claim, Claim, bool] | None:
        """``(x, y, fell)`` when ``x``, lying wholly above ``y`` (:meth:`above_pairs`), cannot hold with it, else ``None``.

        ``fell`` is True when the higher figure came first: a toll cannot fall. A later, higher figure
        conflicts only when the toll cannot have grown in between.
        """
        if before(x, y):
            return x, y, True
        if before(y, x) and self.grows(y, x):
            return None
        return x, y, False


def _lowered_text(say: Say, c: Claim, nxt: Claim, gap: float) -> str:
    return (
        f"{c.source.name} lowered {say.subject} from {say.figure(c)} ({c.id}{say.when(c)}) "
        f"to {say.figure(nxt)} ({nxt.id}{say.when(nxt)}); a cumulative figure "
        f"should not fall (down {format_number(say.gap(gap), grouped=True)}{say.suffix})."
    )


def _revised_text(say: Say, c: Claim, nxt: Claim) -> str:
    return (
        f"{c.source.name} revised {say.subject} from {say.figure(c)} ({c.id}{say.when(c)}) "
        f"to {say.figure(nxt)} ({nxt.id}{say.when(nxt)}); the later figure stands."
    )


def _stale_text(say: Say, c: Claim, d: Claim, long_after: bool) -> str:
    why = "the later figure came long enough after" if long_after else "figures rose in between"
    return (
        f"{say.who(c)} gave {say.figure(c)} for {say.subject}{say.when(c)}; {say.who(d)} later "
        f"gave {say.figure(d)}{say.when(d)}. The toll rose ({why}): the earlier figure is out "
        "of date, not contradicted."
    )
