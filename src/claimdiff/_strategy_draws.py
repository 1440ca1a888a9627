"""The draws behind the simple public strategies of :mod:`claimdiff.strategies`: estimates, sources, scopes, periods.

Each is a hypothesis composite named after the public strategy that wraps it (its ``repr`` reads as the public
call); :mod:`claimdiff.strategies` checks the arguments and documents them.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from claimdiff._model.claim import Scope, Source, SourceKind
from claimdiff._model.estimate import Estimate, Hedge
from claimdiff._model.period import Period
from claimdiff._strategy_arguments import BASE_DAY, named

__all__ = ["draw_estimates", "draw_periods", "draw_scopes", "draw_sources"]

_NAMES = (
    "Ministry of Defence",
    "Reuters",
    "AP",
    "Governor",
    "Local media",
    "NGO Watch",
    "Health Ministry",
    "TASS",
)
_PLACES = ("Russia > Belgorod Oblast > Belgorod", "Russia > Bryansk Oblast", "Ukraine")


@st.composite
@named("estimates")
def draw_estimates(
    draw: st.DrawFn,
    *,
    min_value: int = 0,
    max_value: int = 10_000,
    units: st.SearchStrategy[str] | None = None,
    hedges: st.SearchStrategy[Hedge] | None = None,
) -> Estimate:
    unit = draw(units if units is not None else st.just(""))
    hedge = draw(hedges if hedges is not None else st.sampled_from(Hedge))
    a = draw(st.integers(min_value, max_value))
    if hedge is Hedge.EXACT:
        return Estimate.exact(a, unit=unit)
    if hedge is Hedge.LOWER:
        return draw(st.sampled_from([Estimate.at_least, Estimate.more_than]))(a, unit=unit)
    if hedge is Hedge.UPPER:
        if a > min_value:
            return draw(st.sampled_from([Estimate.at_most, Estimate.less_than]))(a, unit=unit)
        return Estimate.at_most(a, unit=unit)
    if hedge is Hedge.APPROXIMATE:
        return Estimate.about(a, unit=unit)
    b = draw(st.integers(a, max_value))
    if hedge is Hedge.VAGUE:
        return Estimate(low=a, high=b, unit=unit, hedge=Hedge.VAGUE)
    return Estimate.between(a, b, unit=unit)


@st.composite
@named("sources")
def draw_sources(
    draw: st.DrawFn,
    *,
    names: st.SearchStrategy[str] | None = None,
    kinds: st.SearchStrategy[SourceKind] | None = None,
    parties: st.SearchStrategy[str | None] | None = None,
) -> Source:
    name = draw(names if names is not None else st.sampled_from(_NAMES))
    kind = draw(kinds if kinds is not None else st.sampled_from(SourceKind))
    party = draw(
        parties if parties is not None else st.none() | st.sampled_from(["Russia", "Ukraine"])
    )
    return Source(name, kind=kind, party=party)


@st.composite
@named("scopes")
def draw_scopes(
    draw: st.DrawFn,
    *,
    places: st.SearchStrategy[str] | None = None,
    counted: st.SearchStrategy[str] | None = None,
    events: st.SearchStrategy[str | None] | None = None,
) -> Scope:
    return Scope(
        place=draw(places if places is not None else st.sampled_from(_PLACES)),
        counted=draw(
            counted if counted is not None else st.sampled_from(["people", "children", "drones"])
        ),
        event=draw(events if events is not None else st.sampled_from(["attack-1", "attack-2"])),
    )


@st.composite
@named("periods")
def draw_periods(draw: st.DrawFn, *, max_days: int = 5) -> Period:
    return Period.day(BASE_DAY + dt.timedelta(days=draw(st.integers(0, max_days - 1))))
