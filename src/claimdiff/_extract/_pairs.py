"""Runs of place-and-figure pairs after a metric word: "Deaths by country: Greece 45, Italy 42, Romania 42".

A dashboard flattened into text, or a list written tersely, gives figures as a run of pairs, each a
place name followed by its number ("Cases (≥ 1,000) United States 88,070 Brazil 13,352 Mexico
3,763"). Three pairs or more in a row, each naming a known place, are a two-column table: its
rows are the pairs, and the last metric word before the run in its sentence heads the figure column. The table is
read like any other (:mod:`claimdiff._extract._cells`).

>>> t = "Deaths by country: Greece 45, Italy 42, Romania 42."
>>> [[c.text for c in row] for tb in place_runs(t, lambda s: s in {"Greece", "Italy", "Romania"}) for row in tb.rows]
[['Greece', '45'], ['Italy', '42'], ['Romania', '42']]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimdiff._extract._table import Cell, Table
from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS

__all__ = ["place_runs"]

#: One pair: a capitalised name of up to five words, then a numeral (no unit, no word glued after it).
#: (Its look-behind follows the name's capital: the pattern is scanned for a capital, not tried everywhere.)
_PAIR = re.compile(
    r"(?P<place>[A-Z](?<![\w(][A-Z])[\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|of|and|the|del|de|du)){0,4}?)"
    r"[ \t]*:?[ \t]+(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]?\d|[\w%])"
)
#: Between two pairs of a run: a comma, a semicolon, "and", or spaces.
_BETWEEN = re.compile(r"[ \t]*(?:[,;][ \t]*)?(?:and[ \t]+)?")
_TRIGGER = re.compile(rf"\b(?:{alternation(TRIGGERS)})\b", re.IGNORECASE)
#: How far before a run its metric word may stand, within the run's sentence.
_SENTENCE_REACH = 300
_MIN_PAIRS = 3


def place_runs(text: str, is_place: Callable[[str], bool]) -> list[Table]:
    """Each run of three place-and-figure pairs or more after a metric word, as a two-column table."""
    out: list[Table] = []
    run: list[tuple[Cell, Cell]] = []
    for m in _PAIR.finditer(text):
        place = _place(text, m, is_place)
        if place is None or (run and not _BETWEEN.fullmatch(text, run[-1][1].end, place.start)):
            _close(text, run, out)
            run = []
        if place is not None:
            run.append((place, Cell(*m.span("num"), m.group("num"))))
    _close(text, run, out)
    return out


def _place(text: str, m: re.Match[str], is_place: Callable[[str], bool]) -> Cell | None:
    """The pair's place: its whole name, or the last words of it that name a place ("deaths Cases Chile")."""
    a, b = m.span("place")
    for w in re.finditer(r"\S+", text[a:b]):
        if is_place(text[a + w.start() : b]):
            return Cell(a + w.start(), b, text[a + w.start() : b])
    return None


def _close(text: str, run: list[tuple[Cell, Cell]], out: list[Table]) -> None:
    """Keep a run of enough pairs whose metric word stands just before it, on its line."""
    if len(run) < _MIN_PAIRS:
        return
    first = run[0][0].start
    # the metric word stands just before the run, or earlier in its sentence ("18 people infected
    # ... have been reported from 15 states – Arkansas 1, California 1, ...")
    since = max(0, first - _SENTENCE_REACH)
    stop = max(text.rfind(". ", since, first), text.rfind("\n", since, first))
    lead = list(_TRIGGER.finditer(text, max(since, stop + 1), first))
    if not lead:
        return
    word = lead[-1]
    out.append(
        Table(
            start=first,
            end=run[-1][1].end,
            header=(Cell(first, first, ""), Cell(word.start(), word.end(), word.group())),
            rows=tuple(run),
        )
    )
