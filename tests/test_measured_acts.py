"""A measurement's metric says what was done to it: land destroyed is lost, goods given are delivered."""

from __future__ import annotations

from claimdiff import extract


def _metrics(sentence: str) -> list[str]:
    return [
        c.claim.metric.name
        for c in extract(sentence, published="2024-03-01", outlet="Example News")
    ]


def test_land_destroyed_is_lost():
    """An area destroyed is lost, never intercepted nor razed."""
    assert _metrics("The ministry said 2,400 hectares of maize were destroyed by hail.") == ["lost"]
    assert _metrics("Hail destroyed 640 ha of wheat, the ministry said.") == ["lost"]


def test_land_damaged_keeps_its_verb():
    """An area damaged is damaged: only destroying is read as loss."""
    assert _metrics("The ministry said 2,400 hectares of maize were damaged by hail.") == [
        "damaged"
    ]


def test_goods_given_are_delivered():
    """A mass a verb of giving gives is delivered, before or after it."""
    assert _metrics("The agency has supplied 35 tonnes of seed to farmers.") == ["delivered"]
    assert _metrics("The agency said 35 tonnes of seed were donated.") == ["delivered"]


def test_a_mass_with_no_act_keeps_its_dimension():
    """A mass nothing is done to is read by its dimension, as before."""
    assert _metrics("The agency said the silo holds 35 tonnes.") != ["delivered"]
