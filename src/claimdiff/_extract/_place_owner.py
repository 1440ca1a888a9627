"""Whose a place is: a country in the possessive ("Ecuador's coast"), unless it owns a body; a capital's own town.

Read by :mod:`claimdiff._extract._place` for the places a sentence names.
"""

from __future__ import annotations

import re

from claimdiff._extract._sources import source_kind
from claimdiff._model.claim import SourceKind
from claimdiff._model.place_names import fold
from claimdiff._model.place_towns import city_named
from claimdiff._model.places import Gazetteer

__all__ = ["NAME", "country_owning", "is_country", "named_town", "owns_a_body"]

#: A capitalised name's word: "Kharkiv", "Al-Raqqa", "Sana'a".
NAME = r"[A-Z][\w'’-]*[\w]"
_NAME = NAME  # the name the patterns below use
#: The capitalised words before a possessive mark ("Ecuador" in "Ecuador's coast"), up to four.
_OWNER_WORDS = re.compile(rf"(?<![\w'’-]){_NAME}(?:\s+{_NAME}){{0,3}}$")
#: Capitalised words after a possessive, then a verb of saying: a body that speaks ("Italy's Civile Protezione says").
_SPEAKS = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){1,4}(?:says|said|reported|reports|told|announced|stated|confirmed)\b"
)
#: Up to three words after a possessive: what the owner owns.
_OWNED = re.compile(r"[\w-]+(?:\s+[\w-]+){0,2}")


def is_country(gazetteer: Gazetteer, name: str) -> bool:
    """True when ``name`` is a country's (its key is an alpha-2 code alone)."""
    key = gazetteer.key(name)
    return len(key) == 1 and len(key[0]) == 2 and key[0].isupper()


def country_owning(gazetteer: Gazetteer, text: str, start: int, end: int) -> tuple[int, str] | None:
    """The country named in the possessive that ends at ``end`` ("in Pakistan's"), with its offset, else ``None``."""
    m = _OWNER_WORDS.search(text, start, end)
    if m is None:
        return None
    words = m.group().split()
    for n in range(len(words), 0, -1):  # "In Pakistan": the last words that are a country
        name = " ".join(words[-n:])
        if is_country(gazetteer, name):
            return end - len(name), name
    return None


def owns_a_body(text: str, at: int, end: int) -> bool:
    """True when the words after a possessive name a body ("Russia's defence ministry"): whose it is, not where."""
    if _SPEAKS.match(text, at, end):
        return True  # "Italy's Civile Protezione says": a name that speaks is a body's
    owned = _OWNED.match(text, at, end)
    if owned is None:
        return False
    words = owned.group().split()
    return any(
        source_kind(" ".join(words[:n])) is not SourceKind.UNKNOWN for n in range(1, len(words) + 1)
    )


def named_town(name: str, country: str) -> bool:
    """True when ``country`` has a town of that very name (a first-level unit named after its city)."""
    city = city_named(name, [country])
    return city is not None and fold(city.name) == fold(name)
