"""Amounts and qualifiers from sentences of our own: numbers in two parts and in words, ranges,
"долл. США", and the wordings that bound a value."""

from datetime import date
from typing import Any

import pytest
from extraction_support import check_all, of_kind

from app.extraction import extract
from app.extraction.amounts import find_amounts

PUBLISHED = date(2025, 10, 15)


def figure(text: str, language: str) -> dict[str, Any]:
    proposals = extract(text, language=language, published=PUBLISHED)
    check_all(text, proposals)
    found = [p.body for p in of_kind(proposals, "trade_figure")]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("оборот составил 9 млрд 860 млн долларов", "ru", 9_860_000_000),
        ("экспорт достиг 1 млрд 320 млн долл. США", "ru", 1_320_000_000),
        ("поставки составили 2 млн 450 тыс. тонн", "ru", 2_450_000),
        ("trade reached $1 billion 200 million", "en", 1_200_000_000),
        ("экспорт составил полтора миллиарда долларов", "ru", 1_500_000_000),
        ("оборот не превысил двух миллиардов долларов", "ru", 2_000_000_000),
        ("импорт составил около трёх миллионов тонн", "ru", 3_000_000),
        ("оборот составил четыреста миллионов долларов", "ru", 400_000_000),
        ("trade came to two billion dollars", "en", 2_000_000_000),
        ("turnover was just shy of four hundred million dollars", "en", 400_000_000),
        ("shipments topped one and a half million tonnes", "en", 1_500_000),
    ],
)
def test_numbers_in_two_parts_and_in_words(text: str, language: str, value: float) -> None:
    amounts = find_amounts(text, 0, language)
    assert [round(a.value) for a in amounts] == [value]


def test_a_number_word_without_a_scale_is_not_an_amount() -> None:
    assert find_amounts("two documents were signed and three more are ready", 0, "en") == []
    assert find_amounts("подписано два документа", 0, "ru") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("the forecast is between $3 billion and $3.5 billion", "en"),
        ("оборот может составить от 3 млрд до 3,5 млрд долларов", "ru"),
        ("оборот может составить от 3 до 3,5 млрд долларов", "ru"),
    ],
)
def test_a_range_stated_with_a_scale_on_both_ends(text: str, language: str) -> None:
    [amount] = find_amounts(text, 0, language)
    assert (amount.value, amount.value_upper, amount.unit) == (3e9, 3.5e9, "USD")


def test_usd_written_as_dollars_of_the_usa_is_a_currency_not_a_country() -> None:
    proposals = extract(
        "Товарооборот Армении с Ираном за январь–июнь 2025 года составил 1 млрд 40 млн долл. США "
        "и вырос на 6 %.",
        language="ru",
        published=PUBLISHED,
    )
    bodies = [p.body for p in of_kind(proposals, "trade_figure")]
    assert {(b["reporter"], b["partner"]) for b in bodies} == {("AM", "IR")}
    assert [b["value"] for b in bodies if b["unit"] == "USD"] == [1_040_000_000]
    assert any(b["indicator"] == "trade_turnover_growth" for b in bodies)


def test_a_forecast_range_is_a_range_not_a_lower_bound() -> None:
    body = figure(
        "По прогнозу министерства, в 2026 году товарооборот Армении и Грузии может составить "
        "от 1,2 до 1,4 млрд долларов.",
        "ru",
    )
    assert (body["value"], body["value_upper"], body["bound"], body["status"]) == (
        1.2e9,
        1.4e9,
        "range",
        "forecast",
    )


@pytest.mark.parametrize(
    ("text", "language", "bound"),
    [
        ("Экспорт Армении в Грузию в 2024 году сократился до 310 млн долларов.", "ru", "exact"),
        ("Товарооборот Армении и Грузии в 2024 году составил не меньше 1,1 млрд долларов.", "ru", "at_least"),
        ("Товарооборот Армении и Грузии в 2024 году составил не менее 1,1 млрд долларов.", "ru", "at_least"),
        ("В 2024 году товарооборот Армении и Грузии перешагнул отметку в 1 млрд долларов.", "ru", "at_least"),
        ("В 2024 году товарооборот Армении и Грузии приблизился к 1,1 млрд долларов.", "ru", "approximate"),
        ("В 2024 году товарооборот Армении и Грузии едва превысил 1,1 млрд долларов.", "ru", "at_least"),
        ("В 2024 году товарооборот Армении и Грузии не превышал 1,1 млрд долларов.", "ru", "at_most"),
        ("В 2024 году товарооборот Армении с Грузией был порядка 1,1 млрд долл.", "ru", "approximate"),
        ("Trade between Armenia and Georgia came to a little over $1.1 billion in 2024.", "en", "at_least"),
        ("Trade between Armenia and Georgia was just under $1.1 billion in 2024.", "en", "at_most"),
        ("Trade between Armenia and Georgia was just shy of $1.1 billion in 2024.", "en", "at_most"),
        ("Trade between Armenia and Georgia approached $1.1 billion in 2024.", "en", "approximate"),
        ("Trade between Armenia and Georgia did not exceed $1.1 billion in 2024.", "en", "at_most"),
    ],
)
def test_qualifiers(text: str, language: str, bound: str) -> None:
    assert figure(text, language)["bound"] == bound


def test_a_fall_by_a_rate_to_a_value_states_the_value_exactly() -> None:
    text = "Экспорт Армении в Грузию в 2024 году снизился на 5 % — до 310 млн долларов."
    proposals = extract(text, language="ru", published=PUBLISHED)
    check_all(text, proposals)
    bodies = {p.body["indicator"]: p.body for p in of_kind(proposals, "trade_figure")}
    assert (bodies["exports"]["value"], bodies["exports"]["bound"]) == (310_000_000, "exact")
    assert bodies["exports_growth"]["value"] == -5


def test_a_digest_that_calls_its_data_preliminary_marks_its_figures() -> None:
    text = (
        "Товарооборот Армении и Грузии за январь–июнь 2025 года составил 610 млн долларов.\n\n"
        "В 2020 году товарооборот двух стран составлял 400 млн долларов.\n\n"
        "Данные за январь–июнь носят предварительный характер."
    )
    proposals = extract(text, language="ru", published=PUBLISHED)
    check_all(text, proposals)
    statuses = {p.body["period"]: p.body["status"] for p in of_kind(proposals, "trade_figure")}
    assert statuses == {"2025-01/2025-06": "preliminary", "2020": "reported"}


def test_preliminary_data_in_english() -> None:
    text = (
        "Georgia's exports to Armenia were $95 million in the first quarter of 2025. "
        "The figures are preliminary."
    )
    assert figure(text, "en")["status"] == "preliminary"


def test_twenty_foot_equivalent_units_spelled_out() -> None:
    amounts = find_amounts("About 40,000 twenty-foot equivalent units (TEU) crossed the border.", 0, "en")
    assert [(a.value, a.unit) for a in amounts] == [(40_000, "teu")]


def test_thousands_written_out() -> None:
    [amount] = find_amounts("свыше 60 тысяч тонн грузов", 0, "ru")
    assert (amount.value, amount.unit) == (60_000, "tonnes")
