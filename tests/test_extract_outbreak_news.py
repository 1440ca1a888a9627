"""Health-agency outbreak news: case-status words, parts after "of which", listed districts, agents' names.

Sentences written for these tests (ANNOTATION.md rules 7, 19 and 41; settled N-round texts' forms).
"""

from __future__ import annotations

from claimdiff import extract


def _read(
    text: str, outlet: str = "Health Agency"
) -> list[tuple[str, str | None, str, tuple[str, ...]]]:
    return [
        (
            c.claim.metric.name,
            c.claim.scope.counted,
            c.claim.estimate.text,
            c.claim.scope.place,
        )
        for c in extract(text, published="2024-05-02", outlet=outlet)
    ]


def test_two_status_words_before_one_noun_count_two_levels():
    """ "7 confirmed and 4 probable cases": the noun said once is each number's (rule 7)."""
    read = _read("So far 7 confirmed and 4 probable cases have been notified.")
    assert [(m, c, v) for m, c, v, _ in read] == [
        ("cases", "people", "7"),
        ("cases", "people", "4"),
    ]


def test_three_status_words_in_a_list_each_count():
    """A list of three statuses gives the noun to every number in turn."""
    read = _read(
        "Health workers logged 30 confirmed, 12 probable and 9 suspected cases this month."
    )
    assert [v for _, _, v, _ in read] == ["30", "12", "9"]
    assert {m for m, _, _, _ in read} == {"cases"}


def test_one_value_under_two_status_words_is_two_claims():
    """Two figures of one value told apart by their status words are not one figure said twice."""
    read = _read("By Friday, 11 confirmed and 11 probable cases had been notified.")
    assert [(m, v) for m, _, v, _ in read] == [("cases", "11"), ("cases", "11")]


def test_a_status_word_with_its_own_noun_keeps_it():
    """ "5 confirmed deaths and 8 probable cases": the first number has a noun of its own."""
    read = _read("Officials counted 5 confirmed deaths and 8 probable cases.")
    assert [(m, v) for m, _, v, _ in read] == [("killed", "5"), ("cases", "8")]


def test_of_which_opens_a_part_of_the_deaths():
    """ "including 9 deaths, of which four were ...": the four are deaths too, a part of the nine (rule 7)."""
    text = "A total of 60 cases were notified, including 9 deaths, of which four were infants."
    found = extract(text, published="2024-05-02", outlet="Health Agency")
    nine = next(c for c in found if c.claim.estimate.text == "9")
    four = next(c for c in found if c.claim.estimate.text == "four")
    assert (four.claim.metric.name, four.claim.part_of) == ("killed", nine.claim.id)


def test_of_which_after_a_clause_with_no_figure_opens_nothing():
    """ "of which" closing a clause that counts nothing before it is no part of an earlier figure."""
    read = _read("The district has 12 clinics. It reported an outbreak, of which little is known.")
    assert [(m, v) for m, _, v, _ in read if v != "12"] == []


def test_districts_listed_before_their_noun_give_the_country():
    """ "from A, B and C districts": the figures are in the districts' common parent (rule 19)."""
    text = (
        "The ministry of Kenya declared an outbreak in Kisumu county. "
        "By June, 40 cases were notified from Lowland, Hillside and Riverbend counties, including 6 deaths."
    )
    read = _read(text)
    assert [(m, v, p) for m, _, v, p in read] == [
        ("cases", "40", ("Kenya",)),
        ("killed", "6", ("Kenya",)),
    ]


def test_a_disease_named_after_a_place_is_no_place():
    """ "an outbreak of Shiga toxin-producing bacteria": Shiga names the toxin, not a place in Japan."""
    read = _read(
        "Officials traced an outbreak of Shiga toxin-producing bacteria; 14 people fell ill."
    )
    assert read
    assert all("Japan" not in p for _, _, _, p in read)


def test_a_multistate_outbreak_is_in_the_united_states():
    """A text about a multistate outbreak that names no country is about the United States."""
    read = _read(
        "Investigators are studying a multistate outbreak. So far, 20 people have been hospitalized."
    )
    assert read == [("hospitalised", "people", "20", ("United States",))]


def test_waves_of_transmission_are_recorded_events():
    """ "two waves of transmission" counts the outbreak's own events (rule 41)."""
    read = _read("The virus spread in two waves of transmission across the valley.")
    assert [(m, c, v) for m, c, v, _ in read] == [("recorded", "waves", "two")]


def test_waves_of_anything_else_are_no_events():
    """Waves of arrivals are no outbreak's events: no claim is made of them."""
    assert _read("The camps saw three waves of arrivals.") == []


def test_countries_reporting_cases_are_counted_by_the_verb_phrase():
    """ "9 countries reported confirmed cases": rule 42's metric, the status word left out."""
    read = _read(
        "Since January, 9 countries and territories reported confirmed cases of the fever."
    )
    assert [(m, c, v) for m, c, v, _ in read] == [("reported cases", "countries", "9")]


def test_countries_reporting_keep_the_kind_of_what_they_report():
    """ "reporting additional cases": the kind stays in the metric; the count is the outlet's own."""
    found = extract(
        "Since the last update, 4 countries have reported additional cases.",
        published="2024-05-02",
        outlet="Health Agency",
    )
    assert [(c.claim.metric.name, c.claim.source.name) for c in found] == [
        ("reported additional cases", "Health Agency")
    ]
