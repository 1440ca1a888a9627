"""The report as text a person reads top to bottom, in plain words; and text made safe for a terminal.

What reconciling found is said without the model's vocabulary: "no single figure fits all the claims"
rather than an empty feasible interval, "independent sources" rather than origins, "Group 3" rather than
``g3``. Every value that comes from the input (names, ids, figures as worded) is escaped, so a claims
file cannot drive the terminal the report is printed on.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff._core.flags import Flag, FlagKind, Severity
from claimdiff._model.numbers import format_number
from claimdiff._model.unit_words import unit_words

if TYPE_CHECKING:
    from claimdiff._core.report import Group, Report

__all__ = [
    "KIND_WORDS",
    "VERDICT_WORDS",
    "Style",
    "best_words",
    "counted",
    "flag_title",
    "range_with_unit",
    "range_words",
    "report_text",
    "sources_words",
    "terminal_safe",
    "unit_words",
    "with_unit",
]

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


#: Each flag kind in a few plain words, as the reports name it.
KIND_WORDS: dict[FlagKind, str] = {
    FlagKind.CONTRADICTION: "contradiction",
    FlagKind.DISCREPANCY: "discrepancy",
    FlagKind.REVISION: "revised by its source",
    FlagKind.DOWNWARD_REVISION: "revised downward",
    FlagKind.STALE: "out of date",
    FlagKind.UNCORROBORATED: "one source only",
    FlagKind.CIRCULAR_CORROBORATION: "repeated, not corroborated",
    FlagKind.INCOMPARABLE: "not comparable",
    FlagKind.OUTLIER: "outlier",
    FlagKind.WITHDRAWN: "withdrawn",
    FlagKind.SERIES_MISMATCH: "daily figure does not match the running total",
    FlagKind.UNLIKELY: "unlikely",
    FlagKind.SYSTEMATIC_SHIFT: "systematic shift",
    FlagKind.COPYING: "likely copied",
    FlagKind.PRECISION_GAP: "difference of precision",
    FlagKind.SUBTOTAL_MISMATCH: "parts do not add up",
    FlagKind.PART_EXCEEDS_WHOLE: "a part exceeds its whole",
    FlagKind.INVERTED_METRICS: "figures in the wrong order",
}

#: Each group verdict as a sentence about the claims.
VERDICT_WORDS: dict[str, str] = {
    "agreement": "The claims agree",
    "tolerance": "The claims agree only within precision or tolerance",
    "discrepancy": "The claims differ (a discrepancy)",
    "contradiction": "The claims contradict each other",
}

_MARK = {Severity.ERROR: "ERROR", Severity.WARNING: "warning", Severity.INFO: "note"}


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, in the singular for one: ``"1 claim"``, ``"2 claims"``, ``"1,200 claims"``.

    >>> counted(1, "claim"), counted(0, "claim"), counted(1200, "claim")
    ('1 claim', '0 claims', '1,200 claims')
    >>> counted(2, "independent source")
    '2 independent sources'
    """
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def with_unit(number: str, figure: float | None, unit: str) -> str:
    """A figure's text followed by its unit in the number that agrees with it (see :func:`unit_words`).

    >>> with_unit("1", 1.0, "mile"), with_unit("20", 20.0, "mile"), with_unit("12", 12.0, "")
    ('1 mile', '20 miles', '12')
    """
    return f"{number} {unit_words(unit, figure)}" if unit else number


def range_with_unit(
    low: float | None,
    high: float | None,
    low_closed: bool = True,
    high_closed: bool = True,
    unit: str = "",
) -> str:
    """An interval said in words (:func:`range_words`), its unit agreeing with the figure next to it.

    >>> range_with_unit(20, 20, unit="mile"), range_with_unit(0.5, 1, unit="mile")
    ('20 miles', '0.5 to 1 mile')
    >>> range_with_unit(1, None, unit="mile"), range_with_unit(None, None, unit="mile")
    ('at least 1 mile', 'any value')
    """
    words = range_words(low, high, low_closed, high_closed)
    if low is None and high is None:
        return words
    return with_unit(words, high if high is not None else low, unit)


def range_words(
    low: float | None, high: float | None, low_closed: bool = True, high_closed: bool = True
) -> str:
    """An interval said in words: ``"14"``, ``"24 to 99"``, ``"at least 101"``, ``"more than 100"``.

    >>> range_words(14, 14), range_words(24, 99), range_words(101, None), range_words(100, None, False)
    ('14', '24 to 99', 'at least 101', 'more than 100')
    >>> range_words(None, 5, high_closed=False), range_words(1.5, 2, low_closed=False)
    ('less than 5', 'more than 1.5 and at most 2')
    """
    lo = None if low is None else format_number(low, grouped=True)
    hi = None if high is None else format_number(high, grouped=True)
    if lo is None and hi is None:
        return "any value"
    if lo is not None and lo == hi:
        return lo
    lower = None if lo is None else f"{'at least' if low_closed else 'more than'} {lo}"
    upper = None if hi is None else f"{'at most' if high_closed else 'less than'} {hi}"
    if lower is None:
        return str(upper)
    if upper is None:
        return lower
    if low_closed and high_closed:
        return f"{lo} to {hi}"
    return f"{lower} and {upper}"


def sources_words(group: Group) -> str:
    """How many claims a group has and how independent their sources are, in words.

    "1 claim from 1 source", "3 claims, all from one source (repeats, not corroboration)",
    "2 claims from 2 independent sources".
    """
    n = len(group.claims)
    if n == 1:
        return "1 claim from 1 source"
    if group.origins <= 1:
        return f"{counted(n, 'claim')}, all from one source (repeats, not corroboration)"
    return f"{counted(n, 'claim')} from {counted(group.origins, 'independent source')}"


def flag_title(flag: Flag) -> str:
    """The kind of a flag in plain words, with its qualifiers: ``"contradiction (a reporting lag)"``."""
    words = KIND_WORDS.get(flag.kind, flag.kind.value.replace("_", " "))
    quals = [
        {"lag": "a reporting lag", "contested": "opposing parties"}.get(t, t) for t in flag.tags
    ]
    quals = [q for q in quals if q and q != words]
    return f"{words} ({', '.join(quals)})" if quals else words


def _line(text: str) -> str:
    return terminal_safe(text, keep_newlines=False)


def best_words(g: Group) -> str:
    """A group's best estimate with its unit (``"20 miles"``), or ``"none"``."""
    return (
        "none" if g.best is None else with_unit(format_number(g.best, grouped=True), g.best, g.unit)
    )


def _figure_line(g: Group) -> str:
    best = best_words(g)
    verdict = VERDICT_WORDS.get(g.verdict, f"Verdict: {g.verdict}")
    if not g.feasible:
        return f"{verdict}: no single figure fits all the claims; best estimate {best}."
    allowed = range_with_unit(g.low, g.high, g.low_closed, g.high_closed, g.unit)
    if len(g.claims) == 1:
        return f"One claim, nothing to compare it with: {allowed}; best estimate {best}."
    return f"{verdict}: every current claim allows {allowed}; best estimate {best}."


_TAGS = (
    ("dissenting", "  <- disagrees with the others"),
    ("superseded", "  (revised later by its source)"),
    ("stale", "  (out of date)"),
    ("withdrawn", "  (withdrawn)"),
)


def _group_lines(report: Report, number: int, g: Group, flags: list[str]) -> list[str]:
    lines = [f"Group {number}: {_line(g.describe())}", f"    {_line(_figure_line(g))}"]
    precision = g.precision_text()
    lines.append(f"    {_line(sources_words(g))}{f'; {_line(precision)}' if precision else ''}.")
    if g.grade or g.source_grades:
        grades = g.grades_text() or f"claimdiff grades it {g.grade}."
        lines.append(f"    grade: {_line(grades)}")
    marked = {cid: tag for field, tag in reversed(_TAGS) for cid in getattr(g, field)}
    for cid in g.claims:
        c = report.claim(cid)
        lines.append(
            f"      - {_line(f'{cid}: {c.estimate.describe()} ({c.chain_text()})')}{marked.get(cid, '')}"
        )
    lines.extend(flags)
    lines.append("")
    return lines


def report_text(
    report: Report, title: str = "", *, style: Style | None = None, fail: bool | None = None
) -> str:
    """The report as text a person reads top to bottom; every value from the input is escaped.

    Args:
        report: The report.
        title: What was checked (the file name).
        style: Colours to use (none by default).
        fail: Whether the check failed, for the last line; by default, whether there is a contradiction.
    """
    style = style or Style(colour=False)
    lines: list[str] = []
    head = f"claimdiff report{f' for {_line(title)}' if title else ''} (policy: {_line(str(report.policy))})"
    lines += [style.paint(head, "1"), "=" * len(head), ""]
    n_contra = len(report.flags_of("contradiction"))
    contra = "none a contradiction" if n_contra == 0 else counted(n_contra, "contradiction")
    rejected = (
        "no claim rejected"
        if not report.rejected
        else f"{counted(len(report.rejected), 'claim')} rejected"
    )
    summary = f"{counted(len(report.claims), 'claim')} in {counted(len(report.groups), 'group')}"
    lines += [f"{summary}; {counted(len(report.flags), 'flag')}, {contra}; {rejected}.", ""]
    by_group: dict[str | None, list[str]] = {}
    for f in report.flags:
        mark = style.severity(_MARK.get(f.severity, f.severity.value), f.severity)
        by_group.setdefault(f.group, []).append(f"    {mark}, {flag_title(f)}: {_line(f.message)}")
    for number, g in enumerate(report.groups, 1):
        lines += _group_lines(report, number, g, by_group.get(g.id, []))
    loose = by_group.get(None, [])
    if loose:
        lines += ["Across groups (units, parts and totals):", *loose, ""]
    if report.derived:
        lines.append("Figures implied by others (derived):")
        lines.extend(f"    - {_line(d.message)}" for d in report.derived)
        lines.append("")
    if report.rejected:
        lines.append("Rejected claims:")
        lines.extend(f"    - {_line(f'{r.claim_id}: {r.reason}')}" for r in report.rejected)
        lines.append("")
    failed = report.has_contradiction if fail is None else fail
    if report.has_contradiction:
        verdict = style.severity("CONTRADICTIONS FOUND", Severity.ERROR)
    elif failed:
        verdict = style.severity(
            "No contradiction, but flags at the failing severity.", Severity.ERROR
        )
    else:
        verdict = "No contradiction."
    lines.append(verdict)
    return "\n".join(lines) + "\n"
