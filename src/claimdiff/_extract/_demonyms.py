"""People named by their nationality alone keep it when counted in another country: "five Americans" killed in Kabul.

ANNOTATION.md rule 14: a demonym of the place's own people counts ``people`` ("21 Israelis" killed in
Haifa); a demonym of people counted in another country is kept ("Nepalis" in Israel, "Americans" in
Afghanistan). The noun reader (:func:`claimdiff._extract._noun.counted`) folds every demonym to
``people``; once the figure is placed, this says which of them to keep.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff._extract._nations import abroad
from claimdiff._extract._sources import COUNTRIES

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure
    from claimdiff._model.places import Gazetteer

__all__ = ["foreign_demonym"]

#: Plural demonyms and the country of their people: the adjectives the project knows ("Israelis",
#: "Afghans"), and those of other countries whose people the news counts abroad.
_COUNTRY_OF = {
    **{adj.lower() + "s": country.title() for country, adj in COUNTRIES.items() if adj[-1] in "ni"},
    "americans": "United States",
    "britons": "United Kingdom",
    "nepalis": "Nepal",
    "filipinos": "Philippines",
    "thais": "Thailand",
    "canadians": "Canada",
    "australians": "Australia",
    "italians": "Italy",
    "turks": "Turkey",
    "saudis": "Saudi Arabia",
    "lebanese": "Lebanon",
    "sudanese": "Sudan",
    "bangladeshis": "Bangladesh",
    "sri lankans": "Sri Lanka",
    "indonesians": "Indonesia",
    "koreans": "South Korea",
    "japanese": "Japan",
    "chinese": "China",
    "brazilians": "Brazil",
    "colombians": "Colombia",
    "venezuelans": "Venezuela",
    "poles": "Poland",
    "swedes": "Sweden",
    "danes": "Denmark",
    "norwegians": "Norway",
    "austrians": "Austria",
}
_WORD = re.compile(r"\s*(?P<w>[a-z]+(?:\s+lankans)?)\b")


def foreign_demonym(
    low: str,
    gazetteer: Gazetteer,
    fig: Figure,
    counted: str | None,
    where: tuple[str, ...],
    countries: set[str],
) -> str | None:
    """The demonym a figure's noun names, when its people are counted outside their country; else ``counted``.

    ``where`` is the figure's place (else its sentence's); placed nowhere, its people are foreign
    when the text names ``countries`` (ISO codes) and none is theirs, as
    :func:`claimdiff._extract._nations.of_nation` reads a nationality before a noun.
    """
    if counted != "people" or fig.noun_at is None:
        return counted
    m = _WORD.match(low, fig.noun_at, fig.end)
    if m is None:
        return counted
    country = _COUNTRY_OF.get(m.group("w"))
    if not abroad(country, where, countries, gazetteer):
        return counted
    return m.group("w")
