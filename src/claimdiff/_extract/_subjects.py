"""The subject of a verb of speech: the phrase before it, or the one after it when the verb opens its clause.

"The coast guard, which patrols the strait, said": the coast guard (a relative clause set off by commas
is skipped); "after state media said": state media (a subject begins after a subordinator); '..., said
Ann Lee, a spokeswoman for the agency': the agency, Ann Lee speaking for it; "told Reuters": the outlet
spoken to. :mod:`claimdiff._extract._attribution` finds the verbs; this module reads who they name.
"""

from __future__ import annotations

import re

from claimdiff._extract._pointers import Attribution, with_person
from claimdiff._extract._sources import canonical_source
from claimdiff._model.claim import Source

__all__ = [
    "APPOSED_ROLE",
    "ROLE",
    "TITLE_DOT",
    "cut",
    "inverted",
    "set_off_before",
    "subject",
    "told",
]

# fmt: off
#: Where a clause or a phrase set off from the subject begins: punctuation, a dash, a conjunction, a relative
#: pronoun or a subordinator ("after state media said": the subject starts after "after").
_BOUNDARY = re.compile(
    r"[,;:\"“”—–]|\s--?\s|\b(?:that|while|which|who|whose|whom|where|when|but|as|after|before|because|"
    r"although|though|since|until|unless|whereas)\b"
)
#: A figure's clause and the conjunction after it, before a subject: "5 died and (the governor said)"; a
#: list mark ("2. Media and civil organisations") is no figure.
_CONJUNCTION = re.compile(r"\b(?:and|but|or)\s+")
_FIGURE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b")
_LIST_MARK = re.compile(r"\s*\d+[.)]\s")
#: A relative clause or a time set off by commas or dashes: ", where a leak happened,", ", on Tuesday," is
#: no subject.
_SET_OFF = (
    r"[,—–]\s*(?:which|who|whose|whom|where|(?:late |early |earlier |later )?on|earlier|later|meanwhile|however|"
    r"also|too|again|in|at|during|amid|via|through|under|for (?:its|his|her|their) part|"
    r"(?:cited|quoted|reported|published|released|issued|seen|obtained|compiled)\s+by)\b[^,;:\"“”—–]*"
)
_RELATIVE = re.compile(_SET_OFF + r"(?=[,—–])")
#: A person's role set off right before the verb: "Rob Manning, a Pentagon spokesman, said the two troops ...
#: were evacuated" (the name before it is the subject; the phrase after the verb is what was said).
_ROLE_SET_OFF = re.compile(
    r",\s*(?:an?|the)\s+[^,;:\"“”]{0,60}?\b(?:spokes(?:man|woman|person)|official|director|chief|head|"
    r"minister|commander|governor|officer|representative|secretary|coordinator)\b[^,;:\"“”]{0,50},\s*$"
    # "Ana Vell, for the Kalomir Red Cross, said" (matched in lower case: no time nor purpose after "for")
    r"|,\s*for\s+(?:the\s+)?(?!(?:first|second|last|past|next|now|example|instance|years?|months?|weeks?|days?|"
    r"hours?|decades?|a|an|his|her|its|their|our|this|that)\b)[^,;:\"“”\d]{2,80},\s*$"
)
#: A phrase set off by commas that closes right before the verb: "The ministry, however, said"; "The state
#: government, in a letter to the federal authorities, said" (the verb does not open a clause of its own).
_SET_OFF_BEFORE = re.compile(_SET_OFF + r"[,—–]\s*$")
#: A person's or body's name closing its sentence after the verb: " Jena.", " Ann Lee".
_NAME_CLOSING = re.compile(r"\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*[.!?]?\s*$")
#: What opens a verb's complement, never its subject: a figure in digits (after a hedge), "that".
_COMPLEMENT = re.compile(
    r"(?:(?!(?:the|an?|its|their)\b)[a-z]+\s+){0,3}\d|that\b|(?:at least|at most|more than|less than|fewer than|"
    r"up to|as many as|nearly|almost|about|around|some|over|roughly|approximately)\s+[a-z]"
)
#: A participle opening a phrase after the subject: "GVV Sharma, supervising rescue operations said".
_PARTICIPLE = re.compile(r"\s*[a-z]+ing\s+(?!officials?\b|sources?\b|authorities\b)")
#: A parenthesis and the footnote mark after it: "(MSPP per its French acronym)2".
_ASIDE = re.compile(r"\([^()]*\)\d{0,2}")
#: A finite verb of speech: a subject phrase never holds one ("X said in a release issued at ..." is X's).
_FINITE_SPEECH = re.compile(r"\b(?:said|says|told|tells)\b")
#: A title's dot: "Gov. Ann Lee", "Col. Ali" (no end of a name).
TITLE_DOT = re.compile(r"\b(mr|mrs|ms|dr|gen|lt|col|maj|capt|sgt|prof|sen|rep|gov|brig)\.")
_VENUES = re.compile(r"\b(?:briefing|conference|reporters|journalists|press|parliament|audience|crowd|meeting)\b")
ROLE = re.compile(
    r"\b(?:governor|minister|mayor|spokes\w*|president|head|chief|commander|official|director|member|"
    r"secretary|commissioner|coordinator|magistrate|administrator|superintendent)\b"
)


#: "for" opening a phrase set off after a person's name: ", for the agency," (whom they speak for).
_FOR = re.compile(r"\s*for\s+(?=\S)")
#: A person's name: two to four capitalised words ("Shabia Mantoo").
_PERSON = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}")
#: A person's role in apposition after their name: ", a spokeswoman for the agency,"; it ends at a comma or
#: where the place they spoke begins (", spokesperson for OCHA at a briefing in Geneva").
APPOSED_ROLE = re.compile(
    r",\s(?P<role>(?:(?:an?|the)\s)?[^,;:\"“”]{2,120}?)(?:,|(?=\s+(?:at|during|in|on)\s+(?:(?:an?|the|his|her|its)\s+)?"
    r"(?:[a-z]+\s+)?(?:briefing|press|news|conference|meeting|interview|session)\b))"
)

# fmt: on


def cut(text: str, offset: int, piece: str) -> str:
    """The piece of ``text`` at ``offset`` that ``piece`` (cut from its lower-case copy) spans."""
    return text[offset : offset + len(piece)]


def subject(text: str, low: str, start: int, verb: int) -> Attribution | None:
    """The phrase of the verb at ``verb``: the phrase before it, from its clause's start."""
    # ", where a leak happened after the quake,": a relative clause set off between subject and verb
    head = _RELATIVE.sub(lambda r: " " * len(r.group(0)), low[start:verb])
    # "the Ministry of Health (Ministère ..., MSPP)2, reported": a parenthesis (and a footnote mark after
    # it) is an aside of the name, its commas no boundary of the subject
    masked = _ASIDE.sub(lambda r: " " * len(r.group(0)), head) if "(" in head else head
    # "WHO said": the organisation, not the relative pronoun.
    cuts = [
        c
        for c in _BOUNDARY.finditer(masked)
        if not text[start + c.start() : start + c.end()].isupper()
    ]
    pieces: list[str] = []
    pos = len(head)
    for boundary in reversed(cuts):
        pieces.append(head[boundary.end() : pos])
        pos = boundary.start()
    pieces.append(head[:pos])
    pieces = [p.rstrip() for p in pieces if p.strip()]
    if not pieces or _FINITE_SPEECH.search(pieces[0]):
        return None  # "X said in a release issued ...": "issued" has no subject of its own
    pieces[0] = _after_figure(
        pieces[0]
    )  # "5 died and the governor said": after the figure's clause
    phrase = pieces[0]
    set_off = masked.rstrip()[-1:] in {",", "—", "–"}
    if len(pieces) > 1 and set_off and re.match(r"\s*an?\s", phrase) and not ROLE.search(phrase):
        # "The Syrian Observatory, a Britain-based war monitor, said": the name, not its description
        # ("The toll rose to five, a local source said": the description is the subject)
        phrase = pieces[1]
    if len(pieces) > 1 and _PARTICIPLE.match(phrase):
        pieces = pieces[1:]  # "GVV Sharma, supervising rescue operations said": who supervises
        phrase = pieces[0]
    # "The governor of Bryansk region, Alexander Bogomaz, said": the role names the source better.
    person = ""
    speaks_for = _FOR.match(phrase) if len(pieces) > 1 else None
    named = cut(text, start + head.rfind(pieces[1]), pieces[1]).strip() if speaks_for else ""
    if speaks_for is not None and _PERSON.fullmatch(named):
        # "Ana Vell, for the Kalomir Red Cross, said": the body she speaks for, she speaking for it (rule 17)
        person, phrase = named, phrase[speaks_for.end() :]
    elif (
        len(pieces) > 1
        and not ROLE.search(phrase)
        and ROLE.search(pieces[1])
        and len(phrase.split()) <= 3
    ):
        person = cut(text, start + head.rfind(phrase), phrase).strip()
        phrase = pieces[1]
    elif len(pieces) > 1 and ROLE.search(phrase):
        # "Ann Lee, spokesperson for the agency, said": the agency, Ann Lee speaking for it
        named = cut(text, start + head.rfind(pieces[1]), pieces[1]).strip()
        person = named if _PERSON.fullmatch(named) else ""
    offset = start + head.rfind(phrase)
    found = canonical_source(cut(text, offset, phrase))
    return with_person(found, person) if found is not None and person else found


def set_off_before(low: str, start: int, verb: int) -> bool:
    """Whether a phrase set off by commas closes right before the verb, its subject before it.

    "The ministry, however, said 40 died": the ministry said it (the verb opens no clause of its own).
    """
    m = _SET_OFF_BEFORE.search(low, start, verb) or _ROLE_SET_OFF.search(low, start, verb)
    return m is not None and re.search(r"\w", low[start : m.start()]) is not None


def _after_figure(piece: str) -> str:
    """``piece`` from its last conjunction on when a figure comes before it and none after (linear)."""
    last = None
    for last in _CONJUNCTION.finditer(piece):  # noqa: B007 - the last one is wanted
        pass
    if last is None or _FIGURE.search(piece, last.end()):
        return piece
    mark = _LIST_MARK.match(piece)  # "2. Media and civil organisations": a list mark is no figure
    start = mark.end() if mark is not None else 0
    return piece[last.end() :] if _FIGURE.search(piece, start, last.start()) else piece


def inverted(text: str, low: str, after: int, end: int) -> Attribution | None:
    """The subject after a verb that opens its clause: "..., said the ministry"."""
    # '..., said the ministry.' — only right after a comma or a closing quotation mark.
    before = low[max(0, after - 30) : after]
    if not re.search(r"[,\"”]\s*\w+$", before) and not _NAME_CLOSING.match(text, after, end):
        return None  # "... have been damaged said Jena.": a name closing the sentence, no comma
    # A title's dot ends no name: "said Col. Ahmed Ali" (the dot read as a space, offsets kept).
    m = re.match(r"\s+([^,.;:\"“”]{2,80})", TITLE_DOT.sub(r"\1 ", low[after:end]))
    if m is None or _COMPLEMENT.match(m.group(1)):
        return None  # "X, the monitor, said 40 died": the verb's complement, not its subject
    role = APPOSED_ROLE.match(low, after + m.end(1), end) or APPOSED_ROLE.match(
        low[:end] + ",", after + m.end(1)
    )
    if role is not None and ROLE.search(
        role.group("role")
    ):  # "said Ann Lee, a spokeswoman for the agency"
        found = canonical_source(cut(text, role.start("role"), role.group("role")))
        if found is not None:
            return with_person(found, cut(text, after + m.start(1), m.group(1)))
    return canonical_source(cut(text, after + m.start(1), m.group(1)))


def told(text: str, low: str, after: int, end: int) -> tuple[Source, ...]:
    """The outlet a speaker spoke to: "told Reuters" (none for a venue: "told reporters")."""
    m = re.match(
        r"\s+([^,.;:\"“”]{2,60}?)(?=\s+(?:that|on|in|about|at)\b|[,.;:\"“”]|$)", low[after:end]
    )
    if m is None or _VENUES.search(m.group(1)):
        return ()
    found = canonical_source(cut(text, after + m.start(1), m.group(1)))
    return (found.source,) if found is not None and found.source is not None else ()
