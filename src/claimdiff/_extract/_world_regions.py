"""Regions that span countries: continents and the world's named regions ("Europe", "the Sahel", "the Americas").

ANNOTATION.md rule 19: a figure over several countries is placed at the region as the text names it,
else nowhere. Such a region lies in no country: it is a path of its own, never put under the country
the rest of the text is about ("70,000 died across Europe" in a text on France is not France's). The
names are the continents and the regions humanitarian and health agencies report by (WHO's and the
UN's regions, the European Union); WHO's "Region of the Americas" is written ``Americas``.
"""

from __future__ import annotations

import re

from claimdiff._extract._constructions import has
from claimdiff._extract._place_owner import owns_a_body

__all__ = [
    "REGION_STEMS",
    "WORLD_REGION_IN",
    "WORLD_REGION_OWNING",
    "with_world_regions",
    "world_region",
]

#: The regions' names as a path writes them.
_NAMES = (
    "Africa",
    "Asia",
    "Europe",
    "Oceania",
    "Antarctica",
    "Americas",
    "North America",
    "South America",
    "Central America",
    "Latin America",
    "Caribbean",
    "Middle East",
    "Sahel",
    "Balkans",
    "Caucasus",
    "Western Balkans",
    "Horn of Africa",
    "Lake Chad Basin",
    "Sub-Saharan Africa",
    "North Africa",
    "West Africa",
    "East Africa",
    "Central Africa",
    "Southern Africa",
    "South Asia",
    "Southeast Asia",
    "South-East Asia",
    "East Asia",
    "Central Asia",
    "Western Europe",
    "Eastern Europe",
    "Southern Europe",
    "Northern Europe",
    "Eastern Mediterranean",
    "Western Pacific",
    "European Union",
)
#: "from" and lower-case words closing the text before a locative: "imported from countries ".
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[a-z]+\s+){0,3}$")
#: Words one of which every region's name holds: a sentence with none names no region (a quick test first).
REGION_STEMS = (
    "Afric",
    "Asia",
    "Europ",
    "Americ",
    "Oceania",
    "Antarctic",
    "Caribbean",
    "Middle East",
    "Sahel",
    "Balkans",
    "Caucasus",
    "Chad",
    "Mediterranean",
    "Pacific",
)
#: Other spellings of a region's name (lower case): WHO's "Region of the Americas" (or "Americas Region").
_OTHER = {"region of the americas": "Americas", "americas region": "Americas"}
_REGIONS: dict[str, str] = {**{n.lower(): n for n in _NAMES}, **_OTHER}

#: A region after a locative, with its article ("in the Sahel", "across Europe", "of the Region of the Americas");
#: not a body's name that opens with it ("the Europe Commission", "Africa CDC").
#: A region owning what follows: "South Asia's earthquake", "Europe’s heat wave".
WORLD_REGION_OWNING = re.compile(
    r"\b(?P<r>"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(_NAMES, key=len, reverse=True))
    + r")['’]s\s"
)
WORLD_REGION_IN = re.compile(
    r"\b(?:(?P<l>in|across|throughout)\s+(?:the\s+)?(?P<r>"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(_NAMES, key=len, reverse=True))
    + r")|(?:in|of)\s+the\s+(?P<w>Region\s+of\s+the\s+Americas|Americas\s+Region))\b(?!\s+(?:[A-Z]|[Cc]ommission|[Cc]ouncil|[Pp]arliament|[Mm]ember|[Cc]ountr)|-)"
)


def world_region(name: str) -> str | None:
    """The region spanning countries ``name`` names, as a path writes it ("the Americas" → "Americas"), else ``None``.

    >>> world_region("the Region of the Americas"), world_region("Kharkiv")
    ('Americas', None)
    """
    folded = " ".join(name.split()).lower()
    folded = folded.removeprefix("the ")
    return _REGIONS.get(folded)


def with_world_regions(
    text: str, start: int, end: int, found: list[tuple[int, tuple[str, ...]]]
) -> list[tuple[int, tuple[str, ...]]]:
    """``found`` with the regions spanning countries the sentence names ("in the Sahel", "across Europe").

    A region is a path of its own, in place of whatever the names inside
    its words were read as.
    """
    if not has(text, REGION_STEMS, start, end):
        return found
    for m in WORLD_REGION_IN.finditer(text, start, end):
        region = world_region(m.group("r") or m.group("w"))
        if region is not None:
            found = [(a, p) for a, p in found if not m.start() <= a < m.end()]
            if not _FROM_BEFORE.search(text, max(start, m.start() - 40), m.start()):
                found.append(
                    (m.start(), (region,))
                )  # (not "imported from countries in Europe": an origin)
    owning = (text.find("'", start, end) >= 0 or text.find("’", start, end) >= 0) and (
        WORLD_REGION_OWNING.finditer(text, start, end)
    )
    for m in owning or ():
        region = world_region(m.group("r"))
        if region is not None and not owns_a_body(text, m.end(), end):
            found = [(a, p) for a, p in found if not m.start() <= a < m.end()]
            found.append((m.start(), (region,)))
    return found
