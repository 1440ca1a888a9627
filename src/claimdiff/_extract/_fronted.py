"""A figure whose noun comes first: the clause names what is counted, then lists the counts by place.

"Cases were reported by Greece (5) and Italy (1)", "Deaths have been recorded in Kasai (12),
Kwilu (4)": the clause's subject is a metric noun and its verb one of reporting; the counts in
brackets after each place are that metric's, place by place, though no figure stands before them.

>>> s = "cases were reported by greece (5) and italy (1)."
>>> subject_metric(s, 0, s.index("5"), s.index("5") + 1), subject_metric(s, 0, s.index("1"), s.index("1") + 1)
('cases', 'cases')
>>> s = "the team visited greece (5) and italy (1)."
>>> subject_metric(s, 0, s.index("5"), s.index("5") + 1) is None
True
"""

from __future__ import annotations

import re

from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS

__all__ = ["subject_metric"]

#: The metric nouns a clause can open with: "cases", "deaths", "new infections", "fatalities".
_NOUNS = tuple(t for t in TRIGGERS if t.endswith(("s", "ies")) and " " not in t)
#: The clause before the first bracketed count: its subject a metric noun (a few modifiers before it),
#: a verb of reporting in the passive, then the places and bracketed counts so far.
_SUBJECT = re.compile(
    rf"(?:[a-z][\w-]*\s+){{0,3}}?(?P<t>{alternation(_NOUNS)})\s+"
    r"(?:(?:have|has|had)\s+(?:also\s+)?been|were|was|are|is)\s+(?:also\s+)?"
    r"(?:reported|recorded|registered|notified|confirmed|detected|identified)\s+"
    r"(?:(?:by|in|from|among)\s+)(?:the\s+)?"
    # the places and bracketed counts before this one: "greece (5), spain (2) and "
    r"(?:[^.;:()\d]{1,60}\(\s*[\d,]+\s*\)\s*(?:,\s*(?:and\s+)?|and\s+))*"
    r"[^.;:()\d]{1,60}\(\s*$"
)
#: Where a clause opens inside a sentence: after a semicolon or a colon, or "and", "while", "but".
_OPENS = re.compile(r"[;:]\s*|\b(?:and|while|but)\s+")
#: How far back the clause is read: a subject, a verb and a few places (linear on any sentence).
_REACH = 300


def subject_metric(low: str, start: int, at: int, end: int) -> str | None:
    """The metric of a bracketed count ``low[at:end]`` after a place, from its clause's fronted subject.

    ``None`` unless the count stands alone in its brackets and the clause opens with a metric noun
    and a passive verb of reporting ("cases were reported by ...", "deaths have been recorded in").
    """
    if not low.startswith(")", _skip_space(low, end)):
        return None
    clause = _skip_space(
        low, start
    )  # the clause opens the sentence, or follows "and" or a semicolon
    for opening in [clause, *(m.end() for m in _OPENS.finditer(low, max(start, at - _REACH), at))]:
        m = _SUBJECT.match(low, opening, at)
        if m is not None and m.end() == at:
            return TRIGGERS[m.group("t")]
    return None


def _skip_space(low: str, at: int) -> int:
    """The offset of the first character after ``at`` that is no space."""
    while at < len(low) and low[at] == " ":
        at += 1
    return at
