"""What a clause says of a number it does not name: a number that refers back, a count of areas.

"Since then the number has increased to 8,500" reports what the figure before it reported;
"the figure included 18,000 rebels" gives that figure's parts; "150 people in 12 states" says
where the 150 are, and 12 is no figure of the toll.
"""

from __future__ import annotations

import re

from claimdiff._extract._figures import Figure
from claimdiff._extract._unread import AREA_NOUNS

__all__ = [
    "CLAUSE_OPEN",
    "FINITE",
    "FRONTED",
    "LOWER_WORD",
    "breaks_down",
    "gapped",
    "in_areas",
    "opens_parts",
    "refers_back",
]

#: A number that refers back to a figure read before: "the number has increased to", "the figure included",
#: "the total is now at", "the tally stands at" (a noun that names no metric, then a verb of level or of parts).
_ANAPHOR = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:latest\s+|new\s+|overall\s+|updated\s+|revised\s+)?"
    r"(?:number|figure|total|tally|count|toll)\s+(?:\w+\s+){0,2}?"
    r"(?:(?:has|had|have)\s+(?:now\s+)?|is\s+(?:now\s+)?|was\s+|now\s+)?"
    r"(?:increased|risen|rose|climbed|jumped|grown|grew|reached|stands?|stood|hit|topped|surpassed|exceeded|"
    r"includ(?:ed|es|ing)|at|to)\b[^.;:]{0,30}$"
)
#: The referent's parts: "the figure included 18,000 rebels and about 40,000 pro-Assad fighters".
_PART = re.compile(r"\binclud(?:ed|es|ing)\b[^.;:]{0,60}$")
_IN_AREAS = re.compile(
    r"\b(?:in|inside|outside|within|across|over|from|throughout|of)\s+(?:the\s+|some\s+|about\s+|at least\s+)?$"
)
_AREA = re.compile(rf"(?:[\w-]+\s+){{0,2}}?{AREA_NOUNS}")
#: A verb between a figure and a place: the place is another clause's ("7 died, and 4,242 are displaced in Tete").
FINITE = re.compile(
    r"\b(?:are|is|were|was|have|has|had|been|said|says|reported|reports|including|of which|of whom)\b|;"
)
CLAUSE_OPEN = re.compile(r"(?:[,;]\s*|\s)(?:and|while|but|whereas)\s+$|;\s*$")
#: A place set before the figures it is for: "In Thailand, ...", "and in Cambodia, ...".
FRONTED = re.compile(
    r"(?:[Ii]n|[Aa]cross|[Ff]or)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s*"
    r"(?:,|(?=\d))"
)  # "In Thailand, 19 died", "while in neighbouring Chad 5,000 arrived": the place of the clause it opens
#: A colon closing the clause of a figure: its parts follow.
_COLON = re.compile(r"[^.;:\d]{0,40}:\s*")
#: A relative clause opened by a partitive after a figure's noun: "23 deaths, of which five were ...",
#: "48 cases, among which 20 ..." name a part of the figure (ANNOTATION.md rule 7).
_OF_WHICH = re.compile(r"[^.;:,\d]{0,40},\s*(?:of|among)\s+(?:which|whom|these|them)\s+")
#: A word written in lower case: a name the text also writes so ("police", "mobile") is a word there.
LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z'’]*(?![\w-])")


def refers_back(low: str, start: int, at: int) -> bool:
    """True when the clause before offset ``at`` (in the sentence from ``start``) points back to a figure.

    >>> s = "since then the number has increased to 8,500"
    >>> refers_back(s, 0, s.index("8"))
    True
    """
    clause = max(low.rfind(";", start, at), low.rfind(". ", start, at), start)
    return _ANAPHOR.search(low, clause, at) is not None


def opens_parts(low: str, start: int, at: int) -> bool:
    """True when "included"/"including" stands before offset ``at``: the number is a part of the referent."""
    return _PART.search(low, start, at) is not None


def breaks_down(low: str, after: int, at: int) -> bool:
    """True when a colon closing the clause of a figure ending at ``after`` opens the number at ``at``.

    "1,234 people were killed: 800 civilians and 434 combatants" lists the parts of the 1,234.

    >>> s = "1,234 people were killed: 800 civilians and 434 combatants"
    >>> breaks_down(s, s.index(" people"), s.index("800"))
    True

    A relative clause opened by "of which" or "of whom" names a part the same way:

    >>> s = "including 23 deaths, of which five were children"
    >>> breaks_down(s, s.index(" deaths"), s.index("five"))
    True
    """
    return (
        _COLON.fullmatch(low, after, at) is not None
        or _OF_WHICH.fullmatch(low, after, at) is not None
    )


def in_areas(low: str, start: int, fig: Figure) -> bool:
    """True for a count of areas after a locative: "150 people in 12 states" says where (listed as not read)."""
    return bool(
        _AREA.fullmatch(fig.counted or "")
        and _IN_AREAS.search(low, max(start, fig.start - 12), fig.start)
    )


#: Between a figure with a verb and the next: the rest of its clause, then "and", "while", a comma or a semicolon.
_GAP = re.compile(r"(?:\s+[^,;.]{1,70}?)?\s*(?:,|;|\band\b|,\s*and\b|\bwhile\b)\s*")
#: After a figure whose verb is left out, only where it is, to the end of the clause.
_WHERE_TAIL = re.compile(
    r"\s+(?:inside|outside|in|at|near|across|within|from|"
    # "12,000 people were exposed to very strong shaking and 685,000 to strong shaking", "317 cases were
    # classified as confirmed and eight as probable": the verb's complement, said again of the next count
    r"to(?!\s+(?:be|have|date)\b)|as(?!\s+(?:of|well|many|much|a|an)\b))\b[^,;.()\d]{0,50}(?:[,;.)]|$)"
)


def gapped(low: str, before_end: int, start: int, end: int, clause_end: int) -> bool:
    """True when the figure at ``low[start:end]`` leaves out the verb of the figure ending at ``before_end``.

    "4,053 families are served inside 24 centres and 4,470 families outside the centres": the second
    count says only where it is, and shares the first one's verb (gapping).

    >>> s = "4,053 families are served inside 24 centres and 4,470 families outside the centres."
    >>> gapped(s, s.index(" are"), s.index("4,470"), s.index(" outside"), len(s))
    True
    """
    return (
        _GAP.fullmatch(low, before_end, start) is not None
        and _WHERE_TAIL.match(low, end, clause_end) is not None
    )
