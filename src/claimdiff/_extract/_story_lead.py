"""What a story's lead is not: a photo caption left between the headline and the first paragraph.

A wire story's caption ("Rescue workers, volunteers depart fire station in Darrington, Washington,
March 26, 2014.") describes a photograph, and closes on the date it was taken, after the place: a
single sentence ending on a full date. The story's lead (ANNOTATION.md rule 29) is the first
paragraph after it, whose place the paragraphs without one take.
"""

from __future__ import annotations

import re

__all__ = ["dated_caption"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A line closing on ", Month D, YYYY." or ", D Month YYYY.": the date a photograph was taken.
_CLOSING_DATE = re.compile(rf",\s+(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH})\s+\d{{4}}\.?\s*$")
#: A sentence's end inside the line (a full stop, "!" or "?" before a space and a capital).
_INNER_END = re.compile(r"[.!?]\s+[A-Z]")

#: Longer than this, a line is a paragraph, not a caption.
_LONGEST = 300


def dated_caption(body: str) -> bool:
    """True for a one-sentence line that closes on a full date after a comma: a photo's caption.

    >>> dated_caption("Rescue workers depart fire station in Darrington, Washington, March 26, 2014.")
    True
    >>> dated_caption("The toll rose to 24 in Washington on March 26, 2014.")
    False
    """
    line = body.strip()
    return (
        len(line) <= _LONGEST
        and "\n" not in line
        and _CLOSING_DATE.search(line) is not None
        and _INNER_END.search(line) is None
    )
