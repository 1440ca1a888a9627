"""Whom a person or a role speaks for: offices, spokespeople, ministers, governors, ministries, and kinds of body.

"Interior Minister Ana Ruiz" speaks for the Ministry of Internal Affairs, "a spokeswoman for UNICEF" for
UNICEF, "Russian President Vladimir Putin" is the office "President of Russia"; :mod:`claimdiff._extract._sources`
reads a whole subject phrase with these.
"""

from __future__ import annotations

import re

import attrs

from claimdiff._model.aliases import bodies_named, canonical_source
from claimdiff._model.claim import Source, SourceKind

__all__ = [
    "ANAPHORS",
    "A_SPOKESPERSON",
    "COUNTRIES",
    "LOCATED",
    "NAMED_OFFICIALS",
    "ONE_OFFICIAL",
    "PERSON_AFTER_ROLE",
    "PRONOUNS",
    "UNNAMED_PEOPLE",
    "body_of",
    "media_name",
    "ministry_name",
    "of_region",
    "office_of",
    "party_of",
    "role_name",
    "source_kind",
]

# fmt: off
#: Country -> adjective; used to name ministries alike however they are written, and to guess a party.
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


_MINISTRY = re.compile(
    r"^(?:(?P<c>[a-z]+)(?:'s|’s)?\s+)?(?:(?P<t1>[a-z]+)\s+ministry|ministry\s+of\s+(?P<t2>[a-z]+(?:\s+affairs)?)|"
    r"(?P<mod>mod))$"
)


#: A ministry and the place it serves: "health ministry in gaza", "ministry of health in hamas-run gaza".
_MINISTRY_IN = re.compile(
    r"^(?P<m>(?:[a-z]+\s+)?ministry(?:\s+of\s+[a-z]+(?:\s+affairs)?)?)\s+in\s+"
    r"(?:[a-z]+-(?:run|led|controlled|held)\s+)?(?P<c>[a-z]+)$"
)
#: "ministry of defence of the russian federation": the ministry, then its state.
_OF_COUNTRY = re.compile(r"^(?P<m>ministry\s+of\s+[a-z]+(?:\s+affairs)?)\s+of\s+(?:the\s+)?(?P<c>[a-z ]+)$")


#: A state's formal name -> the name ``COUNTRIES`` knows it by.
_STATE_NAMES = {"russian federation": "russia", "republic of belarus": "belarus", "islamic republic of iran": "iran",
                "syrian arab republic": "syria", "republic of turkey": "turkey", "republic of türkiye": "turkey"}


_TOPICS = {"defense": "Defence", "defence": "Defence", "health": "Health", "foreign": "Foreign Affairs",
           "interior": "Internal Affairs", "emergencies": "Emergencies", "emergency": "Emergencies",
           "home": "Home Affairs"}


PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})


#: Nouns that point back to the speaker just named when definite ("the ministry said").
ANAPHORS = frozenset(
    {"ministry", "governor", "agency", "military", "army", "official", "officials", "spokesman", "spokeswoman",
     "spokesperson", "mayor", "president", "minister", "authorities", "administration", "office", "organisation",
     "organization", "department", "service", "police", "group", "un", "mission", "navy", "officer",
     "air force", "company", "commission", "centre", "center", "council", "committee", "authority", "bureau",
     "headquarters", "command"}
)


_KINDS: tuple[tuple[SourceKind, re.Pattern[str]], ...] = (
    (SourceKind.INTERNATIONAL, re.compile(
        r"\b(?:un|united nations|ocha|unicef|unhcr|who|world health organi[sz]ation|icrc|red cross|red crescent|"
        r"iom|wfp|world food programme|iaea|osce|nato|unrwa|undp|unfpa|unep|fao|unesco|unodc|unaids|ifrc|un-habitat)\b")),
    (SourceKind.NGO, re.compile(
        r"\b(?:ngo|msf|m[ée]decins|doctors without borders|amnesty|human rights watch|save the children|oxfam|"
        r"charity|rights group|monitor)\b")),
    (SourceKind.AGENCY, re.compile(
        r"\b(?:reuters|associated press|ap|afp|agence france|tass|ria|interfax|ukrinform|xinhua|bloomberg|dpa|"
        r"anadolu|efe|news agency)\b")),
    (SourceKind.MILITARY, re.compile(
        r"\b(?:ministry of defen[cs]e|defen[cs]e ministry|armed forces|military|army|navy|air force|general staff|forces|command|idf|"
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


#: A person's name after their role: "Health Minister Ana Ruiz", "spokesperson Maj. Gen. Ann Lee".
PERSON_AFTER_ROLE = re.compile(
    r"\b(?i:minister|spokes(?:man|woman|person)|chief|head|director(?:[- ]general)?|commissioner(?:-general)?|"
    r"president|governor|secretary-general|mayor|coordinator|official|chair(?:man|woman|person))\s+"
    r"(?:(?:Maj|Gen|Lt|Col|Brig|Capt|Dr|Mr|Mrs|Ms|Prof)\.?\s+)*"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})$"
)


#: A person speaking for a body they belong to or head: "a spokesperson for the agency", "a member of the
#: provincial council", "the head of the city administration", "the agency's director"; a one-person office (governor, mayor, president) is no such
#: person, it stays the office.
_FOR_BODY = re.compile(
    r"^(?:[a-z]+\s+)?(?:spokes(?:man|woman|person)|head|chief|director(?:[- ]general)?|commissioner(?:-general)?|"
    r"executive director|representative|member|chair(?:man|woman|person)?|press[- ](?:service|office|cent(?:re|er))|"
    r"media office)\s+(?:for|of|at)\s+(?:the\s+)?(?P<body>.+)$",
    re.IGNORECASE,
)


#: A rank before a role: "UNICEF senior spokesperson" (any other word before the role is the body's).
_RANK = r"(?:senior|chief|deputy|acting|top|main|official|principal|assistant|associate|regional|local|press)"
#: Capitalised words of a head's title before its role noun: "Executive Director", "Deputy Commissioner".
_TITLE_WORDS = frozenset({"Executive", "Deputy", "Acting", "Assistant", "Senior", "Regional"})
#: Title words that make an office of its own: "High Commissioner", "Special Representative" (ANNOTATION.md rule 17).
_OFFICE_WORDS = frozenset({"High", "Special"})
#: A word of a person's name: capitalised, or a particle ("al-Kidra", "bin Zayed", "van der Berg").
_NAME_WORD = r"(?:[A-Z]|(?:al|el|ad|as|ash|bin|ibn|abu|de|da|di|du|van|von|der|le|la)\b-?)[\w.'’-]*"
#: The body before the speaker's role, with or without the person's name: "UNICEF spokesperson Ann Lee".
_BODY_ROLE = re.compile(
    rf"^(?P<body>.+?)(?:'s)?\s+(?:{_RANK}\s+)?(?i:spokes(?:man|woman|person)|chief|head|director(?:[- ]general)?|"
    rf"commissioner(?:-general)?|chair(?:man|woman|person))(?:\s+{_NAME_WORD}){{0,4}}$"
    r"|^(?P<owner>.+?)'s\s+(?:[a-z]+\s+)?(?:officials?|officers?|spokes(?:man|woman|person)|press[- ]service|"
    r"press[- ]office|media office)$"
)


#: A named outlet's reporter, and where they report from: "SANA reporter in Hama", "the Kalomir TV correspondent".
_REPORTER = re.compile(
    r"^(?P<body>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}?)(?:['’]s)?\s+(?:reporter|correspondent)"
    r"(?:\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?$"
)
#: A rank or title before a person's name closing a body's name: "... Authority Maj. Gen. Saeed Aleem".
_RANKED = re.compile(
    r"(?:\s+(?:Maj|Gen|Lt|Col|Brig|Capt|Dr|Mr|Mrs|Ms|Prof)\.?)+(?:\s+[A-Z][\w'’-]*)+$"
)


#: A one-person office of a state, its holder named or not: "Russian President Vladimir Putin".
_HEAD_OF_STATE = re.compile(
    r"^(?P<adj>[A-Z][a-z]+)\s+(?P<office>[Pp]resident|[Pp]rime [Mm]inister)(?:\s+[A-Z][\w.'’-]*){0,4}$"
)
#: A one-person office of a place, with or without the person: "Oaxaca Governor Alejandro Murat",
#: "Kyiv Mayor Vitali Klitschko", "Taiwan's Premier William Lai" (the office speaks, ANNOTATION.md rule 17).
_PLACE_OFFICE = re.compile(
    r"^(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:'s|’s)?\s+"
    r"(?P<office>President|Prime Minister|Premier|Chancellor|Chief Minister|Governor|Mayor)"
    r"(?:\s+[A-Z][\w.'’-]*){0,4}$"
)
#: A one-person office of a place written out, then its holder's name (two words): "Governor of Irkutsk
#: Region Sergei Levchenko" is the office (ANNOTATION.md rule 17: `Governor of Odesa Oblast`).
_OFFICE_OF_PLACE = re.compile(
    r"^(?P<office>(?:Acting\s+)?(?:President|Prime Minister|Governor|Mayor|Head))\s+of\s+"
    r"(?P<place>(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’()-]+){0,3}?)\s+[A-Z][\w.'’-]+\s+[A-Z][\w'’-]+$"
)
#: A place's one-person office in lower case after its possessive: "Nagorno-Karabakh's president".
_OWNED_OFFICE = re.compile(
    r"^(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:'s|’s)\s+(?P<office>president|prime minister|governor|mayor)$"
)
#: The level closing a region's name: "Bryansk Region Governor" is a governor of a region (role_name).
_LEVEL_WORDS = frozenset({"region", "oblast", "province", "krai"})
#: Words before an office that are a rank or a level, not a place: "Deputy Governor", "Regional Governor".
_RANKS = frozenset({"deputy", "vice", "acting", "former", "lieutenant", "regional", "provincial", "state", "city",
                    "county", "interim", "the", "then", "new", "district", "municipal", "local"})  # fmt: skip


#: The UN's chief, named or not: "UN Secretary-General António Guterres".
_SECRETARY_GENERAL = re.compile(
    r"^(?:(?:UN|U\.N\.|United Nations)\s+)?Secretary-General(?:\s+\S+){0,4}$"
)


#: A minister named by portfolio, with or without the person: "Health Minister", "Interior Minister Ana Ruiz",
#: "the minister of health": the ministry speaks.
_MINISTER = re.compile(
    r"^(?:(?P<c>[A-Za-z]+)\s+)??(?:(?:first|deputy|vice)\s+){0,2}"
    r"(?:(?P<t1>health|interior|defen[cs]e|emergencies|emergency|foreign|home)\s+minister|"
    r"minister\s+of\s+(?P<t2>health|interior|defen[cs]e|emergencies|emergency situations|foreign affairs))"
    r"(?:\s+[A-Z][\w.'’-]*){0,4}$",
    re.IGNORECASE,
)


def _without_trailing_name(body: str) -> str:
    """A body's name without the person's name that closes it after a lower-case head noun.

    "the media office Ismail Al-Thawabta" is the office; "Ministry of Health" keeps its capitals; after a
    capitalised head noun, a name of two or three words is the person's ("... Administration Ivan Petrov").
    """
    words = body.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        head, name = words[-n - 1], words[-n:]
        if (
            head.isalpha()
            and head.islower()
            and len(head) > 2
            and all(w[:1].isupper() for w in name)
        ):
            return " ".join(words[:-n])
        if (
            n >= 2
            and head.lower() in _BODY_HEADS
            and head[:1].isupper()
            and all(w[:1].isupper() and w.lower() not in _BODY_HEADS for w in name)
        ):
            return " ".join(words[:-n])  # "the Oblast Military Administration Ivan Petrov": the administration
    return body


#: The head nouns a body's capitalised name closes with: a person's name after one is no part of it.
_BODY_HEADS = frozenset(
    {"administration", "office", "authority", "agency", "ministry", "council", "service", "services",
     "department", "committee", "commission", "centre", "center", "command", "directorate", "bureau",
     "institute", "organization", "organisation", "society", "board", "headquarters", "secretariat"}
)  # fmt: skip


#: The abbreviated title of a governor: "Gov. Ann Lee".
_GOV = re.compile(r"\bGov\.(?=\s)")


def office_of(s: str) -> str | None:
    """A one-person office a phrase names, under the office's name: "Russian President Vladimir Putin"."""
    s = _GOV.sub("Governor", s)  # "Kunar Gov. Asadullah Wafa": the governor of Kunar
    if _SECRETARY_GENERAL.match(s):
        return "Secretary-General"
    m = _HEAD_OF_STATE.match(s)
    country = _ADJECTIVES.get(m.group("adj").lower()) if m is not None else None
    if m is not None and country:
        return f"{m.group('office').title()} of {country}"
    titled = _OFFICE_OF_PLACE.match(s)
    if titled is not None and titled.group("place").split()[-1].lower() in _BODY_HEADS:
        titled = None  # "Head of the Oblast Military Administration Ivan Petrov": a body's head is the body
    if titled is not None:  # "President of Russia Vladimir Putin", "Governor of Irkutsk Region Sergei Levchenko"
        return f"{titled.group('office')} of {titled.group('place')}"
    owned = _OWNED_OFFICE.match(s)
    if owned is not None:  # "Nagorno-Karabakh's president": the office, as rule 17 writes it
        return f"{owned.group('office').title()} of {owned.group('place')}"
    m = _PLACE_OFFICE.match(s)
    words = m.group("place").lower().split() if m is not None else []
    if m is None or words[0] in _RANKS or words[-1] in _LEVEL_WORDS:
        return None  # "Deputy Governor"; "Bryansk Region Governor" is read by role_name
    place = re.sub(r"['’]s$", "", m.group("place"))
    place = _ADJECTIVES.get(place.lower(), place)  # "Japanese Premier": of Japan
    return f"{m.group('office')} of {place}"


#: People who speak unnamed, as the text names them: "the refugees said" (ANNOTATION.md rule 18).
UNNAMED_PEOPLE = frozenset({"residents", "villagers", "refugees", "survivors", "witnesses", "rescuers",
                            "doctors", "medics", "activists", "relatives", "locals", "volunteers"})  # fmt: skip
#: Bodies a text names in lower case: "a police spokesman", "an army spokesman", "the city administration".
_INSTITUTIONS = frozenset(
    {"city", "regional", "police", "army", "military", "government", "ministry", "navy"}
)


#: A person's name closing a phrase: two or three capitalised words ("Antonio Guterres").
_CLOSING_NAME = (
    re.compile(r"\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+$"),
    re.compile(r"\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+$"),
)


#: A person named with the body they come from: "Abdul Majid Akhundzada from provincial council".
_PERSON_FROM = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,4}from\s+(?:the\s+)?(?P<body>[^,;:]{3,80})$")


def _office_of_known_body(s: str) -> str | None:
    """The phrase before a person's name when it is all a known body's name or its head's office, else ``None``.

    >>> _office_of_known_body("UN High Commissioner for Refugees Antonio Guterres")
    'UN High Commissioner for Refugees'
    """
    if _CLOSING_NAME[0].search(s) is None or canonical_source(s) != s:
        return None  # no name closing it; "The United Nations Human Rights Office": a known body, whole
    for closing in _CLOSING_NAME:
        m = closing.search(s)
        rest = s[: m.start()] if m is not None else ""
        known = bodies_named(rest) if rest else []
        if known and known[0][0] == 0 and canonical_source(rest) == known[0][1]:
            return rest
    return None


def body_of(s: str) -> str | None:
    """The body a person named by role speaks for, or ``None`` when the phrase names no such person."""
    held = _office_of_known_body(s)
    if held is not None:  # "UN High Commissioner for Refugees Antonio Guterres": UNHCR (rule 17)
        return held
    m = _MINISTER.match(s)
    if m is not None:
        topic = (m.group("t1") or m.group("t2")).lower().split()[0]
        country = m.group("c") or ""
        return f"{country} {topic} ministry".strip()
    reporter = _REPORTER.match(s)
    if reporter is not None:  # "SANA reporter in Hama": the agency whose reporter it is (rule 17)
        return reporter.group("body")
    m = _FOR_BODY.match(s) or _BODY_ROLE.match(s)
    person = _PERSON_FROM.match(s) if m is None else None
    if person is not None and source_kind(person.group("body")) is not SourceKind.UNKNOWN:
        return person.group("body")  # "Abdul Akhundzada from provincial council": the council (rule 17)
    if m is None:
        return None
    body = _RANKED.sub("", (m.groupdict().get("body") or m.group("owner")).strip())
    if body.split()[-1] in _OFFICE_WORDS:
        return None  # "UN High Commissioner Filippo Grandi": an office of its own (rule 17), no body before it
    while len(body.split()) > 1 and body.split()[-1] in _TITLE_WORDS:
        body = body.rsplit(maxsplit=1)[0]  # "UNICEF Executive Director Ann Lee": UNICEF, whose head she is
    body = _without_trailing_name(body)  # "the media office Ismail Al-Thawabta": the office
    if body.lower() in _ADJECTIVES:
        return None  # "Japanese Chief Cabinet Secretary": a nationality alone is no body
    if body.lower() in ANAPHORS:
        return f"the {body}"  # "the centre's duty officer": the centre just named
    first = body.split()[0].lower()
    if (
        first in PRONOUNS
        or first in {"its", "their", "his", "her"}
        or not (
            body[0].isupper() or first in _INSTITUTIONS or body.lower().split()[-1] in ANAPHORS
        )
    ):
        return None  # "his chief", "the head of state": no body named
    # "a spokesman for the provincial governor", "the district police's spokesman": the office or body, in
    # lower case as the text writes it (a person speaking for it is it, ANNOTATION.md rule 17)
    return body


def ministry_name(low: str, s: str = "") -> str | None:
    """A ministry under one name however a text writes its field and its state or place.

    "Russia's defense ministry" and "the Ministry of Defence of the Russian Federation" are the
    Russian Ministry of Defence; given the phrase as written (``s``), a place that is no country is
    kept as its name: "Gaza's health ministry", "the health ministry in Hamas-run Gaza" and "the
    Ministry of Health in Gaza" are the Gaza Ministry of Health.

    >>> ministry_name("health ministry in hamas-run gaza", "health ministry in Hamas-run Gaza")
    'Gaza Ministry of Health'
    """
    of = _OF_COUNTRY.match(low)  # "the Ministry of Defence of the Russian Federation": Russia's
    if of is not None:
        low = f"{_STATE_NAMES.get(of.group('c'), of.group('c'))} {of.group('m')}"
    inside = _MINISTRY_IN.match(low)  # "the health ministry in Gaza": Gaza's
    place = s.rsplit(maxsplit=1)[-1] if inside is not None and s else ""
    if inside is not None:
        low = f"{inside.group('c')} {inside.group('m')}"
    elif s:
        place = re.sub(r"['’]s$", "", s.split(maxsplit=1)[0])
    m = _MINISTRY.match(low)
    if m is None:
        return None
    topic_word = m.group("t1") or m.group("t2") or "defence"
    topic = _TOPICS.get(topic_word, topic_word.title())
    country = m.group("c")
    adj = COUNTRIES.get(country or "") or (
        country.title() if country and country in _ADJECTIVES else None
    )
    if country and adj is None and place[:1].isupper() and place.lower() == country:
        adj = place  # a place that is no country, as the text writes it
    if country and adj is None:
        return None
    return f"{adj} Ministry of {topic}" if adj else f"Ministry of {topic}"


#: A governor named by role, however the text words it: "Donetsk regional governor", "regional governor of
#: Cherkasy", "the governor of the Dnipropetrovsk region" are "Governor of <place> region".
_ROLE_FORMS = (
    (
        re.compile(
            r"^(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?i:region|oblast|province|krai)\s+(?i:governor)"
            r"(?:\s+[A-Z][\w'’-]+){0,3}$"
        ),
        "Governor of {p} region",
    ),
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
            r"^governor\s+of\s+the\s+(?:neighbou?ring\s+|southern\s+|northern\s+|eastern\s+|western\s+)?"
            r"(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:region|oblast|province))$",
            re.IGNORECASE,
        ),
        "Governor of {p}",
    ),
)


def role_name(s: str) -> str | None:
    for pattern, form in _ROLE_FORMS:
        m = pattern.match(s)
        if m is not None and m.group("p")[:1].isupper():
            return form.format(p=m.group("p"))
    return None


def media_name(s: str, low: str) -> str | None:
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


def party_of(name: str) -> str | None:
    for word in re.findall(r"[a-z]+", name.lower()):
        if word in _ADJECTIVES:
            return _ADJECTIVES[word]
    return None


#: A governor named by role, with or without the person: "regional Governor Oleh Syniehubov", "the regional
#: governor", "Governor Vyacheslav Gladkov", "Kharkiv Governor Oleh Syniehubov".
_REGIONAL_ROLE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w'’-]+\s+)?(?:(?:[Rr]egional|[Pp]rovincial|[Oo]blast)\s+(?:[Gg]overnor|[Gg]ov\.)\b"
    r"|(?:[Gg]overnor|[Gg]ov\.)\s+[A-Z])"
)


_REGION_KIND = re.compile(r"\s+(?:oblast|region|province|governorate|krai|kray)$", re.IGNORECASE)


def of_region(source: Source, place: tuple[str, ...]) -> Source:
    """A governor named by role (and person) is the governor of the region the figure is in."""
    if len(place) < 2 or not _REGIONAL_ROLE.match(source.name):
        return source
    return attrs.evolve(source, name=f"Governor of {_REGION_KIND.sub('', place[1])} region")
# fmt: on


#: Officials after a body's full name, three capitalised words or more: "Combined Joint Task Force ... officials".
NAMED_OFFICIALS = re.compile(
    r"^(?P<body>[A-Z][\w.'’&-]*(?:\s+(?:of|the|for|and|on))*\s+[A-Z][\w.'’&-]*"
    r"(?:(?:\s+(?:of|the|for|and|on))*\s+[A-Z][\w.'’&-]*){1,12})\s+officials$"
)
#: Unnamed speakers, then where they are: "officials in Lake Province", "local authorities in the north".
LOCATED = re.compile(
    r"^(?P<who>(?:[a-z]+\s+){0,4}?(?:officials?|authorities|sources?))\s+(?:in|from|at|with|of)\s+\S.*$"
    r"|^(?P<force>(?:[\w-]+\s+){0,3}?(?:police|police\s+forces|security\s+forces|forces|troops|army|military))"
    r"\s+in\s+(?!charge\b)\S.*$"
)  # "the Afghan police forces in western regions of the country": where they are (ANNOTATION.md G8)
#: A spokesperson named by role alone, without the body they speak for: "a spokeswoman", "a senior spokesman".
A_SPOKESPERSON = re.compile(r"^(?:[a-z]+\s+)?spokes(?:man|woman|person)$")
#: One unnamed official or source, a level or nationality kept: written in the plural ("Officials", "Afghan
#: officials", "Local sources"), as ANNOTATION.md rule 18 writes them.
ONE_OFFICIAL = re.compile(r"^(?:[a-z]+\s+){0,2}(?:official|source)$")
