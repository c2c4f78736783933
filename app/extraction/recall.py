"""Learned recall: a sentence classifier that proposes an event where the rules' cue words find
none ("the deputies met their counterparts", "the president received the minister").

The rules propose an event only from a trigger phrase of the vocabulary; wording no phrase reaches
is missed. Here a logistic model, fitted on our annotated articles (bench/extraction_recall.py
writes `recall.json`; here it is only read), says from general features of a sentence (its lemmas,
cue classes, counts of countries, people and dates) how likely it states an event, and a second
one which kind of gathering it is. Where both are confident, the sentence is handed to the rules'
own event builder with that kind as its trigger, so the date, status, place, people and countries
are filled by the same parsers as for any other event. Only sentences without a trigger are read:
the classifier adds candidates, it never overrides the rules."""

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.matching import Mention
from app.extraction.model import Linear
from app.extraction.morphology import _stemmers, lemma
from app.extraction.when import find_dates

MODEL_FILE = "recall.json"
# Cue tables whose presence in a sentence is a feature: classes of words, not the words themselves.
CUE_TABLES = (
    "PLANNED",
    "SIGNING",
    "EVENT_ANAPHORA",
    "INDICATORS",
    "GROWTH",
    "PROJECT_STATUS",
    "CANCELLED",
    "POSTPONED",
)
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class EventDetector:
    """Whether a sentence states an event (logistic), and which kind of gathering (one linear
    score per trigger kind, the highest wins: a softmax's argmax)."""

    threshold: float
    detector: Linear
    kinds: Mapping[str, Linear]
    kind_threshold: float = 0.0

    def probability(self, features: Mapping[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-self.detector.score(features)))

    def kind(self, features: Mapping[str, float]) -> tuple[str, float]:
        """The most likely kind and its softmax share."""
        scores = {kind: model.score(features) for kind, model in self.kinds.items()}
        top = max(scores.values())
        total = sum(math.exp(s - top) for s in scores.values())
        best = max(scores, key=lambda kind: scores[kind])
        return best, 1.0 / total


def _linear(data: Mapping[str, object]) -> Linear:
    weights = data["weights"]
    assert isinstance(weights, dict)
    return Linear(float(str(data["intercept"])), {str(k): float(v) for k, v in weights.items()})


def detector_from_json(data: Mapping[str, object]) -> EventDetector:
    kinds = data["kinds"]
    assert isinstance(kinds, dict)
    detector = data["detector"]
    assert isinstance(detector, dict)
    return EventDetector(
        threshold=float(str(data["threshold"])),
        detector=_linear(detector),
        kinds={str(name): _linear(model) for name, model in kinds.items()},
        kind_threshold=float(str(data.get("kind_threshold", 0.0))),
    )


@cache
def load_detector() -> EventDetector:
    """The model shipped beside this module."""
    text = resources.files("app.extraction").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return detector_from_json(json.loads(text))


def _word(text: str, language: str) -> str:
    if language == "ru":
        return lemma(text)
    return str(_stemmers()["en"].stemWord(text.casefold()))


def _bucket(count: int, top: int) -> str:
    return str(min(count, top))


def sentence_features(reading: Reading, facts: SentenceFacts) -> dict[str, float]:
    """General features of a sentence: lemmas (stems in English) of its lower-case words, never
    names (a capitalised word counts only as a shape, so no country, person or place is learned);
    which cue classes it holds; how many countries, people, places and dates it names; its tense."""
    sentence = facts.sentence
    language = reading.language
    features: dict[str, float] = {f"language={language}": 1.0}
    tokens = sentence.tokens
    for i, token in enumerate(tokens):
        if not _WORD.fullmatch(token.text):
            continue
        if token.capitalized and i > 0:
            features["shape=capitalized"] = features.get("shape=capitalized", 0.0) + 0.25
            continue
        features[f"word={language}:{_word(token.text, language)}"] = 1.0
    for table in CUE_TABLES:
        if reading.cues(table, tokens):
            features[f"cue={table}"] = 1.0
    features[f"countries={_bucket(len({m.value.code for m in facts.countries}), 3)}"] = 1.0
    features[f"people={_bucket(len(facts.people), 2)}"] = 1.0
    features[f"places={_bucket(len(facts.places), 1)}"] = 1.0
    features[f"organizations={_bucket(len(facts.organizations), 1)}"] = 1.0
    year = reading.reference.year if reading.reference else None
    dates = find_dates(sentence.text, sentence.start, year, reading.published, reference=reading.reference)
    precision = {10: "day", 7: "month", 4: "year"}
    kinds = {precision.get(len(d.value.split("/")[0]), "other") for d in dates}
    for kind in kinds or {"none"}:
        features[f"date={kind}"] = 1.0
    features[f"future={reading.future_tense(tokens)}"] = 1.0
    numbers = sum(1 for t in tokens if t.text[:1].isdigit())
    features[f"numbers={_bucket(numbers, 3)}"] = 1.0
    features[f"first_paragraph={sentence.paragraph <= 1}"] = 1.0
    return features


def anchor(
    detector: EventDetector, facts: SentenceFacts, features: Mapping[str, float], language: str
) -> int:
    """The token the event is read around (its date, status and clause): the word the detector
    weighs most, else the sentence's first word."""
    best, best_weight = 0, 0.0
    for i, token in enumerate(facts.sentence.tokens):
        if not _WORD.fullmatch(token.text) or (token.capitalized and i > 0):
            continue
        weight = detector.detector.weights.get(f"word={language}:{_word(token.text, language)}", 0.0)
        if weight > best_weight:
            best, best_weight = i, weight
    return best


def learned_trigger(reading: Reading, facts: SentenceFacts, detector: EventDetector) -> Mention[str] | None:
    """A trigger for a sentence the rules found none in, when the model says it states an event."""
    features = sentence_features(reading, facts)
    if detector.probability(features) < detector.threshold:
        return None
    kind, share = detector.kind(features)
    if share < detector.kind_threshold:
        return None
    at = anchor(detector, facts, features, reading.language)
    token = facts.sentence.tokens[at]
    return Mention(kind, token.start, token.end, at, at + 1)
