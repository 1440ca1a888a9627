"""English names of ISO 3166-2 subdivisions (CLDR, GeoNames): reports' names meet ISO's."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff._model.place_names import fold as _fold
from claimdiff._model.place_names import stems as _stems
from claimdiff._model.places import _SUBDIVISION_ALIASES
from claimdiff._model.subdivision_names import SOURCES, name_index, names
from claimdiff.places import DEFAULT_GAZETTEER, place_key

pycountry = pytest.importorskip("pycountry")

UCDP = Path(__file__).resolve().parents[2] / "shared" / "data" / "ucdp_ged_sample"


@pytest.mark.parametrize(
    ("english", "iso"),
    [
        ("Syria > Rural Damascus", "Syria > Rif Dimashq"),
        ("Syria > Damascus Countryside", "Syria > Rīf Dimashq governorate"),
        ("Afghanistan > Sar-e Pol", "Afghanistan > Sar-e Pul"),
        ("Russia > Tuva", "Russia > Tyva"),
        ("Russia > Nizhny Novgorod Oblast", "Russia > Nizhegorodskaya oblast'"),
        ("Mexico > Mexico City", "Mexico > Ciudad de México"),
        ("Bangladesh > Chittagong", "Bangladesh > Chattogram"),
        ("Somalia > Lower Juba", "Somalia > Jubbada Hoose"),
        ("Somalia > Middle Shabelle", "Somalia > Shabeellaha Dhexe"),
        ("Philippines > Calabarzon", "Philippines > PH-40 Calabarzon (Region IV-A)"),
        ("Lebanon > South Lebanon", "Lebanon > Al Janūb"),
        ("Lebanon > North Lebanon governorate", "Lebanon > Ash Shimāl"),
        ("Israel > Northern District", "Israel > Ash Shamālī"),
        ("Sierra Leone > Western Area", "Sierra Leone > Western Area (Freetown)"),
        (
            "Ukraine > Kharkivshchyna",
            "Ukraine > Kharkiv Oblast",
        ),  # CLDR's name: the region, no city
    ],
)
def test_english_name_is_the_iso_subdivision(english: str, iso: str) -> None:
    """Two reports of one subdivision, one by its English name, one by ISO's, are one place."""
    key = place_key(english)
    assert len(key) == 2, key
    assert key[1].startswith(f"{key[0]}-"), key
    if "PH-40" in iso:  # ISO's name has its region number in brackets, which no report writes
        assert key == ("PH", "PH-40")
    else:
        assert key == place_key(iso)


@pytest.mark.parametrize(
    ("place", "key"),
    [
        ("Ukraine > Kyiv", ("UA", "UA-30")),
        ("Kyiv", ("UA", "UA-30")),
        ("Ukraine > Kyiv region", ("UA", "UA-32")),
        ("Ukraine > Kyiv Oblast", ("UA", "UA-32")),
        ("Russia > Moscow", ("RU", "RU-MOW")),
        ("Russia > Moscow region", ("RU", "RU-MOS")),
        ("Russia > Moscow Oblast", ("RU", "RU-MOS")),
        ("Ukraine > Sevastopol", ("UA", "UA-40")),
        ("Russia > Saint Petersburg", ("RU", "RU-SPE")),
        ("Mexico > Mexico City", ("MX", "MX-CMX")),
    ],
)
def test_city_that_is_a_subdivision_is_that_subdivision(place: str, key: tuple[str, ...]) -> None:
    """A city that is a first-level unit of its own is that unit; with "region"/"Oblast" it is the region around it."""
    assert place_key(place) == key


def test_city_named_like_its_oblast_still_stands_in_it() -> None:
    """Belgorod is no unit of its own: "Russia > Belgorod" is still the city in Belgorod Oblast."""
    assert DEFAULT_GAZETTEER.normalise("Russia > Belgorod") == (
        "Russia",
        "Belgorod Oblast",
        "Belgorod",
    )


def test_a_source_on_another_edition_of_iso_is_not_trusted() -> None:
    """CLDR's Iran keeps ISO's old numbering (its IR-13 is Sistan and Baluchestan, ISO's IR-13 Hamadan): left out."""
    assert ("cldr", "IR") in name_index(_fold, _stems).distrusted
    assert place_key("Iran > Sistan and Baluchestan province") == ("IR", "IR-11")
    assert place_key("Iran > Tehran") == ("IR", "IR-23")


def test_ambiguous_english_names_name_no_subdivision() -> None:
    """A key two English names of one country share is reported, and resolves to none of them."""
    index = name_index(_fold, _stems)
    english_only = [
        (country, key, codes)
        for country, table in index.ambiguous.items()
        for key, codes in table.items()
        if not any(
            key in _stems(s.name)
            for s in pycountry.subdivisions
            if s.country_code == country and not getattr(s, "parent_code", None)
        )
    ]
    assert english_only, "the table has names two subdivisions share"
    for country, key, codes in english_only:
        assert key not in index.keys.get(country, {}), (country, key, codes)
        assert len(codes) > 1


def test_every_english_name_resolves_to_its_own_code_or_is_reported() -> None:
    """The law over the whole table: each name, written under its country, is its own subdivision,
    or the index says why not (the name is shared with another subdivision, or its source is left out
    for that country), or the gazetteer's own aliases give it to another (CLDR's "Sana'a" governorate,
    YE-SN, beside the capital "Sanaa", YE-SA)."""
    index = name_index(_fold, _stems)
    rows = names()
    assert {source for _, source, _ in rows} == set(SOURCES)
    wrong = []
    for code, source, name in rows:
        country = code.split("-", 1)[0]
        found = place_key(f"{pycountry.countries.get(alpha_2=country).name} > {name}")
        if found[:2] == (country, code):
            continue
        reported = (source, country) in index.distrusted or any(
            code in index.ambiguous.get(country, {}).get(k, ()) for k in _stems(name)
        )
        reported |= any(_SUBDIVISION_ALIASES.get(k, code) != code for k in _stems(name))
        if not reported:
            wrong.append((code, source, name, found))
    assert not wrong, wrong[:20]


@given(
    row=st.sampled_from(names()),
    kind=st.sampled_from(["region", "province", "governorate", "state", "Oblast"]),
)
def test_naming_the_kind_of_unit_keeps_the_subdivision(
    row: tuple[str, str, str], kind: str
) -> None:
    """Writing the kind of unit after an English name ("Lower Juba region") names the same subdivision,
    except for a city that is a unit of its own, whose name with a kind is the region around it."""
    code, _, name = row
    country = code.split("-", 1)[0]
    path = f"{pycountry.countries.get(alpha_2=country).name} > {name}"
    bare = place_key(path)
    if bare[:2] != (country, code) or _fold(name) in name_index(_fold, _stems).cities.get(
        country, {}
    ):
        return  # reported as ambiguous (the law above), or a city that is a unit of its own
    assert place_key(f"{path} {kind}")[:2] == (country, code)


@pytest.mark.skipif(not UCDP.exists(), reason="shared data not here")
@pytest.mark.parametrize("country", ["Syria", "Somalia"])
def test_ucdp_first_level_units_resolve(country: str) -> None:
    """UCDP GED (not written here) names Syria's governorates and Somalia's regions in English:
    every one resolves to an ISO 3166-2 code of its country, distinct names to distinct codes."""
    with (UCDP / "ucdp_ged231_sample1000.csv").open(encoding="utf-8") as f:
        units = {r["adm_1"] for r in csv.DictReader(f) if r["country"] == country and r["adm_1"]}
    assert len(units) >= 5
    keys = {unit: place_key(f"{country} > {unit}") for unit in units}
    alpha_2 = pycountry.countries.lookup(country).alpha_2
    assert all(len(k) == 2 and k[1].startswith(f"{alpha_2}-") for k in keys.values()), keys
    assert len({k[1] for k in keys.values()}) == len(units)
