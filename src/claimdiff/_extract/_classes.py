r"""Rows of a table that count events by class: "Number by magnitude" over "7.0–7.9 | 16".

An encyclopedia's list of earthquakes opens with an infobox whose row "Number by magnitude"
heads rows of a magnitude class and a count ("9.0+ | 0", "7.0–7.9 | 16"). The class is no
figure (ANNOTATION.md rule 1) but the kind of event each cell counts (settled J15): the cell is
``recorded``, counted the events the table's title names with the class as modifier (rule 13:
"magnitude 7.0–7.9 earthquakes"); a "0" is a zero claim (rule 46). The events are the plural
noun of the title (or of the heading row) that names events a report counts (rule 36); a table
whose title names none counts nothing this module reads.

>>> text = "List of earthquakes in 1990\nNumber by magnitude | |\n6.0–6.9 | 12 |\n"
>>> by_class(text, (0, 27), text.index("6.0"), "6.0–6.9")
('recorded', 'magnitude 6.0–6.9 earthquakes')
"""

from __future__ import annotations

import re

from claimdiff._extract._table import noun_metric

__all__ = ["by_class"]

#: The row heading the classes: "Number by magnitude", "Number by intensity".
_BY = re.compile(r"\bnumber\s+by\s+(?P<kind>[a-z]+)\b", re.IGNORECASE)
#: A class of a measure: "9.0+", "7.0–7.9", "8+", "< 5".
_CLASS = re.compile(r"[<>≥≤]?\s*\d+(?:\.\d+)?\s*(?:\+|[-–]\s*\d+(?:\.\d+)?)?")
#: How far above a row its "Number by" heading is looked for (the class rows of an infobox are few).
_REACH = 600
_WORD = re.compile(r"[A-Za-z]+")


def by_class(
    text: str, title: tuple[int, int] | None, row_start: int, label: str
) -> tuple[str, str] | None:
    """The metric and thing a row labelled by a class counts, under a "Number by KIND" heading above it.

    ``title`` is the span of the table's title line (what the events are), ``row_start`` the offset
    of the row and ``label`` its first cell. ``None`` when the label is no class, no heading stands
    above the row, or the title names no events.
    """
    if not _CLASS.fullmatch(label.strip()):
        return None
    heads = list(_BY.finditer(text, max(0, row_start - _REACH), row_start))
    if not heads:
        return None
    head = heads[-1]
    if text.count("\n", head.end(), row_start) > _ROWS:
        return None
    events = _events(text, title) if title else None
    if events is None:
        return None
    return "recorded", f"{head.group('kind').lower()} {label.strip()} {events}"


#: The most rows a heading's classes run to.
_ROWS = 12


def _events(text: str, span: tuple[int, int]) -> str | None:
    """The plural noun of a title that names events a report counts ("List of earthquakes in 2016")."""
    for word in _WORD.findall(text, *span):
        implied = noun_metric(word)
        if implied is not None and implied[0] == "recorded":
            return implied[1]
    return None
