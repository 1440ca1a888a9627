"""The extraction's fast paths read what the plain readings they replace read.

Each fast path (the reasons told by the words after a number read in one ordered match, a pattern
led by a look-ahead for its first letters, the figure parser's reading kept per phrase, a value kept
per object by identity) is stated here against the plain reading, over generated input.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from claimdiff._extract._breakdown import _AFTER
from claimdiff._extract._figures import FRACTION, _vague_any, _vague_pattern
from claimdiff._extract._identity import by_identity
from claimdiff._extract._parsed import worded, worded_estimate
from claimdiff._extract._unread import _REASONS, _VAGUE, _reason
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy, parse_estimate
from claimdiff.exceptions import ClaimdiffError

#: Words around a number that the unread list's reasons read (and words none of them reads).
_AROUND = st.sampled_from(
    [" ", "  ", "\n", "[", "]", "%", " per cent", " percent", "$", "US$", "usd ", " million dollars",
     ":", "3:", " a.m.", " pm", " December", "December ", "Dec. ", "th of May", "-12 March", "/",
     "-", "th", "st", "out of ", "aged ", " years old", "-year-old", "rose from ", "down from ",
     "magnitude ", "level ", "quake measuring ", " M", " per day", " km", " hours", "for the past ",
     " districts", "plans to reach ", "will be ", "(", ".", ") ", "A-", "-B", "people", "killed",
     "Phase: ", "| ", "\n| 7.0 - ", "+ |", "a quarter of a million ", "the ", "of ", "about "]
)  # fmt: skip


def _plain_reason(text: str, a: int, b: int, *, table: bool) -> str:
    """The reason as read before: a fraction, then each reason of the table in turn, then the rest."""
    far, after = text[max(0, a - 60) : a], text[b : b + 40]
    near = far[-24:]
    if FRACTION.search(text, max(0, a - 30), min(len(text), b + 30)):
        return "a fraction the figure parser does not read"
    for reason, pre, post, reach in _REASONS:
        if (post is None or post.match(after)) and (
            pre is None or pre.search(near if reach < 60 else far)
        ):
            return reason
    if re.fullmatch(r"(?:1[89]|20)\d\d", text[a:b]):
        return "a year"
    if table:
        return "a table cell without a header the rules read"
    if re.fullmatch(_VAGUE, text[a:b], re.IGNORECASE):
        return "a vague number with no metric or thing counted that the rules recognise"
    return "no metric or thing counted that the rules recognise"


@given(
    st.lists(_AROUND, max_size=6),
    st.sampled_from(["12", "2019", "7.5", "three", "dozens"]),
    st.lists(_AROUND, max_size=6),
    st.booleans(),
)
def test_reasons_read_in_one_match_give_the_first_that_fits(
    before: list[str], number: str, after: list[str], table: bool
) -> None:
    """The reasons told by the words after alone, read in one ordered match, give the reason read in turn."""
    text = "".join(before) + number + "".join(after)
    a = len("".join(before))
    b = a + len(number)
    assert _reason(text, a, b, False, table) == _plain_reason(text, a, b, table=table)


#: Text made of the vague words' letters, spaces and hyphens: where the words start, end and run together.
_VAGUE_TEXT = st.text(alphabet="adefhlnorstuwcpivm -", max_size=80)


@given(_VAGUE_TEXT)
def test_a_vague_word_is_found_where_the_plain_pattern_finds_one(text: str) -> None:
    """The vague words led by their first letters, as a trie, are found where the plain alternation finds one."""
    words = DEFAULT_HEDGES._vague_words
    assert (_vague_any(words).search(text) is None) == (_vague_pattern(words).search(text) is None)


#: Text made of digits, number words' letters, places and the words of a list by place.
_ITEMS = st.lists(
    st.sampled_from(
        ["12", "9", "1,200", "another", "Another", "four", "Twelve", "x", " ", ", ", ".", "and ",
         "over ", "in ", "from ", "the ", "Kursk", "Belgorod Region", "drones ", "UAVs ", "- "]
    ),
    max_size=12,
)  # fmt: skip


@given(_ITEMS)
def test_list_items_are_found_where_the_pattern_without_its_look_ahead_finds_them(
    parts: list[str],
) -> None:
    """The items of a list by place, their number's first character looked at first, are the items found without it."""
    text = "".join(parts)
    plain = re.compile(_AFTER.pattern[_AFTER.pattern.index("(?<!") :])  # the look-ahead left out
    assert [m.span() for m in _AFTER.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(
    st.sampled_from(
        ["14", "at least 14", "about 1,500 to 2,000", "dozens", "14 people", "", "some"]
    )
)
def test_a_phrase_is_read_as_the_figure_parser_reads_it(phrase: str) -> None:
    """A phrase read twice through the memo is read as the parser reads it, worded; a refusal as ``None``."""
    for _ in range(2):
        try:
            expected = worded(parse_estimate(phrase, hedges=DEFAULT_HEDGES))
        except ClaimdiffError:
            expected = None
        assert worded_estimate(phrase, DEFAULT_HEDGES, None) == expected


def test_a_value_kept_by_identity_is_never_another_objects() -> None:
    """An equal object that is not the same one gets its own value; the same one gets the value kept."""
    table: dict[int, tuple[HedgePolicy, int]] = {}
    policy = HedgePolicy()
    first = by_identity(table, policy, lambda _: 1)
    assert by_identity(table, policy, lambda _: 2) == first == 1
    assert by_identity(table, HedgePolicy(), lambda _: 3) == 3
