r"""Tables copied from a web page one cell a line: the header's names on lines of their own, then each row's cells.

Copying an HTML table often yields one cell a line: the h column names ("Name", "Dates",
"Deaths", "Areas affected"), then h lines for each row. Such a table is found from its metric
column: a short line naming a metric ("Deaths") among up to :data:`_MOST` short capitalised
lines without digits, under which every h-th line holds a figure (or a dash, "None",
"Unknown"). The header's width h and its first line are the ones that read the most rows;
the rows end at the first row whose metric cells hold no figure. The tables are
:class:`~claimdiff._extract._table.Table` objects read like any other
(:mod:`claimdiff._extract._cells`).

>>> t = "Name\nDeaths\nCountry\nAlpha\n12\nChina\nBeta\n3\nIndia\n"
>>> [[c.text for c in row] for tb in columnar_tables(t) for row in tb.rows]
[['Alpha', '12', 'China'], ['Beta', '3', 'India']]
"""

from __future__ import annotations

import re

from claimdiff._extract._table import PLACE_HEADER, Cell, Table, header_metric, line_spans

__all__ = ["columnar_tables"]

#: The most columns a header of one name a line has (and so the reach of a search from its metric line).
_MOST = 10
#: A column name: short, opening with a capital, no digit outside brackets ("Damage (USD)").
_NAME = re.compile(r"[ \t]*[A-Z][^\d\n]{0,39}?(?:\([^)\n]{0,20}\))?[ \t]*")
#: A metric cell: a figure (with hedge, scale, share or footnote marks), or a mark of none.
_FIGURE_CELL = re.compile(
    r"[ \t]*(?:(?:[~≈<>]|at\s+least\s+|over\s+|about\s+|c\.\s*)?\d[\d,. ]*(?:[–-]\s*\d[\d,. ]*)?"
    r"(?:\s*(?:million|billion|thousand))?\+?(?:\s*\(\d[\d.,]*%\))?|[–—-]|none|unknown|n/?a)"
    r"[ \t*†‡]*(?:\[[\w ]{1,8}\][ \t]*)*",
    re.IGNORECASE,
)
#: The fewest rows a table of one cell a line has.
_ROWS = 2


def columnar_tables(text: str, lines: list[tuple[int, int]] | None = None) -> list[Table]:
    """Each table of one cell a line under a header of one name a line, found from its metric column.

    ``lines`` are the text's :func:`~claimdiff._extract._table.line_spans`, when split already.
    """
    lines = line_spans(text) if lines is None else lines
    out = _found(text, lines)
    # a table pasted one cell a paragraph (a blank line after each cell): read on the lines that are
    # not blank, kept where its cells and blank lines alternate throughout
    filled = [span for span in lines if text[span[0] : span[1]].strip()]
    if len(filled) < len(lines) * 2 // 3:
        for table in _found(text, filled):
            cells = (len(table.rows) + 1) * len(table.header)
            between = text.count("\n", table.start, table.end)
            spaced = between == 2 * (cells - 1) and "\n\n\n" not in text[table.start : table.end]
            if spaced and not any(t.start < table.end and table.start < t.end for t in out):
                out.append(table)
    return sorted(out, key=lambda t: t.start)


def _found(text: str, lines: list[tuple[int, int]]) -> list[Table]:
    """The tables of one cell a line among ``lines`` (every line of a text, or those not blank)."""
    grid = _Lines(text, lines)
    out: list[Table] = []
    p = 0
    while p < len(lines):
        if not grid.metric(p):
            p += 1
            continue
        best = _best(grid, p)
        if best is None:
            p += 1
            continue
        start, width, rows = best
        body = start + width
        out.append(
            Table(
                start=lines[start][0],
                end=lines[body + rows * width - 1][1],
                header=tuple(_cell(text, *lines[k]) for k in range(start, body)),
                rows=tuple(
                    tuple(_cell(text, *lines[body + r * width + c]) for c in range(width))
                    for r in range(rows)
                ),
            )
        )
        p = body + rows * width
    return out


class _Lines:
    """What each line of a text is (a column name, a metric name, a figure cell), each test made once."""

    def __init__(self, text: str, lines: list[tuple[int, int]]) -> None:
        self.text = text
        self.lines = lines
        self._names: dict[int, bool] = {}
        self._metrics: dict[int, bool] = {}
        self._figures: dict[int, bool] = {}

    def __len__(self) -> int:
        return len(self.lines)

    def name(self, k: int) -> bool:
        if k not in self._names:
            self._names[k] = _NAME.fullmatch(self.text, *self.lines[k]) is not None
        return self._names[k]

    def metric(self, k: int) -> bool:
        if k not in self._metrics:
            self._metrics[k] = self.name(k) and _metric(self.text, *self.lines[k])
        return self._metrics[k]

    def figure(self, k: int) -> bool:
        if k not in self._figures:
            self._figures[k] = _FIGURE_CELL.fullmatch(self.text, *self.lines[k]) is not None
        return self._figures[k]

    def blank(self, k: int) -> bool:
        a, b = self.lines[k]
        return not self.text[a:b].strip()


def _best(grid: _Lines, p: int) -> tuple[int, int, int] | None:
    """The header (first line, width) around metric line ``p`` that reads the most rows, and their number."""
    best: tuple[int, int, int] | None = None
    for start in range(p, max(p - _MOST, -1), -1):
        if not grid.name(start):
            break
        for width in range(max(p - start + 1, 2), _MOST + 1):
            end = start + width
            if end > len(grid) or not grid.name(end - 1):
                break  # the header's lines after the metric line are names too
            metrics = [k - start for k in range(start, end) if grid.metric(k)]
            rows = _rows(grid, end, width, metrics)
            if rows >= _ROWS and (best is None or (rows, width) > (best[2], best[1])):
                best = (start, width, rows)
    return best


def _rows(grid: _Lines, body: int, width: int, metrics: list[int]) -> int:
    """How many rows of ``width`` lines from line ``body`` hold a figure cell in every metric column."""
    rows = 0
    while body + (rows + 1) * width <= len(grid):
        at = body + rows * width
        if not all(grid.figure(at + m) for m in metrics) or grid.blank(at):
            break  # a metric cell without a figure, or a blank first cell: the table has ended
        rows += 1
    return rows


def _metric(text: str, a: int, b: int) -> bool:
    """Whether a column name names a metric, not a place ("Deaths", not "Areas affected")."""
    return header_metric(text[a:b]) is not None and PLACE_HEADER.search(text, a, b) is None


def _cell(text: str, a: int, b: int) -> Cell:
    body = text[a:b]
    lead = a + len(body) - len(body.lstrip())
    stripped = body.strip()
    return Cell(lead, lead + len(stripped), stripped)
