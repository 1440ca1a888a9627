"""A number labelled as a population counts the people living there, with "est." read as "an estimated"."""

from __future__ import annotations

from claimdiff import extract


def _read(sentence: str) -> list[tuple[str, str | None, str]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.text)
        for c in extract(sentence, published="2024-03-01", outlet="Example News")
    ]


def test_a_bracketed_label_gives_a_population():
    """ "(population: N)" after a name is that place's population, exact."""
    assert _read("Floods hit Delta district (population: 41,200) on Monday.") == [
        ("population", "people", "41,200")
    ]


def test_est_is_an_estimate():
    """ "est. population" and "est. pop." read as "an estimated" figure."""
    assert _read("Floods hit Delta (est. population: 41,200) on Monday.") == [
        ("population", "people", "an estimated 41,200")
    ]
    assert _read("Floods hit Delta (est. pop. 41,200) and Gamma (est. pop. 9,800).") == [
        ("population", "people", "an estimated 41,200"),
        ("population", "people", "an estimated 9,800"),
    ]


def test_a_population_beside_a_toll_leaves_the_toll_alone():
    """A toll in the same sentence keeps its own metric."""
    assert _read("The landslide killed 14 people in Delta (pop. 3,100).") == [
        ("killed", "people", "14"),
        ("population", "people", "3,100"),
    ]


def test_a_word_ending_in_pop_is_no_label():
    """Only the word "pop." abbreviates population: "hip-hop. 300" is no population."""
    assert all(m != "population" for m, _, _ in _read("He sang hip-hop. 300 fans were injured."))
