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


_MINE = (
    "Mine blast in the Kemerovo Region\n\n"
    "The governor met rescuers on Saturday.\n\n"
    "An explosion took place at the Zapadnaya mine in the town of Prokopyevsk of the Kemerovo Region"
    " on Friday.\n\n"
    "By noon, 9 people had died and 20 were hurt."
)


def test_figures_under_the_headings_region_take_the_town_the_event_is_in() -> None:
    """An explosion "at the ... mine in the town of" a town: the event's town is its figures' (rule 30)."""
    placed = _placed(_MINE)
    assert placed["9"] == place_key("Russia > Kemerovo Oblast > Prokopyevsk")
    assert placed["20"] == place_key("Russia > Kemerovo Oblast > Prokopyevsk")


def test_a_figure_its_own_clause_places_in_the_region_keeps_it() -> None:
    """ "20 were hurt in the Kemerovo Region": its own clause's place, not the event's town (rule 19)."""
    text = _MINE.replace("20 were hurt.", "20 were hurt in the Kemerovo Region.")
    assert _placed(text)["20"] == place_key("Russia > Kemerovo Oblast")


def test_a_landmark_numbered_by_a_distance_is_the_town_it_is_in() -> None:
    """ "Mogadishu's Kilometre 4": a landmark of Mogadishu, no place below it (a known bug of the reading)."""
    mogadishu = place_key("Somalia > Banaadir > Mogadishu")
    assert (
        _placed("The attack in Mogadishu's Kilometre 4 district killed 30 people.")["30"]
        == mogadishu
    )
    assert _placed("A blast at Km 5 in Mogadishu killed 12 people.")["12"] == mogadishu


def test_a_place_named_with_a_possessive_is_one_name() -> None:
    """ "Hawke's Bay" is New Zealand's region, not Hawke's "Bay" (Somalia's region of that name)."""
    assert _placed("The storm killed 11 people in Hawke's Bay.")["11"] == place_key(
        "New Zealand > Hawke's Bay"
    )
    assert _placed("The storm killed 11 people in Russia's Belgorod region.")["11"] == place_key(
        "Russia > Belgorod Oblast"
    )


def test_a_site_near_a_landmark_in_a_town_is_in_the_town() -> None:
    """ "near Liberty Chowk in Lahore": the town the site is in, not the landmark nor Punjab (rules 19, 30)."""
    assert _placed("A bomb went off near Liberty Chowk in Lahore, killing four people.")[
        "four"
    ] == place_key("Pakistan > Punjab > Lahore")


def test_a_site_near_a_town_is_still_the_towns_unit() -> None:
    """ "near Quetta" alone: Balochistan, as rule 30 says."""
    assert _placed("A bomb went off near Quetta, killing four people.")["four"] == place_key(
        "Pakistan > Balochistan"
    )


def test_a_countrys_own_body_places_figures_placed_nowhere_else() -> None:
    """ "Chad's Ministry of Public Health notified WHO of 6179 cases": in Chad (no other place given)."""
    placed = _placed(
        "Disease news\n\nFrom 1 January, Chad's Ministry of Public Health notified WHO of 6179 suspected"
        " cases, including 423 deaths."
    )
    assert placed["6179"] == place_key("Chad")
    assert placed["423"] == place_key("Chad")


def test_a_place_the_clause_names_outranks_the_bodys_country() -> None:
    """ "Chad's ministry ... 40 cases in Cameroon": the clause's place, not the body's country (rule 19)."""
    placed = _placed("Chad's Ministry of Public Health reported 40 cases in Cameroon.")
    assert placed["40"] == place_key("Cameroon")


def test_a_figure_placed_only_by_a_sea_has_no_place() -> None:
    """ "over the Black Sea": a sea is no place path, and no country is chosen for it (G5)."""
    assert _placed("The ministry said its air defences shot down 12 drones over the Black Sea.")[
        "12"
    ] == place_key(None)
    listed = _placed(
        "Air defences shot down 30 drones overnight: 12 over the Belgorod region, 10 over the Black Sea"
        " and 8 over the Sea of Azov."
    )
    assert listed["12"] == place_key("Russia > Belgorod Oblast")
    assert listed["10"] == listed["8"] == place_key(None)


def test_a_town_in_another_transliteration_is_found_in_the_texts_country() -> None:
    """ "Qaim" is GeoNames' Al Qa'im, "Beiji" its Bayji: read in Iraq, the text's country."""
    opening = "Iraqi forces said 20 fighters were killed in Iraq.\n\n"
    assert _placed(opening + "In Qaim, 4 people were killed.")["4"] == place_key(
        "Iraq > Al Anbar > Qaim"
    )
    assert _placed(opening + "In Beiji, 5 people were killed.")["5"] == place_key(
        "Iraq > Salah ad Din > Beiji"
    )


def test_no_spelling_is_guessed_without_a_country() -> None:
    """A name alone, with no country in the text, is not read as an Arabic town by its spelling."""
    assert _placed("In Qaim, 4 people were killed.")["4"] != place_key("Iraq > Al Anbar > Qaim")


def test_a_figure_reported_from_some_of_a_countrys_provinces_is_the_countrys() -> None:
    """ "reported from 9 of the 21 provinces": the country, not the province named before (rule 19)."""
    text = (
        "Cholera in Zambia\n\nThe first cases were found in Lusaka Province in March.\n\n"
        "By May, 540 cases had been reported from 9 of the 10 provinces."
    )
    assert _placed(text)["540"] == place_key("Zambia")


def test_a_paragraph_naming_places_joined_by_and_goes_on_at_what_they_share() -> None:
    """After "in the states of Jalisco and Colima and in the Guadalajara area": Mexico (rule 19)."""
    text = (
        "The storm flooded towns in the states of Jalisco and Colima and in the Guadalajara area."
        " In all, 41 people were killed."
    )
    assert _placed(text)["41"] == place_key("Mexico")


def test_a_place_in_apposition_still_narrows_the_paragraph() -> None:
    """ "in Borno State, north-eastern Nigeria": the state goes on as the paragraph's place."""
    text = (
        "Gunmen attacked a village in Borno State, north-eastern Nigeria. At least 12 people died."
    )
    assert _placed(text)["At least 12"] == place_key("Nigeria > Borno")


def test_a_countrys_body_acting_gives_no_place() -> None:
    """ "Chad's army destroyed 12 vehicles": whose army it is, not where (only a reported count is placed)."""
    assert _placed("Chad's Ministry of Defence said its troops destroyed 12 vehicles.")["12"] == (
        place_key(None)
    )
