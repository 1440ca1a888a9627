"""A reported figure as what it is: an interval with a hedge, a unit and its wording."""

from __future__ import annotations

import enum
import math
import re
from typing import Any

import attrs

from claimdiff._model.numbers import exact_float, format_number
from claimdiff.exceptions import InvalidEstimateError

__all__ = ["Estimate", "Hedge", "Provenance", "band", "provenance_of"]

_INF = math.inf


class Hedge(enum.Enum):
    """How a figure was hedged when it was stated.

    The hedge decides nothing by itself — the bounds do — but it is kept so that a
    report can say *why* two figures agree ("at least 14" and 14) and so that a
    vague figure beside an exact one is reported as a precision gap.
    """

    #: "14", "two", "1.5 million".
    EXACT = "exact"
    #: "at least 14", "over 100", "more than".
    LOWER = "lower"
    #: "up to 158", "as many as", "fewer than".
    UPPER = "upper"
    #: "some 70", "about", "nearly": a band around (or below/above) a number.
    APPROXIMATE = "approximate"
    #: "between 10 and 20", "10-20".
    RANGE = "range"
    #: "dozens", "hundreds", "several": a quantity word with a conventional band.
    VAGUE = "vague"

    @property
    def is_exact(self) -> bool:
        """True only for :attr:`EXACT`."""
        return self is Hedge.EXACT


class Provenance(enum.Enum):
    """How a figure came to claimdiff: in words, or as a number given as data.

    It decides how precise the figure is taken to be (see :class:`claimdiff.tolerance.Precision`): a figure
    *worded* in a text ("30,000 people", "1.5 million", "at least 14") is read as precise to its last
    written digit, as rounded as it looks; a *datum* (a Python number, a JSON or YAML number, a numeric
    cell of a table) is exact unless the policy or the reader declares the data *rounded*.
    """

    #: Text with words, group separators or a hedge: "30,000", "1.5 million", "at least 14".
    WORDED = "worded"
    #: A number given as data: ``30000``, a JSON number, a numeric table cell, ``"30000"``.
    DATUM = "datum"
    #: A datum declared rounded by whoever gave it (a reader told the table is rounded).
    ROUNDED = "rounded"


# A text that is a bare numeral, as data is written: no words, no group separators, no hedge.
_NUMERAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def provenance_of(text: str) -> Provenance:
    """The provenance of a figure written as ``text``: a datum when it is empty or a bare numeral, else worded.

    >>> provenance_of("30,000"), provenance_of("30000"), provenance_of("")
    (<Provenance.WORDED: 'worded'>, <Provenance.DATUM: 'datum'>, <Provenance.DATUM: 'datum'>)
    """
    if not text or _NUMERAL.fullmatch(text.strip()):
        return Provenance.DATUM
    return Provenance.WORDED


def _to_float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidEstimateError("value", value, "must be a number")
    return exact_float(value)


def band(value: float, half_width: float) -> tuple[float, float]:
    """``value - half_width`` and ``value + half_width``, refused when a finite figure's band would reach infinity.

    >>> band(70.0, 7.0)
    (63.0, 77.0)
    >>> band(1.7e308, 1.7e307)
    Traceback (most recent call last):
    ...
    claimdiff.exceptions.InvalidEstimateError: 'point' is too close to the float limit (1.8e308): its band reaches beyond it (got 1.7e+308).
    """
    low, high = value - half_width, value + half_width
    if not (math.isfinite(low) and math.isfinite(high)):
        raise InvalidEstimateError(
            "point", value, "is too close to the float limit (1.8e308): its band reaches beyond it"
        )
    return low, high


def _check_types(inst: Estimate, unit: Any, hedge: Any, text: Any) -> None:
    """Raise what attrs' ``instance_of`` validators raise for a unit, hedge or text of the wrong type."""
    fields = attrs.fields(Estimate)
    attrs.validators.instance_of(str)(inst, fields.unit, unit)
    attrs.validators.instance_of(Hedge)(inst, fields.hedge, hedge)
    attrs.validators.instance_of(str)(inst, fields.text, text)


_band = band  # ``Estimate.about`` has an argument named ``band``


@attrs.frozen(kw_only=True, init=False)
class Estimate:
    """A hedged figure: the interval of values it allows, plus how it was said.

    A reported figure is an interval, not a number. ``low`` and ``high`` bound
    it (``-inf``/``inf`` when a side is unbounded); ``low_closed`` and
    ``high_closed`` say whether each bound itself is allowed ("over 100" is
    ``(100, inf)``); ``point`` is the single figure the source gave, if it gave
    one ("some 70" has point 70 inside a band); ``unit`` is a pint unit
    expression or ``""`` for a plain count; ``hedge`` and ``text`` keep the
    original wording, which claimdiff never throws away; ``provenance`` says
    whether the figure was worded or given as data (by default, from ``text``:
    a datum when it is empty or a bare numeral, else worded), which decides the precision it is taken to have.

    Build one with the named constructors, which read like the mathematics:

    >>> Estimate.exact(14)
    Estimate.exact(14)
    >>> Estimate.at_least(14).contains(20)
    True
    >>> Estimate.more_than(100).contains(100)
    False
    >>> Estimate.between(10, 20, unit="km").high
    20.0

    or parse the English hedge with :func:`claimdiff.hedges.parse_estimate`.

    Raises:
        InvalidEstimateError: NaN or infinite figures, ``low > high``, an empty
            interval, or a point outside the bounds.
    """

    low: float = -_INF
    high: float = _INF
    low_closed: bool = True
    high_closed: bool = True
    point: float | None = None
    unit: str = ""
    hedge: Hedge = Hedge.RANGE
    text: str = ""
    provenance: Provenance = Provenance.DATUM
    _description: str | None = attrs.field(init=False, repr=False, eq=False, default=None)
    # Bounds in the canonical unit, worked out once by the first claim that holds this estimate.
    _derived: Any = attrs.field(init=False, repr=False, eq=False, default=None)

    def __init__(
        self,
        *,
        low: float = -_INF,
        high: float = _INF,
        low_closed: bool = True,
        high_closed: bool = True,
        point: float | None = None,
        unit: str = "",
        hedge: Hedge = Hedge.RANGE,
        text: str = "",
        provenance: Provenance | None = None,
    ) -> None:
        # One pass: numbers converted to float unless they are floats already, then every check in turn.
        if type(low) is not float:
            low = _to_float(low)
        if type(high) is not float:
            high = _to_float(high)
        if point is not None and type(point) is not float:
            point = _to_float(point)
        if low != low:  # noqa: PLR0124 - NaN
            raise InvalidEstimateError("low", low, "must be a number, not NaN")
        if high != high:  # noqa: PLR0124 - NaN
            raise InvalidEstimateError("high", high, "must be a number, not NaN")
        if point is not None and not math.isfinite(point):
            raise InvalidEstimateError("point", point, "must be a finite number")
        if type(unit) is not str or type(hedge) is not Hedge or type(text) is not str:
            _check_types(self, unit, hedge, text)
        if provenance is None:
            provenance = provenance_of(text)
        elif type(provenance) is not Provenance:
            attrs.validators.instance_of(Provenance)(
                self, attrs.fields(Estimate).provenance, provenance
            )
        if low == _INF:
            raise InvalidEstimateError("low", low, "must not be +inf")
        if high == -_INF:
            raise InvalidEstimateError("high", high, "must not be -inf")
        # An infinite bound is never attained: normalise it to open so equal intervals compare equal.
        if low == -_INF:
            low_closed = False
        if high == _INF:
            high_closed = False
        set_ = object.__setattr__
        set_(self, "low", low)
        set_(self, "high", high)
        set_(self, "low_closed", low_closed)
        set_(self, "high_closed", high_closed)
        set_(self, "point", point)
        set_(self, "unit", unit)
        set_(self, "hedge", hedge)
        set_(self, "text", text)
        set_(self, "provenance", provenance)
        set_(self, "_description", None)
        set_(self, "_derived", None)
        if low > high:
            raise InvalidEstimateError("low", low, f"must be <= 'high', {high:g}")
        if low == high and not (low_closed and high_closed):
            raise InvalidEstimateError(
                "low", low, "equals 'high' with an open bound: the interval is empty"
            )
        if point is not None and not self.contains(point):
            raise InvalidEstimateError("point", point, f"must lie within {self.interval_text()}")

    # -- constructors named after the mathematics ---------------------------------------------

    @classmethod
    def exact(
        cls, value: float, *, unit: str = "", text: str = "", provenance: Provenance | None = None
    ) -> Estimate:
        """A figure stated without hedge: the closed interval ``[value, value]``.

        Every constructor takes ``provenance``; by default it follows ``text`` (a bare numeral is a datum):

        >>> Estimate.exact(30_000).provenance, Estimate.exact(30_000, text="30,000").provenance
        (<Provenance.DATUM: 'datum'>, <Provenance.WORDED: 'worded'>)
        """
        v = _to_float(value)
        return cls(
            low=v, high=v, point=v, unit=unit, hedge=Hedge.EXACT, text=text, provenance=provenance
        )

    @classmethod
    def at_least(
        cls, value: float, *, unit: str = "", text: str = "", provenance: Provenance | None = None
    ) -> Estimate:
        """The estimate of "at least 14": ``[value, inf)``."""
        v = _to_float(value)
        return cls(low=v, point=v, unit=unit, hedge=Hedge.LOWER, text=text, provenance=provenance)

    @classmethod
    def more_than(
        cls, value: float, *, unit: str = "", text: str = "", provenance: Provenance | None = None
    ) -> Estimate:
        """The estimate of "over 100", "more than 100": ``(value, inf)`` (for counts, ``[value + 1, inf)``)."""
        return cls(
            low=_to_float(value),
            low_closed=False,
            unit=unit,
            hedge=Hedge.LOWER,
            text=text,
            provenance=provenance,
        )

    @classmethod
    def at_most(
        cls, value: float, *, unit: str = "", text: str = "", provenance: Provenance | None = None
    ) -> Estimate:
        """The estimate of "up to 158", "as many as", "no more than": ``(-inf, value]``."""
        v = _to_float(value)
        return cls(high=v, point=v, unit=unit, hedge=Hedge.UPPER, text=text, provenance=provenance)

    @classmethod
    def less_than(
        cls, value: float, *, unit: str = "", text: str = "", provenance: Provenance | None = None
    ) -> Estimate:
        """The estimate of "fewer than", "under": ``(-inf, value)``."""
        return cls(
            high=_to_float(value),
            high_closed=False,
            unit=unit,
            hedge=Hedge.UPPER,
            text=text,
            provenance=provenance,
        )

    @classmethod
    def between(
        cls,
        low: float,
        high: float,
        *,
        unit: str = "",
        text: str = "",
        provenance: Provenance | None = None,
    ) -> Estimate:
        """The estimate of "between 10 and 20", "10-20": ``[low, high]``."""
        return cls(
            low=low, high=high, unit=unit, hedge=Hedge.RANGE, text=text, provenance=provenance
        )

    @classmethod
    def about(
        cls,
        value: float,
        *,
        band: float = 0.1,
        minimum: float = 1.0,
        unit: str = "",
        text: str = "",
        provenance: Provenance | None = None,
    ) -> Estimate:
        """The estimate of "some 70", "about", "roughly": ``[value - d, value + d]``.

        ``d`` is ``band * |value|`` but at least ``minimum``, so "about 5" still
        allows 4 and 6.
        """
        v = _to_float(value)
        low, high = _band(v, max(abs(v) * band, minimum))
        return cls(
            low=low,
            high=high,
            point=v,
            unit=unit,
            hedge=Hedge.APPROXIMATE,
            text=text,
            provenance=provenance,
        )

    # -- queries ------------------------------------------------------------------------------

    def contains(self, value: float) -> bool:
        """True when ``value`` is allowed by this figure."""
        if value < self.low or value > self.high:
            return False
        if value == self.low and not self.low_closed:
            return False
        return not (value == self.high and not self.high_closed)

    @property
    def is_bounded(self) -> bool:
        """True when both bounds are finite."""
        return math.isfinite(self.low) and math.isfinite(self.high)

    def interval_text(self) -> str:
        """The interval in mathematical notation, e.g. ``[14, inf)``."""
        left = "[" if self.low_closed else "("
        right = "]" if self.high_closed else ")"
        return f"{left}{format_number(self.low)}, {format_number(self.high)}{right}"

    def describe(self) -> str:
        """The figure as a person would say it: the original text if kept, else the interval.

        A range with a best figure keeps the best:

        >>> Estimate(low=1500, high=1900, point=1700).describe()
        '1700 (1500 to 1900)'
        """
        if self.text:
            return self.text
        if self._description is None:
            object.__setattr__(self, "_description", _describe(self))
        return self._description  # type: ignore[return-value]

    def __repr__(self) -> str:
        inferred = self.provenance is provenance_of(self.text)
        if self.hedge is Hedge.EXACT and self.point is not None and not self.text and inferred:
            extra = f", unit={self.unit!r}" if self.unit else ""
            return f"Estimate.exact({format_number(self.point)}{extra})"
        fields = [
            f"low={format_number(self.low)}",
            f"high={format_number(self.high)}",
        ]
        if not self.low_closed and math.isfinite(self.low):
            fields.append("low_closed=False")
        if not self.high_closed and math.isfinite(self.high):
            fields.append("high_closed=False")
        if self.point is not None:
            fields.append(f"point={format_number(self.point)}")
        if self.unit:
            fields.append(f"unit={self.unit!r}")
        fields.append(f"hedge=Hedge.{self.hedge.name}")
        if self.text:
            fields.append(f"text={self.text!r}")
        if not inferred:
            fields.append(f"provenance=Provenance.{self.provenance.name}")
        return f"Estimate({', '.join(fields)})"


def _describe(e: Estimate) -> str:
    unit = f" {e.unit}" if e.unit else ""
    if e.hedge is Hedge.EXACT and e.point is not None:
        return f"{format_number(e.point)}{unit}"
    if math.isfinite(e.low) and not math.isfinite(e.high):
        word = "at least" if e.low_closed else "more than"
        return f"{word} {format_number(e.low)}{unit}"
    if math.isfinite(e.high) and not math.isfinite(e.low):
        word = "at most" if e.high_closed else "fewer than"
        return f"{word} {format_number(e.high)}{unit}"
    if e.is_bounded:
        if e.point is not None:  # a range with a best figure keeps it: "1700 (1500 to 1900)"
            about = "about " if e.hedge is Hedge.APPROXIMATE else ""
            return f"{about}{format_number(e.point)}{unit} ({format_number(e.low)} to {format_number(e.high)})"
        return f"{format_number(e.low)} to {format_number(e.high)}{unit}"
    return f"any value{unit}"
