"""Countries named in a sentence, as alpha-2 codes: names and capitals in any case, adjectives,
demonyms and compounds (азербайджано-казахстанские → AZ, KZ)."""

import gettext
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import pycountry

from app.extraction.demonyms import other_countries
from app.extraction.lexicon.countries import AMBIGUOUS_NAMES, COUNTRY_ROWS, ENGLISH_COMPOUND_PREFIXES
from app.extraction.matching import Mention, PhraseMatcher
from app.extraction.morphology import fold, place_name, word_keys
from app.extraction.text import Token, tokenize


@dataclass(frozen=True)
class CountryWord:
    code: str
    capital: bool  # a capital city, read as the country in diplomatic text (metonymy)
    adjective: bool = False  # "казахстанской нефти", "Kazakh oil": whose goods, not where they go


@dataclass(frozen=True)
class CountryNames:
    """What a country is called: for titles and for people's roles."""

    en: str
    ru: str


def _fields(row: str) -> list[list[str]]:
    return [[item.strip() for item in part.split(";") if item.strip()] for part in row.split("|")]


@cache
def country_names() -> dict[str, CountryNames]:
    names: dict[str, CountryNames] = {}
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    for country in pycountry.countries:
        en = getattr(country, "common_name", None) or country.name
        names[country.alpha_2] = CountryNames(en=en, ru=russian.gettext(country.name))
    for code, ru_row, en_row in COUNTRY_ROWS:
        names[code] = CountryNames(en=_fields(en_row)[0][0], ru=_fields(ru_row)[0][0])
    return names


class CountryFinder:
    def __init__(self, language: str, extra: Iterable[tuple[str, str]] = ()) -> None:
        self.language = language
        self.matcher: PhraseMatcher[CountryWord] = PhraseMatcher()
        self.compound_prefixes: dict[str, str] = {}
        # Russian names that are also common words (Перу, Чили, Того, Куба): their lemma → code
        self.ambiguous: dict[str, str] = {}
        listed = set()
        for code, ru_row, en_row in COUNTRY_ROWS:
            listed.add(code)
            row = _fields(ru_row if language == "ru" else en_row)
            if language == "ru":
                names, adjectives, prefixes, capitals = [*row, [], [], [], []][:4]
                for prefix in prefixes:
                    self.compound_prefixes[fold(prefix)] = code
            else:
                names, adjectives, capitals = [*row, [], [], []][:3]
            self.matcher.add_all(names, CountryWord(code, False), language, proper=True)
            self.matcher.add_all(adjectives, CountryWord(code, False, True), language)
            self.matcher.add_all(capitals, CountryWord(code, True), language, proper=True)
            for adjective in adjectives:
                # An English adjective or name heads a compound as is (Kazakh-Azerbaijani).
                self.compound_prefixes.setdefault(fold(adjective), code)
            for name in names:
                self.compound_prefixes.setdefault(fold(name), code)
        if language == "en":
            self.compound_prefixes.update(ENGLISH_COMPOUND_PREFIXES)
        for code, words in other_countries(language, frozenset(listed)).items():
            names = [name for name in words.names if name not in AMBIGUOUS_NAMES]
            if language == "ru":
                self.ambiguous.update((fold(name), code) for name in words.names if name in AMBIGUOUS_NAMES)
            self.matcher.add_all(names, CountryWord(code, False), language, proper=True)
            self.matcher.add_all(words.adjectives, CountryWord(code, False, True), language)
            # A capital the lexicon gives another country (Jerusalem) stays that country's.
            capitals = [
                name
                for name in words.capitals
                if name not in AMBIGUOUS_NAMES and not self.matcher.find(tokenize(name, 0, language))
            ]
            self.matcher.add_all(capitals, CountryWord(code, True), language, proper=True)
            for prefix in [*words.prefixes, *(words.adjectives if language == "en" else ())]:
                self.compound_prefixes.setdefault(fold(prefix), code)
        for code, name in extra:
            self.matcher.add(name, CountryWord(code, False), language, proper=True)

    def find(self, tokens: Sequence[Token]) -> list[Mention[CountryWord]]:
        found = self.matcher.find(tokens)
        covered = {i for mention in found for i in range(mention.first, mention.last)}
        found.extend(self._ambiguous(tokens, covered))
        for i, token in enumerate(tokens):
            if i in covered or "-" not in token.text or len(token.text) < 5:
                continue
            found.extend(self._compound(token, i))
        return sorted(found, key=lambda mention: mention.start)

    def _ambiguous(self, tokens: Sequence[Token], covered: set[int]) -> list[Mention[CountryWord]]:
        """A name that is also a common word, read as the country where it is capitalised inside
        a sentence and the dictionary knows the form as that place's ("экспорт в Мали", "с Перу";
        not a sentence's "Того же мнения…")."""
        found = []
        for i, token in enumerate(tokens):
            if i == 0 or i in covered or not token.capitalized:
                continue
            name = next((key for key in token.keys if key in self.ambiguous), None)
            if name is not None and place_name(token.text, name):
                found.append(
                    Mention(CountryWord(self.ambiguous[name], False), token.start, token.end, i, i + 1)
                )
        return found

    def _compound(self, token: Token, index: int) -> list[Mention[CountryWord]]:
        parts = token.text.split("-")
        codes: list[str] = []
        for position, part in enumerate(parts):
            code = self.compound_prefixes.get(fold(part))
            if code is None and position == len(parts) - 1:
                code = self._single_word(part)
            if code is None:
                return []
            codes.append(code)
        return [
            Mention(CountryWord(code, False, True), token.start, token.end, index, index + 1)
            for code in codes
        ]

    def _single_word(self, word: str) -> str | None:
        probe = Token(word, 0, len(word), word_keys(word, self.language))
        found = self.matcher.find([probe])
        return found[0].value.code if found and not found[0].value.capital else None
