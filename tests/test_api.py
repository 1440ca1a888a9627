"""The public API: stated in __all__, documented, and quick to import."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import claimdiff


def test_all_is_sorted_and_complete() -> None:
    """__all__ lists exactly the public names of the package, once each (ruff's RUF022 keeps it sorted)."""
    public = {n for n in dir(claimdiff) if not n.startswith("_")} - {"cli", "exceptions", "strategies", "annotations"}
    modules = {n for n in public if inspect.ismodule(getattr(claimdiff, n))}
    assert len(set(claimdiff.__all__)) == len(claimdiff.__all__)
    assert set(claimdiff.__all__) == public - modules


def test_every_public_name_is_documented() -> None:
    """Every public class and function has a docstring."""
    for name in claimdiff.__all__:
        obj = getattr(claimdiff, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj), name


def test_import_is_lazy() -> None:
    """`import claimdiff` imports neither pint nor hypothesis: the unit registry is built on first use."""
    code = "import sys, claimdiff; print('pint' in sys.modules, 'hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_extraction_anchors_tables_and_dask_are_imported_on_first_use() -> None:
    """`import claimdiff` (and so `claimdiff check`) leaves extraction, the anchor formats, the tables and the Dask path
    unimported, nor numpy; each of their public names then resolves to its module's object."""
    lazy = ["claimdiff._extract", "claimdiff._formats.anchors.acled", "claimdiff._formats.dask_frames",
            "claimdiff._formats.export", "claimdiff._formats.frames", "numpy"]
    code = f"import sys, claimdiff; print([m in sys.modules for m in {lazy!r}])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == str([False] * len(lazy))
    from claimdiff._extract import extract
    from claimdiff._formats.export import TABLES

    assert claimdiff.extract is extract
    assert claimdiff.REPORT_TABLES is TABLES
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        _ = claimdiff.nonesuch  # type: ignore[attr-defined]
