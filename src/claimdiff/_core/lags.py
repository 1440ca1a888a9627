"""Reporting lags: one origin's running toll that trails another's by a fixed number of days.

Two agencies that publish the same cumulative series often differ only by their reporting dates: WHO's toll
as of 3 April is JHU's toll as of 2 April. Compared date by date, every rise then looks like a conflict.
The lag is learned from the whole series, the way :class:`~claimdiff.SystematicShift` learns a scale
factor from every contested item: for each pair of origins reporting the same keys over time, and each
offset of a few steps either way, count the dates where their figures agree only once shifted by the
offset, against the dates where they agree only unshifted. An offset is established when the shifted
agreements are many (``min_evidence``), outnumber the unshifted ones ``min_ratio`` to one, and are too
many for chance (McNemar's sign test at ``min_z``). Two origins whose figures are independent noise agree
as rarely shifted as unshifted, and no lag is found.

A conflict between the pair that the lag explains (the follower's figure is one the leader gave up to
``max_steps`` earlier, or lies between the leader's figures then and now and becomes the leader's figure of
now a few steps later: offsets drift by a day) is tagged ``lag``, says so with the
offset and the figure it matches, and is graded as :class:`Lags` says: a discrepancy by default, below a
contradiction. A conflict the lag does not explain stays as it was. :attr:`claimdiff.Report.lags` lists
the lags found, with the share of the pair's conflicts each explains.
"""

from __future__ import annotations

import collections
import itertools
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from claimdiff._core.flags import CONFLICT_KINDS, Flag, FlagKind, LazyMessage, Severity, conflict_verdict
from claimdiff._core.intervals import Iv
from claimdiff._core.messages import as_of, figure_text, without_far
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number

if TYPE_CHECKING:
    from claimdiff._core.policy import Policy
    from claimdiff._core.report import Group
    from claimdiff._core.series import Points

__all__ = ["Lag", "Lags", "explain_lags", "find_lags"]


def _severity(value: Severity | str) -> Severity:
    return Severity(value)


@attrs.frozen(kw_only=True)
class Lags:
    """How reporting lags between origins are learned and how the conflicts they explain are graded.

    >>> Lags().max_steps, Lags().severity
    (3, <Severity.WARNING: 'warning'>)
    >>> Lags(max_steps=0).max_steps  # no lag is looked for
    0

    Attributes:
        max_steps: Offsets of 1 to this many steps (days, for daily series) either way are tried; 0 turns
            lag-finding off.
        match: Two figures agree when their widened intervals are at most this share apart (0.005 is 0.5%).
        min_evidence: An offset needs at least this many dates that agree only once shifted.
        min_ratio: ...and that many times as many as the dates that agree only unshifted.
        min_z: ...and a McNemar statistic of at least this (4 is a chance below 1 in 10,000).
        severity: The severity of a conflict a lag explains: ``"warning"`` (a discrepancy, the default) or
            ``"info"`` (a notice).

    .. versionadded:: 0.2.0
    """

    max_steps: int = attrs.field(default=3, validator=[attrs.validators.ge(0), attrs.validators.le(366)])
    match: float = attrs.field(default=0.005, validator=[attrs.validators.ge(0), attrs.validators.lt(1)])
    min_evidence: int = attrs.field(default=10, validator=attrs.validators.ge(1))
    min_ratio: float = attrs.field(default=2.0, validator=attrs.validators.ge(1))
    min_z: float = attrs.field(default=4.0, validator=attrs.validators.gt(0))
    severity: Severity = attrs.field(
        default=Severity.WARNING,
        converter=_severity,
        validator=attrs.validators.in_((Severity.INFO, Severity.WARNING)),
    )


@attrs.frozen(kw_only=True)
class Lag:
    """One origin's series trailing another's by a fixed offset, learned over their series.

    >>> lag = Lag(leader="JHU", follower="WHO", place=("EG",), steps=1, step=86_400.0, compared=300,
    ...           shifted=60, opposite=2, unshifted=9, conflicts=70, explained=63)
    >>> lag.message
    'WHO reports a day behind JHU in EG: on 60 dates their figures agree only shifted by a day that way, on 2 only shifted the other way (of 300 compared); the lag explains 63 of their 70 conflicts there (90%).'

    Attributes:
        leader: The origin whose figures come first.
        follower: The origin whose figure as of a date is the leader's ``steps`` steps earlier.
        place: The place whose series show the lag, or ``None`` for the pair's series over all places (the
            lag that holds where a place shows none of its own).
        event: The event of those series, if any.
        steps: The offset, in steps (at least 1).
        step: The length of one step, in seconds (a day for daily series).
        compared: Dates on which both origins give a figure for the same key and the shifted one exists.
        shifted: Dates whose figures agree once shifted by the offset, not unshifted.
        opposite: Dates whose figures agree once shifted the other way, not unshifted (what chance gives).
        unshifted: Dates whose figures agree unshifted, not once shifted.
        conflicts: Conflicts between the two origins' figures on the same date that this lag is applied to.
        explained: How many of those the lag explains.

    .. versionadded:: 0.2.0
    """

    leader: str
    follower: str
    place: tuple[str, ...] | None = None
    event: str | None = None
    steps: int
    step: float
    compared: int
    shifted: int
    opposite: int
    unshifted: int
    conflicts: int
    explained: int

    @property
    def share(self) -> float:
        """The share of the pair's conflicts the lag explains (0 when they have none)."""
        return self.explained / self.conflicts if self.conflicts else 0.0

    @property
    def offset_text(self) -> str:
        """The offset in words: "a day", "2 days", "6 hours"."""
        return _duration(self.steps * self.step)

    @property
    def where_text(self) -> str:
        """The place in words: ``" in EG"``, ``" in EG [event]"``, or ``""`` for every place."""
        if self.place is None:
            return ""
        return f" in {' > '.join(self.place) or 'no place'}{f' [{self.event}]' if self.event else ''}"

    @property
    def message(self) -> str:
        """A sentence with the evidence."""
        share = f" ({self.share:.0%})" if self.conflicts else ""
        there = " there" if self.place is not None else " where no place shows a lag of its own"
        return (
            f"{self.follower} reports {self.offset_text} behind {self.leader}{self.where_text}: on "
            f"{self.shifted:,} dates their figures agree only shifted by {self.offset_text} that way, on "
            f"{self.opposite:,} only shifted the other way (of {self.compared:,} compared); the lag explains "
            f"{self.explained:,} of their {self.conflicts:,} conflicts{there}{share}."
        )

    def to_dict(self) -> dict[str, Any]:
        """The lag as in the JSON output contract."""
        return {
            "leader": self.leader,
            "follower": self.follower,
            "place": None if self.place is None else list(self.place),
            "event": self.event,
            "steps": self.steps,
            "step_seconds": self.step,
            "offset": self.offset_text,
            "compared": self.compared,
            "shifted": self.shifted,
            "opposite": self.opposite,
            "unshifted": self.unshifted,
            "conflicts": self.conflicts,
            "explained": self.explained,
            "share": self.share,
            "message": self.message,
        }


def _duration(seconds: float) -> str:
    for size, name in ((86_400.0, "day"), (3_600.0, "hour"), (60.0, "minute")):
        n = seconds / size
        if n >= 1 and math.isclose(n, round(n)):
            return f"a {name}" if round(n) == 1 else f"{round(n)} {name}s"
    return f"{format_number(seconds)} seconds"


# -- learning ------------------------------------------------------------------------------------

# One point of an origin's series: the claim and its widened interval (low, high).
_Point = tuple[Claim, float, float]
_Key = tuple[str, str, tuple[str, ...], str]
# How a lag explains a conflict: the offset it shows that day, the points that show it, and (through a third
# origin) the other figure's offset.
_Why = tuple[int, tuple[_Point, ...], int | None]
# (key, origin) -> step index -> point.
_Slots = dict[tuple[_Key, str], dict[int, _Point]]


# Where a lag holds: a place and event, or () for every place of the pair.
_Where = tuple[()] | tuple[tuple[str, ...], str]
# Per offset -K..-1, 1..K: [dates compared, agree shifted only, agree unshifted only].
_Counts = list[list[int]]


@attrs.frozen
class _Found:
    """A lag between two origin keys, before its conflicts are counted."""

    leader: str
    follower: str
    where: _Where
    steps: int
    compared: int
    shifted: int
    opposite: int
    unshifted: int


def _agree(a: _Point, b: _Point, match: float) -> bool:
    """True when the widened intervals meet, or are at most ``match`` of the larger facing bound apart."""
    _, alo, ahi = a
    _, blo, bhi = b
    if alo <= bhi and blo <= ahi:
        return True
    gap, facing = (alo - bhi, alo) if alo > bhi else (blo - ahi, blo)
    return gap <= match * abs(facing)


def _step(points: Points) -> float | None:
    """The most common distance between an origin's consecutive as-of dates (the series' step)."""
    gaps: collections.Counter[float] = collections.Counter()
    for slot in points.values():
        ends = sorted(slot)
        gaps.update(round(b - a) for a, b in itertools.pairwise(ends) if b > a)
    if not gaps:
        return None
    return min(gaps, key=lambda g: (-gaps[g], g))


def _slots(points: Points, step: float, policy: Policy, widen: Callable[..., Iv]) -> _Slots:
    out: _Slots = {}
    # Equal figures share one Estimate: widened once per estimate, metric and counted thing.
    done: dict[tuple[int, str, str], tuple[float, float]] = {}
    for (key, origin), slot in points.items():
        tolerance = policy.tolerance.for_metric(key[0])
        mine: dict[int, _Point] = {}
        for end, c in slot.items():
            seen = (id(c.estimate), key[0], key[1])
            w = done.get(seen)
            if w is None:
                iv = widen(c, policy, tolerance)
                w = done[seen] = iv[0], iv[2]
            mine[round(end / step)] = (c, w[0], w[1])
        out[key, origin] = mine
    return out


def _where(key: _Key) -> _Where:
    """A key's place and event: the figures of one place (cases and deaths alike) share a reporting habit."""
    return key[2], key[3]


def _evidence(slots: _Slots, offsets: list[int], match: float) -> dict[tuple[str, str, _Where], _Counts]:
    """For each pair of origins (in order), at each place and over all places, the counts of each offset."""
    by_key: dict[_Key, list[str]] = {}
    for key, origin in slots:
        by_key.setdefault(key, []).append(origin)
    out: dict[tuple[str, str, _Where], _Counts] = {}
    for key, origins in by_key.items():
        origins.sort()
        for i, a in enumerate(origins):
            sa = slots[key, a]
            for b in origins[i + 1 :]:
                sb = slots[key, b]
                here = out.setdefault((a, b, _where(key)), [[0, 0, 0] for _ in offsets])
                for idx in sa.keys() & sb.keys():
                    pa = sa[idx]
                    same = _agree(pa, sb[idx], match)
                    for row, k in zip(here, offsets, strict=True):
                        pk = sb.get(idx + k)
                        if pk is None:
                            continue
                        row[0] += 1
                        if _agree(pa, pk, match) is not same:
                            row[1 if not same else 2] += 1
    places = collections.Counter((a, b) for a, b, _ in out)
    for (a, b, _), counts in list(out.items()):  # every place of the pair together, when there are several
        if places[a, b] < 2:
            continue
        total = out.setdefault((a, b, ()), [[0, 0, 0] for _ in offsets])
        for row, more in zip(total, counts, strict=True):
            for j in range(3):
                row[j] += more[j]
    return out


def _established(evidence: dict[tuple[str, str, _Where], _Counts], offsets: list[int], settings: Lags) -> list[_Found]:
    """The offset each pair's series establish, if any.

    The offset whose shifted agreements most outnumber those of the opposite offset (a sign test: independent
    figures agree as often either way); then the smallest.
    """
    found = []
    for (a, b, where), counts in sorted(
        evidence.items(), key=lambda e: (e[0][0], e[0][1], bool(e[0][2]), repr(e[0][2]))
    ):
        by_k = dict(zip(offsets, counts, strict=True))
        candidates = []
        for k, (compared, shifted, unshifted) in by_k.items():
            against = by_k[-k][1]
            if (
                shifted >= settings.min_evidence
                and shifted >= settings.min_ratio * against
                and (shifted - against) ** 2 >= settings.min_z**2 * (shifted + against)
            ):
                candidates.append((against - shifted, abs(k), -k, k, compared, shifted, against, unshifted))
        if candidates:
            *_, k, compared, shifted, against, unshifted = min(candidates)
            # a(d) agrees with b(d + k): b trails a by k steps (k > 0), or a trails b (k < 0).
            leader, follower = (a, b) if k > 0 else (b, a)
            found.append(_Found(leader, follower, where, abs(k), compared, shifted, against, unshifted))
    return found


def find_lags(
    raw: Sequence[list[Claim]], groups: Sequence[Group], policy: Policy, one_date: Sequence[bool] | None = None
) -> tuple[list[_Found], _Slots, float]:
    """The lags the series establish, with each origin's series by step (internal form of :func:`explain_lags`)."""
    settings = policy.lags
    if not settings.max_steps:
        return [], {}, 0.0
    # verdicts and series import the policy, which holds these settings: imported when first needed
    from claimdiff._core.series import series_points  # noqa: PLC0415
    from claimdiff._core.verdicts import widen  # noqa: PLC0415

    points = series_points(raw, groups, one_date)
    step = _step(points) if points else None
    if step is None or step <= 0:
        return [], {}, 0.0
    slots = _slots(points, step, policy, widen)
    offsets = [k for k in range(-settings.max_steps, settings.max_steps + 1) if k]
    return _established(_evidence(slots, offsets, settings.match), offsets, settings), slots, step


# -- explaining conflicts ------------------------------------------------------------------------


def explain_lags(
    raw: Sequence[list[Claim]],
    groups: Sequence[Group],
    flags: Sequence[Flag],
    policy: Policy,
    one_date: Sequence[bool] | None = None,
) -> tuple[tuple[Lag, ...], dict[int, Flag], list[Group]]:
    """Learn the lags, and re-grade the conflicts they explain.

    Returns the lags found, the re-graded flags by their position in ``flags``, and the groups (with the
    verdicts of the groups whose conflicts were re-graded brought up to date).
    """
    found, slots, step = find_lags(raw, groups, policy, one_date)
    if not found:
        return (), {}, list(groups)
    # A place's own lag first; the pair's lag over all places where the place shows none.
    lag_at = {(min(f.leader, f.follower), max(f.leader, f.follower), f.where): f for f in found}
    shown: dict[str, str] = {}  # each origin by the name it has at the start of its first series (in key order)
    for key, origin in sorted(slots, key=lambda ko: (repr(ko[0]), ko[1])):
        if origin not in shown:
            slot = slots[key, origin]
            shown[origin] = slot[min(slot)][0].source.name
    index = {g.id: i for i, g in enumerate(groups)}
    origins_at: dict[_Key, list[str]] = {}
    for key, origin in slots:
        origins_at.setdefault(key, []).append(origin)

    def lag_of(a: str, b: str, where: _Where) -> _Found | None:
        a, b = sorted((a, b))
        return lag_at.get((a, b, where)) or lag_at.get((a, b, ()))

    settings = policy.lags
    conflicts: collections.Counter[_Found] = collections.Counter()
    explained: collections.Counter[_Found] = collections.Counter()
    changed: dict[int, Flag] = {}
    for pos, f in enumerate(flags):
        if f.kind not in CONFLICT_KINDS or f.group is None or len(f.claims) != 2:
            continue
        x, y = (_locate(raw[index[f.group]], cid, slots, step) for cid in f.claims)
        if x is None or y is None or x[0] != y[0] or x[2] != y[2] or x[1] == y[1]:
            continue
        lag = lag_of(x[1], y[1], _where(x[0]))
        why = None if lag is None else _explanation(slots, x[0], x[2], lag, settings)
        if why is None:  # two followers of a third origin, each behind it by its own offset that day
            third = _through(slots, x[0], x[2], (x[1], y[1]), sorted(origins_at[x[0]]), lag_of, settings)
            if third is not None:
                lag, why = third
        if lag is None:
            continue
        conflicts[lag] += 1
        if why is not None:
            explained[lag] += 1
            changed[pos] = _regraded(f, why, lag, step, shown, settings.severity)
    lags = tuple(
        Lag(
            leader=shown[f.leader],
            follower=shown[f.follower],
            place=f.where[0] if f.where else None,
            event=(f.where[1] or None) if f.where else None,
            steps=f.steps,
            step=step,
            compared=f.compared,
            shifted=f.shifted,
            opposite=f.opposite,
            unshifted=f.unshifted,
            conflicts=conflicts[f],
            explained=explained[f],
        )
        for f in found
    )
    out = list(groups)
    if changed:
        by_group: dict[str, list[Flag]] = {}
        for pos, f in enumerate(flags):
            if f.group is not None and f.kind in CONFLICT_KINDS:
                by_group.setdefault(f.group, []).append(changed.get(pos, f))
        touched = {f.group for f in changed.values()}
        for i, g in enumerate(out):
            if g.id in touched:
                verdict = conflict_verdict(by_group[g.id])
                if verdict is not None and verdict != g.verdict:
                    out[i] = attrs.evolve(g, verdict=verdict)
    return lags, changed, out


def _locate(cs: list[Claim], cid: str, slots: _Slots, step: float) -> tuple[_Key, str, int] | None:
    """Where a claim of a group stands in its origin's series: key, origin, step index (``None`` if it does not)."""
    for c in cs:
        if c.id == cid:
            if c.period is None:
                return None
            idx = round(c.period.end_ts / step)
            slot = slots.get((c.key, c.origin))
            point = slot.get(idx) if slot is not None else None
            return (c.key, c.origin, idx) if point is not None and point[0] is c else None
    return None


def _explanation(slots: _Slots, key: _Key, idx: int, lag: _Found, settings: Lags) -> _Why | None:
    """How the lag explains the conflict at this date: the offset it shows here and the points that show it.

    Reporting offsets drift by a day or so (a weekend, a late upload), so the follower may be behind by any
    offset up to ``max_steps`` on a given date, the lag's own offset tried first. Either the follower's figure
    is the leader's that offset earlier: (follower's, leader's then). Or the follower gives the leader's
    figure of this date that offset later, and its own figure lies between the leader's ``max_steps`` earlier
    and now, so it is on its way there: (follower's, leader's then, leader's now). A figure the leader never
    came near (above the leader's, or far below) is not explained; ``None``.
    """
    follow, lead = slots[key, lag.follower], slots[key, lag.leader]
    mine = follow[idx]
    offsets = sorted(range(1, max(settings.max_steps, lag.steps) + 1), key=lambda j: (j != lag.steps, j))
    for j in offsets:
        then = lead.get(idx - j)
        if then is not None and _agree(mine, then, settings.match):
            return j, (mine, then), None
    now = lead[idx]
    earliest = next((lead[idx - j] for j in sorted(offsets, reverse=True) if idx - j in lead), None)
    if earliest is None or not _agree(
        mine, (mine[0], min(earliest[1], now[1]), max(earliest[2], now[2])), settings.match
    ):
        return None
    for j in offsets:
        later = follow.get(idx + j)
        if later is not None and _agree(now, later, settings.match):
            return j, (mine, earliest, now), None
    return None


def _through(
    slots: _Slots,
    key: _Key,
    idx: int,
    pair: tuple[str, str],
    origins: list[str],
    lag_of: Callable[[str, str, _Where], _Found | None],
    settings: Lags,
) -> tuple[_Found, _Why] | None:
    """How a third origin's lead explains a conflict between two others, or ``None``.

    Each of the two gives the third's figure of a different date, and one of them is behind it by an
    established lag ("ECDC gives JHU's figure of a day earlier, WHO JHU's of the day"). Returns that lag and
    the points.
    """
    k_max = settings.max_steps
    for z in origins:
        if z in pair:
            continue
        ahead = slots[key, z]
        for f, o in (pair, pair[::-1]):
            lag = lag_of(z, f, _where(key))
            if lag is None or lag.leader != z:
                continue
            mine, other = slots[key, f][idx], slots[key, o][idx]
            j = next(
                (j for j in range(1, k_max + 1) if idx - j in ahead and _agree(mine, ahead[idx - j], settings.match)),
                None,
            )
            if j is None:
                continue
            j2 = next(
                (
                    i
                    for i in range(k_max + 1)
                    if i != j and idx - i in ahead and _agree(other, ahead[idx - i], settings.match)
                ),
                None,
            )
            if j2 is not None:
                return lag, (j, (mine, ahead[idx - j], other, ahead[idx - j2]), j2)
    return None


def _regraded(f: Flag, why: _Why, lag: _Found, step: float, shown: dict[str, str], severity: Severity) -> Flag:
    steps, points, other = why
    text = LazyMessage(
        _lag_text,
        f,
        tuple(p[0] for p in points),
        _duration(steps * step),
        None if other is None else _duration(other * step) if other else "",
        _duration(lag.steps * step),
        shown[lag.leader],
        shown[lag.follower],
        bool(lag.where),
        severity,
    )
    return Flag(
        kind=FlagKind.DISCREPANCY,
        severity=severity,
        claims=f.claims,
        group=f.group,
        message=text,
        gap=f.gap,
        relative_gap=f.relative_gap,
        unit=f.unit,
        tags=(*(t for t in f.tags if t != "outlier"), "lag"),  # the lag, not a typing error, explains it
    )


def _lag_text(
    f: Flag,
    why: tuple[Claim, ...],
    here: str,
    other: str | None,
    offset: str,
    leader: str,
    follower: str,
    local: bool,
    severity: Severity,
) -> str:
    where = " in this place's series" if local else " over their series"
    graded = "a discrepancy" if severity is Severity.WARNING else "a notice"
    said, then = why[0], why[1]
    mine = f"{said.source.name}'s {figure_text(said.estimate)} as of {as_of(said)}"
    if len(why) == 2:
        how = (
            f"{mine} matches {then.source.name}'s figure {here} earlier "
            f"({figure_text(then.estimate)} as of {as_of(then)})"
        )
    elif len(why) == 3:
        now = why[2]
        how = (
            f"{mine} lies between {now.source.name}'s {figure_text(then.estimate)} as of {as_of(then)} and "
            f"{figure_text(now.estimate)} that day, and {said.source.name} gives {figure_text(now.estimate)} {here} later"
        )
    else:
        theirs, source = why[2], why[3]
        when = f"{other} earlier" if other else "that day"
        how = (
            f"{mine} is {then.source.name}'s figure {here} earlier, and {theirs.source.name}'s "
            f"{figure_text(theirs.estimate)} is {source.source.name}'s figure {when}"
        )
    return (
        f"{without_far(f.message).rstrip('.')}. A reporting lag explains it: {how}; {follower} reports {offset} behind "
        f"{leader}{where}; graded {graded}, not a contradiction."
    )
