"""A later statement that withdraws a figure: the figure stays on record but no longer counts."""

from __future__ import annotations

import attrs

from claimdiff._model.period import Period, optional_period

__all__ = ["Withdrawal"]


@attrs.frozen(kw_only=True)
class Withdrawal:
    """The withdrawal of one claim's figure by a later statement.

    A withdrawn claim stays in its group and in the report, marked, with a ``withdrawn`` flag; it no
    longer feeds the feasible interval, the consensus or the best figure.

    >>> Withdrawal(claim="mod-killed", stated="2023-12-31", reason="double-counted").claim
    'mod-killed'

    Attributes:
        claim: Id of the claim withdrawn.
        stated: When it was withdrawn, if known.
        by: Who withdrew it (a source name), if known.
        reason: Why, in words.
    """

    claim: str = attrs.field(validator=attrs.validators.instance_of(str))
    stated: Period | None = attrs.field(default=None, converter=optional_period)
    by: str | None = None
    reason: str | None = None
