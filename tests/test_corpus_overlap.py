"""The check a rule writer runs on an outside text: is it one of the corpus's texts?"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "corpus_overlap", ROOT / "benchmarks" / "corpus_overlap.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_corpus_text_pasted_into_a_longer_page_is_found(tmp_path: Path) -> None:
    """A page that quotes a test text among other news is flagged with the text's name and half."""
    bench = _bench()
    listed = yaml.safe_load((REAL / "corpus.yaml").read_text(encoding="utf-8"))["cases"]
    case = next(c for c in listed if c["split"] == "test" and c.get("text") != "kept out")
    own = (REAL / f"{case['name']}.txt").read_text(encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("Other news of the day, about nothing here.\n\n" + own + "\n\nMore news.\n")
    assert bench.main([str(page)]) == 1
    found = bench.overlaps(page.read_text(), bench.corpus_runs())
    assert (case["name"], "test", 1.0) in found


def test_a_text_of_its_own_is_not_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Words the corpus has, in sentences of their own, are no overlap."""
    bench = _bench()
    page = tmp_path / "own.txt"
    page.write_text(
        "Officials in the invented town of Zarvoth counted 17 flooded wells and 3 collapsed "
        "footbridges after a storm that nobody has reported anywhere else, the council said.\n"
    )
    assert bench.main([str(page)]) == 0
    assert capsys.readouterr().out == ""


def test_the_seen_test_texts_are_left_out_of_the_unseen_measure() -> None:
    """Every ``seen`` entry is a test text, and ``unseen=True`` leaves exactly those out."""
    spec = importlib.util.spec_from_file_location(
        "extraction_eval", ROOT / "benchmarks" / "extraction_eval.py"
    )
    assert spec is not None
    assert spec.loader is not None
    evaluation = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluation)
    listed = yaml.safe_load((REAL / "corpus.yaml").read_text(encoding="utf-8"))["cases"]
    seen = {c["name"] for c in listed if c.get("seen")}
    assert seen
    assert all(c["split"] == "test" for c in listed if c["name"] in seen)
    every = {c["name"] for c in evaluation.real_cases("test")}
    unseen = {c["name"] for c in evaluation.real_cases("test", unseen=True)}
    assert every - unseen == seen
