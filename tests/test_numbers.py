"""Numbers as newsrooms write them ("1.2m", "3k", "5 to 10 thousand", "half a million", "10 000"), and
figures a float cannot carry (issue 21 item 7, issue 18 item 5)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Claim, Estimate, Scope, loads_claims, loads_claims_lenient
from claimdiff._model.numbers import parse_number_prefix, read_number
from claimdiff.exceptions import ClaimFileError, InvalidClaimError, InvalidEstimateError
from claimdiff.hedges import parse_estimate

PEOPLE = Scope(place="Ukraine", counted="people")

NEWSROOM = [
    # text, count, low, high
    ("1.2m", True, 1_200_000, 1_200_000),
    ("more than 1.2m", True, 1_200_000, math.inf),
    ("1.2bn", None, 1_200_000_000, 1_200_000_000),
    ("3k", None, 3_000, 3_000),
    ("$3.5bn", None, 3_500_000_000, 3_500_000_000),
    ("$3.5m", None, 3_500_000, 3_500_000),
    ("5 to 10 thousand", None, 5_000, 10_000),
    ("between five and ten thousand", None, 5_000, 10_000),
    ("5-10k", None, 5_000, 10_000),
    ("1.2-1.5m", True, 1_200_000, 1_500_000),
    (
        "500 to 2 million",
        None,
        500,
        2_000_000,
    ),  # the scale is not shared when it would reverse the range
    ("half a million", None, 500_000, 500_000),
    ("a quarter of a million", None, 250_000, 250_000),
    ("three quarters of a million", None, 750_000, 750_000),
    ("two and a half million", None, 2_500_000, 2_500_000),
    ("10\u2009000", None, 10_000, 10_000),  # thin space
    ("10\u202f000", None, 10_000, 10_000),  # narrow no-break space
    ("10\u00a0000", None, 10_000, 10_000),  # no-break space
    ("at least 1\u2009250\u2009000", None, 1_250_000, math.inf),
    ("12,000-plus", None, 12_000, math.inf),
    ("5,000-6,000", None, 5_000, 6_000),
]


@pytest.mark.parametrize(("text", "count", "low", "high"), NEWSROOM)
def test_figures_as_newsrooms_write_them(
    text: str, count: bool | None, low: float, high: float
) -> None:
    """Each newsroom form reads as the figure a reader takes from it."""
    e = parse_estimate(text, count=count)
    assert (e.low, e.high) == (low, high)
    assert e.text == text


def test_a_joined_m_is_million_for_a_count_and_metres_for_a_length() -> None:
    """'1.2m' of people is 1.2 million; '1.2m' of a distance is 1.2 metres; alone it is refused, naming the text."""
    assert (
        Claim(id="a", metric="displaced", estimate="1.2m", scope=PEOPLE, source="UNHCR").low
        == 1_200_000
    )
    length = Claim(
        id="b", metric="distance", estimate="1.2m", scope=Scope(place="Kyiv"), source="MoD"
    )
    assert (length.estimate.unit, length.low) == ("meter", 1.2)
    with pytest.raises(
        InvalidEstimateError, match=r"million for a count and metres for a length.*'1\.2m'"
    ):
        parse_estimate("1.2m")
    with pytest.raises(InvalidEstimateError, match="million for a count"):
        parse_estimate("1.2-1.5m")


def test_a_joined_m_in_running_text_is_million_unless_a_length_word_follows() -> None:
    """The number reader used on sentences: '1.2m people' is a million; '5m long' leaves 'm' to the unit."""
    assert parse_number_prefix("1.2m people have fled") == (1_200_000.0, 4)
    assert parse_number_prefix("5m long") == (5.0, 1)
    assert parse_number_prefix("5mm") == (5.0, 1)


def test_a_separator_that_ends_a_number_is_not_part_of_it() -> None:
    """'1,000, including 200 children' is 1,000 (it was read as 1)."""
    assert parse_number_prefix("1,000, including 200 children") == (1000.0, 5)


def test_a_count_in_a_unit_is_refused_in_python_as_in_files() -> None:
    """People counted in kilometres: the same refusal, worded alike, from Claim and from a claims file."""
    with pytest.raises(
        InvalidClaimError, match=r"is in 'kilometer' \(\[length\]\), but the claim counts 'people'"
    ):
        Claim(id="a", metric="killed", estimate="5 km", scope=PEOPLE, source="MoD")
    with pytest.raises(InvalidClaimError, match="a count takes no unit"):
        Claim(
            id="a",
            metric="killed",
            estimate=Estimate.exact(5, unit="m"),
            scope=PEOPLE,
            source="MoD",
        )
    doc = "claims:\n- {id: a, metric: killed, counted: people, value: 5 km, source: MoD}\n"
    with pytest.raises(
        ClaimFileError, match=r"is in 'kilometer' \(\[length\]\), but the claim counts 'people'"
    ):
        loads_claims(doc, format="yaml")
    csv = "id,metric,counted,value,unit,source\na,killed,people,5,km,MoD\n"
    (problem,) = loads_claims_lenient(
        csv, format="csv"
    ).rejected  # said once, on the unit, not again by Claim
    assert "a count takes no unit" in str(problem)
    # The same estimate, once held by a length claim, is still refused for a count (its bounds are cached).
    e = Estimate.exact(7, unit="km")
    Claim(id="d", metric="distance", estimate=e, scope=Scope(place="Kyiv"), source="MoD")
    with pytest.raises(InvalidClaimError, match="a count takes no unit"):
        Claim(id="c", metric="killed", estimate=e, scope=PEOPLE, source="MoD")


@given(st.integers(1, 9_999), st.sampled_from(["yaml", "json"]))
def test_n_point_n_m_people_is_n_point_n_million_everywhere(tenths: int, fmt: str) -> None:
    """Law: "N.Nm" of people is N.N x 10^6 people, in parse_estimate, in Claim and in a claims file."""
    written = f"{tenths // 10}.{tenths % 10}m"
    expected = float(written[:-1] + "e6")  # the figure itself, not 65.1 * 1e6 = 65,099,999.99...
    assert parse_estimate(written, count=True).point == expected
    assert (
        Claim(id="a", metric="displaced", estimate=written, scope=PEOPLE, source="UNHCR").low
        == expected
    )
    doc = (
        f"claims:\n- {{id: a, metric: displaced, counted: people, value: '{written}', source: UNHCR}}\n"
        if fmt == "yaml"
        else f'{{"claims": [{{"id": "a", "metric": "displaced", "counted": "people", "value": "{written}", '
        f'"source": "UNHCR"}}]}}'
    )
    assert loads_claims(doc, format=fmt)[0].low == expected


# -- figures near the float limit (issue 18 item 5) --------------------------------------------------------


@pytest.mark.parametrize("hedge", ["about", "just over", "nearly", "some", "roughly"])
def test_a_hedge_near_the_float_limit_is_refused_not_made_infinite(hedge: str) -> None:
    """'about 1.7e308' would have an infinite upper bound: refused with a message instead."""
    with pytest.raises(InvalidEstimateError, match="too close to the float limit"):
        parse_estimate(f"{hedge} 17" + "0" * 307)
    with pytest.raises(InvalidEstimateError, match="too close to the float limit"):
        Estimate.about(1.7e308)


@given(
    st.floats(0, 1.7976931348623157e308, allow_nan=False),
    st.sampled_from(["about", "just over", "nearly"]),
)
def test_a_finite_hedged_figure_never_has_an_infinite_bound(value: float, hedge: str) -> None:
    """Law: a hedge around a finite figure is refused or keeps both bounds finite."""
    text = f"{hedge} {int(value)}"
    try:
        e = parse_estimate(text)
    except InvalidEstimateError:
        return
    assert math.isfinite(e.low)
    assert math.isfinite(e.high)


def test_whole_numbers_beyond_2_53_are_never_read_as_their_neighbour() -> None:
    """9007199254740993 and 9007199254740992 read as equal before; the first is now refused, the second kept."""
    assert parse_estimate("9007199254740992").point == 2**53
    with pytest.raises(
        InvalidEstimateError, match=r"more significant digits than a float holds.*9007199254740992"
    ):
        parse_estimate("9007199254740993")
    with pytest.raises(InvalidEstimateError, match="more significant digits"):
        parse_estimate("between 1 and 9,007,199,254,740,993")
    with pytest.raises(InvalidEstimateError, match="more significant digits"):
        Estimate.exact(2**53 + 1)
    with pytest.raises(
        InvalidClaimError,
        match="claim 'a': 'estimate' is a whole number with more significant digits",
    ) as info:  # a claim names itself and its field; the parser's error is the cause
        Claim(id="a", metric="killed", estimate=2**53 + 1, scope=PEOPLE, source="MoD")
    assert isinstance(info.value.__cause__, InvalidEstimateError)
    doc = '{"claims": [{"id": "a", "metric": "killed", "counted": "people", "value": 9007199254740993, "source": "M"}]}'
    with pytest.raises(
        ClaimFileError, match=r"'value' is a whole number with more significant digits"
    ):
        loads_claims(doc, format="json")
    assert (
        parse_estimate("17" + "0" * 24).point == 1.7e25
    )  # a round figure is the float nearest to it


@given(st.integers(2**53, 2**70))
def test_a_whole_number_is_kept_exactly_or_refused(n: int) -> None:
    """Law: a whole number given as data or in digits is read as exactly itself, or refused with a message."""
    for make in (Estimate.exact, lambda v: parse_estimate(str(v))):
        if n != float(n) and len(str(n).rstrip("0")) > 15:
            with pytest.raises(InvalidEstimateError, match="significant digits"):
                make(n)
        else:
            assert make(n).point == float(n)


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("1.2-1.5m", "[1200000, 1500000]"),
        ("about 1.2-1.5m", "[1080000, 1650000]"),
        ("more than 1.2m", "(1200000, inf)"),
    ],
)
def test_a_range_with_a_joined_m_is_million_for_a_count(text: str, interval: str) -> None:
    """'1.2-1.5m people' is 1.2 to 1.5 million, in parse_estimate and in Claim, with or without a hedge."""
    assert parse_estimate(text, count=True).interval_text() == interval
    claim = Claim(id="a", metric="displaced", estimate=text, scope=PEOPLE, source="UNHCR")
    assert claim.estimate.interval_text() == interval


def test_a_comma_and_a_space_after_digit_groups_end_the_number() -> None:
    """'5,000, officials said': the comma is the sentence's; '5,000,000' is one number."""
    assert parse_number_prefix("5,000, officials said") == (5000.0, 5)
    assert parse_number_prefix("5,000,000 people") == (5_000_000.0, 9)


def test_a_figure_that_converting_would_make_infinite_is_refused() -> None:
    """Found by the writers' round trip: "at least 1.797693134862315e305 km" is finite, but in metres, rounded
    to 15 digits, it overflowed to an infinite bound, and reconciling it beside another figure of the same
    source raised a KeyError. Now the claim is refused, naming the unit it was converted to."""
    with pytest.raises(
        InvalidClaimError, match=r"beyond the largest figure .* once converted to meter"
    ):
        Claim(
            id="b",
            metric="distance",
            estimate=Estimate.at_least(1.797693134862315e305, unit="km"),
            scope=Scope(),
            source="S",
        )
    near = Claim(
        id="c",
        metric="distance",
        estimate=Estimate.at_least(1.7e305, unit="km"),
        scope=Scope(),
        source="S",
    )
    assert near.low == 1.7e308


_SMALL_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_WORDS = [
    "_",
    "_",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]


def _in_words(n: int) -> str:
    """``n`` (0 < n < 10^12) as a British newsroom writes it: "two million three hundred and five"."""
    groups = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"), (1, "")):
        part, n = divmod(n, scale)
        if part:
            hundreds, rest = divmod(part, 100)
            words = [f"{_SMALL_WORDS[hundreds]} hundred"] if hundreds else []
            if rest:
                tens, units = divmod(rest, 10)
                small = (
                    _SMALL_WORDS[rest]
                    if rest < 20
                    else _TENS_WORDS[tens] + (f"-{_SMALL_WORDS[units]}" if units else "")
                )
                words.append(("and " if hundreds else "") + small)
            groups.append(" ".join(words) + (f" {name}" if name else ""))
    return " ".join(groups)


@given(st.integers(1, 10**12 - 1))
def test_a_number_in_words_reads_as_itself(n: int) -> None:
    number = read_number(_in_words(n))
    assert number is not None
    assert (number.value, number.end) == (n, len(_in_words(n)))


@given(st.data(), st.sampled_from([(100, 9), (1000, 999), (10**6, 999)]))
def test_two_numbers_in_words_joined_by_and_are_a_range_not_one_number(
    data: st.DataObject, scale: tuple[int, int]
) -> None:
    # "between one hundred and two hundred" is 100 to 200, never 10,200: a scale word that does not
    # fall after "and" ("... and two hundred") starts the second number. (Where it falls, "two hundred
    # and one thousand" is 201,000, as in English.)
    size, most = scale
    a = data.draw(st.integers(1, most - 1))
    b = data.draw(st.integers(a + 1, most))
    low, high = a * size, b * size + data.draw(st.integers(0, size - 1))
    estimate = parse_estimate(f"between {_in_words(low)} and {_in_words(high)}")
    assert (estimate.low, estimate.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("one hundred and two hundred", "[100, 200]"),
        ("two-thirds of a million", "[666667, 666667]"),
        ("a million and a half", "[1500000, 1500000]"),
        ("two million and a half", "[2500000, 2500000]"),
        ("3 lakh", "[300000, 300000]"),
        ("1.2 lakhs", "[120000, 120000]"),
        ("two lakh", "[200000, 200000]"),
        ("a lakh", "[100000, 100000]"),
        ("1 crore", "[10000000, 10000000]"),
        ("about 2.5 lakh", "[225000, 275000]"),
    ],
)
def test_scale_words_as_reports_write_them(text: str, interval: str) -> None:
    assert parse_estimate(text).interval_text() == interval


@pytest.mark.parametrize("text", ["two thousand three thousand", "one hundred hundred", "lakhs"])
def test_a_scale_word_that_does_not_fall_is_not_read_into_the_number(text: str) -> None:
    with pytest.raises(InvalidEstimateError):
        parse_estimate(text)


@given(
    st.sampled_from(["a", "one", "two", "three"]),
    st.sampled_from(["half", "third", "thirds", "quarter", "quarters"]),
    st.sampled_from(["hundred", "thousand", "million", "dozen", "lakh"]),
)
def test_a_share_of_a_scale_word_counts_whole_things(n: str, share: str, scale: str) -> None:
    """ "a third of a million", "two-thirds of a million": the nearest whole number, so a count can hold it."""
    text = f"{n} {share} of a {scale}"
    parts = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}[share]
    times = {"a": 1, "one": 1, "two": 2, "three": 3}[n]
    size = {"hundred": 100, "thousand": 1000, "million": 10**6, "dozen": 12, "lakh": 10**5}[scale]
    estimate = parse_estimate(text)
    assert estimate.low == estimate.high == round(times * size / parts)
    claim = Claim(
        id="a", metric="displaced", estimate=text, scope=Scope(counted="people"), source="X"
    )
    assert claim.estimate.low == estimate.low
