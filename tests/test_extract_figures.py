"""Figures and dates in running text are read as the figure parser reads them (issue 22, item 7).

The law: a figure :func:`claimdiff.hedges.parse_estimate` reads, set in a sentence, is extracted with the
same interval and hedge. Its generator draws every form the parser reads, from the hedge policy itself:
every prefix (with the intensifiers), every suffix, every quantity word, digits with commas or thin spaces,
number words, decimals with a scale word or a joined scale ("2.5m", "3bn", "5k"), fractions of a scale,
and ranges ("A-B", "A to B", "A or B", "between A and B", "from A to B"), hedged or not. The sentences
are the project's own.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Claim, Hedge, Scope, extract
from claimdiff._extract._text import alternation
from claimdiff._extract._time import days_named, period_at
from claimdiff.exceptions import ClaimdiffError
from claimdiff.hedges import DEFAULT_HEDGES, parse_estimate

# -- the law --------------------------------------------------------------------------------------

_POLICY = DEFAULT_HEDGES
_PREFIXES = sorted({phrase for phrase, _ in _POLICY._prefixes})
#: Hedges that stand before "between" and "from" in English ("roughly between 200 and 300"); a bound
#: before a range is written without them ("at least 200 to 300").
_APPROXIMATE = sorted(
    {phrase for phrase, kind in _POLICY._prefixes if kind in ("about", "nearly", "just_over")}
)
_SUFFIXES = sorted({(" " + s if s[0].isalpha() else s) for s, _ in _POLICY._suffixes})
#: Quantity words as a sentence writes them before a noun: "dozens of people", "several people".
_VAGUE = sorted(
    w if w.endswith(" of") or w in {"several", "a few", "a dozen"} else f"{w} of"
    for w in _POLICY.vague
    if w not in {"a couple", "a handful"}
) + [  # a small quantity word scaled: "several thousand people", "a few hundred homes"
    f"{w} {scale}"
    for w in ("several", "a few", "a couple of")
    for scale in ("dozen", "hundred", "hundreds of", "thousand", "million", "hundred thousand")
]
_WORDS = [
    "two",
    "seven",
    "twelve",
    "forty",
    "twenty-one",
    "one hundred",
    "a hundred",
    "one thousand",
    "two dozen",
    "three hundred and twelve",
]
_FRACTIONS = [
    "half a million",
    "half a billion",
    "a quarter of a million",
    "three quarters of a million",
    "two and a half million",
    "a third of a million",
]
_SCALED = st.tuples(
    st.integers(1, 99),
    st.integers(0, 9),
    st.sampled_from([" thousand", " million", " billion", "m", "bn"]),
).map(lambda t: f"{t[0]}.{t[1]}{t[2]}")
_NUMBERS = st.one_of(
    st.integers(2, 999_999).map(lambda n: f"{n:,}"),
    st.integers(2, 999).map(str),
    st.integers(2, 999).map(lambda n: f"{n}\u2009000"),
    st.integers(2, 99).map(lambda n: f"{n}k"),
    _SCALED,
    st.sampled_from(_WORDS),
    st.sampled_from(_FRACTIONS),
)
_DIGITS = re.compile(r"[\d,.\u2009]+[a-z]*")


def _hedge(pool: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), st.sampled_from(pool).map(lambda p: p if p == "~" else p + " "))


@st.composite
def written_figures(draw: st.DrawFn) -> str:
    """A figure as a report writes it: a number or a range, a quantity word, hedged or not."""
    kind = draw(st.sampled_from(["single", "suffix", "range", "between", "from", "vague"]))
    hedge = draw(_hedge(_APPROXIMATE if kind in ("between", "from") else _PREFIXES))
    if kind == "vague":
        return hedge + draw(st.sampled_from(_VAGUE))
    a = draw(_NUMBERS)
    if kind == "single":
        return hedge + a
    if kind == "suffix":
        return a + draw(st.sampled_from(_SUFFIXES))
    b = draw(_NUMBERS.filter(lambda b: b != a))
    if kind == "between":
        return f"{hedge}between {a} and {b}"
    if kind == "from":
        return f"{hedge}from {a} to {b}"
    # a hyphen joins digits only: between words it makes one number ("twenty-one")
    digits = _DIGITS.fullmatch(a) is not None and b[0].isdigit()
    joiner = draw(st.sampled_from(["-", "\u2013", " to ", " or "] if digits else [" to ", " or "]))
    return hedge + a + joiner + b


@given(written_figures())
def test_a_figure_the_parser_reads_is_extracted_with_the_same_interval(figure: str) -> None:
    """Law: a figure ``parse_estimate`` reads (and a claim of people can carry), set in a sentence, is one
    candidate with the interval and hedge ``parse_estimate`` gives it."""
    try:
        expected = parse_estimate(figure, count=True)
        Claim(id="x", metric="killed", estimate=expected, scope=Scope(counted="people"), source="A")
    except ClaimdiffError:
        return  # not a figure, or not a whole count ("a third of a million" people)
    found = extract(
        f"Officials said {figure} people were killed in the attack.", published="2024-03-01"
    )
    assert [(c.claim.estimate.interval_text(), c.claim.estimate.hedge) for c in found] == [
        (expected.interval_text(), expected.hedge)
    ], figure


# -- what the law found ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "interval", "hedge"),
    [
        ("More than a dozen people were killed.", "(12, inf)", Hedge.LOWER),
        ("No more than a dozen homes were destroyed.", "(-inf, 12]", Hedge.UPPER),
        ("A hundred people were injured.", "[100, 100]", Hedge.EXACT),
        ("More than a thousand people fled.", "(1000, inf)", Hedge.LOWER),
        ("Two or three people were killed.", "[2, 3]", Hedge.RANGE),
        ("Up to half a million people were displaced.", "(-inf, 500000]", Hedge.UPPER),
        ("From 300 to a quarter of a million people fled.", "[300, 250000]", Hedge.RANGE),
        ("Half a million-plus people fled.", "[500000, inf)", Hedge.LOWER),
        ("Roughly between 200 and 300 people were killed.", "[180, 330]", Hedge.APPROXIMATE),
        ("2.5m or more people were displaced.", "[2500000, inf)", Hedge.LOWER),
        ("1.5m+ people were displaced.", "[1500000, inf)", Hedge.LOWER),
        ("Officials counted ca. 4.4m displaced people.", "[3960000, 4840000]", Hedge.APPROXIMATE),
        ("Between one hundred and two hundred people died.", "[100, 200]", Hedge.RANGE),
    ],
)
def test_hedges_scales_and_ranges_found_by_the_law(text: str, interval: str, hedge: Hedge) -> None:
    """A hedge before a quantity word, a fraction or "between" is kept; "a hundred" and "two or three" are figures."""
    (found,) = extract(text, published="2024-03-01")
    assert (found.claim.estimate.interval_text(), found.claim.estimate.hedge) == (interval, hedge)


def test_between_two_numbers_that_do_not_rise_is_one_number() -> None:
    """'between one hundred and twelve' is no range (its ends would fall): the number reader's 112 stands."""
    (found,) = extract("Between one hundred and twelve people died.", published="2024-03-01")
    assert found.claim.estimate.interval_text() == "[112, 112]"


# -- ranges and hedges in running text --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("Officials said 5,000-6,000 people were displaced.", "[5000, 6000]"),
        ("Officials said 12,000-plus people were displaced.", "[12000, inf)"),
        ("Officials said from 200 to 300 people were killed.", "[200, 300]"),
        ("Officials said between 20 and 30 people were injured.", "[20, 30]"),
        ("The toll rose from 200 to 300 people killed.", "[300, 300]"),
    ],
)
def test_ranges_in_running_text(text: str, interval: str) -> None:
    """Hyphenated ranges, "-plus", "from X to Y" and "between X and Y" are one figure; "rose from X to Y" is Y."""
    assert [c.claim.estimate.interval_text() for c in extract(text, published="2024-03-01")] == [
        interval
    ]


@pytest.mark.parametrize(
    ("text", "interval", "hedge"),
    [
        (
            "About 1,500 to 2,000 people were killed, officials said.",
            "[1350, 2200]",
            Hedge.APPROXIMATE,
        ),
        (
            "Officials said about 5 to 10 thousand people were displaced.",
            "[4500, 11000]",
            Hedge.APPROXIMATE,
        ),
        ("Some 5,000-6,000 people were displaced.", "[4500, 6600]", Hedge.APPROXIMATE),
        ("Nearly 200 to 300 homes were destroyed.", "[180, 300)", Hedge.APPROXIMATE),
        ("Well over 100 people died.", "(100, inf)", Hedge.LOWER),
        ("Just under 100 people died.", "[90, 100)", Hedge.APPROXIMATE),
        ("Upwards of 100 people died.", "(100, inf)", Hedge.LOWER),
        ("More than 1.2m people have fled.", "(1200000, inf)", Hedge.LOWER),
        ("1.2-1.5m people were displaced.", "[1200000, 1500000]", Hedge.RANGE),
        ("About 1.2m Syrian refugees were displaced.", "[1080000, 1320000]", Hedge.APPROXIMATE),
        ("A quarter of a million people fled.", "[250000, 250000]", Hedge.EXACT),
    ],
)
def test_hedged_ranges_and_joined_millions_in_running_text(
    text: str, interval: str, hedge: Hedge
) -> None:
    """The hedge before a range is kept; a joined m before a plural noun of counted things is million."""
    (found,) = extract(text, published="2024-03-01")
    assert (found.claim.estimate.interval_text(), found.claim.estimate.hedge) == (interval, hedge)


def test_a_joined_m_before_a_length_word_or_a_singular_noun_is_a_measurement() -> None:
    """'1.2m high' and 'a 1.2m wave' measure; they are listed as not read, never read as a million."""
    found = extract("The wall is 1.2m high. A 1.2m wave hit 300 homes.", published="2024-03-01")
    assert [c.claim.estimate.interval_text() for c in found] == ["[300, 300]"]
    assert [u.reason for u in found.unread] == ["a measurement, not a count"] * 2


def test_a_share_of_things_is_not_a_fraction_of_a_scale() -> None:
    """'a quarter of the houses' is a share, not a figure; 'a quarter' is never counted as one."""
    assert list(extract("A quarter of the houses were damaged.", published="2024-03-01")) == []


# -- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("on friday, december 29, 2023, 14 people were killed", "2023-12-29"),
        ("on friday 14 people were killed", "2024-01-05"),
        ("on 29 december, a friday, 14 people were killed", "2023-12-29"),
        ("between 20 and 29 december 14 people were killed", "2023-12-20/2023-12-29"),
        ("from december 20 to 29, 14 people were killed", "2023-12-20/2023-12-29"),
        ("in december, 14 people were killed", "2023-12-01/2023-12-31"),
        ("on 2023-12-29 14 people were killed", "2023-12-29"),
        ("on 29/12/2023 14 people were killed", "2023-12-29"),
        ("between 28 december and 4 january 14 people were killed", "2023-12-28/2024-01-04"),
        (
            "from december 28, 2023 to january 4, 2024, 14 people were killed",
            "2023-12-28/2024-01-04",
        ),
        ("in the week of 18 december 14 people were killed", "2023-12-18/2023-12-24"),
        ("in the week ending 29 december 14 people were killed", "2023-12-23/2023-12-29"),
        ("in the past week 14 people were killed", "2024-01-04/2024-01-10"),
        ("over the last three days 14 people were killed", "2024-01-08/2024-01-10"),
        ("last week 14 people were killed", "2024-01-01/2024-01-07"),
    ],
)
def test_dates_give_periods_and_an_explicit_date_wins_over_a_weekday(
    sentence: str, period: str
) -> None:
    """In a text published on 10 January 2024: the date beside a weekday is the day; ranges, months and weeks are spans."""
    published = dt.date(2024, 1, 10)
    at = sentence.index("14 people")
    found = period_at(days_named(sentence, 0, len(sentence), published), at, published, dt.UTC)
    assert found is not None
    assert found.isoformat() == period


def test_two_days_joined_by_and_are_not_a_span() -> None:
    """'on 20 December and 2 January' names two days, not the days between them."""
    sentence = "on 20 december and 2 january 14 people were killed"
    published = dt.date(2024, 1, 10)
    named = days_named(sentence, 0, len(sentence), published)
    assert {(a, b) for _, a, b in named.found} == {
        (dt.date(2023, 12, 20), dt.date(2023, 12, 20)),
        (dt.date(2024, 1, 2), dt.date(2024, 1, 2)),
    }


# -- word lists as tries -----------------------------------------------------------------------------


@given(
    st.lists(st.text("abn -", min_size=1, max_size=5), min_size=1, max_size=8),
    st.text("abn -x", max_size=30),
)
def test_a_trie_of_words_matches_as_their_alternation_longest_first(
    words: list[str], text: str
) -> None:
    """Law: ``alternation(words)`` finds the matches the plain alternation, longest word first, finds."""
    plain = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    for tail in ("", r"\b", r"\s"):
        expected = [m.span() for m in re.finditer(f"(?:{plain}){tail}", text)]
        assert [m.span() for m in re.finditer(f"(?:{alternation(words)}){tail}", text)] == expected
