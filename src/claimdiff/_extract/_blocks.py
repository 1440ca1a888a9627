"""What a block of text is before its sentences are read: a heading, a photo caption, a closing citation.

A heading gives the text its place and may name its source ("Madagascar - Flood (Media)"); a
photo caption is neither a figure nor a source (ANNOTATION.md rule 5); a citation closing a
paragraph ("(OCHA, 22 Jun 2022)") is the source of the figures the paragraph does not attribute.
"""

from __future__ import annotations

import re

from claimdiff._extract._attribution import cited_source
from claimdiff._extract._sources import Attribution
from claimdiff._extract._text import Block

__all__ = ["closing_citation", "heading_source", "is_caption", "is_heading"]


def is_caption(body: str) -> bool:
    """True for a photo caption: "A Sep. 20, 2012 photo shows ...", "File photo: ...", "(Xinhua/Name)".

    >>> is_caption("A Sep. 20, 2012 photo shows rescuers at work."), is_caption("Rescuers were at work.")
    (True, False)
    """
    return _CAPTION.match(body) is not None or (
        "/" in body and _CAPTION_CREDIT.search(body) is not None
    )


def is_heading(block: Block, body: str) -> bool:
    """True for a heading: marked as one, or a short line closing on a parenthesis without a sentence in it.

    A list item with a number other than a date in it is a figure of a list, never a heading.
    """
    looks = block.heading or (
        len(body.split()) <= 20 and body.rstrip().endswith(")") and not re.search(r"[.!?]\s", body)
    )
    return looks and not (block.list_item and re.search(r"\d", _DATES.sub("", body)))


def heading_source(body: str) -> Attribution | None:
    """The one source a heading's closing parenthesis names ("Madagascar - Flood (Media)"), if any."""
    said = _HEADING_SOURCE.search(body)
    return cited_source(said.group("who")) if said is not None else None


def closing_citation(body: str) -> Attribution | None:
    """The source a citation closing a paragraph names ("(OCHA, 22 Jun 2022)", "(WHO data)"), if any."""
    cited = _CITATION.search(body)
    return cited_source(cited.group("who")) if cited is not None else None


_HEADING_SOURCE = re.compile(r"\((?P<who>[A-Za-z][\w .'’-]{1,40})\)\s*$")
#: A photo caption: "A Sep. 20, 2012 photo shows ...", "(Photo: ...)", "File photo", "(Xinhua/Name)".
_CAPTION = re.compile(
    r"^\W*(?:(?:an?|the)\s+)?(?:[\w.,]+\s+){0,5}?(?:photo|picture|image|photograph)\s+(?:shows|taken)\b|"
    r"^\s*FILE\s*[-–—:]\s|^\W*(?:this|the|a)\s+(?:file\s+)?(?:photo|picture|image)\b[^.]{0,100}?\bshows\b|"
    r"^\W*(?:file\s+)?photo\s*:",
    re.IGNORECASE,
)
#: A photo credit closing a caption (matched anywhere, the caption's other forms at its start).
_CAPTION_CREDIT = re.compile(
    r"\((?:AP|Reuters|AFP|Xinhua|EPA|Getty)\s*(?:Photo)?/[^()]{2,60}\)\s*$", re.IGNORECASE
)


#: A citation closing a paragraph: "(UN RC for Mozambique, 9 Mar 2019)", "(OCHA, 22 Jun 2022)", "(WHO data)".
_CITATION = re.compile(
    r"\((?P<who>[A-Z][^(),;:]{1,60}?)(?:,\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+"
    r"\d{4}|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})|\s+(?:data|figures|estimates))\)\.?\s*$"
)


_DATES = re.compile(
    r"\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\b[A-Z][a-z]{2,8}\.?\s+\d{4}|\b(?:19|20)\d\d\b"
)
