"""Which precision a group's figures were compared with: as data (exact), as worded, or declared rounded.

Each figure is compared with the precision :class:`claimdiff.tolerance.Precision` gives it (the one rule,
:meth:`Precision.step`): a number given as data is exact, a worded figure allows half the step of its
last written digit, a datum declared rounded is read as a word. A group states which applied to its
figures, so that a reader of the report knows whether 30,000 and 31,000 were held to the unit or to the
thousand. The claim-by-claim path (:mod:`claimdiff._core.verdicts`) and the bulk path
(:mod:`claimdiff._core.columns`, :mod:`claimdiff._core.quiet`) both ask :func:`figure_precision` of each
figure and :func:`group_precision` of each group.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from claimdiff._core.tolerance import Precision
from claimdiff._model.claim import Claim
from claimdiff._model.estimate import Estimate, Provenance
from claimdiff._model.numbers import format_number
from claimdiff._model.unit_words import unit_words

__all__ = [
    "KINDS",
    "claims_precision",
    "figure_precision",
    "group_precision",
    "precision_label",
    "precision_sentence",
]

#: How a figure may be compared, by code: the policy takes every figure at its word (``exact``), or
#: the figure is a datum taken as exact, a worded figure, or a datum declared rounded.
KINDS = ("exact", "data", "worded", "rounded")
_CODE = {Provenance.DATUM: 1, Provenance.WORDED: 2, Provenance.ROUNDED: 3}


def figure_precision(estimate: Estimate, precision: Precision) -> tuple[int, float]:
    """How ``estimate`` is compared: its code in :data:`KINDS` and its step, in its own unit.

    >>> from claimdiff.hedges import parse_estimate
    >>> figure_precision(parse_estimate("30,000"), Precision()), figure_precision(Estimate.exact(30_000), Precision())
    ((2, 1000.0), (1, 0.0))
    >>> figure_precision(Estimate.exact(30_000), Precision(data="implied"))
    (3, 1000.0)
    """
    if precision.mode == "exact":
        return 0, 0.0
    step = precision.step(estimate)
    code = _CODE[estimate.provenance]
    if code == 1 and precision.data != "exact":
        code = 3  # the policy declares every datum rounded
    return code, step


def group_precision(codes: Iterable[int], steps: Iterable[float]) -> tuple[str, float | None]:
    """A group's precision from its figures' codes and steps (in one unit): the kinds present, the widest step.

    The kinds are joined by ``+`` in the order of :data:`KINDS` (``"data+worded"``); the step is ``None``
    when no figure was widened. (The bulk path gives :func:`precision_label` the same set as bits.)

    >>> group_precision([1, 2, 2], [0.0, 1000.0, 100.0])
    ('data+worded', 1000.0)
    """
    mask = 0
    for code in codes:
        mask |= 1 << code
    return precision_label(mask), (max(steps, default=0.0) or None)


def precision_label(mask: int) -> str:
    """The name of a set of kinds given as bits (bit ``k`` for ``KINDS[k]``): ``0b110`` is ``"data+worded"``.

    >>> precision_label(0b110)
    'data+worded'
    """
    return _LABELS[mask]


# Every set of kinds a group can hold, named once.
_LABELS = [
    "+".join(k for i, k in enumerate(KINDS) if bits >> i & 1) for bits in range(1 << len(KINDS))
]


def claims_precision(claims: Sequence[Claim], precision: Precision) -> tuple[str, float | None]:
    """:func:`group_precision` of the claims' figures, the step in the canonical unit."""
    found = [figure_precision(c.estimate, precision) for c in claims]
    return group_precision(
        (k for k, _ in found),
        (s * c.unit_info.factor for (_, s), c in zip(found, claims, strict=True)),
    )


_SAID = {
    "exact": "at their word (the policy's precision is exact)",
    "data": "as data (exact)",
    "worded": "as worded (implied precision",
    "rounded": "as declared rounded (read as worded",
}


def precision_sentence(kinds: str, step: float | None, unit: str = "") -> str:
    """The words for a group's precision: ``"compared as worded (implied precision, step 1,000)"``.

    >>> precision_sentence("data", None), precision_sentence("data+worded", 0.5, "km")
    ('compared as data (exact)', 'compared as data (exact) and as worded (implied precision, step 0.5 km)')
    >>> precision_sentence("worded", 10, "mile")
    'compared as worded (implied precision, step 10 miles)'

    """
    step_text = (
        ""
        if step is None
        else f", step {format_number(step, grouped=True)}{f' {unit_words(unit, step)}' if unit else ''}"
    )
    parts = []
    for kind in kinds.split("+"):
        said = _SAID[kind]
        parts.append(f"{said}{step_text})" if said.endswith(("precision", "worded")) else said)
    return "compared " + " and ".join(parts)
