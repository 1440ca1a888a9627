"""Who said it: "X said", "according to X", "X told Y", quoted statements, pronouns, "Via X" lines."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from claimdiff._extract._text import alternation
from claimdiff._model.claim import Source, SourceKind

__all__ = [
    "Attribution",
    "attributions",
    "canonical_source",
    "defined_names",
    "figure_of",
    "quote_speaker",
]

#: Country -> adjective; used to name ministries alike however they are written, and to guess a party.
# fmt: off
COUNTRIES = {
    "russia": "Russian", "ukraine": "Ukrainian", "israel": "Israeli", "palestine": "Palestinian",
    "syria": "Syrian", "iran": "Iranian", "iraq": "Iraqi", "lebanon": "Lebanese", "yemen": "Yemeni",
    "sudan": "Sudanese", "turkey": "Turkish", "france": "French", "germany": "German", "britain": "British",
    "china": "Chinese", "japan": "Japanese", "india": "Indian", "pakistan": "Pakistani", "belarus": "Belarusian",
    "poland": "Polish", "afghanistan": "Afghan", "somalia": "Somali", "ethiopia": "Ethiopian",
    "nigeria": "Nigerian", "libya": "Libyan", "egypt": "Egyptian", "haiti": "Haitian", "kenya": "Kenyan",
    "mali": "Malian", "moldova": "Moldovan", "georgia": "Georgian", "armenia": "Armenian",
    "azerbaijan": "Azerbaijani", "jordan": "Jordanian", "philippines": "Philippine", "mexico": "Mexican",
}
_ADJECTIVES = {adj.lower(): country.title() for country, adj in COUNTRIES.items()}

#: The verbs of speech and report, as a regular expression (each is followed by the end of a word).
_SPEECH = alternation(
    [
        "said", "says", "say", "told", "tells", "reported", "reports", "stated", "states", "announced",
        "announces", "confirmed", "confirms", "added", "adds", "claimed", "claims", "claim", "described",
        "describes", "detailed", "details", "cited", "cites", "asserted", "asserts", "indicated", "indicates",
        "wrote", "writes", "estimated", "estimates", "noted", "notes", "posted", "posts", "tweeted", "put",
        "puts", "counted", "counts", "recorded", "records", "registered", "registers", "listed", "lists",
        "warned", "indicate", "verified", "putting", "estimate", "confirm", "report", "show", "shows", "showed",
        "issued", "issues", "released", "releases", "published",
    ]
)
_VERB = re.compile(
    rf"\b(?:(?:had|has|have|also|later|earlier|further|previously)\s+)*(?:(?P<verb>{_SPEECH})\b|"
    r"(?P<revised>revised|updated|corrected|raised|lowered)(?=\s+(?:its|their|his|her|the)\b))"
)
#: What follows a speech verb when it is not speech: "claimed responsibility", "double-counted".
_NOT_SPEECH = re.compile(r"\s+(?:responsibility|credit|the lives?|lives|victory|control)\b")
#: A participle before the thing counted modifies it: "confirmed cases", "recorded deaths", "registered IDPs".
_MODIFIES = re.compile(
    r"\s+(?:cases|deaths|infections|fatalities|casualties|injuries|patients|victims|people|persons|idps|"
    r"refugees|figures?|numbers?|tolls?)\b"
)
_NOUNS = frozenset({"reports", "report", "estimates", "claims", "counts", "records", "details", "notes", "posts",
                    "lists"})
_TO = re.compile(r"\s+to\b")  # "is said to have": not a statement
_REPORTED_TO = re.compile(r"\b(?:were|was|been|are|is)\s+(?:reported|notified|submitted)\s+to\s+(?P<who>[^,.;:\"“”()]{2,80})")
_BY = re.compile(r"\b(?:statement|estimate|report|figures?|count|tally|data|compiled|compilation|survey)\b"
                 r"[^.;:\"“”]{0,40}?\bby\s+(?P<who>[^,.;:\"“”()]{2,80})")
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:\"“”()]{2,80})")
_CITING = re.compile(r"\b(?:citing|quoting)\s+(?P<who>[^,.;:\"“”()]{2,80}?)(?=\s+(?:indicate|indicates|indicated|said|say|"
                     r"says|show|shows|showed|report|reports|reported|put|puts|suggest|suggests|that|as)\b|[,.;:()]|$)")
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|is|are|be|been|being|it is|widely|an?|the)\s+$")
_BOUNDARY = re.compile(r"[,;:\"“”]|\bthat\b|\bwhile\b|\bwhich\b|\bwho\b|\bwhen\b|\bbut\b|\bas\b")
_LEADING = re.compile(
    r"^(?:(?:later|meanwhile|however|but|and|also|separately|earlier|initially|then|now|in addition|"
    r"in a statement|in an update|on \w+day|overnight|today|yesterday)\b[\s,]*)+"
)
_TRAILING = re.compile(
    r"(?:\s+(?:(?:late |early )?on \w+day|on \w+day (?:morning|evening|afternoon|night)|\w+day|today|yesterday|"
    r"overnight|later|earlier|meanwhile|also|further|separately|again|initially|previously|first|now|still|there|"
    r"had|has|have|would|will|then|in a statement|in an update|in a telegram post|on telegram))+$"
)
_STATEMENT_OF = re.compile(
    r"^(?:an?\s+|the\s+)?(?:[a-z]+\s+){0,2}?(?:statements?|reports?|updates?|posts?|briefings?|bulletins?|"
    r"communiqu[eé]s?|messages?|announcements?|figures|data|tally|assessments?|estimates?)\s+(?:from|by|of)\s+"
    r"(?P<who>.+)$"
)
#: "UK-based", "London based": where a body sits, not its name.
_BASED = re.compile(r"^(?:[\w.]+[- ])+based\s+", re.IGNORECASE)
#: The name at the end of a long subject: "the UN's relief chief Mark Lowcock" is Mark Lowcock.
_ROLE_WORDS = re.compile(r"^(?:(?:Coordinator|Minister|Secretary|Secretary-General|General|Governor|Spokesperson|"
                         r"Spokesman|Spokeswoman|Director|Chief|Commissioner|President|Head|Envoy|Representative|"
                         r"Mayor|Officer|Commander|Ambassador|Adviser|Advisor)\s+)+")
_TITLE_DOT = re.compile(r"\b(mr|mrs|ms|dr|gen|lt|col|maj|capt|sgt|prof|sen|rep|gov|brig)\.")
_TRAILING_NAME = re.compile(r"(?:^|\s)((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)$")
_MINISTRY = re.compile(
    r"^(?:(?P<c>[a-z]+)(?:'s|’s)?\s+)?(?:(?P<t1>[a-z]+)\s+ministry|ministry\s+of\s+(?P<t2>[a-z]+(?:\s+affairs)?)|"
    r"(?P<mod>mod))$"
)
#: "ministry of defence of the russian federation": the ministry, then its state.
_OF_COUNTRY = re.compile(r"^(?P<m>ministry\s+of\s+[a-z]+(?:\s+affairs)?)\s+of\s+(?:the\s+)?(?P<c>[a-z ]+)$")
#: A state's formal name -> the name ``COUNTRIES`` knows it by.
_STATE_NAMES = {"russian federation": "russia", "republic of belarus": "belarus", "islamic republic of iran": "iran",
                "syrian arab republic": "syria", "republic of turkey": "turkey", "republic of türkiye": "turkey"}
_TOPICS = {"defense": "Defence", "defence": "Defence", "health": "Health", "foreign": "Foreign Affairs",
           "interior": "Internal Affairs", "emergencies": "Emergency Situations", "emergency": "Emergency Situations"}
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})
_PREPOSITIONS = frozenset({"among", "during", "of", "for", "with", "from", "since", "after", "before", "including",
                           "between", "about", "over", "under", "than", "into", "across", "within", "despite"})
_COUNTED_HEADS = frozenset({"cases", "deaths", "people", "persons", "patients", "victims", "fatalities", "injuries",
                            "homes", "houses", "buildings", "drones", "missiles", "children", "civilians"})
_SAME = frozenset({"same source", "same sources", "latter", "same agency", "same report", "same official"})
_ANAPHORS = frozenset(
    {"ministry", "governor", "agency", "military", "army", "official", "officials", "spokesman", "spokeswoman",
     "spokesperson", "mayor", "president", "minister", "authorities", "administration", "office", "organisation",
     "organization", "statement", "report", "department", "service", "police", "group", "un", "mission", "navy",
     "air force", "company", "commission", "centre", "center"}
)
_NOT_SOURCES = frozenset(
    {"updates", "update", "reports", "report", "information", "data", "figures", "estimates", "estimate",
     "sources", "witnesses", "others", "many", "some", "attacks", "attack", "there", "this", "that", "which",
     "who", "what", "one"}
)
_NOT_SOURCE_HEADS = frozenset({"updates", "update", "reports", "report", "information", "data", "figures",
                               "estimates", "estimate", "attacks", "attack", "strikes", "shelling", "photo",
                               "photos", "picture", "image", "video", "footage", "caption", "analysis", "results",
                               "findings", "released", "published", "issued"})
_VENUES = re.compile(r"\b(?:briefing|conference|reporters|journalists|press|parliament|audience|crowd|meeting)\b")
_ROLE = re.compile(r"\b(?:governor|minister|mayor|spokes\w*|president|head|chief|commander|official|director)\b")
_KINDS: tuple[tuple[SourceKind, re.Pattern[str]], ...] = (
    (SourceKind.INTERNATIONAL, re.compile(
        r"\b(?:un|united nations|ocha|unicef|unhcr|who|world health organi[sz]ation|icrc|red cross|red crescent|"
        r"iom|wfp|world food programme|iaea|osce|nato)\b")),
    (SourceKind.NGO, re.compile(
        r"\b(?:ngo|msf|m[ée]decins|doctors without borders|amnesty|human rights watch|save the children|oxfam|"
        r"charity|rights group|monitor)\b")),
    (SourceKind.AGENCY, re.compile(
        r"\b(?:reuters|associated press|ap|afp|agence france|tass|ria|interfax|ukrinform|xinhua|bloomberg|dpa|"
        r"anadolu|efe|news agency)\b")),
    (SourceKind.MILITARY, re.compile(
        r"\b(?:ministry of defence|armed forces|military|army|navy|air force|general staff|forces|command|idf|"
        r"troops|soldiers)\b")),
    (SourceKind.MEDIA, re.compile(
        r"\b(?:media|news|times|post|guardian|bbc|cnn|al jazeera|telegraph|journal|channel|tv|television|"
        r"newspaper|outlet|broadcaster|zerohedge|press)\b")),
    (SourceKind.GOVERNMENT, re.compile(
        r"\b(?:ministry|governor|mayor|president|prime minister|government|officials?|administration|"
        r"authorities|spokes\w+|kremlin|police|emergency services?|council|minister|office|department|"
        r"state emergency service|civil defen[cs]e|rescuers|governorate)\b")),
    (SourceKind.ACADEMIC, re.compile(r"\b(?:university|institute|researchers|academ\w+)\b")),
)
# fmt: on


@attrs.frozen
class Attribution:
    """Who a figure is credited to, as the text says it.

    Attributes:
        source: The origin; ``None`` when the text points back ("it said", "the ministry said").
        via: Sources it passed through on the way, nearest the origin first ("told Reuters").
        refers_to: For a pointer back, the noun it names ("ministry"), or ``""`` for a pronoun.
    """

    source: Source | None
    via: tuple[Source, ...] = ()
    refers_to: str = ""

    def resolve(self, previous: Attribution | None) -> Attribution | None:
        """This attribution with a pointer back replaced by the speaker it points to, if it fits."""
        if self.source is not None:
            return self
        fits = (
            previous is not None
            and previous.source is not None
            and (
                not self.refers_to
                or self.refers_to in previous.source.name.casefold()
                or (
                    self.refers_to in {"ministry", "military", "army"}
                    and previous.source.kind is SourceKind.MILITARY
                )
            )
        )
        if fits and previous is not None:
            return attrs.evolve(previous, via=previous.via + self.via)
        if (
            self.refers_to
        ):  # "the governor said" with no governor named before: the role is the source
            name = self.refers_to[0].upper() + self.refers_to[1:]
            return Attribution(Source(name, kind=source_kind(name)), via=self.via)
        return None


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
    s = " ".join(
        re.sub(r"\([^()]*\)", " ", phrase.replace("’", "'")).strip(" \t\n,.:;-\"“”'()").split()
    )
    s = re.sub(r"^[\W\d_]+", "", s)  # a live-blog time stamp or a list mark before the subject
    low = s.lower()
    m = _LEADING.match(low)
    if m:
        s, low = s[m.end() :], low[m.end() :]
    m = _STATEMENT_OF.match(low)
    if m:
        s, low = s[m.start("who") :], low[m.start("who") :]
    m = _TRAILING.search(low)
    if m and m.start() > 0:
        s, low = s[: m.start()], low[: m.start()]
    based = _BASED.match(s)
    if based:
        s, low = s[based.end() :], low[based.end() :]
    definite = low.startswith("the ")
    for article in ("the ", "a ", "an "):
        if low.startswith(article):
            s, low = s[len(article) :], low[len(article) :]
    possessive = re.match(r"^([a-z]+)'s\s+", low)
    if (
        possessive and possessive.group(1) in COUNTRIES
    ):  # "Ukraine's air force" is the Ukrainian air force
        adjective = COUNTRIES[possessive.group(1)]
        s, low = (
            f"{adjective} {s[possessive.end() :]}",
            f"{adjective.lower()} {low[possessive.end() :]}",
        )
    if re.search(r"\b(?:have|has|had|were|was|been|are|is)\b", low):
        return None  # a clause, not a name
    if low.split()[:1] and (low.split()[0] in _PREPOSITIONS or low.split()[-1] in _COUNTED_HEADS):
        return None  # "Among those cases", "those measles cases": a phrase about the figures, not a body
    if (
        not low
        or (low in _NOT_SOURCES and not s.isupper())
        or low.split()[-1] in _NOT_SOURCE_HEADS
        or "according to" in low
    ):
        return None
    if low in _PRONOUNS or low in _SAME:
        return Attribution(None)  # "it said", "the same source reports": the speaker named before
    if definite and low in _ANAPHORS:
        return Attribution(None, refers_to=low)
    words = s.split()
    if len(words) > 9:
        trailing = _TRAILING_NAME.search(s)
        if trailing is None or len(trailing.group(1).split()) < 2:
            return None
        s = _ROLE_WORDS.sub("", trailing.group(1))  # a long title ends with the person's name
        low, words = s.lower(), s.split()
    if any(ch.isdigit() for ch in s) or not s[0].isalpha():
        return None
    name = _ministry(low) or _media(s, low) or _role(s) or s[0].upper() + s[1:]
    return Attribution(Source(name, kind=source_kind(name), party=_party(name)))


def _ministry(low: str) -> str | None:
    of = _OF_COUNTRY.match(low)  # "the Ministry of Defence of the Russian Federation": Russia's
    if of is not None:
        low = f"{_STATE_NAMES.get(of.group('c'), of.group('c'))} {of.group('m')}"
    m = _MINISTRY.match(low)
    if m is None:
        return None
    topic_word = m.group("t1") or m.group("t2") or "defence"
    topic = _TOPICS.get(topic_word, topic_word.title())
    country = m.group("c")
    adj = COUNTRIES.get(country or "") or (
        country.title() if country and country in _ADJECTIVES else None
    )
    if country and adj is None:
        return None
    return f"{adj} Ministry of {topic}" if adj else f"Ministry of {topic}"


#: A governor named by role, however the text words it: "Donetsk regional governor", "regional governor of
#: Cherkasy", "the governor of the Dnipropetrovsk region" are "Governor of <place> region".
_ROLE_FORMS = (
    (
        re.compile(
            r"^(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:regional|provincial|oblast)\s+governor$"
        ),
        "Governor of {p} region",
    ),
    (
        re.compile(
            r"^(?:regional|provincial)\s+governor\s+of\s+(?:the\s+)?(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
            r"(?:\s+(?:region|oblast|province))?$",
            re.IGNORECASE,
        ),
        "Governor of {p} region",
    ),
    (
        re.compile(
            r"^governor\s+of\s+the\s+(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:region|oblast|province))$",
            re.IGNORECASE,
        ),
        "Governor of {p}",
    ),
)


def _role(s: str) -> str | None:
    for pattern, form in _ROLE_FORMS:
        m = pattern.match(s)
        if m is not None and m.group("p")[:1].isupper():
            return form.format(p=m.group("p"))
    return None


def _media(s: str, low: str) -> str | None:
    # "Ukrainian media sources", "Russian state media reports": the media are the source.
    m = re.match(r"^(.*\bmedia)\s+(?:sources?|reports?|outlets?)$", low)
    return s[: m.end(1)] if m else None


def source_kind(name: str) -> SourceKind:
    """Guess what kind of body a source is from its name."""
    low = name.lower()
    for kind, pattern in _KINDS:
        if pattern.search(low):
            return kind
    return SourceKind.UNKNOWN


def _cut(text: str, offset: int, piece: str) -> str:
    return text[offset : offset + len(piece)]


def _party(name: str) -> str | None:
    for word in re.findall(r"[a-z]+", name.lower()):
        if word in _ADJECTIVES:
            return _ADJECTIVES[word]
    return None


_FIGURE_OF = re.compile(
    r"\s*\((?P<who>[^()]{2,40}?)\s+(?:figures?|estimates?|data|counts?|tally)\)"
)


def figure_of(text: str, low: str, end: int) -> Attribution | None:
    """The source a parenthesis right after a figure names: "88 (government figure)"."""
    m = _FIGURE_OF.match(low, end)
    if m is None:
        return None
    found = canonical_source(_cut(text, m.start("who"), m.group("who")))
    return found if found is not None and found.source is not None else None


def attributions(
    text: str, low: str, start: int, end: int, quotes: Sequence[tuple[int, int]]
) -> list[tuple[int, Attribution]]:
    """Every attribution in the sentence ``text[start:end]`` outside quotations, with its offset.

    ``low`` is ``text`` folded to lower case (same offsets); patterns run on it, names are cut from ``text``.
    """
    out: list[tuple[int, Attribution]] = []

    def quoted(pos: int) -> bool:
        return any(a < pos < b for a, b in quotes)

    for m in _REPORTED_TO.finditer(
        low, start, end
    ):  # "131 cases were reported to CDC": the body counting them
        found = canonical_source(_cut(text, m.start("who"), m.group("who")))
        if found is not None and found.source is not None and not quoted(m.start()):
            out.append((m.start(), found))
    for m in _BY.finditer(
        low, start, end
    ):  # "compiled ... by the Iraq Body Count", "a statement by the minister"
        found = canonical_source(_cut(text, m.start("who"), m.group("who")))
        if found is not None and found.source is not None and not quoted(m.start()):
            out.append((m.start(), found))
    for m in _ACCORDING.finditer(low, start, end):
        found = canonical_source(_cut(text, m.start("who"), m.group("who")))
        if found is not None and found.source is not None and not quoted(m.start()):
            out.append((m.start(), found))
    citing = [
        (m.start(), canonical_source(_cut(text, m.start("who"), m.group("who"))))
        for m in _CITING.finditer(low, start, end)
    ]
    for m in _VERB.finditer(low, start, end):
        verb_at = m.start("verb") if m.group("verb") else m.start("revised")
        if m.group("verb") in _NOUNS and _VERB.match(low, m.end() + 1):
            continue  # "initial reports indicate": a noun before the verb, not the verb
        if (
            quoted(verb_at)
            or _PASSIVE_BEFORE.search(low, start, verb_at)
            or _TO.match(low, m.end())
            or not text[verb_at].islower()
            or low[verb_at - 1 : verb_at] == "-"  # "United States", "lab-confirmed"
            or _NOT_SPEECH.match(low, m.end())
            or _MODIFIES.match(
                low, m.end()
            )  # "48 new confirmed cases", "the number of reported deaths": an adjective
            or low[max(start, verb_at - 7) : verb_at].endswith(("double-", "double ", "re-"))
        ):
            continue
        found = _subject(text, low, start, m.start()) or _inverted(text, low, m.end(), end)
        if found is None:
            continue
        if m.group("verb") in {"told", "tells"}:
            found = attrs.evolve(found, via=found.via + _told(text, low, m.end(), end))
        for cite_at, cited in citing:
            if (
                cited is not None
                and cited.source is not None
                and found.source
                and (0 < cite_at - m.end() < 40 or start <= cite_at < verb_at)
            ):
                # "X said, citing Y" and "Media reports citing Y indicate": Y, through X
                head = (
                    canonical_source(_cut(text, start, low[start:cite_at]))
                    if cite_at < verb_at
                    else found
                )
                via = head.source if head is not None and head.source is not None else found.source
                found = Attribution(cited.source, via=(via, *found.via))
        out.append((verb_at, found))
    return sorted(out, key=lambda pa: pa[0])


def _subject(text: str, low: str, start: int, verb: int) -> Attribution | None:
    head = low[start:verb]
    # "WHO said": the organisation, not the relative pronoun.
    cuts = [
        c
        for c in _BOUNDARY.finditer(head)
        if not text[start + c.start() : start + c.end()].isupper()
    ]
    pieces: list[str] = []
    pos = len(head)
    for cut in reversed(cuts):
        pieces.append(head[cut.end() : pos])
        pos = cut.start()
    pieces.append(head[:pos])
    pieces = [p for p in pieces if p.strip()]
    if not pieces:
        return None
    subject = pieces[0]
    if len(pieces) > 1 and re.match(r"\s*an?\s", subject) and not _ROLE.search(subject):
        subject = pieces[
            1
        ]  # "The Syrian Observatory, a Britain-based war monitor, said": the name, not its description
    # "The governor of Bryansk region, Alexander Bogomaz, said": the role names the source better.
    if (
        len(pieces) > 1
        and not _ROLE.search(subject)
        and _ROLE.search(pieces[1])
        and len(subject.split()) <= 3
    ):
        subject = pieces[1]
    offset = start + head.rfind(subject)
    return canonical_source(_cut(text, offset, subject))


def _inverted(text: str, low: str, after: int, end: int) -> Attribution | None:
    # '..., said the ministry.' — only right after a comma or a closing quotation mark.
    before = low[max(0, after - 30) : after]
    if not re.search(r"[,\"”]\s*\w+$", before):
        return None
    # A title's dot ends no name: "said Col. Ahmed Ali" (the dot read as a space, offsets kept).
    m = re.match(r"\s+([^,.;:\"“”]{2,80})", _TITLE_DOT.sub(r"\1 ", low[after:end]))
    return canonical_source(_cut(text, after + m.start(1), m.group(1))) if m else None


def _told(text: str, low: str, after: int, end: int) -> tuple[Source, ...]:
    m = re.match(
        r"\s+([^,.;:\"“”]{2,60}?)(?=\s+(?:that|on|in|about|at)\b|[,.;:\"“”]|$)", low[after:end]
    )
    if m is None or _VENUES.search(m.group(1)):
        return ()
    found = canonical_source(_cut(text, after + m.start(1), m.group(1)))
    return (found.source,) if found is not None and found.source is not None else ()


def quote_speaker(
    text: str, low: str, opening: int, closing: int, block_start: int, block_end: int
) -> Attribution | None:
    """The speaker of the quotation between ``opening`` and ``closing``, named after or before it."""
    after = low[closing + 1 : block_end]
    m = re.match(rf"\s*,?\s*(?P<verb>{_SPEECH})\s+(?P<who>[^,.;:\"“”]{{2,80}})", after)
    if m:
        return canonical_source(_cut(text, closing + 1 + m.start("who"), m.group("who")))
    m = re.match(
        rf"\s*,?\s*(?P<who>[^,.;:\"“”]{{2,80}}?)\s+(?:had\s+|has\s+)?(?:{_SPEECH})\b", after
    )
    if m:
        return canonical_source(_cut(text, closing + 1 + m.start("who"), m.group("who")))
    before = low[block_start:opening]
    m = re.search(
        rf"(?:^|[.;,\"”]\s)(?P<who>[^,.;:\"“”]{{2,80}}?)\s+(?:{_SPEECH})\b[^\"“.]{{0,60}}[:,]\s*$",
        before,
    )
    if m:
        return canonical_source(_cut(text, block_start + m.start("who"), m.group("who")))
    return None


_DEFINED = re.compile(
    r"(?P<name>[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|the|for|and|on|in|de|du|des)){1,11})\s*\((?P<acr>[A-Z][A-Za-z]{1,9})\)"
)


def defined_names(text: str) -> dict[str, str]:
    """Abbreviations the text defines, as aliases: "The Government of Mozambique (GoM)" makes "GoM" that body.

    The abbreviation's letters must be the initials of the words it stands for, in order, from the
    first word to the last ("U.S. Central Command (USCENTCOM)" defines nothing: it is a name of its own).
    A country before the name is not part of it ("the Philippines National Disaster ... Council (NDRRMC)" is
    the council); other words are ("NYC Department of Health and Mental Hygiene (DOHMH)").

    >>> defined_names("The Government of Mozambique (GoM) said. The GoM reported 3 deaths.")
    {'GoM': 'Government of Mozambique', 'The Government of Mozambique': 'Government of Mozambique'}
    """
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        words, acr = m.group("name").split(), m.group("acr").lower()
        for first in range(len(words)):
            initials = "".join(w[0].lower() for w in words[first:])
            if initials[0] == acr[0] and initials[-1] == acr[-1] and _subsequence(acr, initials):
                lead = words[1:first] if words[0].lower() == "the" else words[:first]
                country = (
                    " ".join(lead).lower() in COUNTRIES or " ".join(lead) in COUNTRIES.values()
                )
                name = " ".join(words[first:] if country or not lead else [*lead, *words[first:]])
                out.setdefault(m.group("acr"), name)
                if " ".join(words) != name:
                    out.setdefault(
                        " ".join(words), name
                    )  # "the Philippines National ... Council": the council
                break
    return out


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)
