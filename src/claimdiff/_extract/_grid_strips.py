r"""Key figures over their labels: a dashboard's figures first, then its labels in the same order.

A situation report's "key figures" box, pasted as text, gives its figures first and their labels
after them: each on a line of its own ("3.8 million", then "People in need"), or all on one line
("638,000 15 174,000 Estimated affected Affected districts Displaced people"), or the figures on
one line and the labels on the next. The k-th label names the k-th figure. Labels on one line are
told apart by their capitals, each capitalised word opening one, a label ending at the next (or
at a word holding a digit: labels wrapped onto second lines give those after all the first ones).

A strip is a :class:`~claimdiff._extract._table.Table` of (label, figure) rows, read as an
infobox's rows are (:mod:`claimdiff._extract._cells`): a label gives its figure a metric; a figure
whose label names none is listed unread.

>>> t = "3.8 million\n\n1.3 million\n\nPeople in need\n\nPeople internally displaced\n"
>>> [[c.text for c in row] for tb in key_strips(t) for row in tb.rows]
[['People in need', '3.8 million'], ['People internally displaced', '1.3 million']]
>>> t = "920 14 3 People affected Villages flooded Deaths\n"
>>> [[c.text for c in row] for tb in key_strips(t) for row in tb.rows]
[['People affected', '920'], ['Villages flooded', '14'], ['Deaths', '3']]
"""

from __future__ import annotations

import itertools
import re

from claimdiff._extract._table import Cell, Table, line_spans
from claimdiff._extract._time import YEAR

__all__ = ["key_strips"]


def key_strips(text: str, lines: list[tuple[int, int]] | None = None) -> list[Table]:
    """Each run of figures followed by as many labels, as a table of (label, figure) rows.

    ``lines`` are the text's :func:`~claimdiff._extract._table.line_spans`, when split already.
    """
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    i = 0
    while i < len(lines):
        figures, j, at = _figures(text, lines, i)
        labels: list[Cell] = []
        if len(figures) >= _ONE_LINE_FIGURES and at is not None:  # the labels on the figures' line
            labels = _split(text, at, lines[j][1], len(figures))
            j += 1
        elif figures and at is None:
            labels, j = _label_lines(text, lines, j, len(figures))
        if figures and len(labels) == len(figures):
            out.append(
                Table(
                    start=figures[0].start,
                    end=labels[-1].end,
                    header=(),
                    rows=tuple(zip(labels, figures, strict=True)),
                )
            )
            i = j
        else:
            i = max(i + 1, j if at is None else i + 1)
    return out


def _figures(text: str, lines: list[tuple[int, int]], i: int) -> tuple[list[Cell], int, int | None]:
    """The figures opening lines ``i``..: lines of figures alone (blank lines between), up to a line of words.

    Returns the figures, the line where they stop and, when words follow figures on that line,
    where the words begin (None when the figures fill their lines).
    """
    cells: list[Cell] = []
    j = i
    while j < len(lines):
        a, b = lines[j]
        if not text[a:b].strip():
            if not cells:
                return [], j + 1, None
            j += 1
            continue
        if b - a > _LINE_CHARS:
            break
        got: list[Cell] = []
        pos = a
        while (m := _FIGURE.match(text, pos, b)) is not None and not YEAR.fullmatch(m.group("f")):
            got.append(Cell(m.start("f"), m.end("f"), m.group("f")))
            pos = m.end()
        if not got:
            break
        cells += got
        if text[pos:b].strip():
            # words after the figures: the labels, when the figures came on this line alone
            return (cells, j, pos) if len(got) == len(cells) else ([], j, None)
        j += 1
    return cells, j, None


def _label_lines(
    text: str, lines: list[tuple[int, int]], j: int, count: int
) -> tuple[list[Cell], int]:
    """``count`` labels from the lines at ``j``: one a line, or all on one line told apart by capitals."""
    labels: list[Cell] = []
    while j < len(lines) and len(labels) < count:
        a, b = lines[j]
        if not text[a:b].strip():
            j += 1
            continue
        m = _LABEL_LINE.fullmatch(text, a, b)
        if (
            m is None
            or len(m.group("label").split()) > _LABEL_WORDS
            or _STOP.search(m.group("label"))
        ):
            break
        if not labels and count >= _ONE_LINE_FIGURES:
            split = _split(text, m.start("label"), m.end("label"), count)
            if len(split) == count and _next_is_no_label(text, lines, j + 1):
                return split, j + 1
        labels.append(Cell(*m.span("label"), m.group("label")))
        j += 1
    return labels, j


def _next_is_no_label(text: str, lines: list[tuple[int, int]], j: int) -> bool:
    """Whether the first line with words from ``j`` is no label line (or there is none)."""
    while j < len(lines) and not text[lines[j][0] : lines[j][1]].strip():
        j += 1
    return j >= len(lines) or _LABEL_LINE.fullmatch(text, *lines[j]) is None


def _split(text: str, start: int, end: int, count: int) -> list[Cell]:
    """``count`` labels run together on one line, each opened by a capitalised word; [] if not so many."""
    cut = _DIGIT_WORD.search(text, start, end)
    stop = cut.start() if cut is not None else end
    opens = [m.start() for m in _CAPITAL.finditer(text, start, stop)]
    if len(opens) < count:
        return []
    bounds = [*opens[:count], opens[count] if len(opens) > count else stop]
    labels = [
        Cell(p, p + len(text[p:q].rstrip()), text[p:q].strip())
        for p, q in itertools.pairwise(bounds)
    ]
    return [] if any(len(c.text) > _LABEL_CHARS for c in labels) else labels


#: A key figure: a numeral with a scale word or mark ("3.8 million", "448,000", "1.2M", "17K+").
_FIGURE = re.compile(
    r"[ \t]*(?P<f>[~≈<>]?(?:\d[\d,.]*\d|\d)(?:[ \t]*(?:million|billion|thousand|[MK])\b)?\+?)[ \t*]*(?=\s|$)"
)
#: A label line: words, no digit.
_LABEL_LINE = re.compile(r"[ \t]*(?P<label>[A-Za-z][^\d\n]{0,100}?)[ \t*]*")
#: A label closes no sentence.
_STOP = re.compile(r"[.!?:;]\s|[.!?:;]$")
_DIGIT_WORD = re.compile(r"\S*\d")
_CAPITAL = re.compile(r"(?<!\S)[A-Z]")
#: The most words of a label line, the longest label of a line of labels, the longest line of a strip.
_LABEL_WORDS = 12
_LABEL_CHARS = 40
_LINE_CHARS = 400
#: The fewest figures of a strip written on one line (fewer, with words after them, are a phrase).
_ONE_LINE_FIGURES = 3
