"""An attribution, and what a pointer back or a person named again resolves to.

"it said" and "the ministry said" point back to the speaker just named when the noun fits; "Ruiz said"
is the body "Health Minister Ana Ruiz" was named with. :mod:`claimdiff._extract._sources` reads the
name a phrase gives; this module decides whom a name that points back means.
"""

from __future__ import annotations

import re

import attrs

from claimdiff._extract._names import LEVELS, spelled_more_fully
from claimdiff._extract._roles import COUNTRIES
from claimdiff._model.claim import Source, SourceKind

__all__ = ["Attribution", "party_word", "with_person"]


@attrs.frozen
class Attribution:
    """Who a figure is credited to, as the text says it.

    Attributes:
        source: The origin; ``None`` when the text points back ("it said", "the ministry said").
        via: Sources it passed through on the way, nearest the origin first ("told Reuters").
        refers_to: For a pointer back, the noun it names ("ministry"), or ``""`` for a pronoun.
        people: The people the text has named as speaking for a body so far, each with that body
            ("Health Minister Ana Ruiz" makes "Ana Ruiz" the Ministry of Health): a later "Ruiz said"
            is the ministry (ANNOTATION.md rule 17). Passed on from one speaker to the next.
        reaches_back: Whether it credits the figures before it in its sentence too: "N died, the
            ministry said" does; "N died and the ministry said M were hurt" credits M only (the
            verb has its own complement).
        alone: For a pointer back, the body its noun names by itself when no speaker named before
            fits it ("the monitor said" with no monitor named: the monitor); ``None`` when the noun
            names no one ("according to the latest numbers").
    """

    source: Source | None
    via: tuple[Source, ...] = ()
    refers_to: str = ""
    people: tuple[tuple[str, Source], ...] = attrs.field(default=(), eq=False, repr=False)
    reaches_back: bool = attrs.field(default=True, eq=False, repr=False)
    alone: Source | None = attrs.field(default=None, eq=False, repr=False)

    def resolve(self, previous: Attribution | None) -> Attribution | None:
        """This attribution with a pointer back or a person already named replaced by their body.

        A pointer back ("it said", "the ministry said") is the speaker just named when it fits;
        "the official", "the spokesperson" fit any body (a person speaking for it), "the ministry"
        a ministry. A person the text named with their body before ("Health Minister Ana Ruiz"),
        named again ("Ruiz said"), is that body. Whether it reaches back is kept.
        """
        found = self._resolved(previous)
        if found is not None and found.source is not None and self.source is None and self.people:
            # "Ivan Petrov, the regional governor, said": the person speaks for whom the pointer means
            named = tuple((person, found.source) for person, _ in self.people)
            found = attrs.evolve(found, people=_joined(found.people, named))
        if found is None or found.reaches_back == self.reaches_back:
            return found
        return attrs.evolve(found, reaches_back=self.reaches_back)

    def _resolved(self, previous: Attribution | None) -> Attribution | None:
        """This attribution with a pointer back or a person already named replaced by their body.

        A pointer back ("it said", "the ministry said") is the speaker just named when it fits;
        "the official", "the spokesperson" fit any body (a person speaking for it), "the ministry"
        a ministry. A person the text named with their body before ("Health Minister Ana Ruiz"),
        named again ("Ruiz said"), is that body.
        """
        known = previous.people if previous is not None else ()
        if self.source is not None and self.refers_to:  # a name that may point back
            pointed = self._pointed(previous, known)
            if pointed is not None:
                return pointed
            return attrs.evolve(self, refers_to="").resolve(previous)
        if self.source is not None:
            body = (
                _person_body(self.source.name, known)
                or next(
                    (b for _, b in reversed(known) if spelled_more_fully(self.source.name, b.name)),
                    None,
                )
                or self.source
            )
            spoke = _joined(known, (*self.people, ("", body)))
            return Attribution(body, via=self.via, people=spoke)
        pointed = self._pointed(previous, known)
        if pointed is not None:
            return pointed
        if (
            self.alone is not None
        ):  # "the governor said" with no governor named before: the role is the source
            return Attribution(self.alone, via=self.via, people=known)
        return None

    def _pointed(
        self, previous: Attribution | None, known: tuple[tuple[str, Source], ...]
    ) -> Attribution | None:
        """The speaker this pointer back means: the one just named, the outlet it came through, or an earlier one.

        "the ministry said" after the ministry: the ministry; "the news agency added" after a body
        Xinhua quoted: Xinhua; "the minister said" after another speaker: the minister named before.
        """
        if previous is not None and previous.source is not None and self._fits(previous.source):
            return attrs.evolve(previous, via=previous.via + self.via)
        teller = self._teller(previous)
        if teller is not None:
            return teller
        earlier = self._earlier(known)
        return None if earlier is None else Attribution(earlier, via=self.via, people=known)

    def _teller(self, previous: Attribution | None) -> Attribution | None:
        """The outlet the speaker just named came through, when the pointer's noun names it and not the speaker.

        '"... 60 died," according to Xinhua who cited local officials. ..., the news agency added': Xinhua.
        """
        if previous is None or not self.refers_to or self.refers_to in _SPEAKS_FOR_ANY:
            return None
        told = next((v for v in previous.via if self._fits(v)), None)
        return None if told is None else Attribution(told, via=self.via, people=previous.people)

    def points_to(self, speaker: Attribution) -> bool:
        """Whether this pointer back ("it", "the ministry") means ``speaker``, a speaker just named.

        >>> from claimdiff._model.claim import Source
        >>> Attribution(None).points_to(Attribution(Source("OHCHR")))
        True
        """
        return self.source is None and speaker.source is not None and self._fits(speaker.source)

    def _fits(self, body: Source) -> bool:
        """Whether the noun this pointer names fits ``body``: each of its words in the body's name."""
        if not self.refers_to or self.refers_to in _SPEAKS_FOR_ANY:
            return True
        name = body.name.casefold()
        *modifiers, head = self.refers_to.split()
        # "the two observatory officials": the observatory's people; "the Russian military" after
        # Russia's defence ministry (ANNOTATION.md rule 27); "the regional governor": a level, no name
        if head == "agency" and modifiers == ["news"] and body.kind is SourceKind.AGENCY:
            return True  # "the news agency" after Xinhua: the agency just named, whatever its name
        if (
            head == "agency"
            and not modifiers
            and (body.kind in _AGENCIES or name.rsplit(maxsplit=1)[-1] in _AGENCY_HEADS)
        ):
            # "the agency added" after UNRWA or Xinhua (a UN or news agency by its kind), or after the
            # National Disaster Management Authority (a civil body by its name's head)
            return True
        if head == "agency" and modifiers == ["military"] and body.kind is SourceKind.MILITARY:
            return True  # "the military agency said" after the defence ministry: that ministry
        fits_head = (
            head in _SPEAKS_FOR_ANY
            or _FITS.get(head, head) in name
            or (head in {"ministry", "military", "army"} and body.kind is SourceKind.MILITARY)
        )
        levels = LEVELS.intersection(
            name.split()
        )  # "the county government" is no "Local government"
        return fits_head and all(
            _FITS.get(w, w) in name
            or (w in LEVELS and not levels)
            or w in _PARTY_OF.get(body.party or "", ())
            for w in modifiers
        )

    def _earlier(self, known: tuple[tuple[str, Source], ...]) -> Source | None:
        """The last body named before the speaker just named that the pointer's noun fits."""
        if not self.refers_to or self.refers_to in _SPEAKS_FOR_ANY:
            return None
        return next((b for _, b in reversed(known) if self._fits(b)), None)


#: A party -> the words that name it ("Russia" is "russian", "russia"), for "the Russian military".
_PARTY_OF = {country.title(): (country, adj.lower()) for country, adj in COUNTRIES.items()}
#: The kinds of body "the agency" points back to whatever their names: UN agencies and news agencies.
_AGENCIES = frozenset({SourceKind.INTERNATIONAL, SourceKind.AGENCY})
#: Head nouns of a civil body's name that "the agency" points back to: "... Management Authority".
_AGENCY_HEADS = frozenset(
    {"authority", "agency", "commission", "service", "directorate", "institute", "centre", "center", "bureau",
     "administration", "organization", "organisation"}
)  # fmt: skip
#: A role that fits a body of another name: "the minister" speaks for the ministry just named.
_FITS = {"minister": "ministry"}
#: A person named by role alone ("the official", "the spokeswoman") speaks for whichever body was just named.
_SPEAKS_FOR_ANY = frozenset(
    {
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "officer",
        "press service",
        "press office",
    }
)


#: A courtesy title or rank before a surname: "Ms. Mantoo", "Dr Ruiz", "Gen. Ali".
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Gen|Col|Maj|Capt|Lt|Sgt|Brig)\.?\s+(?=[A-Z])")


def _person_body(name: str, people: tuple[tuple[str, Source], ...]) -> Source | None:
    """The body a person already named speaks for: by their full name, or by the surname alone."""
    name = _HONORIFIC.sub("", name)  # "Ms. Mantoo" is Mantoo
    if not people or not name[:1].isupper() or len(name.split()) > 3:
        return None
    for person, body in reversed(people):
        # "Shi" after "county official Shi Zaiqing": one word of the name (a surname comes first in some names)
        if person and (
            name == person
            or (len(name.split()) == 1 and name in (person.split()[0], person.split()[-1]))
        ):
            return body
    return None


def _joined(
    known: tuple[tuple[str, Source], ...], new: tuple[tuple[str, Source], ...]
) -> tuple[tuple[str, Source], ...]:
    """The speakers named so far, the newest last, each once; the last 16 (a pointer reaches no further)."""
    if not new or (known and known[-1] == new[-1] and len(new) == 1):
        return known
    return (*(p for p in known if p not in new), *new)[-16:]


def with_person(found: Attribution, person: str) -> Attribution:
    """``found`` knowing that ``person`` speaks for its body ("Paul Smit, head of the agency")."""
    person = " ".join(person.split())
    if not person[:1].isupper() or len(person.split()) > 4:
        return found
    if found.source is None:
        # a pointer ("Ivan Petrov, the regional governor,"): the person is kept for whom it resolves to
        if found.alone is None:
            return found
        return attrs.evolve(found, people=_joined(found.people, ((person, found.alone),)))
    return attrs.evolve(found, people=_joined(found.people, ((person, found.source),)))


def party_word(word: str) -> bool:
    """Whether ``word`` names a country or its people ("russia", "russian").

    >>> party_word("russian"), party_word("ministry")
    (True, False)
    """
    return any(word in names for names in _PARTY_OF.values())
