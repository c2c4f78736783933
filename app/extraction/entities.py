"""People, organizations, places and projects that proposals refer to: the caller's record when it
already exists (`Known`, matched by any of its names in any case), otherwise a proposal of our own."""

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from app.curation.writes import slugify
from app.extraction.analysis import Ref
from app.extraction.lexicon.reference import PEOPLE, PLACES, OrganizationEntry, PersonEntry, PlaceEntry
from app.extraction.model import Known, Proposal
from app.extraction.morphology import fold, lemma
from app.extraction.people import PersonMention
from app.extraction.text import Sentence
from app.extraction.transliteration import to_cyrillic, to_latin

_PLACES_BY_ID = {place.id: place for place in PLACES}


def record_id(name: str) -> str:
    """The id of a record named `name`: the API's slug, with dashes between names kept as hyphens
    (a name kept in Cyrillic, having no English yet, transliterated first: the slug is Latin)."""
    return slugify(to_latin(re.sub(r"[–—‐]", "-", name)))


def _name_key(name: str) -> str:
    return " ".join(lemma(word) for word in fold(name).replace("-", " ").split())


@cache
def _people_by_name() -> dict[str, PersonEntry]:
    return {
        _name_key(name): entry for entry in PEOPLE for name in (entry.name_en, entry.name_ru, *entry.aliases)
    }


def listed_person(name: str) -> PersonEntry | None:
    return _people_by_name().get(_name_key(name))


class Registry:
    """Proposals of referenced records, one per record, in the order first needed."""

    def __init__(self, language: str, known: Sequence[Known]) -> None:
        self.language = language
        self.proposals: dict[str, Proposal] = {}
        self._known: dict[tuple[str, str], str] = {}
        self._known_ids: dict[str, set[str]] = {}
        for record in known:
            self._known_ids.setdefault(record.kind, set()).add(record.id)
            for name in record.names:
                self._known.setdefault((record.kind, _name_key(name)), record.id)

    def known_id(self, kind: str, names: Sequence[str | None], record_id: str | None = None) -> str | None:
        if record_id and record_id in self._known_ids.get(kind, set()):
            return record_id
        for name in names:
            if name and (kind, _name_key(name)) in self._known:
                return self._known[(kind, _name_key(name))]
        return None

    def _propose(self, kind: str, body: dict[str, Any], sentence: Sentence, confidence: float) -> str:
        key = f"{kind}:{body['id']}"
        if key not in self.proposals:
            self.proposals[key] = Proposal(key, kind, body, sentence.start, sentence.end, confidence)  # type: ignore[arg-type]
        return key

    def person(self, mention: PersonMention, sentence: Sentence) -> tuple[str, str | None]:
        if mention.known_id:
            return mention.known_id, None
        found = self.known_id("person", [mention.name])
        if found:
            return found, None
        listed = _people_by_name().get(_name_key(mention.name))
        if listed is not None:
            found = self.known_id("person", [listed.name_en, listed.name_ru, *listed.aliases], listed.id)
            if found:
                return found, None
            listed_body: dict[str, Any] = {
                "id": listed.id,
                "name_en": listed.name_en,
                "name_ru": listed.name_ru,
                "country": mention.country or listed.country,
            }
            if mention.role:
                listed_body["role_en"], listed_body["role_ru"] = mention.role
            return listed.id, self._propose("person", listed_body, sentence, 0.85)
        if self.language == "ru":
            name_ru, name_en = mention.name, to_latin(mention.name)
        else:
            name_en, name_ru = mention.name, to_cyrillic(mention.name)
        body: dict[str, Any] = {"id": record_id(name_en), "name_en": name_en, "name_ru": name_ru}
        if mention.role:
            body["role_en"], body["role_ru"] = mention.role
        if mention.country:
            body["country"] = mention.country
        return body["id"], self._propose("person", body, sentence, 0.6)

    def organization(self, ref: Ref, sentence: Sentence) -> tuple[str, str | None]:
        if ref.known:
            return ref.id, None
        entry: OrganizationEntry = ref.entry
        found = self.known_id(
            "organization",
            [entry.name_en, entry.name_ru, entry.abbreviation_en, entry.abbreviation_ru],
            entry.id,
        )
        if found:
            return found, None
        body = {
            "id": entry.id,
            "name_en": entry.name_en,
            "name_ru": entry.name_ru,
            "abbreviation_en": entry.abbreviation_en,
            "abbreviation_ru": entry.abbreviation_ru,
        }
        return entry.id, self._propose("organization", body, sentence, 0.9)

    def place(self, ref: Ref, sentence: Sentence) -> tuple[str, str | None]:
        if ref.known:
            return ref.id, None
        entry: PlaceEntry = ref.entry
        return self.place_entry(entry, sentence)

    def place_entry(self, entry: PlaceEntry, sentence: Sentence) -> tuple[str, str | None]:
        found = self.known_id("place", [entry.name_en, entry.name_ru, *entry.aliases], entry.id)
        if found:
            return found, None
        body = {
            "id": entry.id,
            "name_en": entry.name_en,
            "name_ru": entry.name_ru,
            "kind": entry.kind,
            "country": entry.country,
        }
        return entry.id, self._propose("place", body, sentence, 0.9)

    def place_by_id(self, place_id: str, sentence: Sentence) -> tuple[str, str | None]:
        return self.place_entry(_PLACES_BY_ID[place_id], sentence)

    def new_place(
        self, name: str, kind: str, country: str | None, sentence: Sentence
    ) -> tuple[str, str | None]:
        """A place named in the text that no lexicon holds (its name in the other language guessed)."""
        found = self.known_id("place", [name])
        if found:
            return found, None
        name_en, name_ru = (to_latin(name), name) if self.language == "ru" else (name, to_cyrillic(name))
        body = {
            "id": record_id(name_en),
            "name_en": name_en,
            "name_ru": name_ru,
            "kind": kind,
            "country": country,
        }
        return str(body["id"]), self._propose("place", body, sentence, 0.5)

    def project(
        self, body: dict[str, Any], sentence: Sentence, confidence: float, requires: tuple[str, ...] = ()
    ) -> tuple[str, str | None]:
        found = self.known_id("infrastructure_project", [body["name_en"], body["name_ru"]], body["id"])
        if found:
            return found, None
        key = f"infrastructure_project:{body['id']}"
        if key not in self.proposals:
            self.proposals[key] = Proposal(
                key, "infrastructure_project", body, sentence.start, sentence.end, confidence, requires
            )
        return body["id"], key

    def projects_by_key(self) -> dict[str, Proposal]:
        return {key: p for key, p in self.proposals.items() if p.kind == "infrastructure_project"}
