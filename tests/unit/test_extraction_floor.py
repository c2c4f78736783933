"""The confidence floor (app/extraction/floor.py): a fact under it is held back, and so are the people,
organizations and places only held-back proposals required; what a kept proposal requires stays."""

from datetime import date

from app.extraction import Proposal, apply_floor, extract


def _proposal(key: str, confidence: float, *requires: str) -> Proposal:
    kind = key.partition(":")[0]
    return Proposal(key, kind, {}, 0, 1, confidence, requires)  # type: ignore[arg-type]


def _keys(proposals: list[Proposal]) -> list[str]:
    return [p.key for p in proposals]


def test_a_fact_under_the_floor_is_held_back_and_one_at_it_is_kept() -> None:
    proposals = [_proposal("trade_figure:1", 0.44), _proposal("trade_figure:2", 0.45)]
    floored = apply_floor(proposals, 0.45)
    assert _keys(floored.kept) == ["trade_figure:2"]
    assert _keys(floored.held_back) == ["trade_figure:1"]


def test_an_entity_only_held_back_facts_required_is_held_back_with_them() -> None:
    proposals = [
        _proposal("person:visitor", 0.9),
        _proposal("place:city", 0.9),
        _proposal("event:1", 0.3, "person:visitor", "place:city"),
        _proposal("event:2", 0.8, "place:city"),
    ]
    floored = apply_floor(proposals, 0.5)
    # The person's own score is high, but only the held-back visit needed it.
    assert _keys(floored.held_back) == ["person:visitor", "event:1"]
    assert _keys(floored.kept) == ["place:city", "event:2"]


def test_what_a_kept_proposal_requires_is_kept_whatever_its_estimate() -> None:
    proposals = [
        _proposal("person:host", 0.6),
        _proposal("event:1", 0.2, "person:host"),
        _proposal("agreement:1", 0.9, "event:1"),
    ]
    floored = apply_floor(proposals, 0.5)
    assert _keys(floored.kept) == ["person:host", "event:1", "agreement:1"]
    assert floored.held_back == []


def test_an_entity_nothing_requires_is_not_weighed_and_a_floor_of_zero_keeps_everything() -> None:
    proposals = [_proposal("organization:ministry", 0.1), _proposal("infrastructure_project:1", 0.0)]
    assert _keys(apply_floor(proposals, 0.5).kept) == ["organization:ministry"]
    assert apply_floor(proposals, 0.0).kept == proposals


def test_the_floor_on_the_extractors_own_proposals_keeps_every_reference_resolvable() -> None:
    text = (
        "ASTANA, 14 March. President of Azerbaijan Ilham Aliyev held talks with President of Kazakhstan "
        "Kassym-Jomart Tokayev in Astana on 13 March. Following the talks, the sides signed 5 documents on "
        "transport and energy.\n\nTrade turnover between Kazakhstan and Azerbaijan reached about $533 "
        "million in 2024."
    )
    proposals = extract(text, language="en", published=date(2025, 3, 14))
    for floor in (0.0, 0.3, 0.5, 0.7, 0.9, 1.0):
        floored = apply_floor(proposals, floor)
        kept = set(_keys(floored.kept))
        assert len(kept) + len(floored.held_back) == len(proposals)
        assert all(set(p.requires) <= kept for p in floored.kept)
        assert all(p.confidence < floor for p in floored.held_back if p.kind in {"event", "trade_figure"})
