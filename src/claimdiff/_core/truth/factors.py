"""Factors between units that are mixed up in practice, and the units a factor betrays."""

from __future__ import annotations

import math

__all__ = ["KNOWN_FACTORS", "likely_units"]

#: Factors between units that are mixed up in practice: (factor, unit written, unit meant).
#: A source whose figures are ``factor`` times the truth writes the first unit where the
#: others write the second.
KNOWN_FACTORS: tuple[tuple[float, str, str], ...] = (
    (33.8639, "hPa", "inHg"),
    (25.4, "mmHg", "inHg"),
    (1.33322, "hPa", "mmHg"),
    (1.60934, "km", "mi"),
    (1.852, "km", "nmi"),
    (3.28084, "ft", "m"),
    (2.20462, "lb", "kg"),
    (3.6, "km/h", "m/s"),
    (2.23694, "mph", "m/s"),
    (1.8, "°F (difference)", "°C (difference)"),
    (60.0, "minutes", "hours"),
    (1000.0, "units", "thousands"),
    (1e6, "units", "millions"),
    (100.0, "percent", "fraction"),
)


def likely_units(factor: float, tolerance: float = 0.02) -> tuple[str, str] | None:
    """The pair (unit written, unit meant) a factor betrays, if it is a known one.

    >>> likely_units(33.9)
    ('hPa', 'inHg')
    >>> likely_units(1 / 1.609)
    ('mi', 'km')
    >>> likely_units(7.0) is None
    True
    """
    for f, written, meant in KNOWN_FACTORS:
        if abs(math.log(factor / f)) <= tolerance:
            return written, meant
        if abs(math.log(factor * f)) <= tolerance:
            return meant, written
    return None
