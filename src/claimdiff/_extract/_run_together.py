r"""A list's rows whose cells run together: "Battle of Alpha1850 BCFirst War12,000[3]", one row a line.

An encyclopedia's list copied from a page that drops its cell breaks gives each row as one run of
words glued to figures, the figure column last: the row's figure is the numeral (or range, with a
hedge word) closing the line, its footnote marks ("[3]") no numerals (ANNOTATION.md rule 35). A
run of three lines or more so closed, none a sentence, with the figure glued to the words before
it (no space: the cell break lost), is such a list. It has no header: its figures take the metric
of the nearest title above it that names one ("List of floods by deaths"), the title standing for
the figure column's header; with no such title the run is no table. Each row is where its label
says, if it names a place, else nowhere the text names: the list's rows are events apart from
the place of the text's lead. The tables are read like any
other (:mod:`claimdiff._extract._cells`).

>>> t = "List of sieges by deaths\nOld sieges\nSiege of Alpha1850 BCFirst War12,000[3]\n"
>>> t += "Siege of Beta1790 BCSecond War3,000–4,000[4]\nSiege of Gamma1702 BCThird WarAround 900\n"
>>> [[c.text for c in row] for tb in run_together(t) for row in (tb.header, *tb.rows)]  # doctest: +NORMALIZE_WHITESPACE
[['Name or place', 'List of sieges by deaths'], ['Siege of Alpha1850 BCFirst War', '12,000[3]'],
 ['Siege of Beta1790 BCSecond War', '3,000–4,000[4]'], ['Siege of Gamma1702 BCThird War', 'Around 900']]
"""

from __future__ import annotations

import re

from claimdiff._extract._table import Cell, Table, header_metric, line_spans

__all__ = ["run_together"]

#: The figure cell closing a row: a hedge word, a numeral or range, footnote marks, nothing after.
_LAST_CELL = re.compile(
    r"(?<![\d,.\s])(?P<cell>(?:(?:around|about|approximately|over|at\s+least|up\s+to|c\.)\s*)?"
    r"\d[\d,]*(?:\[\d{1,3}\])*(?:[ \t]*[–-][ \t]*\d[\d,]*(?:\[\d{1,3}\])*)?\+?)[ \t]*$",
    re.IGNORECASE,
)
#: The characters a row's figure cell ends with.
_CLOSES = frozenset("0123456789]+")
#: The longest row, and the fewest rows of a run.
_ROW_CHARS = 160
_ROWS = 3
#: The longest title line, and how far above a run its title is looked for.
_TITLE_CHARS = 80
_TITLE_REACH = 6


def run_together(text: str, lines: list[tuple[int, int]] | None = None) -> list[Table]:
    """Each run of rows whose cells run together under a title naming their metric."""
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    i = 0
    while i < len(lines):
        j = i
        rows: list[tuple[Cell, ...]] = []
        while j < len(lines) and (row := _row(text, *lines[j])) is not None:
            rows.append(row)
            j += 1
        if len(rows) >= _ROWS and (title := _title(text, lines, i)) is not None:
            # the label is the row's own: its place if it names one, else the row lies nowhere the
            # text names (a list of events is not where the text's lead is)
            name = Cell(rows[0][0].start, rows[0][0].start, "Name or place")
            out.append(Table(lines[i][0], lines[j - 1][1], (name, title), tuple(rows)))
        i = max(j, i + 1)
    return out


def _row(text: str, a: int, b: int) -> tuple[Cell, ...] | None:
    """A line's label (the words before its closing figure) and figure cell, if it is such a row."""
    if b - a > _ROW_CHARS:
        return None
    body = text[a:b].rstrip()
    if not body or body[-1] not in _CLOSES or not any(ch.isalpha() for ch in body):
        return None  # a row closes on its figure (a digit, a footnote mark's bracket, a plus)
    if body.endswith((".", ":", ";")):
        return None
    last = _LAST_CELL.search(text, a, b)
    if last is None:
        return None
    lead = a + len(text[a:b]) - len(text[a:b].lstrip())
    label = text[lead : last.start("cell")]
    if sum(ch.isalpha() for ch in label) < 2:
        return None
    return (Cell(lead, last.start("cell"), label), Cell(*last.span("cell"), last.group("cell")))


def _title(text: str, lines: list[tuple[int, int]], top: int) -> Cell | None:
    """The nearest short title above line ``top`` that names a metric ("List of floods by deaths")."""
    for k in range(top - 1, max(top - 1 - _TITLE_REACH, -1), -1):
        a, b = lines[k]
        body = text[a:b].strip()
        if not body or len(body) > _TITLE_CHARS or body.endswith("."):
            continue
        if header_metric(body) is not None:
            lead = a + len(text[a:b]) - len(text[a:b].lstrip())
            return Cell(lead, lead + len(body), body)
    return None
