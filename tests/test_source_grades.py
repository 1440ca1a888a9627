"""The source's own grade: kept on the claim as data by the readers, shown beside claimdiff's grade in reports.

Expectations come from the sources' own codebooks: Airwars' methodology grades an incident Confirmed,
Fair (two or more credible sources), Weak (a single source), Contested or Discounted; ACLED codes
``time_precision`` 1-3 and ``geo_precision`` 1-3; UCDP's GED codes ``date_prec`` 1-5, ``where_prec`` 1-7
and ``event_clarity`` 1-2. The real files are those of ``tests/fixtures/exports`` (see its README) and the
shared UCDP GED 23.1 sample.
"""

from __future__ import annotations

import csv
import json
import pathlib
import pickle
import sys

import attrs
import pytest

import claimdiff
from claimdiff import Claim, Scope, reconcile
from claimdiff.cli._render import render_text
from claimdiff.exceptions import InvalidClaimError
from claimdiff.formats import read_acled, read_airwars, read_ucdp_ged
from claimdiff.sources import SourceGrade

EXPORTS = pathlib.Path(__file__).parent / "fixtures" / "exports"
ACLED_EXPORTS = EXPORTS / "_unlicensed" / "acled"
needs_acled = pytest.mark.skipif(
    not (ACLED_EXPORTS / "ukraine-2023-2024-export.csv").exists(),
    reason="ACLED's terms forbid giving others its raw data: fetched locally only (tests/fixtures/exports/README.md)",
)
UCDP_SAMPLE = (
    pathlib.Path(__file__).parents[2]
    / "shared"
    / "data"
    / "ucdp_ged_sample"
    / "ucdp_ged231_sample1000.csv"
)

_AIRWARS_ROWS = [
    {
        "code": "CS1",
        "date": "October 8, 2023",
        "country": "Palestine",
        "location": "Gaza City",
        "civilians_killed_min": 4,
        "civilians_killed_max": 6,
        "grading": "Fair",
        "sources": "WAFA; Al Jazeera",
    },
    {
        "code": "CS2",
        "date": "October 9, 2023",
        "country": "Palestine",
        "location": "Jabalia",
        "civilians_killed_min": 2,
        "civilians_killed_max": 2,
        "grading": "weak",
    },
    {
        "code": "CS3",
        "date": "October 9, 2023",
        "country": "Palestine",
        "location": "Rafah",
        "civilians_killed_min": 1,
        "civilians_killed_max": 3,
        "grading": "",
    },
]


def _claim(i: str = "a", **kw: object) -> Claim:
    return Claim(
        id=i, metric="killed", estimate=4, scope=Scope(counted="civilians"), source="Airwars", **kw
    )  # type: ignore[arg-type]


def test_airwars_grade_is_kept_as_data_in_airwars_spelling_and_in_the_note() -> None:
    """Each incident's grade becomes a SourceGrade in Airwars' own spelling with its meaning; none when blank."""
    by_id = {c.id: c for c in read_airwars(_AIRWARS_ROWS).claims}
    fair, weak, blank = by_id["airwars-CS1"], by_id["airwars-CS2"], by_id["airwars-CS3"]
    assert fair.source_grade == SourceGrade(
        "airwars", "Fair", meaning="reported by two or more credible sources"
    )
    assert weak.source_grade is not None
    assert weak.source_grade.value == "Weak"
    assert blank.source_grade is None
    assert "Airwars grade Fair" in (fair.note or "")  # the note keeps it in words too


def test_a_fair_incident_graded_weak_by_claimdiff_says_why() -> None:
    """Airwars' Fair beside claimdiff's weak: one origin among the claims given, not the sources Airwars read."""
    report = reconcile(read_airwars(_AIRWARS_ROWS[:1]).claims, policy="airwars")
    (g,) = report.groups
    assert g.grade == "weak"
    assert [sg.value for sg in g.source_grades] == ["Fair"]
    note = g.grades_text()
    assert note is not None
    assert note.startswith(
        "Airwars grades it Fair (reported by two or more credible sources); claimdiff: weak, "
    )
    assert (
        "claimdiff counts only the origins of the claims it was given, not the sources Airwars read"
        in note
    )
    doc = report.to_dict()["groups"][0]
    assert doc["grade"] == "weak"
    assert doc["grade_note"] == note
    assert doc["source_grades"] == [
        {
            "scheme": "airwars",
            "value": "Fair",
            "codes": {},
            "meaning": "reported by two or more credible sources",
        }
    ]
    assert f"    grade: {note}" in render_text(report)


def test_grades_that_agree_are_said_to_agree() -> None:
    """A Weak incident from one origin: claimdiff agrees, and says so."""
    report = reconcile(read_airwars(_AIRWARS_ROWS[1:2]).claims, policy="airwars")
    note = report.groups[0].grades_text()
    assert note is not None
    assert "; claimdiff agrees: weak, a single-source claim" in note


def test_without_a_grading_policy_the_source_grade_is_shown_alone() -> None:
    """Under the default policy there is no claimdiff grade: the source's grade stands alone in the note."""
    g = reconcile(read_airwars(_AIRWARS_ROWS[:1]).claims).groups[0]
    assert g.grade is None
    assert g.grades_text() == "Airwars grades it Fair (reported by two or more credible sources)."


def test_groups_without_source_grades_say_nothing_of_them() -> None:
    """No grade given, none shown: an empty list and a null note in JSON, no grade line in the text."""
    report = reconcile([_claim()])
    doc = report.to_dict()["groups"][0]
    assert (doc["source_grades"], doc["grade_note"]) == ([], None)
    assert "grade:" not in render_text(report)


def _cells(path: pathlib.Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k.lower(): v for k, v in row.items()} for row in csv.DictReader(f)]


@pytest.mark.parametrize(
    "name", ["ukraine-2023-2024-export.csv", "algeria-2001-uppercase-export.csv"]
)
@needs_acled
def test_acled_precision_codes_are_kept_from_real_exports(name: str) -> None:
    """Every event of a real ACLED CSV carries its own time_precision and geo_precision codes, row for row."""
    path = ACLED_EXPORTS / name
    loaded = read_acled(path)
    rows = {f"acled-{r['event_id_cnty']}": r for r in _cells(path)}
    assert len(loaded.claims) == len(rows)
    assert not loaded.rejected
    for c in loaded.claims:
        g = c.source_grade
        assert g is not None
        assert g.scheme == "acled"
        assert g.codes == (
            ("time_precision", int(rows[c.id]["time_precision"])),
            ("geo_precision", int(rows[c.id]["geo_precision"])),
        )
        assert g.meaning.startswith("date: the day")  # time_precision 1 in all these files


@needs_acled
def test_acled_api_response_codes_are_read_from_strings() -> None:
    """The ACLED API gives every cell as text ("2"): the codes are whole numbers all the same."""
    path = ACLED_EXPORTS / "api-response-ukraine-2024-01-01.json"
    records = {
        f"acled-{r['event_id_cnty']}": r
        for r in json.loads(path.read_text(encoding="utf-8"))["data"]
    }
    for c in read_acled(path).claims:
        assert c.source_grade is not None
        assert c.source_grade.code("geo_precision") == int(records[c.id]["geo_precision"])


def test_an_unknown_acled_geo_precision_is_said_in_the_note_not_kept() -> None:
    """A geo_precision outside ACLED's codes is not kept as a code; the note says so (nothing silent)."""
    row = {
        "event_id_cnty": "X1",
        "event_date": "2024-01-01",
        "time_precision": 1,
        "fatalities": 2,
        "country": "Syria",
        "geo_precision": 9,
    }
    (c,) = read_acled([row]).claims
    assert c.source_grade is not None
    assert c.source_grade.codes == (("time_precision", 1),)
    assert "geo_precision '9' is not one of ACLED's codes" in (c.note or "")


def test_ucdp_codes_are_kept_from_the_api_export() -> None:
    """The GED API records keep date_prec, where_prec and event_clarity as served."""
    path = EXPORTS / "ucdp" / "ged-api-israel-2002.json"
    records = {f"ucdp-ged-{r['id']}": r for r in json.loads(path.read_text(encoding="utf-8"))}
    loaded = read_ucdp_ged(path)
    assert loaded.claims
    for c in loaded.claims:
        r = records[c.id]
        assert c.source_grade is not None
        assert c.source_grade.codes == (
            ("date_prec", r["date_prec"]),
            ("where_prec", r["where_prec"]),
            ("event_clarity", r["event_clarity"]),
        )


@pytest.mark.skipif(not UCDP_SAMPLE.exists(), reason="the shared UCDP GED sample is absent")
def test_ucdp_sample_codes_row_for_row_and_shared() -> None:
    """On the GED 23.1 sample, every claim (split ones too) carries its row's codes; equal codes are one value."""
    rows = {f"ucdp-ged-{r['id']}": r for r in _cells(UCDP_SAMPLE)}
    loaded = read_ucdp_ged(UCDP_SAMPLE, inconsistent="split")
    for c in loaded.claims:
        r = rows[c.id.removesuffix("/best")]
        assert c.source_grade is not None
        assert dict(c.source_grade.codes) == {
            k: int(r[k]) for k in ("date_prec", "where_prec", "event_clarity")
        }
    grades = [c.source_grade for c in loaded.claims]
    assert len({id(g) for g in grades}) == len(set(grades))  # one object per distinct grade
    report = reconcile(loaded.claims)
    for g in report.groups:
        assert {sg for cid in g.claims if (sg := report.claim(cid).source_grade)} == set(
            g.source_grades
        )


def test_the_grade_is_metadata_outside_equality_and_survives_evolve_and_pickle() -> None:
    """Like the note: equality ignores it; evolve keeps it unless told; pickling keeps it."""
    fair = SourceGrade("airwars", "Fair")
    c = _claim(source_grade=fair, note="Airwars grade Fair")
    assert c == _claim()
    assert attrs.evolve(c, id="b").source_grade is fair
    assert attrs.evolve(c, note="x").source_grade is fair
    assert attrs.evolve(c, source_grade=None).source_grade is None
    assert attrs.evolve(c, source_grade=None).note == "Airwars grade Fair"
    assert attrs.evolve(c, note=None).note is None
    assert pickle.loads(pickle.dumps(c)).source_grade == fair


def test_a_grade_of_the_wrong_type_is_refused_by_name() -> None:
    """A grade given as text is refused with InvalidClaimError naming the field."""
    with pytest.raises(InvalidClaimError, match="source_grade"):
        _claim(source_grade="Fair")


def test_a_claim_without_a_grade_costs_no_more_memory() -> None:
    """The note and the grade share one slot: a claim is as large as it was before grades (22 slots)."""
    assert len(Claim.__slots__) == 22
    assert sys.getsizeof(_claim()) == sys.getsizeof(
        _claim(source_grade=SourceGrade("acled", codes={"x": 1}))
    )


def test_the_json_report_with_grades_matches_its_schema() -> None:
    """The optional fields validate against schema/report.schema.json."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        (pathlib.Path(claimdiff.__file__).parent / "schema" / "report.schema.json").read_text()
    )
    doc = reconcile(read_ucdp_ged(EXPORTS / "ucdp" / "ged-api-israel-2002.json").claims).to_dict()
    jsonschema.validate(doc, schema)
