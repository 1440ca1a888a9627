"""People of another country keep their nationality: "three U.S. soldiers" killed in Jordan.

ANNOTATION.md rule 14: a demonym of the place's own people counts ``people``; people counted in
another country than theirs keep it ("U.S. soldiers" in Iraq); things keep no nationality.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from claimdiff._extract._identity import by_identity
from claimdiff._extract._noun import NATIONALITIES
from claimdiff._extract._sources import COUNTRIES
from claimdiff._extract._text import alternation
from claimdiff._model.place_names import fold
from claimdiff._model.places import Gazetteer, _iso

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = ["countries_written", "of_nation"]


def of_nation(
    low: str,
    gazetteer: Gazetteer,
    fig: Figure,
    counted: str | None,
    where: tuple[str, ...],
    countries: set[str],
) -> str | None:
    """People of another country than the figure's place keep their nationality (ANNOTATION.md rule 14).

    "three U.S. soldiers" killed in Jordan count "u.s. soldiers"; "14 Afghan civilians" in
    Afghanistan count "civilians"; "two Ukrainian drones" are drones (things keep no nationality).
    ``where`` is the figure's place (else its sentence's); placed nowhere, people are foreign when
    the text names ``countries`` and none is theirs.
    """
    if counted is None or fig.noun_at is None or counted.split()[-1] not in _PEOPLE:
        return counted
    nation = _NATION.match(low, fig.noun_at, fig.end)
    if nation is None:
        return counted
    word = nation.group("n")
    country = _ABBREVIATED_COUNTRIES.get(word) or _ADJECTIVE_COUNTRIES.get(word)
    if not abroad(country, where, countries, gazetteer):
        return counted
    return f"{word} {counted}"


def abroad(
    country: str | None, where: tuple[str, ...], countries: set[str], gazetteer: Gazetteer
) -> bool:
    """Whether people of ``country`` are counted outside it: at ``where``, else in a text naming ``countries``.

    Placed nowhere, they are abroad when the text names countries (ISO codes) and none is theirs; a
    country the gazetteer does not know is never abroad.

    >>> g = Gazetteer()
    >>> abroad("Nepal", ("Israel",), set(), g), abroad("Nepal", ("Nepal", "Bagmati Province"), set(), g)
    (True, False)
    >>> abroad("Nepal", (), {"ISR"}, g), abroad("Nepal", (), set(), g)
    (True, False)
    """
    theirs = gazetteer.key((country,))[:1] if country else ()
    if not theirs:
        return False
    if where:
        return theirs != gazetteer.key(where)[:1]
    return bool(countries) and theirs[0] not in countries


#: People, by the head noun that counts them: a nationality before them is kept when they are foreign.
#: Refugees and migrants are foreign by definition and counted as written (ANNOTATION.md rule 12b).
_PEOPLE = frozenset(
    {"soldiers", "members", "contractors", "civilians", "citizens", "nationals", "pilgrims", "tourists",
     "troops", "workers", "officials", "staff", "personnel", "journalists", "students", "police", "officers",
     "servicemen", "sailors", "marines", "airmen", "peacekeepers", "diplomats"}
)  # fmt: skip
#: A nationality right before the head: "U.S. soldiers", "Afghan civilians".
_NATION = re.compile(
    r"\s*(?:(?:additional|other|more|further|new|young|wounded|injured)\s+)?"
    rf"(?P<n>(?:[a-z]\.){{2,}}|{alternation(NATIONALITIES)})(?=\s)"
)
_ABBREVIATED_COUNTRIES = {"u.s.": "United States", "u.k.": "United Kingdom"}
_ADJECTIVE_COUNTRIES = {adj.lower(): country.title() for country, adj in COUNTRIES.items()}


def countries_written(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The countries a text writes anywhere (ISO codes): by name ("Russia's ministry"), and by name or adjective ("Ukrainian drones").

    >>> named, either = countries_written("Ukrainian drones hit Russia's Kursk region.")
    >>> sorted(named), sorted(either)
    (['RU'], ['RU', 'UA'])
    """
    names = _iso()[0]  # folded country names -> ISO code
    firsts = by_identity(_FIRST_WORDS, names, _first_words)
    named: set[str] = set()
    adjectives: set[str] = set()
    for m in _CAPITALISED.finditer(text):
        words = _OWNER.sub("", m.group()).lower().replace(".", "").split()
        i = 0
        while i < len(words):
            country = _COUNTRY_OF_ADJECTIVE.get(words[i].removesuffix("s"))
            if country is not None:  # "Ukrainian", "Israelis"
                adjectives.add(names[fold(country)])
            # the longest name from here: "Democratic Republic of the Congo", not "Congo"
            j = (
                next(
                    (
                        j
                        for j in range(min(len(words), i + 6), i, -1)
                        if " ".join(words[i:j]) in names
                    ),
                    i,
                )
                if words[i] in firsts  # (no name starts with any other word)
                else i
            )
            if j > i:
                named.add(names[" ".join(words[i:j])])
            i = max(j, i + 1)
    return frozenset(named), frozenset(named | adjectives)


def _first_words(names: Mapping[str, str]) -> frozenset[str]:
    """The first word of every country name: a word no name starts with starts none."""
    return frozenset(name.split(" ")[0] for name in names)


#: :func:`_first_words` of the table of country names, by its identity.
_FIRST_WORDS: dict[int, tuple[Mapping[str, str], frozenset[str]]] = {}
#: A run of capitalised words, with the "of (the)" inside names ("Democratic Republic of the Congo").
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*)*")
_OWNER = re.compile(r"['’]s\b")
_COUNTRY_OF_ADJECTIVE = {adj.lower(): country for country, adj in COUNTRIES.items()}
