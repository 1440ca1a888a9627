"""The README's Python example runs, and what its comments say it prints is what it prints."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_every_python_block_of_the_readme_runs_and_prints_what_its_comments_say() -> None:
    """Each ``print(...)  # shown`` comment is in the output, each part between its ``...`` in order."""
    blocks = _blocks()
    assert blocks, "the README has a Python example"
    for block in blocks:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block, str(README), "exec"), {})  # noqa: S102 - the README's own example
        printed = out.getvalue()
        said = re.findall(r"print\(.*\)\s+#\s*(.+)$", block, re.MULTILINE)
        assert said, "the example says what it prints"
        for comment in said:
            parts = [re.escape(p.strip()) for p in comment.split("...")]
            assert re.search(".*".join(parts), printed), (comment, printed)
