"""A headline in title case: every word capitalised, so a capital there marks no name.

"32 Militants, 4 Soldiers Killed in Western Afghanistan", "3 Afghan Police Killed in Suicide
Attack": in such a line "Militants" and "Police" are the things counted, as they would be in lower
case, not the name that a capitalised word in running prose would be.

>>> s = "3 Afghan Police Killed in Suicide Attack"
>>> title_cased(s, 0, len(s))
True
>>> s = "3 Afghan police were killed in Kabul on Monday."
>>> title_cased(s, 0, len(s))
False
"""

from __future__ import annotations

import re

__all__ = ["title_cased"]

#: Words a title-case headline leaves in lower case.
_SMALL = frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "from",
                    "with", "as", "after", "over", "into", "near", "amid", "vs"})  # fmt: skip
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: How far along its line a headline is read: a headline is short.
_REACH = 160


def title_cased(text: str, pos: int, end: int) -> bool:
    """Whether the line holding ``pos`` is a title-case headline (three words or more, every word capitalised)."""
    line_start = max(text.rfind("\n", max(0, pos - _REACH), pos) + 1, pos - _REACH)
    line_end = text.find("\n", pos, min(end, pos + _REACH))
    stop = line_end if line_end >= 0 else min(end, pos + _REACH)
    if text[line_start:stop].rstrip().endswith("."):
        return False
    words = 0
    for m in _WORD.finditer(text, line_start, stop):  # stops at the first word in lower case
        if not m.group()[0].isupper():
            if m.group().lower() not in _SMALL:
                return False
        else:
            words += 1
    return words >= 3
