"""The anchor policies on real figures: COVID-19 cumulative deaths per country on 2020-08-01.

The README's figures for ``ucdp`` and ``ibc`` come from this script: the JHU, ECDC and WHO deaths of one
day (``../shared/data/covid_multisource_2020``, read in place), WHO declared at reliability 0.9.
It prints how many claims and countries, in how many of the countries WHO reports ``ucdp`` puts WHO's
figure forward, and in how many ``ibc``'s maximum is more than 5% above its minimum.

    python benchmarks/eval_anchor_covid.py
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

from claimdiff import Claim, Estimate, Scope, Source, reconcile
from claimdiff.vocabulary import Metric

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DAY = "2020-08-01"


def claims_of_the_day() -> list[Claim]:
    """Each agency's cumulative deaths per country as of DAY, WHO declared at reliability 0.9."""
    path = DATA / "covid_multisource_2020" / "tidy_global_country_claims.csv.gz"
    deaths = Metric("covid deaths", cumulative=True)
    claims = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if row["metric"] != "cum_deaths" or row["date"] != DAY:
                continue
            reliability = 0.9 if row["source"] == "WHO" else None
            claims.append(
                Claim(
                    id=f"r{i}",
                    metric=deaths,
                    estimate=Estimate.exact(float(row["value"])),
                    scope=Scope(place=(row["region"],), counted="people"),
                    source=Source(row["source"], reliability=reliability),
                    period=f"2020-01-01/{DAY}",
                    stated=DAY,
                )
            )
    return claims


def main() -> None:
    claims = claims_of_the_day()
    print(f"{len(claims)} claims over {len({c.scope.place for c in claims})} countries, {DAY}")
    ucdp = reconcile(claims, "ucdp")
    with_who = [g for g in ucdp.groups if any(ucdp.claim(c).source.name == "WHO" for c in g.claims)]
    forward = [
        g
        for g in with_who
        if any(
            ucdp.claim(c).source.name == "WHO" and ucdp.claim(c).estimate.high == g.best
            for c in g.claims
        )
    ]
    print(f"ucdp: WHO's figure put forward in {len(forward)} of {len(with_who)} countries")
    ibc = reconcile(claims, "ibc")
    spread = 0
    for g in ibc.groups:
        figures = [ibc.claim(c).estimate.high for c in g.claims]
        spread += min(figures) > 0 and max(figures) > 1.05 * min(figures)
    print(f"ibc: {spread} countries whose maximum is more than 5% above their minimum")


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main()
