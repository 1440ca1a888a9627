r"""Tables of word cells pasted with single spaces: one figure column among names, dates and notes.

An encyclopedia's table ("City/Town Country Date Estimated death toll Attacking force Notes")
pasted as text keeps one row a line, but its cells run together with single spaces and hold words,
so no column can be told by position. Under a header of capitalised column names of which exactly
one names a metric, each line holding exactly one numeral outside its dates is a row: that numeral
is the metric column's cell, and the row's first words, up to the first known place after them,
its first cell (its place, placed within the country the row names). Lines without a figure
continue the row above (a wrapped note).

>>> t = "City Country Date Deaths Notes\nJaen Spain 1 April 1937 159 See: Jaen.\nLeon Spain 2 May 1938 12 A note.\n"
>>> [[c.text for c in row if c.text] for tb in wide_tables(t, lambda s: s == "Spain") for row in tb.rows]
[['Jaen', 'Spain', '159'], ['Leon', 'Spain', '12']]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from claimdiff._extract._table import PLACE_HEADER, Cell, Table, header_metric, line_spans

__all__ = ["wide_tables"]

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
#: Dates and years of a row: "16–19 March 1938", "March 1938", "1937", "1936–1939".
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?\s+{_MONTHS}(?:\s+\d{{4}})?|\b{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?"
    rf"|\b{_MONTHS}\s+\d{{4}}|\b(?:1[0-9]|20)\d\d(?:\s*[–-]\s*(?:1[0-9]|20)?\d\d)?\b"
)
#: A figure of a row: a numeral or a range of numerals, with a hedge mark or a plus.
_FIGURE = re.compile(r"(?<![\w.,])[~≈<>]?\d[\d,]*(?:\.\d+)?(?:\s*[–-]\s*\d[\d,]*)?\+?(?![\w%])")
_WORD = re.compile(r"\S+")
#: A header has this many columns at least, and names are this short.
_COLUMNS = 3
_HEADER_CHARS = 200


def wide_tables(
    text: str, is_place: Callable[[str], bool], lines: list[tuple[int, int]] | None = None
) -> list[Table]:
    """Each table of word cells under a header with one metric column, as rows of (first cell, ..., figure).

    ``lines`` are the text's :func:`~claimdiff._extract._table.line_spans`, when split already.
    """
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    i = 0
    while i < len(lines):
        header = _header(text, *lines[i])
        if header is None:
            i += 1
            continue
        rows: list[tuple[Cell, ...]] = []
        j = i + 1
        while j < len(lines) and text[lines[j][0] : lines[j][1]].strip():
            row = _row(text, *lines[j], header, is_place)
            if row is not None:
                rows.append(row)
            j += 1
        if len(rows) >= 2:
            out.append(
                Table(start=lines[i][0], end=lines[j - 1][1], header=header, rows=tuple(rows))
            )
        i = j if len(rows) >= 2 else i + 1
    return out


def _header(text: str, a: int, b: int) -> tuple[Cell, ...] | None:
    """The columns of a header line: capitalised names, no digit, exactly one naming a metric."""
    body = text[a:b]
    lead = (
        body.lstrip()
    )  # its first word opens the first column: a capital (tested before the digits)
    if (
        not lead
        or len(body) > _HEADER_CHARS
        or not lead[0].isupper()
        or any(map(str.isdigit, body))
    ):
        return None
    words = list(_WORD.finditer(text, a, b))
    starts = [n for n, w in enumerate(words) if w.group()[0].isupper()]
    if not starts or starts[0] != 0 or len(starts) < _COLUMNS:
        return None
    bounds = [*starts, len(words)]
    columns = tuple(
        Cell(words[p].start(), words[q - 1].end(), text[words[p].start() : words[q - 1].end()])
        for p, q in itertools.pairwise(bounds)
    )
    metrics = [c for c in columns if header_metric(c.text) is not None]
    if len(metrics) != 1 or not PLACE_HEADER.search(columns[0].text):
        return None
    return columns


def _row(
    text: str, a: int, b: int, header: tuple[Cell, ...], is_place: Callable[[str], bool]
) -> tuple[Cell, ...] | None:
    """A row: its first cell (up to a known place), that place, and its one figure outside dates."""
    dates = [m.span() for m in _DATE.finditer(text, a, b)]
    figures = [
        m for m in _FIGURE.finditer(text, a, b) if not any(s <= m.start() < e for s, e in dates)
    ]
    if len(figures) != 1:
        return None
    words = list(_WORD.finditer(text, a, figures[0].start()))
    first: Cell | None = None
    second: Cell | None = None
    for n in range(1, min(len(words), 5)):
        for k in range(min(len(words), n + 4), n, -1):  # the longest known place from word n
            name = text[words[n].start() : words[k - 1].end()].rstrip(",")
            if is_place(name):
                first = Cell(
                    words[0].start(),
                    words[n - 1].end(),
                    text[words[0].start() : words[n - 1].end()],
                )
                second = Cell(words[n].start(), words[n].start() + len(name), name)
                break
        if first is not None:
            break
    if first is None or second is None or any(ch.isdigit() for ch in first.text):
        return None
    cells = [Cell(a, a, "") for _ in header]
    cells[0] = first
    country = next((k for k, h in enumerate(header) if k and PLACE_HEADER.search(h.text)), None)
    if country is not None:
        cells[country] = second
    metric = next(k for k, h in enumerate(header) if header_metric(h.text) is not None)
    fig = figures[0]
    cells[metric] = Cell(fig.start(), fig.end(), fig.group())
    return tuple(cells)
