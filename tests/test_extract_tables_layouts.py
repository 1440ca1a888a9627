"""Table layouts as pasted from real pages: bar-closed cells broken anywhere, one cell a line, wrapped headers.

Every table here is written for these tests in a layout a real published table takes when
copied as text (a PMC/MMWR table copied from a web page one cell a line with trailing bars; a
WHO Disease Outbreak News table whose label column has no header; an OCHA key-figures box; an
encyclopedia's list of wars whose header wraps; a season-effects table copied one cell a line).
The properties state the laws of reading a table: a grid of known cells is read back cell for
cell, and the order of its rows changes none of its claims.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._columnar import columnar_tables
from claimdiff._extract._grid_strips import key_strips
from claimdiff._extract._table import header_metric, tables


def _read(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [
        (c.phrase, c.claim.metric.name, c.claim.scope.counted, c.claim.scope.place)
        for c in extract(text, outlet="Example")
    ]


def test_cells_closed_by_bars_are_cut_into_rows_as_wide_as_the_header() -> None:
    """A web table copied one cell a line ("346,400 |", "||" for two empty cells) reads row by row."""
    text = (
        "Region/Year | Estimated cases | Estimated deaths | Notes |\n"
        "---|---|---|---|\n"
        "Alpha\n| |||\n"
        "2000 |\n1,200 |\n35 |\nrevised |\n"
        "2019 |\n900 |\n||\n"
    )
    (table,) = tables(text)
    # "Alpha" alone on its row heads the rows under it: a group column put first
    assert table.header[0].text == "Place"
    assert [[c.text for c in row] for row in table.rows] == [
        ["Alpha", "2000", "1,200", "35", "revised"],
        ["Alpha", "2019", "900", "", ""],
    ]
    assert [(p, m) for p, m, _, _ in _read(text)] == [
        ("1,200", "cases"),
        ("35", "killed"),
        ("900", "cases"),
    ]


def test_an_empty_cell_keeps_the_cells_after_it_in_their_columns() -> None:
    """ "Belgium | | 12": the 12 stands under "Injured", not under "Missing"."""
    text = "Country | Missing | Injured\n---|---|---\nBelgium | | 12\nFrance | 3 | 4\n"
    assert [(p, m) for p, m, _, _ in _read(text)] == [
        ("12", "injured"),
        ("3", "missing"),
        ("4", "injured"),
    ]


def test_a_header_naming_only_the_figure_columns_leaves_the_label_column_unnamed() -> None:
    """WHO DON: "New Confirmed Probable Totals" over "Cases 11 362 133 506": the row label is the metric."""
    text = (
        "Cases and deaths as of 9 August\n\n"
        "New Confirmed Probable Totals\n"
        "Cases 11 362 133 506\n"
        "Deaths 6 238 129 373\n"
    )
    got = [(p, m) for p, m, _, _ in _read(text)]
    assert got == [
        ("11", "cases"),
        ("362", "cases"),
        ("133", "cases"),
        ("506", "cases"),
        ("6", "killed"),
        ("238", "killed"),
        ("129", "killed"),
        ("373", "killed"),
    ]


def test_share_planned_and_averted_headers_name_no_count() -> None:
    """A per cent column, a target and deaths averted are no tolls; "(95% CI)" is no share."""
    assert header_metric("Deaths/total cases (%)") is None
    assert header_metric("Case fatality ratio") is None
    assert header_metric("Deaths averted by vaccination") is None
    assert header_metric("People to be assisted") is None
    assert header_metric("Estimated deaths (95% CI)") == "killed"


def test_a_disease_before_cases_is_not_what_is_counted() -> None:
    """ "Estimated no. of measles cases" counts people; "Houses damaged" counts homes."""
    text = (
        "Region | Estimated no. of measles cases | Houses damaged\n---|---|---\nAlpha | 120 | 30\n"
    )
    assert [(p, c) for p, _, c, _ in _read(text)] == [("120", "people"), ("30", "homes")]


def test_a_header_scale_multiplies_its_cells_but_not_a_cell_that_says_its_own() -> None:
    """ "Deaths (thousands)": 12 is 12,000; "1.5 million" stays 1.5 million."""
    text = "Flood | Deaths (thousands) | Country\n---|---|---\nA | 12 | China\nB | 1.5 million | India\n"
    found = extract(text, outlet="Example")
    assert [(c.claim.estimate.low, c.claim.scope.counted) for c in found] == [
        (12_000, "people"),
        (1_500_000, "people"),
    ]


def test_a_spaced_table_groups_thousands_with_one_space() -> None:
    """Columns apart by wide gaps: "1 234" is one numeral, a dash an empty cell."""
    text = (
        "Province   Dead   Injured   Houses destroyed\n"
        "Alpha      1 234   567        10 200\n"
        "Beta         678    —          3 400\n"
    )
    got = [(p, m) for p, m, _, _ in _read(text)]
    assert got == [
        ("1 234", "killed"),
        ("567", "injured"),
        ("10 200", "razed"),
        ("678", "killed"),
        ("3 400", "razed"),
    ]


def test_markdown_emphasis_and_an_empty_group_cell() -> None:
    """ "| **Total** | **15** |" is a totals row; a row with an empty first cell is in the group above."""
    text = "| Country | Deaths |\n|---|---:|\n| France | 12 |\n| | 3 |\n| **Total** | **15** |\n"
    (table,) = tables(text, lambda s: s == "France")
    assert [[c.text for c in row] for row in table.rows] == [
        ["France", "12"],
        ["France", "3"],
        ["Total", "15"],
    ]


def test_key_figures_stacked_over_their_labels_pair_in_order() -> None:
    """OCHA: three figure lines, then three label lines; the k-th label names the k-th figure."""
    text = (
        "3.8 million\n\n2.7 million\n\n1.3 million\n\n"
        "People in need\n\nPeople to be assisted\n\nPeople internally displaced by violence\n"
    )
    assert [(p, m) for p, m, _, _ in _read(text)] == [
        ("3.8 million", "in need"),
        ("1.3 million", "displaced"),
    ]  # people "to be assisted" are a target, not a level reached
    (table,) = key_strips(text)
    assert [row[0].text for row in table.rows][2] == "People internally displaced by violence"


def test_key_figures_need_as_many_labels_as_figures() -> None:
    """Two figure lines over one label line, or a year over a heading: no key figures."""
    assert key_strips("12\n\n14\n\nPeople killed\n\nThe flood hit the town.\n") == []
    assert key_strips("2019\nFloods\n") == []


def test_a_wrapped_header_of_word_cells_reads_the_metric_column_before_the_dates() -> None:
    """ "War Death" / "range" / "Date Combatants Location": the death range is the first figure."""
    text = (
        "War Death\nrange\nDate Combatants Location\n"
        "Alpha War 50–85 million[4][5] 1937–1945 Allied Powers vs. Axis Powers Global\n"
        "Beta Rebellion 13–36 million[9] 754–763 Tang Dynasty vs. Yan Dynasty China\n"
    )
    found = extract(text, outlet="Example")
    assert [(c.phrase, c.claim.metric.name) for c in found] == [
        ("50–85 million", "killed"),
        ("13–36 million", "killed"),
    ]
    assert found[1].claim.scope.place == ("China",)
    assert found[0].claim.estimate.high == 85_000_000


def test_a_table_copied_one_cell_a_line_is_read_from_its_metric_column() -> None:
    """A season-effects table copied from a web page: seven names, then seven lines a storm."""
    text = (
        "Season effects\n\nName\nDates active\nClassification\nAreas affected\nDamage (USD)\n"
        "Deaths\nRefs\n"
        "Ruth\nOctober 10 – 15\nTyphoon\nJapan\n$15 million\n166\n[1]\n"
        "Kate\nJune 27 – July 2\nTyphoon\nPhilippines\nUnknown\n12\n[2]\n"
    )
    assert [(p, m, pl) for p, m, _, pl in _read(text)] == [
        ("166", "killed", ("Japan",)),
        ("12", "killed", ("Philippines",)),
    ]


def test_a_lone_metric_heading_over_prose_is_no_table() -> None:
    """ "Deaths" as a heading over sentences: no table of one cell a line."""
    assert columnar_tables("Deaths\nThe toll rose to 12 on Monday.\nOfficials said so.\n") == []


_NAMES = st.lists(
    st.sampled_from(["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta"]),
    min_size=2,
    max_size=6,
    unique=True,
)
_COLUMNS = st.lists(
    st.sampled_from(["Deaths", "Injured", "Missing", "Displaced", "Cases"]),
    min_size=1,
    max_size=4,
    unique=True,
)


def _grid(names: list[str], columns: list[str], values: list[list[int]], layout: str) -> str:
    if layout == "bars":
        head = "Name | " + " | ".join(columns) + "\n" + "|".join(["---"] * (len(columns) + 1))
        body = [
            f"{n} | " + " | ".join(str(v) for v in vs) for n, vs in zip(names, values, strict=True)
        ]
    elif layout == "tabs":
        head = "Name\t" + "\t".join(columns)
        body = [
            f"{n}\t" + "\t".join(str(v) for v in vs) for n, vs in zip(names, values, strict=True)
        ]
    elif layout == "closed":
        head = (
            "Name | " + " | ".join(columns) + " |\n" + "|".join(["---"] * (len(columns) + 1)) + "|"
        )
        body = [
            "\n".join(f"{c} |" for c in [n, *map(str, vs)])
            for n, vs in zip(names, values, strict=True)
        ]
    else:  # one cell a line
        head = "\n".join(["Name", *columns])
        body = ["\n".join([n, *map(str, vs)]) for n, vs in zip(names, values, strict=True)]
    return head + "\n" + "\n".join(body) + "\n"


_METRIC = {"Deaths": "killed", "Injured": "injured", "Missing": "missing", "Displaced": "displaced"}


@settings(max_examples=60, deadline=None)
@given(
    names=_NAMES,
    columns=_COLUMNS,
    data=st.data(),
    layout=st.sampled_from(["bars", "tabs", "closed", "lines"]),
)
def test_a_grid_of_known_cells_is_read_back_cell_for_cell(
    names: list[str], columns: list[str], data: st.DataObject, layout: str
) -> None:
    """Every cell of a generated grid becomes one claim: its value, its column's metric, in row order."""
    cells = data.draw(
        st.lists(
            st.integers(min_value=2, max_value=99_999),
            min_size=len(names) * len(columns),
            max_size=len(names) * len(columns),
            unique=True,
        )
    )  # distinct figures: equal ones of unplaced rows are one claim, rightly deduplicated
    values = [cells[k * len(columns) : (k + 1) * len(columns)] for k in range(len(names))]
    found = extract(_grid(names, columns, values, layout), outlet="Example")
    got = [(c.claim.estimate.low, c.claim.metric.name) for c in found]
    expected = [
        (float(v), _METRIC.get(col, "cases"))
        for vs in values
        for col, v in zip(columns, vs, strict=True)
    ]
    assert got == expected


@settings(max_examples=40, deadline=None)
@given(
    names=_NAMES,
    columns=_COLUMNS,
    data=st.data(),
    layout=st.sampled_from(["bars", "tabs", "closed", "lines"]),
)
def test_reordering_rows_changes_no_claim(
    names: list[str], columns: list[str], data: st.DataObject, layout: str
) -> None:
    """The claims of a table are a set over its rows: shuffling the rows shuffles nothing else."""
    values = [
        [data.draw(st.integers(min_value=2, max_value=99_999)) for _ in columns] for _ in names
    ]
    order = data.draw(st.permutations(range(len(names))))

    def claims(ns: list[str], vs: list[list[int]]) -> set[tuple[float, str, str]]:
        return {
            (c.claim.estimate.low, c.claim.metric.name, c.claim.quote.split(" | ")[0])
            for c in extract(_grid(ns, columns, vs, layout), outlet="Example")
        }

    assert claims(names, values) == claims([names[k] for k in order], [values[k] for k in order])


def test_a_place_line_between_rows_heads_the_rows_under_it() -> None:
    """WHO DON: "Guinea" then its "Cases"/"Deaths" rows, "Liberia" then its own: each row's place."""
    text = (
        "Cases and deaths by country\n\n"
        "New Confirmed Probable Totals\n"
        "Guinea\nCases 11 362 133 506\nDeaths 6 238 129 373\n"
        "Liberia\nCases 45 158 306 599\nDeaths 29 146 125 323\n"
    )
    got = {(p, m, pl) for p, m, _, pl in _read(text)}
    assert ("506", "cases", ("Guinea",)) in got
    assert ("323", "killed", ("Liberia",)) in got
    assert len(got) == 16


def test_a_row_group_heading_without_bars_heads_the_rows_under_it() -> None:
    """A season table pasted with tabs: "Season aggregates" heads the totals row under it."""
    text = (
        "Name\tDates active\tMax 1-min wind km/h\tAreas affected\tDeaths\n"
        "Ruth\tOctober 10 – 15\t185\tJapan\t166\n"
        "Kate\tJune 27 – July 2\t150\tPhilippines\t12\n"
        "Season aggregates\n"
        "2 systems\tJune 27 – October 15\t185\t\t178\n"
    )
    assert [(p, m, pl) for p, m, _, pl in _read(text)] == [
        ("166", "killed", ("Japan",)),
        ("12", "killed", ("Philippines",)),
        ("178", "killed", ()),  # the season's total: its rows lie in different countries
    ]


def test_a_lower_case_header_names_a_column_a_word_and_a_mark_after_a_figure_is_its_own() -> None:
    """ "Country dead missing" over single-spaced rows; "298 *" is one cell, "-" an empty one."""
    text = (
        "Dead and missing by country\n"
        "Country dead missing\n"
        "Kenya 1,200 340\n"
        "Somalia 298 * -\n"
        "Tanzania 10 -\n"
    )
    assert [(p, m, pl) for p, m, _, pl in _read(text)] == [
        ("1,200", "killed", ("Kenya",)),
        ("340", "missing", ("Kenya",)),
        ("298", "killed", ("Somalia",)),
        ("10", "killed", ("Tanzania",)),
    ]


def test_a_source_line_closing_a_table_is_its_cells_source() -> None:
    """ "figures from SBS World News March 24, 2005" under the table: every cell is SBS's."""
    text = (
        "Country | Dead | Missing\n---|---|---\nKenya | 12 | 3\nTanzania | 10 | 1\n\n"
        "figures from SBS World News March 24, 2005\n"
    )
    assert {c.claim.source.name for c in extract(text, outlet="Example")} == {"SBS World News"}


def test_word_cell_rows_opening_with_a_date_read_the_figure_after_it_and_their_notes_as_prose() -> (
    None
):
    """USGS-like: "Date Location Deaths Comments"; the comments' sentences are read as running text."""
    text = (
        "Date UTC Location Deaths Magnitude Comments\n"
        "1556/01/23 Shaanxi, China 830000 8 The quake struck at night. More than 800 people were injured.\n"
    )
    got = [(p, m) for p, m, _, _ in _read(text)]
    assert ("830000", "killed") in got
    assert ("More than 800 people", "injured") in got


def test_metric_columns_side_by_side_read_in_order_with_marks_of_none() -> None:
    """ "Date Type Dead Injured Location Details": "126 (+6) Unknown" is 126 dead (and 6 perpetrators, settled L6), injured unknown."""
    text = (
        "Date Type Dead Injured Location Details\n"
        "11 January Bombing 126 (+6) Unknown Baghdad Two blasts hit a market in the city.\n"
        "16 January Shooting 35 80 Kabul Gunmen attacked a hotel in the capital.\n"
    )
    got = [(p, m, pl) for p, m, _, pl in _read(text)]
    assert ("126", "killed", ("Iraq", "Baghdad")) in got or ("126", "killed", ("Iraq",)) in got
    assert [(p, m) for p, m, _ in got if p in {"35", "80", "6"}] == [
        ("6", "killed"),
        ("35", "killed"),
        ("80", "injured"),
    ]
