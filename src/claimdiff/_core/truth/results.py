"""What :func:`claimdiff.truth.discover` is told (prior, settings) and what it returns: frozen values, no numpy."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from claimdiff._core.lazy_items import LazyItems
from claimdiff._model.claim import Source, SourceKind

__all__ = [
    "ClaimFit",
    "ClaimFits",
    "CopyPair",
    "ItemTruth",
    "SharedValue",
    "SourceReliability",
    "SystematicShift",
    "TruthPrior",
    "TruthResult",
    "TruthSettings",
]


def _unit_interval(_inst: object, attr: Any, value: object) -> None:
    values = value.values() if isinstance(value, Mapping) else [value]
    for v in values:
        if not isinstance(v, int | float) or not 0.0 < float(v) <= 1.0:
            raise ValueError(f"'{attr.name}' reliabilities must be in (0, 1] (got {v!r}).")


def _frozen_map(value: Mapping[str, float] | None) -> Mapping[str, float]:
    return MappingProxyType({str(k).casefold(): float(v) for k, v in (value or {}).items()})


def _kind_map(value: Mapping[SourceKind | str, float] | None) -> Mapping[str, float]:
    return MappingProxyType(
        {
            SourceKind(k).value if not isinstance(k, SourceKind) else k.value: float(v)
            for k, v in (value or {}).items()
        }
    )


@attrs.frozen(kw_only=True)
class TruthPrior:
    """What is known about sources before the data speaks: a reliability in (0, 1] each.

    The most specific entry wins: the origin's declared reliability, else its party's,
    else its kind's, else ``default``. A reliability ``r`` stands for an expected error of
    ``-ln(r)`` item-scales, held with the weight of :attr:`TruthSettings.prior_strength` claims.
    Under :attr:`TruthSettings.learn_default` (the default), ``default`` only starts the
    iteration: sources nothing is declared about are shrunk towards the mean error of all
    sources, learned from the data.

    >>> prior = TruthPrior(by_kind={"international": 0.9}, by_origin={"Reuters": 0.8})
    >>> prior.reliability_of(Source("reuters", kind="media"))
    0.8
    >>> prior.reliability_of(Source("UN OHCHR", kind="international"))
    0.9

    Attributes:
        default: The reliability of a source nothing is known about.
        by_kind: Reliability by :class:`SourceKind` (or its value).
        by_party: Reliability by party ("Russia", "Ukraine").
        by_origin: Declared reliability by origin name (case is ignored).
    """

    default: float = attrs.field(default=0.5, validator=_unit_interval)
    by_kind: Mapping[str, float] = attrs.field(
        factory=dict, converter=_kind_map, validator=_unit_interval
    )
    by_party: Mapping[str, float] = attrs.field(
        factory=dict, converter=_frozen_map, validator=_unit_interval
    )
    by_origin: Mapping[str, float] = attrs.field(
        factory=dict, converter=_frozen_map, validator=_unit_interval
    )

    def declares(self, source: Source) -> bool:
        """Whether something is declared about ``source`` (its origin, party or kind), beyond ``default``.

        >>> TruthPrior(by_kind={"international": 0.9}).declares(Source("UN OHCHR", kind="international"))
        True
        >>> TruthPrior().declares(Source("UN OHCHR", kind="international"))
        False
        """
        return (
            source.key in self.by_origin
            or (source.party is not None and source.party.casefold() in self.by_party)
            or source.kind.value in self.by_kind
        )

    def reliability_of(self, source: Source) -> float:
        """The prior reliability of ``source``."""
        if source.key in self.by_origin:
            return self.by_origin[source.key]
        if source.party is not None and source.party.casefold() in self.by_party:
            return self.by_party[source.party.casefold()]
        return self.by_kind.get(source.kind.value, self.default)


_pos = attrs.validators.gt(0.0)


@attrs.frozen(kw_only=True)
class TruthSettings:
    """How :func:`claimdiff.truth.discover` estimates: every knob, with the defaults used in the benchmarks.

    >>> TruthSettings(copying=False).find_shifts
    True

    Attributes:
        mode: Take as an item's truth the figure allowed by the most trusted claims (the
            weighted mode, ties to the nearest the median) instead of the weighted median.
        low_ties: When the trusted claims balance between two figures, take the lower
            (the rule of UCDP and ACLED: otherwise the lower figure), not the midpoint.
            ``None`` (the default) does so for counts only, whose truth is then a figure a
            source reported (as the consensus policy's is), and takes the midpoint of readings.
        max_iter: Most rounds of each fitting stage.
        tol: Stop when no truth moves by more than this many item-scales and no
            weight changes by more than this share (or no truth moves for five rounds).
        prior_strength: How many claims' worth of evidence the prior counts for.
        learn_default: Shrink the sources nothing is declared about (neither by the source
            itself nor by the :class:`TruthPrior`'s tables) towards the mean error of all
            sources' contested claims, learned in each round (empirical Bayes: the prior of
            one source is estimated from the population of sources, as GTM's hyperparameters
            or Buhlmann's credibility), instead of towards ``-ln(TruthPrior.default)``. Most
            sources of open data say one or two things; their shrunk records then start
            from what a typical source of these data is like, not from an arbitrary 0.5.
        cap: Errors above this many item-scales count as this much (one vandal
            must not outweigh a source's record).
        relative_floor: An item's scale is at least this share of its median figure.
        min_loss: Expected errors below this count as this much in the weights (so that no few
            sources that agree with one another, copies included, outvote everyone else).
        loo_max: Items with at most this many origins score each claim against the truth of
            the others (leave one out); larger items against the truth of all. 0 (the
            default) scores every claim against the truth of all.
        right_tol: A claim within this many item-scales of the truth is right (copying, accuracy).
        find_shifts: Look for per-source scale factors and offsets.
        correct_shifts: Correct the shifts found before fitting again.
        shift_min_claims: A source needs this many contested claims to show a shift.
        shift_min_share: Share of a source's claims that must follow the shift.
        shift_min_factor: Smallest scale factor (or inverse) reported.
        shift_min_offset: Smallest offset reported, in item-scales.
        copying: Learn copying between sources and discount copied votes.
        copy_rounds: Rounds of copy detection (each followed by a fit).
        copy_prior: Prior probability that two sources copy (Dong et al.'s alpha).
        copy_rate: Share of its values a copier copies (Dong et al.'s c).
        copy_min_overlap: Pairs sharing fewer items are taken as independent.
        copy_report_at: Pairs at least this likely to copy are reported.
        unlikely_at: A claim this many item-scales from the truth is flagged unlikely.
    """

    mode: bool = False
    low_ties: bool | None = None
    max_iter: int = attrs.field(default=50, validator=attrs.validators.ge(1))
    tol: float = attrs.field(default=1e-3, validator=_pos)
    prior_strength: float = attrs.field(default=2.0, validator=attrs.validators.ge(0.0))
    learn_default: bool = True
    cap: float = attrs.field(default=3.0, validator=_pos)
    relative_floor: float = attrs.field(default=1e-3, validator=attrs.validators.ge(0.0))
    min_loss: float = attrs.field(default=0.3, validator=_pos)
    loo_max: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    right_tol: float = attrs.field(default=0.5, validator=attrs.validators.ge(0.0))
    find_shifts: bool = True
    correct_shifts: bool = True
    shift_min_claims: int = attrs.field(default=5, validator=attrs.validators.ge(2))
    shift_min_share: float = attrs.field(default=0.8, validator=[_pos, attrs.validators.le(1.0)])
    shift_min_factor: float = attrs.field(default=1.5, validator=attrs.validators.gt(1.0))
    shift_min_offset: float = attrs.field(default=3.0, validator=_pos)
    copying: bool = True
    copy_rounds: int = attrs.field(default=1, validator=attrs.validators.ge(1))
    copy_prior: float = attrs.field(default=0.1, validator=[_pos, attrs.validators.lt(1.0)])
    copy_rate: float = attrs.field(default=0.8, validator=[_pos, attrs.validators.lt(1.0)])
    copy_min_overlap: int = attrs.field(default=3, validator=attrs.validators.ge(1))
    copy_report_at: float = attrs.field(default=0.5, validator=[_pos, attrs.validators.le(1.0)])
    unlikely_at: float = attrs.field(default=3.0, validator=_pos)


@attrs.frozen(kw_only=True)
class ItemTruth:
    """The learned truth of one item (one group of comparable claims).

    Attributes:
        index: The item's position in the input.
        claims: Ids of its claims, sorted.
        best: The trust-weighted median of its claims' intervals (``None`` when no claim bounds it).
        low, high: The central half of the trust-weighted figures, widened to hold ``best``.
        scale: The item's robust spread, the unit its claims' errors are measured in.
        origins: Independent origins behind it.
    """

    index: int
    claims: tuple[str, ...]
    best: float | None
    low: float | None
    high: float | None
    scale: float
    origins: int


@attrs.frozen(kw_only=True)
class SourceReliability:
    """One origin's learned reliability, with the evidence behind it.

    Attributes:
        origin: The origin (:attr:`claimdiff.Claim.origin`).
        reliability: ``exp(-expected_error)``, in (0, 1]; 1 is never wrong.
        weight: Its vote relative to the most trusted origin (1).
        expected_error: Expected error in item-scales: its mean error shrunk to its prior.
        prior: Its prior reliability (for a source nothing is declared about, under
            :attr:`TruthSettings.learn_default`, the one learned from all sources).
        claims: Items it speaks of (one claim per item, relays collapsed).
        evidence: Contested items counted (copying discounts votes, not the record).
        mean_error: Mean capped error on contested items, in item-scales (``None`` without any).
        share_right: Share of its contested claims within ``right_tol`` of the truth.
    """

    origin: str
    reliability: float
    weight: float
    expected_error: float
    prior: float
    claims: int
    evidence: float
    mean_error: float | None
    share_right: float | None


@attrs.frozen(kw_only=True)
class SharedValue:
    """A value two sources both gave for one item, and how far it is from the truth.

    Attributes:
        item: The item's index.
        claims: The two claims' ids (original first).
        value: The shared figure (its point, or its interval's middle).
        error: Its distance to the truth, in item-scales.
    """

    item: int
    claims: tuple[str, str]
    value: float
    error: float


@attrs.frozen(kw_only=True)
class CopyPair:
    """Two origins that likely copy one another, with the shared values that betray them.

    Attributes:
        original: The more reliable origin.
        copier: The less reliable one, whose shared votes are discounted.
        probability: Posterior probability of copying (Dong et al. 2009).
        overlap: Items both speak of.
        same: Items where both give the same figure.
        same_wrong: Of those, items where the shared figure is wrong.
        shared: Up to five shared wrong values, the farthest from the truth first.
    """

    original: str
    copier: str
    probability: float
    overlap: int
    same: int
    same_wrong: int
    shared: tuple[SharedValue, ...]

    @property
    def message(self) -> str:
        """A sentence with the evidence."""
        return (
            f"'{self.copier}' likely copies '{self.original}' (p={self.probability:.2f}): same figure on "
            f"{self.same} of {self.overlap} shared items, {self.same_wrong} of them wrong"
        )


@attrs.frozen(kw_only=True)
class SystematicShift:
    """A source whose figures sit a constant factor or offset away from the learned truth.

    Attributes:
        origin: The origin.
        kind: ``"scale"`` (figures are ``value`` times the truth) or ``"offset"``
            (figures are the truth plus ``value``, in the canonical unit).
        value: The factor or the offset.
        units: For a known factor, (unit the source likely writes, unit the others write).
        claims: Contested claims examined.
        consistent: How many of them follow the shift within tolerance (1% for a
            factor, one item-scale for an offset).
        corrected: Whether the estimator corrected the source's figures.
    """

    origin: str
    kind: str
    value: float
    units: tuple[str, str] | None
    claims: int
    consistent: int
    corrected: bool

    @property
    def message(self) -> str:
        """A sentence with the evidence."""
        if self.kind == "scale":
            what = f"{self.value:.4g} times the consensus"
            if self.units:
                what += f" (likely {self.units[0]} written where the others write {self.units[1]})"
        else:
            what = f"{self.value:+.4g} off the consensus"
        return f"'{self.origin}' is {what} on {self.consistent} of {self.claims} contested items"


@attrs.frozen(kw_only=True)
class ClaimFit:
    """How one claim fits the learned truth.

    Attributes:
        claim_id: The claim.
        item: Its item's index.
        error: Distance of its interval (shift-corrected) to the truth, in item-scales;
            ``None`` when its item has no truth.
        unlikely: ``1 - exp(-error)``: 0 when the truth is inside the claim, near 1 far away.
        flagged: Whether ``error`` reaches :attr:`TruthSettings.unlikely_at` on a contested item.
        counted: False for a claim whose origin already speaks of the item through another
            claim (a relay or a restatement): it gets no vote of its own.
    """

    claim_id: str
    item: int
    error: float | None
    unlikely: float
    flagged: bool
    counted: bool


#: A fit's claim id, item and error (what a flag of it names), read without making the fit.
FitHead = tuple[str, int, float | None]


class ClaimFits(LazyItems[ClaimFit]):
    """Every claim's :class:`ClaimFit`, each made when read, and which of them are flagged.

    A result of 10^5 claims flags a few hundred; the fits are made from the estimator's columns on access
    (:class:`~claimdiff._core.lazy_items.LazyItems`), and :meth:`TruthResult.unlikely` reads only the flagged.
    ``head`` gives a fit's claim id, item and error without making it (default: from the fit).

    >>> fits = ClaimFits(2, lambda k: ClaimFit(claim_id=f"c{k}", item=0, error=3.0 * k, unlikely=0.0,
    ...                                        flagged=k == 1, counted=True), flagged_at=(1,))
    >>> [f.claim_id for f in fits], fits.flagged_at, fits.most_unlikely()
    (['c0', 'c1'], (1,), [(1, 'c1', 0, 3.0)])
    """

    __slots__ = ("_flagged_at", "_head")

    def __init__(
        self,
        n: int,
        make: Callable[[int], ClaimFit],
        *,
        flagged_at: Sequence[int],
        head: Callable[[int], FitHead] | None = None,
    ) -> None:
        super().__init__(n, make)
        self._flagged_at = tuple(flagged_at)
        self._head = head

    @property
    def flagged_at(self) -> tuple[int, ...]:
        """The positions of the fits whose ``flagged`` is true, in order."""
        return self._flagged_at

    def most_unlikely(self) -> list[tuple[int, str, int, float | None]]:
        """The flagged fits' positions, claim ids, items and errors, most unlikely first (:func:`unlikely_order`)."""
        head = self._head or self._head_of_fit
        rows = [(k, *head(k)) for k in self._flagged_at]
        rows.sort(key=lambda r: unlikely_order(r[3], r[1]))
        return rows

    def _head_of_fit(self, k: int) -> FitHead:
        fit = self[k]
        return fit.claim_id, fit.item, fit.error


@attrs.frozen(kw_only=True)
class TruthResult:
    """What :func:`claimdiff.truth.discover` learned: truths, reliabilities, copiers, shifts, per-claim fits.

    ``items`` and ``claims`` are sequences whose elements :func:`~claimdiff.truth.discover` makes when they
    are read (equal to the tuples of them, and pickled as those tuples).

    Attributes:
        items: One per input item, in input order.
        sources: One per origin, most reliable first (ties by name).
        copiers: Suspected copier pairs, most likely first.
        shifts: Systematic scale factors and offsets, by origin.
        claims: One per input claim, ordered by id.
        iterations: Fitting rounds run over all stages.
        converged: Whether the last stage met the stop rule before ``max_iter``.
    """

    items: Sequence[ItemTruth]
    sources: tuple[SourceReliability, ...]
    copiers: tuple[CopyPair, ...]
    shifts: tuple[SystematicShift, ...]
    claims: Sequence[ClaimFit] = attrs.field(repr=False)
    iterations: int
    converged: bool

    def source(self, origin: str) -> SourceReliability:
        """The reliability of ``origin`` (case is ignored).

        Raises:
            KeyError: No claim comes from that origin.
        """
        key = origin.casefold()
        for s in self.sources:
            if s.origin == key:
                return s
        raise KeyError(origin)

    def unlikely(self) -> tuple[ClaimFit, ...]:
        """The flagged claims, most unlikely first."""
        claims = self.claims
        if isinstance(claims, ClaimFits):
            return tuple(claims[row[0]] for row in claims.most_unlikely())
        flagged = [c for c in claims if c.flagged]
        return tuple(sorted(flagged, key=lambda c: unlikely_order(c.error, c.claim_id)))


def unlikely_order(error: float | None, claim_id: str) -> tuple[float, str]:
    """Where a flagged claim is listed: by its error in item-scales, largest first, then by id."""
    return (-(error or 0.0), claim_id)


def unlikely_score(error: float | None) -> float:
    """The ``unlikely`` score of an error in item-scales."""
    return 0.0 if error is None else 1.0 - math.exp(-error)
