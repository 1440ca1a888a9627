"""Flag sentences written when read: the same text, equality, hashing and pickling as eager ones."""

from __future__ import annotations

import pickle

import attrs

from claimdiff import Claim, Flag, FlagKind, Scope, Severity, reconcile
from claimdiff._core.flags import LazyMessage


def _flags() -> tuple[Flag, ...]:
    scope = Scope(place="Ukraine > Kharkiv Oblast > Kharkiv", counted="people")
    return reconcile(
        [
            Claim(
                id="a",
                metric="killed",
                estimate="14",
                scope=scope,
                source="Governor",
                stated="2024-05-01",
            ),
            Claim(
                id="b",
                metric="killed",
                estimate="at least 10",
                scope=scope,
                source="Police",
                stated="2024-05-01",
            ),
            Claim(
                id="c",
                metric="killed",
                estimate="40",
                scope=scope,
                source="Blogger",
                stated="2024-05-01",
            ),
        ]
    ).flags


def test_lazy_flag_reads_pickles_and_compares_as_its_text() -> None:
    """A lazily written flag reads as text, equals and hashes like the eager flag, and pickles to its text."""
    flags = _flags()
    assert flags, "the three claims conflict"
    for f in flags:
        eager = attrs.evolve(f, message=f.message)
        assert isinstance(f.message, str)
        assert f.message
        assert f == eager
        assert hash(f) == hash(eager)
        back = pickle.loads(pickle.dumps(f))
        assert back == f
        assert back.to_dict() == f.to_dict()
        assert "message=" in repr(f)
        assert "_message" not in repr(f)


def test_lazy_text_differs_when_the_sentence_differs() -> None:
    """Two flags alike but for their sentence are not equal."""
    f = Flag(
        kind=FlagKind.REVISION,
        severity=Severity.INFO,
        claims=("a",),
        group=None,
        message=LazyMessage("{} rose".format, "toll"),
    )
    assert f != attrs.evolve(f, message="toll fell")
    assert f.message == "toll rose"


def test_a_derived_figure_writes_its_sentence_when_read() -> None:
    """A derived figure keeps the numbers of its sentence and writes it when first read: equal, hashable and
    picklable as if it had been written up front."""
    import pickle

    from claimdiff import Claim, Derived, LazyMessage, Scope, reconcile

    people = Scope(place="Russia > Belgorod Oblast > Belgorod", counted="people")
    children = Scope(place="Russia > Belgorod Oblast > Belgorod", counted="children")
    report = reconcile(
        [
            Claim(id="a", metric="injured", estimate="108", scope=people, source="MoD"),
            Claim(id="b", metric="injured", estimate="15", scope=children, source="MoD"),
        ]
    )
    (derived,) = report.derived
    assert isinstance(derived._message, LazyMessage)
    text = "injured: adults in Belgorod is 93, derived from a, b (people = adults + children)."
    written = Derived(
        metric=derived.metric,
        counted=derived.counted,
        place=derived.place,
        event=derived.event,
        group=derived.group,
        low=derived.low,
        high=derived.high,
        claims=derived.claims,
        relations=derived.relations,
        message=text,
    )
    assert derived == written
    assert hash(derived) == hash(written)
    assert derived.message == text
    assert pickle.loads(pickle.dumps(derived)) == written
    assert "message='injured: adults" in repr(derived)


def test_flags_found_as_rows_are_made_when_read_and_kept() -> None:
    """The flags a group's verdict finds are held as rows and made when the report reads them: each read gives the
    same object, equal to the flag its row holds, and the report's flags pickle and compare as a tuple of flags."""
    from claimdiff._core.flags import FlagRow
    from claimdiff._core.lazy_items import LazyItems

    scope = Scope(place="Ukraine > Kharkiv Oblast > Kharkiv", counted="people")
    claims = [
        Claim(id="a", metric="killed", estimate="14", scope=scope, source="Governor"),
        Claim(id="b", metric="killed", estimate="40", scope=scope, source="Blogger"),
        Claim(id="c", metric="killed", estimate="about 14", scope=scope, source="Police"),
    ]
    flags = reconcile(claims).flags
    assert isinstance(flags, LazyItems)
    assert not list(flags.built())  # none made yet
    first = flags[0]
    assert isinstance(first, Flag)
    assert flags[0] is first  # made once, then kept
    assert [f.kind for f in flags] == [FlagKind.CONTRADICTION, FlagKind.PRECISION_GAP]
    assert "Blogger" in first.message
    assert pickle.loads(pickle.dumps(flags)) == tuple(flags)
    row = FlagRow(
        first.kind,
        first.severity,
        first.claims,
        first.group,
        "{}".format,
        (first.message,),
        first.gap,
        first.relative_gap,
        first.unit,
        first.tags,
    )
    assert row.flag() == first
    assert row.message == first.message
    assert row.to_dict() == first.to_dict()
