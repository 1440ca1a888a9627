"""``--help`` for the benchmark scripts: print the script's docstring and stop, before any argument is read.

Each script calls :func:`exit_if_help` first in its ``__main__`` block, so ``python benchmarks/X.py --help``
prints how to run it instead of a traceback from reading ``--help`` as a size.

>>> exit_if_help("usage", ["100"]) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence


def exit_if_help(doc: str | None, argv: Sequence[str]) -> None:
    """Print ``doc`` and exit with status 0 when ``argv`` asks for help (``-h`` or ``--help``)."""
    if any(a in ("-h", "--help") for a in argv):
        print((doc or "No usage is written for this script.").strip())
        raise SystemExit(0)
