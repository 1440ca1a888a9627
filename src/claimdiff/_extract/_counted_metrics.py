"""Things whose name says what happened to them: IDPs were displaced, bodies are the dead, rescuers deployed.

A count of such things reports its metric when the sentence names none ("rescuers pulled 14 bodies
from the rubble": killed people; "3,000 rescuers are working at the site": deployed).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff._model.estimate import Hedge

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = ["aimed_at", "counted_metric", "event_metric", "implied_metric"]


def counted_metric(counted: str | None) -> tuple[str, str] | None:
    """The metric and counted thing a count of IDPs, refugees or bodies reports when the sentence names no metric."""
    return _COUNTED_METRICS.get(counted or "")


def implied_metric(low: str, start: int, fig: Figure) -> tuple[str, str] | None:
    """The metric and counted thing the noun of a figure with no metric implies, in its sentence from ``start``.

    Refugees counted as an aim's object or a forecast are no count of the displaced (:func:`aimed_at`);
    events counted vaguely ("several outbreaks are ongoing") or named with "a" ("a quake struck") are
    no count of events recorded.
    """
    implied = counted_metric(fig.counted)
    if implied is None:
        return None
    if implied[0] == "displaced" and aimed_at(low, start, fig.start):
        return None  # "to help 700,000 refugees": the aim's object
    if implied[0] == "recorded" and (fig.estimate.hedge is Hedge.VAGUE or fig.article):
        return None  # "several outbreaks", "a quake struck": no count of events (C9)
    return implied


def event_metric(counted: str | None) -> str | None:
    """The metric of a count of events whatever its verb ("two earthquakes killed 277 people"): recorded.

    Said of the whole chain, so that its parts by place share it ("9 outbreaks ... in Italy (5)";
    ANNOTATION.md rules 36, 41).

    >>> event_metric("outbreaks"), event_metric("refugees")
    ('recorded', None)
    """
    return "recorded" if counted in _EVENTS else None


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
#: Events a report counts: recorded, counted as written.
_EVENTS = ("aftershocks", "earthquakes", "quakes", "tremors", "replicas", "landslides", "mudslides", "avalanches",
           "outbreaks", "clusters")  # fmt: skip
#: Counted things that say what happened to them: IDPs are displaced, refugees displaced abroad.
_COUNTED_METRICS = {
    "idps": ("displaced", "people"),
    "internally displaced persons": ("displaced", "people"),
    "internally displaced people": ("displaced", "people"),
    "refugees": ("displaced", "refugees"),
    "bodies": ("killed", "people"),  # "rescuers pulled 14 bodies from the rubble": the dead
    "dead bodies": ("killed", "people"),
    "corpses": ("killed", "people"),
    # the events a report counts, hazards and an outbreak's: "78 aftershocks were reported" (ANNOTATION.md
    # rule 11), "struck by two earthquakes" (rule 36), "9 outbreaks among equids", "five distinct
    # clusters" (rule 41); not "waves", which are of arrivals as often as of transmission
    **{e: ("recorded", e) for e in _EVENTS},
    # responders at the scene with nothing else said of them were sent there: "more than 200 searchers
    # picked their way through the mud", "3,000 rescuers are working at the site"
    **{r: ("deployed", r) for r in _RESPONDERS},
}
