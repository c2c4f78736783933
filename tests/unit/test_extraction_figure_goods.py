"""Trade figures of one line of goods read as the whole flow or with the flow reversed, and goods
counted one by one (unit `items`), on the development sets' misses (issue 12;
docs/benchmarks/2026-12-05-extraction-figure-goods.md). Every sentence is our own."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

from app.extraction.amounts import find_amounts

PUBLISHED = date(2026, 11, 10)
LEAD = "TASHKENT, Nov 8 (Oasis Wire) - Uzbekistan and Pakistan agreed on Tuesday to expand cooperation.\n\n"
LEAD_RU = "ТАШКЕНТ, 8 ноября. Узбекистан и Пакистан договорились расширить сотрудничество.\n\n"


def figures(text: str, language: str = "en") -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", PUBLISHED)


def keys(text: str, language: str = "en") -> set[tuple[str, str, str, str, float, str]]:
    return {
        (b["reporter"], b["partner"], b["indicator"], b.get("commodity", "TOTAL"), b["value"], b["unit"])
        for b in figures(text, language)
    }


# --- goods counted one by one: vehicles and livestock, unit `items` ---

COUNTED = [
    (
        LEAD + "Some 3,400 used cars were imported from Pakistan in January-May, 4.1 percent fewer than a "
        "year earlier.",
        "en",
        {
            ("UZ", "PK", "imports", "cars", 3_400, "items"),
            ("UZ", "PK", "imports_growth", "cars", -4.1, "percent"),
        },
    ),
    (
        LEAD + "In 2025 Uzbekistan bought about 9,000 Pakistani buses.",
        "en",
        {("UZ", "PK", "imports", "buses", 9_000, "items")},
    ),
    (
        LEAD + "Uzbekistan exported 12,500 head of cattle to Pakistan in 2025.",
        "en",
        {("UZ", "PK", "exports", "cattle", 12_500, "items")},
    ),
    (
        LEAD_RU + "Из Пакистана за девять месяцев 2026 года ввезено 2 310 грузовых автомобилей.",
        "ru",
        {("UZ", "PK", "imports", "trucks", 2_310, "items")},
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), COUNTED)
def test_goods_counted_one_by_one(text: str, language: str, expected: set[tuple[Any, ...]]) -> None:
    assert keys(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The company employs 142 engineers and 30 drivers.",
        "In 2025 cars were the largest import item.",
        "Two of its cars were damaged.",
    ],
)
def test_no_count_of_goods_where_no_goods_are_counted(text: str) -> None:
    assert [a for a in find_amounts(text, 0, "en") if a.unit == "items"] == []


def test_a_hyphenated_second_is_no_half_year() -> None:
    text = LEAD + "In 2025 Uzbekistan imported about 14,000 Pakistani buses, most of them second-hand."
    assert {b["period"] for b in figures(text)} == {"2025"}


# --- goods named by their country and taken in by the other side: the goods' country's exports ---

RECEIVED = [
    (
        LEAD + "Uzbekistan took 310,000 tonnes of Pakistani rice in 2025.",
        "en",
        ("PK", "UZ", "exports", "rice", 310_000, "tonnes"),
    ),
    (
        LEAD + "In 2025 Uzbek mills received about 95,000 tonnes of Pakistani wheat, the ministry said.",
        "en",
        ("PK", "UZ", "exports", "wheat", 95_000, "tonnes"),
    ),
    (
        LEAD_RU + "В 2025 году узбекские мельники получили около 95 тыс. тонн пакистанской пшеницы.",
        "ru",
        ("PK", "UZ", "exports", "wheat", 95_000, "tonnes"),
    ),
    (
        LEAD + "Pakistani rice exports to Uzbekistan rose by 12% in 2025. Some 42,000 tonnes of Pakistani "
        "rice reached Uzbek markets in 2025.",
        "en",
        ("PK", "UZ", "exports", "rice", 42_000, "tonnes"),
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), RECEIVED)
def test_goods_of_one_country_taken_by_the_other(text: str, language: str, expected: tuple[Any, ...]) -> None:
    assert expected in keys(text, language)


def test_the_earlier_value_of_goods_taken_is_of_the_same_flow() -> None:
    text = (
        LEAD + "Uzbekistan took 310,000 tonnes of Pakistani rice in the first half of 2026, up from "
        "250,000 tonnes a year earlier."
    )
    assert {k[:5] for k in keys(text)} == {
        ("PK", "UZ", "exports", "rice", 310_000),
        ("PK", "UZ", "exports", "rice", 250_000),
    }


def test_a_receipt_of_goods_of_no_country_stays_the_receiver_s_imports() -> None:
    text = LEAD + "Uzbekistan received 0.4 million tonnes of wheat from Pakistan in 2025."
    assert ("UZ", "PK", "imports", "wheat", 400_000, "tonnes") in keys(text)


def test_goods_of_one_side_opening_a_sentence_of_no_flow() -> None:
    text = (
        LEAD
        + "Trade between Uzbekistan and Pakistan reached $410 million in 2025. Pakistani rice alone came "
        "to around 61,000 tonnes."
    )
    assert ("PK", "UZ", "exports", "rice", 61_000, "tonnes") in keys(text)


# --- a total whose make-up the sentence tells is still the total ---

TOTALS = [
    (
        LEAD_RU + "Экспорт Пакистана в Узбекистан, основу которого составляет рис, в 2025 году превысил "
        "180 млн долларов.",
        "ru",
        ("PK", "UZ", "exports", "TOTAL", 180_000_000, "USD"),
    ),
    (
        LEAD
        + "Exports from Pakistan to Uzbekistan, the bulk of which is rice, exceeded $180 million in 2025.",
        "en",
        ("PK", "UZ", "exports", "TOTAL", 180_000_000, "USD"),
    ),
    (
        LEAD_RU + "Узбекистан закупает в Пакистане рис, апельсины, немного хлопка — за девять месяцев 2026 "
        "года на сумму около 25 млн долларов.",
        "ru",
        ("UZ", "PK", "imports", "TOTAL", 25_000_000, "USD"),
    ),
    (
        LEAD + "Pakistan's statistics bureau records exports to Uzbekistan of USD 48.5 million over the nine "
        "months of 2026, much of it rice.",
        "en",
        ("PK", "UZ", "exports", "TOTAL", 48_500_000, "USD"),
    ),
    (
        LEAD_RU + "Основу экспорта Пакистана в Узбекистан составляет рис: за девять месяцев 2026 года его "
        "было поставлено 61 тыс. тонн. В денежном выражении экспорт Пакистана в Узбекистан достиг 180 млн "
        "долларов.",
        "ru",
        ("PK", "UZ", "exports", "TOTAL", 180_000_000, "USD"),
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), TOTALS)
def test_a_total_told_with_its_make_up(text: str, language: str, expected: tuple[Any, ...]) -> None:
    assert expected in keys(text, language)
