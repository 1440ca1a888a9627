"""What a capitalised name read as a place is not: a thing's name, a building, a group, a comparison's domain.

"into the Tandoori bar", "in the Situations Room", "the Islamic State in Greater Sahara", "the deadliest
in Asia": the patterns :func:`claimdiff._extract._place.places_named` reads such names by, to leave them
out of a figure's place (ANNOTATION.md rule 19: the place is where the figure is).
"""

from __future__ import annotations

import re

from claimdiff._extract._gazetteer_reads import KIND

__all__ = [
    "AGENT_AFTER",
    "FACILITY",
    "GROUP_BEFORE",
    "SETTLEMENT",
    "SUPERLATIVE",
    "SUPERLATIVE_WORD",
    "THING_AFTER",
    "WATER",
    "comparison_domains",
]

#: The last word of a site's name: a building or a facility, never a place path's part ("Situations Room").
FACILITY = re.compile(
    r"\s(?:Room|Hall|Hotel|Hospital|School|Mosque|Church|Market|Mall|Stadium|Airport|Prison|Factory|"
    r"Building|Headquarters|Office|Palace|Station|University|College|Scale)$"
)

#: After a name: the noun of a disease or of what causes one ("Shiga toxin", "Marburg virus", "Lassa fever"):
#: the name is the disease's, taken from where it was first found, not where the figure is (rule 19).
AGENT_AFTER = re.compile(
    r"\s+(?:toxins?|virus(?:es)?|fever|disease|encephalitis|flu|influenza|syndrome|strains?|variants?|"
    r"bacteri(?:a|um)|ebolavirus)\b"
)

#: A body of water's name ("the Black Sea", "the Sea of Azov", "the Gulf of Aden"): like a river, no place path, and no
#: country chosen for it from outside knowledge (ANNOTATION.md G5).
WATER = re.compile(
    r"(?:^|\s)(?:Sea|Ocean|Gulf|Bay|Strait|Lake|River)$|^(?:Sea|Gulf|Bay|Strait|Lake)\s+of\s"
)

#: Before "in": a group's name of two capitalised words or a hyphenated one ("Islamic State", "Al-Qaeda"),
#: when it is no place and no building ("Nangarhar Province in ...", "the Grand Mosque in Salmossi").
GROUP_BEFORE = re.compile(
    r"(?:\b[Tt]he\s+|\b)(?P<g>[A-Z][a-z]+\s+[A-Z][a-z]+|[A-Z][a-z]*-[A-Z][a-z]+)\s+$"
)

#: Before a place: a comparison's domain ("the deadliest in Japan"), not where a figure is.
SUPERLATIVE = re.compile(
    r"\b[Tt]he\s+(?:deadliest|worst|largest|biggest|highest|strongest|heaviest|most\s+[a-z]+)"
    r"(?:\s+[a-z]+){0,2}\s+$"
)

#: The words without which :data:`SUPERLATIVE` cannot match: a sentence with none is not searched.
SUPERLATIVE_WORD = re.compile(
    r"\b(?:deadliest|worst|largest|biggest|highest|strongest|heaviest|most)\s"
)

#: The kind of settlement written after its name ("Kaboro community", "Negga village").
SETTLEMENT = (
    r"villages?|communit(?:y|ies)|towns?|areas?|camps?|settlements?|neighbou?rhoods?|districts?|"
    r"regenc(?:y|ies)|municipalit(?:y|ies)"
)

#: After "the" and a name: a noun the name qualifies ("the Tandoori bar"), no kind of place or word of a clause.
THING_AFTER = re.compile(
    rf"\s+(?!(?:{KIND}|{SETTLEMENT}|and|or|of|in|on|at|to|for|from|with|by|near|where|which|who|whose|that|"
    r"after|before|as|is|was|were|are|has|had|have|said|says|area|region|side|border|this|these|those|last|"
    r"next|each|every|since|until|during|over|under|into|about|around|through|today|yesterday|tonight|"
    r"earlier|later|alone|also|only|so|when|while|amid|including|due|because|following|within|without|but|"
    r"not|than|then|there|here|its|their|his|her|our|alike|too|again|itself|themselves)\b)"
    r"[a-z]{3,}\b(?<!ed)(?<!ing)(?<!ly)(?!['’-])"
)


def comparison_domains(
    text: str, start: int, found: list[tuple[int, tuple[str, ...]]]
) -> list[tuple[int, tuple[str, ...]]]:
    """``found`` (each place at its locative) without those a superlative names as its domain ("the deadliest in Asia").

    >>> comparison_domains("It was the deadliest in Asia.", 0, [(21, ("Asia",))])
    []
    """
    return [(a, p) for a, p in found if not SUPERLATIVE.search(text, max(start, a - 50), a)]
