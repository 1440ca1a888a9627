"""A hedge's words that belong to something else bound no figure: "the toll adds up to 1,240"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Hedge, extract


def _read(text: str) -> list[tuple[str, float, float, Hedge]]:
    return [
        (c.claim.metric.name, c.claim.estimate.low, c.claim.estimate.high, c.claim.estimate.hedge)
        for c in extract(text, published="2024-01-01")
    ]


@given(st.integers(min_value=2, max_value=999_999), st.sampled_from(["adds", "added", "add"]))
def test_adding_up_to_a_total_is_the_total(n: int, verb: str) -> None:
    """After a form of "add", "up to" is the phrasal verb of a total: the figure is exact."""
    text = f"The number of people killed {verb} up to {n:,} people, officials said."
    assert _read(text) == [("killed", n, n, Hedge.EXACT)]


@given(st.integers(min_value=2, max_value=999_999))
def test_up_to_alone_still_bounds_the_figure(n: int) -> None:
    """Without the verb, "up to" is the policy's upper bound, as before."""
    (found,) = _read(f"Floods displaced up to {n:,} people, officials said.")
    assert found[0] == "displaced"
    assert found[2:] == (n, Hedge.UPPER)
