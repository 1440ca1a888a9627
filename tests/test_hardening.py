"""Regression tests for the hardening pass (issue 13) and loud, located errors (issue 12, point 1).

Each test names the defect it guards; each failed before its fix.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from zoneinfo import ZoneInfo

import pytest

from claimdiff import (
    ClaimdiffError,
    Period,
    dump_claims,
    load_claims,
    load_claims_lenient,
    loads_claims,
    loads_claims_lenient,
)
from claimdiff._formats import documents as _documents
from claimdiff._model.composite import parse_composite
from claimdiff._model.units import unit_info
from claimdiff.exceptions import (
    ClaimFileError,
    ClaimFileErrors,
    InvalidClaimError,
    InvalidEstimateError,
    InvalidUnitError,
)
from claimdiff.hedges import parse_estimate
from conftest import SEED

ONE = "claims:\n  - {id: a, metric: killed, counted: people, value: 12, source: MoD}\n"


def _claim(**fields: object) -> str:
    """A one-claim YAML document with the given fields over a valid claim."""
    base: dict[str, object] = {
        "id": "a",
        "metric": "killed",
        "counted": "people",
        "value": 12,
        "source": "MoD",
    }
    base.update(fields)
    return json.dumps({"claims": [base]})


# -- 1. unbounded text to pint -------------------------------------------------------------------


def test_a_long_unit_after_a_figure_is_refused_before_pint_sees_it():
    """#13.1: a megabyte of text after a number is refused as too long a unit, not parsed for minutes."""
    with pytest.raises(InvalidEstimateError, match="longer than"):
        parse_estimate("5 " + "m" * 1_000_000)


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_a_long_unit_field_is_a_located_error(fmt):
    """#13.1: a 1 MB ``unit`` field is refused with the claim and field named, in every format."""
    if fmt == "csv":
        text = "id,metric,counted,value,unit,source\na,killed,people,5," + "m" * 100_000 + ",MoD\n"
    else:
        text = _claim(unit="m" * 1_000_000)
    with pytest.raises(ClaimFileError, match="longer than") as info:
        loads_claims(text, format=fmt)
    assert info.value.location == "$.claims[0].unit"


def test_a_unit_with_an_infinite_exponent_is_refused():
    """#13.16: ``m**1e400`` is not a unit."""
    with pytest.raises(InvalidUnitError, match="power"):
        unit_info("m**1e400")
    with pytest.raises(ClaimFileError, match="power"):
        loads_claims(_claim(metric="distance", counted=None, unit="m**1e400"), format="json")


# -- 3. foreign exceptions -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_an_integer_of_thousands_of_digits_is_a_claimdiff_error(fmt):
    """#13.3: integers over Python's 4,300-digit conversion limit are refused as claimdiff errors."""
    digits = "9" * 5000
    if fmt == "csv":
        text = f"id,metric,counted,value,source\na,killed,people,{digits},MoD\n"
    else:
        text = _claim().replace("12", digits)
    with pytest.raises(ClaimFileError):
        loads_claims(text, format=fmt)


@pytest.mark.parametrize("name", ["+25:00", "-24:00", "+99:99"])
def test_an_offset_beyond_a_day_is_a_located_error(name):
    """#13.3: ``timezone: +25:00`` is a claimdiff error at ``$.timezone``, not a ValueError."""
    with pytest.raises(ClaimFileError) as info:
        loads_claims(f"timezone: '{name}'\n" + ONE)
    assert info.value.location == "$.timezone"


@pytest.mark.parametrize(
    "text", ["9999-12-31", "9999-12", "0000-05", "0000-01-01", "9999", "9999-W52"]
)
def test_periods_at_the_end_of_the_calendar_are_claimdiff_errors(text):
    """#13.3: days, months and years whose end is beyond year 9999 (or before year 1) are refused cleanly."""
    with pytest.raises(InvalidClaimError):
        Period.parse(text)


def test_a_period_repeated_thousands_of_times_is_refused_without_recursion():
    """#13.3: a period string of thousands of '/'-joined parts is refused, not a RecursionError."""
    with pytest.raises(InvalidClaimError, match=r"longer than|start/end"):
        Period.parse("/".join(["2023-01-01"] * 5000))


# -- 4. overflow -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["fewer than 1" + "0" * 400, "between 1 and 1" + "0" * 400, "1" + "0" * 400]
)
def test_figures_beyond_the_float_range_are_refused(text):
    """#13.4: 10^400 is not read as infinity (which would make "fewer than" unbounded)."""
    with pytest.raises(InvalidEstimateError, match="too large"):
        parse_estimate(text)


def test_a_bound_beyond_the_float_range_in_json_is_refused():
    """#13.4: ``value_high: 1e400`` (read by JSON as infinity) is refused, not taken as unbounded."""
    text = '{"claims": [{"id": "a", "metric": "killed", "counted": "people", "value": {"low": 1, "high": 1e400}, "source": "M"}]}'
    with pytest.raises(ClaimFileError, match="finite"):
        loads_claims(text, format="json")


def test_a_csv_bound_beyond_the_float_range_is_refused():
    """#13.4: a spelled-out CSV bound of 1e400 is refused (only the words ``inf``/``-inf`` mean unbounded)."""
    text = "id,metric,counted,value_low,value_high,source\na,killed,people,1,1e400,MoD\n"
    with pytest.raises(ClaimFileError, match="'1e400', beyond the largest figure"):
        loads_claims(text, format="csv")


# -- 5. duplicate keys -----------------------------------------------------------------------------


def test_a_second_claims_key_is_a_located_error_naming_both_lines():
    """#13.5: a second ``claims: []`` does not silently drop every claim."""
    with pytest.raises(ClaimFileError, match=r"'claims' twice \(lines 1 and 3\)") as info:
        loads_claims(ONE + "claims: []\n")
    assert info.value.line == 3


def test_a_repeated_field_in_a_claim_is_a_located_error():
    """#13.5: ``value: 12`` then ``value: 99`` is an error at the claim, not 99."""
    text = "claims:\n  - id: a\n    metric: killed\n    value: 12\n    value: 99\n    source: M\n"
    with pytest.raises(ClaimFileError, match=r"'value' twice \(lines 4 and 5\)") as info:
        loads_claims(text)
    assert info.value.location == "$.claims[0].value"


def test_a_repeated_key_in_json_is_a_located_error():
    """#13.5: JSON objects with a key twice are refused too, with both lines."""
    text = '{"claims": [{"id": "a", "metric": "killed", "counted": "people",\n"value": 12,\n"value": 99, "source": "M"}]}'
    with pytest.raises(ClaimFileError, match=r"'value' twice \(lines 2 and 3\)"):
        loads_claims(text, format="json")


# -- 8. alias expansion by size, short messages ----------------------------------------------------


def test_aliases_that_expand_a_long_text_many_times_are_refused():
    """#13.8: few aliases to a long value expand the document by size, and that is bounded."""
    long = "x" * 100_000
    text = f"title: &t {long}\ndescription: [" + ", ".join(["*t"] * 200) + "]\n" + ONE
    with pytest.raises(ClaimFileError, match="aliases that expand"):
        loads_claims(text)


def test_an_error_message_cuts_a_long_bad_value():
    """#13.8: a megabyte-long bad value is not repeated whole in the message."""
    with pytest.raises(ClaimFileError) as info:
        loads_claims(_claim(metric=["x" * 1_000_000]), format="json")
    assert len(str(info.value)) < 1000


# -- 10. CSV export --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note", ['=HYPERLINK("http://x")', "+SUM(1)", "-1+2", "@SUM(A1)", "\t=1", "'=1", "''"]
)
def test_csv_cells_that_a_spreadsheet_runs_as_formulas_are_escaped_and_read_back(note):
    """#13.10: cells starting with = + - @ tab or CR are written behind a quote (OWASP) and read back whole."""
    claims = loads_claims(_claim(note=note), format="json")
    text = dump_claims(claims, format="csv")
    header, row = csv.reader(io.StringIO(text, newline=""))
    cell = row[header.index("note")]
    assert cell[0] not in "=+-@\t\r"
    assert loads_claims(text, format="csv") == claims


def test_a_carriage_return_in_a_csv_cell_keeps_the_row_whole():
    """#13.10: ``note='\\r0'`` reloads as one claim with its note, not an extra row."""
    claims = loads_claims(_claim(note="\r0"), format="json")
    assert loads_claims(dump_claims(claims, format="csv"), format="csv") == claims


# -- 11. YAML line-break characters ------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029", "\x1b"])
def test_yaml_round_trips_keep_unicode_line_breaks(char):
    """#13.11: U+0085 (and the other characters YAML treats as breaks) survive a YAML round trip."""
    claims = loads_claims(_claim(note=f"a{char}b", quote=f"{char}"), format="json")
    assert loads_claims(dump_claims(claims, format="yaml")) == claims


# -- 12, 13. periods -------------------------------------------------------------------------------


def test_a_reversed_period_is_an_error():
    """#13.12: ``2023-12-30/2023-12-29`` ends before it starts: refused, not an instant."""
    with pytest.raises(InvalidClaimError, match="ends before it starts"):
        Period.parse("2023-12-30/2023-12-29")


def test_instants_an_hour_apart_in_a_fold_are_unequal():
    """#13.13: 01:30 before and after the clocks go back are different instants, and equal periods hash alike."""
    tz = ZoneInfo("Europe/London")
    first = dt.datetime(2023, 10, 29, 1, 30, tzinfo=tz)
    second = first.replace(fold=1)
    assert Period.instant(first) != Period.instant(second)
    utc = Period.instant(first.astimezone(dt.UTC))
    assert Period.instant(first) == utc
    assert hash(Period.instant(first)) == hash(utc)


def test_a_day_ending_in_a_dst_gap_equals_itself_after_a_round_trip():
    """#13.13: a Santiago day whose next midnight does not exist reads back equal from its text."""
    tz = ZoneInfo("America/Santiago")
    day = Period.day(dt.date(2023, 9, 2), tz)
    assert Period.parse(day.isoformat()) == day


# -- 15. control characters ------------------------------------------------------------------------


def test_control_characters_in_keys_do_not_reach_the_terminal():
    """#13.15: an escape sequence in a key or header is shown escaped in the message."""
    with pytest.raises(ClaimFileError) as info:
        loads_claims(_claim(**{"\x1b[2J": 1}), format="json")
    assert "\x1b" not in str(info.value)
    assert "\\x1b" in str(info.value)
    with pytest.raises(ClaimFileError) as info:
        loads_claims("id,\x1b[2J\na,1\n", format="csv")
    assert "\x1b" not in str(info.value)


# -- 16. minor -------------------------------------------------------------------------------------


def test_true_is_not_format_version_one():
    """#13.16: ``claimdiff: true`` is not accepted as version 1."""
    with pytest.raises(ClaimFileError, match="version"):
        loads_claims("claimdiff: true\n" + ONE)


@pytest.mark.parametrize("text", ["\u0661\u0664", "1\u0664", "\uff11\uff14"])
def test_digits_of_other_scripts_are_refused(text):
    """#13.16: claimdiff reads ASCII digits only (documented): Arabic-Indic "14" is refused, not read as 14."""
    with pytest.raises(InvalidEstimateError):
        parse_estimate(text)


def test_a_spaced_scale_suffix_reads_like_the_joined_one():
    """#13.16: "1 bn" is 10^9 like "1bn"; "3 mn" like "3mn"."""
    assert parse_estimate("1 bn").point == parse_estimate("1bn").point == 1e9
    assert parse_estimate("3 mn").point == 3e6


def test_a_child_is_one():
    """#12.1: "17, including a child" states one child."""
    composite = parse_composite("17, including a child")
    assert composite is not None
    assert [(what, e.point) for what, e in composite.parts] == [("children", 1.0)]


# -- issue 12, point 1: loud, located, complete errors ---------------------------------------------


def test_duplicate_ids_are_an_error_naming_both_places():
    """#12.1/#13.16: a copy-pasted id is refused with both lines, not silently rejected at reconcile time."""
    text = ONE + "  - {id: a, metric: killed, counted: people, value: 40, source: MoD}\n"
    with pytest.raises(
        ClaimFileError, match=r"id 'a' is also the id of \$\.claims\[0\] \(line 2\)"
    ) as info:
        loads_claims(text)
    assert (info.value.location, info.value.line) == ("$.claims[1].id", 3)
    loaded = loads_claims_lenient(text)
    assert [c.id for c in loaded.claims] == ["a"]
    assert len(loaded.rejected) == 1


def test_the_files_timezone_applies_to_naive_times():
    """#12.1: with ``timezone:``, a time without an offset is a local time there."""
    text = "timezone: Europe/Moscow\n" + ONE.replace(
        "source: MoD", "source: MoD, stated: '2023-12-30T14:00'"
    )
    (claim,) = loads_claims(text)
    assert claim.stated is not None
    assert claim.stated.start == dt.datetime(2023, 12, 30, 11, tzinfo=dt.UTC)


def test_naive_times_without_a_timezone_name_the_stated_field():
    """#12.1: without ``timezone:`` a naive time is refused, and the message names ``stated``, not ``period``."""
    with pytest.raises(ClaimFileError) as info:
        loads_claims(ONE.replace("source: MoD", "source: MoD, stated: '2023-12-30T14:00'"))
    assert info.value.location == "$.claims[0].stated"
    assert "'stated'" in info.value.reason
    assert "'period'" not in info.value.reason


def test_a_local_time_that_does_not_exist_or_is_ambiguous_is_refused():
    """#12.1: 02:30 on the spring-forward day does not exist; 01:30 on the fall-back day happens twice."""
    with pytest.raises(InvalidClaimError, match="does not exist"):
        Period.parse("2023-03-26T02:30", ZoneInfo("Europe/Berlin"), local_times=True)
    with pytest.raises(InvalidClaimError, match="happens twice"):
        Period.parse("2023-10-29T02:30", ZoneInfo("Europe/Berlin"), local_times=True)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2023", dt.date(2023, 1, 1), dt.date(2024, 1, 1)),
        ("2023-W01", dt.date(2023, 1, 2), dt.date(2023, 1, 9)),
        ("2023-W52-7", dt.date(2023, 12, 31), dt.date(2024, 1, 1)),
        ("2023-01-01/P1W", dt.date(2023, 1, 1), dt.date(2023, 1, 8)),
        ("P1M/2023-02-28", dt.date(2023, 2, 1), dt.date(2023, 3, 1)),
        ("2023-01-31/P1M", dt.date(2023, 1, 31), dt.date(2023, 2, 28)),
        ("2022/2023", dt.date(2022, 1, 1), dt.date(2024, 1, 1)),
    ],
)
def test_years_weeks_and_durations_are_periods(text, start, end):
    """#12.1: a year, an ISO week, and an interval given by a start or end and a duration are periods."""
    p = Period.parse(text)
    assert (p.start, p.end) == (
        dt.datetime.combine(start, dt.time(), dt.UTC),
        dt.datetime.combine(end, dt.time(), dt.UTC),
    )


def test_a_duration_alone_is_not_a_period():
    """#12.1: ``P1D`` says how long but not when."""
    with pytest.raises(InvalidClaimError, match="duration"):
        Period.parse("P1D")


def test_every_problem_of_a_claim_is_reported_at_once_in_the_users_field_names():
    """#12.1: a claim with a bad value, a bad period and a bad stated time reports all three, named as written."""
    text = _claim(value=-4, period="yesterday", stated="2023-13-45")
    with pytest.raises(ClaimFileErrors) as info:
        loads_claims(text, format="json")
    locations = [e.location for e in info.value.exceptions]
    assert locations == ["$.claims[0].value", "$.claims[0].period", "$.claims[0].stated"]
    assert all(
        "'estimate'" not in e.reason and "'text'" not in e.reason for e in info.value.exceptions
    )


@pytest.mark.parametrize(
    ("field", "typo", "right"), [("metric", "kiled", "killed"), ("counted", "peple", "people")]
)
def test_a_misspelt_metric_or_counted_thing_is_an_error_with_a_suggestion(field, typo, right):
    """#12.1: typos do not split groups silently: "kiled" is refused with "did you mean 'killed'"."""
    with pytest.raises(ClaimFileError, match=f"did you mean '{right}'") as info:
        loads_claims(_claim(**{field: typo}), format="json")
    assert info.value.location == f"$.claims[0].{field}"


def test_a_metric_or_counted_thing_declared_in_the_file_is_accepted():
    """#12.1: the file's own vocabulary makes a new word known."""
    doc = {
        "metrics": {"kiled": {}},
        "counted": {"peple": "peple"},
        "claims": [{"id": "a", "metric": "kiled", "counted": "peple", "value": 1, "source": "M"}],
    }
    (claim,) = loads_claims(json.dumps(doc), format="json")
    assert (claim.metric.name, claim.scope.counted) == ("kiled", "peple")


def test_a_new_metric_far_from_any_known_one_is_a_new_metric():
    """#12.1: metrics are an open set: "without power" is a new (non-cumulative) metric, not a typo of a known one."""
    (claim,) = loads_claims(_claim(metric="without power", counted="homes"), format="json")
    assert (claim.metric.name, claim.metric.cumulative) == ("without power", False)


def test_a_unit_that_does_not_fit_a_count_is_an_error():
    """#12.1: "killed people: 20 km" is refused: a count of people takes no length."""
    with pytest.raises(ClaimFileError, match="counts 'people'") as info:
        loads_claims(_claim(value="20 km"), format="json")
    assert info.value.location == "$.claims[0].value"


# -- loaders ---------------------------------------------------------------------------------------


def test_yaml_is_composed_by_libyaml_when_present():
    """#10.4: the fast C composer is used when PyYAML was built with libyaml, with the limits still applied."""
    import yaml

    assert bool(getattr(yaml, "__with_libyaml__", False)) == _documents.USES_LIBYAML
    with pytest.raises(ClaimFileError, match="nested"):
        loads_claims("claims: " + "[" * 200 + "]" * 200)


def test_the_seed_loads_unchanged():
    """The stricter loader still reads the seed exactly as a lenient read does, with nothing rejected."""
    assert load_claims_lenient(SEED).rejected == ()
    assert len(load_claims(SEED)) > 20


def test_only_claimdiff_errors_come_out_of_a_hostile_sample():
    """A handful of hostile documents each end in a claimdiff error (the fuzz suite generalises this)."""
    hostile = [
        ("yaml", "claims: !!python/object:os.system [ls]"),
        ("yaml", "claims: [&a [*a]]"),
        ("json", '{"claims": [{"id": 1e999}]}'),
        ("csv", "id,period\na," + "/".join(["2023"] * 3000) + "\n"),
        ("yaml", "timezone: '+24:00'\nclaims: []"),
        ("json", '{"claims": [], "timezone": "Mars/Olympus"}'),
    ]
    for fmt, text in hostile:
        with pytest.raises(ClaimdiffError):
            loads_claims(text, format=fmt)


def test_a_misspelt_metric_in_a_relation_is_an_error_too():
    """#12.1: a declared relation with a typo does not silently relate nothing."""
    text = (
        ONE
        + "relations:\n  - {whole: {metric: kiled, counted: people}, parts: [{counted: adults}]}\n"
    )
    with pytest.raises(ClaimFileError, match="did you mean 'killed'") as info:
        loads_claims(text)
    assert info.value.location == "$.relations[0].whole"


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_claims_with_near_miss_words_built_in_python_still_round_trip(fmt):
    """#12.2: a file written by claimdiff declares the near-miss words it uses, so reading it back does not refuse them."""
    from claimdiff import Claim, Scope

    claim = Claim(id="a", metric="kiled", estimate=3, scope=Scope(counted="peple"), source="MoD")
    assert loads_claims(dump_claims([claim], format=fmt), format=fmt) == [claim]


def test_a_megabyte_word_or_value_is_read_or_refused_in_short():
    """#13.8: a huge new metric is a new metric (never a near miss); a huge bad value is refused in a short message."""
    (claim,) = loads_claims(_claim(metric="m" * 1_000_000), format="json")
    assert len(claim.metric.name) == 1_000_000
    with pytest.raises(ClaimFileError) as info:
        loads_claims(_claim(value="x" * 1_000_000), format="json")
    assert len(str(info.value)) < 1000


# -- issue 21, item 8: what a reader returns reconciles as it is ---------------------------------------------


def test_reconcile_takes_what_a_reader_returns_and_reports_its_rejected_rows(tmp_path):
    """Defect: ``reconcile(load_claims_lenient(path))`` raised TypeError ('LoadedClaims' object is not iterable)
    and the rows a reader rejected never reached ``Report.rejected`` in Python (only the CLI added them)."""
    from claimdiff import reconcile

    path = tmp_path / "claims.yaml"
    path.write_text(
        "relations:\n  - {kind: series, daily: new cases, cumulative: cases}\n"
        "withdrawals:\n  - {claim: c}\n"
        "claims:\n"
        "  - {id: a, metric: killed, counted: people, value: 12, source: MoD}\n"
        "  - {id: b, metric: killed, counted: people, value: -4, source: MoD}\n"
        "  - {id: c, metric: killed, counted: people, value: 14, source: AP}\n",
        encoding="utf-8",
    )
    loaded = load_claims_lenient(path)
    report = reconcile(loaded)
    by_hand = reconcile(loaded.claims, relations=loaded.relations, withdrawals=loaded.withdrawals)
    assert (report.groups, report.flags, report.claims) == (
        by_hand.groups,
        by_hand.flags,
        by_hand.claims,
    )
    assert [r.claim_id for r in report.rejected] == ["b"]
    assert report.rejected[0].reason.startswith("$.claims[1].value: 'value' is a negative count")
    assert [g.withdrawn for g in report.groups] == [("c",)]
    assert report.to_dataframe("rejected")["claim"].tolist() == ["b"]


def test_every_test_the_threat_model_names_exists():
    """Each promise of docs/threat-model.md names its tests; a renamed or removed test breaks the page, so this
    checks that every ``tests/<file>.py::<test>`` it names is defined in that file."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    page = (root / "docs" / "threat-model.md").read_text(encoding="utf-8")
    named = 0
    for row in page.splitlines():
        current = None  # ``::test_x`` is a test of the file named last in the row
        for path, test in re.findall(r"`(tests/\w+\.py)?(?:::)?(test_\w+)?`", row):
            current = path or current
            if path:
                assert (root / path).exists(), path
            if test:
                assert current is not None, row
                assert f"def {test}(" in (root / current).read_text(encoding="utf-8"), (
                    current,
                    test,
                )
                named += 1
    assert named >= 30


def test_an_unreadable_figure_names_its_claim_in_python_as_in_files(tmp_path):
    """A claim built in Python names itself and 'estimate', as a claims file names the claim and 'value';
    the parser's own error is the cause, so the reason reads the same on both paths."""
    from claimdiff import Claim, Scope

    with pytest.raises(
        InvalidClaimError, match=r"^claim 'c1': 'estimate' has 'flurbs' after"
    ) as info:
        Claim(id="c1", metric="killed", estimate="20 flurbs", source="MoD")
    assert info.value.claim_id == "c1"
    assert info.value.field == "estimate"
    assert isinstance(info.value.__cause__, InvalidEstimateError)
    with pytest.raises(InvalidClaimError, match="claim 'c2': 'estimate' has a minus sign"):
        Claim(id="c2", metric="killed", estimate="-3", scope=Scope(counted="people"), source="MoD")
    path = tmp_path / "claims.yaml"
    path.write_text(
        'claims:\n  - {id: c2, metric: killed, counted: people, value: "-3", source: MoD}\n',
        encoding="utf-8",
    )
    with pytest.raises(
        ClaimFileError, match=r"claim 'c2' .*'value' has a minus sign before the figure"
    ):
        load_claims(path)


@pytest.mark.parametrize("minus", ["-", "\u2212", "\u2013"])
@pytest.mark.parametrize("figure", ["3", "1,200", "3 to 5", "12 km", "1.5 million"])
def test_a_signed_figure_in_words_says_so(minus, figure):
    """A figure that reads without its sign is refused for the sign, not as unreadable; a lone sign is unreadable."""
    parse_estimate(figure)  # reads without the sign
    with pytest.raises(InvalidEstimateError, match="minus sign before the figure"):
        parse_estimate(minus + figure)
    with pytest.raises(InvalidEstimateError, match="holds no figure"):
        parse_estimate(minus + "x")
