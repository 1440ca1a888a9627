"""Benchmark on real data: a reconciled report of weather readings to its tables (groups, claims, Parquet).

Reads ``../shared/data/weather_dong2010`` (Dong et al., VLDB 2010; see its README): temperature, humidity,
pressure and visibility readings of weather sites for city-time slots, built as claims with each site's
unit as in ``eval_weather.py``. Times the groups and claims tables (``Report.to_dataframe``) and writing
every table as Parquet, in CPU seconds (``time.process_time``), after reconciling.

    python benchmarks/bench_tables_real.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimdiff import Claim, Estimate, Scope, Source, reconcile
from claimdiff.formats import write_report_parquet
from eval_weather import DATA, UNIT, rows

#: Each property read, with the unit its sites write it in (pressure: as ``eval_weather.UNIT`` says).
PROPERTIES = {
    "Temperature": "degF",
    "Humidity": "percent",
    "Pressure": "inHg",
    "Visibility": "mile",
}


def load() -> list[Claim]:
    """Every reading of the four properties that is a number, as a claim."""
    claims = []
    for path in sorted((DATA / "claims").glob("*.csv.gz")):
        for obj, prop, value, site, _stamp in rows(path):
            unit = PROPERTIES.get(prop)
            if unit is None:
                continue
            try:
                v = float(value.rstrip("%"))
            except ValueError:
                continue  # "N/A", "*" and the like: not a figure
            if prop == "Pressure":
                unit = UNIT.get(site, unit)
            claims.append(
                Claim(
                    id=f"{obj}/{prop}/{site}/{len(claims)}",
                    metric=prop.lower(),
                    scope=Scope(place=(obj,)),
                    estimate=Estimate.exact(v, unit=unit, text=value),
                    source=Source(site),
                )
            )
    return claims


def main() -> None:
    if not DATA.exists():
        print(f"data not found at {DATA}; skipping")
        return
    import pandas as pd  # noqa: F401 - imported before the clocks start

    claims = load()
    t0 = time.process_time()
    report = reconcile(claims)
    reconcile_s = time.process_time() - t0
    out = {"claims": len(claims), "groups": len(report.groups), "reconcile_s": reconcile_s}
    for table in ("groups", "claims"):
        t0 = time.process_time()
        report.to_dataframe(table)
        out[f"{table}_table_s"] = time.process_time() - t0
    with tempfile.TemporaryDirectory() as where:
        t0 = time.process_time()
        write_report_parquet(report, where)
        out["parquet_s"] = time.process_time() - t0
    print(
        "  ".join(f"{k} {v:,.2f}" if isinstance(v, float) else f"{k} {v:,}" for k, v in out.items())
    )


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main()
