"""Measurements in context: a distance, a depth, a share of a whole, a span of time the figures cover.

"20 km south-west of the city" says where something is; "a depth of 26 km" is a depth;
"56% of deaths" is a share of a whole the text does not give; "in the past 24 hours" is the
window figures are counted over, never a figure itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff._model.units import unit_info
from claimdiff.exceptions import ClaimdiffError

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure
    from claimdiff._model.estimate import Estimate

__all__ = ["is_window", "measured", "unit_metric"]

#: The metric a measurement reports when the sentence names none: the vocabulary's "volume"
#: is "an amount traded or moved", which is what a bare tonnage in the news is.
_DIMENSION_METRICS = {
    "[length]": "distance",
    "[time]": "duration",
    "[mass]": "volume",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "dimensionless": "share",
}


_AGO = re.compile(r"\s+(?:ago|earlier|later|before|after|since)\b")
_TIME_WINDOW = re.compile(
    r"\b(?:(?:over|in|during|within|for)\s+the\s+(?:previous|past|last|next|first|following|"
    r"preceding)|within|every|each|per)\s+$"
)


_LENGTH = re.compile(r"meter|mile|kilometer|foot|feet|yard")
_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?[a-z]")
_BEARING = re.compile(
    # a conversion in brackets first, or the conversion itself: "30 km (19 miles) outside Dhaka"
    r"(?:\s*\([^()]{1,30}\)|\s*\))?\s+(?:(?:(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?(?:ern)?|"
    r"[nsew]{1,3})\s+of|outside|off|inside|beyond|short\s+of|"
    r"to\s+the\s+(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?|"
    # a speed, not a distance: "winds of 320 kilometers an hour"
    r"an\s+hour|per\s+hour|a\s+day|per\s+day)\b"
)
#: A length, then an opening bracket: what the bracket holds converts it ("13 kilometers (8 miles)").
_CONVERTED = re.compile(
    r"\d[\d,.]*\s*(?:km|kilomet(?:er|re)s?|m|met(?:er|re)s?|miles?|ft|feet|foot|yards?)\s*\(\s*$"
)
#: Before a length, a depth: "a depth of 26 km", a label "Depth: 10 km" (an infobox's "DepthA: 29 km").
_DEPTH = re.compile(r"\bdepths?(?:\s+of|[a-z]?\s*:)\s+(?:about\s+|some\s+|around\s+)?$")
#: After a length, a depth: "an earthquake of 5.5 magnitude and 5.7 km depth".
#: "struck about 13 kilometers (8 miles) deep": a length, its conversion in brackets, then "deep".
_DEPTH_AFTER = re.compile(r"(?:\s*\([^()]{1,30}\))?\s+(?:in\s+depth|depth|deep|underground)\b")


def measured(low: str, start: int, fig: Figure, metric: str) -> str | None:
    """The metric of a measurement in context, or ``None`` when it is not a figure to report.

    "56% of deaths" is a share of a whole the text does not give; "20 km south-west of the city"
    says where something is ("30 km (19 miles) outside Dhaka", "around 50 km to the east"), as a
    speed says how fast ("320 kilometers an hour"); "a depth of 26 km" is a depth, not a
    distance. A distance between two places ("lies 20 miles from the border") is a figure.
    """
    if fig.estimate.unit == "percent" and _SHARE_OF.match(low, fig.end):
        return None
    if _LENGTH.search(fig.estimate.unit or "") and _BEARING.match(low, fig.end):
        return None
    if (
        _LENGTH.search(fig.estimate.unit or "")
        and _CONVERTED.search(low, max(start, fig.start - 40), fig.start)
        and low.startswith(")", fig.end)
    ):
        return None  # "13 kilometers (8 miles) deep": the length before, converted; no figure of its own
    if _LENGTH.search(fig.estimate.unit or "") and (
        _DEPTH.search(low, max(start, fig.start - 30), fig.start)
        or _DEPTH_AFTER.match(low, fig.end)
    ):
        return "depth"
    return metric


def is_window(low: str, start: int, fig: Figure) -> bool:
    """True for a span of time the figures are counted over ("in the past 24 hours"), not a figure itself."""
    return (
        _TIME_WINDOW.search(low, max(start, fig.start - 40), fig.start) is not None
        or _AGO.match(low, fig.end) is not None
        or _AGE.search(low, max(start, fig.start - 30), fig.start) is not None
        or _OLD.match(low, fig.end) is not None
    )


#: An age, not a duration: "range in age from 14 to 87 years", "a median age of 50 years", "5 years old".
_AGE = re.compile(r"\b(?:age[sd]?|aged|younger than|older than)\b[^.;,]{0,18}$")
_OLD = re.compile(r"\s*(?:-|\s)?(?:years?|months?)?['’]?(?:-|\s)old\b")


def unit_metric(estimate: Estimate) -> str | None:
    """The metric a measurement reports by its dimension alone ("20 miles" is a distance)."""
    if not estimate.unit:
        return None
    try:
        dimension = unit_info(estimate.unit).dimension
    except ClaimdiffError:
        return None
    return _DIMENSION_METRICS.get(dimension, dimension)
