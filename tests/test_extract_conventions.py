"""Rules of the labels' conventions (tests/fixtures/real/ANNOTATION.md), each on sentences of the project's own.

Issue 22, after the convention pass: what is destroyed where it stands is razed, "Gaza" is the Gaza
Strip, a place in apposition names the place, and a place of another sentence vouches for its country
and first-level subdivision.
"""

from __future__ import annotations

from claimdiff import extract


def places(text: str) -> list[tuple[str, str]]:
    """(phrase, place) of every candidate of ``text``."""
    return [
        (c.phrase, " > ".join(c.claim.scope.place))
        for c in extract(text, published="2024-03-01", outlet="Example News")
    ]


def test_gaza_is_the_strip_and_its_city_lies_in_it() -> None:
    """A figure "in Gaza" is the Gaza Strip, not the governorate of that name; Gaza City lies in the Strip."""
    assert places("Officials said 12 people were killed in Gaza.") == [
        ("12 people", "Palestine > Gaza Strip")
    ]
    assert places("Officials said four towers were destroyed in Gaza city, Gaza.") == [
        ("four towers", "Palestine > Gaza Strip > Gaza city")
    ]


def test_a_place_then_the_place_it_lies_in_names_the_first() -> None:
    """ "in Kherson Oblast, southern Ukraine": the paragraph's next figures are the oblast's, not Ukraine's."""
    text = (
        "Shelling was reported in Kherson Oblast, southern Ukraine, on Monday. "
        "Officials said 14 people were injured."
    )
    assert places(text) == [("14 people", "Ukraine > Kherson Oblast")]


def test_a_list_of_places_is_no_apposition() -> None:
    """A place, then a list whose common parent contains it: the list's parent is the paragraph's place."""
    text = (
        "One person died in Kherson Oblast, and homes were damaged across Kherson, Odesa and "
        "Mykolaiv oblasts. Officials said 60 people were evacuated."
    )
    assert places(text) == [
        ("One person", "Ukraine > Kherson Oblast"),
        ("60 people", "Ukraine"),
    ]


def test_a_place_of_another_sentence_vouches_for_its_subdivision() -> None:
    """A camp named after a sentence about a province lies in that province."""
    text = (
        "An outbreak was reported in Kherson Oblast, southern Ukraine. "
        "Some 2,000 displaced people live in Zelenyi Hai camp."
    )
    assert places(text) == [
        ("Some 2,000 displaced people", "Ukraine > Kherson Oblast > Zelenyi Hai")
    ]


def read(text: str, outlet: str = "Example News") -> list[tuple[str, str, str]]:
    """(metric, interval, source) of every candidate of ``text``."""
    return [
        (c.claim.metric.name, c.claim.estimate.interval_text(), c.claim.source.name)
        for c in extract(text, published="2024-03-01", outlet=outlet)
    ]


def test_a_headline_toll_that_nears_or_tops_a_figure_is_bounded() -> None:
    """ "Toll Nears 350" is nearly 350, "Toll Tops 1,000" more than 1,000: the verb is the hedge."""
    assert read("Flood Toll Nears 350\n\nRescuers are searching.") == [
        ("killed", "[315, 350)", "Example News")
    ]
    assert read("Flood Death Toll Tops 1,000\n\nRescuers are searching.") == [
        ("killed", "(1000, inf)", "Example News")
    ]


def test_an_unattributed_headline_takes_the_origin_the_body_gives_its_toll() -> None:
    """A headline is a claim of its own, credited to whom the body credits the same toll."""
    text = "Flood Toll Nears 350\n\nOfficials now say 348 people were killed in the floods."
    assert read(text) == [
        ("killed", "[315, 350)", "Officials"),
        ("killed", "[348, 348]", "Officials"),
    ]


def test_a_headline_the_lead_repeats_as_the_outlets_own_is_one_claim() -> None:
    """The outlet's headline figure and its lead's same figure are one claim (the hand seed's reading)."""
    text = "Storm Kills At Least 14\n\nA storm killed at least 14 people on Friday."
    assert read(text) == [("killed", "[14, inf)", "Example News")]


def test_an_attributed_headline_is_a_claim_apart_from_the_body() -> None:
    """ "..., officials say" in a headline states the figure on its own, beside the body's."""
    text = (
        "Storm kills at least 14, officials say\n\n"
        "At least 14 people were killed, officials said on Friday."
    )
    assert read(text) == [
        ("killed", "[14, inf)", "Officials"),
        ("killed", "[14, inf)", "Officials"),
    ]


def test_a_citation_of_data_closing_a_paragraph_is_its_figures_origin() -> None:
    """ "(UN-OCHA data)" closing a paragraph credits its unattributed figures to the body it names."""
    text = (
        "Floods - update (ECHO 07 Jul 2024)\n\n"
        "- The floods left 120 people injured and 30 people dead. 5,000 people are affected (UN-OCHA data)."
    )
    assert {source for _, _, source in read(text)} == {"OCHA"}


def test_a_level_denied_is_a_zero_and_no_change_is_no_figure() -> None:
    """ "no deaths", "no reports of casualties" are zeros; "no new cases" says a level did not change."""
    assert read("There have been 9 hospitalizations and no deaths.", outlet="CDC") == [
        ("hospitalised", "[9, 9]", "CDC"),
        ("killed", "[0, 0]", "CDC"),
    ]
    assert read("There are no reports of casualties and damage.") == [
        ("casualties", "[0, 0]", "Example News")
    ]
    assert read("No new cases or deaths have been reported since June.") == []


def test_a_text_that_names_its_country_by_adjective_only_is_about_that_country() -> None:
    """A report that says "Syrian" again and again, and "British" once, is about Syria."""
    text = (
        "Syrian Toll Rises\n\nSyrian activists say 120 people were killed this week. "
        "The British-based group said Syrian forces shelled two towns; Syrian media denied it."
    )
    # "shelled two towns" is a count of things acted on (ANNOTATION.md rule 3), placed like the toll
    assert {place for _, place in places(text)} == {"Syria"}


def test_confirmed_cases_are_cases() -> None:
    """ "18 of the cases were laboratory-confirmed", "70 have been confirmed": cases of people (rule 12)."""
    text = "In all 40 cases were reported; 18 of the cases were laboratory-confirmed."
    assert read(text, outlet="WHO") == [
        ("cases", "[40, 40]", "WHO"),
        ("cases", "[18, 18]", "WHO"),
    ]
    assert read("Of these, 70 have been confirmed by a test.", outlet="WHO") == [
        ("cases", "[70, 70]", "WHO")
    ]


def test_one_of_the_is_an_idiom_and_a_part_of_nothing_named_is_dropped() -> None:
    """ "one of the worst floods" counts nothing; "three of them" names no thing counted."""
    assert read("It was one of the worst floods in years.") == []
    assert read("Three of them were taken to hospital.") == []


def test_developing_hus_is_the_metric_the_corpus_declares() -> None:
    """ "10 developed hemolytic uremic syndrome (HUS)": the complication, counted in people (rule 11)."""
    found = extract(
        "Twelve people were hospitalized; 10 developed hemolytic uremic syndrome (HUS).",
        published="2024-03-01",
    )
    assert [(c.claim.metric.name, c.claim.scope.counted) for c in found] == [
        ("hospitalised", "people"),
        ("developed hus", "people"),
    ]


def test_among_the_victims_are_parts_of_the_dead() -> None:
    """ "Among the victims were two families and four children, including a baby": the dead, counted again."""
    found = extract(
        "A blast killed 21 people. Among the victims were two families and four children, "
        "including a two-month-old baby.",
        published="2024-03-01",
    )
    assert [(c.claim.metric.name, c.claim.scope.counted, c.claim.low) for c in found] == [
        ("killed", "people", 21),
        ("killed", "families", 2),
        ("killed", "children", 4),
        ("killed", "babies", 1),
    ]


def test_the_places_of_a_breakdown_are_its_parts_only() -> None:
    """After "most of them in A (39) and B (17)", the next figures are the total's place's, not A's."""
    text = (
        "Pakistan - Floods\n\n"
        "A total of 77 people have died across the country, most of them in Balochistan (39) "
        "and Sindh (17), three others are still missing, and 85 have been injured."
    )
    assert [place for _, place in places(text)] == [
        "Pakistan",
        "Pakistan > Balochistan",
        "Pakistan > Sindh",
        "Pakistan",
        "Pakistan",
    ]


def test_mainly_in_a_place_is_where_most_are_not_all() -> None:
    """ "23 deaths, mainly in a camp": the deaths are the province's, not the camp's."""
    text = (
        "An outbreak was reported in Kherson Oblast, southern Ukraine. "
        "Some 530 cases were registered, including 23 deaths, mainly in Zelenyi Hai camp."
    )
    assert [place for _, place in places(text)] == ["Ukraine > Kherson Oblast"] * 2


def test_a_figure_placed_nowhere_is_in_the_country_of_the_body_that_gives_it() -> None:
    """In a text about two countries, "Ukrainian officials said" puts an unplaced toll in Ukraine."""
    text = (
        "Ukrainian officials said at least four people were killed in the attacks.\n\n"
        "The governor of Russia's Belgorod region said two people were injured there."
    )
    assert [place for _, place in places(text)] == ["Ukraine", "Russia > Belgorod Oblast"]


def test_only_the_leads_first_place_becomes_the_storys_place() -> None:
    """A region named in the third paragraph is that paragraph's, not the place of the story's later figures."""
    text = (
        "Attacks Kill Four\n\n"
        "Ukraine's air force said the attack involved 12 missiles.\n\n"
        "The governor of the Dnipropetrovsk region said three people were killed.\n\n"
        "Ukraine's air force said its air defences shot down five missiles."
    )
    assert [place for _, place in places(text)][-1] == "Ukraine"


def test_another_is_one_more() -> None:
    """ "another person died" is one; "and another drone over a region" is an item of the list."""
    assert read("Another person died in hospital.") == [("killed", "[1, 1]", "Example News")]
    found = extract(
        "Russia's defence ministry said on Monday it destroyed five Ukrainian aerial drones over the "
        "Belgorod region, four drones over the Kursk region and another drone over the Moscow region.",
        published="2024-03-01",
    )
    assert [(c.claim.low, c.claim.scope.place[-1]) for c in found] == [
        (5, "Belgorod Oblast"),
        (4, "Kursk Oblast"),
        (1, "Moscow Oblast"),
    ]


def test_women_and_children_are_counted_as_named_and_everyone_is_people() -> None:
    """ "dozens of women and children" counts them (a part of the people); "men, women and children" is everyone."""
    found = extract(
        "Dozens of women and children were killed. Some 3 million men, women and children need aid.",
        published="2024-03-01",
    )
    assert [c.claim.scope.counted for c in found] == ["women and children", "people"]


def test_people_taken_into_custody_were_arrested() -> None:
    """Rule 26: people detained by forces are ``arrested``, however the detention is worded."""
    for text in (
        "Police said 14 people were taken into custody after the clashes.",
        "Officers took into custody 9 suspects on Monday, the police said.",
    ):
        found = [
            c.claim.metric.name
            for c in extract(text, published="2024-03-01", outlet="Example News")
        ]
        assert found == ["arrested"], text
