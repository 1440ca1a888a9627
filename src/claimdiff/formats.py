"""Other people's files and frames: the anchor datasets, report tables, and the Dask path.

The anchors are the published datasets claimdiff reads as claims: ACLED (:func:`read_acled`), UCDP GED
(:func:`read_ucdp_ged`), Wikidata (:func:`read_wikidata`, :func:`wikidata_statements`), Airwars
(:func:`read_airwars`), Iraq Body Count (:func:`read_ibc`) and ClaimReview markup
(:func:`claimreview_jsonld`). A report leaves as tables (:data:`REPORT_TABLES`): Arrow
(:func:`report_arrow`, :func:`report_schema`) or Parquet (:func:`write_report_parquet`); claimdiff's own
claims files come in :data:`FORMATS`. :func:`reconcile_dask` reconciles a Dask dataframe of claims
(:class:`DaskTables`). Each name is imported on first use, so that this module costs nothing until then.

>>> from claimdiff.formats import FORMATS, REPORT_TABLES
>>> FORMATS, REPORT_TABLES[:3]
(('yaml', 'json', 'csv'), ('groups', 'flags', 'rejected'))
"""

import importlib as _importlib
import typing as _typing

from claimdiff._formats.claims_file import FORMATS

if _typing.TYPE_CHECKING:
    from claimdiff._extract._acled import read_acled
    from claimdiff._formats.anchors.claimreview import claimreview_jsonld
    from claimdiff._formats.anchors.minmax import read_airwars, read_ibc
    from claimdiff._formats.anchors.ucdp import read_ucdp_ged
    from claimdiff._formats.anchors.wikidata import read_wikidata, wikidata_statements
    from claimdiff._formats.dask_frames import DaskTables, reconcile_dask
    from claimdiff._formats.export import TABLES as REPORT_TABLES
    from claimdiff._formats.export import report_arrow, report_schema, write_report_parquet

#: Names imported on first use: name -> (module, attribute).
_LAZY = {
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
}


def __getattr__(name: str) -> _typing.Any:
    """Import an anchor reader, a table writer or the Dask path on first use."""
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'claimdiff.formats' has no attribute {name!r}")
    value = getattr(_importlib.import_module(where[0]), where[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, "__doc__", "__name__"})


__all__ = [
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
]
