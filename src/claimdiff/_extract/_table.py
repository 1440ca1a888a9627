"""Tables in text: rows of cells split by "|" (or by tabs), with a header row or a label in each row's first cell.

A cell's figure is read as running text is (:func:`claimdiff._extract._figures.figures`);
its metric comes from its column's header ("Deaths", "Death range", "Injured") or, in a
two-column table without a header (an infobox: "Deaths | 89+"), from the row's label; its
place from a column headed "Location", "Country", "Region"..., else from the row's first cell
when that names a place. This module only finds tables and their cells; :mod:`claimdiff._extract`
makes the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from claimdiff._extract._case_status import STATUS_WORDS
from claimdiff._extract._counted_metrics import counted_metric
from claimdiff._extract._time import YEAR
from claimdiff._extract._triggers import TRIGGERS

__all__ = [
    "NOTES_HEADER",
    "PLACE_HEADER",
    "Cell",
    "Table",
    "case_class",
    "grouped",
    "header_metric",
    "line_spans",
    "noun_metric",
    "tables",
    "title_line",
]


@attrs.frozen
class Cell:
    """One cell: its offsets in the text (stripped of spaces) and its words."""

    start: int
    end: int
    text: str


@attrs.frozen
class Table:
    """A run of table rows: its header's cells, each row's cells, and the prose its last column wraps onto.

    The header is ``()`` when the table has none; the prose lines (a summary column wrapped onto
    lines of their own) are read as running text.
    """

    start: int
    end: int
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    prose: tuple[tuple[int, int], ...] = ()  # a row's last cell wrapped onto lines: running text
    caption: tuple[int, int] | None = None  # the title line above a table: what its cells count
    sides: bool = False  # an infobox's sections, one cell per side (:mod:`._infobox_sides`)
    marks: tuple[tuple[int, int], ...] = ()  # footnote marks run into cells (:mod:`._glued_marks`)


_SEPARATOR = re.compile(r"^[\s|:+-]*-{3,}[\s|:+-]*$")
#: A header of a share, not a count: a per cent sign, "rate", "ratio", "proportion", "per 100 000".
_SHARE_HEAD = re.compile(
    r"%(?!\s*(?:CI|UI|confidence|credible)\b)|\b(?:rate|ratio|proportion|percent(?:age)?|per\s*cent|share|per\s+\d[\d ,]*)\b",
    re.IGNORECASE,
)
#: A cell opening with a figure ("12", "~300", "$15 million"): no column name.
_OPENS_FIGURE = re.compile(r"[~≈<>$€£]?\s*\d")
#: A header of what did not happen, or is planned: "deaths averted by vaccination", "people to be assisted".
_AVERTED = re.compile(
    r"\b(?:averted|prevented|avoided|to\s+be|targeted|planned|expected)\b", re.IGNORECASE
)
#: Headers of a column of free text (a row's notes): its cells are running text.
NOTES_HEADER = re.compile(
    r"\b(?:comments?|notes?|description|summary|remarks|details)\b", re.IGNORECASE
)
#: Headers that say where a row is.
PLACE_HEADER = re.compile(
    r"\b(?:locations?|places?|country|countries|regions?|provinces?|states?|areas?|districts?|city|cities|oblasts?)\b",
    re.IGNORECASE,
)


def _bar(text: str, start: int, end: int) -> str:
    """The character a line's cells are split by: "|", else a tab (a table pasted from a spreadsheet)."""
    return "|" if text.count("|", start, end) else "\t"


def _cells(text: str, start: int, end: int, *, keep: bool = False) -> tuple[Cell, ...]:
    """The cells of a line; with ``keep``, its empty cells too (under a header a cell's place is its column).

    The bars closing a line on either side ("| a | b |") open and close no cell.
    """
    bar = _bar(text, start, end)
    pieces = text[start:end].split(bar)
    first, last = 0, len(pieces)
    if keep and len(pieces) > 1:
        first += bar == "|" and not pieces[0].strip()  # a bar opening the line
        last -= not pieces[-1].strip()  # a bar (or tab) closing it
    out: list[Cell] = []
    pos = start
    for n, piece in enumerate(pieces):
        a, b = pos, pos + len(piece)
        pos = b + 1
        stripped = piece.strip()
        if stripped or (keep and first <= n < last):
            lead = a + len(piece) - len(piece.lstrip())
            out.append(_unmarked(Cell(lead, lead + len(stripped), stripped)))
    return tuple(out)


def _unmarked(cell: Cell) -> Cell:
    """A cell without the emphasis marks around its words ("**Total**", "__15__")."""
    text = cell.text
    for mark in ("**", "__"):
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark):
            k = len(mark)
            return Cell(cell.start + k, cell.end - k, text[k:-k].strip())
    return cell


def _carried(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """Rows whose first cell is left empty take the first cell of the row above: one group (a merged cell)."""
    out: list[tuple[Cell, ...]] = []
    for row in rows:
        carry = out and row and not row[0].text and out[-1][0].text and any(c.text for c in row)
        out.append((out[-1][0], *row[1:]) if carry else row)
    return out


def header_metric(head: str) -> str | None:
    """The metric a column header or row label names ("Deaths", "Death range", "Non-fatal injuries").

    A header of a share ("Deaths/total cases (%)", "Proportion of cases") names no count.

    >>> header_metric("Cumulative deaths"), header_metric("Case definition"), header_metric("Deaths/cases (%)")
    ('killed', None, None)
    >>> header_metric("Probable"), header_metric("Lab-confirmed")
    ('cases', 'cases')
    """
    if _SHARE_HEAD.search(head) or _AVERTED.search(head):
        return None
    words = re.findall(r"[a-z]+", head.lower())
    found = next((TRIGGERS[w] for w in reversed(words) if w in TRIGGERS), None)
    if found is None and case_class(head):
        # "Confirmed", "Probable", "Suspected" heading an outbreak table's columns: classes of cases,
        # which ANNOTATION.md rule 12 counts as cases
        return "cases"
    return found


def case_class(head: str) -> bool:
    """Whether a header names only a class of cases ("Confirmed", "Probable"): over rows of deaths, a class of deaths.

    The words are those of the case statuses running text sorts cases by (:data:`STATUS_WORDS`).

    >>> case_class("Probable"), case_class("Probable deaths"), case_class("Lab-confirmed"), case_class("Presumptive")
    (True, False, True, True)
    """
    words = re.findall(r"[a-z]+", head.lower())
    return bool(words) and set(words) <= STATUS_WORDS


def noun_metric(head: str) -> tuple[str, str] | None:
    """The metric and thing a header or label naming only what it counts implies: events are recorded (rule 36).

    "Aftershocks" over a column (or beside a figure, "Aftershocks: 39") counts aftershocks
    recorded, as "78 aftershocks were reported" does in running text; "IDPs" counts people displaced.

    >>> noun_metric("Aftershocks"), noun_metric("Number of IDPs"), noun_metric("Magnitude")
    (('recorded', 'aftershocks'), ('displaced', 'people'), None)
    """
    words = re.findall(r"[a-z]+", head.lower())
    for n in (3, 2, 1):
        implied = counted_metric(" ".join(words[-n:])) if len(words) >= n else None
        if implied is not None:
            return implied
    return None


def line_spans(text: str) -> list[tuple[int, int]]:
    """The offsets of each line of ``text``, without its line break: what table readers walk through."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        lines.append((pos, pos + len(content)))
        pos += len(line)
    return lines


def tables(text: str, is_place: Callable[[str], bool] = lambda _: False) -> list[Table]:
    r"""Every table of two rows or more in ``text``: lines of cells split by "|" or tabs, then each layout's reader.

    Each reader takes the tables no reader before it found: an infobox's sections by side (``_infobox_sides``),
    single-spaced headers cut into places, months or dates (``_grid_names``), tables laid out with spaces
    (``_aligned``; ``is_place`` tells a row group's place), tables of word cells (``_wide``), rows of events by
    year (``_dated_rows``), one cell a line (``_columnar``), infobox rows, keyed lists, key figures over their
    labels (``_grid_strips``), comma-separated rows (``_csv_rows``), place-and-figure runs (``_pairs``), rows
    whose cells run together (``_run_together``), then any other grid split by one separator (``_grid``) or by
    single spaces (``_grid_words``). A header written on two lines is one header; a table on its side is
    turned when its cells are read (:func:`claimdiff._extract._turned.turned`).

    >>> t = "Flood | Deaths | Location\n---|---|---\nA | 1,200 | China\nB | 300 | India\n"
    >>> [([c.text for c in tb.header], len(tb.rows)) for tb in tables(t)]
    [(['Flood', 'Deaths', 'Location'], 2)]
    """
    lines = line_spans(text)
    out: list[Table] = []
    i = 0
    while i < len(lines):
        top = i
        run: list[tuple[int, int]] = []
        while i < len(lines) and (
            (
                (text.count("|", *lines[i]) >= 1 or text.count("\t", *lines[i]) >= 1)
                and (
                    _SEPARATOR.match(text[lines[i][0] : lines[i][1]])
                    or len(_cells(text, *lines[i])) >= 2
                    or (run and _continues(text, *lines[i]))
                    or (run and _opens_row(text, *lines[i]))
                )
            )
            or (_closed_by_bars(text, run) and _closes_cells(text, lines, i))
            or (run and _heads_group(text, lines, i))
        ):
            run.append(lines[i])
            i += 1
        if len(run) >= 2:
            out.append(attrs.evolve(_table(text, run), caption=title_line(text, lines, top)))
        i += 1 if not run else 0
    from claimdiff._extract._aligned import aligned_tables  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._columnar import columnar_tables  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._csv_rows import csv_tables  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._dated_rows import dated_rows  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._grid import grids  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._grid_names import named_grids  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._grid_strips import key_strips  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._grid_words import word_grids  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._infobox import infobox_rows  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._infobox_sides import infobox_sides  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._keyed import keyed_lists  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._pairs import place_runs  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._run_together import run_together  # noqa: PLC0415 - it builds on this module
    from claimdiff._extract._wide import wide_tables  # noqa: PLC0415 - it builds on this module

    # an infobox's sections, one cell per side, are read apart from the "|" table they stand in
    sided = infobox_sides(text, lines)
    out = [*sided, *(t for t in out if not any(_overlap(t, s) for s in sided))]
    for more in (  # the lines are split once for all the readers
        named_grids(text, lines, is_place),  # single-spaced headers cut by places, units, months
        aligned_tables(text, is_place, lines),
        wide_tables(text, is_place, lines),
        dated_rows(text, is_place, lines),
        columnar_tables(text, lines),
        infobox_rows(text, lines),
        keyed_lists(text, lines),
        key_strips(text, lines),
        csv_tables(text, lines, is_place),
        place_runs(text, is_place),
        run_together(text, lines),
        grids(text, lines),  # any other grid of lines split by one separator, under a header
        word_grids(text, lines),  # single-spaced rows of a label and figures, key-figure strips
    ):
        out += [t for t in more if not any(_overlap(t, b) for b in out)]
    return sorted(out, key=lambda t: t.start)


def _overlap(a: Table, b: Table) -> bool:
    return a.start < b.end and b.start < a.end


def title_line(text: str, lines: list[tuple[int, int]], top: int) -> tuple[int, int] | None:
    """The title or lead-in line above a table's line ``top`` (a blank line between allowed), if any.

    It may name what the cells count ("infections in health-care workers") or, ending in a colon,
    lead into the table with its metric ("... killed ... He estimates the losses thus:").
    """
    for k in (top - 1, top - 2):
        if k < 0:
            return None
        a, b = lines[k]
        if text[a:b].strip():
            return (a, b) if b - a <= _TITLE_CHARS else None
    return None


#: The longest line read as a table's title or lead-in (a paragraph's last line is read if it is short).
_TITLE_CHARS = 400


def _continues(text: str, start: int, end: int) -> bool:
    """True for a line that only closes the row before it: one cell ending in "|" (a long cell wrapped)."""
    line = text[start:end].strip()
    return line.endswith("|") and not line.startswith("|") and len(_cells(text, start, end)) == 1


def _opens_row(text: str, start: int, end: int) -> bool:
    """True for a row of a table with outer bars whose cells but one are empty ("| | 3 |")."""
    line = text[start:end].strip()
    return line.startswith("|") and len(_cells(text, start, end, keep=True)) >= 2


def _heads_group(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line ``i`` is a row group's heading inside a table: a short line of words, then a row of figures.

    "Season aggregates", "Sierra Leone": a merged cell spanning the row, pasted without its bars.
    """
    a, b = lines[i]
    body = text[a:b].strip()
    if not body or len(body) > _GROUP_CHARS or "|" in body or "\t" in body or i + 1 >= len(lines):
        return False
    if any(ch.isdigit() for ch in body):
        return False
    below = _cells(text, *lines[i + 1])
    return len(below) >= 2 and any(_OPENS_FIGURE.match(c.text) for c in below[1:])


#: The longest line read as a row group's heading.
_GROUP_CHARS = 60


def _years_row(row: tuple[Cell, ...]) -> bool:
    """Whether a row is a second header of years ("2003 | 2020 | 2003 | 2020 | Measles cases"): no data."""
    filled = [c.text for c in row if c.text]
    if row and row[0].text and not YEAR.fullmatch(row[0].text):
        # "Dead | 1800 | 1800", "Kenya | 1800 | 1800": a row with a label holds figures, not years
        return False
    return sum(1 for t in filled if YEAR.fullmatch(t)) >= 2 and all(
        YEAR.fullmatch(t) or not any(ch.isdigit() for ch in t) for t in filled
    )


#: A year standing alone in a cell.


def grouped(
    header: tuple[Cell, ...], rows: list[tuple[Cell, ...]]
) -> tuple[tuple[Cell, ...], list[tuple[Cell, ...]]]:
    """A table whose rows of one label ("African", "Totals") head the rows under them: a group column first.

    The group's label is the place (or the totals) of the rows it heads, read from a column
    headed "Place" put before the table's own.
    """

    def lone(row: tuple[Cell, ...]) -> bool:
        return bool(row) and bool(row[0].text) and not any(c.text for c in row[1:])

    if header:
        rows = [r for r in rows if not _years_row(r)]
    if len(header) < 2 or not any(lone(r) for r in rows[:-1]):
        return header, rows
    at = header[0].start
    group = Cell(at, at, "")
    out: list[tuple[Cell, ...]] = []
    for row in rows:
        if lone(row):
            group = row[0]
        else:
            out.append((group, *row))
    return (Cell(at, at, "Place"), *header), out


def _closed_by_bars(text: str, run: list[tuple[int, int]]) -> bool:
    """Whether a run is a table whose every cell a bar closes: a header "a | b |" (no bar opening it), then a rule.

    Pasted from a web page, such a table may break its rows anywhere (one cell a line, a bar
    alone on a line): its body is a stream of cells, cut into rows as wide as its header.
    """
    if len(run) < 2 or not _SEPARATOR.match(text[run[1][0] : run[1][1]]):
        return False
    head = text[run[0][0] : run[0][1]].strip()
    return head.endswith("|") and not head.startswith("|") and head.count("|") >= 2


def _closes_cells(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line ``i`` continues a table of cells closed by bars: it holds a bar, or the next line opens with one."""
    a, b = lines[i]
    if "|" in text[a:b]:
        return True
    return (
        bool(text[a:b].strip())
        and i + 1 < len(lines)
        and text[lines[i + 1][0] : lines[i + 1][1]].lstrip().startswith("|")
    )


def _stream(text: str, start: int, end: int, width: int) -> list[tuple[Cell, ...]]:
    """The rows of a body of cells each closed by a bar, cut every ``width`` cells whatever its line breaks."""
    rows: list[tuple[Cell, ...]] = []
    row: list[Cell] = []
    pos = start
    pieces = text[start:end].split("|")
    for n, piece in enumerate(pieces):
        a = pos
        pos += len(piece) + 1
        stripped = piece.strip()
        if n == len(pieces) - 1 and not stripped:
            break  # nothing after the last bar
        lead = a + len(piece) - len(piece.lstrip())
        row.append(Cell(lead, lead + len(stripped), stripped))
        if len(row) == width:
            rows.append(tuple(row))
            row = []
    if any(c.text for c in row):
        rows.append(tuple(row))
    return rows


def _stacked(text: str, run: list[tuple[int, int]], rows: list[tuple[int, int]]) -> int:
    """How many lines under a table's first row go on with its header: a header written on two lines.

    "Confirmed | Confirmed | Probable" over "cases | deaths | cases", or "Persons | Houses" over
    "dead | destroyed": lines of words (no digit), as many cells as the first, that either stand
    above the rule under the header or make more columns name a metric than the first line does.
    """
    top = _cells(text, *rows[0], keep=True)
    rule = next((k for k, (a, b) in enumerate(run) if _SEPARATOR.match(text[a:b])), None)
    above = sum(1 for a, _ in rows if rule is not None and a < run[rule][0]) - 1
    more = 0
    for a, b in rows[1 : 1 + _HEADER_LINES]:
        line = _cells(text, a, b, keep=True)
        if len(line) != len(top) or _DIGITS.search(text, a, b) or not any(c.text for c in line[1:]):
            break
        more += 1
    if more and more > above:
        merged = _merged([_cells(text, a, b, keep=True) for a, b in rows[: more + 1]])
        named = sum(1 for c in merged[1:] if header_metric(c.text) or noun_metric(c.text))
        if named <= sum(1 for c in top[1:] if header_metric(c.text) or noun_metric(c.text)):
            return max(above, 0)
    return more


#: The most lines a table's header is written on below its first.
_HEADER_LINES = 2
_DIGITS = re.compile(r"\d")


def _merged(lines: list[tuple[Cell, ...]]) -> tuple[Cell, ...]:
    """The header cells of a header written on several lines: each column's words joined, top to bottom."""
    out: list[Cell] = []
    for column in zip(*lines, strict=True):
        filled = [c for c in column if c.text]
        if not filled:
            out.append(column[0])
            continue
        out.append(Cell(filled[0].start, filled[0].end, " ".join(c.text for c in filled)))
    return tuple(out)


def _table(text: str, run: list[tuple[int, int]]) -> Table:
    if _closed_by_bars(text, run):
        width = text.count("|", *run[0])
        body = run[2:]
        if body and any(text.count("|", a, b) != width for a, b in body):
            header, grid = grouped(
                _cells(text, *run[0], keep=True), _stream(text, body[0][0], body[-1][1], width)
            )
            return Table(start=run[0][0], end=run[-1][1], header=header, rows=tuple(grid))
    rows = [
        (a, b) for a, b in run if not _SEPARATOR.match(text[a:b]) and not _continues(text, a, b)
    ]
    separated = len(run) > 1 and _SEPARATOR.match(text[run[1][0] : run[1][1]]) is not None
    first = _cells(text, *rows[0]) if rows else ()  # a run of rules and wrapped cells has no row
    # a first row of names (no cell opening with a figure: "Max 1-min wind" is a name) heads the
    # table when it is wide or names a metric over a column
    from claimdiff._extract._turned import is_date  # noqa: PLC0415 - it builds on this module

    has_header = separated or (
        # a date heads a column ("3 May"): a name, though it opens with a digit
        not any(_OPENS_FIGURE.match(c.text) and not is_date(c.text) for c in first)
        and (len(first) > 2 or any(header_metric(c.text) for c in first[1:]))
    )
    body = rows[1:] if has_header else rows
    if has_header and (more := _stacked(text, run, rows)):
        from claimdiff._extract._grid_levels import levelled  # noqa: PLC0415 - it builds on this module

        lines = [_cells(text, a, b, keep=True) for a, b in rows[: more + 1]]
        width = len(_cells(text, *body[more], keep=True)) if body[more:] else 0
        first, body = levelled(lines, width) or _merged(lines), body[more:]
    header, grid = grouped(
        first if has_header else (),
        _carried([_cells(text, a, b, keep=has_header) for a, b in body]),
    )
    return Table(
        start=run[0][0],
        end=run[-1][1],
        header=header,
        rows=tuple(grid),
        prose=tuple(
            (a, a + len(text[a:b].rstrip().rstrip("|").rstrip()))
            for a, b in run
            if _continues(text, a, b)
        ),
    )
