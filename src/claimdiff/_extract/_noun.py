"""The figure's noun phrase: the thing counted and the participle that gives a metric.

"941 partially damaged houses" counts houses (damaged); "two Kh-22 cruise missiles" counts missiles;
"19 Nipah virus (NiV) cases" counts cases; "1.2m Syrian refugees" counts refugees. The head noun of
the phrase after the number is the thing counted, modifiers before it are not.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping

from claimdiff._extract._compounds import METRIC_NOUNS as _METRIC_NOUNS
from claimdiff._extract._compounds import NEXT_NOUN as _NEXT_NOUN
from claimdiff._extract._compounds import STOP as _STOP
from claimdiff._extract._compounds import is_plural as _is_plural
from claimdiff._extract._compounds import modifies_next as _modifies_next
from claimdiff._extract._compounds import plural as _plural
from claimdiff._extract._headlines import title_cased
from claimdiff._extract._identity import by_identity
from claimdiff._extract._sources import COUNTRIES
from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._model.numbers import NUMBER_WORDS
from claimdiff._model.vocabulary import Vocabulary

__all__ = ["ABBREVIATED", "NATIONALITIES", "PERSONS", "STRIKES", "counted"]

# fmt: off
_ADJECTIVES = frozenset(
    {"strong", "powerful", "major", "deadly", "massive", "violent", "successive", "consecutive", "moderate", "senior", "private", "public", "residential", "inbound", "incoming", "enemy", "hostile", "other", "more",
     "additional", "new", "local", "foreign", "unmanned", "separate", "further", "small", "large", "big",
     "multi-storey", "high-rise", "apartment", "administrative", "critically", "seriously", "severely",
     "lightly", "slightly", "badly", "injured", "wounded", "innocent", "young", "elderly", "armed", "unarmed",
     "confirmed", "suspected", "reported", "registered", "internally", "total", "such",
     "of", "the", "their", "its", "those", "these"}
)
# fmt: on
#: Nouns of people: who "a"/"an" counts as one of the dead or hurt (not the attack or the building), who
#: can be present at a scene.
# fmt: off
PERSONS = frozenset(
    {"people", "children", "women", "men", "civilians", "soldiers", "officers", "workers", "residents",
     "police officers", "policemen", "servicemen", "patients", "girls", "boys", "babies", "infants",
     "journalists", "medics", "doctors", "nurses", "teachers", "students", "farmers", "fishermen",
     "firefighters", "rescuers", "volunteers", "pilgrims", "refugees", "migrants", "adults", "teenagers",
     "contractors", "service members", "servicemembers", "troops", "miners", "passengers", "spectators",
     "worshippers", "crew members", "hostages"}
)
# fmt: on
#: Attacks counted as they are carried out: a verb after them says what they did, not what was done to them.
STRIKES = frozenset({"strikes", "airstrikes", "air strikes", "raids", "sorties", "engagements"})
_DEMONYMS = frozenset(adj.lower() + "s" for adj in COUNTRIES.values() if adj[-1] in "ni")
_NATION_PLURAL = re.compile(r"[a-z]{3,}(?:ians|ans|ese|is)")  # a capital plural naming a people
NATIONALITIES = frozenset(adj.lower() for adj in COUNTRIES.values())


def counted(
    text: str,
    low: str,
    pos: int,
    end: int,
    vocabulary: Vocabulary,
    *,
    single: bool,
    keep_modifiers: bool = False,
) -> tuple[str | None, int, str | None]:
    """The counted thing after a number, where its noun phrase ends, and the metric a participle in it gives.

    Modifiers before the noun are not the noun ("941 partially damaged houses" counts houses,
    damaged; "two Kh-22 cruise missiles" counts missiles); a number ends the phrase. With
    ``keep_modifiers``, a known head keeps the words before it ("cruise missiles"), which is how a
    text tells apart figures it gives side by side (:func:`told_apart`).
    """
    body = _BODY.match(text, pos, end)
    if body is not None and _initials_hold(body.group("name"), body.group("acronym")):
        # "210 World Food Programme (WFP) staff members": the body, by its acronym, names the people
        thing, after, given = counted(text, low, body.end(), end, vocabulary, single=single)
        if thing is not None and after > body.end():
            return (
                vocabulary.counted(f"{body.group('acronym').lower()} {thing}"),
                after,
                given,
            )
    kinds = _KINDS_OF_PEOPLE.match(low, pos, end)
    if kinds is not None:
        named = [w.strip(",") for w in kinds.group().split()]
        if "men" in named or "adults" in named:
            return "people", kinds.end(), None  # "33 million men, women and children": everyone
        # "dozens of women and children": the part of the people the text counts, as it names it
        return " ".join(named), kinds.end(), None
    head = _HEAD.match(low, pos, end)
    if head is not None and not any(
        w in _STOP or w in TRIGGERS for w in re.findall(r"[a-z]+", head.group("mods"))
    ):
        return (
            vocabulary.counted(head.group("head")),
            head.end(),
            None,
        )  # "19 Nipah virus (NiV) cases": the head noun
    words: list[str] = []
    names: list[str] = []  # capitalised modifiers before the head: "Maccabi Haifa", "Hispanic"
    nationality = False  # whether a nationality was read before the head
    np_end = pos
    participle: str | None = None
    keys = by_identity(_MULTIWORD, vocabulary.counted_synonyms, _multiword)
    for m in _words(text, pos, end):
        word = low[m[0] : m[1]]
        if (
            not words
            and participle is None
            and TRIGGERS.get(word) in _PARTICIPLES
            and (word.endswith("ed") or word in {"homeless", "missing"})
        ):
            participle = TRIGGERS[word]
            continue
        if not words and participle is None and word in _ILL and not low.endswith("ly ", pos, m[0]):
            # "125 ill people": the cases of an outbreak, unless a verb says more ("critically ill": a condition)
            participle = "cases"
            continue
        if (
            words
            and word not in vocabulary.counted_synonyms
            and (
                (word.endswith("ly") and len(word) > 4)
                or (word.endswith("ing") and words[-1].endswith("s"))
            )
        ):
            # "1.2 million already internally displaced": an adverb ends the noun phrase, as a
            # participle after a plural head does ("300 rescuers carrying instruments")
            break
        if not words and (
            word in _ADJECTIVES
            or word in {"already", "still", "now", "currently"}
            or word.endswith("-old")  # "a two-month-old baby": an age, not the thing counted
            or (word.endswith("ly") and len(word) > 4)
            or any(ch.isdigit() for ch in word)
        ):
            continue
        if word in NUMBER_WORDS or (word in _COMPASS and _OF_AFTER.match(low, m[1], end)):
            break  # "one airstrike west of Bayji": a bearing ends the phrase
        if not words:
            spelled = _spelled_out(text, m[0], end, vocabulary, single=single)
            if spelled is not None:  # "an ISIL vehicle borne improvised explosive device (VBIED)"
                return vocabulary.counted(spelled[0]), spelled[1], participle
            if _side_name(text, text[m[0] : m[1]], m[1], end):
                names.append(word)
                continue  # "three ISIL excavators": whose things they are, not which things
        rest = low[m[0] : end]
        multi = (
            next(
                (k for k in keys if rest.startswith(k) and not rest[len(k) : len(k) + 1].isalnum()),
                None,
            )
            if keys and rest.startswith(keys)
            else None
        )
        if multi is not None:
            # "aircraft-type unmanned aerial vehicles": a known name of several words is the head, the
            # words before it modifiers (kept only to tell figures apart)
            thing = " ".join([*words, multi]) if keep_modifiers and words else multi
            return vocabulary.counted(thing), m[0] + len(multi), participle
        original = text[m[0] : m[1]]
        known = word in vocabulary.counted_synonyms
        if (
            word in _METRIC_NOUNS
            and words
            and not any(w in vocabulary.counted_synonyms for w in words)
        ):
            return (
                "people",
                np_end,
                participle,
            )  # "655,000 excess deaths": a modifier of the deaths, which are people's
        if not words and word in {"and", "or"} and nationality:
            continue  # "8,000 German and Austrian houses": two nationalities modify the thing counted
        if (
            (word in _STOP and not original.isupper())  # "three WHO regions": an acronym, no "who"
            or word in TRIGGERS
            or (rest.startswith(_MULTIWORD_STARTS) and _MULTIWORD_TRIGGER.match(rest))
        ):
            break
        if (
            (words or _ADVERB_BEFORE.search(low, pos, m[0]))
            and word.endswith("ed")
            and not known
            # after a plural head an "-ed" word is its verb ("30 countries reported 8,643 cases")
            and (word not in _ADJECTIVES or (bool(words) and _is_plural(words[-1])))
        ):
            break  # "600 refugees crossed": the verb ends the phrase, as after "12,272 officially"
        if not known and (
            word.endswith(("'s", "’s"))
            or (not words and word.endswith("ing") and _AFTER_PARTICIPLE.match(low, m[1], end))
        ):
            # "the village's 1,800 residents": a possessive determines a noun after it, never the
            # head; "79,123 staying in evacuation centres": a participle, the number's verb
            break
        if not words and (word in NATIONALITIES or ABBREVIATED.fullmatch(word)):
            nationality = True
            continue  # "38 Ukrainian UAVs", "two Russian missiles": a nationality modifies the thing counted
        if not words and original[0].isupper() and _NATION_PLURAL.fullmatch(word) and not known:
            return "people", m[1], participle  # "7.7 million displaced Colombians": a people
        if (
            original[0].isupper()
            and not (known or word in _DEMONYMS or original.isupper() or original[:-1].isupper())
            and not title_cased(text, pos, end)
        ):  # "32 Militants Killed": a headline's capitals
            ahead = itertools.islice(_words(text, m[1], end), 3)
            nxt = next((w for w in ahead if text[w[0]].islower()), None)
            following = low[nxt[0] : nxt[1]] if nxt is not None else ""
            if not (following and following not in _STOP and following not in TRIGGERS):
                break  # a name ends the phrase
            if not words:
                names.append(word)
                continue  # "Ukrainian aerial drones", "one Houthi radar site": a modifier, not the thing counted
        words.append(word)
        np_end = m[1]
        if known and _modifies_next(low, word, m[1], end, vocabulary, single=single):
            head = _NEXT_NOUN.match(low, m[1], end)
            if head is not None and head.group(1) in STRIKES:  # "two drone strikes" are strikes
                return head.group(1), head.end(), participle
            continue  # "377 missile systems", "12 rocket attacks": a singular noun modifies the head after it
        if known or word in _DEMONYMS or word in STRIKES or len(words) == 3:
            break
    if not words:
        return None, pos, None
    if words[-1] in _DEMONYMS:
        return "people", np_end, participle
    phrase = " ".join(words)
    if single and phrase not in vocabulary.counted_synonyms:
        phrase = " ".join([*words[:-1], _plural(words[-1])])
    if phrase.endswith("staff members"):
        phrase = phrase[: -len(" members")]  # staff members are the staff (ANNOTATION.md rule 13)
    if phrase == "population":
        phrase = "people"  # "18 million affected population"
    if len(words) > 1 and words[-1] in _AREA_HEADS and not keep_modifiers:
        phrase = words[
            -1
        ]  # "30 EU/EEA countries": an area's modifier names no population (rule 13)
    if phrase in ("male", "female"):
        phrase += "s"  # "(26 male, 22 female)", "one female": males and females counted
    if names and phrase in _MEMBERS:
        # "three Maccabi Haifa officials", "11,303 Hispanic workers": the name tells which population
        # the people are (ANNOTATION.md rule 13); a thing's name ("Houthi radar site") is dropped
        return vocabulary.counted(" ".join([*names, phrase])), np_end, participle
    if (
        not keep_modifiers
        and len(words) > 1
        and phrase not in vocabulary.counted_synonyms
        and words[-1] in vocabulary.counted_synonyms
    ):
        phrase = words[-1]  # "long-range drones" are drones, "cruise missiles" missiles
    acronym = _ACRONYM.match(low, np_end, end)
    if (
        phrase not in vocabulary.counted_synonyms
        and acronym is not None
        and (
            acronym.group(1) in vocabulary.counted_synonyms
            or f"{acronym.group(1)}s" in vocabulary.counted_synonyms
        )
    ):
        phrase = acronym.group(
            1
        )  # "uncrewed aerial vehicles (UAVs)": the acronym the vocabulary knows names them
    return vocabulary.counted(phrase), np_end, participle


#: People counted as members of a body or a population, which a name before them says: "UNRWA staff".
_MEMBERS = frozenset(
    {"officials", "staff", "staffers", "employees", "workers", "members", "personnel", "players",
     "volunteers", "crew", "crew members", "fans", "pilgrims", "students", "teachers", "officers"}
)  # fmt: skip
_AREA_HEADS = frozenset(
    {"countries", "territories", "states", "provinces", "districts", "regions", "counties"}
)
_KIND = r"(?:men|women|children|boys|girls|adults|elderly people|the elderly)"
#: People named by sex and age in a coordination: "men, women and children", "women and children".
_KINDS_OF_PEOPLE = re.compile(rf"\s+{_KIND}(?:\s*,\s*{_KIND})*\s*,?\s+and\s+{_KIND}\b")


#: A named body spelt out, then its acronym in brackets, before the thing counted:
#: "12 World Food Programme (WFP) drivers". The name's capitalised words may be joined by a few
#: small lowercase words ("Agency for ... in the ...").
_BODY = re.compile(
    r"[^\S\n]+(?P<name>[A-Z][\w'’-]*(?:[^\S\n]+(?:(?:for|of|and|in|the|on)[^\S\n]+)*[A-Z][\w'’-]*){1,12})"
    r"[^\S\n]*\((?P<acronym>[A-Z]{2,8})\)"
)


def _initials_hold(name: str, acronym: str) -> bool:
    """Whether an acronym is made of the name's capital initials, in order, from the first one."""
    initials = iter(w[0] for w in name.split() if w[0].isupper())
    return acronym[0] == name[0] and all(ch in initials for ch in acronym)


#: An acronym in brackets right after the thing counted: "unmanned aerial vehicles (UAV)".
_ACRONYM = re.compile(r"\s*\(([a-z]{2,6}?)s?\)")


#: A head noun after a few modifiers, names or an acronym in brackets: "19 Nipah virus (NiV) cases".
_HEAD = re.compile(
    r"(?P<mods>(?:\s+(?:[a-z][\w-]*|\([a-z0-9-]{1,12}\))){1,6}?)\s+(?P<head>cases|infections)\b"
)


def _side_name(text: str, original: str, after: int, end: int) -> bool:
    """Whether an acronym before a noun names the side the things are of ("ISIL vehicles"), not which things.

    A side's acronym stands before several things a sentence tallies ("destroyed two ISIL vehicles,
    an ISIL bunker"), or before what strikes hit ("one strike destroyed an ISIL rig"): it tells
    none of them apart (ANNOTATION.md rule 13, settled C8), unlike a body's before the one thing it
    names ("40 UNRWA installations"). An acronym the text spells out in lower-case
    words is a kind of thing ("vehicle borne improvised explosive device (VBIED)": "VBIED
    factories"), as is one heading the phrase.
    """
    if len(original) < 2 or not (original.isalpha() and original.isupper()):
        return False
    following = next(_words(text, after, end), None)
    if following is None or not (
        text[following[0]].islower() or text[following[0] : following[1]].isupper()
    ):
        return False  # "5,000 ISIL were killed": the acronym is the head
    word = text[following[0] : following[1]].lower()
    if word in _STOP or word in TRIGGERS:
        return False
    reach = max(0, after - _SIDE_REACH)
    since = max(
        reach, text.rfind("\n", reach, after), text.rfind(". ", reach, after)
    )  # its sentence
    until = min(end, after + _SIDE_REACH)  # bounded both ways: a long sentence stays linear
    if text.count(f"{original} ", since, until) < 2 and _TALLY.search(text, since, until) is None:
        return False  # "40 UNRWA installations": one thing named by its body, no tally of a side's things
    at = text.find(
        f"({original})", max(0, after - _SPELLING_REACH), min(end + 1, after + _SIDE_REACH)
    )
    return at < 0 or not text[:at].rstrip()[-1:].islower()


def _spelled_out(
    text: str, pos: int, end: int, vocabulary: Vocabulary, *, single: bool
) -> tuple[str, int] | None:
    """A thing named by more words than a noun phrase is read for, then its acronym in brackets.

    "two house borne improvised explosive devices (HBIED)" counts the devices the acronym names
    (its letters are the words' initials); a name the vocabulary knows is left to it ("UAVs").
    """
    bracket = text.find("(", pos, min(end, pos + 100))
    m = _SPELLED.match(text, pos, end) if bracket > 0 else None
    if m is None:
        return None
    words = re.split(r"[\s-]+", m.group("words"))
    acronym = m.group("acronym").lower()
    if (
        len(words) <= 3
        or "".join(w[0] for w in words) != acronym
        or acronym in vocabulary.counted_synonyms
        or f"{acronym}s" in vocabulary.counted_synonyms
    ):
        return None
    phrase = " ".join(words)
    return (" ".join([*words[:-1], _plural(words[-1])]) if single else phrase), m.end()


#: Bearings: "west of Bayji" says where, after the thing counted.
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "north-east", "north-west", "south-east", "south-west"}
)  # fmt: skip
_OF_AFTER = re.compile(r"\s+of\b")
#: Right before a word, an adverb: "officially listed", "formally registered".
_ADVERB_BEFORE = re.compile(r"[a-z]{3,}ly\s+$")
#: How far before a figure a sentence's other things of the same side are looked for.
_SIDE_REACH = 300
#: A tally of strikes: the things it counts are the side's it struck (ANNOTATION.md settled C8).
_TALLY = re.compile(r"(?i)\b(?:air\s?)?strikes?\b")
#: How far before a figure the text is searched for an acronym's spelling out.
_SPELLING_REACH = 3000
#: Lower-case words, then an acronym in brackets: "vehicle borne improvised explosive device (VBIED)".
_SPELLED = re.compile(
    r"(?P<words>(?:[a-z][a-z-]*[^\S\n]+){1,7}[a-z][a-z-]*)[^\S\n]*\((?P<acronym>[A-Z]{2,8})s?\)"
)


#: Adjectives of people made ill: an outbreak's cases ("13 ill people in three states"; ANNOTATION.md rule 12).
_ILL = frozenset({"ill", "sick"})
#: Metrics whose participle may stand before the thing counted: "941 damaged houses", "four injured people".
_PARTICIPLES = frozenset(
    {
        "damaged",
        "destroyed",
        "injured",
        "killed",
        "displaced",
        "affected",
        "evacuated",
        "collapsed",
        "razed",
        "flooded",
        "trapped",
        "rescued",
        "missing",
        "homeless",
    }
)
#: Triggers of several words ("unaccounted for", "lost their lives"): they end a noun phrase as one word does.
_MULTIWORD_STARTS = tuple({t.split()[0] + " " for t in TRIGGERS if " " in t})
_MULTIWORD_TRIGGER = re.compile(rf"(?:{alternation(t for t in TRIGGERS if ' ' in t)})\b")


def _multiword(names: Mapping[str, str]) -> tuple[str, ...]:
    """The counted things of several words, longest first (matched before single words)."""
    return tuple(sorted((k for k in names if " " in k), key=len, reverse=True))


#: :func:`_multiword` of each vocabulary's synonyms, by the table's identity (read for every figure).
_MULTIWORD: dict[int, tuple[Mapping[str, str], tuple[str, ...]]] = {}


def _words(text: str, pos: int, end: int) -> Iterator[tuple[int, int]]:
    """Offsets of the words right after ``pos`` that are separated only by spaces, read as they are asked for."""
    at = pos
    while (m := _WORD.match(text, at, end)) is not None:
        yield m.start(1), m.end(1)
        at = m.end()


#: A word, or an abbreviation written with dots ("U.S.", "U.K."), read as one word; two words joined by a slash
#: are one modifier ("EU/EEA countries", "mud/wood houses": the head is the noun after them).
_WORD = re.compile(
    r"[^\S\n]*((?:[A-Z]\.){2,}|[A-Za-z][\w'’-]*(?:/[A-Za-z][\w'’-]*(?=[ \t]+[A-Za-z]))?)"
)
#: A country's abbreviation used as its adjective: "U.S. soldiers", "U.K. nationals".
ABBREVIATED = re.compile(r"(?:[a-z]\.){2,}")


#: After a word in -ing, a preposition or the end of the clause: the word is a verb ("79,123 staying in ...").
_AFTER_PARTICIPLE = re.compile(
    r"\s*(?:$|[,.;:)]|(?:in|at|on|inside|outside|with|from|to|near|across|for|under|elsewhere)\b)"
)
