"""What each command does: ``check`` reconciles a file and reports, ``extract`` writes figures as claims.

``check`` reconciles a claims file (or a data set's own table) and writes its report; ``extract`` writes an
article's figures as a claims file to review. A command takes the parsed arguments and the streams, and returns whether it found a flag at the failing
severity; the exit status, and the messages of errors, are :func:`claimdiff.cli.main`'s.
"""

from __future__ import annotations

import argparse
import io
import os
from collections.abc import Callable, Iterable
from typing import IO, Any, TextIO

import attrs

from claimdiff._core.flags import Severity
from claimdiff._core.policy import policy_named
from claimdiff._core.reconcile import reconcile
from claimdiff._core.report import Report
from claimdiff._formats._io import display_name, read_text, refuse_inputs, write_atomic
from claimdiff._formats.claims_file import (
    LoadedClaims,
    dump_claims,
    load_claims_lenient,
    loads_claims_lenient,
)
from claimdiff.cli._progress import Progress
from claimdiff.cli._render import Style, render_text, terminal_safe, use_colour
from claimdiff.cli._report_json import json_chunks, report_document

__all__ = ["ANCHORS", "Streams", "check", "extract"]

#: Data sets' own tables that ``check --input-format`` reads through their readers.
ANCHORS = ("ucdp", "acled", "ibc", "airwars", "wikidata")
_STDIN = "-"


@attrs.define
class Streams:
    """Where a command writes its output and its messages, and what ``-`` reads."""

    out: TextIO
    err: TextIO
    stdin: IO[str]


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


def _load_anchor(args: argparse.Namespace, streams: Streams) -> LoadedClaims:
    read = _anchor_readers()[args.input_format]
    if args.file != _STDIN:
        return read(args.file, None)
    # The readers take the text as a stream: CSV or JSON (an API response, an entity), read as from a file.
    return read(io.StringIO(_read_stdin(streams.stdin), newline=""), "<stdin>")


def _load(args: argparse.Namespace, streams: Streams, progress: Progress) -> LoadedClaims:
    hedges = policy_named(args.policy).hedges
    if args.input_format in ANCHORS:
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


def check(args: argparse.Namespace, streams: Streams) -> bool:
    """``claimdiff check``: reconcile a claims file and write its report; whether a flag reached ``--fail-on``."""
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
        chunks = json_chunks(
            report_document(shown, title)
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
    return fail


def extract(args: argparse.Namespace, streams: Streams) -> bool:
    """``claimdiff extract``: write an article's figures as a claims file to review (never a failing finding)."""
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
    return False
