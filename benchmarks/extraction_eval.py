"""Precision and recall of ``claimdiff.extract`` on the seed article and the extraction fixtures.

Run: ``.venv/bin/python benchmarks/extraction_eval.py [-v]`` (``-v`` lists missed and spurious claims).

Each text is compared with its hand-written claims file under the matching rule of
``claimdiff._extract._score`` (same metric, counted thing, interval and hedge, and origin
source modulo the alias table of the case). The cases are listed in
``tests/fixtures/extract/cases.yaml``; the seed article is read from ``../shared/seeds``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from claimdiff import extract, load_claims
from claimdiff._extract._score import Score, score

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "extract"
SEED_ARTICLE = ROOT.parent / "shared" / "seeds" / "belgorod-2023-12-30-article.txt"
SEED_CLAIMS = ROOT / "seeds" / "belgorod-2023-12-30.yaml"


def cases() -> list[dict[str, Any]]:
    """Every case: name, article path, claims path, published date, outlet, source aliases."""
    out: list[dict[str, Any]] = []
    if SEED_ARTICLE.exists():
        out.append({"name": "belgorod-seed", "article": SEED_ARTICLE, "claims": SEED_CLAIMS,
                    "published": "2023-12-30", "outlet": "ZeroHedge", "timezone": "Europe/Moscow", "aliases": {}})
    listed = yaml.safe_load((FIXTURES / "cases.yaml").read_text(encoding="utf-8"))
    out += [
        {**case, "article": FIXTURES / f"{case['name']}.txt", "claims": FIXTURES / f"{case['name']}.yaml",
         "aliases": case.get("aliases") or {}}
        for case in listed["cases"]
    ]
    return out


def evaluate(case: dict[str, Any]) -> Score:
    """Extract from one case's article and score it against the case's claims file."""
    text = Path(case["article"]).read_text(encoding="utf-8")
    found = extract(text, published=str(case["published"]), outlet=case["outlet"],
                    timezone=case.get("timezone", "UTC"))
    return score([c.claim for c in found], load_claims(case["claims"]), aliases=case["aliases"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed and spurious claims")
    args = parser.parse_args(argv)
    head = f"{'text':<28} {'found':>5} {'expected':>8} {'matched':>7} {'precision':>9} {'recall':>7}"
    print(head)
    print("-" * len(head))
    total = [0, 0, 0]
    for case in cases():
        s = evaluate(case)
        total[0] += s.found
        total[1] += s.expected
        total[2] += len(s.matched)
        print(f"{case['name']:<28} {s.found:>5} {s.expected:>8} {len(s.matched):>7} {s.precision:>9.1%} {s.recall:>7.1%}")
        if args.verbose:
            for m in s.missed:
                print(f"    missed:   {m}")
            for f in s.spurious:
                print(f"    spurious: {f}")
    print("-" * len(head))
    found, expected, matched = total
    p = matched / found if found else 1.0
    r = matched / expected if expected else 1.0
    print(f"{'all texts':<28} {found:>5} {expected:>8} {matched:>7} {p:>9.1%} {r:>7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
