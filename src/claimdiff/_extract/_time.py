"""When: relative time references resolved against the publication date.

"Saturday" is the latest Saturday on or before publication; "the day prior" and
"yesterday" the day before it; "overnight" the night running into the day the
sentence is about. Statements marked "initially" and "later" get the first and
the second half of the day they were made, so that :func:`claimdiff.reconcile`
orders them (it orders two statements only when one period ends before the other starts).
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from claimdiff._model.period import Period

__all__ = ["event_period", "stated_period"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec"))
    )
    for m in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = re.compile(rf"\b(?P<day>{'|'.join(_WEEKDAYS)})(?:'s|’s)?\b")
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?)\b(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)
_TODAY = re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight|earlier today)\b")
_YESTERDAY = re.compile(r"\b(?:yesterday|the day prior|the previous day|the day before|a day earlier)\b")
_NIGHT = re.compile(r"\b(?:overnight|last night|during the night|in the night)\b")
_LAST_WEEK = re.compile(r"\blast week\b")
_INITIAL = re.compile(r"\b(?:initial|initially|at first|first reported|earlier)\b")
_LATER = re.compile(r"\b(?:later|subsequently|afterwards|has since|have since|updated|revised|latest)\b")


def _weekday(published: dt.date, name: str) -> dt.date:
    back = (published.weekday() - _WEEKDAYS.index(name)) % 7
    return published - dt.timedelta(days=back)


def _date(m: re.Match[str], published: dt.date) -> dt.date | None:
    day = int(m.group("d1") or m.group("d2"))
    month = _MONTHS[m.group("m1") or m.group("m2")]
    year = int(m.group("y")) if m.group("y") else published.year
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    if not m.group("y") and found > published:
        found = found.replace(year=year - 1) if not (month == 2 and day == 29) else found
    return found


def event_period(low: str, start: int, end: int, at: int, published: dt.date, tz: dt.tzinfo) -> Period | None:
    """The period the sentence ``low[start:end]`` gives for the figure at offset ``at``, if it gives one.

    >>> import datetime as dt
    >>> s = "13 missiles were destroyed on saturday overnight."
    >>> event_period(s, 0, len(s), 0, dt.date(2023, 12, 30), dt.UTC).isoformat()
    '2023-12-29/2023-12-30'
    """
    return period_at(days_named(low, start, end, published), at, published, tz)


@attrs.frozen
class DaysNamed:
    """The days a sentence names, with their offsets, read once for all the figures in it."""

    found: tuple[tuple[int, dt.date], ...]
    night: bool
    last_week: bool


def days_named(low: str, start: int, end: int, published: dt.date) -> DaysNamed:
    """Every day the sentence ``low[start:end]`` names, resolved against the publication date."""
    found = [(m.start(), _weekday(published, m.group("day"))) for m in _WEEKDAY.finditer(low, start, end)]
    for m in _DATE.finditer(low, start, end):
        day = _date(m, published)
        if day is not None:
            found.append((m.start(), day))
    found += [(m.start(), published) for m in _TODAY.finditer(low, start, end)]
    found += [(m.start(), published - dt.timedelta(days=1)) for m in _YESTERDAY.finditer(low, start, end)]
    return DaysNamed(tuple(found), _NIGHT.search(low, start, end) is not None,
                     _LAST_WEEK.search(low, start, end) is not None)


def period_at(named: DaysNamed, at: int, published: dt.date, tz: dt.tzinfo) -> Period | None:
    """The period for the figure at offset ``at`` among the days its sentence names."""
    found, night = named.found, named.night
    nearest = min(found, key=lambda pd: abs(pd[0] - at))[1] if found else None
    if night:
        last = nearest or published
        return Period.days(last - dt.timedelta(days=1), last, tz)
    if nearest is not None:
        return Period.day(nearest, tz)
    if named.last_week:
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return Period.days(monday, monday + dt.timedelta(days=6), tz)
    return None


def stated_period(
    low: str, start: int, end: int, published: dt.date, tz: dt.tzinfo, hour: tuple[int, int] | None
) -> Period:
    """When the figure in ``low[start:end]`` was stated: a live-blog time stamp, a half day, or the day.

    >>> import datetime as dt
    >>> s = "later, it said 32 drones had been shot down."
    >>> str(stated_period(s, 0, len(s), dt.date(2023, 12, 30), dt.UTC, None))
    '2023-12-30T12:00:00+00:00/2023-12-31T00:00:00+00:00'
    """
    day = Period.day(published, tz)
    if hour is not None:
        return Period.instant(dt.datetime(published.year, published.month, published.day, *hour, tzinfo=tz))
    noon = day.start + (day.end - day.start) / 2
    if _INITIAL.search(low, start, end):
        return Period(day.start, noon)
    if _LATER.search(low, start, end):
        return Period(noon, day.end)
    return day
