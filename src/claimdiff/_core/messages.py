"""The sentences of a report: figures of one group in its display unit, and the size of a disagreement."""

from __future__ import annotations

import math
from collections.abc import Sequence

from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number
from claimdiff._model.units import UnitInfo, unit_info

__all__ = ["Say", "display_unit", "gap_words", "small_counts"]


class Say:
    """Formats figures of one group for messages, in the group's display unit.

    ``say.subject`` names what the group is about ("killed (people in Belgorod [event])");
    it is built only when a message needs it.
    """

    def __init__(self, unit: UnitInfo, first: Claim) -> None:
        self.unit = unit
        self.suffix = f" {unit.unit}" if unit.unit else ""
        self._first = first
        self._subject: str | None = None

    @property
    def subject(self) -> str:
        """What the group is about, for the start of a sentence."""
        if self._subject is None:
            c = self._first
            self._subject = f"{c.metric.name} ({c.scope.describe()})"
        return self._subject

    def value(self, canonical: float) -> float:
        """A canonical figure in the display unit."""
        return self.unit.from_canonical(canonical) if math.isfinite(canonical) else canonical

    def gap(self, canonical_gap: float) -> float:
        """A canonical difference in the display unit."""
        return canonical_gap / self.unit.factor

    def num(self, canonical: float) -> str:
        """A canonical figure as text in the display unit."""
        return format_number(self.value(canonical), grouped=True)

    @staticmethod
    def who(c: Claim) -> str:
        """The claim's id and origin."""
        return f"'{c.id}' ({c.source.name})"

    @staticmethod
    def figure(c: Claim) -> str:
        """The figure as it was worded."""
        return c.estimate.describe()

    @staticmethod
    def when(c: Claim) -> str:
        """" on <time>" when the statement time is known."""
        return f" on {c.stated.isoformat()}" if c.stated is not None else ""


def display_unit(cs: Sequence[Claim]) -> UnitInfo:
    """The unit most of the claims use (counts have none)."""
    first = cs[0].unit_info
    if first.is_count:
        return first
    counts: dict[str, int] = {}
    for c in cs:
        counts[c.unit_info.unit] = counts.get(c.unit_info.unit, 0) + 1
    name = min(counts, key=lambda u: (-counts[u], u))
    return unit_info(name)


def gap_words(gap: str, relative: float, higher: float, lower: float) -> str:
    """The size of a disagreement in words: the gap, and how it compares with the lower figure.

    A ratio when the higher figure is at least twice the lower ("323 times the lower figure"), a share
    of the lower figure otherwise ("8% above the lower figure"); never "100%" for a gap of orders of
    magnitude.

    >>> gap_words("17,768,319", 323.06, 17_823_319, 55_000)
    'gap 17,768,319: 324 times the lower figure'
    >>> gap_words("8", 0.08, 108, 100)
    'gap 8: 8% above the lower figure'
    """
    if math.isinf(relative):
        return f"gap {gap}, against a figure of zero"
    if lower > 0 and higher > 0 and higher >= 2 * lower:
        return f"gap {gap}: {format_number(round(higher / lower), grouped=True)} times the lower figure"
    share = relative * 100
    shown = f"{share:.0f}" if share >= 1 else f"{share:.2g}"
    return f"gap {gap}: {shown}% above the lower figure"


def small_counts(floor: float) -> str:
    """Why a large relative gap between small counts is only a discrepancy (see :class:`~claimdiff.Grading`).

    >>> small_counts(5.0)
    'fewer than 5 apart: between small counts, a discrepancy, not a contradiction'
    """
    return f"fewer than {format_number(floor, grouped=True)} apart: between small counts, a discrepancy, not a contradiction"
