"""What the command line prints: the text report, its colours, and text made safe for a terminal."""

from __future__ import annotations

import os
import re
from typing import TextIO

from claimdiff._core.flags import Severity
from claimdiff._core.report import Report
from claimdiff._model.numbers import format_number

__all__ = ["Style", "render_text", "terminal_safe", "use_colour"]

# C0 controls except newline and tab, DEL, C1 controls, and the bidirectional overrides that reorder
# what a terminal shows: anything a file's key or header could use to move the cursor or recolour.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_ALL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_safe(text: str, *, keep_newlines: bool = True) -> str:
    r"""``text`` with every control character written as an escape (``\x1b``), so it cannot drive a terminal.

    >>> terminal_safe("claim 'a\x1b[2J' is bad\n")
    "claim 'a\\x1b[2J' is bad\n"
    >>> terminal_safe("two\nlines", keep_newlines=False)
    'two\\x0alines'
    """
    return (_CONTROL if keep_newlines else _CONTROL_ALL).sub(_escape, text)


def use_colour(stream: TextIO, choice: str = "auto") -> bool:
    """Whether to colour what goes to ``stream``: ``always``, ``never``, or (``auto``) a terminal without ``NO_COLOR``.

    ``NO_COLOR`` set to anything but the empty string turns colour off (https://no-color.org).
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR", ""):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


_CODES = {Severity.ERROR: "1;31", Severity.WARNING: "33", Severity.INFO: "36"}


class Style:
    """ANSI colours for severities and headings, or nothing at all."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def paint(self, text: str, code: str) -> str:
        """``text`` in the colour ``code`` (an SGR parameter), or unchanged without colour."""
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text

    def severity(self, text: str, severity: Severity) -> str:
        """``text`` in the colour of ``severity``."""
        return self.paint(text, _CODES.get(severity, "0"))


_MARK = {Severity.ERROR: "ERROR  ", Severity.WARNING: "warning", Severity.INFO: "info   "}


def render_text(report: Report, title: str = "", *, style: Style | None = None, fail: bool | None = None) -> str:
    """The report as text a person reads top to bottom; every value from the input is escaped.

    Args:
        report: The report.
        title: What was checked (the file name).
        style: Colours to use (none by default).
        fail: Whether the check failed, for the last line; by default, whether there is a contradiction.
    """
    style = style or Style(colour=False)
    safe = terminal_safe
    lines: list[str] = []
    head = f"claimdiff report{f' for {safe(title, keep_newlines=False)}' if title else ''} (policy: {report.policy})"
    lines += [style.paint(head, "1"), "=" * len(head), ""]
    n_contra = len(report.contradictions)
    lines.append(
        f"{len(report.claims)} claims in {len(report.groups)} groups; {len(report.flags)} flags, "
        f"{n_contra} contradiction{'s' if n_contra != 1 else ''}; {len(report.rejected)} rejected."
    )
    lines.append("")
    by_group: dict[str | None, list[str]] = {}
    for f in report.flags:
        mark = style.severity(f"[{_MARK.get(f.severity, f.severity.value)}]", f.severity)
        by_group.setdefault(f.group, []).append(f"    {mark} {f.kind.value}: {safe(f.message, keep_newlines=False)}")
    for g in report.groups:
        unit = f" {safe(g.unit)}" if g.unit else ""
        best = "n/a" if g.best is None else format_number(g.best, grouped=True)
        lines.append(f"{g.id}  {safe(g.describe(), keep_newlines=False)}")
        within = " (only within precision or tolerance; as worded, no value fits all)" if g.verdict == "tolerance" else ""
        lines.append(
            f"    feasible {g.interval_text()}{unit if g.feasible else ''}{within}; best {best}{unit}; "
            f"{len(g.claims)} claim{'s' if len(g.claims) != 1 else ''} from {g.origins} origin{'s' if g.origins != 1 else ''}; "
            f"{g.verdict}{f'; {g.precision_text()}' if g.precision else ''}"
        )
        if g.grade or g.source_grades:
            grades = g.grades_text() or f"claimdiff grades it {g.grade}."
            lines.append(f"    grade: {safe(grades, keep_newlines=False)}")
        for cid in g.claims:
            c = report.claim(cid)
            tag = ""
            if cid in g.dissenting:
                tag = "  <- dissents"
            elif cid in g.superseded:
                tag = "  (revised later)"
            elif cid in g.stale:
                tag = "  (out of date)"
            elif cid in g.withdrawn:
                tag = "  (withdrawn)"
            text = f"{cid}: {c.estimate.describe()}  [{c.chain_text()}]"
            lines.append(f"      - {safe(text, keep_newlines=False)}{tag}")
        lines.extend(by_group.get(g.id, []))
        lines.append("")
    loose = by_group.get(None, [])
    if loose:
        lines.append("Across groups (units and arithmetic):")
        lines.extend(loose)
        lines.append("")
    if report.derived:
        lines.append("Derived figures:")
        lines.extend(f"    - {safe(d.message, keep_newlines=False)}" for d in report.derived)
        lines.append("")
    if report.rejected:
        lines.append("Rejected claims:")
        lines.extend(f"    - {safe(f'{r.claim_id}: {r.reason}', keep_newlines=False)}" for r in report.rejected)
        lines.append("")
    failed = report.has_contradiction if fail is None else fail
    if report.has_contradiction:
        verdict = style.severity("CONTRADICTIONS FOUND", Severity.ERROR)
    elif failed:
        verdict = style.severity("No contradiction, but flags at the failing severity.", Severity.ERROR)
    else:
        verdict = "No contradiction."
    lines.append(verdict)
    return "\n".join(lines) + "\n"
