r"""Infobox rows pasted without their cell break: a label glued to its figure ("Deaths72,000").

An encyclopedia's infobox is a two-column table; copied as text, its label and value cells often
run together on one line ("Deaths72,000", "Non-fatal injuries50 (4 critical)"), stand on two
lines ("Non-fatal injuries" over "50"), or stand apart by a colon in a list ("- Aftershocks: 39").
Each such row is a one-row table whose label gives the figure its metric
(:mod:`claimdiff._extract._cells`), the words after the figure read as prose. Only a label that
names a metric, or things whose name implies one ("Aftershocks": recorded, ANNOTATION.md rule 36),
is read so: "A320" or "COVID19" name no metric and stay words.

>>> text = "Losses\nDeaths72,000\nTypeHeat wave\n"
>>> [[c.text for c in row] for t in infobox_rows(text) for row in t.rows]
[['Deaths', '72,000']]
"""

from __future__ import annotations

import re

from claimdiff._extract._table import Cell, Table, header_metric, line_spans, noun_metric

__all__ = ["infobox_rows"]

#: A label (words, no digit) glued to a figure opening the rest of the line: "Deaths72,000", "Injured300+".
_GLUED = re.compile(
    r"[ \t]*(?P<label>[A-Za-z][A-Za-z '’/-]{0,40}?[a-z])"
    r"(?P<value>[~≈<>]?\d[\d,.]*(?:[-–]\d[\d,.]*)?\+?(?:[ \t]+(?:thousand|million|billion)\b)?)(?![\d\w])"
    # the figure is the cell's: nothing but a footnote mark or a bracket after it ("Casualties459[8]"),
    # never a figure of the words after it ("Casualties75 killed, 13 injured" is read as prose)
    r"(?=[ \t]*(?:\[\d{1,3}\]|\(|$))"
)
#: A label line with a figure alone on the next line: "Non-fatal injuries" / "50 (4 critical)".
_LABEL_LINE = re.compile(r"[ \t]*(?P<label>[A-Za-z][A-Za-z '’/-]{0,40}[a-z])[ \t]*$")
_VALUE_LINE = re.compile(
    r"[ \t]*(?P<value>[~≈<>]?\d[\d,.]*(?:[-–]\d[\d,.]*)?\+?(?:[ \t]+(?:thousand|million|billion)\b)?)(?![\d\w])(?=[ \t]*(?:\[\d{1,3}\]|\(|$))"
)
_WORDS = re.compile(r"[a-z]+")
#: A list line of a label, a colon and its figure: "- Aftershocks: 39 (as of noon)", "Aftershocks: 676[7]".
_KEYED = re.compile(
    r"[ \t]*(?:[-•·▪*–—][ \t]*)?(?P<label>[A-Za-z][A-Za-z '’/-]{0,40}?[a-z])[ \t]*:[ \t]*"
    r"(?P<value>[~≈<>]?\d[\d,.]*(?:[-–]\d[\d,.]*)?\+?(?:[ \t]+(?:thousand|million|billion)\b)?)(?![\d\w])(?=[ \t]*(?:\[\d{1,3}\]|\(|$))"
)


def infobox_rows(text: str, lines: list[tuple[int, int]] | None = None) -> list[Table]:
    """Each infobox row of ``text`` whose label names a metric, as a one-row table (label, figure).

    ``lines`` are the text's :func:`~claimdiff._extract._table.line_spans`, when split already.
    """
    out: list[Table] = []
    lines = line_spans(text) if lines is None else lines
    for n, (a, b) in enumerate(lines):
        glued = _GLUED.match(text, a, b)
        if glued is not None and _names_metric(glued.group("label")):
            out.append(_row(text, glued.span("label"), glued.span("value"), b))
            continue
        keyed = _KEYED.match(text, a, b)
        if keyed is not None and noun_metric(keyed.group("label")) is not None:
            # "Aftershocks: 39": running text reads "Deaths: 120" already, not a label naming only the things
            out.append(_row(text, keyed.span("label"), keyed.span("value"), b))
            continue
        label = _LABEL_LINE.match(text, a, b)
        if label is None or n + 1 >= len(lines) or not _names_metric(label.group("label")):
            continue
        value = _VALUE_LINE.match(text, *lines[n + 1])
        if value is not None:
            table = _row(text, label.span("label"), value.span("value"), lines[n + 1][1])
            out.append(Table(start=a, end=table.end, header=(), rows=table.rows, prose=table.prose))
    return out


def _names_metric(label: str) -> bool:
    """Whether a label names a metric ("Deaths") or things whose name implies one ("Aftershocks": recorded)."""
    return header_metric(label) is not None or noun_metric(label) is not None


def _row(text: str, label: tuple[int, int], value: tuple[int, int], end: int) -> Table:
    """The one-row table of a label and its figure; what follows the figure on its line is prose."""
    rest = value[1] + len(text[value[1] : end]) - len(text[value[1] : end].lstrip())
    return Table(
        start=label[0],
        end=end,
        header=(),
        rows=((Cell(*label, text[label[0] : label[1]]), Cell(*value, text[value[0] : value[1]])),),
        prose=((rest, end),) if rest < end and end - rest > 1 else (),
    )
