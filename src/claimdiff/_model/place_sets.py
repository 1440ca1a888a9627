"""Place sets: a figure about several places at once ("over four regions") is about their union.

The last part of a place set's path lists its places, joined by ``+`` ("Russia > Belgorod Oblast + Kursk
Oblast"). Its places are siblings under the path before it, so they do not overlap and the figures stated
for them add up to the figure of the set.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["UNION", "place_set", "union_path"]

#: How the places of a place set are joined in the last part of its path.
UNION = " + "


def _members(text: str) -> list[str]:
    """The names a place set's last part lists: each once, in one order whatever order they were written in."""
    names = {" ".join(p.split()) for p in text.split("+")} - {""}
    return sorted(names, key=lambda n: (n.casefold(), n))


def union_path(place: Sequence[str]) -> tuple[str, ...]:
    """A place path in its one written form: a place set's places each once, in a fixed order.

    >>> union_path(("Russia", "Kursk Oblast +  Belgorod Oblast + Kursk Oblast"))
    ('Russia', 'Belgorod Oblast + Kursk Oblast')
    >>> union_path(("Russia", "Belgorod Oblast"))
    ('Russia', 'Belgorod Oblast')
    """
    if not place or "+" not in place[-1]:
        return tuple(place)
    names = _members(place[-1])
    return (*place[:-1], UNION.join(names)) if names else tuple(place)


def place_set(place: Sequence[str]) -> tuple[tuple[str, ...], ...] | None:
    """The places a place set is the union of, each as its own path; ``None`` for a single place.

    >>> place_set(("Russia", "Belgorod Oblast + Kursk Oblast"))
    (('Russia', 'Belgorod Oblast'), ('Russia', 'Kursk Oblast'))
    >>> place_set(("Russia", "Belgorod Oblast")) is None
    True
    """
    if not place or "+" not in place[-1]:
        return None
    names = _members(place[-1])
    if len(names) < 2:
        return None
    parent = tuple(place[:-1])
    return tuple((*parent, n) for n in names)
