"""Naming a source: the body a subject or object phrase names, its kind and its party, and the abbreviations a text defines.

"Russia's defense ministry", "the Russian Ministry of Defence" and "MoD" are one source; "the governor
said" is a pointer back (resolved by :mod:`claimdiff._extract._pointers` to the governor named before);
"UK-based war monitor" is a description, not a name.
"""

from __future__ import annotations

import functools
import re

from claimdiff._extract._channels import member_named
from claimdiff._extract._names import (
    AND_WHAT,
    DATELINE,
    JOINERS,
    PARTICIPLE_AFTER,
    SITS_IN,
    TITLE_ADJECTIVE,
    TRAILING,
    defined_names,
    named_in_apposition,
    spelled_more_fully,
)
from claimdiff._extract._pointers import Attribution, party_word, with_person
from claimdiff._extract._roles import (
    A_SPOKESPERSON,
    ANAPHORS,
    COUNTRIES,
    LOCATED,
    NAMED_OFFICIALS,
    ONE_OFFICIAL,
    PERSON_AFTER_ROLE,
    PRONOUNS,
    UNNAMED_PEOPLE,
    body_of,
    media_name,
    ministry_name,
    of_region,
    office_of,
    party_of,
    role_name,
    source_kind,
)
from claimdiff._extract._time import MONTH_PATTERN
from claimdiff._model.aliases import bodies_named
from claimdiff._model.claim import Source, SourceKind

__all__ = [
    "ANAPHORS",
    "COUNTRIES",
    "Attribution",
    "canonical_source",
    "defined_names",
    "member_named",
    "of_region",
    "source_kind",
    "spelled_more_fully",
    "with_person",
]

# fmt: off

_LEADING = re.compile(
    r"^(?:(?:later|meanwhile|in the meantime|however|but|and|also|separately|earlier|initially|then|now|in addition|"
    r"in a statement|in an update|on \w+day|overnight|today|yesterday|to date|so far|overall|in total|altogether|"
    r"cumulatively|currently)\b[\s,]*)+"
)
#: A chronology's date opening an entry before its text: "March 7--", "7 March 1915 -", "May 2:".
_DATED = re.compile(
    rf"^(?:\d{{1,2}}\s+)?(?:{MONTH_PATTERN})(?:\s*\d{{1,2}}\b)?(?:,?\s+\d{{4}})?\s*(?:--|[-–—:])\s*(?=\w)"
)
#: A place opening a subject before its unnamed speaker in lower case: "In the neighboring X Province authorities".
_IN_A_PLACE = re.compile(
    r"^(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:[A-Z][\w'’.-]*\s+)+(?=[a-z]+$)"
)
#: An age before a person's name, its numeral already cut: "(13-)year-old Carlos Ac".
_AGED = re.compile(r"^(?:[a-z]+-)?years?-old\s+(?=[A-Z])")
#: What a body issues, as a noun: its statements, reports, posts, figures (one list for every reading below).
_PAPERS = (r"statements?|reports?|updates?|posts?|briefings?|bulletins?|communiqu[eé]s?|messages?|announcements?|"
           r"figures|data|statistics|numbers|tally|counts?|assessments?|estimates?")
_STATEMENT_OF = re.compile(
    rf"^(?:an?\s+|the\s+)?(?:[a-z]+\s+){{0,2}}?(?:{_PAPERS}|information)"
    r"(?:\s+(?:(?:we|they|that|which)(?:\s+[a-z]+){1,3}?|issued|released|published|posted|compiled|provided|"
    r"prepared|shared|conducted|carried\s+out|led))?\s+(?:from|by|of)\s+"
    r"(?P<who>.+)$"
)
#: A body's own report: "the agency's latest report", "WHO's situation update", "X's Telegram post".
_OWN_STATEMENT = re.compile(rf"^(?P<who>.+?)'s\s+(?:[a-z]+\s+){{0,2}}?(?:{_PAPERS})$")
#: A report named by its author, the author's name modifying the noun: "the daily air force report", "a UN
#: report", "the latest OCHA update" (the author, when the name is a body's).
_AUTHORED = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:first|latest|last|new|initial|preliminary|daily|weekly|monthly|final|previous|"
    rf"official|separate|own|most recent)\s+)*(?P<who>\S.*?)\s+(?:{_PAPERS})$"
)
#: "UK-based", "London based": where a body sits, not its name. Only a place's name, capitalised, comes
#: before "based": "the death toll was based on" names no one.
_BASED = re.compile(r"^(?:(?:[Tt]he|an?|An?)\s+)?(?:[A-Z][\w.]*[- ])+based\s+")
#: The name at the end of a long subject: "the UN's relief chief Mark Lowcock" is Mark Lowcock.
_ROLE_WORDS = re.compile(r"^(?:(?:Coordinator|Minister|Secretary|Secretary-General|General|Governor|Spokesperson|"
                         r"Spokesman|Spokeswoman|Director|Chief|Commissioner|President|Head|Envoy|Representative|"
                         r"Mayor|Officer|Commander|Ambassador|Adviser|Advisor)\s+)+")
_TRAILING_NAME = re.compile(r"(?:^|\s)((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)$")
_PREPOSITIONS = frozenset({"among", "during", "of", "for", "with", "from", "since", "after", "before", "including",
                           "between", "about", "over", "under", "than", "into", "across", "within", "despite"})
_COUNTED_HEADS = frozenset({"cases", "deaths", "people", "persons", "patients", "victims", "fatalities", "injuries",
                            "homes", "houses", "buildings", "drones", "missiles", "children", "civilians"})
_SAME = frozenset({"same source", "same sources", "latter", "same agency", "same report", "same official"})
#: A document that says what its author says: "the statement said", "the article says" (the author just named).
_DOCUMENTS = frozenset({"statement", "article", "story", "release", "press release", "communiqué", "communique",
                        "report", "update", "bulletin", "data", "figures", "statistics", "tally"})
#: Documents of figures: "a tally" is read as the noun it is, never pointed back by an indefinite article.
_DATA = frozenset({"data", "figures", "statistics", "tally"})
#: The head noun of a body's name: "the National Emergency Operations Centre", "the disaster agency".
_BODY_HEAD = re.compile(
    r"\b(?:ministry|agency|centre|center|office|department|authority|council|committee|commission|service|"
    r"bureau|directorate|administration|organi[sz]ation|institute|unit|command|headquarters|secretariat|"
    r"government|hospital)\b"
)
#: A place's possessive before a body: "the country's health ministry", "the republic's Disaster Center".
_OF_A_PLACE = re.compile(
    r"^(?:[\w-]+\s+){0,4}?(?:country|city|region|state|province|republic|nation|territory|oblast|district|"
    r"county|island|enclave|kingdom|capital)'s\s+(?=\S)"
)
_NOT_SOURCES = frozenset(
    {"updates", "update", "reports", "report", "information", "data", "figures", "estimates", "estimate",
     "others", "many", "some", "attacks", "attack", "there", "this", "that", "which",
     "who", "what", "one"}
)
_NOT_SOURCE_HEADS = frozenset({"updates", "update", "reports", "report", "information", "data", "figures",
                               "estimates", "estimate", "attacks", "attack", "strikes", "shelling", "photo",
                               "photos", "picture", "image", "video", "footage", "caption", "analysis", "results",
                               "findings", "released", "published", "issued", "numbers", "statistics", "tally", "updated",
                               "compiled", "provided", "obtained", "available",
                               "toll", "count", "counts", "records"})
# fmt: on


@functools.lru_cache(maxsize=4096)
def canonical_source(phrase: str) -> Attribution | None:
    """Read a source out of a subject or object phrase, or ``None`` if it does not name one.

    >>> canonical_source("Russia's defense ministry").source.name
    'Russian Ministry of Defence'
    >>> canonical_source("The governor of Bryansk region meanwhile").source.name
    'Governor of Bryansk region'
    >>> canonical_source("An initial statement from the Russian defence ministry on Saturday").source.name
    'Russian Ministry of Defence'
    >>> canonical_source("revised updates") is None
    True
    """
    found = _canonical(phrase)
    if found is None or found.source is None:
        return found
    person = PERSON_AFTER_ROLE.search(phrase.strip(" \t\n,.:;"))
    return (
        found
        if person is None or person.group("name") == found.source.name
        else with_person(found, person.group("name"))
    )


def _canonical(phrase: str) -> Attribution | None:
    named = named_in_apposition(phrase)
    if named is not None:  # "the UN humanitarian agency (OCHA)", "the UN relief agency OCHA": OCHA
        return Attribution(Source(named, kind=source_kind(named), party=party_of(named)))
    s = " ".join(
        re.sub(r"\([^()]*\)\d{0,2}", " ", phrase.replace("’", "'"))
        .strip(" \t\n,.:;-\"“”'()")
        .split()
    )
    if _INITIALISM.search(phrase.rstrip(" \t\n,:;-\"“”'()")):
        s += "."  # "the U.N.": an initialism keeps its last dot (its name, as the alias table spells it)
    s = re.sub(r"^[\W\d_]+", "", s)  # a live-blog time stamp or a list mark before the subject
    s = _AGED.sub("", s)  # "13-year-old Carlos Ac": the person, not their age
    s = DATELINE.sub(
        "", s
    )  # "DUBAI - The director ...": the place the story was filed from, no name
    low = s.lower()
    dated = _DATED.match(low)
    # "March 7--Copenhagen reports": a chronology's date opening its entry, no name
    if dated is not None:
        s, low = s[dated.end() :], low[dated.end() :]
    m = _LEADING.match(low)
    if m:
        s, low = s[m.end() :], low[m.end() :]
    located = _IN_A_PLACE.match(s)
    # "In the neighboring Northwest Frontier Province authorities": the authorities
    if located is not None:
        s, low = s[located.end() :], low[located.end() :]
    m = _STATEMENT_OF.match(low)
    if m is not None and _UNNAMED_AUTHOR.match(low, m.start("who")):
        return _as_written(s)  # "Reports from different organizations": unnamed authors, as written
    if (
        m is not None
        and _BREAKDOWN.search(low, 0, m.start("who"))
        and not s[m.start("who")].isupper()
    ):
        return None  # "Data by province": a breakdown, not an author
    m = m or _OWN_STATEMENT.match(low)
    if m:
        s, low = s[m.start("who") : m.end("who")], low[m.start("who") : m.end("who")]
    elif _REPORT_OF_NO_ONE.match(low):
        return (
            None  # "A report on the attack said": a document whose author the phrase does not name
        )
    m = TRAILING.search(low)
    if m and m.start() > 0:
        s, low = s[: m.start()], low[: m.start()]
    agency = _NEWS_AGENCY.match(s)
    # "state-run news agency Xinhua", "Interfax news agency": the agency's name
    if agency is not None:
        return canonical_source(agency.group("after") or agency.group("before"))
    based = _BASED.match(s)
    if based:
        s, low = s[based.end() :], low[based.end() :]
    definite = low.startswith("the ")
    official = TITLE_ADJECTIVE.match(s)
    if official is not None:  # "the official Xinhua News Agency": the agency
        s, low = s[official.end() :], low[official.end() :]
    modified = PARTICIPLE_AFTER.search(low)
    # "... Bureau interviewed at the site": the bureau
    if modified is not None and modified.start() > 0:
        s, low = s[: modified.start()], low[: modified.start()]
    indefinite = low.startswith(("a ", "an "))
    for article in ("the ", "a ", "an ", "our "):
        if low.startswith(article):
            s, low = s[len(article) :], low[len(article) :]
    counted = _HOW_MANY.match(low) if definite else None
    # "The 30 EU/EEA countries reported": the countries (their number is no name)
    if counted is not None:
        s, low = s[counted.end() :], low[counted.end() :]
    possessive = re.match(r"^([a-z]+)'s\s+", low)
    # "Ukraine's air force" is the Ukrainian air force
    if possessive and possessive.group(1) in COUNTRIES:
        adjective = COUNTRIES[possessive.group(1)]
        s, low = (
            f"{adjective} {s[possessive.end() :]}",
            f"{adjective.lower()} {low[possessive.end() :]}",
        )
    place = _OF_A_PLACE.match(low)
    # "the country's health ministry": the ministry (the place is the figure's)
    if place is not None:
        s, low = s[place.end() :], low[place.end() :]
    free = AND_WHAT.search(low)
    if free is not None:  # "the local authorities and what they are telling us": the authorities
        s, low = s[: free.start()], low[: free.start()]
    if re.search(r"\b(?:have|has|had|were|was|been|are|is)\b", low):
        return None  # a clause, not a name
    first = _first_of_two(s)
    # "the ministry and the UN said": the first named states it (ANNOTATION 16)
    if first is not None:
        return canonical_source(first)
    office = office_of(s)
    if office is not None:
        return Attribution(Source(office, kind=source_kind(office), party=party_of(s)))
    spoken_for = body_of(s)
    # "a spokeswoman for UNICEF", "the Health Minister": the body they speak for
    if spoken_for is not None:
        return canonical_source(spoken_for)
    press = media_name(s, low)
    if press is not None:  # "media reports", "local media outlets": the press, one unnamed source
        press = press[0].upper() + press[1:]
        return Attribution(Source(press, kind=source_kind(press)))
    # "initial reports", "verified reports": unnamed reports, as the text names them
    authored = _authored(s, low)
    if authored is not None:  # "the daily air force report", "the latest OCHA update": its author
        return authored
    if (
        _EARLY_REPORTS.match(low)
        and (not definite or (low.endswith("reports") and not _POINTING.match(low)))
    ):  # "the latest situation report": a pointer; "The joint assessment reports indicate": unnamed (rule 18)
        return _as_written(s)
    officials = NAMED_OFFICIALS.match(s)
    if officials is not None:
        # "Combined Joint Task Force Operation Inherent Resolve officials reported": officials of a body
        # the text names in full speak for it (ANNOTATION.md C7, rule 17)
        return canonical_source(officials.group("body"))
    located = LOCATED.match(low)
    if located is not None and located.group("force"):
        s, low = s[: located.end("force")], low[: located.end("force")]
        located = None
    if located is not None and _BODY_HEAD.search(low, located.end("who")):
        return canonical_source(
            s[located.end("who") :].split(None, 1)[1]
        )  # "an official from the agency"
    if located is not None:  # "officials in the province": the officials, the place is the figure's
        s, low = s[: located.end("who")], low[: located.end("who")]
    if indefinite and A_SPOKESPERSON.match(low):
        # '"... 97 people have died," a spokeswoman commented' after a body's spokesman: that body's
        # (ANNOTATION.md E3; a person speaking for a body is the body, rule 17)
        return _pointer(low.split()[-1])
    official = ONE_OFFICIAL.match(low) if not definite else None
    if official is not None:  # "an official", "a local source": the text's noun, in the plural
        name = s[0].upper() + s[1:] + "s"
        return Attribution(Source(name, kind=source_kind(name)))
    if low.split()[:1] and (low.split()[0] in _PREPOSITIONS or low.split()[-1] in _COUNTED_HEADS):
        return None  # "Among those cases", "those measles cases": a phrase about the figures, not a body
    if (definite or indefinite) and low in _DOCUMENTS and low not in _DATA:
        # "the report said", "a statement said": its author, named before or in the sentence
        return Attribution(None)
    if (
        not low
        or (low in _NOT_SOURCES and not s.isupper())
        or low.split()[-1] in _NOT_SOURCE_HEADS
        or "according to" in low
    ):
        return None
    if low in PRONOUNS or low in _SAME:
        return Attribution(
            None
        )  # "it said", "the same source reports", "the article says": the speaker before
    if definite or low.startswith("both "):
        low = _NUMBERED.sub("", low)  # "the two officials", "both officials": the ones just named
        words = low.split()
        if len(words) == 2 and words[1] in ANAPHORS and party_word(words[0]) and not s.islower():
            # "the Russian military": the body of that kind and side named before, else its own name
            name = s[0].upper() + s[1:]
            own = Source(name, kind=source_kind(name), party=party_of(name))
            return Attribution(own, refers_to=low)
        if low in ANAPHORS or (s.islower() and len(words) <= 3):
            return _pointer(low)  # "the observatory said": the speaker it names, if named
        if definite and len(words) == 1 and s[:1].isupper() and s[1:].islower():
            # "The Observatory said" after the Syrian Observatory for Human Rights: that body (rule 16),
            # else the body of that name
            own = Source(s, kind=source_kind(s), party=party_of(s))
            return Attribution(None, refers_to=low, alone=own)
    words = s.split()
    # a long name: without where the body sits ("... of the Red Sea State in Sudan")
    if len(words) > 9:
        s = SITS_IN.sub("", s)
        low, words = s.lower(), s.split()
    if len(words) > 9 and not (
        len(words) <= 14 and all(w[:1].isupper() or w in JOINERS for w in words)
    ):
        trailing = _TRAILING_NAME.search(s)
        if trailing is None or len(trailing.group(1).split()) < 2:
            return None
        if body_of(s[: trailing.start(1)].strip()) is not None:
            # "a spokesman for the Afghan police forces in the west Abdul Ahmadi": the body he speaks for
            found = canonical_source(s[: trailing.start(1)].strip())
            if found is not None and found.source is not None:
                return with_person(found, trailing.group(1))
        s = _ROLE_WORDS.sub("", trailing.group(1))  # a long title ends with the person's name
        low, words = s.lower(), s.split()
    if any(ch.isdigit() for ch in s) or not s[0].isalpha():
        return None
    # "official in Russian-controlled Zaporizhzhia": who controls the place is no part of the name (rule 17)
    s = _CONTROLLED.sub("in ", s)
    # "Armenian Defense Ministry", "Interior Ministry": a ministry the text names as a proper name keeps its
    # spelling (ANNOTATION.md rule 17); "Russia's defense ministry", "the health ministry" are read to one form
    written = (
        possessive is None and s.endswith("Ministry") and all(w[:1].isupper() for w in s.split())
    )
    ministry = None if written else ministry_name(low, s)
    name = ministry or media_name(s, low) or role_name(s) or s[0].upper() + s[1:]
    return Attribution(Source(name, kind=source_kind(name), party=party_of(name)))


#: A place in a speaker's name with who holds it: "in Russian-controlled Zaporizhzhia", "in rebel-held Idlib".
_CONTROLLED = re.compile(r"\bin\s+(?:[\w]+-)(?:controlled|held|run|occupied)\s+(?=[A-Z])")
#: The number of the speakers a definite subject gives before naming them: "the 30 EU/EEA countries".
_HOW_MANY = re.compile(r"^\d[\d,]*\s+(?=[a-z]*[A-Za-z])")
#: A news agency's name beside its description in lower case: "state news agency WAM", "Xinhua news agency".
_NEWS_AGENCY = re.compile(
    r"^(?:(?:[Tt]he|[A-Za-z][\w-]*)\s+){0,3}?news\s+agency,?\s+(?P<after>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})$"
    r"|^(?!(?:The|A|An|This|That|Its)\s)(?P<before>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+(?:(?:state|state-run|official|government)\s+)?news\s+agency$"
)
#: Reports no body is named for, by the time they were made: "initial reports", "preliminary reports".
_EARLY_REPORTS = re.compile(
    r"^(?!(?:these|those|such|other|the|its|their|his|her)\b)(?:[a-z]+\s+){1,2}reports?$"
)
#: Words before "reports" that point back to reports named before: "the latest reports", "the same reports".
_POINTING = re.compile(
    r"^(?:latest|same|previous|above|following|new|recent|earlier|these|those|such)\b"
)
#: Authors a phrase names by a quantity, not a name: "different organizations", "various sources".
_UNNAMED_AUTHOR = re.compile(r"(?:different|various|several|many|multiple|some|numerous)\s")
#: "by" before a breakdown, not an author: "data by province", "figures by age".
_BREAKDOWN = re.compile(
    r"\b(?:figures|data|tally|counts?|estimates?|numbers|statistics|information|breakdown)\s+by\s*$"
)
#: A document with no author named: "a report on the attack", "the statement" (a pointer, read later).
#: Numbers and demonstratives before a noun pointing back: "the two officials", "both officials".
_NUMBERED = re.compile(r"^(?:both|two|three|four|these|those|same)\s+(?=\S)")
_REPORT_OF_NO_ONE = re.compile(
    r"^(?:an?\s+)?(?:[a-z]+\s+)?(?:report|statement|study|survey|document)\s+(?:on|about|into)\b"
)


def _pointer(noun: str) -> Attribution:
    """A pointer back by ``noun``, with the body the noun names by itself if nothing before fits.

    "the monitor said": a body by its noun; "according to the latest numbers": no one.
    """
    named = canonical_source(noun)
    alone = (
        named.source
        if named is not None
        and named.source is not None
        and (
            noun.rsplit(maxsplit=1)[-1] in ANAPHORS | UNNAMED_PEOPLE
            or named.source.kind is not SourceKind.UNKNOWN
        )
        else None
    )  # "the refugees said": unnamed people, as the text names them (ANNOTATION.md rule 18)
    return Attribution(None, refers_to=noun, alone=alone)


def _authored(s: str, low: str) -> Attribution | None:
    """The author a report's modifier names ("the daily air force report": the air force), or ``None``.

    Only a body: a name of a known kind or the built-in table's, or a noun pointing back to one
    ("the ministry report"); "the situation report", "casualty figures" name no author.
    """
    m = _AUTHORED.match(low)
    if m is None:
        return None
    found = canonical_source(s[m.start("who") : m.end("who")])
    if found is None:
        return None
    if found.source is None:
        return found if found.refers_to and found.alone is not None else None
    # "the NDMA report": an acronym is a body's name too
    acronym = (
        found.source.name.isupper() and found.source.name.isalpha() and len(found.source.name) >= 2
    )
    known = (
        found.source.kind is not SourceKind.UNKNOWN or bodies_named(found.source.name) or acronym
    )
    return found if known else None


def _as_written(s: str) -> Attribution:
    """An unnamed speaker the text names by a noun phrase, capitalised as ANNOTATION.md rule 18 writes it."""
    name = s[0].upper() + s[1:]
    return Attribution(Source(name, kind=source_kind(name)))


#: An initialism written with dots closing a phrase: "U.N.", "U.S.".
_INITIALISM = re.compile(r"(?:^|[^\w.])(?:[A-Z]\.){2,}$")
#: A speaker described by its ties, the bodies after it its objects: "sources close to X and Y".
_TIES = re.compile(r"\b(?:connected|close|linked|affiliated|loyal|allied|attached)\s+(?:to|with)\s")
#: What starts a second body after "and": an article, "other", or a known body ("and UN agencies", "and WHO").
_SECOND = re.compile(
    r"^(?P<first>.+?)\s+and\s+(?P<second>(?:the|an?|other|its|local)\s+\S.*|(?:UN|U\.N\.|WHO|[A-Z]{3,})\b.*)$"
)


_AND = re.compile(r"\s+and\s+")


def _known_at(s: str, at: int) -> bool:
    """Whether a body the built-in table knows starts at ``at`` and runs to the end of ``s``."""
    found = bodies_named(s[at:])
    return bool(found) and found[0][0] == 0 and len(found) == 1


def _first_of_two(s: str) -> str | None:
    """The first of two bodies a phrase coordinates ("OCHA and UN agencies"), or ``None``.

    Only where "and" is followed by a new noun phrase (an article, "other", an acronym) or by a body
    the built-in table knows ("the United Nations and World Food Programme"): "and" inside a name
    ("Department of Health and Mental Hygiene") joins no second body.
    """
    if _TIES.search(s):
        return (
            None  # "Sources connected to the NUG and PDF": one unnamed speaker, written whole (18c)
        )
    m = _SECOND.match(s)
    if m is not None:
        first = m.group("first")
    else:
        known = next((a for a in _AND.finditer(s) if _known_at(s, a.end())), None)
        if known is None:
            return None
        first = s[: known.start()]
    return first if canonical_source(first) is not None else None
