"""Claims files: YAML, JSON and CSV, exact round trips, the schema, errors, lenient reads, hostile input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff
from claimdiff import (
    dump_claims,
    load_claims,
    load_claims_lenient,
    loads_claims,
    loads_claims_lenient,
)
from claimdiff._formats import build as _files
from claimdiff._formats import documents as _documents
from claimdiff._formats.csv_cells import parse_via, via_cell
from claimdiff._formats.schema import claims_schema
from claimdiff.exceptions import ClaimFileError, ClaimFileErrors
from claimdiff.formats import FORMATS
from claimdiff.strategies import claims, sources, texts
from conftest import ROUND_TRIP_EXAMPLES, SEED

names = texts(max_size=20).filter(lambda s: s.strip())
wide_sources = sources(names=names, parties=st.none() | texts(max_size=10))
wide_claims = claims(
    ids=names, sources=wide_sources, via=st.lists(wide_sources, max_size=3).map(tuple)
)
units = st.sampled_from(["", "km", "mile", "tonne"])


# -- round trips ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=ROUND_TRIP_EXAMPLES)
@given(cs=st.lists(wide_claims, max_size=5, unique_by=lambda c: c.id))
def test_dump_then_load_returns_equal_claims(fmt, cs):
    """Every format gives back claims equal to those written, whatever text their fields hold."""
    assert loads_claims(dump_claims(cs, format=fmt), format=fmt) == cs


@pytest.mark.parametrize("fmt", FORMATS)
@given(
    cs=st.lists(
        claims(
            metrics=st.sampled_from(
                [
                    claimdiff.vocabulary.Metric("rescued", cumulative=True),
                    claimdiff.vocabulary.Metric("killed", cumulative=False),
                    "injured",
                ]
            )
        ),
        max_size=4,
        unique_by=lambda c: c.id,
    )
)
def test_metrics_the_vocabulary_defines_differently_round_trip(fmt, cs):
    """A metric whose definition differs from the vocabulary's is written with the claims and read back equal."""
    assert loads_claims(dump_claims(cs, format=fmt), format=fmt) == cs


@pytest.mark.parametrize("fmt", FORMATS)
@given(
    text=st.sampled_from(
        [
            "12",
            "two",
            "at least 14",
            "over 100",
            "some 70",
            "up to 158",
            "dozens",
            "between 10 and 20",
            "20 miles",
            "nearly 100",
            "just over 5",
            "14 or more",
            "1.5 million",
        ]
    ),
    unit=st.sampled_from([None, "km"]),
)
def test_worded_figures_round_trip_with_their_wording(fmt, text, unit):
    """Figures read from words keep their wording through every format (the CSV cell "12" is the number 12)."""
    try:
        estimate = claimdiff.hedges.parse_estimate(text, unit=unit)
    except claimdiff.ClaimdiffError:
        return  # "20 miles" with a separate unit: not a figure, nothing to write
    claim = claimdiff.Claim(
        id="a",
        metric="distance" if estimate.unit else "killed",
        estimate=estimate,
        scope=claimdiff.Scope(counted=None if estimate.unit else "people"),
        source="MoD",
    )
    assert loads_claims(dump_claims([claim], format=fmt), format=fmt) == [claim]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_seed_round_trips_in_every_format(fmt, tmp_path):
    """The Belgorod seed, written to a file of each format and read back by suffix, is unchanged."""
    seed = load_claims(SEED)
    path = tmp_path / f"belgorod.{fmt}"
    dump_claims(seed, path)
    assert load_claims(path) == seed
    assert path.read_text(encoding="utf-8") == dump_claims(seed, format=fmt)


def test_two_definitions_of_one_metric_cannot_be_written():
    """Claims that define one metric name two ways are refused, since a file defines each metric once."""
    base = {"estimate": "3", "scope": claimdiff.Scope(counted="people"), "source": "MoD"}
    a = claimdiff.Claim(id="a", metric="killed", **base)
    b = claimdiff.Claim(
        id="b", metric=claimdiff.vocabulary.Metric("killed", cumulative=False), **base
    )
    with pytest.raises(
        claimdiff.exceptions.InvalidClaimError, match="one definition of each metric"
    ):
        dump_claims([a, b])


@pytest.mark.parametrize(
    "items",
    [
        [
            "a | b",
            {"name": "c [d]", "kind": "media"},
            {"name": "e; f\\", "kind": "agency", "party": " g; h "},
        ],
        [
            {"name": "Reuters", "kind": "agency", "party": "\\"}
        ],  # the party that once read back as a name
        [{"name": "Reuters\\", "kind": "agency"}, "\\]"],
        ["[x]", "x\r\ny", '"quoted"'],
    ],
)
def test_via_cells_keep_names_that_hold_the_separators(items):
    """Names and parties holding the plain spelling's separators are written as JSON and read back exactly."""
    cell = via_cell(items)
    assert json.loads(cell) == items
    assert parse_via(cell) == items


def test_via_cells_read_as_documented():
    """The plain spelling people type reads as names with optional kind and party."""
    assert parse_via("Reuters [agency] | ZeroHedge [media; US]") == [
        {"name": "Reuters", "kind": "agency"},
        {"name": "ZeroHedge", "kind": "media", "party": "US"},
    ]
    assert via_cell(parse_via("Reuters [agency] | ZeroHedge [media; US]")) == (
        "Reuters [agency] | ZeroHedge [media; US]"
    )


def test_a_relay_whose_party_is_a_backslash_round_trips_through_csv():
    """Regression: a relay party of one backslash came back as a source named 'Reuters [agency; \\]'."""
    relay = claimdiff.Source("Reuters", kind="agency", party="\\")
    claim = claimdiff.Claim(
        id="a",
        metric="killed",
        estimate="3",
        scope=claimdiff.Scope(counted="people"),
        source="MoD",
        via=[relay],
    )
    assert loads_claims(dump_claims([claim], format="csv"), format="csv") == [claim]


@pytest.mark.parametrize("cell", ["[not json", '[{"name": 3}]', '[["a"]]', '[{"kind": "media"}]'])
def test_a_bad_json_via_cell_is_a_located_error(cell):
    """A via cell that starts like JSON but is not a list of sources is refused, naming the column."""
    quoted = '"' + cell.replace('"', '""') + '"'
    text = f"id,metric,counted,value,source,via\na,killed,people,3,MoD,{quoted}\n"
    with pytest.raises(ClaimFileError, match=r"via"):
        loads_claims(text, format="csv")


def test_dump_claims_defaults_to_yaml_and_keeps_positional_path(tmp_path):
    """Existing calls keep working: no format means YAML, and the path may be given positionally."""
    seed = load_claims(SEED)
    text = dump_claims(seed)
    assert yaml.safe_load(text)["claimdiff"] == 1
    dump_claims(seed, tmp_path / "out.txt")
    assert load_claims(tmp_path / "out.txt") == seed


# -- the schema -----------------------------------------------------------------------------------


def test_the_schema_is_a_valid_json_schema():
    """The shipped schema is itself valid under the JSON Schema 2020-12 meta-schema."""
    jsonschema.Draft202012Validator.check_schema(claims_schema())


def test_the_loader_and_the_schema_name_the_same_fields():
    """The loader's field lists and the schema agree, so that extending one without the other fails here."""
    schema = claims_schema()
    assert tuple(schema["properties"]) == _files._TOP_FIELDS
    assert tuple(schema["$defs"]["claim"]["properties"]) == _files._CLAIM_FIELDS
    assert tuple(schema["$defs"]["defaults"]["properties"]) == _files._DEFAULTABLE
    assert tuple(schema["$defs"]["estimate"]["properties"]) == _files._ESTIMATE_FIELDS


@given(cs=st.lists(wide_claims, max_size=4, unique_by=lambda c: c.id))
def test_every_written_document_is_valid_under_the_schema(cs):
    """What claimdiff writes passes a reference JSON Schema validator."""
    doc = json.loads(dump_claims(cs, format="json"))
    jsonschema.validate(doc, claims_schema(), cls=jsonschema.Draft202012Validator)


def test_the_seed_is_valid_under_the_schema():
    """The hand-written seed passes a reference JSON Schema validator."""
    doc = yaml.load(SEED.read_text(encoding="utf-8"), Loader=_documents._Loader)  # noqa: S506 - a safe loader
    jsonschema.validate(doc, claims_schema(), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    "claim",
    [
        {"id": "a", "metric": "killed", "value": 1, "source": "x", "colour": "red"},
        {"id": "a", "metric": "killed", "value": {"low": 1, "hedge": "roughly"}, "source": "x"},
        {"id": "a", "metric": "killed", "value": [1, 2], "source": "x"},
        {"id": "a", "metric": "killed", "value": 1, "source": {"name": "x", "colour": "red"}},
        {"id": "", "metric": "killed", "value": 1, "source": "x"},
        {"metric": "killed", "value": 1, "source": "x"},
    ],
)
def test_claimdiff_rejects_what_the_schema_rejects(claim):
    """Structural errors are caught by claimdiff's own check exactly where a reference validator catches them."""
    doc = {"claims": [claim]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, claims_schema(), cls=jsonschema.Draft202012Validator)
    with pytest.raises(ClaimFileError):
        loads_claims(json.dumps(doc), format="json")


def test_the_schema_ships_inside_the_package():
    """The schema is package data next to the code, where an installed wheel has it."""
    path = Path(claimdiff.__file__).parent / "schema" / "claims.schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == claims_schema()


# -- errors name the file, the claim, the line or row, the field -----------------------------------

BAD_YAML = """\
claims:
  - {id: a, metric: killed, counted: people, value: 12, source: MoD, colour: red}
  - {id: b, metric: killed, counted: people, value: -4, source: MoD}
  - {id: c, metric: killed, counted: people, value: 3, source: MoD}
  - id: d
    metric: killed
    counted: people
    value: {low: 1, hedge: roughly}
    source: MoD
"""


def test_a_yaml_file_with_many_bad_claims_reports_all_at_once():
    """Every bad claim is reported, each with its id, location and line."""
    with pytest.raises(ClaimFileErrors) as info:
        loads_claims(BAD_YAML, path="claims.yaml")
    found = [(e.claim_id, e.location, e.line) for e in info.value.exceptions]
    assert found == [
        ("a", "$.claims[0].colour", 2),
        ("b", "$.claims[1].value", 3),
        ("d", "$.claims[3].value.hedge", 8),
    ]
    assert "claims.yaml: claim 'b' ($.claims[1].value, line 3): 'value' is a negative count" in str(
        info.value
    )


def test_a_json_file_reports_lines_too():
    """JSON errors carry the line of the field at fault, found by a second, position-keeping parse."""
    doc = yaml.safe_load(BAD_YAML)
    text = json.dumps(doc, indent=2)
    with pytest.raises(ClaimFileErrors) as info:
        loads_claims(text, format="json", path="claims.json")
    lines = text.splitlines()
    for e in info.value.exceptions:
        field = e.location.split(".")[2]
        assert f'"{field}"' in lines[e.line - 1], (e, lines[e.line - 1])


def test_a_csv_file_reports_rows_by_their_line():
    """CSV errors carry the line the row starts on (the spreadsheet row, with the header as row 1)."""
    text = (
        "id,metric,counted,value,source,source_kind,via\n"
        "a,killed,people,12,MoD,,\n"
        "b,killed,people,-4,MoD,,\n"
        'c,killed,people,3,"Mo\nD",spy,\n'
        "d,killed,people,3,MoD,,A ]\n"
        "e,killed,people,3,,media,\n"
    )
    with pytest.raises(ClaimFileErrors) as info:
        loads_claims(text, format="csv", path="claims.csv")
    found = [(e.claim_id, e.location, e.line) for e in info.value.exceptions]
    assert found == [
        ("b", "$.claims[1].value", 3),
        ("c", "$.claims[2].source", 4),
        ("d", "$.claims[3].via", 6),
        ("e", "$.claims[4].source", 7),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("id,colour\na,red\n", "unknown column 'colour'"),
        ("metric,value\nkilled,1\n", "no 'id' column"),
        ("id,id\na,b\n", "given twice"),
        ("", "is empty"),
        ('id,metric\n"a,killed\n', "not valid CSV"),
    ],
)
def test_a_bad_csv_header_or_syntax_is_one_clear_error(text, reason):
    """A CSV file that cannot be read as a table raises one error that says why."""
    with pytest.raises(ClaimFileError, match=reason):
        loads_claims(text, format="csv")


def test_a_csv_row_with_extra_cells_or_bad_spelled_value_is_rejected():
    """Rows with more cells than columns, or a spelled-out figure that is not a number, are rejected by row."""
    text = "id,metric,counted,value_low,value_high,source\na,killed,people,1,x,M\nb,killed,people,1,2,M,extra\n"
    loaded = loads_claims_lenient(text, format="csv")
    assert [(e.claim_id, e.location) for e in loaded.rejected] == [
        ("a", "$.claims[0].value_high"),
        ("b", "$.claims[1]"),
    ]


def test_unknown_format_is_an_error():
    """Asking for a format claimdiff does not know names the ones it does."""
    with pytest.raises(ClaimFileError, match="yaml, json, csv"):
        loads_claims("claims: []", format="toml")  # type: ignore[arg-type]


# -- lenient mode ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_lenient_reads_keep_good_claims_and_report_every_bad_one(fmt):
    """Nothing is dropped silently: each claim is accepted or rejected with its reason."""
    doc = yaml.safe_load(BAD_YAML)
    if fmt == "csv":
        rows = ["id,metric,counted,value,source"] + [
            f"{c['id']},killed,people,{c['value']},MoD"
            for c in doc["claims"]
            if isinstance(c["value"], int)
        ]
        text = "\n".join(rows) + "\n"
    else:
        text = BAD_YAML if fmt == "yaml" else json.dumps(doc)
    loaded = loads_claims_lenient(text, format=fmt)
    rejected = [e.claim_id for e in loaded.rejected]
    accepted = [c.id for c in loaded.claims]
    assert sorted(accepted + rejected) == sorted(
        c["id"] for c in doc["claims"] if fmt != "csv" or isinstance(c["value"], int)
    )
    assert "b" in rejected
    assert "c" in accepted
    with pytest.raises(ClaimFileErrors if len(rejected) > 1 else ClaimFileError):
        loaded.raise_for_rejected()


def test_lenient_reads_of_a_clean_file_reject_nothing(tmp_path):
    """A lenient read of a good file accepts everything, and raising for rejections does nothing."""
    loaded = load_claims_lenient(SEED)
    assert loaded.rejected == ()
    assert list(loaded.claims) == load_claims(SEED)
    loaded.raise_for_rejected()


# -- hostile input --------------------------------------------------------------------------------


def _laughs(levels: int) -> str:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\nclaims: []\n"


def test_a_billion_laughs_is_refused_before_it_expands():
    """Aliases that would expand to 10**9 values are refused without building them."""
    with pytest.raises(ClaimFileError, match="aliases that expand"):
        loads_claims(_laughs(9))


def test_a_few_aliases_are_fine():
    """Ordinary use of anchors, one source written once and reused, still reads."""
    text = (
        "x: &m {name: MoD, kind: military}\n"
        "claims:\n  - {id: a, metric: killed, counted: people, value: 1, source: *m}\n"
        "  - {id: b, metric: killed, counted: people, value: 2, source: *m}\n"
    )
    with pytest.raises(ClaimFileError, match="unknown field 'x'"):
        loads_claims(text)
    good = text.replace("x: &m", "sources: {mod: &m").replace("military}\n", "military}}\n", 1)
    assert [c.source.name for c in loads_claims(good)] == ["MoD", "MoD"]


def test_an_alias_that_contains_itself_is_refused():
    """A recursive alias is refused, not followed forever."""
    with pytest.raises(ClaimFileError, match="refers to itself"):
        loads_claims("claims: &c [*c]\n")


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("yaml", "claims: " + "[" * 50_000 + "]" * 50_000),
        ("yaml", "claims:\n" + "".join("  " * i + "-\n" for i in range(200))),
        ("json", '{"claims": ' + "[" * 50_000 + "]" * 50_000 + "}"),
    ],
)
def test_deep_nesting_is_a_clear_error(fmt, text):
    """Nesting far deeper than a claims file needs raises a ClaimFileError, not a RecursionError."""
    with pytest.raises(ClaimFileError, match="nested"):
        loads_claims(text, format=fmt)


@pytest.mark.skipif(
    _documents.USES_LIBYAML,
    reason="libyaml reads long lines fast; the limit guards the pure-Python parser",
)
def test_a_huge_line_in_yaml_is_refused_at_once():
    """A YAML line longer than the limit is refused before the slow pure-Python parser sees it."""
    text = "claims: []\ntitle: " + "x" * (_documents.MAX_YAML_LINE + 1) + "\n"
    with pytest.raises(ClaimFileError, match="line longer than") as info:
        loads_claims(text)
    assert info.value.line == 2


def test_a_multi_gigabyte_file_is_refused_without_reading_it(tmp_path):
    """A 3 GB file (sparse: no disk or memory is used) is refused from its size."""
    path = tmp_path / "huge.yaml"
    with path.open("wb") as f:
        f.truncate(3 * 2**30)
    with pytest.raises(ClaimFileError, match="bytes; claimdiff reads files up to"):
        load_claims(path)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_file_is_refused_after_the_limit():
    """A file with no end (its size says 0) is read only up to the limit, then refused."""
    with pytest.raises(ClaimFileError, match="larger than"):
        load_claims("/dev/zero")


def test_a_huge_csv_cell_is_a_clear_error():
    """A CSV cell beyond the csv module's field limit is reported with its line."""
    with pytest.raises(ClaimFileError, match="not valid CSV") as info:
        loads_claims("id,note\na," + "x" * 200_000 + "\n", format="csv")
    assert info.value.line == 2


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_number_too_large_for_a_float_is_a_clear_error(fmt):
    """A 400-digit figure is refused, with its size (issue 18: not as "(got 'inf')"), rather than crashing."""
    doc = (
        '{"claims": [{"id": "a", "metric": "killed", "counted": "people", "value": '
        + "9" * 400
        + ', "source": "M"}]}'
    )
    with pytest.raises(ClaimFileError, match=r"beyond the largest figure .* 400 digits"):
        loads_claims(doc, format=fmt)


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    """Bytes that are not UTF-8 are reported with their line."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"claims:\n  - id: caf\xe9\n")
    with pytest.raises(ClaimFileError, match="not UTF-8") as info:
        load_claims(path)
    assert info.value.line == 2


# -- exporting a report ---------------------------------------------------------------------------


def test_a_report_exports_to_pandas_tables():
    """Each report table becomes a DataFrame with fixed flat columns, one row per item (more in test_frames.py)."""
    pd = pytest.importorskip("pandas")
    report = claimdiff.reconcile(load_claims(SEED))
    groups = report.to_dataframe()
    assert isinstance(groups, pd.DataFrame)
    assert list(groups["id"]) == [g.id for g in report.groups]
    flags = report.to_dataframe("flags")
    assert list(flags["kind"]) == [f.kind.value for f in report.flags]
    assert len(flags) == len(report.flags)
    assert list(report.to_dataframe("rejected").columns) == ["claim", "reason"]
    assert list(report.to_dataframe("claims")["id"]) == [c.id for c in report.claims]
    with pytest.raises(ValueError, match="groups, flags, rejected"):
        report.to_dataframe("claimz")


def test_exporting_without_pandas_names_the_extra(monkeypatch):
    """Without pandas, the error says which extra to install."""
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    report = claimdiff.reconcile(load_claims(SEED))
    with pytest.raises(ImportError, match=r"claimdiff\[pandas\]"):
        report.to_dataframe()


# -- files round-trip as documents ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_saving_a_loaded_file_keeps_it_a_document(fmt):
    """#12.2: the seed saved with ``like=`` keeps its sections, defaults, source keys and Moscow days, and reads back equal."""
    loaded = load_claims_lenient(SEED)
    text = dump_claims(loaded.claims, format=fmt, like=loaded)
    assert loads_claims(text, format=fmt) == list(loaded.claims)
    doc = yaml.safe_load(text)
    for section in ("title", "timezone", "defaults", "sources", "metrics"):
        assert doc[section] == loaded.sections[section]
    assert "T00:00" not in text  # days stay days in the file's timezone
    assert all(
        "period" not in c or c["period"] != "2023-12-30" for c in doc["claims"]
    )  # the default is not repeated
    assert "zerohedge" in [c["source"] for c in doc["claims"]]  # sources by key
    written = (
        len(yaml.safe_dump(doc, sort_keys=False).splitlines())
        if fmt == "json"
        else len(text.splitlines())
    )
    code = [
        line
        for line in SEED.read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert written < 1.3 * len(code)


def test_a_saved_document_keeps_claims_that_differ_from_the_defaults():
    """#12.2: a claim that leaves a default (no place, another period, no via) is written with what it differs in."""
    text = """timezone: Europe/Moscow
defaults: {place: Russia, period: 2023-12, source: mod, via: [tass]}
sources: {mod: {name: MoD, kind: military}, tass: {name: TASS, kind: agency}}
claims:
  - {id: a, metric: killed, counted: people, value: 3}
  - {id: b, metric: killed, counted: people, value: 4, place: null, period: 2023, via: [], source: Reuters}
  - {id: c, metric: killed, counted: people, value: 5, period: '2023-12-30T14:00'}
"""
    loaded = loads_claims_lenient(text)
    out = dump_claims(loaded.claims, like=loaded)
    assert loads_claims(out) == list(loaded.claims)
    rows = yaml.safe_load(out)["claims"]
    assert rows[0] == {"id": "a", "metric": "killed", "counted": "people", "value": 3}
    assert rows[1]["period"] == "2023"
    assert rows[1]["place"] is None
    assert rows[1]["via"] == []
    assert rows[2]["period"] == "2023-12-30T14:00:00+03:00"


def test_the_fast_type_check_uses_the_schemas_words():
    """#10.4: the one-pass check that lets plain claims skip the schema walk accepts exactly the schema's words."""
    from claimdiff._formats import schema as _schema

    defs = claims_schema()["$defs"]
    assert set(defs["estimate"]["properties"]["hedge"]["enum"]) == _schema._HEDGE_WORDS
    assert set(defs["bound"]["anyOf"][1]["enum"]) == _schema._BOUND_WORDS


@settings(max_examples=ROUND_TRIP_EXAMPLES)
@given(
    claim=st.dictionaries(
        st.sampled_from([*_files._CLAIM_FIELDS, "colour"]),
        st.none()
        | st.booleans()
        | st.integers()
        | st.text(max_size=3)
        | st.lists(st.text(max_size=2))
        | st.dictionaries(
            st.sampled_from(["name", "kind", "party", "low", "hedge"]), st.text(max_size=2)
        ),
        max_size=6,
    )
)
def test_the_fast_type_check_never_passes_what_the_schema_refuses(claim):
    """#10.4: skipping the schema walk is safe: whatever the fast check passes, the JSON Schema accepts."""
    from claimdiff._formats.schema import fits_claim_fast

    claim.setdefault("id", "a")
    if fits_claim_fast(claim):
        jsonschema.validate({"claims": [claim]}, claims_schema())
