"""The words around a place that say how a figure is placed.

"mostly in", "across four provinces", "near", "the attack in", a sea, a bearing ("in western Turkey"), a
body that reports a count.

Patterns only, read by :mod:`claimdiff._extract._placing`, which says what each changes.
"""

from __future__ import annotations

import re

__all__ = [
    "ARTICLE",
    "BEARING",
    "CIRCUMSTANCE",
    "CONTRAST",
    "ELSEWHERE",
    "EVENT_AFTER",
    "EVENT_BEFORE",
    "EVENT_CLAUSE",
    "LISTED",
    "MOSTLY",
    "NAMED_EVENT",
    "NEAR",
    "NEAR_TOWN",
    "PART_BEFORE",
    "PART_NAMED",
    "PART_OF",
    "PLACE_WORDS",
    "POSSESSIVE_MARK",
    "REPORTS",
    "SEA",
    "SPANNING",
    "SPREAD",
    "place_end",
]


#: Before a place: what follows is where most of a total is, not where all of it is.
MOSTLY = re.compile(
    r"\b(?:most(?:ly)?|mainly|largely|primarily|chiefly|particularly|especially|notably)"
    r"(?:\s+of\s+(?:them|which|those|these))?[\s,]+$"
)


#: A figure's clause spanning countries: "reported from 27 countries", "across three WHO regions", "worldwide".
SPANNING = re.compile(
    r"\b(?:(?:from|in|across|among)\s+(?:all\s+)?(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten|several|many|multiple|numerous)\s+(?:other\s+)?(?:countries|nations|WHO\s+regions|"
    r"continents)|worldwide|globally)\b"
)
#: A sea named after a figure's locative: "over the Black Sea", "in the Sea of Azov" (no place path: G5).
SEA = re.compile(
    r"\b(?:over|in|on|into|across|off)\s+the\s+(?:(?:[A-Z][\w'’-]*\s+){1,3}(?:Sea|Ocean|Gulf|Strait)|"
    r"(?:Sea|Gulf|Strait)\s+of\s+[A-Z])"
)
#: "elsewhere": a clause's figures are not where the text has just been.
ELSEWHERE = re.compile(r"\belsewhere\b")
#: A figure's clause spread over several units of a country: "across four provinces", "from 16 of the 18 provinces".
SPREAD = re.compile(
    r"\b(?:across|in|from|over)\s+(?:all\s+)?(?:\d+\s+of\s+)?(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|"
    r"ten|several|many|multiple|numerous|nearby|neighbou?ring|other|surrounding)\s+(?:provinces|districts|"
    r"regions|states|counties|governorates|departments|municipalities|oblasts|prefectures)\b"
)
#: A name of a place, one to three capitalised words ("Kassanda", "Wadi Fira").
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
#: A figure's clause naming several units of a country in a list before their plural noun: "from A, B
#: and C districts" spreads over them all, the country they share (ANNOTATION.md rule 19), whether or not
#: the gazetteer knows each name.
LISTED = re.compile(
    rf"\b(?:across|in|from|over)\s+(?:the\s+)?{_NAME}(?:,\s+{_NAME}){{0,8}},?\s+(?:and|or)\s+{_NAME}\s+"
    r"(?:provinces|districts|regions|states|counties|governorates|departments|municipalities|oblasts|prefectures)\b"
)
#: A part's figure just before a place: "including 228 in", "among them 12 in" (the place is that part's).
PART_BEFORE = re.compile(
    r"\b(?:including|among\s+them|of\s+(?:whom|them|which))\s+(?:[a-z]+\s+)?[\d,.]+(?:\s+[a-z]+)?\s+$"
)
#: "a"/"an" after a preposition ("in a blast", "by a drone"): the setting of a figure, not a figure that ends its clause.
CIRCUMSTANCE = re.compile(r"\b(?:in|by|at|on|from|with|after|during|near|into|under)\s+$")
ARTICLE = re.compile(r"an?\s")
#: A clause of the event that caused a sentence's figures: "after a drone struck", "when a bomb went off".
EVENT_CLAUSE = re.compile(r"\b(?:after|when|as)\s+(?:an?|the|two|three|several|[a-z]+s)\b")

#: A contrasting conjunction opening another clause: ", while", ", whereas", ", but".
CONTRAST = re.compile(r",\s+(?:while|whereas|but)\s")
#: A locative naming a part of a place by its bearing: "in western Turkey", "across much of eastern Turkey".
BEARING = r"\b(?:north|south|east|west|central|centre|center|upper|lower|far|mid)[a-z-]*\s+"
PART_OF = re.compile(BEARING + "$")
PART_NAMED = re.compile(r"(?:(?:in|across|of|over|from)\s+)?(?:the\s+)?" + BEARING)
#: A body's verb of reporting a count: "notified WHO of", "reported", "recorded".
REPORTS = re.compile(r"\b(?:notified|reported|recorded|registered|confirmed|counted)\b")
#: A possessive mark closing a name: "Niger's", "Niger’s".
POSSESSIVE_MARK = re.compile(r"['’]s\s")
#: A locative of a site beside a place, not in it: "near Manbij", "outside Kandahar" (ANNOTATION.md rule 30).
NEAR = re.compile(r"(?:near|outside)\s")
#: "near the city of": the place's "of" follows a site beside a town (rule 30).
NEAR_TOWN = re.compile(r"\b(?:near|outside)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:city|town|village)\s+$")
#: An event noun, then maybe its verb, just before a place's preposition: "the attack in", "the explosion happened in".
EVENT_BEFORE = re.compile(
    r"\b(?:attack|explosion|blast|bombing|fighting|clashes|quake|earthquake|landslide|mudslide|"
    r"airstrike|air\s+strike|raid|massacre|tornado|collapse|shelling|ambush)s?"
    r"(?:\s+(?:happened|occurred|struck|hit|took\s+place|was|were))?"
    r"(?:\s+(?:in|at|on|near)(?:\s+the)?(?:\s+[a-z-]+){0,2})?"  # "an earthquake in the mountainous "
    r"(?:\s+(?:mine|plant|factory|market|mosque|church|school|hospital|camp|base|building|station|site)"
    r"(?:\s+(?:in|near)\s+the\s+(?:town|city|village|district|province|region))?)?\s+$"
)
#: An event named after its place, maybe after its year: "the 2011 Van earthquake", "the Beslan school siege".
NAMED_EVENT = re.compile(
    r"\b(?:[Tt]he\s+)(?:\d{4}\s+)?(?P<p>[A-Z][\w'’-]+)\s+(?:school\s+)?"
    r"(?:earthquake|quake|bombing|siege|massacre|landslide|floods?|tornado|attack)\b"
)
#: After a place: "where" its event happened ("the province of Gansu, where the quakes struck").
EVENT_AFTER = re.compile(
    r",?\s+where\s+(?:the\s+)?(?:attack|explosion|blast|bombing|fighting|quake|earthquake|landslide|"
    r"mudslide|tornado|flood|storm)s?\s+(?:struck|hit|happened|occurred|took\s+place)"
)
#: A place's words after its offset, up to the comma or "where" closing it.
PLACE_WORDS = re.compile(r"[a-z]+\s+(?:the\s+)?[^,.;]{1,60}?(?=,|\s+where\b)")


def place_end(low: str, at: int, end: int) -> int:
    """Where the place named at ``at`` ends (before the comma or "where" closing it)."""
    m = PLACE_WORDS.match(low, at, end)
    return m.end() if m is not None else at
