"""One body, one name in a text: the fullest name the text itself gives a body its figures are credited to.

ANNOTATION.md rule 17: a body is written "as the text spells it most fully", an acronym only when the
text never spells the name, and a body of the built-in table as the table names it. A text may credit
one body under several forms ("the Health Ministry said", later "the Ministry of Health said"; "SES
said" after naming "the State Emergency Service of Kalomir"); each figure is filed under the one name.
Nothing is expanded from outside knowledge: every name chosen is written in the text.
"""

from __future__ import annotations

import re

import attrs

from claimdiff._extract._candidate import Candidate
from claimdiff._extract._names import JOINERS
from claimdiff._extract._roles import COUNTRIES
from claimdiff._extract._sources import canonical_source
from claimdiff._model.aliases import SOURCE_ALIASES, source_key
from claimdiff._model.claim import Source

__all__ = ["one_name"]

#: A ministry the text names with capitals, in either order: "Ministry of Public Health", "Health Ministry".
_MINISTRY = re.compile(
    r"\b(?:Ministry\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3}|"
    r"(?:(?!(?:The|A|An)\s)[A-Z][\w'’-]*\s+){1,3}Ministry\b(?!\s+of\b))"
)
#: A ministry's core, "Ministry of X", inside a name that may add its state: "Kalomir Ministry of Health".
_CORE = re.compile(
    r"\bMinistry\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3}?(?=\s+of\b|$)"
)
#: A state owning the ministry right before it: "Kalomir's ", "Kalomiri ".
_OWNER = re.compile(
    r"(?:^|\s)(?!(?:The|A|An|In|On|At|By|For|From|Its|Their)\s)(?P<owner>[A-Z][\w-]*)(?:['’]s)?\s+$"
)
#: The state a ministry's name closes with: " of Kalomir", " of the Republic of Kalomir".
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3}")
#: A name of capitalised words, joiners between them: "State Emergency Service of Kalomir".
_PROPER = re.compile(
    r"\b[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?[A-Z][\w'’-]*){1,9}"
)
#: The nationality adjectives a ministry's name may open with ("Russian", "Kenyan").
_NATIONALITIES = frozenset(COUNTRIES.values())
#: The names the built-in table files its bodies under.
_TABLE_NAMES = frozenset(SOURCE_ALIASES.values())
#: Words before a ministry's name that are no part of it: a determiner, a possessive ("Kalomir's").
_NOT_NAME = re.compile(r"^(?:(?:The|A|An|Its|Their|This|That|Our)\s+|[A-Z][\w-]*['’]s\s+)+")
#: A capitalised word (and a joiner) right before a position: the position is inside a name.
_INSIDE_A_NAME = re.compile(
    r"\b(?!(?:The|A|An|In|On|At|By|For|From)\s)[A-Z][\w'’-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?$"
)
#: An acronym a figure may be credited under: three to six capitals.
_ACRONYM = re.compile(r"[A-Z]{3,6}")


def one_name(found: list[Candidate], text: str, outlet: Source) -> list[Candidate]:
    """``found`` with each body credited under one name: the fullest the text gives it, else as found.

    "Health Ministry" and "Ministry of Health" (one body: the same folded key) become the form with
    more words the text writes; an acronym credited for figures ("SES") becomes the one name in the
    text whose initials it is, with or without a closing "of" and a place ("State Emergency Service of
    Kalomir"). A body of the built-in table keeps the table's name; the outlet is left as it is.

    >>> one_name([], "", Source("Daily Planet"))
    []
    """
    names = {c.claim.source.name for c in found} - {outlet.name}
    if not names:
        return found
    renamed = {**_ministries(names, text), **_acronyms(names, text)}
    renamed = {old: new for old, new in renamed.items() if new != old}
    if not renamed:
        return found
    return [
        c
        if c.claim.source.name not in renamed
        else attrs.evolve(
            c,
            claim=attrs.evolve(
                c.claim, source=attrs.evolve(c.claim.source, name=renamed[c.claim.source.name])
            ),
        )
        for c in found
    ]


def _table_name(name: str) -> bool:
    """Whether the built-in table names this body (its name is then the table's, rule 17)."""
    return source_key(name) in SOURCE_ALIASES or name.strip() in _TABLE_NAMES


def _ministries(names: set[str], text: str) -> dict[str, str]:
    """Each credited name of a ministry -> the fullest spelling of it the text writes (the first of those).

    A spelling with its state ("Kalomir's Ministry of Health", "the Ministry of Health of Kalomir") is
    fuller than the bare one, unless the text names the ministries of two states: then no bare name is
    said to be either's.
    """
    credited = {n for n in names if "ministry" in n.lower() and not _table_name(n)}
    if not credited:
        return {}
    keys = {_bare_key(n) for n in credited}
    written: dict[str, list[str]] = {}
    for m in _ministries_written(text):
        spelled = _NOT_NAME.sub("", m.group(0))
        key = _key(spelled)
        if key in keys:
            written.setdefault(key, []).append(_with_state(text, m, spelled))
    out: dict[str, str] = {}
    for name in credited:
        key = _bare_key(name)
        spellings = [*written.get(key, []), *(n for n in credited if _bare_key(n) == key)]
        if len({" ".join(s.lower().split()) for s in spellings}) < 2:
            continue
        fullest = max(len(s.split()) for s in spellings)
        states = {source_key(s) for s in spellings if _key(s) != key}
        if len(states) > 1:
            continue  # two states' ministries: a bare name is neither's
        # the most words, then the first the text writes
        out[name] = " ".join(next(s for s in spellings if len(s.split()) == fullest).split())
    return out


def _with_state(text: str, m: re.Match[str], spelled: str) -> str:
    """The ministry ``m`` with the state the text writes around it, named as the reader names a body."""
    before = _OWNER.search(text, max(0, m.start() - 40), m.start())
    after = _OF_STATE.match(text, m.end())
    if before is None and after is None:
        return spelled
    start = m.start() if before is None else before.start("owner")
    found = canonical_source(text[start : m.end() if after is None else after.end()])
    return spelled if found is None or found.source is None else found.source.name


def _bare_key(name: str) -> str:
    """The folded key of a ministry's name without the state before or after it ("Ministry of Health")."""
    core = _CORE.search(name)
    return _key(core.group(0) if core is not None else name)


def _ministries_written(text: str) -> list[re.Match[str]]:
    """The ministries the text names with capitals, read only around each "Ministry" (a word it rarely holds)."""
    out: list[re.Match[str]] = []
    at = text.find("Ministry")
    while at >= 0:
        window = max(0, at - 60)
        for m in _MINISTRY.finditer(text, window, min(len(text), at + 80)):
            if m.start() <= at < m.end() and (not out or m.start() >= out[-1].end()):
                out.append(m)
        at = text.find("Ministry", at + 8)
    return out


def _key(name: str) -> str:
    """A ministry's name folded (:func:`claimdiff._model.aliases.source_key`), "X Y Ministry" as "Ministry of X Y".

    A nationality before it stays in front: "Kalomiri Public Health Ministry" is the Kalomiri Ministry
    of Public Health.
    """
    words = name.split()
    if words[:1] in (["The"], ["the"]):
        words = words[1:]
    if words[-1:] and words[-1].lower() == "ministry" and "of" not in (w.lower() for w in words):
        front = words[:1] if words[:1] and words[0] in _NATIONALITIES else []
        words = [*front, "Ministry", "of", *words[len(front) : -1]]
    key = source_key(" ".join(words))
    # "Foreign Ministry" is the Ministry of Foreign Affairs the same text writes out
    return key + " affairs" if key.endswith("ministry of foreign") else key


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in JOINERS).upper()


def _acronyms(names: set[str], text: str) -> dict[str, str]:
    """Each credited acronym -> the one name the text writes whose initials it is, if exactly one."""
    acronyms = {n for n in names if _ACRONYM.fullmatch(n) and not _table_name(n)}
    if not acronyms:
        return {}
    spelled: dict[str, list[str]] = {}
    # a name whose initials an acronym is opens with the acronym's first letter: only those are read
    opening = re.compile(rf"\b(?=[{''.join(sorted({a[0] for a in acronyms}))}])")
    for start in opening.finditer(text):
        at = start.start()
        if _INSIDE_A_NAME.search(text, max(0, at - 40), at):
            continue  # a word inside a longer name: the name is read from its first word
        m = _PROPER.match(text, at)
        if m is None:
            continue
        words = m.group(0).split()
        if words[0].lower() == "the":
            words = words[1:]
        whole = _initials(words)
        cut = [i for i, w in enumerate(words) if w == "of"]
        before = _initials(words[: cut[-1]]) if cut else ""
        for acronym in acronyms:
            if acronym in (whole, before) and len(words) >= len(acronym):
                spelled.setdefault(acronym, [])
                name = " ".join(words)
                if name not in spelled[acronym]:
                    spelled[acronym].append(name)
    out: dict[str, str] = {}
    for acronym, spellings in spelled.items():
        # the name the text spells out in full, the longest (with its "of" and place) first
        bodies = {s for s in spellings if not any(o != s and o.startswith(s) for o in spellings)}
        if len(bodies) == 1:
            out[acronym] = bodies.pop()
    return out
