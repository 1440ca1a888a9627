"""People of another country keep their nationality: "three U.S. soldiers" killed in Jordan.

ANNOTATION.md rule 14: a demonym of the place's own people counts ``people``; people counted in
another country than theirs keep it ("U.S. soldiers" in Iraq); things keep no nationality.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff._extract._noun import NATIONALITIES
from claimdiff._extract._sources import COUNTRIES
from claimdiff._extract._text import alternation
from claimdiff._model.places import Gazetteer

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = ["of_nation"]


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
    theirs = gazetteer.key((country,))[:1] if country else ()
    foreign = (
        theirs != gazetteer.key(where)[:1]
        if where
        else bool(countries) and bool(theirs) and theirs[0] not in countries
    )
    if not theirs or not foreign:
        return counted
    return f"{word} {counted}"


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
