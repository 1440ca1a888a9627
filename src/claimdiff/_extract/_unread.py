"""No silent drop: every number in a text that no candidate claim reads, with its place and why.

A number is *read* when it lies inside a figure a candidate was made from (the headline's
figure repeated in the lead counts as read even when the repeat is kept once). Every other
number (a digit run, or a number word such as "twelve" or "dozen") is listed as :class:`Unread`
with the first reason that fits, so that a pasted article never looks more complete than
its candidates are.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, SupportsIndex, overload

import attrs

from claimdiff._extract._figures import FRACTION
from claimdiff._extract._not_counts import CHANGE_VERBS, MAGNITUDE, RANK
from claimdiff._extract._text import alternation
from claimdiff._extract._time import MONTH_FIRSTS, MONTH_PATTERN, YEAR
from claimdiff._extract._verbs import PLAN
from claimdiff._model.numbers import NUMBER_WORDS

if TYPE_CHECKING:
    from claimdiff._extract._candidate import Candidate

__all__ = ["AREA_NOUNS", "Extraction", "Unread", "numerals", "unread"]


@attrs.frozen(kw_only=True)
class Unread:
    """A number in the text that no candidate claim reads.

    Attributes:
        start: Offset of its first character.
        end: Offset after its last character; ``text[start:end] == numeral``.
        numeral: The number as written ("2019", "twelve", "50%" without the sign).
        reason: Why it is not a claim ("a year", "a share, not a count", ...).
    """

    start: int
    end: int
    numeral: str
    reason: str


class Extraction(list["Candidate"]):
    """The candidates of one text, and the numbers of the text they leave unread.

    It is a list of candidates in text order, as :func:`claimdiff.extract` always returned;
    ``unread`` is new.

    >>> from claimdiff import extract
    >>> found = extract("In 2023, officials said 14 people were killed and 45% of homes lost power.")
    >>> [c.phrase for c in found], [(u.numeral, u.reason) for u in found.unread]
    (['14 people'], [('2023', 'a year'), ('45', 'a share, not a count')])
    """

    unread: tuple[Unread, ...]

    def __init__(self, candidates: Iterable[Candidate] = (), unread: Iterable[Unread] = ()) -> None:
        super().__init__(candidates)
        self.unread = tuple(unread)

    @overload
    def __getitem__(self, i: SupportsIndex) -> Candidate: ...
    @overload
    def __getitem__(self, i: slice) -> list[Candidate]: ...
    def __getitem__(self, i: SupportsIndex | slice) -> Candidate | list[Candidate]:
        """A candidate, or a plain list of candidates for a slice."""
        return super().__getitem__(i)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the unread numbers."""
        return (Extraction, (list(self), self.unread))


_WORDS = alternation(NUMBER_WORDS)
#: A scale word after digits is part of the number: "1.1 million" is one numeral, listed once.
_SCALES = "million|billion|trillion|thousand|hundred|lakh|crore"
#: Vague numbers in the plural: "dozens", "hundreds", "tens of thousands", "hundreds of thousands".
_VAGUE = r"(?:tens\s+of\s+|hundreds\s+of\s+)?(?:dozens|hundreds|thousands|millions)"
#: A digit run with its groups ("1,406,710", "3 000", "5.22"), a number word standing alone, or a vague
#: number in the plural ("thousands").
_NUMERAL = re.compile(
    # the first character looked at before the alternatives: it rules out most places at once
    rf"(?=[\d{''.join(sorted({w[0] for w in NUMBER_WORDS} | {'t', 'h', 'd', 'm'}))}])"
    # a space groups thousands only after a group of at most three digits ("1922 472" is two numbers)
    rf"(?:\d+(?:(?:[,.]|(?<!\d{{4}})[ \u2009\u202f](?=\d{{3}}\b))\d+)*(?:[ \u00a0](?:{_SCALES})\b)?"
    rf"|\b{_VAGUE}\b"
    rf"|\b(?:{_WORDS})(?:[- ](?:{_WORDS}))*\b)",
    re.IGNORECASE,
)

#: Nouns of areas: "in 12 states", "across 10 districts" say where, not how many were hit.
AREA_NOUNS = (
    r"(?:provinces?|districts?|regions?|states?|townships?|localities|locality|counties|county|departments?|"
    r"municipalities|communes?|prefectures?|sub-prefectures?|health zones?|health areas?|countries|cities|"
    r"neighbourhoods?|villages?|sites?|barangays?|evacuation cent(?:er|re)s?|(?:relief )?camps?)"
)


def _led(words: str) -> str:
    """A look-ahead for the first letters of ``words`` ("|"-separated): a place none starts at is passed over at once."""
    return f"(?=[{''.join(sorted({w[:1] for w in words.split('|')}))}])"


#: Reasons whose words before the number reach further than a few words: read in a longer window.
_FAR = frozenset(
    {
        "a plan or target, not a level reached",
        "an earlier level the figure changed from",
        "a magnitude or intensity",
    }
)
#: Each reason with the words before the number and after it (``None`` where any fit: not matched).
_REASONS: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, int], ...] = tuple(
    (
        reason,
        re.compile(before + r"\Z", re.IGNORECASE) if before else None,
        re.compile(after, re.IGNORECASE) if after != "^" else None,
        60 if reason in _FAR else 24,
    )
    for reason, before, after in (
        ("a footnote mark", r"\[\s*", r"^\s*\]"),
        ("an amount of money", r"(?:[$€£]|\bus\$|\b(?:usd|eur|gbp|chf)\s*)\s*", r"^"),
        (
            "an amount of money",
            r"",
            r"^\s*(?:million\s+|billion\s+)?(?:dollars|euros|pounds|usd|eur)\b",
        ),
        ("a share, not a count", r"", r"^\s*(?:%|per\s*cent|percent|percentage points?)"),
        (
            "a time of day",
            r"",
            r"^(?::\d\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|hours\s+(?:local|utc|gmt)|utc\b|gmt\b))",
        ),
        ("a time of day", r"\d:", r"^"),
        (
            "a date",
            rf"(?=[{MONTH_FIRSTS}])\b{MONTH_PATTERN}\s*",
            r"^(?!\s*(?:people|persons|killed|dead|died|injured))",
        ),
        ("a date", r"", rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN}(?:\W|$)"),
        (  # the first day of a span of days: "between 20 and 29 December", "20-29 December"
            "a date",
            r"",
            rf"^(?:st|nd|rd|th)?\s*(?:-|–|to|and|until)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN}(?:\W|$)",
        ),
        ("a date", r"\d[/-]", r"^"),
        ("a date", r"", r"^[/-]\d"),
        ("an ordinal", r"", r"^(?:st|nd|rd|th)\b"),
        # a row's first cell naming a class it counts ("9.0+ | 0", "7.0–7.9 | 16"): the kind, not a count
        (
            "a class a table row counts, not a count",
            r"\n[ \t|]*",
            r"^(?:[ \t]*\+|[ \t]*[-–][ \t]*\d+(?:\.\d+)?)[ \t]*\|",
        ),
        (
            "a class a table row counts, not a count",
            r"\n[ \t|]*\d+(?:\.\d+)?[ \t]*[-–][ \t]*",
            r"^[ \t]*\|",
        ),
        # "27 hospitals damaged out of 36", "three out of four dormitories": the whole a part is counted of
        ("the base of a part, not a count", r"\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+)?", r"^"),
        ("a rank, not a count", r"", rf"^{RANK}"),
        ("an age", r"\b(?:age[sd]?|aged)\b[^.;,]{0,18}", r"^"),
        (
            "an earlier level the figure changed from",
            rf"{_led('du' + CHANGE_VERBS)}\b(?:(?:down|up)\s+from|(?:{CHANGE_VERBS})\b[^.;]{{0,40}}?\bfrom)\s+(?:about\s+|some\s+|around\s+)?",
            r"^",
        ),
        ("an age", r"", r"^(?:-|\s+)years?['’]?(?:-|\s+)old\b"),
        (
            "a magnitude or intensity",
            r"(?=[mlcpigf])\b(?:magnitude|level|category|phase|ipc|grade|force)\s*:?\s*",
            r"^",
        ),
        ("a magnitude or intensity", r"", r"^(?:-|\s+)magnitude\b"),
        ("a magnitude or intensity", r"", rf"^(?-i:{MAGNITUDE})"),  # "3.0 M", "6.2M": never metres
        # "a second earthquake measuring 5.6": a bare number a quake measures is its magnitude
        (
            "a magnitude or intensity",
            r"(?=[qeta])\b(?:quake|earthquake|tremor|aftershock)s?\b[^.;]{0,40}\bmeasur(?:ed|ing)\s+",
            r"^(?!\s*(?:%|°|[a-z]{1,2}\b|kilomet|met[er]|miles?\b))",  # not a unit: "measured 20 km"
        ),
        ("a rate", r"", r"^\s*[\w ]{0,20}?\s+(?:per|a|each)\s+(?:day|week|month|year|hour)\b"),
        (
            "a measurement, not a count",
            r"",
            (
                r"^\s*(?:mm|cm|km|m|kg|ha|hectares?|tonnes?|tons?|litres?|liters?|"
                r"metres?|meters?|feet|ft|miles?|km/h|mph|knots?|kilometres?|kilometers?|"
                r"degrees?|°)\b"
            ),
        ),
        (
            "a length of time",
            r"",
            (
                r"^(?:-|\s+)(?:(?:past|last|next)\s+)?(?:hours?|days?|weeks?|months?|years?|"
                r"minutes?|decades?|nights?)\b"
            ),
        ),
        (
            "a length of time",
            r"(?=[plnowfi])\b(?:past|last|next|over|within|for|in)\s+(?:the\s+)?(?:past\s+|last\s+|next\s+)?",
            r"^\s*(?:hours?|days?|weeks?|months?|years?|h)\b",
        ),
        (
            "a count of areas, not of the event's toll",
            r"",
            (rf"^[ \t]*(?:[\w-]+[ \t]+){{0,2}}?{AREA_NOUNS}\b"),  # on the number's own line
        ),
        ("a plan or target, not a level reached", PLAN + r"(?:[a-z]+\s+){1,4}?(?:of\s+)?", r"^"),
        # "1.  Sindh  86  112", "(2) Punjab ...": the number of a row or list item at its line's start
        (
            "a serial number of a row or item, not a count",
            r"\n[ \t]*\(?",
            r"^[.)][ \t]+(?=[A-Za-z])",
        ),
        ("a number in an identifier or name", r"[A-Za-z]-?", r"^"),
        ("a number in an identifier or name", r"", r"^-?[A-Za-z]"),
    )
)
#: The reasons that read the words before the number too, with their place in :data:`_REASONS`.
_BEFORE_TOO = tuple(
    (i, reason, pre, post, reach)
    for i, (reason, pre, post, reach) in enumerate(_REASONS)
    if pre is not None
)
#: The reasons told by the words after the number alone, as one pattern: its alternatives in the order
#: of :data:`_REASONS`, each a group named after its place (a match is the first alternative that fits).
_AFTER_ALONE = re.compile(
    "|".join(
        f"(?P<r{i}>{post.pattern})"
        for i, (_, pre, post, _) in enumerate(_REASONS)
        if pre is None and post is not None
    ),
    re.IGNORECASE,
)
_ALONE_AT = {name: int(name[1:]) for name in _AFTER_ALONE.groupindex}
_VAGUE_WORD = re.compile(_VAGUE, re.IGNORECASE)


def numerals(text: str) -> Iterator[tuple[int, int]]:
    """The offsets of every number in ``text``: digit runs with their groups, and number words.

    >>> s = "Twelve (12) persons, 1,406,710 affected, 3 000 displaced, tens of thousands fled in 1922 472"
    >>> [s[a:b] for a, b in numerals(s)]
    ['Twelve', '12', '1,406,710', '3 000', 'tens of thousands', '1922', '472']
    """
    for m in _NUMERAL.finditer(text):
        a, b = m.span()
        while b > a and text[b - 1] in ",. ":
            b -= 1
        yield a, b


def _reason(text: str, a: int, b: int, caption: bool, table: bool) -> str:
    if caption:
        return "a photo caption"
    far, after = text[max(0, a - 60) : a], text[b : b + 40]
    near = far[-24:]
    if FRACTION.search(text, max(0, a - 30), min(len(text), b + 30)):
        return "a fraction the figure parser does not read"
    # the reasons told by the words after alone, read in one match: the first of them that fits
    alone = _AFTER_ALONE.match(after)
    first = _ALONE_AT[alone.lastgroup or ""] if alone is not None else len(_REASONS)
    for i, reason, pre, post, reach in _BEFORE_TOO:  # the others, up to it, in order
        if i > first:
            break
        # the words after, anchored, fail fastest: read them first (both must fit, so the first reason is the same)
        if (post is None or post.match(after)) and pre.search(near if reach < 60 else far):
            return reason
    if first < len(_REASONS):
        return _REASONS[first][0]
    if YEAR.fullmatch(text[a:b]):
        return "a year"
    if table:
        return "a table cell without a header the rules read"
    if _VAGUE_WORD.fullmatch(text, a, b):
        return "a vague number with no metric or thing counted that the rules recognise"
    return "no metric or thing counted that the rules recognise"


@attrs.frozen
class _Spans:
    """Spans sorted by start, with the longest reach of any span so far, for lookups in logarithmic time."""

    starts: list[int]
    reach: list[int]  # reach[i]: the largest end among the first i + 1 spans

    @classmethod
    def of(cls, spans: Sequence[tuple[int, int]]) -> _Spans:
        ordered = sorted(spans)
        return cls(
            [a for a, _ in ordered], list(itertools.accumulate((b for _, b in ordered), max))
        )


def _within(spans: _Spans, at: int) -> bool:
    """True when ``at`` lies inside one of the spans (``start <= at < end``)."""
    i = bisect.bisect_right(spans.starts, at) - 1
    return i >= 0 and spans.reach[i] > at


def unread(
    text: str,
    read: Sequence[tuple[int, int]],
    captions: Sequence[tuple[int, int]] = (),
    repeats: Sequence[tuple[int, int]] = (),
    tables: Sequence[tuple[int, int]] = (),
    marks: Sequence[tuple[int, int]] = (),
) -> list[Unread]:
    """Every number of ``text`` outside the ``read`` spans, with the first reason that fits.

    ``captions`` are the spans of photo captions, whose numbers are never claims; ``repeats``
    the spans of figures kept once because an earlier candidate says the same (a headline and its lead);
    ``tables`` the spans of the tables found, whose cells no header read are listed as such; ``marks`` the
    footnote marks a table reader cut off the end of a figure it read ("25,0001": 25,000 and mark 1): such
    a numeral is read, and each mark in it listed as a footnote mark.

    >>> [(u.numeral, u.reason) for u in unread("Dead 25,0001 and 7", [(5, 11)], marks=[(11, 12)])]
    [('1', 'a footnote mark'), ('7', 'no metric or thing counted that the rules recognise')]
    """
    cut = sorted(marks)
    spans = sorted([*read, *cut])
    captioned, repeated, tabled = _Spans.of(captions), _Spans.of(repeats), _Spans.of(tables)
    out: list[Unread] = []
    i = 0
    line_end, table = -1, False  # the line of the last number listed, and whether it is a table's
    for a, b in numerals(text):
        while i < len(spans) and spans[i][1] <= a:
            i += 1
        near = spans[max(0, i - 4) : i + 4]
        if any(x <= a and b <= y for x, y in spans[i : i + 4]) or (
            any(x <= a < y for x, y in near)
            # a table's single-spaced cells ("93,943 220,416") look like one numeral: read only
            # when the candidates cover all its digits, else listed
            and all(any(x <= k < y for x, y in near) for k in range(a, b) if text[k].isdigit())
        ):
            at = bisect.bisect_left(cut, (a, a))
            while at < len(cut) and cut[at][1] <= b:  # the marks run into it, listed as marks
                x, y = cut[at]
                out.append(Unread(start=x, end=y, numeral=text[x:y], reason="a footnote mark"))
                at += 1
            continue
        if b > line_end:  # a number on another line: its line read once, however many it holds
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", b)
            line_end = line_end if line_end >= 0 else len(text)
            line = text[line_start:line_end]
            table = "|" in line or "\t" in line
        reason = (
            "the same figure as one read before (kept once)"
            if _within(repeated, a)
            else _reason(text, a, b, _within(captioned, a), table or _within(tabled, a))
        )
        out.append(Unread(start=a, end=b, numeral=text[a:b], reason=reason))
    return out
