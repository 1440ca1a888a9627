"""Places: one path per place, so that places read from text and places written by hand meet.

A place is a path from the country down ("Russia > Belgorod Oblast > Belgorod"). Countries
and their first-level subdivisions come from ISO 3166 (through :mod:`pycountry`, loaded on
first use); each is known by its ISO names, common names and codes, and a subdivision also
by its stem with the kind of unit left off, so "Belgorod region", "Belgorod Oblast" and
ISO's "Belgorodskaya oblast'" are one place. Places below a subdivision (towns, districts)
are kept as the text names them. A :class:`Gazetteer` may add aliases of its own.

A figure about several places at once ("over four regions") is about their union, a *place set*: the
last part of its path lists the places, joined by ``+`` ("Russia > Belgorod Oblast + Kursk Oblast").
Its places are siblings under the path before it, so they do not overlap and the figures stated for
them add up to the figure of the set (:func:`place_set`, in :mod:`claimdiff._model.place_sets`). How names
are folded and stemmed to be compared is :mod:`claimdiff._model.place_names`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from claimdiff._model.place_names import (
    DISPLAY_KINDS,
    KIND_WORDS,
    ascii_name,
    below_key,
    fold,
    kind_of,
    stems,
    variants,
)
from claimdiff._model.place_sets import UNION, place_set, union_path
from claimdiff._model.place_spellings import SUBDIVISION_ALIASES as _SUBDIVISION_ALIASES
from claimdiff._model.place_spellings import initials, spelled_like
from claimdiff._model.place_towns import region_name, town_key
from claimdiff._model.places_below import Unit2, second_level
from claimdiff._model.subdivision_names import name_index

__all__ = ["DEFAULT_GAZETTEER", "UNION", "Gazetteer", "place_key", "place_set", "union_path"]

#: The fold of place names, under the name the extractor's city index imports it by.
_fold = fold

#: Names a country is better known by than its ISO short name.
_COUNTRY_NAMES = {
    "RU": "Russia",
    "PS": "Palestine",
    "CD": "Democratic Republic of the Congo",
    "CG": "Congo",
    "TR": "Turkey",
    "GB": "United Kingdom",
    "US": "United States",
    "KP": "North Korea",
    "FM": "Micronesia",
    "BO": "Bolivia",
    "VE": "Venezuela",
}
_COUNTRY_ALIASES = {
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "us": "US",
    "usa": "US",
    "u s": "US",
    "u s a": "US",
    "america": "US",
    "united states of america": "US",
    "drc": "CD",
    "uae": "AE",
    "dr congo": "CD",
    "dr of congo": "CD",
    "democratic republic of congo": "CD",
    "congo kinshasa": "CD",
    "turkiye": "TR",
    "ivory coast": "CI",
    "burma": "MM",
    "czech republic": "CZ",
    "holland": "NL",
    "gaza strip": "PS",
    "occupied palestinian territory": "PS",
    "west bank": "PS",
    "east timor": "TL",
    "swaziland": "SZ",
    "cape verde": "CV",
    "macedonia": "MK",
    "south korea": "KR",
    "north korea": "KP",
}
#: Regions that span countries, never read as one country's subdivision of the same name.
_REGIONS_ACROSS_BORDERS = frozenset(
    {
        "sahel",
        "europe",
        "balkans",
        "caucasus",
        "middle east",
        "horn of africa",
        "east africa",
        "west africa",
        "central america",
        "lake chad basin",
    }
)


@attrs.frozen
class _Unit:
    code: str
    name: str
    country: str


@functools.cache
def _iso() -> tuple[dict[str, str], dict[str, str], dict[str, dict[str, list[_Unit]]]]:
    """Country names -> alpha-2, alpha-2 -> display name, and per country: keys -> subdivisions."""
    import pycountry  # noqa: PLC0415 - loaded on first use: `import claimdiff` stays light

    names: dict[str, str] = {}
    display: dict[str, str] = {}
    for c in pycountry.countries:
        code = c.alpha_2
        display[code] = _COUNTRY_NAMES.get(code) or getattr(c, "common_name", None) or c.name
        for n in (
            c.name,
            getattr(c, "common_name", None),
            getattr(c, "official_name", None),
            display[code],
        ):
            if n:
                names.setdefault(fold(n), code)
        if "," in c.name:  # "Korea, Republic of" is also "Republic of Korea"
            head, tail = c.name.split(",", 1)
            names.setdefault(fold(f"{tail} {head}"), code)
    for alias, code in _COUNTRY_ALIASES.items():
        names[fold(alias)] = code
    by_code = {s.code: s for s in pycountry.subdivisions}
    subs: dict[str, dict[str, list[_Unit]]] = {}
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None):
            continue  # first-level subdivisions only
        unit = _Unit(s.code, s.name, s.country_code)
        table = subs.setdefault(s.country_code, {})
        for key in stems(s.name):
            table.setdefault(key, []).append(unit)
    english = name_index(fold, stems)  # English names ("Rural Damascus") where ISO's give no key
    for country, keys in english.keys.items():
        for key, code in keys.items():
            subs.setdefault(country, {})[key] = [_Unit(code, by_code[code].name, country)]
    for alias, code in _SUBDIVISION_ALIASES.items():
        sd = by_code[code]
        subs[sd.country_code].setdefault(alias, []).insert(
            0, _Unit(sd.code, sd.name, sd.country_code)
        )
    return names, display, subs


@functools.cache
def alpha_3() -> dict[str, str]:
    """ISO 3166-1 alpha-3 codes, as written in capitals ("RUS", "UKR") -> the alpha-2 code.

    >>> alpha_3()["RUS"]
    'RU'
    """
    import pycountry  # noqa: PLC0415 - loaded on first use

    return {c.alpha_3: c.alpha_2 for c in pycountry.countries}


def _folded_aliases(table: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType({fold(k): v for k, v in dict(table).items()})


@attrs.frozen
class Gazetteer:
    """Normalises place paths: countries and first-level subdivisions to one name each.

    >>> g = Gazetteer()
    >>> g.normalise("Russia > Belgorod region")
    ('Russia', 'Belgorod Oblast')
    >>> g.normalise(("Russian Federation", "Belgorod Oblast", "Belgorod"))
    ('Russia', 'Belgorod Oblast', 'Belgorod')
    >>> g.normalise("Belgorod")  # a city named like its region stands in it
    ('Russia', 'Belgorod Oblast', 'Belgorod')
    >>> g.key("Russia > Belgorod region") == g.key("RUS > Belgorod Oblast")
    True

    Attributes:
        aliases: Extra names -> the path they stand for ("Donbas": "Ukraine > Donetsk Oblast").
    """

    aliases: Mapping[str, str] = attrs.field(factory=dict, converter=_folded_aliases)

    def normalise(self, place: str | Sequence[str] | None) -> tuple[str, ...]:
        """The place as one canonical path (country, subdivision, then the rest as named)."""
        return self._resolve(place)[0]

    def key(self, place: str | Sequence[str] | None) -> tuple[str, ...]:
        """What two places must share to be the same place: ISO codes where known, folded names below."""
        return self._resolve(place)[1]

    def _resolve(
        self, place: str | Sequence[str] | None
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The place's names and keys, part by part (memoised: paths repeat throughout a text)."""
        entry = _RESOLVED.get(id(self.aliases))  # (no new default built on every lookup)
        if entry is None:
            entry = _RESOLVED.setdefault(id(self.aliases), ({}, self.aliases))
        cache = entry[0]
        raw = (
            place if isinstance(place, str | tuple) else None
        )  # the place as given: the memo's quick key
        found = cache.get(raw) if raw is not None else None
        if found is not None:
            return found
        parts = tuple(_parts(place))
        found = cache.get(parts)
        if (
            found is None
        ):  # a memo, not state: any thread computing the same path computes the same answer
            if len(cache) > 50_000:
                cache.clear()
            pairs = self._resolve_parts(list(parts))
            found = cache[parts] = (tuple(n for n, _ in pairs), tuple(c for _, c in pairs))
        if raw is not None:
            cache[raw] = found
        return found

    def _resolve_parts(self, parts: list[str]) -> list[tuple[str, str]]:
        expanded: list[str] = []
        for p in [piece for part in parts for piece in _possessive(part)]:
            alias = self.aliases.get(fold(p))
            expanded += _parts(alias) if alias is not None else [p]
        names, display, subs = _iso()
        country: str | None = None
        sub: _Unit | None = None
        sub_name = ""
        rest: list[tuple[str, str]] = []
        for p in expanded:
            folded = fold(p)
            if country is None and sub is None and not rest:
                # "DR Congo (Zaire)": a country and, in brackets, a former or other name of it
                bare = fold(_BRACKETED_AFTER.sub("", p))
                if bare in names:
                    country = names[bare]
                    continue
            if country is None and sub is None and not rest and p.strip() in alpha_3():
                country = alpha_3()[
                    p.strip()
                ]  # "RUS", in capitals: "and", "can" and "per" are words
                continue
            if country is None and sub is None and not rest and p.strip() in initials():
                country = initials()[p.strip()]  # "CAR", "DRC", "PNG": a country by its initials
                continue
            found = _subdivision(p, country, subs) if sub is None else None
            if found is not None:
                unit, shown, is_city = found
                country, sub, sub_name = unit.country, unit, shown
                if is_city:
                    rest.append((p.strip(), fold(p)))
                continue
            below = None if rest else _below(p, country, sub)
            if below is not None:  # "Southern Leyte": a province, under the region it lies in
                if sub is None:
                    country, sub, sub_name = _parent(below.parent)
                rest.append((p.strip(), below.code))
                continue
            rest.append((p.strip(), below_key(folded)))
        if country is not None and len(rest) == 1 and "-" not in rest[0][1]:
            country, sub, sub_name, rest = self._below_first(country, sub, sub_name, rest)
        elif country is not None and sub is None and len(rest) > 1 and "-" not in rest[0][1]:
            # "Hilmand Province > Nahr-e-Saraj District": a subdivision in another transliteration, then below
            spelled = spelled_like(rest[0][1], country)
            if spelled is not None and kind_of(rest[0][0]) in _FIRST_LEVEL:
                country, sub, sub_name = _parent(spelled)
                rest = rest[1:]
        out: list[tuple[str, str]] = []
        if country is not None:
            out.append((display[country], country))
        if sub is not None:
            out.append((sub_name, sub.code))
        return out + rest

    def _below_first(
        self, country: str, sub: _Unit | None, sub_name: str, rest: list[tuple[str, str]]
    ) -> tuple[str, _Unit | None, str, list[tuple[str, str]]]:
        """A name below the country that no table resolved: another spelling of a subdivision, or a town.

        A name written with a first-level kind ("Hilmand province", "Leninobod region") is first
        read as a subdivision in another transliteration, and a town's name so written is the
        town's subdivision; any other is a town, keyed by its GeoNames name and put under its
        subdivision though the path skips it ("Kharkov" is Kharkiv, in Kharkiv Oblast).
        """
        written, folded = rest[0]
        first_level = kind_of(written) in _FIRST_LEVEL
        spelled = spelled_like(folded, country) if sub is None else None
        if spelled is not None and first_level:
            return (*_parent(spelled), [])
        town = town_key(folded, country, sub.code if sub is not None else None)
        if town is not None:
            if sub is None and town[1] is not None and town[1] in _codes():
                country, sub, sub_name = _parent(town[1])
                named = _subdivision(region_name(town[1]), country, _iso()[2])
                sub_name = named[1] if named is not None and named[0] == sub else sub_name
                if first_level:
                    return country, sub, sub_name, []
            return country, sub, sub_name, [(written, town[0])]
        if spelled is not None:  # "Baluchistan" is ISO's Balochistan: another transliteration
            return (*_parent(spelled), [])
        return country, sub, sub_name, rest


#: A name in brackets closing a part: "(Zaire)" in "DR Congo (Zaire)".
_BRACKETED_AFTER = re.compile(r"\s*\([^()]*\)\s*$")


@functools.cache
def _codes() -> frozenset[str]:
    """The ISO 3166-2 codes of first-level subdivisions."""
    return frozenset(
        u.code for table in _iso()[2].values() for units in table.values() for u in units
    )


#: Kinds of first-level unit: a name written with one is a subdivision before it is a town.
FIRST_LEVEL = _FIRST_LEVEL = frozenset(
    {"region", "province", "oblast", "governorate", "state", "prefecture", "krai"}
)


def _below(text: str, country: str | None, sub: _Unit | None) -> Unit2 | None:
    """The second-level unit ``text`` names, within ``sub`` or ``country``, or anywhere if named with its kind."""
    if country is None:
        folded = fold(text)
        stem = " ".join(KIND_WORDS.sub(" ", folded).split())
        if stem == folded or any(k in _anywhere() for k in (stem, *variants(stem))):
            # "Most", "Kent": without its country, only a name written with its kind of unit
            # ("Karonga district") is read as one; never a first-level name of several countries
            return None
    return second_level(text, country, sub.code if sub is not None else None)


@functools.cache
def _parent(code: str) -> tuple[str, _Unit, str]:
    """The country, first-level unit and display name (ISO's) of the first-level unit ``code``."""
    country = code.split("-", 1)[0]
    unit = next(u for units in _iso()[2][country].values() for u in units if u.code == code)
    return country, unit, ascii_name(unit.name)


def _possessive(part: str) -> list[str]:
    """A possessive read as a path: "Russia's Belgorod region" is Russia, then Belgorod region."""
    m = re.match(r"^(.+?)['’]s\s+(.+)$", part)
    return [m.group(1), m.group(2)] if m and fold(m.group(1)) in _iso()[0] else [part]


#: Resolved paths per alias table (keyed by its id; the table is kept beside its cache so the id stays its own).
_RESOLVED: dict[
    int,
    tuple[dict[str | tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]], Mapping[str, str]],
] = {}


def _parts(place: str | Sequence[str] | None) -> list[str]:
    if not place:
        return []
    items = place.split(">") if isinstance(place, str) else list(place)
    return [p.strip() for p in items if p and p.strip()]


@functools.cache
def _anywhere() -> dict[str, list[_Unit]]:
    """Stem -> the subdivisions of any country it names (the first of each country's)."""
    out: dict[str, list[_Unit]] = {}
    for table in _iso()[2].values():
        for key, units in table.items():
            out.setdefault(key, []).append(units[0])
    return out


@functools.cache
def _city_units() -> dict[str, tuple[str, str]]:
    """Region code -> (code, ISO name) of the city named like it that is a first-level unit of its own.

    Kyiv (UA-30) beside Kyiv Oblast (UA-32), Minsk (BY-HM) beside Minsk Oblast (BY-MI).
    """
    subs = _iso()[2]
    out: dict[str, tuple[str, str]] = {}
    for country, cities in name_index(fold, stems).cities.items():
        for key, city in cities.items():
            region = next((u.code for u in subs[country].get(key, []) if u.code != city[0]), None)
            if region is not None:
                out.setdefault(region, city)
    return out


def city_unit_codes() -> frozenset[str]:
    """The ISO 3166-2 codes of cities that are first-level units of their own, beside a region named like them.

    >>> "UA-30" in city_unit_codes(), "UA-32" in city_unit_codes()
    (True, False)
    """
    return frozenset(code for code, _ in _city_units().values())


def _subdivision(
    text: str, country: str | None, subs: dict[str, dict[str, list[_Unit]]]
) -> tuple[_Unit, str, bool] | None:
    """The subdivision ``text`` names, its display name, and whether ``text`` is rather a city named like it."""
    folded = fold(text)
    stem = " ".join(KIND_WORDS.sub(" ", folded).split())
    if not stem:
        return None
    if country is None and stem in _REGIONS_ACROSS_BORDERS:
        return None
    keys = [stem, *sorted(variants(stem)), folded]  # "Region IX": a name whose stem is too short
    words = folded.split()
    if len(words) > 2 and KIND_WORDS.fullmatch(words[-1]):
        keys.append(
            " ".join(words[:-1])
        )  # "Arctic Region region": a kind written after a name holding one
    if country is not None:
        table = subs.get(country, {})
        hits = next(({u.code: u for u in table[k][:1]} for k in keys if k in table), {})
    else:
        hits = next(({u.code: u for u in _anywhere()[k]} for k in keys if k in _anywhere()), {})
    if len(hits) != 1:
        return None  # unknown, or the same name in several countries: kept as the text names it
    unit = next(iter(hits.values()))
    kind = kind_of(text)
    english = name_index(fold, stems)
    # "Ukraine > Kyiv" is the city, a first-level unit of its own; "Kyiv region" is the oblast.
    city = None if kind else english.cities.get(unit.country, {}).get(stem)
    if city is None and not kind and stem not in english.keys.get(unit.country, {}):
        # "Kiev", "Moskva": another spelling of the city the region is named after, where that
        # city is a first-level unit of its own, is that city (the region's own names stay its).
        city = _city_units().get(unit.code)
    if city is not None:
        unit = _Unit(*city, unit.country)
    iso_kind = kind_of(unit.name)
    is_city = kind is None and fold(unit.name) != stem and iso_kind in {"oblast", "oblast'"}
    is_city &= stem not in english.keys.get(unit.country, {})  # "Kharkivshchyna" is the region
    word = DISPLAY_KINDS.get((iso_kind or kind or "").rstrip("'"), "")
    if (
        word and "(" not in unit.name
    ):  # "Zamboanga Peninsula (Region IX)": ISO's name, whatever was written
        stem_text = " ".join(
            w
            for w in re.split(r"\s+", text.strip())
            if fold(w) and not KIND_WORDS.fullmatch(fold(w))
        )
        shown = f"{stem_text} {word}" if kind_of(unit.name) != fold(unit.name) else unit.name
    else:
        shown = ascii_name(unit.name)
    return unit, shown, is_city


#: The gazetteer places are normalised with unless a caller passes another.
DEFAULT_GAZETTEER = Gazetteer()


def place_key(
    place: str | Sequence[str] | None, gazetteer: Gazetteer = DEFAULT_GAZETTEER
) -> tuple[Any, ...]:
    """What two places must share to be the same place (see :meth:`Gazetteer.key`).

    >>> place_key("Ukraine > Kharkiv region") == place_key("Ukraine > Kharkiv Oblast")
    True
    """
    return gazetteer.key(place)
