"""The confidence model: the shipped weights load, features are read from a proposal, and a fact's
confidence is the model's estimate (app/extraction/confidence.py), on sentences of our own."""

import math
from dataclasses import replace
from datetime import date

import pytest

from app.extraction import Proposal, extract
from app.extraction.analysis import Reading
from app.extraction.confidence import CALIBRATED_KINDS, ConfidenceModel, calibrate, features, load_model
from app.extraction.pipeline import propose

PUBLISHED = date(2025, 3, 14)
TEXT = (
    "ASTANA, 14 March. Trade turnover between Kazakhstan and Azerbaijan reached about $533 million "
    "in 2024, the ministry said.\n\n"
    "Kazakh exports to Azerbaijan were $310 million.\n\n"
    "The presidents of Kazakhstan and Azerbaijan held talks in Astana on 13 March."
)


def _proposals() -> tuple[Reading, list[Proposal]]:
    return propose(TEXT, language="en", published=PUBLISHED)


def test_the_shipped_model_loads_and_names_features_the_extractor_makes() -> None:
    model = load_model()
    assert model.weights and math.isfinite(model.intercept)
    prefixes = {f"{kind}:" for kind in CALIBRATED_KINDS} | {"kind="}
    assert all(any(name.startswith(p) for p in prefixes) for name in model.weights)
    assert all(math.isfinite(weight) for weight in model.weights.values())


def test_features_read_the_body_the_sentence_and_the_rules_score() -> None:
    _, proposals = _proposals()
    turnover, exports = [p for p in proposals if p.kind == "trade_figure"]
    values = features(turnover, TEXT, "en", ("AZ", "KZ"), PUBLISHED)
    for name in (
        "kind=trade_figure",
        "trade_figure:language=en",
        "trade_figure:bound=approximate",
        "trade_figure:status=reported",
        "trade_figure:period_months=12",
        "trade_figure:period=before",
        "trade_figure:status_and_period=reported/before",
        "trade_figure:unit=money",
        "trade_figure:growth=False",
        "trade_figure:pair_is_the_story's=True",
    ):
        assert values[name] == 1.0, name
    assert values["trade_figure:rules_score"] == turnover.confidence
    assert 0 < values["trade_figure:sentence_length"] < 1
    # The second figure's year is carried from the sentence before: the rules score it lower.
    carried = features(exports, TEXT, "en", ("AZ", "KZ"), PUBLISHED)
    assert carried["trade_figure:rules_score"] < values["trade_figure:rules_score"]
    assert carried["trade_figure:bound=exact"] == 1.0 and "trade_figure:bound=approximate" not in carried


def test_an_event_is_placed_against_the_publication() -> None:
    _, proposals = _proposals()
    event = next(p for p in proposals if p.kind == "event")
    values = features(event, TEXT, "en", ("AZ", "KZ"), PUBLISHED)
    assert values["event:status_and_date=held/same_year"] == 1.0 and values["event:date=day"] == 1.0
    later = replace(event, body={**event.body, "date": "2025-06-02"})
    assert features(later, TEXT, "en", ("AZ", "KZ"), PUBLISHED)["event:status_and_date=held/after"] == 1.0


def test_a_facts_confidence_is_the_models_estimate() -> None:
    reading, proposals = _proposals()
    model = load_model()
    shipped = {p.key: p.confidence for p in extract(TEXT, language="en", published=PUBLISHED)}
    for p in proposals:
        if p.kind in CALIBRATED_KINDS:
            estimate = model.estimate(features(p, TEXT, "en", reading.main_pair, PUBLISHED))
            assert shipped[p.key] == pytest.approx(estimate, abs=0.0005)
        else:
            assert shipped[p.key] == p.confidence  # people, organizations and places keep the rules' score


def test_another_model_gives_other_confidences() -> None:
    reading, proposals = _proposals()
    even = calibrate(proposals, reading, ConfidenceModel(intercept=0.0, weights={}))
    assert {p.confidence for p in even if p.kind in CALIBRATED_KINDS} == {0.5}
    doubtful = ConfidenceModel(intercept=0.0, weights={"trade_figure:bound=exact": -2.0})
    by_key = {p.key: p for p in calibrate(proposals, reading, doubtful)}
    turnover, exports = (by_key[p.key] for p in proposals if p.kind == "trade_figure")
    assert turnover.confidence == 0.5 and exports.confidence == pytest.approx(
        1 / (1 + math.exp(2)), abs=0.0005
    )
