"""The grade a source gives its own figure, in its own scheme: Airwars' grading, ACLED's and UCDP's precision codes.

Some sources grade what they publish: Airwars grades each incident (*Confirmed*, *Fair*, *Weak*,
*Contested*, *Discounted*, per its methodology page), ACLED codes how precisely it knows an event's
date and place (``time_precision``, ``geo_precision``), UCDP how precisely it knows the date and place
and how clear the event is (``date_prec``, ``where_prec``, ``event_clarity``). A reader keeps that grade
on the claim as a :class:`SourceGrade`, beside claimdiff's own grading, so that a report can show both
and say why they differ.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["SourceGrade"]


def _codes(value: Any) -> tuple[tuple[str, int], ...]:
    items = value.items() if hasattr(value, "items") else value
    out = []
    for name, code in items:
        if (
            not isinstance(name, str)
            or not name
            or isinstance(code, bool)
            or not isinstance(code, int)
        ):
            raise TypeError(f"'codes' must pair names with whole numbers (got {name!r}: {code!r})")
        out.append((name, code))
    return tuple(out)


@attrs.frozen
class SourceGrade:
    """How the source itself grades a figure: a grade word, precision codes, or both, and what they mean.

    >>> g = SourceGrade("airwars", "Fair", meaning="reported by two or more credible sources")
    >>> g.describe()
    'Airwars grades it Fair (reported by two or more credible sources)'
    >>> SourceGrade("ucdp", codes={"date_prec": 1, "where_prec": 3}).describe()
    'UCDP codes it date_prec 1, where_prec 3'

    Attributes:
        scheme: Whose scheme: ``"airwars"``, ``"acled"``, ``"ucdp"``, or another source's name.
        value: The grade word as the source writes it ("Fair"), or ``None`` when the scheme has only codes.
        codes: The source's numeric codes by name, in the source's order (``(("date_prec", 1), ...)``).
        meaning: What the source's codebook says the grade or codes mean, in a few words.
    """

    scheme: str = attrs.field(validator=attrs.validators.instance_of(str))
    value: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    codes: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_codes, kw_only=True)
    meaning: str = attrs.field(
        default="", validator=attrs.validators.instance_of(str), kw_only=True
    )

    @property
    def name(self) -> str:
        """The scheme's owner as written in sentences: ``"Airwars"``, ``"ACLED"``, ``"UCDP"``."""
        return _NAMES.get(self.scheme.casefold(), self.scheme)

    def code(self, name: str) -> int | None:
        """The code called ``name``, or ``None``.

        >>> SourceGrade("acled", codes={"time_precision": 2}).code("time_precision")
        2
        """
        return next((c for n, c in self.codes if n == name), None)

    def describe(self) -> str:
        """The grade in a sentence fragment: ``"Airwars grades it Fair (two or more credible sources)"``."""
        said = []
        if self.value is not None:
            said.append(f"grades it {self.value}")
        if self.codes:
            said.append("codes it " + ", ".join(f"{n} {c}" for n, c in self.codes))
        text = f"{self.name} {' and '.join(said) or 'grades it'}"
        return f"{text} ({self.meaning})" if self.meaning else text

    def to_dict(self) -> dict[str, Any]:
        """The grade as in the JSON report: ``scheme``, ``value``, ``codes`` (an object) and ``meaning``."""
        return {
            "scheme": self.scheme,
            "value": self.value,
            "codes": dict(self.codes),
            "meaning": self.meaning,
        }


_NAMES = {"airwars": "Airwars", "acled": "ACLED", "ucdp": "UCDP", "ibc": "Iraq Body Count"}
