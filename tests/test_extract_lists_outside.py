"""Constructions that lost figures on texts outside the corpus: outbreak news, situation reports, state media.

Each rule is stated on the grammar of a sentence; the sentences are written for these tests in the
forms of WHO Disease Outbreak News, ECDC threat reports, OCHA and ECHO flash updates, translated
ministry statements and wire stories about them (issue 22, "no candidate at its number").
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, float | None]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.point)
        for c in extract(text, published="2024-03-14", outlet="Example Agency")
    ]


def _unread(text: str) -> list[str]:
    return [
        u.numeral for u in extract(text, published="2024-03-14", outlet="Example Agency").unread
    ]


_COUNTS = st.integers(min_value=2, max_value=999_999)
_TOWNS = ("Wajima", "Suzu", "Nanao", "Anamizu", "Noto")


# -- a toll that includes its parts ----------------------------------------------------------------


def test_a_toll_that_includes_counts_by_place_gives_each_the_toll() -> None:
    """ "The death toll includes 39 in Wajima and 23 in Suzu": two figures of the dead, by place."""
    assert _read("The death toll includes 39 in Wajima and 23 in Suzu.") == [
        ("killed", "people", 39),
        ("killed", "people", 23),
    ]
    assert _read("The injury toll included 40 children.") == [("injured", "children", 40)]


@settings(max_examples=40, deadline=None)
@given(st.lists(_COUNTS, min_size=2, max_size=5))
def test_every_count_a_toll_includes_is_read_as_the_dead(counts: list[int]) -> None:
    """Law: however many places a toll's list names, each count in it is read once, as people killed."""
    items = [f"{n:,} in {town}" for n, town in zip(counts, _TOWNS, strict=False)]
    text = "The death toll includes " + ", ".join(items[:-1]) + " and " + items[-1] + "."
    found = _read(text)
    assert [point for _, _, point in found] == counts
    assert {metric for metric, _, _ in found} == {"killed"}


# -- lives -------------------------------------------------------------------------------------------


def test_lives_claimed_or_lost_are_the_dead_and_lives_saved_are_not() -> None:
    """ "which claimed 6,434 lives", "670 lives lost", "300 lives were lost": the dead; "saved 200 lives": no toll."""
    assert _read("It was the worst since the earthquake which claimed 6,434 lives.") == [
        ("killed", "people", 6434)
    ]
    assert ("killed", "people", 670) in _read("Fukushima was next, with 670 lives lost.")
    assert _read("At least 300 lives were lost in the fire.") == [("killed", "people", 300)]
    assert _read("Rescuers saved 200 lives.") == []


@settings(max_examples=30, deadline=None)
@given(_COUNTS, st.sampled_from(["claimed", "cost", "took"]))
def test_a_verb_of_loss_before_lives_reads_the_dead(n: int, verb: str) -> None:
    """Law: "VERB N lives" with a verb of loss is N people killed, whatever N."""
    assert _read(f"The flood {verb} {n:,} lives.") == [("killed", "people", n)]


# -- a complement said of the figure before ------------------------------------------------------------


def test_dead_said_of_the_figure_before_gives_way_to_the_next_verb() -> None:
    """ "left 21 people dead and displaced 13,000": the 13,000 were displaced; "forced ... to evacuate": evacuated."""
    assert _read("The floods left at least 21 people dead and displaced 13,000 people.")[1] == (
        "displaced",
        "people",
        13000,
    )
    assert (
        _read(
            "The rains have left at least 21 people dead and forced more than 13,000 people to evacuate."
        )[1][0]
        == "evacuated"
    )
    assert _read("Landslides have caused six deaths and destroyed several houses.")[1][:2] == (
        "razed",
        "homes",
    )


def test_a_bare_count_after_a_verb_people_undergo_counts_people() -> None:
    """ "destroyed 520 homes and injured 30 others": the 30 are people, not homes."""
    found = _read("The quake destroyed 520 homes and injured 30 others.")
    assert found == [("razed", "homes", 520), ("injured", "people", 30)]


# -- the noun first --------------------------------------------------------------------------------------


def test_counts_in_brackets_after_places_take_the_fronted_subject() -> None:
    """ "Cases were reported by Greece (5) and Italy (1)": the subject names the metric, no figure before."""
    found = _read("Cases were reported by Greece (5) and Italy (1).")
    assert [(m, n) for m, _, n in found] == [("cases", 5), ("cases", 1)]
    assert _read("Deaths were reported in Kasai (12) and Kwilu (4).")[0][0] == "killed"
    assert _read("The team visited Greece (5) and Italy (1).") == []


def test_of_them_with_its_own_verb_is_a_part_read_with_that_verb() -> None:
    """ "1,243 people have been rescued and 42 of them were found seriously injured": 42 injured."""
    found = _read(
        "Some 1,243 people have been rescued and 42 of them were found seriously injured."
    )
    assert found[1] == ("injured", "people", 42)
    assert _read("Three of them were taken to hospital.") == []  # a part of nothing counted


def test_of_whom_after_people_named_counts_them() -> None:
    """ "to spare health workers, 163 of whom have been killed": 163 health workers killed."""
    assert _read(
        "The ministry asks all parties to spare health workers, 163 of whom have been killed."
    ) == [("killed", "health workers", 163)]


def test_a_whole_fronted_with_its_relative_clause_gives_the_part_its_verb() -> None:
    """ "Of the 15 people who were hospitalised, 12 have already been discharged": 12 discharged."""
    found = _read("Of the 15 people who were hospitalised, 12 have already been discharged.")
    assert found == [("hospitalised", "people", 15), ("discharged", "people", 12)]
    assert _read("Eight of the deaths occurred in the north.") == [("killed", "people", 8)]


# -- gapping ------------------------------------------------------------------------------------------------


def test_a_gapped_count_that_repeats_the_verbs_complement_takes_the_verb() -> None:
    """ "12,000 people were exposed to very strong shaking and 685,000 to strong shaking"."""
    found = _read(
        "Up to 12,000 people were exposed to very strong shaking and up to 685,000 to strong shaking."
    )
    assert [m for m, _, _ in found] == ["exposed", "exposed"]
    found = _read(
        "During this period, 317 cases have been classified as confirmed and eight as probable."
    )
    assert found == [("cases", "people", 317), ("cases", "people", 8)]
    assert _read("Five people were killed and 12 injured as the bus overturned.")[1][0] == "injured"


# -- forms of the count ---------------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(_COUNTS, _COUNTS)
def test_a_count_after_a_word_and_a_slash_is_read(families: int, persons: int) -> None:
    """Law: "N families/M persons were affected" reads both counts, however written together."""
    found = _read(f"A total of {families:,} families/{persons:,} persons were affected.")
    assert found == [("affected", "families", families), ("affected", "people", persons)]


def test_a_slash_between_numbers_is_no_count() -> None:
    """ "24/7" and a date written with slashes stay unread as before: only a word before the slash starts one."""
    assert _read("The hotline runs 24/7.") == []


def test_an_adverb_then_a_participle_after_a_number_names_nothing_counted() -> None:
    """ "12,272 officially listed as missing": the participle is the verb, not the thing counted."""
    found = _read(
        "Police said 8,133 people had been confirmed dead and 12,272 officially listed as missing."
    )
    assert found[1] == ("missing", "people", 12272)


def test_a_length_then_deep_is_a_depth_and_its_conversion_no_figure() -> None:
    """ "It struck about 13 kilometers (8 miles) deep": one depth; the miles only convert it."""
    found = extract("It struck about 13 kilometers (8 miles) deep.", published="2013-04-23")
    assert [c.claim.metric.name for c in found] == ["depth"]
    assert "8" in [u.numeral for u in found.unread]


# -- where people are, and what they lack ----------------------------------------------------------------------


def test_people_in_evacuation_or_accommodation_centres_are_sheltered() -> None:
    """ "There are 924 people in 16 temporary accommodation centers": sheltered, however many centres."""
    assert _read("There are 924 people in 16 temporary accommodation centers.")[0] == (
        "sheltered",
        "people",
        924,
    )
    assert _read("Some 4,000 families are staying in 25 evacuation centres.")[0][:2] == (
        "sheltered",
        "families",
    )
    assert _read("There are 924 people in 16 villages.") == []


def test_shelter_refuge_power_and_water_in_their_longer_forms() -> None:
    """ "taking temporary shelter", "had taken refuge", "out of power", "without drinking water"."""
    assert (
        _read("12,228 families are taking temporary shelter in 105 evacuation centers.")[0][0]
        == "sheltered"
    )
    assert _read("About 15,200 people had taken refuge in schools.")[0][0] == "displaced"
    assert _read("Some 33,300 households were out of power on Wednesday.")[0][0] == "without power"
    found = _read(
        "In Atacama, 20 000 people remain without electricity and 7 500 people without drinking water."
    )
    assert [m for m, _, _ in found] == ["without power", "without drinking water"]


# -- a chain of figures ------------------------------------------------------------------------------------------


def test_a_later_figure_of_a_chain_keeps_its_own_participle() -> None:
    """ "approximately 2,500 evacuated people and two injured persons": the two were injured."""
    found = _read("Media report approximately 2,500 evacuated people and two injured persons.")
    assert [m for m, _, _ in found] == ["evacuated", "injured"]


def test_a_breakdown_by_sex_in_brackets_counts_what_the_last_whole_counted() -> None:
    """ "48 cases ... Cases were seen in both sexes (26 male, 22 female)": 26 male and 22 female cases."""
    found = _read(
        "A total of 48 cases including 14 deaths have been reported. "
        "Cases were seen in children of both sexes (26 male, 22 female)."
    )
    assert ("cases", "males", 26) in found
    assert ("cases", "females", 22) in found
    assert ("hospitalised", "people", 2) in _read(
        "Two persons were brought to a hospital (a man and a child)."
    )


# -- outbreak news and headlines ----------------------------------------------------------------------------------


def test_a_share_in_brackets_after_a_count_is_an_aside() -> None:
    """ "a total of 6542 (46.7%) cases", "45 (3%) were killed": the noun and verb after the share are the count's."""
    assert _read("The age group remains the most affected with a total of 6542 (46.7%) cases.") == [
        ("cases", "people", 6542)
    ]
    found = _read("A total of 1,200 (12%) people were displaced and 45 (3%) were killed.")
    assert found == [("displaced", "people", 1200), ("killed", "people", 45)]


@settings(max_examples=30, deadline=None)
@given(_COUNTS, st.integers(min_value=1, max_value=99))
def test_a_share_in_brackets_never_changes_the_count(n: int, share: int) -> None:
    """Law: "N (S%) people were evacuated" reads N people evacuated, whatever the share."""
    assert _read(f"Officials said {n:,} ({share}%) people were evacuated.") == [
        ("evacuated", "people", n)
    ]


def test_a_title_case_headline_counts_its_capitalised_nouns() -> None:
    """ "3 Afghan Police Killed in Suicide Attack", "32 Militants, 4 Soldiers Killed": the things counted."""
    assert _read("3 Afghan Police Killed in Suicide Attack") == [("killed", "police", 3)]
    assert _read("32 Militants, 4 Soldiers Killed in Western Afghanistan") == [
        ("killed", "militants", 32),
        ("killed", "soldiers", 4),
    ]


def test_one_named_with_an_article_who_was_killed_is_counted() -> None:
    """ "a security guard was killed": one; "were shot and killed": killed; "a rink was hit": nothing."""
    assert _read("Officials say a security guard was killed Wednesday.") == [
        ("killed", "security guards", 1)
    ]
    assert _read("Five other attackers were shot and killed.") == [("killed", "attackers", 5)]
    assert _read("A rink was hit.") == []


def test_a_count_coordinated_with_a_bounded_one_is_no_difference() -> None:
    """ "The death toll has risen to nearly 2,000 and more than 9,900 injured": two figures."""
    found = extract(
        "The death toll has risen to nearly 2,000 and more than 9,900 injured.",
        published="2021-08-18",
    )
    assert [(c.claim.metric.name, c.phrase) for c in found] == [
        ("killed", "nearly 2,000"),
        ("injured", "more than 9,900"),
    ]
    assert _read("Yemen: 2.3 million more people are food insecure than in March.") == []


def test_sums_said_as_levels_and_medical_assistance_sought() -> None:
    """ "the number of injured amounts to 120"; "more than 500 people have sought medical assistance"."""
    assert _read("The number of injured amounts to 120.") == [("injured", "people", 120)]
    assert (
        _read("More than 500 people have sought medical assistance.")[0][0]
        == "sought medical assistance"
    )


def test_a_capitalised_plural_naming_a_people_heads_the_count() -> None:
    """ "7.7 million displaced Colombians, 4.7 million Afghans and 4.2 million Iraqis": displaced people."""
    found = _read(
        "There are 7.7 million displaced Colombians, 4.7 million Afghans and 4.2 million Iraqis."
    )
    assert [(m, c) for m, c, _ in found] == [("displaced", "people")] * 3


def test_people_and_the_households_they_come_from_share_the_verb() -> None:
    """ "619 individuals from 133 households", "38,547 individuals, representing 7,854 households"."""
    assert _read("The windstorms affected a total of 619 individuals from 133 households.") == [
        ("affected", "people", 619),
        ("affected", "households", 133),
    ]
    found = _read("The floods affected 38,547 individuals, representing 7,854 households.")
    assert found[1] == ("affected", "households", 7854)
    assert _read("Cases fell from 120 families to 80.") == []  # a change's earlier level


def test_hostages_taken_and_wildfires_recorded() -> None:
    """ "took over 700 students hostage": taken hostage; "there were more than 22,000 wildfires": recorded."""
    assert _read("The gunmen took over 700 students hostage.")[0][:2] == (
        "taken hostage",
        "students",
    )
    assert _read("As of July 31, there were more than 22,000 wildfires.")[0][:2] == (
        "recorded",
        "wildfires",
    )


# -- readings that over-reached on prose ------------------------------------------------------------------------------


def test_rates_a_number_of_and_acronyms_are_no_counts_of_their_own() -> None:
    """ "one person displaced every three seconds": a rate; "a number of sites": no count of one;
    "across three WHO regions": a count of areas, never cases."""
    assert _read("The figure equates to one person displaced every three seconds.") == []
    assert _read("Five people were killed every day.") == []
    found = _read("More than 290 homes and a number of industrial sites were damaged by the wave.")
    assert [c for _, c, _ in found] == ["homes"]
    assert _read(
        "A total of 37 269 new cases were reported from 20 countries across three WHO regions."
    ) == [("cases", "people", 37269)]


def test_a_bracketed_part_after_a_metric_noun_and_places_cut_off() -> None:
    """ "1,135 cases (405 confirmed)": 405 cases; "19 communities remain cut off": isolated."""
    assert ("cases", "people", 405) in _read(
        "Luanda has 1,135 cases (405 confirmed) including 165 deaths."
    )
    assert _read("Some 45 communities remain cut off.")[0][:2] == ("isolated", "communities")
    assert _read("Power was cut off to 5,000 homes.") == []
