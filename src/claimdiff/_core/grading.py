"""Airwars' grading of an incident, from its independent origins and their parties.

Airwars grades each incident of civilian harm by the sources behind it (its methodology page,
https://airwars.org/about/methodology/): *confirmed* when a belligerent has accepted responsibility,
*fair* when two or more credible sources report it, *weak* for a single-source claim, *contested*
when there are competing claims of responsibility, and *discounted* when it has been ruled out.
claimdiff grades a group the same way from what its claims say of their sources:

- ``contested``: the origins belong to two or more different parties (each side has its figure);
- ``confirmed``: else, an origin that belongs to a party and is a military, a government or an
  official body (a belligerent speaking for itself) states a figure;
- ``fair``: else, two or more independent origins (five outlets repeating one origin are one);
- ``weak``: else, one origin: a single-source claim.

*Discounted* is an analyst's decision, not something the sources show, so it is never derived: a
claim read from Airwars' own list keeps that grade as the ``deprecated`` rank
(see :func:`claimdiff.formats.read_airwars`), and no anchor rule puts a deprecated claim forward.

The grade travels from the estimator to :attr:`claimdiff.Group.grade` in the rule's text
(``"airwars grade: fair (...)"``), read back by :func:`grade_of_rule`.

A source may grade its own figures too (Airwars' grade of each incident, ACLED's and UCDP's precision
codes: :class:`claimdiff.sources.SourceGrade`); ``claimdiff._model.claim.source_grades`` collects them for a group and
:func:`grades_text` sets them beside claimdiff's grade, saying why the two differ where they do.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimdiff._core.outcomes import Grade
from claimdiff._model.claim import Claim, Source, SourceKind
from claimdiff._model.source_grade import SourceGrade

__all__ = ["GRADES", "airwars_grade", "grade_of_rule", "grade_rule", "grades_text"]

#: The grades claimdiff derives, from the best supported.
GRADES = tuple(g.value for g in Grade)
_PREFIX = "airwars grade: "
_BELLIGERENT_KINDS = frozenset({SourceKind.MILITARY, SourceKind.GOVERNMENT, SourceKind.OFFICIAL})


def airwars_grade(claims: Iterable[Claim]) -> tuple[str, str]:
    """The grade of the claims' incident, and why, from their independent origins and parties.

    >>> from claimdiff import Claim, Scope, Source
    >>> def said(i, who, **kw):
    ...     return Claim(id=i, metric="killed", estimate="4", scope=Scope(counted="civilians"),
    ...                  source=Source(who, **kw))
    >>> airwars_grade([said("a", "Syrian Network for Human Rights"), said("b", "Shaam News Network")])
    ('fair', '2 independent origins, no party among them')
    >>> airwars_grade([said("a", "CENTCOM", kind="military", party="US-led Coalition")])[0]
    'confirmed'
    """
    sources: dict[str, Source] = {}
    for c in sorted(claims, key=lambda c: c.id):
        sources.setdefault(c.origin, c.source)
    parties = sorted(
        {s.party.strip().casefold(): s.party.strip() for s in sources.values() if s.party}.values()
    )
    n = len(sources)
    origins = f"{n} independent origin{'s' if n != 1 else ''}"
    if len(parties) > 1:
        return "contested", f"{origins} from {len(parties)} parties ({', '.join(parties)})"
    belligerent = sorted(
        s.name for s in sources.values() if s.party and s.kind in _BELLIGERENT_KINDS
    )
    if belligerent:
        return "confirmed", f"{origins}; {belligerent[0]}, of {parties[0]}, states a figure itself"
    party = f"all of {parties[0]}" if parties else "no party among them"
    if n > 1:
        return "fair", f"{origins}, {party}"
    return "weak", f"a single-source claim ({origins}, {party})"


def grade_rule(grade: str, why: str, rest: str) -> str:
    """The rule text that carries ``grade`` to the group.

    >>> grade_rule("weak", "a single-source claim", "the minimum")
    'airwars grade: weak (a single-source claim); the minimum'
    """
    return f"{_PREFIX}{grade} ({why}); {rest}"


def grade_of_rule(rule: str) -> Grade | None:
    """The grade a rule text carries, or ``None``.

    >>> grade_of_rule("airwars grade: weak (a single-source claim); the minimum"), grade_of_rule("consensus")
    (<Grade.WEAK: 'weak'>, None)
    """
    if not rule.startswith(_PREFIX):
        return None
    word = rule[len(_PREFIX) :].split(" ", 1)[0]
    return Grade(word) if word in GRADES else None


def _why_of_rule(rule: str) -> str:
    """The reason a grade's rule text gives (what stands in the parentheses after the grade), or ``""``."""
    start = rule.find("(", len(_PREFIX))
    if not rule.startswith(_PREFIX) or start < 0:
        return ""
    depth = 0
    for i in range(start, len(rule)):
        depth += {"(": 1, ")": -1}.get(rule[i], 0)
        if depth == 0:
            return rule[start + 1 : i]
    return ""


# How strongly each grade says the incident is attested, for saying which way the two schemes differ.
_STRENGTH = {"confirmed": 3, "fair": 2, "weak": 1}


def grades_text(grade: str | None, rule: str, source_grades: tuple[SourceGrade, ...]) -> str | None:
    """The source's own grades beside claimdiff's ``grade`` (chosen by ``rule``), and why they differ.

    >>> fair = SourceGrade("airwars", "Fair", meaning="reported by two or more credible sources")
    >>> print(grades_text("weak", grade_rule("weak", "a single-source claim (1 independent origin)", "x"), (fair,)))
    Airwars grades it Fair (reported by two or more credible sources); claimdiff: weak, a single-source claim (1 independent origin): claimdiff counts only the origins of the claims it was given, not the sources Airwars read.
    >>> grades_text(None, "consensus", ()) is None
    True
    """
    if not source_grades:
        return None
    why = _why_of_rule(rule)
    ours = f"claimdiff: {grade}{f', {why}' if why else ''}" if grade else ""
    out = []
    for g in source_grades:
        text = g.describe()
        if not ours or g.scheme.casefold() != "airwars" or g.value is None:
            out.append(f"{text}{f'; {ours}' if ours else ''}.")
            continue
        theirs = g.value.casefold()
        if theirs == grade:
            out.append(f"{text}; claimdiff agrees: {ours.removeprefix('claimdiff: ')}.")
        elif theirs in _STRENGTH and grade in _STRENGTH and _STRENGTH[theirs] > _STRENGTH[grade]:
            out.append(
                f"{text}; {ours}: claimdiff counts only the origins of the claims it was given, "
                f"not the sources {g.name} read."
            )
        elif theirs == "discounted":
            out.append(
                f"{text}; {ours}: claimdiff grades what the claims' sources show, and never rules an "
                f"incident out; the claim is ranked deprecated, so it is never put forward."
            )
        else:
            out.append(
                f"{text}; {ours}: claimdiff grades from the origins and parties of the claims alone, "
                f"not from {g.name}'s reading of the incident."
            )
    return " ".join(out)
