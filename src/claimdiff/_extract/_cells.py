"""What a table's cell says: its figure, with its column's metric, its row's place, the thing its table counts.

One rule for every table, whatever its layout ("|" or tabs, :mod:`._table`; spaces,
:mod:`._aligned`; word cells, :mod:`._wide`; infobox rows, :mod:`._infobox`; runs of pairs,
:mod:`._pairs`): a cell's metric is its column header's ("Deaths", "Cumulative cases"), else its
row label's ("Dead | 14" in an infobox), else its lead-in's (a line ending in a colon, or one
labelled figure: "Deaths72,000" over "Italy: ~20,000", whose parts the rows by place then are);
a cell that says its own metric ("110+ killed") is read as running text. The thing counted is
the cell's own noun, else the one its header puts beside the metric ("Houses damaged"), else the
one the table's title counts ("infections in health care workers"), else the lead-in's, else
people; its place is its row's (the place column's cell, carried down a row group, within the
row's country column), a totals row's the place all the rows share (none when they lie in
different countries), else the place the text is about. A table on its side (places or dates
heading its columns, metrics its rows) is turned first (:mod:`._turned`) and read by the same rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._aligned import TOTAL
from claimdiff._extract._candidate import Candidate
from claimdiff._extract._cell_claim import CellFigure, cell_candidate
from claimdiff._extract._citations import cited_source
from claimdiff._extract._classes import by_class
from claimdiff._extract._figures import figures
from claimdiff._extract._gazetteer_reads import common
from claimdiff._extract._infobox_sides import side_candidates
from claimdiff._extract._paired import paired
from claimdiff._extract._place import known
from claimdiff._extract._recording import counted_for
from claimdiff._extract._row_peers import within_peers
from claimdiff._extract._row_places import named_place, row_place
from claimdiff._extract._table import (
    NOTES_HEADER,
    PLACE_HEADER,
    Cell,
    Table,
    case_class,
    header_metric,
    noun_metric,
)
from claimdiff._extract._text import Block, fold, make_block, readable
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._extract._turned import turned
from claimdiff._model.estimate import Estimate
from claimdiff._model.hedges import parse_estimate
from claimdiff.exceptions import ClaimdiffError

if TYPE_CHECKING:
    from claimdiff._extract._reader import _Reader
    from claimdiff._extract._sources import Attribution

__all__ = ["table_candidates", "total_metric"]


def table_candidates(reader: _Reader, table: Table) -> list[Candidate]:
    """The figures of a table's cells: metric from the column header (or the row label), place from its row."""
    if table.sides:  # an infobox's sections by side: its own reader
        return side_candidates(reader, table)
    out: list[Candidate] = []
    prose: list[Block] = []  # cells that are phrases, read as running text
    # places (or dates) heading the columns, metrics the rows: read turned on its side
    table = turned(table, lambda name: bool(named_place(reader, name)))
    # a column headed by a place word holds places, unless its cells are figures ("Affected districts")
    heads = [k for k, h in enumerate(table.header) if PLACE_HEADER.search(h.text)]
    heads = [k for k in heads if not _counts(table, k)]
    where = heads[0] if heads else None
    who = (
        _source_line(reader.text, table)
        or (reader.carried if _led_in(reader.text, table) else None)
        or reader.cited
        or reader.named_body()
        or reader.heading_source
        or reader.issuer
    )
    source, via = reader.chain_of(who)
    titled = _title_counted(reader.low, table.caption) if table.caption else None
    # columns headed by no metric (dates, places): the title may name it; a table without a header has none
    headed = not table.header or any(
        header_metric(h.text) or noun_metric(h.text) for h in table.header
    )
    lead = _lead(reader, table.caption, headed=headed) if table.caption else None
    labels = [
        row[where] if where is not None and where < len(row) else _label(row, table)
        for row in table.rows
    ]
    wider = [k for k in heads if k != where]
    places = [
        row_place(reader, row, label, wider) for row, label in zip(table.rows, labels, strict=True)
    ]
    places = within_peers(reader.gazetteer, places, [label.text for label in labels])
    placed = [p for p in places if p]
    # a row whose place cells name no known place ("Philippines, Taiwan") may lie anywhere: its
    # table's totals are where no one place is
    columns = heads
    elsewhere = any(
        not p and not TOTAL.match(label.text) and any(row[k].text for k in columns if k < len(row))
        for row, label, p in zip(table.rows, labels, places, strict=True)
    )
    shared = common(reader.gazetteer, placed) if placed and not elsewhere else ()
    summed = total_metric([h.text for h in table.header])
    for n, (row, label, own) in enumerate(zip(table.rows, labels, places, strict=True), start=1):
        if not row:  # bars alone: no cell, nothing to read
            continue
        total = not own and TOTAL.match(label.text) is not None
        # a totals row is where all its rows are: nowhere named when they lie in different countries
        place = (shared if known(reader.gazetteer, shared) else ()) if total else own
        # "Dead  3  2": a row label's metric, for columns whose header names none (places, dates)
        first = next((c for k, c in enumerate(row) if k != where), row[0])  # not a group's place
        row_metric = header_metric(first.text) if not _DIGIT.search(first.text) else None
        for j, whole in enumerate(row):
            whole_head = (
                table.header[j].text
                if j < len(table.header)
                else (row[0].text if not table.header and j == 1 and row[0] is label else "")
            )
            for cell, head in paired(reader.text, whole, whole_head):
                named = noun_metric(head) if head and header_metric(head) is None else None
                metric = (
                    # a class ("Confirmed") over rows naming their metric ("Deaths") classes the row's
                    (row_metric if row_metric and j and case_class(head) else None)
                    or header_metric(head)
                    or (named[0] if named else None)
                    or (row_metric if j and table.header else None)
                    or (summed if head and TOTAL.match(head) else None)
                    or (lead[0] if lead and j else None)
                )
                classed = (
                    by_class(reader.text, table.caption, row[0].start, row[0].text)
                    if metric is None and j
                    else None
                )
                metric = metric or (classed[0] if classed else None)
                if (
                    metric is None
                    and cell is not label
                    and (
                        _PHRASE.search(reader.low, cell.start, cell.end)
                        or _sentence(reader.text, cell)
                        or (NOTES_HEADER.search(head) is not None and " " in cell.text)
                    )
                ):
                    # "110+ killed", "200 killed (48 executed)": a cell that says its own metric is a phrase;
                    # a cell of sentences (a "Summary" column) is running text
                    prose.append(make_block(reader.text, cell.start, cell.end, 0))
                    continue
                found = _figure(reader, cell) if metric else None
                if found is None or cell is label:
                    continue
                found = _scaled(found, head, reader.text[found.start : found.end])
                chosen = counted_for(
                    metric or "",
                    (classed[1] if classed else None)
                    or found.counted
                    or (named[1] if named and metric == named[0] else None)
                    or _header_counted(reader, head)
                    or titled
                    or (lead[1] if lead and metric == lead[0] else None),
                )
                if chosen is None and metric is not None and metric == summed:
                    chosen = _sum_counted(metric, [h.text for h in table.header], found.counted)
                if chosen is None:
                    continue
                figure = CellFigure(
                    start=found.start,
                    end=found.end,
                    estimate=found.estimate,
                    metric=chosen[0],
                    counted=chosen[1],
                    # a row whose place cell names no known place ("Global") is nowhere the text names
                    place=place or (() if total or _unplaced(row, where) else reader.heading_place),
                    # rows by place under a labelled figure are its parts ("Deaths72,000" / "Italy: ~20,000")
                    part_of=lead[2] if lead and own and metric == lead[0] else None,
                )
                quote = " | ".join(c.text for c in row if c.text)
                made = cell_candidate(reader, figure, source, via, quote=quote, row=n)
                if made is None:
                    continue
                if not place and _unplaced(row, where):
                    # nor in the one country the rest of the text is in
                    reader.spanning.add(found.start)
                out.append(made)
    out.sort(key=lambda c: c.start)  # a turned table's cells, back in the order they are written
    reader.referent = out[-1] if out else reader.referent  # the last figure, for what follows
    for block in prose:
        out += reader.block(block)
    return out


#: The metric of a sum of two metrics (ANNOTATION.md rule 9: killed and injured are casualties; settled
#: K6: the dead and the missing together are one metric of their own).
_SUMS = {
    frozenset({"killed", "injured"}): "casualties",
    frozenset({"killed", "missing"}): "killed or missing",
}


def total_metric(header: list[str]) -> str | None:
    """The metric of a column headed "Total" alone: the sum of the metric columns right before it.

    A total of one metric's columns ("Men killed | Women killed | Total") has that metric; of the
    dead and the injured, casualties (rule 9); of the dead and the missing, "killed or missing"
    (settled K6); of anything else, none (its cells are listed unread).

    >>> total_metric(["Country", "Dead", "Missing", "Total"]), total_metric(["Place", "Killed", "Injured", "Total"])
    ('killed or missing', 'casualties')
    >>> total_metric(["Region", "Men killed", "Women killed", "Total"]), total_metric(["Region", "Cases", "Deaths", "Total"])
    ('killed', None)
    >>> total_metric(["Zone", "Confirmed", "Probable", "Total", "Deaths"])
    'cases'

    """
    at = next(
        (k for k, h in enumerate(header) if TOTAL.match(h) and header_metric(h) is None), None
    )
    if at is None:
        return None
    # the metric columns right before the total are what it sums ("Confirmed  Probable  Total  Deaths")
    k = at
    while k > 0 and header_metric(header[k - 1]) is not None:
        k -= 1
    metrics = {m for h in header[k:at] if (m := header_metric(h)) is not None}
    if not metrics:
        return None
    if len(metrics) == 1:
        return next(iter(metrics))
    return _SUMS.get(frozenset(metrics))


def _sum_counted(
    metric: str, header: list[str], counted: str | None
) -> tuple[str, str | None] | None:
    """A total column's metric with the thing its summed columns count ("people" for the dead and the missing)."""
    parts = [m for h in header if (m := header_metric(h)) is not None]
    chosen = counted_for(parts[0], counted) if parts else None
    return (metric, chosen[1]) if chosen is not None else None


def _counts(table: Table, k: int) -> bool:
    """Whether column ``k`` holds figures only (some cell filled): counts of places, not places."""
    cells = [row[k].text for row in table.rows if k < len(row) and row[k].text]
    return bool(cells) and all(_COUNT_CELL.fullmatch(t) for t in cells)


def _led_in(text: str, table: Table) -> bool:
    """Whether a table goes on with the paragraph before it: a title line ending in a colon ("... said:").

    A speaker says everything to the end of their paragraph (ANNOTATION.md rule 16): a table after
    it is a paragraph of its own, unless the paragraph leads into it.
    """
    return table.caption is not None and text[
        table.caption[0] : table.caption[1]
    ].rstrip().endswith(":")


def _source_line(text: str, table: Table) -> Attribution | None:
    """The source a line closing a table names ("figures from SBS World News March 24, 2005", "Source: WHO").

    The first line after the table (a blank line between allowed) that says where its figures
    come from gives every cell its source.
    """
    end = table.end
    for _ in range(_SOURCE_LINES):
        nl = text.find("\n", end)
        if nl < 0:
            return None
        stop = text.find("\n", nl + 1)
        line = text[nl + 1 : stop if stop >= 0 else len(text)]
        end = nl + 1
        if line.strip():
            said = _SOURCE_LINE.match(line)
            return cited_source(said.group("who").strip()) if said is not None else None
    return None


#: The lines looked at after a table for its source line.
_SOURCE_LINES = 2
#: A table's source line: "Source: WHO", "Sources: ...", "figures from SBS World News", "Data: ...".
_SOURCE_LINE = re.compile(
    r"\W*(?:sources?|figures|data|numbers)\s*(?::|from\b|by\b)\s*(?P<who>[A-Z][^\n]{1,80}?)[\s.;]*$",
    re.IGNORECASE,
)


def _scaled(found: _Found, head: str, words: str) -> _Found:
    """A figure under a header giving its scale ("Deaths (millions)", "in thousands"), times that scale.

    A figure that says its own scale ("1.2 million") keeps it.
    """
    scale = _SCALE.search(head)
    if scale is None or _SCALE_WORD.search(words):
        return found
    factor = _FACTORS[(scale.group("word") or scale.group("word2")).lower().rstrip("s")]
    est = found.estimate
    return attrs.evolve(
        found,
        estimate=attrs.evolve(
            est,
            low=est.low * factor,
            high=est.high * factor,
            point=est.point * factor if est.point is not None else None,
        ),
    )


#: A header's scale: "(millions)", "(in thousands)", "in millions".
_SCALE = re.compile(
    r"\(\s*(?:in\s+)?(?P<word>thousands|millions|billions)\s*\)|\bin\s+(?P<word2>thousands|millions|billions)\b",
    re.IGNORECASE,
)
_SCALE_WORD = re.compile(r"\b(?:thousand|million|billion)s?\b|\d\s*[mkb]n?\b", re.IGNORECASE)
_FACTORS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _unplaced(row: tuple[Cell, ...], where: int | None) -> bool:
    """Whether a row fills its place column with words that name no known place ("Global", "At sea")."""
    return where is not None and where < len(row) and bool(row[where].text)


def _sentence(text: str, cell: Cell) -> bool:
    """Whether a cell is running text: words closed by a full stop ("Rebels kill 400 people in the city.")."""
    words = text.count(" ", cell.start, cell.end) + 1
    return words >= _SENTENCE_WORDS and text[cell.start : cell.end].rstrip().endswith((".", ".)"))


#: The fewest words of a cell read as running text.
_SENTENCE_WORDS = 6


def _label(row: tuple[Cell, ...], table: Table) -> Cell:
    """A row's label: its first cell, unless the row opens with a figure in a table without a header or under a metric."""
    if not row:  # a row of bars alone ("|||||||"), as infoboxes copied from a page give
        return Cell(-1, -1, "")
    if not _DIGIT.search(row[0].text):
        return row[0]
    if table.header and not (
        _COUNT_CELL.fullmatch(row[0].text) and header_metric(table.header[0].text)
    ):
        return row[0]
    # "110+ killed | 200 killed", or a first column headed by a metric ("Deaths | Injured"): every cell is data
    return Cell(-1, -1, "")


def _figure(reader: _Reader, cell: Cell) -> _Found | None:
    """The figure a cell holds, read from its own words ("18 569" one numeral, "365" apart from "177")."""
    if not cell.text:
        return None
    # footnote marks ("22,300[3]–22,500[4]") are no numerals (ANNOTATION.md rule 35): blanked in place
    words = _FOOTNOTE.sub(
        lambda m: " " * len(m.group()), readable(reader.text[cell.start : cell.end])
    )
    found = figures(words, fold(words), 0, len(words), reader.hedges, reader.vocabulary)
    if found:
        fig = found[0]
        return _Found(cell.start + fig.start, cell.start + fig.end, fig.estimate, fig.counted)
    bare = _BARE.match(words)
    if bare is None:
        return None
    try:  # "1801" under "Cumulative cases": a figure column's numeral is a count, never a year
        estimate = parse_estimate(bare.group(), hedges=reader.hedges)
    except ClaimdiffError:
        return None
    return _Found(cell.start, cell.start + bare.end(), estimate, None)


@attrs.frozen
class _Found:
    start: int
    end: int
    estimate: Estimate
    counted: str | None


def _header_counted(reader: _Reader, head: str) -> str | None:
    """The plural noun right beside a header's metric word ("Houses damaged", "Affected families")."""
    words = _WORDS.findall(head.lower())
    at = next((k for k in range(len(words) - 1, -1, -1) if words[k] in TRIGGERS), None)
    if at is None:
        return None
    # before a metric noun ("measles cases", "cholera deaths") stands what the cases are of, not who;
    # before a participle ("Houses damaged") and after any ("Affected families") stands what is counted
    for k in (at - 1, at + 1) if not words[at].endswith("s") else (at + 1,):
        if 0 <= k < len(words) and _plural(words[k]):
            return reader.vocabulary.counted(words[k])
    return None


def _lead(
    reader: _Reader, span: tuple[int, int], *, headed: bool = True
) -> tuple[str, str | None, str | None] | None:
    """The metric, thing counted and whole a lead-in gives the table after it.

    "Number of men killed ... He estimates the respective losses thus:" leads into a table of
    figures of men killed: the metric and noun of the lead-in's last figure read, else its first
    metric word and the plural noun beside it. A line that is one labelled figure ("Deaths72,000")
    leads the rows under it too, and is their whole. A table whose column headers name no metric
    (dates, places) counts what its short title names, when it names one metric ("Cumulative
    deaths by province").
    """
    a, b = span
    ref = reader.referent
    read = ref if ref is not None and a <= ref.start < b else None
    labelled = read is not None and len(reader.low[a:b].split()) <= _LABEL_WORDS
    titled = not headed and read is None and _one_metric(reader.low[a:b])
    if not labelled and not titled and not _LEAD_IN.search(reader.low, a, b):
        return None
    if read is not None:  # "3 351 cases have been reported ...:" then "• Italy (2 502)": its parts
        return read.claim.metric.name, read.claim.scope.counted, read.claim.id
    words = _WORDS.findall(reader.low, a, b)
    at = next((k for k, w in enumerate(words) if w in TRIGGERS), None)
    if at is None:
        return None
    noun = next(
        (words[k] for k in (at - 1, at + 1) if 0 <= k < len(words) and _plural(words[k])),
        None,
    )
    return TRIGGERS[words[at]], reader.vocabulary.counted(noun) if noun else None, None


def _one_metric(title: str) -> bool:
    """Whether a title of a few words names one metric, no figure and no sentence ("Cumulative deaths by province")."""
    words = _WORDS.findall(title)
    if not words or len(words) > _TITLE_WORDS or _DIGIT.search(title) or _STOP.search(title):
        return False
    return len({TRIGGERS[w] for w in words if w in TRIGGERS}) == 1


def _plural(word: str) -> bool:
    """Whether a word beside a metric word is a plural noun it counts ("men killed", "Houses damaged")."""
    return word in _PLURALS or (
        word.endswith("s") and not word.endswith("ss") and word not in _NOT_COUNTED
    )


def _title_counted(low: str, span: tuple[int, int]) -> str | None:
    """The population a table's title counts: "infections in health-care workers" counts health care workers."""
    title = _TITLE.search(low, *span)
    if title is None or _AREA.search(title.group("who")):
        return None
    return title.group("who").replace("-", " ")


_WORDS = re.compile(r"[a-z]+")
#: A footnote mark in a cell: "[3]".
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
_DIGIT = re.compile(r"\d")
#: A cell holding a count alone ("15", "1,204", "~40").
_COUNT_CELL = re.compile(r"[~≈<>]?\d[\d,. ]{0,15}\+?")
#: A cell that is a bare numeral, with a footnote mark at most ("79#").
_BARE = re.compile(r"\d[\d,]*(?=[*#§†‡]*\s*(?:\(\d[\d.,]*%\))?\s*$)")
#: Words of a header that are no thing counted: the table's own words and lengths of time.
_NOT_COUNTED = frozenset(
    {
        "totals",
        "thousands",
        "millions",
        "billions",
        "numbers",
        "days",
        "weeks",
        "months",
        "years",
        "hours",
        "was",
        "is",
        "has",
        "his",
        "this",
        "its",
        "as",
        "us",
        "thus",
    }
)
_TRIGGER_WORDS = "|".join(sorted((re.escape(t) for t in TRIGGERS), key=len, reverse=True))
#: A title naming a metric, then who it counts: "cases among children", "infections in health-care workers".
_TITLE = re.compile(
    rf"\b(?:{_TRIGGER_WORDS})\s+(?:in|among)\s+"
    r"(?P<who>(?!the\b|a\b|an\b|all\b|\d)(?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*s)\b(?!\s+of\b)"
)
#: A figure followed by a metric word of its own: a cell that is a phrase ("110+ killed", "40 wounded").
_PHRASE = re.compile(rf"\d[\d,.]*\+?\s+(?:[a-z-]+\s+)?(?:{_TRIGGER_WORDS})\b")
#: A lead-in: a line that ends in a colon (a dash may follow), or "as follows".
_LEAD_IN = re.compile(r"(?::\s*[-–—]*|\bas\s+follows\s*[:.]?)\s*$")
#: Plural nouns without an "s" that a lead-in names beside its metric word ("men killed").
_PLURALS = frozenset({"men", "women", "children", "people", "police", "personnel"})
#: The most words of a table's title read as naming its figures' metric.
_TITLE_WORDS = 10
#: A sentence's stop inside a title: a word's last letters, a full stop, a space ("U.S. state" is an abbreviation).
_STOP = re.compile(r"[a-z]{2}\.\s")
#: The longest line read as one labelled figure ("Deaths72,000", "Total deaths: 1,234").
_LABEL_WORDS = 6
#: Plural nouns of places: a title "cases in the countries ..." counts no population.
_AREA = re.compile(r"\b(?:countries|regions|provinces|states|districts|areas|cities|counties)\b")
