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

__all__ = ["quote_speakers"]

#: A teller right after a quotation's speaker: '"...," the ministry said, according to TASS.'
_ACCORDING_AFTER = re.compile(r"[^,.;:\"“”]{0,30}?,\s*according to\s+(?P<who>[^,.;:\"“”()]{2,60})")
#: The rest of a clause up to its comma: "... reported early Monday, " (before "citing rescuers").
_TO_COMMA = re.compile(r"[^,.;:\"“”]{0,40}?,\s*")


def quote_speakers(
    text: str, low: str, quotes: list[tuple[int, int]], block_start: int, block_end: int
) -> list[Attribution | None]:
    """The speaker of each quotation of a block (``(opening, closing)`` offsets), named after or before it.

    >>> text = '"We fear more," the Health Ministry said, according to TASS.'
    >>> opening, closing = text.index('"'), text.rindex('"')
    >>> [found] = quote_speakers(text, text.lower(), [(opening, closing)], 0, len(text))
    >>> found.source.name, [via.name for via in found.via]
    ('Health Ministry', ['TASS'])
    """
    # a title's dot ends no name: '"...," Kunar Gov. Asadullah Wafa told AP' (the dot read as a space);
    # replaced once in the block (a dot for a space: the same offsets), not after each quotation
    if not quotes:
        return []
    dotless = TITLE_DOT.sub(r"\1 ", low[block_start:block_end])
    return [
        _speaker(text, low, dotless, opening, closing, block_start, block_end)
        for opening, closing in quotes
    ]


def _speaker(
    text: str, low: str, dotless: str, opening: int, closing: int, block_start: int, block_end: int
) -> Attribution | None:
    m = _VERB_WHO.match(dotless, closing + 1 - block_start) or _WHO_VERB.match(
        dotless, closing + 1 - block_start
    )
    if m:
        found = (
            inverted(text, low, block_start + m.end("verb"), block_end)
            if m.groupdict().get("verb")
            else None
        ) or canonical_source(cut(text, block_start + m.start("who"), m.group("who")))
        told = _ACCORDING_AFTER.match(low, block_start + m.end(), block_end)
        teller = (
            None
            if told is None
            else canonical_source(cut(text, told.start("who"), told.group("who")))
        )
        comma = _TO_COMMA.match(low, block_start + m.end(), block_end) if told is None else None
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
    # the speaker named before, in the words just before the quotation (all of them after a long
    # run of spaces, which the pattern may stretch over)
    window = opening - _BEFORE_REACH
    if window <= block_start or _LONG_SPACE.search(low, window, opening):
        m, at = _WHO_VERB_BEFORE.search(low[block_start:opening]), block_start
    else:  # (searched in the text itself: its "^" cannot match inside the block)
        m, at = _WHO_VERB_BEFORE.search(low, window, opening), 0
    if m:
        return canonical_source(cut(text, at + m.start("who"), m.group("who")))
    return None


#: After a quotation: its speech verb, then who said it ('"...," said the ministry').
_VERB_WHO = re.compile(rf"\s*,?\s*(?P<verb>{SPEECH})\s+(?P<who>[^,.;:\"“”]{{2,80}})")
#: After a quotation: who said it, then the verb ('"...," the ministry said').
#: A speech word that is the head noun of the speaker's phrase ("the report said", "the estimates show") is no
#: verb: the verb is the word after it.
_NOT_HEAD = r"(?!\s+(?:said|says|say|stated|states|added|adds|noted|notes|showed|shows|show|indicated|indicates)\b)"
_WHO_VERB = re.compile(
    rf"\s*,?\s*(?P<who>[^,.;:\"“”]{{2,80}}?)\s+(?:had\s+|has\s+)?(?:{SPEECH})\b{_NOT_HEAD}"
)
#: Before a quotation: who says it, and the verb ('The ministry said: "..."'), closing the words before it.
_WHO_VERB_BEFORE = re.compile(
    rf"(?:^|[.;,\"”]\s)(?P<who>[^,.;:\"“”]{{2,80}}?)\s+(?:{SPEECH})\b{_NOT_HEAD}[^\"“.]{{0,60}}[:,]\s*$"
)
#: How far before a quotation its speaker is looked for: further than :data:`_WHO_VERB_BEFORE` can
#: reach unless a run of :data:`_LONG_SPACE` stretches it.
_BEFORE_REACH = 2000
_LONG_SPACE = re.compile(r"\s{100}")
