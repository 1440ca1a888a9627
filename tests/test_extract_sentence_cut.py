"""The word test before a slower pattern (``_constructions.has``) reads a sentence cut once from its text.

It must answer exactly what searching the text between the offsets answers, whichever text and stretch
it was asked about before (the cut it keeps is of one text and one stretch only).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff._extract._constructions import has

#: Letters that make a text one, two or four bytes a letter, and the words looked for are made of them.
_LETTERS = st.sampled_from(list("ab dy’“é—𝔸\n"))
_TEXTS = st.text(_LETTERS, max_size=40)
_WORDS = st.lists(st.text(_LETTERS, min_size=1, max_size=3), min_size=1, max_size=4).map(tuple)


def _found(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """The answer searched in the text itself, between the offsets."""
    return any(text.find(w, start, end) >= 0 for w in words)


@given(
    st.lists(
        st.tuples(
            _TEXTS,
            _WORDS,
            st.integers(min_value=0, max_value=45),
            st.integers(min_value=0, max_value=45),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_has_answers_as_the_text_searched_between_offsets(
    asks: list[tuple[str, tuple[str, ...], int, int]],
) -> None:
    """Asked in turn about texts and stretches (repeated or not), each answer is the text's own."""
    for text, words, start, end in asks:
        assert has(text, words, start, end) is _found(text, words, start, end)
        assert has(text, words, start, end) is _found(text, words, start, end)  # asked again


def test_has_keeps_two_texts_with_one_stretch_apart() -> None:
    """The same offsets in another text are read from that text, not from the cut kept of the first."""
    first = "rockets hit the district"
    second = "rockets hit the county"
    assert has(first, ("istrict",), 0, len(first))
    assert not has(second, ("istrict",), 0, len(first))
    assert has(second, ("ounty",), 0, len(second))


def test_has_reads_only_the_stretch_asked_about() -> None:
    """A word just outside the stretch, or cut by its end, is not found."""
    low = "\u201cfour killed\u201d in the north of the province"
    at = low.index("north")
    assert has(low, ("north",), at, at + 5)
    assert not has(low, ("north",), at, at + 4)
    assert not has(low, ("north",), 0, at)
    assert not has(low, ("province", "killed"), at, len(low) - 1)
