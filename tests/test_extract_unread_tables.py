"""Numbers the extractor used to leave unread: tables' total columns, and what stays unread with its reason.

Every example is a short text written for these tests; each law is stated by a rule of
ANNOTATION.md (rule 9: killed and injured together are casualties; settled K6: the dead and the
missing together are "killed or missing") or by the layout of the table.
"""

from __future__ import annotations

from claimdiff import extract
from claimdiff._extract._cells import total_metric


def _cells(text: str) -> list[tuple[str, str, str | None, tuple[str, ...], float]]:
    return [
        (
            c.phrase,
            c.claim.metric.name,
            c.claim.scope.counted,
            c.claim.scope.place,
            c.claim.estimate.low,
        )
        for c in extract(text, published="2024-05-02", outlet="Example Wire")
        if c.claim.location and c.claim.location.startswith("table")
    ]


def test_a_total_column_of_the_dead_and_the_missing_is_killed_or_missing() -> None:
    text = (
        "Storm toll by country\n"
        "Country dead missing total\n"
        "Kenya 40 12 52\n"
        "Uganda 7 - 7\n"
        "Total 47 12 59\n"
    )
    got = {(p, m, place) for p, m, _, place, _ in _cells(text)}
    assert ("52", "killed or missing", ("Kenya",)) in got
    assert ("7", "killed or missing", ("Uganda",)) in got
    assert ("59", "killed or missing", ()) in got
    assert ("40", "killed", ("Kenya",)) in got
    assert ("12", "missing", ("Kenya",)) in got


def test_a_total_column_of_the_dead_and_the_injured_is_casualties() -> None:
    text = "Clashes by province\nProvince  Killed  Injured  Total\nKandahar  9  30  39\nHelmand  4  11  15\n"
    got = {(p, m, c) for p, m, c, _, _ in _cells(text)}
    assert ("39", "casualties", "people") in got
    assert ("15", "casualties", "people") in got


def test_a_total_column_of_unlike_metrics_is_no_figure_and_stays_unread() -> None:
    text = "Outbreak by district\nDistrict  Cases  Deaths  Total\nKasese  120  4  124\nBundibugyo  60  2  62\n"
    found = extract(text, published="2024-05-02", outlet="Example Wire")
    assert "124" not in [c.phrase for c in found]
    assert "124" in [u.numeral for u in found.unread]


def test_total_metric_needs_a_column_headed_total_alone() -> None:
    assert total_metric(["Country", "Dead", "Missing"]) is None
    assert total_metric(["Country", "Dead", "Missing", "Total deaths"]) is None
    assert total_metric(["Region", "Cases", "Total"]) == "cases"


def _all(text: str) -> list[tuple[str, str, str | None]]:
    found = extract(text, published="2024-05-02", outlet="Example Wire")
    return [(c.phrase, c.claim.metric.name, c.claim.scope.counted) for c in found]


def test_a_label_naming_only_the_events_counted_gives_recorded() -> None:
    """Rule 36: shocks a report counts are recorded, whether the label is glued to its figure or set off by a colon."""
    glued = "Tremor in the valley\nMagnitude5.9\nAftershocks212[3]\nCasualties14[4]\n"
    assert ("212", "recorded", "aftershocks") in _all(glued)
    keyed = "Tremor in the valley\n\n- Magnitude: 5.9\n- Aftershocks: 48 (by Monday noon)\n"
    found = extract(keyed, published="2024-05-02", outlet="Example Wire")
    assert [(c.phrase, c.claim.metric.name, c.claim.scope.counted) for c in found] == [
        ("48", "recorded", "aftershocks")
    ]
    assert ("5.9", "a magnitude or intensity") in [(u.numeral, u.reason) for u in found.unread]


def test_a_keyed_line_whose_label_names_nothing_counted_stays_unread() -> None:
    found = extract("Tremor\n\n- Duration: 20\n- Stations: 31\n", published="2024-05-02")
    assert list(found) == []
    assert {u.numeral for u in found.unread} == {"20", "31"}


def test_rows_under_number_by_magnitude_count_earthquakes_of_that_class() -> None:
    """Settled J15: a class labels what its row counts; the class itself is listed unread as a class."""
    text = (
        "List of earthquakes in 1990\n\n"
        "Deadliest | 7.4 Mw, Iran 900 deaths |\n"
        "Number by magnitude | |\n"
        "8.0+ | 0 |\n"
        "7.0–7.9 | 12 |\n"
        "6.0–6.9 | 101 |\n"
    )
    found = extract(text, published="1990-12-31", outlet="Encyclopedia")
    got = {(c.phrase, c.claim.metric.name, c.claim.scope.counted) for c in found}
    assert ("12", "recorded", "magnitude 7.0–7.9 earthquakes") in got
    assert ("101", "recorded", "magnitude 6.0–6.9 earthquakes") in got
    assert ("0", "recorded", "magnitude 8.0+ earthquakes") in got
    reasons = {u.numeral: u.reason for u in found.unread}
    assert reasons["6.9"] == "a class a table row counts, not a count"
    assert reasons["8.0"] == "a class a table row counts, not a count"


def test_class_rows_without_events_named_in_the_title_stay_unread() -> None:
    text = "Sizes of things\n\nNumber by size | |\n1.0–1.9 | 4 |\n2.0–2.9 | 7 |\n"
    found = extract(text, published="1990-12-31")
    assert [c.phrase for c in found] == []
    assert {"4", "7"} <= {u.numeral for u in found.unread}


def test_rows_opened_by_a_serial_number_are_read_and_the_serial_is_listed_as_one() -> None:
    """A situation report's table numbers its rows; the number is no count, the total row keeps its label."""
    text = (
        "Damage report\n\n"
        "Damages by province\n\n"
        "Serial  Provinces  Deaths  Injured\n"
        "1.  Sindh  31  75\n"
        "2.  Balochistan  4  9\n"
        "Total  35  84\n"
    )
    found = extract(text, published="2024-05-02", outlet="Example Wire")
    got = {(c.phrase, c.claim.metric.name, c.claim.scope.place[-1:]) for c in found}
    assert ("31", "killed", ("Sindh",)) in got
    assert ("9", "injured", ("Balochistan",)) in got
    assert ("35", "killed", ("Pakistan",)) in got
    assert ("84", "injured", ("Pakistan",)) in got
    reasons = {u.numeral: u.reason for u in found.unread}
    assert reasons == {
        "1": "a serial number of a row or item, not a count",
        "2": "a serial number of a row or item, not a count",
    }


def test_a_cell_of_two_figures_under_a_header_of_two_metrics_gives_each_its_own() -> None:
    text = "Fever update\n\nCountry | Cases (deaths)\n---|---\nGhana | 210 (9)\nTogo | 35 (1)\n"
    got = {(p, m, place) for p, m, _, place, _ in _cells(text)}
    assert got == {
        ("210", "cases", ("Ghana",)),
        ("9", "killed", ("Ghana",)),
        ("35", "cases", ("Togo",)),
        ("1", "killed", ("Togo",)),
    }


def test_a_bracket_qualifying_the_header_metric_keeps_the_cell_whole() -> None:
    text = "Fever update\n\nCountry | Cases (confirmed)\n---|---\nGhana | 210\nTogo | 35\n"
    got = {(p, m) for p, m, _, _, _ in _cells(text)}
    assert got == {("210", "cases"), ("35", "cases")}


def test_a_table_on_its_side_takes_each_cells_place_from_its_column() -> None:
    """Rows naming metrics, columns naming places: each cell is its column's place's."""
    text = "Fever update\n\nIndicator | Ghana | Togo | Total\n---|---|---|---\nConfirmed cases | 31 | 7 | 38\nDeaths | 5 | 2 | 7\n"
    got = {(p, m, place) for p, m, _, place, _ in _cells(text)}
    assert ("31", "cases", ("Ghana",)) in got
    assert ("7", "cases", ("Togo",)) in got
    assert ("38", "cases", ()) in got
    assert ("5", "killed", ("Ghana",)) in got
    assert ("2", "killed", ("Togo",)) in got


def test_a_list_tables_victims_and_perpetrators_notation_gives_two_claims() -> None:
    """Settled L6: "x (+y)" in a column of the dead is x victims and y perpetrators killed."""
    text = (
        "Attacks of the year\n\n"
        "Date Type Dead Injured Location Details\n"
        "3 March Bombing 41 (+2) 90 Kirkuk, Iraq A truck bomb went off near a market in the city.\n"
        "9 April Shooting 12 30 Aden, Yemen Gunmen opened fire on a checkpoint at dawn.\n"
    )
    got = {(p, m, c) for p, m, c, _, _ in _cells(text)}
    assert ("41", "killed", "people") in got
    assert ("2", "killed", "perpetrators") in got
    assert ("90", "injured", "people") in got
    assert ("12", "killed", "people") in got


def test_items_counted_as_a_sample_size_keep_each_its_place() -> None:
    """ "Gulu (n=4)" is the epidemiologists' "Gulu (4)": a part of the total in that place."""
    text = "Fever in Uganda\n\nIn total, nine confirmed cases have been reported in Gulu (n=5) and Lira (n=4) districts.\n"
    found = extract(text, published="2024-05-02", outlet="Example Wire")
    got = {
        (c.claim.estimate.low, c.claim.scope.place[-1]) for c in found if c.claim.estimate.low < 9
    }
    assert got == {(5, "Gulu"), (4, "Lira")}


def test_a_spaced_header_wrapped_onto_an_indented_line_names_its_columns_whole() -> None:
    text = "Cholera by district\n\nDistrict  Cumulative  Deaths\n          cases\nKasese  640  21\nBundibugyo  75  3\n"
    got = {(p, m) for p, m, _, _, _ in _cells(text)}
    assert got == {("640", "cases"), ("21", "killed"), ("75", "cases"), ("3", "killed")}


def test_a_labelled_figure_with_a_scale_word_is_read_whole() -> None:
    """Key figures pasted a label a line and its figure the next ("People affected" / "1.2 million")."""
    text = "Key figures\n\nPeople affected\n2.4 million\nDeaths\n61\n"
    assert _all(text) == [("2.4 million", "affected", "people"), ("61", "killed", "people")]


def test_a_number_opening_a_line_is_not_taken_for_part_of_the_word_ending_the_line_above() -> None:
    """The reasons read the words right before a number on its own line, not across the line break."""
    found = extract("Stations\n31 across the valley\n", published="2024-05-02")
    assert [(u.numeral, u.reason) for u in found.unread] == [
        ("31", "no metric or thing counted that the rules recognise")
    ]


def test_a_table_pasted_one_cell_a_paragraph_is_read_as_one_cell_a_line() -> None:
    text = "Cases by country\n\nCountry\n\nCases\n\nDeaths\n\nGhana\n\n88\n\n9\n\nTogo\n\n31\n\n2\n"
    got = {(p, m, place) for p, m, _, place, _ in _cells(text)}
    assert got == {
        ("88", "cases", ("Ghana",)),
        ("9", "killed", ("Ghana",)),
        ("31", "cases", ("Togo",)),
        ("2", "killed", ("Togo",)),
    }


def test_paragraphs_of_prose_between_short_lines_make_no_table() -> None:
    text = "Deaths\n\nThe storm passed at night.\n\n12\n\nRescuers searched the coast.\n\n4\n"
    assert _cells(text) == []


def test_a_vague_number_no_rule_reads_is_listed_with_its_reason() -> None:
    found = extract(
        "Storm\n\nThousands of people fled; dozens are thought to be in the hills.\n",
        published="2024-05-02",
    )
    assert ("Thousands", "displaced") in [(c.phrase.split()[0], c.claim.metric.name) for c in found]
    assert [(u.numeral, u.reason) for u in found.unread] == [
        ("dozens", "a vague number with no metric or thing counted that the rules recognise")
    ]


def test_a_spaced_header_over_single_spaced_rows_reads_each_figure_apart() -> None:
    """Two three-digit figures side by side are two cells, not one numeral grouped in thousands."""
    text = "Wars\n\nWar  Deaths  Wounded  Total\nNorth War 1,204 3,000 4,204\nSouth War 405 671 1,076\n"
    got = {(p, m) for p, m, _, _, _ in _cells(text)}
    assert ("405", "killed") in got
    assert ("671", "injured") in got
    assert ("1,076", "casualties") in got


def test_lines_of_slash_split_counts_under_a_lead_take_its_metric() -> None:
    """Rule 37: the lead-in ending in a colon gives the lines under it their metric; each count keeps its noun."""
    text = (
        "Typhoon update\n\n"
        "At the peak, a total of 1,300 families or 5,600 persons were served inside and outside evacuation centers:\n"
        "inside 12 ECs: 700 families / 3,100 persons\n"
        "outside ECs: 600 families / 2,500 persons\n"
    )
    got = {(p, m, c) for p, m, c, _, _ in _cells(text)}
    assert got == {
        ("700 families", "assisted", "families"),
        ("3,100 persons", "assisted", "people"),
        ("600 families", "assisted", "families"),
        ("2,500 persons", "assisted", "people"),
    }


def test_slash_split_lines_without_a_lead_in_make_no_table() -> None:
    text = "Typhoon update\n\nThe storm passed.\ninside ECs: 700 families / 3,100 persons\noutside ECs: 600 families / 2,500 persons\n"
    assert _cells(text) == []


def test_columns_of_case_classes_are_cases_and_their_total_sums_them() -> None:
    """Rule 12: confirmed and probable cases are cases; a "Total" right after them is their total, not the deaths'."""
    text = "Fever outbreak\n\nProvince  Confirmed  Probable  Total  Deaths\nNorth Kivu  91  7  98  30\nIturi  22  1  23  9\n"
    got = {(p, m) for p, m, _, _, _ in _cells(text)}
    assert got == {
        ("91", "cases"),
        ("7", "cases"),
        ("98", "cases"),
        ("30", "killed"),
        ("22", "cases"),
        ("1", "cases"),
        ("23", "cases"),
        ("9", "killed"),
    }


def test_every_case_status_of_running_text_heads_a_column_of_cases() -> None:
    """The statuses a table's header may name alone are those running text sorts cases by (one list of words)."""
    text = "Measles update\n\nCounty  Confirmed  Presumptive  Possible\nAlder  14  3  5\nBirch  6  2  1\n"
    got = {(p, m) for p, m, _, _, _ in _cells(text)}
    assert got == {(n, "cases") for n in ("14", "3", "5", "6", "2", "1")}
