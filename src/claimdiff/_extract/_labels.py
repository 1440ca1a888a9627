"""A figure after a label or under a heading: "Dead: 14", "Affected families: 3,400", "Iraqi Deaths".

Situation reports and fact sheets give key figures as a short label, a colon and the number.
The label's trigger word is the metric (:data:`claimdiff._extract._triggers.TRIGGERS`) and its
other plural noun, if any, the thing counted; with none, the metric's usual thing (people).

>>> from claimdiff._model.vocabulary import Vocabulary
>>> low = "key figures - affected families: 3,400; dead: 14"
>>> labelled(low, 0, low.index("3,400"), Vocabulary()), labelled(low, 0, low.index("14"), Vocabulary())
(('affected', 'families'), ('killed', None))
"""

from __future__ import annotations

import re

from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._model.vocabulary import Vocabulary

__all__ = ["labelled", "section_metric"]

#: A label of a few words right before the number, opened by a line, a bullet, a semicolon or a sentence.
_LABEL = re.compile(
    r"(?:^|(?<=[\n;•|])|(?<=[.\-–—]\s)|(?<=^[\-–—•*]\s))[ \t\-–—•*]*"
    r"(?P<label>[a-z](?:[a-z'’]|[ -](?=[a-z])){1,50}?)\s*:[ \t]*$"
)
_TRIGGER = re.compile(rf"\b(?P<t>{alternation(TRIGGERS)})\b")
#: Words of a label that name neither the metric nor the thing counted.
_FILLER = frozenset(
    {"total", "number", "no", "of", "the", "people", "persons", "new", "so", "far", "cumulative"}
)


def labelled(
    low: str, start: int, at: int, vocabulary: Vocabulary
) -> tuple[str, str | None] | None:
    """The metric and thing counted a label before offset ``at`` gives the number there, or ``None``."""
    since = max(start, at - 60)
    if (
        low.find(":", since, at) < 0
    ):  # no label without its colon: most numbers are read without a search
        return None
    label = _LABEL.search(low, since, at)
    if label is None:
        return None
    words = label.group("label")
    trigger = _TRIGGER.search(words)
    if trigger is None:
        return None
    rest = (words[: trigger.start()] + " " + words[trigger.end() :]).split()
    nouns = [w for w in rest if w not in _FILLER and w.endswith("s")]
    return TRIGGERS[trigger.group("t")], vocabulary.counted(nouns[-1]) if len(nouns) == 1 else None


def section_metric(low: str, start: int, end: int) -> str | None:
    """The metric a short heading names ("Iraqi Deaths", "Injured"), for the bare figures opening its paragraphs.

    >>> section_metric("iraqi deaths", 0, 12), section_metric("situation overview", 0, 18)
    ('killed', None)
    """
    if len(low[start:end].split()) > _SECTION_WORDS:
        return None
    trigger = _TRIGGER.search(low, start, end)
    return TRIGGERS[trigger.group("t")] if trigger is not None else None


#: A heading of a section is short; a longer one is a headline, which names its own figures.
_SECTION_WORDS = 4
