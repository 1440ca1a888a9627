"""Claims: validated on construction, converted to canonical floats once."""

from __future__ import annotations

import datetime as dt

import pytest

from claimdiff import Claim, Estimate, Measure, Period, Scope, Source
from claimdiff.exceptions import IncomparableError, InvalidClaimError
from claimdiff.vocabulary import Metric, Vocabulary

BELGOROD = Scope(place="Russia > Belgorod Oblast > Belgorod", counted="people", event="e")


def make(**kw: object) -> Claim:
    base: dict[str, object] = {
        "id": "c",
        "metric": "killed",
        "estimate": "14",
        "scope": BELGOROD,
        "source": "MoD",
    }
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def test_over_100_people_is_at_least_101() -> None:
    """For counts, an open bound tightens to the next whole number: 'over 100' is [101, inf)."""
    c = make(estimate="over 100")
    assert (c.low, c.high, c.low_closed) == (101, float("inf"), True)


def test_continuous_quantities_keep_open_bounds() -> None:
    """A distance 'over 20 km' stays open at 20 km (in metres)."""
    c = make(metric="distance", estimate="over 20 km", scope=Scope(place="Russia"))
    assert (c.low, c.low_closed) == (20_000, False)


def test_units_convert_once_to_canonical() -> None:
    """'20 miles' is stored in metres, as a float."""
    c = make(metric="distance", estimate="20 miles", scope=Scope(place="Russia"))
    assert c.low == pytest.approx(32_186.88)
    assert c.dimension == "[length]"


def test_upper_bound_counts_start_at_zero() -> None:
    """'up to 158' missiles is [0, 158]: a count is never negative."""
    c = make(
        metric="launched",
        estimate="up to 158",
        scope=Scope(place="Ukraine", counted="missiles and drones"),
    )
    assert (c.low, c.high) == (0, 158)


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"estimate": Estimate.exact(-3)}, "estimate"),
        ({"estimate": Estimate.at_least(-1)}, "estimate"),
        ({"estimate": Estimate(low=10.2, high=10.8)}, "estimate"),
        ({"estimate": Estimate.exact(3, unit="furlongz")}, "unit"),
        ({"scope": Scope(place="Russia")}, "counted"),
        ({"id": ""}, "id"),
        ({"source": ""}, "source.name"),
        ({"stated": "2023-12-29", "period": "2023-12-30"}, "stated"),
        ({"stated": "2023-12-30T14:00"}, "period"),
    ],
)
def test_bad_claims_are_rejected_naming_the_field(kw: dict[str, object], field: str) -> None:
    """Negative counts, fractional-only counts, unknown units, missing counted thing, empty id or source,
    a statement before its period and naive datetimes raise InvalidClaimError naming the field."""
    with pytest.raises(InvalidClaimError) as info:
        make(**kw)
    assert info.value.field == field


def test_about_zero_is_a_valid_count() -> None:
    """An approximation's band may reach below zero; the count is clipped at zero."""
    assert make(estimate="about 0").low == 0


def test_naive_datetime_is_rejected() -> None:
    """A period built from a naive datetime is refused."""
    with pytest.raises(InvalidClaimError, match="timezone-aware"):
        Period(dt.datetime(2023, 12, 30), dt.datetime(2023, 12, 31))  # noqa: DTZ001


def test_synonyms_normalise() -> None:
    """'shot down' is the 'intercepted' metric; 'UAVs' are drones."""
    c = make(metric="shot down", scope=Scope(place="Russia", counted="UAVs"))
    assert c.metric.name == "intercepted"
    assert c.scope.counted == "drones"


def test_origin_and_chain() -> None:
    """The origin is the first source, named as the alias table knows it; the chain reads origin, via, via."""
    c = make(
        source=Source("Russian MoD", kind="military", party="Russia"), via=["Reuters", "ZeroHedge"]
    )
    assert c.origin == "russian ministry of defence"
    assert c.chain_text() == "Russian MoD, via Reuters, via ZeroHedge"
    assert c.reporter.name == "ZeroHedge"


def test_counts_of_different_things_do_not_add() -> None:
    """pint would add 32 drones to 13 missiles; claimdiff raises IncomparableError."""
    drones = make(estimate="32", scope=Scope(place="Russia", counted="drones")).measure
    missiles = make(estimate="13", scope=Scope(place="Russia", counted="missiles")).measure
    with pytest.raises(IncomparableError, match="counts of different things"):
        drones + missiles
    with pytest.raises(IncomparableError):
        drones.overlaps(missiles)
    assert (drones + drones).low == 64


def test_counts_and_percentages_do_not_compare() -> None:
    """A count and a percentage are both 'dimensionless' to pint; not to claimdiff."""
    count = make(estimate="14").measure
    share = make(
        estimate="40%", scope=Scope(place="Russia")
    ).measure  # a share counts nothing (issue 21)
    with pytest.raises(IncomparableError, match="different dimensions"):
        count.overlaps(share)


def test_miles_and_km_compare() -> None:
    """'20 miles' and '32 km' overlap once 'about' allows a band; distances compare across units."""
    a = make(metric="distance", estimate="20 miles", scope=Scope(place="Russia")).measure
    b = make(metric="distance", estimate="about 32 km", scope=Scope(place="Russia")).measure
    assert a.overlaps(b)


def test_measure_add_is_interval_arithmetic() -> None:
    """Adding measures adds bounds."""
    a = Measure(low=12, high=12, counted="adults")
    b = Measure(low=1, high=3, counted="adults")
    assert (a + b).describe() == "[13, 15] adults"


def test_strict_vocabulary_refuses_unknown_metrics() -> None:
    """A strict vocabulary names the metrics it knows."""
    with pytest.raises(InvalidClaimError, match="is not one of"):
        Vocabulary(strict=True).metric("teleported")
    assert Vocabulary().metric("teleported") == Metric("teleported")


@pytest.mark.parametrize("text", ["more than 9007199254740992", "fewer than 10000000000000000"])
def test_open_count_bounds_beyond_two_to_the_53_are_refused(text):
    """Floats cannot hold every whole number from 2**53 on, so 'more than 2**53' would allow 2**53: refused."""
    with pytest.raises(InvalidClaimError, match=r"2\*\*53"):
        Claim(id="a", metric="killed", estimate=text, scope=Scope(counted="people"), source="X")


def test_a_huge_exact_count_is_kept() -> None:
    """A vandal's 100,000,000,000,000,000 people is a whole float, kept exactly (real data has such figures)."""
    c = Claim(
        id="a",
        metric="population",
        estimate="100000000000000000",
        scope=Scope(counted="people"),
        source="X",
    )
    assert c.low == c.high == 1e17


def test_spellings_of_one_body_are_one_origin() -> None:
    """Outlets spelling the ministry differently do not corroborate it: one origin, however written."""
    import claimdiff

    names = [
        "Russian Defence Ministry",
        "Russian Ministry of Defence",
        "Russia's MoD",
        "the russian ministry of defense",
    ]
    report = claimdiff.reconcile([make(id=f"c{i}", source=n) for i, n in enumerate(names)])
    assert report.groups[0].origins == 1
