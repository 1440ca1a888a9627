"""A story's lead and the photo caption before it (ANNOTATION.md rule 29).

Example tests on stories written for these tests; a property states the law (whatever the caption's
place, the story's figures take the lead's).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._story_lead import dated_caption
from claimdiff._model.places import place_key

_STORY = (
    "Flood Toll Rises to 12, Dozens Missing\n\n"
    "{caption}\n\n"
    "The death toll from Sunday's floods in the western Indian state of Gujarat has reached 12, "
    "officials said.\n\n"
    "A total of 40 people are still missing, and more than 300 rescuers are searching the river banks.\n"
)


def _places(text: str) -> list[tuple[object, ...]]:
    return [
        place_key(c.claim.scope.place)
        for c in extract(text, published="2024-03-01", outlet="Example")
    ]


def test_a_caption_closing_on_its_date_is_no_lead() -> None:
    """The caption names where a photo was taken; the paragraphs without a place take the lead's."""
    caption = "Rescue workers wade through water in Mumbai, Maharashtra, July 2, 2023."
    places = _places(_STORY.format(caption=caption))
    assert places
    assert all(p == place_key("India > Gujarat") for p in places)


def test_a_caption_with_the_day_first_is_no_lead() -> None:
    """ "..., 2 July 2023." closes a caption as "..., July 2, 2023." does."""
    caption = "A man carries his child through a flooded street in Pune, Maharashtra, 2 July 2023."
    assert dated_caption(caption)
    assert all(p == place_key("India > Gujarat") for p in _places(_STORY.format(caption=caption)))


def test_a_sentence_dated_inside_is_no_caption() -> None:
    """A report's sentence dating its event before its end, or with a second sentence, is no caption."""
    assert not dated_caption("Twelve people died in Gujarat on July 2, 2023, officials said.")
    assert not dated_caption("Rescuers arrived. The floods hit Gujarat on July 2, 2023.")
    assert not dated_caption("x" * 400 + ", July 2, 2023.")


@given(
    st.sampled_from(["Mumbai, Maharashtra", "Chennai, Tamil Nadu", "Kolkata, West Bengal"]),
    st.sampled_from(["July 2, 2023", "Aug. 14, 2022", "3 March 2021"]),
)
def test_the_lead_gives_the_place_whatever_the_caption(where: str, when: str) -> None:
    """Law: the caption's place and date never change where the story's figures are."""
    caption = f"Residents stand beside a collapsed house in {where}, {when}."
    assert all(p == place_key("India > Gujarat") for p in _places(_STORY.format(caption=caption)))


_UNNAMED = (
    "Gunmen Kill Dozens in Nigeria\n\n"
    "Gunmen have shot dead dozens of people in a northeastern Nigerian village, officials said.\n\n"
    "A local source said the men entered the {where} and opened fire.\n\n"
    "The attackers burned 40 homes.\n"
)


def test_a_lead_with_an_unnamed_village_is_named_by_the_next_paragraph() -> None:
    """ "in a northeastern Nigerian village", then "the Borno State village of Bardari": the lead's figures are there."""
    places = _places(_UNNAMED.format(where="Borno State village of Bardari"))
    assert places
    assert all(p[:2] == place_key("Nigeria > Borno") for p in places)


def test_a_name_the_gazetteer_cannot_place_keeps_the_headlines_place() -> None:
    """An unknown village vouches for no subdivision: the lead's figure stays in the country."""
    places = _places(_UNNAMED.format(where="village of Qwertyville"))
    assert places[0] == place_key("Nigeria")


def test_a_caption_with_its_weekday_and_date_inside_is_no_lead() -> None:
    """AP writes the photo's day inside its caption ("..., Tuesday, Feb. 27, 2018, in Halagoli, ..."): no lead."""
    caption = (
        "A man views a house that collapsed, Tuesday, Feb. 27, 2018, in Pune, Maharashtra, India."
    )
    assert dated_caption(caption)
    places = _places(_STORY.format(caption=caption))
    assert all(p == place_key("India > Gujarat") for p in places)
