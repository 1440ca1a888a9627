"""People counted where they shelter: in evacuation centres, temporary accommodation, relief camps.

"There are 924 people in 16 temporary accommodation centers", "4,000 families are staying in 25
evacuation centres": people counted in the places a disaster's displaced are housed are
`sheltered` (ANNOTATION.md settled F4, I4), however many such places the text names.

>>> s = "there are 924 people in 16 temporary accommodation centers"
>>> in_shelters(s, s.index(" in"), len(s))
True
>>> s = "4,000 families are staying in 25 evacuation centres"
>>> in_shelters(s, s.index(" are"), len(s))
True
>>> s = "924 people in 16 villages"
>>> in_shelters(s, s.index(" in"), len(s))
False
"""

from __future__ import annotations

import re

__all__ = ["in_shelters"]

#: After the counted noun: a verb of staying (or none), "in"/"at", a count of the places or a
#: determiner, then places of shelter.
_IN_SHELTERS = re.compile(
    r"\s+(?:(?:are|were|is|was|remain|remained|remaining|still|now|currently|being|been|have|has|had)\s+)*"
    r"(?:(?:staying|living|housed|accommodated|hosted|lodged|placed)\s+)?(?:in|at|inside)\s+"
    r"(?:(?:the|some|about|around|more\s+than|over)\s+)*(?:\d[\d,]*\s+)?"
    r"(?:(?:temporary|emergency|government|official|designated|collective)\s+)*"
    r"(?:evacuation|accommodation|relief|displacement|transit)\s+"
    r"(?:centres?|centers?|sites?|shelters?|camps?|facilities|points?)\b"
)


def in_shelters(low: str, at: int, end: int) -> bool:
    """Whether the words from ``at`` (right after a count's noun phrase) put it in places of shelter."""
    return _IN_SHELTERS.match(low, at, end) is not None
