"""The public API: stated in __all__, at most 40 names, documented, quick to import, and nothing lost."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
import warnings

import pytest

import claimdiff

#: The public submodules, each named for what it holds.
SUBMODULES = (
    "exceptions",
    "formats",
    "hedges",
    "places",
    "plot",
    "relations",
    "sources",
    "strategies",
    "tolerance",
    "truth",
    "vocabulary",
)

#: Every name the top level held before the public submodules (claimdiff 0.1, main b5db48e), and its new home.
OLD_NAMES = {
    **dict.fromkeys(
        (
            "ClaimFit",
            "CopyPair",
            "ItemTruth",
            "SharedValue",
            "SourceReliability",
            "SystematicShift",
            "TruthPrior",
            "TruthResult",
            "TruthSettings",
            "discover",
        ),
        "truth",
    ),
    **dict.fromkeys(
        (
            "FORMATS",
            "REPORT_TABLES",
            "DaskTables",
            "claimreview_jsonld",
            "read_acled",
            "read_airwars",
            "read_ibc",
            "read_ucdp_ged",
            "read_wikidata",
            "reconcile_dask",
            "report_arrow",
            "report_schema",
            "wikidata_statements",
            "write_report_parquet",
        ),
        "formats",
    ),
    **dict.fromkeys(
        (
            "DEFAULT_TAXONOMY",
            "Composite",
            "FigureKey",
            "Lag",
            "Lags",
            "Relation",
            "RelationKind",
            "Series",
            "Taxonomy",
            "composite_claims",
            "parse_composite",
        ),
        "relations",
    ),
    **dict.fromkeys(("Grading", "Precision", "Tolerance", "relative_gap"), "tolerance"),
    **dict.fromkeys(
        (
            "ACLED_HEDGES",
            "DEFAULT_HEDGES",
            "HedgePolicy",
            "Provenance",
            "VagueQuantity",
            "parse_estimate",
        ),
        "hedges",
    ),
    **dict.fromkeys(("DEFAULT_VOCABULARY", "Metric", "Vocabulary"), "vocabulary"),
    **dict.fromkeys(("DEFAULT_GAZETTEER", "Gazetteer", "place_key", "place_path"), "places"),
    **dict.fromkeys(("SOURCE_ALIASES", "SourceGrade", "canonical_source"), "sources"),
    **dict.fromkeys(
        (
            "ClaimFileError",
            "ClaimFileErrors",
            "IncomparableError",
            "InvalidClaimError",
            "InvalidEstimateError",
            "InvalidUnitError",
            "MissingExtraError",
            "UnknownPolicyError",
        ),
        "exceptions",
    ),
}
#: The old names that stay at the top level.
KEPT = {
    "POLICIES",
    "Candidate",
    "Claim",
    "ClaimdiffError",
    "Derived",
    "Estimate",
    "Estimator",
    "Extraction",
    "Flag",
    "FlagKind",
    "Group",
    "Hedge",
    "LazyMessage",
    "LoadedClaims",
    "Measure",
    "Period",
    "Policy",
    "Rejected",
    "Report",
    "Scope",
    "Severity",
    "Source",
    "SourceKind",
    "Unread",
    "Withdrawal",
    "claims_from_dataframe",
    "dump_claims",
    "extract",
    "load_claims",
    "load_claims_lenient",
    "loads_claims",
    "loads_claims_lenient",
    "policy_named",
    "reconcile",
}


def test_all_is_small_sorted_and_complete() -> None:
    """__all__ holds at most 40 names, once each, and dir() shows exactly them, the submodules and the version."""
    assert len(claimdiff.__all__) <= 40
    assert len(set(claimdiff.__all__)) == len(claimdiff.__all__)
    assert claimdiff.__all__ == sorted(
        claimdiff.__all__, key=lambda n: (not n.isupper(), not n[0].isupper(), n)
    )
    assert set(dir(claimdiff)) == {*claimdiff.__all__, *SUBMODULES, "__version__"}
    assert set(claimdiff.__all__) >= KEPT
    for name in claimdiff.__all__:
        assert not inspect.ismodule(getattr(claimdiff, name)), name


def test_each_submodule_states_its_names() -> None:
    """Every public submodule has a docstring and an __all__ of names it really holds, none also at the top level."""
    seen: dict[str, str] = {}
    for module in SUBMODULES:
        sub = getattr(claimdiff, module)
        assert sub is importlib.import_module(f"claimdiff.{module}")
        assert inspect.getdoc(sub), module
        for name in sub.__all__:
            assert hasattr(sub, name), f"claimdiff.{module}.{name}"
            assert name not in claimdiff.__all__ or (
                module == "exceptions" and name == "ClaimdiffError"
            ), name
            assert name not in seen or module == "exceptions", (name, seen.get(name), module)
            seen[name] = module


@pytest.mark.parametrize("name", sorted(OLD_NAMES))
def test_every_old_name_still_resolves_and_warns(name: str) -> None:
    """An old top-level name gives the same object as its new home, with a DeprecationWarning naming that home,
    attributed to the caller's line (so that a user sees where to change their code)."""
    home = importlib.import_module(f"claimdiff.{OLD_NAMES[name]}")
    with pytest.warns(DeprecationWarning, match=rf"^claimdiff\.{name} is deprecated") as caught:
        value = getattr(claimdiff, name)
    assert value is getattr(home, name)
    (warning,) = caught
    assert (
        str(warning.message)
        == f"claimdiff.{name} is deprecated; use claimdiff.{OLD_NAMES[name]}.{name}"
    )
    assert warning.filename == __file__
    assert name not in dir(claimdiff)


def test_from_import_of_an_old_name_warns_at_the_import() -> None:
    """`from claimdiff import discover` still works, and warns at the importing line."""
    with pytest.warns(DeprecationWarning, match=r"use claimdiff\.truth\.discover") as caught:
        from claimdiff import discover  # type: ignore[attr-defined]
    assert discover is claimdiff.truth.discover
    assert caught[0].filename == __file__


def test_the_current_names_do_not_warn() -> None:
    """Nothing on the new surface warns: every top-level name and every submodule's names."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        for name in claimdiff.__all__:
            getattr(claimdiff, name)
        for module in SUBMODULES:
            sub = getattr(claimdiff, module)
            for name in sub.__all__:
                getattr(sub, name)


def test_every_public_name_is_documented() -> None:
    """Every public class and function has a docstring, at the top level and in the submodules."""
    homes = [(claimdiff, n) for n in claimdiff.__all__]
    homes += [(getattr(claimdiff, m), n) for m in SUBMODULES for n in getattr(claimdiff, m).__all__]
    for module, name in homes:
        obj = getattr(module, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj), f"{module.__name__}.{name}"


def test_import_is_lazy() -> None:
    """`import claimdiff` imports neither pint nor hypothesis: the unit registry is built on first use."""
    code = "import sys, claimdiff; print('pint' in sys.modules, 'hypothesis' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]


def test_extraction_anchors_tables_and_dask_are_imported_on_first_use() -> None:
    """`import claimdiff` (and so `claimdiff check`) leaves extraction, the anchor formats, the tables and the Dask path
    unimported, nor numpy; each of their public names then resolves to its module's object."""
    lazy = [
        "claimdiff._extract",
        "claimdiff._formats.anchors.acled",
        "claimdiff._formats.dask_frames",
        "claimdiff._formats.export",
        "claimdiff._formats.frames",
        "numpy",
        "pandas",
        *(f"claimdiff.{m}" for m in SUBMODULES if m != "exceptions"),
    ]
    code = f"import sys, claimdiff; print([m in sys.modules for m in {lazy!r}])"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == str([False] * len(lazy))
    from claimdiff._extract import extract
    from claimdiff._formats.export import TABLES

    assert claimdiff.extract is extract
    assert claimdiff.formats.REPORT_TABLES is TABLES
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        _ = claimdiff.nonesuch  # type: ignore[attr-defined]
