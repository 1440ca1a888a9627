"""A list's rows whose cells run together (the cell breaks lost in a copy), the figure column last."""

from __future__ import annotations

from claimdiff import extract

#: A made-up list as a mobile page copies it: name, year, war and toll glued into one run a row.
SIEGES = """List of sieges by deaths
The sieges below were fought in the hill country of Kenya, near Nairobi.
Early sieges
Siege of Alderholt1710 BCFirst Hill War4,000[1]
Siege of Brackwater1702 BCFirst Hill War2,500[2]–3,100[3]
Siege of Coldmoor1699 BCSecond Hill WarAround 800[4]
Siege of Dunmere1690 BCSecond Hill War12,000-15,000
"""


def _read(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    found = extract(text, outlet="Example Wiki", published="2020-05-01")
    return [
        (
            c.claim.metric.name,
            c.claim.estimate.interval_text(),
            c.claim.estimate.hedge.name,
            c.claim.scope.place,
        )
        for c in found
    ]


def test_each_row_gives_its_last_figure_with_the_titles_metric() -> None:
    """The title names the metric; each row's closing figure is one claim, its year none."""
    read = _read(SIEGES)
    intervals = {interval for _, interval, _, _ in read}
    assert {"[4000, 4000]", "[2500, 3100]", "[12000, 15000]"} <= intervals
    assert not intervals & {"[1710, 1710]", "[1702, 1702]", "[1, 1]", "[3, 3]"}
    assert {metric for metric, _, _, _ in read} == {"killed"}


def test_a_range_split_by_footnote_marks_is_one_range() -> None:
    """'2,500[2]–3,100[3]': the marks are no numerals, the range one figure."""
    assert any(interval == "[2500, 3100]" for _, interval, _, _ in _read(SIEGES))


def test_a_hedge_glued_to_the_words_before_it_is_kept() -> None:
    """'WarAround 800': the hedge opens the figure's cell."""
    assert any(hedge == "APPROXIMATE" for _, _, hedge, _ in _read(SIEGES))


def test_the_rows_are_not_put_where_the_lead_is() -> None:
    """The rows name sieges, not places: the lead's Kenya is not theirs."""
    assert all(place == () for _, _, _, place in _read(SIEGES))


def test_without_a_title_naming_a_metric_the_run_is_no_table() -> None:
    """The same rows under a title that names no metric give no figure."""
    text = SIEGES.replace("List of sieges by deaths", "List of sieges")
    assert not any(interval == "[2500, 3100]" for _, interval, _, _ in _read(text))


def test_two_glued_rows_make_no_run() -> None:
    """Two glued rows make no run: at least three are needed."""
    text = "List of sieges by deaths\nSiege of Alderholt1710 BCFirst War4,000\nSiege of Brackwater1702 BCFirst War2,500\n"
    assert not any(interval == "[2500, 2500]" for _, interval, _, _ in _read(text))


def test_a_row_placed_in_words_naming_no_place_stays_unplaced() -> None:
    """'At sea' in a table's place column: not in the one country the rest of the text is in."""
    text = (
        "Ferry losses in Kenya this year\n\nVessel | Location | Deaths\n---|---|---\n"
        "Alpha | Mombasa | 12\nBeta | At sea | 30\n"
    )
    found = extract(text, outlet="Example Wiki", published="2020-05-01")
    places = {c.claim.estimate.interval_text(): c.claim.scope.place for c in found}
    assert places["[30, 30]"] == ()
    assert places["[12, 12]"][0] == "Kenya"
