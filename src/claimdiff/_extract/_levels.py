"""A count's level given by its subject: "the number of people killed has risen to 12", "deaths totalled 250,000".

The subject of a verb of level (a noun of a metric, or "the number/total/tally of" one) gives the
number after the verb its metric, and, when it names one, the thing it counts
("the number of affected families rose to 9,400" counts families).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._kinds import predicate_noun
from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._model.vocabulary import Vocabulary

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = [
    "LEVEL",
    "NAMED_LEVEL",
    "NUMBER_OF",
    "level_counted",
    "level_noun",
    "leveled",
    "number_of",
]

_TRIGGER_ALT = alternation(TRIGGERS)
#: A verb that takes a count to a level: "has risen to", "climbed to", "swelled to", "reached", "stands at".
_TO_LEVEL = (
    r"(?:has\s+|had\s+|have\s+)?(?:now\s+)?(?:reached|(?:risen|rose|rises|rise|climbed|climbs|climb|"
    r"increased|increases|grown|grew|grows|jumped|jumps|swelled|swollen|swells|gone\s+up|went\s+up|goes\s+up)\s+to|"
    r"(?:was\s+|were\s+|been\s+)?raised\s+to|stands\s+at|stood\s+at|now\s+stands\s+at|is|was|"
    r"exceeded|surpassed|topped|passed|(?:is\s+|was\s+)?(?:now\s+)?(?:nearing|approaching)|"
    # "the number of injured amounts to 120", "adds up to", "totals": a sum, said as a level
    r"(?:adds|added|add)\s+up\s+to|amounts?\s+to|amounted\s+to|comes?\s+to|came\s+to|totall?ed|totals?)"
)
#: "the number of [words] TRIGGER [counted noun] [a short phrase] has risen to N": the subject's metric is the number's.
NUMBER_OF = re.compile(
    rf"\b(?:number|total|tally|count|toll)\s+of\s+(?:the\s+|those\s+)?(?:[a-z][\w'’-]*\s+){{0,2}}?(?P<t>{_TRIGGER_ALT})"
    r"(?:\s+(?P<c>people|persons|civilians|families|households|individuals|children|staff|workers))?"
    r"(?:\s+(?:in|since|across|on|following|after|from|by|due\s+to|caused\s+by|linked\s+to|related\s+to|"
    r"during|among|at)\s+[^,;.]{1,60}?)?"
    rf"\s+{_TO_LEVEL}\s+"
    r"(?:(?:about|some|around|nearly|over|more\s+than)\s+)?$"
)
#: A noun of a metric as the subject, then a verb of level before the number: "deaths totalled 250,000".
LEVEL = re.compile(
    r"\b(?P<t>deaths|fatalities|casualties|injuries|cases|infections|hospitalizations|hospitalisations)\b"
    r"[^.;:\d]{0,50}?\b(?:totall?ed|totals?|numbered|numbers?|stood\s+at|stands?\s+at|reached|reaches|"
    # a change to a level: "the reported deaths have climbed to 12", "Deaths Rise to 273"
    r"(?:(?:has|have|had)\s+)?(?:risen|rose|rises?|climbed|climbs?|increased|increases|grown|grew|jumped|"
    r"swelled|swollen|gone\s+up|went\s+up)\s+to|"
    r"exceeded|exceeds|(?:is|are|was|were)\s+(?:put|estimated|placed)\s+at|came\s+to|comes?\s+to|"
    r"amounted\s+to|amounts?\s+to)\s+(?:(?:about|some|around|nearly|over|more\s+than|at\s+least)\s+)?$"
)


#: The things counted and their metric as the subject, then a verb of level: "houses partially damaged totaled
#: 4,019", "families affected reached 9,400" (a noun, an adverb, a participle of the vocabulary).
NAMED_LEVEL = re.compile(
    rf"\b(?P<c>[a-z]{{3,}}s)\s+(?:[a-z]{{3,}}ly\s+)?(?P<t>{_TRIGGER_ALT})\s+"
    r"(?:totall?ed|totals|numbered|reached|stood\s+at|stands\s+at|came\s+to|amounted\s+to|rose\s+to|climbed\s+to)\s+"
    r"(?:(?:about|some|around|nearly|over|more\s+than|at\s+least)\s+)?$"
)
#: Words one of which :data:`LEVEL` / :data:`NUMBER_OF` cannot match without: looked for first (a
#: substring test is far cheaper than a search of the whole alternation at every offset).
_LEVEL_NOUNS = (
    "deaths",
    "fatalities",
    "casualties",
    "injuries",
    "cases",
    "infections",
    "hospitali",
)
_NUMBER_NOUNS = ("number", "total", "tally", "count", "toll")
#: Verbs one of which :data:`NAMED_LEVEL` cannot match without.
_NAMED_VERBS = (
    "total",
    "numbered",
    "reached",
    "stood",
    "stands",
    "came",
    "amounted",
    "rose",
    "climbed",
)


def level_noun(low: str, start: int, at: int) -> re.Match[str] | None:
    """:data:`LEVEL` searched in ``low[start:at]``: a noun of a metric, then a verb of level.

    Failing it, :data:`NAMED_LEVEL`: the things counted with their metric's participle, then the
    verb ("houses partially damaged totaled 4,019": damaged houses).
    """
    window = low[start:at]
    if any(w in window for w in _LEVEL_NOUNS):
        found = LEVEL.search(low, start, at)
        if found is not None:
            return found
    if not any(w in window for w in _NAMED_VERBS):
        return None
    return NAMED_LEVEL.search(low, start, at)


def number_of(low: str, start: int, at: int) -> re.Match[str] | None:
    """:data:`NUMBER_OF` searched in ``low[start:at]``: "the number of TRIGGER ... has risen to"."""
    window = low[start:at]
    if "of" not in window or not any(w in window for w in _NUMBER_NOUNS):
        return None
    return NUMBER_OF.search(low, start, at)


def level_counted(low: str, start: int, fig: Figure) -> str | None:
    """What a number of level counts when its subject says so ("the number of affected families rose to N").

    ``None`` when no such subject stands before the number; ``""`` when the subject names a
    metric but no counted thing (people, for a toll), so that no figure before it lends its noun.
    """
    level = level_noun(low, max(start, fig.start - 90), fig.start)
    if level is not None:
        return level.groupdict().get("c") or ""
    number = number_of(low, max(start, fig.start - 90), fig.start)
    if number is None:
        return None
    return number.group("c") or ""


def leveled(low: str, start: int, end: int, fig: Figure, vocabulary: Vocabulary) -> Figure:
    """A bare number with the thing its clause says it counts: its subject's, or the people it is said to be.

    "the number of affected families rose to N" counts families, not the figure's before it;
    "four were children" counts children. ``low[start:end]`` is the sentence.
    """
    said = predicate_noun(low, fig.end, end)
    if said is not None:
        return attrs.evolve(fig, counted=vocabulary.counted(said))
    counted = level_counted(low, start, fig)
    if counted is None:
        return fig
    return attrs.evolve(fig, counted=vocabulary.counted(counted) if counted else None)
