"""A line's label: the place a line opening "Name:" names ("Kharkiv: 5 killed"), told from a dateline."""

from __future__ import annotations

import re

from claimdiff._extract._gazetteer_reads import KIND as _KIND
from claimdiff._extract._place_owner import NAME as _NAME
from claimdiff._extract._place_owner import named_town
from claimdiff._extract._place_path import place_path as _path
from claimdiff._model.places import DEFAULT_GAZETTEER, Gazetteer

__all__ = ["LABEL", "label_place"]

#: A name closed by a colon or a dash at a line's start: a label ("Kharkiv: ...", "- Sindh – ...").
# MULTILINE: matched at a line's start (a block's), where a bare "^" would only match at the text's.
LABEL = re.compile(
    rf"^[^\S\n]*(?:[-*•–]\s+)?(?P<p>{_NAME}(?:[ -]{_NAME})*(?:\s+{_KIND})?)\s*[:–—]\s", re.MULTILINE
)


def label_place(
    text: str, line_start: int, gazetteer: Gazetteer = DEFAULT_GAZETTEER
) -> tuple[str, ...] | None:
    """The place a line's label names ("Kharkiv: 5 killed", "DRC: 17,000 IDPs ..."), or ``None``.

    A town written in capitals, or opening a sentence of prose ("PESHAWAR: ...", "Peshawar: The
    death toll ..."), is a dateline, where the report was filed, not a label: it names no
    figure's place. A country or first-level unit ("EL SALVADOR: The ministry ...") is a label.
    """
    label = LABEL.match(text, line_start)
    if label is None:
        return None
    name = label.group("p")
    prose = text[label.end() : label.end() + 1].isupper()  # "Peshawar: The death toll ..."
    if (name.isupper() and len(name) > 3) or prose:
        key = gazetteer.key(name)
        if not (key and key[0].isupper() and (len(key) == 1 or "-" in key[1])):
            return None
        if len(key) == 2 and prose and named_town(name, key[0]):
            return None  # "Islamabad: Two people ...": the capital's dateline, not its territory
    return _path(None, name)
