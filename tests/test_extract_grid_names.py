"""Grids whose header lost its gaps, cut by the rows' figures: place names, months, parts of a table.

The tables here are made up for the tests; each shows one rule of :mod:`claimdiff._extract._grid_names`.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._grid_levels import levelled
from claimdiff._extract._grid_names import (
    broken_name,
    cell_rows,
    named_grids,
    part_title,
    place_columns,
)
from claimdiff._extract._table import Cell, line_spans


def _read(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    found = extract(text, outlet="Example Bulletin", published="2022-05-30")
    return [
        (
            c.claim.metric.name,
            c.claim.scope.counted or "",
            c.claim.estimate.interval_text(),
            c.claim.scope.place,
        )
        for c in found
    ]


def _words(line: str) -> list[Cell]:
    out, at = [], 0
    for word in line.split():
        at = line.index(word, at)
        out.append(Cell(at, at + len(word), word))
        at += len(word)
    return out


_KNOWN = {"Nova Scotia", "New Brunswick", "Manitoba", "Prince Edward Island", "Quebec"}


def test_a_header_of_place_names_is_cut_into_as_many_places_as_the_rows_have_figures() -> None:
    """'Nova Scotia New Brunswick Manitoba' over rows of three figures: three provinces, one a column."""
    cut = place_columns(_words("Nova Scotia New Brunswick Manitoba"), 3, _KNOWN.__contains__)
    assert [c.text for c in cut or []] == ["Nova Scotia", "New Brunswick", "Manitoba"]
    assert (
        place_columns(_words("Nova Scotia New Brunswick Manitoba"), 4, _KNOWN.__contains__) is None
    )


def test_a_header_cut_two_ways_into_places_is_not_read() -> None:
    """Two cuts of as many known names: nothing tells which one the table means."""
    known = {"Alpha", "Beta", "Alpha Beta", "Gamma", "Beta Gamma"}
    assert place_columns(_words("Alpha Beta Gamma"), 2, known.__contains__) is None


def test_places_heading_the_columns_give_each_cell_its_place_and_its_title_the_metric() -> None:
    """Columns of provinces under a title naming deaths: each cell a death toll of its column's province."""
    text = (
        "Deaths by season\n"
        "  Nova Scotia New Brunswick Manitoba\n"
        "Winter 1,210 407 2,030\n"
        "Summer 980 407 1,875\n"
    )
    found = _read(text)
    assert ("killed", "people", "[1210, 1210]", ("Canada", "Nova Scotia")) in found
    assert ("killed", "people", "[1875, 1875]", ("Canada", "Manitoba")) in found
    # the same figure in two cells of one column is two claims (each cell its own)
    assert found.count(("killed", "people", "[407, 407]", ("Canada", "New Brunswick"))) == 2


def test_a_part_of_a_table_keeps_its_title_without_the_part_and_a_broken_word_is_a_column() -> None:
    """'Deaths: Part 2' titles the part; 'Que-' broken at the line's end heads a column of its own."""
    span = part_title("Deaths: Part 2", (0, 14))
    assert span == (0, 6)
    assert part_title("Injuries (continued)", (0, 20)) == (0, 8)
    text = (
        "Deaths: Part 2\n"
        "  Manitoba Que-\n"
        "Prince Edward Island\n"
        "Spring 1,200 3,400 150\n"
        "Autumn 1,100 3,300 140\n"
    )
    (grid,) = named_grids(text, is_place=_KNOWN.__contains__)
    assert [row[0].text for row in grid.rows][::2] == [
        "Manitoba",
        "Quebec",
        "Prince Edward Island",
    ]
    assert grid.caption is not None
    assert text[slice(*grid.caption)] == "Deaths"
    found = _read(text)
    assert ("killed", "people", "[150, 150]", ("Canada", "Prince Edward Island")) in found


def test_a_line_of_months_heads_as_many_columns_and_a_total_names_what_they_count() -> None:
    """Months under their years, then 'Total cases': each month counts cases; a rate per million is no count."""
    text = (
        "Country 2021 2021 2021 Total cases Cases per million\n"
        "Jan Feb Mar\n"
        "Norway 3 3 0 6 1.1\n"
        "Sweden 0 2 1 3 0.3\n"
    )
    (grid,) = named_grids(text)
    assert [c.text for c in grid.header] == [
        "Country",
        "Jan 2021 cases",
        "Feb 2021 cases",
        "Mar 2021 cases",
        "Total cases",
        "Cases per million",
    ]
    found = _read(text)
    assert found.count(("cases", "people", "[3, 3]", ("Norway",))) == 2
    assert ("cases", "people", "[0, 0]", ("Sweden",)) in found
    assert not any(v in {"[1.1, 1.1]", "[0.3, 0.3]"} for _, _, v, _ in found)


def test_a_line_of_units_under_the_names_is_left_to_other_readers() -> None:
    """'number percentage' under the names: counts and shares are not told apart here, no grid is made."""
    text = "Region Total Urban\n  number number percentage\nNorth 40 30 75.0\nSouth 10 5 50.0\n"
    assert named_grids(text) == []


def test_each_figure_cell_stands_on_a_row_of_its_own() -> None:
    """A row of two figures is two rows, each with its label and one figure."""
    rows = [(Cell(0, 4, "West"), Cell(5, 6, "2"), Cell(7, 7, ""), Cell(8, 9, "2"))]
    assert [[c.text for c in row] for row in cell_rows(rows)] == [
        ["West", "2", "", ""],
        ["West", "", "", "2"],
    ]


_LINE = st.lists(
    st.sampled_from(
        [
            "Alpha",
            "Beta",
            "Nova",
            "Scotia",
            "Jan",
            "Feb",
            "2021",
            "12",
            "3,400",
            "-",
            "NR",
            "Total",
            "cases",
            "Part",
            "2",
            ":",
            "Que-",
        ]
    ),
    max_size=14,
).map(" ".join)


@settings(max_examples=200)
@given(st.lists(_LINE, max_size=12))
def test_named_grids_never_raise_stay_inside_the_text_and_ask_a_bounded_number_of_names(
    lines: list[str],
) -> None:
    """Any lines of words and digits: grids inside the text, and at most a few name look-ups a word."""
    text = "\n".join(lines)
    asked: list[str] = []

    def is_place(name: str) -> bool:
        asked.append(name)
        return name in {"Alpha", "Beta", "Nova Scotia"}

    for grid in named_grids(text, line_spans(text), is_place):
        assert 0 <= grid.start <= grid.end <= len(text)
        for row in grid.rows:
            assert sum(1 for c in row[1:] if c.text) == 1
            for cell in row[1:]:
                assert cell.text == "" or text[cell.start : cell.end] == cell.text
    words = len(text.split())
    assert len(asked) <= 2 * 5 * (words + 1)


def test_dates_in_a_header_head_one_column_each_and_a_footnoted_title_names_the_metric() -> None:
    """'Region March 3 March 4 Total' over rows of three figures: two dated columns and a total."""
    text = (
        "Deaths in the storm by state[2]\nRegion March 3 March 4 Total\nOhio 4 0 4\nIndiana 2 5 7\n"
    )
    (grid,) = named_grids(text)
    assert [c.text for c in grid.header] == ["Region", "March 3", "March 4", "Total"]
    assert grid.caption is not None
    assert text[slice(*grid.caption)] == "Deaths in the storm by state"
    found = _read(text)
    assert ("killed", "people", "[5, 5]", ("United States", "Indiana")) in found
    assert ("killed", "people", "[0, 0]", ("United States", "Ohio")) in found


def test_a_row_named_like_a_country_among_one_countrys_states_is_that_state() -> None:
    """'Georgia' under rows of US states: the state, not the country."""
    text = "Storm deaths\nState\tDeaths\nAlabama\t12\nTennessee\t4\nGeorgia\t3\n"
    assert ("killed", "people", "[3, 3]", ("United States", "Georgia")) in _read(text)
    text = "Storm deaths\nCountry\tDeaths\nArmenia\t12\nTurkey\t4\nGeorgia\t3\n"
    assert ("killed", "people", "[3, 3]", ("Georgia",)) in _read(text)


def test_a_title_of_one_metric_may_hold_an_abbreviation() -> None:
    """'U.S.' in a table's short title is no sentence's end: the title still names the metric."""
    text = "Tornado deaths by U.S. state\nState\t2 May\t3 May\nOhio\t3\t1\nIowa\t2\t6\n"
    assert ("killed", "people", "[6, 6]", ("United States", "Iowa")) in _read(text)


def test_a_comma_separated_header_may_name_its_source_and_year_in_brackets() -> None:
    """'Deaths in armed clashes among villages (Survey 2021)': a long header whose bracket holds a year."""
    text = (
        "Entity,Year,Deaths in armed clashes among villages (Survey 2021)\n"
        "Chad,2001,14\n"
        "Chad,2002,0\n"
    )
    found = _read(text)
    assert ("killed", "people", "[14, 14]", ("Chad",)) in found
    assert ("killed", "people", "[0, 0]", ("Chad",)) in found


def test_a_head_broken_by_a_hyphen_reads_as_the_one_unit_of_its_peers_country_it_begins() -> None:
    """'Que-' among Canadian provinces is Quebec; 'Nova-' would be one too, but 'New-' begins two."""
    assert broken_name("Que-", ["Manitoba", "Que-", "Ontario"]) == "Quebec"
    assert broken_name("New-", ["Manitoba", "New-", "Ontario"]) is None
    assert broken_name("Que-", ["Que-", "Zzyzx"]) is None
    text = (
        "Deaths: Part 2\n  Manitoba Que-\nOntario\nSpring 1,200 3,400 150\nAutumn 1,100 3,300 140\n"
    )
    assert ("killed", "people", "[3400, 3400]", ("Canada", "Quebec")) in _read(text)


def test_a_header_whose_spans_were_packed_left_is_set_back_over_its_columns() -> None:
    """Years over 'Deaths | Rate' pairs, the copy's blanks last: each year heads its pair, rates read as no count."""
    text = (
        "Deaths from the fever by region\n"
        "| Region | 2021 | 2020 | | |\n"
        "|---|---|---|---|---|\n"
        "| Deaths | Rate | Deaths | Rate | |\n"
        "| Norway | 41 | 2.5 | 38 | 2.1 |\n"
        "| Sweden | 17 | 0.9 | 22 | 1.2 |\n"
    )
    found = _read(text)
    assert ("killed", "people", "[38, 38]", ("Norway",)) in found
    assert ("killed", "people", "[22, 22]", ("Sweden",)) in found
    assert not any(v in {"[2.5, 2.5]", "[0.9, 0.9]", "[1.2, 1.2]"} for _, _, v, _ in found)


def test_levels_that_cannot_be_set_over_the_columns_are_read_by_rank() -> None:
    """A blank between two cells of a header line: its spans were kept, no levels are set."""
    rows = [
        (Cell(0, 1, "A"), Cell(2, 3, ""), Cell(4, 5, "B")),
        (Cell(0, 1, "x"), Cell(2, 3, "y"), Cell(4, 5, "z")),
    ]
    assert levelled(rows, 3) is None
