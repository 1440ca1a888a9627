"""The ``hypothesis`` entry point: makes ``st.from_type`` know claimdiff's types once claimdiff is installed.

hypothesis calls :func:`_hypothesis_setup_hook` while it is being imported, so
this module imports nothing at import time, and the strategies are looked up
only when a test first asks for one: importing :mod:`claimdiff.strategies`
here would import it while it imports hypothesis.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__: list[str] = []


def _lazily(name: str) -> Callable[[type], Any]:
    def resolve(_type: type) -> Any:
        from claimdiff import strategies  # noqa: PLC0415 - see the module docstring

        return getattr(strategies, name)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register claimdiff's types with :func:`hypothesis.strategies.register_type_strategy`."""
    from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is optional

    from claimdiff import Claim, Estimate, Period, Scope, Source  # noqa: PLC0415 - keep the hook cheap to load

    for cls, name in ((Claim, "claims"), (Estimate, "estimates"), (Source, "sources"), (Scope, "scopes"),
                      (Period, "periods")):
        st.register_type_strategy(cls, _lazily(name))
