"""Figures of a run quoted in the prose of the README and the docs are what the library gives.

Each figure is read out of the page as written, so the test fails when the page changes and the code
does not, and when the code changes and the page does not. Doctests check the pages' examples; this
file checks what the prose says outside them (benchmark and real-data figures name their command).
"""

from __future__ import annotations

import re

import pytest

import claimdiff
from claimdiff import (
    POLICIES,
    Claim,
    Scope,
    dump_claims,
    load_claims,
    load_claims_lenient,
    reconcile,
)
from claimdiff.formats import read_ucdp_ged
from claimdiff.hedges import parse_estimate
from claimdiff.places import DEFAULT_GAZETTEER
from claimdiff.relations import Lags
from claimdiff.sources import canonical_source
from conftest import ROOT, SEED
from test_anchors import UCDP

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# A quoted wording followed closely by a backticked interval: "over 100" is `(100, inf)`.
_QUOTED_INTERVAL = re.compile(r'"([^"]{1,60})"([^"`]{0,40}?)`([\[(][^`\n]*?, [^`\n]*?[\])])`')
# A row of the hedge table: | `field` | meaning | example | `interval` | phrases |
_TABLE_ROW = re.compile(r"^\| `\w+` \| [^|]+ \| ([^|]+) \| `([^`]+)` \|", re.MULTILINE)


def _text(page) -> str:
    return page.read_text(encoding="utf-8")


def _quoted_intervals() -> list[tuple[str, str, str]]:
    found = []
    for page in PAGES:
        for m in _QUOTED_INTERVAL.finditer(_text(page)):
            if "prints" in m[2]:  # a group's interval ("over 100" people prints `[101, inf)`),
                continue  # which the doctest beside it checks
            found.append((page.name, " ".join(m[1].split()), m[3]))
    return found


def test_the_pages_quote_intervals_at_all() -> None:
    """The scan below finds the README's and the concepts page's intervals (it cannot pass empty)."""
    quoted = {(page, wording) for page, wording, _ in _quoted_intervals()}
    assert {
        ("README.md", "over 100"),
        ("README.md", "dozens"),
        ("concepts.md", "over 100"),
    } <= quoted


@pytest.mark.parametrize(("page", "wording", "interval"), _quoted_intervals())
def test_every_quoted_wording_reads_as_the_interval_the_page_gives(page, wording, interval) -> None:
    """ "over 100" is `(100, inf)`, "dozens" is `[24, 99]`, as the page says, in the code's notation."""
    assert parse_estimate(wording).interval_text() == interval


def test_the_hedge_table_examples_read_as_their_intervals() -> None:
    """Each row of concepts.md's hedge table: its example reads as its interval."""
    rows = _TABLE_ROW.findall(_text(ROOT / "docs" / "concepts.md"))
    assert len(rows) >= 10
    for example, interval in rows:
        assert parse_estimate(example.strip()).interval_text() == interval, example


def test_no_page_writes_infinity_as_a_symbol() -> None:
    """One notation for intervals: `inf`, as the code prints, never the symbol."""
    assert [p.name for p in PAGES if p.name != "changelog.md" and "∞" in _text(p)] == []


def test_the_readme_numbers_read_as_it_says() -> None:
    """ "1.2m" people is 1,200,000, "3k", "1.2bn", "half a million", "10 000" with a thin space."""
    readme = " ".join(_text(ROOT / "README.md").split())
    m = re.search(r'"1\.2m" people is ([\d,]+)', readme)
    assert m is not None
    million = parse_estimate("1.2m", count=True)
    assert million.low == million.high == int(m[1].replace(",", ""))
    for wording, value in [
        ("3k", 3_000),
        ("1.2bn", 1_200_000_000),
        ("half a million", 500_000),
        ("10\u2009000", 10_000),
        ("10\u00a0000", 10_000),
        ("5,000-6,000", None),
    ]:
        assert f'"{wording.replace(chr(0x2009), " ").replace(chr(0xA0), " ")}"' in readme
        estimate = parse_estimate(wording)
        if value is not None:
            assert estimate.low == estimate.high == value, wording


def test_the_seeds_derived_figures_are_the_readmes() -> None:
    """On the seed: 93 adults injured, from 108 and 15; at least 45 missiles and drones shot down."""
    readme = " ".join(_text(ROOT / "README.md").split())
    m = re.search(
        r"on the seed: (\d+) adults injured, from (\d+) and (\d+); at least (\d+) of the "
        r'"dozens" of missiles and drones shot down, from (\d+) and (\d+)',
        readme,
    )
    assert m is not None
    adults, whole, children, shot, missiles, drones = (int(x) for x in m.groups())
    derived = {(d.metric, d.counted): d for d in reconcile(load_claims(SEED)).derived}
    assert derived["injured", "adults"].low == derived["injured", "adults"].high == adults
    assert adults == whole - children
    assert derived["intercepted", "missiles and drones"].low == shot == missiles + drones


def test_the_seeds_report_has_the_notes_the_readme_counts() -> None:
    """The seed's report has the 2 flags the README says it went to (from 20)."""
    readme = " ".join(_text(ROOT / "README.md").split())
    m = re.search(r"the seed's report went from \d+ flags, .*? to its (\d+) real notes", readme)
    assert m is not None
    assert len(reconcile(load_claims(SEED)).flags) == int(m[1])


def test_the_readmes_subtotal_message_is_the_codes() -> None:
    """12 adults + 5 children = 17 against the ministry's 14: the message as the README shows it."""
    shown = re.search(r"```\n(killed: people in Belgorod: .*?)\n```", _text(ROOT / "README.md"))
    assert shown is not None
    place = "Russia > Belgorod Oblast > Belgorod"
    claims = [
        Claim(
            id="mod",
            metric="killed",
            estimate="14",
            scope=Scope(place=place, counted="people"),
            source="MoD",
        ),
        Claim(
            id="mod/adults",
            metric="killed",
            estimate="12",
            scope=Scope(place=place, counted="adults"),
            source="MoD",
        ),
        Claim(
            id="mod/children",
            metric="killed",
            estimate="5",
            scope=Scope(place=place, counted="children"),
            source="MoD",
        ),
    ]
    messages = [f.message for f in reconcile(claims).flags if f.kind.value == "subtotal_mismatch"]
    assert any(message.startswith(shown[1]) for message in messages), messages


def test_the_seed_saved_like_its_file_has_the_readmes_line_counts() -> None:
    """dump_claims(claims, like=loaded) on the seed: as many lines as the README says, against without."""
    readme = " ".join(_text(ROOT / "README.md").split())
    m = re.search(
        r"the seed's (\d+) lines of YAML, (\d+) of them neither comment nor blank, "
        r"come back as (\d+), not (\d+) without `like`",
        readme,
    )
    assert m is not None
    lines, content, like, plain = (int(x) for x in m.groups())
    text = SEED.read_text(encoding="utf-8").splitlines()
    assert len(text) == lines
    assert sum(1 for t in text if t.strip() and not t.lstrip().startswith("#")) == content
    loaded = load_claims_lenient(SEED)
    assert len(dump_claims(loaded.claims, format="yaml", like=loaded).splitlines()) == like
    assert len(dump_claims(loaded.claims, format="yaml").splitlines()) == plain


def test_the_recipes_ucdp_split_figures_are_the_codes() -> None:
    """docs/recipes.md's UCDP example prints the (contradictions, conflicts, rejected) its comment says."""
    page = _text(ROOT / "docs" / "recipes.md")
    m = re.search(r'inconsistent="split"\)\n.*\n.*# \((\d+), (\d+), (\d+)\)', page)
    assert m is not None
    if not UCDP.exists():
        pytest.skip("the UCDP GED sample (../shared/data) is absent")
    loaded = read_ucdp_ged(UCDP, inconsistent="split")
    report = reconcile(loaded.claims)
    got = (
        len(report.flags_of("contradiction")),
        len(report.flags_of("contradiction", "discrepancy", "outlier")),
        len(loaded.rejected),
    )
    assert got == tuple(int(x) for x in m.groups())


def test_the_readmes_small_count_examples_are_graded_as_it_says() -> None:
    """ "7 against 9 deaths is a discrepancy, 70 against 90 an error", wherever the README says it."""
    readme = " ".join(_text(ROOT / "README.md").split())
    said = re.findall(
        r"(\d+) against (\d+) deaths is (?:not an error|a discrepancy)[;,] "
        r"(\d+) against (\d+) (?:is\)|an error)",
        readme,
    )
    assert len(said) == 2
    scope = Scope(counted="people")
    for match in said:
        figures = [int(x) for x in match]
        for (a, b), kind in zip(
            (figures[:2], figures[2:]), ("discrepancy", "contradiction"), strict=True
        ):
            claims = [
                Claim(id="a", metric="killed", estimate=a, scope=scope, source="A"),
                Claim(id="b", metric="killed", estimate=b, scope=scope, source="B"),
            ]
            assert [f.kind.value for f in reconcile(claims).flags] == [kind], (a, b)


def test_the_readmes_place_and_source_names_are_the_codes() -> None:
    """ "Belgorod region" is `Russia > Belgorod Oblast`; canonical_source("Russia's MoD") is the ministry."""
    readme = " ".join(_text(ROOT / "README.md").split())
    place = re.search(r'"Belgorod region" is `([^`]+)`', readme)
    source = re.search(
        r"`(?:claimdiff\.sources\.)?canonical_source\(\"Russia's MoD\"\)` is the ([A-Z][\w ]+?);",
        readme,
    )
    assert place is not None
    assert source is not None
    assert " > ".join(DEFAULT_GAZETTEER.normalise("Belgorod region")) == place[1]
    assert canonical_source("Russia's MoD") == source[1]


def _concepts() -> str:
    return " ".join(_text(ROOT / "docs" / "concepts.md").split())


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_concepts_bands_and_scales_are_the_codes() -> None:
    """ "about 5" allows 4 and 6; a scale written once is shared by a range, as concepts.md says."""
    page = _concepts()
    band = re.search(r'so "about 5" still allows (\d+) and (\d+)', page)
    assert band is not None
    about = parse_estimate("about 5")
    assert (about.low, about.high) == (int(band[1]), int(band[2]))
    scales = re.findall(r'"([^"]+)" is ([\d,]+) to ([\d,]+)', page)
    assert len(scales) >= 2
    for wording, low, high in scales:
        estimate = parse_estimate(wording)
        assert (estimate.low, estimate.high) == (_number(low), _number(high)), wording


def test_the_concepts_small_count_examples_are_graded_as_it_says() -> None:
    """7 against 9 deaths (29% apart) or 1 against 3 is a discrepancy, 70 against 90 a contradiction."""
    page = _concepts()
    m = re.search(
        r"(\d+) against (\d+) deaths \((\d+)% apart\) or (\d+) against (\d+) is a discrepancy, "
        r'(\d+) against (\d+) a contradiction, and the sentence says so \("([^"]+)"\)',
        page,
    )
    assert m is not None
    a, b, apart, c, d, e, f = (int(x) for x in m.groups()[:7])
    scope = Scope(counted="people")

    def flags(low: int, high: int) -> list:
        claims = [
            Claim(id="x", metric="killed", estimate=low, scope=scope, source="X"),
            Claim(id="y", metric="killed", estimate=high, scope=scope, source="Y"),
        ]
        return reconcile(claims).flags

    small = flags(a, b)
    assert [flag.kind.value for flag in small] == ["discrepancy"]
    assert m[8] in small[0].message
    assert f"{apart}%" in small[0].message
    assert [flag.kind.value for flag in flags(c, d)] == ["discrepancy"]
    assert [flag.kind.value for flag in flags(e, f)] == ["contradiction"]


def test_the_concepts_defaults_are_the_codes() -> None:
    """The growth window (6 hours) and the lag test's match, evidence and z, as concepts.md gives them."""
    page = _concepts()
    window = re.search(r"`growth_window` \((\d+) hours\)", page)
    match = re.search(r"within `match`, ([\d.]+)%", page)
    evidence = re.search(r"`min_evidence` \((\d+)\)", page)
    z = re.search(r"`min_z` = (\d+)", page)
    assert window is not None
    assert match is not None
    assert evidence is not None
    assert z is not None
    assert POLICIES["consensus"].growth_window == int(window[1]) * 3600
    lags = Lags()
    assert lags.match == pytest.approx(float(match[1]) / 100)
    assert lags.min_evidence == int(evidence[1])
    assert lags.min_z == int(z[1])


def test_the_api_page_counts_the_top_level_names() -> None:
    """api.md says how many names the top level holds; it holds that many."""
    m = re.search(r"nothing else — (\d+) names", " ".join(_text(ROOT / "docs" / "api.md").split()))
    assert m is not None
    assert len(claimdiff.__all__) == int(m[1])


def test_the_threat_models_limits_are_the_codes() -> None:
    """Each limit the threat model's table names by its constant is that constant's value."""
    from claimdiff._formats import documents
    from claimdiff._model import period, units

    constants = {
        "MAX_CHARS": documents.MAX_CHARS,
        "MAX_DEPTH": documents.MAX_DEPTH,
        "MAX_ALIAS_EXPANSION": documents.MAX_ALIAS_EXPANSION,
        "MAX_UNIT_CHARS": units.MAX_UNIT_CHARS,
        "MAX_PERIOD_CHARS": period.MAX_PERIOD_CHARS,
    }
    page = _text(ROOT / "docs" / "threat-model.md")
    said = {
        name: figure
        for figure, name in re.findall(
            r"([\d,]+ (?:MiB|levels|values|characters))[^(|]*\(`(MAX_\w+)`", page
        )
    }
    assert set(said) == set(constants)
    for name, figure in said.items():
        number, what = figure.split(" ", 1)
        value = _number(number) * (1024 * 1024 if what == "MiB" else 1)
        assert constants[name] == value, (name, figure)


def test_the_corpus_counts_are_the_corpus() -> None:
    """The README's and extraction.md's count of real texts, in the repository and kept out, is the corpus's."""
    yaml = pytest.importorskip("yaml")
    real = ROOT / "tests" / "fixtures" / "real"
    cases = yaml.safe_load((real / "corpus.yaml").read_text(encoding="utf-8"))["cases"]
    kept_out = sum(1 for case in cases if case.get("text") == "kept out")
    readme = " ".join(_text(ROOT / "README.md").split())
    m = re.search(
        r"has (\d+) texts in (\w+) genres, .*?: (\d+) openly licensed texts in the repository "
        r"\(.*?\) and (\d+) listed by address only",
        readme,
    )
    assert m is not None
    assert int(m[1]) == len(cases)
    assert len({case["genre"] for case in cases}) == 11
    assert m[2] == "eleven"
    assert int(m[3]) == len(list(real.glob("*.txt"))) == len(cases) - kept_out
    assert int(m[4]) == kept_out
    page = " ".join(_text(ROOT / "docs" / "extraction.md").split())
    assert re.search(rf"`tests/fixtures/real/`, {len(cases)} short excerpts", page)
