"""A vague word as a toll: "thousands more injured", "hundreds missing", "has killed thousands"."""

from __future__ import annotations

import re

from claimdiff._extract._recording import is_casualty
from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS

__all__ = ["vague_toll", "vague_toll_before"]


def vague_toll(low: str, at: int, end: int) -> bool:
    """True when a verb of a toll of people follows a vague word: "thousands more injured", "hundreds missing".

    >>> low = "thousands more injured"
    >>> vague_toll(low, len("thousands"), len(low)), vague_toll("thousands of homes", 9, 18)
    (True, False)

    A state a disaster leaves people in, said with "left", counts them too (rules 8 and 11):

    >>> vague_toll("hundreds were left homeless", len("hundreds"), 27)
    True
    """
    verb = _TOLL_VERB.match(low, at, end)
    return verb is not None and (
        is_casualty(TRIGGERS[verb.group("t")]) or verb.group("t") in _LEFT_IN_A_STATE
    )


def vague_toll_before(low: str, start: int, at: int) -> bool:
    """True when a verb of a toll of people stands right before a vague word: "has killed thousands"."""
    verb = _TOLL_VERB_BEFORE.search(low, max(start, at - 30), at)
    return verb is not None and TRIGGERS[verb.group("t")] in {"killed", "injured"}


#: A state a disaster leaves people in, said with "left": "thousands left homeless" (rules 8 and 11); the
#: adjective alone ("thousands homeless") is left alone: it as often names whom aid reaches.
_LEFT_IN_A_STATE = frozenset({"left homeless"})
_TOLL_VERB_BEFORE = re.compile(rf"\b(?P<t>{alternation(t for t in TRIGGERS if ' ' not in t)})\s+$")
_TOLL_VERB = re.compile(
    r"\s+(?:more\s+|others?\s+)?(?:(?:were|are|was|have\s+been|had\s+been)\s+)?"
    rf"(?P<t>{alternation(TRIGGERS)})\b"
)
