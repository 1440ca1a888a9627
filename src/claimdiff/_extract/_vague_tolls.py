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
    """
    verb = _TOLL_VERB.match(low, at, end)
    return verb is not None and is_casualty(TRIGGERS[verb.group("t")])


def vague_toll_before(low: str, start: int, at: int) -> bool:
    """True when a verb of a toll of people stands right before a vague word: "has killed thousands"."""
    verb = _TOLL_VERB_BEFORE.search(low, max(start, at - 30), at)
    return verb is not None and TRIGGERS[verb.group("t")] in {"killed", "injured"}


_TOLL_VERB_BEFORE = re.compile(rf"\b(?P<t>{alternation(t for t in TRIGGERS if ' ' not in t)})\s+$")
_TOLL_VERB = re.compile(
    r"\s+(?:more\s+|others?\s+)?(?:(?:were|are|was|have\s+been|had\s+been)\s+)?"
    rf"(?P<t>{alternation(TRIGGERS)})\b"
)
