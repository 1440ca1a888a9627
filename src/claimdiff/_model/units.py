"""claimdiff's unit registry: pint at the edges, plain floats inside.

pint is imported and its registry built only the first time a unit other than
a plain count is converted, so ``import claimdiff`` stays fast. Each distinct
unit string is resolved once into an affine map to its canonical (SI base)
unit; after that a conversion is one multiply and one add on floats.

Counts are not pint's "dimensionless": a plain count (unit ``""`` or
``"count"``) gets the dimension ``"count"``, distinct from pint's
dimensionless units such as percent or radian, and what is counted is kept
beside the number by :class:`claimdiff.Claim` so that drones are never added
to missiles.
"""

from __future__ import annotations

import functools
import math
import threading
from typing import TYPE_CHECKING, Any

import attrs

from claimdiff.exceptions import InvalidUnitError

if TYPE_CHECKING:
    import pint

__all__ = ["COUNT", "MAX_UNIT_CHARS", "UnitInfo", "registry", "unit_info"]

#: Dimension of a plain count of things.
COUNT = "count"

#: The longest unit text handed to pint. pint's parser costs time and memory that grow with the square of
#: its input, and no unit claimdiff reads needs more ("kilometre per hour" is 18 characters).
MAX_UNIT_CHARS = 64
#: The largest power a unit may raise a dimension to (``m**3`` is fine, ``m**1e400`` is not a unit).
_MAX_EXPONENT = 12

_COUNT_SPELLINGS = frozenset({"", "count", "counts", "number", "1"})

# The units news reports use, as pint resolves them (dimension, canonical unit, factor), so that reading a
# claims file with these units never builds pint's registry (half of `claimdiff check` on the seed). A test
# checks every entry against pint itself.
_LENGTH, _AREA, _VOLUME, _MASS, _TIME = (
    "[length]",
    "[length] ** 2",
    "[length] ** 3",
    "[mass]",
    "[time]",
)
_COMMON: dict[str, tuple[str, str, float]] = {
    **dict.fromkeys(("kilometer", "km"), (_LENGTH, "meter", 1000.0)),
    **dict.fromkeys(("meter", "m"), (_LENGTH, "meter", 1.0)),
    **dict.fromkeys(("centimeter", "cm"), (_LENGTH, "meter", 0.01)),
    **dict.fromkeys(("mile", "mi"), (_LENGTH, "meter", 1609.344)),
    **dict.fromkeys(("foot", "ft"), (_LENGTH, "meter", 0.30479999999999996)),
    "inch": (_LENGTH, "meter", 0.0254),
    **dict.fromkeys(("hectare", "ha"), (_AREA, "meter ** 2", 10000.0)),
    "km**2": (_AREA, "meter ** 2", 1000000.0),
    "liter": (_VOLUME, "meter ** 3", 0.0010000000000000002),
    **dict.fromkeys(("tonne", "t"), (_MASS, "kilogram", 1000.0)),
    **dict.fromkeys(("kilogram", "kg"), (_MASS, "kilogram", 1.0)),
    "second": (_TIME, "second", 1.0),
    "minute": (_TIME, "second", 60.0),
    "hour": (_TIME, "second", 3600.0),
    "day": (_TIME, "second", 86400.0),
    "week": (_TIME, "second", 604800.0),
    "month": (_TIME, "second", 2629800.0),
    **dict.fromkeys(("year", "years"), (_TIME, "second", 31557600.0)),
    "percent": ("dimensionless", "", 0.01),
}

# Words that name counted things, never units: a figure such as "12 adults and two children" is told from
# "12 km" without asking pint (which would read the words as a product of unknown units).
_COUNTED_WORDS = frozenset(
    {
        "adults",
        "and",
        "children",
        "child",
        "people",
        "persons",
        "civilians",
        "soldiers",
        "troops",
        "men",
        "women",
        "drones",
        "missiles",
        "rockets",
        "shells",
        "homes",
        "houses",
        "buildings",
        "vehicles",
        "tanks",
        "aircraft",
        "including",
        "of",
        "whom",
        "killed",
        "injured",
        "wounded",
        "dead",
    }
)

_lock = threading.Lock()
_registry: pint.UnitRegistry[Any] | None = None


def registry() -> pint.UnitRegistry[Any]:
    """Return claimdiff's own pint registry, building it on first use.

    claimdiff never touches pint's application registry: this registry is
    private to claimdiff, so a user's registry settings cannot change how
    claims are compared.
    """
    global _registry  # noqa: PLW0603 - a lazily built, never reassigned cache
    if _registry is None:
        with _lock:
            if _registry is None:
                import pint  # noqa: PLC0415 - deferred: importing pint costs ~0.2 s

                _registry = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    return _registry


@attrs.frozen
class UnitInfo:
    """How one unit maps to its canonical unit: ``canonical = value * factor + offset``.

    Attributes:
        unit: The unit as written (normalised spelling).
        dimension: Dimension key, e.g. ``"[length]"``; ``"count"`` for plain counts.
        canonical: Name of the canonical unit (SI base units), ``""`` for counts.
        factor: Multiplier to the canonical unit.
        offset: Offset to the canonical unit (non-zero only for units such as degC).
    """

    unit: str
    dimension: str
    canonical: str
    factor: float
    offset: float = 0.0

    def to_canonical(self, value: float) -> float:
        """Convert a magnitude in this unit to the canonical unit."""
        return value * self.factor + self.offset

    def from_canonical(self, value: float) -> float:
        """Convert a magnitude in the canonical unit back to this unit."""
        return (value - self.offset) / self.factor

    @property
    def is_count(self) -> bool:
        """True for a plain count of things."""
        return self.dimension == COUNT


_COUNT_INFO = UnitInfo(unit="", dimension=COUNT, canonical="", factor=1.0)


@functools.lru_cache(maxsize=1024)
def unit_info(unit: str) -> UnitInfo:
    """Resolve a unit string once into its :class:`UnitInfo`.

    Args:
        unit: A pint unit expression (``"km"``, ``"mile"``, ``"tonne"``), or
            ``""``/``"count"`` for a plain count.

    Raises:
        InvalidUnitError: The unit is unknown, or it does not convert by an
            affine map (logarithmic units such as decibels).
    """
    text = unit.strip()
    if len(text) > MAX_UNIT_CHARS:
        raise InvalidUnitError(
            text[:40] + "...",
            f"is {len(text):,} characters long, longer than any unit ({MAX_UNIT_CHARS} at most)",
        )
    if text.lower() in _COUNT_SPELLINGS:
        return _COUNT_INFO
    known = _COMMON.get(text)
    if known is not None:
        return UnitInfo(unit=text, dimension=known[0], canonical=known[1], factor=known[2])
    if any(word in _COUNTED_WORDS for word in text.lower().split()):
        raise InvalidUnitError(unit, "names what is counted, not a unit")
    reg = registry()
    import pint  # noqa: PLC0415 - already imported by registry()

    try:
        parsed = reg.parse_units(text)
    except (
        pint.errors.UndefinedUnitError,
        AttributeError,
        ValueError,
        TypeError,
        AssertionError,
    ) as e:
        raise InvalidUnitError(unit, "not a unit claimdiff knows") from e
    except Exception as e:  # pint's parser raises several unrelated types on garbage
        raise InvalidUnitError(unit, f"cannot be parsed ({type(e).__name__})") from e
    try:
        zero = reg.Quantity(0.0, parsed).to_base_units()
        one = reg.Quantity(1.0, parsed).to_base_units()
        two = reg.Quantity(2.0, parsed).to_base_units()
    except Exception as e:
        raise InvalidUnitError(unit, "cannot be converted to base units") from e
    offset = float(zero.magnitude)
    factor = float(one.magnitude) - offset
    if (
        not math.isfinite(factor)
        or factor == 0
        or not math.isclose(float(two.magnitude), 2 * factor + offset, rel_tol=1e-9, abs_tol=1e-12)
    ):
        raise InvalidUnitError(unit, "does not convert linearly; claimdiff cannot compare it")
    dims = one.dimensionality
    if not all(math.isfinite(p) and abs(p) <= _MAX_EXPONENT for p in map(float, dims.values())):  # type: ignore[arg-type, unused-ignore]
        raise InvalidUnitError(unit, f"raises a dimension to a power beyond {_MAX_EXPONENT}")
    dimension = str(dims) if dims else "dimensionless"
    return UnitInfo(
        unit=text,
        dimension=dimension,
        canonical=str(one.units) if dims else "",
        factor=factor,
        offset=offset,
    )
