"""Kept for installs whose entry point still names it; the hook lives in ``_claimdiff_hypothesis``.

That module sits outside this package so that ``import hypothesis`` does not import claimdiff.
"""

from __future__ import annotations

from _claimdiff_hypothesis import _hypothesis_setup_hook

__all__ = ["_hypothesis_setup_hook"]
