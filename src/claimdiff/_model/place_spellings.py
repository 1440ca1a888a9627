"""Other ways of writing a place: a country by its initials ("CAR"), a subdivision in another transliteration.

Read by the gazetteer (:mod:`claimdiff._model.places`) where a name resolves to nothing by itself:
"CAR" is the Central African Republic; "Hilmand" and "Helmand", "Baluchistan" and "Balochistan" are one
subdivision, since transliterations differ in vowels and the letters that write them, not in consonants.
"""

from __future__ import annotations

import functools

from claimdiff._model.place_names import fold, skeleton

__all__ = ["SUBDIVISION_ALIASES", "initials", "spelled_like"]

#: English names of subdivisions whose ISO name is a transliterated adjective hard to reduce by rule.
SUBDIVISION_ALIASES = {
    "odesa": "UA-51",
    "odessa": "UA-51",
    "zaporizhzhia": "UA-23",
    "zaporizhia": "UA-23",
    "zaporozhye": "UA-23",
    "vinnytsia": "UA-05",
    "cherkasy": "UA-71",
    "chernivtsi": "UA-77",
    "poltava": "UA-53",
    "sumy": "UA-59",
    "khmelnytskyi": "UA-68",
    "rivne": "UA-56",
    "zakarpattia": "UA-21",
    "transcarpathia": "UA-21",
    "ivano frankivsk": "UA-26",
    "crimea": "UA-43",
    "sevastopol": "UA-40",
    "kiev": "UA-32",
    "kyiv": "UA-32",
    "kharkov": "UA-63",
    "nikolaev": "UA-48",
    "mykolaiv": "UA-48",
    "lugansk": "UA-09",
    "dnipro": "UA-12",
    "oryol": "RU-ORL",
    "orel": "RU-ORL",
    "sanaa": "YE-SA",
    "sana": "YE-SA",
    "aden": "YE-AD",
    "moscow": "RU-MOS",
    "st petersburg": "RU-SPE",
    "saint petersburg": "RU-SPE",
}

#: Words a country's initials leave out: "DRC" is the Democratic Republic of the Congo.
_NOT_INITIALLED = frozenset({"of", "the", "and"})
#: The fewest letters a country's initials are read by ("CAR"; two letters are alpha-2 codes and words).
_INITIALS = 3


@functools.cache
def initials() -> dict[str, str]:
    """A country's initials, in capitals -> its alpha-2 code: "CAR", "DRC", "PNG", "UAE".

    The initials of the words of the name a country is displayed by, of three words or more (an
    official name's initials, "IRA", "SAR", are as often something else's); initials two countries
    share, or that are another country's alpha-3 code, are left out.

    >>> initials()["CAR"], initials()["DRC"], "SAR" in initials()
    ('CF', 'CD', False)
    """
    from claimdiff._model.places import _iso, alpha_3  # noqa: PLC0415 - places imports this module

    found: dict[str, set[str]] = {}
    for code, name in _iso()[1].items():
        words = [w for w in fold(name).split() if w not in _NOT_INITIALLED]
        if len(words) >= _INITIALS:
            found.setdefault("".join(w[0] for w in words).upper(), set()).add(code)
    codes = alpha_3()
    return {
        k: v
        for k, (v,) in ((k, tuple(v)) for k, v in found.items() if len(v) == 1)
        if codes.get(k, v) == v
    }


#: The fewest consonants a name's skeleton must have to be told from another's.
_SKELETON_LETTERS = 3


@functools.cache
def _skeletons(country: str) -> dict[str, set[str]]:
    """Per country: the skeleton of each first-level subdivision's keys -> the codes with that skeleton."""
    from claimdiff._model.places import _iso  # noqa: PLC0415 - places imports this module

    out: dict[str, set[str]] = {}
    for key, units in _iso()[2].get(country, {}).items():
        out.setdefault(skeleton(key), set()).update(u.code for u in units[:1])
    return out


def spelled_like(stem: str, country: str) -> str | None:
    """The one first-level subdivision of ``country`` that ``stem`` is another transliteration of, else ``None``.

    The two names share their first letter and their consonants (:func:`skeleton`), of at least three.

    >>> spelled_like("hilmand", "AF"), spelled_like("mandima", "CD")
    ('AF-HEL', None)
    """
    bone = skeleton(stem)
    if len(bone) < _SKELETON_LETTERS:
        return None
    codes = {
        c
        for c in _skeletons(country).get(bone, ())
        if any(k[:1] == stem[:1] and skeleton(k) == bone for k in _keys_of(c))
    }
    return codes.pop() if len(codes) == 1 else None


@functools.cache
def _keys_of(code: str) -> tuple[str, ...]:
    """The keys the gazetteer knows the first-level subdivision ``code`` by."""
    from claimdiff._model.places import _iso  # noqa: PLC0415 - places imports this module

    table = _iso()[2].get(code.split("-", 1)[0], {})
    return tuple(k for k, units in table.items() if units[:1] and units[0].code == code)
