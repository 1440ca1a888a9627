"""What reconciling returns: groups of comparable claims, the flags, and the rejected claims."""

from __future__ import annotations

import bisect
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from claimdiff._collector import PAUSE
from claimdiff._core.flags import CONFLICT_KINDS, Flag, FlagKind, LazyMessage, Severity
from claimdiff._core.group import Group, json_number
from claimdiff._core.lags import Lag
from claimdiff._core.lazy_items import held_items
from claimdiff._core.truth.results import TruthResult
from claimdiff._core.views import view
from claimdiff._model.claim import Claim
from claimdiff._model.short_repr import how_many

__all__ = ["Derived", "Group", "Rejected", "Report"]

#: Version of the JSON output contract; bumped only for incompatible changes.
JSON_FORMAT_VERSION = 1


def _deprecated(name: str, instead: str) -> None:
    warnings.warn(
        f"claimdiff.Report.{name} is deprecated; use Report.{instead}",
        DeprecationWarning,
        stacklevel=3,
    )


_CONFLICT_KINDS = CONFLICT_KINDS


_DERIVED_SHOWN = (
    "metric",
    "counted",
    "place",
    "event",
    "group",
    "low",
    "high",
    "claims",
    "relations",
    "message",
)


@attrs.frozen(kw_only=True, repr=False)
class Derived:
    """A figure implied by others through relations, with the claims it comes from.

    "Adults injured: 93" is derived from 108 people injured and 15 children injured
    by the partition people = adults + children. A derived figure is either about a
    group no claim speaks of (``group`` is ``None``), or narrower than what its own
    group's claims allow.

    Attributes:
        metric, counted, place, event: Which figure.
        group: The id of the group it narrows, or ``None`` for a figure no claim states.
        low: Lowest value the claims and relations allow.
        high: Highest value, or ``None`` when unbounded.
        claims: Ids of the claims it is derived from.
        relations: Why (the relations used).
        message: A sentence with the figure and its sources.
    """

    metric: str
    counted: str
    place: tuple[str, ...]
    event: str | None
    group: str | None
    low: float
    high: float | None
    claims: tuple[str, ...]
    relations: tuple[str, ...]
    _message: str | LazyMessage = attrs.field(eq=str, alias="message")

    @property
    def message(self) -> str:
        """A sentence with the figure and its sources (written when first read)."""
        return str(self._message)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _DERIVED_SHOWN)
        return f"Derived({shown})"

    def to_dict(self) -> dict[str, Any]:
        """The derived figure as in the JSON output contract."""
        return {
            "metric": self.metric,
            "counted": self.counted,
            "place": list(self.place),
            "event": self.event,
            "group": self.group,
            "low": json_number(self.low),
            "high": json_number(self.high),
            "claims": list(self.claims),
            "relations": list(self.relations),
            "message": self.message,
        }


@attrs.frozen
class Rejected:
    """An input claim that was not reconciled, with the reason.

    Attributes:
        claim_id: The id of the rejected claim.
        reason: Why it was rejected.
    """

    claim_id: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """The rejection as in the JSON output contract."""
        return {"claim": self.claim_id, "reason": self.reason}


@attrs.frozen(kw_only=True)
class Report:
    """The result of :func:`claimdiff.reconcile`.

    Every input claim is either in exactly one group or in ``rejected``.

    ``groups`` and ``flags`` are read-only sequences. In a large report, the groups that agree quietly
    and their notices are held as arrays and made when read (each read makes a new, equal object); they
    compare, pickle and serialise as tuples of their items. Under the ``truth`` policy, a large report's
    disagreeing groups whose claims set nothing aside are judged when first read, and the flags are found
    when first read: the same groups and flags as if found at once.

    Attributes:
        groups: Groups of comparable claims, ordered by key.
        flags: Every finding, ordered by group, kind and claims.
        rejected: Claims that were not reconciled, with reasons.
        claims: The reconciled claims, ordered by id: a tuple, or a sequence that behaves as one (claims
            read as a table are built when read).
        policy: Name of the policy used.
        derived: Figures implied by relations between groups (parts and wholes).
        truth: What truth discovery learned (the ``truth`` policy): each origin's reliability with
            its evidence, suspected copiers and systematic shifts; ``None`` under other policies.
        lags: Reporting lags found between origins' cumulative series (see :class:`~claimdiff.relations.Lag`), each
            with the share of the pair's conflicts it explains.
    """

    groups: Sequence[Group]
    flags: Sequence[Flag]
    rejected: tuple[Rejected, ...]
    claims: Sequence[Claim] = attrs.field(repr=False)
    policy: str
    derived: tuple[Derived, ...] = ()
    truth: TruthResult | None = attrs.field(default=None, repr=False)
    lags: tuple[Lag, ...] = ()
    # Indexes built on first look-up, so that asking for many claims stays linear.
    _claim_index: dict[str, Claim] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )
    _group_index: dict[str, int] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )

    def _findings(self) -> list[Flag]:
        """Every flag but the precision notices of quiet groups, which a large report makes only when read."""
        return [f for _, f in held_items(self.flags)]

    @property
    def has_contradiction(self) -> bool:
        """True when at least one contradiction was found."""
        return any(f.kind is FlagKind.CONTRADICTION for f in self._findings())

    @property
    def has_conflict(self) -> bool:
        """True when some claims of a group disagree beyond precision and tolerance, however little."""
        return any(f.kind in _CONFLICT_KINDS for f in self._findings())

    def flags_of(
        self, *kinds: FlagKind | str, severity: Severity | str | None = None
    ) -> tuple[Flag, ...]:
        """The flags of the given kinds (any kind when none is given), at least as serious as ``severity``.

        In report order, like :attr:`flags`. The conflicts (claims of a group that disagree) are
        ``flags_of("contradiction", "discrepancy", "outlier")``; what is worth reading first is
        ``flags_of(severity="warning")``.

        >>> from claimdiff import loads_claims, reconcile
        >>> report = reconcile(loads_claims('''claims:
        ...   - {id: a, metric: killed, counted: people, value: "14", source: {name: A}}
        ...   - {id: b, metric: killed, counted: people, value: "40", source: {name: B}}
        ... '''))
        >>> [f.kind.value for f in report.flags_of("contradiction")], len(report.flags_of(severity="error"))
        (['contradiction'], 1)
        """
        wanted = frozenset(FlagKind(k) for k in kinds)
        floor = Severity(severity).rank if severity is not None else 0
        # The precision notices of quiet groups (info, precision_gap) are made only if they can be wanted.
        notices = (not wanted or FlagKind.PRECISION_GAP in wanted) and floor <= Severity.INFO.rank
        pool = self.flags if notices else self._findings()
        return tuple(
            f for f in pool if (not wanted or f.kind in wanted) and f.severity.rank >= floor
        )

    @property
    def contradictions(self) -> tuple[Flag, ...]:
        """Deprecated: ``flags_of("contradiction")``."""
        _deprecated("contradictions", 'flags_of("contradiction")')
        return self.flags_of(FlagKind.CONTRADICTION)

    @property
    def conflicts(self) -> tuple[Flag, ...]:
        """Deprecated: ``flags_of("contradiction", "discrepancy", "outlier")``."""
        _deprecated("conflicts", 'flags_of("contradiction", "discrepancy", "outlier")')
        return tuple(f for f in self._findings() if f.kind in _CONFLICT_KINDS)

    @property
    def findings(self) -> tuple[Flag, ...]:
        """Deprecated: ``flags_of(severity="warning")`` (in report order; this sorted errors first)."""
        _deprecated("findings", 'flags_of(severity="warning")')
        return tuple(
            sorted(self.flags_of(severity=Severity.WARNING), key=lambda f: -f.severity.rank)
        )

    def group_of(self, claim_id: str) -> Group:
        """The group that holds the claim ``claim_id``.

        Raises:
            KeyError: No group holds it (it was rejected, or never given).
        """
        if self._group_index is None:
            object.__setattr__(
                self,
                "_group_index",
                {cid: i for i, g in enumerate(self.groups) for cid in g.claims},
            )
        assert self._group_index is not None  # noqa: S101 - set above
        return self.groups[self._group_index[claim_id]]

    def claim(self, claim_id: str) -> Claim:
        """The reconciled claim with id ``claim_id``.

        :attr:`claims` are in id order, so the claim is found by bisection, building no other claim of a
        claim table but the few it compares; claims given in another order are looked up in an index of them all.

        >>> from claimdiff import Claim, Scope, reconcile
        >>> report = reconcile([Claim(id=i, metric="killed", estimate="3", scope=Scope(counted="people"),
        ...                           source="A") for i in "cab"])
        >>> report.claim("b").id
        'b'

        Raises:
            KeyError: No reconciled claim has that id.
        """
        claims = self.claims
        if self._claim_index is None:
            at = bisect.bisect_left(claims, claim_id, key=_claim_id)
            if at < len(claims) and claims[at].id == claim_id:
                return claims[at]
        if self._claim_index is None:
            object.__setattr__(self, "_claim_index", {c.id: c for c in self.claims})
        assert self._claim_index is not None  # noqa: S101 - set above
        return self._claim_index[claim_id]

    def worst_severity(self) -> Severity | None:
        """The most serious severity among the flags, if any."""
        found = [f.severity for f in self._findings()]
        if len(found) < len(self.flags):
            found.append(Severity.INFO)  # a quiet group's notice
        return max(found, key=lambda s: s.rank, default=None)

    def __iter__(self) -> Iterator[Group]:
        return iter(self.groups)

    def __repr__(self) -> str:
        findings = self._findings()  # a quiet group's notice is info: it counts in none of these
        errors = sum(f.severity is Severity.ERROR for f in findings)
        contradictions = len(self.flags_of(FlagKind.CONTRADICTION))
        shown = [
            how_many(len(self.claims), "claim"),
            how_many(len(self.groups), "group"),
            how_many(contradictions, "contradiction"),
        ]
        if errors > contradictions:
            shown.append(how_many(errors - contradictions, "other error"))
        shown.append(how_many(sum(f.severity is Severity.WARNING for f in findings), "warning"))
        if self.rejected:
            shown.append(f"{len(self.rejected):,} rejected")
        return f"<Report ({self.policy}): {', '.join(shown)}>"

    def to_dataframe(self, table: str = "groups") -> Any:
        """One table of the report as a :class:`pandas.DataFrame` (needs the ``pandas`` extra).

        Args:
            table: ``"groups"``, ``"flags"``, ``"rejected"`` or ``"derived"``: one row
                per item of that list in :meth:`to_dict`, with the same columns.

        Raises:
            ValueError: ``table`` is not one of those names.
            MissingExtraError: pandas is not installed (``pip install 'claimdiff[pandas]'``).

        .. versionadded:: 0.1.0
        """
        return view("frame")(self, table)

    def to_text(self, title: str = "") -> str:
        """The report as text a person reads top to bottom, in plain words (what ``claimdiff check`` prints).

        Args:
            title: What was checked (a file name), for the heading.

        .. versionadded:: 0.1.0
        """
        return view("text")(self, title)  # type: ignore[no-any-return]

    def to_html(self, title: str = "", *, max_groups: int = 500) -> str:
        """The report as one self-contained HTML page: groups, claims, flags and series charts (no network).

        Args:
            title: What was checked (a file name), for the heading.
            max_groups: Show at most this many groups (the page says how many more there are).

        .. versionadded:: 0.1.0
        """
        return view("html")(self, title, max_groups=max_groups)  # type: ignore[no-any-return]

    def _repr_html_(self) -> str:
        """A compact HTML summary for notebooks (Jupyter calls it to show a report)."""
        return view("html_summary")(self)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        """The report as the documented JSON output contract (see ``docs/json.md``)."""
        with PAUSE:  # many small acyclic objects (and the quiet groups, made when read)
            return self._as_dict()

    def _as_dict(self) -> dict[str, Any]:
        return {
            "format": "claimdiff-report",
            "version": JSON_FORMAT_VERSION,
            "policy": self.policy,
            "summary": {
                "claims": len(self.claims),
                "groups": len(self.groups),
                "flags": len(self.flags),
                "contradictions": len(self.flags_of(FlagKind.CONTRADICTION)),
                "conflicts": len(self.flags_of(*_CONFLICT_KINDS)),
                "rejected": len(self.rejected),
                "derived": len(self.derived),
            },
            "groups": [g.to_dict() for g in self.groups],
            "flags": [f.to_dict() for f in self.flags],
            "rejected": [r.to_dict() for r in self.rejected],
            "derived": [d.to_dict() for d in self.derived],
            "lags": [lag.to_dict() for lag in self.lags],
            **(
                {}
                if self.truth is None
                else {
                    "sources": [
                        {
                            "origin": s.origin,
                            "reliability": s.reliability,
                            "claims": s.claims,
                            "evidence": s.evidence,
                            "mean_error": s.mean_error,
                            "prior": s.prior,
                        }
                        for s in self.truth.sources
                    ]
                }
            ),
        }


def _claim_id(c: Claim) -> str:
    return c.id
