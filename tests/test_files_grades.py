"""A source's own grade (:class:`claimdiff.sources.SourceGrade`) in claims files: written, read back, refused.

Airwars' grades and ACLED's or UCDP's precision codes are kept on the claims their readers make. A claims
file writes them too (``source_grade`` in YAML and JSON, the ``source_grade_*`` columns in CSV), so that
claims saved and read back keep them: the grade is outside a claim's equality, so the round-trip law of
the writers alone would not see it dropped.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimdiff
from claimdiff import Claim, Scope
from claimdiff._formats.csv_file import read_csv_rows
from claimdiff.exceptions import ClaimFileErrors, InvalidClaimError
from claimdiff.formats import read_ucdp_ged
from claimdiff.sources import SourceGrade
from test_anchors import UCDP, needs_ucdp

FORMATS = ("yaml", "json", "csv")

_names = (
    st.text(st.characters(codec="utf-8", exclude_characters=";="), min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)
grades = st.builds(
    SourceGrade,
    st.text(min_size=1, max_size=10).map(str.strip).filter(bool),
    st.none() | st.text(min_size=1, max_size=10).map(str.strip).filter(bool),
    codes=st.dictionaries(_names, st.integers(-(10**9), 10**9), max_size=3),
    meaning=st.text(max_size=20).map(str.strip),
)


def _claim(cid: str, grade: SourceGrade | None) -> Claim:
    return Claim(
        id=cid,
        metric="killed",
        estimate="at least 14",
        scope=Scope(counted="people"),
        source="Airwars",
        source_grade=grade,
    )


@given(st.lists(st.none() | grades, min_size=1, max_size=4), st.sampled_from(FORMATS))
def test_grades_survive_a_round_trip(drawn: list[SourceGrade | None], fmt: str) -> None:
    """Every claim read back carries the grade it was written with (or none), in every format."""
    claims = [_claim(f"c{i}", g) for i, g in enumerate(drawn)]
    back = claimdiff.loads_claims(claimdiff.dump_claims(claims, format=fmt), format=fmt)
    assert [c.source_grade for c in back] == drawn


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_grade_is_written_as_its_fields(fmt: str) -> None:
    """The file says the scheme, the grade word, the codes and the meaning, and nothing it does not have."""
    grade = SourceGrade(
        "ucdp", codes={"date_prec": 1, "where_prec": 3}, meaning="exact day; a town"
    )
    text = claimdiff.dump_claims([_claim("a", grade)], format=fmt)
    assert "date_prec" in text
    assert "where_prec" in text
    assert "exact day; a town" in text
    if fmt == "csv":
        header, row = text.splitlines()[:2]
        assert "source_grade_scheme" in header
        assert "source_grade_value" not in header  # no claim has a grade word
        assert "date_prec=1; where_prec=3" in row


def test_a_plain_file_stays_narrow() -> None:
    """Claims without a grade write no grade column."""
    assert "source_grade" not in claimdiff.dump_claims([_claim("a", None)], format="csv")


def test_bad_grades_are_refused_naming_claim_and_field() -> None:
    """A grade the schema refuses is a rejection naming the claim and the field; the other claims are read."""
    text = (
        "claimdiff: 1\n"
        "claims:\n"
        "- {id: a, metric: killed, counted: people, value: 3, source: X,"
        " source_grade: {scheme: ucdp, codes: {date_prec: one}}}\n"
        "- {id: b, metric: killed, counted: people, value: 3, source: X, source_grade: {value: Fair}}\n"
        "- {id: c, metric: killed, counted: people, value: 3, source: X, source_grade: {scheme: ucdp,"
        ' codes: {"": 1}}}\n'
        "- {id: d, metric: killed, counted: people, value: 3, source: X, source_grade: {scheme: airwars}}\n"
    )
    with pytest.raises(ClaimFileErrors) as caught:
        claimdiff.loads_claims(text, format="yaml")
    said = {e.claim_id: (e.location, e.reason) for e in caught.value.exceptions}
    assert set(said) == {"a", "b", "c"}
    assert said["a"][0] == "$.claims[0].source_grade.codes.date_prec"
    assert said["b"][0] == "$.claims[1].source_grade.scheme"
    assert said["c"][0] == "$.claims[2].source_grade"
    assert "whole number" in said["c"][1]


def test_a_bad_codes_cell_is_refused_and_the_rest_kept() -> None:
    """In a CSV, a codes cell that is not ``name=number`` pairs rejects its row only, naming the column."""
    text = (
        "id,metric,counted,value,source,source_grade_scheme,source_grade_codes\n"
        "a,killed,people,3,X,ucdp,date_prec=1; where_prec=3\n"
        "b,killed,people,4,X,ucdp,date_prec=one\n"
        "c,killed,people,5,X,ucdp,date_prec=1; date_prec=2\n"
    )
    loaded = read_csv_rows(io.StringIO(text), name="grades.csv")
    assert [c.id for c in loaded.claims] == ["a"]
    assert loaded.claims[0].source_grade == SourceGrade(
        "ucdp", codes={"date_prec": 1, "where_prec": 3}
    )
    assert {(e.claim_id, e.location) for e in loaded.rejected} == {
        ("b", "$.claims[1].source_grade_codes"),
        ("c", "$.claims[2].source_grade_codes"),
    }


def test_a_code_name_a_csv_cell_cannot_hold_is_refused_when_writing() -> None:
    """A code named with ';' cannot be split back out of a CSV cell: the writer says so (YAML keeps it)."""
    claims = [_claim("a", SourceGrade("x", codes={"a;b": 1}))]
    with pytest.raises(InvalidClaimError, match=r"source_grade.*YAML or JSON"):
        claimdiff.dump_claims(claims, format="csv")
    back = claimdiff.loads_claims(claimdiff.dump_claims(claims, format="yaml"), format="yaml")
    assert back[0].source_grade == claims[0].source_grade


def test_many_rows_read_in_columns_keep_their_grades() -> None:
    """The chunked column reader of large CSVs leaves graded rows to the full reader, which keeps the grade."""
    rows = "".join(
        f"c{i},killed,people,{i},X,{'airwars' if i % 3 == 0 else ''},{'Fair' if i % 3 == 0 else ''}\n"
        for i in range(3000)
    )
    text = "id,metric,counted,value,source,source_grade_scheme,source_grade_value\n" + rows
    loaded = read_csv_rows(io.StringIO(text), name="many.csv", chunk=1000)
    assert len(loaded.claims) == 3000
    graded = {c.id for c in loaded.claims if c.source_grade == SourceGrade("airwars", "Fair")}
    assert graded == {f"c{i}" for i in range(0, 3000, 3)}
    assert all(c.source_grade is None for c in loaded.claims if c.id not in graded)


@needs_ucdp
@pytest.mark.parametrize("fmt", FORMATS)
def test_ucdp_precision_codes_survive_a_claims_file(fmt: str) -> None:
    """The real GED sample read, written as a claims file and read back keeps every event's precision codes."""
    loaded = read_ucdp_ged(UCDP)
    claims = loaded.claims[:300]
    assert sum(c.source_grade is not None for c in claims) > 0
    back = claimdiff.loads_claims(claimdiff.dump_claims(claims, format=fmt), format=fmt)
    assert [c.source_grade for c in back] == [c.source_grade for c in claims]
