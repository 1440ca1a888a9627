"""Who stated a figure: a named source, its kind, its side and its declared reliability."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from typing import Any

import attrs

from claimdiff._model.aliases import canonical_source
from claimdiff.exceptions import InvalidClaimError

__all__ = ["Source", "SourceKind"]


class SourceKind(enum.Enum):
    """What kind of body a source is."""

    GOVERNMENT = "government"
    MILITARY = "military"
    OFFICIAL = "official"
    MEDIA = "media"
    AGENCY = "agency"
    NGO = "ngo"
    INTERNATIONAL = "international"
    ACADEMIC = "academic"
    INDIVIDUAL = "individual"
    OTHER = "other"
    UNKNOWN = "unknown"


def _kind(value: str | SourceKind) -> SourceKind:
    if isinstance(value, SourceKind):
        return value
    try:
        return SourceKind(str(value).strip().lower())
    except ValueError:
        raise InvalidClaimError(
            None, "source.kind", value, f"is not one of {[k.value for k in SourceKind]}"
        ) from None


def _strip(value: str) -> str:
    return value.strip() if isinstance(value, str) else value


def _nonempty(field: str) -> Any:
    def check(_inst: object, _attr: object, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidClaimError(None, field, value, "must be a non-empty string")

    return check


def _reliability(value: float | None) -> float | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not 0.0 <= float(value) <= 1.0
    ):
        raise InvalidClaimError(None, "source.reliability", value, "must be a number from 0 to 1")
    return float(value)


@attrs.frozen
class Source:
    """Who stated a figure.

    Two sources with the same name (ignoring case) are the same origin when
    claimdiff counts independent corroboration.

    Attributes:
        name: "Russian Ministry of Defence", "Reuters", "Governor of Bryansk Oblast".
        kind: What kind of body it is.
        party: The side of a conflict it belongs to, if any ("Russia", "Ukraine").
        reliability: How reliable the source is declared to be, from 0 to 1, or ``None`` when
            nothing is declared. The ``ucdp`` policy puts forward the figure of the most reliable
            origin; truth discovery starts from it (see :class:`claimdiff.truth.TruthPrior`).

    >>> Source("UN OHCHR", kind="international", reliability=0.9).reliability
    0.9
    """

    name: str = attrs.field(converter=_strip, validator=_nonempty("source.name"))
    kind: SourceKind = attrs.field(default=SourceKind.UNKNOWN, converter=_kind, kw_only=True)
    party: str | None = attrs.field(default=None, kw_only=True)
    reliability: float | None = attrs.field(default=None, converter=_reliability, kw_only=True)
    _key: str | None = attrs.field(
        init=False, repr=False, eq=False, default=None
    )  # worked out on first use

    @property
    def key(self) -> str:
        """The identity used to count origins: the name, through the built-in aliases, case-folded.

        "Russia's MoD" and "the Russian Defence Ministry" are one origin (see :func:`claimdiff.sources.canonical_source`).

        >>> Source("Russia's MoD").key == Source("Russian Ministry of Defence").key
        True
        """
        key = self._key
        if key is None:
            key = _origin_key(self.name)
            object.__setattr__(self, "_key", key)
        return key

    def __str__(self) -> str:
        return self.name


def _source(value: Source | str) -> Source:
    if isinstance(value, Source):
        return value
    # A source given by name alone: one shared Source per name (frozen, so sharing changes nothing but memory).
    found = _by_name.get(value) if type(value) is str else None
    if found is None:
        found = Source(value)
        if len(_by_name) >= _SHARED_NAMES:
            _by_name.clear()
        _by_name[value] = found
    return found


_SHARED_NAMES = 4096
_by_name: dict[str, Source] = {}


def _sources(values: Iterable[Source | str] | Source | str) -> tuple[Source, ...]:
    if isinstance(values, Source | str):
        values = [values]
    return tuple(_source(v) for v in values)


@functools.lru_cache(maxsize=65_536)
def _origin_key(name: str) -> str:
    return canonical_source(name).casefold()
