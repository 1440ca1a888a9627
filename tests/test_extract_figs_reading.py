"""Laws of the readers made fast: each equals the search it replaces, on any text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from claimdiff._extract._figures import _opener

_OPENER = re.compile(r"\b(?:between|from)\s+$")


@given(
    st.lists(
        st.sampled_from(
            ["between", "from", "afrom", "_from", " ", "  ", "\n", "x", "5", "to", "-"]
        ),
        max_size=12,
    ),
    st.integers(min_value=0, max_value=6),
)
def test_law_the_opener_read_backwards_is_the_search_of_the_text_before(
    words: list[str], cut: int
) -> None:
    """For any text: "between"/"from" and spaces before a number, read backwards, is what the search finds."""
    text = "".join(words)
    start = min(cut, len(text))
    found = _OPENER.search(text[start:])
    expected = None if found is None else (start + found.start(), found.group().split()[0])
    assert _opener(text, start, len(text)) == expected
