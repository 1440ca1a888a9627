"""What was done to a measured quantity, as its metric: crops "destroyed" are lost, food "provided" delivered.

A measurement's dimension gives its metric when nothing else does ("22 tons" is a volume, "5,200
hectares" an area). The act a clause says of it gives a better one:

* land or crops "destroyed" ("11,198 ha of crops have been destroyed") are an area ``lost``, since
  ``intercepted`` is for weapons in the air and ``razed`` for buildings and objects (ANNOTATION.md
  rule 10, and the note on land or crops "destroyed");
* goods a verb of giving gives ("has provided 22 tons of food") are ``delivered`` (rule 11), as
  :func:`claimdiff._extract._predicate.transferred` reads counted goods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimdiff._extract._measures import unit_metric
from claimdiff._extract._predicate import transferred
from claimdiff._extract._verbs import acted_on

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = ["measured_act"]

#: Metrics of destroying that an area cannot have: an area destroyed is lost.
_DESTROYED = frozenset({"destroyed", "intercepted", "razed"})


def measured_act(low: str, start: int, end: int, fig: Figure, metric: str) -> str:
    """The metric of the measurement ``fig`` in the sentence ``low[start:end]``, given the ``metric`` read so far."""
    by_dimension = unit_metric(fig.estimate)
    if by_dimension == "area" and metric in _DESTROYED:
        return "lost"
    if by_dimension == "volume" and metric == by_dimension:
        verb = acted_on(low, start, end, fig.start, fig.end)
        if verb is not None and transferred(verb, None) == "delivered":
            return "delivered"
    return metric
