"""The command line: exit codes, text and the JSON contract."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimdiff.cli import main
from conftest import SEED


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


def test_check_seed_text() -> None:
    """The seed checks clean (exit 0) and the report names groups, figures and sources."""
    code, text = run("check", str(SEED))
    assert code == 0
    assert "injured: people in Russia > Belgorod Oblast > Belgorod" in text
    assert "over 100" in text
    assert "Russian Ministry of Defence, via ZeroHedge" in text
    assert "No contradiction." in text


def test_check_seed_json_contract() -> None:
    """--format json gives the documented top-level object: groups with key fields, low/high/best/unit/claims;
    flags with kind/severity/claims/message."""
    code, text = run("check", str(SEED), "--format", "json")
    assert code == 0
    doc = json.loads(text)
    assert doc["format"] == "claimdiff-report"
    assert doc["version"] == 1
    for g in doc["groups"]:
        for key in (
            "id",
            "metric",
            "counted",
            "place",
            "event",
            "period",
            "low",
            "high",
            "best",
            "unit",
            "claims",
        ):
            assert key in g
    for f in doc["flags"]:
        assert set(f) >= {"kind", "severity", "claims", "message"}
    injured = next(g for g in doc["groups"] if "mod-belgorod-injured" in g["claims"])
    assert (injured["low"], injured["high"], injured["best"], injured["unit"]) == (
        108,
        108,
        108,
        "",
    )


def write(tmp_path: Path, text: str) -> str:
    p = tmp_path / "claims.yaml"
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_contradiction_exits_1(tmp_path: Path) -> None:
    """A contradiction makes the exit status 1 (12 against at least 14 is only a discrepancy now: small counts)."""
    path = write(
        tmp_path,
        """
defaults: {metric: killed, counted: people, place: X, stated: 2024-01-01}
claims:
  - {id: a, value: 12, source: A}
  - {id: b, value: at least 20, source: B}
""",
    )
    code, text = run("check", path)
    assert code == 1
    assert "CONTRADICTIONS FOUND" in text


def test_bad_input_exits_2_naming_file_claim_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A negative count exits 2; the message names the file, the claim, the field and the line."""
    path = write(
        tmp_path,
        """
claims:
  - id: ok
    metric: killed
    counted: people
    value: 3
    source: A
  - id: mod-2
    metric: killed
    counted: people
    value: -4
    source: A
""",
    )
    code, _ = run("check", path)
    assert code == 2
    err = capsys.readouterr().err
    assert path in err
    assert "'mod-2'" in err
    assert "$.claims[1].value" in err
    assert "line 11" in err
    assert "negative" in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not exist exits 2 with its name."""
    code, _ = run("check", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "nope.yaml" in capsys.readouterr().err


def test_policy_option(tmp_path: Path) -> None:
    """--policy acled reads 'dozens' as 12 and picks the most conservative figure."""
    path = write(
        tmp_path,
        "claims:\n  - {id: a, metric: killed, counted: people, value: dozens, source: A}\n",
    )
    code, text = run("check", path, "--policy", "acled", "--format", "json")
    assert code == 0
    assert json.loads(text)["groups"][0]["best"] == 12


def test_console_script_runs() -> None:
    """`python -m claimdiff check` works as an installed command would."""
    done = subprocess.run(
        [sys.executable, "-m", "claimdiff", "check", str(SEED), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["contradictions"] == 0


# -- the workflow options: stdin, -o, --version, severities, colour, progress, exit codes ----------------------

PART_EXCEEDS_WHOLE = """
defaults: {metric: injured, place: X, stated: 2024-01-01}
claims:
  - {id: all, counted: people, value: 10, source: A}
  - {id: kids, counted: children, value: 20, source: B}
"""


def run_full(*args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_dash_reads_stdin_in_the_format_asked() -> None:
    """`-` reads the claims from standard input: YAML by default, CSV with --input-format csv."""
    code, out, _ = run_full("check", "-", "--format", "json", stdin=PART_EXCEEDS_WHOLE)
    assert code == 1
    doc = json.loads(out)
    assert doc["file"] == "<stdin>"
    assert doc["summary"]["claims"] == 2
    csv_text = "id,metric,counted,value,source\na,killed,people,at least 14,MoD\n"
    code, out, _ = run_full(
        "check", "-", "--input-format", "csv", "--format", "json", stdin=csv_text
    )
    assert code == 0
    assert json.loads(out)["groups"][0]["low"] == 14


def test_output_option_writes_the_report_to_a_file(tmp_path: Path) -> None:
    """-o writes the report to the file and nothing to stdout; the exit status is unchanged."""
    target = tmp_path / "report.json"
    code, out, _ = run_full("check", str(SEED), "--format", "json", "-o", str(target))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["claims"] > 0


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints 'claimdiff X.Y.Z' and exits 0."""
    import claimdiff

    code, _, _ = run_full("--version")
    assert code == 0
    assert capsys.readouterr().out.strip() == f"claimdiff {claimdiff.__version__}"


def test_any_error_severity_flag_fails_by_default() -> None:
    """A part larger than its whole (an error-severity arithmetic flag, not a contradiction) exits 1."""
    code, out, _ = run_full("check", "-", stdin=PART_EXCEEDS_WHOLE)
    assert code == 1
    assert "ERROR, a part exceeds its whole:" in out
    assert "No contradiction, but flags at the failing severity." in out


PRECISION_GAP = (
    "claims: [{id: a, metric: killed, counted: people, value: 'at least 3', source: A},"
    " {id: b, metric: killed, counted: people, value: 3, source: B}]"
)


def test_fail_on_chooses_the_failing_severity() -> None:
    """--fail-on never exits 0 despite an error flag; --fail-on info fails on a mere precision gap."""
    assert run_full("check", "-", "--fail-on", "never", stdin=PRECISION_GAP)[0] == 0
    assert run_full("check", "-", "--fail-on", "never", stdin=PART_EXCEEDS_WHOLE)[0] == 0
    assert run_full("check", "-", stdin=PRECISION_GAP)[0] == 0
    assert run_full("check", "-", "--fail-on", "info", stdin=PRECISION_GAP)[0] == 1


def test_min_severity_hides_lesser_flags_but_not_the_verdict() -> None:
    """--min-severity error drops info flags from text and JSON; the exit status still counts every flag."""
    code, out, _ = run_full(
        "check", "-", "--min-severity", "error", "--format", "json", stdin=PART_EXCEEDS_WHOLE
    )
    doc = json.loads(out)
    assert code == 1
    assert [f["kind"] for f in doc["flags"]] == ["part_exceeds_whole"]
    code, out, _ = run_full(
        "check", "-", "--min-severity", "error", "--fail-on", "info", stdin=PRECISION_GAP
    )
    assert code == 1
    assert "precision_gap" not in out


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """Colour is used on a terminal, never in a pipe, never when NO_COLOR is set, always with --color always."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = _Terminal()
    main(["check", "-"], out=terminal, err=io.StringIO(), stdin=io.StringIO(PART_EXCEEDS_WHOLE))
    assert "\x1b[1;31mERROR\x1b[0m, a part exceeds its whole" in terminal.getvalue()
    assert "\x1b[" not in run_full("check", "-", stdin=PART_EXCEEDS_WHOLE)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = _Terminal()
    main(["check", "-"], out=terminal, err=io.StringIO(), stdin=io.StringIO(PART_EXCEEDS_WHOLE))
    assert "\x1b[" not in terminal.getvalue()
    assert "\x1b[" in run_full("check", "-", "--color", "always", stdin=PART_EXCEEDS_WHOLE)[1]


def test_progress_goes_to_stderr() -> None:
    """--progress always names each step and its duration on stderr, leaving stdout the report alone."""
    code, out, err = run_full("check", str(SEED), "--progress", "always", "--format", "json")
    assert code == 0
    json.loads(out)
    assert "claimdiff: reading " in err
    assert "claimdiff: reconciling " in err
    assert "done in" in err
    assert run_full("check", str(SEED))[2] == ""  # not a terminal: silent


def test_a_bug_exits_3_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception that is not a claimdiff error exits 3 (never 1, the code for findings) with one line."""
    import claimdiff.cli._commands

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(claimdiff.cli._commands, "reconcile", broken)
    code, out, err = run_full("check", str(SEED))
    assert code == 3
    assert out == ""
    assert err.count("\n") == 1
    assert "internal error (RuntimeError: boom" in err


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--published", "9999-12-31"),
        ("--published", "2023-13-01"),
        ("--published", "0000-05"),
        ("--timezone", "+25:00"),
        ("--timezone", "Mars/Olympus"),
    ],
)
def test_bad_extract_options_exit_2(
    tmp_path: Path, option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A publication date or timezone claimdiff cannot use is bad input (exit 2) naming the option."""
    article = tmp_path / "a.txt"
    article.write_text("At least 14 people were killed.", encoding="utf-8")
    args = ["extract", str(article), "--published", "2023-12-30", option, value]
    code, _, _ = run_full(*args)
    assert code == 2
    assert option in capsys.readouterr().err


def test_control_characters_are_escaped_in_messages(tmp_path: Path) -> None:
    """An escape sequence in a claim id reaches stderr as text (\\x1b), never as a terminal command."""
    path = write(
        tmp_path,
        'claims:\n  - {id: "a\\e[2J\\x9b", metric: killed, counted: people, value: -4, source: A}\n',
    )
    code, _, err = run_full("check", path)
    assert code == 2
    assert "\x1b" not in err
    assert "\x9b" not in err
    assert "a\\x1b[2J\\x9b" in err


def test_control_characters_are_escaped_in_reports() -> None:
    """A source name with an escape sequence is printed escaped in the text report and the JSON output."""
    text = (
        'claims: [{id: a, metric: killed, counted: people, value: 3, source: "Evil\\e]0;pwned\\a\\x9bX"},'
        " {id: b, metric: killed, counted: people, value: 30, source: B}]"
    )
    _, out, _ = run_full("check", "-", stdin=text)
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "Evil\\x1b]0;pwned\\x07\\x9bX" in out
    _, out, _ = run_full("check", "-", "--format", "json", stdin=text)
    assert "\x9b" not in out
    assert "Evil\x1b]0;pwned\x07\x9bX" in json.loads(out)["flags"][0]["message"]


def test_extract_reads_stdin() -> None:
    """`claimdiff extract -` reads the article from standard input."""
    code, out, _ = run_full(
        "extract",
        "-",
        "--published",
        "2023-12-30",
        "--outlet",
        "Example",
        stdin="At least 14 people were killed in Belgorod, officials said.",
    )
    assert code == 0
    assert "value: At least 14" in out


# -- the report's JSON Schema, against real output ---------------------------------------------------------------

jsonschema = pytest.importorskip("jsonschema")


def _validate(doc: object) -> None:
    from claimdiff.formats import report_schema

    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(doc)


@pytest.mark.parametrize(
    "stdin",
    [
        PART_EXCEEDS_WHOLE,
        "claims: []",
        """
defaults: {metric: killed, counted: people, place: X, stated: 2024-01-01}
claims:
  - {id: a, value: 12, source: A}
  - {id: b, value: at least 14, source: B}
""",
    ],
)
def test_json_output_follows_the_shipped_schema(stdin: str) -> None:
    """`check --format json` output (contradictions, arithmetic flags, nothing) validates
    against claimdiff/schema/report.schema.json."""
    _, out, _ = run_full("check", "-", "--format", "json", stdin=stdin)
    _validate(json.loads(out))


def test_seed_report_follows_the_shipped_schema() -> None:
    """The seed's report, with derived figures and every policy, validates against the schema."""
    for policy in ("consensus", "acled", "latest"):
        _, out, _ = run_full("check", str(SEED), "--format", "json", "--policy", policy)
        _validate(json.loads(out))


def test_schema_accepts_new_flag_kinds_and_keys() -> None:
    """A later release may add flag kinds and keys: the schema does not reject them (kind is a name, objects open)."""
    _, out, _ = run_full("check", "-", "--format", "json", stdin=PART_EXCEEDS_WHOLE)
    doc = json.loads(out)
    doc["flags"][0]["kind"] = "implausible_rate"
    doc["flags"][0]["new_key"] = 1
    doc["new_section"] = []
    _validate(doc)
    doc["flags"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        _validate(doc)


def test_the_cli_page_shows_the_real_help(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/cli.md holds each command's --help exactly as it prints at 80 columns: the page cannot go stale."""
    monkeypatch.setenv("COLUMNS", "80")
    page = (SEED.parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    for args in (["--help"], ["check", "--help"], ["extract", "--help"]):
        done = subprocess.run(
            [sys.executable, "-m", "claimdiff", *args],
            capture_output=True,
            text=True,
            check=True,
            env={**__import__("os").environ, "COLUMNS": "80"},
        )
        assert done.stdout.strip() in page, args


def test_quick_steps_print_no_progress() -> None:
    """A step that ends before the progress delay prints nothing: progress is only for long loads."""
    from claimdiff.cli._progress import Progress

    err = io.StringIO()
    progress = Progress(err, enabled=True, delay=3600)
    with progress.step("reading a small file"):
        pass
    assert err.getvalue() == ""


def test_lenient_reconciles_what_can_be_read_and_lists_the_rest() -> None:
    """--lenient keeps the good claims and reports the bad ones in 'rejected' with their reasons, instead of exit 2."""
    text = (
        "claims:\n  - {id: ok, metric: killed, counted: people, value: 3, source: A}\n"
        "  - {id: bad, metric: killed, counted: people, value: -4, source: A}\n"
    )
    assert run_full("check", "-", stdin=text)[0] == 2
    code, out, _ = run_full("check", "-", "--lenient", "--format", "json", stdin=text)
    doc = json.loads(out)
    assert code == 0
    assert doc["summary"]["claims"] == 1
    assert [r["claim"] for r in doc["rejected"]] == ["bad"]
    assert "negative" in doc["rejected"][0]["reason"]
    _validate(doc)


def test_data_sets_tables_are_read_by_their_readers() -> None:
    """--input-format acled reads ACLED's CSV (here from standard input) through read_acled."""
    acled = (
        "event_id_cnty,event_date,time_precision,fatalities,country,admin1,source\n"
        "A1,2023-12-30,1,5,Syria,Idlib,SOHR\n"
        "A2,2023-12-30,1,5,Syria,Idlib,Step\n"
    )
    code, out, _ = run_full(
        "check", "-", "--input-format", "acled", "--format", "json", stdin=acled
    )
    assert code == 0
    assert [g["claims"] for g in json.loads(out)["groups"]] == [["acled-A1"], ["acled-A2"]]


def test_ucdp_sample_from_the_command_line() -> None:
    """`check --input-format ucdp --lenient` on the GED 23.1 sample: 987 claims reconciled, 13 events rejected with
    their lines, and the output follows the report schema."""
    from test_anchors import UCDP

    if not UCDP.exists():
        pytest.skip("the UCDP GED sample (../shared/data) is absent")
    code, out, _ = run_full(
        "check", str(UCDP), "--input-format", "ucdp", "--lenient", "--format", "json"
    )
    doc = json.loads(out)
    assert code == 0
    assert (doc["summary"]["claims"], doc["summary"]["rejected"]) == (987, 13)
    assert all(r["reason"].startswith("line ") for r in doc["rejected"])
    _validate(doc)


def test_the_streamed_json_report_is_the_reports_document(tmp_path: Path) -> None:
    """`check --format json` writes its report piece by piece (never the whole text, nor every group's mapping,
    at once: issue 18's memory); what it writes is exactly ``Report.to_dict()`` with ``file`` added and
    infinities as null."""
    import math

    from claimdiff import load_claims_lenient, reconcile

    path = write(
        tmp_path,
        """
defaults: {metric: killed, counted: people, place: X, stated: 2024-01-01}
claims:
  - {id: a, value: at least 14, source: A}
  - {id: b, value: 3, source: B}
  - {id: c, value: "about 7 km", source: C, metric: distance, counted: null}
  - {id: d, value: -1, source: D}
""",
    )
    out = tmp_path / "report.json"
    assert main(["check", path, "--format", "json", "--lenient", "-o", str(out)]) == 1

    def finite(v: object) -> object:
        if isinstance(v, float) and not math.isfinite(v):
            return None
        if isinstance(v, dict):
            return {k: finite(x) for k, x in v.items()}
        if isinstance(v, list):
            return [finite(x) for x in v]
        return v

    expected = reconcile(load_claims_lenient(path)).to_dict()
    expected["file"] = path
    assert json.loads(out.read_text(encoding="utf-8")) == finite(expected)
    assert expected["summary"]["groups"] == 2
