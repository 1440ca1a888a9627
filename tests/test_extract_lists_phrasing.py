"""Structures of report sentences found on outside texts: "respectively", a raised noun, a long toll subject.

The sentences are written for these tests, in the forms of OCHA flash updates, NDRRMC situation
reports and wire stories.
"""

from __future__ import annotations

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, float | None]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.point)
        for c in extract(text, published="2015-11-02", outlet="Example Agency")
    ]


def test_figures_closed_by_respectively_take_the_metric_named_before_them() -> None:
    """ "hardest hit in terms of fatalities, with 36, 28 and 23 respectively": three death tolls."""
    found = _read(
        "Kunar, Takhar and Nangarhar provinces have been hardest hit in terms of fatalities, "
        "with 36, 28 and 23 respectively."
    )
    assert found == [("killed", "people", 36), ("killed", "people", 28), ("killed", "people", 23)]


def test_respectively_gives_each_figure_its_item() -> None:
    """ "refugees, internally displaced and asylum-seekers - who number 22.5 million, 40.3 million and 2.8 million, respectively"."""
    found = _read(
        "He called for protecting the world's refugees, internally displaced and asylum-seekers - "
        "who currently number 22.5 million, 40.3 million, and 2.8 million, respectively."
    )
    assert [f[1] for f in found] == ["refugees", "people", "asylum-seekers"]
    assert {f[0] for f in found} == {"displaced"}


def test_without_respectively_bare_numbers_stay_unread() -> None:
    """ "with 36, 28 and 23" and nothing saying what they count: listed as unread."""
    found = extract("The provinces were hit, with 36, 28 and 23.", published="2015-11-02")
    assert list(found) == []
    assert [u.numeral for u in found.unread] == ["36", "28", "23"]


def test_a_bare_figure_before_and_takes_the_noun_named_after_it() -> None:
    """ "12,215 damaged and 6,295 houses destroyed": both count houses."""
    assert _read("Verified reports indicate: 12,215 damaged and 6,295 houses destroyed.") == [
        ("damaged", "homes", 12215),
        ("razed", "homes", 6295),
    ]


def test_a_toll_with_a_long_subject_and_an_adverb() -> None:
    """ "The death toll in X in the aftermath of Y was reported to have risen to 67"; "was only 40"."""
    found = _read(
        "The death toll in Maguindanao del Norte in the aftermath of tropical storm Paeng was "
        "reported to have risen to 67 as of 9 p.m. Friday."
    )
    assert found == [("killed", "people", 67)]
    assert _read("By Saturday the death toll was only 40.") == [("killed", "people", 40)]


def test_times_of_day_are_no_counts() -> None:
    """ "9 p.m.", "6 p.m", "6AM" are times, listed as unread."""
    found = extract("Officials met at 9 p.m. and again at 6AM.", published="2015-11-02")
    assert list(found) == []
    assert all(u.reason == "a time of day" for u in found.unread)


def test_a_hyphenated_adverb_before_the_verb() -> None:
    """ "5,426 families or 23,993 persons were pre-emptively evacuated": evacuated."""
    assert [
        f[0]
        for f in _read("A total of 5,426 families or 23,993 persons were pre-emptively evacuated.")
    ] == [
        "evacuated",
        "evacuated",
    ]


def test_the_dead_included_counts_the_dead_and_a_toll_chain_shares_its_hedge() -> None:
    """ "The dead included at least three soldiers and two militants": killed, at least two (settled C6)."""
    found = extract(
        "The dead included at least three soldiers and two militants, an official said.",
        published="2015-01-06",
    )
    assert [(c.claim.metric.name, c.claim.estimate.interval_text()) for c in found] == [
        ("killed", "[3, inf)"),
        ("killed", "[2, inf)"),
    ]


def test_parts_after_including_and_things_keep_their_own_wording() -> None:
    """F9: "at least 18 civilians, including 10 children and two women": exact parts; things stay exact."""
    found = extract(
        "The strike killed at least 18 civilians, including 10 children and two women.",
        published="2017-07-19",
    )
    assert [c.claim.estimate.interval_text() for c in found] == ["[18, inf)", "[10, 10]", "[2, 2]"]
    found = extract("More than 200 houses and 3 hospitals were damaged.", published="2020-06-05")
    assert [c.claim.estimate.interval_text() for c in found] == ["(200, inf)", "[3, 3]"]


def test_a_vague_count_right_after_a_verb_of_the_toll() -> None:
    """ "Boko Haram has killed thousands": killed, thousands of people; "affected several" is no count (rule 8)."""
    found = extract("The group has killed thousands in its campaign.", published="2014-07-19")
    assert [(c.claim.metric.name, c.claim.scope.counted, c.phrase) for c in found] == [
        ("killed", "people", "thousands")
    ]
    assert list(extract("The rains affected several in the north.", published="2014-07-19")) == []
