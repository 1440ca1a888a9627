"""Figures that must add up: arithmetic flags and derived figures from relations between groups.

Each group of claims is a node of a graph (:mod:`claimdiff._core.figure_graph`) holding the
interval its supporting claims allow; relations narrow the intervals to a fixpoint
(:mod:`claimdiff._core.propagation`). An empty interval names the claims that cannot all hold;
a deletion filter then shrinks that set to a smallest one. Only groups a relation can touch
are visited, cluster by cluster (:mod:`claimdiff._core.reach`).
"""

from __future__ import annotations

from collections.abc import Sequence

from claimdiff._core.figure_graph import (
    FigureGraph,
    GroupFacts,
    ManyFacts,
    Node,
    Rel,
    relation_order,
)
from claimdiff._core.flags import Flag, FlagKind, LazyMessage, Severity
from claimdiff._core.propagation import EPS, INF, Prov, initial, propagate, sum_except, union
from claimdiff._core.reach import Reach, everywhere, reach
from claimdiff._core.relations import DEFAULT_TAXONOMY, Relation, RelationKind, Taxonomy
from claimdiff._core.report import Derived
from claimdiff._core.tolerance import Grading, relative_gap
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number

__all__ = ["GroupFacts", "ManyFacts", "check_arithmetic"]

_GRADING = Grading()


def check_arithmetic(
    facts: Sequence[GroupFacts] | ManyFacts,
    declared: Sequence[Relation] = (),
    taxonomy: Taxonomy = DEFAULT_TAXONOMY,
    grading: Grading = _GRADING,
) -> tuple[list[Flag], list[Derived]]:
    """Flag the figures that cannot add up, and derive what the relations imply.

    A stated figure at odds with the sum of the figures stated for its parts is graded by the size of
    the gap, as rival figures are (``grading``): a contradiction from ``contradiction_at`` on, else a
    discrepancy (a warning).
    """
    ordered = sorted(set(declared), key=relation_order)
    return check_reach(facts, reach(facts, ordered, taxonomy), taxonomy, grading)


def check_everywhere(
    facts: Sequence[GroupFacts] | ManyFacts,
    declared: Sequence[Relation] = (),
    taxonomy: Taxonomy = DEFAULT_TAXONOMY,
    grading: Grading = _GRADING,
) -> tuple[list[Flag], list[Derived]]:
    """:func:`check_arithmetic` visiting every group in one graph: the reference the tests compare with."""
    return check_reach(
        facts, everywhere(facts, sorted(set(declared), key=relation_order)), taxonomy, grading
    )


def check_reach(
    facts: Sequence[GroupFacts] | ManyFacts,
    where: Reach,
    taxonomy: Taxonomy,
    grading: Grading = _GRADING,
) -> tuple[list[Flag], list[Derived]]:
    """Check the groups ``where`` selects, graph by graph, in the order of the whole."""
    found: list[tuple[int, list[Flag], list[Derived]]] = []
    for members, declared in zip(where.clusters, where.declared, strict=True):
        graph = FigureGraph([facts[i] for i in members], declared, taxonomy, where.rank)
        for nodes, rels in graph.components():
            # Components come in the order of their first group among all the facts.
            first = members[nodes[0]] if nodes[0] < len(members) else len(facts)
            found.append((first, *_component(graph, nodes, rels, grading)))
    found.sort(key=lambda t: t[0])
    flags = [f for _, fs, _ in found for f in fs]
    derived = [d for _, _, ds in found for d in ds]
    derived.sort(key=lambda d: (d.metric, d.counted, d.place, d.event or "", d.group or ""))
    return flags, derived


def _component(
    graph: FigureGraph, nodes: list[int], rels: list[int], grading: Grading
) -> tuple[list[Flag], list[Derived]]:
    flags: list[Flag] = []
    allowed = {c.id for i in nodes for c, _, _ in graph.nodes[i].claims}
    broken = False
    for _ in range(50):  # each round sets at least one claim aside; bounded for safety
        lo, hi, lo_p, hi_p, empty = propagate(graph, rels, allowed)
        if empty is None:
            # Where figures do not add up, anything derived would rest on a choice of which claims to
            # believe, and could contradict a claim the report keeps: derive nothing there.
            return flags, ([] if broken else _derived(graph, nodes, allowed, lo, hi, lo_p, hi_p))
        broken = True
        suspects = set(lo_p[empty][0] | hi_p[empty][0])
        used = _simplest(graph, suspects, sorted(lo_p[empty][1] | hi_p[empty][1]), nodes, rels)
        core = _shrink(graph, suspects, used)
        flags.append(_flag(graph, core, used, nodes, grading))
        allowed -= core
    return flags, []


def _simplest(
    graph: FigureGraph,
    suspects: set[str],
    used: list[int],
    nodes: Sequence[int],
    rels: Sequence[int],
) -> list[int]:
    """One relation that alone shows the conflict, if there is one (an at-most before a partition)."""
    holders = {i for i in nodes if any(c.id in suspects for c, _, _ in graph.nodes[i].claims)}
    candidates = set(used) | {
        r
        for r in rels
        if graph.rels[r].whole in holders and holders.intersection(graph.rels[r].parts)
    }
    if len(candidates) > 1 or candidates != set(used):
        ranked = sorted(
            candidates,
            key=lambda r: (
                graph.rels[r].kind is RelationKind.PARTITION,
                len(graph.rels[r].parts),
                r,
            ),
        )
        for r in ranked:
            if propagate(graph, [r], suspects)[4] is not None:
                return [r]
    return used


def _shrink(graph: FigureGraph, suspects: set[str], rels: Sequence[int]) -> set[str]:
    """Deletion filter: drop every claim without which the conflict still stands."""
    core = set(suspects)
    for cid in sorted(suspects):
        trial = core - {cid}
        if propagate(graph, rels, trial)[4] is not None:
            core = trial
    return core


def _claim_text(c: Claim) -> str:
    return f"'{c.id}' ({c.estimate.describe()})"


def _flag(
    graph: FigureGraph, core: set[str], rels: Sequence[int], nodes: Sequence[int], grading: Grading
) -> Flag:
    claims = {
        c.id: (c, graph.nodes[i])
        for i in nodes
        for c, _, _ in graph.nodes[i].claims
        if c.id in core
    }
    used = [graph.rels[r] for r in rels]
    if any(r.kind is RelationKind.PARTITION or len(r.parts) > 1 for r in used):
        kind = FlagKind.SUBTOTAL_MISMATCH
    elif any(r.label == "metric" for r in used):
        kind = FlagKind.INVERTED_METRICS
    else:
        kind = FlagKind.PART_EXCEEDS_WHOLE
    message, gap, rel = _explain(graph, core, used, claims)
    # Graded by the gap when one relation shows it; several relations at once are always an error.
    severity = Severity.ERROR if rel is None or grading.is_contradiction(rel) else Severity.WARNING
    return Flag(
        kind=kind,
        severity=severity,
        claims=tuple(sorted(core)),
        group=None,
        message=message,
        gap=gap,
        relative_gap=rel,
        unit="",
    )


def _node_bounds(node: Node, core: set[str]) -> tuple[float, float, list[Claim], list[Claim]]:
    lo, hi = 0.0, INF
    lows: list[Claim] = []
    highs: list[Claim] = []
    for c, clo, chi in node.claims:
        if c.id in core:
            if clo > lo:
                lo, lows = clo, [c]
            if chi < hi:
                hi, highs = chi, [c]
    return lo, hi, lows, highs


def _explain(
    graph: FigureGraph, core: set[str], used: list[Rel], claims: dict[str, tuple[Claim, Node]]
) -> tuple[str, float | None, float | None]:
    """The sentence of an arithmetic flag, naming the sum it rests on; the gap and the relative gap."""
    if len(used) == 1:
        rel = used[0]
        whole = graph.nodes[rel.whole]
        wlo, whi, wlows, whighs = _node_bounds(whole, core)
        parts = [(graph.nodes[p], *_node_bounds(graph.nodes[p], core)) for p in rel.parts]
        what = f"{whole.key[0]}: {whole.key[1]}" + (
            f" in {whole.key[2][-1]}" if whole.key[2] else ""
        )
        sum_lo = sum_except([p[1] for p in parts], None)
        if sum_lo > whi:
            shown = [p for p in parts if p[1] > 0]
            terms = " + ".join(
                f"{format_number(lo, grouped=True)}{_part(whole, n)}{_ids(lows)}"
                for n, lo, _hi, lows, _h in shown
            )
            stated = (
                f" = {format_number(sum_lo, grouped=True)} are stated for its parts"
                if len(shown) > 1
                else " is stated for one of its parts"
            )
            return (
                (f"{what}: {terms}{stated}, but {_says(whighs, whi, 'most')} [{rel.reason}]."),
                sum_lo - whi,
                relative_gap(sum_lo, whi),
            )
        sum_hi = sum_except([p[2] for p in parts], None)
        terms = " + ".join(
            f"{format_number(hi, grouped=True)}{_part(whole, n)}{_ids(highs)}"
            for n, _lo, hi, _l, highs in parts
        )
        return (
            (
                f"{what}: {_says(wlows, wlo, 'least')}, but {terms} = {format_number(sum_hi, grouped=True)} "
                f"are stated for its parts [{rel.reason}]."
            ),
            wlo - sum_hi,
            relative_gap(wlo, sum_hi),
        )
    listed = "; ".join(
        f"{_claim_text(c)} for {n.key[0]}: {n.key[1]}"
        for c, n in (claims[k] for k in sorted(claims))
    )
    reasons = "; ".join(sorted({r.reason for r in used}))
    return f"These figures cannot all hold [{reasons}]: {listed}.", None, None


def _part(whole: Node, part: Node) -> str:
    """What a part is, where it differs from its whole: " adults", " in Kursk Oblast"."""
    if part.key[1] != whole.key[1]:
        return f" {part.key[1]}"
    if part.key[0] != whole.key[0]:
        return f" {part.key[0]}"
    if part.key[2] != whole.key[2] and part.key[2]:
        return f" in {part.key[2][-1]}"
    return ""


def _ids(cs: list[Claim]) -> str:
    return f" ('{cs[0].id}')" if cs else ""


def _says(cs: list[Claim], bound: float, side: str) -> str:
    """Who states the whole and what: "'a' says more than 60" (the bound it allows when the words differ)."""
    at = f"at {side} {format_number(bound, grouped=True)}"
    if not cs:
        return f"the whole is {at}"
    c = cs[0]
    said = c.estimate.describe()
    return (
        f"'{c.id}' says {said}"
        if said in (at, format_number(bound, grouped=True))
        else f"'{c.id}' says {said} ({at})"
    )


def _derived(
    graph: FigureGraph,
    nodes: Sequence[int],
    allowed: set[str],
    lo: dict[int, float],
    hi: dict[int, float],
    lo_p: dict[int, Prov],
    hi_p: dict[int, Prov],
) -> list[Derived]:
    base_lo, base_hi, _, _ = initial(graph, nodes, allowed)
    out = []
    for i in nodes:
        n = graph.nodes[i]
        if i not in lo:
            continue
        tighter_lo = lo[i] > base_lo[i] + EPS
        tighter_hi = hi[i] < base_hi[i] - EPS
        if not (tighter_lo or tighter_hi):
            continue
        provs = [p for p, t in ((lo_p[i], tighter_lo), (hi_p[i], tighter_hi)) if t]
        claims, rels = union(*provs)
        reasons = tuple(sorted({graph.rels[r].reason for r in rels}))
        m, c, place, event = n.key
        ids = tuple(sorted(claims))
        out.append(
            Derived(
                metric=m,
                counted=c,
                place=place,
                event=event or None,
                group=n.gid,
                low=lo[i],
                high=None if hi[i] == INF else hi[i],
                claims=ids,
                relations=reasons,
                message=LazyMessage(_derived_text, m, c, place, lo[i], hi[i], ids, reasons),
            )
        )
    return out


def _derived_text(
    m: str,
    c: str,
    place: tuple[str, ...],
    low: float,
    high: float,
    ids: tuple[str, ...],
    reasons: tuple[str, ...],
) -> str:
    """The sentence of a derived figure, written when first read."""
    interval = (
        format_number(low, grouped=True)
        if low == high
        else f"[{format_number(low, grouped=True)}, {format_number(high, grouped=True)}{']' if high != INF else ')'}"
    )
    return (
        f"{m}: {c}{' in ' + place[-1] if place else ''} is {interval}, derived from "
        f"{', '.join(ids)} ({'; '.join(reasons)})."
    )
