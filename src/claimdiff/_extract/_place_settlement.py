"""A settlement named after the unit it lies in: "the Parwan capital of Charikar", "the Borno State village of Bardari".

English names a town by its kind, "of" its name, with the place it lies in before the kind as an
adjective: the settlement is the place meant (ANNOTATION.md rule 19, the narrowest place the text gives),
within the unit named before it, whether or not the gazetteer knows the settlement. Read by
:func:`claimdiff._extract._place.places_named`.
"""

from __future__ import annotations

import re

from claimdiff._extract._constructions import has
from claimdiff._extract._gazetteer_reads import as_town, known
from claimdiff._extract._place_owner import NAME
from claimdiff._extract._place_path import COUNTRY_OF_ADJECTIVE
from claimdiff._model.place_towns import city_named, region_name
from claimdiff._model.places import Gazetteer

__all__ = ["settlements"]

#: "the Parwan capital of Charikar", "the Kunduz province village of Ghor Tepa", "the Kenyan resort town of
#: Diani": a unit's name (up to four words, its kind among them), a settlement's kind (maybe after two
#: words of its own), "of", the name.
#: The kinds of a settlement English names "of" its name.
_KIND_WORDS = ("city", "town", "village", "capital", "hamlet", "settlement", "suburb")
_SETTLED = re.compile(
    rf"(?<![\w'’-])(?P<u>{NAME}(?:[ -](?:{NAME}|province|state|region|district|county|oblast|governorate)){{0,3}})"
    rf"\s+(?:[a-z]+\s+){{0,2}}?(?:{'|'.join(_KIND_WORDS)})\s+of\s+(?:the\s+)?"
    rf"(?P<p>{NAME}(?:[ -]{NAME}){{0,3}})"
)
#: The words :data:`_SETTLED` cannot match without: a sentence with none of them is not searched.
_KINDS = re.compile(rf"\s(?:{'|'.join(_KIND_WORDS)})\s+of\s")


def settlements(
    text: str, start: int, end: int, gazetteer: Gazetteer
) -> list[tuple[int, int, tuple[str, ...]]]:
    """The settlements ``text[start:end]`` names after their unit: where each name starts, where it ends, its path.

    The unit is a place the gazetteer knows, or a nationality adjective ("the Mexican city of
    Culiacan": Mexico); the path is the settlement within it, as the text names the settlement.

    >>> from claimdiff._model.places import DEFAULT_GAZETTEER as g
    >>> t = "a bombing in the Parwan capital of Charikar killed 12"
    >>> settlements(t, 0, len(t), g)
    [(17, 43, ('Afghanistan', 'Parwan', 'Charikar'))]
    """
    # the kind's word looked for first (a plain search): most sentences name no settlement's kind
    if not has(text, _KIND_WORDS, start, end) or _KINDS.search(text, start, end) is None:
        return []
    out = []
    for m in _SETTLED.finditer(text, start, end):
        named = m.group("u").replace("’s ", "'s ")
        owner, _, unit = named.rpartition("'s ") if "'s " in named else ("", "", named)
        if unit.lower() in COUNTRY_OF_ADJECTIVE:
            outer: tuple[str, ...] = (COUNTRY_OF_ADJECTIVE[unit.lower()],)
        elif known(gazetteer, (owner, unit) if owner else unit):
            outer = gazetteer.normalise((owner, unit) if owner else unit)  # "Afghanistan's Parwan"
        else:
            continue  # "the Capital city of ...", a name the gazetteer cannot place: no unit vouches for it
        # a town named like a unit is the town in it ("the Ukrainian city of Zaporizhzhia")
        path = gazetteer.normalise((*outer, m.group("p")))
        path = _near_town(gazetteer, text, m.end(), end, path) or path
        out.append((m.start(), m.end(), as_town(gazetteer, path, m.group("p"))))
    return out


#: After a settlement's name: the known town it is near ("Szczekociny near Zawiercie").
_NEAR = re.compile(rf"\s+near\s+(?:the\s+(?:city|town)\s+of\s+)?(?P<n>{NAME}(?:\s+{NAME})?)")


def _near_town(
    gazetteer: Gazetteer, text: str, at: int, end: int, path: tuple[str, ...]
) -> tuple[str, ...] | None:
    """A settlement only its country places, "near" a town of that country: within the town's first-level unit.

    The town it is near vouches for the unit (ANNOTATION.md rule 20: a town goes under its
    first-level subdivision); ``None`` when no such town follows, or the settlement is placed deeper.
    """
    near = _NEAR.match(text, at, end)
    key = gazetteer.key(path)
    if near is None or len(key) != 2 or not key[0].isupper() or "-" in key[1]:
        return None
    if city_named(path[-1], [key[0]]) is not None:
        return None  # GeoNames knows the settlement itself: it is placed where it is
    town = city_named(near.group("n"), [key[0]])
    if town is None or town.region is None:
        return None
    unit = gazetteer.normalise((path[0], region_name(town.region)))
    return (*unit, path[-1]) if gazetteer.key(unit)[1:2] == (town.region,) else None
