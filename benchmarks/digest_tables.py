"""Digests of what claimdiff makes of real tables: claims, rejections, the report and its tables, hashed.

For checking that a change to the readers or the table writers changes nothing: run before and after and
compare the lines. Reads ``../shared/data`` in place (see its README; nothing is copied): the COVID-19
cumulative counts of JHU, ECDC and WHO (``covid_multisource_2020``, every row, through
``claims_from_dataframe``, with a few rows spoiled on purpose so that rejections are hashed too), the UCDP GED
sample (``ucdp_ged_sample``, through ``read_ucdp_ged``) and the Wikipedia city populations
(``population_pasternack``, through ``claims_from_dataframe``).

    python benchmarks/digest_tables.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def covid() -> Any:
    """Every COVID row as a claim (``columns=``), six rows spoiled: a bad figure, no source, a bad date."""
    import pandas as pd

    from claimdiff import claims_from_dataframe

    df = pd.read_csv(DATA / "covid_multisource_2020" / "tidy_global_country_claims.csv.gz")
    df["value"] = df["value"].astype(object)
    df.loc[[5, 70_000], "value"] = "many"
    df.loc[[11, 90_001], "source"] = None
    df.loc[[17, 150_003], "date"] = "2020-13-45"
    return claims_from_dataframe(
        df,
        columns={
            "metric": "metric",
            "place": ["region"],
            "stated": "date",
            "value": "value",
            "source": "source",
        },
        defaults={"counted": "people"},
        name="covid",
    )


def ucdp() -> Any:
    """The UCDP GED sample as UCDP's reader reads it (13 rows break low <= best <= high: rejected)."""
    from claimdiff.formats import read_ucdp_ged

    return read_ucdp_ged(DATA / "ucdp_ged_sample" / "ucdp_ged231_sample1000.csv")


def population() -> Any:
    """The city populations (GTM preprocessing) as a DataFrame of claims, one per edit."""
    import pandas as pd

    from claimdiff import claims_from_dataframe

    path = DATA / "population_pasternack" / "gtm_preprocessed" / "population-new-new.txt"
    rows = [
        line.split("\t") for line in path.read_text(encoding="latin-1").split("\n") if line.strip()
    ]
    df = pd.DataFrame(rows, columns=["item", "editor", "value", "year"])
    df["place"] = "United States > " + df["item"].str.rsplit("_", n=1).str[0]
    df["period"] = df["year"] + "-01/" + df["year"] + "-12"
    return claims_from_dataframe(
        df,
        columns={"place": ["place"], "period": "period", "value": "value", "source": "editor"},
        defaults={"metric": "population", "counted": "people"},
        name="population",
    )


def digest(name: str, loaded: Any) -> dict[str, Any]:
    """The hashes of one data set's claims, rejections, report and tables."""
    from claimdiff import reconcile

    report = reconcile(loaded.claims)
    out: dict[str, Any] = {
        "set": name,
        "claims": len(loaded.claims),
        "rejected": len(loaded.rejected),
        "claims#": _hash("\n".join(repr(c) for c in loaded.claims)),
        "rejected#": _hash("\n".join(map(str, loaded.rejected))),
        "report_rejected": len(report.rejected),
        "report#": _hash(json.dumps(report.to_dict(), sort_keys=True, default=str)),
    }
    for table in ("groups", "flags", "claims", "flag_claims", "rejected", "derived"):
        frame = report.to_dataframe(table)
        out[f"table {table}#"] = _hash(frame.to_csv(index=False) + repr(frame.dtypes.to_dict()))
    return out


def main() -> None:
    if not DATA.exists():
        print(f"data not found at {DATA}; skipping")
        return
    for name, read in (("covid", covid), ("ucdp", ucdp), ("population", population)):
        print(json.dumps(digest(name, read())))


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main()
