"""The real-text corpus: its texts, licences and expectations, and extraction's scores on it."""

from __future__ import annotations

import hashlib
import importlib.util
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimdiff import load_claims

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"
CORPUS = yaml.safe_load((REAL / "corpus.yaml").read_text(encoding="utf-8"))["cases"]


def _eval() -> Any:
    spec = importlib.util.spec_from_file_location(
        "extraction_eval_real", ROOT / "benchmarks" / "extraction_eval.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EVAL = _eval()


def test_corpus_is_large_enough_and_split_by_hash() -> None:
    """At least 120 texts in ten genres of at least 8 each; each in the half its name's SHA-256 says (even: dev)."""
    assert len(CORPUS) >= 120
    genres = Counter(case["genre"] for case in CORPUS)
    assert sum(1 for n in genres.values() if n >= 8) >= 10, genres
    for case in CORPUS:
        even = hashlib.sha256(case["name"].encode()).digest()[0] % 2 == 0
        assert case["split"] == ("dev" if even else "test"), case["name"]
    assert {c["split"] for c in CORPUS} == {"dev", "test"}


@pytest.mark.parametrize("case", CORPUS, ids=lambda c: c["name"])
def test_each_text_has_address_licence_and_claims(case: dict[str, Any]) -> None:
    """Every text names where it comes from and under what licence, and its expected claims load."""
    assert case["url"].startswith("http")
    assert case["licence"].strip()
    if (
        case.get("text") == "kept out"
    ):  # a licence that does not allow the text: address and claims only
        assert not (REAL / f"{case['name']}.txt").exists()
    else:
        text = (REAL / f"{case['name']}.txt").read_text(encoding="utf-8")
        assert 0 < len(text) < 4000, "an excerpt, not a whole page"
    claims_file = (REAL / f"{case['name']}.yaml").read_text(encoding="utf-8")
    assert case["url"] in claims_file
    assert load_claims(REAL / f"{case['name']}.yaml")


def _totals(split: str, *, place: bool) -> tuple[float, float]:
    found = expected = matched = 0
    for case in EVAL.real_cases(split):
        s = EVAL.evaluate(case, place=place)
        found, expected, matched = found + s.found, expected + s.expected, matched + len(s.matched)
    return matched / found, matched / expected


@pytest.mark.parametrize(
    ("split", "place", "floor"),
    [
        ("dev", False, (0.85, 0.63)),
        ("test", False, (0.68, 0.33)),
        ("dev", True, (0.64, 0.48)),
        ("test", True, (0.43, 0.21)),
    ],
)
def test_scores_do_not_fall(split: str, place: bool, floor: tuple[float, float]) -> None:
    """Precision and recall on each half stay at or above what they were when the rules were last changed.

    These are regression floors on the corpus as it stands (420 texts, 394 scored), below the targets (80% and 75% on
    the test half): the README says by how much each half misses them and why.
    """
    precision, recall = _totals(split, place=place)
    assert precision >= floor[0]
    assert recall >= floor[1]


def test_the_dev_half_is_cut_in_two_parts_of_about_equal_size() -> None:
    """dev-read and dev-check (``extraction_eval.dev_part``) partition the dev half, each with about half its texts."""
    dev = [c["name"] for c in EVAL.real_cases("dev")]
    read = [n for n in dev if EVAL.dev_part(n) == "dev-read"]
    check = [n for n in dev if EVAL.dev_part(n) == "dev-check"]
    assert sorted(read + check) == sorted(dev)
    assert not set(read) & set(check)
    assert 0.4 < len(read) / len(dev) < 0.6
