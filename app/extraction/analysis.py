"""One reading of a document shared by every kind of proposal: for each sentence, the countries,
places, organizations, projects and people it names, and the cue words it holds."""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from app.extraction.countries import CountryFinder, CountryWord, country_names
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.lexicon.reference import ORGANIZATIONS, PLACES, PROJECTS
from app.extraction.matching import Mention, PhraseMatcher
from app.extraction.model import Known
from app.extraction.morphology import future_verb, inflect, person_nominative, russian_entities
from app.extraction.text import Document, Sentence, Token


@dataclass(frozen=True)
class Ref:
    """A named thing: from our lexicon (`lexicon`), the caller's records (`known`), or new."""

    kind: str  # organization, place, infrastructure_project, person
    id: str
    known: bool
    entry: Any = None  # the lexicon entry, when from the lexicon


@dataclass
class SentenceFacts:
    sentence: Sentence
    countries: list[Mention[CountryWord]] = field(default_factory=list)
    organizations: list[Mention[Ref]] = field(default_factory=list)
    places: list[Mention[Ref]] = field(default_factory=list)
    projects: list[Mention[Ref]] = field(default_factory=list)
    people: list["PersonMention"] = field(default_factory=list)


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str  # in the text's language, nominative
    known_id: str | None
    role: tuple[str, str] | None = None  # (English, Russian) role title
    country: str | None = None


@dataclass(frozen=True)
class Role:
    titles: tuple[str, str]  # English, Russian: "President of Azerbaijan", "Президент Азербайджана"
    country: str | None


@cache
def cue_matcher(language: str, name: str) -> PhraseMatcher[str]:
    """A matcher of one vocabulary table (`INDICATORS`, `GROWTH`…) for a language."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    table = getattr(vocab, name)[language]
    if isinstance(table, dict):
        for value, phrases in table.items():
            matcher.add_all(phrases, value, language)
    else:
        for item in table:
            if isinstance(item, str):
                matcher.add(item, item, language)
            elif isinstance(item[1], str) and len(item) == 2:
                matcher.add(item[0], item[1], language)
            elif len(item) == 2:
                matcher.add_all(item[1], item[0], language)
            else:
                matcher.add(item[0], item[0], language)
    return matcher


@cache
def _country_finder(language: str, extra: tuple[tuple[str, str], ...]) -> CountryFinder:
    return CountryFinder(language, extra)


@cache
def _lexicon_matchers(language: str) -> dict[str, PhraseMatcher[Ref]]:
    organizations: PhraseMatcher[Ref] = PhraseMatcher()
    for org in ORGANIZATIONS:
        ref = Ref("organization", org.id, False, org)
        names = [org.name_en, org.name_ru, *org.aliases]
        organizations.add_all(names, ref, language)
        for abbreviation in (org.abbreviation_en, org.abbreviation_ru):
            if abbreviation:
                organizations.add(abbreviation, ref, language, proper=True)
    places: PhraseMatcher[Ref] = PhraseMatcher()
    for place in PLACES:
        places.add_all(
            [place.name_en, place.name_ru, *place.aliases],
            Ref("place", place.id, False, place),
            language,
            proper=True,
        )
    projects: PhraseMatcher[Ref] = PhraseMatcher()
    for project in PROJECTS:
        ref = Ref("infrastructure_project", project.id, False, project)
        projects.add_all([project.name_en, project.name_ru, *project.aliases], ref, language)
    return {"organization": organizations, "place": places, "infrastructure_project": projects}


def _with_known(language: str, kind: str, known: Sequence[Known]) -> PhraseMatcher[Ref]:
    base = _lexicon_matchers(language).get(kind)
    matcher: PhraseMatcher[Ref] = PhraseMatcher()
    if base is not None:
        matcher._by_first.update({key: list(value) for key, value in base._by_first.items()})
    for record in known:
        if record.kind == kind:
            ref = Ref(kind, record.id, True)
            for name in record.names:
                matcher.add(name, ref, language, proper=kind != "infrastructure_project")
    return matcher


class Reading:
    """The document read once: sentences with what they name, and the matchers to look for more."""

    def __init__(self, document: Document, published: date | None, known: Sequence[Known]) -> None:
        self.document = document
        self.language = document.language
        self.published = published
        self.known = known
        extra = tuple(
            (record.id, name) for record in known if record.kind == "country" for name in record.names
        )
        self.country_finder = _country_finder(self.language, extra)
        self.matchers = {
            kind: _with_known(self.language, kind, known)
            for kind in ("organization", "place", "infrastructure_project")
        }
        self.person_matcher: PhraseMatcher[Ref] = PhraseMatcher()
        self.known_people = {record.id: record for record in known if record.kind == "person"}
        for record in known:
            if record.kind == "person":
                for name in record.names:
                    self.person_matcher.add(name, Ref("person", record.id, True), self.language, proper=True)
        entities = russian_entities(document.text) if self.language == "ru" else []
        self.facts = [self._read(sentence, entities) for sentence in document.sentences]
        self.main_pair = self._main_pair()

    def cues(self, name: str, tokens: Sequence[Token]) -> list[Mention[str]]:
        return cue_matcher(self.language, name).find(tokens)

    def _read(self, sentence: Sentence, entities: list[Any]) -> SentenceFacts:
        tokens = sentence.tokens
        facts = SentenceFacts(sentence)
        facts.projects = self.matchers["infrastructure_project"].find(tokens)
        facts.organizations = self.matchers["organization"].find(tokens)
        masked = {i for m in [*facts.projects, *facts.organizations] for i in range(m.first, m.last)}
        facts.countries = [m for m in self.country_finder.find(tokens) if m.first not in masked]
        facts.places = [m for m in self.matchers["place"].find(tokens) if m.first not in masked]
        facts.people = self._people(sentence, entities, facts)
        return facts

    def _people(self, sentence: Sentence, entities: list[Any], facts: SentenceFacts) -> list[PersonMention]:
        tokens = sentence.tokens
        found: list[PersonMention] = []
        for mention in self.person_matcher.find(tokens):
            record = self.known_people[mention.value.id]
            role = self._role(tokens, mention.first, facts)
            found.append(
                PersonMention(
                    mention.start,
                    mention.end,
                    record.names[0],
                    mention.value.id,
                    role.titles if role else None,
                    record.country,
                )
            )
        spans: list[tuple[int, int]] = []
        if self.language == "ru":
            spans = [
                (e.start, e.end)
                for e in entities
                if e.type == "PER" and sentence.start <= e.start and e.end <= sentence.end
            ]
        else:
            spans = _english_people(sentence)
        for start, end in spans:
            if any(p.start < end and start < p.end for p in found):
                continue
            first = next((i for i, t in enumerate(tokens) if t.start >= start), None)
            if first is None:
                continue
            words = [t.text for t in tokens if start <= t.start and t.end <= end and t.text[:1].isalpha()]
            if len(words) < 2:
                continue  # a surname alone is too often someone else
            if self.language == "ru":
                words = person_nominative(words)
            role = self._role(tokens, first, facts)
            found.append(
                PersonMention(
                    start,
                    end,
                    " ".join(words),
                    None,
                    role.titles if role else None,
                    (role.country if role and role.country else _listed_country(" ".join(words))),
                )
            )
        return found

    def _role(self, tokens: Sequence[Token], first: int, facts: SentenceFacts) -> "Role | None":
        """The role and country stated just before a name: "президента Азербайджана Ильхама Алиева",
        "Kazakh President Kassym-Jomart Tokayev"."""
        window = tokens[max(0, first - 5) : first]
        roles = cue_matcher(self.language, "ROLES").find(window)
        if not roles:
            return None
        role_key = roles[-1].value
        english, russian = next(
            (en, ru) for phrase, en, ru in vocab.ROLES[self.language] if phrase == role_key
        )
        low = window[0].start if window else 0
        high = tokens[first].start
        country = next(
            (m.value.code for m in facts.countries if low <= m.start < high and not m.value.capital), None
        )
        if country is None:
            return Role((english, russian), None)
        names = country_names()[country]
        country_ru = " ".join(inflect(word, "gent") for word in names.ru.split())
        return Role((f"{english} of {names.en}", f"{russian} {country_ru}"), country)

    def _main_pair(self) -> tuple[str, ...]:
        counts: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        # A dateline's capital ("ТАШКЕНТ, 3 марта.") says where, not the story's order: capitals
        # count for the order only when the country is never named.
        late = len(self.document.text)
        for facts in self.facts:
            for mention in facts.countries:
                counts[mention.value.code] += 1
                position = mention.start + (late if mention.value.capital else 0)
                first_seen[mention.value.code] = min(first_seen.get(mention.value.code, position), position)
        top = [code for code, _ in counts.most_common(2)]
        return tuple(sorted(top, key=lambda code: first_seen[code]))

    def future_tense(self, tokens: Sequence[Token]) -> bool:
        """A verb in the future tense (посетит, составит; will, shall)."""
        if self.language == "en":
            return any(t.text.lower() in {"will", "shall", "'ll"} for t in tokens)
        return any(future_verb(token.text) for token in tokens)


def _listed_country(name: str) -> str | None:
    """The country of a leader our lexicon lists ("Ilham Aliyev" → AZ), when the text gives no role."""
    from app.extraction.entities import listed_person

    listed = listed_person(name)
    return listed.country if listed else None


_EN_PERSON = re.compile(
    r"(?:President|Prime Minister|Minister(?: of [A-Z][a-z]+(?: [A-Za-z]+)?)?|Ambassador|Chairman|Speaker|"
    r"Deputy Prime Minister|Foreign Minister|Mr\.?|Ms\.?|Mrs\.?)\s+"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})"
)


def _english_people(sentence: Sentence) -> list[tuple[int, int]]:
    spans = []
    for match in _EN_PERSON.finditer(sentence.text):
        name = match.group("name")
        words = name.split()
        # "President Tokayev and ..." — a trailing capitalised non-name word is cut at "And"/"Of".
        while words and words[-1] in {"And", "Of", "The", "In", "On", "At"}:
            words.pop()
        if len(words) < 2:
            continue
        start = sentence.start + match.start("name")
        spans.append((start, start + len(" ".join(words))))
    return spans
