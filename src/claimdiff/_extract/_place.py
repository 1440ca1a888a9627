"""Where: the place a sentence gives for a figure ("in Belgorod", "Russia's Belgorod region", "Kharkiv: ...")."""

from __future__ import annotations

import re

from claimdiff._extract._attribution import COUNTRIES

__all__ = ["place_near"]

_KIND = r"(?:region|oblast|province|district|governorate|state|county|city|town|village|territory|strip)"
_NAME = r"[A-Z][\w'’-]*[\w]"
_LOCATIVE = re.compile(
    rf"\b(?:in|over|on|near|across|at|from|of|into|outside|around)\s+(?:the\s+)?(?:(?P<c>{_NAME})(?:'s|’s)\s+)?"
    rf"(?P<p>{_NAME}(?:\s+(?:{_NAME}|{_KIND}))*)"
)
_POSSESSIVE = re.compile(rf"\b(?P<c>{_NAME})(?:'s|’s)\s+(?P<p>{_NAME}(?:\s+{_NAME})*\s+{_KIND})\b")
_LABEL = re.compile(rf"^\s*(?:[-*•–]\s+)?(?P<p>{_NAME}(?:[ -]{_NAME})*(?:\s+{_KIND})?)\s*[:–—]\s")
_NOT_PLACES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
     "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "the",
     "president", "telegram", "reuters", "update", "note", "source", "sources", "breaking", "christmas", "new"}
)
_COUNTRY_OF_ADJECTIVE = {adj.lower(): country.title() for country, adj in COUNTRIES.items()}


def _path(country: str | None, place: str) -> tuple[str, ...] | None:
    words = place.split()
    if words[0].lower() in _NOT_PLACES:
        return None
    if words[0].lower() in _COUNTRY_OF_ADJECTIVE and len(words) == 2 and words[1].lower() in {"territory", "soil"}:
        return (_COUNTRY_OF_ADJECTIVE[words[0].lower()],)
    if words[0].lower() in _COUNTRY_OF_ADJECTIVE:
        return None  # "Ukrainian media", "Russian forces": an adjective, not a place
    if country is not None and country.lower() in COUNTRIES:
        return (country, place)
    return (place,)


def place_near(text: str, start: int, end: int, at: int, line_start: int) -> tuple[str, ...]:
    """The place the sentence ``text[start:end]`` names nearest after ``at`` (else its first), or ``()``.

    A list line labelled with a place ("Kharkiv: 5 killed") gives that place.

    >>> s = "Two people were killed in Russia's Belgorod region on Saturday."
    >>> place_near(s, 0, len(s), 0, 0)
    ('Russia', 'Belgorod region')
    """
    label = _LABEL.match(text, line_start)
    if label is not None and label.end() <= at:
        path = _path(None, label.group("p"))
        if path is not None:
            return path
    return place_at(places_named(text, start, end), at)


def places_named(text: str, start: int, end: int) -> list[tuple[int, tuple[str, ...]]]:
    """Every place the sentence ``text[start:end]`` names, with its offset, read once for all its figures."""
    found: list[tuple[int, tuple[str, ...]]] = []
    for pattern in (_POSSESSIVE, _LOCATIVE):
        for m in pattern.finditer(text, start, end):
            path = _path(m.group("c"), m.group("p"))
            if path is not None:
                found.append((m.start(), path))
    return found


def place_at(found: list[tuple[int, tuple[str, ...]]], at: int) -> tuple[str, ...]:
    """The place named nearest after offset ``at`` (else the first named), or ``()``."""
    after = [fp for fp in found if fp[0] >= at]
    if after:
        return min(after, key=lambda fp: fp[0])[1]
    if found:
        return min(found, key=lambda fp: fp[0])[1]
    return ()
