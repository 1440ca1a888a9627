"""Figures read by clause: a number that refers back to a figure read before takes its metric.

The sentences are this project's own.
"""

from __future__ import annotations

from claimdiff import extract


def read(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(phrase, metric, counted, part_of) for each candidate."""
    return [
        (c.phrase, c.claim.metric.name, c.claim.scope.counted, c.claim.part_of)
        for c in extract(text, published="2024-03-01")
    ]


def test_the_number_has_risen_to_takes_the_metric_of_the_figure_before() -> None:
    """ "the number has increased to N" in the next paragraph reports what the figure before it reported."""
    got = read(
        "At least 40 people were displaced by the floods.\n\nSince then the number has increased to 1,200."
    )
    assert [m for _, m, _, _ in got] == ["displaced", "displaced"]


def test_the_figure_included_gives_parts_of_the_figure_before() -> None:
    """ "the figure included N rebels and M fighters": parts of the toll before, with its metric."""
    got = read(
        "Monitors say more than 100,000 people have been killed.\n\n"
        "The monitor said the figure included 18,000 rebels and about 40,000 soldiers."
    )
    total = got[0]
    assert total[1] == "killed"
    parts = got[1:]
    assert [(m, c) for _, m, c, _ in parts] == [("killed", "rebels"), ("killed", "soldiers")]
    assert all(p is not None for *_, p in parts)


def test_a_number_with_no_referent_stays_unread() -> None:
    """With no figure before it, "the number reached 35" has nothing to refer to and is listed as not read."""
    result = extract("The number reached 35 on Monday.", published="2024-03-01")
    assert list(result) == []
    assert [u.numeral for u in result.unread] == ["35"]


def test_a_long_qualifier_between_toll_and_number() -> None:
    """ "The death toll from the earthquake in Morocco has risen to 2,012": the toll's words reach the number."""
    got = read(
        "The death toll from the earthquake in Morocco has risen to 2,012, the interior ministry said."
    )
    assert [(p, m) for p, m, _, _ in got] == [("2,012", "killed")]


def places(text: str) -> list[tuple[str, str]]:
    """(phrase, place) for each candidate."""
    return [
        (c.phrase, " > ".join(c.claim.scope.place)) for c in extract(text, published="2024-03-01")
    ]


def test_a_place_named_with_its_kind_is_a_place_anywhere() -> None:
    """ "after heavy rain hit Henan province": no locative word, but a named province."""
    assert places(
        "Xinhua reported that 21 people were killed after heavy rain hit Henan province."
    ) == [("21 people", "China > Henan Sheng")]


def test_a_place_opening_a_clause_is_that_clauses() -> None:
    """ "..., while in B 5 were injured": B is the second figure's place, not the first's."""
    got = places(
        "Officials in Kherson said 2 people were killed by shelling, while in Kharkiv 5 were injured."
    )
    assert [p.split(" > ")[-1] for _, p in got] == ["Kherson", "Kharkiv"]


def sources(text: str) -> list[tuple[str, str]]:
    """(phrase, source) for each candidate."""
    return [(c.phrase, c.claim.source.name) for c in extract(text, published="2024-03-01")]


def test_an_appositive_describing_the_subject_is_not_the_source() -> None:
    """ "X, a Britain-based war monitor, said": the subject of the speech verb is X, not its description."""
    got = sources(
        "The Syrian Observatory for Human Rights, a Britain-based war monitor, said 15 fighters were killed."
    )
    assert got == [("15 fighters", "Syrian Observatory for Human Rights")]


def test_an_appositive_role_names_the_body_it_speaks_for() -> None:
    """ "John Smith, a spokesman for the UN refugee agency, said": the body he speaks for (ANNOTATION.md rule 17)."""
    got = sources(
        "John Smith, a spokesman for the UN refugee agency, said about 50,000 refugees had crossed."
    )
    assert got == [("about 50,000 refugees", "UNHCR")]


def test_bodies_are_the_dead() -> None:
    """ "pulled 14 bodies from the rubble": a count of bodies is a count of people killed."""
    got = read("Rescue workers pulled 14 bodies from the rubble on Tuesday, the agency reported.")
    assert [(m, c) for _, m, c, _ in got] == [("killed", "people")]


def test_a_nationality_before_the_thing_counted_modifies_it() -> None:
    """ "38 Ukrainian UAVs: 15 over A, 12 over B and 11 over C": the total and its parts are read."""
    got = read(
        "Air defence systems intercepted and destroyed 38 Ukrainian UAVs: 15 over the Bryansk region, "
        "12 over the Kursk region and 11 over the Belgorod region."
    )
    assert [(p.split()[0], m, c) for p, m, c, _ in got] == [
        ("38", "intercepted", "drones"),
        ("15", "intercepted", "drones"),
        ("12", "intercepted", "drones"),
        ("11", "intercepted", "drones"),
    ]


def test_a_participle_before_cases_is_no_speech_verb() -> None:
    """ "48 new confirmed cases": "confirmed" modifies the cases; nobody named "New" said anything."""
    got = sources(
        "During the past 24 hours, 48 new confirmed cases and 3 new deaths were reported."
    )
    assert len(got) == 2
    assert "New" not in {s for _, s in got}


def test_the_metric_noun_after_a_modifier_gives_the_metric() -> None:
    """ "48 new cases and 3 new deaths": the deaths are deaths, not cases."""
    got = read("During the past 24 hours, 48 new confirmed cases and 3 new deaths were reported.")
    assert [m for _, m, _, _ in got] == ["cases", "killed"]


def test_the_number_of_confirmed_cases_rose_to() -> None:
    """ "The number of confirmed cases rose to N, including M deaths": cases, and deaths as their part."""
    got = read(
        "The number of confirmed cases rose to 3,112, including 1,058 deaths, the WHO said on Friday."
    )
    assert [(p, m) for p, m, _, _ in got] == [("3,112", "cases"), ("1,058", "killed")]
    assert got[1][3] is not None


def test_a_count_of_areas_after_a_locative_is_where_not_a_figure() -> None:
    """ "150 people in 12 states, and 30 have been hospitalized": 12 is listed as not read; 30 are people."""
    result = extract(
        "The outbreak has sickened 150 people in 12 states, and 30 have been hospitalized.",
        published="2024-03-01",
    )
    assert [(c.phrase, c.claim.scope.counted) for c in result] == [
        ("150 people", "people"),
        ("30", "people"),
    ]
    assert [(u.numeral, u.reason) for u in result.unread] == [
        ("12", "a count of areas, not of the event's toll")
    ]


def test_a_bearing_before_a_possessive_place() -> None:
    """ "in central China's Henan Province": the province, in its country."""
    got = places(
        "The death toll from rains in central China's Henan Province has climbed to 33, officials said."
    )
    assert got == [("33", "China > Henan Sheng")]


def test_a_label_naming_the_metric_is_no_place() -> None:
    """ "Casualties: 1,200–1,500 killed": the label says what is counted, not where."""
    assert places("Casualties: 1,200–1,500 killed; 3,000+ wounded") == [
        ("1,200–1,500", ""),
        ("3,000+", ""),
    ]


def test_claimed_the_lives_of() -> None:
    """ "has so far claimed the lives of 45 people": the dead."""
    got = read("Flooding in the region has so far claimed the lives of 45 people.")
    assert [(p, m) for p, m, _, _ in got] == [("45 people", "killed")]


def test_the_number_of_people_internally_displaced_stood_at() -> None:
    """An adverb between the people and the participle: "the number of people internally displaced stood at"."""
    got = read("As of 12 June, the number of people internally displaced stood at 1.2 million.")
    assert [(p, m) for p, m, _, _ in got] == [("1.2 million", "displaced")]


def test_a_place_with_an_adjective_opening_the_next_clause() -> None:
    """ "in Sudan has displaced 20,000, while in neighbouring Chad 5,000 arrived": each figure its own country."""
    got = places(
        "Heavy fighting in Sudan has displaced 20,000 people, while in neighbouring Chad 5,000 refugees arrived, "
        "UNHCR said."
    )
    assert got == [("20,000 people", "Sudan"), ("5,000 refugees", "Chad")]


def test_a_table_split_by_tabs() -> None:
    """A table pasted from a spreadsheet (cells split by tabs) is read as one split by "|"."""
    got = places("Country\tDeaths\tInjured\nTurkey\t50,783\t107,204\nSyria\t8,476\t14,500")
    assert got == [
        ("50,783", "Turkey"),
        ("107,204", "Turkey"),
        ("8,476", "Syria"),
        ("14,500", "Syria"),
    ]


def test_a_title_abbreviation_does_not_end_the_speaker() -> None:
    """ "said Col. Ahmed Ali": the dot of a title ends no name (and "a police spokesman" is the police:
    ANNOTATION.md rule 17)."""
    assert sources("Saturday's attack killed 5 people, said Col. Ahmed Ali.") == [
        ("5 people", "Col. Ahmed Ali")
    ]
    assert sources(
        "Saturday's attack killed 5 people, said Col. Ahmed Ali, a police spokesman."
    ) == [("5 people", "Police")]


def test_a_colon_after_a_figure_lists_its_parts() -> None:
    """ "1,234 people were killed: 800 civilians and 434 combatants": a whole and its parts, one metric."""
    got = read("In all, 1,234 people were killed: 800 civilians and 434 combatants.")
    assert [(p, m, c) for p, m, c, _ in got] == [
        ("1,234 people", "killed", "people"),
        ("800 civilians", "killed", "civilians"),
        ("434 combatants", "killed", "combatants"),
    ]
    assert got[0][3] is None
    assert got[1][3] is not None
    assert got[2][3] is not None


def test_who_holds_a_place_is_not_part_of_its_name() -> None:
    """ "in Hamas-run Gaza": the place is Gaza (the Strip, ANNOTATION.md rule 20), whoever runs it."""
    assert places("Officials in Hamas-run Gaza said 34 people were killed.") == [
        ("34 people", "Palestine > Gaza Strip")
    ]


def test_a_ministry_named_with_its_state_after() -> None:
    """ "The Ministry of Defence of the Russian Federation": the Russian Ministry of Defence."""
    got = sources(
        "The Ministry of Defence of the Russian Federation reports that 16 drones were destroyed."
    )
    assert got == [("16 drones", "Russian Ministry of Defence")]


def test_the_bodies_of_miners_are_dead_miners() -> None:
    """ "recovered the bodies of 17 miners": miners killed."""
    got = read("Rescue teams recovered the bodies of 17 miners, the mine operator said.")
    assert [(m, c) for _, m, c, _ in got] == [("killed", "miners")]
