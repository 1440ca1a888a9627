"""The words a group is judged by: its verdict, its corroboration and its grade, each an enum.

They are :class:`enum.StrEnum`, so a member equals its word (``Verdict.AGREEMENT == "agreement"``),
prints as it and is written to JSON as it: code and files that compare or store the plain words
keep working.
"""

from __future__ import annotations

import enum

__all__ = ["Corroboration", "Grade", "Verdict", "as_corroboration", "as_verdict", "optional_grade"]


class Verdict(enum.StrEnum):
    """What the current claims of a group say together, from best to worst.

    >>> Verdict("tolerance") is Verdict.TOLERANCE, Verdict.CONTRADICTION == "contradiction"
    (True, True)
    """

    AGREEMENT = "agreement"
    """One value fits every current claim as worded."""
    TOLERANCE = "tolerance"
    """The claims agree only within the precision their wording implies and the policy's tolerance."""
    DISCREPANCY = "discrepancy"
    """Some claims disagree beyond tolerance, by less than the policy's grading calls a contradiction."""
    CONTRADICTION = "contradiction"
    """Some claims cannot all hold: no value fits them, even within precision and tolerance."""


class Corroboration(enum.StrEnum):
    """How many independent origins stand behind a group's claims.

    >>> Corroboration("circular").name
    'CIRCULAR'
    """

    SINGLE = "single"
    """One report."""
    CIRCULAR = "circular"
    """Several reports, all from one origin (outlets repeating one agency are one voice)."""
    INDEPENDENT = "independent"
    """Two or more independent origins."""


class Grade(enum.StrEnum):
    """How well a group is sourced, on Airwars' scale (under a policy that grades: ``airwars``).

    >>> [g.value for g in Grade]
    ['confirmed', 'fair', 'weak', 'contested']
    """

    CONFIRMED = "confirmed"
    """A belligerent speaking for itself (a military, government or official body of a party) states a figure."""
    FAIR = "fair"
    """Two or more independent origins report it, and no two parties contest it."""
    WEAK = "weak"
    """A single-source claim: one origin."""
    CONTESTED = "contested"
    """The origins belong to two or more different parties, each with its figure."""


# A dict look-up first: a group is built per figure, and calling an enum costs ten times as much.
_VERDICTS = {m.value: m for m in Verdict}
_CORROBORATIONS = {m.value: m for m in Corroboration}
_GRADES = {m.value: m for m in Grade}


def as_verdict(value: str) -> Verdict:
    """``value`` as a :class:`Verdict` (a ``ValueError`` for a word that is none).

    >>> as_verdict("tolerance")
    <Verdict.TOLERANCE: 'tolerance'>
    """
    return _VERDICTS.get(value) or Verdict(value)


def as_corroboration(value: str) -> Corroboration:
    """``value`` as a :class:`Corroboration` (a ``ValueError`` for a word that is none).

    >>> as_corroboration("single")
    <Corroboration.SINGLE: 'single'>
    """
    return _CORROBORATIONS.get(value) or Corroboration(value)


def optional_grade(value: str | None) -> Grade | None:
    """``value`` as a :class:`Grade`, or ``None`` when there is none.

    >>> optional_grade("weak"), optional_grade(None)
    (<Grade.WEAK: 'weak'>, None)
    """
    return None if value is None else _GRADES.get(value) or Grade(value)
