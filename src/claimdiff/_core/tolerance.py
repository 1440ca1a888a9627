"""How close two figures must be to agree: the precision their wording implies, and a tolerance beyond it.

A figure is never more exact than the way it was written. "20 miles" is a figure to the mile, "1.5
million" to the hundred thousand, "17,879,000" to the thousand: each allows half a step either side of
what it says. A number given as data (a Python number, a JSON number, a numeric table cell) is exact,
unless the policy or its reader declares the data rounded. :class:`Precision` reads the step from the
figure's wording and provenance (see :class:`~claimdiff.hedges.Provenance`) and :class:`Tolerance` adds an allowance on top, absolute and relative, per metric where it
matters. Claims are compared on their *widened* intervals: within the widening they agree; beyond it they
disagree, and :class:`Grading` says how badly.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from claimdiff._model.estimate import Estimate, Hedge, Provenance

__all__ = ["Grading", "Precision", "Tolerance", "relative_gap"]

# The first written number of a figure: digits with optional thousands separators (comma, space, thin or
# no-break space) and optional decimals.
_WRITTEN = re.compile(r"(?<![\d.])(\d{1,3}(?:[,\u00a0\u2009\u202f ]\d{3})+|\d+)(?:\.(\d+))?")
_SEPARATORS = str.maketrans("", "", ",\u00a0\u2009\u202f ")


def _steps(m: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType(dict(m))


def _tolerances(m: Mapping[str, Tolerance]) -> Mapping[str, Tolerance]:
    return MappingProxyType(dict(m))


@attrs.frozen(kw_only=True)
class Precision:
    """How precise a figure is taken to be, from its wording and provenance (the documented, overridable table).

    A figure *worded* in a text allows half its last step either side: the step is one unit of the last
    written digit ("20 miles": 1 mile; "1.5 million": 100,000; "32.19 km": 0.01 km). Trailing zeros of a
    large round figure are read as rounding ("17,879,000": the thousand), from ``round_from`` upwards and
    never coarser than ``min_significant`` significant digits ("100,000": the ten thousand). A number
    given as *data* (see :class:`~claimdiff.hedges.Provenance`) is exact, unless ``data="implied"`` declares all
    data rounded or its reader marked it rounded; then its step is read from the number as from a word.
    Hedged bands ("some 70", "dozens") already carry their width and get nothing more. With
    ``mode="exact"`` every figure is taken at its word. ``steps`` sets a unit's resolution, for all figures.

    >>> p = Precision()
    >>> from claimdiff.hedges import parse_estimate
    >>> p.half_width(parse_estimate("30,000")), p.half_width(Estimate.exact(30_000))
    (500.0, 0.0)
    >>> Precision(data="implied").half_width(Estimate.exact(30_000))
    500.0
    >>> p.half_width(parse_estimate("1.5 million")), p.half_width(parse_estimate("20 miles"))
    (50000.0, 0.5)
    >>> Precision(mode="exact").half_width(parse_estimate("20 miles"))
    0.0

    Attributes:
        mode: ``"implied"`` (read the wording) or ``"exact"`` (no widening of any figure).
        data: ``"exact"`` (numbers given as data are exact) or ``"implied"`` (data are rounded, as words).
        round_from: Whole figures at least this large read trailing zeros as rounding.
        min_significant: Rounding never leaves fewer significant digits than this.
        steps: Per-unit minimum step, e.g. ``{"minute": 1}``, for units whose figures are never finer.
    """

    mode: str = attrs.field(default="implied", validator=attrs.validators.in_(("implied", "exact")))
    data: str = attrs.field(default="exact", validator=attrs.validators.in_(("exact", "implied")))
    round_from: float = attrs.field(default=10_000.0, validator=attrs.validators.gt(0))
    min_significant: int = attrs.field(default=2, validator=attrs.validators.ge(1))
    steps: Mapping[str, float] = attrs.field(default=MappingProxyType({}), converter=_steps)

    def step(self, estimate: Estimate) -> float:
        """The step of the last written digit, in the estimate's own unit (0 when nothing is implied).

        The one rule of precision: the bulk path of reconciling calls it once per distinct estimate.
        """
        if (
            self.mode == "exact"
            or estimate.hedge is Hedge.APPROXIMATE
            or estimate.hedge is Hedge.VAGUE
        ):
            return 0.0
        provenance = estimate.provenance
        if provenance is Provenance.DATUM and self.data == "exact":
            step = 0.0
        else:
            value = estimate.point
            if value is None:
                value = estimate.low if math.isfinite(estimate.low) else estimate.high
            if not math.isfinite(value):
                return 0.0
            text = estimate.text if provenance is Provenance.WORDED else ""
            step = _step(text, value, self.round_from, self.min_significant)
        return (
            max(step, self.steps[estimate.unit])
            if self.steps and estimate.unit in self.steps
            else step
        )

    def half_width(self, estimate: Estimate) -> float:
        """Half the step: how far either side of its bounds the figure reaches."""
        return self.step(estimate) / 2


@functools.lru_cache(maxsize=65_536)
def _step(text: str, value: float, round_from: float, min_significant: int) -> float:
    """The step of the last written digit of ``text`` (or of ``value`` when there is no text); pure, so cached."""
    return (
        _written_step(text, value, round_from, min_significant)
        if text
        else _number_step(value, round_from, min_significant)
    )


def _written_step(text: str, value: float, round_from: float, min_significant: int) -> float:
    m = _WRITTEN.search(text)
    if (
        m is None
    ):  # a figure in words ("two", "twenty thousand", "half a million"): as its number reads
        return _number_step(value, round_from, min_significant)
    whole, decimals = m.group(1).translate(_SEPARATORS), m.group(2) or ""
    written = float(f"{whole}.{decimals}" if decimals else whole)
    scale = _power_of_ten(value / written) if written else 1.0
    if decimals:
        return 10.0 ** -len(decimals) * scale
    return _whole_step(int(whole), round_from, min_significant) * scale


def _number_step(value: float, round_from: float, min_significant: int) -> float:
    if value == int(value) and abs(value) < 2**53:
        return _whole_step(int(abs(value)), round_from, min_significant)
    digits = repr(abs(value))
    if "e" in digits or "." not in digits:
        return 0.0
    return 10.0 ** -len(digits.split(".")[1])


def _whole_step(n: int, round_from: float, min_significant: int) -> float:
    if n < round_from or n == 0:
        return 1.0
    text = str(n)
    zeros = len(text) - len(text.rstrip("0"))
    return 10.0 ** max(0, min(zeros, len(text) - min_significant))


def _power_of_ten(ratio: float) -> float:
    """``ratio`` when it is a power of ten (a scale word such as "million"), else 1."""
    if ratio <= 0:
        return 1.0
    exponent = round(math.log10(ratio))
    return 10.0**exponent if math.isclose(ratio, 10.0**exponent, rel_tol=1e-9) else 1.0


@attrs.frozen(kw_only=True)
class Tolerance:
    """How far apart two figures may be, beyond their precision, and still agree.

    Two figures agree when the gap between their widened intervals is at most ``absolute`` plus
    ``relative`` times the mean magnitude of the two facing bounds. It is applied as a widening of each
    bound by half that allowance, so that "agree pairwise" and "share a value" stay the same thing.
    ``per_metric`` overrides both for a metric by name.

    >>> t = Tolerance(relative=0.01, per_metric={"killed": Tolerance()})
    >>> t.for_metric("volume").widening(1_000_000.0), t.for_metric("killed").widening(14.0)
    (5000.0, 0.0)

    Attributes:
        absolute: Allowance in the canonical unit (SI base units; whole things for counts).
        relative: Allowance as a share of the figures (0.01 is 1%).
        per_metric: Tolerances by metric name.
    """

    absolute: float = attrs.field(default=0.0, validator=attrs.validators.ge(0))
    relative: float = attrs.field(
        default=0.0, validator=[attrs.validators.ge(0), attrs.validators.lt(1)]
    )
    per_metric: Mapping[str, Tolerance] = attrs.field(
        default=MappingProxyType({}), converter=_tolerances
    )

    def for_metric(self, metric: str) -> Tolerance:
        """The tolerance that applies to ``metric``."""
        return self.per_metric.get(metric, self)

    def widening(self, bound: float) -> float:
        """How far one finite bound is pushed out (half the allowance)."""
        return self.absolute / 2 + self.relative / 2 * abs(bound)

    @property
    def is_zero(self) -> bool:
        """True when nothing is allowed beyond precision."""
        return self.absolute == 0 and self.relative == 0


@attrs.frozen(kw_only=True)
class Grading:
    """How the size of a disagreement sets its kind and severity (the documented thresholds).

    The size is the relative gap (see :func:`relative_gap`): the gap between the two figures as a share
    of the lower one. Below ``contradiction_at`` a disagreement is a ``discrepancy`` (a warning: look
    before you publish); from it on, a ``contradiction`` (an error: the figures cannot both be right).
    Between counts, the gap must also be at least ``min_count_gap`` whole units: 7 against 9 deaths
    (29% apart, by 2) or 1 against 3 is a discrepancy, 70 against 90 a contradiction. Small places
    differ by a few units all the time (a late report, a case assigned elsewhere); on the COVID-19
    figures of JHU, ECDC and WHO, gaps of 1 to 4 made 43% of the contradictions (5,066 of 11,757),
    each with a lower figure of 40 or less.

    >>> g = Grading()
    >>> g.is_contradiction(relative_gap(15.0, 14.0)), g.is_contradiction(relative_gap(30.0, 3.0))
    (False, True)
    >>> g.is_contradiction(relative_gap(9.0, 7.0), gap=2.0), g.is_contradiction(relative_gap(90.0, 70.0), gap=20.0)
    (False, True)

    Attributes:
        contradiction_at: The relative gap from which a disagreement is a contradiction.
        min_count_gap: The gap between counts, in whole units, below which a disagreement is at most a
            discrepancy (0 turns the floor off).
    """

    contradiction_at: float = attrs.field(default=0.10, validator=attrs.validators.gt(0))
    min_count_gap: float = attrs.field(default=5.0, validator=attrs.validators.ge(0))

    def is_contradiction(self, relative: float, gap: float | None = None) -> bool:
        """True when a disagreement of this relative size (and, between counts, this ``gap``) is a contradiction."""
        return relative >= self.contradiction_at and (gap is None or gap >= self.min_count_gap)

    def small_count(self, relative: float, gap: float) -> bool:
        """True when a gap between counts is a discrepancy only because it is under ``min_count_gap``."""
        return relative >= self.contradiction_at and gap < self.min_count_gap


def relative_gap(higher: float, lower: float) -> float:
    """The gap between two facing figures as a share of the lower one's magnitude.

    Infinite when the lower figure is zero and the higher is not (0 against 3 killed).

    >>> relative_gap(108.0, 100.0)
    0.08
    >>> relative_gap(17_823_319.0, 55_000.0) > 300
    True
    """
    gap = higher - lower
    base = min(abs(higher), abs(lower))
    if gap <= 0:
        return 0.0
    return gap / base if base else math.inf
