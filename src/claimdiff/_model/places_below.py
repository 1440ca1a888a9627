"""Second-level subdivisions of ISO 3166-2: the provinces, districts and departments within a first-level unit.

ISO 3166-2 names, for some countries, the units within the first level: the Philippines' provinces within
its regions ("Southern Leyte" in Eastern Visayas), Morocco's provinces within its regions ("Al Haouz" in
Marrakech-Safi), the districts of Malawi, Uganda and Bangladesh, the departments of France, the provinces
of Spain and Italy, Indonesia's provinces within its island groups. Reports name these units without
their region; the gazetteer (:mod:`claimdiff._model.places`) puts them under it, so a district named with
or without its region is one place. They come from :mod:`pycountry` (loaded on first use), each known by
the keys a first-level unit is known by (:func:`claimdiff._model.place_names.stems`).

A name is read as a second-level unit only where no first-level unit has it, and, without a country,
only when one unit of one country has it (and it names no part of a country by its bearing alone).
"""

from __future__ import annotations

import functools

import attrs

from claimdiff._model.place_names import fold, stems, variants

__all__ = ["Unit2", "second_level"]

#: Words that name a part of a country by its bearing: never enough, alone, to tell which country's.
_BEARINGS = frozenset(
    {"north", "south", "east", "west", "central", "centre", "center", "nord", "sud", "est", "ouest"}
    | {"northern", "southern", "eastern", "western", "upper", "lower", "middle", "capital", "city"}
)


@attrs.frozen
class Unit2:
    """A second-level subdivision.

    Attributes:
        code: Its ISO 3166-2 code ("PH-SLE").
        name: Its ISO name ("Southern Leyte").
        parent: The ISO 3166-2 code of the first-level unit it lies in ("PH-08").
    """

    code: str
    name: str
    parent: str


@functools.cache
def _index() -> tuple[dict[str, dict[str, list[Unit2]]], dict[str, list[Unit2]]]:
    """Per country, key -> its second-level units of that key; and key -> the units of any country."""
    import pycountry  # noqa: PLC0415 - loaded on first use: `import claimdiff` stays light

    by_code = {s.code: s for s in pycountry.subdivisions}
    per_country: dict[str, dict[str, list[Unit2]]] = {}
    anywhere: dict[str, list[Unit2]] = {}
    for s in pycountry.subdivisions:
        parent = getattr(s, "parent_code", None)
        if not parent or getattr(by_code.get(parent), "parent_code", None):
            continue  # the second level only: its parent is a first-level unit
        unit = Unit2(s.code, s.name, parent)
        table = per_country.setdefault(s.country_code, {})
        for key in stems(s.name):
            table.setdefault(key, []).append(unit)
            anywhere.setdefault(key, []).append(unit)
    return per_country, anywhere


def second_level(text: str, country: str | None, parent: str | None = None) -> Unit2 | None:
    """The second-level unit ``text`` names, within ``parent`` or ``country`` when given; ``None`` if none or several.

    >>> second_level("Southern Leyte province", "PH")
    Unit2(code='PH-SLE', name='Southern Leyte', parent='PH-08')
    >>> second_level("Al Haouz", None).parent
    'MA-07'
    """
    folded = fold(text)
    keys = [k for k in (*stems(text), *variants(folded)) if k]
    per_country, anywhere = _index()
    if country is not None:
        table = per_country.get(country, {})
        hits = {u.code: u for k in keys for u in table.get(k, ()) if parent in (None, u.parent)}
    else:
        if not set(folded.split()) - _BEARINGS or len(folded) < 4:
            return None
        hits = {u.code: u for k in keys for u in anywhere.get(k, ())}
    return next(iter(hits.values())) if len(hits) == 1 else None
