r"""The grid of a block of lines: its rows and columns told by separators and alignment, whatever the layout.

A table pasted as text keeps its rows one a line and splits its cells by one separator: a
tab, a bar ("|") or a run of two spaces or more. The grid is a run of such lines, one
separator throughout: its header is its first lines whose cells hold no figure (up to
:data:`_HEADER_LINES`, written on two lines or more: each column's words joined top to bottom),
its rows the lines under them holding a figure. Columns are told by the header: a row's cell
belongs to the header cell it stands under (spaced grids, where a cell may be shorter than its
header and aligned to either side) or has the header cell's rank (tabs and bars). A row's label
standing left of every header cell is a column of its own, under an empty header; a first
column numbering the rows (1, 2, 3 ...) is no data and is left out (its numbers unread). A dash,
"n/a" or nothing stands for an empty cell.

The grid is a :class:`~claimdiff._extract._table.Table` read like any other
(:mod:`claimdiff._extract._cells`): each figure cell's metric from its column header or its
row's label, its place from its row's label or (a table on its side) its column's header.

>>> t = "District    Deaths   Injured\nAlpha           12        40\nBeta             5         -\n"
>>> [[c.text for c in row] for g in grids(t) for row in (g.header, *g.rows)]
[['District', 'Deaths', 'Injured'], ['Alpha', '12', '40'], ['Beta', '5', '']]
>>> t = "No.  Region   Cases\n1    North      120\n2    South       45\n"
>>> [[c.text for c in row] for g in grids(t) for row in (g.header, *g.rows)]
[['Region', 'Cases'], ['North', '120'], ['South', '45']]
"""

from __future__ import annotations

import itertools
import re

import attrs

from claimdiff._extract._table import Cell, Table, grouped, line_spans, title_line

__all__ = ["grids", "is_empty", "is_figure", "split_line"]


def is_figure(cell: str) -> bool:
    """Whether a cell holds one figure alone: "12", "3,200", "~40", "12 500", "1.2", "45%", "300+", "12[3]".

    >>> is_figure("3,200"), is_figure("12 500"), is_figure("45%"), is_figure("Alpha 3"), is_figure("2019-03-01")
    (True, True, True, False, False)
    """
    return len(cell) <= _FIGURE_CHARS and _FIGURE.fullmatch(cell) is not None


def is_empty(cell: str) -> bool:
    """Whether a cell says it holds nothing: blank, a dash, "n/a", "..", "nil", "none", "unknown".

    >>> is_empty("-"), is_empty("N/A"), is_empty(" "), is_empty("0")
    (True, True, True, False)
    """
    return _EMPTY.fullmatch(cell.strip()) is not None


def split_line(text: str, start: int, end: int) -> tuple[str, tuple[Cell, ...]]:
    r"""A line's separator ("\t", "|", "  " for a run of spaces, "" for none) and its cells.

    The bars closing a line on either side open no cell; a cell's offsets are its words'.

    >>> sep, cells = split_line("Alpha   12\t3", 0, 12)
    >>> sep, [c.text for c in cells]
    ('\t', ['Alpha   12', '3'])
    >>> sep, cells = split_line("| Alpha |  12 |", 0, 15)
    >>> sep, [(c.text, c.start) for c in cells]
    ('|', [('Alpha', 2), ('12', 11)])
    """
    line = text[start:end]
    if "\t" in line:
        sep, pieces = "\t", line.split("\t")
    elif "|" in line:
        sep, pieces = "|", line.split("|")
    else:
        sep = "  " if _GAP.search(line) else ""
        return sep, tuple(
            Cell(start + m.start(), start + m.end(), m.group()) for m in _SPACED.finditer(line)
        )
    cells = []
    pos = start
    for piece in pieces:
        words = piece.strip()
        lead = pos + len(piece) - len(piece.lstrip())
        cells.append(Cell(lead, lead + len(words), words))
        pos += len(piece) + 1
    stripped = line.strip()
    if sep == "|" and stripped.startswith("|"):  # the bars closing the line open and close no cell
        cells = cells[1:]
    if cells and (sep == "\t" or stripped.endswith("|")) and not cells[-1].text:
        cells = cells[:-1]
    return sep, tuple(cells)


@attrs.frozen
class _Line:
    """One line of a grid: its offsets, separator and cells."""

    start: int
    end: int
    sep: str
    cells: tuple[Cell, ...]

    @property
    def figures(self) -> int:
        return sum(1 for c in self.cells if is_figure(c.text))


def grids(text: str, lines: list[tuple[int, int]] | None = None) -> list[Table]:
    """Every grid of ``text``: a header of figure-free lines over rows holding figures, one separator throughout.

    ``lines`` are the text's line offsets when the caller has them (:func:`line_spans`).
    """
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    i = 0
    while i < len(lines):
        run, after = _run(text, lines, i)
        table = _grid(run) if run else None
        if table is not None:
            out.append(attrs.evolve(table, caption=title_line(text, lines, i)))
        i = max(after, i + 1)  # a run without a header is passed over whole: each line read once
    return out


def _run(text: str, lines: list[tuple[int, int]], i: int) -> tuple[list[_Line], int]:
    """The lines from ``i`` split by one separator into two cells or more, and the line after them.

    Rules ("---|---", "=====") stand between them and are no row. A spaced run (cells apart by
    runs of spaces, which prose may hold too) is held to short cells without a sentence and ends
    at its first line without a figure; a run split by tabs or bars goes on while they do.
    """
    run: list[_Line] = []
    sep = None
    heading = True  # no line with a figure yet: the header's lines
    while i < len(lines):
        a, b = lines[i]
        if run and _RULE.fullmatch(text, a, b):
            i += 1
            continue
        if sep and _heads_group(text, lines, i, sep):
            words = text[a:b].strip()
            lead = a + len(text[a:b]) - len(text[a:b].lstrip())
            run.append(_Line(a, b, _GROUP_LINE, (Cell(lead, lead + len(words), words),)))
            i += 1
            continue
        kind, cells = split_line(text, a, b)
        spaced = kind == "  "
        if (sep is not None and kind != sep) or not 2 <= len(cells) <= _CELLS:
            break
        if spaced and (
            b - a > _LINE_CHARS
            or any(len(c.text) > _CELL_CHARS or _SENTENCE.search(c.text) for c in cells)
        ):
            break
        line = _Line(a, b, kind, cells)
        if heading and not line.figures and len(run) >= _HEADER_LINES:
            return [], i  # a list of words, no grid
        if spaced and not heading and not line.figures:
            break  # a spaced grid's rows end at its first line without a figure
        sep = kind
        heading = heading and not line.figures
        run.append(line)
        i += 1
    # a run whose first line holds a figure has no header: no grid (its lines are read as running text)
    return (run if run and not run[0].figures else []), i


def _grid(run: list[_Line]) -> Table | None:
    """The table of a run: its header lines joined per column, each row's cells under their header's columns."""
    head = list(itertools.takewhile(lambda line: not line.figures and line.sep != _GROUP_LINE, run))
    lines = run[len(head) :]
    body = [line for line in lines if line.sep != _GROUP_LINE]
    if not head or not body:
        return None
    spaced = run[0].sep == "  "
    if len(body) == 1 and (spaced or body[0].figures < _LONE_ROW_FIGURES):
        return None  # one row under a line of words: two lines of prose split by double spaces
    widest = max(head, key=lambda line: len(line.cells))
    spans = [(c.start - widest.start, c.end - widest.start) for c in widest.cells]
    if spaced and any(line.cells[0].end - line.start <= spans[0][0] for line in body):
        # the rows' labels stand left of every header cell: a label column without a header
        spans.insert(0, (0, spans[0][0] - _GAP_CHARS))
    header = _joined(head, spans, spaced=spaced)
    rows = [_placed(line, spans, spaced=spaced) for line in body]
    header, rows = _numbered(header, rows)
    if all(is_figure(row[0].text) or not row[0].text for row in rows):
        # no label at the left, figures from the first column on: an empty label column first
        header = (Cell(header[0].start, header[0].start, ""), *header)
        rows = [(Cell(row[0].start, row[0].start, ""), *row) for row in rows]
    if not any(is_figure(c.text) for row in rows for c in row[1:]):
        return None
    if len(body) < len(
        lines
    ):  # a row group's heading over its rows: the place of the rows it heads
        later = iter(rows)
        rows = [
            next(later)
            if line.sep != _GROUP_LINE
            else (line.cells[0], *(Cell(line.end, line.end, "") for _ in header[1:]))
            for line in lines
        ]
        header, rows = grouped(header, rows)
    return Table(start=run[0].start, end=run[-1].end, header=header, rows=tuple(rows))


def _heads_group(text: str, lines: list[tuple[int, int]], i: int, sep: str) -> bool:
    """Whether line ``i`` heads a row group inside a grid: a short line of words, then a row of the grid.

    "Northern region" over the rows of its districts: a merged cell spanning the row, pasted alone.
    """
    a, b = lines[i]
    words = text[a:b].strip()
    if not words or len(words) > _GROUP_CHARS or _DIGIT.search(words) or i + 1 >= len(lines):
        return False
    kind, cells = split_line(text, *lines[i + 1])
    if kind != sep or len(cells) < 2 or len(split_line(text, a, b)[1]) != 1:
        return False
    return any(is_figure(c.text) for c in cells)


def _joined(head: list[_Line], spans: list[tuple[int, int]], *, spaced: bool) -> tuple[Cell, ...]:
    """The header's cells: each column's words of every header line, top to bottom ("Confirmed" over "cases")."""
    words: list[list[Cell]] = [[] for _ in spans]
    for line in head:
        for k, cell in enumerate(line.cells):
            at = _column(line, cell, spans, k, spaced=spaced)
            if at is not None and cell.text:
                words[at].append(cell)
    top = head[0].start
    out = []
    for (a, _), parts in zip(spans, words, strict=True):
        if not parts:
            out.append(Cell(top + a, top + a, ""))
            continue
        out.append(Cell(parts[0].start, parts[0].end, " ".join(c.text for c in parts)))
    return tuple(out)


def _placed(line: _Line, spans: list[tuple[int, int]], *, spaced: bool) -> tuple[Cell, ...]:
    """A row's cells, one per header column (an empty cell where the row has none); "-", "n/a" are empty."""
    out = [Cell(line.end, line.end, "") for _ in spans]
    for k, cell in enumerate(line.cells):
        at = _column(line, cell, spans, k, spaced=spaced)
        if at is not None and not out[at].text and not is_empty(cell.text):
            out[at] = cell
    return tuple(out)


def _column(
    line: _Line, cell: Cell, spans: list[tuple[int, int]], k: int, *, spaced: bool
) -> int | None:
    """The column a cell stands in: under the header cell it overlaps most or stands nearest (spaced), else its rank.

    A spaced cell may be shorter than its header and set to its left or its right; its column is
    the header cell it overlaps most, else the nearest one within :data:`_REACH` characters.
    """
    if not spaced or len(line.cells) == len(spans):  # a cell a column: its rank
        return k if k < len(spans) else None
    a, b = cell.start - line.start, cell.end - line.start
    best, score = None, -_REACH - 1
    for n, (c0, c1) in enumerate(spans):
        # overlap when positive, minus the gap between them when apart
        fit = min(b, c1) - max(a, c0)
        if fit > score:
            best, score = n, fit
    return best


def _numbered(
    header: tuple[Cell, ...], rows: list[tuple[Cell, ...]]
) -> tuple[tuple[Cell, ...], list[tuple[Cell, ...]]]:
    """The grid without a first column numbering its rows 1, 2, 3 ... (no data: a row's rank)."""
    if len(header) < _NUMBERED_COLUMNS or len(rows) < 2:
        return header, rows
    firsts = [row[0].text.rstrip(".") for row in rows]
    if all(t.isdigit() for t in firsts) and [int(t) for t in firsts] == list(
        range(int(firsts[0]), int(firsts[0]) + len(firsts))
    ):
        return header[1:], [row[1:] for row in rows]
    return header, rows


#: The longest line read as a grid's row, and the most cells a row has (each row is read cell by cell).
_LINE_CHARS = 400
_CELLS = 30
#: The longest cell of a grid: a longer one is running text.
_CELL_CHARS = 60
#: The most lines a header is written on.
_HEADER_LINES = 3
#: The figures a grid of one row needs: one figure after a double space is prose.
_LONE_ROW_FIGURES = 2
#: The fewest columns of a grid whose first numbers its rows (the number, a label, a figure).
_NUMBERED_COLUMNS = 3
#: How far (in characters) a spaced cell may stand from the header cell it is under.
_REACH = 6
#: The fewest spaces between two cells of a spaced grid.
_GAP_CHARS = 2
_FIGURE_CHARS = 24
_FIGURE = re.compile(r"[~≈<>≥≤]?\s?[$€£]?\d(?:[\d,.\u00a0\u202f ]*\d)?\s?[%+*]?(?:\[\d{1,3}\])*")
_EMPTY = re.compile(r"|[-–—*x]|n\.?/?a\.?|\.\.+|…|nil|none|unknown|not\s+available", re.IGNORECASE)
_SPACED = re.compile(r"\S+(?: \S+)*")
_GAP = re.compile(r"\S {2,}\S")
#: The separator of a row group's heading line, and the longest such line.
_GROUP_LINE = "group"
_GROUP_CHARS = 60
_DIGIT = re.compile(r"\d")
#: A rule under a header or between rows: dashes, equals signs or underscores, with bars, colons, pluses.
_RULE = re.compile(r"[\s|:+=_-]*[-=_]{3}[\s|:+=_-]*")
#: A sentence in a cell: words closed by a full stop and another word.
_SENTENCE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
