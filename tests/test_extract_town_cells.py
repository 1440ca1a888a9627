"""A table row's site written "town, country": the town in that country, within a subdivision of its name."""

from __future__ import annotations

from claimdiff import extract

_HEADER = "Date Type Dead Injured Location Details\n"


def _places(rows: str) -> dict[str, tuple[str, ...]]:
    found = extract(_HEADER + rows, outlet="Example Wiki", published="2016-12-31")
    return {c.claim.estimate.interval_text(): c.claim.scope.place for c in found}


def test_a_town_the_gazetteer_does_not_know_is_kept_in_its_country() -> None:
    """'Oldtown, Iraq': not the country alone, the town the row names within it."""
    rows = (
        "3 March Bombing 41 Unknown Oldtown, Iraq A bomb went off in a market.\n"
        "9 March Shooting 17 Unknown Newtown, Iraq Gunmen fired on a checkpoint.\n"
    )
    places = _places(rows)
    assert places["[41, 41]"] == ("Iraq", "Oldtown")
    assert places["[17, 17]"] == ("Iraq", "Newtown")


def test_a_town_named_as_its_governorate_is_the_town_within_it() -> None:
    """'Deir ez-Zor, Syria' in a row's location is the town, under the governorate of its name."""
    rows = (
        "3 March Bombing 41 Unknown Deir ez-Zor, Syria A bomb went off in a market.\n"
        "9 March Shooting 17 Unknown Newtown, Iraq Gunmen fired on a checkpoint.\n"
    )
    place = _places(rows)["[41, 41]"]
    assert len(place) == 3
    assert place[0] == "Syria"
    assert place[-1] == "Deir ez-Zor"


def test_a_town_before_its_region_is_placed_within_the_region() -> None:
    """'Oldtown, Diyala': the town under the region the cell names, not the region alone."""
    rows = (
        "3 March Bombing 41 Unknown Oldtown, Diyala A bomb went off in a market.\n"
        "9 March Shooting 17 Unknown Newtown, Iraq Gunmen fired on a checkpoint.\n"
    )
    place = _places(rows)["[41, 41]"]
    assert place[0] == "Iraq"
    assert place[-1] == "Oldtown"
    assert len(place) == 3
