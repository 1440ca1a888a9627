"""Translated state-media transcripts: a titled speaker's label and the dated place line under a title.

Texts written for these tests (ANNOTATION.md rules 17 and 19).
"""

from __future__ import annotations

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (c.claim.metric.name, c.claim.source.name, c.claim.scope.place)
        for c in extract(text, published="2024-05-02", outlet="State Portal")
    ]


_TRANSCRIPT = (
    "Meeting on the storm damage\n\n"
    "March 3, 2024, Novo-Ogaryovo, Moscow Region\n\n"
    "PRIME MINISTER OF RUSSIA IVAN SOKOLOV: Good afternoon, colleagues.\n\n"
    "The storm tore through the south of Russia. Sadly, 14 people were killed.\n"
)


def test_one_titled_label_opens_the_speakers_turn():
    """An excerpt with one label naming an office holder is the speaker's turn all the same."""
    read = _read(_TRANSCRIPT)
    assert [(m, s) for m, s, _ in read] == [("killed", "PRIME MINISTER OF RUSSIA IVAN SOKOLOV")]


def test_the_dated_place_line_places_no_figure_below_the_country():
    """The line of the meeting's date and place says where words were said, not where the dead were."""
    assert [p for _, _, p in _read(_TRANSCRIPT)] == [("Russia",)]


def test_a_label_without_a_title_in_a_one_speaker_text_is_no_turn():
    """A label that names no office ("Key figures:") credits nothing to a speaker."""
    read = _read("Key figures: the storm killed 14 people in the village of Lower Dale.\n")
    assert [s for _, s, _ in read] == ["State Portal"]
