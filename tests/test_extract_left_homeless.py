"""A vague quantity left in a state by a disaster: "thousands were left homeless" (ANNOTATION.md rules 8 and 11)."""

from __future__ import annotations

from claimdiff import extract


def test_a_vague_number_left_homeless_is_a_claim():
    """ "and thousands were left homeless": a vague quantity with a metric is a claim (rule 8)."""
    read = extract(
        "The storm killed 9 people and thousands were left homeless.",
        published="2024-05-02",
        outlet="State Portal",
    )
    assert [(c.claim.metric.name, c.claim.estimate.text) for c in read] == [
        ("killed", "9"),
        ("homeless", "thousands"),
    ]
