"""Whether an outside text is one of the corpus's texts: run it before writing a rule from a text.

Run: ``python benchmarks/corpus_overlap.py FILE [FILE ...]``. For each file it prints the corpus
texts (`tests/fixtures/real/`) that share at least ``--least`` of their runs of ten words with it,
and their half. A rule writer reads only texts this prints nothing for, or dev texts: a search for
"outside" texts of a genre finds the same pages the annotators took (aggregator pages, mirrors,
reprints), and a test text read that way no longer measures text nobody here has read (issue 22's
seventh round found eleven so; ``extraction_eval.py`` scores them apart, see ``seen``).
The exit status is 1 when some file overlaps a test text.

>>> len(runs("Twelve people were killed and 40 were injured in the blast, officials said."))
4
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

REAL = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "real"

#: Words in a run: a shared run of this many words is a shared sentence, not a shared phrase.
RUN = 10

_WORD = re.compile(r"[a-z0-9]+")


def runs(text: str, size: int = RUN) -> set[str]:
    """The runs of ``size`` consecutive words of ``text``, lower-cased, punctuation left out."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def corpus_runs() -> dict[str, tuple[str, set[str]]]:
    """Each corpus text in the repository: its half and its runs."""
    listed = yaml.safe_load((REAL / "corpus.yaml").read_text(encoding="utf-8"))["cases"]
    return {
        case["name"]: (
            case["split"],
            runs((REAL / f"{case['name']}.txt").read_text(encoding="utf-8")),
        )
        for case in listed
        if case.get("text") != "kept out"
    }


def overlaps(
    text: str, corpus: dict[str, tuple[str, set[str]]], least: float = 0.1
) -> list[tuple[str, str, float]]:
    """The corpus texts sharing at least ``least`` of their runs with ``text``: name, half, share.

    >>> corpus = {"a": ("test", runs("one two three four five six seven eight nine ten eleven"))}
    >>> overlaps("Zero one two three four five six seven eight nine ten eleven twelve.", corpus)
    [('a', 'test', 1.0)]
    >>> overlaps("Something else entirely, of no more than ten words.", corpus)
    []
    """
    mine = runs(text)
    found = []
    for name, (half, theirs) in corpus.items():
        if theirs:
            share = len(mine & theirs) / len(theirs)
            if share >= least:
                found.append((name, half, round(share, 2)))
    return sorted(found, key=lambda f: -f[2])


def main(argv: list[str] | None = None) -> int:
    """Print the overlaps of each file; 1 when one of them overlaps a test text."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument(
        "--least", type=float, default=0.1, help="the share of a corpus text's runs (default 0.1)"
    )
    args = parser.parse_args(argv)
    corpus = corpus_runs()
    status = 0
    for path in args.files:
        for name, half, share in overlaps(
            path.read_text(encoding="utf-8", errors="replace"), corpus, args.least
        ):
            print(f"{path}: {half} text {name} ({share:.0%} of its runs)")
            if half == "test":
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
