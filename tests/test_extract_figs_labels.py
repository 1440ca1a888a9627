"""Key figures given as a label, a colon and the number, as situation reports and fact sheets list them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract


def test_labels_give_the_metric_and_the_thing_counted() -> None:
    """ "Affected families: 3,400", "Dead: 14; Injured: 45; Missing: 3": each its own claim."""
    found = extract(
        "Key figures\n\n- Affected families: 3,400\n- Dead: 14; Injured: 45; Missing: 3\n"
    )
    assert [(c.claim.metric.name, c.claim.scope.counted, c.phrase) for c in found] == [
        ("affected", "families", "3,400"),
        ("killed", "people", "14"),
        ("injured", "people", "45"),
        ("missing", "people", "3"),
    ]
    assert found.unread == ()


def test_a_label_without_a_metric_gives_nothing() -> None:
    """ "Note: 14" and "Reference: 3" name no metric: the numbers are listed as unread."""
    found = extract("Note: 14\nReference: 3\n")
    assert list(found) == []
    assert [u.numeral for u in found.unread] == ["14", "3"]


@given(
    n=st.integers(min_value=1, max_value=10_000_000),
    label=st.sampled_from(["Dead", "Deaths", "Injured", "Missing", "Displaced", "Evacuated"]),
)
def test_law_a_labelled_number_is_one_claim_of_the_labels_metric(n: int, label: str) -> None:
    """For any count and metric label: "LABEL: N" on its own line is one claim of N people."""
    found = extract(f"Situation overview\n\n- {label}: {n:,}\n")
    assert [(c.claim.scope.counted, c.claim.estimate.point) for c in found] == [("people", n)]


def test_a_list_by_place_a_sentence_after_its_total_is_its_parts() -> None:
    """ "destroyed 71 drones. ... over many provinces, including Bryansk (29 drones), Kursk (seven), ...":
    the items are parts of the 71, each with its place."""
    found = extract(
        "The ministry said its air defences destroyed 71 drones overnight.\n"
        "In a statement, the ministry said the drones were brought down over a wide range of provinces, "
        "including Bryansk (29 drones), Kursk (seven), Lipetsk (five), and Smolensk (five).\n"
    )
    total = found[0]
    assert total.claim.estimate.point == 71
    parts = [(c.claim.estimate.point, c.claim.scope.place[-1]) for c in found[1:]]
    assert [n for n, _ in parts] == [29, 7, 5, 5]
    assert all(c.part_of == total.claim.id for c in found[1:])


def test_a_short_heading_gives_its_metric_to_the_figures_opening_its_paragraphs() -> None:
    """Under "Iraqi Deaths", "140,000-150,000 - estimate given in a statement" is a figure of the killed;
    a figure inside a paragraph's sentence, or under a heading naming no metric, is not given one."""
    found = extract(
        "Iraqi Deaths\n\n140,000-150,000 - estimate given in a statement by the minister.\n\n"
        '"At least 50,000" - as of June, based on official figures.\n'
    )
    assert [(c.claim.metric.name, c.claim.estimate.text) for c in found] == [
        ("killed", "140,000-150,000"),
        ("killed", "At least 50,000"),
    ]
    found = extract(
        "Overview\n\n140,000-150,000 - estimate given in a statement by the minister.\n"
    )
    assert list(found) == []


def test_a_table_whose_summary_column_wraps_onto_its_own_lines() -> None:
    """Rows of "Date | Name | Deaths | Location | Summary |" whose summary wraps onto a line of its own:
    every row's deaths are read ("c.30,000" with its circa), the summary lines as running text."""
    text = (
        "Date | Name | Deaths | Location | Summary |\n---|---|---|---|---|\n"
        "532 | Nika riots | c.30,000 | Byzantine Empire |\n"
        "The emperor locks the rioters in the Hippodrome and has them killed. |\n"
        "782 | Verdict of Verden | 4,500 | Verden, Germany |\n"
        "Soldiers wounded 120 villagers. |\n"
    )
    found = extract(text)
    assert [(c.claim.metric.name, c.claim.estimate.text) for c in found] == [
        ("killed", "c.30,000"),
        ("killed", "4,500"),
        ("injured", "120"),
    ]
