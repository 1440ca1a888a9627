"""Making one figure a candidate claim: its metric and counted thing, period, place, origin and quote.

The sentence's reading (:mod:`._reader`) chooses each figure's metric from the words around it; here
the figure becomes a :class:`~claimdiff.Claim`: its unit's metric, the thing it counts (razed or
destroyed, :func:`~._metrics.counted_for`), the days the sentence names (read once per sentence with a
figure to date), its place (:mod:`._placing`) and its origin and outlets (:mod:`._crediting`).
"""

from __future__ import annotations

import datetime as dt

import attrs

from claimdiff._extract._candidate import Candidate
from claimdiff._extract._counted_metrics import implied_metric
from claimdiff._extract._crediting import Crediting
from claimdiff._extract._demonyms import foreign_demonym
from claimdiff._extract._elided import elided_noun
from claimdiff._extract._figures import Figure
from claimdiff._extract._measured_acts import measured_act
from claimdiff._extract._metrics import is_window, measured, unit_metric
from claimdiff._extract._nations import of_nation
from claimdiff._extract._place import places_named
from claimdiff._extract._recording import counted_for, on_the_ground
from claimdiff._extract._sentence_context import Context
from claimdiff._extract._sources import Attribution, of_region
from claimdiff._extract._text import Sentence
from claimdiff._extract._time import days_named, period_at, stated_period
from claimdiff._model.claim import Claim, Scope
from claimdiff._model.hedges import HedgePolicy
from claimdiff._model.vocabulary import Vocabulary
from claimdiff.exceptions import ClaimdiffError


@attrs.define(kw_only=True)
class Making(Crediting):
    """What a text's reading needs to make a figure a claim: the publication date, the tables, the sentence read."""

    published: dt.date | None
    tz: dt.tzinfo
    hedges: HedgePolicy
    vocabulary: Vocabulary
    #: what the sentence being read says of time and place (read once for all its figures)
    context: Context | None = None
    #: whether the block being read is a heading
    headline: bool = False
    # the span of the last heading and the places it names (the places of its sentence, if it is one)
    heading_named: tuple[int, int, list[tuple[int, tuple[str, ...]]]] | None = None

    def _candidate(
        self,
        s: Sentence,
        fig: Figure,
        metric: str | None,
        who: Attribution | None,
        part_of: str | None,
    ) -> Candidate | None:
        implied = (
            implied_metric(self.low, s.start, fig)
            if metric is None and not fig.estimate.unit
            else None
        )
        if implied is not None:
            metric, fig = implied[0], attrs.evolve(fig, counted=implied[1])
        name = metric if metric is not None else unit_metric(fig.estimate)
        if name is None or (fig.estimate.unit and is_window(self.low, s.start, fig)):
            return None
        if unit_metric(fig.estimate) in _NO_CLAIM_UNITS:
            # "66% are under 19": a share, not a count; "the fighting lasted two hours", "21 days of
            # follow-up": a length of time, never a figure of the event (ANNOTATION.md rule 2; listed as not read)
            return None
        if fig.estimate.unit:
            unit_name = measured(self.low, s.start, fig, name)
            if (
                unit_name is not None
            ):  # "11,198 ha of crops destroyed": lost; "provided 22 tons": delivered
                unit_name = measured_act(self.low, s.start, s.end, fig, unit_name)
            chosen: tuple[str, str | None] | None = (
                (unit_name, None) if unit_name is not None else None
            )
        else:
            grounded = name == "destroyed" and on_the_ground(self.low, fig.end, s.end)
            chosen = counted_for(name, fig.counted, grounded=grounded)
            if chosen is None and fig.bare:
                # "Further drones were destroyed ..., with three intercepted": the noun left out is
                # the last thing the sentence counts before the number
                chosen = counted_for(
                    name,
                    elided_noun(self.low, s.start, fig.start, self.vocabulary),
                    grounded=grounded,
                )
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
        counted = of_nation(
            self.low, self.gazetteer, fig, counted, place or self.sentence_place, self.countries
        )
        counted = foreign_demonym(
            self.low, self.gazetteer, fig, counted, place or self.sentence_place, self.countries
        )
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
            heading = self.heading_named
            places = (
                heading[2]  # a heading of one sentence: its places, read for the heading
                if heading is not None and heading[:2] == (s.start, s.end)
                else places_named(self.text, s.start, s.end, self.gazetteer)
            )
            self.context = Context(s, places, None, None, ())
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


#: The metrics a unit alone gives that are never a claim: shares of a whole, lengths of time.
_NO_CLAIM_UNITS = frozenset({"share", "duration"})
