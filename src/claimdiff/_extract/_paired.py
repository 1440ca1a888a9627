r"""Table cells holding two figures, as their column's header says: "Cases (deaths)" over "125 (12)".

A report's table often saves a column by putting a second count in brackets after the first,
and says so in the header the same way: "Cases (deaths)", "Killed (of whom children)". Each
figure takes the metric its part of the header names: the first the words before the bracket,
the bracketed one the words inside it. A header whose bracket names no metric of its own
("Deaths (total)", "Cases (%)", "Cases (confirmed)") is one metric's, and its cells are read whole.
ANNOTATION.md settled L6 reads both notations so.

>>> from claimdiff._extract._table import Cell
>>> text = "125 (12)"
>>> [(c.text, h) for c, h in paired(text, Cell(0, 8, text), "Cases (deaths)")]
[('125', 'Cases'), ('12', 'deaths')]
>>> [(c.text, h) for c, h in paired(text, Cell(0, 8, text), "Cases (confirmed)")]
[('125 (12)', 'Cases (confirmed)')]
"""

from __future__ import annotations

import re

from claimdiff._extract._table import Cell, header_metric

__all__ = ["paired"]

#: A header of two parts: "Cases (deaths)".
_HEAD = re.compile(r"\s*(?P<outer>[^()]*?[A-Za-z][^()]*?)\s*\((?P<inner>[^()]*[A-Za-z][^()]*)\)\s*")
#: A cell of two figures: "125 (12)", "1,204 (37)".
_CELL = re.compile(
    r"(?P<outer>[^()\s](?:[^()]*[^()\s])?)\s*\(\s*(?P<inner>[^()]*?\d[^()]*?)\s*\)\s*"
)
#: A cell of the dead with the perpetrators killed: "126 (+6)".
_PLUS = re.compile(r"(?P<outer>[^()\s](?:[^()]*[^()\s])?)\s*\(\+\s*(?P<inner>\d[\d,]*)\s*\)\s*")
#: Words in a bracket that qualify the metric before it instead of naming another: "Cases (confirmed)".
_QUALIFIERS = frozenset(
    {"confirmed", "suspected", "probable", "total", "cumulative", "new", "reported"}
)


def paired(text: str, cell: Cell, head: str) -> list[tuple[Cell, str]]:
    """The figures of ``cell`` each with the header words that name its metric (the cell whole when one).

    In a column of the dead, "126 (+6)" is an encyclopedia list's notation: 126 victims and 6
    perpetrators killed (settled L6).

    >>> from claimdiff._extract._table import Cell
    >>> [(c.text, h) for c, h in paired("126 (+6)", Cell(0, 8, "126 (+6)"), "Dead")]
    [('126', 'Dead'), ('6', 'perpetrators killed')]
    """
    plus = _PLUS.fullmatch(text, cell.start, cell.end)
    if plus is not None and header_metric(head) == "killed":
        return [
            (Cell(*plus.span("outer"), plus.group("outer")), head),
            (Cell(*plus.span("inner"), plus.group("inner")), "perpetrators killed"),
        ]
    h = _HEAD.fullmatch(head)
    if h is None or not _two_metrics(h.group("outer"), h.group("inner")):
        return [(cell, head)]
    c = _CELL.fullmatch(text, cell.start, cell.end)
    if c is None:
        return [(cell, h.group("outer"))]
    return [
        (Cell(*c.span("outer"), c.group("outer")), h.group("outer")),
        (Cell(*c.span("inner"), c.group("inner")), h.group("inner")),
    ]


def _two_metrics(outer: str, inner: str) -> bool:
    """Whether both parts of a header name a metric, different ones, the bracket not a qualifier."""
    words = set(re.findall(r"[a-z]+", inner.lower()))
    if words <= _QUALIFIERS:
        return False
    a, b = header_metric(outer), header_metric(inner)
    return a is not None and b is not None and a != b
