"""The origin conventions of ANNOTATION.md (rules 16 to 18), each on sentences written for the test.

Who gave a figure: the body the text credits (the outlet goes in ``via``), the outlet when nothing
credits one, a person speaking for a body is that body, a one-person office stays the office.
"""

from __future__ import annotations

import pytest

from claimdiff import extract

OUTLET = "Daily Planet"


def origins(text: str) -> list[tuple[str, str]]:
    """(interval, origin) of every candidate of ``text``, published by :data:`OUTLET`."""
    return [
        (c.claim.estimate.interval_text(), c.claim.source.name)
        for c in extract(text, published="2024-03-01", outlet=OUTLET)
    ]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a spokesperson is the body they speak for
        (
            "A spokesperson for the World Health Organization said 120 cases had been confirmed.",
            "WHO",
        ),
        ("Jane Marlow, a spokeswoman for UNICEF, said 40 children were injured.", "UNICEF"),
        ("UNICEF spokesperson Ann Lee said 40 children were injured.", "UNICEF"),
        # an agency's head or chief is the agency
        (
            "The head of the National Emergency Agency, Paul Smit, said 77 people were evacuated.",
            "National Emergency Agency",
        ),
        (
            "The director of the Coastal Relief Service said 77 people were evacuated.",
            "Coastal Relief Service",
        ),
        (
            "The head of the city administration said 77 people were evacuated.",
            "City administration",
        ),
        # a minister speaks for the ministry
        (
            "Interior Minister Peter Dorn said 33 people were killed.",
            "Ministry of Internal Affairs",
        ),
        ("The minister of health said 33 people were killed.", "Ministry of Health"),
        ("Iraq's Health Minister said 33 people were killed.", "Iraqi Ministry of Health"),
    ],
)
def test_a_person_speaking_for_a_body_is_that_body(text: str, origin: str) -> None:
    assert [o for _, o in origins(text)] == [origin]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a one-person office the text names without a body behind it stays the office
        ("The governor of Lake Oblast said 5 people were injured.", "Governor of Lake Oblast"),
        ("The mayor of Rivertown said 5 people were injured.", "Mayor of Rivertown"),
    ],
)
def test_a_one_person_office_stays_the_office(text: str, origin: str) -> None:
    assert [o for _, o in origins(text)] == [origin]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("An official said 19 people were wounded.", "Officials"),
        ("A local official said 19 people were wounded.", "Local officials"),
        ("An Afghan official said 19 people were wounded.", "Afghan officials"),
        ("Officials said 19 people were wounded.", "Officials"),
    ],
)
def test_an_unnamed_official_is_written_in_the_plural(text: str, origin: str) -> None:
    assert [o for _, o in origins(text)] == [origin]


@pytest.mark.parametrize(
    "text",
    [
        "According to media, 14 people were injured in the blast.",
        "Media reports say 14 people were injured in the blast.",
        "According to media reports, 14 people were injured in the blast.",
    ],
)
def test_unnamed_media_are_media(text: str) -> None:
    assert origins(text) == [("[14, 14]", "Media")]


def test_an_apposed_role_after_according_to_names_the_body() -> None:
    text = "According to Maria Lopez, a spokeswoman for the Red Cross, 60 people were hurt."
    assert origins(text) == [("[60, 60]", "Red Cross")]


def test_media_citing_a_body_give_the_body_via_media() -> None:
    got = extract(
        "Media reports citing the police said 8 people were arrested.",
        published="2024-03-01",
        outlet=OUTLET,
    )
    assert [(c.claim.source.name, tuple(v.name for v in c.claim.via)) for c in got] == [
        ("Police", ("Media", OUTLET))
    ]


def test_unnamed_speakers_drop_where_they_are() -> None:
    assert origins("Officials in Lake Province said 14 people were missing.") == [
        ("[14, 14]", "Officials")
    ]


@pytest.mark.parametrize(
    ("heading", "origin"),
    [
        ("Floods in the north (Media)", "Media"),
        ("Floods in the north (ECHO 24 Jan 2020)", "DG ECHO"),  # a date closes the citation
        (
            "Floods in the north (ECHO, UN, Media)",
            OUTLET,
        ),  # several sources: the outlet compiled them
    ],
)
def test_a_heading_citation_covers_the_unattributed_figures(heading: str, origin: str) -> None:
    got = origins(f"{heading}\n\nAt least 25 people have died and 300 homes were flooded.")
    assert [o for _, o in got] == [origin, origin]


def test_a_closing_citation_naming_one_known_body_is_that_body() -> None:
    got = origins("Heavy rain killed 12 people and damaged 40 homes (UN-WHO data).")
    assert [o for _, o in got] == ["WHO", "WHO"]


def test_an_attribution_carries_to_the_end_of_its_paragraph_only() -> None:
    text = (
        "According to the Interior Ministry, 31 people were killed. Another 58 homes were damaged."
        "\n\nIn the south, 70 homes were flooded."
    )
    assert [o for _, o in origins(text)] == [
        "Interior Ministry",
        "Interior Ministry",
        OUTLET,
    ]


def test_an_unattributed_figure_is_the_outlets() -> None:
    assert origins("At least 17 people died in the landslide near the village.") == [
        ("[17, inf)", OUTLET)
    ]


def test_a_headline_takes_its_own_attribution_else_the_bodys_for_the_same_figure() -> None:
    own = origins(
        "Storm kills 9 in coastal town, officials say\n\nThe storm hit the town, and 9 people were killed."
    )
    assert ("[9, 9]", "Officials") in own
    body = origins(
        "Storm kills 9 in coastal town\n\nThe Civil Defence Agency said 9 people were killed in the town."
    )
    assert body == [("[9, 9]", "Civil Defence Agency")] * len(body)


def test_early_reports_are_an_unnamed_speaker() -> None:
    got = origins(
        "Casualties are being verified, but preliminary reports say 30 people were killed."
    )
    assert got == [("[30, 30]", "Preliminary reports")]


def test_a_body_a_paragraph_names_without_crediting_it_gives_no_origin() -> None:
    text = "UNHCR is calling for calm. Some 4,000 people have fled across the border."
    assert [o for _, o in origins(text)] == [OUTLET]
    # the United Nations' own briefing relays the figures of the agency its paragraph is about
    got = extract(text, published="2024-03-01", outlet="United Nations")
    assert [c.claim.source.name for c in got] == ["UNHCR"]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a state's one-person office, its holder named: the office
        ("Russian President Ivan Petrov said 13 soldiers were killed.", "President of Russia"),
        ("UN Secretary-General Ana Gomes said 13 peacekeepers were killed.", "Secretary-General"),
        # a rank before the person closing the body's name is no part of it
        (
            "Chief of the Flood Relief Authority Maj. Gen. Omar Tariq said 12 people were killed.",
            "Flood Relief Authority",
        ),
        (
            "Relief Agency Commissioner-General Lena Berg said 13 staff were killed.",
            "Relief Agency",
        ),
    ],
)
def test_offices_and_ranked_heads(text: str, origin: str) -> None:
    assert [o for _, o in origins(text)] == [origin]


def test_an_emergencies_ministry_is_written_as_the_alias_table_folds_it() -> None:
    # ANNOTATION.md rule 17: `Russian Ministry of Emergencies`, the form "Emergencies Ministry" folds to
    got = origins("Russia's Emergencies Ministry said 13 people were rescued.")
    assert got == [("[13, 13]", "Russian Ministry of Emergencies")]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a body's own report credits the body
        ("The Disaster Agency's latest report shows 44 people died.", "Disaster Agency"),
        # the agent of a passive report verb
        ("A total of 44 deaths were reported by the Ministry of Health.", "Ministry of Health"),
        ("44 deaths have been confirmed by local authorities.", "Local authorities"),
        # a method confirming a figure is no body: the outlet's
        ("44 cases have been confirmed by laboratory testing.", OUTLET),
        # a body notifying another of cases is their origin
        (
            "The national health authorities informed WHO of 44 cases.",
            "National health authorities",
        ),
        # a speaker named after the figure, with their role apposed: the body
        (
            "Forty-four people were killed, said Ana Ruiz, a spokeswoman for the Red Cross.",
            "Red Cross",
        ),
        ("Five people were killed, said Omar Ali, a police spokesman.", "Police"),
    ],
)
def test_the_body_credited_however_the_sentence_credits_it(text: str, origin: str) -> None:
    assert [o for _, o in origins(text)] == [origin]


def test_a_headline_speaker_named_by_a_bare_noun_is_the_body_the_story_names() -> None:
    got = origins(
        "Floods kill 12 in river valley, agency says\n\n"
        "The Relief Agency said 12 people died in the floods."
    )
    assert got == [("[12, 12]", "Relief Agency")] * 2  # the headline's claim and the body's
    # unnamed people in a headline stay a speaker of their own
    got = origins(
        "Floods kill 12 in river valley, officials say\n\n"
        "The Relief Agency said 12 people died in the floods."
    )
    assert ("[12, 12]", "Officials") in got


def test_a_headline_with_another_figure_than_the_body_is_the_outlets() -> None:
    got = origins(
        "Floods kill 12 in river valley\n\nThe Relief Agency said 15 people died in the floods."
    )
    assert got == [("[12, 12]", OUTLET), ("[15, 15]", "Relief Agency")]
