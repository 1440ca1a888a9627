"""Where a figure is when its own words say so: the place its clause names, by rules 19, 29 and 30.

Example tests on sentences written for these tests (never copied from the corpus).
"""

from __future__ import annotations

from claimdiff import extract
from claimdiff._model.places import place_key


def _placed(text: str) -> dict[str, tuple[str, ...]]:
    """The place key of every claim extracted from ``text``, by the value as written."""
    return {
        c.claim.estimate.text: place_key(c.claim.scope.place)
        for c in extract(text, published="2024-03-01", outlet="Example")
    }


_STORY = (
    "Storm leaves dozens dead\n\n"
    "The landslide struck in Aceh province on Monday.\n\n"
    "The agency later counted 212 dead and 40 missing in Indonesia, the hardest hit country.\n\n"
    "Rescuers pulled 12 survivors from the mud in western Indonesia."
)


def test_a_figure_its_own_clause_puts_in_a_country_keeps_the_country() -> None:
    """ "212 dead ... in Indonesia": the country's count, not the event's province (rule 19)."""
    placed = _placed(_STORY)
    assert placed["212"] == place_key("Indonesia")
    assert placed["40"] == place_key("Indonesia")


def test_a_part_of_a_country_named_by_its_bearing_takes_the_events_place() -> None:
    """ "in western Indonesia" names no more than the event's part of it: the event's place (rule 30)."""
    assert _placed(_STORY)["12"] == place_key("Indonesia > Aceh")
