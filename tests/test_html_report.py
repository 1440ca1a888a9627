"""The HTML report: what the page holds, that input cannot run in it, that it stays bounded, and (in a real
headless Chromium, skipped when none is installed) that the seed's page shows its groups and flags and that
the severity filter and the sorting work once its script has run."""

from __future__ import annotations

import html.parser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import claimdiff
from claimdiff import Claim, Estimate, Scope, Source, load_claims, reconcile
from claimdiff._formats.html_report import Limits, report_html
from claimdiff._formats.series_view import claim_marks, series_of, series_view
from claimdiff.cli import main
from claimdiff.vocabulary import Metric
from conftest import SEED

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium (CI installs Debian's: apt-get install chromium)"
)

HOSTILE = "<script>document.title='pwned'</script>"
HOSTILE_IMG = "<img src=x onerror=\"document.title='pwned'\">"


class _Elements(html.parser.HTMLParser):
    """Counts the elements of a page and notes every attribute that could run script."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.handlers: list[tuple[str, str]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name == "id" and value:
                self.ids.append(value)
            if name == "href" and value:
                self.hrefs.append(value)


def parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


def seed_report() -> claimdiff.Report:
    return reconcile(load_claims(SEED))


def hostile_report() -> claimdiff.Report:
    """Two sources with markup in their names and ids contradicting each other."""
    scope = Scope(place="X", counted="people")
    return reconcile(
        [
            Claim(
                id="a<b>",
                metric="killed",
                estimate="10",
                scope=scope,
                source=HOSTILE,
                stated="2024-01-01",
            ),
            Claim(
                id=HOSTILE_IMG,
                metric="killed",
                estimate="40",
                scope=scope,
                source=HOSTILE_IMG,
                stated="2024-01-01",
                via=[Source("</td></tr></table><h1>x")],
            ),
        ]
    )


def fall_report() -> claimdiff.Report:
    """One ministry's running toll over five days that falls on the fourth; a second source agrees."""
    killed = Metric("killed", cumulative=True)
    scope = Scope(place="X", counted="people")
    claims = []
    for source, figures in (("Ministry", (10, 20, 30, 25, 40)), ("Agency", (10, 20, 30, 35, 40))):
        for day, figure in enumerate(figures, 1):
            claims.append(
                Claim(
                    id=f"{source.lower()}-{day}",
                    metric=killed,
                    estimate=Estimate.exact(figure),
                    scope=scope,
                    source=source,
                    period=f"2024-01-01/2024-01-0{day}",
                    stated=f"2024-01-0{day}",
                )
            )
    return reconcile(claims)


# -- the page, read as HTML ------------------------------------------------------------------------------


def test_the_seed_page_holds_every_group_claim_and_flag() -> None:
    """Each of the seed's 20 groups has a row and a section, each of its 22 claims a row, each of its 2 flags an
    item; every in-page link points to an element of the page."""
    report = seed_report()
    page = report.to_html("seed")
    found = parse(page)
    assert page.count('<tr data-rank="') == len(report.groups) == 20
    assert page.count('<article class="group') == 20
    assert sum(1 for i in found.ids if i.startswith("c-")) == len(report.claims) == 22
    assert page.count('<li class="flag') == 2 * len(
        report.flags
    )  # in the list of flags and in their group
    dangling = [
        h
        for h in found.hrefs
        if h.startswith("#")
        and h[1:] not in found.ids
        and h[1:] not in {"flags", "groups", "series", "sources", "derived", "rejected"}
    ]
    assert dangling == []
    assert "difference of precision" in page
    assert "Russian Ministry of Defence" in page


def test_each_flag_links_to_its_claims_and_their_sources() -> None:
    """A flag names its group and each claim with a link to the claim's row and to its source's row."""
    page = seed_report().to_html()
    item = page[page.index('<ol class="flags" id="flag-list">') : page.index("</ol>")]
    assert '<a href="#g-9">Group 9</a>' in item
    first = item[: item.index("</li>")]
    assert first.count('href="#c-') == 2
    assert first.count('href="#s-') == 2


def test_the_page_needs_no_network() -> None:
    """One self-contained file: no external script, style sheet, image or font."""
    page = fall_report().to_html()
    found = parse(page)
    assert found.tags.get("script") == 1
    assert "<link" not in page
    assert "src=" not in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page


def test_markup_in_the_input_is_escaped() -> None:
    """Names and ids holding <script> or an event handler reach the page as text: one script element (the
    page's own), no event-handler attribute, the names shown escaped."""
    for page in (hostile_report().to_html(HOSTILE), hostile_report()._repr_html_()):
        found = parse(page)
        assert found.tags.get("script", 0) <= 1
        assert found.handlers == []
        assert found.tags.get("img", 0) == 0
        assert found.tags.get("h1", 0) <= 1
        assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page


def test_a_huge_report_is_bounded_and_says_what_it_leaves_out() -> None:
    """3,000 groups: the page shows 100 (the flagged ones among them), and says how many more there are."""
    scope = Scope(place="X", counted="people")
    claims = [
        Claim(id=f"c{i}", metric=f"m{i:04d}", estimate="5", scope=scope, source="A")
        for i in range(3000)
    ]
    claims += [Claim(id="d1", metric="m2999", estimate="50", scope=scope, source="B")]
    report = reconcile(claims)
    page = report_html(report, max_groups=100, limits=Limits(flags=10))
    assert page.count('<tr data-rank="') == 100
    assert "2,900 more groups not shown" in page
    assert "Group 3000: m2999" in page  # the contradiction comes first whatever its place
    assert len(page) < 400_000


def test_a_series_is_drawn_with_its_flagged_points() -> None:
    """A running toll that falls: its chart has a line per source and the fall marked, linked to its claim."""
    report = fall_report()
    views, total = series_of(report)
    assert total == 1
    view = views[0]
    assert [name for name, _ in view.lines] == ["Agency", "Ministry"]
    assert {p.claim for p in view.marked() if "fall" in p.marks} == {"ministry-4"}
    page = report.to_html()
    chart = page[page.index('<section id="series">') :]
    assert chart.count("<polyline") == 2
    assert (
        "Ministry, 2024-01-04: 25 (ministry-4): contradicts another source; lower than the same source"
        in chart
    )
    assert "Agency, 2024-01-04: 35 (agency-4): contradicts another source</title>" in chart
    assert chart.count('data-mark="contradiction"') == 2


def test_a_series_is_named_by_a_group_an_id_or_its_key() -> None:
    """series_view finds the same series from a group, its id, or (metric, counted, place)."""
    report = fall_report()
    first = report.groups[0]
    by_key = series_view(report, ("killed", "people", "X"))
    assert series_view(report, first).key == series_view(report, first.id).key == by_key.key
    assert by_key.points == 10
    with pytest.raises(KeyError, match="no group about"):
        series_view(report, ("injured", "people", "X"))


def test_marks_name_what_the_flags_found() -> None:
    """A downward revision marks its claims as a fall; a contradiction marks both sides."""
    marks = claim_marks(fall_report().flags)
    assert "fall" in marks["ministry-4"]
    assert set(claim_marks(hostile_report().flags).values()) == {("contradiction",)}


def test_the_notebook_view_is_compact() -> None:
    """_repr_html_ shows the summary and the most flagged groups, no script, and points to to_html()."""
    report = seed_report()
    shown = report._repr_html_()
    assert "22 claims in 20 groups" in shown
    assert "<script" not in shown
    assert shown.count("<tr>") == 1 + 10
    assert "10 more groups" in shown
    assert len(shown) < len(report.to_html()) / 5


def test_check_writes_the_html_report(tmp_path: Path) -> None:
    """claimdiff check --format html -o FILE writes the page; the exit status is as for text."""
    out = tmp_path / "report.html"
    assert main(["check", str(SEED), "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "claimdiff report for" in page
    assert "belgorod-2023-12-30.yaml" in page


# -- in a real browser -----------------------------------------------------------------------------------


def chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium on ``args``; its standard output."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def rendered(tmp_path: Path, page: str, fragment: str = "") -> str:
    """The page's DOM after its script ran, as Chromium serialises it."""
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    return chromium(tmp_path, "--dump-dom", f"{path.as_uri()}{fragment}")


@needs_chromium
def test_the_seed_page_in_a_browser_shows_its_groups_and_flags(tmp_path: Path) -> None:
    """In Chromium, the script runs and counts what is shown: all 20 groups and both flags."""
    dom = rendered(tmp_path, seed_report().to_html("seed"))
    assert "Showing 20 of 20 groups and 2 of 2 flags" in dom
    assert dom.count('<tr data-rank="') == 20
    assert "injured: people in Russia &gt; Belgorod Oblast &gt; Belgorod" in dom


@needs_chromium
def test_the_severity_filter_hides_what_is_less_severe(tmp_path: Path) -> None:
    """#min=info keeps the 2 flagged groups of the seed; on a contradiction, #min=error keeps it alone."""
    dom = rendered(tmp_path, seed_report().to_html(), "#min=info")
    assert "Showing 2 of 20 groups and 2 of 2 flags" in dom
    assert dom.count('<tr data-rank="0" hidden="">') == 18
    dom = rendered(tmp_path, fall_report().to_html(), "#min=error")
    assert "Showing 1 of 5 groups and 1 of 2 flags" in dom


@needs_chromium
def test_the_group_table_sorts(tmp_path: Path) -> None:
    """#sort=claims&order=desc puts the seed's groups of two claims first."""
    dom = rendered(tmp_path, seed_report().to_html(), "#sort=claims&order=desc")
    body = dom[dom.index('<table id="group-table"') :]
    rows = body[body.index("<tbody>") : body.index("</tbody>")].split("</tr>")[:-1]
    claims = [
        int(row.split('data-value="')[3].split('"')[0]) for row in rows
    ]  # number, best, claims, ...
    assert claims == sorted(claims, reverse=True)
    assert claims[:3] == [2, 2, 1]
    assert 'aria-sort="descending"' in dom


@needs_chromium
def test_hostile_input_does_not_run_in_the_browser(tmp_path: Path) -> None:
    """The page's title stays its own: no script from a source's name or a claim's id ran."""
    dom = rendered(tmp_path, hostile_report().to_html("x"))
    assert "<title>claimdiff report for x</title>" in dom
    assert "pwned</title>" not in dom
    assert "Showing 1 of 1 groups" in dom


@needs_chromium
def test_a_screenshot_of_the_seed_page_is_drawn(tmp_path: Path) -> None:
    """Chromium draws the page: a screenshot that is not blank (its pixels are not all one colour)."""
    image = pytest.importorskip("PIL.Image")
    page = tmp_path / "seed.html"
    page.write_text(seed_report().to_html("seed"), encoding="utf-8")
    shot = tmp_path / "seed.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    with image.open(shot) as png:
        assert png.size == (1280, 2000)
        colours = png.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None
    assert len(colours) > 50


def _distances(*worded: str) -> claimdiff.Report:
    """Claims of one distance, each as worded by its own source."""
    return reconcile(
        [
            Claim(
                id=f"c{i}",
                metric="distance",
                estimate=text,
                scope=Scope(place="Kharkiv", event="front line"),
                source=f"S{i}",
            )
            for i, text in enumerate(worded)
        ]
    )


@pytest.mark.parametrize(
    ("worded", "figure"),
    [
        (("20 miles", "about 20 miles"), "20 miles"),
        (("1 mile", "1 mile"), "1 mile"),
        (("10 minutes", "10 minutes"), "10 minutes"),
        (("1 minute", "1 minute"), "1 minute"),
        (("3 km", "3 km"), "3 kilometers"),
        (("12 mph", "12 mph"), "12 mph"),
    ],
)
def test_units_agree_with_their_figure_in_the_groups_table_as_in_the_text(
    worded: tuple[str, ...], figure: str
) -> None:
    """The groups table writes a figure's unit as the text report does, in the singular after 1 and in the
    plural otherwise ("20 miles", never "20 mile"), and leaves a symbol as it is ("12 mph")."""
    report = _distances(*worded)
    page = report_html(report)
    text = report.to_text()
    assert f"allows {figure}; best estimate {figure}." in text
    assert f'">{figure}</td>' in page  # the best estimate's cell
    assert f"<td>{figure}</td>" in page  # the range's cell
