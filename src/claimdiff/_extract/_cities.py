"""Places below the region: a figure's town set within its country and first-level subdivision.

The towns are GeoNames' (:mod:`claimdiff._model.place_towns`, the ``places`` extra), chosen within the
country the text is about; without the data places stay as the text names them.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from claimdiff._model.place_towns import (
    DEFAULT_MIN_POPULATION,
    City,
    _iso_names,
    city_named,
    region_name,
)
from claimdiff._model.places import Gazetteer, _fold, _iso

__all__ = ["DEFAULT_MIN_POPULATION", "City", "below_region", "city_named", "needs_city"]

#: The words that name a kind of first-level unit, left off before comparing spellings.
_KIND_WORDS = frozenset(
    {"province", "region", "state", "oblast", "governorate", "district", "department", "county"}
)
#: The place fold without its memo.
_FOLD = _fold.__wrapped__


def _spelled_like(name: str, country: str) -> str | None:
    """The ISO code of the one subdivision of ``country`` whose name ``name`` is another spelling of.

    Transliterations differ by a letter or two ("Baluchistan" and "Balochistan", "Kharkov" and
    "Kharkiv"): a name of at least five letters, with the same first letter, at least 85% alike,
    and alike to no other subdivision of the country.
    """
    folded = _FOLD(name)
    stem = " ".join(w for w in folded.split() if w not in _KIND_WORDS)
    if len(stem) < 5:
        return None
    table = _iso()[2].get(country, {})
    close = difflib.get_close_matches(
        stem, [k for k in table if k[:1] == stem[:1]], n=2, cutoff=0.85
    )
    codes = {table[k][0].code for k in close}
    return codes.pop() if len(codes) == 1 else None


def needs_city(gazetteer: Gazetteer, place: tuple[str, ...]) -> bool:
    """True when :func:`below_region` may change ``place``: a name no subdivision, alone or under its country."""
    if not place or len(place) > 2:
        return False
    key = gazetteer.key(place)
    if len(place) == 1:
        return bool(key) and not key[0][:1].isupper()
    return len(key) == 2 and key[0].isupper() and "-" not in key[1]


def below_region(
    gazetteer: Gazetteer,
    place: tuple[str, ...],
    countries: Sequence[str],
    *,
    min_population: int = DEFAULT_MIN_POPULATION,
) -> tuple[str, ...]:
    """``place`` with the city it ends in set within its country and first-level subdivision.

    A name the ISO gazetteer does not know, alone or under its country ("Kramatorsk",
    "Ukraine > Kramatorsk"), is looked up as a city: within its country if the path names one,
    else within ``countries`` (the text's, in order), else the one city of that name clearly
    the largest. The city's subdivision is put between its country and its name where GeoNames
    ties it to one. A name that is no city but another spelling of one of the country's
    subdivisions is that subdivision ("Baluchistan"). Anything else is returned as it came.

    >>> from claimdiff._model.places import DEFAULT_GAZETTEER as g
    >>> below_region(g, ("Ukraine", "Kramatorsk"), ())
    ('Ukraine', 'Donetsk Oblast', 'Kramatorsk')
    """
    key = gazetteer.key(place)
    if len(place) == 1 and key and not key[0][:1].isupper():
        within = list(countries)
    elif len(place) == 2 and len(key) == 2 and key[0].isupper() and "-" not in key[1]:
        within = [key[0]]
    elif len(place) == 2 and len(key) == 3 and "-" in key[1]:
        return gazetteer.normalise(place)  # a town the gazetteer itself puts in its subdivision
    else:
        return place
    city = city_named(place[-1], within, min_population=min_population)
    if city is None:
        spelled = next(
            (code for c in within[:1] if (code := _spelled_like(place[-1], c)) is not None), None
        )
        if spelled is not None:  # "Baluchistan province" in Pakistan is Balochistan
            return gazetteer.normalise((_iso()[1][spelled[:2]], _iso_names()[spelled]))
        return place
    country = _iso()[1][city.country]
    in_country = gazetteer.key((country, place[-1]))
    if len(in_country) > 1 and "-" in in_country[1]:
        return gazetteer.normalise(
            (country, place[-1])
        )  # "Gaza" in Palestine: ISO's subdivision of that name
    if city.region is None:
        return gazetteer.normalise((country, place[-1]))
    return gazetteer.normalise((country, region_name(city.region, min_population), place[-1]))
