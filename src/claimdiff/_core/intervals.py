"""Intervals as four plain values (low, low closed, high, high closed): the core's arithmetic on figures."""

from __future__ import annotations

import math
from collections.abc import Iterable

__all__ = ["Iv", "above", "intersect"]

_INF = math.inf

#: An interval: low, whether low is allowed, high, whether high is allowed.
Iv = tuple[float, bool, float, bool]


def above(a_low: float, a_lc: bool, b_high: float, b_hc: bool) -> bool:
    """True when every value from ``a_low`` up lies above every value up to ``b_high``.

    >>> above(15.0, True, 14.0, True), above(14.0, True, 14.0, True), above(14.0, False, 14.0, True)
    (True, False, True)
    """
    return a_low > b_high or (a_low == b_high and not (a_lc and b_hc))


def intersect(ivs: Iterable[Iv]) -> Iv | None:
    """The values every interval allows, or ``None`` when there are none.

    >>> intersect([(0.0, True, 10.0, True), (5.0, False, 20.0, True)])
    (5.0, False, 10.0, True)
    """
    low, lc, high, hc = -_INF, False, _INF, False
    for lo, lo_c, hi, hi_c in ivs:
        if lo > low:
            low, lc = lo, lo_c
        elif lo == low:
            lc = lc and lo_c
        if hi < high:
            high, hc = hi, hi_c
        elif hi == high:
            hc = hc and hi_c
    if low > high or (low == high and not (lc and hc)):
        return None
    return low, lc, high, hc
