"""Learned recall for projects: a word classifier that finds the head noun of a project the
vocabulary's head words do not name ("a desalination plant", "контейнерный хаб", "a container
service"), and the noun phrase around it as the project's name.

A logistic model (fitted by bench/extraction_recall.py, shipped in `recall.json`) weighs a word's
lemma, its neighbours' lemmas and the sentence's cue classes; a second one picks the project's
kind. Only sentences the rules found no project in are read, one head per sentence at most. The
status, places and countries are the rules' (app.extraction.projects)."""

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.model import Linear
from app.extraction.morphology import _analyzer, plural
from app.extraction.recall import CUE_TABLES, MODEL_FILE, _word
from app.extraction.text import Token

_ALPHA = re.compile(r"[^\W\d_]{3,}(?:-[^\W\d_]+)*")
_EN_STOP = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "in",
        "at",
        "to",
        "and",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "for",
        "with",
        "on",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "will",
        "would",
        "has",
        "have",
        "had",
        "which",
        "who",
        "also",
        "two",
        "new",
        "second",
        "first",
        "through",
        "via",
        "into",
        "over",
        "across",
        "between",
        "under",
        "about",
        "some",
        "more",
        "than",
        "both",
        "each",
    }
)
_RU_NOT_NAMING = frozenset({"новый", "второй", "первый", "собственный", "крупный", "будущий"})
_EN_PLACE_PREPOSITIONS = frozenset({"in", "at", "near"})
_RU_PLACE_PREPOSITIONS = frozenset({"в", "во", "под", "у"})
_QUOTES = {"«": "»", '"': '"', "“": "”"}


@dataclass(frozen=True)
class ProjectDetector:
    """Whether a word heads a project's name (logistic), and the project's kind (argmax)."""

    threshold: float
    head: Linear
    kinds: Mapping[str, Linear]

    def probability(self, features: Mapping[str, float]) -> float:
        score = self.head.score(features)
        return 1.0 / (1.0 + math.exp(-score))

    def kind(self, features: Mapping[str, float]) -> str:
        return max(self.kinds, key=lambda kind: self.kinds[kind].score(features))


def project_detector_from_json(data: Mapping[str, Any]) -> ProjectDetector:
    def linear(item: Mapping[str, Any]) -> Linear:
        return Linear(float(item["intercept"]), {str(k): float(v) for k, v in item["weights"].items()})

    return ProjectDetector(
        threshold=float(data["threshold"]),
        head=linear(data["head"]),
        kinds={str(kind): linear(model) for kind, model in data["kinds"].items()},
    )


@cache
def load_project_detector() -> ProjectDetector | None:
    """The model shipped beside this module (None when it ships none)."""
    text = resources.files("app.extraction").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    data = json.loads(text).get("projects")
    return project_detector_from_json(data) if data else None


def sentence_cues(reading: Reading, facts: SentenceFacts) -> frozenset[str]:
    """The cue classes a sentence holds, and the project statuses its status words name."""
    tokens = facts.sentence.tokens
    cues = {table for table in CUE_TABLES if reading.cues(table, tokens)}
    cues |= {f"status:{m.value}" for m in reading.cues("PROJECT_STATUS", tokens)}
    return frozenset(cues)


def _pos(token: Token) -> str:
    return _part_of_speech(token.text)


@lru_cache(maxsize=100_000)
def _part_of_speech(word: str) -> str:
    return str(_analyzer().parse(word)[0].tag.POS or "")


def candidate(tokens: list[Token], i: int, language: str) -> bool:
    """A word that could head a name: a lower-case word (a noun, in Russian)."""
    token = tokens[i]
    if not _ALPHA.fullmatch(token.text) or token.capitalized:
        return False
    if language == "ru":
        return _pos(token) == "NOUN"
    return token.text.lower() not in _EN_STOP


def head_features(reading: Reading, facts: SentenceFacts, i: int, cues: frozenset[str]) -> dict[str, float]:
    """A word's lemma and its neighbours', whether a quoted or capitalised name follows it, and the
    sentence's cue classes and counts: nothing a proper name can be learned from."""
    tokens = facts.sentence.tokens
    language = reading.language
    features = {f"language={language}": 1.0, f"word={language}:{_word(tokens[i].text, language)}": 1.0}
    for offset, name in ((-1, "before"), (1, "after")):
        j = i + offset
        if 0 <= j < len(tokens):
            near = tokens[j]
            if _ALPHA.fullmatch(near.text) and not near.capitalized:
                features[f"{name}={language}:{_word(near.text, language)}"] = 1.0
            elif near.capitalized:
                features[f"{name}=capitalized"] = 1.0
            elif near.text in _QUOTES:
                features[f"{name}=quote"] = 1.0
            else:
                features[f"{name}=other"] = 1.0
    for cue in cues:
        features[f"cue={cue}"] = 1.0
    features[f"countries={min(len({m.value.code for m in facts.countries}), 2)}"] = 1.0
    features[f"places={min(len(facts.places), 1)}"] = 1.0
    return features


def _nominative_phrase(tokens: list[Token]) -> list[str]:
    """Adjectives and their head noun in the nominative, agreeing: the case is read from the first
    adjective when there is one (a guessed noun such as "хаба" is less sure than its adjective)."""
    head_parses = _analyzer().parse(tokens[-1].text)
    case = _analyzer().parse(tokens[0].text)[0].tag.case if len(tokens) > 1 else head_parses[0].tag.case
    # An indeclinable guess ("Fixd") is the last resort: "хаба" is a form of "хаб".
    agreeing = [p for p in head_parses if p.tag.case == case and p.tag.POS == "NOUN"]
    head = min(agreeing, key=lambda p: "Fixd" in p.tag) if agreeing else head_parses[0]
    number = head.tag.number
    nominative = head.inflect({"nomn"})
    gender = nominative.tag.gender if nominative is not None else head.tag.gender
    words = []
    for token in tokens[:-1]:
        parses = _analyzer().parse(token.text)
        adjective = next((p for p in parses if p.tag.case == case), parses[0])
        grammemes = {"nomn", "plur"} if number == "plur" else {"nomn", gender} if gender else {"nomn"}
        inflected = adjective.inflect(grammemes)
        words.append(str(inflected.word) if inflected is not None else token.text.lower())
    words.append(str(nominative.word) if nominative is not None else tokens[-1].text.lower())
    return words


def _quoted_end(tokens: list[Token], at: int) -> int | None:
    closing = _QUOTES.get(tokens[at].text)
    if closing is None:
        return None
    for j in range(at + 1, min(len(tokens), at + 8)):
        if tokens[j].text == closing:
            return j + 1
    return None


def _ru_name(facts: SentenceFacts, h: int) -> str:
    """The head in the nominative with the adjectives before it, then what names it as written: a
    genitive chain, a quoted or capitalised name, one place phrase ("в порту Актау")."""
    tokens = facts.sentence.tokens
    start = h
    while (
        start > 0
        and _ALPHA.fullmatch(tokens[start - 1].text)
        and _pos(tokens[start - 1]) in {"ADJF", "PRTF"}
        and _analyzer().parse(tokens[start - 1].text)[0].normal_form not in _RU_NOT_NAMING
    ):
        start -= 1
    words = _nominative_phrase(tokens[start : h + 1])
    end, place_taken = h + 1, False
    while end < len(tokens) and end - h <= 8:
        token = tokens[end]
        quoted = _quoted_end(tokens, end)
        if quoted is not None:
            end = quoted
            continue
        if token.text in {"—", "–", "-"} and end + 1 < len(tokens) and tokens[end + 1].capitalized:
            end += 2
            continue
        if token.capitalized and _ALPHA.fullmatch(token.text):
            end += 1
            continue
        if _ALPHA.fullmatch(token.text) and _pos(token) in {"NOUN", "ADJF", "PRTF"}:
            parse = _analyzer().parse(token.text)[0]
            if parse.tag.case == "gent":
                end += 1
                continue
        if token.text.lower() in _RU_PLACE_PREPOSITIONS and not place_taken and end + 1 < len(tokens):
            place_taken = True
            end += 1
            continue
        if place_taken and _ALPHA.fullmatch(token.text) and _pos(token) in {"NOUN", "ADJF"}:
            end += 1
            continue
        break
    while end > h + 1 and tokens[end - 1].text.lower() in _RU_PLACE_PREPOSITIONS:
        end -= 1
    text = facts.sentence.text
    rest = (
        text[tokens[h].end - facts.sentence.start : tokens[end - 1].end - facts.sentence.start]
        if end > h + 1
        else ""
    )
    name = " ".join(words) + rest
    return name[:1].upper() + name[1:]


def _en_name(facts: SentenceFacts, h: int) -> str:
    """The words before the head that modify it, the head, and one place phrase ("in the Mangystau
    region", "at Bandar Abbas"), as written."""
    tokens = facts.sentence.tokens
    start = h
    while (
        start > 0
        and _ALPHA.fullmatch(tokens[start - 1].text)
        and tokens[start - 1].text.lower() not in _EN_STOP
        and not tokens[start - 1].text.lower().endswith(("ed", "ing"))
    ):
        start -= 1
    end = h + 1
    if end < len(tokens) and tokens[end].text.lower() in _EN_PLACE_PREPOSITIONS:
        j = end + 1
        if j < len(tokens) and tokens[j].text.lower() == "the":
            j += 1
        names = j
        while names < len(tokens) and tokens[names].capitalized and _ALPHA.fullmatch(tokens[names].text):
            names += 1
        if names > j:
            if names < len(tokens) and tokens[names].text.lower() in {
                "region",
                "district",
                "port",
                "province",
            }:
                names += 1
            end = names
    text = facts.sentence.text
    name = text[tokens[start].start - facts.sentence.start : tokens[end - 1].end - facts.sentence.start]
    return name[:1].upper() + name[1:]


def learned_head(
    reading: Reading, facts: SentenceFacts, detector: ProjectDetector, cues: frozenset[str]
) -> tuple[int, str, str] | None:
    """The sentence's most likely project head above the threshold: its index, kind and name."""
    tokens = facts.sentence.tokens
    best: tuple[float, int, dict[str, float]] | None = None
    for i in range(len(tokens)):
        if not candidate(tokens, i, reading.language):
            continue
        features = head_features(reading, facts, i, cues)
        probability = detector.probability(features)
        if probability >= detector.threshold and (best is None or probability > best[0]):
            best = (probability, i, features)
    if best is None:
        return None
    _, i, features = best
    if plural(tokens[i].text, reading.language):
        return None  # "Georgian ports", "малые дороги": several, not one project
    name = _ru_name(facts, i) if reading.language == "ru" else _en_name(facts, i)
    if not _SPECIFIC.search(name[1:]):
        return None  # "a multimodal service", "кредитная линия": a kind of thing, not a name
    return i, detector.kind(features), name


# A name names one thing: a capitalised word, a quotation or a number in it ("хаб «Восточный
# берег»", "plant in the Tashkent region", "Шахристан-2").
_SPECIFIC = re.compile(r"[A-ZА-ЯЁ«\"“\d]")
