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
    if fig.counted == "waves" and _OF_SPREAD.match(low, fig.end):
        return ("recorded", "waves")  # "two waves of transmission": an outbreak's events (rule 41)
    if implied is None:
        return None
    if implied[0] == "displaced" and aimed_at(low, start, fig.start):
        return None  # "to help 700,000 refugees": the aim's object
    if implied[0] == "recorded" and (fig.estimate.hedge is Hedge.VAGUE or fig.article):
        return None  # "several outbreaks", "a quake struck": no count of events (C9)
    if fig.counted == "lives" and not lives_lost(low, start, fig):
        return None  # "the dam will save 2,000 lives": lives are the dead only when lost
    return implied


def lives_lost(low: str, start: int, fig: Figure) -> bool:
    """Whether the lives a figure counts were lost: "claimed 6,434 lives", "670 lives lost", "cost 40 lives".

    >>> from claimdiff._extract._figures import figures
    >>> from claimdiff._model.hedges import HedgePolicy
    >>> from claimdiff._model.vocabulary import Vocabulary
    >>> def lost(s):
    ...     fig = figures(s, s, 0, len(s), HedgePolicy(), Vocabulary())[0]
    ...     return lives_lost(s, 0, fig)
    >>> lost("the flood claimed 120 lives"), lost("120 lives were lost"), lost("rescuers saved 120 lives")
    (True, True, False)
    """
    return (
        _LOSS_BEFORE.search(low, max(start, fig.start - 40), fig.start) is not None
        or _LOSS_AFTER.match(low, fig.end) is not None
    )


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


#: A verb of loss before a count of lives, a few words (a hedge, an adjective) between: "claimed some 6,434 lives".
_LOSS_BEFORE = re.compile(
    r"\b(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|tak(?:e|es|ing|en)|los[te]|losing|lost)\s+(?:the\s+)?"
    r"(?:[a-z-]+\s+){0,3}$"
)
#: "670 lives lost", "120 lives were lost", "lives had been lost": the count of lives, then their loss.
_LOSS_AFTER = re.compile(r"\s+(?:(?:were|was|have\s+been|had\s+been|has\s+been)\s+)?lost\b")


#: Right before a figure, an infinitive's verb or a word of forecast: "to help", "a forecast", "a projected".
_AIMED = re.compile(
    r"(?:\bto\s+(?!(?:be|have|date)\b)[a-z]+|\b(?:forecast|projected|expected|anticipated|predicted|"
    r"planned|targeted))\s+$"
)


#: People whose count at a scene says they were sent there.
_RESPONDERS = ("rescuers", "rescue workers", "searchers", "firefighters", "responders",
               "emergency workers", "relief workers", "rescue personnel", "search and rescue personnel")  # fmt: skip
#: After "waves": what spread in them, which makes them an outbreak's waves, not waves of arrivals.
_OF_SPREAD = re.compile(
    r"\s+of\s+(?:the\s+)?(?:transmission|infections?|the\s+outbreak|the\s+epidemic|cases)\b"
)
#: Events a report counts: recorded, counted as written.
_EVENTS = ("aftershocks", "earthquakes", "quakes", "tremors", "replicas", "landslides", "mudslides", "avalanches",
           "outbreaks", "clusters", "wildfires", "forest fires", "bushfires")  # fmt: skip
#: Counted things that say what happened to them: IDPs are displaced, refugees displaced abroad.
_COUNTED_METRICS = {
    "idps": ("displaced", "people"),
    "internally displaced persons": ("displaced", "people"),
    "internally displaced people": ("displaced", "people"),
    "refugees": ("displaced", "refugees"),
    "bodies": ("killed", "people"),  # "rescuers pulled 14 bodies from the rubble": the dead
    "dead bodies": ("killed", "people"),
    "corpses": ("killed", "people"),
    "lives": (
        "killed",
        "people",
    ),  # "the quake, which claimed 6,434 lives": the dead (when lost, lives_lost)
    "lives lost": ("killed", "people"),  # "Fukushima with 670 lives lost"
    # the events a report counts, hazards and an outbreak's: "78 aftershocks were reported" (ANNOTATION.md
    # rule 11), "struck by two earthquakes" (rule 36), "9 outbreaks among equids", "five distinct
    # clusters" (rule 41); not "waves", which are of arrivals as often as of transmission
    **{e: ("recorded", e) for e in _EVENTS},
    # responders at the scene with nothing else said of them were sent there: "more than 200 searchers
    # picked their way through the mud", "3,000 rescuers are working at the site"
    **{r: ("deployed", r) for r in _RESPONDERS},
}
