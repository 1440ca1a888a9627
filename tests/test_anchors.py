"""The anchors' formats: UCDP GED, ACLED, Wikidata quantities, ClaimReview, IBC and Airwars."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

import claimdiff
from claimdiff import read_ucdp_ged
from conftest import ROOT

# ../shared/data beside the checkout (or beside the folder of worktrees).
_SAMPLE = Path("data") / "ucdp_ged_sample" / "ucdp_ged231_sample1000.csv"
UCDP = next((p for p in (ROOT.parent / "shared" / _SAMPLE, ROOT.parent.parent / "shared" / _SAMPLE) if p.exists()),
            ROOT.parent / "shared" / _SAMPLE)
needs_ucdp = pytest.mark.skipif(not UCDP.exists(), reason="the UCDP GED sample (../shared/data) is absent")


def _ucdp_rows() -> list[dict[str, str]]:
    with UCDP.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@needs_ucdp
def test_ucdp_sample_every_event_is_a_claim_or_a_rejection() -> None:
    """All 1,000 events of the GED 23.1 sample are read: 987 claims, and the 13 whose best lies outside
    [low, high] rejected with a reason naming the three figures (no exception)."""
    loaded = read_ucdp_ged(UCDP)
    rows = _ucdp_rows()
    inconsistent = {f"ucdp-ged-{r['id']}" for r in rows
                    if not int(r["low"]) <= int(r["best"]) <= int(r["high"])}
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
        assert c.scope.place == tuple(" ".join(p.split()) for p in (row["country"], row["adm_1"], row["adm_2"]) if p)
        assert "nan" not in c.scope.place
        assert c.period is not None
        assert c.period.start.date().isoformat() == row["date_start"][:10]
        assert (c.period.end.date() - c.period.start.date()).days >= 1
        assert f"date_prec {row['date_prec']}" in (c.note or "")


@needs_ucdp
def test_ucdp_split_makes_inconsistent_rows_findings() -> None:
    """With inconsistent='split', an inconsistent event becomes two UCDP claims that reconciling flags as a
    contradiction; events whose low is above their high keep the interval as a rejection; nothing is lost."""
    loaded = read_ucdp_ged(UCDP, inconsistent="split")
    report = claimdiff.reconcile(loaded.claims)
    contradictions = {f.group for f in report.contradictions}
    assert len(contradictions) == 6
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
    with pytest.raises(claimdiff.ClaimFileError, match="'best'"):
        read_ucdp_ged([{"id": 1, "low": 1, "high": 2, "date_start": "2020-01-01", "date_end": "2020-01-01",
                        "country": "X"}])


def test_ucdp_bad_figures_are_rejections() -> None:
    """A negative or non-numeric figure is a rejection naming the column, not an exception."""
    rows = [{"id": 1, "best": "many", "low": 1, "high": 2, "date_start": "2020-01-01", "date_end": "2020-01-01",
             "country": "X"}]
    loaded = read_ucdp_ged(rows)
    assert loaded.claims == ()
    assert "column 'best'" in str(loaded.rejected[0])
    assert Counter(type(e).__name__ for e in loaded.rejected) == {"ClaimFileError": 1}


@needs_ucdp
def test_ucdp_report_follows_the_report_schema() -> None:
    """The report of the whole UCDP sample (split, so with contradictions) validates against the shipped schema."""
    jsonschema = pytest.importorskip("jsonschema")
    report = claimdiff.reconcile(read_ucdp_ged(UCDP, inconsistent="split").claims)
    jsonschema.Draft202012Validator(claimdiff.report_schema()).validate(report.to_dict())
