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
    got = read("At least 40 people were displaced by the floods.\n\nSince then the number has increased to 1,200.")
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
