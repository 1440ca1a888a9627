"""A bare number that stands as the subject of a clause coordinated after a counted figure: its noun is left out.

"50 deaths were caused by the quake, 218 were caused by illness": the second clause's subject is
"218", whose noun ("deaths") the coordination leaves out (noun ellipsis), so it counts what the
first clause's figure counts. The bare number must open its clause (after a comma, "and", "while",
"but" or a semicolon) and be followed by a passive verb ("were caused", "was quickly confirmed"), so
that "218" is the clause's subject, not a number of some other phrase, and says no metric of its own.

>>> s = "50 deaths were caused by the quake, 218 were caused by illness."
>>> bare_subject(s, s.index(" deaths"), s.index("218"), s.index(" were caused by illness"))
True
>>> s = "50 deaths were caused by the quake in 218 villages."
>>> bare_subject(s, s.index(" deaths"), s.index("218"), s.index(" villages"))
False
"""

from __future__ import annotations

import re

__all__ = ["bare_subject"]

#: Between the figure before and the bare number: the rest of the first clause, then a coordinating break.
_OPENS_CLAUSE = re.compile(
    r"[^;.:()]{0,120}?(?:,\s*(?:and\s+|while\s+|but\s+)?|;\s*|\s+(?:and|while|but)\s+)"
)
#: After the bare number, a passive verb ("were caused", "was quickly confirmed"): the number is its clause's subject.
_FINITE = re.compile(r"\s+(?:were|was)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")


def bare_subject(low: str, before_end: int, start: int, end: int) -> bool:
    """Whether the bare number ``low[start:end]`` is the subject of a clause that leaves out the noun of the figure before.

    ``before_end`` is where the figure before it (with its noun) ends, in the same sentence.
    """
    return (
        _OPENS_CLAUSE.fullmatch(low, before_end, start) is not None
        and _FINITE.match(low, end) is not None
    )
