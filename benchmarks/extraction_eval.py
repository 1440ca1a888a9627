"""Precision and recall of ``claimdiff.extract``: written fixtures, the real-text corpus, and the seed.

Run: ``.venv/bin/python benchmarks/extraction_eval.py [-v] [--only PART]`` (``-v`` lists missed and
spurious claims; ``--only`` scores one part: fixtures, dev, test or seed).

The test half is held out: it prints its totals only, never a line or an error per text, so that
rules are tuned on the dev half's errors alone and the test half is scored once they are frozen.

Each text is compared with its hand-written claims file under the matching rule of
``claimdiff._extract._score`` (same metric, counted thing, interval and hedge, and origin
source after the alias tables), once without and once with the place in the match.

* ``fixtures``: ``tests/fixtures/extract`` (texts written for the project) and the seed article;
* ``real dev`` / ``real test``: ``tests/fixtures/real`` (short excerpts of published reports,
  each with its address and licence in ``corpus.yaml``), split by a fixed hash of the name;
* ``seed grouping``: the seed article extracted, then grouped by what ``claimdiff check``
  groups by (metric, counted thing, place); the share of the hand seed's groups
  (``seeds/belgorod-2023-12-30.yaml``) that the extracted claims reproduce. The event is
  left out of the key on both sides: extraction cannot know the names a hand file gives events.
  Printed twice: with full places (what ``check`` groups by) and with places cut to what the
  gazetteer knows (ISO country and first-level subdivision); and, the stricter reading, how many
  of the hand groups that compare two or more claims compare the same figures after extraction.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from claimdiff import Claim, extract, load_claims
from claimdiff._extract._score import Score, score
from claimdiff._model.places import place_key

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "extract"
REAL = ROOT / "tests" / "fixtures" / "real"
SEED_ARTICLE = next(
    (
        p
        for p in (
            ROOT.parent / "shared" / "seeds" / "belgorod-2023-12-30-article.txt",
            Path("/work/shared/seeds/belgorod-2023-12-30-article.txt"),
        )
        if p.exists()
    ),
    ROOT.parent / "shared" / "seeds" / "belgorod-2023-12-30-article.txt",
)
SEED_CLAIMS = ROOT / "seeds" / "belgorod-2023-12-30.yaml"


def fixture_cases() -> list[dict[str, Any]]:
    """The written fixtures and the seed article: name, article, claims, published, outlet, aliases."""
    out: list[dict[str, Any]] = []
    if SEED_ARTICLE.exists():
        out.append(
            {
                "name": "belgorod-seed",
                "article": SEED_ARTICLE,
                "claims": SEED_CLAIMS,
                "published": "2023-12-30",
                "outlet": "ZeroHedge",
                "timezone": "Europe/Moscow",
                "aliases": {},
            }
        )
    listed = yaml.safe_load((FIXTURES / "cases.yaml").read_text(encoding="utf-8"))
    out += [
        {
            **case,
            "article": FIXTURES / f"{case['name']}.txt",
            "claims": FIXTURES / f"{case['name']}.yaml",
            "aliases": case.get("aliases") or {},
        }
        for case in listed["cases"]
    ]
    return out


cases = fixture_cases  # the name the tests know


def real_cases(split: str) -> list[dict[str, Any]]:
    """The real-text corpus cases of one half ("dev" or "test")."""
    listed = yaml.safe_load((REAL / "corpus.yaml").read_text(encoding="utf-8"))
    return [
        {
            **case,
            "article": REAL / f"{case['name']}.txt",
            "claims": REAL / f"{case['name']}.yaml",
            "aliases": case.get("aliases") or {},
        }
        for case in listed["cases"]
        if case["split"] == split and case.get("text") != "kept out"
    ]  # kept out: listed by address only


def extracted(case: dict[str, Any]) -> list[Claim]:
    """The claims extracted from one case's article."""
    text = Path(case["article"]).read_text(encoding="utf-8")
    return [
        c.claim
        for c in extract(
            text,
            published=str(case["published"]),
            outlet=case["outlet"],
            timezone=case.get("timezone", "UTC"),
            aliases=case["aliases"],
        )
    ]


def evaluate(case: dict[str, Any], *, place: bool = False) -> Score:
    """Extract from one case's article and score it against the case's claims file."""
    return score(extracted(case), load_claims(case["claims"]), aliases=case["aliases"], place=place)


def _table(
    title: str, cases: list[dict[str, Any]], *, verbose: bool, per_text: bool = True
) -> None:
    head = f"{title:<34} {'found':>5} {'expected':>8} {'match':>5} {'P':>6} {'R':>6} {'match+place':>11} {'P':>6} {'R':>6}"
    print(head)
    print("-" * len(head))
    total = Counter[str]()
    for case in cases:
        s, sp = evaluate(case), evaluate(case, place=True)
        total.update(
            found=s.found, expected=s.expected, matched=len(s.matched), placed=len(sp.matched)
        )
        if not per_text:
            continue
        print(
            f"{case['name']:<34} {s.found:>5} {s.expected:>8} {len(s.matched):>5} {s.precision:>6.0%} "
            f"{s.recall:>6.0%} {len(sp.matched):>11} {sp.precision:>6.0%} {sp.recall:>6.0%}"
        )
        if verbose:
            for m in s.missed:
                print(f"    missed:   {m}")
            for f in s.spurious:
                print(f"    spurious: {f}")
            for m in sorted(set(sp.missed) - set(s.missed)):
                print(f"    place:    {m}")
    print("-" * len(head))
    f, e, m, mp = total["found"], total["expected"], total["matched"], total["placed"]
    print(
        f"{'all (' + str(len(cases)) + ' texts)':<34} {f:>5} {e:>8} {m:>5} {m / max(f, 1):>6.1%} {m / max(e, 1):>6.1%} "
        f"{mp:>11} {mp / max(f, 1):>6.1%} {mp / max(e, 1):>6.1%}"
    )
    print()


def _group(c: Claim, *, iso: bool = False) -> tuple[object, ...]:
    key = place_key(c.scope.place)
    if iso:  # only what the gazetteer knows: the country and first-level subdivision
        key = tuple(k for k in key if k[:1].isupper())
    return (c.metric.name, c.scope.counted or "", key)


def seed_grouping(*, verbose: bool) -> None:
    """The share of the hand seed's groups that extract-then-group reproduces (full places, then ISO level)."""
    if not SEED_ARTICLE.exists():
        print("seed grouping: the seed article is not checked out")
        return
    _seed_grouping(verbose=verbose, iso=False)
    _seed_grouping(verbose=False, iso=True)


def _seed_grouping(*, verbose: bool, iso: bool) -> None:
    case = fixture_cases()[0]
    level = "ISO-level places" if iso else "full places"
    hand = Counter(_group(c, iso=iso) for c in load_claims(SEED_CLAIMS))
    got = Counter(_group(c, iso=iso) for c in extracted(case))
    # A group is reproduced when extraction puts claims in it, and, where the hand seed compares
    # two or more claims in it, extraction also puts at least two there (so check compares them).
    ok = [g for g, n in hand.items() if got.get(g, 0) >= min(n, 2)]
    print(
        f"seed grouping ({level}): {len(ok)} of {len(hand)} hand-seed groups reproduced ({len(ok) / len(hand):.0%}); "
        f"extracted claims fall in {len(got)} groups, {sum(1 for g in got if g not in hand)} of them not in the hand seed"
    )
    # The stricter reading: of the hand groups that compare two or more claims, how many compare
    # the same figures after extraction (their matched extracted claims in one extracted group).
    hand_claims, found = load_claims(SEED_CLAIMS), extracted(case)
    pairs = dict(
        score(found, hand_claims, aliases=case["aliases"]).matched
    )  # extracted id -> hand id
    group_of = {c.id: _group(c, iso=iso) for c in found}
    compared = [g for g, n in hand.items() if n >= 2]
    together = 0
    for g in compared:
        ids = {c.id for c in hand_claims if _group(c, iso=iso) == g}
        theirs = [group_of[e] for e, h in pairs.items() if h in ids]
        together += len(theirs) >= 2 and len(set(theirs)) == 1
    print(
        f"seed comparisons ({level}): {together} of the hand seed's {len(compared)} groups of two or more claims "
        f"compare the same figures after extraction"
    )
    if verbose:
        for g, n in hand.items():
            print(f"    {'ok  ' if g in ok else 'MISS'} hand {n} / extracted {got.get(g, 0)}: {g}")
        for g, n in got.items():
            if g not in hand:
                print(f"    only extracted {n}: {g}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list missed and spurious claims"
    )
    parser.add_argument(
        "--only", choices=("fixtures", "dev", "test", "seed"), help="score one part only"
    )
    args = parser.parse_args(argv)
    if args.only in (None, "fixtures"):
        _table("fixtures (written for the project)", fixture_cases(), verbose=args.verbose)
    if args.only in (None, "dev"):
        _table("real dev", real_cases("dev"), verbose=args.verbose)
    if args.only in (None, "test"):  # held out: totals only
        _table("real test (totals only)", real_cases("test"), verbose=False, per_text=False)
    if args.only in (None, "seed"):
        seed_grouping(verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
