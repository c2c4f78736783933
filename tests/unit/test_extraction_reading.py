"""The extractor's building blocks on sentences of our own: amounts and units, periods and dates,
countries in any case."""

from datetime import date

import pytest

from app.extraction.amounts import find_amounts, parse_number
from app.extraction.countries import CountryFinder
from app.extraction.text import read, tokenize
from app.extraction.when import find_dates, find_periods

PUBLISHED = date(2025, 10, 15)


@pytest.mark.parametrize(
    ("text", "language", "value", "upper", "unit"),
    [
        ("составил 1,7 млн тонн", "ru", 1_700_000, None, "tonnes"),
        ("достиг 568 млн долларов", "ru", 568_000_000, None, "USD"),
        ("reached $1.2 billion", "en", 1_200_000_000, None, "USD"),
        ("составит 2 млрд долларов США", "ru", 2_000_000_000, None, "USD"),
        ("перевалено 530,5 тыс. тонн", "ru", 530_500, None, "tonnes"),
        ("worth USD 400 million", "en", 400_000_000, None, "USD"),
        ("a deal of €300 mln", "en", 300_000_000, None, "EUR"),
        ("на 15 млрд рублей", "ru", 15_000_000_000, None, "RUB"),
        ("12 млрд тенге", "ru", 12_000_000_000, None, "KZT"),
        ("40 млн манатов", "ru", 40_000_000, None, "AZN"),
        ("3 млрд юаней", "ru", 3_000_000_000, None, "CNY"),
        ("до 300 тыс. баррелей в сутки", "ru", 300_000, None, "barrels_per_day"),
        ("some 1,200,000 barrels per day", "en", 1_200_000, None, "barrels_per_day"),
        ("вырос на 6–7 %", "ru", 6, 7, "percent"),
        ("up 15 percent", "en", 15, None, "percent"),
        ("на 12 процентов", "ru", 12, None, "percent"),
        ("перевезено 120 тыс. контейнеров", "ru", 120_000, None, "containers"),
        ("handled 85,000 TEU", "en", 85_000, None, "teu"),
        ("260 тыс. контейнеров в двадцатифутовом эквиваленте", "ru", 260_000, None, "teu"),
        ("дорога длиной 120 км", "ru", 120, None, "km"),
        ("10 млрд кубометров газа", "ru", 10_000_000_000, None, "cubic_metres"),
        ("2,5 млрд куб. м газа", "ru", 2_500_000_000, None, "cubic_metres"),
        ("shipped 5 bcm of gas", "en", 5_000_000_000, None, "cubic_metres"),
    ],
)
def test_amounts_with_scale_words_currencies_and_units(
    text: str, language: str, value: float, upper: float | None, unit: str
) -> None:
    (amount,) = find_amounts(text, 0, language)
    assert (amount.value, amount.value_upper, amount.unit) == (value, upper, unit)


def test_years_counts_and_percentage_points_are_not_amounts() -> None:
    assert find_amounts("в 2025 году подписали 15 документов", 0, "ru") == []
    assert find_amounts("доля выросла на 2,5 п. п.", 0, "ru") == []


def test_numbers_follow_the_language_separators() -> None:
    assert parse_number("1,7", "ru") == 1.7
    assert parse_number("1,200", "en") == 1200
    assert parse_number("1 700 000", "ru") == 1_700_000
    assert parse_number("1.5", "en") == 1.5


@pytest.mark.parametrize(
    ("text", "period", "kind"),
    [
        ("за январь–сентябрь 2025 года", "2025-01/2025-09", "months"),
        ("in January-June 2025", "2025-01/2025-06", "months"),
        ("в первые девять месяцев 2025 года", "2025-01/2025-09", "first_months"),
        ("in the first nine months of 2025", "2025-01/2025-09", "first_months"),
        ("за 9 месяцев 2025 г.", "2025-01/2025-09", "first_months"),
        ("в первом полугодии 2025 года", "2025-01/2025-06", "half"),
        ("in H1 2025", "2025-01/2025-06", "half"),
        ("in the first half of 2025", "2025-01/2025-06", "half"),
        ("в третьем квартале 2025 года", "2025-07/2025-09", "quarter"),
        ("in Q3 2025", "2025-07/2025-09", "quarter"),
        ("в 2024 году", "2024", "year"),
        ("с начала года", "2025-01/2025-10", "ytd"),
        ("since the start of the year", "2025-01/2025-10", "ytd"),
        ("в прошлом году", "2024", "last_year"),
        ("last year", "2024", "last_year"),
        ("в текущем году", "2025", "this_year"),
        ("this year", "2025", "this_year"),
        ("in November", "2024-11", "month"),
        ("в сентябре 2025 года", "2025-09", "month"),
        ("осенью текущего года", "2025-09/2025-11", "season"),
        ("next year", "2026", "next_year"),
    ],
)
def test_periods_resolve_against_the_publication_date(text: str, period: str, kind: str) -> None:
    (found,) = find_periods(text, 0, PUBLISHED.year, PUBLISHED)
    assert (found.value, found.kind) == (period, kind)


def test_relative_periods_need_a_publication_date() -> None:
    assert find_periods("в прошлом году", 0, None, None) == []
    assert find_periods("in the first nine months", 0, None, None) == []


def test_the_base_of_a_comparison_is_marked() -> None:
    periods = find_periods("за январь–сентябрь 2025 года, по сравнению с 2023 годом", 0, None, None)
    assert [(p.value, p.comparison) for p in periods] == [("2025-01/2025-09", False), ("2023", True)]


@pytest.mark.parametrize(
    ("text", "future", "value"),
    [
        ("переговоры прошли 20–21 октября 2025 года", False, "2025-10-20/2025-10-21"),
        ("визит в ноябре 2025 года", False, "2025-11"),
        ("will pay a state visit on 21–22 June", True, "2026-06-21/2026-06-22"),
        ("talks on October 20, 2025", False, "2025-10-20"),
        ("В течение года", False, "2025"),
        ("прибыл вчера", False, "2025-10-14"),
    ],
)
def test_event_dates_keep_their_precision(text: str, future: bool, value: str) -> None:
    (found,) = find_dates(text, 0, PUBLISHED.year, PUBLISHED, future=future)
    assert found.value == value


@pytest.mark.parametrize(
    ("text", "language", "codes"),
    [
        ("азербайджано-казахстанские отношения", "ru", ["AZ", "KZ"]),
        ("транспортировка казахстанской нефти через Азербайджан", "ru", ["KZ", "AZ"]),
        ("Астана поддержала, а Баку согласился", "ru", ["KZ", "AZ"]),
        ("с Турцией, Китаем и Объединёнными Арабскими Эмиратами", "ru", ["TR", "CN", "AE"]),
        ("Baku and Astana signed", "en", ["AZ", "KZ"]),
        ("Kazakh oil through Azerbaijan", "en", ["KZ", "AZ"]),
        ("Chinese, Turkish and Japanese companies", "en", ["CN", "TR", "JP"]),
        ("Kazakh-Azerbaijani talks and Sino-Russian trade", "en", ["KZ", "AZ", "CN", "RU"]),
        ("Того же дня", "ru", []),
    ],
)
def test_countries_by_name_adjective_compound_or_capital(text: str, language: str, codes: list[str]) -> None:
    found = CountryFinder(language).find(tokenize(text, 0, language))
    assert [mention.value.code for mention in found] == codes


def test_sentences_keep_their_offsets_and_headlines_are_marked() -> None:
    text = "Визит президента\n\nАСТАНА, 15 мая. Президент прибыл в Астану. Переговоры прошли успешно."
    document = read(text, "ru")
    assert [text[s.start : s.end] for s in document.sentences][1:] == [
        "АСТАНА, 15 мая.",
        "Президент прибыл в Астану.",
        "Переговоры прошли успешно.",
    ]
    assert [s.headline for s in document.sentences] == [True, False, False, False]
