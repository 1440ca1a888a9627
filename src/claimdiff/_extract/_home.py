"""Where a text or a body is at home: the country of a report's dateline, the country a body speaks for.

Neither is where a figure is by itself: a dateline ("KYIV, Jan 2 (Reuters) -") says where the report was
filed, a body's name ("Kenya Red Cross") whom it speaks for. They place only what the text places nowhere.
"""

from __future__ import annotations

import re

from claimdiff._extract._cities import city_named
from claimdiff._extract._place_owner import is_country as _is_country
from claimdiff._extract._place_path import OWNER as _OWNER
from claimdiff._extract._sources import source_kind
from claimdiff._model.claim import Source, SourceKind
from claimdiff._model.places import DEFAULT_GAZETTEER, Gazetteer

__all__ = ["body_country", "dateline_country", "multistate_country"]

#: A dateline at a line's start: a town in capitals, maybe its region or country and a date, maybe the agency.
_DATELINE = re.compile(
    r"^(?P<town>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,2})"
    r"(?:,\s*(?P<country>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?[^\n(–—:-]{0,30})?"
    r"\s*(?:\([A-Z][\w.&' ]{0,24}\)\s*(?:--|[-–—:])\s?|(?:--|[-–—:])\s)",  # "(Reuters) -", "(AP) —"
    re.MULTILINE,
)
#: A town's name as a label before prose: "Peshawar: The death toll ..." (a dateline in mixed case).
_TOWN_LABEL = re.compile(
    r"^(?P<town>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?P<country>):\s+(?=[A-Z])", re.MULTILINE
)


def dateline_country(text: str, gazetteer: Gazetteer = DEFAULT_GAZETTEER) -> set[str]:
    """The country of the dateline that opens a report's body ("KYIV, Jan 2 (Reuters) -", "PESHAWAR:"), as an ISO code.

    Where the report was filed: never a figure's place, only the country a text that names no
    country is about. The town is read as the one town of that name clearly the largest.

    >>> dateline_country("ISLAMABAD, Sept 25 (Reuters) - Twelve people died.")
    {'PK'}
    """
    m = _DATELINE.search(text, 0, 2000) or _TOWN_LABEL.search(text, 0, 2000)
    if m is None:
        return set()
    named = m.group("country") or ""
    for name in (named, m.group("town")):
        key = gazetteer.key(name.strip().title())
        if key and key[0].isupper() and len(key[0]) == 2:
            return {key[0]}
    city = city_named(m.group("town").title())
    return {city.country} if city is not None else set()


#: "a multistate outbreak": one spread over several states of the United States, the word's one sense.
_MULTISTATE = re.compile(r"\b[Mm]ulti-?state\s+(?:outbreaks?|investigations?|recalls?)\b")


def multistate_country(text: str) -> set[str]:
    """The United States, for a text about "a multistate outbreak" that names no country.

    The word names the states of the United States (a health agency's outbreak notices use it of
    their own country's states): the country the figures of such a text are in, where it names none.

    >>> multistate_country("CDC is investigating a multistate outbreak of infections.")
    {'US'}
    >>> multistate_country("The outbreak spread to three states.")
    set()
    """
    return {"US"} if _MULTISTATE.search(text, 0, 4000) else set()


#: Kinds of body whose name opening with a country says nothing of where their figures are.
_NOT_HOME = frozenset({SourceKind.UNKNOWN, SourceKind.MILITARY})


def body_country(gazetteer: Gazetteer, source: Source) -> tuple[str, ...]:
    """The country a body speaks for: its party's, or the country its name is or opens with; else ``()``.

    "Ukrainian officials", "Ukraine" and "Kenya Red Cross" speak for their country; a name that merely
    opens with a country's ("Georgia Taylor", of no known kind of body) does not, nor a force that
    acts abroad ("U.S. Central Command").

    >>> from claimdiff._model.claim import Source
    >>> body_country(DEFAULT_GAZETTEER, Source("Kenya Red Cross"))
    ('Kenya',)
    >>> body_country(DEFAULT_GAZETTEER, Source("Georgia Taylor"))
    ()
    """
    if source.party is not None and _is_country(gazetteer, source.party):
        return gazetteer.normalise(source.party)
    words = _OWNER.sub("", source.name.split("'")[0].split("’")[0]).split()
    for n in range(min(3, len(words)), 0, -1):
        head = " ".join(words[:n])
        if _is_country(gazetteer, head) and (
            n == len(words) or source_kind(source.name) not in _NOT_HOME
        ):
            return gazetteer.normalise(head)
    return ()
