"""Reading a text block by block and sentence by sentence: who said each figure, where and when.

The reader carries what a text has said so far (the last speaker, the paragraph's place, the
heading's source, the countries named) into each sentence, and makes each figure a candidate.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import attrs

from claimdiff._extract._attribution import attributions, cited_source, figure_of, quote_speaker
from claimdiff._extract._candidate import Candidate
from claimdiff._extract._clauses import (
    breaks_down,
    in_areas,
    opens_parts,
    refers_back,
)
from claimdiff._extract._figures import Figure, figures
from claimdiff._extract._merge import METRIC_NOUN, elided, listed
from claimdiff._extract._metrics import (
    chains,
    counted_for,
    counted_metric,
    is_casualty,
    is_window,
    measured,
    metric_for,
    on_the_ground,
    unit_metric,
)
from claimdiff._extract._noun import told_apart
from claimdiff._extract._place import _LABEL, _path, heading_places, known, places_named
from claimdiff._extract._placing import Context, Placing
from claimdiff._extract._sources import Attribution, member_named, of_region, source_kind
from claimdiff._extract._structures import breakdown, with_total
from claimdiff._extract._text import Block, Sentence, quotations, sentences
from claimdiff._extract._time import days_named, period_at, stated_period
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._model.aliases import canonical_source
from claimdiff._model.claim import Claim, Scope, Source
from claimdiff._model.hedges import HedgePolicy
from claimdiff._model.vocabulary import Vocabulary
from claimdiff.exceptions import ClaimdiffError


@attrs.define(kw_only=True)
class _Reader(Placing):
    """State carried through one text: the last speaker named, for "it said" and "the ministry said"."""

    reading: str  # the text with numbers made readable ("5 576" -> "5,576"); same offsets
    published: dt.date | None
    tz: dt.tzinfo
    outlet: Source
    hedges: HedgePolicy
    vocabulary: Vocabulary
    previous: Attribution | None = None
    lead_in: Attribution | None = None
    carried: Attribution | None = (
        None  # the speaker of the paragraph so far: attribution carries forward
    )
    wire: Source | None = None
    aliases: Mapping[str, str] | None = None
    ids: dict[str, int] = attrs.Factory(dict)
    names: dict[Source, Source] = attrs.Factory(
        dict
    )  # sources read -> under the names the alias tables give them
    context: Context | None = None
    body: Attribution | None = (
        None  # a known body the paragraph names ("UNHCR is calling for calm"): its speaker
    )
    unscanned: list[tuple[int, int]] = attrs.Factory(
        list
    )  # the paragraph's sentences not yet read for a known body
    cited: Attribution | None = (
        None  # "(OCHA, 22 Jun 2022)" closing a paragraph: the source of its figures
    )
    heading_source: Attribution | None = (
        None  # "Madagascar - Flood (Media)": a heading's one source, its text's
    )
    last: Candidate | None = (
        None  # the last candidate of the block: the total a list in the next sentence breaks down
    )
    headline: bool = False  # whether the block being read is a heading
    past_lead: bool = False  # whether the lead (the first block after the headings) has been read
    captions: list[tuple[int, int]] = attrs.Factory(
        list
    )  # photo captions: never a source, never a figure
    referent: Candidate | None = (
        None  # the last candidate of the text so far: what "the number rose to" is of
    )

    def block(self, block: Block) -> list[Candidate]:
        if block.via is not None:
            self.wire = Source(block.via, kind=source_kind(block.via))
            return []
        if (
            block.heading
            and self.wire is not None
            and not re.search(r"\d", self.text[block.start : block.end])
        ):
            self.wire = None  # a caption or a heading closes the passage the "Via X" line opened
        self.paragraph_place = ()
        self.body = None
        self.unscanned = []
        self.last = None
        body = self.text[block.start : block.end]
        if _CAPTION.match(body) or ("/" in body and _CAPTION_CREDIT.search(body)):
            self.captions.append((block.start, block.end))
            return []
        self.headline = block.heading
        heading = (
            block.heading
            or (
                len(body.split()) <= 20
                and body.rstrip().endswith(")")
                and not re.search(r"[.!?]\s", body)
            )
        ) and not (block.list_item and re.search(r"\d", _DATES.sub("", body)))
        if heading:
            named = [
                self.gazetteer.normalise(p)
                for _, p in places_named(self.text, block.start, block.end, self.gazetteer)
            ]
            label = _LABEL.match(self.text, block.start)
            if label is not None:
                named.insert(0, self.gazetteer.normalise(_path(None, label.group("p")) or ()))
            named = [*heading_places(self.text, block.start, block.end, self.gazetteer), *named]
            said = _HEADING_SOURCE.search(body)
            self.heading_source = cited_source(said.group("who")) if said is not None else None
            named = [p for p in named if known(self.gazetteer, p)]
            if named:
                self.heading_place = named[0]
                self.countries.add(self.gazetteer.key(named[0])[0])
        cited = _CITATION.search(body)
        self.cited = cited_source(cited.group("who")) if cited is not None else None
        quotes = quotations(self.text, block)
        speakers = [
            quote_speaker(self.text, self.low, a, b, block.start, block.end) for a, b in quotes
        ]
        out: list[Candidate] = []
        self.carried = None
        for sentence in sentences(self.text, block):
            out += self.sentence(sentence, quotes, speakers)
        self.past_lead = (
            self.past_lead or not heading
        )  # the lead is the first block after the headings
        if not block.list_item:
            ends_lead_in = self.text[block.start : block.end].rstrip().endswith(":")
            self.lead_in = self._last_speaker(block, quotes) if ends_lead_in else None
        return out

    def _last_speaker(self, block: Block, quotes: list[tuple[int, int]]) -> Attribution | None:
        """The last speaker a block names, read sentence by sentence from its end (each read once)."""
        for s in reversed(sentences(self.text, block)):
            said = attributions(self.text, self.low, s.start, s.end, quotes)
            if said:
                return said[-1][1].resolve(self.previous)
        return None

    def sentence(
        self, s: Sentence, quotes: list[tuple[int, int]], speakers: list[Attribution | None]
    ) -> list[Candidate]:
        said = [
            (at, a.resolve(self.previous))
            for at, a in attributions(self.text, self.low, s.start, s.end, quotes)
        ]
        resolved = [(at, a) for at, a in said if a is not None]
        found = figures(self.reading, self.low, s.start, s.end, self.hedges, self.vocabulary)
        out: list[Candidate] = []
        found = elided(self.low, [f for f in found if not in_areas(self.low, s.start, f)])
        heads = tuple(
            chain[0][0].start for chain in chains(self.low, found)
        )  # a chain shares its place
        if self.body is None:
            self.unscanned.append((s.start, s.end))  # read for a known body only when one is needed
        known_here = [self.gazetteer.normalise(p) for _, p in self._context(s).places]
        self.sentence_place = next((p for p in known_here if known(self.gazetteer, p)), ())
        self.context = attrs.evolve(self._context(s), starts=heads)
        previous: tuple[Figure, str] | None = None
        for read in chains(self.low, found):
            told = told_apart(self.reading, self.low, [f for f, _ in read], self.vocabulary)
            chain = [(f, part) for f, (_, part) in zip(told, read, strict=True)]
            metric = metric_for(self.low, s.start, s.end, chain)
            if (
                metric is None
                and previous is not None
                and (
                    listed(self.low, previous[0], chain[0][0])
                    or _OPEN_PAREN.fullmatch(self.low, previous[0].end, chain[0][0].start)
                    or _ALONG.fullmatch(self.low, previous[0].end, chain[0][0].start)
                )
            ):
                metric = previous[
                    1
                ]  # "61 died in the capital, 40 in the north", "12,400 people (2,100 households)"
            anaphor = self._anaphor(s, chain[0][0], out) if metric is None else None
            if (
                anaphor is not None
            ):  # "the number has increased to 8,500", "the figure included 18,000 rebels"
                metric = anaphor.claim.metric.name
            if metric is not None:
                previous = (chain[-1][0], metric)
            parent: str | None = None
            alone = all(f.article for f, _ in chain)
            made: list[Candidate] = []
            for fig, is_part in chain:
                if alone and (
                    metric is None or not is_casualty(metric) or fig.counted not in _PERSONS
                ):
                    continue  # "a child was killed" is a figure; "a rink was hit", "an attack killed" are not
                who = figure_of(self.text, self.low, fig.end) or self._speaker(
                    fig.start, quotes, speakers, resolved
                )
                noun = METRIC_NOUN.match(self.low, fig.end) if fig.bare else None
                own = (
                    TRIGGERS[noun.group(1)] if noun is not None else metric
                )  # "cases, including 17 deaths"
                if own in _LOCATING and fig.metric == "displaced":
                    own = fig.metric  # "a camp hosting 20,000 internally displaced persons": displaced, wherever hosted
                if fig.counted in {
                    "cases",
                    "infections",
                }:  # "19 Nipah virus cases": cases of people, whatever the verb
                    own, fig = "cases", attrs.evolve(fig, counted="people")  # noqa: PLW2901 - the figure, read
                of = (
                    parent
                    if is_part
                    else (
                        anaphor.claim.id
                        if anaphor is not None
                        and (
                            opens_parts(self.low, s.start, fig.start)
                            or breaks_down(self.low, anaphor.end, chain[0][0].start)
                        )
                        else None
                    )
                )
                candidate = self._candidate(s, fig, own, who, of)
                if candidate is not None:
                    made.append(candidate)
                    if not is_part:
                        parent = candidate.claim.id
            out += with_total(self, made)
        out = breakdown(self, s, out)
        self.last = out[-1] if out else self.last
        self.referent = out[-1] if out else self.referent
        placed = [
            (at, self.completed(self.gazetteer.normalise(p))) for at, p in self._context(s).places
        ]
        placed = [(at, p) for at, p in placed if known(self.gazetteer, p)]
        named = [p for _, p in placed]
        self.countries.update(k[0] for k in map(self.gazetteer.key, named) if len(k) == 1)
        totals = [
            c.claim.scope.place
            for c in out
            if c.claim.scope.place
            and any(
                d.part_of == c.claim.id and d.claim.scope.place != c.claim.scope.place for d in out
            )
        ]
        if named:
            self.paragraph_place = self._narrowest(placed)
            first, head = self.gazetteer.key(named[0]), self.gazetteer.key(self.heading_place)
            if (
                not self.refined
                and not self.past_lead
                and (not head or (len(first) > len(head) and first[: len(head)] == head))
            ):
                self.heading_place = named[
                    0
                ]  # a story's lead's first place is its place, if more precise than its heading's
                self.refined = True
        if totals:
            self.paragraph_place = totals[
                -1
            ]  # after "77 died, most in A (39) and B (17)": the total's place
        for _, said_by in resolved:
            self.previous = self.carried = said_by
        for (opening, _closing), who in zip(quotes, speakers, strict=True):
            if s.start <= opening < s.end and who is not None and who.source is not None:
                self.previous = self.carried = who
        return out

    def _narrowest(self, placed: list[tuple[int, tuple[str, ...]]]) -> tuple[str, ...]:
        """The last place a sentence names, or the place it follows in apposition ("in Borno State, north-eastern Nigeria")."""
        if len(placed) > 1:
            (before, inner), (at, outer) = placed[-2], placed[-1]
            key, within = self.gazetteer.key(outer), self.gazetteer.key(inner)
            if (
                len(within) > len(key)
                and within[: len(key)] == key
                and _APPOSITION.fullmatch(self.text, before, at)
            ):
                return inner
        return placed[-1][1]

    def named_body(self) -> Attribution | None:
        """The first known body the paragraph names so far ("UNHCR is calling for calm"): its speaker.

        Only a member body of the organisation whose own channel the outlet is (:func:`member_named`,
        ANNOTATION.md rule 18b). The sentences are read for one only when a figure needs it, in order,
        each once.
        """
        while self.body is None and self.unscanned:
            start, end = self.unscanned.pop(0)
            self.body = member_named(self.outlet, self.text, start, end)
        return self.body

    def _anaphor(self, s: Sentence, fig: Figure, out: list[Candidate]) -> Candidate | None:
        """The figure a number with no metric refers back to: "the number has risen to N", "the toll included N".

        The referent is the last figure read before it (in its sentence, else in the text so far: wire
        stories give one sentence a paragraph), which lends its metric; after "included" the number is a
        part of it.
        """
        before = [c for c in out if c.end <= fig.start]
        if before and breaks_down(self.low, before[-1].end, fig.start):
            return before[-1]  # "1,234 people were killed: 800 civilians and 434 combatants"
        if not refers_back(self.low, s.start, fig.start):
            return None
        return before[-1] if before else self.referent

    def _speaker(
        self,
        at: int,
        quotes: list[tuple[int, int]],
        speakers: list[Attribution | None],
        said: list[tuple[int, Attribution]],
    ) -> Attribution | None:
        for (a, b), who in zip(quotes, speakers, strict=True):
            if a < at < b and who is not None:
                resolved = who.resolve(self.previous)
                if resolved is not None:
                    return resolved
        before = [a for pos, a in said if pos < at]
        if before:
            return before[-1]
        after = [a for pos, a in said if pos > at and a.reaches_back]
        if after:
            return after[0]
        return (
            self.carried or self.cited or self.lead_in or self.named_body() or self.heading_source
        )

    def _candidate(
        self,
        s: Sentence,
        fig: Figure,
        metric: str | None,
        who: Attribution | None,
        part_of: str | None,
    ) -> Candidate | None:
        implied = counted_metric(fig.counted) if metric is None and not fig.estimate.unit else None
        if implied is not None:
            metric, fig = implied[0], attrs.evolve(fig, counted=implied[1])
        name = metric if metric is not None else unit_metric(fig.estimate)
        if name is None or (fig.estimate.unit and is_window(self.low, s.start, fig)):
            return None
        if unit_metric(fig.estimate) == "share":
            return None  # "66% are under 19", "62 per cent of the fatalities": a share, not a count (listed as not read)
        if fig.estimate.unit:
            unit_name = measured(self.low, s.start, fig, name)
            chosen: tuple[str, str | None] | None = (
                (unit_name, None) if unit_name is not None else None
            )
        else:
            grounded = name == "destroyed" and on_the_ground(self.low, fig.end, s.end)
            chosen = counted_for(name, fig.counted, grounded=grounded)
        if chosen is None:
            return None
        metric_name, counted = chosen
        source, via = self.chain_of(who)
        stated = period = None
        context = self._dated(s, self.published) if self.published is not None else self._context(s)
        if self.published is not None and context.stated is not None and context.days is not None:
            stated = context.stated
            period = period_at(context.days, fig.start, self.published, self.tz)
            if period is not None and stated.before(period):
                period = None
        place = self._place(s, fig, context)
        source = of_region(source, place)
        try:
            claim = Claim(
                id=self.make_id(source, metric_name, counted),
                metric=self.vocabulary.metric(metric_name),
                estimate=fig.estimate,
                scope=Scope(place=place, counted=counted),
                period=period,
                stated=stated,
                source=source,
                via=via,
                quote=" ".join(self.text[s.start : s.end].split()),
                location=f"paragraph {s.block.paragraph}, characters {fig.start}-{fig.end}",
                part_of=part_of,
            )
        except ClaimdiffError:
            return None
        return Candidate(
            claim=claim,
            start=fig.start,
            end=fig.end,
            phrase=self.text[fig.start : fig.end],
            part_of=part_of,
            headline=self.headline,
        )

    def _context(self, s: Sentence) -> Context:
        """What a sentence says of time and place, read once for all the figures in it."""
        if self.context is None or self.context.sentence is not s:
            self.context = Context(
                s, places_named(self.text, s.start, s.end, self.gazetteer), None, None, ()
            )
        return self.context

    def _dated(self, s: Sentence, published: dt.date) -> Context:
        """The sentence's context with the days it names read (only for sentences with a figure to date)."""
        context = self._context(s)
        if context.stated is None:
            self.context = context = attrs.evolve(
                context,
                stated=stated_period(self.low, s.start, s.end, published, self.tz, s.block.hour),
                days=days_named(self.low, s.start, s.end, published),
            )
        return context

    def chain_of(self, who: Attribution | None) -> tuple[Source, tuple[Source, ...]]:
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
        named = self.names.get(source)
        if (
            named is None
        ):  # the alias table is folded on every lookup: each source is looked up once per text
            name = canonical_source(source.name, self.aliases)
            named = self.names[source] = (
                source if name == source.name else attrs.evolve(source, name=name)
            )
        return named

    def make_id(self, source: Source, metric: str, counted: str | None) -> str:
        who = "-".join(re.findall(r"[a-z0-9]+", source.name.lower())[:3]) or "source"
        what = "-".join(re.findall(r"[a-z0-9]+", f"{metric} {counted or ''}".lower()))
        base = f"{who}-{what}"
        n = self.ids.get(base, 0) + 1
        self.ids[base] = n
        return base if n == 1 else f"{base}-{n}"


#: A place, then the place it lies in: "Borno State, north-eastern Nigeria", "Juba, South Sudan".
_APPOSITION = re.compile(r"[^,;.()]{1,40},\s+(?:in\s+)?(?:the\s+)?(?:[a-z][\w-]*\s+)?")
_HEADING_SOURCE = re.compile(r"\((?P<who>[A-Za-z][\w .'’-]{1,40})\)\s*$")
#: A photo caption: "A Sep. 20, 2012 photo shows ...", "(Photo: ...)", "File photo", "(Xinhua/Name)".
_CAPTION = re.compile(
    r"^\W*(?:(?:an?|the)\s+)?(?:[\w.,]+\s+){0,5}?(?:photo|picture|image|photograph)\s+(?:shows|taken)\b|"
    r"^\s*FILE\s*[-–—:]\s|^\W*(?:this|the|a)\s+(?:file\s+)?(?:photo|picture|image)\b[^.]{0,100}?\bshows\b|"
    r"^\W*(?:file\s+)?photo\s*:",
    re.IGNORECASE,
)
#: A photo credit closing a caption (matched anywhere, the caption's other forms at its start).
_CAPTION_CREDIT = re.compile(
    r"\((?:AP|Reuters|AFP|Xinhua|EPA|Getty)\s*(?:Photo)?/[^()]{2,60}\)\s*$", re.IGNORECASE
)


#: A citation closing a paragraph: "(UN RC for Mozambique, 9 Mar 2019)", "(OCHA, 22 Jun 2022)", "(WHO data)".
_CITATION = re.compile(
    r"\((?P<who>[A-Z][^(),;:]{1,60}?)(?:,\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+"
    r"\d{4}|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})|\s+(?:data|figures|estimates))\)\.?\s*$"
)


#: "78 schools have been damaged along with 6 bridges": the figures after "along with" share the verb.
_ALONG = re.compile(r"[^,;.]{0,40}?\s+along\s+with\s+")
_OPEN_PAREN = re.compile(r"\s*\(\s*(?:or\s+|i\.e\.\s+)?")
#: A verb that says where people are, not what happened to them: a participle in the noun phrase says that.
_LOCATING = frozenset({"hosted"})
#: Who "a"/"an" counts as one of the dead or hurt: people, not the attack or the building.
# fmt: off
_PERSONS = frozenset(
    {"people", "children", "women", "men", "civilians", "soldiers", "officers", "workers", "residents",
     "police officers", "policemen", "servicemen", "patients", "girls", "boys", "babies", "infants",
     "journalists", "medics", "doctors", "nurses", "teachers", "students", "farmers", "fishermen",
     "firefighters", "rescuers", "volunteers", "pilgrims", "refugees", "migrants", "adults", "teenagers"}
)
# fmt: on


_DATES = re.compile(
    r"\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\b[A-Z][a-z]{2,8}\.?\s+\d{4}|\b(?:19|20)\d\d\b"
)
