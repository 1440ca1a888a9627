"""Hypothesis strategies for claimdiff's types, for your own property-based tests.

This is the only claimdiff module that imports hypothesis; install the
``test`` extra (``pip install 'claimdiff[test]'``) to use it. The strategies
follow hypothesis' own style: plural names, keyword-only arguments, arguments
that take strategies, bad arguments raising
:class:`~hypothesis.errors.InvalidArgument` at once, and a ``repr`` that shows
how a strategy was built:

>>> estimates(min_value=1)
estimates(min_value=1)

Test your own code with them:

>>> from hypothesis import given
>>> from claimdiff import reconcile
>>> @given(claim_sets(contradiction=False))
... def test_agreeing_claims_never_contradict(claims):
...     assert not reconcile(claims).has_contradiction
>>> test_agreeing_claims_never_contradict()

Once claimdiff is installed, :func:`hypothesis.strategies.from_type` knows
claimdiff's types too (``Claim``, ``Estimate``, ``Source``, ``Scope``, ``Period`` and
``Report``), through hypothesis' ``hypothesis`` entry point. The entry point is lazy:
``import hypothesis`` alone does not import claimdiff; the types are registered when
claimdiff is imported, and each strategy is built when a test first asks for it.

>>> from hypothesis import strategies as st
>>> from claimdiff import Claim
>>> @given(st.from_type(Claim))
... def test_every_claim_has_an_origin(claim):
...     assert claim.origin == claim.source.key
>>> test_every_claim_has_an_origin()

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from claimdiff._core.report import Report
from claimdiff._model.claim import Claim, Scope, Source, SourceKind
from claimdiff._model.estimate import Estimate, Hedge
from claimdiff._model.period import Period
from claimdiff._model.vocabulary import Metric
from claimdiff._planted import planted_claim_sets
from claimdiff._strategy_arguments import (
    check_bounds,
    check_int,
    check_strategy,
    explicit,
    named,
)
from claimdiff._strategy_draws import draw_estimates, draw_periods, draw_scopes, draw_sources

__all__ = [
    "PLANTS",
    "claim_sets",
    "claims",
    "estimates",
    "periods",
    "register_type_strategies",
    "reports",
    "scopes",
    "sources",
    "texts",
]

# -- estimates ----------------------------------------------------------------------------------


def estimates(
    *,
    min_value: int = 0,
    max_value: int = 10_000,
    units: st.SearchStrategy[str] | None = None,
    hedges: st.SearchStrategy[Hedge] | None = None,
) -> st.SearchStrategy[Estimate]:
    """Hedged figures whose stated numbers are whole numbers between ``min_value`` and ``max_value``.

    Every :class:`~claimdiff.Hedge` is drawn: exact figures, "at least" and
    "more than", "up to" and "fewer than", "about" (whose band may reach
    beyond the bounds), ranges and vague quantities.

    >>> from hypothesis import given
    >>> @given(estimates(min_value=1, max_value=50))
    ... def test_a_stated_point_is_allowed(e):
    ...     assert e.point is None or e.contains(e.point)
    >>> test_a_stated_point_is_allowed()

    Args:
        min_value: Smallest number a figure may state.
        max_value: Largest number a figure may state.
        units: Strategy for the unit (default: plain counts, ``""``); e.g.
            ``st.sampled_from(["km", "mile"])``.
        hedges: Strategy for the hedge (default: any :class:`~claimdiff.Hedge`).

    Raises:
        InvalidArgument: A bound is not a finite whole number, ``min_value >
            max_value``, or an argument that must be a strategy is not one.
    """
    check_bounds(min_value, max_value)
    check_strategy("units", units)
    check_strategy("hedges", hedges)
    return draw_estimates(**explicit(estimates, locals()))


# -- sources, scopes, periods, texts --------------------------------------------------------------


def sources(
    *,
    names: st.SearchStrategy[str] | None = None,
    kinds: st.SearchStrategy[SourceKind] | None = None,
    parties: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Source]:
    """Sources with a name, a kind and, sometimes, a party.

    >>> from hypothesis import given
    >>> @given(sources(parties=st.just("Ukraine")))
    ... def test_every_source_has_its_party(s):
    ...     assert s.party == "Ukraine" and s.name.strip()
    >>> test_every_source_has_its_party()
    >>> sources(parties=st.just("Ukraine"))
    sources(parties=just('Ukraine'))

    Args:
        names: Strategy for names, which must not be blank (default: a small
            pool, so that origins repeat).
        kinds: Strategy for the kind (default: any :class:`~claimdiff.SourceKind`).
        parties: Strategy for the party (default: none, Russia or Ukraine).
    """
    check_strategy("names", names)
    check_strategy("kinds", kinds)
    check_strategy("parties", parties)
    return draw_sources(**explicit(sources, locals()))


def scopes(
    *,
    places: st.SearchStrategy[str] | None = None,
    counted: st.SearchStrategy[str] | None = None,
    events: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Scope]:
    """Scopes over small pools of places, counted things and events, so that claims often share one.

    >>> from hypothesis import given
    >>> @given(scopes(places=st.just("Russia > Belgorod Oblast"), events=st.none()))
    ... def test_one_place_no_event(scope):
    ...     assert scope.place == ("Russia", "Belgorod Oblast") and scope.event is None
    >>> test_one_place_no_event()

    Args:
        places: Strategy for places, written ``"Russia > Belgorod Oblast"``.
        counted: Strategy for what is counted (default: people, children or drones).
        events: Strategy for the event (default: ``"attack-1"`` or ``"attack-2"``).
    """
    check_strategy("places", places)
    check_strategy("counted", counted)
    check_strategy("events", events)
    return draw_scopes(**explicit(scopes, locals()))


def periods(*, max_days: int = 5) -> st.SearchStrategy[Period]:
    """Whole days (UTC) within ``max_days`` of 25 December 2023, so that they often overlap.

    >>> from hypothesis import given
    >>> @given(periods(max_days=2))
    ... def test_one_of_two_days(p):
    ...     assert p.isoformat() in {"2023-12-25", "2023-12-26"}
    >>> test_one_of_two_days()

    Raises:
        InvalidArgument: ``max_days`` is not a positive integer.
    """
    check_int("max_days", max_days, minimum=1)
    return draw_periods(**explicit(periods, locals()))


def texts(*, min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[str]:
    """Free text for quotes, locations and notes: any printable characters, quotes, newlines and tabs.

    Text is never empty, because a CSV cell cannot tell empty text from no text.

    >>> from hypothesis import given
    >>> @given(texts(max_size=5))
    ... def test_short_and_never_empty(text):
    ...     assert 1 <= len(text) <= 5
    >>> test_short_and_never_empty()

    Raises:
        InvalidArgument: The sizes are not integers with ``1 <= min_size <= max_size``.
    """
    check_int("min_size", min_size, minimum=1)
    check_int("max_size", max_size, minimum=min_size)
    alphabet = st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\t\"',;|[]\\>")
    return st.text(alphabet, min_size=min_size, max_size=max_size)


# -- claims -------------------------------------------------------------------------------------


_METRICS = ("killed", "injured", "launched", "intercepted", "damaged")


@st.composite
@named("claims")
def _claims(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    metrics: st.SearchStrategy[str | Metric] | None = None,
    estimates: st.SearchStrategy[Estimate] | None = None,
    scopes: st.SearchStrategy[Scope] | None = None,
    periods: st.SearchStrategy[Period | None] | None = None,
    stated: st.SearchStrategy[Period | None] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
    via: st.SearchStrategy[tuple[Source, ...]] | None = None,
    notes: st.SearchStrategy[str | None] | None = None,
) -> Claim:
    g = globals()
    period = draw(periods if periods is not None else st.none() | g["periods"]())
    said = draw(stated if stated is not None else st.none() | g["periods"]())
    if period is not None and said is not None and said.before(period):
        period, said = said, period  # a figure cannot be stated before the span it reports on
    optional_text = notes if notes is not None else st.none() | texts()
    return Claim(
        id=draw(ids if ids is not None else st.text("abcdefgh0123456789-", min_size=1, max_size=8)),
        metric=draw(metrics if metrics is not None else st.sampled_from(_METRICS)),
        estimate=draw(estimates if estimates is not None else g["estimates"]()),
        scope=draw(scopes if scopes is not None else g["scopes"]()),
        period=period,
        stated=said,
        source=draw(sources if sources is not None else g["sources"]()),
        via=draw(via if via is not None else st.lists(g["sources"](), max_size=3).map(tuple)),
        quote=draw(optional_text),
        location=draw(optional_text),
        note=draw(optional_text),
    )


def claims(
    *,
    ids: st.SearchStrategy[str] | None = None,
    metrics: st.SearchStrategy[str | Metric] | None = None,
    estimates: st.SearchStrategy[Estimate] | None = None,
    scopes: st.SearchStrategy[Scope] | None = None,
    periods: st.SearchStrategy[Period | None] | None = None,
    stated: st.SearchStrategy[Period | None] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
    via: st.SearchStrategy[tuple[Source, ...]] | None = None,
    notes: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Claim]:
    """Valid claims; every argument is a strategy for that field, and the defaults cover every field.

    When the drawn statement date falls before the drawn period, the two are
    swapped, since a claim cannot be stated before the span it reports on.

    >>> from hypothesis import given
    >>> from claimdiff import dump_claims, loads_claims
    >>> @given(st.lists(claims(), max_size=3, unique_by=lambda c: c.id))
    ... def test_my_export_keeps_every_claim(cs):
    ...     assert loads_claims(dump_claims(cs, format="json"), format="json") == cs
    >>> test_my_export_keeps_every_claim()

    Args:
        ids: Strategy for ids (default: short ids; ids may repeat, as in real files).
        metrics: Strategy for metrics, names or :class:`~claimdiff.vocabulary.Metric` objects.
        estimates: Strategy for figures (default: :func:`estimates`).
        scopes: Strategy for scopes (default: :func:`scopes`).
        periods: Strategy for the period covered (default: none or :func:`periods`).
        stated: Strategy for when it was stated (default: none or :func:`periods`).
        sources: Strategy for the origin (default: :func:`sources`).
        via: Strategy for the chain of sources it came through (default: up to three).
        notes: Strategy for the quote, location and note (default: none or :func:`texts`).
    """
    for name, value in explicit(claims, locals()).items():
        check_strategy(name, value)
    return _claims(**explicit(claims, locals()))


# -- claim sets with planted findings ------------------------------------------------------------

#: What :func:`claim_sets` can plant, each a flag kind a correct reconciler must report.
PLANTS = (
    "contradiction",
    "revision",
    "downward_revision",
    "stale",
    "outlier",
    "subtotal_mismatch",
    "part_exceeds_whole",
)


def claim_sets(
    *,
    min_size: int = 1,
    max_size: int = 8,
    contradiction: bool | None = None,
    plant: str | None = None,
    metrics: st.SearchStrategy[str] | None = None,
    scopes: st.SearchStrategy[Scope] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[list[Claim]]:
    """Claims about one figure from independent origins, with a planted answer a correct reconciler must find.

    The claims ``c0``, ``c1``, ... are stated on one day and all allow one planted true value.
    With ``contradiction=False`` (and no ``plant``) that is all, so a correct reconciler finds no
    contradiction. ``plant`` adds claims (ids ``planted-...``) that a correct reconciler must flag
    with that kind:

    - ``"contradiction"`` (also ``contradiction=True``): ``c0`` states the truth exactly and one
      more claim is far above it.
    - ``"revision"`` / ``"downward_revision"``: one origin states a figure, then a higher / lower one
      a day later (the metric is cumulative).
    - ``"stale"``: a figure overtaken two days later by a higher one from another origin.
    - ``"outlier"``: at least three origins state the truth; one more states it 1,000 to 10,000 times over.
    - ``"subtotal_mismatch"``: people = the truth, but adults + children from another origin add up to more.
    - ``"part_exceeds_whole"``: ``c0`` pins people at the truth; children from another origin exceed it.

    >>> from hypothesis import given
    >>> from claimdiff import reconcile
    >>> @given(claim_sets(plant="stale", metrics=st.just("killed")))
    ... def test_a_stale_toll_is_found(cs):
    ...     assert "planted-early" in {cid for f in reconcile(cs).flags_of("stale") for cid in f.claims}
    >>> test_a_stale_toll_is_found()

    Args:
        min_size: Fewest agreeing claims (before the planted ones).
        max_size: Most agreeing claims (before the planted ones).
        contradiction: Plant a contradiction (``True``), plant agreement (``False``), or draw either
            (``None``, when ``plant`` is not given either).
        plant: One of :data:`PLANTS`, or ``None``.
        metrics: Strategy for the metric (default: killed, launched or population; cumulative
            ones for revisions and stale figures).
        scopes: Strategy for the scope (default: :func:`scopes`; arithmetic plants count people).
        sources: Strategy for the origins of ``c0``, ``c1``, ...; drawn distinct by name, so it
            must offer at least ``max_size`` names (default: ``origin 0``, ``origin 1``, ...).

    Raises:
        InvalidArgument: Unless ``1 <= min_size <= max_size``; ``contradiction`` is not
            ``True``, ``False`` or ``None``; ``plant`` is not in :data:`PLANTS` or contradicts
            ``contradiction``; or a narrowing argument is not a strategy.
    """
    check_int("min_size", min_size, minimum=1)
    check_int("max_size", max_size, minimum=min_size)
    if contradiction not in (True, False, None):
        raise InvalidArgument(f"contradiction={contradiction!r} must be True, False or None")
    if plant is not None and plant not in PLANTS:
        raise InvalidArgument(f"plant={plant!r} must be one of {', '.join(PLANTS)} or None")
    if (
        plant is not None
        and contradiction is not None
        and (contradiction != (plant == "contradiction"))
    ):
        raise InvalidArgument(
            f"plant={plant!r} and contradiction={contradiction!r} disagree; give one of them"
        )
    for name in ("metrics", "scopes", "sources"):
        check_strategy(name, locals()[name])
    return planted_claim_sets(**explicit(claim_sets, locals()))


# -- reports ------------------------------------------------------------------------------------


def reports(
    *,
    claims: st.SearchStrategy[list[Claim]] | None = None,
    policies: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Report]:
    """Reports as :func:`claimdiff.reconcile` makes them, so consistent by construction.

    Every reconciled claim is in one group, and every flag names claims of the report.

    >>> from hypothesis import given
    >>> @given(reports())
    ... def test_every_claim_is_grouped_once(report):
    ...     assert sorted(c for g in report.groups for c in g.claims) == sorted(c.id for c in report.claims)
    >>> test_every_claim_is_grouped_once()

    Args:
        claims: Strategy for the claims reconciled (default: :func:`claim_sets` with any plant,
            or a few arbitrary :func:`claims`).
        policies: Strategy for the policy name (default: any of :data:`claimdiff.POLICIES`).
    """
    check_strategy("claims", claims)
    check_strategy("policies", policies)
    from claimdiff._core.policy import POLICIES  # noqa: PLC0415 - keep this module's imports few
    from claimdiff._core.reconcile import reconcile  # noqa: PLC0415

    chosen = (
        claims
        if claims is not None
        else (
            st.sampled_from((None, *PLANTS)).flatmap(lambda p: claim_sets(plant=p, max_size=5))
            | st.lists(globals()["claims"](), max_size=5)
        )
    )
    return st.builds(
        reconcile, chosen, policies if policies is not None else st.sampled_from(sorted(POLICIES))
    )


# -- st.from_type --------------------------------------------------------------------------------


def register_type_strategies() -> None:
    """Make :func:`hypothesis.strategies.from_type` draw claimdiff's types with these strategies.

    Registers :class:`~claimdiff.Claim`, :class:`~claimdiff.Estimate`,
    :class:`~claimdiff.Source`, :class:`~claimdiff.Scope`, :class:`~claimdiff.Period`
    and :class:`~claimdiff.Report`. Installing claimdiff does this for you, lazily (see
    the module docstring); calling it again is harmless.

    >>> from hypothesis import given
    >>> from claimdiff import Source
    >>> register_type_strategies()
    >>> @given(st.from_type(Source))
    ... def test_every_source_has_a_name(s):
    ...     assert s.name.strip()
    >>> test_every_source_has_a_name()
    """
    st.register_type_strategy(Claim, claims())
    st.register_type_strategy(Estimate, estimates())
    st.register_type_strategy(Source, sources())
    st.register_type_strategy(Scope, scopes())
    st.register_type_strategy(Period, periods())
    st.register_type_strategy(Report, reports())
