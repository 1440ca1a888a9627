"""The command line's arguments: the parser of ``check`` and ``extract``, and the checks of their values.

Each command's parser names the function that runs it (``args.run``, in :mod:`claimdiff.cli._commands`).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Mapping

from claimdiff._core.flags import Severity
from claimdiff._core.policy import POLICIES
from claimdiff._formats.claims_file import FORMATS
from claimdiff._model.period import timezone_named
from claimdiff.cli._commands import ANCHORS
from claimdiff.cli._commands import check as run_check
from claimdiff.cli._commands import extract as run_extract
from claimdiff.cli._render import terminal_safe
from claimdiff.exceptions import ClaimdiffError

__all__ = ["parser"]

_SEVERITIES = [s.value for s in sorted(Severity, key=lambda s: s.rank)]


def parser(exit_codes: Mapping[int, str]) -> argparse.ArgumentParser:
    """The parser of the command line; its help ends with what each exit status in ``exit_codes`` means."""
    from claimdiff._version import __version__  # noqa: PLC0415 - the package imports this module's parent lazily

    parser = argparse.ArgumentParser(
        prog="claimdiff",
        description="Reconcile reported figures as sourced, hedged, unit-aware claims.",
        epilog="Exit status: " + "; ".join(f"{k}: {v}" for k, v in exit_codes.items()) + ".",
    )
    parser.add_argument("--version", action="version", version=f"claimdiff {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_check(sub)
    _add_extract(sub)
    return parser


def _add_check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser(
        "check",
        help="reconcile a claims file and report agreement, contradictions and other flags",
        description="Reconcile a claims file. Exit 0: no flag at the failing severity; 1: one or more; "
        "2: bad input; 3: internal error.",
    )
    check.add_argument(
        "file",
        metavar="FILE",
        help="claims file (.yaml, .yml, .json or .csv); '-' reads standard input",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="output format: text, JSON, or one self-contained HTML page (default: text)",
    )
    check.add_argument(
        "--input-format",
        choices=(*FORMATS, *ANCHORS),
        default=None,
        help="format of FILE: a claims file, or a data set's own table (UCDP GED, ACLED, IBC, "
        "Airwars as CSV; a Wikidata entity as JSON) (default: from its suffix; YAML for standard input)",
    )
    check.add_argument(
        "--lenient",
        action="store_true",
        help="reconcile the claims that can be read and list the others as rejected, instead of "
        "exiting 2",
    )
    check.add_argument(
        "--policy",
        default="consensus",
        choices=sorted(POLICIES),
        help="how hedges are read and the best estimate is chosen (default: consensus)",
    )
    check.add_argument(
        "--min-severity",
        choices=_SEVERITIES,
        default="info",
        help="show only flags at least this severe (default: info, all flags)",
    )
    check.add_argument(
        "--fail-on",
        choices=[*_SEVERITIES, "never"],
        default="error",
        help="exit 1 when a flag at least this severe is found (default: error)",
    )
    check.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="OUT",
        help="write the report here (default: stdout)",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (default: auto, on a terminal unless NO_COLOR is set)",
    )
    check.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="say on standard error what a long step is doing (default: auto, on a terminal)",
    )
    check.set_defaults(run=run_check)


def _published(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{terminal_safe(text, keep_newlines=False)!r} is not a date (YYYY-MM-DD)"
        ) from None
    # Relative days ("the day prior", "next week") are resolved around it: keep clear of the calendar's ends.
    if not 2 <= day.year <= 9998:
        raise argparse.ArgumentTypeError(f"{text!r} is outside the years 0002 to 9998")
    return day


def _timezone(text: str) -> str:
    try:
        timezone_named(text)
    except (ClaimdiffError, ValueError, OverflowError):
        raise argparse.ArgumentTypeError(
            f"{terminal_safe(text, keep_newlines=False)!r} is not a timezone (a name such as Europe/Kyiv, "
            "UTC, or an offset between -23:59 and +23:59)"
        ) from None
    return text


def _add_extract(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "extract",
        help="find the figures in an article and write them as a claims file to review",
        description="Read every figure in an article into candidate claims (YAML) to edit and then 'check'. "
        "Exit 0: written; 2: bad input; 3: internal error.",
    )
    cmd.add_argument(
        "article",
        metavar="ARTICLE",
        help="the article as plain UTF-8 text; '-' reads standard input",
    )
    cmd.add_argument(
        "--published",
        required=True,
        metavar="DATE",
        type=_published,
        help="publication date (YYYY-MM-DD), to resolve 'Saturday', 'overnight', 'the day prior'",
    )
    cmd.add_argument(
        "--outlet", default=None, metavar="NAME", help="the outlet: source of unattributed figures"
    )
    cmd.add_argument(
        "--timezone",
        default="UTC",
        metavar="TZ",
        type=_timezone,
        help="timezone of calendar days (default: UTC)",
    )
    cmd.add_argument(
        "-o", "--output", default=None, metavar="OUT", help="claims file to write (default: stdout)"
    )
    cmd.set_defaults(run=run_extract)
