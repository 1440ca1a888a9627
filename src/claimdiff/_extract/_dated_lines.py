"""A line giving only a date and the place of a meeting: "March 3, 2015, Springfield, Lake Region".

Transcripts and official news items open with such a line under their title: where and when the words
were said, as a dateline says where a report was filed (:mod:`._home`). The place is no figure's: the
figures said there are of wherever the words place them (ANNOTATION.md rule 19), and the line
places them in its country at most.
"""

from __future__ import annotations

import re

__all__ = ["dated_place_line"]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
#: A whole line: a date ("May 4, 2016", "4 May 2016"), a comma, then one to three comma-separated names.
_DATED = re.compile(
    rf"\s*(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH})\s+\d{{4}},\s+"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}){0,2}\s*"
)


def dated_place_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a line of a date and a place only.

    >>> s = "March 3, 2015, Springfield, Lake Region"
    >>> dated_place_line(s, 0, len(s)), dated_place_line("Floods in Lake Region", 0, 21)
    (True, False)
    """
    return end - start <= 120 and _DATED.fullmatch(text, start, end) is not None
