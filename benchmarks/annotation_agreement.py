"""Agreement between two annotators of the real-text corpus: a second annotation scored against the corpus files.

Run: ``python benchmarks/annotation_agreement.py [DIR] [-v]``. ``DIR`` (default
``tests/fixtures/real/second``) holds a second annotator's claims files, ``DIR/NAME.yaml`` for
corpus texts ``NAME`` (``--draws N``: only those of the first N seeded draws, :func:`drawn`;
``--later``: only those of the later round's draw, :func:`later_drawn`; ``--newest``: the fifth round's; ``--sixth``: the sixth's; ``--seventh``: the seventh's; ``--eighth``: the eighth's; ``--ninth``: the ninth's; each a draw of :data:`ROUNDS`), written from ``tests/fixtures/real/ANNOTATION.md`` without opening
``NAME.yaml``. Each is scored with the matching rule the extraction benchmark uses
(``claimdiff._extract._score``: metric, counted thing, interval and hedge, origin; then also the
place), the corpus file as truth and the second file as the prediction, and the totals are
printed per half.

Then the disagreements are sorted into classes. In each text, an expected claim and a second
claim left unmatched are paired when they give the same figure (the same point, or the same
finite bounds), the closest such claim first; the fields a pair differs in name its class (``metric``, ``counted``,
``interval/hedge``, ``origin``, or several joined by ``+``; an origin alone is split into the
outlet against a source the text names, or two other names). An unpaired expected claim is a
figure only the corpus file counts; an unpaired second claim one only the second annotator
counts. A pair matched without place whose place keys differ is a ``place`` disagreement: of
depth (one path inside the other) or of different paths. ``-v`` prints
the differing values of each class, aggregated over texts and for the dev half only: the test
half stays held out, as in ``extraction_eval.py``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from claimdiff import Claim, load_claims
from claimdiff._extract._score import (
    FIELDS,
    Score,
    match_fields,
    origin_kind,
    pair_unmatched,
    score,
    source_key,
)
from claimdiff._model.aliases import canonical_source
from claimdiff._model.places import place_key

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"
SECOND = REAL / "second"
#: The draws sample the corpus as it stood when the second annotator drew: its first 130 entries.
#: ``corpus.yaml`` only grows at its end, so texts added later never change a draw.
DRAWN_FROM = 130


def corpus_cases() -> dict[str, dict[str, Any]]:
    """The corpus cases by name (``split``, ``aliases``, ...), from ``corpus.yaml``."""
    listed = yaml.safe_load((REAL / "corpus.yaml").read_text(encoding="utf-8"))
    return {case["name"]: case for case in listed["cases"]}


def drawn(draws: int, per_half: int = 6) -> set[str]:
    """The texts of the first ``draws`` seeded draws: ``random.Random(22 + i).sample`` of each half's unused in-repo names.

    >>> len(drawn(2))
    24
    """
    cases = list(corpus_cases().values())[:DRAWN_FROM]
    out: set[str] = set()
    for half in ("dev", "test"):
        names = sorted(
            c["name"] for c in cases if c["split"] == half and c.get("text") != "kept out"
        )
        for i in range(draws):
            rest = [n for n in names if n not in out]
            out |= set(random.Random(22 + i).sample(rest, per_half))
    return out


#: The draw of a later round: the texts appended from entry 165 to entry 243 of ``corpus.yaml`` (the third
#: and fourth annotation rounds of issue 22), six of each half, seeded with 2026. A blind second annotator
#: labelled them after the rounds' labels were written.
LATER_DRAW = (165, 243, 2026)

#: The draw of the fifth annotation round of issue 22: entries 243 to 281, six of each half, seeded with 2027.
NEWEST_DRAW = (243, 281, 2027)

#: The draw of the sixth annotation round of issue 22: entries 281 to 317, six of each half, seeded with 2028.
SIXTH_DRAW = (281, 317, 2028)

#: The draw of the seventh annotation round of issue 22: entries 317 to 351, six of each half, seeded with 2029.
SEVENTH_DRAW = (317, 351, 2029)

#: The draw of the eighth annotation round of issue 22: entries 351 to 378, six of each half, seeded with 2030.
EIGHTH_DRAW = (351, 378, 2030)

#: The draw of the ninth annotation round of issue 22 (tables in text): entries 378 to 408, six of each half,
#: seeded with 2031 (the texts of the round's first three annotators; the fourth's came after the draw).
NINTH_DRAW = (378, 408, 2031)

#: Each later round's draw by the name of its option (``--later``, ``--newest`` ...), in the rounds' order.
ROUNDS = {
    "later": LATER_DRAW,
    "newest": NEWEST_DRAW,
    "sixth": SIXTH_DRAW,
    "seventh": SEVENTH_DRAW,
    "eighth": EIGHTH_DRAW,
    "ninth": NINTH_DRAW,
}


def later_drawn(per_half: int = 6, draw: tuple[int, int, int] = LATER_DRAW) -> set[str]:
    """The texts of a later round's draw (``draw``: first entry, end, seed): ``random.Random(seed).sample`` of each half.

    >>> len(later_drawn()), len(later_drawn(draw=NEWEST_DRAW)), len(later_drawn(draw=SIXTH_DRAW))
    (12, 12, 12)
    >>> len(later_drawn(draw=SEVENTH_DRAW)), later_drawn(draw=SIXTH_DRAW) & later_drawn(draw=SEVENTH_DRAW)
    (12, set())
    >>> len(later_drawn(draw=EIGHTH_DRAW)), later_drawn(draw=SEVENTH_DRAW) & later_drawn(draw=EIGHTH_DRAW)
    (12, set())
    >>> len(later_drawn(draw=NINTH_DRAW)), later_drawn(draw=EIGHTH_DRAW) & later_drawn(draw=NINTH_DRAW)
    (12, set())
    >>> later_drawn() & later_drawn(draw=NEWEST_DRAW), later_drawn(draw=NEWEST_DRAW) & later_drawn(draw=SIXTH_DRAW)
    (set(), set())
    """
    first, last, seed = draw
    cases = list(corpus_cases().values())[first:last]
    out: set[str] = set()
    for half in ("dev", "test"):
        names = sorted(
            c["name"] for c in cases if c["split"] == half and c.get("text") != "kept out"
        )
        out |= set(random.Random(seed).sample(names, per_half))
    return out


def _origin_kind(theirs: str, ours: str, outlet: str) -> str:
    """Which way two origins differ, in this benchmark's words (corpus file against second file)."""
    kind = origin_kind(theirs, ours, outlet)
    kind = kind.replace("expected:", "corpus:").replace("found:", "second:")
    return f"origin ({kind})"


def _place_kind(theirs: tuple[object, ...], ours: tuple[object, ...]) -> str:
    """Which way two place keys differ: one path inside the other (depth), or apart."""
    n = min(len(theirs), len(ours))
    return "place (depth)" if theirs[:n] == ours[:n] else "place (different path)"


def classify(
    truth: Sequence[Claim], second: Sequence[Claim], aliases: Mapping[str, str], outlet: str = ""
) -> tuple[Counter[str], list[tuple[str, tuple[object, ...], tuple[object, ...]]]]:
    """The disagreement classes of one text, and the differing values behind each (see the module docstring).

    >>> from claimdiff import Claim, Scope
    >>> a = Claim(id="a", metric="killed", estimate="14", scope=Scope(counted="people"), source="OCHA")
    >>> b = Claim(id="b", metric="missing", estimate="14", scope=Scope(counted="people"), source="OCHA")
    >>> classify([a], [b], {})[0]
    Counter({'metric': 1})
    """
    s: Score = score(second, truth, aliases=aliases)
    by_id_t = {c.id: c for c in truth}
    by_id_s = {c.id: c for c in second}
    classes: Counter[str] = Counter()
    values: list[tuple[str, tuple[object, ...], tuple[object, ...]]] = []
    for sid, eid in s.matched:
        theirs, ours = place_key(by_id_t[eid].scope.place), place_key(by_id_s[sid].scope.place)
        if theirs != ours:
            kind = _place_kind(theirs, ours)
            classes[kind] += 1
            values.append((kind, theirs, ours))
    missed = [by_id_t[i] for i in s.missed]
    spurious = [by_id_s[i] for i in s.spurious]
    for e, partner, diff in pair_unmatched(missed, spurious, aliases):
        if partner is None:
            classes["figure only in corpus file"] += 1
            values.append(("figure only in corpus file", (e.metric.name, e.scope.counted), ()))
            continue
        spurious.remove(partner)
        fe, ff = match_fields(e, aliases), match_fields(partner, aliases)
        if diff == ("origin",):
            kind = _origin_kind(fe[3], ff[3], source_key(canonical_source(outlet, aliases)))  # type: ignore[arg-type]
        else:
            kind = "+".join(diff)
        classes[kind] += 1
        values.append(
            (
                kind,
                tuple(x for n, x in zip(FIELDS, fe, strict=True) if n in diff),
                tuple(y for n, y in zip(FIELDS, ff, strict=True) if n in diff),
            )
        )
    for f in spurious:
        classes["figure only in second file"] += 1
        values.append(("figure only in second file", (), (f.metric.name, f.scope.counted)))
    return classes, values


def agreement(
    folder: Path,
    *,
    draws: int | None = None,
    rounds: Collection[str] = (),
    verbose: bool = False,
) -> dict[str, Counter[str]]:
    """Print and return, per half, the totals and disagreement classes of ``folder``'s second annotations.

    With ``draws``, only the texts of that many seeded draws (see :func:`drawn`) are scored; with
    ``rounds`` (names of :data:`ROUNDS`, such as ``"later"`` or ``"ninth"``), only those of these rounds'
    draws (:func:`later_drawn`).
    """
    cases = corpus_cases()
    names = sorted(p.stem for p in folder.glob("*.yaml") if p.stem in cases)
    if draws is not None:
        names = sorted(set(names) & drawn(draws))
    for name in rounds:
        names = sorted(set(names) & later_drawn(draw=ROUNDS[name]))
    unknown = sorted(p.stem for p in folder.glob("*.yaml") if p.stem not in cases)
    if unknown:
        print(f"not in corpus.yaml, left out: {', '.join(unknown)}")
    out: dict[str, Counter[str]] = {}
    for half in ("dev", "test"):
        total: Counter[str] = Counter()
        classes: Counter[str] = Counter()
        values: Counter[tuple[str, tuple[object, ...], tuple[object, ...]]] = Counter()
        chosen = [n for n in names if cases[n]["split"] == half]
        for name in chosen:
            aliases = cases[name].get("aliases") or {}
            truth, second = load_claims(REAL / f"{name}.yaml"), load_claims(folder / f"{name}.yaml")
            s = score(second, truth, aliases=aliases)
            sp = score(second, truth, aliases=aliases, place=True)
            total.update(
                second=s.found, corpus=s.expected, matched=len(s.matched), placed=len(sp.matched)
            )
            c, v = classify(truth, second, aliases, str(cases[name].get("outlet", "")))
            classes.update(c)
            values.update(v)
        if not chosen:
            continue
        f, e, m, mp = total["second"], total["corpus"], total["matched"], total["placed"]
        print(
            f"{half}: {len(chosen)} texts, corpus {e} claims, second {f}; level d: {m} matched, "
            f"P {m / max(f, 1):.1%} R {m / max(e, 1):.1%}; +place: {mp}, P {mp / max(f, 1):.1%} R {mp / max(e, 1):.1%}"
        )
        for kind, n in classes.most_common():
            print(f"    {n:>3}  {kind}")
        if verbose and half == "dev":  # the test half stays held out: classes only
            for (kind, corpus_side, second_side), n in sorted(
                values.items(), key=lambda kv: (kv[0][0], -kv[1])
            ):
                print(f"        {kind}: corpus {corpus_side} / second {second_side} x{n}")
        out[half] = total + Counter({f"class:{k}": n for k, n in classes.items()})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=SECOND,
        help="the second annotator's NAME.yaml files",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="the differing values per class (dev half only)",
    )
    parser.add_argument(
        "--draws", type=int, help="score only the texts of the first N seeded draws (1: seed 22)"
    )
    ordinal = {"newest": "fifth"}
    for name in ROUNDS:
        told = "the later round's draw (issue 22's third and fourth annotation rounds)"
        if name != "later":
            told = f"the {ordinal.get(name, name)} round's draw (issue 22's {ordinal.get(name, name)} annotation round)"
        parser.add_argument(
            f"--{name}", action="store_true", help=f"score only the texts of {told}"
        )
    args = parser.parse_args(argv)
    agreement(
        args.folder,
        draws=args.draws,
        rounds=[name for name in ROUNDS if getattr(args, name)],
        verbose=args.verbose,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
