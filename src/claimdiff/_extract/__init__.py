"""From article text to candidate claims: every figure, with its hedge, metric, source and place in the text.

The reading is rule-based and split by idea: :mod:`._text` cuts the article into
blocks, sentences and quotations; :mod:`._figures` finds each hedged figure, the
thing it counts and the metric the sentence gives it; :mod:`._attribution` finds
who said it and through whom; :mod:`._time` and :mod:`._place` say when and where.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import attrs

from claimdiff._core.relations import DEFAULT_TAXONOMY
from claimdiff._extract._attribution import Attribution, attributions, figure_of, quote_speaker, source_kind
from claimdiff._extract._attribution import canonical_source as source_named
from claimdiff._extract._figures import Figure, figures
from claimdiff._extract._metrics import (
    chains,
    counted_for,
    counted_metric,
    is_casualty,
    is_window,
    measured,
    metric_for,
    unit_metric,
)
from claimdiff._extract._place import _LABEL, _path, heading_places, known, place_at, places_named
from claimdiff._extract._text import Block, Sentence, fold, quotations, readable, sentences, split_blocks
from claimdiff._extract._time import DaysNamed, days_named, period_at, stated_period
from claimdiff._formats.documents import check_size
from claimdiff._model.aliases import bodies_named, canonical_source
from claimdiff._model.claim import Claim, Scope, Source, SourceKind
from claimdiff._model.composite import sum_estimates
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy
from claimdiff._model.period import Period, timezone_named
from claimdiff._model.places import DEFAULT_GAZETTEER, Gazetteer
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from claimdiff.exceptions import ClaimdiffError, InvalidClaimError

__all__ = ["Candidate", "extract"]


@attrs.frozen(kw_only=True)
class Candidate:
    """A figure found in a text, as a claim ready to review: where it stands and what it says.

    Attributes:
        claim: The figure as a :class:`~claimdiff.Claim` (its ``quote`` is the sentence it was read from).
        start: Offset of the figure's first character in the text.
        end: Offset after its last character; ``text[start:end] == phrase``.
        phrase: The words of the figure: hedge, number, unit or thing counted ("at least 14 people").
        part_of: The id of the candidate this one is a part of ("including 15 children"), if any.
    """

    claim: Claim
    start: int
    end: int
    phrase: str
    part_of: str | None = None


def _published(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.datetime):
        return value.date() if isinstance(value, dt.datetime) else None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidClaimError(None, "published", value, "is not a date in ISO 8601 form (YYYY-MM-DD)") from None


def _outlet(value: str | Source | None) -> Source:
    if isinstance(value, Source):
        return value
    if value is None or not str(value).strip():
        return Source("unattributed")
    return Source(str(value), kind=source_kind(str(value)) if source_kind(str(value)) is not SourceKind.UNKNOWN
                  else SourceKind.MEDIA)


@attrs.frozen
class _Context:
    sentence: Sentence
    places: list[tuple[int, tuple[str, ...]]]
    days: DaysNamed | None
    stated: Period | None
    starts: tuple[int, ...]


@attrs.define
class _Reader:
    """State carried through one text: the last speaker named, for "it said" and "the ministry said"."""

    text: str
    reading: str  # the text with numbers made readable ("5 576" -> "5,576"); same offsets
    low: str
    published: dt.date | None
    tz: dt.tzinfo
    outlet: Source
    hedges: HedgePolicy
    vocabulary: Vocabulary
    previous: Attribution | None = None
    lead_in: Attribution | None = None
    carried: Attribution | None = None  # the speaker of the paragraph so far: attribution carries forward
    wire: Source | None = None
    gazetteer: Gazetteer = DEFAULT_GAZETTEER
    aliases: Mapping[str, str] | None = None
    ids: dict[str, int] = attrs.Factory(dict)
    context: _Context | None = None
    body: Attribution | None = None  # a known body the paragraph names ("UNHCR is calling for calm"): its speaker
    cited: Attribution | None = None  # "(OCHA, 22 Jun 2022)" closing a paragraph: the source of its figures
    refined: bool = False
    sentence_place: tuple[str, ...] = ()  # the first known place the sentence being read names
    heading_place: tuple[str, ...] = ()  # the place a heading or the opening line names: the text's, until another
    paragraph_place: tuple[str, ...] = ()  # the last place a paragraph named: its next sentences'

    def block(self, block: Block) -> list[Candidate]:
        if block.via is not None:
            self.wire = Source(block.via, kind=source_kind(block.via))
            return []
        if block.heading and self.wire is not None and not re.search(r"\d", self.text[block.start:block.end]):
            self.wire = None  # a caption or a heading closes the passage the "Via X" line opened
        self.paragraph_place = ()
        self.body = None
        body = self.text[block.start:block.end]
        undated = _DATES.sub("", body)
        heading = ((block.heading or (len(body.split()) <= 20 and body.rstrip().endswith(")")
                                      and not re.search(r"[.!?]\s", body)))
                   and not (block.list_item and re.search(r"\d", undated)))
        if heading:
            named = [self.gazetteer.normalise(p) for _, p in places_named(self.text, block.start, block.end,
                                                                           self.gazetteer)]
            label = _LABEL.match(self.text, block.start)
            if label is not None:
                named.insert(0, self.gazetteer.normalise(_path(None, label.group("p")) or ()))
            named = [*heading_places(self.text, block.start, block.end, self.gazetteer), *named]
            named = [p for p in named if known(self.gazetteer, p)]
            if named:
                self.heading_place = named[0]
        cited = _CITATION.search(body)
        found = source_named(cited.group("who")) if cited is not None else None
        self.cited = found if found is not None and found.source is not None else None
        quotes = quotations(self.text, block)
        speakers = [quote_speaker(self.text, self.low, a, b, block.start, block.end) for a, b in quotes]
        out: list[Candidate] = []
        self.carried = None
        for sentence in sentences(self.text, block):
            out += self.sentence(sentence, quotes, speakers)
        if not block.list_item:
            ends_lead_in = self.text[block.start:block.end].rstrip().endswith(":")
            self.lead_in = self._last_speaker(block, quotes) if ends_lead_in else None
        return out

    def _last_speaker(self, block: Block, quotes: list[tuple[int, int]]) -> Attribution | None:
        """The last speaker a block names, read sentence by sentence from its end (each read once)."""
        for s in reversed(sentences(self.text, block)):
            said = attributions(self.text, self.low, s.start, s.end, quotes)
            if said:
                return said[-1][1].resolve(self.previous)
        return None

    def sentence(self, s: Sentence, quotes: list[tuple[int, int]], speakers: list[Attribution | None]) -> list[Candidate]:
        said = [(at, a.resolve(self.previous)) for at, a in attributions(self.text, self.low, s.start, s.end, quotes)]
        resolved = [(at, a) for at, a in said if a is not None]
        found = figures(self.reading, self.low, s.start, s.end, self.hedges, self.vocabulary)
        out: list[Candidate] = []
        found = _elided(self.low, found)
        heads = tuple(chain[0][0].start for chain in chains(self.low, found))  # a chain shares its place
        named_bodies = bodies_named(self.text, s.start, s.end) if self.body is None else []
        if named_bodies:
            name = named_bodies[0][1]
            self.body = Attribution(Source(name, kind=source_kind(name)))
        known_here = [self.gazetteer.normalise(p) for _, p in self._context(s).places]
        self.sentence_place = next((p for p in known_here if known(self.gazetteer, p)), ())
        self.context = attrs.evolve(self._context(s), starts=heads)
        previous: tuple[Figure, str] | None = None
        for chain in chains(self.low, found):
            metric = metric_for(self.low, s.start, s.end, chain)
            if metric is None and previous is not None and (_listed(self.low, previous[0], chain[0][0])
                                                             or _OPEN_PAREN.fullmatch(self.low, previous[0].end,
                                                                                      chain[0][0].start)):
                metric = previous[1]  # "61 died in the capital, 40 in the north", "12,400 people (2,100 households)"
            if metric is not None:
                previous = (chain[-1][0], metric)
            parent: str | None = None
            alone = all(f.article for f, _ in chain)
            made: list[Candidate] = []
            for fig, is_part in chain:
                if alone and (metric is None or not is_casualty(metric)):
                    continue  # "a child was killed" is a figure; "a rink was hit" is not
                who = figure_of(self.text, self.low, fig.end) or self._speaker(fig.start, quotes, speakers, resolved)
                candidate = self._candidate(s, fig, metric, who, parent if is_part else None)
                if candidate is not None:
                    made.append(candidate)
                    if not is_part:
                        parent = candidate.claim.id
            out += self._with_total(made)
        named = [self._completed(self.gazetteer.normalise(p)) for _, p in self._context(s).places]
        named = [p for p in named if known(self.gazetteer, p)]
        if named:
            self.paragraph_place = named[-1]
            first, head = self.gazetteer.key(named[0]), self.gazetteer.key(self.heading_place)
            if not self.refined and (not head or (len(first) > len(head) and first[:len(head)] == head)):
                self.heading_place = named[0]  # a story's first place is its place, if more precise than its heading's
                self.refined = True
        for _, said_by in resolved:
            self.previous = self.carried = said_by
        for (opening, _closing), who in zip(quotes, speakers, strict=True):
            if s.start <= opening < s.end and who is not None and who.source is not None:
                self.previous = self.carried = who
        return out

    def _speaker(self, at: int, quotes: list[tuple[int, int]], speakers: list[Attribution | None],
                 said: list[tuple[int, Attribution]]) -> Attribution | None:
        for (a, b), who in zip(quotes, speakers, strict=True):
            if a < at < b and who is not None:
                resolved = who.resolve(self.previous)
                if resolved is not None:
                    return resolved
        before = [a for pos, a in said if pos < at]
        if before:
            return before[-1]
        after = [a for pos, a in said if pos > at]
        if after:
            return after[0]
        return self.cited or self.lead_in or self.carried or self.body

    def _candidate(self, s: Sentence, fig: Figure, metric: str | None, who: Attribution | None,
                   part_of: str | None) -> Candidate | None:
        implied = counted_metric(fig.counted) if metric is None and not fig.estimate.unit else None
        if implied is not None:
            metric, fig = implied[0], attrs.evolve(fig, counted=implied[1])
        name = metric if metric is not None else unit_metric(fig.estimate)
        if name is None or (fig.estimate.unit and is_window(self.low, s.start, fig)):
            return None
        if fig.estimate.unit:
            unit_name = measured(self.low, s.start, fig, name)
            chosen: tuple[str, str | None] | None = (unit_name, None) if unit_name is not None else None
        else:
            chosen = counted_for(name, fig.counted)
        if chosen is None:
            return None
        metric_name, counted = chosen
        source, via = self._chain(who)
        stated = period = None
        context = self._dated(s, self.published) if self.published is not None else self._context(s)
        if self.published is not None and context.stated is not None and context.days is not None:
            stated = context.stated
            period = period_at(context.days, fig.start, self.published, self.tz)
            if period is not None and stated.before(period):
                period = None
        place = self._place(s, fig, context)
        try:
            claim = Claim(
                id=self._id(source, metric_name, counted),
                metric=self.vocabulary.metric(metric_name),
                estimate=fig.estimate,
                scope=Scope(place=place, counted=counted),
                period=period,
                stated=stated,
                source=source,
                via=via,
                quote=" ".join(self.text[s.start:s.end].split()),
                location=f"paragraph {s.block.paragraph}, characters {fig.start}-{fig.end}",
                part_of=part_of,
            )
        except ClaimdiffError:
            return None
        return Candidate(claim=claim, start=fig.start, end=fig.end, phrase=self.text[fig.start:fig.end],
                         part_of=part_of)

    def _place(self, s: Sentence, fig: Figure, context: _Context) -> tuple[str, ...]:
        """The figure's place: its clause's, else its line label's, completed by the paragraph's or heading's."""
        until = next((f for f in context.starts if f > fig.start), s.end)
        semicolon = self.text.find(";", fig.end, until)  # a place after a semicolon is another clause's
        until = semicolon if semicolon >= 0 else until
        own: tuple[str, ...] = place_at(context.places, fig.start, until, self.gazetteer)
        label = _LABEL.match(self.text, s.block.start)
        if label is not None and label.end() <= fig.start and not own:
            own = _path(None, label.group("p")) or own
        return self._completed(self.gazetteer.normalise(own))

    def _completed(self, place: tuple[str, ...]) -> tuple[str, ...]:
        """A place the gazetteer does not know, under the paragraph's or heading's; no place, theirs."""
        if not place:
            return self.paragraph_place or self.heading_place
        around = self.sentence_place or self.paragraph_place or self.heading_place
        if known(self.gazetteer, place) or not around:
            return place
        if place[0] in around:
            return place
        in_country = self.gazetteer.normalise((around[0], *place))  # "Punjab province" after Sindh: Pakistan's
        if len(self.gazetteer.key(in_country)) > 1 and "-" in self.gazetteer.key(in_country)[1]:
            return in_country
        if around is not self.sentence_place:
            return in_country  # a place of another sentence vouches for the country only
        return self.gazetteer.normalise((*around, *place))

    def _context(self, s: Sentence) -> _Context:
        """What a sentence says of time and place, read once for all the figures in it."""
        if self.context is None or self.context.sentence is not s:
            self.context = _Context(s, places_named(self.text, s.start, s.end, self.gazetteer), None, None, ())
        return self.context

    def _dated(self, s: Sentence, published: dt.date) -> _Context:
        """The sentence's context with the days it names read (only for sentences with a figure to date)."""
        context = self._context(s)
        if context.stated is None:
            self.context = context = attrs.evolve(
                context, stated=stated_period(self.low, s.start, s.end, published, self.tz, s.block.hour),
                days=days_named(self.low, s.start, s.end, published))
        return context

    def _chain(self, who: Attribution | None) -> tuple[Source, tuple[Source, ...]]:
        chain: list[Source] = []
        if who is not None and who.source is not None:
            chain = [self._named(who.source), *(self._named(v) for v in who.via)]
        if self.wire is not None:
            chain.append(self.wire)
        chain.append(self.outlet)
        deduped: list[Source] = []
        for src in chain:
            if all(src.key != d.key for d in deduped):
                deduped.append(src)
        return deduped[0], tuple(deduped[1:])

    def _named(self, source: Source) -> Source:
        """The source under the one name the alias tables give it."""
        name = canonical_source(source.name, self.aliases)
        return source if name == source.name else attrs.evolve(source, name=name)

    def _with_total(self, made: list[Candidate]) -> list[Candidate]:
        """Add the whole a list of parts makes up: "12 adults and two children" also says 14 people."""
        tops = [c for c in made if c.part_of is None]
        counted = {c.claim.scope.counted for c in tops}
        whole = next((w for w, parts in DEFAULT_TAXONOMY.partitions.items() if set(parts) == counted), None)
        first = tops[0].claim if tops else None
        if (whole is None or first is None or len(tops) != len(counted)
                or any((c.claim.metric, c.claim.origin, c.claim.scope.place, c.claim.stated)
                       != (first.metric, first.origin, first.scope.place, first.stated) for c in tops)):
            return made
        start, end = min(c.start for c in tops), max(c.end for c in tops)
        phrase = self.text[start:end]
        try:
            total = attrs.evolve(
                first, id=self._id(first.source, first.metric.name, whole), estimate=sum_estimates(
                    [c.claim.estimate for c in tops], " ".join(phrase.split())),
                scope=attrs.evolve(first.scope, counted=whole),
                location=f"{(first.location or '').split(', characters')[0]}, characters {start}-{end}",
            )
        except ClaimdiffError:
            return made
        parts = [attrs.evolve(c, claim=attrs.evolve(c.claim, part_of=total.id), part_of=total.id) if c in tops else c
                 for c in made]
        return [Candidate(claim=total, start=start, end=end, phrase=phrase), *parts]

    def _id(self, source: Source, metric: str, counted: str | None) -> str:
        who = "-".join(re.findall(r"[a-z0-9]+", source.name.lower())[:3]) or "source"
        what = "-".join(re.findall(r"[a-z0-9]+", f"{metric} {counted or ''}".lower()))
        base = f"{who}-{what}"
        n = self.ids.get(base, 0) + 1
        self.ids[base] = n
        return base if n == 1 else f"{base}-{n}"


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
) -> list[Candidate]:
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
            table of common bodies (see :func:`claimdiff.canonical_source`).
        gazetteer: How places are normalised to one path per place.

    Returns:
        The candidates in the order they appear in the text.

    Raises:
        InvalidClaimError: ``published`` is not a date or ``timezone`` not a timezone.
        ClaimFileError: ``text`` is longer than the readers' limit (64 MiB of characters).
    """
    if not isinstance(text, str):
        raise InvalidClaimError(None, "text", type(text).__name__, "must be a string")
    check_size(text, "<article>")  # the readers' limit (MAX_CHARS): a longer text is refused, not read for minutes
    tz = timezone_named(timezone) if isinstance(timezone, str) else timezone
    reading = readable(text)
    reader = _Reader(text=text, reading=reading, low=fold(reading), published=_published(published), tz=tz, outlet=_outlet(outlet),
                     hedges=hedges, vocabulary=vocabulary, gazetteer=gazetteer, aliases=aliases)
    found: list[Candidate] = []
    for block in split_blocks(text):
        found += reader.block(block)
    return _dedupe(found)


#: A citation closing a paragraph: "(UN RC for Mozambique, 9 Mar 2019)", "(OCHA, 22 Jun 2022)".
_CITATION = re.compile(
    r"\((?P<who>[A-Z][^(),;:]{1,60}?),\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+"
    r"\d{4}|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})\)\.?\s*$"
)


_OPEN_PAREN = re.compile(r"\s*\(\s*")
_DATES = re.compile(r"\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\b[A-Z][a-z]{2,8}\.?\s+\d{4}|\b(?:19|20)\d\d\b")


def _listed(low: str, before: Figure, fig: Figure) -> bool:
    """True for a bare figure listed after another with only a place of its own: ", 40 in the north"."""
    return (fig.bare and _LIST_GAP.fullmatch(low, before.end, fig.start) is not None
            and _PLACE_AFTER.match(low, fig.end) is not None)


_LIST_GAP = re.compile(r"(?:\s+[^,;.]{1,60}?)?\s*(?:,|;|\band\b|,\s*and\b|\bwhile\b)\s*"
                       r"(?:(?:another|a further|an additional)\s+)?")
_PLACE_AFTER = re.compile(r"\s+(?:more\s+|others?\s+)?(?:in|at|near|across|from)\s+")


def _elided(low: str, found: list[Figure]) -> list[Figure]:
    """"1,200 homes were destroyed and a further 3,500 damaged": a bare figure counts what the one before it does.

    Not across "out of" or "of": "279 children killed out of 2,600 deaths" counts people, not children.
    """
    out: list[Figure] = []
    for fig in found:
        if (fig.bare and out and out[-1].counted is not None and not out[-1].article
                and not re.search(r"\bof\b", low[out[-1].end:fig.start])):
            fig = attrs.evolve(fig, counted=out[-1].counted)  # noqa: PLW2901 - the figure, completed
        out.append(fig)
    return out


def _dedupe(found: list[Candidate]) -> list[Candidate]:
    """Keep one candidate per figure and origin: the one the text gives the most context for."""
    best: dict[tuple[object, ...], Candidate] = {}
    order: list[tuple[object, ...]] = []
    for c in found:
        k = c.claim
        key = (k.metric.name, k.scope.counted, k.low, k.high, k.low_closed, k.high_closed, k.estimate.unit,
               k.origin, k.period)
        if key not in best:
            best[key] = c
            order.append(key)
        elif not best[key].claim.scope.place and k.scope.place:
            best[key] = c
    return [best[key] for key in order]

