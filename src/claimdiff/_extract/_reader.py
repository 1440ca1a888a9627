"""Reading a text block by block and sentence by sentence: each figure made a candidate claim.

The reader carries what a text has said so far into each sentence and makes each figure a
candidate: its metric (:mod:`._metrics`), the parts it opens ("including N"), then the claim it
makes (:mod:`._making`). What a block is (heading, caption, citation) is read in :mod:`._blocks`;
who said each figure in :mod:`._crediting`; where it is in :mod:`._placing`.
"""

from __future__ import annotations

import re

import attrs

from claimdiff._extract._attribution import figure_of
from claimdiff._extract._blocks import closing_citation, heading_source, is_caption, is_heading
from claimdiff._extract._breakdown import by_sex
from claimdiff._extract._candidate import Candidate
from claimdiff._extract._clauses import (
    breaks_down,
    in_areas,
    opens_parts,
    refers_back,
)
from claimdiff._extract._coordinated import share_hedge, shared_in_chain
from claimdiff._extract._elided import METRIC_NOUN, elided
from claimdiff._extract._figures import Figure, figures
from claimdiff._extract._fronted import subject_metric
from claimdiff._extract._kinds import told_apart
from claimdiff._extract._labels import labelled, section_metric
from claimdiff._extract._leads import (
    item_metric,
    last_metric_word,
    lead_metric,
    respective,
    respectively,
)
from claimdiff._extract._levels import leveled
from claimdiff._extract._line_label import LABEL as _LABEL
from claimdiff._extract._making import Making
from claimdiff._extract._metrics import chains, metric_for
from claimdiff._extract._noun import STRIKES
from claimdiff._extract._partitives import OF_WHOM
from claimdiff._extract._place import known, places_named
from claimdiff._extract._place_choice import bulleted, heading_places, narrowest_nested
from claimdiff._extract._place_path import place_path as _path
from claimdiff._extract._population import populated
from claimdiff._extract._previous import shares_previous
from claimdiff._extract._quotes import quote_speakers
from claimdiff._extract._recording import is_casualty
from claimdiff._extract._sources import Attribution, source_kind
from claimdiff._extract._story_lead import dated_caption, lead_read, story_read
from claimdiff._extract._structures import breakdown, with_total
from claimdiff._extract._tallies import counts_one, tally_metric
from claimdiff._extract._text import Block, Sentence, quotations, quotes_opening, sentences
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._extract._unread import AREA_NOUNS
from claimdiff._model.claim import Source


@attrs.define(kw_only=True)
class _Reader(Making):
    """State carried through one text: the figures of each sentence made candidates, with their metric and parts.

    Who said each figure, and under which name, is :class:`~claimdiff._extract._crediting.Crediting`'s;
    where it is, :class:`~claimdiff._extract._placing.Placing`'s; the claim each figure makes,
    :class:`~claimdiff._extract._making.Making`'s.
    """

    reading: str  # the text with numbers made readable ("5 576" -> "5,576"); same offsets
    last: Candidate | None = (
        None  # the last candidate of the block: the total a list in the next sentence breaks down
    )
    section_metric: str | None = None  # "Iraqi Deaths": the metric the last heading names
    past_lead: bool = False  # whether the lead (the first block after the headings) has been read
    captions: list[tuple[int, int]] = attrs.Factory(
        list
    )  # photo captions: never a source, never a figure
    referent: Candidate | None = (
        None  # the last candidate of the text so far: what "the number rose to" is of
    )
    counted_last: str | None = None  # the metric of the last figure read that is no part
    lead_metric: str | None = None  # "The following casualties were reported:": the list's metric

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
        if is_caption(body):
            self.captions.append((block.start, block.end))
            return []
        self.headline = block.heading
        heading = is_heading(block, body)
        if heading:
            self.section_metric = section_metric(self.low, block.start, block.end)
            self.heading_named = (
                block.start,
                block.end,
                places_named(self.text, block.start, block.end, self.gazetteer),
            )
            named = [self.gazetteer.normalise(p) for _, p in self.heading_named[2]]
            label = _LABEL.match(self.text, block.start)
            if label is not None:
                named.insert(0, self.gazetteer.normalise(_path(None, label.group("p")) or ()))
            named = [*heading_places(self.text, block.start, block.end, self.gazetteer), *named]
            self.heading_source = heading_source(body)
            named = [p for p in named if known(self.gazetteer, p)]
            if named:
                self.heading_place = narrowest_nested(self.gazetteer, named)
                self.countries.add(self.gazetteer.key(named[0])[0])
        self.cited = closing_citation(body)
        quotes = quotations(self.text, block)
        speakers = quote_speakers(self.text, self.low, quotes, block.start, block.end)
        out: list[Candidate] = []
        self.carried = self.carried_into(block)
        for sentence in sentences(self.text, block):
            out += self.sentence(sentence, quotes, speakers)
        self.past_lead = self.past_lead or lead_read(self, body, heading=heading)
        if not block.list_item:
            ends_lead_in = self.text[block.start : block.end].rstrip().endswith(":")
            self.lead_in = self.last_speaker(block, quotes) if ends_lead_in else None
        if not (block.list_item or block.heading) or self.low.endswith(":", block.start, block.end):
            last = out[-1].claim.metric.name if out else None
            self.lead_metric = lead_metric(self.low, block.start, block.end, last)
        return out

    def sentence(
        self, s: Sentence, quotes: list[tuple[int, int]], speakers: list[Attribution | None]
    ) -> list[Candidate]:
        resolved = self.speakers_of(s, quotes)
        found = figures(self.reading, self.low, s.start, s.end, self.hedges, self.vocabulary)
        out: list[Candidate] = []
        found = elided(self.low, [f for f in found if not in_areas(self.low, s.start, f)])
        found = share_hedge(self.low, found, self.hedges)  # "at least 30 killed and 60 injured"
        found = [populated(self.reading, self.low, f, self.hedges) for f in found]
        found = [
            leveled(self.low, s.start, s.end, f, self.vocabulary) if f.bare else f for f in found
        ]
        read_chains = chains(self.low, found)  # read once: for the heads, then chain by chain
        heads = tuple(chain[0][0].start for chain in read_chains)  # a chain shares its place
        if self.body is None:
            self.unscanned.append((s.start, s.end))  # read for a known body only when one is needed
        normalised = [(at, self.gazetteer.normalise(p)) for at, p in self._context(s).places]
        self.sentence_place = next((p for _, p in normalised if known(self.gazetteer, p)), ())
        self.context = attrs.evolve(self._context(s), starts=heads)
        previous: tuple[Figure, str] | None = None
        tallied = False  # whether the sentence has counted things acted on with numerals
        whole: str | None = (
            None  # the last figure read that is no part: what "including N" is a part of
        )
        for read in read_chains:
            told = told_apart(self.reading, self.low, [f for f, _ in read], self.vocabulary)
            chain = [(f, part) for f, (_, part) in zip(told, read, strict=True)]
            metric = metric_for(self.low, s.start, s.end, chain)
            if metric is not None and is_casualty(metric):  # "at least 3 soldiers and 2 militants"
                chain = shared_in_chain(chain, self.hedges)
            label = (
                labelled(self.low, s.start, chain[0][0].start, self.vocabulary)
                if metric is None and len(chain) == 1 and chain[0][0].bare
                else None
            )
            if (
                metric is None
                and label is None
                and self.section_metric is not None
                and chain[0][0].bare
                and _OPENS_BLOCK.fullmatch(self.text, s.block.start, chain[0][0].start)
            ):  # under the heading "Iraqi Deaths", a paragraph opening "140,000-150,000 - estimate by ..."
                metric = self.section_metric
            if metric is None and label is None and (s.block.list_item or s.block.heading):
                # under "The following casualties were reported:", "- Region A: 12"
                metric = item_metric(self.low, s.block.start, chain[-1][0].end, self.lead_metric)
            if label is not None:  # "Affected families: 3,400", "Dead: 14"
                metric = label[0]
                if label[1] is not None:
                    chain = [(attrs.evolve(chain[0][0], counted=label[1], bare=False), False)]
            if (
                metric is None
                and previous is not None
                and shares_previous(self.low, previous[0], [f for f, _ in chain], s.end)
            ):  # "61 died in the capital, 40 in the north", "12,400 people (2,100 households)"
                metric = previous[1]
            elif metric is None and self.counted_last is not None and by_sex(self.low, chain):
                metric = (
                    self.counted_last
                )  # a breakdown by sex "(26 male, 22 female)" of the last whole
            included = (
                metric is None
                and previous is not None
                and whole is not None
                # "deployed in affected areas (including 8 states)": areas are where, never a part
                and not _AREAS.fullmatch(chain[0][0].counted or "")
                and (
                    _INCLUDED.fullmatch(self.low, previous[0].end, chain[0][0].start) is not None
                    or (  # "1.65 million people have been displaced, around 814,000 of whom are in A"
                        chain[0][0].bare
                        and OF_WHOM.match(self.low, chain[0][0].end) is not None
                        and _LIST_GAP.fullmatch(self.low, previous[0].end, chain[0][0].start)
                        is not None
                    )
                )
            )
            if included and previous is not None:
                metric = previous[
                    1
                ]  # "forced 3,000 people from their homes, including 1,200 children"
            if (
                metric is None
                and chain[0][0].bare
                and respectively(self.low, chain[-1][0].end, s.end)
            ):
                # "hardest hit in terms of fatalities, with 36, 28 and 23 respectively"
                metric = last_metric_word(self.low, s.start, chain[0][0].start)
                chain = respective(self.low, s.start, chain, self.vocabulary)
            if metric is None and len(chain) == 1 and chain[0][0].bare:
                # "Cases were reported by Greece (5) and Italy (1)": the clause's subject is the metric
                metric = subject_metric(self.low, s.start, chain[0][0].start, chain[0][0].end)
            if metric is None and tallied:  # "and destroyed an ISIL vehicle"
                metric = tally_metric(self.low, s.start, chain[0][0], previous)
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
                if not counts_one(self.low, s.start, fig, metric, alone=alone, tallied=tallied):
                    # "a child was killed" is a figure; "a rink was hit", "an attack killed" are not
                    continue
                who = figure_of(self.text, self.low, fig.end) or self._speaker(
                    fig.start, quotes, speakers, resolved
                )
                noun = METRIC_NOUN.match(self.low, fig.end) if fig.bare else None
                own = (
                    TRIGGERS[noun.group(1)] if noun is not None else metric
                )  # "cases, including 17 deaths"
                if noun is None and not is_part and fig is not chain[0][0] and fig.metric:
                    own = fig.metric  # "2,500 evacuated people and two injured persons"
                if own in _LOCATING and fig.metric == "displaced":
                    own = fig.metric  # "a camp hosting 20,000 internally displaced persons": displaced, wherever hosted
                if fig.counted in _CASE_NOUNS:
                    # "19 Nipah virus cases": cases of people, whatever the verb; a part of a casualty
                    # figure keeps its metric ("11,744 people injured, including 1,192 serious cases")
                    own = own if (is_part or included) and own in _TOLLS else "cases"
                    fig = attrs.evolve(fig, counted="people")  # noqa: PLW2901 - the figure, read
                of = (
                    parent
                    if is_part
                    else whole
                    if included
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
            tallied = tallied or any(  # things acted on counted with numerals, or strikes: a tally
                (not f.article or f.counted in STRIKES)
                and metric is not None
                and not is_casualty(metric)
                for f, _ in chain
            )
            whole = next((c.claim.id for c in made if c.part_of is None), whole)
            # "caused 506 cases": the metric the noun gave, which the parts after it share
            if made and made[0].claim.metric.name == "cases":
                previous = (chain[-1][0], "cases")
        out = breakdown(self, s, out)
        self.last = out[-1] if out else self.last
        self.referent = out[-1] if out else self.referent
        whole_metrics = [c.claim.metric.name for c in out if c.part_of is None]
        self.counted_last = whole_metrics[-1] if whole_metrics else self.counted_last
        placed = [(at, self.beside(at, self.completed(p))) for at, p in normalised]
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
            # a bulleted item is no lead: a list's items are told apart (a chronology's entries)
            bullet = s.block.list_item and bulleted(self.text, s.block.start)
            caption = dated_caption(self.text[s.block.start : s.block.end])
            story_read(self, named, past_lead=self.past_lead or bullet or caption)
            self.read_event(s, placed)
        if totals:
            self.paragraph_place = totals[
                -1
            ]  # after "77 died, most in A (39) and B (17)": the total's place
        for _, said_by in resolved:
            self.previous = self.carried = said_by
        for who in (speakers[i] for i in quotes_opening(quotes, s.start, s.end)):
            if who is not None and who.source is not None:
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
            if within != key and _JOINED.fullmatch(self.text, before, at):
                # "damage in the states of Puebla and Morelos and in the Mexico City area": the
                # paragraph goes on about them all, at what they share (rule 19)
                n = 0
                while n < min(len(key), len(within)) and key[n] == within[n]:
                    n += 1
                return (outer if len(key) <= len(within) else inner)[:n]
        return placed[-1][1]

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


#: A place, then the place it lies in: "Borno State, north-eastern Nigeria", "Juba, South Sudan".
#: Between two places of a sentence: "and" joining them ("Puebla and Morelos", "in A, and in B").
_JOINED = re.compile(r"[^;.()]{0,60}?\sand\s(?:in\s)?(?:the\s)?")
_APPOSITION = re.compile(r"[^,;.()]{1,40}(?:,\s+(?:in\s+)?(?:the\s+)?(?:[a-z][\w-]*\s+)?|\s)")


#: "N people ..., including M children": a part of the figure before, in the same clause (no figure between).
_INCLUDED = re.compile(
    r"[^.;:()\d]{0,80}?(?:,\s*|\s*\(\s*)(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+"
)
#: After a number, "of whom" / "of them": the number is a part of the figure before ("814,000 of whom are in A").
_AREAS = re.compile(AREA_NOUNS)
#: Before a figure that opens its paragraph: nothing but a bullet, a quotation mark or spaces.
_OPENS_BLOCK = re.compile(r"[\s\-–—•*\"“']*")
#: Between a figure and a part of it said with "of whom": the rest of the clause, then a comma.
_LIST_GAP = re.compile(r"[^.;:()\d]{0,80}?,\s*(?:and\s+)?")
#: The metrics of a toll: "serious cases" among the injured are injured people, not cases of a disease.
_TOLLS = frozenset({"killed", "injured", "casualties", "hospitalised"})
#: A verb that says where people are, not what happened to them: a participle in the noun phrase says that.
_LOCATING = frozenset({"hosted"})
#: The nouns of cases of a disease, one or many ("1 case", "19 Nipah virus cases"): cases of people.
_CASE_NOUNS = frozenset({"cases", "infections", "case", "infection"})
