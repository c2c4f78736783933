"""Amounts in any currency, from sentences of our own: names in any case, signs, codes, and the signs
and words that are no currency."""

import subprocess
import sys
from datetime import date

import pytest

from app.explorer.words import value_label
from app.extraction import extract
from app.extraction.amounts import find_amounts
from app.extraction.currencies import currency_of


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("товарооборот составил 1,2 трлн иен", "ru", 1.2e12, "JPY"),
        ("экспорт достиг 45 млрд рупий", "ru", 45e9, "INR"),
        ("импорт превысил 2 млрд турецких лир", "ru", 2e9, "TRY"),
        ("сделка в 15 млрд японских иенах", "ru", 15e9, "JPY"),
        ("поставки на 500 миллионов фунтов стерлингов", "ru", 500e6, "GBP"),
        ("оборот вырос до 3 трлн южнокорейских вон", "ru", 3e12, "KRW"),
        ("exports reached ₹3,500 crore", "en", 3.5e10, "INR"),
        ("trade came to £1.2bn", "en", 1.2e9, "GBP"),
        ("imports of R3.4 billion", "en", 3.4e9, "ZAR"),
        ("a deal worth ¥300 billion", "en", 300e9, "JPY"),
        ("investment of ₩5 trillion", "en", 5e12, "KRW"),
        ("A$3 billion of coal", "en", 3e9, "AUD"),
        ("₦40 billion in trade", "en", 40e9, "NGN"),
        ("12 billion Indian rupees", "en", 12e9, "INR"),
        ("45 billion Pakistani rupees", "en", 45e9, "PKR"),
        ("JPY 4 billion", "en", 4e9, "JPY"),
        ("3 billion GBP", "en", 3e9, "GBP"),
        ("2.5 trillion dong", "en", 2.5e12, "VND"),
    ],
)
def test_an_amount_in_another_currency(text: str, language: str, value: float, unit: str) -> None:
    [amount] = find_amounts(text, 0, language)
    assert (round(amount.value), amount.unit) == (round(value), unit)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("in Q3 2025 the talks resumed", "en"),  # a letter sign needs a scale word
        ("all 3 documents were signed", "en"),  # ALL, the lek, only in capitals
        ("they won 3 of the tenders", "en"),
        ("C$3 billion", "en"),  # C$: the córdoba to CLDR, the Canadian dollar to newsrooms
        ("обсудили 5 крон и 7 франков", "ru"),  # a bare name of several currencies
    ],
)
def test_no_currency(text: str, language: str) -> None:
    assert find_amounts(text, 0, language) == []


def test_the_dollar_sign_alone_stays_usd() -> None:
    [amount] = find_amounts("exports reached $2 billion", 0, "en")
    assert amount.unit == "USD"


def test_a_figure_in_yen_is_proposed_with_its_countries() -> None:
    text = "Товарооборот Казахстана и Японии в 2024 году составил 1,2 трлн иен."
    [figure] = [p.body for p in extract(text, language="ru", published=date(2025, 10, 15))]
    assert (figure["unit"], figure["value"], {figure["reporter"], figure["partner"]}) == (
        "JPY",
        1.2e12,
        {"KZ", "JP"},
    )


def test_codes_signs_and_words() -> None:
    assert [currency_of(w) for w in ("TRY", "₺", "японских иен", "Brazilian reals")] == [
        "TRY",
        "TRY",
        "JPY",
        "BRL",
    ]
    assert (value_label("JPY", "ru"), value_label("JPY", "en")) == ("японских иен", "Japanese yen")


@pytest.mark.parametrize(
    ("text", "language", "kept"),
    [
        ("trade rose to AED 17.3 billion ($4.71bn), the ministry said", "en", (4.71e9, "USD")),
        ("оборот составил 5,8 млрд дирхамов (около 590 млн долларов)", "ru", (590e6, "USD")),
        ("trade was about 68 billion rand last year, which is roughly $3.8 billion", "en", (3.8e9, "USD")),
        (
            "импорт вырос до 166,2 млн долларов США (в национальной валюте — 14,5 млрд сомов)",
            "ru",
            (166.2e6, "USD"),
        ),
        ("exports reached ₹3,500 crore (€400 million)", "en", (3.5e10, "INR")),
    ],
)
def test_an_amount_restated_in_another_currency_is_one(
    text: str, language: str, kept: tuple[float, str]
) -> None:
    [amount] = find_amounts(text, 0, language)
    assert (round(amount.value), amount.unit) == (round(kept[0]), kept[1])


def test_two_amounts_in_two_currencies_stay_two() -> None:
    amounts = find_amounts("exports were 5 billion rand and imports 3 billion dollars", 0, "en")
    assert [a.unit for a in amounts] == ["ZAR", "USD"]


def test_a_sign_before_the_number_says_the_currency_not_a_noun_after_it() -> None:
    [amount] = find_amounts("trade passed the $3.4 billion mark last year", 0, "en")
    assert (amount.value, amount.unit) == (3.4e9, "USD")


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        (
            "Экспорт Казахстана в Узбекистан в 2024 году составил 300 млрд южнокорейских вон.",
            "ru",
            ("KZ", "UZ"),
        ),
        (
            "Kazakhstan exported goods worth 300 billion Japanese yen to Uzbekistan in 2024.",
            "en",
            ("KZ", "UZ"),
        ),
        ("Trade with Turkey reached 2 billion Indian rupees in 2024, Kazakhstan said.", "en", ("KZ", "TR")),
        ("Товарооборот Азербайджана и Турции в 2024 году составил 45 млрд турецких лир.", "ru", ("AZ", "TR")),
    ],
)
def test_the_adjective_of_a_currency_is_no_country_of_the_figure(
    text: str, language: str, pair: tuple[str, str]
) -> None:
    [figure] = [p.body for p in extract(text, language=language, published=date(2025, 10, 15))]
    assert (figure["reporter"], figure["partner"]) == pair


def test_the_currency_patterns_are_built_on_the_first_text_read_not_on_import() -> None:
    # Their names' forms and signs take longer to build than the rest of the extractor to import, and
    # most processes that import it read no text (the command line, each test worker's collection).
    built = "print(currencies._readings.cache_info().currsize + currencies._signs.cache_info().currsize)\n"
    code = (
        "from app.extraction import amounts, currencies\n"
        + built
        + "assert amounts.find_amounts('45 млрд рупий', 0, 'ru')[0].unit == 'INR'\n"
        + built
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout.split() == ["0", "2"]


@pytest.mark.parametrize(
    ("text", "language", "countries", "unit"),
    [
        # the sentence's countries decide: the one among them whose currency the name is
        ("Чешский импорт из Казахстана составил 12 млрд крон", "ru", [("CZ", "KZ")], "CZK"),
        ("экспорт Иордании в Казахстан достиг 80 млн динаров", "ru", [("JO", "KZ")], "JOD"),
        ("импорт ОАЭ из Армении составил 900 млн дирхамов", "ru", [("AE", "AM")], "AED"),
        ("экспорт Марокко в Сенегал составил 2 млрд дирхамов", "ru", [("MA", "SN")], "MAD"),
        ("экспорт Пакистана в Узбекистан — 90 млрд рупий", "ru", [("PK", "UZ")], "PKR"),
        ("Omani exports to Georgia reached 30 million rials", "en", [("OM", "GE")], "OMR"),
        ("Qatar's imports from Tajikistan came to 2 billion riyals", "en", [("QA", "TJ")], "QAR"),
        ("Egypt's imports from Kazakhstan reached 3 billion pounds", "en", [("EG", "KZ")], "EGP"),
        # a sentence that names none: the story's pair
        ("trade came to 5 billion pesos last year", "en", [(), ("MX", "KZ")], "MXN"),
        ("товарооборот составил 0,4 млрд франков", "ru", [(), ("CH", "KG")], "CHF"),
        # both of the sentence's have one, the story's pair decides
        ("Jordan's exports to Iraq reached 500 million dinars", "en", [("JO", "IQ"), ("IQ", "TR")], "IQD"),
        # nothing decides: the pound with a sign of its own, as with no countries
        ("Britain's imports from Egypt reached 2 billion pounds", "en", [("GB", "EG"), ("GB", "EG")], "GBP"),
    ],
)
def test_a_name_several_currencies_share_is_the_one_of_the_countries(
    text: str, language: str, countries: list[tuple[str, ...]], unit: str
) -> None:
    [amount] = find_amounts(text, 0, language, countries)
    assert amount.unit == unit


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jordan's exports to Iraq reached 500 million dinars.", "en"),
        ("Экспорт Иордании в Ирак достиг 500 млн динаров.", "ru"),
    ],
)
def test_a_shared_name_nothing_decides_is_no_amount_nor_one_in_the_unit_before(
    text: str, language: str
) -> None:
    countries = [("JO", "IQ"), ("JO", "IQ")]
    assert find_amounts(text, 0, language, countries) == []
    assert find_amounts(f"Turnover was $3 billion; {text}", 0, language, countries)[-1].unit == "USD"


@pytest.mark.parametrize(
    ("text", "language", "unit", "pair"),
    [
        (
            "По данным эмиратской статистики, товарооборот ОАЭ и Казахстана за 2025 год "
            "составил 4,2 млрд дирхамов.",
            "ru",
            "AED",
            ("AE", "KZ"),
        ),
        (
            "Kuwait's imports from Uzbekistan reached 6.5 million dinars in 2025, "
            "the Kuwaiti statistics bureau said.",
            "en",
            "KWD",
            ("KW", "UZ"),
        ),
        (
            "Министр экономики Швеции посетил Казахстан. "
            "Товарооборот двух стран в 2025 году составил 3 млрд крон.",
            "ru",
            "SEK",
            ("SE", "KZ"),
        ),
    ],
)
def test_a_figure_in_a_shared_currency_name_takes_the_story_s_currency(
    text: str, language: str, unit: str, pair: tuple[str, str]
) -> None:
    proposals = extract(text, language=language, published=date(2026, 3, 1))
    [figure] = [p.body for p in proposals if p.kind == "trade_figure"]
    assert (figure["unit"], {figure["reporter"], figure["partner"]}) == (unit, set(pair))
