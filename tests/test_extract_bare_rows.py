"""A table row of bars alone (an infobox copied from a web page) is no row to read, and no reason to stop."""

from __future__ import annotations

from claimdiff import extract

INFOBOX = """Flood of the river valley | ||||
---|---|---|---|
|||||
Losses | ||||
Villagers 14 killed, 30 injured |
|||||
"""


def test_a_row_of_bars_alone_is_passed_over() -> None:
    """The infobox's figures are read; the rows without cells give nothing and break nothing."""
    found = extract(INFOBOX, outlet="Example Wiki", published="2020-05-01")
    read = {(c.claim.metric.name, c.claim.estimate.interval_text()) for c in found}
    assert ("killed", "[14, 14]") in read
    assert ("injured", "[30, 30]") in read
