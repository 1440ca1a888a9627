"""claimdiff: reconcile reported figures as sourced, hedged, unit-aware claims.

Model every figure as a :class:`Claim` — what is measured, a hedged
:class:`Estimate` with its unit, the :class:`Scope`, the :class:`Period`, and
the :class:`Source` with the chain it came through — then :func:`reconcile`
them into a :class:`Report` of groups and typed :class:`Flag` findings.

Extraction, the anchor formats, tables and the Dask path are imported on first use (their names
are here all the same), so that ``import claimdiff`` and ``claimdiff check`` start fast.
"""

import importlib as _importlib
import typing as _typing

from claimdiff import _views  # noqa: F401 - tells the core which modules make a report's views
from claimdiff._core.flags import Flag, FlagKind, LazyMessage, Severity
from claimdiff._core.lags import Lag, Lags
from claimdiff._core.policy import POLICIES, Estimator, Policy, policy_named
from claimdiff._core.reconcile import reconcile
from claimdiff._core.relations import DEFAULT_TAXONOMY, FigureKey, Relation, RelationKind, Taxonomy
from claimdiff._core.report import Derived, Group, Rejected, Report
from claimdiff._core.series import Series
from claimdiff._core.tolerance import Grading, Precision, Tolerance, relative_gap
from claimdiff._core.truth import (
    ClaimFit,
    CopyPair,
    ItemTruth,
    SharedValue,
    SourceReliability,
    SystematicShift,
    TruthPrior,
    TruthResult,
    TruthSettings,
    discover,
)
from claimdiff._formats.claims_file import (
    FORMATS,
    LoadedClaims,
    dump_claims,
    load_claims,
    load_claims_lenient,
    loads_claims,
    loads_claims_lenient,
)
from claimdiff._model.aliases import SOURCE_ALIASES, canonical_source
from claimdiff._model.claim import Claim, Scope, Source, SourceKind, place_path
from claimdiff._model.composite import Composite, composite_claims, parse_composite
from claimdiff._model.estimate import Estimate, Hedge, Provenance
from claimdiff._model.hedges import ACLED_HEDGES, DEFAULT_HEDGES, HedgePolicy, VagueQuantity, parse_estimate
from claimdiff._model.measure import Measure
from claimdiff._model.period import Period
from claimdiff._model.places import DEFAULT_GAZETTEER, Gazetteer, place_key
from claimdiff._model.source_grade import SourceGrade
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Metric, Vocabulary
from claimdiff._model.withdrawal import Withdrawal
from claimdiff._version import __version__ as __version__
from claimdiff.exceptions import (
    ClaimdiffError,
    ClaimFileError,
    ClaimFileErrors,
    IncomparableError,
    InvalidClaimError,
    InvalidEstimateError,
    InvalidUnitError,
    MissingExtraError,
    UnknownPolicyError,
)

if _typing.TYPE_CHECKING:
    from claimdiff._extract import Candidate, Extraction, Unread, extract
    from claimdiff._extract._acled import read_acled
    from claimdiff._formats.anchors.claimreview import claimreview_jsonld
    from claimdiff._formats.anchors.minmax import read_airwars, read_ibc
    from claimdiff._formats.anchors.ucdp import read_ucdp_ged
    from claimdiff._formats.anchors.wikidata import read_wikidata, wikidata_statements
    from claimdiff._formats.dask_frames import DaskTables, reconcile_dask
    from claimdiff._formats.export import TABLES as REPORT_TABLES
    from claimdiff._formats.export import report_arrow, report_schema, write_report_parquet
    from claimdiff._formats.frames import claims_from_dataframe

#: Public names imported on first use: name -> (module, attribute).
_LAZY = {
    "Candidate": ("claimdiff._extract", "Candidate"),
    "Extraction": ("claimdiff._extract", "Extraction"),
    "Unread": ("claimdiff._extract", "Unread"),
    "extract": ("claimdiff._extract", "extract"),
    "read_acled": ("claimdiff._extract._acled", "read_acled"),
    "claimreview_jsonld": ("claimdiff._formats.anchors.claimreview", "claimreview_jsonld"),
    "read_airwars": ("claimdiff._formats.anchors.minmax", "read_airwars"),
    "read_ibc": ("claimdiff._formats.anchors.minmax", "read_ibc"),
    "read_ucdp_ged": ("claimdiff._formats.anchors.ucdp", "read_ucdp_ged"),
    "read_wikidata": ("claimdiff._formats.anchors.wikidata", "read_wikidata"),
    "wikidata_statements": ("claimdiff._formats.anchors.wikidata", "wikidata_statements"),
    "DaskTables": ("claimdiff._formats.dask_frames", "DaskTables"),
    "reconcile_dask": ("claimdiff._formats.dask_frames", "reconcile_dask"),
    "REPORT_TABLES": ("claimdiff._formats.export", "TABLES"),
    "report_arrow": ("claimdiff._formats.export", "report_arrow"),
    "report_schema": ("claimdiff._formats.export", "report_schema"),
    "write_report_parquet": ("claimdiff._formats.export", "write_report_parquet"),
    "claims_from_dataframe": ("claimdiff._formats.frames", "claims_from_dataframe"),
}


def __getattr__(name: str) -> _typing.Any:
    """Import a public name of extraction, the anchor formats, tables or Dask on first use."""
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'claimdiff' has no attribute {name!r}")
    value = getattr(_importlib.import_module(where[0]), where[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})



__all__ = [
    "ACLED_HEDGES",
    "DEFAULT_GAZETTEER",
    "DEFAULT_HEDGES",
    "DEFAULT_TAXONOMY",
    "DEFAULT_VOCABULARY",
    "FORMATS",
    "POLICIES",
    "REPORT_TABLES",
    "SOURCE_ALIASES",
    "Candidate",
    "Claim",
    "ClaimFileError",
    "ClaimFileErrors",
    "ClaimFit",
    "ClaimdiffError",
    "Composite",
    "CopyPair",
    "DaskTables",
    "Derived",
    "Estimate",
    "Estimator",
    "Extraction",
    "FigureKey",
    "Flag",
    "FlagKind",
    "Gazetteer",
    "Grading",
    "Group",
    "Hedge",
    "HedgePolicy",
    "IncomparableError",
    "InvalidClaimError",
    "InvalidEstimateError",
    "InvalidUnitError",
    "ItemTruth",
    "Lag",
    "Lags",
    "LazyMessage",
    "LoadedClaims",
    "Measure",
    "Metric",
    "MissingExtraError",
    "Period",
    "Policy",
    "Precision",
    "Provenance",
    "Rejected",
    "Relation",
    "RelationKind",
    "Report",
    "Scope",
    "Series",
    "Severity",
    "SharedValue",
    "Source",
    "SourceGrade",
    "SourceKind",
    "SourceReliability",
    "SystematicShift",
    "Taxonomy",
    "Tolerance",
    "TruthPrior",
    "TruthResult",
    "TruthSettings",
    "UnknownPolicyError",
    "Unread",
    "VagueQuantity",
    "Vocabulary",
    "Withdrawal",
    "canonical_source",
    "claimreview_jsonld",
    "claims_from_dataframe",
    "composite_claims",
    "discover",
    "dump_claims",
    "extract",
    "load_claims",
    "load_claims_lenient",
    "loads_claims",
    "loads_claims_lenient",
    "parse_composite",
    "parse_estimate",
    "place_key",
    "place_path",
    "policy_named",
    "read_acled",
    "read_airwars",
    "read_ibc",
    "read_ucdp_ged",
    "read_wikidata",
    "reconcile",
    "reconcile_dask",
    "relative_gap",
    "report_arrow",
    "report_schema",
    "wikidata_statements",
    "write_report_parquet",
]
