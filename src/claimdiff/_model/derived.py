"""What a claim derives from its figure, worked out once per distinct figure and shared.

Every :class:`~claimdiff.Claim` holds its figure's bounds in the canonical unit, tightened to whole
numbers for counts, and the one number that stands for it. These depend on the estimate alone, so
they are computed the first time an estimate is used and kept on it: a file or a data set repeats
the same few thousand figures over millions of claims.

Equal estimates and equal relay chains are also *shared* between claims: a claim built with a new
estimate equal to one seen before holds the one seen before (a bounded table, cleared when full,
never changes what any claim means: only which of two equal frozen objects it holds). Memory per
claim is what ``reconcile`` at a million claims must fit in.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from claimdiff._model.estimate import Estimate, Hedge
from claimdiff._model.units import UnitInfo, unit_info
from claimdiff.exceptions import InvalidClaimError, InvalidUnitError

if TYPE_CHECKING:
    from claimdiff._model.claim import Source

__all__ = ["Derived", "count_unit_problem", "derive", "shared_chain", "shared_estimate"]

#: ``(low, high, low_closed, high_closed, figure, unit_info, is_count)`` of an estimate, in its canonical unit.
Derived = tuple[float, float, bool, bool, float | None, UnitInfo, bool]

# From 2**53 on floats skip whole numbers: "more than 2**53" would allow 2**53 itself.
_EXACT_COUNTS = 2.0**53
# How many distinct estimates and chains are kept for sharing before the tables start again.
_SHARED_MAX = 1 << 16
_estimates: dict[Estimate, Estimate] = {}
_chains: dict[tuple[int, ...], tuple[Source, ...]] = {}


def shared_estimate(e: Estimate) -> Estimate:
    """``e``, or an equal estimate already in use (which then carries its derived bounds already).

    >>> a, b = Estimate.at_least(14), Estimate.at_least(14)
    >>> shared_estimate(a) is shared_estimate(b)
    True
    """
    found = _estimates.get(e)
    if found is not None:
        known = found._derived  # noqa: SLF001 - the cache this module keeps
        if known is not None:
            object.__setattr__(e, "_derived", known)  # the next claim given ``e`` looks nothing up
        return found
    if len(_estimates) >= _SHARED_MAX:
        _estimates.clear()
    _estimates[e] = e
    return e


def shared_chain(via: tuple[Source, ...]) -> tuple[Source, ...]:
    """``via``, or a tuple of the very same sources already in use: one relay tuple per distinct chain.

    Chains are matched by the identity of their sources (files and data sets share their source
    objects), which costs no hashing of the sources themselves. The table holds the tuples it
    shares, so the identities it is keyed by stay valid.
    """
    if not via:
        return ()
    key = tuple(map(id, via))
    found = _chains.get(key)
    if found is not None:
        return found
    if len(_chains) >= _SHARED_MAX:
        _chains.clear()
    _chains[key] = via
    return via


def count_unit_problem(info: UnitInfo, counted: str | None) -> str | None:
    """Why a figure in this unit cannot count ``counted``, or ``None`` when it can: a count takes no unit.

    The one rule for claims built in Python and read from files: "1.2 m" of people is refused, never
    compared as a length.

    >>> print(count_unit_problem(unit_info("m"), "people"))
    is in 'm' ([length]), but the claim counts 'people': a count takes no unit
    >>> count_unit_problem(unit_info(""), "people") is None, count_unit_problem(unit_info("km"), None) is None
    (True, True)
    """
    if counted is None or info.is_count:
        return None
    return f"is in {info.unit!r} ({info.dimension}), but the claim counts {counted!r}: a count takes no unit"


def derive(e: Estimate, claim_id: str, counted: str | None) -> Derived:
    """The bounds, closedness and figure of ``e`` in its canonical unit, checked for a claim.

    For counts, open bounds are tightened to whole numbers (``more than 100`` is ``[101, inf)``).
    The result depends on ``e`` alone and is kept on it; the checks name ``claim_id``.

    >>> derive(Estimate.more_than(100), "a", "people")[:4]
    (101.0, inf, True, False)

    Raises:
        InvalidClaimError: The unit is unknown; a count says nothing of what it counts; what is
            counted is given for a figure in a unit (see :func:`count_unit_problem`); the
            figure is a negative count, allows no whole number, has an open bound at 2**53 or more,
            or a finite figure that converting to the canonical unit would make infinite.
    """
    found: Derived | None = e._derived  # noqa: SLF001 - the cache this module keeps
    if found is not None:
        if counted is None and found[6]:
            raise InvalidClaimError(
                claim_id, "counted", None, "is required for a count (people, drones, homes...)"
            )
        if counted is not None and not found[6]:
            _check_count_unit(found[5], counted, claim_id, e)
        return found
    try:
        info = unit_info(e.unit)
    except InvalidUnitError as exc:
        raise InvalidClaimError(claim_id, "unit", e.unit, exc.reason) from exc
    _check_count_unit(info, counted, claim_id, e)
    low = _canonical(info, e.low)
    high = _canonical(info, e.high)
    lc, hc = e.low_closed, e.high_closed
    point = None if e.point is None else _canonical(info, e.point)
    pairs = ((e.low, low), (e.high, high), (e.point, point))
    if any(
        given is not None
        and converted is not None
        and math.isfinite(given)
        and not math.isfinite(converted)
        for given, converted in pairs
    ):  # rounding "1.797...e308 m" to 15 digits, or km to m, can overflow
        raise InvalidClaimError(
            claim_id,
            "estimate",
            e.describe(),
            "is beyond the largest figure claimdiff can hold "
            f"(about 1.8e308) once converted to {info.canonical or 'its base unit'}",
        )
    if info.is_count:
        if counted is None:
            raise InvalidClaimError(
                claim_id, "counted", None, "is required for a count (people, drones, homes...)"
            )
        # An approximation's band may reach below zero ("about 0"); a stated negative figure may not.
        stated_low_negative = (
            math.isfinite(e.low) and e.low < 0 and e.hedge is not Hedge.APPROXIMATE
        )
        if stated_low_negative or (point is not None and point < 0) or e.high < 0:
            raise InvalidClaimError(claim_id, "estimate", e.describe(), "is a negative count")
        # Refuse an open bound from 2**53 on rather than compare inexactly (a closed one is a whole float, exact).
        if any(
            math.isfinite(v) and abs(v) >= _EXACT_COUNTS and not closed
            for v, closed in ((e.low, e.low_closed), (e.high, e.high_closed))
        ):
            raise InvalidClaimError(
                claim_id,
                "estimate",
                e.describe(),
                "has an open bound at 2**53 (9,007,199,254,740,992) or more, which "
                "floats cannot tighten to the next whole number",
            )
        # A count is a whole number >= 0: tighten the interval to the integers it allows.
        low = max(0.0, _ceil_bound(low, lc))
        high = _floor_bound(high, hc) if math.isfinite(high) else high
        lc, hc = True, math.isfinite(high)
        if low > high:
            raise InvalidClaimError(claim_id, "estimate", e.describe(), "allows no whole number")
    out: Derived = (low, high, lc, hc, _figure(point, low, high, e.hedge), info, info.is_count)
    object.__setattr__(e, "_derived", out)
    return out


def _check_count_unit(info: UnitInfo, counted: str | None, claim_id: str, e: Estimate) -> None:
    problem = count_unit_problem(info, counted)
    if problem is not None:
        raise InvalidClaimError(claim_id, "estimate", e.describe(), problem)


def _canonical(info: UnitInfo, value: float) -> float:
    """``value`` in the canonical unit, to 15 significant digits when it was converted.

    A conversion's float rounding must not decide a verdict: 7 miles and 11.265408 km are the same
    11265.408 m, and 1 ft and 30.48 cm the same 0.3048 m, to the last bit.
    """
    if not math.isfinite(value) or (info.factor == 1.0 and info.offset == 0.0):
        return value
    return float(f"{info.to_canonical(value):.15g}")


# A bound that is already whole and closed is returned as it is (the same float object, shared with the
# estimate); ``or 0.0`` turns -0.0 into 0.0 as float(math.ceil(-0.0)) would.
def _ceil_bound(v: float, closed: bool) -> float:
    if not math.isfinite(v):
        return v
    c = math.ceil(v)
    if c == v:
        return (v or 0.0) if closed else c + 1.0
    return float(c)


def _floor_bound(v: float, closed: bool) -> float:
    f = math.floor(v)
    if f == v:
        return (v or 0.0) if closed else f - 1.0
    return float(f)


def _figure(point: float | None, low: float, high: float, hedge: Hedge) -> float | None:
    """The one number that stands for a claim: its point, else a finite bound, else the middle."""
    if point is not None and low <= point <= high:
        return point
    finite_low, finite_high = math.isfinite(low), math.isfinite(high)
    if finite_low and finite_high:
        return low if hedge is Hedge.VAGUE else (low + high) / 2
    if finite_low:
        return low
    if finite_high:
        return high
    return None
