"""Things whose name says what happened to them: IDPs were displaced, bodies are the dead, rescuers deployed.

A count of such things reports its metric when the sentence names none ("rescuers pulled 14 bodies
from the rubble": killed people; "3,000 rescuers are working at the site": deployed).
"""

from __future__ import annotations

import re

__all__ = ["aimed_at", "counted_metric"]


def counted_metric(counted: str | None) -> tuple[str, str] | None:
    """The metric and counted thing a count of IDPs, refugees or bodies reports when the sentence names no metric."""
    return _COUNTED_METRICS.get(counted or "")


def aimed_at(low: str, start: int, at: int) -> bool:
    """Whether the figure at ``at`` is the object of an aim or a forecast: people to help, not people displaced.

    "an appeal to help hundreds of thousands of Syrian refugees", "the needs of a forecast 700,000
    refugees": refugees counted as a plan's object or a projection are no count of the displaced
    (ANNOTATION.md rule 25), whatever their noun says. ``low[start:at]`` is the sentence before it.

    >>> s = "funding for operations to help 200,000 syrian refugees"
    >>> aimed_at(s, 0, s.index("200,000")), aimed_at("some 200,000 refugees fled", 0, 5)
    (True, False)
    """
    return _AIMED.search(low, max(start, at - 40), at) is not None


#: Right before a figure, an infinitive's verb or a word of forecast: "to help", "a forecast", "a projected".
_AIMED = re.compile(
    r"(?:\bto\s+(?!(?:be|have|date)\b)[a-z]+|\b(?:forecast|projected|expected|anticipated|predicted|"
    r"planned|targeted))\s+$"
)


#: People whose count at a scene says they were sent there.
_RESPONDERS = ("rescuers", "rescue workers", "searchers", "firefighters", "responders",
               "emergency workers", "relief workers", "rescue personnel", "search and rescue personnel")  # fmt: skip
#: Counted things that say what happened to them: IDPs are displaced, refugees displaced abroad.
_COUNTED_METRICS = {
    "idps": ("displaced", "people"),
    "internally displaced persons": ("displaced", "people"),
    "internally displaced people": ("displaced", "people"),
    "refugees": ("displaced", "refugees"),
    "bodies": ("killed", "people"),  # "rescuers pulled 14 bodies from the rubble": the dead
    "dead bodies": ("killed", "people"),
    "corpses": ("killed", "people"),
    "aftershocks": (
        "recorded",
        "aftershocks",
    ),  # "78 aftershocks were reported" (ANNOTATION.md rule 11)
    # responders at the scene with nothing else said of them were sent there: "more than 200 searchers
    # picked their way through the mud", "3,000 rescuers are working at the site"
    **{r: ("deployed", r) for r in _RESPONDERS},
}
