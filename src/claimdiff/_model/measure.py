"""Canonical figures that refuse to mix different things."""

from __future__ import annotations

import attrs

from claimdiff._model.numbers import format_number
from claimdiff._model.units import COUNT
from claimdiff.exceptions import IncomparableError

__all__ = ["Measure"]


@attrs.frozen(kw_only=True)
class Measure:
    """A figure in its canonical unit, tagged with its dimension and what it counts.

    Measures of the same thing compare and add with interval arithmetic; measures
    of different things raise :class:`~claimdiff.exceptions.IncomparableError` instead of
    quietly adding drones to missiles:

    >>> drones = Measure(low=32, high=32, dimension="count", counted="drones")
    >>> missiles = Measure(low=13, high=13, dimension="count", counted="missiles")
    >>> (drones + drones).low
    64.0
    >>> drones + missiles
    Traceback (most recent call last):
    ...
    claimdiff.exceptions.IncomparableError: cannot compare 32 drones with 13 missiles: counts of different things.

    Attributes:
        low: Lower bound in the canonical unit.
        high: Upper bound in the canonical unit.
        low_closed: Whether ``low`` itself is allowed.
        high_closed: Whether ``high`` itself is allowed.
        dimension: ``"count"`` or a pint dimensionality such as ``"[length]"``.
        counted: What is counted, for counts.
        unit: Name of the canonical unit (``""`` for counts).
    """

    low: float = attrs.field(converter=float)
    high: float = attrs.field(converter=float)
    low_closed: bool = True
    high_closed: bool = True
    dimension: str = COUNT
    counted: str | None = None
    unit: str = ""

    def describe(self) -> str:
        """``"32 drones"``, ``"[10, 20] km"``."""
        what = f" {self.counted}" if self.counted else (f" {self.unit}" if self.unit else "")
        if self.low == self.high:
            return f"{format_number(self.low)}{what}"
        left = "[" if self.low_closed else "("
        right = "]" if self.high_closed else ")"
        return f"{left}{format_number(self.low)}, {format_number(self.high)}{right}{what}"

    def check_comparable(self, other: Measure) -> None:
        """Raise :class:`~claimdiff.exceptions.IncomparableError` unless ``other`` measures the same kind of thing."""
        if self.dimension != other.dimension:
            raise IncomparableError(
                self.describe(),
                other.describe(),
                f"different dimensions ({self.dimension} and {other.dimension})",
            )
        if self.dimension == COUNT and self.counted != other.counted:
            raise IncomparableError(self.describe(), other.describe(), "counts of different things")

    def __add__(self, other: object) -> Measure:
        if not isinstance(other, Measure):
            return NotImplemented
        self.check_comparable(other)
        return attrs.evolve(
            self,
            low=self.low + other.low,
            high=self.high + other.high,
            low_closed=self.low_closed and other.low_closed,
            high_closed=self.high_closed and other.high_closed,
        )

    def overlaps(self, other: Measure) -> bool:
        """True when some value is allowed by both (raises if they are incomparable)."""
        self.check_comparable(other)
        if self.low > other.high or other.low > self.high:
            return False
        if self.low == other.high and not (self.low_closed and other.high_closed):
            return False
        return not (other.low == self.high and not (other.low_closed and self.high_closed))
