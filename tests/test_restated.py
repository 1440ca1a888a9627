"""A figure stated again in another paragraph is a claim of its own (ANNOTATION.md rule 6), the title aside."""

from __future__ import annotations

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str, str]]:
    return [
        (c.claim.metric.name, c.claim.estimate.text, (c.claim.location or "").partition(",")[0])
        for c in extract(text, published="2024-03-01", outlet="Example News")
    ]


def test_a_figure_stated_in_two_paragraphs_is_two_claims():
    text = (
        "A storm struck the coast of Delta province on Monday.\n\n"
        "The storm killed 23 people, the province's governor said.\n\n"
        "Rescue teams reached the villages on Tuesday.\n\n"
        "The governor said again on Wednesday that 23 people were killed."
    )
    read = _read(text)
    assert [r[:2] for r in read] == [("killed", "23"), ("killed", "23")]
    assert read[0][2] != read[1][2]


def test_the_same_figure_twice_in_one_paragraph_is_one_claim():
    text = "The storm killed 23 people, the governor said. The governor said that 23 people were killed."
    assert [r[:2] for r in _read(text)] == [("killed", "23")]


def test_a_title_repeated_by_the_lead_is_one_claim():
    text = (
        "Storm Kills 23 In Delta Province\n\nA storm killed 23 people in Delta province on Monday."
    )
    assert [r[:2] for r in _read(text)] == [("killed", "23")]
