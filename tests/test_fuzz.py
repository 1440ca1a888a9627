"""Fuzzing: every parser of untrusted input either returns a value or raises a claimdiff error, nothing else.

Hypothesis drives each parser claimdiff exposes to files and text (estimates, periods, timezones, units,
claims files in YAML, JSON and CSV, claim entries holding values of every JSON type, pandas DataFrames in
any columns and with cells of any type, and the Dask path) with generated and mutated input. The law is the same everywhere:
the only exceptions that may come out are :class:`claimdiff.ClaimdiffError` and its subclasses, so that
a caller (and the CLI) can tell bad input from a bug.

Examples per test: the active hypothesis profile's (200 under the CI profile, derandomized). For a longer local
run, set ``CLAIMDIFF_FUZZ_EXAMPLES`` (and a random profile), e.g.::

    CLAIMDIFF_FUZZ_EXAMPLES=20000 HYPOTHESIS_PROFILE=thorough pytest tests/test_fuzz.py

(the Dask test runs a tenth of that: each example starts a Dask graph).

Time and memory bounds are not asserted here (no timed tests): the limits that bound them are tested in
``tests/test_hardening.py`` and the worst cases are measured by ``benchmarks/bench_loaders.py --hostile``.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdiff import ClaimdiffError, Period, loads_claims_lenient
from claimdiff._formats.csv_format import COLUMNS
from claimdiff._model.period import timezone_named
from claimdiff._model.units import unit_info
from claimdiff.hedges import parse_estimate
from conftest import SEED

FUZZ_EXAMPLES = int(os.environ.get("CLAIMDIFF_FUZZ_EXAMPLES", settings.default.max_examples))
fuzz = settings(
    max_examples=FUZZ_EXAMPLES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# Text that looks like what the parsers read, so that generated input gets past their first checks.
WORDS = [
    "at least",
    "over",
    "some",
    "about",
    "up to",
    "fewer than",
    "between",
    "and",
    "to",
    "or more",
    "dozens",
    "hundreds",
    "a",
    "an",
    "one",
    "twenty-one",
    "million",
    "bn",
    "k",
    "km",
    "miles",
    "%",
    "m**2",
    "degC",
    "inf",
    "nan",
    "1e400",
    "-",
    "+",
    ",",
    ".",
    "/",
    "P1W",
    "T",
    "Z",
    "W",
    "+03:00",
    "\x85",
    "\u2028",
    "\x1b",
    "١٤",
    " ",
]
fragments = st.one_of(
    st.sampled_from(WORDS), st.integers(-(10**6), 10**6).map(str), st.text(max_size=5)
)
wordy = st.lists(fragments, max_size=8).map(" ".join)
anything = st.one_of(wordy, st.text(max_size=40))
iso_like = st.from_regex(
    r"[0-9]{0,5}(-[0-9W]{0,3}){0,3}(T[0-9:.]{0,9})?([+-Z][0-9:]{0,6})?(/P?[0-9A-Z:-]{0,12})?",
    fullmatch=True,
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(300, 5000).map(lambda digits: 10**digits),
    st.floats(allow_nan=True, allow_infinity=True),
    anything,
    iso_like,
)
FIELDS = [
    "id",
    "metric",
    "counted",
    "value",
    "unit",
    "place",
    "event",
    "period",
    "stated",
    "source",
    "via",
    "quote",
    "location",
    "note",
    "part_of",
    "low",
    "high",
    "point",
    "hedge",
    "text",
    "name",
    "kind",
    "party",
    "start",
    "end",
    "whole",
    "parts",
    "cumulative",
    "aliases",
]
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), inner, max_size=5),
    ),
    max_leaves=20,
)
claim_dicts = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=5)},
    optional=dict.fromkeys(FIELDS[1:15], scalars | values),
)
documents = st.fixed_dictionaries(
    {"claims": st.lists(claim_dicts, max_size=4)},
    optional={
        "timezone": anything | iso_like,
        "defaults": st.dictionaries(st.sampled_from(FIELDS[1:11]), scalars),
        "sources": st.dictionaries(st.text(max_size=5), values, max_size=3),
        "metrics": values,
        "counted": values,
        "relations": values,
        "claimdiff": scalars,
    },
)


def returns_or_raises_claimdiff_errors(parse: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``parse``; a ClaimdiffError is an answer, any other exception fails the test."""
    try:
        return parse(*args, **kwargs)
    except ClaimdiffError as e:
        return e


def _strict_and_lenient(text: str, fmt: str) -> None:
    loaded = returns_or_raises_claimdiff_errors(loads_claims_lenient, text, format=fmt)
    if not isinstance(loaded, ClaimdiffError):
        returns_or_raises_claimdiff_errors(loaded.raise_for_rejected)


@fuzz
@given(text=anything)
def test_estimates_parse_or_raise_claimdiff_errors(text):
    """Any text is a figure or an InvalidEstimateError/InvalidUnitError; bounds of a figure read are ordered."""
    e = returns_or_raises_claimdiff_errors(parse_estimate, text)
    if not isinstance(e, ClaimdiffError):
        assert e.low <= e.high


@fuzz
@given(
    text=st.one_of(iso_like, anything),
    local=st.booleans(),
    tz=st.sampled_from(["UTC", "Europe/Moscow", "-09:30"]),
)
def test_periods_parse_or_raise_claimdiff_errors(text, local, tz):
    """Any text is a period (never ending before it starts) or an InvalidClaimError."""
    p = returns_or_raises_claimdiff_errors(
        Period.parse, text, timezone_named(tz), local_times=local
    )
    if not isinstance(p, ClaimdiffError):
        assert p.start_ts <= p.end_ts
        assert Period.parse(p.isoformat()) == p


@fuzz
@given(text=st.one_of(iso_like, anything, st.from_regex(r"[+-][0-9]{2}:?[0-9]{2}", fullmatch=True)))
def test_timezones_parse_or_raise_claimdiff_errors(text):
    """Any text is a timezone or an InvalidClaimError."""
    returns_or_raises_claimdiff_errors(timezone_named, text)


@fuzz
@given(
    text=st.one_of(
        anything,
        st.from_regex(r"[a-zA-Z]{1,4}(\*\*-?[0-9e.]{1,5})?([/*][a-zA-Z]{1,4})?", fullmatch=True),
    )
)
def test_units_resolve_or_raise_claimdiff_errors(text):
    """Any text is a unit with a finite, non-zero factor, or an InvalidUnitError."""
    info = returns_or_raises_claimdiff_errors(unit_info, text)
    if not isinstance(info, ClaimdiffError):
        assert info.factor != 0


@fuzz
@given(doc=documents)
def test_generated_json_documents_load_or_raise_claimdiff_errors(doc):
    """Any JSON document, however wrong its shape and values, loads or raises claimdiff errors."""
    try:
        text = json.dumps(doc)
    except ValueError:  # integers too long for json to write
        return
    _strict_and_lenient(text, "json")


@fuzz
@given(doc=documents)
def test_generated_yaml_documents_load_or_raise_claimdiff_errors(doc):
    """Any YAML document loads or raises claimdiff errors."""
    try:
        text = yaml.safe_dump(doc, allow_unicode=True)
    except (ValueError, yaml.YAMLError):
        return
    _strict_and_lenient(text, "yaml")


@fuzz
@given(
    header=st.lists(st.sampled_from(COLUMNS) | st.text(max_size=4), min_size=1, max_size=8),
    rows=st.lists(
        st.lists(
            st.one_of(anything, iso_like, st.sampled_from(["true", "=1", "'=1", "inf", "1e400"])),
            max_size=9,
        ),
        max_size=4,
    ),
)
def test_generated_csv_files_load_or_raise_claimdiff_errors(header, rows):
    """Any table of cells under any header loads or raises claimdiff errors."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    _strict_and_lenient(buffer.getvalue(), "csv")


SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()


@fuzz
@given(
    at=st.integers(0, len(SEED_LINES) - 1),
    width=st.integers(1, 3),
    text=st.one_of(
        anything,
        st.sampled_from(
            [
                "  - id: x",
                "claims: []",
                "&a [*a]",
                "!!python/name:os.system",
                "{",
                "    value: 1" + "0" * 400,
                "    period: 9999-12-31",
            ]
        ),
    ),
)
def test_mutated_seed_files_load_or_raise_claimdiff_errors(at, width, text):
    """The seed with a few of its lines replaced by junk still loads or raises claimdiff errors."""
    lines = [*SEED_LINES[:at], text, *SEED_LINES[at + width :]]
    _strict_and_lenient("\n".join(lines), "yaml")


@fuzz
@given(text=st.text(max_size=200), fmt=st.sampled_from(["yaml", "json", "csv"]))
def test_arbitrary_text_in_any_format_loads_or_raises_claimdiff_errors(text, fmt):
    """Unstructured text, read as any format, raises claimdiff errors (or is an empty, valid file)."""
    _strict_and_lenient(text, fmt)


# -- claim entries holding values of every JSON type (the fast reader's caches must never see a list) ---------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | anything,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)
ESTIMATE_KEYS = ["low", "high", "low_closed", "high_closed", "point", "hedge", "text"]
SOURCE_KEYS = ["name", "kind", "party", "reliability"]
plain_entries = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["a", "b"]) | json_values,
        "metric": st.sampled_from(["killed", "injured"]) | json_values,
        "counted": st.just("people") | json_values,
        "value": st.one_of(
            st.integers(0, 99),
            st.sampled_from(["at least 14", "12"]),
            st.dictionaries(st.sampled_from(ESTIMATE_KEYS), json_values, min_size=1, max_size=4),
        ),
        "source": st.one_of(
            st.just("MoD"), st.dictionaries(st.sampled_from(SOURCE_KEYS), json_values, min_size=1)
        ),
    },
    optional=dict.fromkeys(
        (
            "unit",
            "place",
            "event",
            "period",
            "stated",
            "via",
            "quote",
            "location",
            "note",
            "part_of",
        ),
        json_values,
    ),
)


@fuzz
@given(entries=st.lists(plain_entries, min_size=1, max_size=4))
def test_claim_entries_with_values_of_every_json_type_load_or_raise_claimdiff_errors(entries):
    """Entries shaped like plain claims (which the fast reader takes) with any JSON value in any field: the fast
    reader hands what it cannot read to the full reader, and only claimdiff errors come out."""
    try:
        text = json.dumps({"claims": entries})
    except ValueError:  # integers too long for json to write
        return
    _strict_and_lenient(text, "json")
    _strict_and_lenient(yaml.safe_dump({"claims": entries}, allow_unicode=True), "yaml")


# -- DataFrames: any columns, cells of any type --------------------------------------------------------------


def _cells() -> st.SearchStrategy[Any]:
    import decimal

    import numpy as np
    import pandas as pd

    return st.one_of(
        scalars,
        st.sampled_from(
            ["at least 14", "12", "killed", "people", "MoD", "2023-12-30", "a\rb", " x ", "inf"]
        ),
        st.integers(-(2**64), 2**64),
        st.sampled_from([float("inf"), float("-inf"), float("nan"), 2.0**53 + 2]),
        st.sampled_from(
            [
                decimal.Decimal("1.5"),
                decimal.Decimal("NaN"),
                pd.Timedelta("1D"),
                pd.NaT,
                pd.NA,
                pd.Timestamp("2023-12-30"),
                pd.Timestamp("2023-12-30 10:00", tz="UTC"),
                np.int64(3),
                np.float32("inf"),
                np.bool_(True),
                np.array([1, 2]),
                b"12",
                (1, "a"),
                {"low": 1},
                {1: 2},
                [["deep"]],
                object(),
            ]
        ),
        st.lists(st.sampled_from(["Syria", "Idlib", None, float("nan"), 3]), max_size=3),
    )


def _frames(names: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    import pandas as pd

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        columns = draw(st.lists(names, min_size=1, max_size=6))
        height = draw(st.integers(0, 4))
        data = [[draw(_cells()) for _ in columns] for _ in range(height)]
        frame = pd.DataFrame(data, columns=pd.Index(columns, dtype=object), dtype=object)
        return frame.infer_objects() if draw(st.booleans()) else frame

    return build()


@fuzz
@given(frame=_frames(st.sampled_from(COLUMNS) | st.sampled_from(["id", "value", "source"])))
def test_dataframes_in_the_claims_csv_columns_load_or_raise_claimdiff_errors(frame):
    """A frame in the claims-CSV columns (read as the CSV reader reads a file) with cells of any type: every row
    is a claim or a located rejection, and only claimdiff errors come out."""
    from claimdiff import claims_from_dataframe

    loaded = returns_or_raises_claimdiff_errors(claims_from_dataframe, frame)
    if not isinstance(loaded, ClaimdiffError):
        assert len(loaded.claims) + len({e.location for e in loaded.rejected}) >= len(frame)
        assert len(loaded.claims) <= len(frame)


FRAME_FIELDS = [
    "id",
    "metric",
    "counted",
    "value",
    "unit",
    "low",
    "high",
    "best",
    "place",
    "event",
    "period",
    "stated",
    "source",
    "source_kind",
    "source_party",
    "via",
    "quote",
    "location",
    "note",
    "part_of",
]


@fuzz
@given(
    frame=_frames(
        st.sampled_from(["n", "m", "who", "where", "day"]) | st.integers(0, 3) | st.text(max_size=3)
    ),
    data=st.data(),
)
def test_dataframes_in_any_columns_load_or_raise_claimdiff_errors(frame, data):
    """Any frame, with any columns named for any fields and any defaults: only claimdiff errors come out, and
    every row is a claim or a rejection naming its row."""
    from claimdiff import claims_from_dataframe

    names = [str(c) for c in frame.columns]
    columns = data.draw(
        st.dictionaries(
            st.sampled_from(FRAME_FIELDS),
            st.sampled_from(names) | st.lists(st.sampled_from(names), max_size=2),
            max_size=6,
        )
    )
    defaults = data.draw(
        st.none()
        | st.dictionaries(st.sampled_from(FRAME_FIELDS), _cells(), max_size=3)
        | st.just({"metric": "killed", "counted": "people", "source": "S"})
    )
    loaded = returns_or_raises_claimdiff_errors(
        claims_from_dataframe, frame, columns=columns or None, defaults=defaults
    )
    if not isinstance(loaded, ClaimdiffError):
        assert len(loaded.claims) + len({e.location.split(",")[0] for e in loaded.rejected}) >= len(
            frame
        )
        assert all(e.location.startswith("row ") for e in loaded.rejected)


@settings(parent=fuzz, max_examples=max(10, FUZZ_EXAMPLES // 10))
@given(
    frame=_frames(
        st.sampled_from(
            ["id", "metric", "counted", "value", "source", "event", "value_high", "note", "part_of"]
        )
    ),
    npartitions=st.integers(1, 3),
)
def test_the_default_dask_path_reads_or_raises_claimdiff_errors(frame, npartitions):
    """The Dask path (each partition read cell by cell as a claims CSV) with cells of any type, in one partition or
    several (then shuffled on the event through partd): only claimdiff errors come out, and every row is a claim
    or a rejection."""
    import pytest

    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")
    from claimdiff.formats import reconcile_dask

    frame = frame.loc[:, ~frame.columns.duplicated()]
    if "id" not in frame.columns:
        return
    frame = frame.astype({"id": object, **({"event": object} if "event" in frame.columns else {})})

    def run() -> Any:
        # Dask's own conversion of object columns to strings would turn every cell to text (and fails, in
        # pandas, on an integer of more than 4,300 digits before claimdiff sees it): keep the cells as they are.
        with dask.config.set({"dataframe.convert-string": False}):
            ddf = dd.from_pandas(frame, npartitions=npartitions, sort=False)
            return reconcile_dask(ddf).compute(scheduler="synchronous")

    tables = returns_or_raises_claimdiff_errors(run)
    if not isinstance(tables, ClaimdiffError):
        _groups, _flags, claims, rejected = tables
        assert len(claims) + len(rejected) >= len(frame)
