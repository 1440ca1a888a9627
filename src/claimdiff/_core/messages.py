"""The sentences of a report: figures of one group in its display unit, and the size of a disagreement."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from claimdiff._model.claim import Claim
from claimdiff._model.estimate import Estimate, Hedge
from claimdiff._model.numbers import format_number
from claimdiff._model.units import UnitInfo, unit_info

__all__ = [
    "Say",
    "advice",
    "as_of",
    "display_unit",
    "display_unit_of",
    "figure_text",
    "gap_words",
    "small_counts",
    "times",
    "without_far",
]


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
        """The figure as it was worded (see :func:`figure_text`)."""
        return figure_text(c.estimate)

    @staticmethod
    def when(c: Claim) -> str:
        """The words " on <time>" when the statement time is known, else nothing."""
        return f" on {c.stated.isoformat()}" if c.stated is not None else ""


def display_unit(cs: Sequence[Claim]) -> UnitInfo:
    """The unit most of the claims use (counts have none)."""
    first = cs[0].unit_info
    # A count's unit is the first claim's (display_unit_of reads no other): the others' are not read.
    return display_unit_of([first] if first.is_count else [c.unit_info for c in cs])


def display_unit_of(units: Sequence[UnitInfo]) -> UnitInfo:
    """:func:`display_unit` of the claims' units (the first claim's first): as a reader of columns holds them.

    >>> from claimdiff._model.units import unit_info
    >>> display_unit_of([unit_info("km"), unit_info("m"), unit_info("m")]).unit
    'm'
    """
    first = units[0]
    if first.is_count:
        return first
    counts: dict[str, int] = {}
    for u in units:
        counts[u.unit] = counts.get(u.unit, 0) + 1
    name = min(counts, key=lambda u: (-counts[u], u))
    return unit_info(name)


def figure_text(e: Estimate) -> str:
    """A figure as a message shows it (never "12 to 12").

    Its own words when it has them, else its numbers grouped by thousands, and one number for an interval
    of one value.

    >>> from claimdiff import Estimate
    >>> figure_text(Estimate.exact(17_823_319)), figure_text(Estimate.between(12, 12)), figure_text(Estimate.at_least(1500))
    ('17,823,319', '12', 'at least 1,500')
    >>> figure_text(Estimate.exact(40, text="at least 40"))
    'at least 40'
    """
    if e.text:
        return e.text
    unit = f" {e.unit}" if e.unit else ""
    low, high = e.low, e.high
    if e.point is not None and (e.hedge is Hedge.EXACT or low == high):
        return f"{format_number(e.point, grouped=True)}{unit}"
    if low == high and e.low_closed and e.high_closed:
        return f"{format_number(low, grouped=True)}{unit}"
    if math.isfinite(low) and math.isfinite(high):
        band = f"{format_number(low, grouped=True)} to {format_number(high, grouped=True)}{unit}"
        return (
            f"about {format_number(e.point, grouped=True)}{unit} ({band})"
            if e.point is not None
            else band
        )
    if math.isfinite(low):
        return f"{'at least' if e.low_closed else 'more than'} {format_number(low, grouped=True)}{unit}"
    if math.isfinite(high):
        return f"{'at most' if e.high_closed else 'fewer than'} {format_number(high, grouped=True)}{unit}"
    return f"any value{unit}"


def times(ratio: float) -> str:
    """A ratio of at least 1 as said: one decimal below 10 ("2.9"), whole above ("324").

    >>> times(40 / 14), times(323.06), times(2.0)
    ('2.9', '323', '2')
    """
    return format_number(round(ratio, 1) if ratio < 10 else float(round(ratio)), grouped=True)


def gap_words(
    gap: str, relative: float, higher: float, lower: float, shown: tuple[str, str] | None = None
) -> str:
    """The size of a disagreement in words: the gap, and how the higher figure compares with the lower.

    When the higher figure is at least twice the lower, the ratio of the two figures, named ("40 is 2.9
    times 14"); else the gap as a share of the lower figure ("8% above the lower figure"); never "100%"
    for a gap of orders of magnitude. ``shown`` gives the two figures as the message writes them.

    >>> gap_words("17,768,319", 323.06, 17_823_319, 55_000)
    'gap 17,768,319: 17,823,319 is 324 times 55,000'
    >>> gap_words("1", 1.0, 2, 1)
    'gap 1: 2 is twice 1'
    >>> gap_words("26", 1.86, 40, 14)
    'gap 26: 40 is 2.9 times 14'
    >>> gap_words("8", 0.08, 108, 100)
    'gap 8: 8% above the lower figure'
    """
    if math.isinf(relative):
        return f"gap {gap}, against a figure of zero"
    if lower > 0 and higher > 0 and higher >= 2 * lower:
        high_text, low_text = shown or (
            format_number(higher, grouped=True),
            format_number(lower, grouped=True),
        )
        ratio = times(higher / lower)
        return (
            f"gap {gap}: {high_text} is {'twice' if ratio == '2' else f'{ratio} times'} {low_text}"
        )
    share = relative * 100
    shown_share = f"{share:.0f}" if share >= 1 else f"{share:.2g}"
    return f"gap {gap}: {shown_share}% above the lower figure"


def advice(e: Estimate, above: bool, ratio: float) -> str:
    """What to check about a figure far from the others, as its hedge and distance allow.

    An exact figure twice or more off is most often mistyped or in another unit; nearer, mistyped or of
    another date. A floor above the others ("at least 40") or a ceiling below them more likely counts
    something else (a wider place, a longer time): no typing error is suggested for a hedged figure.

    >>> from claimdiff import Estimate
    >>> advice(Estimate.exact(400), above=True, ratio=10.0)
    'check it for a typing or unit error'
    >>> advice(Estimate.exact(110), above=True, ratio=1.1)
    'check it for a typing error, or whether it is of another date'
    >>> advice(Estimate.at_least(40), above=True, ratio=2.9)
    'check whether it counts more than the others (a wider place, a longer time)'
    """
    if e.hedge is Hedge.EXACT:
        return (
            "check it for a typing or unit error"
            if ratio >= 2
            else "check it for a typing error, or whether it is of another date"
        )
    if e.hedge is Hedge.LOWER or (e.hedge is not Hedge.UPPER and above):
        return "check whether it counts more than the others (a wider place, a longer time)"
    return "check whether it counts less than the others (a narrower place, a shorter time)"


def small_counts(floor: float) -> str:
    """Why a large relative gap between small counts is only a discrepancy (see :class:`~claimdiff.tolerance.Grading`).

    >>> small_counts(5.0)
    'fewer than 5 apart: between small counts, a discrepancy, not a contradiction'
    """
    return f"fewer than {format_number(floor, grouped=True)} apart: between small counts, a discrepancy, not a contradiction"


def as_of(c: Claim) -> str:
    """The date a cumulative figure is given as of: the last day of its period ("2020-04-03"), or its end.

    >>> from claimdiff import Claim, Scope
    >>> as_of(Claim(id="a", metric="killed", estimate="3", scope=Scope(counted="people"), source="X",
    ...             period="2020-01-01/2020-04-03"))
    '2020-04-03'
    """
    return c.period.describe().rsplit("/", 1)[-1] if c.period is not None else "an unknown date"


# The clause of an outlier's sentence that says how far it lies and what to check (see ``dissent._far``).
_FAR = re.compile(
    r"; (?:it is|the median of the) [^;]*?: check (?:it|whether it) (?:[^;(]|\([^)]*\))*?(?= \(gap)"
)


def without_far(message: str) -> str:
    """An outlier's sentence without its distance and advice: for a figure something else explains (a lag).

    >>> without_far("x: 'a' says 14 but 'b' says 39; no single figure fits both; the median of the 2 other "
    ...             "origins (39) is 2.8 times it: check it for a typing or unit error (gap 25: 39 is 2.8 times 14).")
    "x: 'a' says 14 but 'b' says 39; no single figure fits both (gap 25: 39 is 2.8 times 14)."
    """
    return _FAR.sub("", message, count=1)
