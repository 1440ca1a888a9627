"""A total and its breakdown by place: "25 drones: 12 over Belgorod, 9 over Kursk", "Katwa (44), Butembo (17)".

After a figure with a metric, a run of items that each give a number and a place is a list of
parts: of that figure when it is a total announced as one (a colon, "including", "most of them",
"of which"), of nothing when the figure is itself the first item ("12 over Belgorod, 9 over Kursk").
Each item keeps the figure's metric and thing counted unless it names its own ("(39 fatalities)").
This module only finds the items; :mod:`claimdiff._extract` makes them candidates.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._text import alternation
from claimdiff._extract._time import CALENDAR_WORDS
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._model.numbers import NUMBER_WORDS, parse_number_prefix

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = ["ANOTHER", "Item", "by_sex", "items", "opens_breakdown"]

#: "four drones over Bryansk and another over Moscow": one more, an item of the list.
ANOTHER = "another"

_NAME = (  # "the Sea of Azov", "the Gulf of Aden": a body of water named with "of" is one name
    r"[A-Z][\w'’-]*[\w](?:\s+[A-Z][\w'’-]*[\w])*"
    r"(?:(?:(?<=Sea)|(?<=Gulf)|(?<=Bay)|(?<=Lake)|(?<=Strait))\s+of\s+[A-Z][\w'’-]*[\w])?(?:\s+(?:[Rr]egions?|[Oo]blasts?|[Pp]rovinces?|[Dd]istricts?|"
    r"[Ss]tates?|[Cc]ounty|[Hh]ealth\s+[Zz]ones?|[Gg]overnorates?|[Rr]epublic))?"
)
_ITEM_WORDS = NUMBER_WORDS - {"hundred", "thousand", "million", "billion", "trillion", "dozen"}
_NUM = r"(?:\d[\d,]*|" + ANOTHER + "|" + alternation(_ITEM_WORDS) + r")"
#: The letters a number of :data:`_NUM` written in words starts with.
_NUM_FIRSTS = "".join(sorted({w[0] for w in (*_ITEM_WORDS, ANOTHER)}))
#: "the territory of", "the waters of": an area of the named place, which is the item's place.
_AREA_OF = r"(?:(?:territory|territories|airspace|skies|area|waters)\s+of\s+(?:the\s+)?)?"
#: "12 over the Belgorod region", "four from Butembo", "9 drones over Kursk", "seven over the territory of
#: the Kursk Region", "8 UAVs over ...", "eight - over ..." (the ministry's dashed lists).
_AFTER = re.compile(
    # the number's first character looked at before the look-behind: it rules out most places at once
    rf"(?=(?i:[\d{_NUM_FIRSTS}]))(?<![\w,.])(?P<n>(?i:{_NUM}))(?:\s+(?P<thing>[a-z]+|[A-Z]{{2,}}s?))?\s+(?:[-–—]\s+)?"
    rf"(?:over|in|from|at|above)\s+(?:the\s+)?"
    rf"{_AREA_OF}(?P<place>{_NAME})"
)
#: "Katwa (44)", "Balochistan (39 fatalities)", "Gulu (n=4)" (the count of a sample, as epidemiologists write it).
_PAREN = re.compile(
    rf"(?P<place>{_NAME})\s*\(\s*(?:n\s*=\s*)?(?P<n>{_NUM})(?:\s+(?P<thing>[a-z]+))?\s*\)"
)
#: Between two items of one list: a comma, a semicolon, "and", with nothing else.
_GAP = re.compile(
    r"\s*(?:,|;|\band\b|,\s*and\b|,\s*while\b)?\s*(?:(?:another|a further|an additional)\s+)?"
)
#: Between a total and its first item: the total is announced as one.
_OPENS = re.compile(
    r"[^.;]{0,90}?(?::|\bincluding\b:?|\bmost of (?:them|which)\b(?:\s+(?:were|in))?|\bof (?:them|which)\b|"
    r"\bamong them\b|\bbroken down as\b|\bas follows\b:?|\bin each (?:state|region|province|district)\b[^.;]*:)\s*(?:in\s+)?$",
    re.IGNORECASE,
)


@attrs.frozen
class Item:
    """One item of a list by place: where its number is, the place it names, and its own counted word."""

    start: int
    end: int
    num_start: int
    num_end: int
    place: str
    thing: str | None


def items(text: str, start: int, end: int) -> list[list[Item]]:
    """The runs of list items in ``text[start:end]``, each run in text order.

    >>> s = "25 drones were downed: 12 over the Belgorod region, 9 over Kursk and 4 over Bryansk."
    >>> [[s[i.num_start:i.num_end] + " " + i.place for i in run] for run in items(s, 0, len(s))]
    [['12 Belgorod region', '9 Kursk', '4 Bryansk']]
    """
    found: list[Item] = []
    # An item in brackets needs a bracket: a sentence without one is not searched for them.
    for pattern in (_AFTER, _PAREN) if text.find("(", start, end) >= 0 else (_AFTER,):
        for m in pattern.finditer(text, start, end):
            num = m.group("n")
            if (
                parse_number_prefix(num.lower()) is None and num.lower() != ANOTHER
            ) or re.fullmatch(r"(?:1[89]|20)\d\d", num):
                continue
            if pattern is _AFTER and m.group("place").split()[0].lower() in _NOT_PLACES:
                continue
            thing = m.group("thing")
            if thing is not None and thing.lower() == "each":
                thing = None  # "two each in A and B": a distributive, no thing counted
            if thing is not None and (
                thing.lower() in {"of", "the", "and", "or"}
                or (
                    thing[0].isupper() and not thing.rstrip("s").isupper()
                )  # "UAVs" counts; "Kursk" does not
            ):
                continue
            found.append(
                Item(
                    m.start(),
                    m.end(),
                    m.start("n"),
                    m.end("n"),
                    m.group("place"),
                    thing.lower() if thing else None,
                )
            )
    found.sort(key=lambda i: i.start)
    runs: list[list[Item]] = []
    for item in found:
        if runs and _GAP.fullmatch(text, runs[-1][-1].end, item.start) is not None:
            runs[-1].append(item)
        elif not runs or item.start >= runs[-1][-1].end:
            runs.append([item])
    return runs


def opens_breakdown(text: str, total_end: int, first_item: int) -> bool:
    """True when the words between a total and its first item announce a breakdown ("25 drones: 12 over ...")."""
    return _OPENS.match(text, total_end, first_item) is not None


def item_metric(thing: str | None) -> str | None:
    """The metric an item's own word gives ("39 fatalities" -> killed, "1 case" -> cases), if it gives one."""
    if not thing:
        return None
    return TRIGGERS.get(thing) or TRIGGERS.get(f"{thing}s")  # one case, as many are cases


_NOT_PLACES = CALENDAR_WORDS | frozenset({"the", "total", "all", "addition", "which"})


def by_sex(low: str, chain: list[tuple[Figure, bool]]) -> bool:
    """Whether counts in brackets from ``first`` break a figure down by sex: "both sexes (26 male, 22 female)".

    Such counts are parts of what the sentence counted last, and share its metric.

    >>> from claimdiff._extract._figures import figures
    >>> from claimdiff._model.hedges import HedgePolicy
    >>> from claimdiff._model.vocabulary import Vocabulary
    >>> s = "48 cases; both sexes (26 male, 22 female)"
    >>> found = figures(s, s, 0, len(s), HedgePolicy(), Vocabulary())
    >>> by_sex(s, [(f, False) for f in found[1:]]), by_sex(s, [(f, False) for f in found])
    (True, False)
    """
    return all(f.counted in _SEXES and not f.article for f, _ in chain) and low.endswith(
        "(", 0, chain[0][0].start
    )  # never "(a man and a child)": people named one by one, no count of them


_SEXES = frozenset({"males", "females", "men", "women", "boys", "girls"})
