"""Countries the hand-written lexicon does not list, by their adjectives, short names and
initialisms from general sources (CLDR, countryinfo, the Russian dictionary), on words of our own."""

import pytest

from app.extraction.countries import CountryFinder
from app.extraction.demonyms import initialism, russian_adjective
from app.extraction.matching import PhraseMatcher
from app.extraction.text import tokenize


def codes(text: str, language: str) -> list[tuple[str, bool]]:
    return [
        (m.value.code, m.value.adjective) for m in CountryFinder(language).find(tokenize(text, 0, language))
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Uruguayan beef and Paraguayan soy", "en", [("UY", True), ("PY", True)]),
        ("South African ore and Bangladeshi textiles", "en", [("ZA", True), ("BD", True)]),
        ("the Ghanaian-Nigerian border", "en", [("GH", True), ("NG", True)]),
        ("уругвайской говядины и парагвайской сои", "ru", [("UY", True), ("PY", True)]),
        ("южноафриканская руда и танзанийский кофе", "ru", [("ZA", True), ("TZ", True)]),
        ("поставки из ЮАР и Лаоса", "ru", [("ZA", False), ("LA", False)]),
        ("ангольско-замбийская граница", "ru", [("AO", True), ("ZM", True)]),
    ],
)
def test_countries_outside_the_lexicon_by_adjective_short_name_or_initialism(
    text: str, language: str, expected: list[tuple[str, bool]]
) -> None:
    assert codes(text, language)[: len(expected)] == expected


def test_russian_adjectives_come_from_the_dictionary() -> None:
    assert russian_adjective("Колумбия") == "колумбийский"
    assert russian_adjective("Мексика") == "мексиканский"
    assert russian_adjective("Алжир") == "алжирский"
    assert russian_adjective("Южная Африка") == "южноафриканский"
    assert russian_adjective("Лаосская Народно-Демократическая Республика") == "лаосский"
    assert russian_adjective("Кюрасао") is None  # no adjective the dictionary knows
    assert initialism("Южно-Африканская Республика") == "ЮАР"
    assert initialism("Острова Туркс и Каикос") is None  # not a republic: no made-up initialism


def test_an_adjective_two_countries_share_names_neither() -> None:
    assert codes("Dominican cigars and Congolese cobalt", "en") == []


def test_a_capital_names_its_country_unless_another_has_it_or_it_is_a_common_name() -> None:
    found = CountryFinder("en").find(tokenize("Montevideo, Asunción, Jerusalem, Hamilton", 0, "en"))
    assert [(m.value.code, m.value.capital) for m in found] == [("UY", True), ("PY", True), ("IL", True)]


def test_a_capital_written_as_it_is_wins_over_a_country_name_sharing_its_stem() -> None:
    # "Бразилиа" matches the capital by its form and Бразилия by a name's stem: whichever a set's
    # hashing met first used to win, so the reading changed from one process to the next.
    found = CountryFinder("ru").find(tokenize("Заседание пройдёт в Бразилиа в ноябре.", 0, "ru"))
    assert [(m.value.code, m.value.capital) for m in found] == [("BR", True)]


def test_of_two_phrases_as_long_and_alike_the_one_added_first_wins() -> None:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.add("Astana", "first", "en", proper=True)
    matcher.add("Astana", "second", "en", proper=True)
    assert [m.value for m in matcher.find(tokenize("Talks in Astana", 0, "en"))] == ["first"]
