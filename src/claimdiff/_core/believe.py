"""The ``truth`` policy: put truth discovery's learned figures on a report, with the evidence as findings.

Reconciling judges each group on its own; truth discovery (:func:`claimdiff.truth.discover`) reads every group
at once and learns whom to believe. Here its result becomes the groups' best figures (whole for counts,
in each group's display unit), and its findings become flags: claims the learned truth makes unlikely,
sources a constant factor or offset away from the others, and sources that likely copy one another.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from claimdiff._core.estimators import best_in_unit
from claimdiff._core.flags import Flag, FlagKind, Severity
from claimdiff._core.policy import Policy
from claimdiff._core.report import Group
from claimdiff._core.truth import TruthResult
from claimdiff._core.truth.discover import learn
from claimdiff._model.claim import Claim
from claimdiff._model.units import unit_info

__all__ = ["believe"]


def believe(
    raw: Sequence[list[Claim]], groups: list[Group], policy: Policy
) -> tuple[list[Group], list[Flag], TruthResult]:
    """Groups with the learned best figures, the findings of truth discovery, and its full result."""
    items = []
    for cs, g in zip(raw, groups, strict=True):
        if g.withdrawn or g.stale:
            gone = set(g.withdrawn) | set(g.stale)
            cs = [c for c in cs if c.id not in gone]  # noqa: PLW2901 - the group's claims that still count
        items.append(cs)
    result = learn(
        items, policy=policy
    )  # reconcile has checked the claims: unique ids, one dimension a group
    out = []
    for g, item in zip(groups, result.items, strict=True):
        if item.best is None or not math.isfinite(item.best):
            out.append(attrs.evolve(g, best_rule=f"{g.best_rule} (truth discovery had no figure)"))
            continue
        best = best_in_unit(item.best, unit_info(g.unit))
        if g.dimension == "count" and policy.whole_counts:
            best = float(math.floor(best + 0.5))
        out.append(
            attrs.evolve(g, best=best, best_rule="truth (weighted by learned source reliability)")
        )
    return out, _findings(result, groups), result


def _findings(result: TruthResult, groups: Sequence[Group]) -> list[Flag]:
    flags: list[Flag] = []
    by_item = dict(enumerate(groups))
    for fit in result.unlikely():
        g = by_item[fit.item]
        flags.append(
            Flag(
                kind=FlagKind.UNLIKELY,
                severity=Severity.WARNING,
                claims=(fit.claim_id,),
                group=g.id,
                message=f"'{fit.claim_id}' is unlikely under the learned truth of {g.metric} ({g.describe()}): "
                f"{fit.error:.1f} item-scales from it (score {fit.unlikely:.2f}).",
                gap=fit.error,
                tags=("truth",),
            )
        )
    flags.extend(
        Flag(
            kind=FlagKind.SYSTEMATIC_SHIFT,
            severity=Severity.WARNING,
            claims=(),
            group=None,
            message=shift.message + (" (corrected)" if shift.corrected else ""),
            gap=shift.value,
            tags=(shift.kind,),
        )
        for shift in result.shifts
    )
    flags.extend(
        Flag(
            kind=FlagKind.COPYING,
            severity=Severity.INFO,
            claims=tuple(sorted({cid for shared in pair.shared for cid in shared.claims})),
            group=None,
            message=pair.message,
            tags=("copying",),
        )
        for pair in result.copiers
    )
    return flags
