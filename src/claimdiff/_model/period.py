"""Time spans with their precision: the period a figure covers and when it was stated."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from claimdiff.exceptions import InvalidClaimError

__all__ = ["Period", "timezone_named"]

_UTC = dt.UTC
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def timezone_named(name: str) -> dt.tzinfo:
    """The timezone called ``name`` ("UTC", "Europe/Moscow", "+03:00").

    Raises:
        InvalidClaimError: The name is not a timezone.
    """
    text = name.strip()
    if text.upper() in {"UTC", "Z", "GMT"}:
        return _UTC
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", text)
    if m:
        sign = 1 if m.group(1) == "+" else -1
        return dt.timezone(sign * dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise InvalidClaimError(None, "timezone", name, "is not a timezone name") from e


def _aware(name: str) -> Callable[[object, object, dt.datetime], None]:
    def check(_inst: object, _attr: object, value: dt.datetime) -> None:
        if not isinstance(value, dt.datetime):
            raise InvalidClaimError(None, name, value, "must be a datetime")
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidClaimError(None, name, value, "must be timezone-aware (naive datetimes are ambiguous)")

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

    start: dt.datetime = attrs.field(validator=_aware("start"))
    end: dt.datetime = attrs.field(validator=_aware("end"))
    start_ts: float = attrs.field(init=False, repr=False, eq=False)
    end_ts: float = attrs.field(init=False, repr=False, eq=False)
    # Texts computed on first use: reports ask for them once per claim, not once per period.
    _iso: str | None = attrs.field(init=False, repr=False, eq=False, default=None)
    _label: str | None = attrs.field(init=False, repr=False, eq=False, default=None)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidClaimError(None, "period", f"{self.start.isoformat()}/{self.end.isoformat()}",
                                    "ends before it starts")
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
    def parse(cls, text: str | dt.date | dt.datetime, tz: dt.tzinfo = _UTC) -> Period:
        """Read a period written in ISO 8601.

        Accepts a day (``2023-12-30``), a month (``2023-12``), an aware instant
        (``2023-12-30T14:00+03:00``), and intervals of those joined by ``/``
        (``2023-12-29/2023-12-30``: both days). Dates are calendar days in
        ``tz``; a datetime without an offset is rejected.
        """
        if isinstance(text, dt.datetime):
            return cls.instant(text)
        if isinstance(text, dt.date):
            return cls.day(text, tz)
        if not isinstance(text, str):
            raise InvalidClaimError(None, "period", text, "must be an ISO 8601 date, datetime or interval")
        raw = text.strip()
        if "/" in raw:
            left, _, right = raw.partition("/")
            a, b = cls.parse(left, tz), cls.parse(right, tz)
            if b.end < a.start:
                raise InvalidClaimError(None, "period", text, "ends before it starts")
            return cls(a.start, b.end)
        m = _MONTH.match(raw)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            if not 1 <= month <= 12:
                raise InvalidClaimError(None, "period", text, "is not a month")
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return cls(dt.datetime(year, month, 1, tzinfo=tz), dt.datetime(nxt.year, nxt.month, 1, tzinfo=tz))
        if len(raw) == 10:
            try:
                return cls.day(dt.date.fromisoformat(raw), tz)
            except ValueError as e:
                raise InvalidClaimError(None, "period", text, "is not a valid date") from e
        try:
            when = dt.datetime.fromisoformat(raw)
        except ValueError as e:
            raise InvalidClaimError(None, "period", text, "is not an ISO 8601 date or datetime") from e
        if when.tzinfo is None:
            raise InvalidClaimError(None, "period", text, "has no UTC offset (naive datetimes are ambiguous)")
        return cls.instant(when)

    @property
    def is_instant(self) -> bool:
        """True when the period is a single instant."""
        return self.start == self.end

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
        return (self._days() if s.utcoffset() == dt.timedelta(0) else None) or f"{s.isoformat()}/{e.isoformat()}"

    def _days(self) -> str | None:
        """``2023-12-30`` or ``2023-12-29/2023-12-30`` when the period is whole days, else ``None``."""
        s, e = self.start, self.end
        if s == e or not (_is_midnight(s) and _is_midnight(e)) or s.utcoffset() != e.utcoffset():
            return None
        last = (e - dt.timedelta(days=1)).date()
        return s.date().isoformat() if last == s.date() else f"{s.date().isoformat()}/{last.isoformat()}"

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
