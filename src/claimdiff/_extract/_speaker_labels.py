"""A transcript's speaker label that names an office holder: "PRESIDENT OF RUSSIA ANNA PETROVA: ...".

A label opening a paragraph names the speaker of the turn it opens (ANNOTATION.md rule 17: an office
holder's figures are their office's). A text with one label only (an excerpt ending inside the first
speaker's remarks) is a transcript as much as one with two, when the label has the form transcripts
give speakers: a title of office, then the person's name, the name maybe in capitals as transcripts
often write it. A label of that form is no section's name ("Key figures:") nor a list's item.
"""

from __future__ import annotations

import re

__all__ = ["titled_label"]

#: The words of an office a transcript labels its speakers with (one of them opens the label).
_OFFICES = (
    r"president|prime\s+minister|deputy\s+prime\s+minister|minister|governor|mayor|chairman|chairwoman|"
    r"chair|secretary|director|head|spokesman|spokeswoman|spokesperson|ambassador|commissioner|premier"
)
#: A label opening with an office: the office (any case), then more capitalised words, the name last.
_TITLED = re.compile(rf"(?i:(?:first\s+|deputy\s+|acting\s+)?(?:{_OFFICES}))\b")
#: A capitalised word of a name: "Anna", "PETROVA", "O'Neill".
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’-]+")
#: The words that join an office's words to a country's or a body's name: "President of Russia".
_JOINERS = frozenset({"of", "the", "and", "for", "on", "OF", "THE", "AND", "FOR", "ON"})


def titled_label(label: str) -> bool:
    """Whether a line's label names an office holder by title and name: a transcript speaker's label.

    >>> titled_label("PRESIDENT OF RUSSIA ANNA PETROVA")
    True
    >>> titled_label("Governor Tom Reed")
    True
    >>> titled_label("Key Figures"), titled_label("Minister"), titled_label("BREAKING NEWS")
    (False, False, False)
    """
    words = label.split()
    if not 3 <= len(words) <= 12 or _TITLED.match(label) is None:
        return False
    return all(w in _JOINERS or _NAME_WORD.fullmatch(w) for w in words) and all(
        _NAME_WORD.fullmatch(w) and w.upper() not in _JOINERS for w in words[-2:]
    )
