"""The ``claimdiff`` command line.

``claimdiff check FILE`` reconciles a claims file (``-`` reads standard input) and prints the
groups, their reconciled intervals and the flags; ``claimdiff extract ARTICLE`` reads the
figures of an article into a claims file to review.

Exit status (:data:`EXIT_CODES`): 0 when no flag reached the failing severity (``--fail-on``,
by default ``error``), 1 when one did, 2 on bad input or a bad option (the message names the
file, the claim, the field and the line), 3 when claimdiff itself failed (a bug: the message is
one line to report), 130 when interrupted.

>>> import io, os
>>> from claimdiff.cli import EXIT_BAD_INPUT, EXIT_CODES, EXIT_FLAGGED, EXIT_OK, main
>>> def check(text, *options):
...     return main(["check", "-", "-o", os.devnull, *options], stdin=io.StringIO(text))
>>> agree = "claims: [{id: a, metric: killed, counted: people, value: 3, source: A}]"
>>> check(agree) == EXIT_OK
True
>>> clash = '''claims:
...   - {id: a, metric: killed, counted: people, value: 3, source: A}
...   - {id: b, metric: killed, counted: people, value: more than 30, source: B}
... '''
>>> check(clash) == EXIT_FLAGGED, check(clash, "--fail-on", "never") == EXIT_OK
(True, True)
>>> err = io.StringIO()
>>> main(["check", "-"], stdin=io.StringIO("claims: [{id: a, value: 4}]"), err=err) == EXIT_BAD_INPUT
True
>>> print(err.getvalue(), end="")
claimdiff: error: <stdin>: 1 claim cannot be read (2 problems):
  <stdin>: claim 'a' ($.claims[0].metric, line 1): 'metric' is required
  <stdin>: claim 'a' ($.claims[0].source, line 1): 'source' is required
>>> EXIT_CODES[EXIT_FLAGGED]
'a flag at or above the failing severity (--fail-on, default: error)'
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import IO, TextIO

from claimdiff.cli._arguments import parser
from claimdiff.cli._commands import Streams
from claimdiff.cli._render import terminal_safe
from claimdiff.exceptions import ClaimdiffError, ClaimFileErrors

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_CODES",
    "EXIT_FLAGGED",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "main",
]

#: Nothing at or above the failing severity was found (or ``extract`` wrote its file).
EXIT_OK = 0
#: A flag at or above the failing severity (``--fail-on``, by default ``error``) was found.
EXIT_FLAGGED = 1
#: Bad input or a bad option: the message names the file, the claim, the field and the line.
EXIT_BAD_INPUT = 2
#: claimdiff itself failed on this input: a bug, reported in one line.
EXIT_INTERNAL = 3
#: Interrupted (Ctrl-C).
EXIT_INTERRUPTED = 130
#: Every exit status and what it means.
EXIT_CODES = {
    EXIT_OK: "no flag at or above the failing severity",
    EXIT_FLAGGED: "a flag at or above the failing severity (--fail-on, default: error)",
    EXIT_BAD_INPUT: "bad input or a bad option",
    EXIT_INTERNAL: "internal error in claimdiff (please report it)",
    EXIT_INTERRUPTED: "interrupted",
}


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    *,
    err: TextIO | None = None,
    stdin: IO[str] | None = None,
) -> int:
    """Run the command line; return the exit status (see :data:`EXIT_CODES`).

    >>> import io, json
    >>> out = io.StringIO()
    >>> main(["check", "-", "--format", "json"], out=out,
    ...      stdin=io.StringIO("claims: [{id: a, metric: killed, counted: people, value: 3, source: A}]"))
    0
    >>> json.loads(out.getvalue())["summary"]["claims"]
    1

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
        out: Where the report goes (default: standard output).
        err: Where errors and progress go (default: standard error).
        stdin: What ``-`` reads (default: standard input).
    """
    streams = Streams(out=out or sys.stdout, err=err or sys.stderr, stdin=stdin or sys.stdin)
    try:
        args = parser(EXIT_CODES).parse_args(argv)
    except SystemExit as e:  # --help, --version (0) and bad options (2)
        return e.code if isinstance(e.code, int) else EXIT_BAD_INPUT
    try:
        run: Callable[[argparse.Namespace, Streams], bool] = args.run
        return EXIT_FLAGGED if run(args, streams) else EXIT_OK
    except ClaimFileErrors as e:
        lines = [
            f"claimdiff: error: {terminal_safe(e.message, keep_newlines=False)} ({len(e.exceptions)} problems):"
        ]
        lines += [f"  {terminal_safe(str(x), keep_newlines=False)}" for x in e.exceptions]
        print("\n".join(lines), file=streams.err)
        return EXIT_BAD_INPUT
    except ClaimdiffError as e:
        print(f"claimdiff: error: {terminal_safe(str(e), keep_newlines=False)}", file=streams.err)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("claimdiff: interrupted", file=streams.err)
        return EXIT_INTERRUPTED
    except Exception as e:  # noqa: BLE001 - a bug must not look like a finding (exit 1) or bad input (exit 2)
        what = terminal_safe(f"{type(e).__name__}: {e}", keep_newlines=False)
        what = what if len(what) <= 300 else what[:297] + "..."
        print(
            f"claimdiff: internal error ({what}); please report it with the input that caused it",
            file=streams.err,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
