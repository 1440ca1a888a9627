"""Dates as exports write them: ISO, "16 February 2024", "1/31/2023", "31-Jan-23", "October 7, 2023".

Written dates are read by python-dateutil, except the ISO form and the commonest written ones,
read first by the standard library. A date written with numbers only (``1/12/2023``) may put the
day or the month first; a file settles it once, from its rows that can be read one way only
(``18/04/2001`` is day first, ``1/31/2023`` month first). A file with both kinds, or with no row
that settles it, has its ambiguous rows refused with their location, unless the caller says
``dayfirst=``. A date with no day ("March 2023") is the month; one with only a year, the year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterable
from typing import Any

import attrs
from dateutil import parser as _dateutil

from claimdiff._formats._io import display_name

__all__ = ["Day", "DayOrder", "day_order", "read_day"]

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?")
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
_COMMON = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y", "%d-%b-%y", "%d-%b-%Y", "%d-%B-%Y")
# No written date is longer; a longer cell is text, not a date, and is never handed to the parser.
_LONGEST = 64
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))  # noqa: DTZ001 - calendar days only


@attrs.frozen
class Day:
    """A calendar date read from a cell, and how much of it the cell gave (``day``, ``month`` or ``year``)."""

    date: dt.date
    resolution: str = "day"

    def period(self) -> Any:
        """The date as a claims-file period: the day, the month, or the year as a span."""
        if self.resolution == "day":
            return self.date.isoformat()
        if self.resolution == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return {"start": f"{self.date.year:04d}-01-01", "end": f"{self.date.year:04d}-12-31"}


@attrs.frozen
class DayOrder:
    """Whether a file's numeric dates put the day first: ``True``, ``False``, or ``None`` (not settled), and why."""

    dayfirst: bool | None
    why: str


def day_order(cells: Iterable[tuple[Hashable, Any]], dayfirst: bool | None = None) -> DayOrder:
    """The day/month order of one file's dates, from the rows that can be read one way only.

    >>> day_order([("line 2", "1/12/2023"), ("line 3", "18/04/2001")]).dayfirst
    True
    >>> print(day_order([("line 2", "1/12/2023"), ("line 3", "31/1/2023"), ("line 4", "1/31/2023")]).why)
    the file writes dates both day first (line 3: '31/1/2023') and month first (line 4: '1/31/2023')
    """
    if dayfirst is not None:
        return DayOrder(dayfirst, "the caller said dayfirst=" + str(dayfirst))
    first: dict[bool, str] = {}
    for label, cell in cells:
        m = (
            _NUMERIC.fullmatch(cell.strip())
            if isinstance(cell, str) and len(cell) <= _LONGEST
            else None
        )
        if m is None:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            first.setdefault(True, f"{label}: {cell.strip()!r}")
        elif b > 12 >= a:
            first.setdefault(False, f"{label}: {cell.strip()!r}")
        if len(first) == 2:
            return DayOrder(
                None,
                f"the file writes dates both day first ({first[True]}) and month first ({first[False]})",
            )
    if first:
        ((order, at),) = first.items()
        return DayOrder(order, f"{'day' if order else 'month'} first, as at {at}")
    return DayOrder(None, "no date in the file has a day above 12 to settle which comes first")


def read_day(cell: Any, order: DayOrder) -> Day | str:
    """The date in ``cell``, or the reason it cannot be read (for a located rejection).

    >>> no = DayOrder(None, "unsettled")
    >>> [read_day(t, no).date.isoformat() for t in ("2023-01-31", "31-Jan-23", "January 31, 2023", "1/31/2023")]
    ['2023-01-31', '2023-01-31', '2023-01-31', '2023-01-31']
    >>> read_day("1/12/2023", no)
    "is ambiguous: '1/12/2023' may be 1 December or 12 January (unsettled; pass dayfirst=)"
    >>> read_day("1/12/2023", DayOrder(True, "day first")).date.isoformat(), read_day("March 2023", no)
    ('2023-12-01', Day(date=datetime.date(2023, 3, 1), resolution='month'))
    """
    if isinstance(cell, dt.datetime):
        return Day(cell.date())
    if isinstance(cell, dt.date):
        return Day(cell)
    if not isinstance(cell, str):
        return f"is not a date (got {_shown(cell)})"
    text = cell.strip()
    if not text or len(text) > _LONGEST:
        return f"is not a date (got {_shown(text)})"
    iso = _ISO.fullmatch(text)
    if iso is not None:
        try:
            return Day(dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))))
        except ValueError:
            return f"is not a calendar date (got {_shown(text)})"
    numeric = _NUMERIC.fullmatch(text)
    if numeric is not None:
        return _numeric(text, numeric, order)
    for form in _COMMON:
        try:
            return Day(dt.datetime.strptime(text, form).date())  # noqa: DTZ007 - a calendar day
        except ValueError:
            continue
    return _written(text, order)


def _numeric(text: str, m: re.Match[str], order: DayOrder) -> Day | str:
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if len(m.group(3)) == 2:
        year += 2000 if year < 70 else 1900
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    elif a == b or order.dayfirst is not None:
        day, month = (a, b) if order.dayfirst or a == b else (b, a)
    else:
        return f"is ambiguous: {text!r} may be {_spoken(a, b)} or {_spoken(b, a)} ({order.why}; pass dayfirst=)"
    try:
        return Day(dt.date(year, month, day))
    except ValueError:
        return f"is not a calendar date (got {_shown(text)})"


def _spoken(day: int, month: int) -> str:
    return (
        f"{day} {dt.date(2000, month, 1):%B}" if 1 <= month <= 12 else f"day {day} of month {month}"
    )


def _written(text: str, order: DayOrder) -> Day | str:
    try:
        one, two = (
            _dateutil.parse(text, default=d, dayfirst=bool(order.dayfirst)) for d in _DEFAULTS
        )
    except (ValueError, OverflowError, TypeError):
        return f"is not a date (got {_shown(text)})"
    if one.year != two.year:
        return f"has no year (got {_shown(text)})"
    if one.month != two.month:
        return (
            Day(dt.date(one.year, 1, 1), "year")
            if one.day != two.day
            else f"is not a date (got {_shown(text)})"
        )
    if one.day != two.day:
        return Day(dt.date(one.year, one.month, 1), "month")
    return Day(one.date())


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return repr(display_name(text[:40] + ("..." if len(text) > 40 else "")))
