"""Systematic differences of one source against the learned truth: a scale factor or an offset.

A source that writes hPa where the others write inHg is off by a factor of 33.86 on
every item; a source whose definition sits 16 minutes after the others' is off by a
constant. Both show as residuals that are large but *consistent*: per source, the
median log-ratio (or the median difference) to the truth, and the share of its claims
that lie close to that median once it is removed. Random errors (a vandal, a typo)
are large and inconsistent and are not findings.
"""

from __future__ import annotations

import math

import attrs
import numpy as np
from numpy.typing import NDArray

__all__ = ["ShiftFinding", "find_shifts"]

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Bools = NDArray[np.bool_]


@attrs.frozen
class ShiftFinding:
    """A source's systematic difference (internal form; see :class:`claimdiff.truth.SystematicShift`)."""

    src: int
    kind: str  # "scale" or "offset"
    value: float
    claims: int
    consistent: int
    spread: float


def find_shifts(
    src: Ints,
    fig: Floats,
    truth: Floats,
    scale: Floats,
    usable: Bools,
    n_src: int,
    *,
    min_claims: int,
    min_share: float,
    min_factor: float,
    min_offset: float,
) -> list[ShiftFinding]:
    """Sources whose figures are consistently a factor or an offset away from the truth.

    Args:
        src: Each row's source (one row per item and origin).
        fig: Each row's figure.
        truth: The current truth of each row's item.
        scale: The robust spread of each row's item.
        n_src: Number of sources.
        usable: Rows that may serve as evidence (contested items, finite figures).
        min_claims: A source needs this many usable rows.
        min_share: Share of its rows that must sit within tolerance of the shift.
        min_factor: Smallest factor (above 1, or its inverse below 1) reported.
        min_offset: Smallest offset reported, in item scales.
    """
    out: list[ShiftFinding] = []
    ok = usable & np.isfinite(fig) & np.isfinite(truth)
    order = np.argsort(src, kind="stable")
    bounds = np.searchsorted(src[order], np.arange(n_src + 1))
    log_tol = math.log(1.01)
    for s in range(n_src):
        rows = order[bounds[s] : bounds[s + 1]]
        rows = rows[ok[rows]]
        if rows.shape[0] < min_claims:
            continue
        f, t, sc = fig[rows], truth[rows], scale[rows]
        pos = (f > 0) & (t > 0)
        if pos.sum() >= min_claims:
            ratio = np.log(f[pos] / t[pos])
            m = float(np.median(ratio))
            close = np.abs(ratio - m) <= log_tol
            if abs(m) >= math.log(min_factor) and close.mean() >= min_share:
                spread = float(np.median(np.abs(ratio - m)))
                out.append(
                    ShiftFinding(s, "scale", math.exp(m), int(pos.sum()), int(close.sum()), spread)
                )
                continue
        diff = f - t
        m = float(np.median(diff))
        close = np.abs(diff - m) <= sc
        if abs(m) >= min_offset * float(np.median(sc)) and close.mean() >= min_share:
            spread = float(np.median(np.abs(diff - m)))
            out.append(ShiftFinding(s, "offset", m, int(rows.shape[0]), int(close.sum()), spread))
    return out
