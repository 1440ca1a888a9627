"""Source names: one name per body, from the built-in table and the caller's aliases."""

from __future__ import annotations

import pytest

from claimdiff._model.aliases import source_key
from claimdiff.sources import SOURCE_ALIASES, canonical_source


@pytest.mark.parametrize(
    "name",
    [
        "Russian Defence Ministry",
        "Russian Ministry of Defence",
        "Russia's MoD",
        "the russian ministry of defense",
        "Russia's defense ministry",
        "Ministry of Defence of Russia",
        "RUSSIAN MOD",
    ],
)
def test_russian_defence_ministry(name: str) -> None:
    """Every spelling of Russia's defence ministry is one source."""
    assert canonical_source(name) == "Russian Ministry of Defence"


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("UN Human Rights Office", "OHCHR"),
        ("United Nations Office for the Coordination of Humanitarian Affairs", "OCHA"),
        ("the World Health Organisation", "WHO"),
        ("International Organization for Migration", "IOM"),
        ("UN refugee agency", "UNHCR"),
        ("Doctors Without Borders", "Médecins Sans Frontières"),
    ],
)
def test_international_bodies(name: str, body: str) -> None:
    """UN agencies and common NGOs are known by their short names."""
    assert canonical_source(name) == body


def test_unknown_names_are_kept() -> None:
    """A name the tables do not know comes back as written (trimmed)."""
    assert canonical_source("  Regional governor Oleh Kiper ") == "Regional governor Oleh Kiper"


def test_caller_aliases_first() -> None:
    """The caller's aliases are matched after the same folding, and win over the built-in table."""
    assert (
        canonical_source("the Kyiv City Administration", {"Kyiv city administration": "KCMA"})
        == "KCMA"
    )
    assert canonical_source("OCHA", {"ocha": "UN OCHA"}) == "UN OCHA"


def test_table_keys_are_folded() -> None:
    """Every key of the built-in table is already in the folded form lookups use, so none is dead."""
    dead = [k for k in SOURCE_ALIASES if source_key(k) != k and source_key(k) not in SOURCE_ALIASES]
    assert dead == []
