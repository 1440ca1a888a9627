"""Laws of the fast paths of extraction: a pre-check or a faster form of a pattern never changes what is read.

Each fast path is tested against the slow one it stands for: the word pre-checks (``has``) against the
patterns run on every sentence, the spaced-table row read from its end against the row read whole, the
abbreviation window against the whole run before a full stop, and the patterns whose look-behind now
follows their first character against their look-behind-first forms.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract import _aligned, _attribution, _crediting, _figures, _place, _text
from claimdiff._extract._pairs import _PAIR
from claimdiff._extract._text import Block, sentences
from claimdiff._model.hedges import DEFAULT_HEDGES
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY

#: Words that open the patterns the pre-checks guard, with numbers, places and punctuation between them.
_WORDS = (
    "by", "according to", "citing the ministry,", "quoting", "who cited", "with reference to", "reported", "notified",
    "it was reported", "it is said", "the ministry said", "statement", "figures", "were confirmed by",
    "north", "south-eastern", "central", "District of", "county in", "regional", "oblast", "Province",
    "Region", "State", "Department", "exceeded", "has surpassed", "nearing", "topped", "12", "1,500",
    "three", "at least", "people", "killed", "injured", "in", "Kharkiv", "Belgorod", "Ukraine", "Nigeria",
    "Borno", "Russia's", "officials", "the", "police", ",", ".", ";", "\n\n",
)  # fmt: skip
texts = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40).map(" ".join)


def _everything(text: str) -> str:
    """All a text gives: the extraction, and the attributions, places and figures of it read as one sentence."""
    low = text.lower()
    found = extract(text, published="2024-01-01", outlet="Test News")
    return "\n".join(
        [
            *map(repr, found),
            *map(repr, found.unread),
            repr(_attribution.attributions(text, low, 0, len(text), [])),
            repr(_place.places_named(text, 0, len(text))),
            repr(_figures.figures(text, low, 0, len(text), DEFAULT_HEDGES, DEFAULT_VOCABULARY)),
        ]
    )


@given(texts)
@example("Reuters said, citing the ministry, 12 people were killed.")
@example("12 deaths were reported by the ministry, according to a statement by the governor.")
@example("131 cases were reported to CDC. It was reported that 15 civilians were killed.")
@example("Shelling killed 4 in north-eastern Kharkiv and 2 in the Awaran District of Balochistan.")
@example("The regional administration of Borno State said the toll has exceeded 1,500.")
def test_word_prechecks_never_change_extraction(text: str) -> None:
    """With every ``has`` pre-check answering yes (each pattern run on every sentence), nothing changes."""
    fast = _everything(text)
    saved = {m: m.has for m in (_attribution, _crediting, _figures, _place)}
    try:
        for module in saved:
            module.has = lambda *_: True  # type: ignore[attr-defined]
        slow = _everything(text)
    finally:
        for module, has in saved.items():
            module.has = has  # type: ignore[attr-defined]
    assert fast == slow


_CELLS = ("Guinea", "Total", "  ", " ", "125", "1 525", "(63%)", "-", "n/a", "…", "•", "Source:",
          "Italy (2 502)", "and", "cases", "12.5", "x", "\t", "*")  # fmt: skip


@given(st.lists(st.sampled_from(_CELLS), max_size=12).map(" ".join))
def test_a_row_read_from_its_end_is_the_row_read_whole(line: str) -> None:
    """The spaced-table row test made from the line's last word first gives the row the whole reading gives."""
    fast = _aligned._row(line, 0, len(line))
    saved = _aligned._ends_in_value
    try:
        _aligned._ends_in_value = lambda *_: True
        slow = _aligned._row(line, 0, len(line))
    finally:
        _aligned._ends_in_value = saved
    assert fast == slow


def _sentences_whole(text: str, block: Block) -> list[tuple[int, int]]:
    """The sentence cuts with the word before each mark read from the sentence's start (the slow form)."""
    out: list[tuple[int, int]] = []
    start = block.start
    for m in _text._SENTENCE_END.finditer(text[block.start : block.end]):
        cut = block.start + m.start()
        word = re.search(r"([\w.]+)[.!?…]$", text[start:cut])
        if word is not None and (
            word.group(1).lower().rstrip(".") in _text._ABBREVIATIONS or len(word.group(1)) == 1
        ):
            continue
        out += [(s.start, s.end) for s in _text._bounded(text, start, cut, block)]
        start = block.start + m.end()
    if start < block.end:
        out += [(s.start, s.end) for s in _text._bounded(text, start, block.end, block)]
    return out


_PIECES = ("co.", "Mr.", "a.", "U.S.", ".", "x" * 70 + ".", "." * 70, "co" + "." * 70 + " The", " ",
           "a" + "." * 80 + " 12", "Twelve died.", "The", "Ministry", "12", "?", "!", "\u2026", '"')  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=20).map("".join))
def test_the_abbreviation_window_cuts_sentences_as_the_whole_run_does(text: str) -> None:
    """A word before a full stop read in a window gives the cuts read from the sentence's start, long runs too."""
    block = Block(0, len(text), 1)
    assert [(s.start, s.end) for s in sentences(text, block)] == _sentences_whole(text, block)


#: The look-behind-first forms of the patterns rewritten to be scanned for their first character.
_SLOW = {
    "_SPACED_THOUSANDS": (
        _text._SPACED_THOUSANDS,
        re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d]|[.,]\d)"),
    ),
    "_LAKH": (
        _text._LAKH,
        re.compile(r"(?<![\d.,])(?P<n>\d+(?:\.\d+)?)\s?(?P<w>lakhs?|crores?)\b", re.IGNORECASE),
    ),
    "_PAIR": (
        _PAIR,
        re.compile(
            r"(?<![\w(])(?P<place>[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|of|and|the|del|de|du)){0,4}?)"
            r"[ \t]*:?[ \t]+(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]?\d|[\w%])"
        ),
    ),
}


@given(
    st.text(alphabet="0123456789 ,.\u00a0\u2009(:\tAbCLKlakhcrore-", max_size=60),
    st.integers(min_value=0, max_value=3),
)
def test_patterns_scanned_for_their_first_character_match_as_before(text: str, pos: int) -> None:
    """Each rewritten pattern finds the same matches, with the same groups, from any start."""
    for fast, slow in _SLOW.values():
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text, pos)] == [
            (m.span(), m.groupdict()) for m in slow.finditer(text, pos)
        ]
