r"""Lines of a label and its counts split by slashes under a lead-in: "inside ECs: 2,050 families / 9,120 persons".

A situation report often breaks a figure down on lines of their own under the sentence that
gives it, ending in a colon ("... were served inside and outside evacuation centres (ECs):"),
each line a label, a colon and the same counts in two units apart by a slash ("families /
persons"). The lead-in gives the items their metric (ANNOTATION.md rule 37: a list's lead gives
its items' metric); each count keeps its own noun. Such a run of two lines or more is a table of
(label, count, count) rows whose caption is the lead-in (:mod:`claimdiff._extract._cells`).

>>> t = "Served in shelters:\ninside ECs: 20 families / 90 persons\noutside ECs: 8 families / 30 persons\n"
>>> [[c.text for c in row] for tb in keyed_lists(t) for row in tb.rows]
[['inside ECs', '20 families', '90 persons'], ['outside ECs', '8 families', '30 persons']]
"""

from __future__ import annotations

import re

from claimdiff._extract._table import Cell, Table, line_spans, title_line

__all__ = ["keyed_lists"]

#: A line of a label, a colon and counts split by slashes: "inside 1,910 ECs: 94,661 families / 424,016 persons".
_LINE = re.compile(
    r"[ \t]*(?:[-•·▪*–—][ \t]*)?(?P<label>[A-Za-z][^:\n]{0,60}?)[ \t]*:[ \t]*"
    r"(?P<first>\d[\d,.]*[ \t]+[A-Za-z]+)(?P<more>(?:[ \t]*/[ \t]*\d[\d,.]*[ \t]+[A-Za-z]+)+)[ \t.;]*"
)
_COUNT = re.compile(r"\d[\d,.]*[ \t]+[A-Za-z]+")
#: The fewest lines of such a list.
_ROWS = 2


def keyed_lists(text: str, lines: list[tuple[int, int]] | None = None) -> list[Table]:
    """Each run of two lines or more of a label and slash-split counts right under a line ending in a colon."""
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    k = 0
    while k < len(lines):
        run: list[tuple[Cell, ...]] = []
        j = k
        while j < len(lines):
            row = _row(text, *lines[j])
            if row is None:
                break
            run.append(row)
            j += 1
        lead = title_line(text, lines, k) if len(run) >= _ROWS else None
        if lead is not None and text[lead[0] : lead[1]].rstrip().endswith(":"):
            width = max(len(r) for r in run)
            out.append(
                Table(
                    start=lines[k][0],
                    end=lines[j - 1][1],
                    # a header of empty cells: the rows' labels are labels, their digits no figures
                    header=tuple(Cell(lines[k][0], lines[k][0], "") for _ in range(width)),
                    rows=tuple(run),
                    caption=lead,
                )
            )
        k = max(j, k + 1)
    return out


def _row(text: str, a: int, b: int) -> tuple[Cell, ...] | None:
    m = _LINE.fullmatch(text, a, b)
    if m is None:
        return None
    label = Cell(*m.span("label"), m.group("label"))
    counts = [
        Cell(c.start(), c.end(), c.group())
        for c in _COUNT.finditer(text, m.start("first"), m.end("more"))
    ]
    return (label, *counts)
