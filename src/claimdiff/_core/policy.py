"""Reconciliation policies: how to read hedges and which figure to put forward."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from claimdiff._core.lags import Lags
from claimdiff._core.tolerance import Grading, Precision, Tolerance
from claimdiff._core.truth.results import TruthPrior, TruthSettings
from claimdiff._model.hedge_table import ACLED_HEDGES, DEFAULT_HEDGES, HedgePolicy
from claimdiff._model.short_repr import differing_fields
from claimdiff.exceptions import InvalidPolicyError, UnknownPolicyError

__all__ = ["POLICIES", "Estimator", "Policy", "hedges_for", "policy_named"]


class Estimator(enum.Enum):
    """How a group's best estimate is chosen.

    Every estimator works on the claims that are current (not revised away,
    not stale) and counts each origin once, so five outlets repeating one
    ministry weigh as one.
    """

    #: The median of the supporting origins' figures, kept inside the consensus
    #: interval (what the largest set of independent origins all allow).
    CONSENSUS = "consensus"
    #: The lowest figure a supporting source stated that every current claim
    #: allows; else the lowest value of the consensus interval. ACLED's rule.
    CONSERVATIVE = "conservative"
    #: The figure of the most recently stated claim. When no claim of a group says when it was
    #: stated, there is no latest: the group falls back to the consensus and says so.
    LATEST = "latest"
    #: The median of all current origins' figures, agreeing or not.
    MEDIAN = "median"
    #: Truth discovery: each group's truth and each origin's reliability learned together from every
    #: group (see :func:`claimdiff.truth.discover`); the report carries the reliabilities and the evidence.
    TRUTH = "truth"
    #: UCDP's rule: the figure of the origin declared more reliable than every other
    #: (:attr:`Source.reliability`), else the lowest origin's figure. The group keeps its interval.
    UCDP = "ucdp"
    #: IBC's rule: the minimum and maximum over the independent origins; the best is the minimum,
    #: the maximum is named in the rule (IBC publishes both).
    IBC = "ibc"
    #: Airwars' rule: the minimum over the independent origins, and the group graded by its
    #: origins and their parties (:attr:`Group.grade`: confirmed, fair, weak or contested).
    AIRWARS = "airwars"
    #: Wikidata's ranks: preferred claims over normal ones; a deprecated claim is never best.
    WIKIDATA = "wikidata"


@attrs.frozen(kw_only=True)
class Policy:
    """Everything a reconciliation may be tuned by, passed explicitly (there is no global state).

    A policy is one thing: its estimator, its hedge table and its thresholds go together. Change a
    setting with :meth:`replace`; the repr shows the name and only what differs from the default:

    >>> POLICIES["consensus"].replace(outlier_factor=100.0)
    Policy('consensus', outlier_factor=100.0)
    >>> POLICIES["acled"]
    Policy('acled', estimator=Estimator.CONSERVATIVE, hedges=ACLED_HEDGES, ties='lower')

    Attributes:
        name: The name reports and the CLI show.
        estimator: How the best estimate of each group is chosen.
        hedges: How hedged wording is read: by the loaders given this policy, and by
            :func:`~claimdiff.reconcile` for a worded figure read with another known table
            (ACLED's reads "dozens" as 12, the default as 24 to 99).
        precision: How the precision a figure's wording implies is read (see :class:`Precision`).
        tolerance: How far apart figures may be, beyond precision, and still agree.
        grading: From which size a disagreement is a contradiction rather than a discrepancy.
        growth_window: Seconds between two statements after which a cumulative figure (a toll) may
            have grown: a higher figure from elsewhere that much later makes the earlier one stale,
            not contradicted. Closer in time, it is a rival figure unless some origin's own figures
            rose in between. 6 hours by default.
        outlier_factor: A disagreeing figure at least this many spreads (the others' median absolute
            deviation, or their precision when they agree exactly) from the median of the other origins
            is reported as an outlier.
        outlier_min_origins: Outliers are looked for only in groups with at least this many independent
            origins.
        whole_counts: Round the best estimate of a count to a whole number.
        truth_prior: What is known of sources before truth discovery (the ``truth`` estimator).
        truth_settings: The truth-discovery estimator's knobs.
        lags: How reporting lags between origins' cumulative series are found, and how the conflicts they
            explain are graded (a discrepancy by default; see :class:`Lags`).
        ties: How a tie between equally supported values is broken: ``"median"`` (the value nearer
            the median of every origin's figure), ``"lower"`` (UCDP's and ACLED's conservative
            convention) or ``"higher"``; then by the smallest claim id.
    """

    name: str = "consensus"
    estimator: Estimator = attrs.field(default=Estimator.CONSENSUS, converter=Estimator)
    hedges: HedgePolicy = DEFAULT_HEDGES
    precision: Precision = attrs.field(
        factory=Precision, validator=attrs.validators.instance_of(Precision)
    )
    tolerance: Tolerance = attrs.field(
        factory=Tolerance, validator=attrs.validators.instance_of(Tolerance)
    )
    grading: Grading = attrs.field(factory=Grading, validator=attrs.validators.instance_of(Grading))
    growth_window: float = attrs.field(default=6 * 3600.0, validator=attrs.validators.ge(0))
    outlier_factor: float = attrs.field(default=10.0, validator=attrs.validators.gt(1.0))
    outlier_min_origins: int = attrs.field(default=3, validator=attrs.validators.ge(2))
    whole_counts: bool = True
    ties: str = attrs.field(
        default="median", validator=attrs.validators.in_(("median", "lower", "higher"))
    )
    truth_prior: TruthPrior | None = None
    lags: Lags = attrs.field(factory=Lags, validator=attrs.validators.instance_of(Lags))
    truth_settings: TruthSettings | None = None

    def __repr__(self) -> str:
        shown = differing_fields(self, _DEFAULT, skip=("name",), show=_show)
        return f"Policy({', '.join([repr(self.name), *shown])})"

    def replace(self, **changes: Any) -> Policy:
        """A copy of this policy with the settings ``changes`` names changed, each validated as when built.

        >>> POLICIES["acled"].replace(tolerance=Tolerance(relative=0.05)).tolerance.relative
        0.05
        >>> POLICIES["acled"].replace(tolerence=Tolerance(relative=0.05))
        Traceback (most recent call last):
        ...
        claimdiff.exceptions.InvalidPolicyError: policy 'acled': 'tolerence' is not a setting of a policy; did you mean 'tolerance'?
        >>> POLICIES["acled"].replace(outlier_factor=0.5)
        Traceback (most recent call last):
        ...
        claimdiff.exceptions.InvalidPolicyError: policy 'acled': 'outlier_factor' cannot be 0.5: 'outlier_factor' must be > 1.0: 0.5

        Raises:
            InvalidPolicyError: A name is not a setting of a policy (the error suggests the nearest), or a
                value is refused.
        """
        names = [a.name for a in attrs.fields(Policy)]
        for key in changes:
            if key not in names:
                near = difflib.get_close_matches(key, names, n=1)
                hint = (
                    f"did you mean {near[0]!r}?" if near else f"the settings are {', '.join(names)}"
                )
                raise InvalidPolicyError(self.name, key, f"is not a setting of a policy; {hint}")
        for (
            key,
            value,
        ) in changes.items():  # one at a time, so that the error names the setting refused
            try:
                attrs.evolve(self, **{key: value})
            except (TypeError, ValueError) as e:
                raise InvalidPolicyError(
                    self.name, key, f"cannot be {value!r}: {e.args[0] if e.args else e}"
                ) from e
        return attrs.evolve(self, **changes)


_DEFAULT = Policy()
#: Tables and enums a repr names rather than spells out.
_NAMED: Mapping[int, str] = MappingProxyType(
    {id(DEFAULT_HEDGES): "DEFAULT_HEDGES", id(ACLED_HEDGES): "ACLED_HEDGES"}
)


def _show(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return _NAMED.get(id(value)) or repr(value)


#: The ready-made policies, by name. ``acled`` reads "dozens" as 12 and "hundreds" as 100
#: and puts forward the most conservative figure, as ACLED codes fatalities. ``ucdp``, ``ibc``,
#: ``airwars`` and ``wikidata`` follow those anchors' own rules (see :class:`Estimator` and the
#: Policies section of the concepts page).
POLICIES: Mapping[str, Policy] = MappingProxyType(
    {
        "consensus": Policy(),
        "conservative": Policy(name="conservative", estimator=Estimator.CONSERVATIVE, ties="lower"),
        "latest": Policy(name="latest", estimator=Estimator.LATEST),
        "median": Policy(name="median", estimator=Estimator.MEDIAN),
        "truth": Policy(name="truth", estimator=Estimator.TRUTH),
        "acled": Policy(
            name="acled", estimator=Estimator.CONSERVATIVE, hedges=ACLED_HEDGES, ties="lower"
        ),
        "ucdp": Policy(name="ucdp", estimator=Estimator.UCDP, ties="lower"),
        "ibc": Policy(name="ibc", estimator=Estimator.IBC, ties="lower"),
        "airwars": Policy(name="airwars", estimator=Estimator.AIRWARS, ties="lower"),
        "wikidata": Policy(name="wikidata", estimator=Estimator.WIKIDATA),
    }
)


def policy_named(name: str) -> Policy:
    """The ready-made policy called ``name``.

    Raises:
        UnknownPolicyError: No policy has that name.
    """
    try:
        return POLICIES[name]
    except KeyError:
        raise UnknownPolicyError(name, sorted(POLICIES)) from None


def hedges_for(hedges: HedgePolicy | None, policy: Policy | str | None) -> HedgePolicy:
    """The hedge table a loader reads with: ``hedges``, else the policy's, else the default table.

    >>> hedges_for(None, "acled").name, hedges_for(None, None).name
    ('acled', 'default')
    >>> hedges_for(DEFAULT_HEDGES, "acled")
    Traceback (most recent call last):
    ...
    claimdiff.exceptions.InvalidPolicyError: policy 'acled': 'hedges' is given twice, and the two differ: HedgePolicy('default') and the policy's HedgePolicy('acled', vague=<15 words, 10 read otherwise than the default>); give one

    Raises:
        InvalidPolicyError: Both are given and the tables differ.
        UnknownPolicyError: ``policy`` names no ready-made policy.
    """
    if policy is None:
        return DEFAULT_HEDGES if hedges is None else hedges
    if isinstance(policy, str):
        policy = policy_named(policy)
    if hedges is not None and hedges != policy.hedges:
        raise InvalidPolicyError(
            policy.name,
            "hedges",
            f"is given twice, and the two differ: {hedges!r} and the policy's {policy.hedges!r}; give one",
        )
    return policy.hedges
