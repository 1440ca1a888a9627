"""The ``claimdiff`` command line.

``claimdiff check FILE`` reconciles a claims file (``-`` reads standard input) and prints the
groups, their reconciled intervals and the flags; ``claimdiff extract ARTICLE`` reads the
figures of an article into a claims file to review.

Exit status (:data:`EXIT_CODES`): 0 when no flag reached the failing severity (``--fail-on``,
by default ``error``), 1 when one did, 2 on bad input or a bad option (the message names the
file, the claim, the field and the line), 3 when claimdiff itself failed (a bug: the message is
one line to report), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, TextIO

import attrs

from claimdiff._core.flags import Severity
from claimdiff._core.policy import POLICIES, policy_named
from claimdiff._core.reconcile import reconcile
from claimdiff._core.report import Report
from claimdiff._formats._io import display_name, read_text, refuse_inputs, write_atomic
from claimdiff._formats.claims_file import (
    FORMATS,
    LoadedClaims,
    dump_claims,
    load_claims_lenient,
    loads_claims_lenient,
)
from claimdiff._model.period import timezone_named
from claimdiff.cli._progress import Progress
from claimdiff.cli._render import Style, render_text, terminal_safe, use_colour
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

_SEVERITIES = [s.value for s in sorted(Severity, key=lambda s: s.rank)]
#: Data sets' own tables that ``check --input-format`` reads through their readers.
_ANCHORS = ("ucdp", "acled", "ibc", "airwars", "wikidata")
_STDIN = "-"
_Command = Callable[[argparse.Namespace, "_Streams"], int]


@attrs.define
class _Streams:
    out: TextIO
    err: TextIO
    stdin: IO[str]


def _parser() -> argparse.ArgumentParser:
    from claimdiff._version import __version__  # noqa: PLC0415 - the package imports this module's parent lazily

    parser = argparse.ArgumentParser(
        prog="claimdiff",
        description="Reconcile reported figures as sourced, hedged, unit-aware claims.",
        epilog="Exit status: " + "; ".join(f"{k}: {v}" for k, v in EXIT_CODES.items()) + ".",
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
        choices=(*FORMATS, *_ANCHORS),
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
    check.set_defaults(run=_check)


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
    cmd.set_defaults(run=_extract)


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    *,
    err: TextIO | None = None,
    stdin: IO[str] | None = None,
) -> int:
    """Run the command line; return the exit status (see :data:`EXIT_CODES`).

    >>> import io
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
    streams = _Streams(out=out or sys.stdout, err=err or sys.stderr, stdin=stdin or sys.stdin)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:  # --help, --version (0) and bad options (2)
        return e.code if isinstance(e.code, int) else EXIT_BAD_INPUT
    try:
        run: _Command = args.run
        return run(args, streams)
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


def _read_stdin(stream: IO[str]) -> str:
    return read_text(stream, label="<stdin>")


def _size(path: str) -> str:
    try:
        return f" ({os.path.getsize(path) / 1e6:,.1f} MB)"
    except OSError:
        return ""


def _progress(args: argparse.Namespace, err: TextIO) -> Progress:
    if args.progress == "always":
        return Progress(err, enabled=True, delay=0)
    isatty = getattr(err, "isatty", None)
    return Progress(err, enabled=args.progress == "auto" and bool(isatty and isatty()))


def _anchor_readers() -> dict[str, Callable[[Any, str | None], LoadedClaims]]:
    from claimdiff._formats.anchors.acled import read_acled_events  # noqa: PLC0415 - only for these formats
    from claimdiff._formats.anchors.minmax import read_airwars, read_ibc  # noqa: PLC0415
    from claimdiff._formats.anchors.ucdp import read_ucdp_ged  # noqa: PLC0415
    from claimdiff._formats.anchors.wikidata import read_wikidata  # noqa: PLC0415

    return {
        "ucdp": lambda t, n: read_ucdp_ged(t, name=n),
        "acled": lambda t, n: read_acled_events(t, name=n),
        "ibc": lambda t, n: read_ibc(t, name=n),
        "airwars": lambda t, n: read_airwars(t, name=n),
        "wikidata": lambda t, n: read_wikidata(t, name=n),
    }


def _load_anchor(args: argparse.Namespace, streams: _Streams) -> LoadedClaims:
    read = _anchor_readers()[args.input_format]
    if args.file != _STDIN:
        return read(args.file, None)
    # The readers take the text as a stream: CSV or JSON (an API response, an entity), read as from a file.
    return read(io.StringIO(_read_stdin(streams.stdin), newline=""), "<stdin>")


def _load(args: argparse.Namespace, streams: _Streams, progress: Progress) -> LoadedClaims:
    hedges = policy_named(args.policy).hedges
    if args.input_format in _ANCHORS:
        where = (
            "standard input"
            if args.file == _STDIN
            else terminal_safe(args.file, keep_newlines=False)
        )
        with progress.step(f"reading {where} as {args.input_format}"):
            return _load_anchor(args, streams)
    if args.file == _STDIN:
        with progress.step("reading standard input"):
            text = _read_stdin(streams.stdin)
            return loads_claims_lenient(
                text, format=args.input_format or "yaml", path="<stdin>", hedges=hedges
            )
    with progress.step(
        f"reading {terminal_safe(args.file, keep_newlines=False)}{_size(args.file)}"
    ):
        return load_claims_lenient(args.file, format=args.input_format, hedges=hedges)


def _failed(report: Report, fail_on: str) -> bool:
    """Whether ``report`` has a flag at least as severe as ``fail_on`` (``"never"`` never fails)."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in report.flags)


def _inputs(path: str) -> list[str]:
    """The files a run reads, which its output must not overwrite."""
    return [] if path == _STDIN else [path]


def _check(args: argparse.Namespace, streams: _Streams) -> int:
    policy = policy_named(args.policy)
    if args.output is not None:
        refuse_inputs(
            args.output, _inputs(args.file)
        )  # before the run: no work wasted, nothing written
    progress = _progress(args, streams.err)
    loaded = _load(args, streams, progress)
    if not args.lenient:
        loaded.raise_for_rejected()
    with progress.step(f"reconciling {len(loaded.claims):,} claims"):
        # --lenient: what could not be read is reported beside what reconciling rejected
        report = reconcile(loaded, policy)
    fail = _failed(report, args.fail_on)
    least = Severity(args.min_severity).rank
    shown = attrs.evolve(report, flags=tuple(f for f in report.flags if f.severity.rank >= least))
    title = "<stdin>" if args.file == _STDIN else display_name(args.file)
    target = streams.out
    chunks: Iterable[str]
    if args.format == "json":
        chunks = _json_chunks(
            _report_document(shown, title)
        )  # written as encoded: never the whole text at once
    elif args.format == "html":
        chunks = (shown.to_html(title),)
    else:
        colour = args.output is None and use_colour(target, args.color)
        chunks = (render_text(shown, title, style=Style(colour), fail=fail),)
    if args.output is None:
        for chunk in chunks:
            target.write(chunk)
    else:
        write_atomic(args.output, chunks, inputs=_inputs(args.file))
    return EXIT_FLAGGED if fail else EXIT_OK


_C1 = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Written(list):  # type: ignore[type-arg]
    """A list the JSON encoder writes item by item, each item made just before it is written."""

    def __init__(self, items: Sequence[Any], make: Callable[[Any], object]) -> None:
        super().__init__()
        self._items, self._make = items, make

    def __iter__(self) -> Iterator[Any]:
        return (self._make(item) for item in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


def _report_document(report: Report, title: str) -> dict[str, Any]:
    """The report's JSON document, its groups (most of it) each made as it is written, never all at once.

    The document equals ``report.to_dict()`` with ``file`` added (``tests/test_cli.py`` checks it).
    """
    doc = attrs.evolve(report, groups=()).to_dict()
    doc["summary"]["groups"] = len(report.groups)
    doc["groups"] = _Written(report.groups, lambda g: _finite(g.to_dict()))
    doc["file"] = title
    return doc


def _finite(value: object) -> object:
    """``value`` with every non-finite float as ``None`` (JSON has no NaN or Infinity), changed in place.

    In place: the report's document is made for this output only, and a copy would double its memory.
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    items: Iterable[tuple[Any, object]]
    if type(value) is dict:
        items = value.items()
    elif type(value) is list:  # not a _Written list: its items are made finite as they are made
        items = enumerate(value)
    else:
        return value
    for (
        key,
        item,
    ) in items:  # replacing the value of a key while iterating is allowed (no key is added)
        if isinstance(item, float):
            if not math.isfinite(item):
                value[key] = None
        elif type(item) is dict or type(item) is list:
            _finite(item)
    return value


def _json_chunks(doc: object, *, batch: int = 8192) -> Iterator[str]:
    """The report as indented JSON, in pieces of ``batch`` tokens (a 10^6-claim report is never one string)."""
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False, allow_nan=False)
    pieces: list[str] = []
    for token in encoder.iterencode(_finite(doc)):
        pieces.append(token)
        if len(pieces) >= batch:
            yield _escaped("".join(pieces))
            pieces.clear()
    pieces.append("\n")
    yield _escaped("".join(pieces))


def _escaped(text: str) -> str:
    # JSON escapes C0 controls itself; escape DEL, C1 and bidi overrides too, so the output is safe to cat.
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _extract(args: argparse.Namespace, streams: _Streams) -> int:
    if args.output is not None:
        refuse_inputs(args.output, _inputs(args.article))
    text = _read_stdin(streams.stdin) if args.article == _STDIN else read_text(args.article)
    from claimdiff._extract import extract  # noqa: PLC0415 - imported by the command that needs it

    found = extract(text, published=args.published, outlet=args.outlet, timezone=args.timezone)
    claims = [c.claim for c in found]
    unread = "".join(
        f"{u.start}-{u.end}\t{terminal_safe(u.numeral)}\t{u.reason}\n" for u in found.unread
    )
    written = dump_claims(
        claims, args.output
    )  # written atomically: a failed run leaves OUT as it was
    if args.output is not None:  # the numbers not read, beside the claims: offsets, number, reason
        write_atomic(
            f"{args.output}.unread.tsv",
            "start-end\tnumber\treason\n" + unread,
            inputs=_inputs(args.article),
        )
    if args.output is None:
        streams.out.write(written)
    else:
        print(
            f"claimdiff: {len(claims)} candidate claims written to {terminal_safe(display_name(args.output))}",
            file=streams.err,
        )
    print(
        f"claimdiff: {len(claims)} figures read, {len(found.unread)} numbers not read"
        + (
            f" (listed in {terminal_safe(args.output)}.unread.tsv)"
            if args.output is not None
            else ""
        ),
        file=streams.err,
    )
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
