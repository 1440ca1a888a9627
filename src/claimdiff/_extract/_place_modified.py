"""A unit named with its kind after "the" and a modifier: "in the nearby Gwoza district", "in the remote Badakhshan province".

The kind written after the name vouches for it as a place, as "the township of Sharaban" does
(ANNOTATION.md rule 19: the narrowest place the text gives a figure), whether or not the gazetteer
knows the name; the lower-case words before it ("nearby", "northern") say where it lies, not what it
is. A country's adjective is never the unit's name ("in the southern Polish town of Szczekociny"
names the town after "of"). A settlement named after its kind in apposition ("in the capital, Mendi,")
is that settlement. Read by :func:`claimdiff._extract._place.places_named`.
"""

from __future__ import annotations

import re

from claimdiff._extract._constructions import has
from claimdiff._extract._gazetteer_reads import KIND
from claimdiff._extract._place_owner import NAME
from claimdiff._extract._place_path import COUNTRY_OF_ADJECTIVE
from claimdiff._model.places import Gazetteer

__all__ = ["modified_units"]

#: "in the", one or two lower-case words, a name of up to three words and its kind, not "of" after it.
_MODIFIED_UNIT = re.compile(
    rf"\b[Ii]n\s+the\s+(?:[a-z][a-z-]*\s+){{1,2}}(?P<p>{NAME}(?:\s+{NAME}){{0,2}}\s+{KIND})\b(?!\s+of\b)"
)


#: A settlement named after its kind in apposition: "in the capital, Mendi,", "in the provincial capital, Quetta".
_KIND_THEN_NAME = re.compile(
    rf"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside)\s+the\s+(?:[a-z-]+\s+){{0,2}}(?:capital|city|town|village|port)"
    rf",\s+(?P<p>{NAME}(?:\s+{NAME}){{0,2}})\b"
)


#: The words :data:`_KIND_THEN_NAME` cannot match without.
_KINDS_BEFORE = ("capital,", "city,", "town,", "village,", "port,")


def modified_units(
    text: str, start: int, end: int, gazetteer: Gazetteer
) -> list[tuple[int, tuple[str, ...]]]:
    """The units ``text[start:end]`` names after "the" and a modifier: where each locative starts, its path.

    >>> from claimdiff._model.places import DEFAULT_GAZETTEER
    >>> text = "Gunmen attacked villages in the nearby Gwoza district."
    >>> modified_units(text, 0, len(text), DEFAULT_GAZETTEER)
    [(25, ('Gwoza district',))]
    """
    found = []
    if has(text, ("in the ", "In the "), start, end):  # the words :data:`_MODIFIED_UNIT` needs
        found = [
            (m.start(), gazetteer.normalise(m.group("p")))
            for m in _MODIFIED_UNIT.finditer(text, start, end)
            if m.group("p").split()[0].lower() not in COUNTRY_OF_ADJECTIVE
        ]
    if has(text, _KINDS_BEFORE, start, end):
        found += [(m.start(), (m.group("p"),)) for m in _KIND_THEN_NAME.finditer(text, start, end)]
    return sorted(found)
