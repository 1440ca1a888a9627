r"""Key figures stacked over their labels: a dashboard's figures on lines of their own, then its labels in order.

A situation report's "key figures" box, pasted as text, often puts each figure on a line of its
own ("3.8 million") and the labels after them, in the same order ("People internally displaced
by violence"): the k-th label names the k-th figure. A run of figure lines followed by as many
short label lines (no digit, no sentence) is read as a table of (label, figure) rows; blank lines
may stand between them. A label gives its figure a metric as an infobox row's does
(:mod:`claimdiff._extract._cells`); a figure whose label names none is listed unread.

>>> t = "3.8 million\n\n1.3 million\n\nPeople in need\n\nPeople internally displaced\n"
>>> [[c.text for c in row] for tb in stacked_figures(t) for row in tb.rows]
[['People in need', '3.8 million'], ['People internally displaced', '1.3 million']]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimdiff._extract._table import Cell, Table, line_spans

__all__ = ["stacked_figures"]

#: A line that is one figure: a numeral with a scale word or mark ("3.8 million", "448,000", "1.2M", "17K+").
_FIGURE_LINE = re.compile(
    r"[ \t]*(?P<figure>[~≈<>]?(?:\d[\d,.]*\d|\d)(?:[ \t]*(?:million|billion|thousand|[MK])\b)?\+?)[ \t*]*"
)
#: A year alone on a line is a heading, never a key figure.
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: A label line: words, no digit, no full stop closing a sentence.
_LABEL_LINE = re.compile(r"[ \t]*(?P<label>[A-Za-z][^\d\n]{0,100}?)[ \t*]*")
_LABEL_WORDS = 12


def stacked_figures(text: str, lines: list[tuple[int, int]] | None = None) -> list[Table]:
    """Each run of figure lines followed by as many label lines, as a table of (label, figure) rows.

    ``lines`` are the text's :func:`~claimdiff._extract._table.line_spans`, when split already.
    """
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    i = 0
    while i < len(lines):
        figures, j = _run(text, lines, i, _figure, len(lines))
        after = j  # past the figure lines: a run without its labels is not read again from inside
        labels, j = _run(text, lines, j, _label, len(figures)) if figures else ([], j)
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
            i = max(i + 1, after)
    return out


def _run(
    text: str,
    lines: list[tuple[int, int]],
    j: int,
    read: Callable[[str, int, int], Cell | None],
    most: int,
) -> tuple[list[Cell], int]:
    """The cells ``read`` finds on the lines from ``j`` on, blank lines skipped, at most ``most``; and where it stopped."""
    cells: list[Cell] = []
    while j < len(lines) and len(cells) < most:
        if not text[lines[j][0] : lines[j][1]].strip():
            j += 1
            continue
        cell = read(text, *lines[j])
        if cell is None:
            break
        cells.append(cell)
        j += 1
    return cells, j


def _figure(text: str, a: int, b: int) -> Cell | None:
    m = _FIGURE_LINE.fullmatch(text, a, b)
    if m is None or _YEAR.fullmatch(m.group("figure")):
        return None
    return Cell(*m.span("figure"), m.group("figure"))


def _label(text: str, a: int, b: int) -> Cell | None:
    m = _LABEL_LINE.fullmatch(text, a, b)
    if m is None:
        return None
    words = m.group("label")
    if len(words.split()) > _LABEL_WORDS or re.search(r"[.!?:;]\s|[.!?:;]$", words):
        return None
    return Cell(*m.span("label"), words)
