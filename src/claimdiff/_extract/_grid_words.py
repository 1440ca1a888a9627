r"""Grids whose cells only single spaces split: rows of a label then figures, one a line or run into one line.

A table pasted from a PDF or a page often loses its column gaps: "Alpha 12 40" under
"District Deaths Injured". Its rows still show their cells: a row is a label (words, or a
date: "12 May 2020"), perhaps after the row's number ("3 Alpha", "3. Alpha"), then one figure
per column ("-" or "n/a" for none), and its header is the line of words above it, each
capitalised word opening a column (the form of sentence-case headers: "Province Number of
deaths Injured"); with fewer capitalised words than columns, a word a column. The header's
last columns are the figures', the first (if any is left) the labels'. Two rows or more with
as many figures each make a grid.

A table run into one line keeps its rows' numbers: "Ward Dead Hurt 1. Alder 4 9 2. Birch 2 7
Total 6 16" is cut into rows at 1., 2., ... (a "Total" row may close them), the words before
them its header. (Key figures over their labels are read by :mod:`._grid_strips`.)

Both are :class:`~claimdiff._extract._table.Table` objects read like any other
(:mod:`claimdiff._extract._cells`).

>>> t = "No. District Deaths Injured\n1 Alpha 12 40\n2 Beta 5 -\n"
>>> [[c.text for c in row] for g in word_grids(t) for row in (g.header, *g.rows)]
[['District', 'Deaths', 'Injured'], ['Alpha', '12', '40'], ['Beta', '5', '']]
>>> t = "Ward Dead Hurt 1. Alder 4 9 2. Birch 2 7 Total 6 16\n"
>>> [[c.text for c in row] for g in word_grids(t) for row in (g.header, *g.rows)]
[['Ward', 'Dead', 'Hurt'], ['Alder', '4', '9'], ['Birch', '2', '7'], ['Total', '6', '16']]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from claimdiff._extract._grid import is_empty, is_figure
from claimdiff._extract._table import Cell, Table, line_spans, title_line
from claimdiff._extract._time import MONTH_PATTERN

__all__ = ["Row", "equal_rows", "title_columns", "word_grids"]


def title_columns(text: str, start: int, end: int, columns: int) -> list[Cell] | None:
    """A single-spaced header split into ``columns`` cells: each capitalised word opens one.

    With more capitalised words than columns, the first cells are joined (they name the
    labels' column); with fewer, a header of as many words as columns has a word a column.
    A header holding a digit or a sentence's punctuation, or that cannot be split so, gives None.

    >>> [c.text for c in title_columns("Province Number of deaths Injured", 0, 33, 3)]
    ['Province', 'Number of deaths', 'Injured']
    >>> [c.text for c in title_columns("Country dead missing", 0, 20, 3)]
    ['Country', 'dead', 'missing']
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    if not words or any(ch.isdigit() for ch in text[start:end]) or _PROSE.search(text, start, end):
        return None  # a header holds no figure, and is no sentence
    opens = [n for n, (a, _) in enumerate(words) if n == 0 or text[a].isupper()]
    if len(opens) < columns:
        if len(words) != columns:
            return None
        opens = list(range(len(words)))
    opens = [0, *opens[len(opens) - columns + 1 :]] if columns > 1 else [0]
    bounds = [*opens, len(words)]
    return [
        Cell(words[p][0], words[q - 1][1], text[words[p][0] : words[q - 1][1]])
        for p, q in itertools.pairwise(bounds)
    ]


def word_grids(text: str, lines: list[tuple[int, int]] | None = None) -> list[Table]:
    """Every single-spaced grid of ``text``: rows of a label and figures under a header, one a line or numbered in one."""
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    i = 0
    while i < len(lines):
        rows, k = equal_rows(text, lines, i, _row)
        table = _table(text, lines, i, rows) if len(rows) >= _ROWS else None
        if table is None:
            table = _numbered(text, *lines[i])
        if table is not None:
            out.append(table)
        i = max(k, i + 1)
    return out


#: A line read as a row: its label and its figures, or None.
Row = tuple[Cell, tuple[Cell, ...]]


def equal_rows(
    text: str,
    lines: list[tuple[int, int]],
    i: int,
    read: Callable[[str, int, int], Row | None],
) -> tuple[list[Row], int]:
    r"""The rows ``read`` finds from line ``i`` on, as long as each has as many figures as the first; the line after.

    >>> t = "Alpha 1 2\nBeta 3 4\nGamma 5\n"
    >>> rows, k = equal_rows(t, line_spans(t), 0, _row)
    >>> [label.text for label, _ in rows], k
    (['Alpha', 'Beta'], 2)
    """
    rows: list[Row] = []
    k = i
    while k < len(lines) and (row := read(text, *lines[k])) is not None:
        if rows and len(row[1]) != len(rows[0][1]):
            break
        rows.append(row)
        k += 1
    return rows, k


def _row(text: str, start: int, end: int) -> Row | None:
    """A line's label and figures: "[3.] Alpha 12 40", "12 May 2020 40 2"; None for any other line."""
    if end - start > _LINE_CHARS or "\t" in text[start:end] or "|" in text[start:end]:
        return None
    row = _leading_row(text, start, end)
    return row[:2] if row is not None and row[2] == end else None


def _leading_row(text: str, start: int, end: int) -> tuple[Cell, tuple[Cell, ...], int] | None:
    """The row opening ``text[start:end]``: its label, its figures up to the first other word, and where it ends."""
    m = _LABEL.match(text, start, end)
    if m is None:
        return None
    label = Cell(m.start("label"), m.end("label"), m.group("label"))
    cells: list[Cell] = []
    stop = m.end()
    for w in _WORD.finditer(text, m.end(), end):
        word = w.group()
        if not (is_figure(word) or is_empty(word)):
            stop = w.start()
            break
        cells.append(Cell(w.start(), w.end(), "" if is_empty(word) else word))
        stop = end
    if not any(c.text for c in cells):
        return None
    return label, tuple(cells), stop


def _numbered(text: str, start: int, end: int) -> Table | None:
    """A table run into one line, its rows numbered: "Ward Dead Hurt 1. Alder 4 9 2. Birch 2 7 Total 6 16".

    The rows are cut at their numbers (1, 2, 3 ... in order), a row "Total" may close them, and
    the words before the first number, from the line's start or its last sentence, are the header.
    """
    if end - start > _NUMBERED_CHARS:
        return None
    chain: list[re.Match[str]] = []
    for m in _SERIAL.finditer(text, start, end):
        if int(m.group("n")) == len(chain) + 1:
            chain.append(m)
    if len(chain) < _ROWS:
        return None
    rows: list[tuple[Cell, tuple[Cell, ...], int]] = []
    for m, after in zip(chain, [*(n.start() for n in chain[1:]), end], strict=True):
        row = _leading_row(text, m.end(), after)
        if row is None or (rows and len(row[1]) != len(rows[0][1])):
            return None
        rows.append(row)
    total = _TOTAL.match(text, rows[-1][2], end)
    closing = _leading_row(text, total.start(1), end) if total is not None else None
    if closing is not None and len(closing[1]) == len(rows[0][1]):
        rows.append(closing)
    if _spaced_thousands([(label, cells) for label, cells, _ in rows]):
        return None
    lead = max((m.end() for m in _BREAK.finditer(text, start, chain[0].start())), default=start)
    lead = _numbers_head(text, lead, chain[0].start())
    width = len(rows[0][1])
    head_end = chain[0].start()
    while head_end > lead and text[head_end - 1].isspace():
        head_end -= 1
    head = title_columns(text, lead, head_end, width + 1) or title_columns(
        text, lead, head_end, width
    )
    if head is None or len(head) > _MOST_COLUMNS:
        return None
    if len(head) == width:
        head = [Cell(lead, lead, ""), *head]
    return Table(
        start=lead,
        end=rows[-1][2],
        header=tuple(head),
        rows=tuple((label, *cells) for label, cells, _ in rows),
    )


def _table(
    text: str,
    lines: list[tuple[int, int]],
    top: int,
    rows: list[tuple[Cell, tuple[Cell, ...]]],
) -> Table | None:
    """The grid of rows under the header line right above them, if that line names their columns."""
    if top == 0 or _spaced_thousands(rows):
        return None
    a, b = lines[top - 1]
    a = _numbers_head(text, a, b)
    width = len(rows[0][1])
    head = title_columns(text, a, b, width + 1) or title_columns(text, a, b, width)
    if head is None or len(head) > _MOST_COLUMNS:
        return None
    if len(head) == width:  # no header over the labels
        head = [Cell(a, a, ""), *head]
    return Table(
        start=a,
        end=lines[top + len(rows) - 1][1],
        header=tuple(head),
        rows=tuple((label, *cells) for label, cells in rows),
        caption=title_line(text, lines, top - 1),
    )


def _numbers_head(text: str, start: int, end: int) -> int:
    """Where a header starts after the name of a column of row numbers ("No.", "S/N", "#"), if it opens with one."""
    m = _NUMBERS_HEAD.match(text, start, end)
    return m.end() if m is not None else start


def _spaced_thousands(rows: list[tuple[Cell, tuple[Cell, ...]]]) -> bool:
    """Whether a space may part a figure's thousands ("12 500"): no figure of the rows is grouped otherwise.

    A three-digit cell after a cell of one to three digits could be one figure or two; the grid
    is read only when its other figures show that spaces part cells (they group by commas or dots).
    """
    cells = [c.text for _, row in rows for c in row if c.text]
    if any(_GROUPED.fullmatch(t) for t in cells):
        return False
    return any(
        _SHORT.fullmatch(x.text) and _GROUP.fullmatch(y.text)
        for _, row in rows
        for x, y in itertools.pairwise(row)
    )


_WORD = re.compile(r"\S+")
_MONTH = rf"(?i:{MONTH_PATTERN})"
#: A row's label: its number first if any ("3", "3.", "(3)"), then words without a digit, or a date.
_LABEL = re.compile(
    rf"[ \t]*(?:\(?\d{{1,3}}[.)]?[ \t]+(?!{_MONTH}))?(?P<label>"
    rf"\d{{1,2}}[ \t]+{_MONTH}(?:[ \t]+(?:19|20)\d\d)?|{_MONTH}[ \t]+\d{{1,2}},?(?:[ \t]+(?:19|20)\d\d)?|"
    r"(?:19|20)\d\d-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}|[^\d\s][^\d\n]{0,58}?)(?=[ \t]+[~<>≥≤$€£]?\d|[ \t]+[-–—][ \t])"
)
_SHORT = re.compile(r"\d{1,3}")
#: A sentence's punctuation: a comma, or a stop closing a word of two letters or more, then a space or the end.
_PROSE = re.compile(r",|[a-z]{2}[.!?;](?:\s|$)")
#: A row's number inside a line: "1. ", "2) " before a capitalised word.
_SERIAL = re.compile(r"(?<!\S)(?P<n>\d{1,2})[.)][ \t]+(?=[A-Z])")
#: The name of a column of row numbers: "No.", "Nr", "S/N", "SN", "Sr.", "Serial", "#".
_NUMBERS_HEAD = re.compile(r"[ \t]*(?:No|Nr|S/?N|Sr|Serial|#)\.?[ \t]+", re.IGNORECASE)
#: A totals row after the numbered ones.
_TOTAL = re.compile(r"[ \t]*((?:Grand[ \t]+)?Totals?)\b")
#: Where a header run into a line may start: after a sentence's end or a colon.
_BREAK = re.compile(r"[.:;][ \t]+(?=[A-Z])")
_GROUP = re.compile(r"\d{3}")
_GROUPED = re.compile(r"\d{1,3}(?:[,.]\d{3})+(?:\.\d+)?")
#: The fewest rows of a single-spaced grid, and the longest line of a row.
_ROWS = 2
_LINE_CHARS = 400
#: The longest line read as a table run into one line (a paragraph of a report's tables at most).
_NUMBERED_CHARS = 4000
_MOST_COLUMNS = 12
