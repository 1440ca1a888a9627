"""Every kind of sentence claimdiff writes, on real rows: one example of each flag kind (and tag) per data set.

Reads the real multi-source sets in ``../shared/data/`` in place (never copied): COVID-19 cumulative cases and
deaths of JHU, ECDC and WHO; stock volumes of 34 sites (Li et al. 2012), also under the ``truth`` policy;
city populations (Pasternack & Roth 2010); air pressure of weather sites, one in hPa (Dong et al. 2010); the
UCDP GED sample (as read_ucdp_ged reads it); the Belgorod seed of this repository; and the claims written by hand from the real report excerpts
in ``tests/fixtures/real``. Prints,
for each (data set, flag kind, tags), the first flag's sentence, so that a person can read every kind.

    python benchmarks/messages_real.py [covid stock population weather weather-undeclared ucdp seed news]
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import claimdiff
from claimdiff import Claim, Estimate, Scope, Source, reconcile
from claimdiff.vocabulary import Metric

ROOT = Path(__file__).resolve().parents[1]
DATA = next(
    (
        p / "shared" / "data"
        for p in Path(__file__).resolve().parents
        if (p / "shared" / "data").exists()
    ),
    ROOT.parent / "shared" / "data",
)


def covid() -> list[Claim]:
    metrics = {
        "cum_cases": Metric("cases", cumulative=True),
        "cum_deaths": Metric("covid deaths", cumulative=True),
    }
    with gzip.open(
        DATA / "covid_multisource_2020" / "tidy_global_country_claims.csv.gz",
        "rt",
        encoding="utf-8",
    ) as f:
        return [
            Claim(
                id=f"r{i}",
                metric=metrics[row["metric"]],
                estimate=Estimate.exact(float(row["value"])),
                scope=Scope(place=(row["region"],), counted="people"),
                source=Source(row["source"]),
                period=f"2020-01-01/{row['date']}",
                stated=row["date"],
            )
            for i, row in enumerate(csv.DictReader(f))
        ]


def stock() -> list[Claim]:
    claims, seen = [], set()
    path = DATA / "stock_li2012" / "claims_volume_20110701_slimfast" / "srcStockVolumes.csv"
    with path.open(encoding="utf-8") as f:
        for i, (source, symbol, volume, _) in enumerate(csv.reader(f)):
            if (source, symbol) not in seen:
                seen.add((source, symbol))
                claims.append(
                    Claim(
                        id=f"s{i}",
                        metric="volume",
                        estimate=Estimate.exact(float(volume)),
                        scope=Scope(place=("NASDAQ", symbol.lower()), counted="shares"),
                        source=Source(source),
                    )
                )
    return claims


def population() -> list[Claim]:
    path = DATA / "population_pasternack" / "gtm_preprocessed" / "population-new-new.txt"
    claims = []
    for i, line in enumerate(path.read_text(encoding="latin-1").split("\n")):
        if line.strip():
            item, editor, value, year = line.split("\t")
            claims.append(
                Claim(
                    id=f"c{i}",
                    metric="population",
                    estimate=Estimate.exact(float(value), text=value),
                    scope=Scope(place=("United States", item.rsplit("_", 1)[0]), counted="people"),
                    source=Source(editor),
                    period=f"{year}-01/{year}-12",
                )
            )
    return claims


def weather(units: bool = True) -> list[Claim]:
    """Air pressure of the first three files; Fox News in hPa as it writes (``units=False``: all read as inHg)."""
    claims = []
    for path in sorted((DATA / "weather_dong2010" / "claims").glob("*.csv.gz"))[:3]:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, (obj, prop, value, site, _stamp) in enumerate(csv.reader(f)):
                if prop != "Pressure":
                    continue
                try:
                    v = float(value)
                except ValueError:
                    continue
                claims.append(
                    Claim(
                        id=f"{path.stem}-{i}",
                        metric="pressure",
                        estimate=Estimate.exact(
                            v, unit="hPa" if units and site == "foxnews" else "inHg", text=value
                        ),
                        scope=Scope(place=(obj,)),
                        source=Source(site),
                    )
                )
    return claims


def ucdp() -> list[Claim]:
    """The UCDP GED sample as :func:`claimdiff.formats.read_ucdp_ged` reads it (its rejected rows set aside)."""
    return list(
        claimdiff.formats.read_ucdp_ged(
            DATA / "ucdp_ged_sample" / "ucdp_ged231_sample1000.csv"
        ).claims
    )


def seed() -> list[Claim]:
    return list(claimdiff.load_claims(ROOT / "seeds" / "belgorod-2023-12-30.yaml"))


def news() -> list[Claim]:
    """The claims written by hand from the real report excerpts in ``tests/fixtures/real`` (sources and licences
    in each file), all reconciled together: reports of one place on different days revise and contradict."""
    claims = []
    for path in sorted((ROOT / "tests" / "fixtures" / "real").glob("*.yaml")):
        if path.name != "corpus.yaml":
            claims.extend(
                attrs.evolve(c, id=f"{path.stem}:{c.id}") for c in claimdiff.load_claims(path)
            )
    return claims


SETS: dict[str, tuple[Callable[[], list[Claim]], tuple[str, ...]]] = {
    "covid": (covid, ("consensus",)),
    "stock": (stock, ("consensus", "truth")),
    "population": (population, ("consensus",)),
    "weather": (weather, ("consensus",)),
    "weather-undeclared": (lambda: weather(units=False), ("truth",)),
    "ucdp": (ucdp, ("consensus",)),
    "seed": (seed, ("consensus",)),
    "news": (news, ("consensus",)),
}


def form(message: str) -> str:
    """The sentence's shape, so each shape is shown once (lag explanations come in three)."""
    for mark in (
        " matches ",
        " lies between ",
        "'s figure",
        "too soon after",
        "cannot fall",
        "times the median",
        "times it:",
        "% above the median",
        "% below the median",
        "zero against",
        "away from",
        "fewer than 5 apart",
        "another report of the same origin",
    ):
        if mark in message:
            return mark.strip()
    return ""


def main(argv: list[str]) -> None:
    wanted = argv or list(SETS)
    for name in wanted:
        load, policies = SETS[name]
        try:
            claims = load()
        except FileNotFoundError as e:
            print(f"\n## {name}: data not found ({e.filename}); skipped")
            continue
        for policy in policies:
            report = reconcile(claims, policy)
            print(f"\n## {name} ({len(claims):,} claims, policy {policy})")
            shown: set[Any] = set()
            for f in report.flags:
                key = (f.kind.value, f.severity.value, f.tags, form(f.message))
                if key in shown:
                    continue
                shown.add(key)
                tags = f" [{', '.join(f.tags)}]" if f.tags else ""
                print(f"- {f.kind.value}/{f.severity.value}{tags}: {f.message}")
            same = [
                f
                for f in report.flags_of("contradiction", "discrepancy", "outlier")
                if len({report.claim(c).origin for c in f.claims}) == 1
            ]
            if same:
                print(
                    f"- ({len(same):,} conflicts between two reports of one origin; first:) {same[0].message}"
                )
            for lag in report.lags[:2]:
                print(f"- lag: {lag.message}")
            if report.truth is not None:
                for shift in report.truth.shifts[:1]:
                    print(f"- shift: {shift.message}")


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main(sys.argv[1:])
