"""Reconcile sourced claims: group what is comparable, find what agrees, flag what does not.

Everything here works on the floats each :class:`~claimdiff.Claim` computed once when it
was built; pint is not touched inside the loops. One group's verdict is in
:mod:`claimdiff._core.verdicts`; this module groups, orders and assembles the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, Protocol, runtime_checkable

import attrs

from claimdiff._collector import PAUSE
from claimdiff._core.accepting import accept, in_id_order, withdrawn_ids
from claimdiff._core.arithmetic import GroupFacts, ManyFacts, check_arithmetic
from claimdiff._core.believe import believe
from claimdiff._core.columns import Columns
from claimdiff._core.flags import Flag, FlagRow, as_flag
from claimdiff._core.group import group_position
from claimdiff._core.group_rows import GroupRows
from claimdiff._core.grouping import group_claims, keys_of
from claimdiff._core.hedge_reading import note_rereadings
from claimdiff._core.judged_group import JudgedGroups, Verdict
from claimdiff._core.lags import Lag
from claimdiff._core.later_verdicts import (
    KIND_ORDER,
    LaterVerdicts,
    Placed,
    explain_later,
    held_later,
    jobs,
    judge_later,
)
from claimdiff._core.lazy_items import Deferred, LazyItems
from claimdiff._core.policy import Estimator, Policy, policy_named
from claimdiff._core.progress import Steps
from claimdiff._core.quiet import QuietGroups, quiet_groups
from claimdiff._core.relations import DEFAULT_TAXONOMY, Relation, Taxonomy
from claimdiff._core.report import Derived, Group, Rejected, Report
from claimdiff._core.series import About, Series, check_series, series_points
from claimdiff._core.table_reads import as_table, table_groups
from claimdiff._core.verdicts import analyse_groups
from claimdiff._model.claim import Claim
from claimdiff._model.claim_table import ClaimTable, TableClaims
from claimdiff._model.withdrawal import Withdrawal

__all__ = ["Loaded", "flag_rows", "reconcile"]

_KIND_ORDER = KIND_ORDER


#: From this many claims on, groups are first read as numpy columns (:mod:`claimdiff._core.columns`) and the
#: quiet ones built in bulk; below it every group is judged claim by claim, which gives the same report and
#: spares a small file the cost of importing numpy (unless a group's claims share no value: the consensus is
#: found with numpy, :mod:`claimdiff._core.sweep`).
COLUMNAR_FROM = 2_000


@runtime_checkable
class Loaded(Protocol):
    """What every reader returns (:class:`~claimdiff.LoadedClaims`): the claims read and the rows it rejected.

    Each rejected row has ``claim_id``, ``location`` and ``reason`` (a :class:`~claimdiff.exceptions.ClaimFileError`).
    """

    @property
    def claims(self) -> Sequence[Claim]:
        """The claims read."""

    @property
    def rejected(self) -> Sequence[Any]:
        """The rows that could not be read, with their reasons."""


def _unread(error: Any) -> Rejected:
    """A row a reader rejected, as the report lists it: by claim id (or location) and reason."""
    location = str(getattr(error, "location", "") or "")
    reason = str(getattr(error, "reason", error))
    claim_id = getattr(error, "claim_id", None) or location
    return Rejected(str(claim_id), f"{location}: {reason}" if location else reason)


def reconcile(
    claims: Iterable[Claim] | Loaded,
    policy: Policy | str = "consensus",
    *,
    relations: Iterable[Relation | Series] = (),
    taxonomy: Taxonomy = DEFAULT_TAXONOMY,
    withdrawals: Iterable[Withdrawal] = (),
    progress: Any = None,
) -> Report:
    """Group comparable claims, reconcile each group, and flag every discrepancy.

    Claims are comparable when they have the same metric, the same counted thing,
    the same place and event, overlapping periods, and the same dimension
    (units are converted). A cumulative figure given "as of" different dates
    (periods from the same start to different ends) is a series: each as-of date
    is its own group, and the series is checked for falls across dates.

    Figures are compared as their wording allows: "20 miles" is a figure to the mile
    and agrees with "32 km" (the policy's :class:`~claimdiff.tolerance.Precision`), within the
    policy's :class:`~claimdiff.tolerance.Tolerance`. Disagreements are graded by size into
    discrepancies and contradictions (:class:`~claimdiff.tolerance.Grading`).

    The result does not depend on the order of ``claims``. Every claim ends in
    exactly one group or in :attr:`Report.rejected` with its reason.

    >>> from claimdiff import Claim, Scope, Source
    >>> scope = Scope(place="Russia > Belgorod Oblast > Belgorod", counted="people")
    >>> report = reconcile([
    ...     Claim(id="a", metric="injured", estimate="over 100", scope=scope, source="ZeroHedge"),
    ...     Claim(id="b", metric="injured", estimate="108", scope=scope, source="Russian MoD"),
    ... ])
    >>> report
    <Report (consensus): 2 claims, 1 group, 0 contradictions, 0 warnings>
    >>> report.groups[0]
    <Group g1 injured: people in Russia > Belgorod Oblast > Belgorod: 2 claims from 2 origins, agreement, best 108>
    >>> report.has_contradiction
    False
    >>> report.groups[0].interval_text(), report.groups[0].best
    ('108', 108.0)

    Counts are then checked against each other through relations: partitions
    (adults + children = people), parts and wholes (children injured <= injured,
    a city <= its oblast <= its country), metric order (shot down <= launched),
    claims stated as parts of others, and the ``relations`` you declare (including
    :class:`~claimdiff.relations.Series`, daily figures against a cumulative series). Bounds
    flow through the relations to a fixpoint; figures that cannot add up are
    flagged and what the relations imply is reported in :attr:`Report.derived`.
    A group's best figure always lies inside what the report derives for it.

    The policy is one thing: its hedge table reads every worded figure. A figure a known table read
    otherwise ("dozens" is 24 to 99 by default, 12 to 99 under ``acled``) is re-read with the policy's,
    and its group says so in ``best_rule``.

    What a reader returns can be passed as it is: ``reconcile(load_claims_lenient(path))``
    reconciles the claims read, with the file's relations and withdrawals, and lists the rows
    the reader rejected first in :attr:`Report.rejected`.

    Args:
        claims: The claims to reconcile, or what a reader returned (a :class:`~claimdiff.LoadedClaims`).
        policy: A :class:`Policy`, or the name of a ready-made one (a key of :data:`~claimdiff.POLICIES`:
            ``"consensus"``, the default, ``"acled"``, ``"ucdp"``, ...).
        relations: Relations between figures that you know hold, beyond the taxonomy's.
        taxonomy: How counted things and metrics nest.
        withdrawals: Later statements withdrawing figures: withdrawn claims stay in the
            report, marked, and no longer count.
        progress: Told how far reconciling has got, for long runs: a callable
            ``progress(done, total, stage)`` counting claims, or a progress bar with tqdm's interface
            (``tqdm.tqdm()``), whose total, description and count are kept up to date
            (``claimdiff._core.progress``). An exception it raises stops reconciling.

    Raises:
        InvalidClaimError: An item of ``claims`` is not a :class:`Claim`, or a withdrawal is
            not a :class:`~claimdiff.Withdrawal`.
        UnknownPolicyError: ``policy`` names no ready-made policy.
    """
    if isinstance(policy, str):
        policy = policy_named(policy)
    declared = tuple(relations)
    unread: tuple[Rejected, ...] = ()
    if isinstance(
        claims, Loaded
    ):  # a reader's result: its claims, its file's sections and its rejected rows
        unread = tuple(_unread(e) for e in claims.rejected)
        declared = (*getattr(claims, "relations", ()), *declared)
        withdrawals = (*getattr(claims, "withdrawals", ()), *withdrawals)
        claims = claims.claims
    with PAUSE:  # reconciling allocates many small acyclic objects: the collector would scan them for nothing
        report = _reconcile(claims, policy, declared, taxonomy, tuple(withdrawals), progress)
    return attrs.evolve(report, rejected=unread + report.rejected) if unread else report


def _reconcile(
    claims: Iterable[Claim],
    policy: Policy,
    declared: tuple[Relation | Series, ...],
    taxonomy: Taxonomy,
    withdrawals: tuple[Withdrawal, ...],
    progress: Any = None,
) -> Report:
    accepted, rejected, reread, keys = accept(claims, policy, COLUMNAR_FROM)
    # The claims' positions in id order, when their ids were sorted (a table's are in id order): the report
    # lists its claims so, and truth discovery ranks them so.
    by_id = range(len(accepted)) if type(accepted) is ClaimTable else keys.by_id if keys else None
    withdrawn = withdrawn_ids(accepted, withdrawals, rejected)
    relations = tuple(r for r in declared if isinstance(r, Relation))
    series = tuple(r for r in declared if isinstance(r, Series))

    steps = None if progress is None else Steps(progress, len(accepted))
    if steps is not None:
        steps.stage("grouping")
    if keys is None and len(accepted) >= COLUMNAR_FROM:
        keys = keys_of(accepted)  # read once: grouping and the columns both ask
    if keys is not None and (type(accepted) is ClaimTable or len(accepted) >= COLUMNAR_FROM):
        import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it; else the columns import it

        positions, loose_flags = table_groups(np, accepted, keys)
    else:
        positions, loose_flags = group_claims(accepted, keys)
    # A claim table's claims are built only where a group is read; other claims are at hand already, and many
    # claims' groups are listed when read too (most are quiet: their lists would be made for nothing).
    raw: Sequence[list[Claim]] = (
        GroupRows(accepted, positions, keys)
        if type(accepted) is ClaimTable or len(accepted) >= COLUMNAR_FROM
        else [[accepted[i] for i in g] for g in positions]
    )

    judged: dict[int, Group] = {}
    # Groups judged whose group is made when first read, from their verdict (they revise and withdraw nothing).
    unbuilt: dict[int, Group | Verdict] = {}
    flags: list[tuple[int, int, tuple[str, ...], Flag | FlagRow]] = []
    facts: dict[int, GroupFacts] = {}  # the loud groups'
    quiet: QuietGroups | None = None
    one_date: list[bool] = []
    loud: Iterable[int] = range(len(raw))
    about: About | None = None  # per group: whether its metric is cumulative, and its key
    later: list[int] = []  # under truth: the loud groups judged when read (later_verdicts.py)
    counts: list[bool] = []
    truth_reads = None
    if len(accepted) >= COLUMNAR_FROM:
        # The columnar core: what every group's columns say at once; quiet groups are kept as arrays.
        rows = raw if isinstance(raw, GroupRows) else GroupRows(accepted, positions, keys)
        table = accepted if type(accepted) is ClaimTable else as_table(claims, accepted)
        columns = Columns(table, positions, policy, withdrawn, keys)
        quiet = quiet_groups(columns, rows, policy)
        one_date = columns.one_date().tolist()
        loud = columns.np.flatnonzero(~quiet.quiet).tolist()
        about = (columns.cumulative.tolist(), rows.first_of("key"))
        if policy.estimator is Estimator.TRUTH:
            later = judge_later(columns, rows, list(loud), withdrawn)
            counts = columns.is_count.tolist()
            from claimdiff._core.truth.rows import Reads  # noqa: PLC0415 - imports numpy

            # What truth discovery reads, read once (and the ids' order, found once).
            truth_reads = Reads.of_columns(columns, accepted, by_id)
        del columns, rows
    if isinstance(raw, GroupRows):
        raw.let_go_of_keys()  # what grouping read of every claim is read no more: each group's first kept
    keys = None
    # The claims as the report lists them, by id; what grouping read of them is let go of now.
    listed: Sequence[Claim] = (
        TableClaims(accepted) if type(accepted) is ClaimTable else in_id_order(accepted, by_id)
    )
    by_id = None
    if isinstance(raw, GroupRows):  # the loud groups' claims, built at once
        loud = list(loud)
        raw.prepare(loud)
    pending = None
    if later and quiet is not None and about is not None:
        pending = LaterVerdicts(later, raw, quiet, policy, (about[1], counts))
        waits = set(later)
        loud = [i for i in loud if i not in waits]
    if quiet is not None:  # and what the columns know of them, read at once
        loud = list(loud)
        quiet.prepare(loud)
    if steps is not None:
        loud = list(loud)
        steps.advance(
            len(accepted) - sum(len(positions[i]) for i in loud)
        )  # the quiet groups and those judged when read, settled at once
        steps.end_stage()
        steps.stage("judging groups")
    loud = list(loud)
    verdicts = analyse_groups(jobs(loud, raw, withdrawn, quiet, steps), policy, build=quiet is None)
    for index, (made, group_flags, group_facts) in zip(loud, verdicts, strict=True):
        if isinstance(made, Group):
            judged[index] = made
        else:
            unbuilt[index] = made
        if group_facts is not None:
            facts[index] = group_facts
        if group_flags:
            flags.extend((index, _KIND_ORDER[f.kind], f.claims, f) for f in group_flags)
    if quiet is not None and pending is None:
        quiet.forget_widened()
    if steps is not None:
        steps.end_stage()
        steps.stage("checking relations and series")
    groups: LazyItems[Group] = LazyItems(
        len(raw),
        _unbuilt if quiet is None else quiet.group,
        judged,
        held_later(unbuilt, JudgedGroups(unbuilt).group, pending),
    )
    lags: tuple[Lag, ...] = ()
    flags_later = pending  # the groups whose flags are found when the report's flags are read
    # Each origin's cumulative series, found once: the lags and the series check both read them (the lags
    # re-grade conflicts only, so what the series leave out, claims revised away or withdrawn, stays).
    # What the groups judged and not made set aside, read of their verdicts (the series and truth read it).
    aside = {
        i: v.set_aside for i, v in unbuilt.items() if isinstance(v, Verdict) and any(v.set_aside)
    }
    points = series_points(raw, groups, one_date or None, about, aside) if raw else {}
    if policy.lags.max_steps and (
        flags or pending
    ):  # conflicts a reporting lag explains are re-graded (lags.py)
        lags, regraded, changed, flags, flags_later = explain_later(
            raw, groups, flags, pending, policy, (one_date or None, about, points)
        )
        for at, f in regraded.items():
            flags[at] = (flags[at][0], _KIND_ORDER[f.kind], f.claims, f)
        groups = groups.with_held(changed)
    flags.extend((-1, _KIND_ORDER[f.kind], f.claims, f) for f in loose_flags)
    loud_facts = ManyFacts.of([facts[i] for i in sorted(facts)], sorted(facts))
    if pending:
        loud_facts = ManyFacts.joined(loud_facts, pending.facts())
    all_facts = loud_facts if quiet is None else ManyFacts.joined(quiet.facts, loud_facts)
    arithmetic, derived = (
        check_arithmetic(all_facts, relations, taxonomy, policy.grading) if all_facts else ([], [])
    )
    flags.extend((len(raw), _KIND_ORDER[f.kind], f.claims, f) for f in arithmetic)
    if raw:
        flags.extend(
            (len(raw), _KIND_ORDER[f.kind], f.claims, f)
            for f in check_series(raw, groups, series, policy, points=points, unbuilt=aside)
        )
    truth = None
    truth_flags: tuple[int, Callable[[], list[Flag | FlagRow]]] | None = None
    if policy.estimator is Estimator.TRUTH and groups:
        groups, found, truth = believe(raw, groups, policy, truth_reads, aside)
        truth_flags = (len(raw) + 1, found)  # listed when the report's flags are read
    groups = groups.with_held(_within_derived(groups, derived))
    if reread:  # rare: a figure a known table read otherwise, re-read with the policy's hedges
        groups = LazyItems(
            len(raw),
            _unbuilt,
            dict(enumerate(note_rereadings(list(groups), reread, accepted, policy))),
        )

    rejected.sort(key=lambda r: (r.claim_id, r.reason))
    return Report(
        groups=groups.settled(),
        flags=Deferred(partial(_sorted_flags, flags, flags_later, quiet, truth_flags))
        if flags_later or truth_flags
        else _sorted_flags(flags, None, quiet),
        rejected=tuple(rejected),
        claims=listed,
        policy=policy.name,
        derived=tuple(derived),
        truth=truth,
        lags=lags,
    )


def _sorted_flags(
    flags: list[Placed],
    pending: LaterVerdicts | None,
    quiet: QuietGroups | None,
    found: tuple[int, Callable[[], list[Flag | FlagRow]]] | None = None,
) -> Sequence[Flag]:
    """The report's flags: those of ``flags``, of the groups judged when read (judged now) and ``found``, in report order.

    ``found`` is where flags go in the order and what lists them (truth discovery's findings), listed now.
    Read after reconciling, every flag held as a row is made into its flag now, under the collector's pause
    as while reconciling: made one by one as they are read, and kept, they would set the collector scanning
    everything the report holds, again and again, for nothing.
    """
    with PAUSE:
        if pending:
            flags.extend(pending.flags())
        if found is not None:
            at, listed = found
            flags.extend((at, _KIND_ORDER[f.kind], f.claims, f) for f in listed())
        flags.sort(key=lambda t: t[:3])
        return _all_flags(flags, quiet, made=pending is not None)


def _unbuilt(i: int) -> Group:
    raise AssertionError(
        f"group g{i + 1} was judged, so it is held"
    )  # pragma: no cover - every group is held


def _all_flags(
    flags: list[tuple[int, int, tuple[str, ...], Flag | FlagRow]],
    quiet: QuietGroups | None,
    *,
    made: bool = False,
) -> Sequence[Flag]:
    """The flags in report order: those found claim by claim, held, and the quiet groups' notices, made when read.

    A flag found as a row (:class:`~claimdiff._core.flags.FlagRow`) is held as its row and made into its flag
    when first read, then kept (or made at once, ``made``). ``flags`` are sorted by group position; a quiet group
    has no other flag, so its one notice goes just after the flags of the groups before it.
    """
    found = [as_flag(t[3]) for t in flags] if made else [t[3] for t in flags]
    has_notices = quiet is not None and bool(quiet.gap.any())
    if not has_notices and all(isinstance(f, Flag) for f in found):
        return tuple(map(as_flag, found))  # flags all (no row among them)
    places: Sequence[int] = range(len(found))
    notice, n = _no_notice, len(found)
    if quiet is not None and has_notices:
        import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

        notices = np.flatnonzero(quiet.gap)
        at = np.arange(len(notices)) + np.searchsorted(
            np.array([t[0] for t in flags], np.int64), notices, "right"
        )
        n = len(found) + len(notices)
        order = np.zeros(n, np.int64)
        order[at] = -1 - notices
        rest = np.ones(n, np.bool_)
        rest[at] = False
        places = np.flatnonzero(rest).tolist()

        def notice(k: int) -> Flag:
            return quiet.gap_flag(-1 - int(order[k]))

    held: dict[int, Flag] = {}
    unmade: dict[int, Flag | FlagRow] = {}
    for k, f in zip(places, found, strict=True):
        if isinstance(f, Flag):
            held[k] = f
        else:
            unmade[k] = f
    return LazyItems(n, notice, held, (unmade, _FromRows(unmade)) if unmade else None)


class _FromRows:
    """Makes a report's flag at ``k`` of its row when first read, then keeps it (the tables read each flag more than once)."""

    __slots__ = ("unmade",)

    def __init__(self, unmade: dict[int, Flag | FlagRow]) -> None:
        self.unmade = unmade  # by position: each flag held as its row, or made of it already

    def __call__(self, k: int) -> Flag:
        made = self.unmade[k]
        if not isinstance(made, Flag):
            made = self.unmade[k] = made.flag()
        return made


def flag_rows(flags: Sequence[Flag]) -> Sequence[Flag | FlagRow]:
    """A report's flags, each one held as its row and not made yet given as that row; none is made.

    A :class:`~claimdiff._core.flags.FlagRow` reads as its flag does for its ``kind``, ``group``, ``severity`` and
    ``claims``: a reader of those (the groups table counts each group's flags) need not make the flags.

    >>> from claimdiff import Claim, Scope
    >>> scope = Scope(place="Belgorod", counted="people")
    >>> report = reconcile([Claim(id=i, metric="killed", estimate=v, scope=scope, source=s)
    ...                     for i, v, s in (("a", "14", "A"), ("b", "40", "B"))])
    >>> [(f.kind.value, f.group) for f in flag_rows(report.flags)]
    [('contradiction', 'g1')]
    """
    if isinstance(flags, Deferred):  # found now: it is read whole
        flags = flags.found
    later = flags.make_later if isinstance(flags, LazyItems) else None
    if not isinstance(later, _FromRows):
        return flags
    unmade = later.unmade
    return [unmade[k] if k in unmade else flags[k] for k in range(len(flags))]


def _no_notice(k: int) -> Flag:
    raise AssertionError(f"flag {k} was found, so it is held")  # pragma: no cover - no notice here


def _within_derived(groups: Sequence[Group], derived: list[Derived]) -> dict[int, Group]:
    """Keep every group's best inside what the report derives for it, so the report never contradicts itself.

    Returns the groups narrowed, by position (a group's id is ``g`` and its position plus one).
    """
    out: dict[int, Group] = {}
    bounds = {d.group: d for d in derived if d.group is not None}
    for gid, d in bounds.items():
        at = group_position(gid)
        g = groups[at]
        if g.best is None:
            continue
        best = float(max(g.best, d.low))
        if d.high is not None:
            best = float(min(best, d.high))
        if best != g.best:
            out[at] = attrs.evolve(
                g, best=best, best_rule=f"{g.best_rule}, kept inside the derived interval"
            )
    return out
