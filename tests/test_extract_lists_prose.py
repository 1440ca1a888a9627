"""Lists and figures in prose: compound heads, lists that run on, events, ranks, agents and acts.

The sentences are written for these tests in the forms of ministry and military statements, situation
reports and outbreak news (issue 22's round on prose that is not a tally): each states a rule of
ANNOTATION.md or of English grammar, and what a careful reader concludes.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, float | None]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.point)
        for c in extract(text, published="2024-01-10", outlet="Example News")
    ]


def _unread(text: str) -> list[tuple[str, str]]:
    found = extract(text, published="2024-01-10", outlet="Example News")
    return [(u.numeral, u.reason) for u in found.unread]


# -- the head of a compound ----------------------------------------------------------------------


def test_a_singular_counted_noun_before_a_noun_is_its_modifier() -> None:
    """Rule 13's head noun is the compound's last: "missile systems", "rocket launchers", "rocket attacks"."""
    assert _read("The ministry said 377 missile systems were destroyed.") == [
        ("razed", "missile systems", 377)
    ]
    assert ("smashed", "rocket launchers", 229) in _read("The army smashed 229 rocket launchers.")
    assert _read("Forces seized one missile system near the town.")[0][1] == "missile systems"


def test_drone_strikes_are_strikes_and_a_metric_noun_keeps_the_people() -> None:
    """ "two drone strikes" are strikes conducted (rule 26); "14 civilian deaths" count civilians killed."""
    assert _read("US forces conducted two drone strikes near Kabul.")[0][:2] == (
        "conducted",
        "strikes",
    )
    assert _read("Officials reported 14 civilian deaths.") == [("killed", "civilians", 14)]


def test_rank_and_sequence_adjectives_are_dropped_from_the_thing_counted() -> None:
    """ "two senior Taliban commanders" are commanders, "three successive landslides" landslides (rule 13)."""
    found = _read(
        "The strike killed at least six suspected militants -- including two senior Taliban "
        "commanders -- in the village."
    )
    assert ("killed", "commanders", 2) in found


# -- a list that runs on -------------------------------------------------------------------------


def test_items_whose_noun_phrases_run_on_share_the_lists_verb() -> None:
    """Rule 23: each item of the list is a count the verb at its end reports, whatever follows its noun."""
    found = _read(
        "A total of 5,143 tanks and other armoured combat vehicles, 851 launcher vehicles, and "
        "5,963 units of special military vehicles have been destroyed since the start."
    )
    assert [(m, n) for m, _, n in found] == [("razed", 5143), ("razed", 851), ("razed", 5963)]


def test_items_named_without_a_number_keep_the_list_going() -> None:
    """ "..., artillery and ammunition, and 101 stockpiles were neutralized": the last item shares the verb."""
    found = _read(
        "Forces destroyed six command posts, two rocket launchers, artillery and ammunition, "
        "and 101 stockpiles of war material."
    )
    assert [n for _, _, n in found] == [6, 2, 101]
    assert {m for m, _, _ in found} == {"razed"}


def test_a_clause_of_its_own_is_no_items_tail() -> None:
    """A place or a verb between two figures ends the first item: its figures keep their own verbs."""
    found = _read(
        "Drones destroyed five aerial drones over the Belgorod region, four drones over Bryansk."
    )
    assert [n for _, _, n in found] == [5, 4]


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=2, max_value=9_999),
            st.sampled_from(["tanks", "launchers", "depots", "trucks", "bunkers"]),
            st.sampled_from(["", " and other armoured vehicles", " and command centres"]),
        ),
        min_size=2,
        max_size=5,
        unique_by=lambda item: item[0],  # the same figure said twice is kept once
    )
)
def test_every_item_of_a_list_is_read_under_its_verb(
    items: list[tuple[int, str, str]],
) -> None:
    """Law: a list of "N things[ and more things]" items closed by one passive verb gives one claim per item."""
    text = (
        "The ministry said "
        + ", ".join(f"{n:,} {noun}{tail}" for n, noun, tail in items)
        + " were destroyed."
    )
    found = _read(text)
    assert [n for _, _, n in found] == [float(n) for n, _, _ in items]
    assert {m for m, _, _ in found} == {"razed"}


def test_a_number_before_a_noun_that_is_also_a_verb_is_no_speaker() -> None:
    """ "six command posts": "posts" is the noun counted, no verb of speech with "six command" its subject."""
    found = extract("It destroyed six command posts and 101 stockpiles.", outlet="Example News")
    assert {c.claim.source.name for c in found} == {"Example News"}


def test_a_lines_label_before_a_figure_is_no_speaker() -> None:
    """ "Inside ECs: 540 families": a list item's part, no transcript speaker carried into the text after it."""
    found = extract(
        "A total of 3,558 families are being served:\n\nInside ECs: 540 families\n"
        "Outside ECs: 3,018 families\n\nA total of 68 dead were reported.",
        outlet="Example News",
    )
    assert found[-1].claim.source.name == "Example News"


# -- parts ---------------------------------------------------------------------------------------


def test_the_parts_a_whole_is_made_of() -> None:
    """ "13 victims, comprising six males and seven females": two parts of the thirteen, as after "including"."""
    found = extract("Troops rescued 13 victims, comprising six males and seven females.")
    assert [c.claim.estimate.point for c in found] == [13, 6, 7]
    assert found[1].part_of == found[0].claim.id == found[2].part_of


def test_an_event_named_with_an_article_makes_no_whole() -> None:
    """C9: "An attack comprising 20 drones": the attack is the event, no count of one."""
    assert 1 not in [
        n for _, _, n in _read("An attack comprising 20 drones and 3 missiles hit Kyiv.")
    ]


# -- what the noun says happened -----------------------------------------------------------------


def test_refugees_as_an_aims_object_are_no_count_of_the_displaced() -> None:
    """Rule 25: "to help 700,000 refugees", "a forecast 700,000 refugees" are a plan's object."""
    assert _read("Donors were asked for funding to help 200,000 Syrian refugees.") == []
    assert _read("The appeal covers the needs of a forecast 700,000 refugees.") == []
    assert _read("Some 200,000 refugees are in the camps.") == [("displaced", "refugees", 200_000)]


def test_events_counted_are_recorded_whatever_their_verb() -> None:
    """Rules 36 and 41: the earthquakes, landslides and outbreaks a report counts are `recorded`."""
    assert _read("In total, the two earthquakes killed 277 people.")[0] == (
        "recorded",
        "earthquakes",
        2,
    )
    assert _read("The district suffered three successive landslides.") == [
        ("recorded", "landslides", 3)
    ]
    found = _read("In the same week, 9 outbreaks were reported by Italy (5) and France (4).")
    assert found == [
        ("recorded", "outbreaks", 9),
        ("recorded", "outbreaks", 5),
        ("recorded", "outbreaks", 4),
    ]


def test_events_said_vaguely_or_with_an_article_count_nothing() -> None:
    """ "several outbreaks are ongoing", "an earthquake struck": no count of events recorded (C9)."""
    assert _read("Several outbreaks are ongoing in Europe.") == []
    assert _read("An earthquake struck the region on Monday.") == []


def test_samples_that_tested_positive_are_no_cases() -> None:
    """Cases count people; samples that tested positive are samples (settled J6)."""
    assert _read("On 10 August, 22 samples tested positive for chikungunya.") == [
        ("tested positive", "samples", 22)
    ]


def test_an_active_verb_of_the_toll_with_an_object_makes_its_subject_the_attackers() -> None:
    """Settled C5: "20 attackers shot dead six people" counts those who attacked, and the six killed."""
    assert _read("At least 20 attackers shot dead six people in a church.") == [
        ("attacked", "attackers", 20),
        ("killed", "people", 6),
    ]
    assert _read("Two rockets killed three people.") == [("killed", "people", 3)]
    fled = extract("More than 23,000 people fled the area.")
    assert [(c.claim.metric.name, c.claim.estimate.low) for c in fled] == [("displaced", 23_000)]


def test_a_tally_counts_no_act_and_no_subject_of_a_clause_of_its_own() -> None:
    """C9: "launched an investigation", "conducted a search"; "a spokesman said" is no item of the tally."""
    assert _read("Troops destroyed 15 houses and launched an investigation.") == [
        ("razed", "homes", 15)
    ]
    assert _read(
        "Forces conducted 14 strikes, and a spokesman said the operation would go on."
    ) == [("conducted", "strikes", 14)]
    assert _read("A child was killed and a woman was injured.") == [
        ("killed", "children", 1),
        ("injured", "women", 1),
    ]


# -- levels --------------------------------------------------------------------------------------


def test_a_level_reached_now_or_neared() -> None:
    """ "has now reached 2,300", "is now nearing 1,900": the subject's metric, the figure its level."""
    assert _read("The official count of those missing has now reached 2,300.") == [
        ("missing", "people", 2300)
    ]
    found = extract("The official death toll from the quake is now nearing 1,900.")
    assert found[0].claim.metric.name == "killed"
    assert found[0].claim.estimate.high == 1900


# -- numbers that count nothing ------------------------------------------------------------------


def test_a_year_dates_an_event_after_the_or_before_a_name() -> None:
    """ "the 2010 floods", "2010 Chile earthquakes": a year; "2000 people were evacuated" counts."""
    assert _read("The 2010 floods killed 1,700 people.") == [("killed", "people", 1700)]
    assert ("2010", "a year") in _unread("2010 Chile earthquakes: Government confirms 452 dead")
    assert _read("Police said 2000 people were evacuated.") == [("evacuated", "people", 2000)]


def test_a_number_after_magnitude_is_the_quakes_class() -> None:
    """ "no magnitude 8+ earthquakes": the magnitude, never a count of eight earthquakes."""
    assert _read("It was the first year with no magnitude 8+ earthquakes.") == []
    assert ("8", "a magnitude or intensity") in _unread(
        "It was a year with no magnitude 8+ earthquakes."
    )


def test_a_number_before_a_superlative_ranks() -> None:
    """ "the three most affected districts" picks districts by rank: it counts nothing."""
    text = "Floods left at least 174,000 people displaced in the three most hit districts."
    assert _read(text) == [("displaced", "people", 174_000)]
    assert ("three", "a rank, not a count") in _unread(text)


def test_the_first_day_of_a_span_of_days_is_a_date() -> None:
    """ "on 21 and 22 July": two days, no count."""
    assert ("21", "a date") in _unread("Three landslides followed heavy rains on 21 and 22 July.")
    assert _read("It killed 21 and injured 22 in July.") == [
        ("killed", "people", 21),
        ("injured", "people", 22),
    ]


def test_a_length_that_says_where_or_how_fast_is_no_distance() -> None:
    """ "30 km (19 miles) outside Dhaka", "50 km to the east", "320 kilometers an hour": where or how fast."""
    assert _read("Soldiers clear the rubble in Savar, 30 km (19 miles) outside Dhaka.") == []
    assert _read("Meanwhile, around 50 km to the east, a convoy was attacked.") == []
    assert _read("The tornado with winds of 320 kilometers an hour hit a school.") == []
    assert _read("Belgorod lies merely 20 miles from the Ukraine border.")[0][0] == "distance"


def test_people_counted_where_they_are_are_present() -> None:
    """Rule 24: "There were 359 miners underground", "3,000 people were in the building"; a state is no place."""
    assert _read("There were 359 miners underground when the blast hit.") == [
        ("present", "miners", 359)
    ]
    assert _read("There are 83 people in the mine: 64 miners and 19 rescuers.") == [
        ("present", "people", 83),
        ("present", "miners", 64),
        ("present", "rescuers", 19),
    ]
    # a state is no place, but rule 31's metric of its own: never "present"
    assert _read("25 people are in critical condition.") == [
        ("in critical condition", "people", 25)
    ]
    assert _read("There are 12 hospitals in the district.") == []


def test_damage_and_homelessness_said_with_a_noun() -> None:
    """ "48 houses have suffered damage", "350,000 people have been left without homes" (rule 11)."""
    assert _read("48 houses have suffered damage in Tirana.") == [("damaged", "homes", 48)]
    assert _read("All three aircraft sustained damage.") == [("damaged", "aircraft", 3)]
    assert _read("Some 350,000 people have been left without homes.")[0][:2] == (
        "homeless",
        "people",
    )


def test_one_case_is_a_case_of_a_person() -> None:
    """ "Jacupiranga (1 case)", "one case in Austria": cases, counted people, as many cases are (rule 12)."""
    found = _read(
        "12 confirmed human cases have been reported in Eldorado (9 cases), Jacupiranga (1 case), "
        "Iporanga (1 case) and Cananeia (1 case)."
    )
    assert {(m, c) for m, c, _ in found} == {("cases", "people")}
    assert _read("There was one case in Austria.") == [("cases", "people", 1)]


def test_a_depth_said_after_its_length_or_as_a_label() -> None:
    """ "5.7 km depth", "Depth: 10 km": a quake's depth, never a distance between places."""
    assert _read("An earthquake of 5.5 magnitude and 5.7 km depth occurred.") == [
        ("depth", None, 5.7)
    ]
    assert _read("Magnitude: 7.0\nDepth: 10 km")[0][0] == "depth"


def test_destruction_in_part_is_damage() -> None:
    """Rule 10: razed is destroyed outright; "partial destruction of 11 classrooms" is damage."""
    assert _read("There was partial destruction of 11 classrooms and 13 houses.") == [
        ("damaged", "classrooms", 11),
        ("damaged", "homes", 13),
    ]
