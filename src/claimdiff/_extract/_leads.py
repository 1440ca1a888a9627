"""A lead sentence that ends in a colon gives its metric to the list below it.

"The following casualties were reported:", "A total of 183,436 families were served inside and
outside evacuation centres (ECs):", "Deaths by province:": the lines after it ("- Region A: 12",
"inside 1,910 ECs: 94,661 families / 424,016 persons", "1. Sud: 3,400") count what the lead
says, each under its own label (its place or its part), unless a line names its own metric.

>>> lead_metric("the following casualties were reported:", 0, 39, None)
'casualties'
>>> lead_metric("deaths by province:", 0, 19, None), lead_metric("deaths by province.", 0, 19, None)
('killed', None)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._extract._unread import AREA_NOUNS
from claimdiff._model.vocabulary import Vocabulary

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = [
    "closes_list",
    "item_metric",
    "last_metric_word",
    "lead_metric",
    "respective",
    "respective_items",
    "respectively",
]


def lead_metric(low: str, start: int, end: int, last: str | None) -> str | None:
    """The metric the lead ``low[start:end]`` gives the list after it; ``None`` unless it ends in a colon.

    ``last`` is the metric of the lead's own last figure ("183,436 families were served ...:"),
    which the list breaks down; a lead without a figure gives the last metric word it names.
    """
    if not low[start:end].rstrip().endswith(":"):
        return None
    if last is not None:
        return last
    return last_metric_word(low, max(start, end - _LEAD_REACH), end)


def last_metric_word(low: str, start: int, end: int) -> str | None:
    """The metric of the last metric word in ``low[start:end]`` ("fatalities", "injured"), or ``None``.

    Read no further back than a lead is (:data:`_LEAD_REACH`): a long sentence stays linear.

    >>> s = "kunar and takhar have been hardest hit in terms of fatalities, with "
    >>> last_metric_word(s, 0, len(s))
    'killed'
    """
    found = None
    for found in _TRIGGER.finditer(low, max(start, end - _LEAD_REACH), end):  # noqa: B007 - the last one is wanted
        pass
    return TRIGGERS[found.group("t")] if found is not None else None


def respectively(low: str, end: int, stop: int) -> bool:
    """Whether "respectively" closes the figures ending at ``end``: "with 36, 28 and 23 respectively".

    >>> s = "with 36, 28 and 23 respectively."
    >>> respectively(s, s.index(" respectively"), len(s))
    True
    """
    return _RESPECTIVELY.match(low, end, stop) is not None


def respective_items(low: str, start: int, at: int, n: int) -> list[str] | None:
    """The ``n`` coordinated items ("refugees, internally displaced and asylum-seekers") before ``at``, or ``None``.

    The figures closed by "respectively" are theirs one by one, in order.

    >>> s = "the world's refugees, internally displaced and asylum-seekers - who number "
    >>> respective_items(s, 0, len(s), 3)
    ['refugees', 'internally displaced', 'asylum-seekers']
    """
    found = None
    for found in _ITEMS.finditer(low, max(start, at - _ITEMS_REACH), at):  # noqa: B007 - the last
        pass
    if found is None:
        return None
    items = [
        _POSSESSOR.sub("", i.strip())  # "the world's refugees": the refugees
        for i in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", found.group())
    ]
    return items if len(items) == n else None


def respective(
    low: str, start: int, chain: list[tuple[Figure, bool]], vocabulary: Vocabulary
) -> list[tuple[Figure, bool]]:
    """Bare figures closed by "respectively", each counting the thing its item names, when one is named.

    "refugees, internally displaced and asylum-seekers - who number 22.5 million, 40.3 million and
    2.8 million, respectively": refugees, (people), asylum-seekers.
    """
    items = respective_items(low, start, chain[0][0].start, len(chain))
    if items is None:
        return chain
    out = []
    for (fig, part), item in zip(chain, items, strict=True):
        head = item.split()[-1]
        named = (
            head in vocabulary.counted_synonyms or (head.endswith("s") and len(head) > 3)
        ) and (
            _AREA.fullmatch(head)
            is None  # "Kunar, Takhar and Nangarhar provinces": where, not what
        )
        out.append(
            (
                attrs.evolve(fig, counted=vocabulary.counted(head), bare=False) if named else fig,
                part,
            )
        )
    return out


_RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b")
_ITEM = r"[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?"
#: A coordination of short items: "a, b and c", "a, b, and c".
_ITEMS = re.compile(rf"{_ITEM}(?:\s*,\s*{_ITEM})+\s*,?\s+and\s+{_ITEM}|{_ITEM}\s+and\s+{_ITEM}")
_ITEMS_REACH = 200
_AREA = re.compile(AREA_NOUNS)
_POSSESSOR = re.compile(r"^.*['’]s\s+")


def item_metric(low: str, line: int, end: int, lead: str | None) -> str | None:
    """The metric a list line at ``line`` takes from its lead for the figures ending at ``end``; ``None`` if none.

    A "Source: ..." line is no item, nor a figure in an item's label ("inside 1,910 ECs: ...").

    >>> s = "inside 14 ecs: 700 families"
    >>> item_metric(s, 0, s.index(" families"), "assisted"), item_metric(s, 0, s.index(":"), "assisted")
    ('assisted', None)
    """
    if lead is None or closes_list(low, line) or _IN_LABEL.match(low, end):
        return None
    return lead


#: Right after a figure, the colon of a list item's label: the figure names the item, the lead counts after it.
_IN_LABEL = re.compile(r"\s*:")


def closes_list(low: str, start: int) -> bool:
    """Whether the line at ``start`` closes a list: "Source: DSWD DROMIC Report #28", "Note: ...".

    >>> closes_list("source: dswd dromic report #28, 6am 27 january 2018", 0)
    True
    """
    return _CLOSING.match(low, start) is not None


#: A line that says where a list came from or how to read it, not an item of it.
_CLOSING = re.compile(r"\s*(?:sources?|notes?|nb|n\.b\.)\s*:")
#: How far back from its colon a lead is read for its metric word.
_LEAD_REACH = 200
_TRIGGER = re.compile(rf"\b(?P<t>{alternation(TRIGGERS)})\b")
