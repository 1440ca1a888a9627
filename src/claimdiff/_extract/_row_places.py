"""Where a table's row lies: the place its label names, a town within its country, or its label within its place column.

A row label or a column header may name a place the gazetteer knows alone, one it knows only within the
text's country ("Aceh" in a text on Indonesia), a town before its country ("Alphaville, Freedonia"), or a
name inside the place another column gives ("Jaén | Spain"). The table reader (:mod:`._cells`) asks these rules for
every row and every header it might turn.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff._extract._place import known
from claimdiff._extract._place_owner import is_country
from claimdiff._extract._table import Cell

if TYPE_CHECKING:
    from claimdiff._extract._reader import _Reader

__all__ = ["named_place", "row_place"]

_DIGIT = re.compile(r"\d")


def row_place(
    reader: _Reader, row: tuple[Cell, ...], label: Cell, wider: list[int]
) -> tuple[str, ...]:
    """A row's place: its label's, or its label within the place of its other place column ("Jaén | Spain")."""
    gazetteer = reader.gazetteer
    if label.text and (town := _town_in_country(reader, label.text)):
        return town
    if label.text and (named := named_place(reader, label.text)):
        return named
    for k in wider:
        outer = row[k].text if k < len(row) else ""
        if outer and known(gazetteer, outer):
            if not label.text:  # no group over the row: its own place column's
                return gazetteer.normalise(outer)
            path = gazetteer.normalise((*gazetteer.normalise(outer), label.text))
            return path if known(gazetteer, path) else gazetteer.normalise(outer)
    return ()


def _town_in_country(reader: _Reader, name: str) -> tuple[str, ...]:
    """The town a cell names before its country or region ("Alphaville, Freedonia"), as a path; () for any other cell.

    A row's site written "town, country" is the town (rule 20 keeps what the text names), within
    the subdivision of its name when the gazetteer knows one (settled G7: towns of a governorate of
    the same name repeat it, `Iraq > Baghdad > Baghdad`).
    """
    town, comma, outer = name.rpartition(",")
    town, outer = town.strip(), outer.strip()
    gazetteer = reader.gazetteer
    if not comma or not town or _DIGIT.search(town) or not known(gazetteer, outer):
        return ()
    path = gazetteer.normalise((*gazetteer.normalise(outer), town))
    key = gazetteer.key(path)
    if (
        is_country(gazetteer, outer)
        and len(path) == _COUNTRY_AND_NAME
        and len(key) == _COUNTRY_AND_NAME
        and "-" in key[1]
    ):
        return (*path, town)  # the name of a first-level unit: the town of that name within it
    return path


def named_place(reader: _Reader, name: str) -> tuple[str, ...]:
    """The place a row label or column header names: known alone, else within the country the text is about.

    A report on one country heads its columns (or labels its rows) with its provinces, whose names
    the gazetteer may know only within that country ("Aceh" in a text on Indonesia).
    """
    gazetteer = reader.gazetteer
    if known(gazetteer, name):
        return gazetteer.normalise(name)
    country = reader.heading_place[:1]
    if not country or not known(gazetteer, country):
        return ()
    path = gazetteer.normalise((*country, name))
    key = gazetteer.key(path)
    # the name is found in the country's units (a code, or a path longer than country and name)
    return path if len(key) > _COUNTRY_AND_NAME or key[-1][:1].isupper() else ()


#: A path of a country and a name the gazetteer left as written: no unit it knows.
_COUNTRY_AND_NAME = 2
