"""A place the next sentence gives a figure: "struck two facilities. The facilities were located near X" (rule 28).

ANNOTATION.md rule 28: when the sentence after a figure places the same figure ("shot down 17 of 20
drones ... the intercepts took place over the Odesa region"), that is the figure's place, the narrowest
the text gives it (rule 19); a total the figure is a part of ("of 20") keeps its own. The next sentence
places the same figure when it names the figure's thing again with the definite article ("the
facilities", "the intercepts") as the subject of a verb that locates it ("were located", "took place").
"""

from __future__ import annotations

import re

import attrs

from claimdiff._extract._candidate import Candidate
from claimdiff._extract._cities import below_region
from claimdiff._extract._gazetteer_reads import around_town, known
from claimdiff._extract._place import places_named
from claimdiff._model.places import Gazetteer

__all__ = ["placed_next"]

#: The figure's thing named again, located: "the facilities were located near", "the intercepts took place over".
_LOCATED = re.compile(
    r"\b[Tt]he\s+(?P<n>[a-z]+)\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?"
    r"(?:located|situated|took\s+place|happened|occurred)\s+(?P<l>in|near|over|at|outside)\s"
)
#: Nouns that name a figure's event whatever it counts: "the intercepts" after "shot down 17 drones".
_EVENTS = frozenset({"intercepts", "interceptions", "strikes", "attacks", "incidents"})
#: The end of the figure's sentence: a full stop and the next sentence's capital (not an initial's: "P.M. Eastern").
_SENTENCE_END = re.compile(r"(?=[.!?])(?<![\s.][A-Z])[.!?]\s+(?=[A-Z\"“])")
#: "17 of 20 drones", "17 of the 20": the total a part is taken from.
_PART_BEFORE = re.compile(r"\d[\d,]*\s+of\s+(?:the\s+)?$")
#: How far after a figure its sentence may end.
_REACH = 300


def placed_next(found: list[Candidate], text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """``found`` with the figures the next sentence places given that place (rule 28).

    A figure takes the place when it is narrower than the figure's, and within it unless the
    figure's is a country alone (the thing the next sentence locates is where it says); a place
    "near" a town is the town's first-level subdivision (rule 30).
    """
    nexts: dict[int, tuple[str, tuple[str, ...]] | None] = {}  # by the next sentence's start
    out = []
    for c in found:
        end = _SENTENCE_END.search(text, c.end, min(len(text), c.end + _REACH))
        if end is None or c.headline or "\n" in text[c.end : end.start()]:
            out.append(c)
            continue
        if end.end() not in nexts:
            nexts[end.end()] = _located(text, end.end(), gazetteer)
        located = nexts[end.end()]
        if located is None or _PART_BEFORE.search(text, max(0, c.start - 12), c.start):
            out.append(c)
            continue
        noun, place = located
        counted = (c.claim.scope.counted or "").split()
        own = gazetteer.key(c.claim.scope.place)
        key = gazetteer.key(place)
        if (
            (noun in _EVENTS or (counted and counted[-1] == noun))
            and len(key) > len(own)
            and (key[: len(own)] == own or len(own) == 1)
        ):
            scope = attrs.evolve(c.claim.scope, place=place)
            c = attrs.evolve(c, claim=attrs.evolve(c.claim, scope=scope))  # noqa: PLW2901 - re-placed
        out.append(c)
    return out


def _located(text: str, start: int, gazetteer: Gazetteer) -> tuple[str, tuple[str, ...]] | None:
    """The noun and the place of the sentence at ``start`` when it locates a thing named again, else ``None``."""
    end = _SENTENCE_END.search(text, start, min(len(text), start + _REACH))
    stop = end.start() + 1 if end is not None else min(len(text), start + _REACH)
    if "\n" in text[start:stop]:
        stop = text.index("\n", start, stop)
    m = _LOCATED.search(text, start, stop)
    if m is None:
        return None
    places = [p for at, p in places_named(text, start, stop, gazetteer) if at >= m.start("l")]
    if not places:
        return None
    # a town by its country's name or as the one clearly largest of its name ("near Mosul")
    place = below_region(gazetteer, gazetteer.normalise(places[0]), ())
    if not known(gazetteer, place):
        return None
    if m.group("l") in ("near", "outside"):
        place = around_town(gazetteer, place)
    return m.group("n"), place
