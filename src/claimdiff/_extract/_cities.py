"""Places below the region: a figure's town set within its country and first-level subdivision.

The towns are GeoNames' (:mod:`claimdiff._model.place_towns`, the ``places`` extra), chosen within the
country the text is about; without the data places stay as the text names them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from claimdiff._model.place_towns import (
    DEFAULT_MIN_POPULATION,
    City,
    region_name,
)
from claimdiff._model.place_towns import city_named as _city_named
from claimdiff._model.places import Gazetteer, _iso

__all__ = ["DEFAULT_MIN_POPULATION", "City", "below_region", "city_named", "needs_city"]


#: The Arabic article opening a town's name, joined or apart: "Al Qaim", "Al-Qaim", "Ar Rutbah".
_ARTICLE = re.compile(r"^(?:[AaEe]l|Ar|As|Ad|An|Ash|At|Az)[\s-]")
#: "ei" where another transliteration writes "ay": "Beiji" and "Bayji", "Sheikh" and "Shaykh".
_EI = re.compile(r"ei")


def city_named(
    name: str, countries: Iterable[str] = (), *, min_population: int = DEFAULT_MIN_POPULATION
) -> City | None:
    """The city ``name`` is within ``countries`` (:func:`claimdiff._model.place_towns.city_named`), by its spelling.

    Within the countries of its context, a town GeoNames writes in another transliteration of
    Arabic is found too: with the article the text leaves off ("Qaim" for Al Qa'im), or with
    "ay" for the text's "ei" ("Beiji" for Bayji). Without a country nothing is guessed.
    """
    wanted = tuple(countries)
    city = _city_named(name, wanted, min_population=min_population)
    if city is not None or not wanted or name.isupper():
        return city
    spellings = [] if _ARTICLE.match(name) else [f"Al {name}"]
    if "ei" in name:
        spellings.append(_EI.sub("ay", name))
    for spelling in spellings:
        city = _city_named(spelling, wanted, min_population=min_population)
        if city is not None:
            return city
    return None


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
    ties it to one (another spelling of a subdivision, "Baluchistan", is the gazetteer's to
    read). Anything else is returned as it came.

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
