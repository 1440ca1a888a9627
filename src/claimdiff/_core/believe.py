"""The ``truth`` policy: put truth discovery's learned figures on a report, with the evidence as findings.

Reconciling judges each group on its own; truth discovery (:func:`claimdiff.truth.discover`) reads every group
at once and learns whom to believe. Here its result becomes the groups' best figures (whole for counts,
in each group's display unit), and its findings become flags: claims the learned truth makes unlikely,
sources a constant factor or offset away from the others, and sources that likely copy one another.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, cast

import attrs

from claimdiff._core.estimators import best_in_unit
from claimdiff._core.flags import Flag, FlagKind, FlagRow, Severity
from claimdiff._core.group import group_id
from claimdiff._core.group_rows import GroupRows
from claimdiff._core.judged_group import SetAside, set_aside_of
from claimdiff._core.lazy_items import LazyItems, built_items
from claimdiff._core.policy import Policy
from claimdiff._core.report import Group
from claimdiff._core.table_reads import laid_out
from claimdiff._core.truth import TruthResult
from claimdiff._core.truth.discover import learn
from claimdiff._core.truth.results import ClaimFit, ClaimFits
from claimdiff._model.claim import Claim
from claimdiff._model.units import unit_info

if TYPE_CHECKING:
    from claimdiff._core.truth.rows import Laid, Reads

__all__ = ["believe"]


def believe(
    raw: Sequence[list[Claim]],
    groups: Sequence[Group],
    policy: Policy,
    reads: Reads | None = None,
    unbuilt: SetAside | None = None,
) -> tuple[LazyItems[Group], Callable[[], list[Flag | FlagRow]], TruthResult]:
    """Groups with the learned best figures, the findings of truth discovery (listed when called), and its full result.

    The groups are those reconciling has formed, as they come (a group made on access is made so again:
    see :func:`~claimdiff._core.lazy_items.built_items`). Truth discovery runs once, on the claims of each group
    that still count; each group already held gets its learned best at once, every other one when it is read.
    ``reads``: what reconciling has read of every claim of ``raw``, groups laid end to end, if it has;
    ``unbuilt``: what the groups judged and not made set aside
    (:func:`~claimdiff._core.judged_group.set_aside_of`).
    """
    laid = _laid(raw)
    held = dict(built_items(groups))
    changed = [
        (i, set(withdrawn) | set(stale))
        for i, (_, stale, withdrawn) in set_aside_of(groups, unbuilt).items()
        if withdrawn or stale
    ]
    if changed:  # only the claims that still count
        laid, kept = _still_counting(laid, changed)
        reads = None if reads is None else reads.take(kept)
    # reconcile has checked the claims: unique ids, one dimension a group
    result, best = learn(laid, policy=policy, reads=reads)

    def believed(i: int) -> Group:
        return _believed(groups[i], best[i], policy)

    out = LazyItems(
        len(groups), believed, {i: _believed(g, best[i], policy) for i, g in held.items()}
    )
    return out, partial(_findings, result, out), result


def _laid(raw: Sequence[list[Claim]]) -> Laid:
    """The claims of the groups ``raw``, laid end to end (a group's list is not made when ``raw`` holds positions)."""
    import numpy as np  # noqa: PLC0415 - numpy is imported only when truth is discovered

    from claimdiff._core.truth.rows import Laid, Picked  # noqa: PLC0415 - imports numpy

    if isinstance(raw, GroupRows):
        sizes, flat = laid_out(np, raw.positions)
        return Laid(Picked(raw.claims, flat), np.asarray(sizes, np.int64))
    return Laid.of(raw)


def _still_counting(laid: Laid, changed: list[tuple[int, set[str]]]) -> tuple[Laid, Any]:
    """``laid`` without the claims of ``changed`` groups named beside them, and a mask of the claims kept."""
    import numpy as np  # noqa: PLC0415 - numpy is imported only when truth is discovered

    from claimdiff._core.truth.rows import Laid, Picked  # noqa: PLC0415 - imports numpy

    claims, sizes = laid.claims, laid.sizes
    starts = (np.cumsum(sizes) - sizes).tolist()
    keep = np.ones(len(claims), np.bool_)
    for i, gone in changed:
        at = starts[i]
        for k in range(at, at + int(sizes[i])):
            keep[k] = claims[k].id not in gone
    member = np.repeat(np.arange(len(sizes)), sizes)
    return Laid(
        Picked(claims, np.flatnonzero(keep)), np.bincount(member[keep], minlength=len(sizes))
    ), keep


def _believed(g: Group, learned: float | None, policy: Policy) -> Group:
    """``g`` with the learned figure as its best, in its display unit (whole for counts)."""
    if learned is None or not math.isfinite(learned):
        return attrs.evolve(g, best_rule=f"{g.best_rule} (truth discovery had no figure)")
    best = best_in_unit(learned, unit_info(g.unit))
    if g.dimension == "count" and policy.whole_counts:
        best = float(math.floor(best + 0.5))
    return attrs.evolve(g, best=best, best_rule="truth (weighted by learned source reliability)")


def _unlikely_text(
    fits: Sequence[ClaimFit], k: int, groups: Sequence[Group], named: dict[int, str]
) -> str:
    fit = fits[k]  # made, as its group, when the sentence is read
    about = named.get(fit.item)
    if (
        about is None
    ):  # a group is made when read, not kept: its words are kept for its other claims
        g = groups[fit.item]
        about = named[fit.item] = f"{g.metric} ({g.describe()})"
    return (
        f"'{fit.claim_id}' is unlikely under the learned truth of {about}: "
        f"{fit.error:.1f} item-scales from it (score {fit.unlikely:.2f})."
    )


def _findings(result: TruthResult, groups: Sequence[Group]) -> list[Flag | FlagRow]:
    fits = cast("ClaimFits", result.claims)  # learn's: each fit made when read
    named: dict[int, str] = {}  # what each group is about, in words, once found
    flags: list[Flag | FlagRow] = [
        FlagRow(
            FlagKind.UNLIKELY,
            Severity.WARNING,
            (claim_id,),
            group_id(item),
            _unlikely_text,
            (fits, k, groups, named),
            error,
            tags=("truth",),
        )
        for k, claim_id, item, error in fits.most_unlikely()
    ]
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
