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

from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS

__all__ = ["closes_list", "lead_metric"]


def lead_metric(low: str, start: int, end: int, last: str | None) -> str | None:
    """The metric the lead ``low[start:end]`` gives the list after it; ``None`` unless it ends in a colon.

    ``last`` is the metric of the lead's own last figure ("183,436 families were served ...:"),
    which the list breaks down; a lead without a figure gives the last metric word it names.
    """
    if not low[start:end].rstrip().endswith(":"):
        return None
    if last is not None:
        return last
    since = max(start, end - _LEAD_REACH)
    found = None
    for found in _TRIGGER.finditer(low, since, end):  # noqa: B007 - the last one is wanted
        pass
    return TRIGGERS[found.group("t")] if found is not None else None


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
