"""The sentences of a report say what is meant: the ratio of the figures, advice that fits the hedge, one number
for an exact interval, and no origin set against itself (issue 17, item 8)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Claim, Estimate, Scope, Source, reconcile
from claimdiff._core.messages import figure_text, gap_words

SITE = Scope(place="Ukraine > Kharkiv Oblast", counted="people", event="strike")


def toll(cid: str, value: str | Estimate, source: str, via: tuple[str, ...] = ()) -> Claim:
    return Claim(
        id=cid, metric="killed", estimate=value, scope=SITE, source=Source(source), via=via
    )


def test_the_ratio_said_is_the_ratio_of_the_figures() -> None:
    """14 against "at least 40": the gap is 26 and 40 is 2.9 times 14 (not "3 times the lower figure")."""
    (flag,) = reconcile(
        [toll("a", "14", "Ministry"), toll("b", "at least 40", "Hospital")]
    ).flags_of("contradiction", "discrepancy", "outlier")
    assert "(gap 26: 40 is 2.9 times 14)" in flag.message
    assert gap_words("1", 1.0, 2.0, 1.0) == "gap 1: 2 is twice 1"


def test_an_outlier_near_the_median_is_given_as_a_share() -> None:
    """A figure 20% above the others' median is "20% above", never "about 1 times more"."""
    claims = [toll(c, "100", c) for c in "abcd"] + [toll("e", "120", "e")]
    (flag,) = reconcile(claims).flags_of("contradiction", "discrepancy", "outlier")
    assert "outlier" in flag.tags
    assert "it is 20% above the median of the 4 other origins (100)" in flag.message
    assert " 1 times" not in flag.message
    assert "check it for a typing error, or whether it is of another date" in flag.message


def test_advice_fits_the_hedge() -> None:
    """A hedged "at least 400" far above the others is not called a typing error; an exact 400 is."""
    others = [toll(c, "14", c) for c in "abc"]
    hedged = (
        reconcile([*others, toll("d", "at least 400", "d")])
        .flags_of("contradiction", "discrepancy", "outlier")[0]
        .message
    )
    exact = (
        reconcile([*others, toll("d", "400", "d")])
        .flags_of("contradiction", "discrepancy", "outlier")[0]
        .message
    )
    assert "typing" not in hedged
    assert "check whether it counts more than the others (a wider place, a longer time)" in hedged
    assert "check it for a typing or unit error" in exact


def test_an_exact_interval_says_one_number() -> None:
    """An interval of one value is said as that value ("12"), never "12 to 12"; numbers are grouped."""
    assert figure_text(Estimate.between(12, 12)) == "12"
    assert figure_text(Estimate.exact(1_204)) == "1,204"
    (flag,) = reconcile(
        [toll("a", Estimate.between(12, 12), "A"), toll("b", Estimate.exact(40), "B")]
    ).flags_of("contradiction", "discrepancy", "outlier")
    assert "says 12;" in flag.message
    assert "12 to 12" not in flag.message


def test_no_origin_against_itself() -> None:
    """Two reports of one ministry that differ, beside others: the sentence says they are of the same origin."""
    claims = [
        toll("a", "30", "Ministry", via=("TASS",)),
        toll("b", "30", "Hospital"),
        toll("c", "30", "Mayor"),
        toll("d", "20", "Ministry", via=("RIA",)),
    ]
    (flag,) = reconcile(claims).flags_of("contradiction", "discrepancy", "outlier")
    assert "another report of the same origin, 'a', says 30" in flag.message
    assert flag.message.count("Ministry") == 1


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["exact", "at_least", "at_most", "between"]),
            st.integers(0, 60),
            st.integers(0, 30),
        ),
        min_size=2,
        max_size=6,
    )
)
def test_no_sentence_says_what_it_does_not_mean(shapes: list[tuple[str, int, int]]) -> None:
    """Whatever the figures: no "1 times", no "N to N", no typing error suggested for a hedged figure."""
    claims = []
    for i, (shape, a, width) in enumerate(shapes):
        est = Estimate.between(a, a + width) if shape == "between" else getattr(Estimate, shape)(a)
        claims.append(toll(f"c{i}", est, f"origin {i}"))
    report = reconcile(claims)
    for f in report.flags:
        assert not re.search(r"(?<![\d.])1(\.0)? times\b", f.message), f.message
        assert not re.search(r"(?<![\d.,])(\d[\d,.]*) to \1(?![\d.,])", f.message), f.message
        hedged = [
            c for c in f.claims if report.claim(c).estimate.low != report.claim(c).estimate.high
        ]
        if "typing" in f.message:
            dissenter = f.message.split(" says ")[0].rsplit("'", 2)[-2]
            assert dissenter not in hedged, f.message


def test_a_bound_the_wording_does_not_show_is_named_with_its_hedge() -> None:
    """205 against "dozens" (at most 99): the ratio names where 99 comes from; "at least 40" shows its 40."""
    (flag,) = reconcile([toll("a", "205", "Ministry"), toll("b", "dozens", "ECHO")]).flags_of(
        "contradiction", "discrepancy", "outlier"
    )
    assert "(gap 106: 205 is 2.1 times 99, the most 'dozens' allows)" in flag.message
    (flag,) = reconcile([toll("a", "more than 900", "ECHO"), toll("b", "37", "Ministry")]).flags_of(
        "contradiction", "discrepancy", "outlier"
    )
    assert "901, the least 'more than 900' allows, is 24 times 37" in flag.message
