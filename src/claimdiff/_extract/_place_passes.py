"""Places set once every figure is read: sites near towns, headlines, figures spanning countries, the event's place.

:mod:`claimdiff._extract._placing` places each figure as its sentence is read and notes what these
passes need (the figures at a site "near" a town, those whose clause spans countries, the places the
text gives its event); they run on the candidates left after repeats are merged.
"""

from __future__ import annotations

import attrs

from claimdiff._extract._candidate import Candidate
from claimdiff._extract._gazetteer_reads import around_town
from claimdiff._extract._place_next import placed_next
from claimdiff._extract._placing import Placing
from claimdiff._model.places import Gazetteer

__all__ = ["spanning", "storied"]


def _beside_towns(found: list[Candidate], placing: Placing) -> list[Candidate]:
    """Figures at a site "near" a town, placed at the town's first-level subdivision (rule 30).

    Cut only once repeats are merged: "Near Kisik, a strike ..." and "Near Tal Afar, a strike ..."
    are two figures at two sites, though both lie in one subdivision.
    """
    out = []
    for c in found:
        if c.start in placing.sites:
            place = around_town(placing.gazetteer, c.claim.scope.place)
            scope = attrs.evolve(c.claim.scope, place=place)
            c = attrs.evolve(c, claim=attrs.evolve(c.claim, scope=scope))  # noqa: PLW2901 - re-placed
        out.append(c)
    return out


def _headlines_placed(found: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """A headline's figure at the narrower place the body gives the same figure (ANNOTATION.md rule 29).

    "Suicide bomber kills five at wedding party in eastern Afghanistan" over "killing at least five
    people" in Nangarhar: one figure (same metric and thing counted, overlapping values), placed
    where the body places it, when the body gives it exactly one place within the headline's.
    """
    body: dict[tuple[str, str | None], list[Candidate]] = {}
    for d in found:  # the body's figures by metric and thing counted (keeps this linear)
        if not d.headline:
            body.setdefault((d.claim.metric.name, d.claim.scope.counted), []).append(d)
    out = []
    for c in found:
        k = c.claim
        if c.headline:
            key = gazetteer.key(k.scope.place)
            finer = {
                d.claim.scope.place
                for d in body.get((k.metric.name, k.scope.counted), ())
                if d.claim.low <= k.high
                and k.low <= d.claim.high
                and len(inner := gazetteer.key(d.claim.scope.place)) > len(key)
                and inner[: len(key)] == key
            }
            if len(finer) == 1:
                scope = attrs.evolve(k.scope, place=finer.pop())
                c = attrs.evolve(c, claim=attrs.evolve(k, scope=scope))  # noqa: PLW2901 - re-placed
        out.append(c)
    return out


def spanning(found: list[Candidate], placing: Placing) -> list[Candidate]:
    """Figures whose clause spans countries ("reported from 27 countries", "worldwide"), placed nowhere.

    Rule 19: several countries give the region the text names, else no place; such a figure is
    not put in the one country the rest of the text is about.
    """
    return [
        attrs.evolve(c, claim=attrs.evolve(c.claim, scope=attrs.evolve(c.claim.scope, place=())))
        if c.start in placing.spanning and c.claim.scope.place
        else c
        for c in found
    ]


def storied(found: list[Candidate], placing: Placing) -> list[Candidate]:
    """Figures placed no narrower than their country, in the place the text gives its event (rule 30).

    "Various news outlets say at least 50 people were killed in the airstrike", after "the attack
    in the Sagaing area in northwest Myanmar": the event's place, when the text gives its event one
    place (every place it gives lies on one path), is the narrowest the text gives such figures.
    """
    found = placed_next(found, placing.text, placing.gazetteer)
    found = _headlines_placed(_beside_towns(found, placing), placing.gazetteer)
    keys = [placing.gazetteer.key(p) for p in placing.events]
    if not keys or not all(max(keys, key=len)[: len(k)] == k for k in keys):
        return found
    deepest = max(range(len(keys)), key=lambda i: len(keys[i]))  # the narrowest the text gives it
    if len(keys[deepest]) < 2 or "-" not in keys[deepest][1]:
        return found  # a place the gazetteer does not put in a subdivision ("Tower 22") vouches for none
    event, place = keys[deepest], placing.events[deepest]
    out = []
    for c in found:
        key = placing.gazetteer.key(c.claim.scope.place)
        if (
            (c.headline or c.start not in placing.own_country)
            and (
                (len(key) <= 1 and len(event) > 1 and key in ((), event[:1]))
                or (  # "As of 06:00, 12 killed" under the heading's region, the event in a town of it
                    1 < len(key) < len(event)
                    and event[: len(key)] == key
                    and c.start not in placing.own_placed
                )
            )
        ):
            scope = attrs.evolve(c.claim.scope, place=place)
            c = attrs.evolve(c, claim=attrs.evolve(c.claim, scope=scope))  # noqa: PLW2901 - re-placed
        out.append(c)
    return out
