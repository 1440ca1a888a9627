"""The notice that vaguer claims agree with exact ones: a difference of precision, not a conflict."""

from __future__ import annotations

from collections.abc import Sequence

from claimdiff._core.flags import FlagKind, FlagRow, Severity
from claimdiff._core.messages import Say
from claimdiff._model.claim import Claim
from claimdiff._model.estimate import Hedge

__all__ = ["precision_gap", "precision_sides", "precision_text"]


def precision_sides(c: Claim) -> tuple[bool, bool]:
    """Whether a claim is exact, and whether it is vaguer (a hedge allowing more than one value).

    A group's supporting claims show a difference of precision when some are exact and some vaguer.
    """
    exact = c.estimate.hedge is Hedge.EXACT
    return exact, not exact and c.low != c.high


def precision_gap(gid: str, support: Sequence[Claim], say: Say) -> FlagRow | None:
    """The notice that vaguer claims agree with exact ones, or ``None`` when the claims are not so mixed."""
    exact: list[Claim] = []
    vague: list[Claim] = []
    for c in support:
        is_exact, is_vague = precision_sides(c)
        if is_exact:
            exact.append(c)
        elif is_vague:
            vague.append(c)
    if not exact or not vague:
        return None
    return FlagRow(
        FlagKind.PRECISION_GAP,
        Severity.INFO,
        tuple(sorted([c.id for c in vague + exact])),
        gid,
        precision_text,
        (say, vague, exact),
    )


def precision_text(say: Say, vague: list[Claim], exact: list[Claim]) -> str:
    """The sentence of a precision gap: vaguer claims agreeing with exact ones."""
    shown = ", ".join(f"{c.estimate.describe()!r} ({c.id})" for c in vague)
    exact_shown = ", ".join(f"{c.estimate.describe()} ({c.id})" for c in exact)
    return (
        f"{say.subject}: {shown} {'is' if len(vague) == 1 else 'are'} vaguer than {exact_shown}; "
        "they agree, so this is a difference of precision, not a conflict."
    )
