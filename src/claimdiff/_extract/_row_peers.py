"""A table's row named like a country, among rows of one country's subdivisions, is that country's subdivision.

"Georgia" among rows of Alabama, Arkansas and Tennessee is the US state, not the country: a
table by place lists places of one kind, so a row whose name is both a country and a
first-level subdivision of the country most of its rows lie in is read as that subdivision.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from claimdiff._model.places import Gazetteer

__all__ = ["within_peers"]


def within_peers(
    gazetteer: Gazetteer, places: Sequence[tuple[str, ...]], labels: Sequence[str]
) -> list[tuple[str, ...]]:
    """``places`` with each country-named row moved into the country most rows' subdivisions lie in.

    >>> from claimdiff._extract._gazetteer_reads import DEFAULT_GAZETTEER as g
    >>> rows = [("United States", "Alabama"), ("United States", "Ohio"), ("Georgia",)]
    >>> within_peers(g, rows, ["Alabama", "Ohio", "Georgia"])[2]
    ('United States', 'Georgia')
    """
    inner = Counter(p[0] for p in places if len(p) >= _SUBDIVISION)
    placed = sum(1 for p in places if p)
    if not inner:
        return list(places)
    country, count = inner.most_common(1)[0]
    if count < _PEERS or 2 * count <= placed:
        return list(places)
    out = []
    for place, label in zip(places, labels, strict=True):
        if len(place) == 1 and place[0] != country:
            path = gazetteer.normalise((country, label))
            key = gazetteer.key(path)
            if len(path) == _SUBDIVISION and len(key) == _SUBDIVISION and "-" in key[1]:
                place = path  # noqa: PLW2901 - the row's place, read within its peers' country
        out.append(place)
    return out


#: A path to a first-level subdivision: its country and its name.
_SUBDIVISION = 2
#: The fewest rows in subdivisions of one country that place a country-named row among them.
_PEERS = 2
