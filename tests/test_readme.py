"""The README's promises: its Python example runs and its Quickstart names what exists."""

from __future__ import annotations

import contextlib
import io
import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_example_runs_and_prints_what_it_says() -> None:
    """The README's Python block runs, and prints the figures its comments promise."""
    (block,) = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own README
    lines = out.getvalue().splitlines()
    assert lines[0] == "108 108.0"
    assert lines[1].startswith("precision_gap")


def test_quickstart_has_two_commands_on_the_seed_and_the_tests() -> None:
    """Exactly two Quickstart commands: install and check the seed; install the test extra and run pytest."""
    quick = README.split("## Quickstart", 1)[1].split("```console\n", 1)[1].split("```", 1)[0]
    commands = quick.strip().splitlines()
    assert commands == [
        "pip install . && claimdiff check seeds/belgorod-2023-12-30.yaml",
        "pip install -e '.[test]' && pytest",
    ]
    assert (ROOT / "seeds" / "belgorod-2023-12-30.yaml").exists()
