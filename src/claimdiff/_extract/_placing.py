"""Where a figure is: the place its clause names, completed by the paragraph's, the heading's and the text's.

A place the gazetteer does not know is put under the place around it ("Punjab province" after Sindh is
Pakistan's); a city below the first-level subdivision is found in GeoNames, within the countries the text
names; a place set before a clause ("In Thailand, ...") is its figures' only.
"""

from __future__ import annotations

import attrs

from claimdiff._extract._breakdown import Item, items
from claimdiff._extract._cities import below_region, city_named, needs_city
from claimdiff._extract._clauses import FINITE, LOWER_WORD
from claimdiff._extract._figures import Figure
from claimdiff._extract._gazetteer_reads import around_town
from claimdiff._extract._line_label import LABEL as _LABEL
from claimdiff._extract._line_label import label_place
from claimdiff._extract._nations import countries_written
from claimdiff._extract._place import known
from claimdiff._extract._place_choice import fronted, place_at, sentence_place
from claimdiff._extract._place_owner import country_owning, owns_a_body
from claimdiff._extract._place_words import (
    ARTICLE,
    CIRCUMSTANCE,
    CONTRAST,
    ELSEWHERE,
    EVENT_AFTER,
    EVENT_BEFORE,
    EVENT_CLAUSE,
    LISTED,
    MOSTLY,
    NAMED_EVENT,
    NEAR,
    NEAR_TOWN,
    PART_BEFORE,
    PART_NAMED,
    PART_OF,
    POSSESSIVE_MARK,
    REPORTS,
    SEA,
    SPANNING,
    SPREAD,
    place_end,
)
from claimdiff._extract._sentence_context import Context
from claimdiff._extract._text import Sentence
from claimdiff._extract._world_regions import world_region
from claimdiff._model.place_names import kind_of
from claimdiff._model.place_towns import countries_with
from claimdiff._model.places import DEFAULT_GAZETTEER, FIRST_LEVEL, Gazetteer, _iso

__all__ = ["Placing"]


@attrs.define(kw_only=True)
class Placing:
    """The places a text has named so far, and how a figure's place is completed from them."""

    text: str
    #: the text folded to lower case (same offsets)
    low: str
    #: a sentence's start, the spans of its lists by place, its end and the lists
    parts: tuple[int, list[tuple[int, int]], tuple[int, list[list[Item]]]] | None = None
    #: a sentence, and where it sets places before clauses
    fronted: tuple[Sentence, frozenset[int]] | None = None
    gazetteer: Gazetteer = DEFAULT_GAZETTEER
    refined: bool = False
    #: the first known place the sentence being read names
    sentence_place: tuple[str, ...] = ()
    #: the place a heading or the opening line names: the text's, until another
    heading_place: tuple[str, ...] = ()
    #: the last place a paragraph named: its next sentences'
    paragraph_place: tuple[str, ...] = ()
    #: the countries the text names (ISO codes): places are chosen in them
    countries: set[str] = attrs.Factory(set)
    #: memos: a town's path in the countries around it; a place completed in its context
    cities: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = attrs.Factory(dict)
    completions: dict[tuple[object, ...], tuple[str, ...]] = attrs.Factory(dict)
    #: the words the text writes in lower case (read once, when first needed)
    words: frozenset[str] | None = None
    #: the countries the text names, and names or writes the adjective of (read once, when needed)
    written: tuple[frozenset[str], frozenset[str]] | None = None
    #: the heading's place before the lead refined it
    unrefined: tuple[str, ...] | None = None
    #: the places the text gives its event ("the attack in the Sagaing area")
    events: list[tuple[str, ...]] = attrs.Factory(list)
    #: where the figures stand placed nowhere: their clause spans countries ("from 27 countries") or is at sea
    spanning: set[int] = attrs.Factory(set)
    #: where the figures stand whose place is a site "near" a town (rule 30)
    sites: set[int] = attrs.Factory(set)
    #: where the figures stand whose own clause or sentence names their country (no event's place narrows them)
    own_country: set[int] = attrs.Factory(set)
    #: where the figures stand whose place their own clause, sentence or line label names
    own_placed: set[int] = attrs.Factory(set)
    #: whether the story's lead put its event only in a settlement it does not name ("a town in central Mali")
    unnamed_lead: bool = False

    def _place(self, s: Sentence, fig: Figure, context: Context) -> tuple[str, ...]:
        """The figure's place: its clause's, else its line label's, completed by the paragraph's or heading's."""
        until = next(
            (f for f in context.starts if f > fig.start and not self._circumstance(f)),
            s.end,
        )
        semicolon = self.text.find(
            ";", fig.end, until
        )  # a place after a semicolon is another clause's
        until = semicolon if semicolon >= 0 else until
        clause_end = self.text.find(";", fig.end, s.end)
        clause_end = clause_end if clause_end >= 0 else s.end
        # "18,000 people in camps, while 58 camps in Assam ...": a contrasted clause with its own
        # figure is that figure's, and its places are not the figure's before it
        contrast = CONTRAST.search(self.text, fig.end, until) if until < clause_end else None
        if contrast is not None:
            until = clause_end = contrast.start()
        fronted = self._fronted(s, context)
        # "In Pakistan, 30 died; India reported 12 deaths": a place set before a clause is not the next's
        opened = self.text.rfind(";", s.start, fig.start)
        places = [
            (at, path)
            for at, path in context.places
            if (at <= fig.start or at not in fronted)
            and not self._of_parts(s, at, fig)
            and (at > opened or at not in fronted)
        ]
        later = [at for at, _ in places if until <= at < clause_end]
        if (
            later
            and not any(fig.start <= at < until for at, _ in places)
            and not FINITE.search(self.low, fig.end, later[0])
        ):
            until = (
                later[0] + 1
            )  # "14 deaths, 1 missing and 150,000 affected in Laos": the list's place
        own: tuple[str, ...] = place_at(places, fig.start, until, self.gazetteer)
        if not any(fig.start <= at < until for at, _ in places):
            before = [path for at, path in places if at < fig.start and at in fronted]
            if before:
                own = before[-1]  # the nearest place set before the figure's clause
        if not own:
            # "a contractor was killed and five were wounded after a drone struck a base near
            # Hasakah": the place of the event clause closing the sentence is all its figures'
            event = EVENT_CLAUSE.search(self.low, fig.end, clause_end)
            if event is not None:
                own = place_at(
                    [(at, path) for at, path in places if at > event.start()],
                    event.start(),
                    clause_end,
                    self.gazetteer,
                )
        if not own and _LABEL.match(self.text, s.block.start) is None:
            # "21 people have been killed, 1,500 injured and 7 are missing in Niigata Prefecture": a
            # clause naming no place takes the sentence's (ANNOTATION.md rule 19), the one place it
            # names; a line's label ("Benin: ...") comes first, as the line's own place
            own = sentence_place(self.low, places, fig.end, clause_end, self.gazetteer)
        if not own and SEA.search(self.text, fig.end, until):
            # "10 over the Black Sea": a sea is no place (G5), nor the country
            self.spanning.add(fig.start)
            return ()
        if not own and SPANNING.search(self.text, fig.end, clause_end):
            self.spanning.add(fig.start)  # "2600 cases ... reported from 27 countries": no place
            return ()
        if not own and ELSEWHERE.search(self.low, max(s.start, fig.start - 40), clause_end):
            return (
                self.heading_place
            )  # "eight others were killed elsewhere": not the paragraph's place
        if not own and (
            SPREAD.search(self.text, fig.end, clause_end)
            # "N cases from A, B and C districts, including M deaths": the sentence's list is the part's too
            or LISTED.search(self.text, max(s.start, opened), clause_end)
        ):
            # "700 displaced across four provinces": the country, not the last province named before
            return self.completed(())[:1]
        label = _LABEL.match(self.text, s.block.start)
        if label is not None and label.end() <= fig.start:
            labelled = label_place(self.text, s.block.start, self.gazetteer)
            if labelled is not None and not own:
                own = labelled
            elif labelled is not None and not known(self.gazetteer, own):
                own = (*labelled, *own)  # "Sudan: 12 killed in Darfur": Darfur in Sudan
        placed = self.completed(self.gazetteer.normalise(own), own[-1] if own else None)
        if not placed and not places:
            # "Niger's Ministry of Public Health notified WHO of 6179 cases"
            placed = self._body_owner(s, fig.start)
        if own:
            self.own_placed.add(fig.start)
        if (
            own
            and len(self.gazetteer.key(placed)) == 1
            and not any(
                path == own
                and (
                    PART_OF.search(self.low, max(0, at - 20), at) is not None
                    or PART_NAMED.match(self.low, at) is not None
                )
                for at, path in places
            )
        ):  # "missing in Indonesia": the country's figure, not one of the event's ("in western Turkey")
            self.own_country.add(fig.start)
        if any(
            path is own
            and (NEAR.match(self.low, at) or NEAR_TOWN.search(self.low, max(0, at - 30), at))
            for at, path in places
        ):
            self.sites.add(fig.start)  # "near Manbij": Aleppo, once told apart from other sites
        return placed

    def _body_owner(self, s: Sentence, at: int) -> tuple[str, ...]:
        """The one country whose own body reports the figure at ``at`` ("Niger's ministry notified ..."), else ``()``.

        "Niger's Ministry of Public Health notified WHO of 6179 cases": a country's body reporting a
        count reports its country's; read only for a figure the text places nowhere else (no clause,
        paragraph or heading place), as a body's country places what the text places nowhere
        (:mod:`._home`). A body acting ("Russia's defence ministry downed 20 drones") says whose it
        is, not where.
        """
        owners = set()
        for m in POSSESSIVE_MARK.finditer(self.text, s.start, at):
            owner = country_owning(
                self.gazetteer, self.text, max(s.start, m.start() - 40), m.start()
            )
            if (
                owner is not None
                and owns_a_body(self.text, m.end(), s.end)
                and REPORTS.search(self.low, m.end(), at) is not None
            ):
                owners.add(owner[1])
        return self.gazetteer.normalise(owners.pop()) if len(owners) == 1 else ()

    def _fronted(self, s: Sentence, context: Context) -> frozenset[int]:
        """Where the sentence sets a place before a clause (:func:`fronted`), read once for all its figures."""
        if self.fronted is None or self.fronted[0] is not s:
            self.fronted = (s, fronted(self.text, s.start, [at for at, _ in context.places]))
        return self.fronted[1]

    def beside(self, at: int, path: tuple[str, ...]) -> tuple[str, ...]:
        """The place named at ``at`` as the next sentences take it: a site "near" a town is the town's subdivision (rule 30)."""
        if NEAR.match(self.low, at) or NEAR_TOWN.search(self.low, max(0, at - 30), at):
            return around_town(self.gazetteer, path)
        return path

    def read_story(self, named: list[tuple[str, ...]], *, past_lead: bool) -> None:
        """The story's place from its lead's places: the narrowest, when they lie on one path inside the heading's.

        A story's lead (its first paragraph after the headings) names where its event is more
        precisely than the headline ("Nigeria: Dozens of Boko Haram Militants Killed", then "In
        Nigeria, gunmen ... attacked a military base in the northeastern town of Damboa"): the
        narrowest of its places, if each lies within the next, else its first, is the story's place
        when it lies inside the heading's. Read once, in the lead; a lead that goes on to name
        another country gives the story no place of its own.
        """
        if past_lead or not named:
            return
        keys = [self.gazetteer.key(p) for p in named]
        if self.refined:
            if (
                self.unrefined is not None
                and any(k[:1] != self.gazetteer.key(self.heading_place)[:1] for k in keys)
            ):  # a lead that goes on to another country ("... in Guinea; ... in Niger") is no one place's
                self.heading_place, self.unrefined = self.unrefined, None
            return
        deepest = max(range(len(keys)), key=lambda i: len(keys[i]))
        on_path = all(keys[deepest][: len(k)] == k for k in keys)
        chosen = named[deepest] if on_path else named[0]
        first, head = self.gazetteer.key(chosen), self.gazetteer.key(self.heading_place)
        if not head or (len(first) > len(head) and first[: len(head)] == head):
            self.heading_place, self.unrefined = chosen, self.heading_place
            self.refined = True

    def read_event(self, s: Sentence, placed: list[tuple[int, tuple[str, ...]]]) -> None:
        """Note the places a sentence gives the event ("the explosion happened in X", "X, where the quakes struck").

        A place "near" a town is the town's first-level subdivision (ANNOTATION.md rule 30).
        """
        for at, path in placed:
            before = EVENT_BEFORE.search(self.low, max(s.start, at - 90), at)
            if before is None and not EVENT_AFTER.match(self.low, place_end(self.low, at, s.end)):
                continue
            near = NEAR.match(self.low, at) is not None or (
                before is not None and "near" in before.group()
            )
            self.events.append(path[:2] if near and len(path) > 2 else path)
        for m in NAMED_EVENT.finditer(self.text, s.start, s.end):
            # "the 2011 Van earthquake", "the Beslan school siege": an event named after its place
            if known(self.gazetteer, m.group("p")):
                self.events.append(self.gazetteer.normalise(m.group("p")))

    def _circumstance(self, at: int) -> bool:
        """True when the figure at ``at`` is an article after a preposition ("in a blast"): it ends no clause."""
        return bool(
            ARTICLE.match(self.low, at) and CIRCUMSTANCE.search(self.low, max(0, at - 8), at)
        )

    def _of_parts(self, s: Sentence, at: int, fig: Figure) -> bool:
        """True when the place at ``at`` is a part's in a breakdown the figure is not in.

        "77 died, most of them in A (39) and B (17); three are missing": A and B are the parts'
        places, not the total's nor the next figure's; "23 deaths, mainly in C": C is where most
        died, not the place of all of them.
        """
        if fig.start < at and MOSTLY.search(self.text, max(s.start, at - 30), at):
            return True
        part = PART_BEFORE.search(self.low, max(s.start, at - 40), at)
        if part is not None and not part.start() <= fig.start < at:
            return True  # "370 killed, including 228 in Mexico City, and 6,000 injured": the part's
        if self.parts is None or self.parts[0] != s.start:
            runs = items(self.text, s.start, s.end)
            spans = [(r[0].start, r[-1].end) for r in runs if len(r) > 1]
            self.parts = (s.start, spans, (s.end, runs))
        return any(
            a - 7 <= at < b and not a <= fig.start < b for a, b in self.parts[1]
        )  # "in A (39)", "from A (2 cases)": the place's preposition stands before the item

    def runs_of(self, s: Sentence) -> list[list[Item]]:
        """The runs of list items by place in the sentence (:func:`items`), read again only if not read for it yet."""
        if self.parts is not None and (self.parts[0], self.parts[2][0]) == (s.start, s.end):
            return self.parts[2][1]
        return items(self.text, s.start, s.end)

    def completed(self, place: tuple[str, ...], written: str | None = None) -> tuple[str, ...]:
        """A place the gazetteer does not know, under the paragraph's or heading's; no place, theirs.

        A name below the country that is a city (from GeoNames, chosen in the countries of the
        context) is put within its country and first-level subdivision. ``written`` is the name as
        the text writes it (read again in the text's country when the gazetteer put it in another).
        """
        # read once for a place in one context (the places around it; the countries named so far,
        # which only grow): a sentence's places are completed for its figures, then for the next
        context = (
            self.paragraph_place,
            self.heading_place,
            self.sentence_place,
            len(self.countries),
        )
        found = self.completions.get((place, written, context))
        if found is None:
            found = self.completions[place, written, context] = self._in_town(
                self._completed(place, written)
            )
        return found

    def _in_town(self, path: tuple[str, ...]) -> tuple[str, ...]:
        """The path, put within its country and subdivision when its last name is a town's."""
        if not needs_city(self.gazetteer, path) or self._common_word(path[-1]):
            return path
        around = self._around()
        countries = tuple(
            c for c in (*self.gazetteer.key(around)[:1], *sorted(self.countries)) if c.isupper()
        ) or tuple(sorted(self.countries_written(by_adjective=False)))  # else those it names
        memo = self.cities.get((path, countries))
        if memo is None:
            memo = self.cities[path, countries] = below_region(self.gazetteer, path, countries)
        return memo

    def _common_word(self, name: str) -> bool:
        """True when the text also writes ``name`` in lower case ("police", "mobile"): a word before a town."""
        if (
            self.words is None
        ):  # the text's lower-case words, read once, on the first name asked about
            self.words = frozenset(LOWER_WORD.findall(self.text))
        return name.lower() in self.words

    def countries_written(self, *, by_adjective: bool = True) -> frozenset[str]:
        """The countries the text writes anywhere: by name ("Russia's ministry"), or also by adjective ("Ukrainian drones")."""
        if self.written is None:  # read once, on the first place asked about
            self.written = countries_written(self.text)
        return self.written[1] if by_adjective else self.written[0]

    def _foreign(self, place: tuple[str, ...]) -> bool:
        """True for a place below a country the text neither names nor calls by its adjective ("Beni" read as Bolivia's)."""
        key = self.gazetteer.key(place)
        return (
            known(self.gazetteer, place)
            and len(key) > 1
            and key[0] not in self.countries
            and key[0] not in self.countries_written()
        )

    def _has(self, country: str, name: str) -> bool:
        """True when ``country`` has a subdivision or a town called ``name``."""
        key = self.gazetteer.key((_iso()[1][country], name))
        return (len(key) > 1 and "-" in key[1]) or (
            not self._common_word(name) and city_named(name, [country]) is not None
        )

    def _around(self) -> tuple[str, ...]:
        """The place around a figure: its sentence's, else the paragraph's or heading's.

        A sentence's place in a country the text never names, where the paragraph or heading is in
        another, gives way to theirs.
        """
        outer = self.paragraph_place or self.heading_place
        mine, theirs = self.gazetteer.key(self.sentence_place)[:1], self.gazetteer.key(outer)[:1]
        if mine and theirs and mine != theirs and self._foreign(self.sentence_place):
            return outer  # "Beni" read as Bolivia's in a Congolese report is no context
        return self.sentence_place or outer

    def _at_home(self, name: str, country: str) -> tuple[str, ...]:
        """``name`` read within ``country``: its subdivision or town of that name, else the country alone."""
        home = self.gazetteer.normalise(_iso()[1][country])
        in_country = self.gazetteer.normalise((*home, name))
        key = self.gazetteer.key(in_country)
        if len(key) > 1 and "-" in key[1]:
            return in_country
        if not self._common_word(name) and city_named(name, [country]) is not None:
            return in_country
        return home

    def _completed(self, place: tuple[str, ...], written: str | None = None) -> tuple[str, ...]:
        if not place:
            return self.paragraph_place or self.heading_place
        wide = world_region(place[0])
        if wide is not None:
            return (wide,)  # "across Europe": a region spanning countries lies in none of them
        around = self._around()
        key = self.gazetteer.key(place)
        # The place itself vouches for no country: "a quake near Kashmir" is read in the text's country.
        outer = (
            self.paragraph_place or self.heading_place
            if self.gazetteer.key(around) == key
            else around
        )
        home = self.gazetteer.key(outer)[:1]
        foreign = self._foreign(place)
        if foreign and home and home[0].isupper() and key[0] != home[0]:
            # "Beni" in a Congolese report is not Bolivia's El Beni: a country never named is never
            # chosen; the name is read in the country of the context, else stays at that country
            return self._at_home(written or place[-1], home[0])
        named = (
            countries_with(place[0]) & self.countries_written()
            if len(place) == 1 and not known(self.gazetteer, place)
            else frozenset()
        )
        home = self.gazetteer.key(around)[:1] if named else ()
        if named and not (home and home[0].isupper() and self._has(home[0], place[0])):
            # "strikes on Gaza" in a text that names Israel and Palestinians: Palestine's, not
            # Mozambique's, nor Israel's though Israel is named nearer
            inside = {c for c in named if self._has(c, place[0])}
            if len(inside) == 1:
                return self.gazetteer.normalise((_iso()[1][inside.pop()], place[0]))
        if known(self.gazetteer, place) or not around:
            return self.gazetteer.normalise(place)
        if place[0] in around:
            return place
        in_country = self.gazetteer.normalise(
            (around[0], *place)
        )  # "Punjab province" after Sindh: Pakistan's
        if len(self.gazetteer.key(in_country)) > 1 and "-" in self.gazetteer.key(in_country)[1]:
            return in_country
        country = self.gazetteer.key(around)[:1]
        if (
            len(place) == 1
            and not self._common_word(place[0])
            and city_named(place[0], country) is not None
        ):
            # "In Juba" after "in Upper Nile state": a town the gazetteer knows lies in its own
            # region (or under its country alone), never in the region another clause named
            return in_country
        if len(place) == 1 and not self._common_word(place[0]):
            # "the southern town of Sderot" in a report from Gaza that names Israel: Israel's town
            holders = countries_with(place[0]) & self.countries_written(by_adjective=False)
            elsewhere = next(
                (
                    c
                    for c in sorted(holders)
                    if c not in country and city_named(place[0], [c]) is not None
                ),
                None,
            )
            if elsewhere is not None:
                return self.gazetteer.normalise((_iso()[1][elsewhere], place[0]))
        if kind_of(place[-1]) in FIRST_LEVEL:
            # "190 deaths in Taroudant Province" after "in Al Haouz Province": a unit named with a
            # first-level kind is another's peer, not within it; its region unknown, it stays under
            # its country (a county or a district lies within the region around it)
            return in_country
        # a place named elsewhere vouches for the country and its first-level subdivision only: one
        # below it, even in the same sentence, is rather the place's peer in a list ("13 deaths in
        # Marrakesh, 3 in Greater Casablanca")
        region = self.gazetteer.key(around)[1:2]
        return (
            self.gazetteer.normalise((*around[:2], *place))
            if region and "-" in region[0]
            else in_country
        )
