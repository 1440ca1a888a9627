"""How a text spells a body: its acronyms, its fuller spellings, the bodies a channel speaks for.

Also the words around a name that are no part of it: a dateline, an adjective, a participle, where
the body sits.
"""

from __future__ import annotations

import functools
import re

from claimdiff._extract._roles import COUNTRIES
from claimdiff._extract._time import MONTH_PATTERN
from claimdiff._model.aliases import SOURCE_ALIASES, bodies_named, source_key
from claimdiff._model.aliases import canonical_source as _table_name

__all__ = [
    "AND_WHAT",
    "DATELINE",
    "JOINERS",
    "LEVELS",
    "MEMBERS",
    "PARTICIPLE_AFTER",
    "SITS_IN",
    "TITLE_ADJECTIVE",
    "TRAILING",
    "defined_names",
    "members_of",
    "named_in_apposition",
    "shorter_spellings",
    "spelled_more_fully",
]

#: After a speaker, what names no second speaker: "... and what they are telling us" (a free relative); "UNDAC
#: in collaboration with local authorities" (a partner in the work: the first named speaks, ANNOTATION.md 18c).
AND_WHAT = re.compile(
    r"\s+(?:and\s+(?:what|how|whatever)|in\s+(?:collaboration|cooperation|partnership|coordination)\s+with|"
    r"(?:together|jointly|along)\s+with|with\s+the\s+support\s+of)\s"
)
#: A time closing a name: "in November 2006", "on 12 May", "in 2019" (when it spoke, not who).
_WHEN = (
    rf"in (?:early |late |mid-?)?(?:{MONTH_PATTERN})(?: \d{{1,2}})?(?:,? \d{{4}})?|in \d{{4}}|"
    rf"on \d{{1,2}} (?:{MONTH_PATTERN})(?: \d{{4}})?|on (?:{MONTH_PATTERN}) \d{{1,2}}(?:,? \d{{4}})?"
)
#: What closes a subject phrase and names no one: a time, an adverb ("recently", "reportedly"), "in a statement".
TRAILING = re.compile(
    rf"(?:\s+(?:{_WHEN}|(?:late |early )?on \w+day|(?:on )?\w+day (?:morning|evening|afternoon|night)|\w+day|today|yesterday|"
    r"overnight|later|earlier|meanwhile|also|further|separately|again|initially|previously|first|now|still|there|"
    r"had|has|have|would|will|then|in a statement|in an update|in a telegram post|on telegram|"
    r"in the (?:country|region|area|capital|city|province|state|territory)|worldwide|nationwide|countrywide|globally|"
    r"[a-z]+(?:ntly|ously|ively|ately|ally|edly|ingly|fully|icly|arly)))+$"
)

#: Words that name a level, not the body: "Local officials" and "Officials" are two speakers (ANNOTATION.md 18).
LEVELS = frozenset(
    {
        "local",
        "provincial",
        "regional",
        "state",
        "national",
        "federal",
        "district",
        "city",
        "municipal",
        "county",
        "central",
        "senior",
        "military",
        "government",
    }
)


#: A body's name folded (case, "the", word order of "X ministry"): looked up once per name.
_key = functools.lru_cache(maxsize=4096)(source_key)


def spelled_more_fully(short: str, long: str) -> bool:
    """Whether ``long`` is the body ``short`` names, spelled more fully by a text: proper words before it.

    "Iranian Ministry of Health" spells "Ministry of Health" more fully (ANNOTATION.md rule 17: the name
    as the text spells it most fully); "Local officials" is another speaker than "Officials" (a level,
    rule 18), and a one-word name is too bare to tell.

    >>> spelled_more_fully("Ministry of Health", "Iranian Ministry of Health")
    True
    >>> spelled_more_fully("Health Ministry", "Local Health Ministry")
    False

    The state or place a name closes with ("of the Democratic Republic of the Congo") spells it more
    fully too:

    >>> spelled_more_fully("Ministry of Health", "Ministry of Health of the Republic of Kalomir")
    True
    """
    words, longer = _key(short).split(), _key(long).split()
    if (
        words
        and len(longer) > len(words)
        and longer[: len(words)] == words
        and all(w in _GENERIC_TAIL for w in longer[len(words) :])
        and all(w[:1].isupper() and w.lower() not in LEVELS for w in short.split())
    ):
        return True  # "Xinhua" and "Xinhua News Agency": a name and the same name with its kind of body
    if short.isupper() and short.isalpha() and len(short) >= 2 and _initials(long) == short.lower():
        return True  # "NDMA" after "the National Disaster Management Authority": its initials
    if _MIXED_ACRONYM.fullmatch(short) and short.lower() in _joined_initials(long):
        return True  # "MoH" after "the Ministry of Health", "Cameroonian Ministry of Health": joiners too
    inner = _inner_run(words, longer)
    if inner is not None and len(words) >= 2:
        # "the Red Crescent" after "the Kalomir Red Crescent Society": proper words before, a kind after
        before, after = long.split()[:inner], longer[inner + len(words) :]
        return all(w[:1].isupper() and w.lower() not in LEVELS for w in before) and all(
            w in _GENERIC_TAIL for w in after
        )
    if len(words) < 2 or len(longer) <= len(words):
        return False
    if longer[: len(words)] == words and longer[len(words)] == "of":  # "... of the Red Sea State"
        after = long.split()[len(words) + 1 :]
        return (
            len(long.split()) == len(longer)
            and bool(after)
            and all(w[:1].isupper() or w.lower() in JOINERS for w in after)
        )
    extra = long.split()[: len(longer) - len(words)]
    return longer[len(longer) - len(words) :] == words and all(
        w[:1].isupper() and w.lower() not in LEVELS for w in extra
    )


#: Words naming a kind of body that a name may close with or leave out: "Xinhua News Agency" is Xinhua.
_GENERIC_TAIL = frozenset(
    {"news", "agency", "service", "broadcasting", "corporation", "network", "society", "organisation",
     "organization"}
)  # fmt: skip


#: An acronym with a joiner's small letter: "MoH" (Ministry of Health), "MoPH", "GoM".
_MIXED_ACRONYM = re.compile(r"[A-Z](?:[a-z]?[A-Z]){1,4}[a-z]?")


def _joined_initials(name: str) -> tuple[str, ...]:
    """The initials of a name's words, joiners included, from each capitalised word on ("moh", "cmoh")."""
    words = name.split()
    return tuple(
        "".join(w[0] for w in words[i:]).lower()
        for i in range(len(words) - 2)
        if words[i][:1].isupper()
    )


def _inner_run(words: list[str], longer: list[str]) -> int | None:
    """Where ``words`` stand inside ``longer`` with words on both sides, or ``None``."""
    n = len(words)
    return next(
        (i for i in range(1, len(longer) - n) if longer[i : i + n] == words),
        None,
    )


def _initials(name: str) -> str:
    """The initials of a name of three capitalised words or more, its joiners left out ("ndma"), else ``""``."""
    words = [w for w in name.split() if w.lower() not in JOINERS]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).lower()


def shorter_spellings(name: str) -> list[str]:
    """The folded shorter names ``name`` may spell more fully (see :func:`spelled_more_fully`), to look them up.

    Its last two or more words, its first words before an "of", its initials, and its first words
    before the words naming its kind of body.

    >>> shorter_spellings("Xinhua News Agency")
    ['news agency', 'xna', 'xinhua']
    """
    words = _key(name).split()
    out: list[str] = []
    for n in range(2, len(words)):
        out.append(" ".join(words[-n:]))
        if words[n] == "of":  # "Ministry of Health of the Republic of X": its first words too
            out.append(" ".join(words[:n]))
    initials = _initials(name)
    if len(initials) >= 2:
        out.append(initials)
    out += [i for i in _joined_initials(name) if i not in out]  # "MoH"
    out += [  # "Red Crescent" inside "Kalomir Red Crescent Society"
        " ".join(words[i:j])
        for i in range(1, len(words) - 2)
        for j in range(i + 2, len(words))
        if all(w in _GENERIC_TAIL for w in words[j:])
    ]
    kept = len(words)
    while kept > 1 and words[kept - 1] in _GENERIC_TAIL:
        kept -= 1
    if kept < len(words):
        out.append(" ".join(words[:kept]))
    return out


#: A story's dateline: "DUBAI -", "BEIRUT (Reuters) -", "KABUL:", "GENEVA, May 11 (Xinhua) --".
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?(?:\s*\([^()]{1,30}\))?"
    r"\s*(?:[-–—:]+)\s*"
)


#: A known body closing a description, in brackets or in apposition ("the UN relief agency OCHA"); never
#: the object of a preposition or a conjunct ("the ministry together with WHO", "the police and UNICEF").
_CLOSING_BODY = re.compile(
    r"(?:\(\s*(?P<bracketed>[^()]+?)\s*\)|(?<=[a-z]\s)(?<!\bwith\s)(?<!\band\s)(?<!\bof\s)(?<!\bor\s)(?<!\bby\s)"
    r"(?<!\bfor\s)(?<!\bto\s)(?<!\bfrom\s)(?P<apposed>[A-Z][\w.-]+))\s*$"
)


def named_in_apposition(phrase: str) -> str | None:
    """The one known body a description names in brackets or in apposition at its end, or ``None``."""
    m = _CLOSING_BODY.search(phrase.strip(" \t\n,.:;"))
    if m is None:
        return None
    inner = m.group("bracketed") or m.group("apposed")
    found = bodies_named(inner)
    return found[0][1] if len(found) == 1 and found[0][0] == 0 else None


#: The bodies an organisation's own channel speaks for: its members among the bodies the built-in table
#: knows (``claimdiff._model.aliases``). The United Nations' briefings and news relay its agencies' work.
MEMBERS: dict[str, frozenset[str]] = {
    "United Nations": frozenset({"OCHA", "OHCHR", "WHO", "IOM", "UNHCR", "UNICEF", "WFP", "UNRWA"}),
}


#: What names a channel of an organisation after the organisation's name: "UN News", "UN Geneva".
_CHANNEL = re.compile(
    r"\s+(?:news(?:\s+(?:service|centre|center))?|geneva|new york|press(?:\s+centre)?|briefings?|"
    r"information cent(?:re|er).*)$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=256)
def members_of(outlet: str) -> frozenset[str]:
    """The member bodies of the organisation whose own channel ``outlet`` is (none for any other)."""
    return (
        MEMBERS.get(_table_name(outlet))
        or MEMBERS.get(_table_name(_CHANNEL.sub("", outlet)))
        or frozenset()
    )


#: Words a proper name of many words joins its capitalised words with: "Ministry of Health of the ...".
JOINERS = frozenset({"of", "the", "and", "for", "on", "de", "du", "des", "la"})


#: An adjective a text puts before a body's name: "the official Xinhua News Agency", "state-run CCTV".
TITLE_ADJECTIVE = re.compile(
    r"^(?:[Tt]he\s+)?(?:official|state-run|state-owned|semi-official|government-run|state)\s+(?=[A-Z])"
)


#: A participle phrase after a body's name: "... Bureau interviewed at the site", "... Centre, speaking to".
PARTICIPLE_AFTER = re.compile(
    r"\s+(?:interviewed|speaking|quoted|cited|reached|contacted|visiting|writing|talking|located|based|"
    r"situated|bordering)\b.*$"
)


#: Where a body sits, closing its long name: "in Sudan", "in the Patagonia region of southern Argentina".
SITS_IN = re.compile(r"\s+in\s+(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z][^()]*$")


_DEFINED = re.compile(
    r"(?P<name>[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|the|for|and|on|in|de|du|des)){1,11})\s*\((?P<acr>[A-Z][A-Za-z]{1,9})\)"
)


#: The names the built-in table gives its bodies.
_TABLE_NAMES = frozenset(SOURCE_ALIASES.values())


def defined_names(text: str) -> dict[str, str]:
    """Abbreviations the text defines, as aliases: "The Government of Mozambique (GoM)" makes "GoM" that body.

    The abbreviation's letters must be the initials of the words it stands for, in order, from the
    first word to the last ("U.S. Central Command (USCENTCOM)" defines nothing: it is a name of its own).
    A country before the name is not part of it ("the Philippines National Disaster ... Council (NDRRMC)" is
    the council); other words are ("NYC Department of Health and Mental Hygiene (DOHMH)").

    >>> defined_names("The Government of Mozambique (GoM) said. The GoM reported 3 deaths.")
    {'GoM': 'Government of Mozambique', 'The Government of Mozambique': 'Government of Mozambique'}
    >>> defined_names("the UN Office for the Coordination for Humanitarian Affairs (OCHA) said")["UN Office for the Coordination for Humanitarian Affairs"]
    'OCHA'
    """
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        words, acr = m.group("name").split(), m.group("acr").lower()
        for first in range(len(words)):
            initials = "".join(w[0].lower() for w in words[first:])
            # "Inter-Services Public Relations (ISPR)": each part of a hyphenated word gives its initial too
            parts = "".join(p[0].lower() for w in words[first:] for p in w.split("-") if p)
            if any(
                i[0] == acr[0] and i[-1] == acr[-1] and _subsequence(acr, i)
                for i in (initials, parts)
            ):
                lead = words[1:first] if words[0].lower() == "the" else words[:first]
                country = (
                    " ".join(lead).lower() in COUNTRIES or " ".join(lead) in COUNTRIES.values()
                )
                name = " ".join(words[first:] if country or not lead else [*lead, *words[first:]])
                known = _table_name(m.group("acr"))
                if source_key(known) != source_key(m.group("acr")) or known in _TABLE_NAMES:
                    # "the UN Office for the Coordination ... (OCHA)": a body the built-in table knows
                    # keeps the table's name (rule 17), whatever the text spells it out as
                    out.setdefault(" ".join(words), known)
                    out.setdefault(name, known)
                    break
                out.setdefault(m.group("acr"), name)
                if " ".join(words) != name:
                    out.setdefault(
                        " ".join(words), name
                    )  # "the Philippines National ... Council": the council
                break
        else:
            named = _named_by_foreign_acronym(words, m.group("acr"))
            if named is not None:
                out.setdefault(m.group("acr"), named)
    return out


#: The head nouns of a civil body's name ("... Management Agency", "... Emergency Authority").
_CIVIL_HEADS = frozenset({"agency", "authority", "ministry", "council", "committee", "commission", "service",
                          "bureau", "directorate", "administration", "organisation", "organization", "institute",
                          "centre", "center", "department", "office"})  # fmt: skip


def _named_by_foreign_acronym(words: list[str], acr: str) -> str | None:
    """The body a name in English stands for when its acronym is of its own language, or ``None``.

    "the National Disaster Management Agency (BNPB)", "the Disaster and Emergency Management Authority
    (AFAD)": an all-capital acronym of three letters or more right after a civil body's name is that
    body's short name even when its letters are the initials of the name in another language. A body
    the built-in table knows by the acronym is left to the table.
    """
    if not (acr.isupper() and len(acr) >= 3) or bodies_named(acr):
        return None
    if not _CIVIL_HEADS.intersection(w.lower() for w in words):
        return None
    lead = 1 if words[0].lower() == "the" else 0
    if " ".join(words[lead : lead + 1]).lower() in COUNTRIES:
        lead += 1
    return " ".join(words[lead:]) or None


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)
