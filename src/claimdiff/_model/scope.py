"""What a figure is about: its place (a path from the widest area), what it counts, and its event."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import attrs

from claimdiff._model.places import union_path
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY
from claimdiff.exceptions import InvalidClaimError

__all__ = ["NO_SCOPE", "Scope", "counted_name", "place_path"]

_intern = sys.intern
_strip = str.strip


def place_path(
    value: str | Sequence[str] | None, *, wider: dict[str, tuple[str, ...]] | None = None
) -> tuple[str, ...]:
    """A place as its path from the widest area: ``"Russia > Belgorod Oblast > Belgorod"``.

    ``wider`` is where a reader of many places keeps the paths of the wider areas it has met (all the
    parts but the last, by their text): each is read once.

    >>> place_path("Russia > Belgorod Oblast > Belgorod")
    ('Russia', 'Belgorod Oblast', 'Belgorod')
    >>> met = {}
    >>> place_path("Russia > Belgorod Oblast > Shebekino", wider=met), met
    (('Russia', 'Belgorod Oblast', 'Shebekino'), {'Russia > Belgorod Oblast ': ('Russia', 'Belgorod Oblast')})
    """
    if value is None:
        return ()
    if type(value) is str and _single_spaced(value):
        # Spaced by single spaces only (the common case): each part is tidy once its ends are stripped. The
        # wider areas repeat from place to place and are held once (interned); the last part rarely repeats.
        head, split, last = value.rpartition(">")
        if not split:
            out: tuple[str, ...] = (last.strip(),)
        else:
            path = None if wider is None else wider.get(head)
            if path is None:
                path = tuple(map(_intern, map(_strip, head.split(">"))))
                if wider is not None:
                    wider[head] = path
            out = (*path, last.strip())
    else:
        parts = value.split(">") if isinstance(value, str) else list(value)
        out = tuple(_place_part(p) for p in parts)
    if "" in out:  # a part that is empty (every part is text here)
        raise InvalidClaimError(None, "place", value, "has an empty part")
    if out and "+" in out[-1]:  # a place set: its places in one order (see claimdiff._model.places)
        out = tuple(_place_part(p) for p in union_path(out))
    if type(value) is tuple and all(a is b for a, b in zip(out, value, strict=True)):
        return value  # already a place path: kept as given
    return out


def _single_spaced(text: str) -> bool:
    r"""Whether ``text`` is spaced by single spaces only: ``" ".join(text.split()) == text``.

    Told first without splitting: printable text holds no whitespace but the space (every other
    whitespace character is unprintable), so it is tidy when no space doubles or ends it.

    >>> _single_spaced("A > B"), _single_spaced("A  > B"), _single_spaced("A >\tB"), _single_spaced(" A")
    (True, False, False, False)
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return True
    return " ".join(text.split()) == text


def _place_part(part: object) -> str:
    # Place names repeat across a data set ("Russia", "Belgorod Oblast"): each is held once (interned).
    text = str(part)
    tidy = " ".join(text.split())
    return _intern(text if tidy == text else tidy)


def counted_name(value: str | None) -> str | None:
    """What a scope counts, by its canonical name (``None``: not a count).

    >>> counted_name("Person")
    'people'
    """
    if value is None:
        return None
    return DEFAULT_VOCABULARY.counted(value)


@attrs.frozen
class Scope:
    """What a figure is about: where, who or what is counted, and which event.

    Attributes:
        place: Path from the widest area, e.g. ``("Russia", "Belgorod Oblast", "Belgorod")``.
        counted: What or who is counted ("people", "children", "drones"), or ``None``
            for a measurement that is not a count (a distance).
        event: The event the figure belongs to, if it belongs to one.
    """

    place: tuple[str, ...] = attrs.field(default=(), converter=place_path)
    counted: str | None = attrs.field(default=None, converter=counted_name)
    event: str | None = attrs.field(default=None)
    # The group keys of the claims about this scope: one key tuple for one metric, a dict by metric name for more.
    _keys: Any = attrs.field(init=False, repr=False, eq=False, default=None)

    @classmethod
    def _from_parts(cls, place: tuple[str, ...], counted: str | None, event: str | None) -> Scope:
        """The scope ``Scope(place=p, counted=c, event=event)`` gives, from ``place_path(p)`` and ``counted_name(c)``.

        For a reader that converts each distinct place and counted thing once, and meets them in many
        combinations: the converters' work is not done again.

        >>> Scope._from_parts(place_path("A > B"), counted_name("People"), "x") == Scope(
        ...     place="A > B", counted="People", event="x")
        True
        """
        self = _new(cls)
        _set_place(self, place)
        _set_counted(self, counted)
        _set_event(self, event)
        _set_keys(self, None)
        return self

    def _key_for(self, metric: str) -> tuple[str, str, tuple[str, ...], str]:
        """The group key of a claim about ``metric`` in this scope, one shared tuple per metric.

        >>> Scope(place="Russia > Belgorod", counted="people")._key_for("killed")
        ('killed', 'people', ('Russia', 'Belgorod'), '')
        """
        keys = self._keys
        if type(keys) is tuple:
            if keys[0] == metric:
                return keys
            keys = {keys[0]: keys}
        elif keys is not None:
            found = keys.get(metric)
            if found is not None:
                return found  # type: ignore[no-any-return]
        key = (metric, self.counted or "", self.place, self.event or "")
        if keys is None:
            object.__setattr__(self, "_keys", key)
        else:
            keys[metric] = key
            object.__setattr__(self, "_keys", keys)
        return key

    def place_text(self) -> str:
        """The place as written in files: ``"Russia > Belgorod Oblast > Belgorod"``."""
        return " > ".join(self.place)

    def describe(self) -> str:
        """A short phrase for reports: ``"people in Belgorod (event 'x')"``."""
        bits = [self.counted or "value"]
        if self.place:
            bits.append(f"in {self.place[-1]}")
        if self.event:
            bits.append(f"[{self.event}]")
        return " ".join(bits)


#: The scope of a claim that gives none (shared: scopes are frozen).
NO_SCOPE = Scope()

# Each slot's own setter, called directly (a frozen class refuses ``setattr``): half the cost of
# ``object.__setattr__``, which looks the name up first (a columnar reader makes a scope per distinct place).
_new = object.__new__
_set_place, _set_counted, _set_event, _set_keys = (
    Scope.__dict__[name].__set__ for name in ("place", "counted", "event", "_keys")
)
