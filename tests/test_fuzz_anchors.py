"""Fuzzing the anchor readers: only claimdiff errors escape, and a good row among bad ones is always kept.

Each reader gets tables whose every column holds random JSON-ish values and random text (as rows, as a
CSV file and, for ACLED and UCDP, as an API response), with one good row at a random place; Wikidata
gets statements whose every part is random. Examples per test: the active hypothesis profile's (CI:
200, derandomized). A longer local run, at random seeds::

    CLAIMDIFF_FUZZ_EXAMPLES=5000 HYPOTHESIS_PROFILE=thorough pytest tests/test_fuzz_anchors.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:
    import pandas as pd
except ImportError:  # the DataFrame shape is fuzzed where pandas is installed
    pd = None

import contextlib

from claimdiff import ClaimdiffError
from claimdiff.formats import read_acled, read_airwars, read_ibc, read_ucdp_ged, read_wikidata

FUZZ_EXAMPLES = int(os.environ.get("CLAIMDIFF_FUZZ_EXAMPLES", settings.default.max_examples))
fuzz = settings(max_examples=FUZZ_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])

# Cells that look like what the readers read, so that generated rows get past their first checks.
_LIKELY = [
    "",
    " ",
    "0",
    "3",
    "-1",
    "1e400",
    "inf",
    "-inf",
    "nan",
    "NaN",
    "12.5",
    "9" * 5000,
    "2023-01-31",
    "1/12/2023",
    "13/01/2023",
    "1/31/2023",
    "31-Jan-23",
    "October 7, 2023",
    "garbage-date",
    "9999-12-31",
    "0001-01-01",
    "2",
    "Fair",
    "Discounted",
    "Syria",
    "A > B",
    "\r\n",
    "\x00",
    "\ufeff",
    "x" * 200,
]
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**53, max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(_LIKELY),
)
_JSONISH = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def _table(
    columns: list[str], good: dict[str, Any]
) -> st.SearchStrategy[tuple[list[dict[str, Any]], int]]:
    """Random rows over ``columns`` and the position of the one good row among them."""
    row = st.fixed_dictionaries(dict.fromkeys(columns, _JSONISH))
    return st.lists(row, max_size=6).flatmap(
        lambda rows: st.integers(0, len(rows)).map(lambda at: ([*rows[:at], good, *rows[at:]], at))
    )


def _as_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else str(row.get(c)) for c in columns])
    return out.getvalue()


def _check(read: Callable[[Any], Any], table: Any, good_id: str) -> None:
    try:
        loaded = read(table)
    except ClaimdiffError:
        return  # the whole table refused with a reason (e.g. a column named twice): allowed
    assert good_id in {c.id for c in loaded.claims}, [str(e) for e in loaded.rejected][:5]


def _each_shape(
    read: Callable[[Any], Any],
    rows: list[dict[str, Any]],
    columns: list[str],
    good_id: str,
    envelope: str | None = None,
) -> None:
    """Rows as Python mappings, as a DataFrame, as a CSV file, and (``envelope``) as an API response file."""
    _check(read, rows, good_id)
    if pd is not None:
        _check(read, pd.DataFrame(rows, columns=columns), good_id)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "table.csv"
        path.write_text(_as_csv(rows, columns), encoding="utf-8", errors="surrogatepass")
        _check(read, path, good_id)
        if envelope is not None:
            doc = {"status": 200, "success": True, envelope: rows}
            path = Path(tmp) / "table.json"
            path.write_text(json.dumps(doc, default=str), encoding="utf-8", errors="surrogatepass")
            _check(read, path, good_id)


_ACLED = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "fatalities",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "event_type",
    "sub_event_type",
    "location",
    "source",
    "source_scale",
    "notes",
]
_ACLED_GOOD = {
    "event_id_cnty": "GOOD1",
    "event_date": "2023-05-04",
    "time_precision": "1",
    "fatalities": "3",
    "country": "Syria",
    "admin1": "Idlib",
}


@fuzz
@given(_table(_ACLED, _ACLED_GOOD))
def test_acled_reader_only_raises_claimdiff_errors(table: tuple[list[dict[str, Any]], int]) -> None:
    """ACLED: random cells in every column; the good event is always read."""
    _each_shape(read_acled, table[0], _ACLED, "acled-GOOD1", envelope="data")


_UCDP = [
    "id",
    "relid",
    "best",
    "low",
    "high",
    "date_start",
    "date_end",
    "date_prec",
    "where_prec",
    "country",
    "adm_1",
    "adm_2",
    "type_of_violence",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "number_of_sources",
    "source_office",
]
_UCDP_GOOD = {
    "id": 987654321,
    "best": 4,
    "low": 3,
    "high": 9,
    "date_start": "2013-01-03",
    "date_end": "2013-01-04",
    "country": "Syria",
}


@fuzz
@given(_table(_UCDP, _UCDP_GOOD))
def test_ucdp_reader_only_raises_claimdiff_errors(table: tuple[list[dict[str, Any]], int]) -> None:
    """UCDP GED: random cells in every column; the good event is always read."""
    _each_shape(read_ucdp_ged, table[0], _UCDP, "ucdp-ged-987654321", envelope="Result")


_IBC = [
    "IBC code",
    "Start Date",
    "End Date",
    "Location",
    "Reported Minimum",
    "Reported Maximum",
    "Sources",
    "Weapons",
]
_IBC_GOOD = {
    "IBC code": "GOOD1",
    "Start Date": "3 Jan 2004",
    "End Date": "3 Jan 2004",
    "Reported Minimum": 4,
    "Reported Maximum": 6,
}


@fuzz
@given(_table(_IBC, _IBC_GOOD))
def test_ibc_reader_only_raises_claimdiff_errors(table: tuple[list[dict[str, Any]], int]) -> None:
    """IBC: random cells in every column; the good incident is always read."""
    _each_shape(read_ibc, table[0], _IBC, "ibc-GOOD1")


_AIRWARS = [
    "code",
    "date",
    "country",
    "location",
    "civilians_killed_min",
    "civilians_killed_max",
    "grading",
    "belligerent",
    "sources",
]
_AIRWARS_GOOD = {
    "code": "GOOD1",
    "date": "2017-03-17",
    "civilians_killed_min": 2,
    "civilians_killed_max": 5,
    "grading": "Fair",
}


@fuzz
@given(_table(_AIRWARS, _AIRWARS_GOOD))
def test_airwars_reader_only_raises_claimdiff_errors(
    table: tuple[list[dict[str, Any]], int],
) -> None:
    """Airwars: random cells in every column; the good incident is always read."""
    _each_shape(read_airwars, table[0], _AIRWARS, "airwars-GOOD1")


def _snak_like(prop: str) -> st.SearchStrategy[Any]:
    valid = st.fixed_dictionaries(
        {
            "snaktype": st.sampled_from(["value", "somevalue", "novalue"]),
            "property": st.just(prop),
            "datavalue": st.fixed_dictionaries(
                {
                    "type": st.sampled_from(["quantity", "time", "wikibase-entityid"]),
                    "value": _JSONISH,
                }
            ),
        }
    )
    return st.one_of(valid, _JSONISH)


_STATEMENT = st.fixed_dictionaries(
    {},
    optional={
        "id": _JSONISH,
        "rank": st.one_of(st.sampled_from(["preferred", "normal", "deprecated"]), _JSONISH),
        "mainsnak": _snak_like("P1120"),
        "qualifiers": st.one_of(
            st.dictionaries(
                st.sampled_from(
                    ["P585", "P580", "P582", "P518", "P1480", "P17", "P131", "P276", "P459"]
                ),
                st.one_of(st.lists(_snak_like("P585"), max_size=2), _JSONISH),
                max_size=3,
            ),
            _JSONISH,
        ),
        "references": st.one_of(
            st.lists(st.one_of(st.fixed_dictionaries({"snaks": _JSONISH}), _JSONISH), max_size=2),
            _JSONISH,
        ),
    },
)
_GOOD_STATEMENT = {
    "id": "Q1$good",
    "rank": "normal",
    "mainsnak": {
        "snaktype": "value",
        "property": "P1120",
        "datavalue": {"type": "quantity", "value": {"amount": "+25", "unit": "1"}},
    },
}


@fuzz
@given(st.lists(_STATEMENT, max_size=5), st.data())
def test_wikidata_reader_only_raises_claimdiff_errors(
    statements: list[Any], data: st.DataObject
) -> None:
    """Wikidata: statements whose every part is random, beside one good statement, which is always read."""
    at = data.draw(st.integers(0, len(statements)))
    entity_claims = data.draw(
        st.dictionaries(st.sampled_from(["P585", "P17", "P131", "P580"]), _JSONISH, max_size=2)
    )
    doc = {
        "entities": {
            "Q1": {
                "id": "Q1",
                "claims": {
                    **entity_claims,
                    "P1120": [*statements[:at], _GOOD_STATEMENT, *statements[at:]],
                },
            }
        }
    }
    try:
        loaded = read_wikidata(doc)
    except ClaimdiffError:
        return
    # An entity-level P585 or place that breaks the model rejects that part, never the figures.
    assert "wikidata-Q1$good" in {c.id for c in loaded.claims}, [str(e) for e in loaded.rejected][
        :5
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "entity.json"
        path.write_text(json.dumps(doc, default=str), encoding="utf-8", errors="surrogatepass")
        with contextlib.suppress(ClaimdiffError):
            read_wikidata(path)


@fuzz
@given(
    _table(
        _ACLED,
        {**_ACLED_GOOD, "notes": "On 4 May 2023, shelling killed 7 civilians in Idlib, SOHR said."},
    )
)
def test_acled_notes_reader_only_raises_claimdiff_errors(
    table: tuple[list[dict[str, Any]], int],
) -> None:
    """ACLED with its notes read by the extractor: random notes never break the reader or lose the good event."""
    _check(lambda t: read_acled(t, extract_notes=True), table[0], "acled-GOOD1")
