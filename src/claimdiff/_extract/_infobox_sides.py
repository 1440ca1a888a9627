r"""An infobox copied as a "|" table: a section's label on a row of its own, then one cell per side.

A battle's infobox copied from a page gives each section's label on a row of bars
("Casualties and losses | |||"), then one cell for each side (belligerent), each closed by a bar, in
the order the sides are listed. Within a cell the figures stand one after another, each with the
words that say what it counts ("18 killed, 73 wounded"), and the cell may name whom its figures are
of ("Freedonia 3 killed Ruritania 2 killed") or close a run of figures with who gives them
("200 killed (per Red Cross)"). The rules are the annotation guide's:

- under "Strength", every figure is of forces `deployed` (settled E5), counted its own noun, model
  codes holding digits dropped ("3 M939 trucks" counts trucks, rule 13); the first noun of a side's
  Strength cell is the noun that side's casualty cells count where they name none (settled E4);
- under a casualty section, each figure's metric is its verb ("killed", "wounded", "shot down");
  a participle the vocabulary does not list is the metric as written ("captured", settled M12); no
  verb, the section's (settled E8); a noun before the verb is what is counted;
- a country naming the figures after it tells them apart by its adjective (`Freedonian men`,
  settled E7), a group's name heading the cell is what its figures count (`Rebel militia`);
- "(per X)" closing a run of figures givers them to X (rule 16); a figure in brackets after
  another ("315 killed (133 militiamen)") counts its own noun under the same metric (rule 7);
- the infobox names no place: its figures are where the article's lead puts its event, the first
  known place the text names after "in" below the infobox ("fought in Alphaville, Freedonia",
  settled H10), else the place the text is about so far.

>>> t = "Strength | ||\n100 soldiers |\n50 rebels | ||\nCasualties and losses | ||\n3 killed |\n2 killed (per Red Cross) |\n"
>>> [[c.text for c in row] for tb in infobox_sides(t) for row in tb.rows]
[['Strength', '100 soldiers'], ['Strength', '50 rebels'], ['Casualties and losses', '3 killed'], ['Casualties and losses', '2 killed (per Red Cross)']]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._cell_claim import CellFigure, cell_candidate
from claimdiff._extract._citations import cited_source
from claimdiff._extract._gazetteer_reads import known
from claimdiff._extract._place_owner import is_country
from claimdiff._extract._sources import COUNTRIES
from claimdiff._extract._table import Cell, Table, header_metric, line_spans
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._model.hedges import parse_estimate
from claimdiff.exceptions import ClaimdiffError

if TYPE_CHECKING:
    from claimdiff._extract._candidate import Candidate
    from claimdiff._extract._reader import _Reader

__all__ = ["infobox_sides", "side_candidates"]

#: A section's label on a row of bars: "Casualties and losses | |||||||".
_LABEL_ROW = re.compile(r"[ \t]*(?P<label>[A-Z][A-Za-z ,&'-]{1,40}?)[ \t]*\|[ \t|]*")
#: The label of the forces each side committed.
_STRENGTH = re.compile(r"strength", re.IGNORECASE)
#: A figure in a cell, a hedge word before it; digits inside a name ("UH-60", "M939") are none.
_FIGURE = re.compile(
    r"(?<![\w.,/-])(?:(?:about|around|approximately|over|at\s+least|up\s+to)\s+)?"
    r"\d[\d,]*(?:[ \t]*[–-][ \t]*\d[\d,]*)?\+?(?![\w-])",
    re.IGNORECASE,
)
#: Where a figure's words end: a bracket, a comma, a semicolon, a dash between words.
_WORDS_END = re.compile(r"[(),;]|\s[–—-]\s")
#: A run of figures closed by who gives them: "(per ICRC)".
_PER = re.compile(r"\(\s*per\s+(?P<who>[^()]{1,60}?)\s*\)", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
#: A place after "in": capitalised names, a comma before the wider one ("in Alphaville, Freedonia").
_IN_PLACE = re.compile(
    r"\bin\s+(?P<place>[A-Z][\w'-]*(?:[ \t][A-Z][\w'-]*){0,3}(?:,[ \t]*[A-Z][\w'-]*(?:[ \t][A-Z][\w'-]*){0,3})?)"
)
#: How far below an infobox its article's lead is looked for a place.
_LEAD_REACH = 2000
#: Words joining two nouns that end a figure's words before the next figure ("8 Black Hawks and 8 ...").
_JOINS = frozenset({"and", "or", "plus"})


def infobox_sides(text: str, lines: list[tuple[int, int]] | None = None) -> list[Table]:
    """Each run of infobox sections (a label row naming forces or a metric, then one cell per side) as a table.

    Each row of the table is a section's label and one side's cell, the sides in their order.
    """
    lines = line_spans(text) if lines is None else lines
    out: list[Table] = []
    rows: list[tuple[Cell, ...]] = []
    start = end = 0
    label: Cell | None = None
    for a, b in [*lines, (len(text), len(text))]:
        head = _LABEL_ROW.fullmatch(text, a, b)
        if head is not None and text.count("|", a, b) >= 2:
            name = head.group("label")
            label = (
                Cell(*head.span("label"), name)
                if _STRENGTH.fullmatch(name) or header_metric(name)
                else None
            )
            if label is not None and not rows:
                start = a
            continue
        if label is None and not rows:
            continue  # outside a section: no cell to split
        cells = [c for c in _cells(text, a, b) if c.text]
        if label is None or "|" not in text[a:b] or not cells:
            if rows:
                out.append(Table(start, end, (), tuple(rows), sides=True))
                rows = []
            label = None if "|" not in text[a:b] or not cells else label
            continue
        rows += [(label, c) for c in cells]
        end = b
    return out


def _cells(text: str, a: int, b: int) -> list[Cell]:
    """A line's cells split by bars, stripped."""
    out: list[Cell] = []
    pos = a
    for piece in text[a:b].split("|"):
        lead = pos + len(piece) - len(piece.lstrip())
        out.append(Cell(lead, lead + len(piece.strip()), piece.strip()))
        pos += len(piece) + 1
    return out


@attrs.frozen
class _Item:
    """One figure of a cell: its span, metric, own noun (if any), whom it is of, and the bracket it stands in."""

    start: int
    end: int
    metric: str
    noun: str | None
    heading: str
    bracketed: bool


def side_candidates(reader: _Reader, table: Table) -> list[Candidate]:
    """The figures of an infobox's side cells (:func:`infobox_sides`), as the module's rules read them."""
    text = reader.text
    nouns: dict[int, str] = {}  # each side's noun, from its Strength cell
    seen: dict[str, int] = {}  # sides counted so far in each section
    out: list[Candidate] = []
    place = _lead_place(reader, table.end) or reader.heading_place
    for n, (label, cell) in enumerate(table.rows, start=1):
        side = seen.get(label.text, 0)
        seen[label.text] = side + 1
        strength = _STRENGTH.fullmatch(label.text) is not None
        items, givers = _items(text, cell, "deployed" if strength else header_metric(label.text))
        if strength:
            noun = next((i.noun for i in items if i.noun), None)
            if noun:
                nouns[side] = noun
        for k, item in enumerate(items):
            counted = item.noun or _side_noun(reader, item.heading, nouns.get(side))
            if strength and not item.noun:
                continue
            try:
                estimate = parse_estimate(text[item.start : item.end], hedges=reader.hedges)
            except ClaimdiffError:
                continue
            giver = givers[k]
            who = cited_source(giver) if giver else None
            source, via = reader.chain_of(who)
            figure = CellFigure(item.start, item.end, estimate, item.metric, counted, place)
            made = cell_candidate(reader, figure, source, via, quote=cell.text, row=n)
            if made is not None:
                out.append(made)
    return out


def _lead_place(reader: _Reader, end: int) -> tuple[str, ...]:
    """The first known place the text names after "in" below ``end`` ("in Alphaville, Freedonia"), as a path."""
    for m in _IN_PLACE.finditer(reader.text, end, end + _LEAD_REACH):
        parts = [p.strip() for p in m.group("place").split(",")][::-1]
        if known(reader.gazetteer, parts[0]):
            return reader.gazetteer.normalise(tuple(parts))
    return ()


def _items(text: str, cell: Cell, section: str | None) -> tuple[list[_Item], list[str | None]]:
    """A cell's figures with their metric, noun and heading, and who each is credited to ("(per X)")."""
    found = list(_FIGURE.finditer(text, cell.start, cell.end))
    if not found or section is None:
        return [], []
    heading = text[cell.start : found[0].start()].strip()
    heading = "" if heading.endswith(":") else heading.rstrip("(").strip()
    items: list[_Item] = []
    givers: list[str | None] = []
    pending = 0  # the first figure not yet credited
    for k, m in enumerate(found):
        stop = found[k + 1].start() if k + 1 < len(found) else cell.end
        bracketed = text[cell.start : m.start()].rstrip().endswith("(")
        ends = _WORDS_END.search(text, m.end(), stop)
        words = [w.group() for w in _TOKEN.finditer(text, m.end(), ends.start() if ends else stop)]
        while words and words[-1].lower() in _JOINS:
            words.pop()
        metric, noun, after = _read_words(words, section, bracketed, items)
        items.append(_Item(m.start(), m.end(), metric, noun, heading, bracketed))
        givers.append(None)
        per = _PER.search(text, m.end(), stop)
        if per is not None:
            givers[pending:] = [per.group("who")] * (len(givers) - pending)
            pending = len(givers)
        if after:
            heading = after
    return items, givers


def _read_words(
    words: list[str], section: str, bracketed: bool, items: list[_Item]
) -> tuple[str, str | None, str]:
    """A figure's metric, own noun and the heading after it, from the words following it."""
    if section == "deployed":
        kept = [w for w in words if not any(ch.isdigit() for ch in w)]
        return section, " ".join(kept) or None, ""
    low = [w.lower().strip(".,") for w in words]
    for t in range(len(low)):
        for width in (2, 1):
            verb = " ".join(low[t : t + width])
            metric = TRIGGERS.get(verb) if len(low[t : t + width]) == width else None
            if metric is None and width == 1 and t == 0 and verb.endswith("ed") and verb.isalpha():
                metric = verb  # a participle the vocabulary does not list: the verb as written
            if metric is not None:
                kept = [w for w in words[:t] if not any(ch.isdigit() for ch in w)]
                return metric, " ".join(kept) or None, " ".join(words[t + width :])
    if bracketed and items:  # "315 killed (133 militiamen)": the same metric, its own noun
        return items[-1].metric, " ".join(words) or None, ""
    return section, " ".join(words) or None, ""


def _side_noun(reader: _Reader, heading: str, noun: str | None) -> str:
    """What a figure without a noun counts: its side's noun, told apart by the country heading it."""
    if heading and is_country(reader.gazetteer, heading):
        return f"{_adjective(heading)} {noun or 'people'}"
    if heading:
        return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in heading.split())
    return noun or "people"


def _adjective(country: str) -> str:
    """A country's adjective: the project's table, an abbreviation as written ("U.S."), else formed from its name."""
    known = COUNTRIES.get(country.lower())
    if known:
        return known
    if "." in country or country.isupper():
        return country
    if country.endswith("stan"):
        return country + "i"
    return country + "n" if country.endswith("a") else country
