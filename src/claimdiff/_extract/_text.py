"""The shape of an article: blocks (paragraphs, list items, headings), sentences and quotations.

Every position is a character offset into the original text, so that whatever
is found later can be quoted back exactly (``text[start:end]``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from claimdiff._model.numbers import read_number

__all__ = [
    "Block",
    "Sentence",
    "alternation",
    "fold",
    "make_block",
    "quote_at",
    "quotes_opening",
    "readable",
    "sentences",
    "split_blocks",
    "thousands",
    "word_opening",
]

_TERMINAL = ".!?:;\"”’'…)"
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]\s+|\d{1,2}[.)]\s+|[A-Z][\w'’. -]{0,40}:\s+\S)")
_TIMESTAMP = re.compile(
    r"^\s*\[?(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?\b\]?"
)
#: A "Via Reuters" / "Source: OCHA" line: a name (capitalised, in any case of the keyword), never a
#: sentence that opens with the word ("Sources said 100 people were killed.").
_VIA_LINE = re.compile(r"^\s*(?i:via|source|sources)\s*:?\s+(?P<name>[A-Z][\w.&' -]{1,60}?)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])(?:\[\w{1,4}\])*[\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "no",
        "vs",
        "approx",
        "ca",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "gov",
        "sen",
        "rep",
    }
)
#: The longest run of text read as one sentence (a real sentence is rarely a tenth of it).
MAX_SENTENCE = 2000
_QUOTE_PAIRS = {"“": "”", '"': '"'}


#: The look-behinds of these patterns follow their first digit (no digit, dot or comma before it): a
#: pattern that opens with a character class is scanned for that character, not tried at every offset.
_SPACED_THOUSANDS = re.compile(
    r"\d(?<![\d.,]\d)\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d]|[.,]\d)"
)


def thousands(text: str) -> str:
    """``text`` with spaces between groups of thousands ("5 576", "220 000") written as commas.

    The length does not change, so offsets stay valid; numbers read from the result mean
    what the text means, where the space would otherwise cut "220 000" into 220 and 000.

    >>> thousands("Over 700 000 Kenyans, 5 576 homes, in 2023 100 people")
    'Over 700,000 Kenyans, 5,576 homes, in 2023 100 people'
    """
    return _SPACED_THOUSANDS.sub(lambda m: re.sub(r"[ \u00a0\u202f\u2009]", ",", m.group()), text)


_LAKH = re.compile(r"(?P<n>\d(?<![\d.,]\d)\d*(?:\.\d+)?)\s?(?P<w>lakhs?|crores?)\b", re.IGNORECASE)
_EDITED = re.compile(r"\[(?P<inside>[A-Za-z][A-Za-z ]{0,14})\](?P<w>[a-z])")


def _indian(m: re.Match[str]) -> str:
    number = read_number(m.group().lower())  # the one reading of lakhs and crores
    if number is None or number.end != len(m.group()):
        return m.group()
    value = number.value
    if value != int(value):
        return m.group()
    for digits in (f"{int(value):,}", str(int(value))):
        if len(digits) <= len(m.group()):
            return digits.ljust(len(m.group()))
    return m.group()


def _unbracketed(m: re.Match[str]) -> str:
    head, _, last = m.group("inside").rpartition(" ")
    opened = f" {head}  {last}{m.group('w')}" if head else f" {last}{m.group('w')} "
    return opened if len(opened) == len(m.group()) else m.group()


def readable(text: str) -> str:
    """``text`` with numbers written so the number reader reads them as meant, at the same offsets.

    Spaces between groups of thousands become commas ("220 000"); lakhs and crores, the
    Indian scale words, become digits when they fit ("1.2 lakh" is 120,000); an editor's
    bracketed letters are opened ("[and a]t least 10" reads "and at least 10").

    >>> readable("Over 700 000 people; 1.2 lakhs evacuated; [and a]t least 4 dead")
    'Over 700,000 people; 120,000   evacuated;  and  at least 4 dead'
    """
    out = thousands(text)
    out = _LAKH.sub(_indian, out)
    return _EDITED.sub(_unbracketed, out)


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):  # lower-casing never shortens a character, so no character grew
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@attrs.frozen
class Block:
    """A run of text that stands on its own: a paragraph, a heading, a list item or a table row.

    Attributes:
        start: Offset of the first character.
        end: Offset after the last character.
        paragraph: 1-based number of the paragraph (blank-line separated) it belongs to.
        heading: True for a line that is not a sentence (headline, caption, byline).
        list_item: True for a bulleted, numbered or ``Label: ...`` line.
        via: The name on a "Via Reuters" line, for the line itself.
        hour: ``(hour, minute)`` of a live-blog time stamp opening the block.
    """

    start: int
    end: int
    paragraph: int
    heading: bool = False
    list_item: bool = False
    via: str | None = None
    hour: tuple[int, int] | None = None


@attrs.frozen
class Sentence:
    """One sentence and the block it stands in."""

    start: int
    end: int
    block: Block


def split_blocks(text: str) -> list[Block]:
    """Cut ``text`` into blocks; hard-wrapped lines of one paragraph are joined again."""
    blocks: list[Block] = []
    paragraph = 0
    blank_before = True
    cur_start: int | None = None
    cur_end = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        start, end = pos, pos + len(content)
        pos += len(line)
        stripped = content.strip()
        if not stripped:
            if cur_start is not None:
                blocks.append(make_block(text, cur_start, cur_end, paragraph))
                cur_start = None
            blank_before = True
            continue
        lead = start + len(content) - len(content.lstrip())
        if blank_before:
            paragraph += 1
            blank_before = False
        continuation = (
            cur_start is not None
            and stripped[0].islower()
            and text[cur_start:cur_end].rstrip()[-1:] not in _TERMINAL
        )
        if continuation:
            cur_end = end
            continue
        if cur_start is not None:
            blocks.append(make_block(text, cur_start, cur_end, paragraph))
        cur_start, cur_end = lead, start + len(content.rstrip())
    if cur_start is not None:
        blocks.append(make_block(text, cur_start, cur_end, paragraph))
    return blocks


def make_block(text: str, start: int, end: int, paragraph: int) -> Block:
    """The block of ``text[start:end]``: whether it is a heading, a list item, a "Via X" line, its hour."""
    body = text[start:end]
    via = _VIA_LINE.match(body)
    stamp = _TIMESTAMP.match(body)
    hour = None
    if stamp is not None:
        h = int(stamp.group("h"))
        ampm = (stamp.group("ampm") or "").replace(".", "").lower()
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        hour = (h, int(stamp.group("m")))
    heading = body.rstrip()[-1:] not in _TERMINAL and len(body.split()) <= 16
    return Block(
        start=start,
        end=end,
        paragraph=paragraph,
        heading=heading and via is None,
        list_item=_LIST_ITEM.match(body) is not None,
        via=via.group("name").strip() if via is not None else None,
        hour=hour,
    )


#: The word before a sentence's end mark, and how far back it is looked for (far longer than any abbreviation).
_WORD_BEFORE_MARK = re.compile(r"([\w.]+)[.!?…]$")
_WORD_WINDOW = 64


def sentences(text: str, block: Block) -> list[Sentence]:
    """The sentences of one block, split at end punctuation that is not an abbreviation."""
    out: list[Sentence] = []
    start = block.start
    body = text[block.start : block.end]
    for m in _SENTENCE_END.finditer(body):
        cut = block.start + m.start()
        # the word before the mark, read in a window first (a word that fills it is read whole)
        near = max(start, cut - _WORD_WINDOW)
        word = _WORD_BEFORE_MARK.search(text, near, cut)
        if word is not None and word.start() == near > start:
            word = _WORD_BEFORE_MARK.search(text, start, cut)
        if word is not None and (
            word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1
        ):
            continue
        out += _bounded(text, start, cut, block)
        start = block.start + m.end()
    if start < block.end:
        out += _bounded(text, start, block.end, block)
    return out


def _bounded(text: str, start: int, end: int, block: Block) -> list[Sentence]:
    """The sentence ``text[start:end]``, cut at spaces into runs of at most ``MAX_SENTENCE`` characters.

    Each figure is read within its sentence; a bound on a sentence's length keeps the
    whole reading linear in the text, whatever its punctuation.
    """
    out: list[Sentence] = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(Sentence(start, cut, block))
        start = cut
    out.append(Sentence(start, end, block))
    return out


def quotations(text: str, block: Block) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the quotation marks of every quotation in a block.

    The quotations are in text order and never overlap (what :func:`quote_at` relies on).
    """
    out: list[tuple[int, int]] = []
    pos = block.start
    # where each kind of opening mark is next (-1: none left): looked for again only once passed, so
    # that a block with many quotations of one kind is not searched to its end for the other at each
    ahead = {q: text.find(q, pos, block.end) for q in _QUOTE_PAIRS}
    while pos < block.end:
        for q, at in ahead.items():
            if 0 <= at < pos:
                ahead[q] = text.find(q, pos, block.end)
        opening = min((i for i in ahead.values() if i >= 0), default=-1)
        if opening < 0:
            break
        closing = text.find(_QUOTE_PAIRS[text[opening]], opening + 1, block.end)
        if closing < 0:
            break
        out.append((opening, closing))
        pos = closing + 1
    return out


def quote_at(quotes: Sequence[tuple[int, int]], at: int) -> int | None:
    """The index of the quotation of ``quotes`` (as :func:`quotations` gives them) that ``at`` lies inside, if any."""
    i = bisect.bisect_left(quotes, (at, -1)) - 1  # the last quotation opening before ``at``
    return i if i >= 0 and at < quotes[i][1] else None


def quotes_opening(quotes: Sequence[tuple[int, int]], start: int, end: int) -> range:
    """The indices of the quotations of ``quotes`` (as :func:`quotations` gives them) opening in ``[start, end)``."""
    return range(bisect.bisect_left(quotes, (start, -1)), bisect.bisect_left(quotes, (end, -1)))


def word_opening(words: Sequence[str]) -> str:
    r"""A pattern for any of ``words`` at a word's start, led by a look-ahead for their first letters.

    Each word is a letter or a one-letter set ("[Ii]") then letters. The engine tries a pattern that
    opens with a boundary in full at every character; the look-ahead rules most characters out first.

    >>> word_opening(["[Ii]n", "over"])
    '(?=[Iio])\\b(?:[Ii]n|over)'
    """
    firsts = "".join(w[1 : w.index("]")] if w.startswith("[") else w[0] for w in words)
    return rf"(?=[{firsts}])\b(?:{'|'.join(words)})"


def alternation(words: Iterable[str]) -> str:
    """A regular expression for any of ``words``, longest first, written as a trie of their letters.

    It matches what ``"|".join(sorted(words, key=len, reverse=True))`` matches, in the same order of
    preference (the longer of two words where both fit), but the engine reads each letter of the text
    once where the plain alternation tries every word at every position.

    >>> alternation(["one", "ten", "two", "twelve", "tens"])
    '(?:one|t(?:en(?:s|)|w(?:elve|o)))'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict[str, Any]) -> str:
    # Longer words first: every letter that continues a word before the end of a shorter one.
    parts = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        parts.append("")
    if not parts:
        return "(?!)"  # no word: nothing matches
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"
