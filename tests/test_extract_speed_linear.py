"""The reader's shortcuts for long paragraphs and sentences find what the plain reading finds.

Each shortcut (the quotations of a block found once and looked up by bisection, a clause's opening
searched just before a place, a quotation's speaker searched just before it, a toll compared only
with the tolls placed within its place, a number's line read once) is stated here against the
plain reading it replaces, over generated input, and on example texts a reader checks by eye.
"""

from __future__ import annotations

from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._candidate import Candidate
from claimdiff._extract._clauses import CLAUSE_OPEN
from claimdiff._extract._merge import _same_toll, refined
from claimdiff._extract._place_choice import _opens_clause
from claimdiff._extract._text import make_block, quotations, quote_at, quotes_opening
from claimdiff._model.places import DEFAULT_GAZETTEER

FIXTURES = Path(__file__).parent / "fixtures" / "extract"

#: Text made of quotation marks of both kinds and a few letters: every way quotations can nest and run.
_QUOTED = st.text(alphabet='"“”ab ', max_size=60)


def _plain_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations as read before: every kind of opening mark looked for from each position."""
    pairs = {"“": "”", '"': '"'}
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        opening = min((i for i in (text.find(q, pos, end) for q in pairs) if i >= 0), default=-1)
        if opening < 0:
            break
        closing = text.find(pairs[text[opening]], opening + 1, end)
        if closing < 0:
            break
        out.append((opening, closing))
        pos = closing + 1
    return out


@given(_QUOTED)
def test_quotations_are_those_of_the_plain_reading(text: str) -> None:
    """Looking for a kind of mark again only once passed finds the same quotations."""
    block = make_block(text, 0, len(text), 1)
    assert quotations(text, block) == _plain_quotations(text, 0, len(text))


@given(_QUOTED, st.integers(min_value=-1, max_value=61))
def test_quote_at_is_the_quotation_around(text: str, at: int) -> None:
    """The quotation found by bisection is the one whose marks enclose ``at`` (none on a mark)."""
    quotes = quotations(text, make_block(text, 0, len(text), 1))
    around = [i for i, (a, b) in enumerate(quotes) if a < at < b]
    assert quote_at(quotes, at) == (around[0] if around else None)


@given(_QUOTED, st.integers(min_value=0, max_value=61), st.integers(min_value=0, max_value=61))
def test_quotes_opening_are_those_opening_in_the_span(text: str, start: int, end: int) -> None:
    """The quotations opening in ``[start, end)``, by bisection, are those a scan finds."""
    quotes = quotations(text, make_block(text, 0, len(text), 1))
    expected = [i for i, (a, _) in enumerate(quotes) if start <= a < end]
    assert list(quotes_opening(quotes, start, end)) == expected


_CLAUSE_WORDS = st.lists(
    st.sampled_from(
        [" ", "  ", "\n", ",", ";", "and", "while", "but", "whereas", "x", "band", "In"]
    ),
    max_size=12,
)


@given(_CLAUSE_WORDS, st.data())
def test_a_clause_opening_is_found_just_before_the_place(
    words: list[str], data: st.DataObject
) -> None:
    """Searching the words just before a place finds a clause's opening exactly when a search from the sentence's start does."""
    text = "".join(words) + " In Chad"
    at = len(text) - len("In Chad")
    start = data.draw(st.integers(min_value=0, max_value=at))
    plain = not text[start:at].strip() or CLAUSE_OPEN.search(text, start, at) is not None
    assert _opens_clause(text, start, at) == plain


def test_a_clause_opening_after_a_long_run_of_spaces() -> None:
    """Spaces of any length between the conjunction and the place do not hide the opening."""
    text = "19 died in Thailand, and" + " " * 500 + "in Cambodia, 7 died."
    at = text.index("in Cambodia")
    assert _opens_clause(text, 0, at)
    assert not _opens_clause(text.replace(", and", " sand"), 0, at)


def test_a_quotations_speaker_far_into_a_long_paragraph() -> None:
    """A speaker named before a quotation deep in a long paragraph is found, as in a short one."""
    filler = "Rescuers searched the rubble of the market through the night. " * 60
    for gap in ("", " " * 150):  # a long run of spaces: the whole paragraph before is searched
        text = (
            filler + "The health ministry said:" + gap + ' "At least 12 people died in the blast."'
        )
        [found] = extract(text, published="2024-01-05")
        assert (found.phrase, found.claim.source.name) == (
            "At least 12 people",
            "Ministry of Health",
        )


def _pairwise_refined(found: list[Candidate]) -> list[Candidate]:
    """The refinement read pair by pair, as before the tolls were filed by place: the law it keeps."""
    key = DEFAULT_GAZETTEER.key
    out = list(found)
    for i, c in enumerate(found):
        mine = key(c.claim.scope.place)
        finer = {
            d.claim.scope.place
            for d in found
            if d is not c
            and mine
            and _same_toll(c, d)
            and len(key(d.claim.scope.place)) > len(mine)
            and key(d.claim.scope.place)[: len(mine)] == mine
        }
        if len(finer) == 1:
            scope = attrs.evolve(c.claim.scope, place=finer.pop())
            out[i] = attrs.evolve(c, claim=attrs.evolve(c.claim, scope=scope))
    return out


def test_refined_is_the_pairwise_reading() -> None:
    """Filing tolls by the places they lie within gives each toll the finer place the pairwise reading gives."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    texts.append(
        "Russia's Belgorod region was hit overnight, killing at least 14 people. 14 people were killed"
        " in Belgorod, the governor said. In Kursk, 3 people were injured. 3 were injured in Kursk region."
    )
    for text in texts:
        found = list(extract(text, published="2024-01-01"))
        assert refined(found, DEFAULT_GAZETTEER) == _pairwise_refined(found)


def test_a_number_on_a_table_line_after_many_on_a_plain_one() -> None:
    """A number is a table cell's by its own line, however many numbers the lines before it hold."""
    text = "Seen: " + ", ".join(str(i + 10) for i in range(300)) + "\n| Zone | 77 |\nAnd 88 more.\n"
    reasons = {u.numeral: u.reason for u in extract(text).unread}
    assert reasons["77"] == "a table cell without a header the rules read"
    assert reasons["88"] != reasons["77"]
    assert reasons["10"] != reasons["77"]
