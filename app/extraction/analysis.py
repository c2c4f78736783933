"""One reading of a document shared by every kind of proposal: for each sentence, the countries,
places, organizations, projects and people it names, and the cue words it holds."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from app.extraction.amounts import Amount, find_amounts
from app.extraction.countries import CountryFinder, CountryWord
from app.extraction.cues import cue_matcher
from app.extraction.currencies import currency_of
from app.extraction.lexicon.reference import ORGANIZATIONS, PLACES, PROJECTS
from app.extraction.matching import Mention, PhraseMatcher
from app.extraction.model import Known
from app.extraction.morphology import future_verb, russian_entities
from app.extraction.people import PeopleFinder, PersonMention
from app.extraction.text import Document, Sentence, Token
from app.extraction.when import find_dateline


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
    people: list[PersonMention] = field(default_factory=list)


@cache
def country_finder(language: str, extra: tuple[tuple[str, str], ...]) -> CountryFinder:
    """The country names of a language, with the caller's `extra` (name, code) pairs; built once for
    each, as every reading of that language and the other-language reader use it."""
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


def _own_initials(tokens: Sequence[Token], mention: Mention[Any], mentions: Sequence[Mention[Any]]) -> bool:
    """ "the Turkmenistan–Afghanistan–Pakistan (TAP) power line": initials in brackets that spell the
    words right before them are the text's own short name for those words, not a known project with
    the same initials, unless those words are that project's name ("the Trans Adriatic Pipeline (TAP)")."""
    short = tokens[mention.first].text
    if not (
        0 < mention.first < mention.last < len(tokens)
        and mention.last - mention.first == 1
        and short.isalpha()
        and short.isupper()
        and tokens[mention.first - 1].text == "("
        and tokens[mention.last].text == ")"
    ):
        return False
    initials, at = "", mention.first - 2
    while at >= 0 and len(initials) < len(short) and (tokens[at].capitalized or tokens[at].text in "–—-"):
        initials = (tokens[at].text[0] if tokens[at].capitalized else "") + initials
        at -= 1
    spelt = initials.upper() == short
    named = any(m.value == mention.value and m.last == mention.first - 1 for m in mentions)
    return spelt and not named


def _one_of(tokens: Sequence[Token], mention: Mention[Any], short_names: set[str]) -> bool:
    return mention.last - mention.first == 1 and tokens[mention.first].text in short_names


def _currency_name(tokens: Sequence[Token], mention: Mention[CountryWord]) -> bool:
    """ "долларов США", "долл. США", "U.S. dollars", "US$1.2 billion", "US $5 million": the currency,
    not the country."""
    before = [t.text.lower() for t in tokens[max(0, mention.first - 2) : mention.first]]
    after = tokens[mention.last].text.lower() if mention.last < len(tokens) else ""
    if _names_a_currency(tokens, mention):
        return True
    # the word right before, or "долл" and its full stop: not "…млрд долларов, перуанский экспорт…"
    return (
        (bool(before) and before[-1].startswith("долл"))
        or before == ["долл", "."]
        or after.startswith("dollar")
        or after == "terms"  # "in US terms, roughly 19.5 billion dollars"
        or after == "$"
    )


# Words that make a region of a demonym: "South American", "Latin American", "Central American".
_REGION_MAKERS = {"south", "latin", "central", "north"}


def _a_region(tokens: Sequence[Token], mention: Mention[CountryWord]) -> bool:
    """ "South American neighbours": a continent's part, not the country ("South Korean", a country
    of its own, is matched whole and never reaches here)."""
    return (
        mention.value.adjective
        and mention.first > 0
        and tokens[mention.first - 1].text.lower() in _REGION_MAKERS
        and tokens[mention.first - 1].text[:1].isupper()
    )


def _names_a_currency(tokens: Sequence[Token], mention: Mention[CountryWord]) -> bool:
    """ "японских иен", "Indian rupees", "британских фунтов стерлингов": the adjective is the
    currency's, not a country of the fact."""
    return any(
        currency_of(" ".join(t.text for t in tokens[mention.first : mention.last + extra])) is not None
        for extra in (1, 2)
        if mention.last + extra <= len(tokens)
    )


class Reading:
    """The document read once: sentences with what they name, and the matchers to look for more."""

    def __init__(self, document: Document, published: date | None, known: Sequence[Known]) -> None:
        self.document = document
        self.language = document.language
        self.published = published
        # A wire's dateline ("ASTANA, 21 October.") is the day it reports: "yesterday" counts from it.
        self.dateline = find_dateline(document.text, published)
        self.reference = self.dateline or published
        self.known = known
        extra = tuple(
            (record.id, name) for record in known if record.kind == "country" for name in record.names
        )
        self.country_finder = country_finder(self.language, extra)
        self.matchers = {
            kind: _with_known(self.language, kind, known)
            for kind in ("organization", "place", "infrastructure_project")
        }
        self.people = PeopleFinder(self.language, known)
        entities = russian_entities(document.text) if self.language == "ru" else []
        projects = [self.matchers["infrastructure_project"].find(s.tokens) for s in document.sentences]
        # "the Turkmenistan–Afghanistan–Pakistan (TAP) power line … the TAP line": the short name the
        # article gives its own words stands for them wherever it is used again
        own = {
            sentence.tokens[m.first].text
            for sentence, mentions in zip(document.sentences, projects, strict=True)
            for m in mentions
            if _own_initials(sentence.tokens, m, mentions)
        }
        self.facts = [
            self._read(sentence, entities, [m for m in mentions if not _one_of(sentence.tokens, m, own)])
            for sentence, mentions in zip(document.sentences, projects, strict=True)
        ]
        self.main_pair = self._main_pair()

    def cues(self, name: str, tokens: Sequence[Token]) -> list[Mention[str]]:
        return cue_matcher(self.language, name).find(tokens)

    def _read(self, sentence: Sentence, entities: list[Any], projects: list[Mention[Ref]]) -> SentenceFacts:
        tokens = sentence.tokens
        facts = SentenceFacts(sentence)
        facts.projects = projects
        facts.organizations = self.matchers["organization"].find(tokens)
        masked = {i for m in [*facts.projects, *facts.organizations] for i in range(m.first, m.last)}
        facts.countries = [
            m
            for m in self.country_finder.find(tokens)
            if m.first not in masked and not _currency_name(tokens, m) and not _a_region(tokens, m)
        ]
        facts.places = [m for m in self.matchers["place"].find(tokens) if m.first not in masked]
        facts.people = self._people(sentence, entities, facts)
        # A person's name is not also a place ("Алиев" shares a stem with the town of Alat).
        facts.places = [
            m for m in facts.places if not any(p.start < m.end and m.start < p.end for p in facts.people)
        ]
        return facts

    def _people(self, sentence: Sentence, entities: list[Any], facts: SentenceFacts) -> list[PersonMention]:
        spans = [
            (e.start, e.end)
            for e in entities
            if e.type == "PER" and sentence.start <= e.start and e.end <= sentence.end
        ]
        named: list[Mention[Any]] = [*facts.places, *facts.organizations, *facts.projects]
        return self.people.find(
            sentence, spans, facts.countries, {i for m in named for i in range(m.first, m.last)}
        )

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

    def amounts(self, facts: SentenceFacts) -> list[Amount]:
        """The sentence's amounts, a currency name several countries share ("3,4 млрд дирхамов",
        "402 million riyals") read as the one of the sentence's countries, else of the story's pair."""
        sentence = facts.sentence
        countries = (tuple(m.value.code for m in facts.countries), self.main_pair)
        return find_amounts(sentence.text, sentence.start, self.language, countries)

    def future_tense(self, tokens: Sequence[Token]) -> bool:
        """A verb in the future tense (посетит, составит; will, shall)."""
        if self.language == "en":
            return any(t.text.lower() in {"will", "shall", "'ll"} for t in tokens)
        return any(future_verb(token.text) for token in tokens)
