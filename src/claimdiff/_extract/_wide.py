r"""Tables of word cells pasted with single spaces: one figure column among names, dates and notes.

An encyclopedia's table ("City/Town Country Date Estimated death toll Attacking force Notes")
pasted as text keeps one row a line, but its cells run together with single spaces and hold words,
so no column can be told by position. Under a header of capitalised column names of which exactly
one names a metric, each line holding exactly one numeral outside its dates is a row: that numeral
is the metric column's cell, and the row's first words, up to the first known place after them,
its first cell (its place, placed within the country the row names). Lines without a figure
continue the row above (a wrapped note).

>>> t = "City Country Date Deaths Notes\nJaen Spain 1 April 1937 159 See: Jaen.\nLeon Spain 2 May 1938 12 A note.\n"
>>> [[c.text for c in row if c.text] for tb in wide_tables(t, lambda s: s == "Spain") for row in tb.rows]
[['Jaen', 'Spain', '159'], ['Leon', 'Spain', '12', 'A note.']]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from claimdiff._extract._table import NOTES_HEADER as _NOTES
from claimdiff._extract._table import PLACE_HEADER, Cell, Table, header_metric, line_spans

__all__ = ["column_names", "wide_tables"]

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
#: Dates and years of a row: "16–19 March 1938", "March 1938", "1937", "1936–1939".
_DATE = re.compile(
    rf"\b\d{{4}}[/-]\d{{1,2}}[/-]\d{{1,2}}\b|\b\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?\s+{_MONTHS}(?:\s+\d{{4}})?|\b{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?"
    rf"|\b{_MONTHS}\s+\d{{4}}|\b(?:1[0-9]|20)\d\d(?:\s*[–-]\s*(?:1[0-9]|20)?\d\d)?\b"
)
#: A figure of a row: a numeral or a range of numerals, with a hedge mark, a plus or a word of scale
#: ("50–85 million"); a footnote mark ("[4]") is none.
_FIGURE = re.compile(
    r"(?<![\w.,\[])[~≈<>]?\d[\d,]*(?:\.\d+)?(?:\s*[–-]\s*\d[\d,]*(?:\.\d+)?)?\+?"
    r"(?:\s+(?:thousand|million|billion)\b)?(?![\w%\]])"
)
#: Where a sentence opens: a capitalised word followed by a lower-case one ("The earthquake").
_SENTENCE_START = re.compile(r"(?<!\S)[A-Z][A-Za-z']*\s+[a-z]")
#: A column of dates: its numerals are no figures of the metric column.
_DATE_HEAD = re.compile(r"\b(?:date|dates|year|years|period|began|ended)\b", re.IGNORECASE)
#: What no header line holds: a colon, a semicolon, a full stop closing a word.
_PUNCTUATED = re.compile(r"[:;]|[a-z]{2}\.(?:\s|$)")
#: The most lines a header wraps onto ("War Death" / "range" / "Date Combatants Location").
_HEADER_LINES = 3
_WORD = re.compile(r"\S+")
#: A header has this many columns at least, and names are this short.
_COLUMNS = 3
_HEADER_CHARS = 200


def wide_tables(
    text: str, is_place: Callable[[str], bool], lines: list[tuple[int, int]] | None = None
) -> list[Table]:
    """Each table of word cells under a header with one metric column, as rows of (first cell, ..., figure).

    ``lines`` are the text's :func:`~claimdiff._extract._table.line_spans`, when split already.
    """
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    i = 0
    while i < len(lines):
        header, j = _wrapped_header(text, lines, i)
        if header is None:
            i += 1
            continue
        rows: list[tuple[Cell, ...]] = []
        notes: list[tuple[int, int]] = []  # lines continuing a row's notes: running text
        while j < len(lines) and text[lines[j][0] : lines[j][1]].strip():
            row = _row(text, *lines[j], header, is_place)
            if row is not None:
                rows.append(row)
            else:
                notes.append(lines[j])
            j += 1
        if len(rows) >= 2 or (rows and any(_NOTES.search(h.text) for h in header)):
            out.append(
                Table(
                    start=lines[i][0],
                    end=lines[j - 1][1],
                    header=header,
                    rows=tuple(rows),
                    prose=tuple(notes),
                )
            )
        i = j if out and out[-1].start == lines[i][0] else i + 1
    return out


def _wrapped_header(
    text: str, lines: list[tuple[int, int]], i: int
) -> tuple[tuple[Cell, ...] | None, int]:
    """The header opening at line ``i`` (wrapped onto up to three lines) and the line after it.

    A line opening in lower case or a bracket ("range", "(millions)") carries on the last column
    of the line above; a capitalised one adds columns. The longest reading that is a header wins.
    """
    best: tuple[tuple[Cell, ...] | None, int] = (None, i + 1)
    columns: list[Cell] = []
    for k in range(i, min(i + _HEADER_LINES, len(lines))):
        a, b = lines[k]
        body = text[a:b].strip()
        if (
            not body
            or len(body) > _HEADER_CHARS  # (a paragraph's line, told at once)
            or any(map(str.isdigit, body))
            or _PUNCTUATED.search(body)  # "Main article: ...", a sentence: no column names
        ):
            break
        if k > i and (body[0].islower() or body[0] == "(") and columns:
            lead = a + len(text[a:b]) - len(text[a:b].lstrip())
            last = columns[-1]
            columns[-1] = Cell(last.start, lead + len(body), f"{last.text} {body}")
        elif body[0].isupper():
            more = column_names(text, a, b)
            if not more:
                break
            columns += more
        else:
            break
        if _is_header(columns):
            best = (tuple(columns), k + 1)
    return best


def column_names(text: str, a: int, b: int) -> list[Cell]:
    """The column names of one header line: each capitalised word opens one."""
    words = list(_WORD.finditer(text, a, b))
    starts = [n for n, w in enumerate(words) if w.group()[0].isupper()]
    if not starts or starts[0] != 0:
        return []
    bounds = [*starts, len(words)]
    return [
        Cell(words[p].start(), words[q - 1].end(), text[words[p].start() : words[q - 1].end()])
        for p, q in itertools.pairwise(bounds)
    ]


def _is_header(columns: list[Cell]) -> bool:
    """Columns that head a table of word cells: three or more, one metric, a place (or date) column."""
    metrics = [k for k, c in enumerate(columns) if header_metric(c.text) is not None]
    return (
        len(columns) >= _COLUMNS
        # one metric column, or several side by side ("Dead Injured")
        and bool(metrics)
        and metrics == list(range(metrics[0], metrics[0] + len(metrics)))
        and (
            PLACE_HEADER.search(columns[0].text) is not None
            or (
                header_metric(columns[0].text) is None
                and any(PLACE_HEADER.search(c.text) for c in columns[1:])
            )
        )
    )


def _row(
    text: str, a: int, b: int, header: tuple[Cell, ...], is_place: Callable[[str], bool]
) -> tuple[Cell, ...] | None:
    """A row: its first cell (up to a known place), that place, and its one figure outside dates."""
    dates = [m.span() for m in _DATE.finditer(text, a, b)]
    figures = [
        m for m in _FIGURE.finditer(text, a, b) if not any(s <= m.start() < e for s, e in dates)
    ]
    metrics = [k for k, h in enumerate(header) if header_metric(h.text) is not None]
    if len(metrics) > 1:
        return _run_row(text, a, b, header, metrics, dates, figures, is_place)
    metric = metrics[0]
    # with more figures, the metric column's is the first when no column of numbers precedes it
    # but a column of dates whose date the row gives before its figures
    first_numeric = not any(_DATE_HEAD.search(h.text) for h in header[:metric]) or (
        bool(figures) and any(s < figures[0].start() for s, _ in dates)
    )
    if not figures or (len(figures) > 1 and not first_numeric):
        return None
    fig = figures[0]
    words = list(_WORD.finditer(text, a, fig.start()))
    if metric == 1 and not PLACE_HEADER.search(header[0].text) and words:
        # "World War II  50–85 million  1937–1945  Allied Powers vs. Axis Powers  Global": the
        # first cell is every word before the figure, the place the known place closing the row
        return _named_row(text, a, b, header, fig, is_place)
    first: Cell | None = None
    second: Cell | None = None
    for n in range(1, min(len(words), 5)):
        for k in range(min(len(words), n + 4), n, -1):  # the longest known place from word n
            name = text[words[n].start() : words[k - 1].end()].rstrip(",")
            if is_place(name):
                first = Cell(
                    words[0].start(),
                    words[n - 1].end(),
                    text[words[0].start() : words[n - 1].end()],
                )
                second = Cell(words[n].start(), words[n].start() + len(name), name)
                break
        if first is not None:
            break
    if first is None or second is None:
        return None
    dated = _DATE_HEAD.search(header[0].text) is not None and _DATE.fullmatch(first.text)
    if any(map(str.isdigit, first.text)) and not dated:
        return None
    cells = [Cell(a, a, "") for _ in header]
    cells[0] = first
    country = next((k for k, h in enumerate(header) if k and PLACE_HEADER.search(h.text)), None)
    if country is not None:
        cells[country] = second
    cells[metric] = Cell(fig.start(), fig.end(), fig.group())
    # the notes of the row ("8 The earthquake occurred near ..."): its first sentence on
    _note_cell(text, fig.end(), b, header, metric, cells)
    return tuple(cells)


def _named_row(
    text: str,
    a: int,
    b: int,
    header: tuple[Cell, ...],
    fig: re.Match[str],
    is_place: Callable[[str], bool],
) -> tuple[Cell, ...] | None:
    """A row named by its first cell (words before the figure), its place the known place it closes on."""
    words = list(_WORD.finditer(text, a, fig.start()))
    name = Cell(words[0].start(), words[-1].end(), text[words[0].start() : words[-1].end()])
    if any(ch.isdigit() for ch in name.text):
        return None
    cells = [Cell(a, a, "") for _ in header]
    cells[0] = name
    cells[1] = Cell(fig.start(), fig.end(), fig.group())
    where = next((k for k, h in enumerate(header) if PLACE_HEADER.search(h.text)), None)
    tail = list(_WORD.finditer(text, fig.end(), b))
    if where is not None and where == len(header) - 1:
        for n in range(max(len(tail) - 4, 0), len(tail)):  # the longest known place closing the row
            place = text[tail[n].start() : tail[-1].end()].rstrip(".,;")
            if is_place(place):
                cells[where] = Cell(tail[n].start(), tail[n].start() + len(place), place)
                break
        else:  # no known place: the last word stands in the place column ("Global")
            if tail:
                cells[where] = Cell(tail[-1].start(), tail[-1].end(), tail[-1].group())
    return tuple(cells)


def _run_row(
    text: str,
    a: int,
    b: int,
    header: tuple[Cell, ...],
    metrics: list[int],
    dates: list[tuple[int, int]],
    figures: list[re.Match[str]],
    is_place: Callable[[str], bool],
) -> tuple[Cell, ...] | None:
    """A row under side-by-side metric columns ("Date Type Dead Injured Location Details").

    The first figure outside the row's dates opens the metric cells; each next cell is a figure
    or a mark of none ("Unknown", "–"), a bracketed note after a cell ("126 (+6)") no cell of its
    own. The place is the first known place after them, the notes the sentences after that.
    """
    if not figures or (
        any(_DATE_HEAD.search(h.text) for h in header[: metrics[0]])
        and not any(e <= figures[0].start() for _, e in dates)
    ):
        return None
    before = list(_WORD.finditer(text, a, figures[0].start()))
    if not before:
        return None
    cells = [Cell(a, a, "") for _ in header]
    cells[0] = Cell(before[0].start(), before[-1].end(), text[before[0].start() : before[-1].end()])
    pos = figures[0].start()
    for k in metrics:
        token = _CELL_TOKEN.match(text, pos, b)
        if token is None:
            return None
        if token.group("figure"):
            cells[k] = Cell(*token.span("figure"), token.group("figure"))
        pos = token.end()
        note = _NOTE.match(text, pos, b)
        if note is not None and token.group("figure") and _PERPETRATORS.fullmatch(note.group()):
            # "126 (+6)": the list's notation, victims and perpetrators, both the cell's (settled L6)
            start = token.start("figure")
            cells[k] = Cell(start, note.end(), text[start : note.end()])
        pos = note.end() if note is not None else pos
    where = next(
        (k for k, h in enumerate(header) if k > metrics[-1] and PLACE_HEADER.search(h.text)), None
    )
    tail = list(_WORD.finditer(text, pos, b))[:_PLACE_REACH]
    for n in range(len(tail) if where is not None else 0):
        place = _place_from(text, tail, n, is_place)
        if place is not None:
            cells[where or 0] = place
            pos = place.end
            break
    _note_cell(text, pos, b, header, metrics[-1], cells)
    return tuple(cells)


def _note_cell(
    text: str, pos: int, b: int, header: tuple[Cell, ...], after: int, cells: list[Cell]
) -> None:
    """Put a row's notes (its first sentence on, from ``pos``) in the notes column after column ``after``."""
    notes = next((k for k, h in enumerate(header) if k > after and _NOTES.search(h.text)), None)
    opening = _SENTENCE_START.search(text, pos, b) if notes is not None else None
    if notes is not None and opening is not None:
        cells[notes] = Cell(opening.start(), b, text[opening.start() : b])


def _place_from(
    text: str, words: list[re.Match[str]], n: int, is_place: Callable[[str], bool]
) -> Cell | None:
    """The longest known place opening at word ``n`` ("Deir ez-Zor"), or a site before its country ("Sharaban, Iraq")."""
    # "Sharaban, Iraq": the town and the country it names
    for j in range(n, min(len(words) - 1, n + 3)):
        if not words[j].group().endswith(","):
            continue
        for k in (j + 3, j + 2):  # a country of two words, else of one
            if k > len(words) or not words[n].group()[0].isupper():
                continue
            country = text[words[j + 1].start() : words[k - 1].end()].rstrip(",.;:")
            if is_place(country):
                end = words[j + 1].start() + len(country)
                return Cell(words[n].start(), end, text[words[n].start() : end])
        break
    for k in range(min(len(words), n + 4), n, -1):
        name = text[words[n].start() : words[k - 1].end()].rstrip(",.;:")
        if is_place(name):
            return Cell(words[n].start(), words[n].start() + len(name), name)
    return None


#: A metric cell of a row: a figure, or a mark of none.
_CELL_TOKEN = re.compile(
    r"\s*(?:(?P<figure>[~≈<>]?\d[\d,]*(?:\.\d+)?(?:\s*[–-]\s*\d[\d,]*)?\+?"
    r"(?:\s+(?:thousand|million|billion)\b)?)|unknown|none|n/?a|[–—-]|\?)(?=\s|$)",
    re.IGNORECASE,
)
#: A bracketed note after a cell: "(+6)", "(12%)", "[3]".
_NOTE = re.compile(r"\s*(?:\([^()\n]{1,20}\)|\[[^\[\]\n]{1,8}\])")
#: A note of the perpetrators killed beside the victims: "(+6)".
_PERPETRATORS = re.compile(r"\s*\(\+\s*\d[\d,]*\)")
#: The words after the metric cells searched for the row's place.
_PLACE_REACH = 8
