"""Numbers in a sentence that are no count: dates, ordinals, rates, differences, distances, magnitudes.

:mod:`claimdiff._extract._figures` reads a figure where a number starts; the patterns here say
when the words around the number make it something else ("December 29", "3rd", "100 deaths per
day", "2.3 million more people than in March", "20 km north of", "a 3.0 M aftershock", "the
2010 Yushu quake"). Those numbers are listed as unread with their reason (:mod:`._unread`).
"""

from __future__ import annotations

import re

__all__ = [
    "CHANGED",
    "CHANGE_VERBS",
    "DATE_AFTER",
    "DIFFERENCE",
    "DISTANCE",
    "MAGNITUDE",
    "MAGNITUDE_AFTER",
    "NOT_A_COUNT_AFTER",
    "RANK",
    "RATE",
    "a_rate",
    "dates_event",
    "magnitude_before",
    "month_before",
    "plural_head",
]

#: After a number, what makes it a time, a decimal of a date, an age or an ordinal: "10:30", "5-year", "3rd", "9 p.m.".
#: After a number, a superlative: "the three most affected districts", "the 10 worst-hit towns".
RANK = r"\s+(?:most|least|worst|hardest|best)\b"
NOT_A_COUNT_AFTER = re.compile(
    r"[:.]\d|-year|\s*(?:st|nd|rd|th)\b|-(?!plus\b|odd\b)[a-z]|\s*[ap]\.m\b|\s*[ap]m\b"  # "9 p.m.", "6AM"
    rf"|{RANK}"  # "the three most affected districts": a ranking picks them, it counts nothing
)
_DATE_NEIGHBOUR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december)\.?\s*$"
)


def month_before(low: str, start: int, pos: int) -> bool:
    """True when a month's name ends right before ``pos``, spaces apart ("December 29"): a day, not a figure."""
    words_end = len(low[start:pos].rstrip()) + start
    # the month and its dot end where the spaces start: no further back than the longest month
    return _DATE_NEIGHBOUR.search(low, max(start, words_end - 10), pos) is not None


#: A month after a day: "29 December", "3rd of Sept."; the month's own name or its abbreviation, never a word
#: it starts ("six separate units", "two marines", "five mayors" are counts).
DATE_AFTER = re.compile(  # anchored by match(): read at an offset of the text, or on a slice
    # the first day of a span of days too: "on 21 and 22 July", "20-29 December"
    r"(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and|until)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)

#: A quake's magnitude after its number: "3.0 M", "6.2M", "5.6 Mw" (capital M: never metres or million).
MAGNITUDE = r" ?(?:M|Mw|ML|Mb|Ms)(?![\w-])"
MAGNITUDE_AFTER = re.compile(MAGNITUDE)

#: Verbs of change: before "from X to Y" they say the old figure and the new, not a range.
CHANGE_VERBS = (
    r"rose|risen|rising|rises|increased|increasing|climbed|jumped|grew|grown|went up|raised|revised|"
    r"fell|fallen|dropped|decreased|declined|up|down|changed|corrected"
)
CHANGED = re.compile(rf"\b(?:{CHANGE_VERBS})\b[^.;]*$")
#: A comparison after the figure: "N more people ... than", "N fewer ... than": a difference between two counts.
DIFFERENCE = re.compile(
    # never "2,000 and more than 9,900 injured": "more than" there bounds the next figure
    r"\s*(?!(?:and|or)\s)(?:[a-z]+\s+)?(?:more|fewer|less)\b(?!\s+than\s+\d)[^,;.]{0,60}?\bthan\b"
)
RATE = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:per|a|each)\s+(?:day|week|month|year|hour|person|capita)\b"
)
#: After a count, the stretch of time it is said per: "one person displaced every three seconds".
_EVERY = re.compile(
    r"[^,;.\d]{0,40}?\bevery\s+(?:[a-z]+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?)\b"
)


def a_rate(low: str, start: int, pos: int, num_end: int, end: int) -> bool:
    """Whether the number at ``low[pos:num_end]`` is said per a stretch of time or per person: a rate.

    >>> s = "one person displaced every three seconds"
    >>> a_rate(s, 0, 0, 3, len(s)), a_rate(s, 0, s.index("three"), s.index(" seconds"), len(s))
    (True, True)
    """
    return (
        RATE.match(low, num_end, end) is not None
        or low.endswith("every ", max(start, pos - 6), pos)
        or _EVERY.match(low, num_end, end) is not None
    )


DISTANCE = re.compile(
    r"\s*(?:kilomet(?:er|re)s?|miles?|met(?:er|re)s?|km|yards?|feet)\s*(?:\([^()]{1,20}\)\s*)?"
    r"(?:north|south|east|west|away)"
)


#: Plural nouns without a final s: a count before them is a count, whatever its digits look like.
_PLURAL_WITHOUT_S = frozenset(
    {"people", "children", "men", "women", "police", "personnel", "staff", "cattle", "livestock",
     "sheep", "fish", "poultry", "deer", "crew", "militia", "youth", "clergy", "feet", "teeth", "mice"}
)  # fmt: skip
_LAST_WORD = re.compile(r"([a-z]+)\W*$")


def plural_head(low: str, np_start: int, np_end: int) -> bool:
    """True when the last word of the noun phrase ``low[np_start:np_end]`` is plural (ends in s, or "people")."""
    last = _LAST_WORD.search(low, np_start, np_end)
    return last is not None and (last.group(1).endswith("s") or last.group(1) in _PLURAL_WITHOUT_S)


def dates_event(text: str, low: str, at: int, np_start: int, np_end: int) -> bool:
    """Whether a year-shaped number at ``at`` dates an event rather than counting the noun after it.

    Before a singular noun ("the 2010 Yushu quake"), before a name ("2010 Chile earthquakes") or
    after "the" ("the 2010 floods"), it is the event's year; "2000 people were evacuated" counts.

    >>> s = "The 2010 floods killed 1,700 people."
    >>> dates_event(s, s.lower(), 4, 8, 15), dates_event("2000 people fled", "2000 people fled", 0, 4, 11)
    (True, False)
    """
    return (
        not plural_head(low, np_start, np_end)
        or _NAMED_AFTER.match(text, np_start, np_end) is not None
        or low.endswith("the ", 0, at)
    )


#: A capitalised word right after a number: the name of what a year dates ("2010 Chile earthquakes").
_NAMED_AFTER = re.compile(r"\s+[A-Z][a-z]")


def magnitude_before(low: str, start: int, at: int) -> bool:
    """Whether the word "magnitude" stands right before the number at ``at``: a quake's class, never a count.

    >>> s = "the first year with no magnitude 8+ earthquakes"
    >>> magnitude_before(s, 0, s.index("8+")), magnitude_before("8 earthquakes", 0, 0)
    (True, False)
    """
    return _MAGNITUDE_BEFORE.search(low, max(start, at - 12), at) is not None


#: "magnitude 8+ earthquakes", "a magnitude-6 quake": the number is the magnitude.
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]+$")
