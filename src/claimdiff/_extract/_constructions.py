"""Constructions that name a speaker besides a verb's subject, and the tests the verb reader asks.

"State TV quoted the governor as saying": the governor, through State TV; "the government's death
toll is 715": the government; "OCHA: 40 killed": OCHA; "According to TASS, ..., the mayor said": the
mayor through TASS. Also whether a word that looks like a verb of speech is a noun ("the Mexican
states"), whether a sentence is a title-case headline, and whether a source is a body.
"""

from __future__ import annotations

import re
from typing import TypeGuard

import attrs

from claimdiff._extract._pointers import Attribution
from claimdiff._extract._roles import COUNTRIES
from claimdiff._extract._sources import canonical_source
from claimdiff._extract._speech import DOCUMENT_SUBJECT
from claimdiff._extract._subjects import cut, subject
from claimdiff._model.aliases import bodies_named
from claimdiff._model.claim import Source, SourceKind

__all__ = [
    "CLAUSE_BETWEEN",
    "OPENER",
    "OWN_TOLL",
    "POSSESSED",
    "QUOTED_AS",
    "a_body",
    "authors_from",
    "closing_tag",
    "has",
    "headline",
    "named_or_role",
    "names_someone",
    "noun_after_adjective",
    "own_clause",
    "owner",
    "press_passed",
    "quoted_speaker",
    "relayed",
    "says_nothing",
    "through",
]


#: The kinds of source that pass on what others state: news agencies and the press.
_PRESS = frozenset({SourceKind.AGENCY, SourceKind.MEDIA})


def press_passed(opening: Attribution, closing: Attribution) -> Attribution | None:
    """The closing speaker through the press that opened the sentence, or ``None`` if it is no such pair.

    "According to TASS, one person died, the mayor said": the mayor's, through TASS; when the
    closing speaker is the press itself ("..., Xinhua reported") the opening one is the origin.
    """
    if (
        opening.source is None
        or closing.source is None
        or opening.source.kind not in _PRESS
        or closing.source.kind in _PRESS
    ):
        return None
    return attrs.evolve(closing, via=(*closing.via, opening.source, *opening.via))


#: "X quoted Y as saying", "Y was quoted (by X) as saying", "an article quoting Y as saying": Y states it,
#: through X (ANNOTATION.md rule 18c).
QUOTED_AS = re.compile(
    r"\bquot(?:ed|ing)\s+(?:(?P<who>[^,.;:\"“”()]{2,80}?)\s+)?as\s+(?:saying|telling|stating|writing|announcing)\b"
)
#: The passive: "was quoted as saying", "were quoted by TASS as saying".
_QUOTED_PASSIVE = re.compile(r"\s+(?:was|were|is|are|being|been)\s+$")
_QUOTED_BY = re.compile(r"by\s+(?P<teller>.+)$")


def quoted_speaker(text: str, low: str, start: int, m: re.Match[str]) -> Attribution | None:
    """The speaker a quoted-as construction names, through the one who quoted them.

    "State TV quoted the governor as saying" is the governor's, via State TV; "the governor was
    quoted by TASS as saying" is the governor's, via TASS; "the governor was quoted as saying" the governor's.
    """
    who = cut(text, m.start("who"), m.group("who")) if m.group("who") else ""
    by = _QUOTED_BY.match(who)
    passive = _QUOTED_PASSIVE.search(low, start, m.start())
    if passive is not None:
        spoke = subject(text, low, start, passive.start())
        teller = canonical_source(by.group("teller")) if by is not None else None
    elif by is None and who:
        spoke = canonical_source(who)
        teller = subject(text, low, start, m.start())
    else:
        return None
    if not names_someone(spoke):
        return None
    if teller is None or teller.source is None:
        return spoke
    return attrs.evolve(spoke, via=(*spoke.via, teller.source, *teller.via))


#: The adjectives of the countries the vocabulary knows ("Mexican", "Syrian").
_NATIONALITIES = frozenset(COUNTRIES.values())
#: Adjectives before a plural noun that is also a speech verb: "the Mexican states", "southern states".
_NOUN_ADJECTIVES = frozenset({"southern", "northern", "eastern", "western", "central", "member", "neighbouring",
                              "neighboring", "gulf", "affected", "other", "several", "federal", "many"})  # fmt: skip
_LAST_WORD = re.compile(r"([a-z]+)\s+$")


def noun_after_adjective(low: str, start: int, at: int) -> bool:
    """Whether the word before ``at`` is a nationality or a place adjective: the word at ``at`` is a noun."""
    m = _LAST_WORD.search(low, max(start, at - 20), at)
    return m is not None and (
        m.group(1) in _NOUN_ADJECTIVES or m.group(1).title() in _NATIONALITIES
    )


def has(low: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether ``low[start:end]`` holds one of ``words`` (a quick test before a slower pattern)."""
    global _cut  # noqa: PLW0603 - the stretch asked about last, replaced by the next
    cut = _cut  # read once: another thread may replace it meanwhile, never change it
    if cut[0] is low and cut[1] == start and cut[2] == end:
        piece = cut[3]
    else:
        piece = low[start:end]
        _cut = (low, start, end, piece)
    # a loop, not any() over a generator (twice as fast): it runs many times for every sentence
    for w in words:  # noqa: SIM110 - the loop is the speed
        if w in piece:
            return True
    return False


#: The stretch :func:`has` was asked about last, cut out of its text: ``(text, start, end, piece)``.
#: A sentence is asked about many times; its piece, cut once, is searched without the text around it,
#: and in one byte a letter where the sentence has no wider letter than the text's others (a curly
#: quotation mark elsewhere makes the whole text two bytes a letter, and every word looked for in it
#: is widened before each search). It keeps the last text asked about until the next question: one
#: text, never more.
_cut: tuple[str, int, int, str] = ("", 0, 0, "")


def headline(known: bool | None, text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` is a title-case headline, ``known`` if read before."""
    return title_case(text[start:end]) if known is None else known


def title_case(sentence: str) -> bool:
    """Whether a sentence is a headline in title case ("Officials Say Death Toll Could be 1,800")."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


#: A name and a colon opening a sentence: "OCHA: 40 people killed", "Police: three dead" (its speaker).
OPENER = re.compile(r"\s*(?P<who>[A-Z][^:.;,\"“”()\n]{1,60}):\s+(?=\S)")


#: A name a headline closes on after a colon or a dash: "Toll in SW Libya is at least 90: UN", "... dead — UN".
_CLOSER = re.compile(
    r"(?:\s*:|\s+[-–—])\s+(?P<who>(?:the\s+)?[A-Za-z][\w.'’-]*(?:\s+[\w.'’-]+){0,5})\s*$"
)


def closing_tag(text: str, start: int, end: int) -> Attribution | None:
    """The body a headline names after a colon or a dash at its end, or ``None`` (ANNOTATION.md rule 5).

    A headline without a full stop that ends on ": UN", " - Red Cross", " — ministry" is that body's, as
    one opening on "OCHA:" is; a place or a label there ("Floods - Mozambique") names no speaker.

    >>> closing_tag("Storm leaves 40 dead: UN", 0, 24).source.name
    'UN'
    >>> closing_tag("Floods kill 12 - Mozambique", 0, 27) is None
    True
    """
    m = _CLOSER.search(text, start, end)
    if m is None or text[start:end].rstrip()[-1:] in '.!?"”':
        return None
    who = m.group("who")
    found = canonical_source(who)
    head = who.split()[-1]
    if (
        found is None
        or found.source is None
        or not a_body(found.source)
        or found.source.name.lower() in COUNTRIES
        or not (head[:1].isupper() or head.lower() in _TAG_NOUNS)
    ):
        return None
    return found


#: The lower-case nouns a headline's closing tag may name a body by: ": ministry", " - officials".
_TAG_NOUNS = frozenset(
    {"ministry", "military", "army", "police", "official", "officials", "authorities", "agency", "service",
     "services", "office", "department", "council", "commission", "committee", "government", "governor",
     "mayor", "media", "monitor", "sources", "minister", "spokesman", "spokeswoman", "spokesperson"}
)  # fmt: skip


#: A body's own toll or finding: "the government's death toll", "the ministry's latest tally", "the command's
#: initial assessment is that ..." (the possessive is its owner; "the agency's assessment team" is no finding).
OWN_TOLL = re.compile(
    r"['’]s\s+(?:(?:latest|official|new|revised|own|current|updated|overall|total|preliminary|final|initial|first)\s+)?"
    r"(?:death\s+toll|toll|tally|count|casualty\s+figures|figures|assessment|estimate|findings|data|statistics)\b"
    r"(?!\s+(?:teams?|missions?|visits?|tools?|forms?)\b)"
)
_WORDS_BEFORE = re.compile(r"(?:[\w.-]+\s+){0,3}[\w.-]+$")


_PUNCTUATION = re.compile(r"[,;:()\"“”]")


def owner(text: str, low: str, start: int, at: int) -> Attribution | None:
    """The body a possessive before ``at`` names ("the government's", "The Kalomir Health Ministry's").

    The name is read backwards from the possessive while its words are capitalised, up to a "the";
    the longest such phrase naming a body (or pointing back to one) is the owner.
    """
    words = list(re.finditer(r"[\w.-]+", low[max(start, at - 80) : at]))
    base = max(start, at - 80)
    found: Attribution | None = None
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        first = text[base + w.start()]
        if i < len(words) - 1 and not (first.isupper() or w.group(0) == "the"):
            break
        if i < len(words) - 1 and _PUNCTUATION.search(
            low, base + w.end(), base + words[i + 1].start()
        ):
            break  # "Working with the Army, U.S. Africa Command's assessment": a name ends at a comma
        named = canonical_source(text[base + w.start() : at])
        if named is not None and (
            (named.source is not None and a_body(named.source))
            or (named.source is None and named.alone is not None and a_body(named.alone))
        ):
            found = named
        if w.group(0) == "the":
            break
    return found


def a_body(source: Source) -> bool:
    """Whether a source is a body by its kind or the built-in table (not a place, a label or a dateline)."""
    return source.kind is not SourceKind.UNKNOWN or bool(bodies_named(source.name))


#: Where a new clause begins between two verbs: a comma, a conjunction, a subordinator or a relative.
CLAUSE_BETWEEN = re.compile(
    r"[,;:\"“”()—–]|\b(?:and|but|or|while|as|after|before|because|although|though|since|until|when|where|"
    r"which|who|whose|if)\b"
)


def through(inner: Attribution, outer: Attribution) -> Attribution:
    """The speaker of a complement clause, through the speaker whose verb it completes."""
    if outer.source is None or (inner.source is not None and inner.source.key == outer.source.key):
        return inner
    return attrs.evolve(inner, via=(*inner.via, outer.source, *outer.via))


def names_someone(found: Attribution | None) -> TypeGuard[Attribution]:
    """Whether an agent names a body, or points back to one ("according to the county government")."""
    return found is not None and (found.source is not None or bool(found.refers_to))


def named_or_role(found: Attribution | None) -> Attribution | None:
    """A cited body: "citing the police" names the police even with no speaker before it to point back to."""
    if found is not None and found.source is None and found.refers_to:
        return found.resolve(None)
    return found


#: A possessive before a word, with at most two adjectives: "the command's initial estimate" (a noun).
POSSESSED = re.compile(r"[a-z]['’]s\s+(?:[a-z]+\s+){0,2}$")


#: A document and the body it comes from: "In an update from Central Command, a statement said" (its author).
_FROM = re.compile(
    r"\b(?:update|statement|release|bulletin|communiqu[eé]|briefing|report)\s+from\s+"
    r"(?P<who>(?:the\s+)?[A-Z][^,.;:\"“”()]{1,80}?)(?=\s+(?:on|in|at|that|said|says|late|earlier)\b|[,.;:()]|$)"
)


def authors_from(text: str, start: int, end: int) -> list[tuple[int, Attribution]]:
    """The bodies documents come from in ``text[start:end]``: "an update from Central Command" (its author).

    >>> [a.source.name for _, a in authors_from("In an update from the Kalomir Army, a statement said", 0, 52)]
    ['Kalomir Army']
    """
    out = []
    for m in _FROM.finditer(text, start, end):
        found = canonical_source(m.group("who"))
        if found is not None and found.source is not None and a_body(found.source):
            out.append((m.start(), found))
    return out


#: A speaker's words passed on by another, inside an "according to": "X as quoted by Y", "X, as reported by Y".
_AS_RELAYED = re.compile(
    r",?\s+as\s+(?:quoted|cited|reported|carried|relayed)\s+by\s+(?P<teller>[^,.;:\"“”()]{2,80})"
)
#: A document noun closing a teller's name: "Xinhua news agency report" (its author is the teller).
_REPORT_AFTER = re.compile(r"\s+(?:reports?|statements?|dispatch(?:es)?)$")


def relayed(text: str, low: str, start: int, who_end: int, end: int) -> Attribution | None:
    """The speaker named at ``start`` through the teller of "as quoted by Y" right after it, or ``None``.

    "according to the provincial headquarters as quoted by Xinhua news agency report": the
    headquarters', through Xinhua (ANNOTATION.md rule 18c).
    """
    m = _AS_RELAYED.search(low, start, end)
    if m is None or m.start() > who_end:
        return None
    said = canonical_source(text[start : m.start()])
    told = m.group("teller")
    report = _REPORT_AFTER.search(told)  # "by Xinhua news agency report": the agency
    told = told if report is None else told[: report.start()]
    teller = canonical_source(text[m.start("teller") : m.start("teller") + len(told)])
    if said is None or teller is None or teller.source is None:
        return said
    return attrs.evolve(said, via=(teller.source, *teller.via, *said.via))


#: Verbs a document concludes with: only a body's document names a speaker ("Initial assessment concluded the
#: airstrike killed one" in the command's own release is the release's, ANNOTATION.md rule 16).
_CONCLUDES = frozenset({"concluded", "concludes"})
#: Verbs of putting out a document: with a document before them they are a passive ("the Update published on
#: 7 August"), never its subject's speech.
_PUBLISHED = frozenset({"published", "released", "issued"})
#: A document's head noun closing a phrase: "PAHO/WHO Epidemiological Update on Measles", "the latest report".
_A_DOCUMENT = re.compile(
    r"\b(?:updates?|bulletins?|reports?|statements?|releases?|communiqu[eé]s?|articles?|stud(?:y|ies)|surveys?|"
    r"assessments?|sitreps?|briefs?|alerts?|notes?)\b(?:\s+(?:on|of|for|about)\s+.*)?$"
)


def says_nothing(verb: str | None, found: Attribution) -> bool:
    """Whether a verb's subject is a document that states nothing by that verb.

    "Initial assessment concluded ..." names no body behind the assessment (the outlet's own, rule 16);
    "the Epidemiological Update published on 7 August" is a document put out, not a speaker.

    >>> says_nothing("published", canonical_source("the Halvard Epidemiological Update on Measles"))
    True
    >>> says_nothing("published", canonical_source("the ministry"))
    False
    """
    if found.source is None:
        return False
    name = found.source.name.lower()
    if verb in _CONCLUDES:
        return DOCUMENT_SUBJECT.search(name + " ") is not None
    return verb in _PUBLISHED and _A_DOCUMENT.search(name) is not None


#: A coordinated clause's opening: ", and the figure is", "; the toll".
_COORDINATED = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s+")


def own_clause(low: str, start: int, at: int) -> int | None:
    """Where the coordinated clause an "according to" at ``at`` closes begins, or ``None``.

    Only an "according to" not set off by a comma, after a ", and" or "; " that opens a clause of
    its own: "Over 50 people have died, and the figure is even higher according to your agency".
    """
    if low[max(start, at - 2) : at].strip().endswith(","):
        return None
    last = None
    for last in _COORDINATED.finditer(low, start, at):  # noqa: B007 - the last one is wanted
        pass
    return None if last is None else last.end() - 1
