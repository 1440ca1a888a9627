r"""The trigger a figure takes from the words right before it, when those words are said of another figure.

"The floods left 21 people dead and displaced 13,000": "dead" is said of the 21; the 13,000 were
displaced. "... dead and forced 13,000 people to evacuate": the 13,000 take no metric from "dead".

>>> import re
>>> s = "left 21 people dead and displaced "
>>> left_word(s, 0, re.search(r"(?P<t>dead)(?:\s+and\s+(?P<n>\w+))?\s+$|(?P<b>x)", s))
'displaced'
"""

from __future__ import annotations

import re

from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._model.numbers import NUMBER_WORDS

__all__ = ["left_word"]

#: A number, in digits or words, a few words before: "six deaths and destroyed several houses".
_A_NUMBER_BEFORE = re.compile(
    rf"(?:\d|\b(?:{alternation(w for w in NUMBER_WORDS if ' ' not in w)})\b)[^.;:\d]{{0,30}}$"
)


def left_word(low: str, start: int, left: re.Match[str]) -> str | None:
    """The trigger a figure takes from the words before it (``t`` or ``b``; ``n`` after "and"), or ``None``.

    "left 21 people dead and displaced 13,000": "dead" follows a figure of its own and is said of
    it, so the verb after "and" is the next figure's ("displaced"), and when that verb is none the
    rules know ("and forced 13,000 people to evacuate") the trigger before it is no reading at all.
    """
    word: str = left.group("t") or left.group("b")
    second = left.group("n")
    if second is not None and _A_NUMBER_BEFORE.search(
        low, max(start, left.start() - 40), left.start()
    ):
        return second if second in TRIGGERS else None
    return word
