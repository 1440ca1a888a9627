"""Small builders shared by the tests."""

from __future__ import annotations

from claimdiff import Claim, Estimate, Scope, Source

SCOPE = Scope(place="Russia > Belgorod Oblast > Belgorod", counted="people", event="attack")


def claim(
    cid: str,
    value: str | Estimate | float,
    source: str = "",
    *,
    metric: str = "killed",
    stated: str | None = "2023-12-30",
    scope: Scope = SCOPE,
    via: tuple[str, ...] = (),
    period: str | None = None,
) -> Claim:
    """A claim with sensible defaults: killed people in Belgorod, stated on 30 December 2023."""
    return Claim(
        id=cid,
        metric=metric,
        estimate=value,
        scope=scope,
        source=Source(source or f"source of {cid}"),
        stated=stated,
        via=via,
        period=period,
    )


def kinds(report: object) -> list[str]:
    """The flag kinds of a report, in order."""
    return [f.kind.value for f in report.flags]  # type: ignore[attr-defined]
