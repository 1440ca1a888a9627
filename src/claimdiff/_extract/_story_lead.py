"""What a story's lead is not: a photo caption left between the headline and the first paragraph.

A wire story's caption ("Rescue workers, volunteers depart fire station in Darrington, Washington,
March 26, 2014.") describes a photograph, and closes on the date it was taken, after the place: a
single sentence ending on a full date. The story's lead (ANNOTATION.md rule 29) is the first
paragraph after it, whose place the paragraphs without one take.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimdiff._extract._placing import Placing

__all__ = ["dated_caption", "lead_read", "story_read", "unnamed_site"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A line closing on ", Month D, YYYY." or ", D Month YYYY.": the date a photograph was taken.
_CLOSING_DATE = re.compile(rf",\s+(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH})\s+\d{{4}}\.?\s*$")
#: A weekday and a full date set off by commas ("..., Tuesday, Feb. 27, 2018, in Halagoli"): a photo's day, as
#: a caption writes it (a story's sentences name the weekday alone).
_WEEKDAY_DATE = re.compile(
    rf"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH})\s+\d{{4}}\b"
)
#: A sentence's end inside the line (a full stop, "!" or "?" before a space and a capital).
_INNER_END = re.compile(r"[.!?]\s+[A-Z]")

#: Longer than this, a line is a paragraph, not a caption.
_LONGEST = 300


def dated_caption(body: str) -> bool:
    """True for a one-sentence line that closes on a full date after a comma: a photo's caption.

    >>> dated_caption("Rescue workers depart fire station in Darrington, Washington, March 26, 2014.")
    True
    >>> dated_caption("A house that collapsed, Tuesday, Feb. 27, 2018, in Halagoli, Hela Province.")
    True
    >>> dated_caption("The toll rose to 24 in Washington on March 26, 2014.")
    False
    """
    line = body.strip()
    return (
        len(line) <= _LONGEST
        and "\n" not in line
        and (_CLOSING_DATE.search(line) is not None or _WEEKDAY_DATE.search(line) is not None)
        and _INNER_END.search(line) is None
    )


#: An event put in a settlement or unit without its name: "in a town in central Mali", "in a northeastern Nigerian
#: village", "on a village in X".
_UNNAMED_SITE = re.compile(
    r"\b(?:in|on|at)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:village|town|city|hamlet|settlement|community|district)\b"
)


def unnamed_site(body: str) -> bool:
    """True when a paragraph puts its event in a settlement it does not name ("in a town in central Mali").

    >>> unnamed_site("Gunmen killed five people in an attack on a town in central Mali.")
    True
    >>> unnamed_site("Gunmen killed five people in the town of Nampala.")
    False
    """
    return _UNNAMED_SITE.search(body) is not None


def lead_read(placing: Placing, body: str, *, heading: bool) -> bool:
    """True when the block ``body`` ends the story's lead: the first block after the headings.

    A photo's caption left between them is none. A lead that puts its event only in a settlement it
    does not name ("in a village in central Mali") is named by the next paragraph (ANNOTATION.md rule
    28), which is read as the lead's too, once.
    """
    vague = not placing.unnamed_lead and not placing.refined and unnamed_site(body)
    placing.unnamed_lead = placing.unnamed_lead or vague
    return not (heading or dated_caption(body) or vague)


def story_read(placing: Placing, named: list[tuple[str, ...]], *, past_lead: bool) -> None:
    """The story's place from a sentence's places (:meth:`Placing.read_story`), and the event's after an unnamed site.

    "killed dozens of people in a northeastern Nigerian village", then "the Borno State village of
    Bardari": the village is where the lead's figures are (rules 28-29), the event's place. A name the
    gazetteer puts in no subdivision vouches for none: the story keeps the headline's place.
    """
    refined = placing.refined
    placing.read_story(named, past_lead=past_lead)
    if not placing.unnamed_lead or refined or not placing.refined:
        return
    key = placing.gazetteer.key(placing.heading_place)
    if len(key) > 1 and "-" in key[1]:
        placing.events.insert(0, placing.heading_place)
    elif placing.unrefined is not None:
        placing.heading_place, placing.unrefined, placing.refined = placing.unrefined, None, False
