"""Errors raised by claimdiff.

Every error claimdiff raises on bad input derives from :class:`ClaimdiffError` and
also from the builtin that fits it (``ValueError`` for a bad value, ``TypeError``
for an operation on incompatible quantities), so ``except ValueError`` keeps
working for callers that do not know about claimdiff.

Discrepancies *between* sources are never exceptions: they are data, reported
as :class:`claimdiff.Flag` objects.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Self

__all__ = [
    "ClaimFileError",
    "ClaimFileErrors",
    "ClaimdiffError",
    "IncomparableError",
    "InvalidClaimError",
    "InvalidEstimateError",
    "InvalidPolicyError",
    "InvalidUnitError",
    "MissingExtraError",
    "UnknownPolicyError",
]


class ClaimdiffError(Exception):
    """Base class of every error claimdiff raises.

    Catch it to handle any bad input claimdiff refuses, whatever the reader:

    >>> import claimdiff
    >>> try:
    ...     claimdiff.hedges.parse_estimate("about NaN")
    ... except claimdiff.ClaimdiffError as e:
    ...     print(type(e).__name__, isinstance(e, ValueError))
    InvalidEstimateError True
    """


# Characters a terminal acts on instead of showing: C0/C1 controls, line and paragraph separators, and the
# bidirectional overrides that reorder what a reader sees.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    r"""``text`` with every control character escaped, safe to print to a terminal.

    >>> printable("bad\x1b[2J key")
    'bad\\x1b[2J key'
    """
    return _UNSAFE.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class InvalidEstimateError(ClaimdiffError, ValueError):
    """A hedged figure is malformed: NaN, infinite, bounds out of order, unparsable text.

    >>> from claimdiff.hedges import parse_estimate
    >>> try:
    ...     parse_estimate("20 parsecs of")
    ... except InvalidEstimateError as e:
    ...     print(e.field, "|", e.value)
    text | 20 parsecs of

    Attributes:
        field: The estimate's field at fault (``"low"``, ``"text"``, ...).
        value: The offending value.
        reason: What is wrong, in words.
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field!r} {reason} (got {value!r}).")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.value, self.reason))


class InvalidUnitError(ClaimdiffError, ValueError):
    """A unit is unknown to claimdiff's registry, or cannot be used for a figure.

    A claim built with such a unit raises :class:`InvalidClaimError`, caused by this error:

    >>> from claimdiff import Claim, Estimate
    >>> try:
    ...     Claim(id="x", metric="distance", estimate=Estimate.exact(20, unit="flurbs"), source="A")
    ... except InvalidClaimError as e:
    ...     print(e.__cause__)
    unit 'flurbs': not a unit claimdiff knows.

    Attributes:
        unit: The unit as written.
        reason: What is wrong, in words.
    """

    def __init__(self, unit: str, reason: str) -> None:
        self.unit = unit
        self.reason = reason
        super().__init__(f"unit {unit!r}: {reason}.")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.unit, self.reason))


class InvalidClaimError(ClaimdiffError, ValueError):
    """A claim cannot be built: a field is missing, of the wrong type, or inconsistent.

    >>> from claimdiff import Claim, Scope
    >>> try:
    ...     Claim(id="x", metric="killed", estimate="12", scope=Scope(counted="people"),
    ...           source="A", period="2023-12-31", stated="2023-12-30")
    ... except InvalidClaimError as e:
    ...     print(e.claim_id, e.field, "|", e)
    x stated | claim 'x': 'stated' is before the period it reports on starts (2023-12-31) (got '2023-12-30').

    Attributes:
        claim_id: The claim's id, or ``None`` when it has none yet.
        field: The claim's field at fault (``"estimate"``, ``"stated"``, ...).
        value: The offending value.
        reason: What is wrong, in words.
    """

    def __init__(self, claim_id: str | None, field: str, value: object, reason: str) -> None:
        self.claim_id = claim_id
        self.field = field
        self.value = value
        self.reason = reason
        who = f"claim {claim_id!r}" if claim_id else "claim"
        super().__init__(f"{who}: {field!r} {reason} (got {value!r}).")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.claim_id, self.field, self.value, self.reason))


class ClaimFileError(ClaimdiffError, ValueError):
    r"""A claims file holds something claimdiff cannot read.

    The message names the file, the claim (when known), the location inside the
    file as a path such as ``$.claims[0].value`` (and the line when known), and
    the reason:

    >>> from claimdiff import loads_claims
    >>> text = "claims:\n  - {id: mod-2, metric: killed, counted: people, value: -4, source: MoD}\n"
    >>> try:
    ...     loads_claims(text, path="claims.yaml")
    ... except ClaimFileError as e:
    ...     print(e)
    ...     print(e.location, e.line)
    claims.yaml: claim 'mod-2' ($.claims[0].value, line 2): 'value' is a negative count (got '-4').
    $.claims[0].value 2

    Attributes:
        path: The file, as given by the caller.
        location: JSON-path-like location inside the file (``$.claims[3].value``).
        claim_id: The id of the claim at fault, if known.
        reason: What is wrong, in words.
        line: 1-based line number, if known.
    """

    def __init__(
        self,
        path: str,
        location: str,
        claim_id: str | None,
        reason: str,
        line: int | None = None,
    ) -> None:
        self.path = path
        self.location = location
        self.claim_id = claim_id
        self.reason = reason
        self.line = line
        where = location if line is None else f"{location}, line {line}"
        who = f"claim {claim_id!r} " if claim_id else ""
        # Keys, headers and values come from the file: never let them act on the reader's terminal.
        super().__init__(printable(f"{path}: {who}({where}): {reason}"))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.location, self.claim_id, self.reason, self.line))


class ClaimFileErrors(ClaimdiffError, ExceptionGroup):  # noqa: N818 - a group of errors
    """Every problem found in one claims file, reported at once.

    An :class:`ExceptionGroup` of :class:`ClaimFileError`; ``str()`` lists them
    one per line so that a person can fix a file in one pass.

    >>> from claimdiff import loads_claims
    >>> text = '''claims:
    ...   - {id: a, metric: killed, counted: people, value: -4, source: MoD}
    ...   - {id: b, metric: killed, counted: people, value: 3, source: MoD, colour: red}
    ... '''
    >>> try:
    ...     loads_claims(text, path="claims.yaml")
    ... except ClaimFileErrors as group:
    ...     print([(e.claim_id, e.line) for e in group.exceptions])
    [('a', 2), ('b', 3)]
    """

    def __new__(cls, message: str, exceptions: Sequence[ClaimFileError]) -> Self:
        """Group ``exceptions`` under ``message``."""
        return super().__new__(cls, message, exceptions)

    def __str__(self) -> str:
        lines = [f"{printable(self.message)} ({len(self.exceptions)} problems):"]
        lines.extend(f"  {e}" for e in self.exceptions)
        return "\n".join(lines)

    def derive(self, excs: Sequence[Exception]) -> ClaimFileErrors:  # type: ignore[override]
        """Build a group of the same type from a subset (used by ``except*``)."""
        return ClaimFileErrors(self.message, [e for e in excs if isinstance(e, ClaimFileError)])


class IncomparableError(ClaimdiffError, TypeError):
    """Two figures cannot be compared or added: different dimensions or different counted things.

    pint calls a count, a radian and a bit all "dimensionless" and would add 32
    drones to 13 missiles; claimdiff refuses and raises this.

    >>> from claimdiff import Claim, Scope
    >>> def launched(counted, figure):
    ...     return Claim(id=counted, metric="launched", estimate=figure,
    ...                  scope=Scope(counted=counted), source="MoD")
    >>> try:
    ...     launched("missiles", "13").measure + launched("drones", "32").measure
    ... except IncomparableError as e:
    ...     print(e)
    cannot compare 13 missiles with 32 drones: counts of different things.

    Attributes:
        left: Description of the first figure.
        right: Description of the second figure.
        reason: Why they are incomparable.
    """

    def __init__(self, left: str, right: str, reason: str) -> None:
        self.left = left
        self.right = right
        self.reason = reason
        super().__init__(f"cannot compare {left} with {right}: {reason}.")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.left, self.right, self.reason))


class UnknownPolicyError(ClaimdiffError, LookupError):
    """A policy or estimator was asked for by a name claimdiff does not know.

    >>> from claimdiff import policy_named
    >>> try:
    ...     policy_named("bayes")
    ... except UnknownPolicyError as e:
    ...     print(e.name, "|", e)
    bayes | unknown policy 'bayes'; known policies: acled, airwars, consensus, conservative, ibc, latest, median, truth, ucdp, wikidata.

    Attributes:
        name: The name asked for.
        known: The names claimdiff knows.
    """

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown policy {name!r}; known policies: {', '.join(self.known)}.")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.known))

    def __str__(self) -> str:
        # LookupError subclasses KeyError-like repr quoting only for KeyError; keep the plain message.
        return str(self.args[0])


class InvalidPolicyError(ClaimdiffError, TypeError, ValueError):
    """A policy was asked to change a setting it does not have, or to take a value the setting refuses.

    A ``TypeError`` as an unknown keyword argument is, and a ``ValueError`` as a bad value is, so either
    ``except`` catches it.

    >>> from claimdiff import POLICIES
    >>> try:
    ...     POLICIES["consensus"].replace(speed=3)
    ... except InvalidPolicyError as e:
    ...     print(e.policy, e.field, isinstance(e, TypeError), isinstance(e, ValueError))
    consensus speed True True

    Attributes:
        policy: The name of the policy being changed.
        field: The setting named.
        reason: What is wrong, with the settings that exist when the name is unknown.
    """

    def __init__(self, policy: str, field: str, reason: str) -> None:
        self.policy = policy
        self.field = field
        self.reason = reason
        super().__init__(f"policy {policy!r}: {field!r} {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.policy, self.field, self.reason))


class MissingExtraError(ClaimdiffError, ImportError):
    """A feature needs an optional dependency that is not installed.

    The message says what to install:

    >>> print(MissingExtraError("Report.to_dataframe()", "pandas"))
    Report.to_dataframe() needs the 'pandas' extra; install it with: pip install 'claimdiff[pandas]'

    Attributes:
        feature: What was asked for ("Report.to_dataframe()").
        extra: The extra that installs what it needs ("pandas").
    """

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs the {extra!r} extra; install it with: pip install 'claimdiff[{extra}]'"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.feature, self.extra))
