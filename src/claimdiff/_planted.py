"""Claim sets with a planted finding, the composite behind :func:`claimdiff.strategies.claim_sets`."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from claimdiff._model.claim import Claim, Scope, Source
from claimdiff._model.estimate import Estimate
from claimdiff._model.period import Period
from claimdiff._strategy_arguments import BASE_DAY, named

__all__ = ["planted_claim_sets"]

_CUMULATIVE = ("killed", "launched")


def _day(offset: int) -> Period:
    return Period.day(BASE_DAY + dt.timedelta(days=offset))


@st.composite
@named("claim_sets")
def planted_claim_sets(
    draw: st.DrawFn,
    *,
    min_size: int = 1,
    max_size: int = 8,
    contradiction: bool | None = None,
    plant: str | None = None,
    metrics: st.SearchStrategy[str] | None = None,
    scopes: st.SearchStrategy[Scope] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> list[Claim]:
    if plant is None and contradiction is None:
        contradiction = draw(st.booleans())
    if contradiction:
        plant = "contradiction"
    n = draw(
        st.integers(
            max(min_size, 3) if plant == "outlier" else min_size,
            max(max_size, 3 if plant == "outlier" else 1),
        )
    )
    from claimdiff.strategies import scopes as any_scopes  # noqa: PLC0415 - the public module imports this one

    scope = draw(scopes if scopes is not None else any_scopes())
    if plant in ("subtotal_mismatch", "part_exceeds_whole"):
        scope = Scope(place=scope.place, counted="people", event=scope.event)
    default_metrics = (
        _CUMULATIVE
        if plant in ("revision", "downward_revision", "stale")
        else ("killed", "launched", "population")
    )
    metric = draw(metrics if metrics is not None else st.sampled_from(default_metrics))
    if sources is not None:
        origins = draw(st.lists(sources, min_size=n, max_size=n, unique_by=lambda s: s.key))
    else:
        origins = [Source(f"origin {i}") for i in range(n)]
    day = _day(0)
    truth = draw(st.integers(10, 1000))
    out: list[Claim] = []
    for i in range(n):
        below = draw(st.integers(0, truth))
        above = draw(st.integers(truth, 2000))
        est = draw(
            st.sampled_from(
                [
                    Estimate.exact(truth),
                    Estimate.at_least(below),
                    Estimate.at_most(above),
                    Estimate.between(below, above),
                    Estimate.about(truth),
                ]
            )
        )
        out.append(
            Claim(
                id=f"c{i}", metric=metric, estimate=est, scope=scope, source=origins[i], stated=day
            )
        )
    if plant is None:
        return out

    def planted(
        suffix: str,
        estimate: Estimate,
        *,
        counted: str | None = None,
        stated: Period = day,
        source: str | None = None,
    ) -> Claim:
        where = (
            scope
            if counted is None
            else Scope(place=scope.place, counted=counted, event=scope.event)
        )
        return Claim(
            id=f"planted-{suffix}",
            metric=metric,
            estimate=estimate,
            scope=where,
            source=Source(source or f"planted {suffix}"),
            stated=stated,
        )

    k = draw(st.integers(1, 50))
    if plant in ("contradiction", "part_exceeds_whole"):
        # The first claim pins the true value, so a claim far above it (or a part above it) must conflict.
        out[0] = Claim(
            id="c0",
            metric=metric,
            estimate=Estimate.exact(truth),
            scope=scope,
            source=origins[0],
            stated=day,
        )
        if plant == "contradiction":
            far = truth * draw(st.integers(3, 50))
            out.append(
                Claim(
                    id=f"c{n}",
                    metric=metric,
                    estimate=Estimate.at_least(far),
                    scope=scope,
                    source=Source(f"origin {n}") if sources is None else Source(f"planted far {n}"),
                    stated=day,
                )
            )
        else:
            out.append(planted("part", Estimate.exact(truth + k), counted="children"))
    elif plant in ("revision", "downward_revision"):
        first, later = (truth, truth + k) if plant == "revision" else (truth + k, truth)
        out.append(
            planted("first", Estimate.exact(first), source="planted reviser", stated=_day(1))
        )
        out.append(
            planted("revised", Estimate.exact(later), source="planted reviser", stated=_day(2))
        )
    elif plant == "stale":
        out.append(planted("early", Estimate.exact(truth), stated=_day(-2)))
        out.append(planted("later", Estimate.exact(truth + k), stated=_day(2)))
    elif plant == "outlier":
        out = [attrs.evolve(c, estimate=Estimate.exact(truth)) for c in out]
        out.append(planted("outlier", Estimate.exact(truth * draw(st.integers(1000, 10_000)))))
    elif plant == "subtotal_mismatch":
        out.append(planted("whole", Estimate.exact(truth)))
        # Each part fits within the whole (else that part alone exceeds it); only their sum does not.
        adults = draw(st.integers(1, truth))
        over = draw(st.integers(1, adults))
        out.append(
            planted("adults", Estimate.exact(adults), counted="adults", source="planted parts")
        )
        out.append(
            planted(
                "children",
                Estimate.exact(truth - adults + over),
                counted="children",
                source="planted parts",
            )
        )
    return out
