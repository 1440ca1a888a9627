"""Things whose name says what happened to them: IDPs were displaced, bodies are the dead, rescuers deployed.

A count of such things reports its metric when the sentence names none ("rescuers pulled 14 bodies
from the rubble": killed people; "3,000 rescuers are working at the site": deployed).
"""

from __future__ import annotations

__all__ = ["counted_metric"]


def counted_metric(counted: str | None) -> tuple[str, str] | None:
    """The metric and counted thing a count of IDPs, refugees or bodies reports when the sentence names no metric."""
    return _COUNTED_METRICS.get(counted or "")


#: People whose count at a scene says they were sent there.
_RESPONDERS = ("rescuers", "rescue workers", "searchers", "firefighters", "responders",
               "emergency workers", "relief workers", "rescue personnel", "search and rescue personnel")  # fmt: skip
#: Counted things that say what happened to them: IDPs are displaced, refugees displaced abroad.
_COUNTED_METRICS = {
    "idps": ("displaced", "people"),
    "internally displaced persons": ("displaced", "people"),
    "internally displaced people": ("displaced", "people"),
    "refugees": ("displaced", "refugees"),
    "bodies": ("killed", "people"),  # "rescuers pulled 14 bodies from the rubble": the dead
    "dead bodies": ("killed", "people"),
    "corpses": ("killed", "people"),
    "aftershocks": (
        "recorded",
        "aftershocks",
    ),  # "78 aftershocks were reported" (ANNOTATION.md rule 11)
    # responders at the scene with nothing else said of them were sent there: "more than 200 searchers
    # picked their way through the mud", "3,000 rescuers are working at the site"
    **{r: ("deployed", r) for r in _RESPONDERS},
}
