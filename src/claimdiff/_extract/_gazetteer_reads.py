"""What the gazetteer says of a name read in text: whether it knows it, and the places it implies.

Whether the gazetteer knows a place, a list's common parent, a town named like a region, a country
opening a headline's run of capitalised words. Shared by the reading of places in a sentence (:mod:`claimdiff._extract._place`) and their choice
and completion (:mod:`claimdiff._extract._place_choice`, :mod:`claimdiff._extract._placing`).
"""

from __future__ import annotations

import itertools
import re

from claimdiff._extract._cities import city_named
from claimdiff._extract._place_owner import is_country
from claimdiff._model.place_names import kind_of
from claimdiff._model.places import DEFAULT_GAZETTEER, FIRST_LEVEL, Gazetteer, city_unit_codes

__all__ = [
    "KIND",
    "around_town",
    "as_town",
    "bearing_before",
    "common",
    "country_first",
    "known",
    "nested",
    "of_level",
    "well_known",
]

#: The kinds of unit a place's name may end with: "Belgorod region", "Henan province", "Gaza Strip".
KIND = r"(?:regions?|oblasts?|provinces?|districts?|governorates?|states?|county|counties|city|cities|towns?|villages?|municipalit(?:y|ies)|localit(?:y|ies)|territory|strip)"


def well_known(name: str) -> bool:
    """True for a name of several words the gazetteer or GeoNames knows without context ("New Delhi")."""
    return " " in name and (known(DEFAULT_GAZETTEER, name) or city_named(name) is not None)


def country_first(
    gazetteer: Gazetteer, path: tuple[str, ...], *, units: bool = False
) -> tuple[str, ...]:
    """A run of capitalised words opening with a country's name is that country ("in Pakistan Volleyball Bombing").

    Headlines capitalise every word: a run the gazetteer does not know, whose first words are a
    country and whose other words name no kind of unit, is the country. With ``units`` (a heading
    in title case) a first-level subdivision opening the run is that subdivision ("Earthquake in
    Nangarhar OCHA Situation Report").

    >>> from claimdiff._model.places import DEFAULT_GAZETTEER as g
    >>> country_first(g, ("Nangarhar OCHA Situation Report",), units=True)
    ('Nangarhar',)
    """
    words = path[-1].split()
    for n in range(min(len(words) - 1, 5), 0, -1):
        head = " ".join(words[:n])
        if (is_country(gazetteer, head) or (units and _is_unit(gazetteer, head))) and not re.search(
            KIND, " ".join(words[n:]).lower()
        ):
            return (*path[:-1], head)
    return path


def _is_unit(gazetteer: Gazetteer, name: str) -> bool:
    """True when ``name`` is a first-level subdivision's (its key is a country and an ISO 3166-2 code)."""
    key = gazetteer.key(name)
    return len(key) == 2 and key[0].isupper() and "-" in key[1]


def as_town(
    gazetteer: Gazetteer, path: tuple[str, ...], name: str | None = None
) -> tuple[str, ...]:
    """A place the text calls a city or town (``name``, else the path's last part): named like a region, the town in it.

    A city that is a first-level unit of its own ("the city of Kyiv") is that unit.
    """
    key = gazetteer.key(path)
    if len(key) == 2 and "-" in key[1] and key[1] not in city_unit_codes():
        return (*gazetteer.normalise(path), name or path[-1])
    return path if name is None else (*path[:-1], name)


def around_town(gazetteer: Gazetteer, path: tuple[str, ...]) -> tuple[str, ...]:
    """The place of a site "near" or "outside" ``path``: a town's first-level subdivision, else its country.

    A site beside a town is not in it (ANNOTATION.md rule 30): a town below a subdivision gives
    the subdivision; a town the gazetteer puts under its country alone gives the country; a
    subdivision or a country is kept.

    >>> from claimdiff._model.places import DEFAULT_GAZETTEER as g
    >>> around_town(g, ("Iraq", "Ninawa", "Mosul"))
    ('Iraq', 'Ninawa')
    >>> around_town(g, ("Iraq", "Ninawa"))
    ('Iraq', 'Ninawa')
    """
    key = gazetteer.key(path)
    if len(key) < 2 or not key[0].isupper() or (len(key) == 2 and "-" in key[1]):
        return path
    return path[:2] if "-" in key[1] else path[:1]


#: A bearing written capitalised before a place's name: "Eastern Ethiopia", "North-Western Syria".
_BEARING = re.compile(
    r"(?:North|South|East|West|Central)(?:[- ]?(?:north|south|east|west)(?:ern)?|ern)?\s",
    re.IGNORECASE,
)


def bearing_before(name: str, gazetteer: Gazetteer = DEFAULT_GAZETTEER) -> bool:
    """True for a place's name after a capitalised bearing, the whole unknown ("Eastern Ethiopia"): a part of the place.

    A name the gazetteer knows whole ("South Sudan", "Northern Cape", "West Bank") is a place of its own.

    >>> bearing_before("Eastern Ethiopia"), bearing_before("South Sudan"), bearing_before("East Ghouta")
    (True, False, False)
    """
    m = _BEARING.match(name)
    return m is not None and known(gazetteer, name[m.end() :]) and not known(gazetteer, name)


def known(gazetteer: Gazetteer, path: tuple[str, ...] | str) -> bool:
    """True when the gazetteer knows where the place is (its country, by ISO code)."""
    key = gazetteer.key(path)
    return bool(key) and key[0].isupper()


def nested(
    gazetteer: Gazetteer, path: tuple[str, ...], extra: list[tuple[str, ...]], written: str
) -> tuple[str, ...]:
    """Names after commas each within the next ("in Yushu, Qinghai, China"): one place, the first, within them.

    ``path`` is the first name, ``extra`` the known places after it, ``written`` their words; ``()``
    when they are a list instead ("and" between them, a name the gazetteer does not know, or one
    not within the next), or when ``path`` is known and lies outside them.

    >>> from claimdiff._model.places import DEFAULT_GAZETTEER as g
    >>> nested(g, ("Yushu",), [g.normalise("Qinghai"), g.normalise("China")], ", Qinghai, China")
    ('China', 'Qinghai Sheng', 'Yushu')
    >>> nested(g, ("Yushu",), [g.normalise("Qinghai"), g.normalise("Sichuan")], ", Qinghai, Sichuan")
    ()
    """
    if " and " in written or len(extra) < 2 or not all(known(gazetteer, p) for p in extra):
        return ()
    keys = [gazetteer.key(p) for p in extra]
    for inner, outer in itertools.pairwise(keys):
        if len(inner) <= len(outer) or inner[: len(outer)] != outer:
            return ()
    if not known(gazetteer, path):
        return gazetteer.normalise((*extra[0], path[-1]))
    key = gazetteer.key(path)
    within = len(key) > len(keys[0]) and key[: len(keys[0])] == keys[0]
    return gazetteer.normalise(path) if within else ()


def common(gazetteer: Gazetteer, paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The common parent of places in a list; the deepest when the others contain it ("Kerala, India")."""
    keys = [gazetteer.key(p) for p in paths]
    deepest = max(range(len(keys)), key=lambda i: len(keys[i]))
    if all(keys[deepest][: len(k)] == k for k in keys):
        return paths[deepest]
    n = 0
    while all(len(k) > n and k[n] == keys[0][n] for k in keys):
        n += 1
    return paths[0][:n]


def of_level(
    gazetteer: Gazetteer, text: str, found: list[tuple[int, tuple[str, ...]]]
) -> list[tuple[int, tuple[str, ...]]]:
    """The places a sentence names, a bare name of a town and its first-level unit read as the unit beside units named with their kind.

    "five drones over the Belgorod region, four drones over Bryansk and another over the Moscow
    region": places side by side in one clause (no ";" between them) are of one level, so Bryansk
    is the Bryansk region.
    """
    kinded = [at for at, p in found if p and kind_of(p[-1]) in FIRST_LEVEL]
    if not kinded:
        return found
    return [
        (at, _unit_of(gazetteer, p))
        if any(";" not in text[min(at, k) : max(at, k)] for k in kinded)
        else (at, p)
        for at, p in found
    ]


def _unit_of(gazetteer: Gazetteer, path: tuple[str, ...]) -> tuple[str, ...]:
    """A bare name of a town named like its first-level unit: the unit; any other path as it is."""
    if len(path) != 1 or kind_of(path[0]) is not None:
        return path
    key = gazetteer.key(path)
    if len(key) != 3 or "-" not in key[1]:
        return path
    unit = (*gazetteer.normalise(path)[:1], f"{path[0]} region")
    return gazetteer.normalise(unit) if gazetteer.key(unit) == key[:2] else path
