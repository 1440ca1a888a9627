"""An infobox copied as a "|" table: section labels on rows of bars, one cell per side below them."""

from __future__ import annotations

from claimdiff import extract

#: A made-up battle's infobox and the first line of its lead, as a mirror copies them.
BATTLE = """Battle of the Old Bridge | |||||
---|---|---|---|---|
Belligerents | |||||
Kenya | Border rebels | ||||
Strength | |||||
400 soldiers 6 trucks (2 B12 tankers) |
900 rebels | ||||
Casualties and losses | |||||
Kenya 12 killed, 30 wounded, 2 captured 1 K-7 helicopter shot down Uganda 3 killed |
Rebel fighters 80-120 killed (per Red Cross) 150 killed (40 commanders), 60 wounded (per the rebels) |
|||||

The Battle of the Old Bridge was fought in Eldoret, Kenya, between the army and border rebels.
"""


def _read() -> dict[tuple[str, str], tuple[str, str, tuple[str, ...]]]:
    found = extract(BATTLE, outlet="Example Wiki", published="2020-05-01")
    return {
        (c.claim.metric.name, c.claim.estimate.interval_text()): (
            (c.claim.scope.counted or "").lower(),
            c.claim.source.name,
            c.claim.scope.place,
        )
        for c in found
    }


def test_strength_cells_are_forces_deployed_counted_their_own_noun() -> None:
    """Every figure under Strength is deployed; a model code holding digits is dropped."""
    read = _read()
    assert read[("deployed", "[400, 400]")][0] == "soldiers"
    assert read[("deployed", "[2, 2]")][0] == "tankers"
    assert read[("deployed", "[900, 900]")][0] == "rebels"


def test_a_casualty_without_a_noun_counts_its_sides_noun_told_apart_by_country() -> None:
    """'Kenya 12 killed' counts the side's soldiers, as Kenyan soldiers; 'Uganda 3 killed' Ugandan."""
    read = _read()
    assert read[("killed", "[12, 12]")][0] == "kenyan soldiers"
    assert read[("injured", "[30, 30]")][0] == "kenyan soldiers"
    assert read[("killed", "[3, 3]")][0] == "ugandan soldiers"


def test_an_unlisted_participle_is_the_metric_and_a_noun_before_the_verb_is_counted() -> None:
    """'2 captured' is captured; '1 K-7 helicopter shot down' counts the helicopter."""
    read = _read()
    assert read[("captured", "[2, 2]")][0] == "kenyan soldiers"
    assert read[("intercepted", "[1, 1]")][0] == "helicopter"


def test_a_closing_per_credits_the_run_of_figures_before_it() -> None:
    """'(per Red Cross)' credits the figure before it; '(per the rebels)' the three after that."""
    read = _read()
    assert read[("killed", "[80, 120]")][:2] == ("rebel fighters", "Red Cross")
    assert read[("killed", "[150, 150]")][1] == read[("injured", "[60, 60]")][1] != "Red Cross"
    assert read[("killed", "[40, 40]")][0] == "commanders"


def test_the_infobox_takes_the_place_its_lead_gives_the_event() -> None:
    """No place in the infobox: the lead's 'in Eldoret, Kenya' for every figure."""
    places = {place for _, _, place in _read().values()}
    assert len(places) == 1
    assert places.pop()[-1] == "Eldoret"
