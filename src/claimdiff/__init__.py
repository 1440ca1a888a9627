"""claimdiff: reconcile reported figures as sourced, hedged, unit-aware claims.

Model every figure as a :class:`Claim` — what is measured, a hedged
:class:`Estimate` with its unit, the :class:`Scope`, the :class:`Period`, and
the :class:`Source` with the chain it came through — then :func:`reconcile`
them into a :class:`Report` of groups and typed :class:`Flag` findings.
"""

from claimdiff._core.flags import Flag, FlagKind, LazyMessage, Severity
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
from claimdiff._extract import Candidate, extract
from claimdiff._formats.anchors.acled import read_acled
from claimdiff._formats.anchors.claimreview import claimreview_jsonld
from claimdiff._formats.anchors.minmax import read_airwars, read_ibc
from claimdiff._formats.anchors.ucdp import read_ucdp_ged
from claimdiff._formats.anchors.wikidata import read_wikidata, wikidata_statements
from claimdiff._formats.claims_file import (
    FORMATS,
    LoadedClaims,
    dump_claims,
    load_claims,
    load_claims_lenient,
    loads_claims,
    loads_claims_lenient,
)
from claimdiff._formats.dask_frames import DaskTables, reconcile_dask
from claimdiff._formats.export import TABLES as REPORT_TABLES
from claimdiff._formats.export import report_arrow, report_schema, write_report_parquet
from claimdiff._formats.frames import claims_from_dataframe
from claimdiff._model.aliases import SOURCE_ALIASES, canonical_source
from claimdiff._model.claim import Claim, Scope, Source, SourceKind, place_path
from claimdiff._model.composite import Composite, composite_claims, parse_composite
from claimdiff._model.estimate import Estimate, Hedge
from claimdiff._model.hedges import ACLED_HEDGES, DEFAULT_HEDGES, HedgePolicy, VagueQuantity, parse_estimate
from claimdiff._model.measure import Measure
from claimdiff._model.period import Period
from claimdiff._model.places import DEFAULT_GAZETTEER, Gazetteer, place_key
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Metric, Vocabulary
from claimdiff._model.withdrawal import Withdrawal
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

__version__ = "0.1.0"

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
    "LazyMessage",
    "LoadedClaims",
    "Measure",
    "Metric",
    "MissingExtraError",
    "Period",
    "Policy",
    "Precision",
    "Rejected",
    "Relation",
    "RelationKind",
    "Report",
    "Scope",
    "Series",
    "Severity",
    "SharedValue",
    "Source",
    "SourceKind",
    "SourceReliability",
    "SystematicShift",
    "Taxonomy",
    "Tolerance",
    "TruthPrior",
    "TruthResult",
    "TruthSettings",
    "UnknownPolicyError",
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
