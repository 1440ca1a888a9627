"""Intervals as four plain values (low, low closed, high, high closed): the core's arithmetic on figures.

:func:`above` and :func:`meet` are written with ``&``, ``|`` and ``^`` only, so the same definition answers
for one interval of floats and for a whole column of them (numpy arrays, as the columns pass them).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

__all__ = ["Iv", "above", "intersect", "meet"]

_INF = math.inf

#: An interval: low, whether low is allowed, high, whether high is allowed.
Iv = tuple[float, bool, float, bool]


def above(a_low: Any, a_lc: Any, b_high: Any, b_hc: Any) -> Any:
    """True when every value from ``a_low`` up lies above every value up to ``b_high``.

    Elementwise on numpy arrays.

    >>> above(15.0, True, 14.0, True), above(14.0, True, 14.0, True), above(14.0, False, 14.0, True)
    (True, False, True)
    """
    return (a_low > b_high) | ((a_low == b_high) & ((a_lc & b_hc) ^ True))


def meet(low: Any, low_open: Any, high: Any, high_open: Any) -> tuple[Any, Any, Any, Any, Any]:
    """The intersection of intervals from its extreme bounds: low, closed, high, closed, and whether it is not empty.

    ``low`` is the largest low, ``low_open`` whether some interval excludes it (``high``, ``high_open`` the
    same at the top). A bound is closed when finite and every interval at it allows it. Elementwise on numpy
    arrays (one intersection per group: :func:`claimdiff._core.columns.segment_intersect`).

    >>> meet(5.0, True, 10.0, False)
    (5.0, False, 10.0, True, True)
    >>> meet(-math.inf, False, 3.0, True)[1], meet(3.0, False, 3.0, True)[4]
    (False, False)
    """
    lc = (low_open ^ True) & (low > -_INF)
    hc = (high_open ^ True) & (high < _INF)
    return low, lc, high, hc, above(low, lc, high, hc) ^ True


def intersect(ivs: Iterable[Iv]) -> Iv | None:
    """The values every interval allows, or ``None`` when there are none.

    >>> intersect([(0.0, True, 10.0, True), (5.0, False, 20.0, True)])
    (5.0, False, 10.0, True)
    """
    low, low_open, high, high_open = -_INF, False, _INF, False
    for lo, lo_c, hi, hi_c in ivs:
        if lo > low:
            low, low_open = lo, not lo_c
        elif lo == low and not lo_c:
            low_open = True
        if hi < high:
            high, high_open = hi, not hi_c
        elif hi == high and not hi_c:
            high_open = True
    low, lc, high, hc, ok = meet(low, low_open, high, high_open)
    return (low, lc, high, hc) if ok else None
