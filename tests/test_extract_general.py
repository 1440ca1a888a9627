"""General rules of extraction learned from the dev half's errors (issue 22, second round).

Each test states a linguistic fact the rule encodes, on a sentence written for the test (not a corpus text).
"""

from __future__ import annotations

import pytest

from claimdiff import extract
from claimdiff._extract._sources import defined_names


def read(text: str) -> list[tuple[str, str | None, str]]:
    """(metric, counted thing, interval) of every candidate of ``text``."""
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.interval_text())
        for c in extract(text, published="2024-03-01")
    ]


def places(text: str) -> list[tuple[str, ...]]:
    """The place of every candidate of ``text``."""
    return [c.claim.scope.place for c in extract(text, published="2024-03-01")]


def sources(text: str) -> list[str]:
    """The source of every candidate of ``text``."""
    return [
        c.claim.source.name for c in extract(text, published="2024-03-01", outlet="Example News")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what flies, destroyed, was shot down (the vocabulary files "destroyed" with "intercepted");
        # what is destroyed where it stands was razed (ANNOTATION.md rule 10)
        (
            "Forces destroyed three uncrewed aerial vehicles and one support vehicle.",
            [("intercepted", "drones", "[3, 3]"), ("razed", "support vehicles", "[1, 1]")],
        ),
        (
            "Forces destroyed two drones and a radar site in a rebel-held area.",
            [("razed", "drones", "[2, 2]"), ("razed", "radar sites", "[1, 1]")],
        ),
        (
            "Air defences destroyed 12 drones over the border region.",
            [("intercepted", "drones", "[12, 12]")],
        ),
        (
            "In the storm 40 houses collapsed and 12 bridges were swept away.",
            [("razed", "homes", "[40, 40]"), ("razed", "bridges", "[12, 12]")],
        ),
        ("The floods destroyed 1,200 homes.", [("razed", "homes", "[1200, 1200]")]),
        # an adverb between the auxiliary and the participle
        (
            "Three officials were lightly injured in the bombing.",
            [("injured", "officials", "[3, 3]")],
        ),
        # people named by sex and age; a short place or other nouns between the noun and its verb
        (
            "Nearly 33 million men, women and children in the region need assistance.",
            [("in need", "people", "[29700000, 33000000)")],
        ),
        (
            "Almost 600 houses have been damaged, five bridges and roads affected.",
            [("damaged", "homes", "[540, 600)"), ("affected", "bridges", "[5, 5]")],
        ),
        ("21 Israelis, Jews and Arabs were killed.", [("killed", "people", "[21, 21]")]),
        (
            "Some 2.7 million people have been reached with some form of emergency assistance.",
            [("assisted", "people", "[2430000, 2970000]")],
        ),
        # words before a noun of what happened to people modify it
        ("The survey found 655,000 excess deaths.", [("killed", "people", "[655000, 655000]")]),
        # a participle in the noun phrase says what happened to people a camp hosts
        (
            "It is a camp hosting about 20,000 internally displaced persons.",
            [("displaced", "people", "[18000, 22000]")],
        ),
    ],
)
def test_general_rules_of_metric_and_thing(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    """The metric and the counted thing come from the head noun and its verb, across the words between them."""
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Around 14,000 refugees fled to Sudan between 12 and 14 June.",  # days, not a range of people
        "In Yemen, 2.3 million more people are food insecure than in March.",  # a difference between two counts
    ],
)
def test_days_and_differences_are_not_figures(text: str) -> None:
    """A range of days and a difference ("N more ... than") are never claims; their numbers are listed as not read."""
    found = extract(text, published="2024-03-01")
    assert all(
        c.claim.estimate.interval_text() not in {"[12, 14]", "[2300000, 2300000]"} for c in found
    )
    assert found.unread


def test_a_bearing_a_heading_list_and_a_regional_office_name_places() -> None:
    """'western Ecuador' is Ecuador; 'Ecuador / Peru - Earthquake' names Ecuador; a regional governor's region holds
    the village the gazetteer does not know; 'Houthi-controlled' is who holds a place, not the place."""
    assert places("An earthquake hit western Ecuador. 5 people have been injured.") == [
        ("Ecuador",)
    ]
    assert places("Ecuador / Peru - Earthquake\n\n5 people have been injured.") == [("Ecuador",)]
    text = "Vadym Filashkin, the Donetsk regional governor, said shelling killed three people in the village of Udachne."
    assert places(text) == [("Ukraine", "Donetsk Oblast", "Udachne")]
    assert places("Forces destroyed one radar site in a Houthi-controlled area of Yemen.") == [
        ("Yemen",)
    ]
    text = "An air strike on the embattled Mawza District of Yemen's Taizz Governorate killed at least 18 civilians."
    assert places(text) == [("Yemen", "Taizz Governorate", "Mawza")]


def test_a_list_of_subdivision_codes_is_of_the_country_whose_codes_they_are() -> None:
    """'CA (1), CO (1), FL (1)' after a total are California, Colorado and Florida."""
    text = "As of Monday, 21 persons infected with the outbreak strain were reported from 16 states: CA (1), CO (1), FL (1)."
    assert places(text)[1:] == [
        ("United States", "California"),
        ("United States", "Colorado"),
        ("United States", "Florida"),
    ]


def test_a_regional_governor_named_by_role_is_the_governor_of_the_figures_region() -> None:
    """'regional Governor X said' of a figure in the Kharkiv region is the governor of Kharkiv region."""
    text = (
        "Farther north in the Kharkiv region, a missile attack wounded 10 in the city of Balakliia, "
        "regional Governor Oleh Syniehubov said."
    )
    assert sources(text) == ["Governor of Kharkiv region"]
    text = "Two people were killed in the Belgorod region, Governor Vyacheslav Gladkov said."
    assert sources(text) == ["Governor of Belgorod region"]
    assert sources("Two people were killed in the Belgorod region, the governor said.") == [
        "Governor"
    ]


def test_an_abbreviation_the_text_defines_is_the_body_it_stands_for() -> None:
    """'The Government of Mozambique (GoM)' makes 'the GoM' that government; the letters must be its initials."""
    text = "The Government of Mozambique (GoM) leads the response. Nearly 140,800 people were sheltering, the GoM said."
    assert sources(text) == ["Government of Mozambique"]
    assert (
        defined_names("U.S. Central Command (USCENTCOM) forces") == {}
    )  # not initials: a name of its own
    named = defined_names(
        "the Philippines National Disaster Risk Reduction and Management Council (NDRRMC) said"
    )
    assert (
        named["NDRRMC"] == "National Disaster Risk Reduction and Management Council"
    )  # a country is not the name
    assert defined_names("the NYC Department of Health and Mental Hygiene (DOHMH)")["DOHMH"] == (
        "NYC Department of Health and Mental Hygiene"
    )


def test_a_figure_with_no_place_is_in_the_one_country_of_the_texts_figures() -> None:
    """In a text whose placed figures all lie in one country, a figure with no place is in that country;
    with figures in two countries, it stays without a place."""
    one = "The UN said 40 people were injured.\n\nShelling killed 3 people in Kharkiv region."
    assert places(one) == [("Ukraine",), ("Ukraine", "Kharkiv Oblast")]
    two = one + "\n\nIn Russia's Belgorod region, 2 people were killed."
    assert places(two)[0] == ()
