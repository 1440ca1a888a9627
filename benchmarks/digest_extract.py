"""Digests of what ``claimdiff.extract`` makes of every text it is scored on: hashes only, never a claim.

For checking that a change meant to make extraction faster changes nothing it finds: run before and after
and compare the lines. It extracts every text of the real corpus (``tests/fixtures/real``, both halves),
every written fixture (``tests/fixtures/extract``), the seed article, and the benchmark's 100 kB text (the
paragraphs run together, see ``bench_extract.py``), and hashes each full output: every field of every
candidate (its claim with all its fields, offsets, phrase, part-of and headline) and the ``unread`` list.
It prints one hash per part and one over all, never a claim, a text or a score (the test half stays
unread; this tool gives no signal on its content, only on whether it changed).

    python benchmarks/digest_extract.py
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

from bench_extract import make_text
from claimdiff import extract
from extraction_eval import fixture_cases, real_cases


def output(text: str, case: dict[str, Any]) -> str:
    """The full output of one extraction as text: every candidate's repr, then every unread number's."""
    found = extract(
        text,
        published=str(case["published"]),
        outlet=case["outlet"],
        timezone=case.get("timezone", "UTC"),
        aliases=case["aliases"],
    )
    return "\n".join([*map(repr, found), "unread:", *map(repr, found.unread)])


def part_digest(cases: list[dict[str, Any]]) -> str:
    """One hash over the outputs of the cases, in order."""
    h = hashlib.sha256()
    for case in cases:
        h.update(case["name"].encode())
        h.update(output(Path(case["article"]).read_text(encoding="utf-8"), case).encode())
    return h.hexdigest()[:16]


def bench_digest() -> str:
    """The hash of the extraction of the benchmark's 100 kB text."""
    case = {"published": "2024-01-01", "outlet": "Bench News", "aliases": {}}
    return hashlib.sha256(output(make_text(100_000), case).encode()).hexdigest()[:16]


def main() -> int:
    """Print the digest of each part and of all."""
    parts = {
        "fixtures+seed": part_digest(fixture_cases()),
        "real dev": part_digest(real_cases("dev")),
        "real test": part_digest(real_cases("test")),
        "bench 100kB": bench_digest(),
    }
    for name, value in parts.items():
        print(f"{name:>14} {value}")
    total = hashlib.sha256("".join(parts.values()).encode()).hexdigest()[:16]
    print(f"{'all':>14} {total}")
    return 0


if __name__ == "__main__":
    from _usage import exit_if_help

    exit_if_help(__doc__, sys.argv[1:])
    sys.exit(main())
