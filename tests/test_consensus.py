"""The consensus estimator: a figure an origin reported, or the median of the reported points (issue 17)."""

from __future__ import annotations

import statistics

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import POLICIES, Claim, Estimate, Scope, Source, reconcile
from claimdiff._core.estimators import best_in_unit, consensus
from claimdiff._core.intervals import intersect
from claimdiff._model.units import unit_info
from claimdiff.hedges import Provenance

PLACE = Scope(place="Lincoln, Nebraska")
PEOPLE = Scope(place="Lincoln, Nebraska", counted="people")


def reading(
    cid: str, value: float, unit: str = "degF", *, worded: bool = True, source: str = ""
) -> Claim:
    """A reading as a site words it ("41" read to the degree) or, with ``worded=False``, an exact datum."""
    text = f"{value:g}" if worded else ""
    provenance = Provenance.WORDED if worded else Provenance.DATUM
    return Claim(
        id=cid,
        metric="reading",
        estimate=Estimate.exact(value, unit=unit, text=text, provenance=provenance),
        scope=PLACE,
        source=Source(source or f"site {cid}"),
    )


def count(cid: str, value: str, source: str = "") -> Claim:
    return Claim(
        id=cid,
        metric="population",
        estimate=value,
        scope=PEOPLE,
        source=Source(source or f"editor {cid}"),
    )


def test_spread_readings_give_their_median_not_an_edge_of_widening() -> None:
    """40, 41, 42, 43, 44 °F read to the degree: no majority agrees, so the best is their median, 42.

    (It was 41.5: the edge where 41 ± 0.5 and 42 ± 0.5 touch.)
    """
    g = reconcile([reading(f"r{v}", v) for v in (40, 41, 42, 43, 44)]).groups[0]
    assert g.best == 42.0


def test_a_majority_of_readings_gives_the_median_of_its_readings() -> None:
    """Three of four sites agree within precision (40, 40, 40.3); the fourth is far off: their median stands."""
    g = reconcile(
        [reading("a", 40), reading("b", 40), reading("c", 40.3), reading("d", 48)]
    ).groups[0]
    assert g.supporting == ("a", "b", "c")
    assert g.best == 40.0


def test_converted_figures_carry_no_float_noise() -> None:
    """Exact readings of 40 °F (kelvin inside) and 29.92 inHg (pascal inside) come back as written."""
    assert (
        reconcile(
            [
                reading("a", 40, worded=False),
                reading("b", 40, worded=False),
                reading("c", 41, worded=False),
            ]
        )
        .groups[0]
        .best
        == 40.0
    )
    assert (
        reconcile([reading("a", 29.92, "inHg"), reading("b", 29.92, "inHg")]).groups[0].best
        == 29.92
    )


@settings(max_examples=200)
@given(
    st.sampled_from(["degF", "degC", "inHg", "hPa", "mile", "km", "percent"]),
    st.decimals(min_value=-100, max_value=10_000, places=2, allow_nan=False, allow_infinity=False),
    st.integers(min_value=1, max_value=4),
)
def test_agreeing_readings_come_back_exactly_as_written(unit: str, value: object, n: int) -> None:
    """Law: whatever the unit, readings that all say one figure have that figure, to the last digit, as best."""
    v = float(str(value))
    g = reconcile([reading(f"r{i}", v, unit) for i in range(n)]).groups[0]
    assert g.best == v


@given(
    st.decimals(
        min_value=-1000, max_value=100_000, places=4, allow_nan=False, allow_infinity=False
    ),
    st.sampled_from(["degF", "degC", "inHg", "mile", "percent", ""]),
)
def test_best_in_unit_gives_back_a_figure_as_written(value: object, unit: str) -> None:
    """Law: a figure of up to 9 significant digits, read into the canonical unit and shown again, is as written;
    a figure is never moved by more than the noise of its conversion."""
    info = unit_info(unit)
    v = float(str(value))
    assert best_in_unit(info.to_canonical(v), info) == v
    assert abs(best_in_unit(info.to_canonical(v) * (1 + 1e-15), info) - v) <= 1e-9 * max(
        1.0, abs(v)
    )


def test_an_exact_count_is_preferred_to_a_round_one_it_agrees_with() -> None:
    """ "120,000" is a figure to the ten thousand and allows 123,456: the best is the exact 123,456, not an edge."""
    g = reconcile([count("a", "120,000"), count("b", "123,456")]).groups[0]
    assert g.best == 123_456


def test_two_origins_giving_the_same_count_are_a_consensus() -> None:
    """Two of five editors write 100,000; the other three write three other figures: 100,000 stands."""
    claims = [
        count("a", "100,000"),
        count("b", "100,000"),
        count("c", "170,001"),
        count("d", "250,001"),
        count("e", "301,000"),
    ]
    assert reconcile(claims).groups[0].best == 100_000


def test_lone_counts_give_the_lower_median() -> None:
    """Three editors, three different counts and no two agreeing: the lower median, 200,003, a reported figure."""
    claims = [
        count("a", "198,682"),
        count("b", "298,682"),
        count("c", "200,003"),
        count("d", "310,001"),
    ]
    g = reconcile(claims).groups[0]
    assert g.best == 200_003
    higher = attrs.evolve(POLICIES["consensus"], ties="higher")
    assert reconcile(claims, higher).groups[0].best == 298_682


_COUNTS = st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=7)


@settings(max_examples=300)
@given(_COUNTS, st.lists(st.integers(min_value=0, max_value=3), min_size=7, max_size=7))
def test_the_consensus_of_plain_counts_is_a_reported_figure(
    values: list[int], origin: list[int]
) -> None:
    """Law: with plain counts from any origins, the best is a figure one of them reported."""
    claims = [count(f"c{i}", f"{v * 10:,}", source=f"o{origin[i]}") for i, v in enumerate(values)]
    (g,) = reconcile(claims).groups
    assert g.best in {c.figure for c in claims}


@settings(max_examples=300)
@given(st.lists(st.integers(min_value=300, max_value=340), min_size=1, max_size=7))
def test_the_consensus_of_readings_is_a_reading_or_a_median_of_readings(tenths: list[int]) -> None:
    """Law: readings to the tenth give as best a reading or the mean of two, never an edge of their widening."""
    values = [t / 10 for t in tenths]
    (g,) = reconcile([reading(f"r{i}", v) for i, v in enumerate(values)]).groups
    allowed = {round(v, 9) for v in values} | {
        round((a + b) / 2, 9) for a in values for b in values
    }
    assert g.best is not None
    assert round(g.best, 9) in allowed
    assert min(values) <= g.best <= max(values)
    assert abs(g.best - statistics.median(values)) <= max(values) - min(values)


_BOUND = st.sampled_from([0.0, 1.0, 2.0, 3.0, 5.0])


@st.composite
def _intervals(draw: st.DrawFn) -> tuple[list[Claim], dict[str, tuple[float, bool, float, bool]]]:
    """Claims of a few origins, each with an interval (ends open or closed, some shared) as the consensus reads it."""
    n = draw(st.integers(min_value=1, max_value=7))
    claims, now = [], {}
    for k in range(n):
        lo, hi = sorted((draw(_BOUND), draw(_BOUND)))
        lc, hc = draw(st.booleans()), draw(st.booleans())
        if lo == hi:
            lc = hc = True
        c = Claim(
            id=f"c{k}",
            metric="killed",
            estimate=Estimate.exact(int(lo)),
            scope=Scope(counted="people"),
            source=Source(f"s{draw(st.integers(min_value=0, max_value=3))}"),
        )
        claims.append(c)
        now[c.id] = (lo, lc, hi, hc)
    return claims, now


@given(_intervals(), st.sampled_from(["median", "lower", "higher"]))
@settings(max_examples=300)
def test_the_consensus_interval_is_what_its_claims_allow_together(
    drawn: tuple[list[Claim], dict[str, tuple[float, bool, float, bool]]], ties: str
) -> None:
    """The interval the sweep gives is the intersection of the supporting claims, never empty; no claim outside
    the consensus allows it all, and no set of claims that share a value has more origins."""
    claims, now = drawn
    supporting, iv = consensus(claims, now, ties)
    assert supporting
    assert iv is not None
    assert iv == intersect(now[cid] for cid in supporting)
    outside = [c for c in claims if c.id not in supporting]
    assert all(intersect([iv, now[c.id]]) is None for c in outside)
    weight = len({c.origin for c in claims if c.id in supporting})
    points = {b for c in claims for b in (now[c.id][0], now[c.id][2])}
    points |= {(a + b) / 2 for a in points for b in points}
    for x in points:
        allowing = [c for c in claims if intersect([now[c.id], (x, True, x, True)]) is not None]
        assert len({c.origin for c in allowing}) <= weight
