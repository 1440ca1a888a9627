"""A policy is one thing: its hedge table reads every worded figure it reconciles.

A claim's estimate is read when the claim is built, with whatever table its reader was given:
``Claim(estimate="dozens")`` and the loaders by default read "dozens" as 24 to 99; ACLED codes it 12.
Reconciling under a policy whose table reads a figure otherwise re-reads that figure's wording with
the policy's table, so ``reconcile(claims, "acled")`` gives what ``claimdiff check --policy acled``
gives. Only a figure whose estimate is what a known table (one of the ready-made policies') reads
from its wording is re-read: an estimate built by hand, or read with a table of one's own, is kept
as it was given. The group says so in its ``best_rule``.

>>> from claimdiff import Claim, Scope, reconcile
>>> dozens = Claim(id="a", metric="killed", estimate="dozens", scope=Scope(counted="people"), source="A")
>>> dozens.estimate.interval_text()
'[24, 99]'
>>> group = reconcile([dozens], "acled").groups[0]
>>> group.best, group.interval_text()
(12.0, '[12, 99]')
>>> print(group.best_rule)
conservative; 'dozens' (claim a) read with the acled policy's hedges: [12, 99], figure 12 (the default table reads [24, 99])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter

import attrs

from claimdiff._core.policy import POLICIES, Policy
from claimdiff._core.report import Group
from claimdiff._model.claim import Claim
from claimdiff._model.claim_table import ClaimTable
from claimdiff._model.estimate import Estimate, Hedge
from claimdiff._model.hedges import HedgePolicy, parse_estimate
from claimdiff._model.numbers import format_number
from claimdiff.exceptions import InvalidEstimateError, InvalidUnitError

__all__ = ["Reread", "note_rereadings", "read_with_policy", "rereads_any"]

#: The hedges a table decides: exact figures and plain ranges read the same under every table.
_TABLE_HEDGES = frozenset({Hedge.LOWER, Hedge.UPPER, Hedge.APPROXIMATE, Hedge.VAGUE})


@attrs.frozen
class Reread:
    """A claim's figure as its reader read it, and the hedge table that reading came from."""

    before: Estimate
    table: str


def _known_tables() -> tuple[HedgePolicy, ...]:
    """The distinct hedge tables of the ready-made policies, in registry order."""
    out: list[HedgePolicy] = []
    for p in POLICIES.values():
        if p.hedges not in out:
            out.append(p.hedges)
    return tuple(out)


_KNOWN = _known_tables()


def _read(e: Estimate, table: HedgePolicy, count: bool) -> Estimate | None:
    """``e``'s wording read with ``table`` (its unit given separately when the wording has none), or None."""
    try:
        read = parse_estimate(e.text, hedges=table, count=count)
        if e.unit and not read.unit:
            read = parse_estimate(e.text, hedges=table, unit=e.unit, count=count)
    except (InvalidEstimateError, InvalidUnitError):
        return None
    return read


def _reread(e: Estimate, table: HedgePolicy, count: bool) -> tuple[Estimate, str] | None:
    """``e`` as ``table`` reads it, and the known table ``e`` was read with; None when ``e`` stays as it is."""
    mine = _read(e, table, count)
    if mine is None or mine == e:
        return None
    for other in _KNOWN:
        if other != table and _read(e, other, count) == e:
            return attrs.evolve(mine, provenance=e.provenance), other.name
    return None


_Seen = dict[tuple[Estimate, bool], tuple[Estimate, str] | None]


def _table_worded(e: Estimate) -> bool:
    """Whether ``e`` is worded with a hedge a hedge table reads (only such a figure can be re-read)."""
    return e.hedge in _TABLE_HEDGES and bool(e.text)


def _rereading(
    e: Estimate, count: bool, table: HedgePolicy, seen: _Seen
) -> tuple[Estimate, str] | None:
    """What :func:`_reread` gives for a claim's figure ``e`` (``count``: it counts something), asked once per input."""
    if not _table_worded(e):
        return None
    key = (e, count)
    if key not in seen:
        seen[key] = _reread(e, table, count)
    return seen[key]


def rereads_any(table: ClaimTable, policy: Policy) -> bool:
    """Whether :func:`read_with_policy` would re-read a claim of ``table``: asked once per distinct figure input.

    The figure's input is its estimate and whether it counts something, read from the table's columns;
    no claim is built.

    >>> import pandas as pd
    >>> from claimdiff import claims_from_dataframe
    >>> from claimdiff._core.policy import policy_named
    >>> t = claims_from_dataframe(pd.DataFrame({"id": ["a", "b"], "metric": "killed", "counted": "people",
    ...     "value": ["dozens", "3"], "source": "MoD"})).claims
    >>> rereads_any(t, policy_named("consensus")), rereads_any(t, policy_named("acled"))
    (False, True)
    """
    import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

    e_codes, estimates = table.column("estimate")
    s_codes, scopes = table.column("scope")
    counts = np.array([s is not None and s.counted is not None for s in scopes], np.int64)
    inputs = np.unique(e_codes.astype(np.int64) * 2 + counts[s_codes]).tolist()
    seen: _Seen = {}
    return any(
        _rereading(estimates[k // 2], bool(k % 2), policy.hedges, seen) is not None for k in inputs
    )


def read_with_policy(
    claims: Sequence[Claim], policy: Policy, distinct: Sequence[Estimate] | None = None
) -> tuple[list[Claim], dict[str, Reread]]:
    """``claims`` with each worded figure another known table read re-read with the policy's table.

    ``distinct`` are the claims' distinct estimates, when found already.

    Returns:
        The claims (the same objects when nothing changed), and what each re-read claim said before, by id.
    """
    table = policy.hedges
    # Claims share their estimates (``shared_estimate``): when no distinct one is a worded hedge a table reads,
    # no claim is re-read, and the claims are not visited one by one.
    if distinct is None:
        distinct = list({id(e): e for e in map(attrgetter("estimate"), claims)}.values())
    if not any(map(_table_worded, distinct)):
        return list(claims), {}
    seen: _Seen = {}
    out: list[Claim] = []
    before: dict[str, Reread] = {}
    for c in claims:
        e = c.estimate
        found = _rereading(e, c.scope.counted is not None, table, seen)
        if found is None:
            out.append(c)
            continue
        out.append(attrs.evolve(c, estimate=found[0]))
        before[c.id] = Reread(e, found[1])
    return out, before


def note_rereadings(
    groups: list[Group], reread: Mapping[str, Reread], claims: Sequence[Claim], policy: Policy
) -> list[Group]:
    """The groups, each holding a re-read claim saying so in its ``best_rule``."""
    if not reread:
        return groups
    now = {c.id: c.estimate for c in claims if c.id in reread}
    out = []
    for g in groups:
        notes = [
            _note(cid, now[cid], reread[cid], policy.name) for cid in g.claims if cid in reread
        ]
        out.append(attrs.evolve(g, best_rule="; ".join([g.best_rule, *notes])) if notes else g)
    return out


def _note(claim_id: str, now: Estimate, was: Reread, policy: str) -> str:
    figure = f", figure {format_number(now.point, grouped=True)}" if now.point is not None else ""
    return (
        f"{now.text!r} (claim {claim_id}) read with the {policy} policy's hedges: {now.interval_text()}{figure} "
        f"(the {was.table} table reads {was.before.interval_text()})"
    )
