"""claimdiff: reconcile reported figures as sourced, hedged, unit-aware claims.

Model every figure as a :class:`Claim` — what is measured, a hedged :class:`Estimate` with its unit,
the :class:`Scope`, the :class:`Period`, and the :class:`Source` with the chain it came through — then
:func:`reconcile` them under a :class:`Policy` into a :class:`Report` of groups and typed :class:`Flag`
findings. Claims come from files (:func:`load_claims`), frames (:func:`claims_from_dataframe`) or text
(:func:`extract`).

The top level holds the nouns and verbs of those three jobs; the rest lives in public submodules named
for what they hold: :mod:`claimdiff.truth`, :mod:`claimdiff.formats`, :mod:`claimdiff.relations`,
:mod:`claimdiff.tolerance`, :mod:`claimdiff.hedges`, :mod:`claimdiff.vocabulary`, :mod:`claimdiff.places`,
:mod:`claimdiff.sources`, :mod:`claimdiff.exceptions`, :mod:`claimdiff.strategies` and :mod:`claimdiff.plot`.
Extraction, frames and the submodules are imported on first use, so that ``import claimdiff`` and
``claimdiff check`` start fast. The names that used to be here still work, with a ``DeprecationWarning``
naming their new home.
"""

import importlib as _importlib
import typing as _typing
import warnings as _warnings

from claimdiff import _views  # noqa: F401 - tells the core which modules make a report's views
from claimdiff._core.flags import Flag, FlagKind, LazyMessage, Severity
from claimdiff._core.outcomes import Corroboration, Grade, Verdict
from claimdiff._core.policy import POLICIES, Estimator, Policy, policy_named
from claimdiff._core.reconcile import reconcile
from claimdiff._core.report import Derived, Group, Rejected, Report
from claimdiff._formats.claims_file import (
    LoadedClaims,
    dump_claims,
    load_claims,
    load_claims_lenient,
    loads_claims,
    loads_claims_lenient,
)
from claimdiff._model.claim import Claim, Scope, Source, SourceKind
from claimdiff._model.estimate import Estimate, Hedge
from claimdiff._model.measure import Measure
from claimdiff._model.period import Period
from claimdiff._model.withdrawal import Withdrawal
from claimdiff._version import __version__ as __version__
from claimdiff.exceptions import ClaimdiffError

if _typing.TYPE_CHECKING:
    from claimdiff import exceptions as exceptions
    from claimdiff import formats as formats
    from claimdiff import hedges as hedges
    from claimdiff import places as places
    from claimdiff import plot as plot
    from claimdiff import relations as relations
    from claimdiff import sources as sources
    from claimdiff import strategies as strategies
    from claimdiff import tolerance as tolerance
    from claimdiff import truth as truth
    from claimdiff import vocabulary as vocabulary
    from claimdiff._extract import Candidate, Extraction, Unread, extract
    from claimdiff._formats.frames import claims_from_dataframe

#: Public names imported on first use: name -> (module, attribute).
_LAZY = {
    "Candidate": ("claimdiff._extract", "Candidate"),
    "Extraction": ("claimdiff._extract", "Extraction"),
    "Unread": ("claimdiff._extract", "Unread"),
    "extract": ("claimdiff._extract", "extract"),
    "claims_from_dataframe": ("claimdiff._formats.frames", "claims_from_dataframe"),
}

#: The public submodules that hold what the top level does not, each named for what it holds.
_HOMES = (
    "truth",
    "formats",
    "relations",
    "tolerance",
    "hedges",
    "vocabulary",
    "places",
    "sources",
    "exceptions",
)
#: Every public submodule, imported on first use as an attribute (``claimdiff.truth.discover``).
_SUBMODULES = (*_HOMES, "plot", "strategies")

#: Names that were here before the public submodules. Each still resolves, from the submodule whose
#: ``__all__`` holds it, with a DeprecationWarning naming that home, for one release.
_MOVED = frozenset(
    [
        "ClaimFit",
        "CopyPair",
        "ItemTruth",
        "SharedValue",
        "SourceReliability",
        "SystematicShift",
        "TruthPrior",
        "TruthResult",
        "TruthSettings",
        "discover",
        "FORMATS",
        "REPORT_TABLES",
        "DaskTables",
        "claimreview_jsonld",
        "read_acled",
        "read_airwars",
        "read_ibc",
        "read_ucdp_ged",
        "read_wikidata",
        "reconcile_dask",
        "report_arrow",
        "report_schema",
        "wikidata_statements",
        "write_report_parquet",
        "DEFAULT_TAXONOMY",
        "Composite",
        "FigureKey",
        "Lag",
        "Lags",
        "Relation",
        "RelationKind",
        "Series",
        "Taxonomy",
        "composite_claims",
        "parse_composite",
        "Grading",
        "Precision",
        "Tolerance",
        "relative_gap",
        "ACLED_HEDGES",
        "DEFAULT_HEDGES",
        "HedgePolicy",
        "Provenance",
        "VagueQuantity",
        "parse_estimate",
        "DEFAULT_VOCABULARY",
        "Metric",
        "Vocabulary",
        "DEFAULT_GAZETTEER",
        "Gazetteer",
        "place_key",
        "place_path",
        "SOURCE_ALIASES",
        "SourceGrade",
        "canonical_source",
        "ClaimFileError",
        "ClaimFileErrors",
        "IncomparableError",
        "InvalidClaimError",
        "InvalidEstimateError",
        "InvalidUnitError",
        "MissingExtraError",
        "UnknownPolicyError",
    ]
)


def _home(name: str) -> str:
    """The public submodule whose ``__all__`` holds ``name``."""
    for sub in _HOMES:
        if name in _importlib.import_module(f"claimdiff.{sub}").__all__:
            return sub
    raise AssertionError(
        f"claimdiff.{name} has no home"
    )  # test_api checks every moved name has one


def __getattr__(name: str) -> _typing.Any:
    """Import extraction, frames and the public submodules on first use; old names warn and resolve."""
    if name in _SUBMODULES:
        return _importlib.import_module(f"claimdiff.{name}")
    where = _LAZY.get(name)
    if where is not None:
        value = getattr(_importlib.import_module(where[0]), where[1])
        globals()[name] = value
        return value
    if name not in _MOVED:
        raise AttributeError(f"module 'claimdiff' has no attribute {name!r}")
    home = _home(name)
    _warnings.warn(
        f"claimdiff.{name} is deprecated; use claimdiff.{home}.{name}",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(_importlib.import_module(f"claimdiff.{home}"), name)


def __dir__() -> list[str]:
    return sorted({*__all__, *_SUBMODULES, "__version__"})


__all__ = [
    "POLICIES",
    "Candidate",
    "Claim",
    "ClaimdiffError",
    "Corroboration",
    "Derived",
    "Estimate",
    "Estimator",
    "Extraction",
    "Flag",
    "FlagKind",
    "Grade",
    "Group",
    "Hedge",
    "LazyMessage",
    "LoadedClaims",
    "Measure",
    "Period",
    "Policy",
    "Rejected",
    "Report",
    "Scope",
    "Severity",
    "Source",
    "SourceKind",
    "Unread",
    "Verdict",
    "Withdrawal",
    "claims_from_dataframe",
    "dump_claims",
    "extract",
    "load_claims",
    "load_claims_lenient",
    "loads_claims",
    "loads_claims_lenient",
    "policy_named",
    "reconcile",
]
