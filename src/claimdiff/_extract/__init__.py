"""From article text to candidate claims: every figure, with its hedge, metric, source and place in the text.

The reading is rule-based and split by idea: :mod:`._text` cuts the article into
blocks, sentences and quotations; :mod:`._figures` finds each hedged figure, the
thing it counts and the metric the sentence gives it; :mod:`._attribution` finds
who said it and through whom, and :mod:`._sources` names the body; :mod:`._time` and
:mod:`._place` say when and where, and :mod:`._placing` completes a figure's place from the
places around it; :mod:`._reader` carries all of it through a text, sentence by sentence, and
:mod:`._structures` reads lists by place and wholes of parts, :mod:`._cells` tables.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping

import attrs

from claimdiff._collector import PAUSE
from claimdiff._extract._candidate import Candidate
from claimdiff._extract._cells import table_candidates
from claimdiff._extract._gazetteer_reads import known
from claimdiff._extract._home import body_country, dateline_country, multistate_country
from claimdiff._extract._merge import dedupe, refined, sections_sourced
from claimdiff._extract._place_passes import spanning, storied
from claimdiff._extract._reader import _Reader
from claimdiff._extract._reporting_areas import reporting_areas
from claimdiff._extract._sources import COUNTRIES, defined_names, source_kind
from claimdiff._extract._spellings import one_name
from claimdiff._extract._table import tables
from claimdiff._extract._text import fold, make_block, readable, split_blocks
from claimdiff._extract._unread import Extraction, Unread, unread
from claimdiff._extract._world_regions import world_region
from claimdiff._formats.documents import check_size
from claimdiff._model.aliases import canonical_source
from claimdiff._model.claim import Source, SourceKind
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy
from claimdiff._model.period import timezone_named
from claimdiff._model.places import (
    DEFAULT_GAZETTEER,
    Gazetteer,
    _iso,
)
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from claimdiff.exceptions import InvalidClaimError

__all__ = ["Candidate", "Extraction", "Unread", "extract"]


def _published(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.datetime):
        return value.date() if isinstance(value, dt.datetime) else None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidClaimError(
            None, "published", value, "is not a date in ISO 8601 form (YYYY-MM-DD)"
        ) from None


def _outlet(value: str | Source | None) -> Source:
    if isinstance(value, Source):
        return value
    if value is None or not str(value).strip():
        return Source("unattributed")
    return Source(
        str(value),
        kind=source_kind(str(value))
        if source_kind(str(value)) is not SourceKind.UNKNOWN
        else SourceKind.MEDIA,
    )


def _defined(text: str) -> dict[str, str]:
    """The abbreviations the text defines that the alias tables do not already know, as aliases."""
    return {
        k: canonical_source(v) for k, v in defined_names(text).items() if canonical_source(k) == k
    }


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    outlet: str | Source | None = None,
    timezone: str | dt.tzinfo = dt.UTC,
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    aliases: Mapping[str, str] | None = None,
    gazetteer: Gazetteer = DEFAULT_GAZETTEER,
) -> Extraction:
    """Find every reported figure in an article and return it as a candidate claim to review.

    Each candidate keeps the hedge ("at least 14" is ``[14, inf)``), names the
    metric and the thing counted, credits the source the text gives ("X said",
    "according to X", a quotation's speaker, "it said" for the last speaker) with
    the chain it came through ("told Reuters", a "Via Reuters" line, then the
    outlet), and carries the place, the period and the time it was stated, all
    read from the text. Figures repeated by the same source (a headline and the
    lead) are kept once.

    >>> found = extract(
    ...     "Officials said at least 14 people were killed and 108 injured, including 15 children, on Saturday.",
    ...     published="2023-12-30", outlet="Example News")
    >>> [(c.phrase, c.claim.metric.name, c.claim.estimate.interval_text(), c.claim.source.name) for c in found]
    [('at least 14 people', 'killed', '[14, inf)', 'Officials'), ('108', 'injured', '[108, 108]', 'Officials'), ('15 children', 'injured', '[15, 15]', 'Officials')]
    >>> found[2].part_of == found[1].claim.id, str(found[0].claim.period)
    (True, '2023-12-30')

    Args:
        text: The article (plain text; paragraphs separated by blank lines).
        published: The publication date, to resolve "Saturday", "the day prior",
            "overnight"; without it, candidates have no period and no stated time.
        outlet: The outlet the article was read in: the source of unattributed
            figures, and the last link of every chain.
        timezone: The timezone calendar days are read in (a name, or a tzinfo).
        hedges: The semantics table hedges are read with.
        vocabulary: The metrics and counted things claims are filed under.
        aliases: Source spellings -> the name to file them under, beside the built-in
            table of common bodies (see :func:`claimdiff.sources.canonical_source`).
        gazetteer: How places are normalised to one path per place.

    Returns:
        Extraction: The candidates in the order they appear in the text, a list as before, whose
        ``unread`` lists every number of the text no candidate reads,
        with its offsets and the reason ("a year", "a share, not a count", "a photo caption", ...).

    Raises:
        InvalidClaimError: ``published`` is not a date or ``timezone`` not a timezone.
        ClaimFileError: ``text`` is longer than the readers' limit (64 MiB of characters).
    """
    if not isinstance(text, str):
        raise InvalidClaimError(None, "text", type(text).__name__, "must be a string")
    check_size(
        text, "<article>"
    )  # the readers' limit (MAX_CHARS): a longer text is refused, not read for minutes
    tz = timezone_named(timezone) if isinstance(timezone, str) else timezone
    day, source = _published(published), _outlet(outlet)
    with (
        PAUSE
    ):  # a reading allocates many small acyclic objects: the collector would scan them for nothing
        return _read(text, day, source, tz, hedges, vocabulary, aliases, gazetteer)


def _read(
    text: str,
    published: dt.date | None,
    outlet: Source,
    tz: dt.tzinfo,
    hedges: HedgePolicy,
    vocabulary: Vocabulary,
    aliases: Mapping[str, str] | None,
    gazetteer: Gazetteer,
) -> Extraction:
    """The candidates of a text and the numbers they leave unread (:func:`extract`, its arguments read)."""
    reading = readable(text)
    reader = _Reader(
        text=text,
        reading=reading,
        low=fold(reading),
        published=published,
        tz=tz,
        outlet=outlet,
        hedges=hedges,
        vocabulary=vocabulary,
        gazetteer=gazetteer,
        aliases={**_defined(text), **(aliases or {})},
    )
    found: list[Candidate] = []
    furthest = -1  # the latest start of a candidate so far: whether a table was read yet
    pending = tables(text, lambda name: known(gazetteer, name))
    found_tables = [(t.start, t.end) for t in pending]  # their unread cells are listed as a table's
    marks = [span for t in pending for span in t.marks]  # footnote marks run into read figures
    blocks = split_blocks(text)
    for block in blocks:
        while pending and pending[0].end <= block.start:
            pending.pop(0)
        if pending and pending[0].start <= block.start < pending[0].end:
            if block.start == pending[0].start or furthest < pending[0].start:
                more = table_candidates(reader, pending[0])
                for a, b in pending[0].prose:  # a summary column wrapped onto its own lines: prose
                    more += reader.block(make_block(text, a, b, block.paragraph))
                pending[0] = attrs.evolve(
                    pending[0], rows=(), prose=()
                )  # read once; its other lines are its rows
            else:
                continue
        else:
            more = reader.block(block)
            while pending and block.start < pending[0].start < block.end:
                # a table inside the block (a run of "Place N" pairs in a line): its figures are its cells'
                inner = pending.pop(0)
                more = [c for c in more if not inner.start <= c.start < inner.end]
                more = sorted([*more, *table_candidates(reader, inner)], key=lambda c: c.start)
        found += more
        furthest = max([furthest, *(c.start for c in more)])
    kept = dedupe(
        one_name(
            sections_sourced(
                reporting_areas(found, reader.low, reader.outlet, vocabulary),
                text,
                reader.outlet,
                reader.aliases,
                blocks,
            ),
            text,
            reader.outlet,
        ),
        reader.outlet,
    )
    ids = {id(c) for c in kept}
    repeats = [(c.start, c.end) for c in found if id(c) not in ids]
    return Extraction(
        _as_meant(
            spanning(
                _in_one_country(
                    _of_party(refined(storied(kept, reader), gazetteer), gazetteer),
                    gazetteer,
                    reader.countries
                    or _adjectival(text, gazetteer)
                    or dateline_country(text, gazetteer)
                    or multistate_country(text),
                ),
                reader,
            ),
            gazetteer,
        ),
        unread(
            text, [(c.start, c.end) for c in kept], reader.captions, repeats, found_tables, marks
        ),
    )


def _adjectival(text: str, gazetteer: Gazetteer) -> set[str]:
    """The country a text names only by its adjective ("Syrian activists say ..."), as an ISO code.

    The adjective the text uses most, when it uses it more than twice as often as any other
    ("a British-based monitor" in a report about Syria names no second country).
    """
    counts = Counter(
        _ADJECTIVE_COUNTRIES[m.group().lower()]
        for m in _ADJECTIVE.finditer(text)
        if m.group().lower() in _ADJECTIVE_COUNTRIES
    ).most_common(2)
    if not counts or (len(counts) > 1 and counts[0][1] <= 2 * counts[1][1]):
        return set()
    key = gazetteer.key(counts[0][0])
    return {key[0]} if key and key[0].isupper() else set()


_ADJECTIVE_COUNTRIES = {adj.lower(): country.title() for country, adj in COUNTRIES.items()}
_ADJECTIVE = re.compile(r"\b[A-Z][a-z]+\b")


def _of_party(found: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """A figure the text places nowhere, given by a country's body ("Ukrainian officials"), is in that country."""
    out = []
    for c in found:
        home = () if c.claim.scope.place else body_country(gazetteer, c.claim.source)
        out.append(_placed(c, home) if home else c)
    return out


def _in_one_country(
    found: list[Candidate], gazetteer: Gazetteer, named: set[str]
) -> list[Candidate]:
    """Figures with no place, or with a place no country is known for, in a text about one country, are in it.

    The text's country is the one its placed figures all lie in; when none is placed in a known
    country, the one country it names. A region across borders ("Sahel") stays as it is.
    """
    keys = [gazetteer.key(c.claim.scope.place) for c in found]
    countries = {k[0] for k in keys if k and k[0].isupper()}
    if not countries:  # no figure placed in a known country: the one country the text names
        countries = named
    if len(countries) != 1:
        return found
    country = (_iso()[1][next(iter(countries))],)
    out = []
    for c, key in zip(found, keys, strict=True):
        place = c.claim.scope.place
        if not place:
            place = country
        elif not key[0].isupper() and world_region(place[0]) is None:
            place = gazetteer.normalise((*country, *place))
        out.append(c if place == c.claim.scope.place else _placed(c, place))
    return out


#: First-level subdivisions whose name the news uses for a wider area: "Gaza" is the Gaza Strip, never the
#: governorate of that name (one of the Strip's five), unless the text says "governorate".
_MEANT = {"PS-GZA": "Gaza Strip"}


def _as_meant(found: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """Figures placed in a subdivision the news names for a wider area are placed in that area."""
    out = []
    for c in found:
        place = c.claim.scope.place
        key = gazetteer.key(place) if len(place) > 1 else ()
        wider = _MEANT.get(key[1]) if len(key) > 1 else None
        if wider is None or "governorate" in place[1].lower():
            out.append(c)
        else:
            out.append(_placed(c, (place[0], wider, *place[2:])))
    return out


def _placed(c: Candidate, place: tuple[str, ...]) -> Candidate:
    return attrs.evolve(
        c, claim=attrs.evolve(c.claim, scope=attrs.evolve(c.claim.scope, place=place))
    )


#: A heading that names one source in brackets at its end: "Madagascar - Flood (Media)" (several: none chosen).
