"""Infrastructure projects: those our lexicon or the caller knows by name (Срединный коридор, BTC),
and ports, pipelines, railways named by a head word and a proper name ("порты Актау, Курык и Алят")."""

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app.extraction.analysis import Reading, Ref, SentenceFacts
from app.extraction.entities import Registry, record_id
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.lexicon.reference import PLACES, ProjectEntry
from app.extraction.matching import PhraseMatcher
from app.extraction.morphology import _analyzer
from app.extraction.text import Sentence, Token
from app.extraction.transliteration import to_cyrillic, to_latin

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
                found.setdefault(ref.id, _Found({"id": ref.id}, known_id=ref.id)).sentences.append(
                    facts.sentence
                )
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
            place_ref, key = registry.new_place(
                name, "port" if body["kind"] == "port" else "city", country, sentence
            )
            places.append(place_ref)
            if key:
                requires.append(key)
        body["places"] = places
        confidence = item.confidence if cued else item.confidence - 0.2
        keys[project_id] = registry.project(body, sentence, round(confidence, 2), tuple(requires))[1]
    return keys


def _from_entry(entry: ProjectEntry) -> _Found:
    body = {
        "id": entry.id,
        "name_en": entry.name_en,
        "name_ru": entry.name_ru,
        "kind": entry.kind,
        "countries": list(entry.countries),
    }
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
    """ "порт Актау", "портов Актау, Курык и Алят", "port of Aktau", "Aktau port"."""
    tokens = facts.sentence.tokens
    taken = {i for m in facts.projects for i in range(m.first, m.last)}
    places = {m.first: m for m in facts.places}
    results = []
    for head in _head_matcher(reading).find(tokens):
        if head.first in taken:
            continue
        _, kind, template_en, template_ru = head.value
        quoted = _quoted_after(facts.sentence, tokens, head.last)
        if quoted is not None:
            results.append(_named(reading, facts, kind, template_en, quoted, quoted))
            continue
        adjective = _adjective_before(tokens, head.first) if reading.language == "ru" else None
        if adjective is not None:
            results.append(
                _named(
                    reading,
                    facts,
                    kind,
                    template_en.format(en=to_latin(adjective)),
                    template_ru.format(ru=adjective),
                    None,
                )
            )
            continue
        names = _names_after(tokens, head.last, reading.language)
        if not names and reading.language == "en":
            names = _names_before(tokens, head.first)
        for indexes in names:
            if any(i in taken for i in indexes):
                continue
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
                name_en, name_ru = (
                    (to_latin(text), text) if reading.language == "ru" else (text, to_cyrillic(text))
                )
                countries = sorted({m.value.code for m in facts.countries}) or list(reading.main_pair)
                item = _Found({}, confidence=0.5)
            item.body = {
                "id": record_id(template_en.format(en=name_en)),
                "name_en": template_en.format(en=name_en),
                "name_ru": template_ru.format(ru=name_ru),
                "kind": kind,
                "countries": countries,
            }
            results.append(item)
    return results


def _quoted_after(sentence: Sentence, tokens: list[Token], at: int) -> str | None:
    """ "порта «Хоргос — Восточные ворота»": a name in quotation marks right after the head word."""
    if at >= len(tokens) or tokens[at].text not in {"«", '"', "“"}:
        return None
    closing = {"«": "»", '"': '"', "“": "”"}[tokens[at].text]
    for end in range(at + 1, min(len(tokens), at + 12)):
        if tokens[end].text == closing:
            return sentence.text[tokens[at + 1].start - sentence.start : tokens[end - 1].end - sentence.start]
    return None


def _adjective_before(tokens: list[Token], at: int) -> str | None:
    """ "Зарафшанской ГЭС" → "Зарафшанская": a capitalised adjective naming the head, in the nominative."""
    if at == 0 or not tokens[at - 1].capitalized or at - 1 == 0:
        return None
    parse = _analyzer().parse(tokens[at - 1].text)[0]
    if parse.tag.POS != "ADJF":
        return None
    nominative = parse.inflect({"nomn", "sing"})
    word = str(nominative.word) if nominative else tokens[at - 1].text
    return word[:1].upper() + word[1:]


def _named(
    reading: Reading, facts: SentenceFacts, kind: str, name_en: str, name_ru: str, quoted: str | None
) -> _Found:
    if quoted is not None:
        name_en, name_ru = (
            (to_latin(quoted), quoted) if reading.language == "ru" else (quoted, to_cyrillic(quoted))
        )
    countries = sorted({m.value.code for m in facts.countries}) or list(reading.main_pair)
    body = {
        "id": record_id(name_en),
        "name_en": name_en,
        "name_ru": name_ru,
        "kind": kind,
        "countries": countries,
    }
    return _Found(body, confidence=0.5)


_NOT_NAMES = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "their",
    "our",
    "new",
    "state",
    "national",
    "railway",
    "company",
    "main",
    "first",
    "second",
    "both",
    "each",
    "in",
    "on",
    "at",
    "by",
}


def _names_before(tokens: list[Token], at: int) -> list[list[int]]:
    """English names before a head word: "Aktau port", "Turkmenbashi–Alat ferry line"."""
    indexes: list[int] = []
    i = at - 1
    while i >= 0:
        token = tokens[i]
        if token.capitalized and re.match(r"\w", token.text) and token.text.lower() not in _NOT_NAMES:
            indexes.insert(0, i)
        elif not (token.text in {"-", "–", "—"} and indexes):
            break
        i -= 1
    if indexes and indexes[0] == 0 and len(indexes) == 1:
        return []  # a capitalised first word of the sentence is not a name by itself
    return [indexes] if indexes else []


def _names_after(tokens: list[Token], at: int, language: str) -> list[list[int]]:
    """Proper names following a head word: "Актау, Курык и Алят" → three; "Баку–Супса" → one."""
    names: list[list[int]] = []
    i = at
    if language == "en" and i < len(tokens) and tokens[i].text.lower() == "of":
        i += 1
    current: list[int] = []
    while i < len(tokens):
        token = tokens[i]
        if token.capitalized and re.match(r"\w", token.text) and token.text.lower() not in _NOT_NAMES:
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
