r"""Grids whose header lost its gaps: names of several words, units and months told apart by the rows' figures.

A table copied from a web page often keeps its rows ("Alpha 12 40 7") but runs its header's
cells into one line split by single spaces: "Canada Nova Scotia New Brunswick". Its rows
still say how many columns there are (each row a label, then as many figures as columns), and
the header is cut into that many cells by the words themselves:

- names of places, several words each, are cut where the gazetteer knows each piece as a
  place (the columns of a table on its side); a word broken over two lines ("Saskat-") is one
  name of its own;
- a line of units under the names ("number percentage number percentage") leaves the grid to
  other readers (its counts and shares are not told apart here);
- a line of months ("Jan Feb Mar") heads as many columns, the names after them (split at their
  capitals) the columns left; a lone lower-case word under a header line ends its last cell
  (a cell broken over lines).

Each figure cell stands on a row of its own beside its label (:func:`cell_rows`). A table on
its side (places heading the columns) is built turned: its places label the rows,
its row labels (periods: "October - December") head the columns. The title above the header
("Deaths: Part 2") is the table's caption, each part of a table split in parts its own grid.
The grids are :class:`~claimdiff._extract._table.Table` objects read by the one cell reader.

>>> t = "Deaths: Part 2\n Alpha Land Beta\nJan - Mar 40 7\nApr - Jun 31 7\n"
>>> g = named_grids(t, is_place=lambda s: s in {"Alpha Land", "Beta"})[0]
>>> [[c.text for c in row] for row in (g.header, *g.rows)]
[['', 'Jan - Mar', 'Apr - Jun'], ['Alpha Land', '40', ''], ['Alpha Land', '', '31'], ['Beta', '7', ''], ['Beta', '', '7']]
>>> t[slice(*g.caption)]
'Deaths'
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable

from claimdiff._extract._grid import is_empty, is_figure
from claimdiff._extract._grid_words import equal_rows
from claimdiff._extract._table import Cell, Table, header_metric, line_spans, title_line
from claimdiff._extract._time import MONTH_PATTERN
from claimdiff._model.place_names import fold
from claimdiff._model.places import DEFAULT_GAZETTEER

__all__ = ["broken_name", "cell_rows", "named_grids", "part_title", "place_columns"]


def named_grids(
    text: str,
    lines: list[tuple[int, int]] | None = None,
    is_place: Callable[[str], bool] = lambda _: False,
) -> list[Table]:
    """Every grid of rows (a label, then one figure per column) under a header that only its words can split."""
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    i = 0
    while i < len(lines):
        rows, k = equal_rows(text, lines, i, _row)
        if len(rows) >= _ROWS:
            table = _table(text, lines, i, rows, is_place)
            if table is not None:
                out.append(table)
        i = max(k, i + 1)
    return out


def place_columns(
    words: list[Cell], columns: int, is_place: Callable[[str], bool]
) -> list[Cell] | None:
    """``words`` cut into ``columns`` names the gazetteer knows (a broken word "Saskat-" one of its own), or None.

    The cut is the only one of its kind read: with two cuts of as many names, none is chosen.

    >>> ws = [Cell(i, i + 1, w) for i, w in enumerate("Nova Scotia New Brunswick".split())]
    >>> [c.text for c in place_columns(ws, 2, lambda s: s in {"Nova Scotia", "New Brunswick"})]
    ['Nova Scotia', 'New Brunswick']
    """
    n = len(words)
    if not words or n > _MOST_WORDS:
        return None
    # ways[p][c]: how many cuts of words[p:] into c names (counted up to 2); a bounded table
    ways = [[0] * (columns + 1) for _ in range(n + 1)]
    ways[n][0] = 1
    for p in range(n - 1, -1, -1):
        for q in range(p + 1, min(n, p + _NAME_WORDS) + 1):
            if not _is_name(words[p:q], is_place):
                continue
            for c in range(1, columns + 1):
                ways[p][c] = min(2, ways[p][c] + ways[q][c - 1])
    if ways[0][columns] != 1:
        return None
    out: list[Cell] = []
    p, c = 0, columns
    while p < n:
        q = next(
            q
            for q in range(p + 1, min(n, p + _NAME_WORDS) + 1)
            if _is_name(words[p:q], is_place) and ways[q][c - 1]
        )
        out.append(_joined(words[p:q]))
        p, c = q, c - 1
    return out


def part_title(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A table's title without the part it names ("Deaths: Part 2" is the title "Deaths" of a table split in parts).

    >>> t = "Deaths: Part 2"
    >>> a, b = part_title(t, (0, len(t)))
    >>> t[a:b]
    'Deaths'
    """
    if span is None:
        return None
    a, b = span
    while (mark := _MARK.search(text, a, b)) is not None and mark.start() > a:
        b = mark.start()  # a footnote mark closing the title ("... by state[7]") is no word of it
    m = _PART.search(text, a, b)
    return (a, m.start()) if m is not None and m.start() > a else (a, b)


def cell_rows(rows: list[tuple[Cell, ...]]) -> tuple[tuple[Cell, ...], ...]:
    """Each figure cell of ``rows`` on a row of its own, beside its row's label, the other cells empty.

    Each cell is a claim of its own (ANNOTATION.md rule 6): the same figure in two cells of a
    row ("5" in May and in June) stays two claims when the candidates of a row are merged.

    >>> rows = [(Cell(0, 5, "Alpha"), Cell(6, 7, "5"), Cell(8, 9, "5"))]
    >>> [[c.text for c in row] for row in cell_rows(rows)]
    [['Alpha', '5', ''], ['Alpha', '', '5']]
    """
    out: list[tuple[Cell, ...]] = []
    for label, *cells in rows:
        for j, cell in enumerate(cells):
            if cell.text:
                out.append(
                    (label, *(c if k == j else Cell(c.end, c.end, "") for k, c in enumerate(cells)))
                )
    return tuple(out)


def broken_name(fragment: str, heads: list[str]) -> str | None:
    """The place a head broken by a hyphen begins ("Saskat-"): the one unit of its peers' country it may be.

    The other heads are units of one country; the fragment reads as the one first-level unit of
    that country whose name it begins and that no other head names (settled R4); None otherwise.

    >>> broken_name("Saskat-", ["Manitoba", "Saskat-", "Alberta"])
    'Saskatchewan'
    >>> broken_name("New-", ["Manitoba", "New-", "Alberta"]) is None  # New Brunswick or Newfoundland
    True
    """
    stem = fold(fragment.rstrip("-"))
    keys = [DEFAULT_GAZETTEER.key(h) for h in heads if h != fragment]
    countries = Counter(k[0] for k in keys if len(k) >= _UNIT_PATH)
    if not stem or not countries:
        return None
    country, count = countries.most_common(1)[0]
    if 2 * count <= len(keys):
        return None
    named = {k[1] for k in keys if len(k) >= _UNIT_PATH}
    fits = [
        name
        for code, name in _first_level(country)
        if fold(name).startswith(stem) and code not in named
    ]
    return fits[0] if len(fits) == 1 else None


@functools.cache
def _first_level(country: str) -> tuple[tuple[str, str], ...]:
    """The first-level units of a country (ISO alpha-2): their codes and names."""
    import pycountry  # noqa: PLC0415 - loaded on first use, as the gazetteer loads it

    return tuple(
        (u.code, u.name)
        for u in pycountry.subdivisions
        if u.country_code == country and not getattr(u, "parent_code", None)
    )


def _row(text: str, start: int, end: int) -> tuple[Cell, tuple[Cell, ...]] | None:
    """A line's label (words without a digit) and its figures after it, each a cell; None for another line."""
    line = text[start:end]
    if (
        end - start > _LINE_CHARS
        or line.rstrip()[-1:] not in _ROW_ENDS
        or "\t" in line
        or "|" in line
    ):
        return None
    tokens = line.split()
    if len(tokens) <= _FIGURES or not all(is_figure(t) or _is_blank(t) for t in tokens[-_FIGURES:]):
        return None  # (most lines are turned away before their words' offsets are taken)
    words = [Cell(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
    k = len(words)
    while k > 0 and (is_figure(words[k - 1].text) or _is_blank(words[k - 1].text)):
        k -= 1
    label, cells = words[:k], words[k:]
    if not label or len(cells) < _FIGURES or any(ch.isdigit() for w in label for ch in w.text):
        return None
    if len(_joined(label).text) > _LABEL_CHARS or not any(is_figure(c.text) for c in cells):
        return None
    figures = tuple(Cell(c.start, c.end, "" if _is_blank(c.text) else c.text) for c in cells)
    return _joined(label), figures


def _is_blank(word: str) -> bool:
    return is_empty(word) or _NOT_REPORTED.fullmatch(word) is not None


def _table(
    text: str,
    lines: list[tuple[int, int]],
    top: int,
    rows: list[tuple[Cell, tuple[Cell, ...]]],
    is_place: Callable[[str], bool],
) -> Table | None:
    """The grid of ``rows`` under the header lines above line ``top``, if their words name its columns."""
    width = len(rows[0][1])
    header = _header_lines(text, lines, top)
    if header is None:
        return None
    names, units, months, first = header
    caption = part_title(text, title_line(text, lines, first))
    if units:
        return None  # columns of counts and shares under their names: not read here
    if months:
        head = _by_months(names, months, width)
    elif any(_DAY.fullmatch(w.text) for w in names):
        head = _by_dates(names, width)
    else:
        places = place_columns(names, width, is_place) or place_columns(names[1:], width, is_place)
        return _turned(lines, top, places, rows, caption) if places is not None else None
    if head is None:
        return None
    shares = [_SHARE_HEAD.search(c.text) is not None for c in head[1:]]
    body = [
        (
            label,
            tuple(Cell(c.end, c.end, "") if s else c for c, s in zip(cells, shares, strict=True)),
        )
        for label, cells in rows
    ]
    return Table(
        start=lines[first][0],
        end=lines[top + len(body) - 1][1],
        header=tuple(head),
        rows=cell_rows([(label, *cells) for label, cells in body]),
        caption=caption,
    )


def _header_lines(
    text: str, lines: list[tuple[int, int]], top: int
) -> tuple[list[Cell], list[str], list[Cell], int] | None:
    """The header above line ``top``: its names' words, its units, its months and its first line's index.

    Read upwards: a line of units or of months next to the rows, lone lower-case words ending
    the names' last cell, then the line of names (and the line above it when that ends in a
    word broken by a hyphen). None when no line of names is there.
    """
    units: list[str] = []
    months: list[Cell] = []
    ends: list[Cell] = []
    k, seen = top - 1, 0
    while k >= 0 and seen < _HEADER_LINES:
        a, b = lines[k]
        words = [Cell(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, a, b)]
        k -= 1
        if not words:
            continue
        seen += 1
        if b - a > _LINE_CHARS or _PROSE.search(text, a, b):
            return None
        if not units and not months and not ends and all(_UNIT.fullmatch(w.text) for w in words):
            units = [w.text.lower() for w in words]
        elif not months and not ends and all(_MONTH.fullmatch(w.text) for w in words):
            months = words
        elif len(words) == 1 and words[0].text[0].islower():
            ends = [*words, *ends]  # a cell's end broken onto a line of its own
        elif _numbered(words):
            return None
        else:
            names, first = [*words, *ends], k + 1
            while k >= 0 and not text[lines[k][0] : lines[k][1]].strip():
                k -= 1
            if k >= 0 and text[lines[k][0] : lines[k][1]].rstrip().endswith("-"):
                above = [
                    Cell(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, *lines[k])
                ]
                if not _numbered(above):
                    names, first = [*above, *names], k
            return names, units, months, first
    return None


def _numbered(words: list[Cell]) -> bool:
    """Whether a line of words holds a number other than a year or a month's day ("Table 2-2", "Part 1")."""
    return any(
        _NAME_DIGITS.search(w.text)
        and not (n and _DAY.fullmatch(w.text) and _MONTH.fullmatch(words[n - 1].text))
        for n, w in enumerate(words)
    )


def _by_dates(names: list[Cell], width: int) -> list[Cell] | None:
    """The header of a grid whose names hold dates ("State April 25 April 26 Total"): each date one column.

    The words between the dates open a column at each capital; the first cell heads the labels
    when the header has a cell more than the rows have figures.
    """
    cells: list[Cell] = []
    words: list[Cell] = []
    dates = 0
    n = 0
    while n < len(names):
        if (
            n + 1 < len(names)
            and _MONTH.fullmatch(names[n].text)
            and _DAY.fullmatch(names[n + 1].text)
        ):
            cut = _capital_cut(words, sum(1 for w in words if w.text[0].isupper())) if words else []
            if cut is None:
                return None
            cells += [*cut, _joined(names[n : n + 2])]
            words, dates, n = [], dates + 1, n + 2
            continue
        words.append(names[n])
        n += 1
    tail = _capital_cut(words, sum(1 for w in words if w.text[0].isupper())) if words else []
    if tail is None or dates < _DATES:
        return None
    cells += tail
    if len(cells) == width:
        cells = [Cell(names[0].start, names[0].start, ""), *cells]
    return cells if len(cells) == width + 1 and not _DAY.fullmatch(cells[0].text) else None


def _by_months(names: list[Cell], months: list[Cell], width: int) -> list[Cell] | None:
    """The header of a grid under a line of months: the label's head, the months (with their years), the names after."""
    years = [n for n, w in enumerate(names) if _YEAR.fullmatch(w.text)]
    if years and (
        len(years) != len(months) or years != list(range(years[0], years[0] + len(years)))
    ):
        return None
    lead, rest = (names[: years[0]], names[years[-1] + 1 :]) if years else (names[:1], names[1:])
    more = width - len(months)
    if len(lead) != 1 or more < 0:
        return None
    tail = _capital_cut(rest, more) if more else []
    if tail is None:
        return None
    # a "Total cases" column after the months sums them: they count what it counts
    summed = next(
        (
            t.text.split(None, 1)[1]
            for t in tail
            if _SUM_HEAD.match(t.text) and header_metric(t.text)
        ),
        "",
    )
    dated = [
        Cell(
            m.start,
            m.end,
            " ".join(w for w in (m.text, names[y].text if years else "", summed) if w),
        )
        for m, y in zip(months, years or [0] * len(months), strict=True)
    ]
    return [lead[0], *dated, *tail]


def _capital_cut(words: list[Cell], columns: int) -> list[Cell] | None:
    """``words`` cut into ``columns`` cells, each opened by a capitalised word; None when they are not so many."""
    opens = [n for n, w in enumerate(words) if n == 0 or w.text[0].isupper()]
    if len(opens) != columns:
        return None
    bounds = [*opens, len(words)]
    return [_joined(words[p:q]) for p, q in itertools.pairwise(bounds)]


def _turned(
    lines: list[tuple[int, int]],
    top: int,
    places: list[Cell],
    body: list[tuple[Cell, tuple[Cell, ...]]],
    caption: tuple[int, int] | None,
) -> Table:
    """A grid whose columns are places, built on its side: a row a place, a column a row label."""
    places = [
        Cell(p.start, p.end, broken_name(p.text, [q.text for q in places]) or p.text)
        if p.text.endswith("-")
        else p
        for p in places
    ]
    corner = Cell(places[0].start, places[0].start, "")
    return Table(
        start=places[0].start,
        end=lines[top + len(body) - 1][1],
        header=(corner, *(label for label, _ in body)),
        rows=cell_rows(
            [(place, *(cells[n] for _, cells in body)) for n, place in enumerate(places)]
        ),
        caption=caption,
    )


def _is_name(words: list[Cell], is_place: Callable[[str], bool]) -> bool:
    if len(words) == 1 and words[0].text.endswith("-") and words[0].text[:-1].isalpha():
        return True  # a word broken over two lines: a name of its own
    return is_place(" ".join(w.text for w in words))


def _joined(words: list[Cell]) -> Cell:
    return Cell(words[0].start, words[-1].end, " ".join(w.text for w in words))


_WORD = re.compile(r"\S+")
_MONTH = re.compile(rf"(?i:{MONTH_PATTERN})")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: A header word holding a digit that is no year: the line is a title ("Table 2-2", "Part 1").
#: A place path of a country and a unit within it.
_UNIT_PATH = 2
_DAY = re.compile(r"\d{1,2}")
#: The fewest dates heading the columns of a grid.
_DATES = 2
_NAME_DIGITS = re.compile(r"^(?!(?:19|20)\d\d$).*\d")
#: A unit of a column: a count or a share.
_UNIT = re.compile(
    r"(?i:number|numbers|n|no\.|count|counts|percentage|percent|per\s?cent|%|rate|share)"
)
#: A column of shares, not counts: a percentage, a rate, a figure per so many people.
_SHARE_HEAD = re.compile(
    r"(?i:percentage|percent|per\s?cent|%|\brate\b|\bshare\b|\bper\s+(?:\d|hundred|thousand|million|capita))"
)
#: The part of a table its title names, closing it: ": Part 2", "(continued)", ", page 3".
_PART = re.compile(
    r"[\s:,.(—–-]*\b(?:part|page|continued|cont'?d)\b[\s.]*(?:\d{1,2}|[ivx]{1,4})?\)?\s*$",
    re.IGNORECASE,
)
_SUM_HEAD = re.compile(r"(?i:totals?)\s+\S")
_MARK = re.compile(r"\[\d{1,3}\]\s*$")
#: The last characters a row may end with: a figure's, or an empty cell's dash.
_ROW_ENDS = frozenset("0123456789-–—%+*]")
_NOT_REPORTED = re.compile(r"NR|NP|NA")
_PROSE = re.compile(r"[,;]|[a-z]{2}[.!?](?:\s|$)")
_ROWS = 2
_FIGURES = 2
_LINE_CHARS = 400
_LABEL_CHARS = 60
_HEADER_LINES = 4
#: The most words of a header cut into place names, and of one name.
_MOST_WORDS = 80
_NAME_WORDS = 5
