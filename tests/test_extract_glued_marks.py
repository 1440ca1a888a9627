"""Footnote marks run into a copied table's cells, and rows of events by year under a one-line header."""

from __future__ import annotations

from claimdiff import extract
from claimdiff._extract._glued_marks import table_marks, unmarked

#: A made-up table as a page gives it when copied: its superscript notes glued to the cells.
FLOODS = """Worst river floods on record

Flood Year Deaths Main Cause
Lower Vale, Kenya 1961 12,0002 Rain2
Upper Ford, Uganda 1947 4,5001,2 Dam failure1
Marsh Bend, Tanzania 1930 7,0001 (6,480)2 Rain2
East Reach, Kenya 1922 472 Storm surge
Old Quay, Uganda 1918 90 Ice jam1
"""


def _read(text: str) -> set[tuple[str, str, tuple[str, ...]]]:
    found = extract(text, outlet="Example Survey", published="2021-03-01")
    return {
        (c.claim.metric.name, c.claim.estimate.interval_text(), c.claim.scope.place) for c in found
    }


def test_a_thousands_group_of_four_digits_ends_the_figure() -> None:
    """'12,0002' is 12,000 with mark 2; '4,5001,2' is 4,500 with marks 1 and 2."""
    read = _read(FLOODS)
    assert ("killed", "[12000, 12000]", ("Kenya",)) in read
    assert ("killed", "[4500, 4500]", ("Uganda",)) in read


def test_a_bracketed_second_figure_is_a_claim_of_its_own() -> None:
    """'7,0001 (6,480)2': two figures for the same row, both at its place."""
    read = _read(FLOODS)
    assert ("killed", "[7000, 7000]", ("Tanzania",)) in read
    assert ("killed", "[6480, 6480]", ("Tanzania",)) in read


def test_a_last_digit_that_may_be_a_mark_gives_no_claim() -> None:
    """'472' where 2 is one of the table's marks: 47 or 472, nothing tells; '90' ends in no mark."""
    values = {interval for _, interval, _ in _read(FLOODS)}
    assert not values & {"[472, 472]", "[47, 47]"}
    assert "[90, 90]" in values


def test_the_year_column_is_no_figure() -> None:
    """The date cell before the figure ('1961') is never read as a count."""
    values = {interval for _, interval, _ in _read(FLOODS)}
    assert not values & {"[1961, 1961]", "[1947, 1947]", "[1930, 1930]"}


def test_a_table_without_marks_reads_every_figure_as_written() -> None:
    """With no mark anywhere, '473' is 473."""
    text = "Fire Year Deaths Cause\nNorth Hall, Kenya 1999 473 Arson\nSouth Hall, Uganda 2001 21 Wiring\n"
    read = _read(text)
    assert ("killed", "[473, 473]", ("Kenya",)) in read
    assert ("killed", "[21, 21]", ("Uganda",)) in read


def test_marks_are_the_digits_glued_to_words_and_after_full_groups() -> None:
    """The marks of a table are those its own cells show."""
    assert table_marks(["Rain2", "4,5001,7"]) == frozenset({"2", "1", "7"})
    assert table_marks(["Rain", "4,500", "COVID19"]) == frozenset()


def test_unmarked_cuts_marks_and_refuses_unsure_readings() -> None:
    """A malformed numeral, a leading zero and a last digit among the marks give no reading."""
    marks = frozenset({"1", "2"})
    assert unmarked("8,1202", marks) == (0, 5)
    assert unmarked("300", marks) == (0, 3)
    assert unmarked("31", marks) is None
    assert unmarked("05", marks) is None
    assert unmarked("1,2", marks) is None


def test_the_marks_cut_off_a_read_figure_are_listed_as_marks() -> None:
    """'12,0002' is read as 12,000: its mark '2' is listed as a footnote mark, not the numeral as unread."""
    found = extract(FLOODS, outlet="Example Survey", published="2021-03-01")
    listed = {(u.numeral, u.reason) for u in found.unread}
    assert not any(numeral.startswith(("12,000", "4,500", "7,000")) for numeral, _ in listed)
    at = FLOODS.index("12,0002")
    mark = next(u for u in found.unread if u.start == at + len("12,000"))
    assert (mark.numeral, mark.end, mark.reason) == ("2", at + len("12,0002"), "a footnote mark")
    at = FLOODS.index("4,5001,2")
    assert {(u.start - at, u.numeral) for u in found.unread if at <= u.start < at + 8} == {
        (5, "1,2")
    }
    # the figure no reading was chosen for stays listed whole
    assert any(u.numeral == "472" for u in found.unread)  # apart from the year before it
