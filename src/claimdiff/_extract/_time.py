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

from claimdiff._extract._text import alternation
from claimdiff._model.period import Period

__all__ = [
    "CALENDAR_WORDS",
    "MONTH_FIRSTS",
    "MONTH_PATTERN",
    "YEAR",
    "event_period",
    "stated_period",
]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for m in names
}
_MONTH = alternation(_MONTHS)
#: A month as a date writes it, in full or abbreviated ("January", "Jan.", "Sept"), as a regular expression.
MONTH_PATTERN = rf"(?:{_MONTH})\b\.?"
#: A year of the last three centuries written alone ("1947", "2023"): a heading or a date, not a figure.
YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: The first letters of the months' names and abbreviations, for a look-ahead before :data:`MONTH_PATTERN`.
MONTH_FIRSTS = "".join(sorted({m[0] for m in _MONTHS}))
#: Days of the week and months, in full: words that are never a place or an item of a list by place.
CALENDAR_WORDS = frozenset(_WEEKDAYS) | frozenset(m for m in _MONTHS if len(m) > 3 or m == "may")
_WEEKDAY = re.compile(rf"\b(?P<day>{'|'.join(_WEEKDAYS)})(?:'s|’s)?\b")
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?)\b(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)
#: "between 20 and 29 December", "from 20 to 29 December", "20-29 December", "December 20-29": a span of days.
_DAY_RANGE = re.compile(
    rf"\b(?:(?:between|from)\s+)?(?:(?P<a1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|until)\s*(?P<b1>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?|(?P<m2>{_MONTH})\.?\s+(?P<a2>\d{{1,2}})\s*(?:-|–|to|and|until)"
    rf"\s*(?P<b2>\d{{1,2}}))\b(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)
#: "in December", "in December 2023", "during March": the whole month.
_FULL_MONTHS = alternation(n for n in _MONTHS if len(n) > 3 or n == "may")
_MONTH_NAMED = re.compile(
    rf"\b(?:in|during|since|throughout)\s+(?:early\s+|late\s+|mid-)?(?P<m>{_FULL_MONTHS})\b"
    rf"(?:\s+(?P<y>(?:19|20)\d\d))?"
)
#: "2023-12-29" (ISO) and "29/12/2023" (day first, as the corpus' sources write it).
_NUMERIC_DATE = re.compile(
    r"\b(?:(?P<y1>(?:19|20)\d\d)-(?P<m1>\d\d)-(?P<d1>\d\d)|(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>(?:19|20)\d\d))\b"
)
_ONE_DATE = (
    r"(?:(?P<dA>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mA>{m})\.?|(?P<mB>{m})\.?\s+(?P<dB>\d{{1,2}})(?:st|nd|rd|th)?)"
    r"(?:,?\s+(?P<yA>(?:19|20)\d\d))?"
)


def _date_group(tag: str) -> str:
    """One date ("20 December", "December 20, 2023") whose groups are tagged ``tag``."""
    return (
        _ONE_DATE.format(m=_MONTH)
        .replace("dA", f"d{tag}")
        .replace("mA", f"m{tag}")
        .replace("mB", f"n{tag}")
        .replace("dB", f"e{tag}")
        .replace("yA", f"y{tag}")
    )


#: "between 20 December and 2 January", "from December 28 to January 4": a span of days across months.
_CROSS_RANGE = re.compile(
    rf"\b(?:(?P<open>between|from)\s+)?{_date_group('1')}\s*(?P<join>-|–|to|until|through|and)\s*"
    rf"{_date_group('2')}\b"
)
#: "the week of 18 December", "the week ending 29 December", "the week to 29 December": seven days.
_WEEK_OF = re.compile(
    rf"\bweek\s+(?:(?P<from>of|beginning|starting|from)|ending|to|until|through)\s+(?:on\s+)?{_date_group('1')}\b"
)
#: "in the past week", "over the last seven days": the days up to the publication.
_PAST_DAYS = re.compile(
    r"\b(?:in|over|during|within)\s+the\s+(?:past|last|previous|preceding)\s+"
    r"(?:(?P<n>\d{1,2}|two|three|four|five|six|seven|ten|fourteen)\s+days|(?P<week>week|seven\s+days))\b"
)
_NUMBER_NAMES = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
    "fourteen": 14,
}
#: Between a date and its weekday: "Friday, December 29", "Friday (29 December)", "29 December, a Friday".
_BESIDE = re.compile(r"[\s,()]*(?:(?:a|on|the)\s+)?")
_ANY_MONTH = re.compile(rf"\b(?:{_MONTH})\b")
_TODAY = re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight|earlier today)\b")
_YESTERDAY = re.compile(
    r"\b(?:yesterday|the day prior|the previous day|the day before|a day earlier)\b"
)
_NIGHT = re.compile(r"\b(?:overnight|last night|during the night|in the night)\b")
_LAST_WEEK = re.compile(r"\blast week\b")
_INITIAL = re.compile(r"\b(?:initial|initially|at first|first reported|earlier)\b")
_LATER = re.compile(
    r"\b(?:later|subsequently|afterwards|has since|have since|updated|revised|latest)\b"
)


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


def event_period(
    low: str, start: int, end: int, at: int, published: dt.date, tz: dt.tzinfo
) -> Period | None:
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

    found: tuple[tuple[int, dt.date, dt.date], ...]  # offset, first day, last day
    night: bool
    last_week: bool


def days_named(low: str, start: int, end: int, published: dt.date) -> DaysNamed:
    """Every day the sentence ``low[start:end]`` names, resolved against the publication date."""
    found: list[tuple[int, dt.date, dt.date]] = []
    spans: list[tuple[int, int]] = []
    # Every date form but the numeric one names a month: a sentence with none is not searched for them.
    months = _ANY_MONTH.search(low, start, end) is not None
    for m in _CROSS_RANGE.finditer(low, start, end) if months else ():
        if m.group("join") == "and" and m.group("open") != "between":
            continue  # "on 20 December and 2 January": two days
        first, last = _tagged(m, "1", published), _tagged(m, "2", published)
        if first is not None and last is not None and not m.group("y1"):
            first = _before(first, last)  # "20 December to 2 January": the December before
        if first is not None and last is not None and first < last:
            found.append((m.start(), first, last))
            spans.append(m.span())
    for m in _WEEK_OF.finditer(low, start, end) if months else ():
        day = _tagged(m, "1", published)
        if day is not None:
            week = dt.timedelta(days=6)
            first, last = (day, day + week) if m.group("from") else (day - week, day)
            found.append((m.start(), first, last))
            spans.append(m.span())
    seg = low[start:end]  # the words each pattern below needs, looked for before the pattern is run
    past = "past" in seg or "last" in seg or "previous" in seg or "preceding" in seg
    for m in _PAST_DAYS.finditer(low, start, end) if past else ():
        n = 7 if m.group("week") else int(_NUMBER_NAMES.get(m.group("n"), m.group("n")))
        found.append((m.start(), published - dt.timedelta(days=n - 1), published))
        spans.append(m.span())
    for m in _DAY_RANGE.finditer(low, start, end) if months else ():
        if any(a < m.end() and m.start() < b for a, b in spans):
            continue
        first, last = _days_between(m, published)
        if first is not None and last is not None and first <= last:
            found.append((m.start(), first, last))
            spans.append(m.span())
    for m in _DATE.finditer(low, start, end) if months else ():
        day = _date(m, published)
        if day is not None and all(m.start() >= b or m.end() <= a for a, b in spans):
            found.append((m.start(), day, day))
            spans.append(m.span())
    for m in _NUMERIC_DATE.finditer(low, start, end) if "/" in seg or "-" in seg else ():
        day = _numeric(m)
        if day is not None:
            found.append((m.start(), day, day))
            spans.append(m.span())
    for m in _MONTH_NAMED.finditer(low, start, end) if months else ():
        if all(m.end() <= a or m.start() >= b for a, b in spans):
            first, last = _month(m, published)
            found.append((m.start(), first, last))
    # A weekday next to an explicit date names the same day: the date wins ("on Friday, December 29, 2023").
    found += [
        (m.start(), day, day)
        for m in (_WEEKDAY.finditer(low, start, end) if "day" in seg else ())
        if not any(
            (0 <= a - m.end() <= 8 and _BESIDE.fullmatch(low, m.end(), a))
            or (0 <= m.start() - b <= 8 and _BESIDE.fullmatch(low, b, m.start()))
            for a, b in spans
        )
        for day in (_weekday(published, m.group("day")),)
    ]
    found += [
        (m.start(), published, published)
        for m in (
            _TODAY.finditer(low, start, end)
            if "today" in seg or "tonight" in seg or "this " in seg
            else ()
        )
    ]
    found += [
        (m.start(), published - dt.timedelta(days=1), published - dt.timedelta(days=1))
        for m in (_YESTERDAY.finditer(low, start, end) if "day" in seg else ())
    ]
    return DaysNamed(
        tuple(found),
        "night" in seg and _NIGHT.search(low, start, end) is not None,
        "last week" in seg and _LAST_WEEK.search(low, start, end) is not None,
    )


def _tagged(m: re.Match[str], tag: str, published: dt.date) -> dt.date | None:
    """The date a match's groups tagged ``tag`` give (day, month, year), before publication when no year is given."""
    day, month = m.group(f"d{tag}") or m.group(f"e{tag}"), m.group(f"m{tag}") or m.group(f"n{tag}")
    year = int(m.group(f"y{tag}")) if m.group(f"y{tag}") else published.year
    try:
        found = dt.date(year, _MONTHS[month], int(day))
    except ValueError:
        return None
    return _before(found, published) if not m.group(f"y{tag}") else found


def _before(day: dt.date, limit: dt.date) -> dt.date:
    """``day`` a year earlier when it falls after ``limit`` (a date written without its year)."""
    if day <= limit:
        return day
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day


def _days_between(m: re.Match[str], published: dt.date) -> tuple[dt.date | None, dt.date | None]:
    month = _MONTHS[m.group("m1") or m.group("m2")]
    year = int(m.group("y")) if m.group("y") else published.year
    try:
        first = dt.date(year, month, int(m.group("a1") or m.group("a2")))
        last = dt.date(year, month, int(m.group("b1") or m.group("b2")))
    except ValueError:
        return None, None
    if not m.group("y") and first > published:
        first, last = first.replace(year=year - 1), last.replace(year=year - 1)
    return first, last


def _numeric(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("y1"):
            return dt.date(int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
        return dt.date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
    except ValueError:
        return None


def _month(m: re.Match[str], published: dt.date) -> tuple[dt.date, dt.date]:
    month = _MONTHS[m.group("m")]
    year = int(m.group("y")) if m.group("y") else published.year
    if not m.group("y") and dt.date(year, month, 1) > published:
        year -= 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), following - dt.timedelta(days=1)


def period_at(named: DaysNamed, at: int, published: dt.date, tz: dt.tzinfo) -> Period | None:
    """The period for the figure at offset ``at`` among the days its sentence names."""
    found, night = named.found, named.night
    nearest = min(found, key=lambda pd: abs(pd[0] - at)) if found else None
    if night:
        last = nearest[2] if nearest is not None else published
        return Period.days(last - dt.timedelta(days=1), last, tz)
    if nearest is not None:
        return (
            Period.day(nearest[1], tz)
            if nearest[1] == nearest[2]
            else Period.days(nearest[1], nearest[2], tz)
        )
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
        return Period.instant(
            dt.datetime(published.year, published.month, published.day, *hour, tzinfo=tz)
        )
    noon = day.start + (day.end - day.start) / 2
    if _INITIAL.search(low, start, end):
        return Period(day.start, noon)
    if _LATER.search(low, start, end):
        return Period(noon, day.end)
    return day
