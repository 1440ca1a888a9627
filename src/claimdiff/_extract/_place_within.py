"""A place the gazetteer does not know, within the known place named "in" or "of" after it ("Fardous in Aleppo").

Read by :func:`claimdiff._extract._place.places_named` (ANNOTATION.md rule 20: a town or district goes
under the place the text puts it in).
"""

from __future__ import annotations

import re

from claimdiff._extract._cities import city_named
from claimdiff._extract._gazetteer_reads import KIND as _KIND
from claimdiff._extract._gazetteer_reads import known
from claimdiff._extract._not_a_place import SETTLEMENT
from claimdiff._extract._place_owner import NAME as _NAME
from claimdiff._extract._place_path import place_path as _path
from claimdiff._extract._text import alternation
from claimdiff._extract._time import CALENDAR_WORDS
from claimdiff._model.place_names import kind_of
from claimdiff._model.places import Gazetteer

__all__ = ["DATE_WORDS", "town_after", "within"]

#: Calendar words closing a name ("Kharkiv Monday"): no part of the place.
DATE_WORDS = re.compile(rf"(?:\s+{alternation(w.title() for w in CALENDAR_WORDS)})+$")

#: After a place: "in" or "of" another ("Fardous in Aleppo"), maybe by its bearing ("in northern Syria"), or
#: the place it lies in, in brackets after it ("Shuicheng County (Guizhou Province, south-west China)").
_IN_ANOTHER = re.compile(
    rf"(?:(?:\s+(?:{SETTLEMENT}))?\s+(?:(?:located\s+)?in|of)\s+|\s*\(\s*(?:[a-z]+\s+(?:of|in)\s+)?)(?:the\s+)?"
    rf"(?:(?:north|south|east|west)\w*(?:-\w+)?\s+|central\s+|[NSEW][a-z]+\s+(?=[A-Z]\w*['’]s\s))?"
    rf"(?:(?P<c>{_NAME})['’]s\s+(?:(?:[a-z][\w-]*)\s+){{0,2}})?(?P<p>{_NAME}(?:\s+(?:{_NAME}|{_KIND}))*)"
)
#: How many "in"/"of" a place may be followed by before the known one it lies in ("in the X Emirate of Y State").
_HOPS = 3


def within(
    gazetteer: Gazetteer, path: tuple[str, ...], text: str, at: int, end: int
) -> tuple[str, ...]:
    """A place the gazetteer does not know, within the known place named "in" or "of" after it.

    "Fardous in Aleppo"; "Kaboro community in the Dansadau Emirate of Northwest Nigeria's Zamfara
    State": the first known place of the chain, up to three links. A link named with its kind of
    unit is kept, widest first ("the Abpashak area of Nahr-e-Saraj District of Hilmand Province":
    Helmand, Nahr-e-Saraj District, Abpashak). A known place in brackets after it is where it lies
    ("Danba County (Sichuan Province)": Sichuan, Danba County).
    """
    links: list[str] = []
    for _ in range(_HOPS):
        m = _IN_ANOTHER.match(text, at, end)
        if m is None:
            break
        outer = _path(m.group("c"), DATE_WORDS.sub("", m.group("p")))
        if outer is not None and known(gazetteer, outer):
            return gazetteer.normalise((*outer, *reversed(links), *path[-1:]))
        if outer is not None and kind_of(outer[-1]) is not None and "(" not in m.group():
            # "Nahr-e-Saraj District": a unit between the place and the known one
            links.append(outer[-1])
        at = m.end()
    # units the gazetteer knows only within a country ("Hilmand Province"): the chain, read in the text's
    return (*reversed(links), *path[-1:]) if links and path else path


def town_after(text: str, at: int, end: int) -> tuple[int, tuple[str, ...]] | None:
    """The well-known town named "in" after a site the gazetteer does not know, with where its "in" stands.

    "a bomb exploded near Ayesha Manzil in Karachi": the site is in Karachi, and Karachi is the
    figure's place (ANNOTATION.md rule 19, the narrowest place the text gives; a landmark is no
    part of a path, as "Mogadishu's Kilometre 5" is Mogadishu), not the site's name, nor the
    town's first-level unit as a site "near" the town would be (rule 30: "near" is the site's).
    A town is well known when GeoNames gives it without a country named (:func:`city_named`).
    """
    m = _IN_ANOTHER.match(text, at, end)
    if m is None or m.group("c") is not None or "(" in m.group():
        return None
    name = DATE_WORDS.sub("", m.group("p"))
    if city_named(name) is None or _path(None, name) is None:
        return None
    return m.start() + len(m.group()) - len(m.group().lstrip()), (name,)
