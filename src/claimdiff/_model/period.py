"""Time spans with their precision: the period a figure covers and when it was stated."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from claimdiff.exceptions import InvalidClaimError

__all__ = ["MAX_PERIOD_CHARS", "Period", "optional_period", "timezone_named"]

_UTC = dt.UTC
_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-?W(\d{2})")
_DURATION = re.compile(
    r"P(?!$)(?:(\d{1,6})Y)?(?:(\d{1,6})M)?(?:(\d{1,6})W)?(?:(\d{1,6})D)?"
    r"(?:T(?=\d)(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,6})S)?)?"
)
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})")
#: The longest text read as a period or a timezone name; ISO 8601 intervals need well under 100.
MAX_PERIOD_CHARS = 100
_CALENDAR = "is beyond the calendar claimdiff reads (years 1 to 9999)"


def timezone_named(name: str) -> dt.tzinfo:
    """The timezone called ``name`` ("UTC", "Europe/Moscow", "+03:00").

    >>> timezone_named("+03:00")
    datetime.timezone(datetime.timedelta(seconds=10800))

    Raises:
        InvalidClaimError: The name is not a timezone (offsets must lie within a day: ``+23:59`` at most).
    """
    text = name.strip()
    if len(text) > MAX_PERIOD_CHARS:
        raise InvalidClaimError(
            None, "timezone", name[:MAX_PERIOD_CHARS] + "...", "is not a timezone name"
        )
    if text.upper() in {"UTC", "Z", "GMT"}:
        return _UTC
    m = _OFFSET.fullmatch(text)
    if m:
        hours, minutes = int(m.group(2)), int(m.group(3))
        if hours > 23 or minutes > 59:
            raise InvalidClaimError(
                None, "timezone", name, "is not an offset within a day (-23:59 to +23:59)"
            )
        sign = 1 if m.group(1) == "+" else -1
        return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError) as e:
        raise InvalidClaimError(None, "timezone", name, "is not a timezone name") from e


def _aware(name: str) -> Callable[[object, object, dt.datetime], None]:
    def check(_inst: object, _attr: object, value: dt.datetime) -> None:
        if not isinstance(value, dt.datetime):
            raise InvalidClaimError(None, name, value, "must be a datetime")
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidClaimError(
                None, name, value, "must be timezone-aware (naive datetimes are ambiguous)"
            )

    return check


@attrs.frozen
class Period:
    """A span of time ``[start, end)``, or the instant ``start`` when ``start == end``.

    Both ends are timezone-aware. A calendar day is the span from its midnight to
    the next, so day precision is represented exactly: a statement made "on
    Saturday" is the whole of Saturday, and claimdiff orders two statements only
    when one span ends before the other starts.

    >>> sat = Period.day(dt.date(2023, 12, 30))
    >>> fri = Period.day(dt.date(2023, 12, 29))
    >>> fri.before(sat), sat.before(fri), sat.overlaps(Period.parse("2023-12-30T14:00+03:00"))
    (True, False, True)
    """

    start: dt.datetime = attrs.field(validator=_aware("start"), eq=False)
    end: dt.datetime = attrs.field(validator=_aware("end"), eq=False)
    start_ts: float = attrs.field(init=False, repr=False, eq=False)
    end_ts: float = attrs.field(init=False, repr=False, eq=False)
    # Equality and hashing compare instants (UTC), never wall clocks: two readings of 01:30 an hour apart in a
    # fold differ, and a day is equal to itself whatever timezone it is written in.
    _start_utc: dt.datetime = attrs.field(init=False, repr=False)
    _end_utc: dt.datetime = attrs.field(init=False, repr=False)
    # Texts computed on first use: reports ask for them once per claim, not once per period.
    _iso: str | None = attrs.field(init=False, repr=False, eq=False, default=None)
    _label: str | None = attrs.field(init=False, repr=False, eq=False, default=None)

    def __attrs_post_init__(self) -> None:
        try:
            object.__setattr__(self, "_start_utc", self.start.astimezone(_UTC))
            object.__setattr__(self, "_end_utc", self.end.astimezone(_UTC))
        except OverflowError as e:
            raise InvalidClaimError(
                None, "period", f"{self.start.isoformat()}/{self.end.isoformat()}", _CALENDAR
            ) from e
        if self._end_utc < self._start_utc:
            raise InvalidClaimError(
                None,
                "period",
                f"{self.start.isoformat()}/{self.end.isoformat()}",
                "ends before it starts",
            )
        object.__setattr__(self, "start_ts", self.start.timestamp())
        object.__setattr__(self, "end_ts", self.end.timestamp())

    @classmethod
    def day(cls, day: dt.date, tz: dt.tzinfo = _UTC) -> Period:
        """The calendar day ``day`` in timezone ``tz`` (UTC by default)."""
        start = dt.datetime(day.year, day.month, day.day, tzinfo=tz)
        nxt = day + dt.timedelta(days=1)
        return cls(start, dt.datetime(nxt.year, nxt.month, nxt.day, tzinfo=tz))

    @classmethod
    def days(cls, first: dt.date, last: dt.date, tz: dt.tzinfo = _UTC) -> Period:
        """The calendar days ``first`` to ``last``, both included."""
        return cls(cls.day(first, tz).start, cls.day(last, tz).end)

    @classmethod
    def instant(cls, when: dt.datetime) -> Period:
        """The single instant ``when`` (timezone-aware)."""
        return cls(when, when)

    @classmethod
    def parse(
        cls, text: str | dt.date | dt.datetime, tz: dt.tzinfo = _UTC, *, local_times: bool = False
    ) -> Period:
        """Read a period written in ISO 8601.

        Accepts a year (``2023``), a month (``2023-12``), an ISO week
        (``2023-W52``), a day (``2023-12-30``, ``2023-W52-6``), an aware instant
        (``2023-12-30T14:00+03:00``), and intervals joined by ``/``: two of those
        (``2023-12-29/2023-12-30``: both days, the end included), or one and a
        duration (``2023-12-01/P1W``: a week from its start; ``P1M/2023-12-31``: the
        month ending with that day). Years, months, weeks and days are calendar
        spans in ``tz``.

        >>> Period.parse("2023").describe()
        '2023-01-01/2023-12-31'
        >>> Period.parse("2023-12-25/P1W").describe()
        '2023-12-25/2023-12-31'

        Args:
            text: The period.
            tz: The timezone of calendar spans.
            local_times: Read a datetime without an offset as a local time in
                ``tz`` (what a claims file with ``timezone:`` asks for);
                otherwise such a datetime is refused as ambiguous.

        Raises:
            InvalidClaimError: The text is not a period, ends before it starts, names
                a local time that does not exist or happens twice in ``tz``, or
                lies beyond years 1 to 9999.
        """
        if isinstance(text, dt.datetime):
            return cls.instant(text)
        if isinstance(text, dt.date):
            try:
                return cls.day(text, tz)
            except OverflowError as e:
                raise InvalidClaimError(None, "period", text, _CALENDAR) from e
        if not isinstance(text, str):
            raise InvalidClaimError(
                None, "period", text, "must be an ISO 8601 date, datetime or interval"
            )
        raw = text.strip()
        if len(raw) > MAX_PERIOD_CHARS:
            raise InvalidClaimError(
                None,
                "period",
                raw[:MAX_PERIOD_CHARS] + "...",
                f"is longer than {MAX_PERIOD_CHARS} characters, more than any ISO 8601 period",
            )
        parts = raw.split("/")
        if len(parts) > 2:
            raise InvalidClaimError(
                None, "period", text, "must be one date or time, or 'start/end'"
            )
        try:
            if len(parts) == 1:
                return _single(raw, tz, local_times)
            left, right = parts
            if left.startswith("P") and right.startswith("P"):
                raise InvalidClaimError(
                    None, "period", text, "gives two durations; give a start or an end too"
                )
            if right.startswith("P"):
                a = _single(left, tz, local_times)
                return cls(a.start, _shift(a.start, _duration(right, text), +1))
            if left.startswith("P"):
                b = _single(right, tz, local_times)
                return cls(_shift(b.end, _duration(left, text), -1), b.end)
            a, b = _single(left, tz, local_times), _single(right, tz, local_times)
        except (OverflowError, ValueError) as e:
            if isinstance(e, InvalidClaimError):
                raise
            raise InvalidClaimError(None, "period", text, _CALENDAR) from e
        if b.start_ts < a.start_ts or b.end_ts < a.start_ts:
            raise InvalidClaimError(None, "period", text, "ends before it starts")
        return cls(a.start, b.end)

    @property
    def is_instant(self) -> bool:
        """True when the period is a single instant."""
        return self._start_utc == self._end_utc

    def overlaps(self, other: Period) -> bool:
        """True when the two spans share a moment (an instant at a span's end is outside it)."""
        if self.is_instant and other.is_instant:
            return self.start_ts == other.start_ts
        return (self.start_ts < other.end_ts and other.start_ts < self.end_ts) or (
            self.start_ts == other.start_ts
        )

    def before(self, other: Period) -> bool:
        """True when this span ends no later than ``other`` starts: known to be strictly earlier."""
        return self.end_ts <= other.start_ts and self.start_ts < other.start_ts

    def isoformat(self) -> str:
        """The period in ISO 8601: a date, an instant, or ``start/end`` (end exclusive for instants)."""
        if self._iso is None:
            object.__setattr__(self, "_iso", self._isoformat())
        return self._iso  # type: ignore[return-value]

    def _isoformat(self) -> str:
        s, e = self.start, self.end
        if s == e:
            return s.isoformat()
        # Only UTC days are written as dates: a bare date is read back as a UTC day.
        return (
            self._days() if s.utcoffset() == dt.timedelta(0) else None
        ) or f"{s.isoformat()}/{e.isoformat()}"

    def _days(self) -> str | None:
        """``2023-12-30`` or ``2023-12-29/2023-12-30`` when the period is whole days, else ``None``."""
        s, e = self.start, self.end
        if s == e or not (_is_midnight(s) and _is_midnight(e)) or s.utcoffset() != e.utcoffset():
            return None
        last = (e - dt.timedelta(days=1)).date()
        return (
            s.date().isoformat()
            if last == s.date()
            else f"{s.date().isoformat()}/{last.isoformat()}"
        )

    def describe(self) -> str:
        """A short label for reports: a date or date range when the period is whole days, else ISO 8601."""
        if self._label is None:
            object.__setattr__(self, "_label", self._describe())
        return self._label  # type: ignore[return-value]

    def _describe(self) -> str:
        return self._days() or self.isoformat()

    def __str__(self) -> str:
        return self.isoformat()


def _is_midnight(t: dt.datetime) -> bool:
    return t.hour == 0 and t.minute == 0 and t.second == 0 and t.microsecond == 0


def _single(raw: str, tz: dt.tzinfo, local_times: bool) -> Period:
    """One calendar span or instant (no ``/``)."""
    if raw.startswith("P"):
        raise InvalidClaimError(
            None,
            "period",
            raw,
            "is a duration, which says how long but not when; "
            "write it with a start or an end (2023-01-01/P1W)",
        )
    if _YEAR.fullmatch(raw):
        year = int(raw)
        return Period(_midnight(year, 1, 1, tz), _midnight(year + 1, 1, 1, tz))
    m = _MONTH.fullmatch(raw)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise InvalidClaimError(None, "period", raw, "is not a month")
        return Period(
            _midnight(year, month, 1, tz), _midnight(year + month // 12, month % 12 + 1, 1, tz)
        )
    m = _WEEK.fullmatch(raw)
    if m:
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError as e:
            raise InvalidClaimError(None, "period", raw, "is not an ISO week") from e
        return Period.days(monday, monday + dt.timedelta(days=6), tz)
    if "T" not in raw and ":" not in raw and " " not in raw:
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError as e:
            raise InvalidClaimError(None, "period", raw, "is not a valid date") from e
        return Period.day(day, tz)
    try:
        when = dt.datetime.fromisoformat(raw)
    except ValueError as e:
        raise InvalidClaimError(None, "period", raw, "is not an ISO 8601 date or datetime") from e
    if when.tzinfo is None:
        if not local_times:
            raise InvalidClaimError(
                None,
                "period",
                raw,
                "has no UTC offset (naive datetimes are ambiguous; give an "
                "offset, or a 'timezone:' for the file)",
            )
        when = _local(when, tz, raw)
    return Period.instant(when)


def _local(naive: dt.datetime, tz: dt.tzinfo, raw: str) -> dt.datetime:
    """A wall-clock time in ``tz``, refused when the clocks skip it or pass it twice."""
    first, second = naive.replace(tzinfo=tz), naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        # fold=0 and fold=1 disagree: either a gap (the time never happens) or a fold (it happens twice).
        back = first.astimezone(_UTC).astimezone(tz).replace(tzinfo=None)
        if back != naive:
            raise InvalidClaimError(
                None, "period", raw, f"does not exist in {tz} (the clocks skip it); give an offset"
            )
        raise InvalidClaimError(
            None, "period", raw, f"happens twice in {tz} (the clocks go back); give an offset"
        )
    return first


def _midnight(year: int, month: int, day: int, tz: dt.tzinfo) -> dt.datetime:
    if not 1 <= year <= 9999:
        raise InvalidClaimError(None, "period", f"{year:04d}-{month:02d}", _CALENDAR)
    return dt.datetime(year, month, day, tzinfo=tz)


def _duration(text: str, whole: str) -> tuple[int, int, dt.timedelta]:
    """``(years, months, rest)`` of an ISO 8601 duration such as ``P1Y2M3W4DT5H6M7S``."""
    m = _DURATION.fullmatch(text)
    if m is None:
        raise InvalidClaimError(
            None,
            "period",
            whole,
            f"has {text!r}, which is not an ISO 8601 duration (P1W, P3D, PT6H)",
        )
    y, mo, w, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    return y, mo, dt.timedelta(weeks=w, days=d, hours=h, minutes=mi, seconds=s)


def _shift(when: dt.datetime, duration: tuple[int, int, dt.timedelta], sign: int) -> dt.datetime:
    """``when`` moved by a duration, calendar months first (Jan 31 + P1M is Feb 28), in wall-clock time."""
    years, months, rest = duration
    total = when.year * 12 + when.month - 1 + sign * (years * 12 + months)
    year, month = divmod(total, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise InvalidClaimError(None, "period", when.isoformat(), _CALENDAR)
    last = calendar.monthrange(year, month)[1]
    moved = when.replace(year=year, month=month, day=min(when.day, last))
    return moved + sign * rest


def optional_period(value: Period | str | None) -> Period | None:
    """A converter for optional period fields: ``None`` and periods as they are, text parsed.

    >>> optional_period("2023-12-30").isoformat(), optional_period(None)
    ('2023-12-30', None)
    """
    if value is None or isinstance(value, Period):
        return value
    if type(value) is not str:
        return Period.parse(value)
    # Claims built from text repeat the same few days: each distinct text is read once (periods are frozen).
    found = _read.get(value)
    if found is None:
        found = Period.parse(value)
        if len(_read) >= _READ_MAX:
            _read.clear()
        _read[value] = found
    return found


_READ_MAX = 4096
_read: dict[str, Period] = {}
