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
        for key in ("id", "metric", "counted", "place", "event", "period", "low", "high", "best", "unit", "claims"):
            assert key in g
    for f in doc["flags"]:
        assert set(f) >= {"kind", "severity", "claims", "message"}
    injured = next(g for g in doc["groups"] if "mod-belgorod-injured" in g["claims"])
    assert (injured["low"], injured["high"], injured["best"], injured["unit"]) == (108, 108, 108, "")


def write(tmp_path: Path, text: str) -> str:
    p = tmp_path / "claims.yaml"
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_contradiction_exits_1(tmp_path: Path) -> None:
    """A contradiction makes the exit status 1."""
    path = write(tmp_path, """
defaults: {metric: killed, counted: people, place: X, stated: 2024-01-01}
claims:
  - {id: a, value: 12, source: A}
  - {id: b, value: at least 14, source: B}
""")
    code, text = run("check", path)
    assert code == 1
    assert "CONTRADICTIONS FOUND" in text


def test_bad_input_exits_2_naming_file_claim_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A negative count exits 2; the message names the file, the claim, the field and the line."""
    path = write(tmp_path, """
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
""")
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
    path = write(tmp_path, "claims:\n  - {id: a, metric: killed, counted: people, value: dozens, source: A}\n")
    code, text = run("check", path, "--policy", "acled", "--format", "json")
    assert code == 0
    assert json.loads(text)["groups"][0]["best"] == 12


def test_console_script_runs() -> None:
    """`python -m claimdiff check` works as an installed command would."""
    done = subprocess.run([sys.executable, "-m", "claimdiff", "check", str(SEED), "--format", "json"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["contradictions"] == 0
