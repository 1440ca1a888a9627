"""People of another country keep their nationality in the counted thing (ANNOTATION.md rule 14).

The sentences are written for these tests.
"""

from __future__ import annotations

from claimdiff import extract


def _counted(text: str) -> list[str | None]:
    return [c.claim.scope.counted for c in extract(text, published="2024-01-10")]


def test_foreign_people_keep_their_nationality() -> None:
    """ "three U.S. soldiers killed in Jordan": u.s. soldiers; "a U.S. contractor ... in Syria" likewise."""
    assert _counted("The three U.S. soldiers who were killed in Jordan were named.") == [
        "u.s. soldiers"
    ]
    assert _counted(
        "A U.S. contractor was killed and five U.S. service members were wounded at a base in Syria."
    ) == ["u.s. contractors", "u.s. service members"]


def test_the_places_own_people_and_things_drop_it() -> None:
    """ "14 Afghan civilians killed in Kabul" count civilians; "two Ukrainian drones" count drones."""
    assert _counted("Officials said 14 Afghan civilians were killed in Kabul, Afghanistan.") == [
        "civilians"
    ]
    assert _counted("Two Ukrainian drones were shot down over Kursk.") == ["drones"]


def test_refugees_are_counted_as_written() -> None:
    """Refugees are foreign by definition (rule 12b): "14,000 South Sudanese refugees fled to Sudan"."""
    assert _counted("Around 14,000 South Sudanese refugees fled to Sudan last week.") == [
        "refugees"
    ]
