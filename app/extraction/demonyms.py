"""Names and adjectives of the countries `lexicon/countries.py` does not list, from general sources:
CLDR's short names (babel: "Лаос", "Laos", where ISO has only the official name), countryinfo's
English demonyms ("Chilean", "South African") and, for Russian, the adjective the dictionary
(pymorphy3) knows for the name ("Колумбия" → колумбийский, "Южная Африка" → южноафриканский) and
the initialism of a long name ("Южно-Африканская Республика" → ЮАР). An adjective two countries
would share ("Congolese", доминиканский) names neither."""

import gettext
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pycountry
from babel import Locale
from countryinfo import all_countries

from app.extraction.morphology import adjective_lemma, fold, known_adjective


@dataclass
class CountryWords:
    names: set[str] = field(default_factory=set)
    adjectives: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)  # Russian compounds: чилийско-перуанский
    capitals: set[str] = field(default_factory=set)  # English only: countryinfo's


@cache
def other_countries(language: str, listed: frozenset[str]) -> dict[str, CountryWords]:
    """The words for every ISO country not in `listed`, in `language`."""
    words: dict[str, CountryWords] = defaultdict(CountryWords)
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    territories = Locale(language).territories
    for country in pycountry.countries:
        code = country.alpha_2
        if code in listed:
            continue
        iso = (
            [russian.gettext(country.name)]
            if language == "ru"
            else [country.name, getattr(country, "common_name", country.name)]
        )
        short = territories.get(code)
        # CLDR marks variants in brackets and splits the Congos with " - ": not names as written.
        if short and not re.search(r"[()]| - ", short):
            iso.append(short)
        words[code].names.update(iso)
    adjectives: dict[str, set[str]] = defaultdict(set)
    if language == "en":
        for code, demonym in _english_demonyms():
            if code in words:
                adjectives[demonym].add(code)
        for code, capital in _english_capitals():
            if code in words:
                words[code].capitals.add(capital)
    else:
        for code, entry in words.items():
            for name in sorted(entry.names):
                adjective = russian_adjective(name)
                if adjective:
                    adjectives[adjective].add(code)
                abbreviation = initialism(name)
                if abbreviation:
                    entry.names.add(abbreviation)
    for adjective, codes in adjectives.items():
        if len(codes) == 1:
            entry = words[next(iter(codes))]
            entry.adjectives.add(adjective)
            if language == "ru":
                entry.prefixes.add(adjective[:-2] + "о")  # чилийский → чилийско-
    return dict(words)


def _english_demonyms() -> Iterable[tuple[str, str]]:
    for country in all_countries():
        iso = country.iso()
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        demonym = country.demonym() or ""
        for word in demonym.split(","):
            if code and word.strip():
                yield code, word.strip()


_SMALL_TERRITORY = 1_000_000


def _english_capitals() -> Iterable[tuple[str, str]]:
    """A capital read as its country ("talks in Lima"), unless the name is also a region of another
    country (Victoria) or a country's own name (Djibouti, the city); not of a small territory,
    whose capitals are often common names (Hamilton, Douglas, Stanley)."""
    elsewhere: dict[str, set[str]] = defaultdict(set)
    for name, country_code in _subdivisions():
        elsewhere[name].add(country_code)
    countries = {c.name for c in pycountry.countries}
    for country in all_countries():
        iso = country.iso()
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        capital = country.capital()
        if not code or not isinstance(capital, str) or not capital or capital in countries:
            continue
        if (country.population() or 0) < _SMALL_TERRITORY:
            continue
        if elsewhere.get(capital, set()) - {code}:
            continue
        yield code, capital


def _subdivisions() -> Iterable[tuple[str, str]]:
    """ISO 3166-2's region names with their countries, read from pycountry's data file as is:
    `pycountry.subdivisions` builds and indexes an object for each of them, which costs more than
    the rest of the country finder."""
    with open(os.path.join(pycountry.DATABASE_DIR, "iso3166-2.json"), encoding="utf-8") as data:
        for entry in json.load(data)["3166-2"]:
            yield entry["name"], entry["code"].split("-")[0]


_RUSSIAN_VOWELS = "аеёиоуыэюя"


def _adjective_candidates(noun: str) -> list[str]:
    """Adjectives a country's one-word name may form, most likely first: Колумбия → колумбийский,
    Мексика → мексиканский, Алжир → алжирский, Чили → чилийский, Перу → перуанский."""
    word = fold(noun)
    if word.endswith("ия"):
        return [word[:-2] + "ийский", word[:-2] + "ский"]
    if word.endswith(("а", "я")):
        stem = word[:-1]
        return [stem + "инский", stem + "анский", stem + "ийский", stem + "ский", stem + "ьский"]
    if word[-1] in _RUSSIAN_VOWELS:
        stem = word[:-1]
        return [word + "йский", word + "анский", stem + "ийский", stem + "анский", word + "ский"]
    return [word + "ский", word + "ьский", word + "ийский", word + "анский"]


def russian_adjective(name: str) -> str | None:
    """The adjective of a Russian country name the dictionary knows, or None: of its one word,
    of the adjective leading a state's long name ("Лаосская … Республика" → лаосский), or of a
    two-word name as one word ("Южная Африка" → южноафриканский)."""
    words = name.split()
    if len(words) == 1:
        return next((a for a in _adjective_candidates(words[0]) if known_adjective(a)), None)
    lead = adjective_lemma(words[0])
    if len(words) == 2 and lead:
        head = lead.removesuffix("ый").removesuffix("ий").removesuffix("ой")
        joined = [head + "о" + a for a in _adjective_candidates(words[1])]
        found = next((a for a in joined if known_adjective(a)), None)
        if found:
            return found
    if lead and fold(words[-1]) == "республика":
        return lead
    return None


def initialism(name: str) -> str | None:
    """ "Южно-Африканская Республика" → ЮАР: a republic's name of three or more parts, by their
    first letters."""
    parts = [p for p in re.split(r"[\s-]+", name) if p and fold(p) != "и"]
    if len(parts) < 3 or "республика" not in {fold(p) for p in parts}:
        return None
    return "".join(p[0] for p in parts).upper()
