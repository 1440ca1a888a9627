"""The hedge semantics table: English wording -> intervals, under explicit policies."""

from __future__ import annotations

import math

import attrs
import pytest

from claimdiff import Estimate, Hedge
from claimdiff.exceptions import InvalidEstimateError
from claimdiff.hedges import (
    ACLED_HEDGES,
    DEFAULT_HEDGES,
    HedgePolicy,
    VagueQuantity,
    parse_estimate,
)

INF = math.inf

TABLE = [
    # exact
    ("14", 14, 14, True, True, Hedge.EXACT),
    ("two", 2, 2, True, True, Hedge.EXACT),
    ("fifteen", 15, 15, True, True, Hedge.EXACT),
    ("1.5 million", 1_500_000, 1_500_000, True, True, Hedge.EXACT),
    ("1,500", 1500, 1500, True, True, Hedge.EXACT),
    ("one hundred and eight", 108, 108, True, True, Hedge.EXACT),
    ("twenty-one", 21, 21, True, True, Hedge.EXACT),
    ("two dozen", 24, 24, True, True, Hedge.EXACT),
    # lower bounds
    ("at least 14", 14, INF, True, False, Hedge.LOWER),
    ("no fewer than 14", 14, INF, True, False, Hedge.LOWER),
    ("over 100", 100, INF, False, False, Hedge.LOWER),
    ("more than 100", 100, INF, False, False, Hedge.LOWER),
    ("14 or more", 14, INF, True, False, Hedge.LOWER),
    ("100+", 100, INF, True, False, Hedge.LOWER),
    # upper bounds
    ("up to 158", -INF, 158, False, True, Hedge.UPPER),
    ("as many as 158", -INF, 158, False, True, Hedge.UPPER),
    ("no more than 5", -INF, 5, False, True, Hedge.UPPER),
    ("fewer than 10", -INF, 10, False, False, Hedge.UPPER),
    ("under 10", -INF, 10, False, False, Hedge.UPPER),
    # approximations: a 10% band by default, at least 1 wide
    ("some 70", 63, 77, True, True, Hedge.APPROXIMATE),
    ("about 70", 63, 77, True, True, Hedge.APPROXIMATE),
    ("around 70", 63, 77, True, True, Hedge.APPROXIMATE),
    ("roughly 70", 63, 77, True, True, Hedge.APPROXIMATE),
    ("approximately 70", 63, 77, True, True, Hedge.APPROXIMATE),
    ("about 5", 4, 6, True, True, Hedge.APPROXIMATE),
    ("nearly 100", 90, 100, True, False, Hedge.APPROXIMATE),
    ("almost 100", 90, 100, True, False, Hedge.APPROXIMATE),
    ("just over 100", 100, 110, False, True, Hedge.APPROXIMATE),
    # ranges
    ("between 10 and 20", 10, 20, True, True, Hedge.RANGE),
    ("10-20", 10, 20, True, True, Hedge.RANGE),
    ("10 to 20", 10, 20, True, True, Hedge.RANGE),
    ("10\u201320", 10, 20, True, True, Hedge.RANGE),
    # vague quantities
    ("a dozen", 10, 14, True, True, Hedge.VAGUE),
    ("dozens", 24, 99, True, True, Hedge.VAGUE),
    ("dozens of", 24, 99, True, True, Hedge.VAGUE),
    ("scores", 40, 199, True, True, Hedge.VAGUE),
    ("hundreds", 200, 999, True, True, Hedge.VAGUE),
    ("thousands", 2000, 9999, True, True, Hedge.VAGUE),
    ("tens of thousands", 20_000, 99_999, True, True, Hedge.VAGUE),
    ("several", 3, 9, True, True, Hedge.VAGUE),
    ("a few", 2, 5, True, True, Hedge.VAGUE),
    ("tens", 20, 99, True, True, Hedge.VAGUE),
]


@pytest.mark.parametrize(
    ("text", "low", "high", "lc", "hc", "hedge"), TABLE, ids=[r[0] for r in TABLE]
)
def test_semantics_table(
    text: str, low: float, high: float, lc: bool, hc: bool, hedge: Hedge
) -> None:
    """Each documented wording reads as the documented interval and keeps its hedge and text."""
    e = parse_estimate(text)
    assert (e.low, e.high, e.low_closed, e.high_closed, e.hedge) == (low, high, lc, hc, hedge)
    assert e.text == text


def test_case_and_spacing_do_not_matter() -> None:
    """'At  Least 14' reads like 'at least 14'; the original wording is kept."""
    e = parse_estimate("  At  Least 14 ")
    assert e.interval_text() == "[14, inf)"
    assert e.text == "At  Least 14"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("20 miles", "mile"),
        ("32 km", "kilometer"),
        ("1.5 tonnes", "tonne"),
        ("40%", "percent"),
        ("two years", "years"),
    ],
)
def test_units_after_the_figure(text: str, unit: str) -> None:
    """A unit written after the figure becomes the estimate's unit."""
    assert parse_estimate(text).unit == unit


@pytest.mark.parametrize(
    "text", ["", "   ", "abc", "at least", "20-10", "70 drones", "between 5 km and 7 kg"]
)
def test_unreadable_wording_is_an_error(text: str) -> None:
    """Text that is not a figure raises InvalidEstimateError naming the text."""
    with pytest.raises(InvalidEstimateError) as info:
        parse_estimate(text)
    assert info.value.field == "text"


def test_counted_nouns_are_not_units() -> None:
    """'70 drones' is refused with a hint: what is counted goes in 'counted'."""
    with pytest.raises(InvalidEstimateError, match="counted"):
        parse_estimate("70 drones")


def test_unit_given_separately_is_used() -> None:
    """A unit passed as an argument applies to a bare figure."""
    assert parse_estimate("at least 3", unit="km").unit == "km"


def test_policy_is_explicit_and_overridable() -> None:
    """A user policy changes the band without touching the default (no global state)."""
    narrow = attrs.evolve(DEFAULT_HEDGES, band=0.05)
    assert parse_estimate("some 70", hedges=narrow).interval_text() == "[66.5, 73.5]"
    assert parse_estimate("some 70").interval_text() == "[63, 77]"


def test_vague_table_is_overridable() -> None:
    """A user can redefine what 'dozens' means."""
    table = DEFAULT_HEDGES.vague_table()
    table["dozens"] = VagueQuantity(13, 120)
    mine = attrs.evolve(DEFAULT_HEDGES, vague=table)
    assert parse_estimate("dozens", hedges=mine).interval_text() == "[13, 120]"


@pytest.mark.parametrize(
    ("text", "point"), [("tens", 10), ("dozens", 12), ("hundreds", 100), ("thousands", 1000)]
)
def test_acled_codes_vague_words_as_published(text: str, point: float) -> None:
    """ACLED's policy codes tens=10, dozens=12, hundreds=100, thousands=1000, and keeps an upper end."""
    e = parse_estimate(text, hedges=ACLED_HEDGES)
    assert e.point == point
    assert e.low == point
    assert math.isfinite(e.high)


def test_estimate_constructors_match_parsing() -> None:
    """The named constructors and the parser agree."""
    assert parse_estimate("at least 14") == Estimate.at_least(14, text="at least 14")
    assert parse_estimate("over 100") == Estimate.more_than(100, text="over 100")
    assert parse_estimate("up to 158") == Estimate.at_most(158, text="up to 158")
    assert parse_estimate("fewer than 10") == Estimate.less_than(10, text="fewer than 10")
    assert parse_estimate("between 10 and 20") == Estimate.between(10, 20, text="between 10 and 20")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("5 Mm", "Mm"),
        ("5 mm", "mm"),
        ("10 kHz", "kHz"),
        ("20 KM", "kilometer"),
        ("20 Miles", "mile"),
    ],
)
def test_a_units_case_is_kept(text, unit):
    """Case is a unit's meaning: 5 Mm (megametres) is not 5 mm; spelled-out names are read in any case."""
    assert parse_estimate(text).unit == unit


def test_megametres_written_in_words_and_fields_agree():
    """'5 Mm' in the text and value 5 with unit Mm are the same figure, not a contradiction."""
    from claimdiff import Claim, Scope, reconcile

    place = Scope(place="X")
    report = reconcile(
        [
            Claim(id="a", metric="distance", estimate="5 Mm", scope=place, source="A"),
            Claim(
                id="b",
                metric="distance",
                estimate=parse_estimate("5", unit="Mm"),
                scope=place,
                source="B",
            ),
        ]
    )
    assert not report.has_conflict


# -- hedged ranges and stressed bounds (issue 21 item 7) ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "interval", "hedge"),
    [
        # an approximation widens each end by the band, as it widens a single figure
        ("about 1,500 to 2,000", "[1350, 2200]", Hedge.APPROXIMATE),
        ("about 5 to 10 thousand", "[4500, 11000]", Hedge.APPROXIMATE),
        ("some 5,000-6,000", "[4500, 6600]", Hedge.APPROXIMATE),
        ("200-300 or so", "[180, 330]", Hedge.APPROXIMATE),
        ("around 1.2-1.5 million", "[1080000, 1650000]", Hedge.APPROXIMATE),
        # "nearly" approaches both ends from below, "just over" passes both
        ("nearly 200 to 300", "[180, 300)", Hedge.APPROXIMATE),
        ("just over 200 to 300", "(200, 330]", Hedge.APPROXIMATE),
        # a bound keeps the end it bounds
        ("at least 200-300", "[200, inf)", Hedge.LOWER),
        ("more than 200 to 300", "(200, inf)", Hedge.LOWER),
        ("5,000-6,000 or more", "[5000, inf)", Hedge.LOWER),
        ("up to 200-300", "(-inf, 300]", Hedge.UPPER),
        ("fewer than 200 to 300", "(-inf, 300)", Hedge.UPPER),
    ],
)
def test_a_hedge_before_a_range_keeps_both(text: str, interval: str, hedge: Hedge) -> None:
    """A hedged range is the range widened as the hedge widens each of its ends; the wording is kept."""
    e = parse_estimate(text)
    assert (e.interval_text(), e.hedge, e.text) == (interval, hedge, text)
    if hedge is Hedge.APPROXIMATE:
        assert e.point is None  # no single figure was said


def test_a_hedged_range_is_as_wide_as_its_hedged_ends() -> None:
    """Law on examples: "about A to B" spans from "about A"'s low end to "about B"'s high end."""
    for hedge in ("about", "some", "nearly", "just over", "roughly"):
        for a, b in ((5, 10), (1_500, 2_000), (200, 300)):
            ranged = parse_estimate(f"{hedge} {a} to {b}")
            low, high = parse_estimate(f"{hedge} {a}"), parse_estimate(f"{hedge} {b}")
            assert (ranged.low, ranged.low_closed) == (low.low, low.low_closed)
            assert (ranged.high, ranged.high_closed) == (high.high, high.high_closed)


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("well over 100", "(100, inf)"),
        ("far more than 100", "(100, inf)"),
        ("well in excess of 100", "(100, inf)"),
        ("significantly above 100", "(100, inf)"),
        ("far fewer than 10", "(-inf, 10)"),
        ("well below 10", "(-inf, 10)"),
        ("upwards of 100", "(100, inf)"),
        ("upward of 100", "(100, inf)"),
        ("in excess of 100", "(100, inf)"),
        ("higher than 100", "(100, inf)"),
        ("just under 100", "[90, 100)"),
        ("just short of 100", "[90, 100)"),
        ("slightly fewer than 100", "[90, 100)"),
        ("a little under 100", "[90, 100)"),
    ],
)
def test_stressed_and_near_bounds_read_as_the_policy_says(text: str, interval: str) -> None:
    """'well over N' is over N (how far is not said); 'just under N' approaches N from below."""
    assert parse_estimate(text).interval_text() == interval


def test_intensifiers_are_part_of_the_policy() -> None:
    """Without intensifiers 'well over 100' is not a figure; the policy, not the parser, decides."""
    plain = attrs.evolve(DEFAULT_HEDGES, intensifiers=())
    with pytest.raises(InvalidEstimateError, match="no figure"):
        parse_estimate("well over 100", hedges=plain)
    assert parse_estimate("over 100", hedges=plain).interval_text() == "(100, inf)"


@pytest.mark.parametrize(
    "hedge",
    [
        "at least",
        "more than",
        "over",
        "approximately",
        "nearly",
        "up to",
        "around",
        "an estimated",
        "some",
        "about",
        "less than",
        "almost",
        "under",
        "in excess of",
        "close to",
        "as many as",
    ],
)
def test_every_hedge_the_corpus_texts_use_is_in_the_policy(hedge: str) -> None:
    """The hedges before a number in tests/fixtures/real/*.txt (grepped) each read as a hedge, not exactly."""
    assert parse_estimate(f"{hedge} 120").hedge is not Hedge.EXACT


# A small quantity word scaled by a scale word ("several thousand", "a few hundred"): the interval
# multiplied, running to the last number the words still cover.
_SMALL_WORDS = ("a couple of", "a couple", "a handful of", "a few", "several")
_SCALE_WORDS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9}


@pytest.mark.parametrize("word", _SMALL_WORDS)
@pytest.mark.parametrize("scale", sorted(_SCALE_WORDS))
@pytest.mark.parametrize("table", [DEFAULT_HEDGES, ACLED_HEDGES], ids=["default", "acled"])
def test_a_small_quantity_word_scaled_is_its_interval_multiplied(
    word: str, scale: str, table: HedgePolicy
) -> None:
    q = table.vague[word]
    k = _SCALE_WORDS[scale]
    e = parse_estimate(f"{word} {scale}", hedges=table)
    assert (e.low, e.high) == (q.low * k, (q.high + 1) * k - 1)
    assert e.point == (None if q.point is None else q.point * k)
    assert e.hedge is Hedge.VAGUE
    # The scale written in the plural, or with "of", reads alike ("several hundreds of").
    assert parse_estimate(f"{word} {scale}s of", hedges=table).interval_text() == e.interval_text()


def test_several_thousand_reads_as_an_analyst_would() -> None:
    assert parse_estimate("several thousand").interval_text() == "[3000, 9999]"
    assert parse_estimate("a few hundred").interval_text() == "[200, 599]"
    assert parse_estimate("several thousand km").unit == "kilometer"
    # Scale words run, each larger than the one before.
    assert parse_estimate("several hundred thousand").interval_text() == "[300000, 999999]"
    assert parse_estimate("a few hundreds of thousands of").interval_text() == "[200000, 599999]"
    with pytest.raises(InvalidEstimateError):
        parse_estimate("several thousand hundred")
    # A word that names its own size is not scaled again.
    with pytest.raises(InvalidEstimateError):
        parse_estimate("a dozen thousand")
