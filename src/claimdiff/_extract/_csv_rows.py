r"""Rows written as comma-separated values in a text: a header line of names, then lines of figures.

A data release pasted into an article or a bulletin ("Country,Cases,Deaths" over
"Kenya,\"1,200\",20") is a table whose cells a comma splits; a figure holding a comma is quoted.
Such a run is read as every table is (:mod:`claimdiff._extract._cells`): the metric from its
column's header, the place from its row's label.

A run is a header line of two fields or more, none holding a digit, at least one naming a
metric ("Deaths", "Houses destroyed"), then lines of as many fields each holding a bare
figure. Prose writes lists with a space after each comma: such lines make a table only when
two rows or more follow the header.

>>> t = 'Country,Cases,Deaths\nKenya,"1,200",20\nUganda,340,6\n'
>>> [[c.text for c in row] for tb in csv_tables(t) for row in (tb.header, *tb.rows)]
[['Country', 'Cases', 'Deaths'], ['Kenya', '1,200', '20'], ['Uganda', '340', '6']]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimdiff._extract._table import (
    Cell,
    Table,
    header_metric,
    line_spans,
    noun_metric,
    title_line,
)

__all__ = ["csv_tables"]

#: A cell that is a bare figure ("1,200", "~40", "12+", "3.5").
_FIGURE = re.compile(r"[~≈<>]?\d[\d,. ]*\+?")
#: The longest field of a line read as a row of values: longer ones are prose.
_FIELD_CHARS = 40
#: The longest field of a header: a metric's name with its source ("Deaths in conflicts (UCDP 2019)").
_HEAD_CHARS = 80
_LONG_HEAD = re.compile(rf"[^,\n]{{{_HEAD_CHARS + 1},}}")
#: A header field's closing remark in brackets: its source and year, no digit of its name.
_REMARK = re.compile(r"\([^()]{0,40}\)\s*$")
#: The fewest places heading the columns of a table on its side (and the fewest fields of a header).
_PLACE_HEADS = 2
#: A run of characters with no comma longer than a field may be: a line of prose.
_LONG_FIELD = re.compile(rf"[^,\n]{{{_FIELD_CHARS + 1},}}")
#: The fewest rows under a header whose commas are followed by spaces (as a list in prose is).
_SPACED_ROWS = 2


def csv_tables(
    text: str,
    lines: list[tuple[int, int]] | None = None,
    is_place: Callable[[str], bool] = lambda _: False,
) -> list[Table]:
    """Each run of a header line and lines of figures, their cells split by commas (quotes kept together).

    ``is_place`` tells a header of places (a table on its side, "Indicator,Kenya,Uganda").
    """
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    k = 0
    while k < len(lines):
        head = _fields(text, *lines[k], longest=_HEAD_CHARS)
        if head is None or not _is_header(head, is_place):
            k += 1
            continue
        rows: list[tuple[Cell, ...]] = []
        j = k + 1
        while j < len(lines):
            row = _fields(text, *lines[j])
            if (
                row is None
                or len(row) != len(head)
                or not any(_FIGURE.fullmatch(c.text) for c in row)
            ):
                break
            rows.append(row)
            j += 1
        spaced = ", " in text[lines[k][0] : lines[k][1]]
        if rows and (len(rows) >= _SPACED_ROWS or not spaced):
            out.append(
                Table(
                    start=lines[k][0],
                    end=lines[j - 1][1],
                    header=head,
                    rows=tuple(rows),
                    caption=title_line(text, lines, k),
                )
            )
        k = max(j, k + 1)
    return out


def _is_header(head: tuple[Cell, ...], is_place: Callable[[str], bool]) -> bool:
    """Whether a line's fields head a table: words only, one naming a metric or two naming places."""
    return (
        len(head) >= _PLACE_HEADS
        and not any(ch.isdigit() for c in head for ch in _REMARK.sub("", c.text))
        and (
            any(header_metric(c.text) or noun_metric(c.text) for c in head[1:])
            or sum(1 for c in head[1:] if c.text and is_place(c.text)) >= _PLACE_HEADS
        )
    )


def _fields(
    text: str, start: int, end: int, *, longest: int = _FIELD_CHARS
) -> tuple[Cell, ...] | None:
    """The comma-separated fields of a line, a quoted field kept whole; ``None`` for a line that is no row."""
    if text.find(",", start, end) < 0 or (
        _LONG_FIELD if longest == _FIELD_CHARS else _LONG_HEAD
    ).search(text, start, end):
        return None  # (a line of prose is turned away before it is walked through)
    line = text[start:end]
    if line.rstrip().endswith((".", ":", ";")):
        return None
    cuts: list[tuple[int, int]] = []
    quoted = False
    at = 0
    for n, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            cuts.append((at, n))
            at = n + 1
    if quoted:
        return None  # an unclosed quote: prose
    cuts.append((at, len(line)))
    out: list[Cell] = []
    for a, b in cuts:
        piece = line[a:b]
        body = piece.strip()
        if len(body) > longest:
            return None
        lead = a + len(piece) - len(piece.lstrip())
        if len(body) >= 2 and body[0] == body[-1] == '"':
            body, lead = body[1:-1].strip(), lead + 1 + (len(body[1:-1]) - len(body[1:-1].lstrip()))
        out.append(Cell(start + lead, start + lead + len(body), body))
    return tuple(out)
