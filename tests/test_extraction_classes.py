"""The extraction benchmark's error classes: how missed and spurious claims are sorted, counts only."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from claimdiff import Claim, Scope

ROOT = Path(__file__).resolve().parent.parent


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extraction_eval_classes", ROOT / "benchmarks" / "extraction_eval.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


def _claim(
    cid: str,
    estimate: str,
    *,
    metric: str = "killed",
    counted: str = "people",
    source: str = "Health Ministry",
    place: str | None = None,
) -> Claim:
    return Claim(
        id=cid,
        metric=metric,
        estimate=estimate,
        scope=Scope(counted=counted, place=place),
        source=source,
    )


# A hand-made text's expected claims: a toll, the injured, the missing, the displaced, the homes.
EXPECTED = [
    _claim("toll", "at least 14"),
    _claim("hurt", "30", metric="injured"),
    _claim("lost", "about 70", metric="missing"),
    _claim("fled", "1,200", metric="displaced"),
    _claim("homes", "45", metric="destroyed", counted="homes", place="Chad"),
]


def test_a_perfect_reading_is_all_matched() -> None:
    classes = BENCH.error_classes(EXPECTED, EXPECTED, {}, "Daily Post")
    assert classes["matched"] == classes["expected"] == 5
    assert classes["missed"] == classes["spurious"] == 0
    assert all(n == 0 for k, n in classes.items() if k not in {"expected", "matched"})


def test_each_error_lands_in_its_class() -> None:
    found = [
        _claim("f1", "at least 14"),  # right
        _claim("f2", "30", metric="injured", counted="soldiers"),  # wrong counted thing
        _claim("f3", "70", metric="missing", source="Daily Post"),  # hedge lost, outlet as origin
        _claim("f4", "1,200", metric="displaced", source="Daily Post"),  # the outlet as origin
        _claim("f5", "45", metric="destroyed", counted="homes", place="Niger"),  # wrong place
        _claim("f6", "2023", metric="killed"),  # a number nobody expects
        _claim("f7", "14", metric="injured"),  # a second, wrong reading of the toll's number
    ]
    classes = BENCH.error_classes(found, EXPECTED, {}, "Daily Post")
    assert classes["expected"] == 5
    assert classes["matched"] == 2  # the toll and the homes (place is not part of level d)
    assert classes["matched, place differs"] == 1
    assert classes["missed"] == 3
    assert classes["missed: no candidate at its number"] == 0
    assert classes["missed: a candidate at its number"] == 3
    assert classes["  counted differs"] == classes["  counted alone differs"] == 1
    assert classes["  interval/hedge differs"] == 1
    assert classes["  origin differs"] == 2
    assert classes["  origin alone differs"] == 1
    assert classes["    origin: expected: a named source; found: the outlet"] == 1
    assert classes["  metric differs"] == 0
    assert classes["spurious"] == 5
    assert classes["spurious: number not expected"] == 1
    assert classes["spurious: wrong reading of an expected number"] == 4
    assert classes["  paired with a miss"] == 3
    assert classes["  another reading of an expected number"] == 1


def test_a_miss_without_a_candidate_at_its_number() -> None:
    found = [_claim("f1", "15")]  # off by one: not the expected number
    classes = BENCH.error_classes(found, EXPECTED[:1], {}, "Daily Post")
    assert classes["missed: no candidate at its number"] == 1
    assert classes["spurious: number not expected"] == 1
    assert classes["missed: a candidate at its number"] == 0


def test_a_candidate_is_paired_with_one_miss_only() -> None:
    # Two expected claims at one number, one wrong candidate: one is paired, the other has none left.
    expected = [_claim("a", "12", metric="killed"), _claim("b", "12", metric="injured")]
    classes = BENCH.error_classes([_claim("f", "12", metric="missing")], expected, {}, "")
    assert classes["missed: a candidate at its number"] == 1
    assert classes["missed: no candidate at its number"] == 1
    assert classes["  metric alone differs"] == 1


def test_every_row_is_printed_as_a_count() -> None:
    assert "expected" in BENCH.CLASSES
    classes = BENCH.error_classes(EXPECTED[:2], EXPECTED, {}, "")
    assert set(classes) <= set(BENCH.CLASSES)
    assert all(isinstance(n, int) for n in classes.values())


def test_the_fixtures_part_prints_counts_that_add_up(capsys: pytest.CaptureFixture[str]) -> None:
    assert BENCH.main(["--classes", "--only", "fixtures"]) == 0
    out = capsys.readouterr().out
    rows = {line[:56].rstrip(): int(line[56:]) for line in out.splitlines()[1:] if line.strip()}
    assert set(rows) == {r.rstrip() for r in BENCH.CLASSES}
    assert rows["matched"] + rows["missed"] == rows["expected"]
    no, some = rows["missed: no candidate at its number"], rows["missed: a candidate at its number"]
    assert no + some == rows["missed"]
    wrong = rows["spurious: wrong reading of an expected number"]
    assert rows["spurious: number not expected"] + wrong == rows["spurious"]
    assert rows["  paired with a miss"] == some
    for case in BENCH.fixture_cases():  # counts only: no text's name
        assert case["name"] not in out
