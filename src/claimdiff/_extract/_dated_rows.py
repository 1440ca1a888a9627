r"""Tables of events pasted with single spaces: each row names an event, then its year, then its figure.

A list of events ("Eruption Year Casualties Major Cause") copied from a page keeps one row a line
but runs its cells together with single spaces: "Mount Alpha, Freedonia 1850 1,200 Mudflows". No
column is told by position, but the row's order is the header's: the words before the first
numeral are the event (and the place it names after its last comma), that numeral is the date
column's, the next one the metric column's. Footnote marks the copy runs into the cells are cut
off as the table's own pattern shows them (:mod:`claimdiff._extract._glued_marks`); a figure in
brackets after the cell ("1,200 (1,150)") is another figure for the same row, read as a row of its
own. The header has three columns or more, no digit, one naming a metric, and a date column
("Year", "Date") right before it. The tables are read like any other
(:mod:`claimdiff._extract._cells`), with the row's place put in a "Place" column before them.

>>> t = "Eruption Year Casualties Cause\nMount Alpha, Freedonia 1850 1,2002 Ash1\nBeta, Ruritania 1902 40 Lava\n"
>>> [[c.text for c in row] for tb in dated_rows(t, lambda s: s in {"Freedonia", "Ruritania"}) for row in tb.rows]
[['Freedonia', 'Mount Alpha, Freedonia', '1850', '1,200', 'Ash1'], ['Ruritania', 'Beta, Ruritania', '1902', '40', 'Lava']]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimdiff._extract._glued_marks import table_marks, unmarked
from claimdiff._extract._table import Cell, Table, header_metric, line_spans, title_line
from claimdiff._extract._wide import column_names

__all__ = ["dated_rows"]

#: A header column of dates.
_DATE_HEAD = re.compile(r"(?:year|date)s?", re.IGNORECASE)
#: A row: the event's words (no digit), its date (a year, an era after it), its figure cell, the rest.
_ROW = re.compile(
    r"[ \t]*(?P<event>[^\d\n]*[^\d\s])[ \t]+"
    r"(?P<date>\d{1,4}(?:[ \t]+(?:A\.D\.|B\.C\.|AD|BC|BCE|CE)(?!\w))?)[ \t]+"
    r"(?P<figure>\d[\d,]*)"
    r"(?:[ \t]*\((?P<other>\d[\d,]*)\)\d{0,2}(?:,\d)*)?"
    r"(?P<rest>[^\n]*)"
)
#: The fewest columns of a header, and rows of a table.
_COLUMNS = 3
_ROWS = 2
_HEADER_CHARS = 120
#: The metric column's place in the header: after the event's and the date's.
_METRIC_COLUMN = 2


def dated_rows(
    text: str, is_place: Callable[[str], bool], lines: list[tuple[int, int]] | None = None
) -> list[Table]:
    """Each table of events by year under a header naming one metric column after a date column."""
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    i = 0
    while i < len(lines):
        header = _header(text, *lines[i])
        if header is None:
            i += 1
            continue
        j = i + 1
        found: list[re.Match[str]] = []
        while j < len(lines) and (row := _ROW.fullmatch(text, *lines[j])) is not None:
            found.append(row)
            j += 1
        if len(found) >= _ROWS:
            rows, marks = _rows(text, header, found, is_place)
            caption = title_line(text, lines, i)
            out.append(
                Table(
                    lines[i][0], lines[j - 1][1], header, tuple(rows), caption=caption, marks=marks
                )
            )
        i = j
    return out


def _header(text: str, a: int, b: int) -> tuple[Cell, ...] | None:
    """A header line: capitalised words each opening a column, one column naming a metric after a date column."""
    if b - a > 2 * _HEADER_CHARS:
        return None
    body = text[a:b].strip()
    if (
        not body
        or not body[0].isupper()
        or len(body) > _HEADER_CHARS
        or any(ch.isdigit() or ch in ",.:;" for ch in body)
    ):
        return None
    columns = column_names(text, a, b)
    if len(columns) < _COLUMNS:
        return None
    metrics = [k for k, c in enumerate(columns) if header_metric(c.text) is not None]
    if metrics != [_METRIC_COLUMN] or not _DATE_HEAD.fullmatch(columns[_METRIC_COLUMN - 1].text):
        return None
    at = columns[0].start
    return (Cell(at, at, "Place"), *columns)


def _rows(
    text: str, header: tuple[Cell, ...], found: list[re.Match[str]], is_place: Callable[[str], bool]
) -> tuple[list[tuple[Cell, ...]], tuple[tuple[int, int], ...]]:
    """The rows' cells: place, event, date, figure (marks cut off), the rest; a bracketed figure a row of its own.

    Also the spans of the marks cut off the figures ("25,0001,3": "1,3"), so that they are listed as marks.
    """
    marks = table_marks(m.group("figure") + " " + m.group("rest") for m in found)
    cut: list[tuple[int, int]] = []
    out: list[tuple[Cell, ...]] = []
    for m in found:
        event = Cell(*m.span("event"), m.group("event"))
        place = _place(event, is_place)
        date = Cell(*m.span("date"), m.group("date"))
        rest_start = m.start("rest") + len(m.group("rest")) - len(m.group("rest").lstrip())
        rest = Cell(rest_start, rest_start + len(m.group("rest").strip()), m.group("rest").strip())
        for name in ("figure", "other") if m.group("other") else ("figure",):
            span = unmarked(m.group(name), marks)
            at = m.start(name)
            if span and span[1] < len(m.group(name).rstrip(", ")):
                cut.append((at + span[1], at + len(m.group(name).rstrip(", "))))
            figure = (
                Cell(at + span[0], at + span[1], text[at + span[0] : at + span[1]])
                if span
                else Cell(at, at, "")
            )
            # the words after the figure fill the next column (they cannot be told apart)
            after = (rest,) if len(header) > _METRIC_COLUMN + 2 else ()
            out.append((place, event, date, figure, *after))
    return out, tuple(cut)


def _place(event: Cell, is_place: Callable[[str], bool]) -> Cell:
    """The place an event's cell names after its last comma ("Mount Alpha, Freedonia"), else an empty cell."""
    comma = event.text.rfind(",")
    if comma < 0:
        return Cell(event.start, event.start, "")
    name = event.text[comma + 1 :].strip()
    start = event.start + event.text.index(name, comma)
    return (
        Cell(start, start + len(name), name)
        if is_place(name)
        else Cell(event.start, event.start, "")
    )
