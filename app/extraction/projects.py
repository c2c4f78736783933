"""Infrastructure projects: those our lexicon or the caller knows by name (Срединный коридор, BTC),
and ports, pipelines, railways named by a head word and a proper name ("порты Актау, Курык и Алят")."""

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app.curation.writes import slugify
from app.extraction.analysis import Reading, Ref, SentenceFacts
from app.extraction.entities import Registry
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.lexicon.reference import PLACES, ProjectEntry
from app.extraction.matching import PhraseMatcher
from app.extraction.text import Sentence, Token

_PLACES = {place.id: place for place in PLACES}
_DEFAULT_STATUS = {"transport_corridor": "under_development", "digital_system": "under_development"}
_WEAK_CUES = {"через", "through", "via", "прокачка", "pumped"}


@dataclass
class _Found:
    body: dict[str, Any]
    sentences: list[Sentence] = field(default_factory=list)
    place_ids: list[str] = field(default_factory=list)  # lexicon place ids
    new_places: list[tuple[str, str | None]] = field(default_factory=list)  # names not in any lexicon
    known_id: str | None = None
    confidence: float = 0.8


def propose_projects(reading: Reading, registry: Registry) -> dict[str, str | None]:
    """Proposes the projects the text names; returns project id → proposal key (None when known)."""
    found: dict[str, _Found] = {}
    for facts in reading.facts:
        for mention in facts.projects:
            ref = mention.value
            if ref.known:
                found.setdefault(ref.id, _Found({"id": ref.id}, known_id=ref.id)).sentences.append(facts.sentence)
                continue
            item = found.setdefault(ref.id, _from_entry(ref.entry))
            item.sentences.append(facts.sentence)
        for item in _headed(reading, facts):
            existing = found.setdefault(item.body["id"], item)
            existing.sentences.append(facts.sentence)
    keys: dict[str, str | None] = {}
    for project_id, item in found.items():
        if item.known_id:
            keys[project_id] = None
            continue
        status, sentence, cued = _status(reading, item)
        body = {**item.body, "status": status}
        requires = []
        places = []
        for place_id in item.place_ids:
            place_ref, key = registry.place_by_id(place_id, sentence)
            places.append(place_ref)
            if key:
                requires.append(key)
        for name, country in item.new_places:
            place_ref, key = registry.new_place(name, "port" if body["kind"] == "port" else "city", country, sentence)
            places.append(place_ref)
            if key:
                requires.append(key)
        body["places"] = places
        confidence = item.confidence if cued else item.confidence - 0.2
        keys[project_id] = registry.project(body, sentence, round(confidence, 2), tuple(requires))[1]
    return keys


def _from_entry(entry: ProjectEntry) -> _Found:
    body = {"id": entry.id, "name_en": entry.name_en, "name_ru": entry.name_ru, "kind": entry.kind,
            "countries": list(entry.countries)}
    return _Found(body, place_ids=list(entry.places), confidence=0.8)


def _status(reading: Reading, item: _Found) -> tuple[str, Sentence, bool]:
    weak: tuple[str, Sentence] | None = None
    for sentence in item.sentences:
        for cue in _status_matcher(reading.language).find(sentence.tokens):
            phrase, status = cue.value
            if phrase in _WEAK_CUES:
                weak = weak or (status, sentence)
                continue
            return status, sentence, True
    if weak:
        return weak[0], weak[1], True
    return _DEFAULT_STATUS.get(item.body["kind"], "operating"), item.sentences[0], False


@cache
def _status_matcher(language: str) -> PhraseMatcher[tuple[str, str]]:
    matcher: PhraseMatcher[tuple[str, str]] = PhraseMatcher()
    for phrase, status in vocab.PROJECT_STATUS[language]:
        matcher.add(phrase, (phrase, status), language)
    return matcher


def _head_matcher(reading: Reading) -> PhraseMatcher[tuple[str, str, str, str]]:
    matcher: PhraseMatcher[tuple[str, str, str, str]] = PhraseMatcher()
    for head in vocab.PROJECT_HEADS[reading.language]:
        matcher.add(head[0], head, reading.language)
    return matcher


def _headed(reading: Reading, facts: SentenceFacts) -> list[_Found]:
    """"порт Актау", "портов Актау, Курык и Алят", "port of Aktau", "Aktau port"."""
    tokens = facts.sentence.tokens
    taken = {i for m in facts.projects for i in range(m.first, m.last)}
    places = {m.first: m for m in facts.places}
    results = []
    for head in _head_matcher(reading).find(tokens):
        if head.first in taken:
            continue
        word, kind, template_en, template_ru = head.value
        names = _names_after(tokens, head.last, reading.language)
        if not names and reading.language == "en" and head.first > 0 and tokens[head.first - 1].capitalized:
            names = [[head.first - 1]]
        for indexes in names:
            text = "–".join(tokens[i].text for i in indexes)
            place_mention = places.get(indexes[0]) if len(indexes) == 1 else None
            place_ref: Ref | None = place_mention.value if place_mention else None
            if place_ref is not None and place_ref.entry is not None:
                entry = place_ref.entry
                name_en, name_ru = entry.name_en, entry.name_ru
                countries = [entry.country] if entry.country else []
                item = _Found({}, place_ids=[entry.id], confidence=0.8)
            elif kind == "port" and len(indexes) == 1:
                continue  # a port we cannot place: too often not a port at all ("порт приписки")
            else:
                from app.extraction.transliteration import to_cyrillic, to_latin

                name_en, name_ru = (to_latin(text), text) if reading.language == "ru" else (text, to_cyrillic(text))
                countries = []
                item = _Found({}, confidence=0.5)
            item.body = {
                "id": slugify(template_en.format(en=name_en)),
                "name_en": template_en.format(en=name_en),
                "name_ru": template_ru.format(ru=name_ru),
                "kind": kind,
                "countries": countries,
            }
            results.append(item)
    return results


def _names_after(tokens: list[Token], at: int, language: str) -> list[list[int]]:
    """Proper names following a head word: "Актау, Курык и Алят" → three; "Баку–Супса" → one."""
    names: list[list[int]] = []
    i = at
    if language == "en" and i < len(tokens) and tokens[i].text.lower() == "of":
        i += 1
    current: list[int] = []
    while i < len(tokens):
        token = tokens[i]
        if token.capitalized and re.match(r"\w", token.text):
            current.append(i)
        elif token.text in {"-", "–", "—"} and current:
            pass
        elif token.text in {",", "и", "and"} and current:
            names.append(current)
            current = []
        else:
            break
        i += 1
    if current:
        names.append(current)
    return names
