"""A document's settings while its claims are built: timezone, vocabulary, named sources, defaults, caches.

Every reader of claims (a file, a table, a CSV file streamed in chunks) builds its claims in a
:class:`Context`: what the document's top-level sections declare, and the values each distinct text
reads to (metrics, counted things, periods, sources, figures, scopes), each read once and shared.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from typing import Any

from claimdiff._formats.documents import Lines
from claimdiff._formats.fields import reason_for, source_def
from claimdiff._formats.schema import short_repr
from claimdiff._model.aliases import source_key
from claimdiff._model.claim import Scope, Source
from claimdiff._model.estimate import Estimate
from claimdiff._model.hedges import HedgePolicy
from claimdiff._model.period import Period, timezone_named
from claimdiff._model.vocabulary import Metric, Vocabulary
from claimdiff.exceptions import ClaimFileError, InvalidClaimError

__all__ = ["Context", "near"]


class Context:
    """A document's settings while its claims are built: timezone, vocabulary, named sources, defaults."""

    def __init__(
        self, path: str, lines: Lines, hedges: HedgePolicy, vocabulary: Vocabulary
    ) -> None:
        self.path = path
        self.lines = lines
        self.hedges = hedges
        self.vocabulary = vocabulary
        self.tz: dt.tzinfo = dt.UTC
        self.local_times = False
        self.sources: dict[str, Source] = {}
        self.aliases: dict[str, str] = {}
        self.defaults: Mapping[str, Any] = {}
        self.periods: dict[tuple[str, str], Period] = {}
        # Values repeat across the claims of a file; each distinct one is built once and shared (all are frozen).
        self.estimates: dict[
            tuple[type, Any, Any, bool], Estimate
        ] = {}  # (type, value, unit, is a count)
        self.scopes: dict[tuple[Any, Any, Any], Scope] = {}
        # A table's figures spelled field by field, by the identity of the one object its reader makes per
        # figure (the object kept beside its estimate): (figure, estimate, or what marks one that does not read).
        self.figures: dict[tuple[int, Any, bool], tuple[Any, Any]] = {}
        self.places: dict[Any, tuple[str, ...] | None] = {}  # None: the place does not read
        self.wider_places: dict[
            str, tuple[str, ...]
        ] = {}  # place_path's wider areas, by their text
        self.counted_names: dict[Any, Any] = {}  # False: the counted thing does not read
        self.named: dict[tuple[Any, Any, Any, Any], Source] = {}
        self.words: dict[tuple[str, str], tuple[Any, str]] = {}
        self.composites: dict[str, Any] = {}
        # The fast reader's caches (plain.py): the metric, counted thing and source each raw text or spec names
        # (False when it does not read: the full reader then says why).
        self.plain_metrics: dict[str, Any] = {}
        self.plain_counted: dict[str, Any] = {}
        self.plain_sources: dict[Any, Source] = {}
        self.plain_periods: dict[str, dict[Any, Period | None]] = {"period": {}, "stated": {}}
        self.metric_words: frozenset[str] = frozenset()
        self.counted_words: frozenset[str] = frozenset()

    def error(self, location: str, claim_id: str | None, reason: str) -> ClaimFileError:
        """An error at ``location``, with the line of the nearest enclosing place the index knows."""
        lines = self.lines()
        probe = location
        line = lines.get(probe)
        while line is None and probe != "$":
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 1 else "$"
            line = lines.get(probe)
        return ClaimFileError(self.path, location, claim_id, reason, line=line)

    def apply(self, data: Mapping[str, Any]) -> None:
        """Read the sections that shape how claims are read: timezone, metrics, counted, sources, defaults."""
        if "timezone" in data:
            try:
                self.tz = timezone_named(str(data["timezone"]))
            except InvalidClaimError as e:
                raise self.error(
                    "$.timezone", None, f"{e.reason} (got {short_repr(data['timezone'])})"
                ) from e
            self.local_times = True
        self.vocabulary = _vocabulary(data, self.vocabulary)
        vocab = self.vocabulary
        self.metric_words = frozenset(w for m in vocab.metrics for w in (m.name, *m.aliases))
        self.counted_words = frozenset(vocab.counted_synonyms) | frozenset(
            vocab.counted_synonyms.values()
        )
        # The file's own spellings of sources (folded as canonical_source folds them) -> the name to use.
        self.aliases = {source_key(str(k)): str(v) for k, v in (data.get("aliases") or {}).items()}
        for key, raw in (data.get("sources") or {}).items():
            self.sources[str(key)] = source_def(
                raw, f"$.sources.{key}", self, name_default=str(key)
            )
        self.defaults = data.get("defaults") or {}

    def word(self, kind: str, raw: Any) -> tuple[Any, str]:
        """The metric or canonical counted thing ``raw`` names, or ``None`` and why it is refused (once per word)."""
        key = (kind, str(raw))
        found = self.words.get(key)
        if found is None:
            found = self.words[key] = self._word(kind, str(raw))
        return found

    def _word(self, kind: str, raw: str) -> tuple[Any, str]:
        # Metrics and counted things are open sets (files name their own: "without power", "leisure centres"), so
        # a new word is accepted; but a near miss of a known word is a typo that would split a group silently.
        if kind == "metric":
            name = " ".join(raw.strip().lower().replace("_", " ").split())
            if name not in self.metric_words and near(name, self.metric_words):
                return None, _word(name, self.metric_words, "metric", "metrics")
            try:
                return self.vocabulary.metric(name), ""
            except InvalidClaimError as e:
                return None, reason_for(e, "metric")
        try:
            counted = self.vocabulary.counted(raw)
        except InvalidClaimError as e:
            return None, reason_for(e, "counted")
        if counted not in self.counted_words and near(counted, self.counted_words):
            return None, _word(counted, self.counted_words, "counted thing", "counted")
        return counted, ""

    def period(self, value: Any, field: str) -> Period | None:
        """A period field, read in the document's timezone (each distinct text once)."""
        if value is None:
            return None
        if isinstance(value, Mapping):
            bad = sorted(set(value) - {"start", "end"})
            if bad or "start" not in value:
                raise InvalidClaimError(
                    None,
                    field,
                    dict(value),
                    "must be a date, a datetime, 'start/end', or {start, end}",
                )
            start = self.period(value["start"], field)
            end = self.period(value.get("end", value["start"]), field)
            assert start is not None  # noqa: S101 - given
            assert end is not None  # noqa: S101 - given
            if end.end_ts < start.start_ts:
                raise InvalidClaimError(None, field, dict(value), "ends before it starts")
            return Period(start.start, end.end)
        key = (field, str(value))
        found = self.periods.get(key)
        if found is None:
            try:
                found = Period.parse(str(value), self.tz, local_times=self.local_times)
            except InvalidClaimError as e:
                raise InvalidClaimError(None, field, e.value, e.reason) from None
            self.periods[key] = found
        return found


def _vocabulary(data: Mapping[str, Any], vocab: Vocabulary) -> Vocabulary:
    metrics = [
        Metric(
            str(name),
            cumulative=spec.get("cumulative", False),
            description=str(spec.get("description", "")),
            aliases=tuple(spec.get("aliases", ())),
        )
        for name, spec in ((n, s or {}) for n, s in (data.get("metrics") or {}).items())
    ]
    if metrics:
        vocab = vocab.with_metrics(*metrics)
    counted = data.get("counted") or {}
    if counted:
        vocab = vocab.with_counted({str(k): str(v) for k, v in counted.items()})
    return vocab


def near(name: str, known: frozenset[str]) -> bool:
    """True when ``name`` is one or two letters away from a known word: probably a typo of it."""
    return len(name) <= 100 and bool(difflib.get_close_matches(name, known, 1, _NEAR))


_NEAR = 0.8


def _word(name: str, known: frozenset[str], what: str, section: str) -> str:
    """Why an unknown metric or counted thing is refused, with the nearest known words."""
    near = difflib.get_close_matches(name, sorted(known), n=3, cutoff=_NEAR)
    return (
        f"{name!r} is not a {what} claimdiff knows; did you mean {' or '.join(repr(n) for n in near)}? "
        f"If {name!r} is meant, declare it under '{section}:' in the file"
    )  # near(): at most 100 characters
