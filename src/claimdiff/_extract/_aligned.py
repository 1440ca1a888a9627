r"""Tables laid out with spaces: rows of a label and its figures under a header, as pasted from a PDF or a report.

A row is a short label (a country, a district, a case definition) followed by its figures; a
run of two rows or more is a table, and the line right above it, when it is no row and no
sentence, is its header. The header's columns are its pieces split by runs of two spaces or more;
when it has single spaces only (the columns' spacing lost in the paste), each capitalised word
opens a column, the form of sentence-case headers ("Country Case definition Cumulative cases").
A figure belongs to the column it stands under (spaced tables) or, in single-spaced ones, fills
the figure columns from the first. A row whose first label cell is left empty is in the group of
the row above (its place is carried down), and a total right after a total closes the groups.
The tables are :class:`~claimdiff._extract._table.Table` objects with one cell a column, read like
the "|" tables (:mod:`claimdiff._extract._cells`).

>>> t = "Country  Cases  Deaths\nGuinea  125  72\nLiberia  365  177\n"
>>> [[c.text for c in row] for row in aligned_tables(t, lambda s: s in {"Guinea", "Liberia"})[0].rows]
[['Guinea', '125', '72'], ['Liberia', '365', '177']]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable

import attrs

from claimdiff._extract._leads import closes_list
from claimdiff._extract._table import Cell, Table, line_spans, title_line

__all__ = ["MAX_LINE", "TOTAL", "aligned_tables"]

#: A figure cell: a numeral (with a footnote mark), or a mark that stands for no figure ("*", "-", "n/a").
_VALUE = re.compile(
    r"[<>~≈]?\d[\d,.]*(?:[-–][<>~≈]?\d[\d,.]*)?\+?[*#§†‡]*|[*–—-]|n/?a|\.\.\.?|…", re.IGNORECASE
)
#: A bullet opening a line of a list ("• Italy: ~20,000"): no part of the row's label.
_BULLET = re.compile(r"[•·▪◦*\-–—]+")
#: A share beside a cell's figure ("1525 (63%)"): part of the cell before it, no cell of its own.
_SHARE = re.compile(r"\(\d[\d.,]*%\)")
#: A total row's label: the row sums the rows above it.
TOTAL = re.compile(
    r"(?:[A-Za-z]+\s+)?(?:grand\s+)?(?:total|overall|sum|aggregate)s?\b[\s:*#§†‡]*$", re.IGNORECASE
)
#: Footnote marks after a label ("Liberia§", "Kosovo*").
_MARKS = "*#§†‡ \t:"
#: Runs of two spaces or more (or tabs): the gaps between the columns of a spaced line.
_GAP = re.compile(r"[ \t]{2,}|\t")
_WORD = re.compile(r"\S+")
#: The longest label a row has (a table's labels are names, not sentences) and the longest line read.
_LABEL_CHARS = 60
_LABEL_WORDS = 8
#: A line longer than this is prose or garbage, never a table row; it is skipped unsplit (linear time).
MAX_LINE = 250_000
#: An indented line: a spaced header's wrapped words under their columns.
_INDENT = re.compile(r"[ \t]{2,}\S")
#: The header lines stacked above a spaced table's rows ("Cases" over "New  Total").
_HEADER_LINES = 3


@attrs.frozen
class _Row:
    start: int
    end: int
    label: tuple[Cell, ...]  # the label's pieces (split by wide gaps), possibly none
    values: tuple[Cell, ...]


def aligned_tables(
    text: str, is_place: Callable[[str], bool], lines: list[tuple[int, int]] | None = None
) -> list[Table]:
    """Every table of rows "label figure figure ..." in ``text``, each with its header's columns.

    ``is_place`` says whether a label names a place (it tells a row group's place from its
    category when the columns' spacing is lost); ``lines`` are the text's :func:`line_spans`, when
    split already.
    """
    lines = line_spans(text) if lines is None else lines
    rows = [_row(text, a, b) if b - a <= MAX_LINE else None for a, b in lines]
    for k in range(len(lines) - 2, -1, -1):  # from the end: a group line stands right above a row
        row_below = rows[k + 1]
        if rows[k] is None and row_below is not None and row_below.values:
            rows[k] = _group(text, *lines[k], is_place)
    out: list[Table] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and rows[j] is not None:
            j += 1
        run = [r for r in rows[i:j] if r is not None]
        if sum(1 for r in run if r.values) >= 2 and (
            max(len(r.values) for r in run) >= 2
            or _header_lines(text, lines, i)
            or _led_in(text, title_line(text, lines, i))
        ):
            out.append(_table(text, lines, i, run, is_place))
        i = max(j, i + 1)
    return out


def _group(text: str, a: int, b: int, is_place: Callable[[str], bool]) -> _Row | None:
    """A line between rows naming only a place ("Sierra Leone"): it heads the rows under it, no row itself."""
    body = text[a:b].strip().rstrip(_MARKS)
    if not body or len(body) > _LABEL_CHARS or not body[0].isupper() or not is_place(body):
        return None
    lead = a + len(text[a:b]) - len(text[a:b].lstrip())
    return _Row(a, b, (Cell(lead, lead + len(body), body),), ())


def _led_in(text: str, span: tuple[int, int] | None) -> bool:
    """Whether a line leads into what follows it: it ends in a colon ("... reported new cases this week:")."""
    if span is None:
        return False
    return text[span[0] : span[1]].rstrip().rstrip("-–—").rstrip().endswith(":")


def _grouped(text: str, run: list[_Row], *, spaced: bool = False) -> list[_Row]:
    """The rows with a space inside a numeral read as grouping thousands where a row has more figures than the table.

    "Total 18 569 1695 6900" under three figure columns is 18,569, 1695 and 6900; "Liberia 365 177"
    under two is 365 and 177. The table's number of figures is the one most of its rows have.
    Under a ``spaced`` header (columns apart by two spaces or more) one space always groups
    thousands ("Punjab   1 234   567").
    """
    counts = Counter(len(r.values) for r in run)
    usual = max(counts, key=lambda n: (counts[n], n)) if not spaced else 0
    out = []
    for r in run:
        extra = len(r.values) - usual
        merged: list[Cell] = []
        for v in r.values:
            if (
                extra > 0
                and merged
                and v.start - merged[-1].end == 1
                and (
                    (_GROUP.fullmatch(v.text) and _LEAD.fullmatch(merged[-1].text))
                    # a footnote mark a space after a figure ("298 *"): the figure's, no cell
                    or (v.text in _FOOTNOTES and merged[-1].text[-1:].isdigit())
                )
            ):
                merged[-1] = Cell(merged[-1].start, v.end, text[merged[-1].start : v.end])
                extra -= 1
            else:
                merged.append(v)
        out.append(attrs.evolve(r, values=tuple(merged)) if extra != len(r.values) - usual else r)
    return out


#: A row's serial number before its label: "1.", "12)", "(3)".
_SERIAL = re.compile(r"\(?\d{1,3}[.)]")
#: Footnote marks standing alone after a figure.
_FOOTNOTES = frozenset({"*", "**", "†", "‡", "#", "§"})
#: A numeral's groups: its first (one to three digits, or groups already joined), then three digits.
_LEAD = re.compile(r"\d{1,3}(?: \d{3})*")
_GROUP = re.compile(r"\d{3}")


#: A list line of a place and its figure in brackets: "• Italy (2 502)", "- France (212),".
_BRACKETED = re.compile(
    r"[ \t]*(?:[•·▪◦*\-–—]+[ \t]*)?(?P<label>[A-Za-z][^\d()\n]{0,58}?)[ \t]*"
    r"\((?P<value>\d{1,3}(?:[ ,\u00a0]\d{3})+|\d+)\)[ \t]*(?:[,;.]|and)?[ \t]*$"
)


def _row(text: str, a: int, b: int) -> _Row | None:
    """The row ``text[a:b]`` is: a label then figures, or ``None`` for any other line.

    A line that says where a list came from ("Source: Report #28, 27 January 2018") is no row.
    """
    bracketed = _BRACKETED.match(text, a, b)
    if bracketed is None and not _ends_in_value(text, a, b):
        # read from its end first: a line no figure closes has no figures to read (prose)
        return None
    if closes_list(text[a:b].lower(), 0):
        return None
    if bracketed is not None:
        la, lb = bracketed.span("label")
        return _Row(
            a,
            b,
            (Cell(la, lb, text[la:lb]),),
            (Cell(*bracketed.span("value"), bracketed.group("value")),),
        )
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, a, b)]
    if words and _BULLET.fullmatch(text, *words[0]):
        words = words[1:]
    k = len(words)
    while k and (_VALUE.fullmatch(text, *words[k - 1]) or _SHARE.fullmatch(text, *words[k - 1])):
        k -= 1
    values = tuple(Cell(s, e, text[s:e]) for s, e in words[k:] if not _SHARE.fullmatch(text, s, e))
    if not any(ch.isdigit() for c in values for ch in c.text):
        return None
    label = words[:k]
    # a serial number opening the row ("1.  Sindh  86  112", "2) Punjab 12 15"): the row's number, then its label
    serial = len(label) >= 2 and _SERIAL.fullmatch(text, *label[0]) is not None
    if label and (
        not text[label[serial][0]].isalpha()
        or len(label) > _LABEL_WORDS
        or label[-1][1] - label[0][0] > _LABEL_CHARS
        or re.search(r"[.;!?]\s", text[label[serial][0] : label[-1][1]])
    ):
        return None
    if not label and len(values) < 2:
        return None
    return _Row(a, b, _pieces(text, label[0][0], label[-1][1]) if label else (), values)


def _ends_in_value(text: str, a: int, b: int) -> bool:
    """Whether the last word of ``text[a:b]`` is a figure cell or a share: where a row's figures end.

    The same test :func:`_row` makes of its words from the last, made without splitting the line.
    """
    end = b
    while end > a and text[end - 1].isspace():
        end -= 1
    start = end
    while start > a and not text[start - 1].isspace():
        start -= 1
    return start < end and bool(
        _VALUE.fullmatch(text, start, end) or _SHARE.fullmatch(text, start, end)
    )


def _pieces(text: str, a: int, b: int) -> tuple[Cell, ...]:
    """``text[a:b]`` cut at its wide gaps, each piece stripped of footnote marks."""
    out = []
    pos = a
    for gap in [*_GAP.finditer(text, a, b), None]:
        end = gap.start() if gap is not None else b
        piece = text[pos:end].rstrip(_MARKS)
        if piece.strip():
            out.append(Cell(pos, pos + len(piece), piece))
        pos = gap.end() if gap is not None else b
    return tuple(out)


def _header_lines(text: str, lines: list[tuple[int, int]], i: int) -> list[tuple[int, int]]:
    """The lines right above line ``i`` that head a table: no row, no sentence, nothing blank between."""
    out: list[tuple[int, int]] = []
    k = i - 1
    while k >= 0 and len(out) < _HEADER_LINES:
        a, b = lines[k]
        body = text[a:b].strip()
        if (
            not body
            or b - a > MAX_LINE
            or body[-1] in ".;!?:"
            or (len(body) > 200 and not _GAP.search(body))  # a long line is a header only if spaced
            or _row(text, a, b) is not None
        ):
            break
        out.insert(0, (a, b))
        # a single-spaced header has one line, unless it is indented: the wrapped words of a spaced
        # header's columns ("        cases" under "Region  Cumulative  Deaths")
        if not _GAP.search(body) and not _INDENT.match(text, a, b):
            break
        k -= 1
    return out


def _columns(text: str, head: list[tuple[int, int]], figures: int) -> list[Cell]:
    """The header's columns: pieces between wide gaps, with the lines above (and wrapped below) stacked onto them."""
    # the line with the most pieces names the columns; the others add words to the columns they stand over
    base = max(range(len(head)), key=lambda n: (len(_pieces(text, *head[n])), n))
    a, b = head[base]
    if _GAP.search(text[a:b].strip()):
        columns = list(_pieces(text, a, b))
        starts = [c.start - a for c in columns]
        # "Cases" over "New  Total": each column is named by both
        for m, (up_a, up_b) in enumerate(head):
            if m == base:
                continue
            for piece in _pieces(text, up_a, up_b):
                s, e = piece.start - up_a, piece.end - up_a
                # the columns under the piece (two characters of slack): found by bisection, not a scan
                n = max(bisect.bisect_right(starts, s - 2) - 1, 0)
                while n < len(columns) and columns[n].start - a < e + 2:
                    if s < columns[n].end - a + 2:
                        pair = (
                            (piece.text, columns[n].text)
                            if m < base
                            else (columns[n].text, piece.text)
                        )
                        columns[n] = attrs.evolve(columns[n], text=" ".join(pair))
                    n += 1
        return columns
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, a, b)]
    starts = [n for n, (s, _) in enumerate(words) if n == 0 or text[s].isupper()]
    if len(starts) < figures and len(words) in (figures, figures + 1):
        # "Country dead missing total" over "Indonesia 126,473 93,943 220,416": a word a column
        starts = list(range(len(words)))
    if len(starts) < figures:  # a Title Case header of fewer words than columns: unreadable
        return []
    bounds = [*starts, len(words)]
    return [
        Cell(words[p][0], words[q - 1][1], text[words[p][0] : words[q - 1][1]])
        for p, q in itertools.pairwise(bounds)
    ]


def _table(
    text: str,
    lines: list[tuple[int, int]],
    i: int,
    run: list[_Row],
    is_place: Callable[[str], bool],
) -> Table:
    head = _header_lines(text, lines, i)
    # spaced: the header's columns and its rows' cells stand apart by two spaces or more (a header
    # spaced over rows pasted with single spaces is read as a single-spaced table)
    spaced = (
        bool(head)
        and _GAP.search(text[head[-1][0] : head[-1][1]]) is not None
        and any(_GAP.search(text, _first(r), r.end) for r in run if r.values)
    )
    run = _grouped(text, run, spaced=spaced)
    figures = max(len(r.values) for r in run)
    # rows of one figure each under a single-spaced line ("Dead 1,010" under "B. CASUALTIES"): a
    # list of labelled figures under its title, each label naming its own figure
    columns = _columns(text, head, figures) if head and (spaced or figures > 1) else []
    if len(columns) == figures and figures > 1 and all(r.label for r in run):
        # the header names the figure columns only (its top-left cell left empty: "New  Confirmed  Totals"
        # over "Cases  11  362  506"): the labels' column is unnamed
        columns = [Cell(head[-1][0], head[-1][0], ""), *columns]
    if len(columns) < figures + 1:
        columns = []
    labels = len(columns) - figures if columns else 1
    out: list[tuple[Cell, ...]] = []
    above: tuple[Cell, ...] = ()
    closed = False  # a total row came right before: a second total is the whole table's
    # place lines between the rows head row groups: a place column before the table's own
    grouped = bool(columns) and any(not r.values for r in run)
    group = Cell(run[0].start, run[0].start, "")
    for r in run:
        if not r.values:
            group = r.label[0]
            continue
        width = len(columns) if columns else labels + figures
        cells = (
            _placed(r, text.rfind("\n", 0, columns[-1].start) + 1, columns, labels)
            if spaced and columns
            else _filled(r, labels, width, is_place)
        )
        total = any(TOTAL.match(c.text) for c in cells[:labels] if c.text)
        if cells and not cells[0].text and above and above[0].text:
            if total and closed:
                cells[0] = next(c for c in cells[:labels] if c.text)
            else:
                cells[0] = above[0]  # a row group: the rows below its first row share its place
        closed = total
        above = tuple(cells)
        out.append((group, *above) if grouped else above)
    # a line over rows that gives it no columns is their title (or their lead: "Deaths72,000")
    caption = title_line(text, lines, i - len(head)) if columns or not head else head[-1]
    if grouped:
        columns = [Cell(head[-1][0], head[-1][0], "Place"), *columns]
    return Table(
        start=head[0][0] if columns else run[0].start,
        end=run[-1].end,
        header=tuple(columns),
        rows=tuple(out),
        caption=caption,
    )


def _first(r: _Row) -> int:
    """Where a row's first cell opens (its indent left out)."""
    return r.label[0].start if r.label else r.values[0].start


def _placed(r: _Row, head_start: int, columns: list[Cell], labels: int) -> list[Cell]:
    """A spaced row's cells, each in the column it stands under (the most overlapped, else the nearest).

    A row with one piece a column fills them in order; cells never change order, so a cell that
    stands nearest a column already filled goes to the next one.
    """
    pieces = (*r.label, *r.values)
    if len(pieces) == len(columns):
        return list(pieces)
    if 0 < len(r.label) < labels and len(r.values) == len(columns) - labels:
        # every figure column filled, a label column left empty ("Total" under "Serial  Province"):
        # the label names the row in the last label columns, as in a single-spaced row
        blank = [Cell(r.start, r.start, "") for _ in range(labels - len(r.label))]
        return [*blank, *r.label, *r.values]
    spans = [(c.start - head_start, c.end - head_start) for c in columns]
    starts = [a for a, _ in spans]
    cells = [Cell(r.start, r.start, "") for _ in columns]
    last = -1
    for cell in pieces:
        s, e = cell.start - r.start, cell.end - r.start
        near = bisect.bisect_right(starts, s) - 1  # columns are in order: only neighbours compete
        best = min(
            range(max(near - 1, 0), min(near + 3, len(spans))),
            key=lambda n: _apart(s, e, *spans[n]),
        )
        best = max(best, last + 1)
        if best >= len(cells):
            break
        cells[best] = cell
        last = best
    return cells


def _apart(s: int, e: int, cs: int, ce: int) -> int:
    """How far apart two spans of columns are: their gap, or minus their overlap."""
    gap = max(cs - e, s - ce)
    return gap if gap > 0 else -(min(e, ce) - max(s, cs))


def _filled(r: _Row, labels: int, width: int, is_place: Callable[[str], bool]) -> list[Cell]:
    """A single-spaced row's cells: its label split into the label columns, its figures from the first figure column."""
    cells = [Cell(r.start, r.start, "") for _ in range(width)]
    label = r.label
    if len(label) == 1 and labels >= 2:  # "Sierra Leone Confirmed": the place, then the category
        label = _split_place(label[0], is_place)
    if len(label) >= labels:
        label = (*label[: labels - 1], _joined(label[labels - 1 :])) if labels else ()
        cells[: len(label)] = label
    elif label:
        # fewer pieces than label columns: the last ones (the first, a group's place, is carried down)
        cells[labels - len(label) : labels] = label
    for n, value in enumerate(r.values[: width - labels]):
        cells[labels + n] = value
    return cells


def _split_place(cell: Cell, is_place: Callable[[str], bool]) -> tuple[Cell, ...]:
    """A label that opens with a place ("Sierra Leone Confirmed") as its place and the rest."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(cell.text)]
    for n in range(min(len(words) - 1, 4), 0, -1):
        name = cell.text[: words[n - 1][1]].rstrip(_MARKS)
        if is_place(name):
            rest = cell.text[words[n][0] :]
            return (
                Cell(cell.start, cell.start + len(name), name),
                Cell(cell.start + words[n][0], cell.end, rest),
            )
    return (cell,)


def _joined(cells: tuple[Cell, ...]) -> Cell:
    return Cell(cells[0].start, cells[-1].end, " ".join(c.text for c in cells))
