"""Per-region lists whose places are given as an area of a named place, or as a sea.

Russian defence-ministry statements, as translated by the wire agencies, list interceptions "over the
territory of the Kursk Region" and "over the waters of the Black Sea"; a list item's place is the named
place, and a sea is no place path (ANNOTATION.md G5), so it is never put inside the region named before it.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._model.places import place_key

_REGIONS = {
    "Kursk": "Kursk Oblast",
    "Belgorod": "Belgorod Oblast",
    "Bryansk": "Bryansk Oblast",
    "Voronezh": "Voronezh Oblast",
    "Oryol": "Orel Oblast",
    "Tula": "Tula Oblast",
}


def _read(text: str) -> list[tuple[str, int, tuple[str, ...], bool]]:
    ex = extract(text, published="2024-07-09", outlet="TASS")
    assert not ex.unread, ex.unread
    return [
        (
            c.claim.metric.name,
            int(c.claim.estimate.low),
            c.claim.scope.place,
            c.claim.part_of is not None,
        )
        for c in ex
    ]


def test_items_over_the_territory_of_a_region_are_each_read() -> None:
    text = (
        "Air defence systems destroyed 38 drones overnight: seven drones over the territory of the Kursk "
        "Region, six over the territory of the Belgorod Region and 25 over the territory of the Bryansk "
        "Region, the ministry said."
    )
    assert _read(text) == [
        ("intercepted", 38, ("Russia",), False),
        ("intercepted", 7, ("Russia", "Kursk Oblast"), True),
        ("intercepted", 6, ("Russia", "Belgorod Oblast"), True),
        ("intercepted", 25, ("Russia", "Bryansk Oblast"), True),
    ]


def test_a_sea_item_is_not_placed_in_the_region_before_it() -> None:
    text = (
        "Air defence systems intercepted 12 drones over the territory of the Belgorod Region and three over "
        "the waters of the Black Sea."
    )
    read = _read(text)
    assert read[0] == ("intercepted", 12, ("Russia", "Belgorod Oblast"), False)
    metric, number, place, _ = read[1]
    assert (metric, number) == ("intercepted", 3)
    assert "Belgorod Oblast" not in place
    assert "Black Sea" not in place


def test_a_sea_named_with_of_does_not_end_the_list() -> None:
    text = "Air defences destroyed 20 drones: 12 over the Belgorod Region, five over the Sea of Azov and three over the Kursk Region."
    read = _read(text)
    assert [n for _, n, _, _ in read] == [20, 12, 5, 3]
    assert read[3][2] == ("Russia", "Kursk Oblast")
    assert read[0][2] == ("Russia",)  # the total is where all its parts are, not in the last region


@given(
    st.lists(st.sampled_from(sorted(_REGIONS)), min_size=2, max_size=5, unique=True),
    st.lists(st.integers(1, 60), min_size=5, max_size=5),
    st.booleans(),
)
def test_every_item_of_a_territory_list_is_a_part_of_the_total(
    names: list[str], numbers: list[int], area: bool
) -> None:
    counts = numbers[: len(names)]
    where = "the territory of the " if area else "the "
    listed = [f"{n} over {where}{name} Region" for n, name in zip(counts, names, strict=True)]
    text = (
        f"Air defence systems destroyed {sum(counts)} drones overnight: "
        + ", ".join(listed[:-1])
        + f" and {listed[-1]}, the ministry said."
    )
    read = _read(text)
    assert read[0][1] == sum(counts)
    assert not read[0][3]
    assert [(n, place_key(p), part) for _, n, p, part in read[1:]] == [
        (n, place_key(f"Russia > {_REGIONS[name]}"), True)
        for n, name in zip(counts, names, strict=True)
    ]


def test_a_region_named_like_water_stays_a_place() -> None:
    # Hawke's Bay is a New Zealand region (NZ-HKB): a name ending in "Bay" is water only when no place is known by it
    ex = extract(
        "Floods killed 20 people in New Zealand: 12 in Hawke's Bay and eight in Gisborne.",
        published="2023-02-20",
        outlet="RNZ",
    )
    placed = {c.claim.estimate.text: place_key(c.claim.scope.place) for c in ex}
    assert placed["12"] == place_key("New Zealand > Hawke's Bay")


def test_items_counted_by_an_acronym_or_set_off_by_a_dash_are_read() -> None:
    # the ministry's lists as the wires print them: "8 UAVs over the territory of ...", "eight - over ..."
    text = (
        '"Air defence systems on duty destroyed 15 drones overnight: 8 UAVs over the territory of the Oryol '
        'region, four - over the territory of the Bryansk Region and three UAVs - over the Kursk Region," '
        "the ministry said."
    )
    read = _read(text)
    assert [n for _, n, _, _ in read] == [15, 8, 4, 3]
    assert [part for _, _, _, part in read] == [False, True, True, True]
    assert [place_key(p) for _, _, p, _ in read[1:]] == [
        place_key("Russia > Orel Oblast"),
        place_key("Russia > Bryansk Oblast"),
        place_key("Russia > Kursk Oblast"),
    ]


def test_a_capitalised_word_after_a_number_is_still_no_thing_counted() -> None:
    # "12 Belgorod residents": a name, not an acronym, after the number; no list item is made of it
    ex = extract(
        "Shelling wounded 12 Belgorod residents in the Belgorod Region.",
        published="2024-07-09",
        outlet="TASS",
    )
    assert all(c.claim.part_of is None for c in ex)
