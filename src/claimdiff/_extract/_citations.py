"""Citations: whose figure a parenthesis or a closing citation names, and reporters listed with their figures.

"88 (government figure)", "(ECHO 24 Jan 2020)", "reported by Greece (45), Italy (42)": the body is read
by :func:`claimdiff._extract._sources.canonical_source`; :mod:`claimdiff._extract._attribution` asks
these when it reads a sentence's attributions.
"""

from __future__ import annotations

import re

import attrs

from claimdiff._extract._constructions import a_body, names_someone
from claimdiff._extract._pointers import Attribution
from claimdiff._extract._sources import canonical_source, source_kind
from claimdiff._extract._subjects import cut
from claimdiff._extract._time import MONTH_PATTERN
from claimdiff._model.aliases import bodies_named
from claimdiff._model.claim import Source

__all__ = ["based_on", "cited_after_stop", "cited_source", "each_reporter", "figure_of"]


#: A parenthesis naming whose figure it is, right after the figure or its noun: "88 (government figure)",
#: "2,698 dead (government figures)".
_FIGURE_OF = re.compile(
    r"(?:\s+[a-z][a-z-]*){0,2}\s*\((?P<who>[^()]{2,40}?)\s+(?:(?:confirmed|official|provisional|preliminary)\s+)?"
    r"(?:figures?|estimates?|data|counts?|tally)\)"
)
#: The same closing the figure's sentence: "88 people died (government confirmed figure)." (that sentence only).
_SENTENCE_FIGURE_OF = re.compile(
    r"[^.;:!?()\n]{0,150}?\s\((?P<who>[^()]{2,40}?)\s+(?:(?:confirmed|official|provisional|preliminary)\s+)?"
    r"(?:figures?|estimates?|data|counts?|tally)\)\s*(?:[.;!?]|$)"
)

#: The same as a labelled source closing the figure's sentence: "12 died (Source: NDMO).", "(source: the
#: ministry, 4 May)": a citation closing the sentence (ANNOTATION.md rule 16), for that sentence's figures.
_SENTENCE_SOURCE = re.compile(
    r"[^.;:!?()\n]{0,150}?\s?\((?:data\s+)?sources?\s*:\s*(?P<who>[^()]{2,80})\)\s*(?:[.;!?]|$)"
)
#: A source's label opening a citation: "Source: NDMO", "Data source: the ministry", "Sources:".
_LABEL = re.compile(r"^\s*(?:data\s+)?sources?\s*:\s*", re.IGNORECASE)

#: A date closing a citation: "(ECHO 24 Jan 2020)", "(OCHA, 22 Jun 2022)".
_CITED_ON = re.compile(
    r"[,\s]+(?:\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|[A-Za-z]{3,9}\s+\d{4}|"
    r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})\s*$"
)
#: A date without its year closing a citation after a comma: "(source: the ministry, 4 May)", "(NDMO, May 4)".
_CITED_ON_DAY = re.compile(
    rf",\s*(?:\d{{1,2}}\s+{MONTH_PATTERN}|{MONTH_PATTERN}\s+\d{{1,2}})\s*$", re.IGNORECASE
)


def cited_source(phrase: str) -> Attribution | None:
    """The one source a citation names ("ECHO 24 Jan 2020", "UN-WHO data"), or ``None``.

    A date closing it is no part of the name; a citation naming one body the built-in table knows
    is that body ("UN-WHO data" is WHO's).

    >>> cited_source("ECHO 24 Jan 2020").source.name
    'DG ECHO'
    """
    phrase = _CITED_ON_DAY.sub("", _CITED_ON.sub("", _LABEL.sub("", phrase)))
    known = {name for _, name in bodies_named(phrase)}
    if len(known) == 1:
        name = known.pop()
        return Attribution(Source(name, kind=source_kind(name)))
    found = canonical_source(phrase)
    if found is None or found.source is None:
        return None
    if phrase.islower() and not a_body(found.source):
        return None  # "(normal)": a word in brackets, not a citation; "(government figure)" is one
    return found


def figure_of(text: str, low: str, end: int) -> Attribution | None:
    """The source a parenthesis after a figure names: "88 (government figure)", or closing its sentence.

    A labelled source closing the sentence names its figures' source too: "12 died (Source: NDMO)."
    """
    m = (
        _FIGURE_OF.match(low, end)
        or _SENTENCE_FIGURE_OF.match(low, end)
        or (_SENTENCE_SOURCE.match(low, end) if low.find("source", end, end + 240) >= 0 else None)
    )
    return None if m is None else cited_source(cut(text, m.start("who"), m.group("who")))


#: A reporter's figure in brackets after its name, in a list of reporters: "Greece (45)", ", Italy (42)".
_THEIR_FIGURE = re.compile(r"\s*\(\s*\d[\d,. ]*\)")
_NEXT_REPORTER = re.compile(
    r",?\s*(?:and\s+)?(?P<who>[A-Z][^,;:.()\"“”]{1,40}?)\*?(?=\s*\(\s*\d[\d,. ]*\))"
)


def each_reporter(text: str, at: int, end: int) -> list[tuple[int, Attribution]]:
    """The reporters listed after a passive's first agent, each before its figure in brackets, or none.

    "have been reported by Greece (45), Italy (42) and Serbia (35)": Italy's and Serbia's, each where
    its name stands, none reaching back to the total (ANNOTATION.md F10: the total no one of them states).
    """
    first = _THEIR_FIGURE.match(text, at, end)
    if first is None:
        return []
    out: list[tuple[int, Attribution]] = []
    pos = first.end()
    while (m := _NEXT_REPORTER.match(text, pos, end)) is not None:
        found = canonical_source(m.group("who"))
        if found is None or found.source is None:
            break
        out.append((m.start("who"), attrs.evolve(found, reaches_back=False)))
        figure = _THEIR_FIGURE.match(text, m.end(), end)
        if figure is None:
            break
        pos = figure.end()
    return out


#: One parenthesis after a paragraph's last full stop, closing it: "... Deraa. (Reuters)", "(AFP via Google)".
_CITED_AFTER = re.compile(r"[.!?][ \t]*\((?P<who>[A-Z][^()\n]{1,60})\)\s*$")
#: "X via Y" in a citation: X's, passed on by Y.
_VIA = re.compile(r"\s+via\s+")


def cited_after_stop(body: str) -> Attribution | None:
    """The one body a parenthesis closing a paragraph after its full stop names, or ``None``.

    "A suicide bomber kills at least two people in Deraa. (Reuters)": Reuters, a citation closing the
    paragraph (ANNOTATION.md rule 16); "(AFP via Google)": AFP's, via Google. Several parentheses
    ("(BBC) (Reuters)") name no one source (rule 18), and a bracket inside the sentence is an aside.

    >>> cited_after_stop("Two trains crash; 13 people killed. (AFP via Google)").via[0].name
    'Google'
    >>> cited_after_stop("Two trains crash. (BBC) (Reuters)") is None
    True
    """
    m = _CITED_AFTER.search(body)
    if m is None:
        return None
    first, *rest = _VIA.split(m.group("who"), maxsplit=1)
    cited = cited_source(first)
    if cited is None or cited.source is None or not a_body(cited.source):
        return None
    passed = cited_source(rest[0]) if rest else None
    if passed is None or passed.source is None:
        return cited
    return attrs.evolve(cited, via=(*cited.via, passed.source))


#: A basis naming whose figures it is: "based on (a compilation of) official figures from X", "based on data by X".
_BASED_ON = re.compile(
    r"\bbased\s+on\s+(?:[a-z]+\s+){0,4}?(?:figures|data|statistics|numbers|records|counts|tallies)\s+"
    r"(?:from|of|by|(?:provided|released|compiled|published)\s+by)\s+(?P<who>(?:the\s+)?[a-z][^,.;:\"“”()]{1,80}?)"
    r"(?=\s+(?:on|in|at|as|and\s+(?:the\s+)?[a-z]+\s+(?:said|says))\b|[,.;:()]|$)"
)


def based_on(text: str, low: str, start: int, end: int) -> tuple[int, Attribution] | None:
    """The body a basis of the sentence ``text[start:end]`` names as the figures' author, with its offset.

    "..., based on official figures from the ministry": the ministry's, when no one in the sentence
    speaks (the caller asks only then: with a speaker, the basis is no second speaker, ANNOTATION.md
    C13); "based on these reports" names no body.

    >>> text = "12 died, based on data from the Harbour Board."
    >>> based_on(text, text.lower(), 0, len(text))[1].source.name
    'Harbour Board'
    """
    if low.find("based on", start, end) < 0:
        return None
    m = _BASED_ON.search(low, start, end)
    if m is None:
        return None
    found = canonical_source(cut(text, m.start("who"), m.group("who")))
    return (m.start(), found) if names_someone(found) else None
