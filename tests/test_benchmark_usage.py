"""Every benchmark script answers ``--help`` with how to run it (its docstring, or argparse's usage), without
running and without a traceback."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
SCRIPTS = sorted(
    p
    for p in BENCHMARKS.glob("*.py")
    if not p.name.startswith("_") and 'if __name__ == "__main__"' in p.read_text()
)


def test_there_are_scripts() -> None:
    assert len(SCRIPTS) > 20


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_help_prints_the_docstring(script: Path) -> None:
    doc = ast.get_docstring(ast.parse(script.read_text()))
    assert doc, f"{script.name} has no docstring to print"
    run = subprocess.run(
        [sys.executable, str(script), "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    first = run.stdout.splitlines()[0]
    if "argparse" in script.read_text():
        assert first.startswith("usage:")
    else:
        assert first == doc.splitlines()[0]
