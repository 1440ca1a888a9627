"""Reporting lags: one origin's running toll that trails another's by a fixed number of days.

Two agencies that publish the same cumulative series often differ only by their reporting dates: WHO's toll
as of 3 April is JHU's toll as of 2 April. Compared date by date, every rise then looks like a conflict.
The lag is learned from the whole series, the way :class:`~claimdiff.truth.SystematicShift` learns a scale
factor from every contested item: for each pair of origins reporting the same keys over time (at each place,
and over all their places), and each offset of 1 to ``max_steps`` steps either way, count the dates where
their figures agree only once shifted by the offset, not unshifted, against the dates where they agree only
once shifted the other way. Figures that are independent noise agree as often one way as the other; an
offset is established when its shifted agreements are many (``min_evidence``), outnumber the opposite ones
``min_ratio`` to one, and are too many for chance (a sign test at ``min_z``).

Which conflicts a lag explains, and how they are then said and graded, is in
:mod:`claimdiff._core.lag_conflicts`; :attr:`claimdiff.Report.lags` lists the lags found, with the share of
the pair's conflicts each explains.
"""

from __future__ import annotations

import collections
import itertools
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from claimdiff._core.flags import Severity
from claimdiff._core.intervals import Iv
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number

if TYPE_CHECKING:
    from claimdiff._core.policy import Policy
    from claimdiff._core.report import Group
    from claimdiff._core.series import About, Points

__all__ = [
    "Found",
    "Key",
    "Lag",
    "Lags",
    "Point",
    "Slots",
    "Where",
    "agree",
    "duration",
    "find_lags",
    "where_of",
]


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
        min_ratio: ...and that many times as many as the dates that agree only shifted the other way.
        min_z: ...and a sign-test statistic of at least this (4 is a chance below 1 in 10,000).
        severity: The severity of a conflict a lag explains: ``"warning"`` (a discrepancy, the default) or
            ``"info"`` (a notice).

    .. versionadded:: 0.2.0
    """

    max_steps: int = attrs.field(
        default=3, validator=[attrs.validators.ge(0), attrs.validators.le(366)]
    )
    match: float = attrs.field(
        default=0.005, validator=[attrs.validators.ge(0), attrs.validators.lt(1)]
    )
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
        return duration(self.steps * self.step)

    @property
    def where_text(self) -> str:
        """The place in words: ``" in EG"``, ``" in EG [event]"``, or ``""`` for every place."""
        if self.place is None:
            return ""
        return (
            f" in {' > '.join(self.place) or 'no place'}{f' [{self.event}]' if self.event else ''}"
        )

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


def duration(seconds: float) -> str:
    """A length of time in words: "a day", "2 days", "6 hours"."""
    for size, name in ((86_400.0, "day"), (3_600.0, "hour"), (60.0, "minute")):
        n = seconds / size
        if n >= 1 and math.isclose(n, round(n)):
            return f"a {name}" if round(n) == 1 else f"{round(n)} {name}s"
    return f"{format_number(seconds)} seconds"


# -- learning ------------------------------------------------------------------------------------

# One point of an origin's series: the claim and its widened interval (low, high).
Point = tuple[Claim, float, float]
Key = tuple[str, str, tuple[str, ...], str]
# (key, origin) -> step index -> point.
Slots = dict[tuple[Key, str], dict[int, Point]]


# Where a lag holds: a place and event, or () for every place of the pair.
Where = tuple[()] | tuple[tuple[str, ...], str]
# Per offset -K..-1, 1..K: [dates compared, agree shifted only, agree unshifted only].
_Counts = list[list[int]]


@attrs.frozen
class Found:
    """A lag between two origin keys, before its conflicts are counted (internal form of :class:`Lag`)."""

    leader: str
    follower: str
    where: Where
    steps: int
    compared: int
    shifted: int
    opposite: int
    unshifted: int


def agree(a: Point, b: Point, match: float) -> bool:
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


def _slots(points: Points, step: float, policy: Policy, widen: Callable[..., Iv]) -> Slots:
    out: Slots = {}
    # Equal figures share one Estimate: widened once per estimate, metric and counted thing.
    done: dict[tuple[int, str, str], tuple[float, float]] = {}
    for (key, origin), slot in points.items():
        tolerance = policy.tolerance.for_metric(key[0])
        mine: dict[int, Point] = {}
        for end, c in slot.items():
            seen = (id(c.estimate), key[0], key[1])
            w = done.get(seen)
            if w is None:
                iv = widen(c, policy, tolerance)
                w = done[seen] = iv[0], iv[2]
            mine[round(end / step)] = (c, w[0], w[1])
        out[key, origin] = mine
    return out


def where_of(key: Key) -> Where:
    """Where a key's series are: its place and event: the figures of one place (cases and deaths alike) share a reporting habit."""
    return key[2], key[3]


def _evidence(
    slots: Slots, offsets: list[int], match: float
) -> dict[tuple[str, str, Where], _Counts]:
    """For each pair of origins (in order), at each place and over all places, the counts of each offset."""
    by_key: dict[Key, list[str]] = {}
    for key, origin in slots:
        by_key.setdefault(key, []).append(origin)
    out: dict[tuple[str, str, Where], _Counts] = {}
    for key, origins in by_key.items():
        origins.sort()
        for i, a in enumerate(origins):
            sa = slots[key, a]
            for b in origins[i + 1 :]:
                sb = slots[key, b]
                here = out.setdefault((a, b, where_of(key)), [[0, 0, 0] for _ in offsets])
                for idx in sa.keys() & sb.keys():
                    pa = sa[idx]
                    same = agree(pa, sb[idx], match)
                    for row, k in zip(here, offsets, strict=True):
                        pk = sb.get(idx + k)
                        if pk is None:
                            continue
                        row[0] += 1
                        if agree(pa, pk, match) is not same:
                            row[1 if not same else 2] += 1
    places = collections.Counter((a, b) for a, b, _ in out)
    for (a, b, _), counts in list(
        out.items()
    ):  # every place of the pair together, when there are several
        if places[a, b] < 2:
            continue
        total = out.setdefault((a, b, ()), [[0, 0, 0] for _ in offsets])
        for row, more in zip(total, counts, strict=True):
            for j in range(3):
                row[j] += more[j]
    return out


def _established(
    evidence: dict[tuple[str, str, Where], _Counts], offsets: list[int], settings: Lags
) -> list[Found]:
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
                candidates.append(
                    (against - shifted, abs(k), -k, k, compared, shifted, against, unshifted)
                )
        if candidates:
            *_, k, compared, shifted, against, unshifted = min(candidates)
            # a(d) agrees with b(d + k): b trails a by k steps (k > 0), or a trails b (k < 0).
            leader, follower = (a, b) if k > 0 else (b, a)
            found.append(
                Found(leader, follower, where, abs(k), compared, shifted, against, unshifted)
            )
    return found


def find_lags(
    raw: Sequence[list[Claim]],
    groups: Sequence[Group],
    policy: Policy,
    one_date: Sequence[bool] | None = None,
    about: About | None = None,
    points: Points | None = None,
) -> tuple[list[Found], Slots, float]:
    """The lags the series establish, with each origin's series by step (internal form of :func:`explain_lags`).

    ``points`` are the groups' series (:func:`~claimdiff._core.series.series_points`) when found already.
    """
    settings = policy.lags
    if not settings.max_steps:
        return [], {}, 0.0
    # verdicts and series import the policy, which holds these settings: imported when first needed
    from claimdiff._core.series import series_points  # noqa: PLC0415
    from claimdiff._core.verdicts import widen  # noqa: PLC0415

    if points is None:
        points = series_points(raw, groups, one_date, about)
    step = _step(points) if points else None
    if step is None or step <= 0:
        return [], {}, 0.0
    slots = _slots(points, step, policy, widen)
    offsets = [k for k in range(-settings.max_steps, settings.max_steps + 1) if k]
    return _established(_evidence(slots, offsets, settings.match), offsets, settings), slots, step
