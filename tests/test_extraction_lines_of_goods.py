"""Lines of goods told apart from their amount (bench/extraction_commodity_wordings.py,
`LINES_OF_GOODS_2`, checks the values): the rate of a line keeps its goods, a part of the pair's
trade that falls to one side's goods is that side's exports, and one that falls to goods of neither
side is no figure. Sentences of our own."""

from datetime import date
from typing import Any

from app.extraction import extract


def figures(text: str, language: str) -> list[dict[str, Any]]:
    return [
        p.body
        for p in extract(text, language=language, published=date(2026, 11, 20))
        if p.kind == "trade_figure"
    ]


def test_the_rate_of_a_line_after_a_colon_keeps_its_goods() -> None:
    text = (
        "Copper cathode made up most of the exports: 61,000 tonnes were shipped from Zambia to Kenya in "
        "2025, 14 percent more than a year earlier."
    )
    rates = [b for b in figures(text, "en") if b["unit"] == "percent"]
    assert [(b["indicator"], b["value"], b["commodity"]) for b in rates] == [
        ("exports_growth", 14.0, "copper")
    ]


def test_the_rate_of_a_line_after_a_verb_of_its_flow_keeps_its_goods() -> None:
    text = (
        "Поставки узбекского хлопкового волокна в Латвию в 2025 году составили 3,4 тыс. тонн, "
        "отгруженных в основном по железной дороге, что на 17% больше, чем годом ранее."
    )
    rates = [b for b in figures(text, "ru") if b["unit"] == "percent"]
    assert [(b["value"], b["commodity"]) for b in rates] == [(17.0, "cotton")]


def test_a_part_of_the_pairs_trade_falling_to_one_sides_goods_is_its_exports() -> None:
    text = (
        "Товарооборот Узбекистана и Латвии в 2025 году составил 96 млн долларов, из которых около 40 млн "
        "пришлось на узбекскую хлопковую пряжу."
    )
    parts = [b for b in figures(text, "ru") if b["value"] == 40_000_000]
    assert [(b["indicator"], b["reporter"], b["partner"], b["commodity"]) for b in parts] == [
        ("exports", "UZ", "LV", "cotton_yarn")
    ]


def test_a_part_of_the_pairs_trade_falling_to_goods_of_neither_side_is_no_figure() -> None:
    text = (
        "Товарооборот Узбекистана и Латвии в 2025 году составил 96 млн долларов, из которых около 40 млн "
        "пришлось на хлопковую пряжу."
    )
    assert [b["value"] for b in figures(text, "ru")] == [96_000_000]


def test_a_line_in_a_sentence_of_no_period_takes_the_release_period_its_paragraph_names() -> None:
    text = (
        "Foreign trade with the Republic of Latvia: January-September 2026\n\n"
        "In January-September 2026, Uzbekistan's trade turnover with Latvia amounted to USD 148.3 "
        "million.\n\n"
        "Month on month, trade with Latvia picked up in September: turnover stood at USD 19.2 million.\n\n"
        "Machinery and equipment remained the largest import group, at USD 22.4 million. Imports of "
        "medicines from Latvia in January-September came to USD 6.1 million."
    )
    lines = [b for b in figures(text, "en") if b["indicator"] == "imports"]
    assert [(b["value"], b["commodity"], b["period"]) for b in lines] == [
        (22_400_000, "machinery", "2026-01/2026-09"),
        (6_100_000, "medicines", "2026-01/2026-09"),
    ]


def test_a_sentence_pointing_at_the_same_half_takes_no_other_period_of_its_paragraph() -> None:
    text = (
        "Trade between Chile and Peru reached $4.1 billion in 2025 and $2.2 billion in the first half of "
        "2026.\n\n"
        "Peruvian customs count it differently: Peru's exports to Chile came to $0.9 billion in the same "
        "half. Peru shipped 41,000 tonnes of grapes to Chile last year."
    )
    assert not [b for b in figures(text, "en") if b["value"] == 900_000_000 and b["period"] == "2025"]
