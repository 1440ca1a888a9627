"""How many real place strings resolve to an ISO 3166-2 subdivision (``place_key``), on data nobody here wrote.

Place strings below a country come from
- ``../shared/data/ucdp_ged_sample`` (UCDP GED 23.1: "country > adm_1", e.g. "Syria > Idlib governorate"),
- ``tests/fixtures/real/*.yaml`` (the places annotators wrote for real reports).

A string counts as resolved when its key's second part is an ISO 3166-2 code ("SY-ID").
Run it on two source trees to compare (``PYTHONPATH=<tree>/src python benchmarks/eval_place_names.py``).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import yaml

from claimdiff.places import place_key

ROOT = Path(__file__).resolve().parents[1]
UCDP = ROOT.parent / "shared" / "data" / "ucdp_ged_sample" / "ucdp_ged231_sample1000.csv"
FIXTURES = ROOT / "tests" / "fixtures" / "real"
_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


def ucdp_places() -> list[str]:
    """ "Country > adm_1" of every UCDP event that names its first-level unit."""
    if not UCDP.exists():
        return []
    with UCDP.open(encoding="utf-8") as f:
        return [f"{r['country']} > {r['adm_1']}" for r in csv.DictReader(f) if r["adm_1"].strip()]


def fixture_places() -> list[str]:
    """The place of every claim in the real-text fixtures that names more than a country."""
    out = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        claims = doc.get("claims", []) if isinstance(doc, dict) else []
        out += [
            str(c["place"])
            for c in claims
            if isinstance(c, dict) and isinstance(c.get("place"), str) and ">" in c["place"]
        ]
    return out


def resolved(places: list[str]) -> tuple[int, int]:
    """(strings resolved to an ISO 3166-2 code, strings) over the distinct strings."""
    distinct = sorted(set(places))
    hits = [p for p in distinct if len(k := place_key(p)) > 1 and _CODE.match(str(k[1]))]
    return len(hits), len(distinct)


def main() -> None:
    for name, places in (("ucdp_ged_sample", ucdp_places()), ("fixtures/real", fixture_places())):
        n, total = resolved(places)
        print(f"{name}: {n}/{total} distinct place strings resolve to an ISO 3166-2 code")
        if "-v" in sys.argv:
            for p in sorted(set(places)):
                print("   ", p, "->", place_key(p))


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    main()
