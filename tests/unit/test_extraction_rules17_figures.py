"""rules-17, trade figures: mechanisms that recur across the development sets' authors, from
sentences of our own (issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

from app.extraction.amounts import find_amounts
from app.extraction.when import find_periods

PUBLISHED = date(2026, 10, 20)


def figures(text: str, language: str, published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


def rates(text: str, language: str) -> list[float]:
    return [a.value for a in find_amounts(text, 0, language) if a.unit == "percent"]


# --- a rise told by a ratio or a fraction, with no amount in its sentence ---


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Поставки сыров в Армению за восемь месяцев увеличились в 1,8 раза.", "ru", 80),
        ("Вывоз минеральных удобрений в Монголию вырос примерно на одну пятую.", "ru", 20),
        ("Shipments of glassware to Serbia grew by roughly a quarter.", "en", 25),
        ("Its deliveries of tiles to Moldova were 2.5 times as large as a year before.", "en", 150),
        ("Закупки венгерских насосов выросли в три с половиной раза.", "ru", 250),
    ],
)
def test_a_rise_told_by_a_ratio_alone_is_a_rate(text: str, language: str, value: float) -> None:
    assert rates(text, language) == [pytest.approx(value)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("После запуска линии обмен грузами может вырасти втрое.", "ru"),  # may happen: no rate
        ("Поставки зерна в Монголию сократились почти вдвое.", "ru"),  # a fall by a multiple, no value
        ("Fruit exports to Serbia rose by about a fifth, the ministry said without giving a figure.", "en"),
        ("Pottery accounts for a quarter of the list.", "en"),  # a share
    ],
)
def test_a_ratio_alone_is_no_rate_unless_a_rise_happened(text: str, language: str) -> None:
    assert rates(text, language) == []


def test_more_forms_of_a_fraction_beside_an_amount() -> None:
    assert rates("торговля достигла 90 млн долларов, прибавив почти треть к прошлому году", "ru") == [
        pytest.approx(100 / 3)
    ]
    assert rates("Sales of tin to Peru jumped by more than a fifth to $40 million.", "en") == [20]
    assert rates("оборот составил 70 млн долларов, почти в полтора раза больше, чем годом ранее", "ru") == [
        50
    ]


def test_a_rise_by_a_ratio_alone_takes_the_paragraph_s_flow_period_and_pair() -> None:
    found = figures(
        "Экспорт Грузии в Армению за январь–сентябрь 2026 года составил 310 млн долларов. "
        "Экспорт вина из Грузии в Армению за этот период увеличился в 1,5 раза.",
        "ru",
    )
    growth = [b for b in found if b["indicator"] == "exports_growth"]
    assert [(b["reporter"], b["partner"], b["period"], b["value"]) for b in growth] == [
        ("GE", "AM", "2026-01/2026-09", 50)
    ]


# --- bases of comparison told by "the same months" ---


@pytest.mark.parametrize(
    "text",
    [
        "вырос на 12% к тем же месяцам 2025-го",
        "прибавил 7% к показателю аналогичных месяцев прошлого года",
        "на 4% больше соответствующего квартала прошлого года",
    ],
)
def test_the_same_months_of_an_earlier_year_are_a_base(text: str) -> None:
    assert [p.comparison for p in find_periods(text, 0, 2026, PUBLISHED)] == [True]


# --- a value to reach by a year still to come ---


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        ("Georgia and Armenia agreed to work towards annual trade of $800 million by 2029.", "en", "target"),
        ("Georgia and Armenia want trade to grow to $800 million by the end of 2029.", "en", "target"),
        ("Грузия и Армения предложили к 2029 году вывести товарооборот на 900 млн долларов.", "ru", "target"),
        ("Trade between Georgia and Armenia is expected to reach $800 million by 2029.", "en", "forecast"),
        ("Trade between Georgia and Armenia could reach $800 million in 2029.", "en", "forecast"),
        ("By 2020 trade between Georgia and Armenia had reached $300 million.", "en", "reported"),
    ],
)
def test_a_value_by_a_year_to_come_is_a_target(text: str, language: str, status: str) -> None:
    [body] = figures(text, language)
    assert body["status"] == status


# --- a third country's flow whose reporter the sentence leaves out ---


def test_a_third_country_s_flow_is_the_reporting_side_s() -> None:
    text = (
        "Hungary stays Serbia's second market.\n\n"
        "Serbia's exports to Hungary reached $2.1 billion in January–June 2026, and imports from "
        "Hungary $2.9 billion.\n\n"
        "For comparison, exports to Croatia in January–June 2026 were $1.4 billion."
    )
    third = [b for b in figures(text, "en") if b["partner"] == "HR"]
    assert [(b["reporter"], b["indicator"], b["value"]) for b in third] == [("RS", "exports", 1.4e9)]


# --- millions and billions whose unit is left out ---


def test_a_unit_left_out_is_the_one_the_text_counts_in() -> None:
    found = figures(
        "— Как идёт торговля с Грузией?\n\n"
        "— В прошлом году товарооборот Армении с Грузией составил 61 млн долларов. "
        "За пять месяцев этого года мы вышли на 40 миллионов, это плюс 9 процентов к тем же месяцам 2025-го.",
        "ru",
    )
    assert [(b["indicator"], b["period"], b["value"], b["unit"]) for b in found] == [
        ("trade_turnover", "2025", 61e6, "USD"),
        ("trade_turnover", "2026-01/2026-05", 40e6, "USD"),
        ("trade_turnover_growth", "2026-01/2026-05", 9, "percent"),
    ]


def test_a_unit_left_out_in_english_and_with_a_bound() -> None:
    found = figures(
        "Armenia's exports to Georgia came to $150 million in 2025. "
        "We expect them to pass two hundred million for 2026 as a whole.",
        "en",
    )
    assert [(b["period"], b["value"], b["unit"], b["bound"]) for b in found][-1] == (
        "2026",
        200e6,
        "USD",
        "at_least",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Armenia's exports to Georgia came to $150 million in 2025. Some 3 million tourists came too.",
        "Армения продала Грузии товаров на 150 млн долларов в 2025 году. Город посетили 2 миллиона человек.",
        "Armenia's exports to Georgia came to $150 million in 2025, and those of 2025 said so: 150 million.",
    ],
)
def test_no_unit_is_given_to_a_count_or_a_repeat(text: str) -> None:
    assert len(figures(text, "ru" if "Армения" in text else "en")) == 1


def test_just_under_in_russian_is_an_upper_bound() -> None:
    [body] = figures("Экспорт Армении в Грузию в 2025 году составил чуть менее 150 млн долларов.", "ru")
    assert body["bound"] == "at_most"


# --- a goal set in other words, and amounts a little above a number ---


@pytest.mark.parametrize(
    "text",
    [
        "Армения и Грузия торгуют всё больше. Мы поставили цель выйти на 700 миллионов долларов "
        "товарооборота к 2029 году.",
        "Армения и Грузия торгуют всё больше. Задача поставлена — выйти на 7 млрд долларов "
        "товарооборота к 2029 году.",
    ],
)
def test_a_goal_set_is_no_supply(text: str) -> None:
    [body] = figures(text, "ru")
    assert (body["indicator"], body["status"]) == ("trade_turnover", "target")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("В 2025 году товарооборот Армении с Грузией составил 90 с небольшим миллионов долларов.", 90e6),
        ("В 2025 году мы с Грузией вышли на чуть больше миллиарда долларов товарооборота.", 1e9),
    ],
)
def test_a_little_more_than_a_number_is_a_lower_bound(text: str, value: float) -> None:
    [body] = figures(f"Армения и Грузия торгуют всё больше. {text}", "ru")
    assert (body["value"], body["bound"]) == (value, "at_least")
