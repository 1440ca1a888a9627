"""Items of a list of counts whose noun phrases run on past the thing counted.

"5,143 tanks and other armoured combat vehicles, 851 multiple rocket launcher vehicles and 5,963
units of special military vehicles have been destroyed": every item is a count the verb at the end
of the list reports (ANNOTATION.md rule 23, a tally's items), though the words after a figure's
noun ("and other armoured combat vehicles", "and communications centres") keep the items apart.
The words between two items may name more things and their kind, never a verb or a place: a
clause of its own ("14 were killed in the north, 20 in the south") is no item's tail.
"""

from __future__ import annotations

import re

from claimdiff._extract._triggers import TRIGGERS

__all__ = ["joined_items"]


def joined_items(low: str, end: int, start: int) -> bool:
    """Whether the figure at ``start`` is the next item of the list whose item ends at ``end``.

    Between them: the rest of the item's noun phrase ("and other armoured combat vehicles"), items
    without a number, and a comma.

    >>> s = "5,143 tanks and other armoured combat vehicles, 851 launchers were destroyed"
    >>> joined_items(s, s.index(" and other"), s.index("851"))
    True
    >>> s = "5 tanks were hit near kharkiv and izium, 851 launchers were destroyed"
    >>> joined_items(s, s.index(" were hit"), s.index("851"))
    False
    """
    gap = _TAIL.fullmatch(low, end, start)
    return gap is not None and not any(
        w in TRIGGERS or w in _NOT_NOUNS or w.endswith("ly")
        for w in gap.group("words").replace(",", " ").split()
    )


#: The tail of an item's noun phrase, then the comma before the next item: " and other vehicles, ",
#: " vehicles, ", items named without a number between: ", artillery and ammunition, and ".
_TAIL = re.compile(r"(?P<words>(?:\s*,?\s+[a-z][\w-]*){1,6})\s*,\s*(?:and\s+)?")
#: Words that make a clause or a place of the tail, never a noun phrase's.
_NOT_NOUNS = frozenset(
    {"in", "at", "on", "near", "from", "to", "by", "with", "across", "into", "during", "after", "before",
     "since", "over", "under", "around", "outside", "inside", "within", "along", "through", "against",
     "toward", "towards", "off", "up", "down", "out", "for", "per", "about", "among", "between", "beyond",
     "north", "south", "east", "west", "including", "while", "whereas", "but", "were", "was", "are", "is", "be", "been", "have", "has", "had", "said", "says", "who",
     "which", "that", "when", "where", "them", "whom", "they", "it", "he", "she", "we"}
)  # fmt: skip
