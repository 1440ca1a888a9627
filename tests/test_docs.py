"""The documentation: every example runs, and the reference pages cover every name, column, field and hedge."""

from __future__ import annotations

import doctest
import re

import pytest

import claimdiff
from claimdiff import load_claims, reconcile
from claimdiff._formats.csv_format import COLUMNS
from conftest import ROOT, SEED

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_example_in_the_docs_runs(page, monkeypatch):
    """Each page's examples pass as doctests, run from the repository root as the pages assume."""
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(page), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False
    )
    assert result.failed == 0


def test_the_pages_have_examples():
    """The guides and references hold runnable examples at all (a page without any cannot fail above)."""
    parser = doctest.DocTestParser()
    with_examples = {p.name for p in PAGES if parser.get_examples(p.read_text(encoding="utf-8"))}
    assert {
        "quickstart.md",
        "tutorial.md",
        "concepts.md",
        "file-format.md",
        "cli.md",
        "json.md",
        "testing.md",
    } <= with_examples


def test_csv_columns_are_documented():
    """Every CSV column is described in the file-format reference."""
    doc = (DOCS / "file-format.md").read_text(encoding="utf-8")
    assert [c for c in COLUMNS if f"`{c}`" not in doc] == []


def test_every_json_field_is_documented():
    """Every key of the JSON output contract, at every level, is in the JSON reference."""
    doc = (DOCS / "json.md").read_text(encoding="utf-8")
    report = reconcile(load_claims(SEED)).to_dict()
    keys = set(report) | set(report["summary"]) | set(report["groups"][0]) | set(report["flags"][0])
    keys |= {k for d in report.get("derived", []) for k in d}
    keys |= set(claimdiff.Rejected("x", "y").to_dict())
    assert sorted(k for k in keys if f"`{k}`" not in doc) == []


def test_every_flag_kind_is_explained():
    """The concepts page has a row for every flag kind."""
    doc = (DOCS / "concepts.md").read_text(encoding="utf-8")
    assert [k.value for k in claimdiff.FlagKind if f"| `{k.value}` |" not in doc] == []


def test_the_hedge_table_matches_the_policies():
    """Every phrase and quantity word of the default and ACLED policies is in the hedge table."""
    doc = (DOCS / "concepts.md").read_text(encoding="utf-8")
    d = claimdiff.hedges.DEFAULT_HEDGES
    fields = (
        "at_least",
        "more_than",
        "at_most",
        "less_than",
        "about",
        "nearly",
        "just_over",
        "or_more",
        "or_fewer",
        "or_so",
    )
    missing = [p for f in fields for p in getattr(d, f) if f"“{p}”" not in doc]
    assert missing == []
    for word, q in claimdiff.hedges.ACLED_HEDGES.vague.items():
        row = re.search(rf"^\| {re.escape(word)} \| .*$", doc, re.MULTILINE)
        assert row is not None, word
        assert f"[{q.low:,.0f}, {q.high:,.0f}]" in row.group(0), word


def test_every_policy_is_in_the_policy_table():
    """The concepts page lists every ready-made policy."""
    doc = (DOCS / "concepts.md").read_text(encoding="utf-8")
    assert [n for n in claimdiff.POLICIES if f"| `{n}` |" not in doc] == []


def test_every_public_name_is_in_the_built_api_page():
    """After a docs build (CI builds them first), the API page has an entry for every public name, at the top level
    and in each public submodule."""
    page = DOCS / "_build" / "html" / "api.html"
    if not page.exists():
        pytest.skip("docs not built; CI runs sphinx-build, then this test")
    html = page.read_text(encoding="utf-8")
    names = [f"claimdiff.{n}" for n in claimdiff.__all__]
    for module in (
        "truth",
        "formats",
        "relations",
        "tolerance",
        "hedges",
        "vocabulary",
        "places",
        "sources",
    ):
        names += [f"claimdiff.{module}.{n}" for n in getattr(claimdiff, module).__all__]
    names += [
        f"claimdiff.exceptions.{n}" for n in claimdiff.exceptions.__all__ if n != "ClaimdiffError"
    ]
    names += [
        f"claimdiff.strategies.{n}" for n in __import__("claimdiff.strategies").strategies.__all__
    ]
    names += ["claimdiff.cli.main", "claimdiff.plot.series"]
    assert [n for n in names if f'id="{n}"' not in html] == []
