"""Hypothesis strategies for claimdiff's types, for your own property-based tests.

This is the only claimdiff module that imports hypothesis; install the
``test`` extra (``pip install 'claimdiff[test]'``) to use it.

>>> from hypothesis import given
>>> from claimdiff import reconcile
>>> from claimdiff.strategies import claim_sets
>>> @given(claim_sets(contradiction=False))
... def test_agreeing_claims_never_contradict(claims):
...     assert not reconcile(claims).has_contradiction
>>> test_agreeing_claims_never_contradict()
"""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from claimdiff._claim import Claim, Scope, Source, SourceKind
from claimdiff._estimate import Estimate, Hedge
from claimdiff._period import Period

__all__ = ["claim_sets", "claims", "estimates", "periods", "scopes", "sources"]

_BASE_DAY = dt.date(2023, 12, 25)


def _check_bounds(min_value: float, max_value: float) -> None:
    for name, v in (("min_value", min_value), ("max_value", max_value)):
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise InvalidArgument(f"{name}={v!r} must be a finite number")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} must be <= max_value={max_value!r}")


@st.composite
def _estimate(draw: st.DrawFn, min_value: int, max_value: int, units: st.SearchStrategy[str],
              hedges: st.SearchStrategy[Hedge]) -> Estimate:
    unit = draw(units)
    hedge = draw(hedges)
    a = draw(st.integers(min_value, max_value))
    if hedge is Hedge.EXACT:
        return Estimate.exact(a, unit=unit)
    if hedge is Hedge.LOWER:
        return draw(st.sampled_from([Estimate.at_least, Estimate.more_than]))(a, unit=unit)
    if hedge is Hedge.UPPER:
        return draw(st.sampled_from([Estimate.at_most, Estimate.less_than]))(a, unit=unit) if a > min_value \
            else Estimate.at_most(a, unit=unit)
    if hedge is Hedge.APPROXIMATE:
        return Estimate.about(a, unit=unit)
    b = draw(st.integers(a, max_value))
    if hedge is Hedge.VAGUE:
        return Estimate(low=a, high=b, unit=unit, hedge=Hedge.VAGUE, text="")
    return Estimate.between(a, b, unit=unit)


def estimates(
    *,
    min_value: int = 0,
    max_value: int = 10_000,
    units: st.SearchStrategy[str] | None = None,
    hedges: st.SearchStrategy[Hedge] | None = None,
) -> st.SearchStrategy[Estimate]:
    """Hedged figures with integer ends between ``min_value`` and ``max_value``.

    Args:
        min_value: Smallest number a bound may have.
        max_value: Largest number a bound may have.
        units: Strategy for the unit (default: plain counts, ``""``).
        hedges: Strategy for the hedge (default: any :class:`~claimdiff.Hedge`).
    """
    _check_bounds(min_value, max_value)
    return _estimate(
        int(min_value), int(max_value),
        units if units is not None else st.just(""),
        hedges if hedges is not None else st.sampled_from(Hedge),
    )


_NAMES = ("Ministry of Defence", "Reuters", "AP", "Governor", "Local media", "NGO Watch", "Health Ministry", "TASS")


def sources(
    *, names: st.SearchStrategy[str] | None = None, kinds: st.SearchStrategy[SourceKind] | None = None
) -> st.SearchStrategy[Source]:
    """Sources with a name, a kind and, sometimes, a party.

    Args:
        names: Strategy for names (default: a small pool, so origins repeat).
        kinds: Strategy for the kind (default: any :class:`~claimdiff.SourceKind`).
    """
    return st.builds(
        Source,
        names if names is not None else st.sampled_from(_NAMES),
        kind=kinds if kinds is not None else st.sampled_from(SourceKind),
        party=st.none() | st.sampled_from(["Russia", "Ukraine"]),
    )


def scopes(*, counted: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Scope]:
    """Scopes over a small pool of places and events, so that claims often share one.

    Args:
        counted: Strategy for what is counted (default: people, children or drones).
    """
    return st.builds(
        Scope,
        place=st.sampled_from(["Russia > Belgorod Oblast > Belgorod", "Russia > Bryansk Oblast", "Ukraine"]),
        counted=counted if counted is not None else st.sampled_from(["people", "children", "drones"]),
        event=st.sampled_from(["attack-1", "attack-2"]),
    )


def periods(*, max_days: int = 5) -> st.SearchStrategy[Period]:
    """Whole days (UTC) within ``max_days`` of a fixed date, so that they often overlap."""
    if not isinstance(max_days, int) or max_days < 1:
        raise InvalidArgument(f"max_days={max_days!r} must be a positive integer")
    return st.integers(0, max_days - 1).map(lambda d: Period.day(_BASE_DAY + dt.timedelta(days=d)))


def claims(
    *,
    ids: st.SearchStrategy[str] | None = None,
    metrics: st.SearchStrategy[str] | None = None,
    estimates: st.SearchStrategy[Estimate] | None = None,
    scopes: st.SearchStrategy[Scope] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
    stated: st.SearchStrategy[Period | None] | None = None,
) -> st.SearchStrategy[Claim]:
    """Valid claims; every argument is a strategy for that field."""
    return st.builds(
        Claim,
        id=ids if ids is not None else st.text("abcdefgh0123456789-", min_size=1, max_size=8),
        metric=metrics if metrics is not None else st.sampled_from(["killed", "injured", "launched", "distance"]),
        estimate=estimates if estimates is not None else globals()["estimates"](),
        scope=scopes if scopes is not None else globals()["scopes"](),
        source=sources if sources is not None else globals()["sources"](),
        stated=stated if stated is not None else st.none() | periods(),
        period=st.none(),
    )


@st.composite
def _claim_sets(draw: st.DrawFn, min_size: int, max_size: int, contradiction: bool | None) -> list[Claim]:
    n = draw(st.integers(min_size, max_size))
    scope = draw(scopes())
    metric = draw(st.sampled_from(["killed", "launched", "population"]))
    day = Period.day(_BASE_DAY)
    truth = draw(st.integers(10, 1000))
    out: list[Claim] = []
    for i in range(n):
        below = draw(st.integers(0, truth))
        above = draw(st.integers(truth, 2000))
        est = draw(st.sampled_from([
            Estimate.exact(truth), Estimate.at_least(below), Estimate.at_most(above), Estimate.between(below, above),
            Estimate.about(truth),
        ]))
        out.append(Claim(id=f"c{i}", metric=metric, estimate=est, scope=scope, source=Source(f"origin {i}"),
                         stated=day))
    if contradiction:
        # The first claim pins the true value, so a claim far above it must conflict.
        out[0] = Claim(id="c0", metric=metric, estimate=Estimate.exact(truth), scope=scope, source=Source("origin 0"),
                       stated=day)
        far = truth * draw(st.integers(3, 50))
        out.append(Claim(id=f"c{n}", metric=metric, estimate=Estimate.at_least(far), scope=scope,
                         source=Source(f"origin {n}"), stated=day))
    return out


def claim_sets(
    *, min_size: int = 1, max_size: int = 8, contradiction: bool | None = None
) -> st.SearchStrategy[list[Claim]]:
    """Claims about one figure, stated on one day by independent origins.

    With ``contradiction=False`` every claim allows one planted true value, so a
    correct reconciler finds no contradiction. With ``contradiction=True`` one
    more claim is planted far above that value, and the first claim states the
    value exactly, so it must find one.

    Args:
        min_size: Fewest claims (before the planted contradiction).
        max_size: Most claims (before the planted contradiction).
        contradiction: Plant a contradiction (``True``), plant agreement
            (``False``), or draw either (``None``).
    """
    if not isinstance(min_size, int) or not isinstance(max_size, int) or not 1 <= min_size <= max_size:
        raise InvalidArgument(f"need 1 <= min_size <= max_size (got min_size={min_size!r}, max_size={max_size!r})")
    if contradiction is None:
        return st.booleans().flatmap(lambda c: _claim_sets(min_size, max_size, c))
    return _claim_sets(min_size, max_size, contradiction)
