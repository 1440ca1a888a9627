r"""Footnote marks a copied page runs into its cells: "25,0001,3" is 25,000 with marks 1 and 3.

A page that sets its footnote numbers as superscripts loses them into the cells when copied as
text: "Mudflows3", "25,0001,3", "30,0001 (29,025)2". The page's own pattern lets a reader read
them (ANNOTATION.md rule 44, settled M6): digits glued to the end of a word are marks, and a
thousands group of more than three digits shows where a figure ends and its marks begin. Where
nothing tells a last digit from a mark (a figure without a thousands separator whose last digit
is one of the marks the table uses: "573" where 3 is a mark), no reading is chosen: the cell is
no figure. A figure whose last digit the table never uses as a mark is read as written.

>>> marks = table_marks(["Mudflows3", "25,0001,3", "3,3602"])
>>> sorted(marks)
['1', '2', '3']
>>> [unmarked(t, marks) for t in ("25,0001,3", "3,3602", "350", "573", "04", "12,500")]
[(0, 6), (0, 5), (0, 3), None, None, (0, 6)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["table_marks", "unmarked"]

#: A mark glued to the end of a word: "Mudflows3", "rock1" (a letter, then one or two digits).
_WORD_MARK = re.compile(r"(?<=[a-z])(\d{1,2})(?![\w,])")
#: A numeral of digits and commas, as a cell writes it.
_NUMERAL = re.compile(r"\d[\d,]*")
#: The digits of one thousands group.
_GROUP = 3


def table_marks(cells: Iterable[str]) -> frozenset[str]:
    """The digits a table uses as footnote marks: those glued to words and those after a full thousands group."""
    marks: set[str] = set()
    for text in cells:
        marks.update(m.group(1) for m in _WORD_MARK.finditer(text))
        for numeral in _NUMERAL.finditer(text):
            split = _split(numeral.group())
            if split is not None and split[1]:
                marks.update(d for d in split[1] if d.isdigit())
    return frozenset(marks)


def unmarked(numeral: str, marks: frozenset[str]) -> tuple[int, int] | None:
    """The span of ``numeral``'s figure once the marks run into it are cut off; None when no reading is sure.

    ``numeral`` is digits and commas ("25,0001,3"); ``marks`` the table's (:func:`table_marks`).
    """
    numeral = numeral.rstrip(",")
    split = _split(numeral)
    if split is None:
        return None
    figure, rest = split
    if rest or "," in figure:
        return (0, len(figure))
    if figure.startswith("0") and len(figure) > 1:
        return None  # "04": a figure and a mark, which is which the text does not say
    if marks and figure[-1] in marks and (len(figure) > 1 or figure in marks):
        return None  # "573" where 3 is a mark: 57 or 573, nothing in the text tells
    return (0, len(figure))


def _split(numeral: str) -> tuple[str, str] | None:
    """A numeral cut into its figure and the marks after it ("25,0001,3" → "25,000", "1,3"); None if malformed."""
    groups = numeral.split(",")
    head = groups[0]
    if not head or (len(groups) > 1 and len(head) > _GROUP):
        return None if len(groups) > 1 else (head, "")
    figure = head
    for n, group in enumerate(groups[1:], start=1):
        if len(group) == _GROUP:
            figure += "," + group
            continue
        if len(group) > _GROUP:
            return figure + "," + group[:_GROUP], ",".join([group[_GROUP:], *groups[n + 1 :]])
        # a short group after the figure: marks only if a full figure stands before it
        return (figure, ",".join(groups[n:])) if n > 1 else None
    return figure, ""
