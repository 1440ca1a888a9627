"""The ``claimdiff`` command line.

``claimdiff check FILE [--format text|json] [--policy NAME]`` reconciles a claims file
and prints the groups, their reconciled intervals and the flags.

Exit status: 0 when no contradiction was found, 1 when one was, 2 on bad input
(the message names the file, the claim and the field).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from claimdiff._core.flags import Severity
from claimdiff._core.policy import POLICIES, policy_named
from claimdiff._core.reconcile import reconcile
from claimdiff._core.report import Report
from claimdiff._extract import extract
from claimdiff._formats.claims_file import dump_claims, load_claims_lenient
from claimdiff._model.numbers import format_number
from claimdiff.exceptions import ClaimdiffError, ClaimFileError

__all__ = ["main"]

EXIT_OK = 0
EXIT_CONTRADICTION = 1
EXIT_BAD_INPUT = 2

_Command = Callable[[argparse.Namespace, TextIO], int]
_COMMANDS: dict[str, _Command] = {}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimdiff",
        description="Reconcile reported figures as sourced, hedged, unit-aware claims.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = sub.add_parser(
        "check",
        help="reconcile a claims file and report agreement, contradictions and other flags",
        description="Reconcile a claims file. Exit 0: no contradiction; 1: contradiction; 2: bad input.",
    )
    check.add_argument("file", metavar="FILE", help="claims file (.yaml, .yml, .json or .csv)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument(
        "--policy", default="consensus", choices=sorted(POLICIES),
        help="how hedges are read and the best estimate is chosen (default: consensus)",
    )
    _COMMANDS["check"] = _check
    _add_extract(sub)
    return parser


def _add_extract(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "extract",
        help="find the figures in an article and write them as a claims file to review",
        description="Read every figure in an article into candidate claims (YAML) to edit and then 'check'. "
        "Exit 0: written; 2: bad input.",
    )
    cmd.add_argument("article", metavar="ARTICLE", help="the article as plain UTF-8 text")
    cmd.add_argument("--published", required=True, metavar="DATE",
                     help="publication date (YYYY-MM-DD), to resolve 'Saturday', 'overnight', 'the day prior'")
    cmd.add_argument("--outlet", default=None, metavar="NAME", help="the outlet: source of unattributed figures")
    cmd.add_argument("--timezone", default="UTC", metavar="TZ", help="timezone of calendar days (default: UTC)")
    cmd.add_argument("-o", "--output", default=None, metavar="OUT", help="claims file to write (default: stdout)")
    _COMMANDS["extract"] = _extract


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    stdout = out if out is not None else sys.stdout
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args, stdout)
    except ClaimdiffError as e:
        print(f"claimdiff: error: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _check(args: argparse.Namespace, out: TextIO) -> int:
    policy = policy_named(args.policy)
    loaded = load_claims_lenient(args.file, hedges=policy.hedges)
    loaded.raise_for_rejected()
    report = reconcile(loaded.claims, policy, relations=loaded.relations)
    if args.format == "json":
        doc = report.to_dict()
        doc["file"] = args.file
        json.dump(doc, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(render_text(report, args.file))
    return EXIT_CONTRADICTION if report.has_contradiction else EXIT_OK


def _extract(args: argparse.Namespace, out: TextIO) -> int:
    try:
        with open(args.article, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise ClaimFileError(args.article, "$", None, f"cannot be read as UTF-8 text ({e})") from e
    claims = [c.claim for c in extract(text, published=args.published, outlet=args.outlet, timezone=args.timezone)]
    try:
        written = dump_claims(claims, args.output)
    except OSError as e:
        raise ClaimFileError(args.output, "$", None, f"cannot be written ({e})") from e
    if args.output is None:
        out.write(written)
    else:
        print(f"claimdiff: {len(claims)} candidate claims written to {args.output}", file=sys.stderr)
    return EXIT_OK


_MARK = {Severity.ERROR: "ERROR  ", Severity.WARNING: "warning", Severity.INFO: "info   "}


def render_text(report: Report, title: str = "") -> str:
    """The report as text a person reads top to bottom."""
    lines: list[str] = []
    head = f"claimdiff report{f' for {title}' if title else ''} (policy: {report.policy})"
    lines += [head, "=" * len(head), ""]
    n_contra = len(report.contradictions)
    lines.append(
        f"{len(report.claims)} claims in {len(report.groups)} groups; {len(report.flags)} flags, "
        f"{n_contra} contradiction{'s' if n_contra != 1 else ''}; {len(report.rejected)} rejected."
    )
    lines.append("")
    by_group: dict[str | None, list[str]] = {}
    for f in report.flags:
        by_group.setdefault(f.group, []).append(f"    [{_MARK[f.severity]}] {f.kind.value}: {f.message}")
    for g in report.groups:
        unit = f" {g.unit}" if g.unit else ""
        best = "n/a" if g.best is None else format_number(g.best, grouped=True)
        lines.append(f"{g.id}  {g.describe()}")
        lines.append(
            f"    feasible {g.interval_text()}{unit if g.feasible else ''}; best {best}{unit}; "
            f"{len(g.claims)} claim{'s' if len(g.claims) != 1 else ''} from {g.origins} origin{'s' if g.origins != 1 else ''}"
        )
        for cid in g.claims:
            c = report.claim(cid)
            tag = ""
            if cid in g.dissenting:
                tag = "  <- dissents"
            elif cid in g.superseded:
                tag = "  (revised later)"
            elif cid in g.stale:
                tag = "  (out of date)"
            lines.append(f"      - {cid}: {c.estimate.describe()}  [{c.chain_text()}]{tag}")
        lines.extend(by_group.get(g.id, []))
        lines.append("")
    loose = by_group.get(None, [])
    if loose:
        lines.append("Across groups (units and arithmetic):")
        lines.extend(loose)
        lines.append("")
    if report.derived:
        lines.append("Derived figures:")
        lines.extend(f"    - {d.message}" for d in report.derived)
        lines.append("")
    if report.rejected:
        lines.append("Rejected claims:")
        lines.extend(f"    - {r.claim_id}: {r.reason}" for r in report.rejected)
        lines.append("")
    verdict = "CONTRADICTIONS FOUND" if report.has_contradiction else "No contradiction."
    lines.append(verdict)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
