"""Claims files: a YAML (or JSON) document that is pleasant to write by hand.

The format is documented in ``docs/file-format.md``. In short::

    claimdiff: 1
    timezone: Europe/Moscow        # bare dates are calendar days here (default UTC)
    defaults:                      # apply to every claim that does not say otherwise
      event: belgorod-2023-12-30
      place: Russia > Belgorod Oblast > Belgorod
      period: 2023-12-30
      stated: 2023-12-30
    sources:                       # sources named once, referred to by key
      mod: {name: Russian Ministry of Defence, kind: military, party: Russia}
    claims:
      - id: mod-killed-adults
        metric: killed
        counted: adults
        value: 12                  # or "at least 14", "some 70", "20 miles", "between 10 and 20"
        source: mod
        via: [reuters]
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs
import yaml

from claimdiff._collector import PAUSE
from claimdiff._core.policy import Policy, hedges_for
from claimdiff._core.relations import Relation
from claimdiff._core.series import Series
from claimdiff._formats._io import read_text, write_atomic
from claimdiff._formats.build import FORMAT_VERSION, build_document, raise_all
from claimdiff._formats.csv_format import parse_csv
from claimdiff._formats.csv_write import write_csv
from claimdiff._formats.documents import Lines, check_size, parse_json, parse_yaml
from claimdiff._formats.write import Layout, claim_to_dict, counted_definitions, metric_definitions
from claimdiff._model.claim import Claim
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from claimdiff._model.withdrawal import Withdrawal
from claimdiff.exceptions import ClaimFileError, InvalidClaimError

__all__ = [
    "FORMATS",
    "LoadedClaims",
    "claim_to_dict",
    "dump_claims",
    "load_claims",
    "load_claims_lenient",
    "loads_claims",
    "loads_claims_lenient",
]

#: The file formats claimdiff reads and writes.
FORMATS = ("yaml", "json", "csv")
Format = Literal["yaml", "json", "csv"]
_SUFFIXES: Mapping[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}


@attrs.frozen(kw_only=True)
class LoadedClaims:
    """What a lenient read of a claims file found: the claims it accepted and the rows it rejected.

    Nothing is dropped silently: every claim in the file is in exactly one of
    ``claims`` and ``rejected``.

    >>> loaded = loads_claims_lenient('''
    ... claims:
    ...   - {id: a, metric: killed, counted: people, value: 12, source: MoD}
    ...   - {id: b, metric: killed, counted: people, value: -4, source: MoD}
    ... ''')
    >>> [c.id for c in loaded.claims]
    ['a']
    >>> print(loaded.rejected[0])
    <string>: claim 'b' ($.claims[1].value, line 4): 'value' is a negative count (got '-4').

    Attributes:
        path: The file, as given.
        claims: The claims that were read, in file order: a tuple, or (from the readers of tables and
            of large claims CSV files) a claim table that behaves as one and builds each claim when
            asked for (:class:`claimdiff._model.claim_table.ClaimTable`).
        rejected: Every problem of every claim that could not be read, in file
            order (a claim with three bad fields has three); each names the
            claim, its location, line (or CSV row) and reason.
        relations: The relations the file declares (its ``relations:`` section, series
            included), to pass to :func:`claimdiff.reconcile`.
        withdrawals: The withdrawals the file declares (its ``withdrawals:`` section), to
            pass to :func:`claimdiff.reconcile` as ``withdrawals=``.
        sections: The file's other top-level sections as written (``title``,
            ``timezone``, ``defaults``, ``sources``, ``metrics``, ...), which
            ``dump_claims(..., like=loaded)`` writes back.

    .. versionadded:: 0.1.0
    """

    path: str
    claims: Sequence[Claim]
    rejected: tuple[ClaimFileError, ...]
    relations: tuple[Relation | Series, ...] = ()
    sections: Mapping[str, Any] = attrs.field(factory=dict, eq=False, repr=False)
    withdrawals: tuple[Withdrawal, ...] = ()

    def raise_for_rejected(self) -> None:
        """Raise what a strict read would have: the one error, or all of them as a group.

        Raises:
            ClaimFileError: One claim was rejected.
            ClaimFileErrors: Several claims were rejected.
        """
        raise_all(self.path, list(self.rejected))


def load_claims(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002 - the natural name for the caller
    hedges: HedgePolicy | None = None,
    policy: Policy | str | None = None,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> list[Claim]:
    r"""Read every claim in a claims file (YAML, JSON or CSV).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "claims.csv"
    >>> _ = path.write_text("id,metric,counted,value,source\nmod-1,killed,people,at least 14,MoD\n")
    >>> load_claims(path)[0].estimate.interval_text()
    '[14, inf)'

    Args:
        path: The file.
        format: ``"yaml"``, ``"json"`` or ``"csv"``; by default, from the file's
            suffix (``.yaml``/``.yml``, ``.json``, ``.csv``; anything else is read as YAML).
        hedges: How hedged figures in the file are read (the default table unless a policy is given).
        policy: The policy the claims will be reconciled under (a :class:`~claimdiff.Policy` or its name):
            its hedge table reads the figures (``"acled"`` reads "dozens" as 12). Give ``hedges`` or
            ``policy``, not both.
        vocabulary: The metrics and counted things known before the file's own.

    Returns:
        The claims, in file order.

    Raises:
        ClaimFileError: The file cannot be read, or holds one bad claim; the
            message names the file, the claim, the field and the line (for
            CSV, the line the row starts on).
        ClaimFileErrors: The file holds several bad claims: all are reported.
        InvalidPolicyError: ``hedges`` and ``policy`` are both given, and disagree.
        UnknownPolicyError: ``policy`` names no ready-made policy.

    .. versionchanged:: 0.1.0
       Reads CSV; ``format=`` chooses the format.
    """
    loaded = load_claims_lenient(
        path, format=format, hedges=hedges, policy=policy, vocabulary=vocabulary
    )
    loaded.raise_for_rejected()
    return list(loaded.claims)


def load_claims_lenient(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002 - the natural name for the caller
    hedges: HedgePolicy | None = None,
    policy: Policy | str | None = None,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> LoadedClaims:
    """Read a claims file, keeping the good claims and reporting the bad ones beside them.

    Takes the same arguments as :func:`load_claims`. A claim that cannot be
    read goes to :attr:`LoadedClaims.rejected` with its reason instead of
    raising.

    Raises:
        ClaimFileError: The file as a whole cannot be read (missing, too large,
            not valid YAML/JSON/CSV, a bad top-level section): there is no claim to keep.
        ClaimFileErrors: Several top-level sections are bad.

    .. versionadded:: 0.1.0
    """
    name = os.fspath(path)
    fmt = format if format is not None else _SUFFIXES.get(os.path.splitext(name)[1].lower(), "yaml")
    if fmt == "csv":
        from claimdiff._formats.csv_file import read_csv_file, streamed  # noqa: PLC0415 - it reads through this module

        if streamed(name):  # too large to read whole: read row chunk by row chunk
            with PAUSE:
                return read_csv_file(name, hedges=hedges_for(hedges, policy), vocabulary=vocabulary)
    text = _read(name)
    return loads_claims_lenient(
        text, format=fmt, path=name, hedges=hedges, policy=policy, vocabulary=vocabulary
    )


def _read(name: str) -> str:
    return read_text(name)


def loads_claims(
    text: str,
    *,
    format: Format = "yaml",  # noqa: A002 - the natural name for the caller
    path: str = "<string>",
    hedges: HedgePolicy | None = None,
    policy: Policy | str | None = None,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> list[Claim]:
    """Read claims from the text of a claims document (see :func:`load_claims`).

    >>> claims = loads_claims('''
    ... claims:
    ...   - {id: a, metric: killed, counted: people, value: at least 14, source: ZeroHedge}
    ... ''')
    >>> claims[0].estimate.interval_text()
    '[14, inf)'

    Args:
        text: The document.
        format: ``"yaml"`` (the default), ``"json"`` or ``"csv"``.
        path: The name to give the document in error messages.
        hedges: How hedged figures are read (the default table unless a policy is given).
        policy: The policy whose hedge table reads the figures (see :func:`load_claims`).
        vocabulary: The metrics and counted things known before the document's own.
    """
    loaded = loads_claims_lenient(
        text, format=format, path=path, hedges=hedges, policy=policy, vocabulary=vocabulary
    )
    loaded.raise_for_rejected()
    return list(loaded.claims)


def loads_claims_lenient(
    text: str,
    *,
    format: Format = "yaml",  # noqa: A002 - the natural name for the caller
    path: str = "<string>",
    hedges: HedgePolicy | None = None,
    policy: Policy | str | None = None,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> LoadedClaims:
    """Read claims from a text, keeping the good ones and reporting the bad (see :func:`load_claims_lenient`).

    .. versionadded:: 0.1.0
    """
    table = hedges_for(hedges, policy)
    with PAUSE:
        if format == "csv":  # in columns, chunk by chunk (a `cumulative` column: as one document)
            from claimdiff._formats.csv_file import read_csv_rows  # noqa: PLC0415 - it reads through this module

            check_size(text, path)
            rows = io.StringIO(text, newline="")
            loaded = read_csv_rows(rows, name=path, hedges=table, vocabulary=vocabulary)
            if loaded is not None:
                return loaded
        data, lines = _parse(text, format, path)
        return load_document(data, lines, path=path, hedges=table, vocabulary=vocabulary)


def load_document(
    data: Any,
    lines: Lines,
    *,
    path: str,
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> LoadedClaims:
    """Read the claims of a document already parsed (a table's rows as claim mappings, with no text between)."""
    with PAUSE:
        built = build_document(data, lines, path, hedges, vocabulary)
    return LoadedClaims(
        path=path,
        claims=tuple(built.claims),
        rejected=tuple(built.errors),
        relations=tuple(built.relations),
        sections=built.sections,
        withdrawals=tuple(built.withdrawals),
    )


def _parse(text: str, fmt: str, path: str) -> tuple[Any, Lines]:
    if fmt == "yaml":
        return parse_yaml(text, path)
    if fmt == "json":
        return parse_json(text, path)
    if fmt == "csv":
        return parse_csv(text, path)
    raise ClaimFileError(
        path, "$", None, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}"
    )


# -- writing --------------------------------------------------------------------------------------


def dump_claims(
    claims: Iterable[Claim],
    path: str | os.PathLike[str] | None = None,
    *,
    format: Format | None = None,  # noqa: A002 - the natural name for the caller
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    like: LoadedClaims | None = None,
) -> str:
    """Write claims as a claims file (YAML, JSON or CSV); return the text.

    Reading the text back with :func:`load_claims` (or :func:`loads_claims`)
    and the same ``hedges`` and ``vocabulary`` returns equal claims, in every
    format. A figure is written as its original wording when reading that
    wording back gives the same estimate, else as a number, else field by field.
    Metrics the vocabulary does not define as the claims do are written out too.

    >>> from claimdiff import Claim, Scope
    >>> claim = Claim(id="a", metric="killed", estimate="at least 14", scope=Scope(counted="people"), source="MoD")
    >>> print(dump_claims([claim], format="csv"), end="")
    id,metric,counted,value,unit,place,event,period,stated,source,source_kind,source_party,via,quote,location,note
    a,killed,people,at least 14,,,,,,MoD,,,,,,
    >>> loads_claims(dump_claims([claim], format="json"), format="json") == [claim]
    True

    To save a file you loaded, pass what :func:`load_claims_lenient` gave as
    ``like``: the YAML or JSON written keeps the file's sections (``title``,
    ``timezone``, ``defaults``, ``sources``, ``metrics``, ``relations``, ...),
    leaves out what the defaults give, names sources by their keys, writes days
    in the file's timezone and folds composite figures back into their wording::

        loaded = load_claims_lenient("claims.yaml")
        dump_claims(loaded.claims, "claims.yaml", like=loaded)

    Args:
        claims: The claims to write.
        path: Where to write; ``None`` only returns the text.
        format: ``"yaml"``, ``"json"`` or ``"csv"``; by default, from the suffix
            of ``path`` (YAML when there is no path or the suffix is unknown).
        hedges: The hedge policy the file will be read back with.
        vocabulary: The vocabulary the file will be read back with.
        like: A loaded file whose layout to keep (YAML and JSON; a CSV file has
            no sections, so it is written claim by claim as always).

    Raises:
        InvalidClaimError: Two claims hold different metrics of the same name,
            which one file cannot define both of, or the same id.
        ClaimFileError: A CSV cell would be longer than the CSV reader reads (the ``csv``
            module's field limit), or ``path`` cannot be written.

    .. versionchanged:: 0.1.0
       Writes JSON and CSV; ``format=`` chooses the format; ``like=`` keeps a loaded file's layout.
    """
    name = None if path is None else os.fspath(path)
    fmt = format or (_SUFFIXES.get(os.path.splitext(name)[1].lower(), "yaml") if name else "yaml")
    if fmt not in FORMATS:
        raise ClaimFileError(
            name or "<string>",
            "$",
            None,
            f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}",
        )
    claims = list(claims)
    seen: set[str] = set()
    for c in claims:  # a file with one id twice is refused when read: never write one
        if c.id in seen:
            raise InvalidClaimError(
                c.id, "id", c.id, "is the id of two claims; ids must be unique in a file"
            )
        seen.add(c.id)
    if fmt == "csv":
        text = write_csv(
            [claim_to_dict(c, hedges=hedges, bare_numbers=False) for c in claims],
            metric_definitions(claims, vocabulary),
        )
    else:
        doc: dict[str, Any] = {"claimdiff": FORMAT_VERSION}
        if like is not None and like.sections:
            layout = Layout(like.sections, hedges, vocabulary)
            metrics = {
                **(like.sections.get("metrics") or {}),
                **metric_definitions(claims, layout.ctx.vocabulary),
            }
            counted = {
                **(like.sections.get("counted") or {}),
                **counted_definitions(claims, layout.ctx.vocabulary),
            }
            doc.update({k: v for k, v in like.sections.items() if k != "relations"})
            if metrics:
                doc["metrics"] = metrics
            if counted:
                doc["counted"] = counted
            doc["claims"] = layout.rows(claims)
            if "relations" in like.sections:
                doc["relations"] = like.sections["relations"]
        else:
            metrics = metric_definitions(claims, vocabulary)
            if metrics:
                doc["metrics"] = metrics
            counted = counted_definitions(claims, vocabulary)
            if counted:
                doc["counted"] = counted
            doc["claims"] = [claim_to_dict(c, hedges=hedges) for c in claims]
        text = _json(doc) if fmt == "json" else _yaml(doc)
    if name is not None:
        write_atomic(name, text)
    return text


def _json(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


class _Dumper(yaml.SafeDumper):
    """Writes text holding line breaks YAML would fold (U+0085, U+2028, U+2029) or controls double-quoted, escaped."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if any(not ch.isprintable() and ch not in "\n\t" for ch in text):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
    return dumper.represent_str(text)


_Dumper.add_representer(str, _represent_str)


def _yaml(doc: Mapping[str, Any]) -> str:
    return yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
