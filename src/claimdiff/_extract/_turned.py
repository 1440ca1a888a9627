"""Tables on their side: places (or dates) head the columns and metrics label the rows.

A situation report often writes its tolls as "| | Province A | Province B |" over "| Dead | 12 | 4 |",
"| Injured | 30 | 9 |": each column is a place, each row a metric. Such a table is turned
(its columns become rows, its row labels the header) and read by the one cell reader every
table goes through (:func:`claimdiff._extract._cells.table_candidates`): the metric and the thing
counted come from the header (the former row label), the place from the row's first cell (the
former column header), a "Total" column becomes a totals row. No rule of a cell is restated here.

A table is turned when its header, after its corner cell, has at least two places or dates and
names no metric, and most of its labelled rows name a metric ("Dead", "Houses destroyed").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimdiff._extract._table import Cell, Table, header_metric, noun_metric
from claimdiff._extract._time import MONTH_PATTERN

__all__ = ["is_date", "turned"]

#: A header cell that is a date: "3 May", "May 3", "3 May 2024", "May 2024", "2024-05-03", "03/05/2024", "Week 12".
_DATE_HEAD = re.compile(
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}(?:,?\s+(?:19|20)\d\d)?"
    rf"|{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?"
    rf"|{MONTH_PATTERN}\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d"
    r"|(?:epi(?:demiological)?\s+)?week\s+\d{1,2}(?:/(?:19|20)\d\d)?)",
    re.IGNORECASE,
)

#: The fewest columns headed by places or dates that turn a table on its side.
_TURNING_COLUMNS = 2


def is_date(head: str) -> bool:
    """Whether a header cell is a date or a reporting week, and nothing else.

    >>> is_date("3 May"), is_date("May 3, 2024"), is_date("2024-05-03"), is_date("Week 12"), is_date("Deaths")
    (True, True, True, True, False)
    """
    return _DATE_HEAD.fullmatch(head.strip()) is not None


def _names_metric(words: str) -> bool:
    return header_metric(words) is not None or noun_metric(words) is not None


def turned(table: Table, is_place: Callable[[str], bool]) -> Table:
    r"""The table turned on its side when its columns are places or dates and its rows metrics; else itself.

    >>> from claimdiff._extract._table import tables
    >>> t = "| | Alpha | Beta |\n|---|---|---|\n| Dead | 3 | 4 |\n| Injured | 9 | 1 |\n"
    >>> side = turned(tables(t)[0], lambda s: s in {"Alpha", "Beta"})
    >>> [c.text for c in side.header], [[c.text for c in r] for r in side.rows]
    (['', 'Dead', 'Injured'], [['Alpha', '3', '9'], ['Beta', '4', '1']])
    """
    header, rows = table.header, table.rows
    if header and rows and all(len(row) == len(header) + 1 for row in rows):
        header = (Cell(header[0].start, header[0].start, ""), *header)  # no corner cell written
    if len(header) < _TURNING_COLUMNS + 1 or not rows:
        return table
    heads = [h.text for h in header[1:]]
    if any(_names_metric(h) for h in heads if h):
        return table
    if sum(1 for h in heads if h and (is_place(h) or is_date(h))) < _TURNING_COLUMNS:
        return table
    labels = [row[0].text for row in rows if row and row[0].text]
    if not labels or 2 * sum(1 for t in labels if _names_metric(t)) <= len(labels):
        return table
    width = len(header)
    columns = []
    for k in range(1, width):
        gap = Cell(header[k].end, header[k].end, "")
        columns.append((header[k], *(row[k] if k < len(row) else gap for row in rows)))
    return Table(
        start=table.start,
        end=table.end,
        header=(header[0], *(row[0] for row in rows)),
        rows=tuple(columns),
        prose=table.prose,
        caption=table.caption,
    )
