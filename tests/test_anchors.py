"""The anchors' formats: UCDP GED, ACLED, Wikidata quantities, ClaimReview, IBC and Airwars."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

import claimdiff
from claimdiff.formats import read_ucdp_ged
from conftest import ROOT

# ../shared/data beside the checkout (or beside the folder of worktrees).
_SAMPLE = Path("data") / "ucdp_ged_sample" / "ucdp_ged231_sample1000.csv"
UCDP = next(
    (
        p
        for p in (ROOT.parent / "shared" / _SAMPLE, ROOT.parent.parent / "shared" / _SAMPLE)
        if p.exists()
    ),
    ROOT.parent / "shared" / _SAMPLE,
)
needs_ucdp = pytest.mark.skipif(
    not UCDP.exists(), reason="the UCDP GED sample (../shared/data) is absent"
)


def _ucdp_rows() -> list[dict[str, str]]:
    with UCDP.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@needs_ucdp
def test_ucdp_sample_every_event_is_a_claim_or_a_rejection() -> None:
    """All 1,000 events of the GED 23.1 sample are read: 987 claims, and the 13 whose best lies outside
    [low, high] rejected with a reason naming the three figures (no exception)."""
    loaded = read_ucdp_ged(UCDP)
    rows = _ucdp_rows()
    inconsistent = {
        f"ucdp-ged-{r['id']}" for r in rows if not int(r["low"]) <= int(r["best"]) <= int(r["high"])
    }
    assert len(inconsistent) == 13
    assert len(loaded.claims) == 987
    assert {e.claim_id for e in loaded.rejected} == inconsistent
    assert all("outside its own [low, high]" in e.reason for e in loaded.rejected)
    first = loaded.rejected[0]
    assert first.location.startswith("line ")


@needs_ucdp
def test_ucdp_figures_places_and_periods_are_kept() -> None:
    """Each claim keeps UCDP's low/best/high, the place path without missing levels, the date span
    and the date precision (in the note)."""
    loaded = read_ucdp_ged(UCDP)
    by_id = {c.id: c for c in loaded.claims}
    for row in _ucdp_rows():
        c = by_id.get(f"ucdp-ged-{row['id']}")
        if c is None:
            continue
        low, best, high = int(row["low"]), int(row["best"]), int(row["high"])
        assert (c.low, c.high, c.estimate.point) == (low, high, best)
        assert c.scope.place == tuple(
            " ".join(p.split()) for p in (row["country"], row["adm_1"], row["adm_2"]) if p
        )
        assert "nan" not in c.scope.place
        assert c.period is not None
        assert c.period.start.date().isoformat() == row["date_start"][:10]
        assert (c.period.end.date() - c.period.start.date()).days >= 1
        assert f"date_prec {row['date_prec']}" in (c.note or "")


@needs_ucdp
def test_ucdp_split_makes_inconsistent_rows_findings() -> None:
    """With inconsistent='split', an inconsistent event becomes two UCDP claims that reconciling flags as a
    disagreement (a contradiction, or a discrepancy when the gap is small); events whose low is above their
    high keep the interval as a rejection; nothing is lost."""
    loaded = read_ucdp_ged(UCDP, inconsistent="split")
    report = claimdiff.reconcile(loaded.claims)
    conflicted = {f.group for f in report.flags_of("contradiction", "discrepancy", "outlier")}
    assert len(conflicted) == 6
    # What the README and docs/recipes.md say: six discrepancies. Each best figure lies one death outside
    # its interval, under Grading.min_count_gap, so none is a contradiction.
    assert (
        len(report.flags_of("contradiction")),
        len(report.flags_of("contradiction", "discrepancy", "outlier")),
    ) == (0, 6)
    assert Counter(
        f.kind.value for f in report.flags_of("contradiction", "discrepancy", "outlier")
    ) == {"discrepancy": 6}
    low_above_high = {e.claim_id for e in loaded.rejected}
    assert len(low_above_high) == 7
    assert all("is above its high estimate" in e.reason for e in loaded.rejected)
    ids = {c.id for c in loaded.claims}
    assert len(ids) == 987 + 2 * 6 + 7


@needs_ucdp
def test_ucdp_from_a_dataframe_matches_the_csv() -> None:
    """The same events read through pandas (numpy integers, NaN for missing admin names) give equal claims."""
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(UCDP)
    from_frame = read_ucdp_ged(frame)
    from_csv = read_ucdp_ged(UCDP)
    assert from_frame.claims == from_csv.claims
    assert [e.claim_id for e in from_frame.rejected] == [e.claim_id for e in from_csv.rejected]


def test_ucdp_missing_column_is_named() -> None:
    """A table without UCDP's columns is refused naming the missing ones."""
    with pytest.raises(claimdiff.exceptions.ClaimFileError, match="'best'"):
        read_ucdp_ged(
            [
                {
                    "id": 1,
                    "low": 1,
                    "high": 2,
                    "date_start": "2020-01-01",
                    "date_end": "2020-01-01",
                    "country": "X",
                }
            ]
        )


def test_ucdp_bad_figures_are_rejections() -> None:
    """A negative or non-numeric figure is a rejection naming the column, not an exception."""
    rows = [
        {
            "id": 1,
            "best": "many",
            "low": 1,
            "high": 2,
            "date_start": "2020-01-01",
            "date_end": "2020-01-01",
            "country": "X",
        }
    ]
    loaded = read_ucdp_ged(rows)
    assert loaded.claims == ()
    assert "column 'best'" in str(loaded.rejected[0])
    assert Counter(type(e).__name__ for e in loaded.rejected) == {"ClaimFileError": 1}


@needs_ucdp
def test_ucdp_report_follows_the_report_schema() -> None:
    """The report of the whole UCDP sample (split, so with contradictions) validates against the shipped schema."""
    jsonschema = pytest.importorskip("jsonschema")
    report = claimdiff.reconcile(read_ucdp_ged(UCDP, inconsistent="split").claims)
    jsonschema.Draft202012Validator(claimdiff.formats.report_schema()).validate(report.to_dict())


# -- ACLED (rows in ACLED's export columns, written here: no ACLED data may be redistributed) ----------------------

ACLED_ROWS = [
    {
        "event_id_cnty": "UKR1",
        "event_date": "2023-12-30",
        "time_precision": 1,
        "fatalities": 24,
        "country": "Russia",
        "admin1": "Belgorod",
        "admin2": None,
        "admin3": float("nan"),
        "source": "Ministry of Defence of Russia; Kommersant",
        "source_scale": "National",
        "event_type": "Explosions/Remote violence",
        "notes": "On 30 December 2023, shelling of Belgorod killed "
        "at least 14 people, including two children, the governor said.",
    },
    {
        "event_id_cnty": "UKR2",
        "event_date": "12 December 2023",
        "time_precision": 3,
        "fatalities": 0,
        "country": "Ukraine",
        "admin1": "Kharkiv",
        "source": "Suspilne",
        "notes": "",
    },
    {"event_id_cnty": "UKR3", "event_date": "sometime", "fatalities": 1, "country": "Ukraine"},
]


def test_acled_rows_become_claims_with_precision_periods_and_split_sources() -> None:
    """Each event is ACLED's exact fatality count; time precision 3 is the whole month; the sources are split in
    the note; a row without a date is rejected naming the column."""
    loaded = claimdiff.formats.read_acled(ACLED_ROWS)
    by_id = {c.id: c for c in loaded.claims}
    first, month = by_id["acled-UKR1"], by_id["acled-UKR2"]
    assert (first.low, first.high, first.scope.place) == (24, 24, ("Russia", "Belgorod"))
    assert first.period is not None
    assert first.period.isoformat() == "2023-12-30"
    assert "sources: Ministry of Defence of Russia; Kommersant (National)" in (first.note or "")
    assert month.period is not None
    assert month.period.isoformat() == "2023-12-01/2023-12-31"
    (bad,) = loaded.rejected
    assert (bad.claim_id, bad.location) == ("acled-UKR3", "row 2, column 'event_date'")


def test_acled_notes_are_checked_against_the_coded_figure() -> None:
    """With extract_notes, the figures in ACLED's notes become claims from the source named there, in the event's
    group: ACLED's 24 against the governor's 'at least 14' agree, and the parts of 'including two children' link."""
    loaded = claimdiff.formats.read_acled(ACLED_ROWS, extract_notes=True)
    notes = [c for c in loaded.claims if "/notes/" in c.id]
    assert notes
    assert all(c.scope.event == "acled-UKR1" for c in notes)
    report = claimdiff.reconcile(loaded.claims)
    group = report.group_of("acled-UKR1")
    assert any("/notes/" in cid for cid in group.claims)
    assert not report.flags_of("contradiction")


# -- Wikidata ------------------------------------------------------------------------------------------------------


def test_wikidata_round_trip_keeps_figures_times_and_sources() -> None:
    """Claims written as Wikidata statements read back with the same figure, stated day, period and source."""
    from claimdiff import Claim, Scope

    people = Scope(counted="people")
    claims = [
        Claim(
            id="a",
            metric="killed",
            estimate="between 24 and 26",
            scope=people,
            source="Reuters",
            stated="2023-12-30",
            period="2023-12-29/2023-12-30",
        ),
        Claim(
            id="b", metric="injured", estimate="108", scope=people, source="MoD", stated="2023-12"
        ),
    ]
    statements = claimdiff.formats.wikidata_statements(claims, items={"Reuters": "Q130879"})
    entity = {
        "id": "Q1",
        "claims": {
            p: [{**s, "id": f"Q1${p}-{i}"} for i, s in enumerate(sts)]
            for p, sts in statements.items()
        },
    }
    back = claimdiff.formats.read_wikidata(
        {"entities": {"Q1": entity}}, labels={"Q130879": "Reuters"}
    )
    assert back.rejected == ()
    for original, read in zip(claims, back.claims, strict=True):
        assert (read.low, read.high, read.metric, read.scope.counted) == (
            original.low,
            original.high,
            original.metric,
            original.scope.counted,
        )
        assert read.stated == original.stated
        assert read.period == original.period
    assert back.claims[1].source.name == "MoD"


def test_wikidata_deprecated_unknown_units_and_open_figures() -> None:
    """A deprecated statement and an unknown unit are rejections with reasons; an open-ended figure cannot be
    written (Wikidata bounds come in pairs) and the error names the claim."""
    from claimdiff import Claim, Scope

    def statement(rank: str, unit: str) -> dict[str, object]:
        return {
            "id": f"Q1${rank}",
            "rank": rank,
            "mainsnak": {
                "snaktype": "value",
                "property": "P1120",
                "datavalue": {"type": "quantity", "value": {"amount": "+3", "unit": unit}},
            },
        }

    loaded = claimdiff.formats.read_wikidata(
        {
            "id": "Q1",
            "claims": {
                "P1120": [
                    statement("deprecated", "1"),
                    statement("preferred", "http://www.wikidata.org/entity/Q999"),
                    statement("normal", "1"),
                ]
            },
        }
    )
    assert [c.id for c in loaded.claims] == ["wikidata-Q1$normal"]
    assert [e.reason.split(" ")[2] for e in loaded.rejected] == ["deprecated", "unit"]
    open_ended = Claim(
        id="x", metric="killed", estimate="at least 14", scope=Scope(counted="people"), source="A"
    )
    with pytest.raises(claimdiff.exceptions.InvalidClaimError, match=r"'x'.*both bounds"):
        claimdiff.formats.wikidata_statements([open_ended])


# -- ClaimReview ---------------------------------------------------------------------------------------------------


def test_claimreview_marks_flagged_claims_with_verdicts() -> None:
    """Each flagged claim gets a schema.org ClaimReview whose rating names the verdict and explains it in plain
    words; clean claims are left out unless every_claim is set. (The fact-checker and the page are required now:
    the old defaults, author "claimdiff" and no url, made markup Google refuses.)"""
    from claimdiff import load_claims, reconcile
    from conftest import SEED

    report = reconcile(load_claims(SEED))
    reviews = claimdiff.formats.claimreview_jsonld(
        report, author="Example Checks", url="https://example.org/r"
    )
    flagged = {cid for f in report.flags for cid in f.claims}
    assert {r["url"].split("#")[1] for r in reviews} == flagged
    for r in reviews:
        assert r["@context"] == "https://schema.org"
        assert r["reviewRating"]["alternateName"]
        assert " says " in r["reviewRating"]["ratingExplanation"]
        assert "datePublished" not in r
    every = claimdiff.formats.claimreview_jsonld(
        report, author="Example Checks", url="https://example.org/r", every_claim=True
    )
    assert len(every) == len(report.claims)


# -- IBC and Airwars ----------------------------------------------------------------------------------------------


def test_min_max_lists_read_as_intervals() -> None:
    """IBC and Airwars minimum/maximum tolls become [min, max] claims of civilians killed; a discounted Airwars
    incident is rejected with its grade when only some grades are kept."""
    ibc = claimdiff.formats.read_ibc(
        [
            {
                "IBC code": "a1",
                "Start Date": "1 Feb 2004",
                "End Date": "2 Feb 2004",
                "Location": "Erbil",
                "Reported Minimum": 98,
                "Reported Maximum": 117,
            }
        ]
    )
    (c,) = ibc.claims
    assert (c.low, c.high, c.scope.counted, c.scope.place) == (
        98,
        117,
        "civilians",
        ("Iraq", "Erbil"),
    )
    assert c.period is not None
    assert c.period.isoformat() == "2004-02-01/2004-02-02"
    airwars = claimdiff.formats.read_airwars(
        [
            {
                "code": "S1",
                "date": "2017-03-17",
                "country": "Iraq",
                "location": "Mosul",
                "civilians_killed_min": 105,
                "civilians_killed_max": 141,
                "grading": "Fair",
            },
            {
                "code": "S2",
                "date": "2017-03-17",
                "country": "Iraq",
                "location": "Mosul",
                "civilians_killed_min": 0,
                "civilians_killed_max": 3,
                "grading": "Discounted",
            },
        ],
        grades={"Confirmed", "Fair", "Weak"},
    )
    assert [c.id for c in airwars.claims] == ["airwars-S1"]
    assert "graded Discounted" in airwars.rejected[0].reason
