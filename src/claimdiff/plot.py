"""Plots of a report with matplotlib (the ``plot`` extra: ``pip install 'claimdiff[plot]'``).

matplotlib is imported when a plot is drawn, not when this module is: ``import claimdiff.plot`` is cheap.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from claimdiff._formats.series_view import MARKS, Point, series_view
from claimdiff.exceptions import MissingExtraError

if TYPE_CHECKING:
    from claimdiff._core.report import Group, Report

__all__ = ["series"]

# How each mark is drawn: colour, marker, size, opacity, layer. Differences a reporting lag explains are
# many and expected: small, faint and underneath, so that falls and contradictions stand out above them.
_STYLE = {
    "contradiction": ("#c62828", "X", 70, 1.0, 5.0),
    "lag": ("#8e24aa", "o", 12, 0.35, 3.5),
    "discrepancy": ("#ef6c00", "o", 26, 0.9, 4.0),
    "fall": ("#000000", "v", 60, 1.0, 4.8),
    "revision": ("#1565c0", "s", 36, 0.9, 4.4),
    "stale": ("#757575", ".", 30, 0.9, 4.1),
    "mismatch": ("#ad1457", "D", 36, 0.9, 4.6),
}


def _matplotlib() -> Any:
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415 - an optional extra, slow to import
    except ImportError as e:
        raise MissingExtraError("claimdiff.plot.series()", "plot") from e
    return plt


def _day(when: dt.datetime) -> dt.datetime:
    """Where a figure "as of" a period's end is drawn: the last instant of the period (its last day)."""
    return when - dt.timedelta(microseconds=1)


def series(
    report: Report,
    key: Group | str | tuple[str | tuple[str, ...] | None, ...],
    *,
    ax: Any = None,
) -> Any:
    """Draw one series of a report: each origin's figures over time, with what the flags found marked.

    A series is one figure (metric, counted thing, place, event) given for several periods, such as a death
    toll "as of" each day. Each origin's current figures are a line; figures its source later revised or that
    are out of date are hollow dots; flagged figures are marked by what was found: contradictions (a red
    cross), differences explained by a reporting lag, other discrepancies, falls of a running total (a black
    triangle), revisions, stale figures, and daily figures that are not the rise of the total.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import claimdiff
    >>> toll = claimdiff.vocabulary.Metric("killed", cumulative=True)
    >>> claims = [claimdiff.Claim(id=f"{who}-{day}", metric=toll, estimate=str(figure), source=who,
    ...                           scope=claimdiff.Scope(place="X", counted="people"),
    ...                           period=f"2024-01-01/2024-01-0{day}", stated=f"2024-01-0{day}")
    ...           for who, figures in (("Ministry", (10, 20, 15)), ("Agency", (10, 20, 30)))
    ...           for day, figure in enumerate(figures, 1)]
    >>> ax = series(claimdiff.reconcile(claims), ("killed", "people", "X"))
    >>> ax.get_title()
    'killed: people in X'
    >>> sorted(ax.get_legend_handles_labels()[1])
    ['Agency', 'Ministry', 'contradicts another source (2)', "lower than the same source's earlier figure (1)"]

    Args:
        report: The report.
        key: Which series: a group of it, a group's id (``"g3"``), or ``(metric, counted, place, event)``
            (trailing parts may be left out; the place as in files, ``"Russia > Belgorod Oblast"``).
        ax: The matplotlib Axes to draw on (default: a new figure's).

    Returns:
        The matplotlib Axes drawn on.

    Raises:
        KeyError: The report has no group with that key or id.
        claimdiff.exceptions.MissingExtraError: matplotlib is not installed.
    """
    plt = _matplotlib()
    import matplotlib.dates as mdates  # noqa: PLC0415 - with pyplot above
    from matplotlib import ticker  # noqa: PLC0415

    view = series_view(report, key)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5), layout="constrained")
    for name, points in view.lines:
        current = [p for p in points if p.current]
        (line,) = ax.plot(
            [_day(p.when) for p in current], [p.value for p in current], lw=1.4, label=name
        )
        past = [p for p in points if not p.current]
        if past:
            ax.scatter(
                [_day(p.when) for p in past],
                [p.value for p in past],
                s=24,
                facecolors="none",
                edgecolors=line.get_color(),
                linewidths=1,
                zorder=3,
            )
    marked: dict[str, list[Point]] = {}
    for p in view.marked():
        for mark in p.marks:  # a fall that is also a contradiction shows both
            marked.setdefault(mark, []).append(p)
    for mark in MARKS:
        found = marked.get(mark)
        if found:
            colour, marker, size, alpha, layer = _STYLE[mark]
            ax.scatter(
                [_day(p.when) for p in found],
                [p.value for p in found],
                s=size,
                c=colour,
                marker=marker,
                alpha=alpha,
                label=f"{MARKS[mark]} ({len(found):,})",
                zorder=layer,
                linewidths=0.4,
                edgecolors="white",
            )
    ax.set_title(view.title)
    ax.set_ylabel(view.unit or "count")
    ax.yaxis.set_major_formatter(
        ticker.FuncFormatter(lambda v, _: f"{v:,.0f}" if abs(v) >= 10 else f"{v:g}")
    )
    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.grid(visible=True, alpha=0.3)
    ax.legend(fontsize="small", loc="upper left")
    return ax
