"""The report as one self-contained HTML page, and its compact form for notebooks.

The page holds the groups with their claims, verdicts and flags, a table of groups to sort, a filter by
severity, each series drawn as a small chart with its flagged points marked, and the sources; each flag
links to its group, its claims and their sources. It needs no network: style, script and charts are inline.

Every text from the input (ids, names, figures as worded, messages) is escaped, and the page is bounded:
at most ``max_groups`` groups (the most severely flagged first), 50 claims a group, 2,000 flags, 30 series
charts and 500 sources are shown, and the page says how many more there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

import attrs

from claimdiff._core.flags import Flag, Severity
from claimdiff._formats.html_assets import CSS, JS, MARK_COLOURS, ORIGIN_COLOURS
from claimdiff._formats.series_view import MARKS, SeriesView, series_of
from claimdiff._formats.svg_chart import MAX_MARKS, series_svg
from claimdiff._formats.text_report import (
    VERDICT_WORDS,
    best_words,
    counted,
    flag_title,
    range_with_unit,
    range_words,
    sources_words,
)
from claimdiff._model.unit_words import unit_words
from claimdiff._version import __version__

if TYPE_CHECKING:
    from claimdiff._core.report import Group, Report

__all__ = ["Limits", "report_html", "report_html_summary"]


@attrs.frozen(kw_only=True)
class Limits:
    """How much of a report one page shows; the page says how many more of each there are."""

    groups: int = 500
    claims: int = 50
    flags: int = 2000
    series: int = 30
    sources: int = 500
    listed: int = 500  # derived figures and rejected claims


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _more(n: int, what: str, why: str, plural: str | None = None) -> str:
    more = counted(n, f"more {what}", f"more {plural or what + 's'}")
    return f'<p class="more">{more} not shown ({why}).</p>' if n > 0 else ""


class _Page:
    """Anchors for what the page shows: groups by position, claims and sources by order of appearance."""

    def __init__(self, report: Report, shown: Sequence[tuple[int, Group]], limits: Limits) -> None:
        self.report = report
        self.limits = limits
        self.group_anchor = {g.id: f"g-{n}" for n, g in shown}
        self.group_number = {g.id: n for n, g in shown}
        self.claim_anchor: dict[str, str] = {}
        self.source_anchor: dict[str, str] = {}
        for _, g in shown:
            for cid in g.claims[: limits.claims]:
                self.claim_anchor[cid] = f"c-{len(self.claim_anchor) + 1}"

    def claim_link(self, cid: str) -> str:
        anchor = self.claim_anchor.get(cid)
        return f'<a href="#{anchor}">{_e(cid)}</a>' if anchor else _e(cid)

    def source_link(self, origin: str, name: str) -> str:
        anchor = self.source_anchor.get(origin)
        if anchor is None:
            anchor = f"s-{len(self.source_anchor) + 1}"
            self.source_anchor[origin] = anchor
        return f'<a href="#{anchor}">{_e(name)}</a>'

    def group_link(self, gid: str | None) -> str:
        if gid is None:
            return "across groups"
        anchor = self.group_anchor.get(gid)
        return (
            f'<a href="#{anchor}">Group {self.group_number[gid]}</a>'
            if anchor
            else f"a group not shown ({_e(gid)})"
        )


def _rank(severity: Severity) -> int:
    """The page's rank of a severity: 1 for info, 2 for warning, 3 for error (0 is a group without flags)."""
    return severity.rank + 1


def _ranks(report: Report) -> dict[str | None, int]:
    worst: dict[str | None, int] = {}
    for f in report.flags:
        worst[f.group] = max(worst.get(f.group, 0), _rank(f.severity))
    return worst


def _chosen(
    report: Report, worst: dict[str | None, int], most: int
) -> tuple[list[tuple[int, Group]], int]:
    numbered = list(enumerate(report.groups, 1))
    if len(numbered) <= most:
        return numbered, 0
    keep = sorted(numbered, key=lambda ng: (-worst.get(ng[1].id, 0), ng[0]))[:most]
    return sorted(keep, key=lambda ng: ng[0]), len(numbered) - most


def _sev(rank: int) -> str:
    return next((s.value for s in Severity if _rank(s) == rank), "none")


def _badge(rank: int) -> str:
    return (
        f'<span class="sev sev-{_sev(rank)}">{_sev(rank)}</span>'
        if rank
        else '<span class="none">none</span>'
    )


def _flag_item(f: Flag, page: _Page, *, in_group: bool = False) -> str:
    refs = [] if in_group else [page.group_link(f.group)]
    claims = []
    for cid in f.claims:
        try:
            c = page.report.claim(cid)
        except KeyError:
            claims.append(_e(cid))
            continue
        claims.append(f"{page.claim_link(cid)} ({page.source_link(c.origin, c.source.name)})")
    if claims:
        refs.append("claims: " + ", ".join(claims))
    sev = f.severity.value
    return (
        f'<li class="flag {sev}" data-rank="{_rank(f.severity)}" data-severity="{sev}">'
        f'<span class="sev sev-{sev}">{sev}</span> <span class="kind">{_e(flag_title(f))}</span>: '
        f'<span class="msg">{_e(f.message)}</span><span class="refs">{"; ".join(refs)}</span></li>'
    )


def _flags_section(report: Report, page: _Page) -> str:
    flags = sorted(report.flags, key=lambda f: -_rank(f.severity))
    items = "".join(_flag_item(f, page) for f in flags[: page.limits.flags])
    body = (
        f'<ol class="flags" id="flag-list">{items}</ol>'
        if flags
        else "<p>No flags: nothing to look at twice.</p>"
    )
    more = _more(
        len(flags) - page.limits.flags,
        "flag",
        f"the page shows the {page.limits.flags:,} most severe",
    )
    return f'<section id="flags"><h2>Flags ({len(flags):,})</h2>{body}{more}</section>'


def _best(g: Group) -> tuple[str, str]:
    return ("", "none") if g.best is None else (f"{g.best!r}", best_words(g))


def _range(g: Group) -> str:
    if not g.feasible:
        return "no single figure fits all the claims"
    return range_with_unit(g.low, g.high, g.low_closed, g.high_closed, g.unit)


_COLUMNS = (
    ("number", "num", "#"),
    ("figure", "text", "Figure"),
    ("verdict", "text", "Verdict"),
    ("best", "num", "Best estimate"),
    (None, None, "Every claim allows"),
    ("claims", "num", "Claims"),
    ("sources", "num", "Independent sources"),
    ("severity", "num", "Worst flag"),
)


def _group_table(
    shown: Sequence[tuple[int, Group]], worst: dict[str | None, int], page: _Page
) -> str:
    head = "".join(
        f'<th data-sort="{kind}" data-key="{key}"{" class=num" if kind == "num" else ""}>{label}</th>'
        if key
        else f"<th>{label}</th>"
        for key, kind, label in _COLUMNS
    )
    rows = []
    for n, g in shown:
        rank = worst.get(g.id, 0)
        value, best = _best(g)
        rows.append(
            f'<tr data-rank="{rank}"><td class="num" data-value="{n}"><a href="#{page.group_anchor[g.id]}">{n}</a></td>'
            f'<td>{_e(g.describe())}</td><td class=verdict-{_e(g.verdict)}>{_e(_SHORT.get(g.verdict, g.verdict))}</td><td class=num data-value="{value}">{_e(best)}</td>'
            f'<td>{_e(_range(g))}</td><td class=num data-value="{len(g.claims)}">{len(g.claims):,}</td>'
            f'<td class=num data-value="{g.origins}">{g.origins:,}</td>'
            f'<td class=num data-value="{rank}">{_badge(rank)}</td></tr>'
        )
    return f'<table id="group-table" class="sortable"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


_SHORT = {
    "agreement": "agree",
    "tolerance": "agree within tolerance",
    "discrepancy": "differ",
    "contradiction": "contradict",
}

_STATUS = (
    ("dissenting", "disagrees with the others"),
    ("superseded", "revised later by its source"),
    ("stale", "out of date"),
    ("withdrawn", "withdrawn"),
)


def _claim_rows(g: Group, page: _Page) -> str:
    status = {cid: words for field, words in reversed(_STATUS) for cid in getattr(g, field)}
    rows = []
    for cid in g.claims[: page.limits.claims]:
        c = page.report.claim(cid)
        chain = ", ".join(
            [page.source_link(c.origin, c.source.name), *(f"via {_e(s.name)}" for s in c.via)]
        )
        when = c.period.describe() if c.period is not None else ""
        klass = "dissenting" if cid in g.dissenting else "past" if cid in status else ""
        words = range_words(
            c.low, c.high if c.high != float("inf") else None, c.low_closed, c.high_closed
        )
        rows.append(
            f'<tr id="{page.claim_anchor[cid]}" class="{klass}"><td>{_e(cid)}</td>'
            f"<td>{_e(c.estimate.describe())}</td><td>{_e(words if c.is_count else '')}</td><td>{chain}</td>"
            f'<td>{_e(when)}</td><td class="status">{_e(status.get(cid, ""))}</td></tr>'
        )
    head = "<tr><th>Claim</th><th>As worded</th><th>Allows</th><th>Source</th><th>Period</th><th>Status</th></tr>"
    more = _more(
        len(g.claims) - page.limits.claims, "claim", f"the page shows {page.limits.claims} a group"
    )
    return (
        f'<table class="claims"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>{more}'
    )


def _group_article(n: int, g: Group, flags: Sequence[Flag], rank: int, page: _Page) -> str:
    verdict = VERDICT_WORDS.get(g.verdict, g.verdict)
    _, best = _best(g)
    if len(g.claims) == 1:
        said = f"One claim, nothing to compare it with: {_range(g)}; best estimate {best}."
    elif not g.feasible:
        said = f"{verdict}: no single figure fits all the claims; best estimate {best}."
    else:
        said = f"{verdict}: every current claim allows {_range(g)}; best estimate {best}."
    extra = [sources_words(g), g.precision_text(), g.grades_text()]
    flag_list = "".join(_flag_item(f, page, in_group=True) for f in flags)
    return (
        f'<article class="group {_e(g.verdict)}" id="{page.group_anchor[g.id]}" data-rank="{rank}">'
        f"<h3>Group {n}: {_e(g.describe())}</h3><p>{_e(said)}</p>"
        f"<p>{_e('; '.join(x for x in extra if x))}.</p>{_claim_rows(g, page)}"
        f"{f'<ul class=flags>{flag_list}</ul>' if flag_list else ''}</article>"
    )


def _series_section(report: Report, page: _Page) -> str:
    views, total = series_of(report, limit=page.limits.series)
    if not views:
        return ""
    marks = "".join(
        f'<span><span class="swatch" style="background:{MARK_COLOURS[m]}"></span>{_e(words)}</span>'
        for m, words in MARKS.items()
    )
    figures = "".join(_series_figure(v, page) for v in views)
    more = _more(
        total - len(views), "series", f"the page draws the {len(views)} most flagged", "series"
    )
    return (
        f'<section id="series"><h2>Series ({total:,})</h2><p>Each source\'s figures over time; a dot is a '
        f'flagged figure (hover for what was found, click for the claim).</p><div class="legend">{marks}</div>'
        f'<div class="charts">{figures}</div>{more}</section>'
    )


def _series_figure(view: SeriesView, page: _Page) -> str:
    origins = "".join(
        f'<span><span class="line-swatch" style="background:{ORIGIN_COLOURS[i % len(ORIGIN_COLOURS)]}">'
        f"</span>{_e(name)}</span>"
        for i, (name, _) in enumerate(view.lines)
    )
    unit = f" ({_e(unit_words(view.unit, None))})" if view.unit else ""
    flagged = len(view.marked())
    drawn = f", the {MAX_MARKS} most serious drawn" if flagged > MAX_MARKS else ""
    return (
        f'<figure class="series"><figcaption>{_e(view.title)}{unit}: {counted(flagged, "flagged figure")}{drawn}'
        f'</figcaption>{series_svg(view, page.claim_anchor)}<div class="legend">{origins}</div></figure>'
    )


def _sources_section(report: Report, page: _Page) -> str:
    names: dict[str, str] = {}
    claims: dict[str, list[str]] = {}
    for c in report.claims:
        names.setdefault(c.origin, c.source.name)
        claims.setdefault(c.origin, []).append(c.id)
    linked = [o for o in page.source_anchor if o in names]
    rest = sorted((o for o in names if o not in page.source_anchor), key=lambda o: -len(claims[o]))
    order = (
        linked + rest[: max(0, page.limits.sources - len(linked))]
    )  # every source a link points to
    rows = []
    for o in order:
        ids = claims[o]
        anchor = page.source_anchor.get(o) or f"s-{len(page.source_anchor) + 1}"
        page.source_anchor[o] = anchor
        shown = ", ".join(page.claim_link(cid) for cid in ids[:20]) + (
            f", and {len(ids) - 20:,} more" if len(ids) > 20 else ""
        )
        rows.append(
            f'<tr id="{anchor}"><td>{_e(names[o])}</td><td class=num>{len(ids):,}</td><td>{shown}</td></tr>'
        )
    more = _more(len(names) - len(order), "source", f"the page lists {page.limits.sources:,}")
    return (
        f'<section id="sources"><h2>Sources ({len(names):,})</h2><p>Each independent source (origin) and the '
        f"claims it stated first, whoever relayed them.</p><table><thead><tr><th>Source</th><th class=num>Claims"
        f"</th><th>Its claims</th></tr></thead><tbody>{''.join(rows)}</tbody></table>{more}</section>"
    )


def _listed(title: str, anchor: str, items: Sequence[str], most: int) -> str:
    if not items:
        return ""
    body = "".join(f"<li>{_e(item)}</li>" for item in items[:most])
    return (
        f'<section id="{anchor}"><h2>{title} ({len(items):,})</h2><ul>{body}</ul>'
        f"{_more(len(items) - most, 'item', f'the page lists {most:,}')}</section>"
    )


def _summary(report: Report) -> str:
    n = len(report.flags_of("contradiction"))
    contra = "none a contradiction" if n == 0 else counted(n, "contradiction")
    rejected = (
        "no claim rejected"
        if not report.rejected
        else f"{counted(len(report.rejected), 'claim')} rejected"
    )
    return (
        f"{counted(len(report.claims), 'claim')} in {counted(len(report.groups), 'group')}; "
        f"{counted(len(report.flags), 'flag')}, {contra}; {rejected}."
    )


def _verdict(report: Report) -> str:
    if report.has_contradiction:
        return '<p class="verdict bad">Contradictions found.</p>'
    return '<p class="verdict ok">No contradiction.</p>'


def report_html(
    report: Report, title: str = "", *, max_groups: int = 500, limits: Limits | None = None
) -> str:
    """The report as one self-contained HTML page (see the module's docstring)."""
    limits = attrs.evolve(limits or Limits(), groups=max(0, max_groups))
    worst = _ranks(report)
    shown, hidden = _chosen(report, worst, limits.groups)
    page = _Page(report, shown, limits)
    by_group: dict[str | None, list[Flag]] = {}
    for f in report.flags:
        by_group.setdefault(f.group, []).append(f)
    flags = _flags_section(report, page)
    why = f"the page shows the {limits.groups:,} most severely flagged, in report order"
    groups = (
        f'<section id="groups"><h2>Groups ({len(report.groups):,})</h2>'
        f"<p>Claims about one figure, with what reconciling them found. Click a heading to sort.</p>"
        f"{_group_table(shown, worst, page)}{_more(hidden, 'group', why)}"
        + "".join(
            _group_article(n, g, by_group.get(g.id, ()), worst.get(g.id, 0), page) for n, g in shown
        )
        + "</section>"
    )
    series = _series_section(report, page)
    derived = _listed(
        "Figures implied by others (derived)",
        "derived",
        [d.message for d in report.derived],
        limits.listed,
    )
    rejected = _listed(
        "Rejected claims",
        "rejected",
        [f"{r.claim_id}: {r.reason}" for r in report.rejected],
        limits.listed,
    )
    sources = _sources_section(report, page)
    heading = f"claimdiff report{f' for {title}' if title else ''}"
    sections = [
        ("flags", "Flags"),
        ("groups", "Groups"),
        ("series", "Series" if series else ""),
        ("sources", "Sources"),
        ("derived", "Derived" if derived else ""),
        ("rejected", "Rejected" if rejected else ""),
    ]
    nav = "".join(f'<a href="#{a}">{label}</a>' for a, label in sections if label)
    controls = (
        '<span class="controls"><label for="min-severity">Show </label><select id="min-severity">'
        '<option value="0">everything</option><option value="1">flagged: notes, warnings, errors</option>'
        '<option value="2">warnings and errors</option><option value="3">errors only</option></select>'
        '<span id="shown" role="status"></span></span>'
    )
    made = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(heading)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{_e(heading)}</h1><p class=summary>{_e(_summary(report))} Policy: {_e(report.policy)}.</p>"
        f"{_verdict(report)}</header><nav>{nav}{controls}</nav>"
        f"{flags}{groups}{series}{sources}{derived}{rejected}"
        f"<footer>Made by claimdiff {_e(__version__)} on {made}. One self-contained file: it loads nothing "
        f"from the network.</footer><script>{JS}</script></body></html>\n"
    )


_SUMMARY_CSS = (
    "font-family:system-ui,sans-serif;font-size:13px;border-collapse:collapse;margin:4px 0;"
)


def report_html_summary(report: Report, *, rows: int = 10) -> str:
    """A compact HTML view for notebooks: the summary, the most flagged groups and the most severe flags."""
    worst = _ranks(report)
    numbered = list(enumerate(report.groups, 1))
    top = sorted(numbered, key=lambda ng: (-worst.get(ng[1].id, 0), ng[0]))[:rows]
    cells = "".join(
        f"<tr><td>{n}</td><td>{_e(g.describe())}</td><td>{_e(g.verdict)}</td><td>{_e(_best(g)[1])}</td>"
        f"<td>{len(g.claims):,}</td><td>{g.origins:,}</td><td>{_sev(worst.get(g.id, 0))}</td></tr>"
        for n, g in top
    )
    head = "".join(
        f"<th style='text-align:left'>{label}</th>"
        for _, _, label in _COLUMNS
        if label != "Every claim allows"
    )
    flags = sorted(report.flags, key=lambda f: -f.severity.rank)
    items = "".join(
        f"<li><b>{_e(f.severity.value)}</b>, {_e(flag_title(f))}: {_e(f.message)}</li>"
        for f in flags[:rows]
    )
    more_groups = len(numbered) - len(top)
    more = f"{counted(more_groups, 'more group')}, " if more_groups > 0 else ""
    more += f"{counted(len(flags) - rows, 'more flag')} " if len(flags) > rows else ""
    tail = (
        f"<p><i>{more}not shown: <code>report.to_html()</code> has everything.</i></p>"
        if more
        else ""
    )
    return (
        f'<div class="claimdiff-report"><p><b>claimdiff report</b> (policy {_e(report.policy)}): '
        f"{_e(_summary(report))}</p><table style='{_SUMMARY_CSS}'><thead><tr>{head}</tr></thead>"
        f"<tbody>{cells}</tbody></table>{f'<ul>{items}</ul>' if items else ''}{tail}</div>"
    )
