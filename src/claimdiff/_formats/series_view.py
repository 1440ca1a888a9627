"""A report's series as points to draw: each origin's figures over time, with what the flags say of them.

A series is one figure (metric, counted thing, place, event) given for several periods: a toll "as of"
each day is one group per day, and read across the days it is each origin's running series. The HTML
report draws each series as a small chart and :func:`claimdiff.plot.series` with matplotlib; both read
the points from here, through the report's public API only (groups, claims, flags).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from claimdiff._core.flags import Flag, FlagKind
from claimdiff._model.numbers import format_number

if TYPE_CHECKING:
    from claimdiff._core.report import Group, Report
    from claimdiff._model.claim import Claim

__all__ = [
    "MARKS",
    "Point",
    "SeriesKey",
    "SeriesView",
    "axis_ticks",
    "claim_marks",
    "key_of",
    "series_of",
    "series_view",
    "tick_text",
]

#: metric, counted thing (``""`` for none), place path, event (``""`` for none).
SeriesKey = tuple[str, str, tuple[str, ...], str]

#: What a marked point means, in the order a point's marks are named (the first is drawn).
MARKS: dict[str, str] = {
    "contradiction": "contradicts another source",
    "lag": "differs by a reporting lag",
    "discrepancy": "differs from another source",
    "fall": "lower than the same source's earlier figure",
    "revision": "revised by its source",
    "stale": "out of date",
    "mismatch": "daily figure not the rise of the total",
}


def _mark(flag: Flag) -> str | None:
    kind = flag.kind
    if kind in (FlagKind.CONTRADICTION, FlagKind.DISCREPANCY, FlagKind.OUTLIER):
        if "lag" in flag.tags:
            return "lag"
        return "contradiction" if kind is FlagKind.CONTRADICTION else "discrepancy"
    return {
        FlagKind.DOWNWARD_REVISION: "fall",
        FlagKind.REVISION: "revision",
        FlagKind.STALE: "stale",
        FlagKind.SERIES_MISMATCH: "mismatch",
    }.get(kind)


def claim_marks(flags: Iterable[Flag]) -> dict[str, tuple[str, ...]]:
    """For each claim a flag names, the marks its flags give it (see :data:`MARKS`), most serious first."""
    found: dict[str, set[str]] = {}
    for f in flags:
        mark = _mark(f)
        if mark is None:
            continue
        # A fall is the later, lower figure; a revision the figure its source replaced; a conflict both sides.
        named = (
            f.claims[-1:] if mark == "fall" else f.claims[:1] if mark == "revision" else f.claims
        )
        for cid in named:
            found.setdefault(cid, set()).add(mark)
    order = list(MARKS)
    return {cid: tuple(sorted(marks, key=order.index)) for cid, marks in found.items()}


@attrs.frozen(kw_only=True)
class Point:
    """One claim of a series, in the series' unit.

    Attributes:
        when: The end of the period the figure covers (the "as of" date).
        value: The figure drawn (the claim's best figure, else a finite bound, else the middle).
        low, high: What the claim allows (``inf`` for an open top).
        claim: The claim's id.
        source: The name of the claim's origin.
        marks: What the flags say of it (keys of :data:`MARKS`).
        current: False for a figure its source revised, withdrew, or that is out of date.
    """

    when: dt.datetime
    value: float
    low: float
    high: float
    claim: str
    source: str
    marks: tuple[str, ...] = ()
    current: bool = True


@attrs.frozen(kw_only=True)
class SeriesView:
    """One series: each origin's points over time.

    Attributes:
        key: Which figure (metric, counted thing, place, event).
        title: The figure in words.
        unit: The unit of the values (``""`` for counts).
        groups: Ids of the groups the series runs through, one a period.
        lines: Each origin's name and its points, in time order.
    """

    key: SeriesKey
    title: str
    unit: str
    groups: tuple[str, ...]
    lines: tuple[tuple[str, tuple[Point, ...]], ...]

    @property
    def points(self) -> int:
        """How many points the series has, over every origin."""
        return sum(len(points) for _, points in self.lines)

    def marked(self) -> list[Point]:
        """The points a flag marks, in time order."""
        return sorted(
            (p for _, points in self.lines for p in points if p.marks), key=lambda p: p.when
        )


def key_of(group: Group) -> SeriesKey:
    """The series a group belongs to: its metric, counted thing, place and event.

    >>> import claimdiff
    >>> report = claimdiff.reconcile([claimdiff.Claim(id="a", metric="killed", estimate="3",
    ...     scope=claimdiff.Scope(place="X", counted="people"), source="A")])
    >>> key_of(report.groups[0])
    ('killed', 'people', ('X',), '')
    """
    return (group.metric, group.counted or "", tuple(group.place), group.event or "")


def _title(key: SeriesKey) -> str:
    metric, what, place, event = key
    text = f"{metric}: {what}" if what else metric
    text += f" in {' > '.join(place)}" if place else ""
    return text + (f" [{event}]" if event else "")


def _value(c: Claim) -> float:
    if c.figure is not None and math.isfinite(c.figure):
        return c.figure
    if math.isfinite(c.low) and math.isfinite(c.high):
        return (c.low + c.high) / 2
    return c.low if math.isfinite(c.low) else c.high


def _converter(groups: Sequence[Group], claims: Sequence[Claim]) -> tuple[str, float, float]:
    """The unit most of the series' groups use, and how to convert canonical figures to it."""
    units: dict[str, int] = {}
    for g in groups:
        units[g.unit] = units.get(g.unit, 0) + 1
    unit = max(units, key=lambda u: units[u]) if units else ""
    for c in claims:
        info = c.unit_info
        if info.unit == unit:
            return unit, info.factor, info.offset
    return (claims[0].unit_info.canonical, 1.0, 0.0) if claims else ("", 1.0, 0.0)


def _view(
    report: Report, key: SeriesKey, groups: Sequence[Group], marks: Mapping[str, tuple[str, ...]]
) -> SeriesView:
    claims = [report.claim(cid) for g in groups for cid in g.claims]
    unit, factor, offset = _converter(groups, claims)
    past = {cid for g in groups for field in (g.superseded, g.stale, g.withdrawn) for cid in field}
    by_origin: dict[str, list[Point]] = {}
    names: dict[str, str] = {}
    for c in claims:
        if c.period is None:
            continue
        names.setdefault(c.origin, c.source.name)
        by_origin.setdefault(c.origin, []).append(
            Point(
                when=c.period.end,
                value=(_value(c) - offset) / factor,
                low=(c.low - offset) / factor,
                high=(c.high - offset) / factor,
                claim=c.id,
                source=names[c.origin],
                marks=marks.get(c.id, ()),
                current=c.id not in past,
            )
        )
    lines = tuple(
        (names[o], tuple(sorted(ps, key=lambda p: (p.when, p.current))))
        for o, ps in sorted(by_origin.items())
    )
    return SeriesView(
        key=key, title=_title(key), unit=unit, groups=tuple(g.id for g in groups), lines=lines
    )


def _by_key(report: Report) -> dict[SeriesKey, list[Group]]:
    found: dict[SeriesKey, list[Group]] = {}
    for g in report.groups:
        if g.period is not None:
            found.setdefault(key_of(g), []).append(g)
    return found


def series_of(report: Report, *, limit: int | None = None) -> tuple[list[SeriesView], int]:
    """The report's series (figures given for two periods or more), the most flagged first; and how many in all.

    Args:
        report: The report.
        limit: Build at most this many (the rest are only counted).
    """
    marks = claim_marks(report.flags)
    keyed = [(k, gs) for k, gs in _by_key(report).items() if len(gs) >= 2]
    flagged = {k: sum(1 for g in gs for cid in g.claims if cid in marks) for k, gs in keyed}
    keyed.sort(key=lambda kg: (-flagged[kg[0]], kg[0]))
    chosen = keyed if limit is None else keyed[:limit]
    return [_view(report, k, gs, marks) for k, gs in chosen], len(keyed)


def _wanted(key: object) -> SeriesKey | str:
    if isinstance(key, str):
        return key
    if hasattr(key, "metric") and hasattr(key, "place"):  # a Group (or anything with its fields)
        return key_of(key)  # type: ignore[arg-type]
    if isinstance(key, tuple) and 1 <= len(key) <= 4:
        parts: list[object] = [*key, *([None] * (4 - len(key)))]
        metric, counted, place, event = parts
        if isinstance(place, str):
            path = tuple(p.strip() for p in place.split(">"))
        else:
            path = tuple(str(p) for p in place or ())  # type: ignore[attr-defined]
        return (str(metric), str(counted or ""), path, str(event or ""))
    raise TypeError(
        f"a series is named by a group, a group id or (metric, counted, place, event), not {key!r}"
    )


def series_view(report: Report, key: object) -> SeriesView:
    """One series of the report, named by a group of it, a group id (``"g3"``), or its key.

    The key is ``(metric, counted, place, event)``; trailing parts may be left out, and the place may be
    written as in files (``"Russia > Belgorod Oblast"``).

    Raises:
        KeyError: No group of the report has that key (or id).
        TypeError: ``key`` is none of those.
    """
    wanted = _wanted(key)
    if isinstance(wanted, str):
        match = [g for g in report.groups if g.id == wanted]
        if not match:
            raise KeyError(f"the report has no group {wanted!r}")
        wanted = key_of(match[0])
    groups = _by_key(report).get(wanted) or [g for g in report.groups if key_of(g) == wanted]
    if not groups:
        raise KeyError(f"the report has no group about {_title(wanted)!r}")
    return _view(report, wanted, groups, claim_marks(report.flags))


def axis_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """About ``count`` round values from ``low`` to ``high`` for an axis.

    >>> axis_ticks(0, 1000)
    [0.0, 250.0, 500.0, 750.0, 1000.0]
    """
    if not high > low:
        return [low]
    raw = (high - low) / count
    step = 10 ** math.floor(math.log10(raw))
    step *= next(m for m in (1, 2, 2.5, 5, 10) if raw <= step * m)
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def tick_text(value: float) -> str:
    """A tick's label: ``"1.2M"``, ``"35k"``, ``"250"``.

    >>> tick_text(1_200_000), tick_text(35_000), tick_text(250), tick_text(0.5)
    ('1.2M', '35k', '250', '0.5')
    """
    for size, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{format_number(round(value / size, 1))}{suffix}"
    return format_number(round(value, 2))
