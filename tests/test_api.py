"""The public API: stated in __all__, documented, and quick to import."""

from __future__ import annotations

import inspect
import subprocess
import sys

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
