"""When "a"/"an" counts one: a casualty of the toll, an item of a tally, a strike tallied by place.

ANNOTATION.md rule 7 counts "a child was killed" as one; rule 23 and settled C8 extend it to the
items of a tally of things acted on ("destroyed 15 fighting positions, an ISIL bunker and a
tunnel") and to a strike tallied by place beside numbered ones ("Near Kisik, a strike destroyed
..."). An article that names the event itself ("conducted an airstrike", "a rink was hit", "an
attack killed") counts nothing (C9).

>>> low = "near kisik, a strike destroyed an isil tunnel."
>>> bool(_BY_PLACE.fullmatch(low, 0, low.index("a strike")))
True
"""

from __future__ import annotations

import re

from claimdiff._extract._figures import Figure
from claimdiff._extract._noun import PERSONS, STRIKES
from claimdiff._extract._recording import is_casualty
from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._extract._verbs import acted_on

__all__ = ["counts_one", "tally_metric"]


def counts_one(
    low: str, start: int, fig: Figure, metric: str | None, *, alone: bool, tallied: bool
) -> bool:
    """Whether a figure of a chain is read: always for a numeral, for "a"/"an" only when it counts one.

    ``alone`` says every figure of the fig's chain is said with an article; ``tallied`` that the
    sentence has already counted things acted on with numerals (a tally), whose further items "a"/"an"
    count one. ``low[start:]`` is the sentence.
    """
    if not fig.article and not alone:
        return True
    if fig.counted in _NO_ONE:
        return False  # "a number of industrial sites were damaged": how many is not said
    if metric is not None and is_casualty(metric):
        # in a toll, "a"/"an" counts only people: a noun of people, or whoever "was killed"
        return fig.counted in PERSONS or _WAS_HARMED.match(low, fig.end) is not None
    if fig.article and (_acts(fig.counted) or _OWN_VERB.match(low, fig.end) is not None):
        # "conducted a search", "launched an investigation": the act itself (C9); "a spokesman
        # said", "a fire broke out": the subject of a clause of its own, no item of a tally
        return False
    if not alone:
        return True  # "destroyed 15 rockets and a drone": an item of a list of numerals
    if metric is None:
        return False
    if metric == "conducted" and fig.counted in STRIKES:
        return _BY_PLACE.fullmatch(low, start, fig.start) is not None  # "Near Kisik, a strike ..."
    return tallied  # "struck three units and destroyed an ISIL vehicle, an ISIL weapons cache"


def tally_metric(
    low: str, start: int, fig: Figure, previous: tuple[Figure, str] | None
) -> str | None:
    """The metric of a tally's item no rule gave one: the verb right before it, else the list's before it.

    "and destroyed an ISIL vehicle": the verb right before "a"/"an"; "destroyed an ISIL vehicle,
    ISIL-used engineering equipment, two ISIL mortar systems": the item with no number between
    continues the list, whose metric the last figure (``previous``) had.

    >>> from claimdiff._model.estimate import Estimate
    >>> low = "struck three units and destroyed an isil vehicle"
    >>> at = low.index("an isil")
    >>> fig = Figure(start=at, end=len(low), estimate=Estimate.exact(1), counted="vehicles", article=True)
    >>> tally_metric(low, 0, fig, None)
    'destroyed'
    """
    if fig.article:
        verb = _VERB_BEFORE.search(low, max(start, fig.start - 30), fig.start)
        if verb is not None:
            return TRIGGERS[verb.group("t")]
        if _ANY_VERB_BEFORE.search(low, max(start, fig.start - 30), fig.start) is not None:
            # "a strike engaged an ISIS tactical unit": a verb the trigger table does not list
            return acted_on(low, start, fig.end, fig.start, fig.end)
    if (
        previous is not None
        and fig.start - previous[0].end <= _ITEMS_REACH
        and _ITEMS.fullmatch(low, previous[0].end, fig.start) is not None
        and _VERB.search(low, previous[0].end, fig.start) is None
    ):
        return previous[1]
    return None


#: Items without a number between two figures of a list: ", ISIL-used engineering equipment, ".
_ITEMS = re.compile(r"(?:\s*,\s*(?:and\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,4})+\s*,\s*(?:and\s+)?")
_ITEMS_REACH = 160
#: A verb in such a gap, by its form, ends the list: "and suppressed a mortar".
_VERB = re.compile(r"(?<![\w-])[a-z]{3,}ed\b")


#: A trigger word right before a figure, only spaces between: "destroyed an".
_VERB_BEFORE = re.compile(rf"\b(?P<t>{alternation(t for t in TRIGGERS if ' ' not in t)})\s+$")
#: Any verb by its form right before a figure: "engaged an", "struck a".
_ANY_VERB_BEFORE = re.compile(r"\b[a-z]{3,}ed\s+$")
#: Before a figure, only a bullet and the place a tally's line opens with: "* Near Kisik, ".
_BY_PLACE = re.compile(
    r"[\s*•\-–]*(?:near|in|at|around|outside|west of|east of)\s+[^,.;:]{1,60},\s*"
)


def _acts(counted: str | None) -> bool:
    """Whether a noun names an act ("an investigation", "a search", "an assessment"), never a thing acted on."""
    return (counted or "").rsplit(" ", 1)[-1] in _ACTS


#: Nouns that name an act carried out, not a thing it was done to.
_ACTS = frozenset({"investigations", "operations", "evacuations", "assessments", "inspections", "examinations",
                   "evaluations", "negotiations", "consultations", "searches", "reviews", "inquiries", "probes",
                   "patrols", "sweeps", "visits", "calls", "meetings", "statements", "briefings", "appeals",
                   "requests", "warnings", "responses"})  # fmt: skip
#: Right after a noun phrase, the verb of its own clause: "a spokesman said", "a fire broke out".
_OWN_VERB = re.compile(
    r"\s+(?:(?:also|later|then|reportedly)\s+)?(?:said|says|told|tells|added|noted|stated|is|was|were|are|has|have|"
    r"had|will|would|could|can|may|might|broke|began|begins|continues|continued|remains|remained)\b"
)
#: Right after a noun phrase with "a"/"an", a passive of harm only the living suffer: "a security
#: guard was killed", "a nurse was seriously injured" (never "a rink was hit").
_WAS_HARMED = re.compile(
    r"\s+(?:was|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?(?:killed|injured|wounded|shot\s+dead|hurt)\b"
)
#: Nouns that "a"/"an" makes a quantity of something else, never one thing: "a number of sites".
_NO_ONE = frozenset(
    {"numbers", "lots", "majorities", "minorities", "series", "ranges", "varieties", "hosts"}
)
