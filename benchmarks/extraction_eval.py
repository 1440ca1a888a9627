"""Precision and recall of ``claimdiff.extract``: written fixtures, the real-text corpus, and the seed.

Run: ``.venv/bin/python benchmarks/extraction_eval.py [-v] [--only PART] [--classes] [--texts WHICH]``
(``-v`` lists missed and spurious claims; ``--only`` scores one part: fixtures, dev, test or seed;
``--classes`` prints instead the error classes of each part side by side, counts only, see
:func:`error_classes`; ``--texts fresh`` scores only the corpus texts added fresh on 2026-12-06,
``--texts earlier`` only those before them, ``--texts latest`` those of the round after it, ``--texts
newest`` those of the fifth annotation round, ``--texts sixth`` those of the sixth, ``--texts seventh``
those of the seventh, ``--texts eighth`` those of the eighth, ``--texts ninth`` those of the ninth); ``--only dev-read`` and ``--only dev-check`` score the two parts of the dev half
(:func:`dev_part`).

The dev half is cut in two by a second byte of the same hash (:func:`dev_part`): ``dev-read``, whose texts
and errors a rule writer reads, and ``dev-check``, printed like the test half (totals and counts only).
A rule that raises dev-read and leaves dev-check where it was has fitted the text it was read on: the
twelfth round of issue 22 kept its rules only where dev-check did not fall, and found that dev-check
predicted the test half (see ``docs/extraction-rounds.md``).

The test half is held out: it prints its totals only, never a line or an error per text, so that
rules are tuned on the dev half's errors alone and the test half is scored once they are frozen.
A test text a rule writer has read anyway (a search for outside texts found its source page: its
corpus entry says so under ``seen``) stays in the test half's totals, and is left out of a second
line, "unseen by rule writers".

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
import hashlib
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from claimdiff import Claim, extract, load_claims
from claimdiff._extract._score import (
    FIELDS,
    Score,
    figures,
    match_fields,
    origin_kind,
    pair_unmatched,
    score,
    source_key,
)
from claimdiff._model.aliases import canonical_source
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


#: Where the fresh texts of the 2026-12-06 annotation round begin in ``corpus.yaml`` (it grows at its end):
#: texts no rule had been written on when they were added, scored apart with ``--texts fresh``.
FRESH_FROM = 130

#: Where the texts of the following annotation round (the third, issue 22) begin: scored apart with
#: ``--texts latest``.
LATEST_FROM = 165

#: Where the texts of the fifth annotation round (issue 22) begin: scored apart with ``--texts newest``.
NEWEST_FROM = 243

#: Where the texts of the sixth annotation round (issue 22) begin: scored apart with ``--texts sixth``.
SIXTH_FROM = 281

#: Where the texts of the seventh annotation round (issue 22) begin: scored apart with ``--texts seventh``.
SEVENTH_FROM = 317

#: Where the texts of the eighth annotation round (issue 22) begin: scored apart with ``--texts eighth``.
EIGHTH_FROM = 351

#: Where the texts of the ninth annotation round (issue 22; tables in text, labelled blind) begin: ``--texts ninth``.
NINTH_FROM = 378

#: The corpus entries each ``--texts`` choice scores, as a slice of ``corpus.yaml``'s list.
TEXTS = {
    "all": slice(None),
    "earlier": slice(None, FRESH_FROM),
    "fresh": slice(FRESH_FROM, LATEST_FROM),
    "latest": slice(LATEST_FROM, NEWEST_FROM),
    "newest": slice(NEWEST_FROM, SIXTH_FROM),
    "sixth": slice(SIXTH_FROM, SEVENTH_FROM),
    "seventh": slice(SEVENTH_FROM, EIGHTH_FROM),
    "eighth": slice(EIGHTH_FROM, NINTH_FROM),
    "ninth": slice(NINTH_FROM, None),
}


def real_cases(split: str, texts: str = "all", *, unseen: bool = False) -> list[dict[str, Any]]:
    """The real-text corpus cases of one half ("dev" or "test"): ``texts`` one of :data:`TEXTS`.

    With ``unseen``, the texts whose corpus entry says a rule writer has read them (``seen``: a
    search for outside texts brought back their source page) are left out: the test half's
    measure on text nobody who writes rules has read.

    >>> parts = ("earlier", "fresh", "latest", "newest", "sixth", "seventh", "eighth", "ninth")
    >>> len(real_cases("dev")) == sum(len(real_cases("dev", part)) for part in parts)
    True
    """
    listed = yaml.safe_load((REAL / "corpus.yaml").read_text(encoding="utf-8"))
    cases = listed["cases"]
    cases = cases[TEXTS[texts]]
    return [
        {
            **case,
            "article": REAL / f"{case['name']}.txt",
            "claims": REAL / f"{case['name']}.yaml",
            "aliases": case.get("aliases") or {},
        }
        for case in cases
        if case["split"] == split
        and case.get("text") != "kept out"  # kept out: listed by address only
        and not (unseen and case.get("seen"))
    ]


def dev_part(name: str) -> str:
    """The part of the dev half a corpus text falls in: "dev-read" or "dev-check", by the second byte of its hash.

    The half itself is the first byte's parity (``split`` in ``corpus.yaml``); the second byte's parity
    cuts the dev half in two of about equal size.

    >>> sorted({dev_part(c["name"]) for c in real_cases("dev")})
    ['dev-check', 'dev-read']
    """
    return "dev-read" if hashlib.sha256(name.encode("utf-8")).digest()[1] % 2 == 0 else "dev-check"


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


#: How an origin alone differs (:func:`claimdiff._extract._score.origin_kind`).
ORIGIN_KINDS = (
    "expected: a named source; found: the outlet",
    "expected: the outlet; found: a named source",
    "one body, two spellings",
    "two bodies",
)

#: The rows of :func:`error_classes`, in the order they are printed.
CLASSES = (
    "expected",
    "matched",
    "missed",
    "missed: no candidate at its number",
    "missed: a candidate at its number",
    *(f"  {f} differs" for f in FIELDS),
    *(f"  {f} alone differs" for f in FIELDS),
    *(f"    origin: {k}" for k in ORIGIN_KINDS),
    "matched, place differs",
    "spurious",
    "spurious: number not expected",
    "spurious: wrong reading of an expected number",
    "  paired with a miss",
    "  another reading of an expected number",
)


def error_classes(
    found: list[Claim],
    expected: list[Claim],
    aliases: dict[str, str] | None = None,
    outlet: str = "",
) -> Counter[str]:
    """The error classes of one text at level d, as counts (the rows of :data:`CLASSES`).

    The scorer's matching (:func:`claimdiff._extract._score.score`) splits expected claims into
    matched and missed; each miss is paired, one to one, with the closest spurious candidate
    stating one of its numbers (:func:`claimdiff._extract._score.pair_unmatched`). A miss with no
    such candidate is "no candidate at its number"; one with a candidate counts once for each
    field the two differ in ("differs": metric, counted thing, interval or hedge, origin) and,
    when it is the only one, once under "alone differs" (an origin alone also under its kind:
    the outlet for a named source, one body spelt twice, two bodies). A match whose places differ
    (``place_key``) is "matched, place differs". A spurious candidate is a wrong reading of an
    expected number when it is paired with a miss, or when it states a number some expected
    claim states (a second reading of a figure, or a reading of a matched one); else its number
    is not expected anywhere.
    """
    aliases = aliases or {}
    s = score(found, expected, aliases=aliases)
    by_id_f = {c.id: c for c in found}
    by_id_e = {c.id: c for c in expected}
    out: Counter[str] = Counter(
        {
            "expected": s.expected,
            "matched": len(s.matched),
            "missed": len(s.missed),
            "spurious": len(s.spurious),
        }
    )
    # The place rule may pair a figure with another candidate: count by expected claim.
    placed_expected = {e for _, e in score(found, expected, aliases=aliases, place=True).matched}
    out["matched, place differs"] = sum(e not in placed_expected for _, e in s.matched)
    spurious = [by_id_f[i] for i in s.spurious]
    paired: set[str] = set()
    outlet_key = source_key(canonical_source(outlet, aliases))
    for e, partner, diff in pair_unmatched([by_id_e[i] for i in s.missed], spurious, aliases):
        if partner is None:
            out["missed: no candidate at its number"] += 1
            continue
        paired.add(partner.id)
        out["missed: a candidate at its number"] += 1
        out.update(f"  {f} differs" for f in diff)
        if len(diff) == 1:
            out[f"  {diff[0]} alone differs"] += 1
        if diff == ("origin",):
            keys = (match_fields(e, aliases)[3], match_fields(partner, aliases)[3])
            out[f"    origin: {origin_kind(*keys, outlet_key)}"] += 1  # type: ignore[arg-type]
    numbers = set().union(*(figures(e) for e in expected)) if expected else set()
    for f in spurious:
        if f.id in paired:
            out["  paired with a miss"] += 1
        elif figures(f) & numbers:
            out["  another reading of an expected number"] += 1
        else:
            out["spurious: number not expected"] += 1
    out["spurious: wrong reading of an expected number"] = (
        out["  paired with a miss"] + out["  another reading of an expected number"]
    )
    return out


def part_classes(cases: list[dict[str, Any]]) -> Counter[str]:
    """The error classes summed over the texts of one part (counts only: no name, sentence or value)."""
    total: Counter[str] = Counter()
    for case in cases:
        expected = list(load_claims(case["claims"]))
        total.update(error_classes(extracted(case), expected, case["aliases"], str(case["outlet"])))
    return total


def print_classes(parts: dict[str, list[dict[str, Any]]]) -> None:
    """Print the error classes of each part side by side: counts only, for any part, the test half included."""
    totals = {name: part_classes(cases) for name, cases in parts.items()}
    print(f"{'error class (level d)':<56}" + "".join(f"{name:>10}" for name in totals))
    for row in CLASSES:
        print(f"{row:<56}" + "".join(f"{t[row]:>10}" for t in totals.values()))
    print()


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


def _dev_cases(part: str, texts: str) -> list[dict[str, Any]]:
    return [c for c in real_cases("dev", texts) if dev_part(c["name"]) == part]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list missed and spurious claims"
    )
    parser.add_argument(
        "--only",
        choices=("fixtures", "dev", "dev-read", "dev-check", "test", "seed"),
        help="score one part only",
    )
    parser.add_argument(
        "--classes",
        action="store_true",
        help="the error classes of each part side by side (counts only)",
    )
    parser.add_argument(
        "--texts",
        choices=tuple(TEXTS),
        default="all",
        help="the corpus texts scored: all, those before the fresh texts of 2026-12-06, those fresh "
        "texts, the third and fourth rounds' (latest), the fifth round's (newest), the sixth's (sixth), the seventh's (seventh), the eighth's (eighth) or the ninth's (ninth)",
    )
    args = parser.parse_args(argv)
    texts = args.texts
    if args.classes:
        parts = {
            "fixtures": fixture_cases,
            "dev": lambda: real_cases("dev", texts),
            "dev-read": lambda: _dev_cases("dev-read", texts),
            "dev-check": lambda: _dev_cases("dev-check", texts),
            "test": lambda: real_cases("test", texts),
        }
        chosen = [args.only] if args.only in parts else ["dev", "test"]
        print_classes({name: parts[name]() for name in chosen})
        return 0
    if args.only in (None, "fixtures"):
        _table("fixtures (written for the project)", fixture_cases(), verbose=args.verbose)
    if args.only in (None, "dev"):
        _table(f"real dev ({texts} texts)", real_cases("dev", texts), verbose=args.verbose)
    if args.only == "dev-read":
        _table(
            f"real dev-read ({texts} texts)", _dev_cases("dev-read", texts), verbose=args.verbose
        )
    if args.only == "dev-check":  # read like the test half: totals only
        _table(
            f"real dev-check ({texts} texts, totals only)",
            _dev_cases("dev-check", texts),
            verbose=False,
            per_text=False,
        )
    if args.only in (None, "test"):  # held out: totals only
        _table(
            f"real test ({texts} texts, totals only)",
            real_cases("test", texts),
            verbose=False,
            per_text=False,
        )
        _table(
            f"real test, unseen by rule writers ({texts} texts, totals only)",
            real_cases("test", texts, unseen=True),
            verbose=False,
            per_text=False,
        )
    if args.only in (None, "seed"):
        seed_grouping(verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
