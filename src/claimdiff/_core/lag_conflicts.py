"""Which conflicts a reporting lag explains, and how they read and are graded once explained.

The lags themselves are learned in :mod:`claimdiff._core.lags`. Here each conflict between two origins'
figures of the same as-of date is tried against the lag of their pair at that place (else over all places):
the follower's figure is one the leader gave up to ``max_steps`` earlier, or lies between the leader's
figures then and now and becomes the leader's figure of now a few steps later (offsets drift by a day); or
the two are followers of a third origin, each giving its figure of another day. An explained conflict is
tagged ``lag``, says so with the offset and the figure it matches, loses its outlier advice (the lag, not
a typing error, explains it) and is graded as :class:`~claimdiff.relations.Lags` says; the others stay as they were.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from claimdiff._core.flags import (
    CONFLICT_KINDS,
    Flag,
    FlagKind,
    FlagRow,
    LazyMessage,
    Severity,
    conflict_verdict,
)
from claimdiff._core.group import group_position
from claimdiff._core.lags import (
    Found,
    Key,
    Lag,
    Lags,
    Point,
    Slots,
    Where,
    agree,
    duration,
    find_lags,
    where_of,
)
from claimdiff._core.messages import as_of, figure_text, without_far
from claimdiff._model.claim import Claim

if TYPE_CHECKING:
    from claimdiff._core.policy import Policy
    from claimdiff._core.report import Group
    from claimdiff._core.series import About, Points

__all__ = ["explain_lags"]

# How a lag explains a conflict: the offset it shows that day, the points that show it, and (through a third
# origin) the other figure's offset.
_Why = tuple[int, tuple[Point, ...], int | None]


def explain_lags(
    raw: Sequence[list[Claim]],
    groups: Sequence[Group],
    flags: Sequence[Flag | FlagRow],
    policy: Policy,
    one_date: Sequence[bool] | None = None,
    about: About | None = None,
    points: Points | None = None,
) -> tuple[tuple[Lag, ...], dict[int, Flag], dict[int, Group]]:
    """Learn the lags, and re-grade the conflicts they explain.

    Returns the lags found, the re-graded flags by their position in ``flags``, and the groups whose
    verdicts the re-graded conflicts change, brought up to date, by their position in ``groups``.
    ``points`` are the groups' series (:func:`~claimdiff._core.series.series_points`) when found already.
    """
    found, slots, step = find_lags(raw, groups, policy, one_date, about, points)
    if not found:
        return (), {}, {}
    # A place's own lag first; the pair's lag over all places where the place shows none.
    lag_at = {(min(f.leader, f.follower), max(f.leader, f.follower), f.where): f for f in found}
    shown: dict[
        str, str
    ] = {}  # each origin by the name it has at the start of its first series (in key order)
    for key, origin in sorted(slots, key=lambda ko: (repr(ko[0]), ko[1])):
        if origin not in shown:
            slot = slots[key, origin]
            shown[origin] = slot[min(slot)][0].source.name
    origins_at: dict[Key, list[str]] = {}
    for key, origin in slots:
        origins_at.setdefault(key, []).append(origin)

    def lag_of(a: str, b: str, where: Where) -> Found | None:
        a, b = sorted((a, b))
        return lag_at.get((a, b, where)) or lag_at.get((a, b, ()))

    settings = policy.lags
    conflicts: collections.Counter[Found] = collections.Counter()
    explained: collections.Counter[Found] = collections.Counter()
    changed: dict[int, Flag] = {}
    for pos, f in enumerate(flags):
        if f.kind not in CONFLICT_KINDS or f.group is None or len(f.claims) != 2:
            continue
        x, y = (_locate(raw[group_position(f.group)], cid, slots, step) for cid in f.claims)
        if x is None or y is None or x[0] != y[0] or x[2] != y[2] or x[1] == y[1]:
            continue
        lag = lag_of(x[1], y[1], where_of(x[0]))
        why = None if lag is None else _explanation(slots, x[0], x[2], lag, settings)
        if (
            why is None
        ):  # two followers of a third origin, each behind it by its own offset that day
            third = _through(
                slots, x[0], x[2], (x[1], y[1]), sorted(origins_at[x[0]]), lag_of, settings
            )
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
    out: dict[int, Group] = {}
    if changed:
        by_group: dict[str, list[Flag | FlagRow]] = {}
        for pos, f in enumerate(flags):
            if f.group is not None and f.kind in CONFLICT_KINDS:
                by_group.setdefault(f.group, []).append(changed.get(pos, f))
        touched = {f.group for f in changed.values()}
        for i in sorted(group_position(gid) for gid in touched if gid is not None):
            g = groups[i]
            verdict = conflict_verdict(by_group[g.id])
            if verdict is not None and verdict != g.verdict:
                out[i] = attrs.evolve(g, verdict=verdict)
    return lags, changed, out


def _locate(cs: list[Claim], cid: str, slots: Slots, step: float) -> tuple[Key, str, int] | None:
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


def _explanation(slots: Slots, key: Key, idx: int, lag: Found, settings: Lags) -> _Why | None:
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
    offsets = sorted(
        range(1, max(settings.max_steps, lag.steps) + 1), key=lambda j: (j != lag.steps, j)
    )
    for j in offsets:
        then = lead.get(idx - j)
        if then is not None and agree(mine, then, settings.match):
            return j, (mine, then), None
    now = lead[idx]
    earliest = next((lead[idx - j] for j in sorted(offsets, reverse=True) if idx - j in lead), None)
    if earliest is None or not agree(
        mine, (mine[0], min(earliest[1], now[1]), max(earliest[2], now[2])), settings.match
    ):
        return None
    for j in offsets:
        later = follow.get(idx + j)
        if later is not None and agree(now, later, settings.match):
            return j, (mine, earliest, now), None
    return None


def _through(
    slots: Slots,
    key: Key,
    idx: int,
    pair: tuple[str, str],
    origins: list[str],
    lag_of: Callable[[str, str, Where], Found | None],
    settings: Lags,
) -> tuple[Found, _Why] | None:
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
            lag = lag_of(z, f, where_of(key))
            if lag is None or lag.leader != z:
                continue
            mine, other = slots[key, f][idx], slots[key, o][idx]
            j = next(
                (
                    j
                    for j in range(1, k_max + 1)
                    if idx - j in ahead and agree(mine, ahead[idx - j], settings.match)
                ),
                None,
            )
            if j is None:
                continue
            j2 = next(
                (
                    i
                    for i in range(k_max + 1)
                    if i != j and idx - i in ahead and agree(other, ahead[idx - i], settings.match)
                ),
                None,
            )
            if j2 is not None:
                return lag, (j, (mine, ahead[idx - j], other, ahead[idx - j2]), j2)
    return None


def _regraded(
    f: Flag | FlagRow,
    why: _Why,
    lag: Found,
    step: float,
    shown: dict[str, str],
    severity: Severity,
) -> Flag:
    steps, points, other = why
    text = LazyMessage(
        _lag_text,
        f,
        tuple(p[0] for p in points),
        duration(steps * step),
        None if other is None else duration(other * step) if other else "",
        duration(lag.steps * step),
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
        tags=(
            *(t for t in f.tags if t != "outlier"),
            "lag",
        ),  # the lag, not a typing error, explains it
    )


def _lag_text(
    f: Flag | FlagRow,
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
