"""Candidates merged and completed across a text: repeats kept once, sections' sources, finer places.

:func:`dedupe` keeps one candidate per figure and origin; :func:`refined` gives a toll told at a
coarser place the finer place the same paragraph gives it; :func:`sections_sourced` credits a
section's figures to its "Source:" line. A bare figure read by the one before it is :mod:`._elided`'s.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._attribution import cited_source
from claimdiff._extract._names import shorter_spellings
from claimdiff._extract._restated import restated, section
from claimdiff._extract._sources import ANAPHORS, spelled_more_fully
from claimdiff._extract._text import Block, split_blocks
from claimdiff._model.aliases import canonical_source, source_key
from claimdiff._model.claim import Claim, Source
from claimdiff._model.places import Gazetteer

if TYPE_CHECKING:
    from claimdiff._extract._candidate import Candidate

__all__ = [
    "dedupe",
    "one_spelling",
    "refined",
    "sections_sourced",
]


def dedupe(found: list[Candidate], outlet: Source | None = None) -> list[Candidate]:
    """Keep one candidate per figure and origin: the one the text gives the most context for.

    A headline that attributes its figure ("..., officials say") states it on its own: a claim apart
    from the body's. An unattributed headline (whose origin is the ``outlet``) takes the origin of the
    body's figure of the same toll ("Toll Nears 350" over "officials now say 348 were killed"), and is
    one claim with a lead that repeats it as the outlet's own, as the hand seed writes them
    ("location: headline; paragraph 1").
    """
    best: dict[tuple[object, ...], Candidate] = {}
    order: list[tuple[object, ...]] = []
    found = one_spelling(found)
    if outlet is not None:
        found = _headlines_sourced(found, outlet)
    for c in found:
        k = c.claim
        key: tuple[object, ...] = (
            k.metric.name,
            k.scope.counted,
            k.low,
            k.high,
            k.low_closed,
            k.high_closed,
            k.estimate.unit,
            k.origin,
            c.headline and outlet is not None and k.source.key != outlet.key,
            # a table's rows are data apart: the same figure in two rows is two claims
            (k.location or "").partition(",")[0] if (k.location or "").startswith("table") else "",
        )
        if key in best and restated(best[key], c):
            key = (
                *key,
                section(c),
            )  # the same figure stated again in another paragraph: a claim of its own
        if (
            key in best
            and best[key].claim.period
            and k.period
            and best[key].claim.period != k.period
        ):
            key = (
                *key,
                k.period,
            )  # the same figure on another day; a headline's undated one is the lead's
        if (
            key in best
            and best[key].claim.scope.place
            and k.scope.place
            and best[key].claim.scope.place != k.scope.place
        ):
            key = (
                *key,
                k.scope.place,
            )  # the same figure for another place ("one from Mabalako, one from Masereka")
        if key not in best:
            best[key] = c
            order.append(key)
        elif (not best[key].claim.scope.place and k.scope.place) or (
            not best[key].claim.period and k.period
        ):
            best[key] = c
    return [best[key] for key in order]


#: A line naming the source of the section it closes: "Source: DSWD DROMIC Report #29 on TY VINTA, 18 January".
_SOURCE_LINE = re.compile(
    r"^\s*Sources?\s*:\s*(?P<who>.+?)(?:\s+(?:report|sitrep|situation report|update|bulletin|data|dashboard)\b.*)?$",
    re.IGNORECASE | re.MULTILINE,
)
#: More than one source in a source line: "Source: OCHA, WHO", "Source: OCHA and WHO".
_SEVERAL = re.compile(r",\s*[A-Za-z]|\s(?:and|&)\s|/")


def sections_sourced(
    found: list[Candidate],
    text: str,
    outlet: Source,
    aliases: Mapping[str, str] | None = None,
    blocks: Sequence[Block] | None = None,
) -> list[Candidate]:
    """The figures of a section closed by a "Source: X" line, unattributed in it, are X's (through the outlet).

    A section runs from the heading before it (or the source line before, or the text's start) to the
    line. A line naming several sources credits no one of them (ANNOTATION.md rule 18, as a
    heading's parenthesis); figures the section attributes keep their origin. ``blocks`` are the
    text's blocks when they have been split already.

    >>> sections_sourced([], "Source: OCHA", Source("Relief Web")) == []
    True
    """
    if "source" not in text.lower() or not found:
        return found
    closing: list[tuple[int, int, Source]] = []  # (section start, line start, source)
    section = 0
    for block in split_blocks(text) if blocks is None else blocks:
        line = _SOURCE_LINE.match(text, block.start, block.end)
        if line is not None:
            who = line.group("who").strip(" .")
            cited = None if _SEVERAL.search(who) else cited_source(who)
            if cited is not None and cited.source is not None:
                name = canonical_source(cited.source.name, aliases)
                closing.append((section, block.start, attrs.evolve(cited.source, name=name)))
            section = block.end
        elif block.heading:
            section = block.start
    if not closing:
        return found
    ends = [b for _, b, _ in closing]  # the sections follow one another: the one a figure may be in
    out = []
    for c in found:
        i = bisect.bisect_right(ends, c.start)
        by = closing[i][2] if i < len(closing) and closing[i][0] <= c.start else None
        if by is not None and c.claim.source.key == outlet.key and by.key != outlet.key:
            c = attrs.evolve(c, claim=attrs.evolve(c.claim, source=by, via=(outlet,)))  # noqa: PLW2901
        out.append(c)
    return out


def one_spelling(found: list[Candidate]) -> list[Candidate]:
    """One body, one spelling per text: the shorter name of a body the text also names more fully takes the fuller.

    "Iran's health minister" then "Health Minister X" are one ministry: "Ministry of Health" becomes
    "Iranian Ministry of Health" when that is the only name the text gives that ends with it and adds
    proper words before it (a country, a place: ANNOTATION.md rule 17, "as the text spells it most
    fully"), or that begins with it and closes with "of" a proper name ("... of the Democratic Republic
    of the Congo"); a level word ("Local", "National") makes another speaker, and a bare one-word name
    is left.

    >>> one_spelling([]) == []
    True
    """
    names = {c.claim.source.name: c.claim.source for c in found}
    ending: dict[
        str, list[str]
    ] = {}  # the last words of each name (two or more, folded) -> the names
    for name in names:
        for key in shorter_spellings(name):
            ending.setdefault(key, []).append(name)
    fuller: dict[str, Source] = {}
    for name in names:
        longer = [o for o in ending.get(source_key(name), ()) if spelled_more_fully(name, o)]
        if len(longer) == 1:
            fuller[name] = names[longer[0]]
    if not fuller:
        return found
    return [
        c
        if c.claim.source.name not in fuller
        else attrs.evolve(c, claim=attrs.evolve(c.claim, source=fuller[c.claim.source.name]))
        for c in found
    ]


#: A headline's speaker named by a bare noun ("..., agency says") is a body the story names in full;
#: unnamed people ("officials say") are a speaker of their own (ANNOTATION.md rules 5 and 18).
_BODY_NOUNS = ANAPHORS - {
    "official",
    "officials",
    "authorities",
    "statement",
    "report",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "mayor",
    "president",
    "minister",
}


#: Heads of a description that name people, not a body: "local officials", "Afghan sources" are speakers.
_PEOPLE = frozenset(
    {
        "officials",
        "authorities",
        "sources",
        "residents",
        "witnesses",
        "activists",
        "rescuers",
        "medics",
        "doctors",
        "police",
        "people",
        "survivors",
        "locals",
        "media",
        "reports",
    }
)


def _described(name: str) -> bool:
    """Whether a source's name describes a body instead of naming it: "Syrian war monitor", "rights group".

    A name is a description when its words after a first (a side, "Syrian") are all lower case and its
    head names no group of people (those are unnamed speakers of their own, ANNOTATION.md rule 18).
    """
    words = name.split()
    rest = words[1:] if words[:1] and words[0][:1].isupper() else words
    # "UN agencies", "aid groups": a plural head is several unnamed speakers (rule 18), no one body described
    plural = rest[-1:] != [] and rest[-1].endswith(
        ("ies", "groups", "organisations", "organizations")
    )
    return bool(rest) and all(w.islower() for w in rest) and rest[-1] not in _PEOPLE and not plural


def _one_number(a: Claim, b: Claim) -> bool:
    """Whether two overlapping intervals may state one figure (ANNOTATION.md rule 5's "the same figure").

    A bound they share ("at least 14" and "14") or an exact figure inside the other's hedge ("Toll nears
    350" and "348 people were killed"); two open-ended tolls with other bounds ("over 9000" and "over
    10,000") are two figures.
    """
    shared = any(x == y and math.isfinite(x) for x in (a.low, a.high) for y in (b.low, b.high))
    return shared or a.low == a.high or b.low == b.high


def _headlines_sourced(found: list[Candidate], outlet: Source) -> list[Candidate]:
    """Unattributed headline figures with the origin the body gives the same figure, else the same toll.

    The same figure: the same metric, thing counted and interval (whoever the body credits it to,
    the outlet included), else the same metric and interval under another noun credited to a body
    ("Two More US Troops Die" and "two U.S. service members were killed, officials said"); the same
    toll, failing that: an interval that overlaps and states one number (:func:`_one_number`),
    credited to a body.
    """
    body = [c.claim for c in found if not c.headline]
    # the body's claims by metric and thing counted, in text order: each headline figure looks in one list
    by_kind: dict[tuple[object, object], list[Claim]] = {}
    by_metric: dict[object, list[Claim]] = {}
    if any(c.headline for c in found):
        for d in body:
            by_kind.setdefault((d.metric, d.scope.counted), []).append(d)
            by_metric.setdefault(d.metric, []).append(d)
    out = []
    for c in found:
        k = c.claim
        told = None
        noun = k.source.name.casefold()
        if (
            c.headline and noun in _BODY_NOUNS
        ):  # "Floods kill 12, agency says": the agency the body names
            told = next(
                (
                    d
                    for d in by_kind.get((k.metric, k.scope.counted), ())
                    if (d.low, d.high) == (k.low, k.high)
                    and noun in d.source.name.casefold()
                    and d.source.name.casefold() != noun
                ),
                None,
            )
        elif c.headline and _described(k.source.name):
            # "..., says Syrian war monitor": the body the story names for the same figure
            told = next(
                (
                    d
                    for d in by_kind.get((k.metric, k.scope.counted), ())
                    if (d.low, d.high) == (k.low, k.high)
                    and d.source.key != outlet.key
                    and not _described(d.source.name)
                ),
                None,
            )
        elif c.headline and k.source.key == outlet.key:
            same = by_kind.get((k.metric, k.scope.counted), [])
            told = next(
                (d for d in same if (d.low, d.high) == (k.low, k.high)),
                next(
                    (  # "Two More US Troops Die" and "Two U.S. service members were killed": the
                        # same figure, its noun another word (ANNOTATION.md rule 5)
                        d
                        for d in by_metric.get(k.metric, ())
                        if (d.low, d.high) == (k.low, k.high) and d.source.key != outlet.key
                    ),
                    next(
                        (
                            d
                            for d in same
                            if d.source.key != outlet.key
                            and d.low <= k.high
                            and k.low <= d.high
                            and _one_number(d, k)
                        ),
                        None,
                    ),
                ),
            )
        out.append(
            c
            if told is None
            else attrs.evolve(c, claim=attrs.evolve(k, source=told.source, via=told.via))
        )
    return out


def refined(found: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """The same toll told at a coarser place takes the finer place the text gives it.

    "Belgorod region ... killed at least 14" and "14 were killed in Belgorod" in one paragraph
    are one toll: the same metric and thing counted, intervals that overlap, one place within
    the other. The coarser figure takes the finer place (only when exactly one finer place fits),
    so that the outlet's figure and the ministry's are compared. A total and its parts never overlap
    this way unless they agree, and a part never gives its place to its total.
    """
    # one paragraph, one metric and thing: only these can be one toll; each filed under every place
    # it lies strictly within, so that a toll is compared with the finer ones only
    within: dict[tuple[tuple[object, ...], tuple[str, ...]], list[Candidate]] = {}
    for c in found:
        key = gazetteer.key(c.claim.scope.place)
        for n in range(1, len(key)):
            within.setdefault((_paragraph_key(c), key[:n]), []).append(c)
    out = list(found)
    for i, c in enumerate(found):
        k = c.claim
        key = gazetteer.key(k.scope.place)
        if not key:
            continue
        finer: set[tuple[str, ...]] = set()
        for d in within.get((_paragraph_key(c), key), ()):
            if d is not c and _same_toll(c, d):
                finer.add(d.claim.scope.place)
                if len(finer) > 1:
                    break  # more than one finer place fits: none is chosen
        if len(finer) == 1:
            out[i] = attrs.evolve(
                c, claim=attrs.evolve(k, scope=attrs.evolve(k.scope, place=finer.pop()))
            )
    return out


def _paragraph_key(c: Candidate) -> tuple[object, ...]:
    return ((c.claim.location or "").split(",")[0], c.claim.metric.name, c.claim.scope.counted)


def _same_toll(c: Candidate, d: Candidate) -> bool:
    """Two candidates of one paragraph that can be one toll: same metric and thing, overlapping, not whole and part."""
    k, o = c.claim, d.claim
    return (
        bool(k.location)
        and bool(o.location)
        and (o.location or "").split(",")[0] == (k.location or "").split(",")[0]
        and (o.metric.name, o.scope.counted) == (k.metric.name, k.scope.counted)
        and k.id not in (d.part_of, o.part_of)
        and o.low <= k.high
        and k.low <= o.high
    )
