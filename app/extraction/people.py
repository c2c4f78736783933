"""People a document names: in full after a role or a title ("President of Azerbaijan Ilham Aliyev",
"Kazakh Foreign Minister Murat Nurtleu", "президента Казахстана Касым-Жомарта Токаева"), in full when
our lexicon lists them, and again by surname alone ("Tokayev said", "Mr Aliyev", "с Алиевым") once
the text has named them, or when the lexicon lists a single leader of that surname."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from app.extraction.countries import CountryWord, country_names
from app.extraction.cues import cue_matcher
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.lexicon.reference import PEOPLE, PersonEntry
from app.extraction.matching import Mention, PhraseMatcher
from app.extraction.model import Known
from app.extraction.morphology import _analyzer, fold, inflect, person_nominative
from app.extraction.text import Sentence, Token


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


# Words that may stand between a role and its holder's name: "President of the Republic of Azerbaijan".
_ROLE_GAP = {"of", "the", "'s", "’", "s", "республики", "республика", "republic", "федерации", "federation"}
# "супруга президента Мехрибан Алиева", "an aide to the President": the role is someone else's.
_NOT_OWN_ROLE = frozenset(
    {
        "супруга",
        "супруг",
        "жена",
        "муж",
        "сын",
        "дочь",
        "помощник",
        "советник",
        "пресс-секретарь",
        "wife",
        "husband",
        "spouse",
        "son",
        "daughter",
        "aide",
        "adviser",
        "advisor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "to",
    }
)
_TITLES = {"mr", "ms", "mrs", "dr", "madam", "господин", "госпожа"}
# Capitalised words that start a sentence or a heading but never a name.
_NOT_NAME = {
    "the",
    "a",
    "an",
    "and",
    "of",
    "in",
    "on",
    "at",
    "to",
    "by",
    "for",
    "from",
    "with",
    "during",
    "following",
    "after",
    "before",
    "his",
    "her",
    "their",
    "both",
    "this",
    "that",
    "mr",
    "ms",
    "mrs",
    "dr",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
_EN_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*")
_MAX_NAME_WORDS = 3

SurnameKey = tuple[str, str | None]  # the surname's nominative (masculine for Russian) and gender


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _surname_keys(word: str, language: str) -> set[SurnameKey]:
    """What a surname as written may be: Russian "Алиевой" is the feminine of "алиев"."""
    word = _strip_possessive(word)
    if language != "ru":
        return {(fold(word), None)}
    keys: set[SurnameKey] = set()
    for parse in _analyzer().parse(word):
        if "Surn" in parse.tag:
            gender = parse.tag.gender
            keys.add((fold(parse.normal_form), gender if gender in {"masc", "femn"} else None))
    if not keys:
        keys = {(fold(word), None), (fold(person_nominative([word])[0]), None)}
    return keys


def _person_surname(name: str, language: str) -> set[SurnameKey]:
    """The surname of a full name in the nominative: its last word."""
    last = name.split()[-1]
    if language != "ru":
        return {(fold(last), None)}
    keys = {
        (fold(parse.normal_form), parse.tag.gender if parse.tag.gender in {"masc", "femn"} else None)
        for parse in _analyzer().parse(last)
        if "Surn" in parse.tag and parse.tag.case == "nomn"
    }
    return keys or {(fold(last), None)}


def _compatible(first: set[SurnameKey], second: set[SurnameKey]) -> bool:
    return any(a == b and (ga is None or gb is None or ga == gb) for a, ga in first for b, gb in second)


@cache
def _listed_matcher(language: str) -> PhraseMatcher[PersonEntry]:
    matcher: PhraseMatcher[PersonEntry] = PhraseMatcher()
    for entry in PEOPLE:
        matcher.add_all([entry.name_en, entry.name_ru, *entry.aliases], entry, language, proper=True)
    return matcher


@cache
def _listed_surnames(language: str) -> list[tuple[set[SurnameKey], PersonEntry]]:
    return [
        (_person_surname(entry.name_ru if language == "ru" else entry.name_en, language), entry)
        for entry in PEOPLE
    ]


def _listed_name(entry: PersonEntry, language: str) -> str:
    return entry.name_ru if language == "ru" else entry.name_en


class PeopleFinder:
    """Finds people sentence by sentence, in order, remembering who the text has named so far."""

    def __init__(self, language: str, known: Sequence[Known]) -> None:
        self.language = language
        self.known_people = {record.id: record for record in known if record.kind == "person"}
        self.known_matcher: PhraseMatcher[str] = PhraseMatcher()
        for record in self.known_people.values():
            for name in record.names:
                self.known_matcher.add(name, record.id, language, proper=True)
        self._seen: list[tuple[set[SurnameKey], PersonMention]] = []

    def find(
        self,
        sentence: Sentence,
        entity_spans: Sequence[tuple[int, int]],
        countries: Sequence[Mention[CountryWord]],
        named: set[int],
    ) -> list[PersonMention]:
        """People in one sentence. `entity_spans` are the NER's person spans (Russian); `named` are
        token indexes of places and organizations, which a capitalised word must not be taken from
        unless the lexicon or the NER says it is a person ("Алиев" is not the town of Alat)."""
        tokens = sentence.tokens
        found: list[PersonMention] = []
        covered = {i for m in countries for i in range(m.first, m.last)}
        taken: set[int] = set(covered)
        roles = cue_matcher(self.language, "ROLES").find(tokens)
        role_tokens = {i for role in roles for i in range(role.first, role.last)}

        def add(mention: PersonMention, first: int, last: int, full: bool) -> None:
            found.append(mention)
            taken.update(range(first, last))
            if full:
                self._seen.append((_person_surname(mention.name, self.language), mention))

        for known in self.known_matcher.find(tokens):
            record = self.known_people[known.value]
            role = self._role(tokens, known.first, known.last, countries, covered | named)
            add(
                PersonMention(
                    known.start,
                    known.end,
                    record.names[0],
                    record.id,
                    role.titles if role else None,
                    record.country,
                ),
                known.first,
                known.last,
                True,
            )
        for listed in _listed_matcher(self.language).find(tokens):
            if taken & set(range(listed.first, listed.last)):
                continue
            role = self._role(tokens, listed.first, listed.last, countries, covered | named)
            add(
                PersonMention(
                    listed.start,
                    listed.end,
                    _listed_name(listed.value, self.language),
                    None,
                    role.titles if role else None,
                    (role.country if role and role.country else None) or listed.value.country,
                ),
                listed.first,
                listed.last,
                True,
            )
        runs = (
            self._entity_runs(tokens, entity_spans)
            if self.language == "ru"
            else self._name_runs(tokens, taken | named | role_tokens)
        )
        for first, last in runs:
            if taken & set(range(first, last)):
                continue
            words = [_strip_possessive(t.text) for t in tokens[first:last] if t.text[:1].isalpha()]
            if not words:
                continue
            role = self._role(tokens, first, last, countries, covered | named)
            titled = first > 0 and tokens[first - 1 - (tokens[first - 1].text == ".")].text.lower() in _TITLES
            start, end = tokens[first].start, tokens[last - 1].end
            if len(words) == 1:
                again = self._again(words[0], start, end)
                if again is not None:
                    add(again, first, last, False)
                continue
            if self.language == "en" and role is None and not titled:
                continue  # capitalised words with nothing saying they name a person
            if _office_or_body(words, self.language):
                continue
            if self.language == "ru":
                words = person_nominative(words)
            name = " ".join(words)
            add(
                PersonMention(
                    start,
                    end,
                    name,
                    None,
                    role.titles if role else None,
                    (role.country if role and role.country else None) or _listed_country(name),
                ),
                first,
                last,
                True,
            )
        return sorted(found, key=lambda person: person.start)

    def _entity_runs(
        self, tokens: Sequence[Token], spans: Sequence[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        runs = []
        for start, end in spans:
            inside = [i for i, t in enumerate(tokens) if start <= t.start and t.end <= end]
            if inside:
                runs.append((inside[0], inside[-1] + 1))
        return runs

    def _name_runs(self, tokens: Sequence[Token], excluded: set[int]) -> list[tuple[int, int]]:
        """Runs of capitalised name-like words (English), at most a few words long."""
        runs = []
        i = 0
        while i < len(tokens):
            if i in excluded or not _name_word(tokens[i]):
                i += 1
                continue
            last = i + 1
            while (
                last < len(tokens)
                and last - i < _MAX_NAME_WORDS
                and last not in excluded
                and _name_word(tokens[last])
                and not tokens[last - 1].text.endswith(("'s", "’s"))
            ):
                last += 1
            runs.append((i, last))
            i = last
        return runs

    def _again(self, word: str, start: int, end: int) -> PersonMention | None:
        """A surname alone: the person the text named before, else the one leader our lexicon lists
        by that surname; nobody when it could be several."""
        keys = _surname_keys(word, self.language)
        earlier = {mention.name: mention for surname, mention in self._seen if _compatible(keys, surname)}
        if len(earlier) == 1:
            return replace(next(iter(earlier.values())), start=start, end=end)
        if earlier:
            return None
        listed = [entry for surname, entry in _listed_surnames(self.language) if _compatible(keys, surname)]
        if len(listed) != 1:
            return None
        entry = listed[0]
        mention = PersonMention(start, end, _listed_name(entry, self.language), None, None, entry.country)
        self._seen.append((_person_surname(mention.name, self.language), mention))
        return mention

    def _role(
        self,
        tokens: Sequence[Token],
        first: int,
        last: int,
        countries: Sequence[Mention[CountryWord]],
        covered: set[int],
    ) -> Role | None:
        return self._role_before(tokens, first, countries, covered) or self._role_after(
            tokens, last, countries
        )

    def _role_before(
        self,
        tokens: Sequence[Token],
        first: int,
        countries: Sequence[Mention[CountryWord]],
        covered: set[int],
    ) -> Role | None:
        """The role written just before a name: "President of Azerbaijan Ilham Aliyev", "Kazakh
        Foreign Minister Murat Nurtleu", "Kazakhstan's Prime Minister", "президента Азербайджана"."""
        low = max(0, first - 8)
        roles = cue_matcher(self.language, "ROLES").find(tokens[low:first])
        if not roles:
            return None
        role_first, role_last = low + roles[-1].first, low + roles[-1].last
        for i in range(role_last, first):
            if i not in covered and tokens[i].text.lower() not in _ROLE_GAP:
                return None
        before = role_first - 1
        while before > 0 and tokens[before].text.lower() in {"the", "of"}:
            before -= 1
        if before >= 0 and tokens[before].keys & _NOT_OWN_ROLE:
            return None
        country = next(
            (
                m.value.code
                for m in countries
                if not m.value.capital
                and (
                    (role_last <= m.first and m.last <= first)  # "President of Azerbaijan Ilham Aliyev"
                    or role_first - 2 <= m.last - 1 < role_first  # "Kazakhstan's Prime Minister"
                )
            ),
            None,
        )
        return _role(self.language, roles[-1].value, country)

    def _role_after(
        self, tokens: Sequence[Token], last: int, countries: Sequence[Mention[CountryWord]]
    ) -> Role | None:
        """A role in apposition: "Ilham Aliyev, the President of Azerbaijan, said"."""
        if last >= len(tokens) or tokens[last].text != ",":
            return None
        at = last + 1
        if at < len(tokens) and tokens[at].text.lower() in {"the", "a"}:
            at += 1
        roles = cue_matcher(self.language, "ROLES").find(tokens[at : at + 8])
        if not roles or roles[0].first > 1:
            return None
        role_last = at + roles[0].last
        country = next(
            (
                m.value.code
                for m in countries
                if not m.value.capital and at <= m.first and m.first <= role_last + 3
            ),
            None,
        )
        if roles[0].first == 1 and not any(m.first == at for m in countries):
            return None  # a word that is not the country between the comma and the role
        return _role(self.language, roles[0].value, country)


def _name_word(token: Token) -> bool:
    text = _strip_possessive(token.text)
    return bool(_EN_NAME_WORD.fullmatch(text)) and text.lower() not in _NOT_NAME


def _office_or_body(words: Sequence[str], language: str) -> bool:
    """ "Islamic Republic", "Federal Chancellor", "Жогорку Кенеша": words of an office, a state's
    name or a chamber, which the role before them belongs to; no person is named."""
    not_person = vocab.NOT_PERSON_WORDS[language]
    if language != "ru":
        return any(word.lower() in not_person for word in words)
    return any(
        fold(word) in not_person
        # a plural is no office: "Эмиров" is a surname, not the emirs
        or any(p.normal_form in not_person and p.tag.number != "plur" for p in _analyzer().parse(word))
        for word in words
    )


def _role(language: str, role_key: str, country: str | None) -> Role:
    english, russian = next((en, ru) for phrase, en, ru in vocab.ROLES[language] if phrase == role_key)
    if country is None:
        return Role((english, russian), None)
    names = country_names()[country]
    country_ru = " ".join(inflect(word, "gent") for word in names.ru.split())
    return Role((f"{english} of {names.en}", f"{russian} {country_ru}"), country)


def _listed_country(name: str) -> str | None:
    """The country of a leader our lexicon lists ("Ilham Aliyev" → AZ), when the text gives no role."""
    from app.extraction.entities import listed_person

    listed = listed_person(name)
    return listed.country if listed else None
