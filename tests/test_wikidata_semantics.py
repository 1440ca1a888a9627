"""Wikidata entities read as Wikidata means them: period, place, parts, sourcing circumstances, ranks.

No real Special:EntityData document with casualty figures was found stored (see
tests/fixtures/exports/README.md), so these entities are built here in the Wikibase JSON model
(mediawiki.org/wiki/Wikibase/DataModel/JSON), with the shape Special:EntityData serves.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import claimdiff
from claimdiff import FlagKind
from claimdiff.exceptions import ClaimFileError
from claimdiff.formats import read_wikidata


def _snak(prop: str, kind: str, value: Any) -> dict[str, Any]:
    return {"snaktype": "value", "property": prop, "datavalue": {"type": kind, "value": value}}


def _item(prop: str, qid: str) -> dict[str, Any]:
    return _snak(
        prop, "wikibase-entityid", {"entity-type": "item", "numeric-id": int(qid[1:]), "id": qid}
    )


def _time(prop: str, time: str, precision: int = 11) -> dict[str, Any]:
    return _snak(
        prop,
        "time",
        {
            "time": time,
            "timezone": 0,
            "before": 0,
            "after": 0,
            "precision": precision,
            "calendarmodel": "http://www.wikidata.org/entity/Q1985727",
        },
    )


def _deaths(
    sid: str,
    amount: str,
    *,
    rank: str = "normal",
    qualifiers: dict[str, Any] | None = None,
    bounds: tuple[str, str] | None = None,
    source: str | None = "Q2",
) -> dict[str, Any]:
    value: dict[str, Any] = {"amount": amount, "unit": "1"}
    if bounds:
        value["lowerBound"], value["upperBound"] = bounds
    st: dict[str, Any] = {
        "mainsnak": _snak("P1120", "quantity", value),
        "type": "statement",
        "id": sid,
        "rank": rank,
    }
    if qualifiers:
        st["qualifiers"] = qualifiers
        st["qualifiers-order"] = list(qualifiers)
    if source:
        st["references"] = [
            {"hash": "x", "snaks": {"P248": [_item("P248", source)]}, "snaks-order": ["P248"]}
        ]
    return st


def _quake(*statements: dict[str, Any]) -> dict[str, Any]:
    """An earthquake item as Special:EntityData serves it: date, country, region, and numbers of deaths."""
    return {
        "entities": {
            "Q100": {
                "type": "item",
                "id": "Q100",
                "labels": {"en": {"language": "en", "value": "2023 test earthquake"}},
                "claims": {
                    "P31": [
                        {"mainsnak": _item("P31", "Q7944"), "type": "statement", "rank": "normal"}
                    ],
                    "P585": [
                        {
                            "mainsnak": _time("P585", "+2023-02-06T00:00:00Z"),
                            "type": "statement",
                            "rank": "normal",
                        }
                    ],
                    "P17": [
                        {"mainsnak": _item("P17", "Q43"), "type": "statement", "rank": "normal"}
                    ],
                    "P131": [
                        {"mainsnak": _item("P131", "Q80000"), "type": "statement", "rank": "normal"}
                    ],
                    "P1120": list(statements),
                },
            }
        }
    }


_LABELS = {
    "Q2": "AFAD",
    "Q43": "Turkey",
    "Q80000": "Kahramanmaraş Province",
    "Q3": "Reuters",
    "Q1414": "children",
}


def test_the_entitys_date_and_place_give_the_period_and_place() -> None:
    """P585 of the event is the period; P17 > P131 the place; the reference's P248 the source."""
    (c,) = read_wikidata(_quake(_deaths("Q100$a", "+50000")), labels=_LABELS).claims
    assert (c.estimate.describe(), c.period.isoformat(), c.scope.place, c.source.name) == (  # type: ignore[union-attr]
        "50000",
        "2023-02-06",
        ("Turkey", "Kahramanmaraş Province"),
        "AFAD",
    )


def test_statement_qualifiers_come_before_the_entitys_own() -> None:
    """A statement's P580/P582 and P131 qualifiers win over the entity's date and region; its P585 is when stated."""
    st = _deaths(
        "Q100$a",
        "+120",
        qualifiers={
            "P580": [_time("P580", "+2023-02-06T00:00:00Z")],
            "P582": [_time("P582", "+2023-02-08T00:00:00Z")],
            "P131": [_item("P131", "Q80001")],
            "P585": [_time("P585", "+2023-02-09T00:00:00Z")],
        },
    )
    (c,) = read_wikidata(_quake(st), labels={**_LABELS, "Q80001": "Hatay Province"}).claims
    assert c.period.isoformat() == "2023-02-06/2023-02-08"  # type: ignore[union-attr]
    assert c.scope.place == ("Turkey", "Hatay Province")
    assert c.stated.isoformat() == "2023-02-09"  # type: ignore[union-attr]


def test_unlabelled_places_are_named_by_their_q_id_or_the_documents_label() -> None:
    """Without labels= a place is its Q-id, unless the document itself holds that item with a label."""
    doc = _quake(_deaths("Q100$a", "+5"))
    (c,) = read_wikidata(doc).claims
    assert c.scope.place == ("Q43", "Q80000")
    doc["entities"]["Q43"] = {
        "type": "item",
        "id": "Q43",
        "labels": {"en": {"language": "en", "value": "Turkey"}},
        "claims": {},
    }
    (c,) = read_wikidata(doc).claims
    assert c.scope.place == ("Turkey", "Q80000")


def test_a_part_is_tied_to_the_total_never_its_rival() -> None:
    """P518 (applies to part) children: a figure of children, part of the total; reconciling finds no
    contradiction between 50,000 people and 4,000 children."""
    total = _deaths("Q100$total", "+50000", rank="preferred")
    part = _deaths("Q100$kids", "+4000", qualifiers={"P518": [_item("P518", "Q1414")]})
    loaded = read_wikidata(_quake(total, part), labels=_LABELS)
    by_id = {c.id: c for c in loaded.claims}
    kids = by_id["wikidata-Q100$kids"]
    assert (kids.scope.counted, kids.part_of) == ("children", "wikidata-Q100$total")
    report = claimdiff.reconcile(loaded.claims)
    assert not [f for f in report.flags if f.kind is FlagKind.CONTRADICTION]


def test_circa_makes_the_figure_approximate_and_bounds_keep_the_amount() -> None:
    """P1480 circa (Q5727902): "about 300"; amount 1700 with bounds 1500..1900 reads "1700 (1500 to 1900)"."""
    circa = _deaths("Q100$c", "+300", qualifiers={"P1480": [_item("P1480", "Q5727902")]})
    bounded = _deaths("Q100$b", "+1700", bounds=("+1500", "+1900"))
    by_id = {c.id: c for c in read_wikidata(_quake(circa, bounded), labels=_LABELS).claims}
    c = by_id["wikidata-Q100$c"]
    assert c.estimate.describe() == "about 300"
    assert c.low < 300 < c.high
    assert "sourcing circumstances: Q5727902" in (c.note or "")
    b = by_id["wikidata-Q100$b"]
    assert (b.estimate.describe(), b.low, b.high, b.estimate.point) == (
        "1700 (1500 to 1900)",
        1500,
        1900,
        1700,
    )


def test_ranks_are_kept_and_deprecated_excluded_by_default() -> None:
    """Preferred and normal statements keep their rank; a deprecated one is a rejection unless asked for."""
    doc = _quake(
        _deaths("Q100$p", "+10", rank="preferred"), _deaths("Q100$d", "+99", rank="deprecated")
    )
    loaded = read_wikidata(doc, labels=_LABELS)
    assert [(c.id, c.rank) for c in loaded.claims] == [("wikidata-Q100$p", "preferred")]
    assert "deprecated" in loaded.rejected[0].reason
    assert len(read_wikidata(doc, include_deprecated=True).claims) == 2


def test_a_document_of_several_entities_reads_them_all() -> None:
    """Two entities in one document give the claims of both."""
    doc = _quake(_deaths("Q100$a", "+5"))
    other = json.loads(json.dumps(doc["entities"]["Q100"]).replace("Q100", "Q200"))
    doc["entities"]["Q200"] = other
    assert sorted(c.id for c in read_wikidata(doc).claims) == ["wikidata-Q100$a", "wikidata-Q200$a"]


_GOOD = _deaths("Q100$ok", "+7")


@pytest.mark.parametrize(
    ("broken", "where"),
    [
        ({"mainsnak": [1, 2], "id": "Q100$x", "rank": "normal"}, "Q100.claims.P1120[0].mainsnak"),
        ({**_deaths("Q100$x", "+3"), "qualifiers": [1]}, "Q100.claims.P1120[0].qualifiers"),
        (
            {**_deaths("Q100$x", "+3"), "qualifiers": {"P585": "2023"}},
            "Q100.claims.P1120[0].qualifiers.P585",
        ),
        ({**_deaths("Q100$x", "+3"), "references": "AFAD"}, "Q100.claims.P1120[0].references"),
        (
            _deaths(
                "Q100$x",
                "+3",
                qualifiers={"P585": [_time("P585", "+2023-02-09T00:00:00Z", precision="x")]},
            ),  # type: ignore[arg-type]
            "Q100.claims.P1120[0].qualifiers.P585.precision",
        ),
        (
            _deaths(
                "Q100$x",
                "+3",
                qualifiers={"P585": [_time("P585", "+2023-02-09T00:00:00Z", precision=None)]},
            ),  # type: ignore[arg-type]
            "Q100.claims.P1120[0].qualifiers.P585.precision",
        ),
        (_deaths("Q100$x", "+1e400"), "Q100.claims.P1120[0].mainsnak.amount"),
        (_deaths("Q100$x", "NaN"), "Q100.claims.P1120[0].mainsnak.amount"),
        (_deaths("Q100$x", "+" + "9" * 5000), "Q100.claims.P1120[0].mainsnak.amount"),
        (_deaths("Q100$x", "+3", rank="best"), "Q100.claims.P1120[0].rank"),
        ("a statement", "Q100.claims.P1120[0]"),
    ],
)
def test_a_malformed_statement_is_a_located_rejection(broken: Any, where: str) -> None:
    """Each break of the data model rejects its statement, with the path to the broken part; the good one is kept."""
    loaded = read_wikidata(_quake(broken, _GOOD), labels=_LABELS)
    assert [c.id for c in loaded.claims] == ["wikidata-Q100$ok"]
    (bad,) = loaded.rejected
    assert bad.location == where


def test_a_string_where_statements_are_rejects_that_property_only() -> None:
    """``"P1120": "many"`` is a located rejection; the entity's other properties are still read."""
    doc = _quake(_GOOD)
    doc["entities"]["Q100"]["claims"]["P1120"] = "many"
    doc["entities"]["Q100"]["claims"]["P1339"] = [
        {**_GOOD, "mainsnak": _snak("P1339", "quantity", {"amount": "+9", "unit": "1"})}
    ]
    loaded = read_wikidata(doc)
    assert [c.metric.name for c in loaded.claims] == ["injured"]
    assert loaded.rejected[0].location == "Q100.claims.P1120"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"entities": {"Q1": {"id": "Q1", "claims": {}, "claims": {}}}}', "twice"),
        ("[" * 100_000 + "]" * 100_000, "nests too deep"),
        (
            '{"entities": {"Q1": {"id": "Q1", "claims": {"P1120": [{"mainsnak": {"datavalue": {"value": {"amount": '
            + "9" * 5000
            + "}}}}]}}}}",
            None,
        ),
    ],
)
def test_hostile_documents_are_claimdiff_errors(
    tmp_path: Path, text: str, reason: str | None
) -> None:
    """Keys given twice and 100,000-deep nesting are refused with a reason; a 5,000-digit number is a rejection."""
    path = tmp_path / "entity.json"
    path.write_text(text, encoding="utf-8")
    if reason is None:
        loaded = read_wikidata(path)
        assert loaded.claims == ()
        assert "at most 30 digits" in loaded.rejected[0].reason
        return
    with pytest.raises(ClaimFileError, match=reason):
        read_wikidata(path)
