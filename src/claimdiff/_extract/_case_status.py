"""Case-status words coordinated before one noun: "12 confirmed and 18 probable cases" counts cases twice.

Outbreak reports sort the cases of a disease by how sure the diagnosis is (confirmed, probable,
suspected) and name the noun once, after the last number: every number before it, followed only by
its status word and "and", "or" or a comma, counts the same thing (ANNOTATION.md rule 7: each
status is a figure of its own, counted as the text names it). A number whose status word is
followed by a noun of its own ("5 confirmed deaths and 8 probable cases") is no such number: it is
not bare, and keeps its noun.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = ["STATUS", "STATUS_WORDS", "shared_status"]

#: The classes that sort cases of a disease by how sure their diagnosis is.
_CLASSES = ("confirmed", "probable", "suspected", "possible", "presumptive")
#: The words before "confirmed" that say a laboratory confirmed it ("lab-confirmed").
_LAB = ("laboratory", "lab")
#: A status, as a pattern: one of the classes, or a laboratory's confirmation.
STATUS = rf"(?:(?:{'|'.join(_LAB)})[-\s]confirmed|{'|'.join(_CLASSES)})"
#: Every word a status is written with: a header of these words alone names a class of cases.
STATUS_WORDS = frozenset((*_CLASSES, *_LAB))
_STATUS_WORD = re.compile(STATUS)
#: A status word after a number, the spaces before it included.
_STATUS_AFTER = re.compile(rf"\s+{STATUS}")
#: After a bare number: its status word, then the coordinator that joins it to the next number.
_JOINED = re.compile(rf"\s+{STATUS}\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
#: Right after a number inside a figure: a status word, then the noun the figure names.
_NAMED = re.compile(rf"\s+{STATUS}\s+(?!and\b|or\b)\w")


def shared_status(low: str, found: list[Figure]) -> list[Figure]:
    """The sentence's figures, a bare number before a status word given the noun the next figure names.

    Read from the last figure back, so that a list of three ("4 confirmed, 2 probable and 1
    suspected case") gives the noun to each number in turn.

    >>> from claimdiff._extract._figures import figures
    >>> from claimdiff._model.hedges import DEFAULT_HEDGES
    >>> from claimdiff._model.vocabulary import DEFAULT_VOCABULARY
    >>> s = "there were 7 confirmed and 3 probable cases."
    >>> [(f.estimate.text, f.counted) for f in figures(s, s, 0, len(s), DEFAULT_HEDGES, DEFAULT_VOCABULARY)]
    [('7', 'cases'), ('3', 'cases')]
    """
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        fig, nxt = out[i], out[i + 1]
        if not (fig.bare or _STATUS_WORD.fullmatch(fig.counted or "")):
            continue  # "2 probable": a status word read as the noun is no noun
        if nxt.counted is None or nxt.bare:
            continue
        joined = _JOINED.match(low, fig.end if fig.bare else fig.start + len(fig.estimate.text))
        if joined is None or joined.end() != nxt.start:
            continue
        number_end = nxt.start + len(nxt.estimate.text) if nxt.estimate.text else nxt.start
        if not (_NAMED.match(low, number_end) or out[i + 1] is not found[i + 1]):
            continue
        # the figure spans its status word: what tells it from a figure of the same value beside it
        status = _STATUS_AFTER.match(low, joined.start())
        status_end = status.end() if status is not None else fig.end
        out[i] = attrs.evolve(
            fig, end=status_end, counted=nxt.counted, bare=False, metric=nxt.metric, noun_at=None
        )
    return out


def told_by_status(phrase: str, other: str) -> bool:
    """Whether two figures' phrases sort their cases under two status words ("18 confirmed", "18 probable cases").

    Two such figures of the same value are two claims, not one figure said twice.

    >>> told_by_status("18 confirmed", "18 probable cases")
    True
    >>> told_by_status("18 cases", "18 cases")
    False
    """
    one = _STATUS_WORD.search(phrase.lower())
    two = _STATUS_WORD.search(other.lower())
    return one is not None and two is not None and one.group() != two.group()
