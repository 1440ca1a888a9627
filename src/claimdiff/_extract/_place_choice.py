"""Which of the places found near a figure is its place: a heading's own places, and the nearest in a sentence.

:mod:`claimdiff._extract._place` finds the places a text names; this module chooses among them.
"""

from __future__ import annotations

import re

from claimdiff._extract._clauses import CLAUSE_OPEN, FRONTED
from claimdiff._extract._dated_lines import dated_place_line
from claimdiff._extract._line_label import LABEL as _LABEL
from claimdiff._extract._line_label import label_place
from claimdiff._extract._place import known, places_named
from claimdiff._model.places import DEFAULT_GAZETTEER, Gazetteer

__all__ = ["fronted", "heading_places", "narrowest_nested", "place_at", "place_near"]


#: The last dash-separated part of a heading, and the fewest words before it that make the heading a sentence.
_SAID_AFTER = re.compile(r"\s[-–—]\s(?:(?!\s[-–—]\s).)*$")
_HEADLINE_WORDS = 5


def heading_places(
    text: str, start: int, end: int, gazetteer: Gazetteer = DEFAULT_GAZETTEER
) -> list[tuple[str, ...]]:
    """Places a heading names as a part of its own ("Syria - Conflict", "Afghanistan: Earthquake", "Factsheet - Kenya").

    After a headline that is a sentence, the part after its last dash is who says so ("Missiles
    kill one in air strike on Ukraine - Kyiv"), not a place of its own.
    """
    heading = text[start:end]
    said = _SAID_AFTER.search(heading)
    if said is not None and len(heading[: said.start()].split()) >= _HEADLINE_WORDS:
        heading = heading[: said.start()]
    parts = re.split(
        r"\s[-–—|]\s|[:(),/]", heading
    )  # "Ecuador / Peru - Earthquake", "Chad | Floods"
    named = [
        gazetteer.normalise(p.strip()) for p in parts if p.strip() and known(gazetteer, p.strip())
    ]
    if dated_place_line(text, start, end):
        # "October 3, 2012, Springfield, Lake Region": where words were said, its country at most
        return [p[:1] for p in named]
    return named


def narrowest_nested(gazetteer: Gazetteer, named: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The first of the places a heading names, or the place within it the heading names after it.

    "Afghanistan: Earthquake in Nangarhar" is about Nangarhar, in Afghanistan; "Ecuador / Peru -
    Earthquake" about Ecuador first (Peru lies not within it).

    >>> from claimdiff._model.places import DEFAULT_GAZETTEER as g
    >>> narrowest_nested(g, [("Afghanistan",), ("Afghanistan", "Nangarhar"), ("Pakistan",)])
    ('Afghanistan', 'Nangarhar')
    """
    chosen = named[0]
    for path in named[1:]:
        key, inner = gazetteer.key(chosen), gazetteer.key(path)
        if len(inner) > len(key) and inner[: len(key)] == key:
            chosen = path
    return chosen


def place_at(
    found: list[tuple[int, tuple[str, ...]]],
    at: int,
    until: int | None = None,
    gazetteer: Gazetteer = DEFAULT_GAZETTEER,
) -> tuple[str, ...]:
    """The place named nearest after offset ``at`` and before ``until`` (the next figure), else nearest before.

    A place named after a later figure is that figure's ("7 died, and 4,242 are displaced in Tete");
    of a place and a place within it in the same clause, the one within ("in Yemen ... in Sana'a").
    """
    after = sorted(fp for fp in found if fp[0] >= at and (until is None or fp[0] < until))
    if after:
        return _within_first(gazetteer, [path for _, path in after])
    before = sorted(
        fp for fp in found if fp[0] < at and fp[1]
    )  # a list of unknown places blocks after only
    if before:  # the first the sentence names (its subject's place, usually), or a place within it
        return _within_first(gazetteer, [path for _, path in before])
    return ()


def _within_first(gazetteer: Gazetteer, paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The first of ``paths``, or the last of those after it that each lie within the one before.

    "in Afghanistan's eastern province of Nangarhar": the province, within the country named first.
    """
    chosen = paths[0]
    for path in paths[1:]:
        key, inner = gazetteer.key(chosen), gazetteer.key(path)
        if key and key[0].isupper() and len(inner) > len(key) and inner[: len(key)] == key:
            chosen = path
    return chosen


def place_near(text: str, start: int, end: int, at: int, line_start: int) -> tuple[str, ...]:
    """The place the sentence ``text[start:end]`` names nearest after ``at`` (else its first), or ``()``.

    A list line labelled with a place ("Kharkiv: 5 killed") gives that place.

    >>> s = "Two people were killed in Russia's Belgorod region on Saturday."
    >>> place_near(s, 0, len(s), 0, 0)
    ('Russia', 'Belgorod region')
    """
    label = _LABEL.match(text, line_start)
    if label is not None and label.end() <= at:
        path = label_place(text, line_start)
        if path is not None:
            return path
    return place_at(places_named(text, start, end), at)


#: At a place: units named in the plural before their names ("in regions A, B and C"), a list.
_UNITS_LISTED = re.compile(
    r"(?:in|across|over)\s+(?:[a-z]+\s+)?(?:regions|provinces|states|districts|countries|municipalities)\s"
)


def sentence_place(
    low: str,
    places: list[tuple[int, tuple[str, ...]]],
    after: int,
    until: int,
    gazetteer: Gazetteer,
) -> tuple[str, ...]:
    """The one place the sentence names after a figure whose clause names none (ANNOTATION.md rule 19), else ``()``.

    "At least 21 people have been killed, 1,500 injured and 7 are missing in Niigata Prefecture":
    the first clauses take the sentence's place. Not a place after "from" (an origin), inside
    brackets (a breakdown's part), after a superlative (a comparison's domain) or naming units in
    the plural (a list); several places give none, unless each lies within the narrowest (named at
    several levels: "in Yobe state, northeast Nigeria"), which is then the place. ``low`` is the text in lower case, ``places``
    the sentence's, read from ``after`` to ``until``.

    >>> from claimdiff._model.places import DEFAULT_GAZETTEER as g
    >>> t = "21 were killed, 7 are missing in niigata"
    >>> sentence_place(t, [(31, ("Japan", "Niigata"))], 2, len(t), g)
    ('Japan', 'Niigata')
    """
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    for at, path in places:
        if not after <= at < until:
            continue
        if (
            re.search(r"\bfrom\b|\b(?:[a-z]+ed|died|are|is|were|was)\s*,\s+and\s", low[after:at])
            or low.rfind("(", after, at) > low.rfind(")", after, at)
            or _UNITS_LISTED.match(low, at)
        ):
            return ()
        found[gazetteer.key(path)] = path
    # "in Yobe state, northeast Nigeria": places each within the next are one place, the narrowest (rule 19)
    deepest = max(found, key=len, default=())
    return found[deepest] if all(deepest[: len(k)] == k for k in found) and deepest else ()


#: A bullet opening a list item: "• ...", "- ...", "* ..." (a label line, "Sudan: ...", has none).
_BULLET = re.compile(r"[^\S\n]*[-*•–·▪]\s")


def bulleted(text: str, start: int) -> bool:
    """True for a list item opening with a bullet: one of a list's items, told apart (no story's lead).

    A chronology's entries and a report's highlights each say something of their own; the first
    names no place for the rest.

    >>> bulleted("  • January 2 A car bomb exploded", 0), bulleted("SUDAN: Floods in Kassala", 0)
    (True, False)
    """
    return _BULLET.match(text, start) is not None


def fronted(text: str, start: int, places: list[int]) -> frozenset[int]:
    """The offsets of ``places`` (in the sentence opening at ``start``) that are set before a clause.

    "In Thailand, 19 deaths ..., and in Cambodia, 7 died": a place set before a clause is its
    figures' only.

    >>> s = "In Thailand, 19 died, and in Cambodia, 7 died."
    >>> sorted(fronted(s, 0, [0, s.index("in Cambodia")]))
    [0, 26]
    """
    return frozenset(
        at for at in places if FRONTED.match(text, at) and _opens_clause(text, start, at)
    )


def _opens_clause(text: str, start: int, at: int) -> bool:
    """True when ``text[start:at]`` is blank, or ends in the opening of a clause (", and ", "; ").

    The opening is searched in the words just before ``at``, not from ``start``: a place in a long
    sentence costs the same as in a short one.
    """
    words_end = at
    while words_end > start and text[words_end - 1].isspace():
        words_end -= 1
    return words_end == start or (
        CLAUSE_OPEN.search(text, max(start, words_end - _OPENING_REACH), at) is not None
    )


#: How far before its spaces a clause opening reaches: a comma or space, and its longest word ("whereas").
_OPENING_REACH = 8
