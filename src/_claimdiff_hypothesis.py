"""claimdiff's ``hypothesis`` entry point: ``st.from_type(claimdiff.Claim)`` works once claimdiff is installed.

hypothesis calls :func:`_hypothesis_setup_hook` while it is being imported, in every process that
imports hypothesis, whether or not it uses claimdiff. So this module lives outside the
``claimdiff`` package (importing ``claimdiff._anything`` would import claimdiff first) and imports
nothing but the standard library: when claimdiff is already imported the types are registered
at once; otherwise a one-shot import hook registers them right after ``import claimdiff``
finishes. The strategies themselves are built only when a test first asks ``from_type`` for one.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

__all__: list[str] = []

# (type name in claimdiff, strategy name in claimdiff.strategies)
_TYPES = (
    ("Claim", "claims"),
    ("Estimate", "estimates"),
    ("Source", "sources"),
    ("Scope", "scopes"),
    ("Period", "periods"),
    ("Report", "reports"),
)


def _lazily(name: str) -> Callable[[type], Any]:
    def resolve(_type: type) -> Any:
        from claimdiff import strategies  # noqa: PLC0415 - only when a test asks from_type for a claimdiff type

        return getattr(strategies, name)()

    return resolve


def _register(claimdiff: ModuleType) -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is importing us, so it is there

    for type_name, strategy in _TYPES:
        cls = getattr(claimdiff, type_name, None)
        if isinstance(cls, type):
            st.register_type_strategy(cls, _lazily(strategy))


def _then_register(loader: Any) -> None:
    """Make this one loader instance register the types after it runs claimdiff's ``__init__``.

    The instance keeps its class, so everything else asks of it (resources, the source, the
    file's path) still works; finders make a loader per module, so no other module is touched.
    """
    run = loader.exec_module

    def exec_module(module: ModuleType) -> None:
        run(module)
        _register(module)

    loader.exec_module = exec_module


class _AfterImport(importlib.abc.MetaPathFinder):
    """Finds claimdiff through the other finders and wraps its loader; then steps aside for good."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "claimdiff":
            return None
        sys.meta_path[:] = [f for f in sys.meta_path if f is not self]
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec: importlib.machinery.ModuleSpec | None = (
                find(fullname, path, target) if find is not None else None
            )
            if spec is not None:
                if spec.loader is not None:
                    _then_register(spec.loader)
                return spec
        return None


def _hypothesis_setup_hook() -> None:
    """Register claimdiff's types with ``st.register_type_strategy`` now, or right after claimdiff is imported."""
    claimdiff = sys.modules.get("claimdiff")
    if claimdiff is not None and hasattr(claimdiff, "Claim"):
        _register(claimdiff)
    elif not any(isinstance(f, _AfterImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _AfterImport())
