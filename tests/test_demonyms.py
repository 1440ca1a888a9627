"""A demonym counting people keeps its nationality outside its country and folds to people inside it (rule 14)."""

from __future__ import annotations

from claimdiff import extract


def _counted(sentence: str) -> list[str | None]:
    return [
        c.claim.scope.counted
        for c in extract(sentence, published="2024-03-01", outlet="Example News")
    ]


def test_a_demonym_abroad_is_kept():
    """People of one country counted in another keep their demonym."""
    assert _counted("Police said 7 Nepalis were injured in Tel Aviv.") == ["nepalis"]
    assert _counted("A roadside bomb killed four Americans near Kandahar, officials said.") == [
        "americans"
    ]


def test_a_demonym_at_home_counts_people():
    """People counted in their own country are people."""
    assert _counted("Officials said 9 Kenyans were killed in Nairobi.") == ["people"]


def test_placed_nowhere_the_countries_the_text_names_decide():
    """A figure placed nowhere keeps a demonym whose country the text does not name."""
    text = (
        "Fighting continued across Somalia on Tuesday.\n\n"
        "A spokesman said three Americans were wounded."
    )
    assert _counted(text) == ["americans"]


def test_a_name_not_a_demonym_is_untouched():
    """A people the table does not know is read as before."""
    assert _counted("Officials said 11 Europeans were killed in Bangkok.") == ["people"]
