"""What a figure is recorded under once its metric is read: the metric and the thing it counts.

Destroyed buildings were razed, destroyed drones shot down (unless hit on the ground); an attack
that "used" missiles launched them; "lives lost" are the dead; samples that tested positive are
no cases. The metrics that count people (:data:`PEOPLE_METRICS`) are the ones a lone "a child
was killed" is a figure of.
"""

from __future__ import annotations

import re

from claimdiff._extract._counted_metrics import counted_metric

__all__ = ["FLYING", "PEOPLE_METRICS", "counted_for", "is_casualty", "on_the_ground"]

#: Metrics whose count is of people unless the text names something else.
PEOPLE_METRICS = frozenset(
    {
        "killed",
        "injured",
        "casualties",
        "missing",
        "displaced",
        "evacuated",
        "arrested",
        "rescued",
        "in need",
        "sheltered",
        "without power",
        "cases",
        "affected",
        "trapped",
        "hospitalised",
        "vaccinated",
        "assisted",
        "exposed",
        "population",
        "applied for asylum",
        "food insecure",
        "resettled",
        "tested negative",
    }
)
#: What "destroyed" razes: buildings and dwellings. Anything else destroyed (drones, vehicles, radar sites,
#: launchers, boats) is what the vocabulary files "destroyed" under.
_BUILT = frozenset(
    {
        "homes",
        "buildings",
        "towers",
        "residential towers",
        "structures",
        "dwellings",
        "apartments",
        "apartment buildings",
        "shelters",
        "schools",
        "houses",
        "residential buildings",
        "huts",
        "shops",
        "businesses",
        "facilities",
        "health facilities",
        "hospitals",
        "mosques",
        "churches",
        "bridges",
        "villages",
        "households",
        "premises",
        "blocks",
        "flats",
    }
)
#: What a hit affects: people counted by their homes, and administrative areas (no target struck is a district).
_HIT_AFFECTS = frozenset(
    {"families", "households", "people", "residents", "communities", "districts", "provinces", "regions", "states",
     "counties", "municipalities"}
)  # fmt: skip
#: What flies: destroyed, it was shot down (the vocabulary's "intercepted"), unless it was hit on the ground.
FLYING = frozenset(
    {"drones", "missiles", "rockets", "uavs", "aircraft", "planes", "helicopters", "jets", "shells",
     "cruise missiles", "ballistic missiles", "guided missiles", "projectiles", "bombs", "warplanes",
     "fighter jets", "glide bombs"}
)  # fmt: skip
#: Laboratory material a test is run on: never a case, which counts people.
_SAMPLES = frozenset({"samples", "specimens", "pools", "swabs"})
#: After a figure, a place on the ground: "in a Houthi-controlled area", "on the ground", "at an airfield".
_ON_THE_GROUND = re.compile(
    r"[^.;]{0,60}?\b(?:in|at|on)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:area|ground|airfield|air\s+base|launch\s+sites?|launchers?|storage\s+sites?)\b"
)


def on_the_ground(low: str, at: int, end: int) -> bool:
    """True when the words after a figure put what it counts on the ground ("destroyed two drones in a held area")."""
    return _ON_THE_GROUND.match(low, at, end) is not None


def counted_for(
    metric: str, counted: str | None, *, grounded: bool = False
) -> tuple[str, str | None] | None:
    """The metric and counted thing to record, or ``None`` when the count names nothing to count.

    What is destroyed where it stands was razed (homes, bridges, radar sites, vehicles), a metric
    apart from "damaged" so that 1,200 homes destroyed and 3,500 damaged do not contradict each
    other; what flies (drones, missiles) destroyed is "destroyed", which the vocabulary files with
    the weapons intercepted, unless the sentence puts it on the ground (``grounded``: "in a
    rebel-held area", "on the ground"). What an attack "involved" or "used" was launched when it
    flies, and is no figure otherwise.
    """
    if (
        metric == "used"
    ):  # "the attack involved three missiles": launched; "used 12 trucks": no claim
        return ("launched", counted) if counted in FLYING else None
    if metric == "cases" and (counted or "").rsplit(" ", 1)[-1] in _SAMPLES:
        # cases are people; samples that tested positive are samples (settled J6, rule 12)
        return "tested positive", counted
    if metric == "lost" and counted == "lives":
        return "killed", "people"  # "300 lives were lost": the dead
    if metric == "hit" and counted in _HIT_AFFECTS:
        metric = "affected"  # "families hit by this disaster", "floods hit 15 districts" (rule 3)
    if metric == "destroyed" and (counted in _BUILT or counted not in FLYING or grounded):
        metric = "razed"
    implied = counted_metric(counted)
    if (
        metric == "hosted"
        and implied is not None
        and implied[0] == "displaced"
        and counted != "refugees"
    ):
        return implied  # "a camp hosting 20,000 IDPs": displaced people, wherever hosted
    if counted is None:
        return (metric, "people") if metric in PEOPLE_METRICS else None
    return metric, counted


def is_casualty(metric: str) -> bool:
    """True for metrics that count people (a lone "a child was killed" is a figure; "a rink was hit" is not)."""
    return metric in PEOPLE_METRICS
