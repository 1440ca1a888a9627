"""The anchor readers on real exports (tests/fixtures/exports, see its README for origins and licences).

Each expectation was written from the source's codebook and from reading the file, before the reader
was run: ACLED codes one event per row, ``fatalities`` an exact count, ``time_precision`` 1 the day;
UCDP GED one event per record, ``low <= best <= high``, ``date_start``/``date_end`` the span.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from claimdiff._formats.anchors._dates import DayOrder, read_day
from claimdiff.formats import read_acled, read_airwars, read_ibc, read_ucdp_ged, read_wikidata
from conftest import ROOT

EXPORTS = ROOT / "tests" / "fixtures" / "exports"
ACLED_EXPORTS = EXPORTS / "_unlicensed" / "acled"
needs_acled = pytest.mark.skipif(
    not (ACLED_EXPORTS / "ukraine-2023-2024-export.csv").exists(),
    reason="ACLED's terms forbid giving others its raw data: fetched locally only (tests/fixtures/exports/README.md)",
)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@needs_acled
def test_acled_older_uppercase_day_first_export() -> None:
    """The 2001 Algeria export (UPPERCASE headers, ``18/04/2001``) gives its 4 events, day first, with places."""
    loaded = read_acled(ACLED_EXPORTS / "algeria-2001-uppercase-export.csv")
    assert loaded.rejected == ()
    got = {
        c.id: (c.estimate.describe(), c.scope.place[:2], c.period.isoformat() if c.period else None)
        for c in loaded.claims
    }
    assert got == {
        "acled-1416RTA": ("1", ("Algeria", "Tizi Ouzou"), "2001-04-18"),
        "acled-2229RTA": ("0", ("Algeria", "Tizi Ouzou"), "2001-04-19"),
        "acled-2230RTA": ("0", ("Algeria", "Bejaia"), "2001-04-20"),
        "acled-2231RTA": ("0", ("Algeria", "Bejaia"), "2001-04-21"),
    }
    first = next(c for c in loaded.claims if c.id == "acled-1416RTA")
    assert first.scope.place == ("Algeria", "Tizi Ouzou", "Beni-Douala")
    assert "time_precision 1" in (first.note or "")
    assert "Associated Press Online" in (first.note or "")


@needs_acled
def test_acled_2024_export_every_event_read() -> None:
    """The 2024 export tool CSV: 155 events, none rejected, each with a day and a four-level place;
    the figures add up to the column's own total."""
    path = ACLED_EXPORTS / "ukraine-2023-2024-export.csv"
    rows = _csv(path)
    loaded = read_acled(path)
    assert (len(rows), len(loaded.claims), len(loaded.rejected)) == (155, 155, 0)
    assert sum(c.low for c in loaded.claims) == sum(int(r["fatalities"]) for r in rows)
    assert all(c.period is not None and len(c.scope.place) == 4 for c in loaded.claims)
    by_id = {c.id: c for c in loaded.claims}
    c = by_id["acled-UKR140489"]
    assert (c.estimate.describe(), c.period.isoformat() if c.period else None) == (
        "3",
        "2023-12-12",
    )
    assert c.scope.place == ("Ukraine", "Donetsk", "Kramatorskyi", "Novodonetska")
    assert by_id["acled-UKR148710"].period.isoformat() == "2024-02-16"  # type: ignore[union-attr]
    assert by_id["acled-UKR145564"].estimate.describe() == "1"


@needs_acled
def test_acled_api_response_envelope() -> None:
    """The API's ``{"status": 200, "success": true, "data": [...]}`` gives its 8 events (every cell a string)."""
    loaded = read_acled(ACLED_EXPORTS / "api-response-ukraine-2024-01-01.json")
    assert (len(loaded.claims), len(loaded.rejected)) == (8, 0)
    assert sum(c.low for c in loaded.claims) == 4
    c = next(c for c in loaded.claims if c.id == "acled-UKR142665")
    assert (c.estimate.describe(), c.period.isoformat() if c.period else None) == (
        "2",
        "2024-01-01",
    )
    assert c.scope.place == ("Ukraine", "Donetsk", "Bakhmutskyi", "Bakhmutska")
    assert "Ministry of Defence of Russia; Ministry of Defence of Ukraine (Other-National)" in (
        c.note or ""
    )


def test_acled_api_failure_is_refused_with_its_reason(tmp_path: Path) -> None:
    """An API response reporting a failure is an error naming it, not an empty table."""
    from claimdiff.exceptions import ClaimFileError

    path = tmp_path / "denied.json"
    path.write_text(
        json.dumps({"status": 403, "success": False, "error": {"message": "Access denied"}})
    )
    with pytest.raises(ClaimFileError, match="Access denied"):
        read_acled(path)


def test_ucdp_api_records() -> None:
    """UCDP API records (JSON, ``2002-03-01T00:00:00``, empty ``adm_2``): 60 events, best figures adding to 133."""
    path = EXPORTS / "ucdp" / "ged-api-israel-2002.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    loaded = read_ucdp_ged(path)
    assert (len(records), len(loaded.claims), len(loaded.rejected)) == (60, 60, 0)
    assert (
        sum(c.estimate.point if c.estimate.point is not None else c.low for c in loaded.claims)
        == 133
    )
    by_id = {c.id: c for c in loaded.claims}
    boy = by_id["ucdp-ged-175957"]
    assert (
        boy.estimate.describe(),
        boy.scope.place,
        boy.period.isoformat() if boy.period else None,
    ) == (
        "1",
        ("Israel", "Gaza Strip"),
        "2002-03-01",
    )
    assert "UCDP where_prec 2" in (boy.note or "")
    assert "UCDP date_prec 1" in (boy.note or "")
    beersheba = by_id["ucdp-ged-175906"]
    assert (beersheba.estimate.describe(), beersheba.scope.place) == (
        "4",
        ("Israel", "Southern district", "Be'er Sheva"),
    )


def test_airwars_dates_as_airwars_writes_them() -> None:
    """The date forms of an Airwars-published file (Airwars-org/the-killings-they-tweeted) read as the day."""
    unsettled = DayOrder(None, "no numeric dates")
    assert [
        read_day(t, unsettled).date.isoformat() for t in ("October 8 2023", "October 18, 2023")
    ] == [  # type: ignore[union-attr]
        "2023-10-08",
        "2023-10-18",
    ]


@pytest.mark.parametrize("path", sorted((EXPORTS / "wikidata").glob("*.json")) or [None])
def test_wikidata_entities_dropped_in_give_periods_and_places(path: Path | None) -> None:
    """Any Special:EntityData file put in exports/wikidata gives every number-of-deaths claim a period and a place."""
    if path is None:
        pytest.skip("no Wikidata entity in tests/fixtures/exports/wikidata (see its README)")
    loaded = read_wikidata(path)
    deaths = [c for c in loaded.claims if c.metric.name == "killed"]
    assert deaths
    assert all(c.period is not None and c.scope.place for c in deaths)


@needs_acled
def test_the_cli_reads_an_api_response_from_stdin() -> None:
    """``claimdiff check --input-format acled -`` reads the API response piped in, as from a file."""
    import io

    from claimdiff.cli import main

    out, err = io.StringIO(), io.StringIO()
    text = (ACLED_EXPORTS / "api-response-ukraine-2024-01-01.json").read_text(encoding="utf-8")
    code = main(
        ["check", "-", "--input-format", "acled", "--format", "json", "--lenient"],
        out=out,
        err=err,
        stdin=io.StringIO(text),
    )
    assert code in (0, 1), err.getvalue()
    assert json.loads(out.getvalue())["summary"]["claims"] == 8


def test_wikidata_real_entity_1964_alaska_earthquake() -> None:
    """Q749610 as Special:EntityData served it (revision 2497659168): one number-of-deaths statement.

    Expected from the Wikibase JSON model and the entity's statements, before the reader ran:
    ``P1120`` amount ``+139``, unit ``"1"`` (a count), no bounds (exact), rank normal, no reference
    (so the source is Wikidata itself); the entity's ``P585`` ``+1964-03-27`` at precision 11 (a day)
    is the period; ``P17`` Q30 > ``P131`` Q797 > ``P276`` Q631282 the place (no labels of those items
    in the document, so their Q-ids); ``P4511`` (a depth in km) is not a casualty property.
    """
    loaded = read_wikidata(EXPORTS / "wikidata" / "Q749610-1964-alaska-earthquake.json")
    assert (len(loaded.claims), len(loaded.rejected)) == (1, 0)
    c = loaded.claims[0]
    assert (c.metric.name, c.scope.counted, c.estimate.describe()) == ("killed", "people", "139")
    assert (c.low, c.high) == (139, 139)
    assert c.period is not None
    assert c.period.isoformat() == "1964-03-27"
    assert c.scope.place == ("Q30", "Q797", "Q631282")
    assert c.rank == "normal"
    assert c.source.name == "Wikidata"


AIRWARS_PAGES = EXPORTS / "_unlicensed" / "airwars-israel-gaza-2023-klinares.csv"
# The columns of that file, as its scraper named the fields of Airwars' incident pages.
AIRWARS_PAGE_COLUMNS = {
    "id": "Incidence_id",
    "start": "Incidence_date",
    "end": "Incidence_date",
    "min": "Civilians reported killed",
    "max": "Civilians reported killed",
    "grade": "Airwars civilian harm grading",
    "party": "Suspected belligerent",
}


@pytest.mark.skipif(
    not AIRWARS_PAGES.exists(), reason="unlicensed file, fetched locally only (see exports README)"
)
def test_airwars_incident_pages_as_scraped() -> None:
    """646 Israel-Gaza 2023-24 incidents as Airwars' pages give them (scraped by klinares/airwars_scraping_project).

    Expected from Airwars' incident pages and methodology, before the reader ran: "Civilians reported
    killed" is one number or Airwars' range ``min – max``; ``Unknown`` means harm was reported without
    a number, so no figure: a located rejection, not a claim. Dates ``october-7-2023`` are days;
    grades are Airwars' (Fair 545, Weak 25, Contested 12, Confirmed 2 among rows with a number);
    Confirmed (a belligerent accepted responsibility) ranks preferred. The file has no place column.
    """
    loaded = read_airwars(AIRWARS_PAGES, columns=AIRWARS_PAGE_COLUMNS)
    assert (len(loaded.claims), len(loaded.rejected)) == (584, 62)
    assert {r.reason for r in loaded.rejected} == {"gives no number (got 'Unknown')"}
    assert all(c.period is not None for c in loaded.claims)
    assert sum(c.low for c in loaded.claims) == 6101
    grades = Counter(c.source_grade.value for c in loaded.claims if c.source_grade is not None)
    assert grades == Counter({"Fair": 545, "Weak": 25, "Contested": 12, "Confirmed": 2})
    by_id = {c.id: c for c in loaded.claims}
    first = by_id["airwars-ispt0019a"]
    assert (first.estimate.describe(), first.period.isoformat() if first.period else None) == (
        "1",
        "2023-10-07",
    )
    assert "belligerent Israeli Military" in (first.note or "")
    jabalia = by_id["airwars-ispt0783"]
    assert (jabalia.low, jabalia.high, jabalia.rank) == (126, 143, "preferred")
    assert jabalia.period is not None
    assert jabalia.period.isoformat() == "2023-10-31"
    assert (by_id["airwars-ispt0005"].low, by_id["airwars-ispt0005"].high) == (1, 2)
    assert by_id["airwars-ispt120524d"].period.isoformat() == "2024-05-12"  # type: ignore[union-attr]
    kept = read_airwars(AIRWARS_PAGES, columns=AIRWARS_PAGE_COLUMNS, grades={"confirmed", "fair"})
    assert len(kept.claims) == 547


# IBC's download (iraqbodycount.org/database/download/ibc-incidents) as three published readers of it
# describe it: 11 lines before the header, which is exactly this (a ScraperWiki scraper asserts it), and
# dates "%d %b %Y" (an R loader's format); bedwards/graphyard and an R analysis skip the same 11 lines.
# No copy of the file under a licence was found, so the preamble's words and the rows are written here.
IBC_HEADER = "IBC code,Start Date,End Date,Time,Location,Target,Weapons,Reported Minimum,Reported Maximum,Sources"


def test_ibc_download_with_its_preamble(tmp_path: Path) -> None:
    """The header is found under the 11-line preamble; rows keep their own line numbers; a bad date is rejected."""
    preamble = "\n".join(
        [
            "Iraq Body Count incidents (preamble line written here)",
            "",
            *[f"note {i}," for i in range(9)],
        ]
    )
    rows = [
        'k7919,29 Oct 2007,29 Oct 2007,8:00-9:00 AM,"Ishbilliyah Square, central Baquba",recruits,suicide bomber,28,28,AFP',
        'k18626,13 Mar 2012,14 Mar 2012,,"Hoswa, Karma, east of Falluja",civilian car,roadside bomb,1,2,AKnews',
        "x1,sometime in 2012,14 Mar 2012,,Mosul,,gunfire,1,1,NINA",
    ]
    path = tmp_path / "ibc-incidents.csv"
    path.write_text("\n".join([preamble, IBC_HEADER, *rows]) + "\n", encoding="utf-8")
    loaded = read_ibc(path)
    got = {c.id: (c.low, c.high, c.period.isoformat() if c.period else None) for c in loaded.claims}
    assert got == {
        "ibc-k7919": (28, 28, "2007-10-29"),
        "ibc-k18626": (1, 2, "2012-03-13/2012-03-14"),
    }
    assert loaded.claims[0].scope.place == ("Iraq", "Ishbilliyah Square, central Baquba")
    (bad,) = loaded.rejected
    assert (bad.claim_id, bad.location) == ("ibc-x1", "line 15, column 'Start Date'")


def test_a_csv_without_its_header_near_the_top_is_still_refused(tmp_path: Path) -> None:
    """Looking past a preamble never invents a header: with none in the first lines, the columns are named missing."""
    from claimdiff.exceptions import ClaimFileError

    path = tmp_path / "not-ibc.csv"
    path.write_text("a,b\n" + "1,2\n" * 60 + IBC_HEADER + "\n", encoding="utf-8")
    with pytest.raises(ClaimFileError, match="has no column 'ibc_code'"):
        read_ibc(path)


AIRWARS_SYRIA = EXPORTS / "_unlicensed" / "airwars-syria-300-incidents.json"
# The fields of that archive's incident records (one JSON per Airwars incident, copied from Airwars' pages).
AIRWARS_ARCHIVE_COLUMNS = {
    "id": "incident_code",
    "start": "incident_date",
    "end": "incident_date",
    "country": "country",
    "place": "location",
    "min": "civilian_deaths_min",
    "max": "civilian_deaths_max",
    "grade": "assessment",
    "party": "alleged_belligerent",
}


@pytest.mark.skipif(
    not AIRWARS_SYRIA.exists(), reason="unlicensed file, fetched locally only (see exports README)"
)
def test_airwars_syria_incident_records() -> None:
    """300 Syrian incidents (carsspacee88-crypto/syrian-archive-airwars): 169 with figures, 131 without.

    Expected from the records before the reader ran: ``civilian_deaths_min``/``_max`` null in 131 records
    (no figure: each a located rejection), never one without the other; the 169 others' minima add to 373;
    grades Contested 89, Fair 78, Weak 2; ISO dates; country Syria and Airwars' location as the place.
    """
    loaded = read_airwars(AIRWARS_SYRIA, columns=AIRWARS_ARCHIVE_COLUMNS)
    assert (len(loaded.claims), len(loaded.rejected)) == (169, 131)
    assert {r.reason for r in loaded.rejected} == {"gives no number (empty)"}
    assert sum(c.low for c in loaded.claims) == 373
    assert all(c.period is not None and c.scope.place[0] == "Syria" for c in loaded.claims)
    grades = Counter(c.source_grade.value for c in loaded.claims if c.source_grade is not None)
    assert grades == Counter({"Contested": 89, "Fair": 78, "Weak": 2})
    by_id = {c.id: c for c in loaded.claims}
    idlib = by_id["airwars-RS4826"]
    assert (idlib.low, idlib.high) == (1, 3)
    assert idlib.period is not None
    assert idlib.period.isoformat() == "2023-10-05"
    assert idlib.scope.place == ("Syria", "city market in Jisr Al Shughour, west of Idlib")
    assert "belligerent Russian Military" in (idlib.note or "")


def test_ibc_older_copy_one_figure_column_and_short_dates() -> None:
    """The 2016 copy's shape (``IBC_code``, one ``Deaths_recorded``, ``29-Oct-07``), mapped with ``columns=``."""
    rows = [
        {
            "IBC_code": "k7919",
            "Start_Date": "29-Oct-07",
            "End_Date": "29-Oct-07",
            "Deaths_recorded": "28",
        },
        {
            "IBC_code": "k18626",
            "Start_Date": "13-Mar-12",
            "End_Date": "14-Mar-12",
            "Deaths_recorded": "1",
        },
        {
            "IBC_code": "h0379",
            "Start_Date": "25-Feb-14",
            "End_Date": "25-Feb-14",
            "Deaths_recorded": "0",
        },
    ]
    columns = {"id": "IBC_code", "start": "Start_Date", "end": "End_Date", "min": "Deaths_recorded"}
    loaded = read_ibc(rows, columns={**columns, "max": "Deaths_recorded"})
    got = {c.id: (c.low, c.high, c.period.isoformat() if c.period else None) for c in loaded.claims}
    assert got == {
        "ibc-k7919": (28, 28, "2007-10-29"),
        "ibc-k18626": (1, 1, "2012-03-13/2012-03-14"),
        "ibc-h0379": (0, 0, "2014-02-25"),
    }
