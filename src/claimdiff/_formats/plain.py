"""The common claim entry, read in one pass from what the document has already read.

Most entries of a claims file are plain: text and numbers, a source by name or ``{name, kind, party}``,
and values that repeat from entry to entry (the same metrics, places, days, sources and figures). For
such an entry every field is one look-up in the document's caches, and the schema walk, the per-field
error collection and the converters of the full reader (:func:`claimdiff._formats.build.build_document`)
are not needed. Anything else — an unknown or misspelled field, a value of another type, a figure
spelled field by field, a composite figure, any value that does not read — returns ``None``, and the
full reader reads the entry and reports every problem it has. Both readers give equal claims
(``tests/test_files.py`` checks it).
"""

from __future__ import annotations

import operator
from itertools import compress, repeat
from typing import TYPE_CHECKING, Any, Literal

from claimdiff._formats.fields import PLAIN_FIELDS, estimate_of, source_def
from claimdiff._formats.schema import fast_estimate, fast_source
from claimdiff._model.claim import Claim, Scope, Source
from claimdiff._model.composite import parse_composite
from claimdiff._model.estimate import Estimate
from claimdiff._model.period import Period
from claimdiff._model.scope import counted_name, place_path
from claimdiff.exceptions import ClaimdiffError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from claimdiff._formats.build import Context

__all__ = ["plain_claim"]

_FIELDS = frozenset(PLAIN_FIELDS)
_TEXTS = (str, int, float)  # exactly these types (a bool is not a number here)
_SCALARS = frozenset(
    (str, int, float, bool, type(None))
)  # what a cache key may hold: a list is not hashable
_MISSING: Any = object()
# A document keeps at most this many places read: a table of more distinct places (one a row, say) reads
# the rest without keeping them (each chunk of a table reads its distinct places once anyway).
_PLACES_KEPT = 2**16
_SPAN = frozenset(("start", "end"))


def plain_claim(raw: Any, ctx: Context) -> Claim | None:
    """The claim of a plain entry, or ``None`` when the entry needs the full reader.

    Returns a claim only when the full reader would return the same claim and no error.
    """
    if type(raw) is not dict or not raw.keys() <= _FIELDS:
        return None
    merged = {**ctx.defaults, **raw} if ctx.defaults else raw
    get = merged.get
    cid = raw.get("id")
    metric_raw, counted_raw, value, unit = get("metric"), get("counted"), get("value"), get("unit")
    if type(cid) is not str or not cid or cid.isspace() or type(metric_raw) is not str:
        return None
    if not (unit is None or type(unit) is str) or not (
        counted_raw is None or type(counted_raw) is str
    ):
        return None
    metric: Any = ctx.plain_metrics.get(metric_raw)
    if metric is None:
        metric = ctx.plain_metrics[metric_raw] = ctx.word("metric", metric_raw)[0] or False
    counted = None
    if counted_raw is not None:
        counted = ctx.plain_counted.get(counted_raw)
        if counted is None:
            counted = ctx.plain_counted[counted_raw] = ctx.word("counted", counted_raw)[0] or False
    if metric is False or counted is False:
        return None
    # Each part is first looked up in the document's caches; the helpers read (and check) what is new.
    count = counted_raw is not None
    estimate = (
        ctx.estimates.get((type(value), value, unit, count)) if type(value) in _TEXTS else None
    )
    if estimate is None:
        estimate = _estimate(value, unit, ctx, count)
    place, event = get("place"), get("event")
    scope = (
        ctx.scopes.get((place, counted, event))
        if type(event) is str and type(place) is str
        else None
    )
    if scope is None:
        scope = _scope(place, counted, event, ctx)
    source_raw = get("source")
    source = ctx.plain_sources.get(source_raw) if type(source_raw) is str else None
    if source is None:
        source = _source(source_raw, ctx)
    if estimate is None or scope is None or source is None:
        return None
    via_raw = get("via")
    via: tuple[Source, ...] = ()
    if type(via_raw) is list:
        chain = []
        for item in via_raw:
            relay = _source(item, ctx)
            if relay is None:
                return None
            chain.append(relay)
        via = tuple(chain)
    elif via_raw is not None:
        relay = _source(via_raw, ctx)
        if relay is None:
            return None
        via = (relay,)
    quote, location, note, part_of = (
        raw.get("quote"),
        raw.get("location"),
        raw.get("note"),
        raw.get("part_of"),
    )
    if not (part_of is None or type(part_of) is str):
        return None
    if (quote is not None and type(quote) not in _TEXTS) or (
        location is not None and type(location) not in _TEXTS
    ):
        return None
    if note is not None and type(note) not in _TEXTS:
        return None
    period_raw, stated_raw = get("period"), get("stated")
    period: Any = ctx.plain_periods["period"].get(period_raw) if type(period_raw) is str else None
    if period is None:
        period = _period(period_raw, "period", ctx)
    stated: Any = ctx.plain_periods["stated"].get(stated_raw) if type(stated_raw) is str else None
    if stated is None:
        stated = _period(stated_raw, "stated", ctx)
    if period is False or stated is False:
        return None
    try:
        claim = Claim(
            id=cid,
            metric=metric,
            estimate=estimate,
            scope=scope,
            period=period,
            stated=stated,
            source=source,
            via=via,
            quote=None if quote is None else str(quote),
            location=None if location is None else str(location),
            note=None if note is None else str(note),
            part_of=part_of,
        )
    except ClaimdiffError:
        return None
    if counted_raw is not None and not claim.estimate._derived[6]:  # noqa: SLF001 - is_count, without 3 look-ups
        return None  # "a count takes no unit": the full reader says so
    return claim


def _period(value: Any, field: str, ctx: Context) -> Period | Literal[False] | None:
    """A period field of a type the schema accepts (text, a year, ``{start, end}`` in text, or nothing), else ``False``."""
    if value is None:
        return None
    kind = type(value)
    if kind is dict:  # {start, end}, as the data sets' readers give a span of days
        start, end = value.get("start"), value.get("end", value.get("start"))
        if type(start) is not str or type(end) is not str or not value.keys() <= _SPAN:
            return False
        key: Any = (start, end)  # a tuple: never equal to the text or year keys beside it
    elif kind is str or kind is int:
        key = value
    else:
        return False
    seen = ctx.plain_periods[field]
    found = seen.get(key)
    if found is None:
        if kind is str and not value:
            return False
        try:
            found = seen[key] = ctx.period(value, field)
        except ClaimdiffError:
            return False
    return found


def _estimate(value: Any, unit: str | None, ctx: Context, count: bool) -> Estimate | None:
    """The figure of a ``value`` (cached per document), or ``None`` for a composite or a figure that does not read."""
    kind = type(value)
    if kind is dict:
        if not all(type(v) in _SCALARS for v in value.values()):
            return None  # a field holding a list or a mapping: the full reader says what is wrong
        # Spelled out field by field: keyed by its fields and their types (the schema tells 1 from true).
        key: Any = (tuple(value.items()), tuple(map(type, value.values())), unit, count)
        found = ctx.estimates.get(key)
        if found is not None:
            return found
        if not value or not fast_estimate(value):
            return None
    else:
        if kind is not str and kind is not int and kind is not float:
            return None
        key = (kind, value, unit, count)
        found = ctx.estimates.get(key)
        if found is not None:
            return found
        if kind is str:
            if not value or value.isspace():
                return None
            if unit is None:
                composite = ctx.composites.get(value, _MISSING)
                if composite is _MISSING:
                    try:
                        composite = parse_composite(
                            value, hedges=ctx.hedges, vocabulary=ctx.vocabulary
                        )
                    except ClaimdiffError:
                        return None
                    ctx.composites[value] = composite
                if composite is not None:
                    return None
    try:
        found = ctx.estimates[key] = estimate_of(value, unit, ctx, count=count)
    except ClaimdiffError:
        return None
    return found


def _scope(place: Any, counted: str | None, event: Any, ctx: Context) -> Scope | None:
    named = _event(event)
    if named is False or not (place is None or type(place) is str):
        return None
    key = (place, counted, named)
    scope = ctx.scopes.get(key)
    if scope is None:
        # Places and counted things meet in many combinations: each is converted once (as Scope(...) does).
        path, name = _place(place, ctx), _counted(counted, ctx)
        if path is None or name is False:
            return None
        scope = ctx.scopes[key] = Scope._from_parts(path, name, key[2])  # noqa: SLF001 - converted parts
    return scope


def _place(place: Any, ctx: Context) -> tuple[str, ...] | None:
    """A ``place`` cell as its path (:func:`place_path`, once per document), or ``None`` when it does not read."""
    return _places([place], ctx)[0]


def _places(places: Sequence[Any], ctx: Context) -> list[tuple[str, ...] | None]:
    """Each of ``places`` as :func:`_place` reads it, in one pass.

    :func:`place_path` is asked once per document for its first :data:`_PLACES_KEPT` places; any other is
    read each time it comes (a table's chunk asks for each of its distinct places once).
    """
    known = ctx.places
    if not set(map(type, places)) <= {str}:  # some not text: none (the empty path) or no place
        out: list[tuple[str, ...] | None] = [() if p is None else None for p in places]
        texts_at = [i for i, p in enumerate(places) if type(p) is str]
        for i, path in zip(texts_at, _places([places[i] for i in texts_at], ctx), strict=True):
            out[i] = path
        return out
    found = list(map(known.get, places, repeat(_MISSING))) if known else [_MISSING] * len(places)
    new = list(compress(range(len(places)), map(operator.is_, found, repeat(_MISSING))))
    if not new:
        return found
    texts = places if len(new) == len(places) else list(map(places.__getitem__, new))
    wider = ctx.wider_places
    paths: list[tuple[str, ...] | None] = []
    add = paths.append
    for text in texts:
        try:
            add(place_path(text, wider=wider))
        except ClaimdiffError:
            add(None)
    room = _PLACES_KEPT - len(known)
    if room > 0:
        known.update(zip(texts[:room], paths[:room], strict=True))
    if len(new) == len(places):
        return paths
    for i, path in zip(new, paths, strict=True):
        found[i] = path
    return found


def _counted(counted: str | None, ctx: Context) -> str | Literal[False] | None:
    """What a scope counts (:func:`counted_name`, once per document), or ``False`` when it does not read."""
    return _once(ctx.counted_names, counted, counted_name, failed=False)  # type: ignore[no-any-return]


def _once(cache: dict[Any, Any], key: Any, read: Any, *, failed: Any) -> Any:
    """``read(key)``, kept in ``cache`` (``failed`` where it raises a :class:`ClaimdiffError`): read once per document."""
    found = cache.get(key, _MISSING)
    if found is _MISSING:
        try:
            found = read(key)
        except ClaimdiffError:
            found = failed
        cache[key] = found
    return found


def _event(event: Any) -> str | Literal[False] | None:
    """An ``event`` cell as a scope holds it (text), or ``False`` for a type the schema refuses."""
    if event is None:
        return None
    return str(event) if type(event) in _TEXTS else False


def _source(value: Any, ctx: Context) -> Source | None:
    """A source by key or name, or ``{name, kind, party}`` in text, from the document's cache; else ``None``.

    A mapping is keyed by its items: only mappings whose values are all text (or a null party) are ever
    cached, and text equals only text, so a key never matches a mapping the schema refuses.
    """
    kind = type(value)
    if kind is str:
        key: Any = value
    elif kind is dict and all(type(v) in _SCALARS for v in value.values()):
        key = tuple(value.items())
    else:
        return None
    found = ctx.plain_sources.get(key)
    if found is None:
        if not fast_source(value):
            return None
        try:
            found = ctx.plain_sources[key] = source_def(value, "$", ctx)
        except ClaimdiffError:
            return None
    return found
