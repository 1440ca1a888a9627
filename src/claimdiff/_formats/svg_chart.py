"""A series as a small inline SVG chart: one line per origin, the flagged points marked and linked.

Every text drawn comes from the input and is escaped; the chart is bounded whatever the series' length
(a line keeps at most :data:`MAX_LINE_POINTS` points, and at most :data:`MAX_MARKS` marks are drawn).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from html import escape

from claimdiff._formats.html_assets import MARK_COLOURS, ORIGIN_COLOURS
from claimdiff._formats.series_view import MARKS, Point, SeriesView, axis_ticks, tick_text
from claimdiff._formats.text_report import with_unit
from claimdiff._model.numbers import format_number

__all__ = ["MAX_LINE_POINTS", "MAX_MARKS", "series_svg"]

#: A line is drawn through at most this many of an origin's points (evenly chosen, first and last kept).
MAX_LINE_POINTS = 400
#: At most this many flagged points are drawn on one chart.
MAX_MARKS = 300

_W, _H = 356, 150
# Which marks are drawn on top (and kept first when there are too many): differences a reporting lag
# explains are many and expected, so they go underneath, faint; contradictions and falls stand out.
_LAYER = {
    "lag": 0,
    "stale": 1,
    "discrepancy": 2,
    "revision": 3,
    "mismatch": 4,
    "fall": 5,
    "contradiction": 6,
}
_LEFT, _RIGHT, _TOP, _BOTTOM = 46, 10, 8, 20


def _thin(points: Sequence[Point], most: int) -> Sequence[Point]:
    if len(points) <= most:
        return points
    step = (len(points) - 1) / (most - 1)
    return [points[round(i * step)] for i in range(most)]


def _day(when: dt.datetime) -> str:
    """The calendar day a period ending at ``when`` ends on: a day's period ends at the next midnight."""
    return (when - dt.timedelta(microseconds=1)).date().isoformat()


def _scale(
    view: SeriesView,
) -> tuple[Callable[[dt.datetime], float], Callable[[float], float], list[float]]:
    points = [p for _, ps in view.lines for p in ps]
    times = [p.when.timestamp() for p in points]
    values = [p.value for p in points if math.isfinite(p.value)] or [0.0]
    t0, t1 = min(times), max(times)
    if t1 <= t0:
        t0, t1 = t0 - 43_200, t1 + 43_200
    low, high = min(values), max(values)
    low = 0.0 if low >= 0 and low <= high / 2 else low
    if high <= low:
        high = low + (abs(low) or 1.0)
    ticks = axis_ticks(low, high)
    low, high = min(low, ticks[0]), max(high, ticks[-1])
    width, height = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def x(when: dt.datetime) -> float:
        return _LEFT + (when.timestamp() - t0) / (t1 - t0) * width

    def y(value: float) -> float:
        v = min(max(value, low), high) if math.isfinite(value) else high
        return _TOP + (1 - (v - low) / (high - low)) * height

    return x, y, ticks


def _axes(view: SeriesView, y: Callable[[float], float], ticks: list[float]) -> list[str]:
    parts = [
        f'<line x1="{_LEFT}" y1="{_H - _BOTTOM}" x2="{_W - _RIGHT}" y2="{_H - _BOTTOM}" stroke="#9aa4ad"/>'
    ]
    for t in ticks:
        ty = y(t)
        parts.append(
            f'<line x1="{_LEFT}" y1="{ty:.1f}" x2="{_W - _RIGHT}" y2="{ty:.1f}" stroke="#eceff2"/>'
        )
        parts.append(
            f'<text x="{_LEFT - 4}" y="{ty + 3:.1f}" text-anchor="end">{escape(tick_text(t))}</text>'
        )
    whens = [p.when for _, ps in view.lines for p in ps]
    first, last = min(whens), max(whens)
    parts.append(f'<text x="{_LEFT}" y="{_H - 6}">{_day(first)}</text>')
    if _day(last) != _day(first):
        parts.append(f'<text x="{_W - _RIGHT}" y="{_H - 6}" text-anchor="end">{_day(last)}</text>')
    return parts


def _mark_title(p: Point, unit: str) -> str:
    said = "; ".join(MARKS[m] for m in p.marks)
    value = with_unit(format_number(p.value, grouped=True), p.value, unit)
    return f"{p.source}, {_day(p.when)}: {value} ({p.claim}): {said}"


def series_svg(view: SeriesView, anchors: dict[str, str] | None = None) -> str:
    """The series as an SVG element: each origin's current figures as a line, flagged points as dots.

    Args:
        view: The series.
        anchors: Claim id -> the page anchor of its row; a flagged point with one links to it.
    """
    anchors = anchors or {}
    x, y, ticks = _scale(view)
    label = escape(f"{view.title}: {len(view.lines)} sources, {view.points} figures", quote=True)
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{_H}" viewBox="0 0 {_W} {_H}" '
            f'role="img" aria-label="{label}" font-size="10" fill="#39424b">'
        ),
        *_axes(view, y, ticks),
    ]
    for i, (_, points) in enumerate(view.lines):
        colour = ORIGIN_COLOURS[i % len(ORIGIN_COLOURS)]
        line = _thin([p for p in points if p.current and math.isfinite(p.value)], MAX_LINE_POINTS)
        if len(line) == 1:
            parts.append(
                f'<circle cx="{x(line[0].when):.1f}" cy="{y(line[0].value):.1f}" r="2" fill="{colour}"/>'
            )
        elif line:
            coords = " ".join(f"{x(p.when):.1f},{y(p.value):.1f}" for p in line)
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="1.5"/>'
            )
    chosen = sorted(view.marked(), key=lambda p: -_LAYER[p.marks[0]])[
        :MAX_MARKS
    ]  # the most telling kept
    for p in reversed(chosen):  # ...and drawn last, on top
        mark = p.marks[0]
        r, opacity = (2.0, 0.4) if mark == "lag" else (2.8, 0.9)
        dot = (
            f'<circle class="mark" cx="{x(p.when):.1f}" cy="{y(p.value):.1f}" r="{r}" fill="{MARK_COLOURS[mark]}" '
            f'fill-opacity="{opacity}" stroke="#fff" stroke-width="0.5" data-mark="{mark}">'
            f"<title>{escape(_mark_title(p, view.unit))}</title></circle>"
        )
        href = anchors.get(p.claim)
        parts.append(f'<a href="#{href}">{dot}</a>' if href else dot)
    parts.append("</svg>")
    return "".join(parts)
