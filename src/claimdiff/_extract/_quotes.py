"""Who speaks a quotation: the speaker named after it ('"...," the ministry said') or before it."""

from __future__ import annotations

import re

import attrs

from claimdiff._extract._attribution import CITING
from claimdiff._extract._constructions import named_or_role
from claimdiff._extract._pointers import Attribution
from claimdiff._extract._sources import canonical_source
from claimdiff._extract._speech import SPEECH
from claimdiff._extract._subjects import TITLE_DOT, cut, inverted

__all__ = ["quote_speaker"]

#: A teller right after a quotation's speaker: '"...," the ministry said, according to TASS.'
_ACCORDING_AFTER = re.compile(r"[^,.;:\"“”]{0,30}?,\s*according to\s+(?P<who>[^,.;:\"“”()]{2,60})")
#: The rest of a clause up to its comma: "... reported early Monday, " (before "citing rescuers").
_TO_COMMA = re.compile(r"[^,.;:\"“”]{0,40}?,\s*")


def quote_speaker(
    text: str, low: str, opening: int, closing: int, block_start: int, block_end: int
) -> Attribution | None:
    """The speaker of the quotation between ``opening`` and ``closing``, named after or before it.

    >>> text = '"We fear more," the Health Ministry said, according to TASS.'
    >>> opening, closing = text.index('"'), text.rindex('"')
    >>> found = quote_speaker(text, text.lower(), opening, closing, 0, len(text))
    >>> found.source.name, [via.name for via in found.via]
    ('Health Ministry', ['TASS'])
    """
    # a title's dot ends no name: '"...," Kunar Gov. Asadullah Wafa told AP' (the dot read as a space)
    after = TITLE_DOT.sub(r"\1 ", low[closing + 1 : block_end])
    m = re.match(rf"\s*,?\s*(?P<verb>{SPEECH})\s+(?P<who>[^,.;:\"“”]{{2,80}})", after) or re.match(
        rf"\s*,?\s*(?P<who>[^,.;:\"“”]{{2,80}}?)\s+(?:had\s+|has\s+)?(?:{SPEECH})\b", after
    )
    if m:
        found = (
            inverted(text, low, closing + 1 + m.end("verb"), block_end)
            if m.groupdict().get("verb")
            else None
        ) or canonical_source(cut(text, closing + 1 + m.start("who"), m.group("who")))
        told = _ACCORDING_AFTER.match(low, closing + 1 + m.end(), block_end)
        teller = (
            None
            if told is None
            else canonical_source(cut(text, told.start("who"), told.group("who")))
        )
        comma = _TO_COMMA.match(low, closing + 1 + m.end(), block_end) if told is None else None
        cites = None if comma is None else CITING.match(low, comma.end(), block_end)
        cited = (
            None
            if cites is None
            else named_or_role(canonical_source(cut(text, cites.start("who"), cites.group("who"))))
        )
        if found is not None and found.source is not None and cited is not None and cited.source:
            # '"...," Xinhua reported, citing rescuers': the rescuers' words, through Xinhua (rule 18c)
            return Attribution(cited.source, via=(found.source, *found.via))
        if found is None or found.source is None or teller is None or teller.source is None:
            return found
        # '"...," the ministry said, according to TASS': the ministry's words, through TASS
        return attrs.evolve(found, via=(*found.via, teller.source, *teller.via))
    before = low[block_start:opening]
    m = re.search(
        rf"(?:^|[.;,\"”]\s)(?P<who>[^,.;:\"“”]{{2,80}}?)\s+(?:{SPEECH})\b[^\"“.]{{0,60}}[:,]\s*$",
        before,
    )
    if m:
        return canonical_source(cut(text, block_start + m.start("who"), m.group("who")))
    return None
