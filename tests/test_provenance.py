"""Precision by provenance (issue 17 item 2): figures worded in a text are as precise as their digits;
numbers given as data are exact, unless the policy or the reader declares them rounded."""

from __future__ import annotations

from unittest import mock

import attrs
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import (
    POLICIES,
    Claim,
    Estimate,
    Scope,
    claims_from_dataframe,
    dump_claims,
    loads_claims,
    reconcile,
)
from claimdiff._core.columns import _per_input
from claimdiff._core.precision_used import figure_precision
from claimdiff._model.derived import shared_estimate
from claimdiff.hedges import Provenance, parse_estimate
from claimdiff.tolerance import Precision

PEOPLE = Scope(place="Gaza", counted="people")
IMPLIED = attrs.evolve(POLICIES["consensus"], precision=Precision(data="implied"))


def claim(
    cid: str, value: object, source: str, stated: str = "2023-12-01", period: str | None = None
) -> Claim:
    return Claim(
        id=cid,
        metric="killed",
        estimate=value,
        scope=PEOPLE,
        source=source,
        stated=stated,  # type: ignore[arg-type]
        period=period,
    )


@pytest.mark.parametrize(
    ("value", "provenance"),
    [
        (30_000, Provenance.DATUM),
        (30_000.0, Provenance.DATUM),
        ("30000", Provenance.DATUM),
        ("30,000", Provenance.WORDED),
        ("30,000 ", Provenance.WORDED),
        ("1.5 million", Provenance.WORDED),
        ("at least 14", Provenance.WORDED),
        ("two", Provenance.WORDED),
        ("10\u2009000", Provenance.WORDED),
    ],
)
def test_a_claim_knows_how_its_figure_was_given(value: object, provenance: Provenance) -> None:
    """A number (or a bare numeral) is a datum; words, group separators or a hedge make a figure worded."""
    assert claim("a", value, "MoH").estimate.provenance is provenance


def test_a_number_and_the_same_number_in_words_differ() -> None:
    """Claim(estimate=30000) is exact; Claim(estimate="30,000") is a figure to the thousand."""
    data, worded = claim("a", 30_000, "MoH"), claim("b", "30,000", "MoH")
    precision = Precision()
    assert (precision.half_width(data.estimate), precision.half_width(worded.estimate)) == (
        0.0,
        500.0,
    )
    assert data.estimate != worded.estimate


def test_numeric_30000_and_31000_disagree_but_worded_ones_agree_within_rounding() -> None:
    """As data, 30,000 against 31,000 is a discrepancy (it was 'tolerance'); worded, both are round figures."""
    data = reconcile([claim("a", 30_000, "MoH"), claim("b", 31_000, "UN")])
    assert [g.verdict for g in data.groups] == ["discrepancy"]
    worded = reconcile([claim("a", "30,000", "MoH"), claim("b", "31,000", "UN")])
    assert [g.verdict for g in worded.groups] == ["tolerance"]
    declared = reconcile([claim("a", 30_000, "MoH"), claim("b", 31_000, "UN")], IMPLIED)
    assert [g.verdict for g in declared.groups] == ["tolerance"]


def test_a_cumulative_toll_given_as_data_that_falls_is_flagged() -> None:
    """12,000 as of one day then 11,900 as of the next, both as numbers: a downward revision (no flag before)."""
    report = reconcile(
        [
            claim("a", 12_000, "MoH", "2023-12-01", "2023-10-07/2023-11-30"),
            claim("b", 11_900, "MoH", "2023-12-02", "2023-10-07/2023-12-01"),
        ]
    )
    assert [f.kind.value for f in report.flags] == ["downward_revision"]
    declared_rounded = reconcile(
        [
            claim("a", 12_000, "MoH", "2023-12-01", "2023-10-07/2023-11-30"),
            claim("b", 11_900, "MoH", "2023-12-02", "2023-10-07/2023-12-01"),
        ],
        IMPLIED,
    )
    assert [
        f.kind.value for f in declared_rounded.flags
    ] == []  # to the thousand, 12,000 allows 11,900


def test_the_same_toll_restated_lower_as_data_is_a_downward_revision() -> None:
    """The same period restated lower: as data, a warning; as round words, an info-level revision."""
    period = "2023-10-07/2023-11-30"
    data = reconcile(
        [
            claim("a", 12_000, "MoH", "2023-12-01", period),
            claim("b", 11_900, "MoH", "2023-12-02", period),
        ]
    )
    assert [(f.kind.value, f.severity.value) for f in data.flags] == [
        ("downward_revision", "warning")
    ]
    worded = reconcile(
        [
            claim("a", "12,000", "MoH", "2023-12-01", period),
            claim("b", "11,900", "MoH", "2023-12-02", period),
        ]
    )
    assert [(f.kind.value, f.severity.value) for f in worded.flags] == [("revision", "info")]


def test_files_keep_the_provenance_of_their_values() -> None:
    """A JSON or YAML number is a datum; a figure in words is worded; a CSV numeral is a datum."""
    yaml = (
        "claims:\n- {id: a, metric: killed, counted: people, value: 30000, source: M}\n"
        "- {id: b, metric: killed, counted: people, value: '30,000', source: M}\n"
    )
    assert [c.estimate.provenance for c in loads_claims(yaml, format="yaml")] == [
        Provenance.DATUM,
        Provenance.WORDED,
    ]
    csv = 'id,metric,counted,value,source\na,killed,people,30000,M\nb,killed,people,"30,000",M\n'
    assert [c.estimate.provenance for c in loads_claims(csv, format="csv")] == [
        Provenance.DATUM,
        Provenance.WORDED,
    ]


@given(
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from(list(Provenance)),
    st.sampled_from(["", "{:d}", "{:,d}", "about {:,d}"]),
    st.sampled_from(["yaml", "json", "csv"]),
)
def test_every_writer_keeps_how_a_figure_was_given(
    n: int, provenance: Provenance, wording: str, fmt: str
) -> None:
    """A claim read back from any format has the provenance it was written with, however its text reads.

    A bare numeral read from an article ("108") is worded, though the same digits in a file are a datum:
    the file says so (``value: {text: '108', provenance: worded}``), so extract -> dump -> load is lossless.
    """
    text = wording.format(n)
    made = parse_estimate(text) if text else Estimate.exact(n)
    figure = attrs.evolve(made, provenance=provenance)
    claims = [
        Claim(id="a", metric="killed", estimate=figure, scope=Scope(counted="people"), source="MoH")
    ]
    back = loads_claims(dump_claims(claims, format=fmt), format=fmt)
    assert back == claims
    assert back[0].estimate.provenance is provenance


def test_a_reader_can_mark_its_table_rounded() -> None:
    """claims_from_dataframe(rounded=True): the table's numbers get the precision of their digits."""
    df = pd.DataFrame({"id": ["a", "b"], "deaths": [30_000, 31_000], "who": ["MoH", "UN"]})
    spec = {
        "columns": {"id": "id", "value": "deaths", "source": "who"},
        "defaults": {"metric": "killed", "counted": "people"},
    }
    exact = claims_from_dataframe(df, **spec).claims  # type: ignore[arg-type]
    rounded = claims_from_dataframe(df, rounded=True, **spec).claims  # type: ignore[arg-type]
    assert {c.estimate.provenance for c in exact} == {Provenance.DATUM}
    assert {c.estimate.provenance for c in rounded} == {Provenance.ROUNDED}
    assert [g.verdict for g in reconcile(list(exact)).groups] == ["discrepancy"]
    assert [g.verdict for g in reconcile(list(rounded)).groups] == ["tolerance"]


def test_rounded_and_exact_data_are_never_shared_as_one_estimate() -> None:
    """Equal bounds, different provenance: different estimates (claims share only equal ones)."""
    exact, rounded = Estimate.exact(30_000), Estimate.exact(30_000, provenance=Provenance.ROUNDED)
    assert exact != rounded
    assert shared_estimate(exact) is not shared_estimate(rounded)
    assert "provenance=Provenance.ROUNDED" in repr(rounded)


@given(st.integers(0, 10**12), st.sampled_from(["exact", "implied"]))
def test_data_are_exact_unless_declared_rounded(n: int, data: str) -> None:
    """Law: a datum's step is 0 under data='exact'; a rounded datum's step is the one its number implies."""
    precision = Precision(data=data)
    datum, rounded = Estimate.exact(n), Estimate.exact(n, provenance=Provenance.ROUNDED)
    assert precision.step(rounded) == Precision(data="implied").step(datum)
    if data == "exact":
        assert precision.step(datum) == 0.0


@given(
    st.lists(st.tuples(st.integers(0, 2_000_000), st.sampled_from(list(Provenance))), max_size=20),
    st.sampled_from(
        [
            Precision(),
            Precision(data="implied"),
            Precision(mode="exact"),
            Precision(steps={"": 5.0}, round_from=100),
        ]
    ),
)
def test_the_bulk_path_asks_the_one_rule_once_per_distinct_estimate(
    figures: list[tuple[int, Provenance]], precision: Precision
) -> None:
    """Law: the columns ask ``Precision.step`` and ``widen`` once per distinct estimate, and spread the answer."""
    import numpy as np

    from claimdiff._core import columns
    from claimdiff._core.verdicts import widen

    policy = attrs.evolve(POLICIES["consensus"], precision=precision)
    claims = [
        Claim(
            id=f"c{i}",
            metric="killed",
            scope=PEOPLE,
            source="MoH",
            estimate=Estimate.exact(
                n, text=f"{n:,}" if p is Provenance.WORDED else "", provenance=p
            ),
        )
        for i, (n, p) in enumerate(figures)
    ]
    asked: list[Estimate] = []

    def counted(e: Estimate, p: Precision) -> tuple[int, float]:
        asked.append(e)
        return figure_precision(e, p)

    with mock.patch.object(columns, "figure_precision", counted):
        inputs, per_input = _per_input(np, claims, policy)
    assert len(asked) == len({id(c.estimate) for c in claims})
    steps, wide = per_input[8][inputs].tolist(), [tuple(v[inputs].tolist()) for v in per_input[9:]]
    assert steps == [precision.step(c.estimate) for c in claims]
    assert list(zip(*wide, strict=True)) == [widen(c, policy, policy.tolerance) for c in claims]


def test_worded_figures_keep_their_implied_precision() -> None:
    """Worded figures read as before: a round figure to its last non-zero digit, words as their number."""
    precision = Precision()
    assert precision.half_width(parse_estimate("17,879,000")) == 500.0
    assert precision.half_width(parse_estimate("10\u2009000")) == 500.0
    assert precision.half_width(parse_estimate("twenty thousand")) == 500.0
    assert precision.half_width(parse_estimate("1.2m", count=True)) == 50_000.0
