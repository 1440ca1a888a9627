"""Parts of a whole: "34 of the 39 missiles", "134 of the deaths", "18 of the cases".

A number followed by "of the" is a part: it counts what its whole counts, the toll's people, or the
thing the vocabulary knows after "of the"; a part of nothing named is no figure. "814,000 of whom"
is a part of the figure before, which the reader (:mod:`claimdiff._extract._reader`) gives it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure
    from claimdiff._model.vocabulary import Vocabulary

__all__ = ["OF_WHOM", "WORD_AFTER", "partitives"]

#: The word after a position (spaces skipped).
WORD_AFTER = re.compile(r"\s*([a-z]+)")
#: "of whom", "of them" after a figure: a part of the figure before.
OF_WHOM = re.compile(r"\s+of\s+(?:whom|them)\b")
#: Cases of a disease: counted as the reader counts "19 Nipah virus cases" (cases of people).
_CASES = frozenset({"cases", "infections"})
_OF_THE = re.compile(r"\s+of\b(?:\s+the)?\s*")
#: Between a part and its base: "three out of four dormitories", "27 out of the 36 hospitals".
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:the\s+|a\s+total\s+of\s+)?")
#: Nouns of a toll that name a whole a number can be a part of: "134 of the deaths", "two of the injured".
_WHOLE_NOUNS = frozenset(
    w
    for w, metric in TRIGGERS.items()
    if " " not in w and metric in {"killed", "injured", "missing"}
) - {"kill", "kills", "killing", "die", "dies", "injure", "injures", "injuring", "wounding"}
#: After the number of a whole, within three words, the toll noun it counts: "75 confirmed dead".
_TOLL_NOUN = re.compile(rf"\s*(?:[a-z]+\s+){{0,2}}?({alternation(_WHOLE_NOUNS)})\b")


def partitives(low: str, end: int, found: list[Figure], vocabulary: Vocabulary) -> list[Figure]:
    """The part in "34 of the 39 missiles" counts what the whole counts; a part of nothing named is dropped.

    "18 of the cases" counts the thing the vocabulary knows (or cases) after "of the".
    """
    out: list[Figure] = []
    base: Figure | None = None
    for i, fig in enumerate(found):
        if fig is base:
            continue  # "out of four dormitories": the base of the part before, no count (rule 3)
        whole = found[i + 1] if i + 1 < len(found) else None
        if (
            whole is not None
            and fig.bare
            and whole.counted is not None
            and _OUT_OF.fullmatch(low, fig.end, whole.start) is not None
        ):
            # "three out of four dormitories had been evacuated": the part counts the base's noun
            # its noun phrase runs to the base's noun, whose verb after it is the part's
            out.append(attrs.evolve(fig, counted=whole.counted, bare=False, end=whole.end))
            base = whole
            continue
        of = _OF_THE.match(low, fig.end)
        if of is not None and fig.counted is None and OF_WHOM.match(low, fig.end):
            # "to spare health workers, 163 of whom have been killed": the people named right before
            out.append(_of_whom(low, fig, vocabulary))
            continue
        if of is None or fig.counted is not None or fig.estimate.unit:
            # "814,000 of whom": a part of the figure before, which the reader gives it
            out.append(fig)
            continue
        whole = found[i + 1] if i + 1 < len(found) else None
        if whole is not None and whole.start == of.end() and whole.counted is not None:
            out.append(attrs.evolve(fig, counted=whole.counted, bare=False))
            continue
        head = WORD_AFTER.match(low, of.end(), end)
        toll = (
            _TOLL_NOUN.match(low, whole.end, end)
            if whole is not None and whole.start == of.end()
            else head
            if fig.estimate.point != 1
            else None
        )
        if toll is not None and toll.group(1) in _WHOLE_NOUNS:
            # "55 of 75 confirmed dead", "134 of the deaths": a part of a toll of people; the reader
            # gives it the verb after the whole, else the whole's metric (metrics.partitive)
            out.append(attrs.evolve(fig, counted="people"))
            continue
        if (
            fig.estimate.point != 1  # "one of the worst floods": an idiom, not a count
            and head is not None
            and (head.group(1) in vocabulary.counted_synonyms or head.group(1) in _CASES)
            and of.group().rstrip().endswith("the")
        ):
            counted = (
                head.group(1) if head.group(1) in _CASES else vocabulary.counted(head.group(1))
            )
            out.append(attrs.evolve(fig, counted=counted, bare=False))
    return out


#: People named right before ", N of whom": one or two words, the last a plural ("health workers, 163 of whom").
_ANTECEDENT = re.compile(
    r"(?<![\w-])(?P<n>(?:(?!(?:the|all|to|of|and|[a-z]+ed|[a-z]+ing)\s)[a-z]+\s+)?[a-z]+s)\s*,\s*$"
)


def _of_whom(low: str, fig: Figure, vocabulary: Vocabulary) -> Figure:
    """A bare "N of whom" after a plural noun with no figure of its own counts that noun's people.

    >>> from claimdiff._extract._figures import figures
    >>> from claimdiff._model.hedges import HedgePolicy
    >>> from claimdiff._model.vocabulary import Vocabulary
    >>> s = "spare health workers, 163 of whom have been killed"
    >>> [f.counted for f in figures(s, s, 0, len(s), HedgePolicy(), Vocabulary())]
    ['health workers']
    """
    m = _ANTECEDENT.search(low, max(0, fig.start - 40), fig.start)
    if m is None or not fig.bare or m.group("n").split()[-1] in _NOT_PEOPLE:
        return fig
    return attrs.evolve(fig, counted=vocabulary.counted(m.group("n")))


#: Plurals before ", N of whom/them" that are no people counted: a count's own noun or a place's.
_NOT_PEOPLE = frozenset({"cases", "deaths", "years", "days", "months", "hours", "weeks", "areas",
                         "provinces", "districts", "regions", "states", "countries", "towns", "villages"})  # fmt: skip
