"""Parts, levels and vague quantities in running text (ANNOTATION.md rules 7 and 8).

"814,000 of whom", "(including 295 confirmed)", "deaths totalled 250,000", "thousands more
injured", "several people". The sentences are written for these tests.
"""

from __future__ import annotations

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, str, bool]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.phrase, c.part_of is not None)
        for c in extract(text, published="2024-01-10", outlet="Example News")
    ]


def test_of_whom_makes_a_part_of_the_figure_before() -> None:
    """ "1.65 million people have been displaced, around 814,000 of whom are in A": a displaced part."""
    got = _read(
        "In all 1.65 million people have been displaced, around 814,000 of whom are in the north."
    )
    assert [(m, c, part) for m, c, _, part in got] == [
        ("displaced", "people", False),
        ("displaced", "people", True),
    ]


def test_including_in_brackets_is_a_part_with_the_wholes_metric() -> None:
    """ "506 recorded cases of dengue (including 295 confirmed)": 295 cases, a part of the 506."""
    got = _read("The outbreak caused 506 recorded cases of dengue fever (including 295 confirmed).")
    assert [(m, c, part) for m, c, _, part in got] == [
        ("cases", "people", False),
        ("cases", "people", True),
    ]


def test_a_metric_noun_then_a_verb_of_level_gives_the_metric() -> None:
    """ "Combat deaths are agreed to have totaled about 250,000": killed people, about 250,000."""
    found = extract("Combat deaths are generally agreed to have totaled about 250,000.")
    assert [(c.claim.metric.name, c.claim.estimate.text) for c in found] == [
        ("killed", "about 250,000")
    ]


def test_a_vague_word_before_a_tolls_verb_counts_people() -> None:
    """ "with thousands more injured and hundreds missing": two claims as worded (rule 8)."""
    got = _read("The toll rose to 2,800 people, with thousands more injured and hundreds missing.")
    assert [(m, p) for m, _, p, _ in got] == [
        ("killed", "2,800 people"),
        ("injured", "thousands"),
        ("missing", "hundreds"),
    ]


def test_several_and_a_few_alone_name_no_number() -> None:
    """ "several people", "a few homes" are no claims; "several thousand", "a few hundred" are."""
    assert _read("Several people were injured and a few homes were damaged.") == []
    got = _read("Several thousand people fled and a few hundred homes were damaged.")
    assert [p for _, _, p, _ in got] == ["Several thousand people", "a few hundred homes"]


def test_assistance_to_people_is_people_assisted() -> None:
    """ "provided food assistance to more than 10,000 people": assisted (ANNOTATION.md rule 11)."""
    assert _read("Workers provided food assistance to more than 10,000 people.")[0][:2] == (
        "assisted",
        "people",
    )
