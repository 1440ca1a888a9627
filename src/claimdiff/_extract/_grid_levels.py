"""A header of several levels whose spanning cells the copy packed to the left, set back over their columns.

A table whose top heads span several columns ("2017" over "Cases | Rate") loses the spans when
copied: each header line's cells come first, the empty cells of the spans last ("Country | 2017 |
2016 | | | |"). Read by rank, "2016" would head the second column. The levels are set back over
the columns from the bottom up (settled R14: columns in the order of the levels, checked by the
count of cells): the bottom line's cells head the last columns; a line's last cells that repeat
one name ("Confirmed | Confirmed") share the columns under them evenly, a line over names that
repeat once per its cells ("Cases | Rate | Cases | Rate" under two years) has each over one round,
its other cells stand one over each range below, right to left; the top line's first cell heads the rows'
labels, the first column.

>>> from claimdiff._extract._table import Cell
>>> def line(*ws):
...     return tuple(Cell(0, len(w), w) for w in ws)
>>> top = line("Region", "2021", "2020", "", "", "")
>>> low = line("Cases", "Rate", "Cases", "Rate", "", "")
>>> [c.text for c in levelled([top, low], 5)]
['Region', '2021 Cases', '2021 Rate', '2020 Cases', '2020 Rate']
"""

from __future__ import annotations

from claimdiff._extract._table import Cell

__all__ = ["levelled"]


def levelled(lines: list[tuple[Cell, ...]], width: int) -> tuple[Cell, ...] | None:
    """The header of ``width`` columns whose ``lines`` (top to bottom) hold their cells first, their spans' blanks last.

    None when the lines are not so packed, when one is as wide as the table (read by rank), or
    when the levels cannot be set over the columns.
    """
    packed = [[c for c in line if c.text] for line in lines]
    if (
        len(lines) < _LEVELS
        or width < _LEVELS
        or any(
            any(c.text for c in line[len(cells) :])
            for line, cells in zip(lines, packed, strict=True)
        )
    ):
        return None  # a blank between two cells: the spans were kept
    if all(len(cells) >= width for cells in packed) or any(not cells for cells in packed):
        return None
    label = packed[0][0]
    levels = [packed[0][1:], *packed[1:]]
    covered: list[tuple[int, int]] = []  # the column ranges the level below set its cells over
    names: list[str] = []  # and its cells' names
    words: list[list[Cell]] = [[] for _ in range(width)]
    for cells in reversed(levels):
        spans = _set(cells, covered, names, width)
        if spans is None:
            return None
        for cell, (a, b) in zip(cells, spans, strict=True):
            for k in range(a, b + 1):
                words[k].insert(0, cell)
        covered, names = spans, [c.text for c in cells]
    head = [label]
    for k in range(1, width):
        parts = words[k]
        head.append(
            Cell(parts[0].start, parts[0].end, " ".join(c.text for c in parts))
            if parts
            else Cell(label.end, label.end, "")
        )
    return tuple(head)


def _set(
    cells: list[Cell], covered: list[tuple[int, int]], names: list[str], width: int
) -> list[tuple[int, int]] | None:
    """The columns each of ``cells`` spans, set from the right over the ranges of the level below; None if they do not fit.

    Columns 1 to ``width - 1`` are set (column 0 holds the labels); a column the level below left
    free is a range of its own.
    """
    repeat = 1
    while repeat < len(cells) and cells[-repeat - 1].text == cells[-1].text:
        repeat += 1
    start = covered[0][0] if covered else width
    ranges = [(k, k) for k in range(1, start)] + covered
    out: list[tuple[int, int]] = []
    if repeat >= _LEVELS and covered:
        # a name repeated over the last ranges below: each repeat over as many of them
        if len(covered) % repeat:
            return None
        share = len(covered) // repeat
        out = [(covered[n * share][0], covered[n * share + share - 1][1]) for n in range(repeat)]
        ranges = ranges[: len(ranges) - len(covered)]
        cells = cells[: len(cells) - repeat]
    elif len(names) > len(cells) and len(names) % len(cells) == 0:
        period = len(names) // len(cells)
        if all(t == names[n % period] for n, t in enumerate(names)):
            # names repeating under each cell ("Cases | Rate" under each year): each cell over one round
            return [
                (covered[n * period][0], covered[n * period + period - 1][1])
                for n in range(len(cells))
            ]
    if len(cells) > len(ranges):
        return None
    return ranges[len(ranges) - len(cells) :] + out


#: The fewest header lines (and repeats of one name) that make levels.
_LEVELS = 2
