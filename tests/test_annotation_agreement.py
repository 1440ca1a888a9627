"""The annotator-agreement benchmark: how disagreements between two claims files are classed."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

import attrs
import yaml

from claimdiff import Claim, Source, load_claims
from claimdiff.vocabulary import Metric

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "annotation_agreement", ROOT / "benchmarks" / "annotation_agreement.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _claims() -> list[Claim]:
    return list(load_claims(ROOT / "tests" / "fixtures" / "extract" / "situation-report.yaml"))


def test_a_file_agrees_with_itself() -> None:
    classes, values = _bench().classify(_claims(), _claims(), {}, "OCHA")
    assert not classes
    assert not values


def test_each_field_names_its_class() -> None:
    bench, truth = _bench(), _claims()
    second = list(truth)
    second[0] = attrs.evolve(
        truth[0], metric=Metric("hit by floods")
    )  # an estimated 45000 affected
    second[4] = attrs.evolve(
        truth[4], source=Source("OCHA")
    )  # 12 killed, per the State Ministry of Health
    second[6] = attrs.evolve(
        truth[6], source=Source("HAC")
    )  # about 9000 sheltering, Humanitarian Aid Commission
    del second[7]  # the 64 cases
    classes, _ = bench.classify(truth, second, {}, "OCHA")
    assert classes == {
        "metric": 1,
        "origin (corpus: a named source; second: the outlet)": 1,
        "origin (one body, two spellings)": 1,
        "figure only in corpus file": 1,
    }


def test_a_place_of_another_depth_is_a_place_disagreement() -> None:
    bench, truth = _bench(), _claims()
    second = [attrs.evolve(c, scope=attrs.evolve(c.scope, place=("Sudan",))) for c in truth]
    classes, _ = bench.classify(truth, second, {}, "OCHA")
    assert classes == {"place (depth)": len(truth)}  # every claim of the file is placed below Sudan


def test_the_second_annotations_are_the_seeded_draws_of_in_repo_texts() -> None:
    bench = _bench()
    listed = yaml.safe_load((REAL / "corpus.yaml").read_text(encoding="utf-8"))["cases"]
    listed = listed[: bench.DRAWN_FROM]  # the corpus when the second annotator drew
    first: set[str] = set()
    for half in ("dev", "test"):
        names = sorted(
            c["name"] for c in listed if c["split"] == half and c.get("text") != "kept out"
        )
        first |= set(random.Random(22).sample(names, 6))  # noqa: S311 - a seeded draw, not a secret
    assert bench.drawn(1) == first
    got = {p.stem for p in (REAL / "second").glob("*.yaml")}
    newest = bench.later_drawn(draw=bench.NEWEST_DRAW)
    sixth = bench.later_drawn(draw=bench.SIXTH_DRAW)
    seventh = bench.later_drawn(draw=bench.SEVENTH_DRAW)
    eighth = bench.later_drawn(draw=bench.EIGHTH_DRAW)
    ninth = bench.later_drawn(draw=bench.NINTH_DRAW)
    assert got == bench.drawn(2) | bench.later_drawn() | newest | sixth | seventh | eighth | ninth
    assert not bench.drawn(2) & bench.later_drawn()
    assert not (bench.drawn(2) | bench.later_drawn()) & newest
    assert not (bench.drawn(2) | bench.later_drawn() | newest) & sixth
    assert not (bench.drawn(2) | bench.later_drawn() | newest | sixth) & seventh
    assert not (bench.drawn(2) | bench.later_drawn() | newest | sixth | seventh) & eighth
    assert not (bench.drawn(2) | bench.later_drawn() | newest | sixth | seventh | eighth) & ninth
    for name in got:  # each second file reads, and its text is in the repository
        assert load_claims(REAL / "second" / f"{name}.yaml")
        assert (REAL / f"{name}.txt").exists()
