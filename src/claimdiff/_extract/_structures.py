"""Structures a sentence's figures form: a total and its list by place, a whole of parts.

"25 drones: 12 over A, 9 over B" gives a total and its parts; "Katwa (44), Butembo (17)" after a
figure its parts or siblings; "12 adults and two children" also says 14 people. :mod:`._breakdown`
finds the items; this module makes them candidates like the figure they belong to. A table's
cells are read in :mod:`._cells`.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import attrs

from claimdiff._core.relations import DEFAULT_TAXONOMY
from claimdiff._extract._breakdown import ANOTHER, Item, item_metric, opens_breakdown
from claimdiff._extract._candidate import Candidate
from claimdiff._extract._gazetteer_reads import known
from claimdiff._extract._not_a_place import WATER
from claimdiff._extract._parsed import worded
from claimdiff._model.composite import sum_estimates
from claimdiff._model.estimate import Estimate, Provenance
from claimdiff._model.hedges import parse_estimate
from claimdiff.exceptions import ClaimdiffError

if TYPE_CHECKING:
    from claimdiff._extract._reader import _Reader
    from claimdiff._extract._text import Sentence

__all__ = ["breakdown", "with_total"]


def breakdown(reader: _Reader, s: Sentence, out: list[Candidate]) -> list[Candidate]:
    """Lists by place after a figure: the parts of a total ("25 drones: 12 over A, 9 over B"), or its siblings."""
    for run in reader.runs_of(s):
        first = run[0]
        before = [
            c
            for c in out
            if c.start < first.num_start
            and not any(c.start <= it.num_start < c.end for it in run[1:])
        ]
        if (
            not before
            and reader.last is not None
            and len(run) >= 3
            and opens_breakdown(reader.text, max(s.start, first.start - 90), first.start)
        ):
            before = [
                reader.last
            ]  # "21 persons infected ... The number in each state is as follows: CA (1), ..."
        elif (
            not before
            and reader.referent is not None
            and len(run) >= 3
            and first.thing is not None
            and reader.vocabulary.counted(first.thing) == reader.referent.claim.scope.counted
            and opens_breakdown(reader.text, max(s.start, first.start - 90), first.start)
        ):
            # "... destroyed 71 drones.\n... over provinces, including Bryansk (29 drones), Kursk (7),
            # Lipetsk (5)": the list counts what the text's last figure counts, a paragraph later
            before = [reader.referent]
        if not before and len(run) >= 2:
            # "three intercepted over Crimea and seven over the sea": the first item is itself the figure
            before = [c for c in out if c.start == first.num_start]
        if not before:
            continue
        anchor = max(before, key=lambda c: c.start)
        whole = anchor.end <= first.start and opens_breakdown(
            reader.text, max(anchor.end, s.start, first.start - 90), first.start
        )
        if (
            len(run) < 2
            and not whole
            and not _SIBLING_GAP.fullmatch(reader.text, anchor.end, first.start)
        ):
            continue  # one item: only right after a figure with its own place ("5 over A, 4 over B")
        listed = [it for it in run if not anchor.start <= it.num_start < anchor.end]
        kept = [
            c
            for c in out
            if c is anchor or not any(c.start <= it.num_start < c.end for it in listed)
        ]
        parts = _one_country(
            reader,
            [p for p in (_item(reader, anchor, it, whole) for it in listed) if p is not None],
        )
        places = {p.claim.scope.place for p in parts}
        if whole and not anchor.claim.scope.place and len(places) > 1:
            common = min(places, key=len)[:1]
            if common and all(
                pl[:1] == common for pl in places
            ):  # "80 cases: Arizona (2), ...": the country
                anchor = _placed(anchor, common)
                kept = [
                    anchor if c.start == anchor.start and c.end == anchor.end else c for c in kept
                ]
        if (
            whole and anchor.claim.scope.place in places
        ):  # the total is where its parts all are, not in one of them
            common = min(places, key=len)[:-1] if len(places) > 1 else anchor.claim.scope.place
            while common and not all(pl[: len(common)] == common for pl in places):
                common = common[:-1]
            moved = attrs.evolve(anchor.claim, scope=attrs.evolve(anchor.claim.scope, place=common))
            kept = [
                attrs.evolve(
                    c, claim=attrs.evolve(c.claim, scope=attrs.evolve(c.claim.scope, place=common))
                )
                if c is anchor or (c.start > run[-1].end and c.claim.scope.place in places)
                else c
                for c in kept
            ]  # figures after the list are the total's clause's, not its last part's
            del moved
        out = sorted([*kept, *parts], key=lambda c: c.start)
    return out


def with_total(reader: _Reader, made: list[Candidate]) -> list[Candidate]:
    """Add the whole a list of parts makes up: "12 adults and two children" also says 14 people."""
    tops = [c for c in made if c.part_of is None]
    counted = {c.claim.scope.counted for c in tops}
    whole = next(
        (w for w, parts in DEFAULT_TAXONOMY.partitions.items() if set(parts) == counted), None
    )
    first = tops[0].claim if tops else None
    if (
        whole is None
        or first is None
        or len(tops) != len(counted)
        or any(
            (c.claim.metric, c.claim.origin, c.claim.scope.place, c.claim.stated)
            != (first.metric, first.origin, first.scope.place, first.stated)
            for c in tops
        )
    ):
        return made
    start, end = min(c.start for c in tops), max(c.end for c in tops)
    phrase = reader.text[start:end]
    try:
        total = attrs.evolve(
            first,
            id=reader.make_id(first.source, first.metric.name, whole),
            estimate=sum_estimates([c.claim.estimate for c in tops], " ".join(phrase.split())),
            scope=attrs.evolve(first.scope, counted=whole),
            location=f"{(first.location or '').split(', characters')[0]}, characters {start}-{end}",
        )
    except ClaimdiffError:
        return made
    parts = [
        attrs.evolve(c, claim=attrs.evolve(c.claim, part_of=total.id), part_of=total.id)
        if c in tops
        else c
        for c in made
    ]
    return [Candidate(claim=total, start=start, end=end, phrase=phrase), *parts]


def _one_country(reader: _Reader, parts: list[Candidate]) -> list[Candidate]:
    """Items of one list are in one country: "Georgia (2)" among US states is the state, not the country."""
    parts = _coded(reader, parts)
    keys = [reader.gazetteer.key(p.claim.scope.place) for p in parts]
    countries = [k[0] for k in keys if len(k) > 1 and k[0].isupper()]
    if not countries or len(parts) < 3:
        return parts
    major = max(set(countries), key=countries.count)
    if countries.count(major) * 2 <= len(parts):
        return parts
    name = next(
        p.claim.scope.place[0] for p, k in zip(parts, keys, strict=True) if k[:1] == (major,)
    )
    out = []
    for p, k in zip(parts, keys, strict=True):
        if k[:1] != (major,) and p.claim.scope.place:  # a sea's item has no place to move
            p = _placed(p, reader.gazetteer.normalise((name, p.claim.scope.place[-1])))  # noqa: PLW2901
        out.append(p)
    return out


def _coded(reader: _Reader, parts: list[Candidate]) -> list[Candidate]:
    """A list of subdivision codes ("CA (1), CO (1), FL (1)") is of the one country whose codes they all are."""
    codes = [p.claim.scope.place[-1] if len(p.claim.scope.place) == 1 else "" for p in parts]
    if len(parts) < 3 or not all(_CODE.fullmatch(c) for c in codes):
        return parts
    table = _subdivision_codes()
    fits = [c for c, known in table.items() if all(code in known for code in codes)]
    named = [c for c in fits if c in reader.countries]
    if len(named or fits) != 1:
        return parts  # no country, or several, whose subdivision codes these all are
    country = (named or fits)[0]
    return [
        _placed(p, reader.gazetteer.normalise((country, table[country][code])))
        for p, code in zip(parts, codes, strict=True)
    ]


@functools.cache
def _subdivision_codes() -> dict[str, dict[str, str]]:
    """Per country (alpha-2), its first-level subdivisions' codes ("CA" of "US-CA") -> names."""
    import pycountry  # noqa: PLC0415 - loaded on first use, as the gazetteer loads it

    out: dict[str, dict[str, str]] = {}
    for sd in pycountry.subdivisions:
        if not getattr(sd, "parent_code", None):
            out.setdefault(sd.country_code, {})[sd.code.split("-", 1)[1]] = sd.name
    return out


_CODE = re.compile(r"[A-Z]{2,3}")


def _item(reader: _Reader, anchor: Candidate, item: Item, whole: bool) -> Candidate | None:
    """One item of a list by place, as a candidate like ``anchor`` with the item's number and place."""
    own = item_metric(item.thing)
    metric = own or anchor.claim.metric.name
    counted = (
        ("people" if own else reader.vocabulary.counted(item.thing))
        if item.thing
        else anchor.claim.scope.counted
    )
    place = reader.completed((item.place,))
    if WATER.search(item.place) and not known(reader.gazetteer, item.place):
        place = ()  # "three over the Black Sea": a sea is no place path (G5), not a part of the last region named
        reader.spanning.add(item.start)  # nor the one country the rest of the text is in
    try:
        number = reader.text[item.num_start : item.num_end]
        estimate = (
            Estimate.exact(1, text=number, provenance=Provenance.WORDED)
            if number.lower() == ANOTHER
            else worded(parse_estimate(number, hedges=reader.hedges))
        )
        # "reported by A (45), B (42)": B's own
        reporter = reader.own_reporter(item.start, item.num_start)
        source, via = (
            (anchor.claim.source, anchor.claim.via)
            if reporter is None
            else reader.chain_of(reporter)
        )
        claim = attrs.evolve(
            anchor.claim,
            source=source,
            via=via,
            id=reader.make_id(source, metric, counted),
            metric=reader.vocabulary.metric(metric),
            estimate=estimate,
            scope=attrs.evolve(anchor.claim.scope, place=place, counted=counted),
            part_of=anchor.claim.id if whole else None,
            location=f"{(anchor.claim.location or '').split(', characters')[0]}, characters {item.start}-{item.end}",
        )
    except ClaimdiffError:
        return None
    return Candidate(
        claim=claim,
        start=item.start,
        end=item.end,
        phrase=reader.text[item.start : item.end],
        part_of=claim.part_of,
    )


def _placed(c: Candidate, place: tuple[str, ...]) -> Candidate:
    """``c`` at ``place``."""
    return attrs.evolve(
        c, claim=attrs.evolve(c.claim, scope=attrs.evolve(c.claim.scope, place=place))
    )


#: A figure's own place, then a list separator: the next "N over B" is its sibling.
_SIBLING_GAP = re.compile(  # "3 intercepted over Crimea and 7 over the sea": the verb is the anchor's
    r"(?:\s+[a-z]+){0,2}?\s+(?:over|in|from|at|above)\s+[^,;.()]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)"
)
