"""claimdiff.plot: a series drawn with matplotlib (Agg), on a small made series and on real COVID-19 tolls."""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

import pytest

import claimdiff
from claimdiff import Claim, Estimate, Scope, Source, reconcile
from claimdiff.exceptions import MissingExtraError
from claimdiff.vocabulary import Metric
from conftest import SHARED

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
plt = pytest.importorskip("matplotlib.pyplot")

from claimdiff import plot  # noqa: E402 - after the backend is chosen

COVID = SHARED / "data" / "covid_multisource_2020" / "tidy_global_country_claims.csv.gz"


def covid_claims(regions: set[str]) -> list[Claim]:
    """The JHU, ECDC and WHO cumulative tolls of some countries, as benchmarks/eval_verdicts.py reads them."""
    metrics = {
        "cum_cases": Metric("cases", cumulative=True),
        "cum_deaths": Metric("covid deaths", cumulative=True),
    }
    claims = []
    with gzip.open(COVID, "rt", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if row["region"] in regions:
                claims.append(
                    Claim(
                        id=f"r{i}",
                        metric=metrics[row["metric"]],
                        estimate=Estimate.exact(float(row["value"])),
                        scope=Scope(place=(row["region"],), counted="people"),
                        source=Source(row["source"]),
                        period=f"2020-01-01/{row['date']}",
                        stated=row["date"],
                    )
                )
    return claims


def fall_report() -> claimdiff.Report:
    """A ministry's running toll that falls on day 3, beside an agency's that does not."""
    toll = Metric("killed", cumulative=True)
    return reconcile(
        [
            Claim(
                id=f"{who}-{day}",
                metric=toll,
                estimate=str(figure),
                source=who,
                scope=Scope(place="X", counted="people"),
                period=f"2024-01-01/2024-01-0{day}",
                stated=f"2024-01-0{day}",
            )
            for who, figures in (("Ministry", (10, 20, 15)), ("Agency", (10, 20, 30)))
            for day, figure in enumerate(figures, 1)
        ]
    )


def test_each_origin_is_a_line_and_each_finding_a_marker() -> None:
    """Two origins: two lines with their three figures; the fall and the contradiction each a marker set."""
    ax = plot.series(fall_report(), "g1")
    assert [line.get_label() for line in ax.get_lines()] == ["Agency", "Ministry"]
    assert [list(line.get_ydata()) for line in ax.get_lines()] == [[10, 20, 30], [10, 20, 15]]
    labels = [c.get_label() for c in ax.collections]
    assert "lower than the same source's earlier figure (1)" in labels
    assert "contradicts another source (2)" in labels
    plt.close("all")


def test_an_axes_given_is_drawn_on() -> None:
    """ax= draws on the caller's Axes and returns it."""
    _, ax = plt.subplots()
    assert plot.series(fall_report(), ("killed", "people", "X"), ax=ax) is ax
    plt.close("all")


def test_an_unknown_series_is_a_key_error() -> None:
    """A key no group has raises KeyError naming it."""
    with pytest.raises(KeyError, match="injured: people in X"):
        plot.series(fall_report(), ("injured", "people", "X"))


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without matplotlib, plotting says which extra to install."""
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(MissingExtraError, match=r"claimdiff\[plot\]"):
        plot.series(fall_report(), "g1")


@pytest.mark.skipif(not COVID.exists(), reason="../shared/data/covid_multisource_2020 is absent")
def test_covid_deaths_in_italy(tmp_path: Path) -> None:
    """Italy's COVID-19 deaths from JHU, ECDC and WHO: three lines over the same days, and what reconciling
    found drawn on them, saved as a PNG."""
    report = reconcile(covid_claims({"IT"}))
    ax = plot.series(report, ("covid deaths", "people", "IT"))
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert sorted(lines) == ["ECDC", "JHU_CSSE", "WHO"]
    assert max(lines["WHO"].get_ydata()) > 30_000  # Italy passed 35,000 deaths in August 2020
    marks = {
        c.get_label(): len(c.get_offsets())
        for c in ax.collections
        if not c.get_label().startswith("_")
    }
    flagged = {
        cid
        for f in report.flags
        if f.group in {g.id for g in report.groups if g.metric == "covid deaths"}
        for cid in f.claims
    }
    assert marks  # the agencies do differ on some days
    falls = ax.collections[
        [c.get_label() for c in ax.collections].index(
            "lower than the same source's earlier figure (3)"
        )
    ].get_offsets()
    days = sorted(matplotlib.dates.num2date(x).date().isoformat() for x, _ in falls)
    assert days == [
        "2020-06-24",
        "2020-06-25",
        "2020-06-25",
    ]  # Italy's toll revised down, by every agency
    assert sum(marks.values()) >= len(flagged)
    out = tmp_path / "italy.png"
    ax.figure.savefig(out, dpi=80)
    assert out.stat().st_size > 10_000
    plt.close("all")
