# ruff: noqa: E501 -- whole texts of our own, split where they read best
"""Trade figures whose pair the sentence tells in a way the rules read wrong on the development sets:
a third pair told inside an article about another one, transit named by the territory it crosses,
the country "it" and "its" stand for, an interviewee's "we" and "у нас", and fiscal years and spans
told by the month they end in (issue 12; docs/benchmarks/2026-12-05-extraction-pairs-told.md).
Every sentence is our own."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

from app.extraction.when import find_periods

PUBLISHED = date(2026, 11, 10)


def pairs(text: str, language: str = "en") -> set[tuple[str, str, str, str, float]]:
    """Each trade figure as its reporter, partner, flow, period and value."""
    bodies = checked_bodies(text, language, "trade_figure", PUBLISHED)
    return {(b["reporter"], b["partner"], b["indicator"], b["period"], b["value"]) for b in bodies}


# --- transit named by the territory it crosses, the border it heads for, or "its" territory ---

TRANSIT = [
    (
        "Armenia and Georgia discussed transit.\n\nArmenian cargo in transit over Georgian territory, much of it "
        "by rail towards the Black Sea coast and Türkiye, came to 2.3 million tonnes in 2025.",
        ("AM", "GE", "transit_volume", "2025", 2_300_000),
    ),
    (
        "Uzbekistan and Türkiye discussed transit.\n\nTurkmenistan's railway operator, whose lines run from the "
        "Afghan border to the Caspian coast, said Uzbek transit over its territory reached 1.4 million tonnes "
        "in January-June.",
        ("UZ", "TM", "transit_volume", "2026-01/2026-06", 1_400_000),
    ),
]


@pytest.mark.parametrize(("text", "expected"), TRANSIT)
def test_transit_is_carried_by_the_territory_it_crosses(text: str, expected: tuple[Any, ...]) -> None:
    assert pairs(text) == {expected}


# --- "it" and "its": the country the sentence before is about ---

IT_STANDS_FOR = [
    (
        "Colombia and Peru signed a border accord on Monday.\n\nThe scale of what Chile does with its "
        "neighbours is worth recalling. Its trade with Argentina reached about USD 6 billion last year, far "
        "above the Peruvian figure.",
        {("CL", "AR", "trade_turnover", "2025", 6_000_000_000)},
    ),
    (
        "Kazakhstan and Hungary discussed energy.\n\nHungary imported 1.1 billion cubic metres of Kazakh gas in "
        "2025, according to the grid operator. In December alone it received 0.12 billion cubic metres.",
        {
            ("HU", "KZ", "imports", "2025", 1_100_000_000),
            ("HU", "KZ", "imports", "2025-12", 120_000_000),
        },
    ),
    (
        # a flow owned by an adjective is no subject for "it" to stand for
        "Kazakhstan and Kenya discussed trade.\n\nKazakh exports to Kenya rose in 2025. It reached $50 million, "
        "the ministry said.",
        {("KZ", "KE", "exports", "2025", 50_000_000)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), IT_STANDS_FOR)
def test_it_stands_for_the_country_the_sentence_before_is_about(text: str, expected: set[Any]) -> None:
    assert pairs(text) == expected


# --- a third pair, though a union is named in what the sentence says of its partner ---

THIRD_PAIR = [
    (
        "Узбекистан и Франция обсудили торговлю.\n\nДля сравнения: товарооборот Узбекистана с Германией, главным "
        "партнёром страны в Евросоюзе, за девять месяцев 2026 года достиг 3,1 млрд долларов.",
        "ru",
    ),
    (
        "Uzbekistan and France discussed trade.\n\nBy comparison, Uzbekistan's trade with Germany, its main "
        "partner from the EU, reached $3.1 billion in January-September 2026.",
        "en",
    ),
]


@pytest.mark.parametrize(("text", "language"), THIRD_PAIR)
def test_a_union_named_in_an_aside_on_the_partner_is_no_side(text: str, language: str) -> None:
    assert pairs(text, language) == {("UZ", "DE", "trade_turnover", "2026-01/2026-09", 3_100_000_000)}


def test_trade_with_a_union_stays_no_pair() -> None:
    text = (
        "Узбекистан и Франция обсудили торговлю.\n\nТоварооборот Узбекистана со странами Евросоюза за девять "
        "месяцев 2026 года достиг 7,4 млрд долларов."
    )
    assert pairs(text, "ru") == set()


# --- an interviewee's "we": the speaker's country ---

WE_HAD = [
    (
        "Посол Казахстана в Кувейте ответил на вопросы.\n\n— Как торговля?\n\n— В 2025 году товарооборот Кувейта "
        "с Казахстаном составил 20 млн долларов.\n\n— А рейсы?\n\n— С Бахрейном у нас в прошлом году набралось "
        "около 70 млн долларов товарооборота, и рейсы помогли.",
        "ru",
    ),
    (
        "Kazakhstan's ambassador to Kuwait answered our questions.\n\nQ: How is trade?\n\nA: In 2025 Kuwait's "
        "trade with Kazakhstan came to $20 million.\n\nQ: And flights?\n\nA: With Bahrain we had about $70 "
        "million of trade last year, and flights helped.",
        "en",
    ),
]


@pytest.mark.parametrize(("text", "language"), WE_HAD)
def test_trade_we_had_with_a_third_country_is_the_speaker_s(text: str, language: str) -> None:
    assert ("KZ", "BH", "trade_turnover", "2025", 70_000_000) in pairs(text, language)


OUR_GOAL = [
    (
        "Посол Кыргызстана в Индии ответил на вопросы.\n\n— Как торговля?\n\n— В 2025 году товарооборот составил "
        "61 млн долларов.\n\n— А у соседей?\n\n— Товарооборот Узбекистана с Индией в 2025 году превысил 900 млн "
        "долларов. Наша цель скромнее: к 2030 году выйти на 200 млн долларов.",
        "ru",
    ),
    (
        "Kyrgyzstan's ambassador to India answered our questions.\n\nQ: How is trade?\n\nA: In 2025 trade came to "
        "$61 million.\n\nQ: And the neighbours?\n\nA: Uzbekistan's trade with India passed $900 million in 2025. "
        "Our goal is more modest: $200 million by 2030.",
        "en",
    ),
]


OUR_GOAL.append(
    (
        # the interviewer's line is a remark, not a question
        "Посол Кыргызстана в Индии рассказал о торговле Кыргызстана с Индией.\n\n— Как торговля?\n\n— В 2025 году "
        "товарооборот составил 61 млн долларов.\n\n— У соседей цифры крупнее.\n\n— Да. Товарооборот Узбекистана с "
        "Индией в 2025 году превысил 900 млн долларов. Наша цель скромнее: к 2030 году выйти на 200 млн долларов.",
        "ru",
    )
)


@pytest.mark.parametrize(("text", "language"), OUR_GOAL)
def test_our_goal_after_a_third_pair_is_the_text_s_pair(text: str, language: str) -> None:
    found = pairs(text, language)
    assert ("KG", "IN", "trade_turnover", "2030", 200_000_000) in found
    assert ("UZ", "IN", "trade_turnover", "2025", 900_000_000) in found


def test_transit_we_moved_is_the_speaker_s() -> None:
    # a headline's line above the lead, which names the speaker's office
    text = (
        'Baltic Freight Review (invented) - 5 November 2026\n\n"Tallinn is our window to Scandinavia"\n\n'
        "Kyrgyzstan's deputy minister of transport visited Estonia this week. We asked him about the route.\n\n"
        "- How much Kyrgyz cargo goes through Estonian ports?\n\n- More each year. In the first nine months of "
        "this year we moved 150,000 tonnes through the port of Tallinn. For the full year we expect about "
        "200,000 tonnes."
    )
    assert pairs(text) == {
        ("KG", "EE", "transit_volume", "2026-01/2026-09", 150_000),
        ("KG", "EE", "transit_volume", "2026", 200_000),
    }


# --- fiscal years and spans told by the month or day they end in ---

PERIODS = [
    ("exports of $95 million in the Iranian year that ended on 20 March 2025", "2024-03-21/2025-03-20"),
    ("в финансовом году, завершившемся в марте 2026 года, экспорт", "2025-04-01/2026-03-31"),
    ("в текущем финансовом году, который заканчивается в марте, экспорт", "2026-04-01/2027-03-31"),
    ("за 12 месяцев, закончившихся в сентябре 2026 года, экспорт вырос", "2025-10/2026-09"),
    ("за двенадцать месяцев, закончившихся в июне, экспорт составил", "2025-07/2026-06"),
    ("in the twelve months ending in March 2026, exports", "2025-04/2026-03"),
    ("from 21 March to 22 October 2026, Iran bought", "2026-03-21/2026-10-22"),
    ("с 21 марта по 22 октября Иран закупил", "2026-03-21/2026-10-22"),
    ("the customs service puts 2024 exports at $77 million", "2024"),
]


@pytest.mark.parametrize(("text", "period"), PERIODS)
def test_a_span_told_by_its_end(text: str, period: str) -> None:
    assert [p.value for p in find_periods(text, 0, 2026, PUBLISHED)] == [period]


@pytest.mark.parametrize(
    "text", ["в 2024/2025 финансовом году экспорт", "in FY2024/25 exports", "in fiscal 2025-26, exports"]
)
def test_a_fiscal_year_with_no_months_told_is_no_calendar_year(text: str) -> None:
    assert find_periods(text, 0, 2026, PUBLISHED) == []


def test_a_fiscal_year_told_with_its_months_is_read() -> None:
    text = "в 2025/26 финансовом году, с апреля по март, экспорт"
    assert [p.value for p in find_periods(text, 0, 2026, PUBLISHED)] == ["2025-04/2026-03"]


def test_a_span_of_days_dates_the_figure() -> None:
    text = (
        "Туркменистан и Иран обсудили торговлю.\n\nПо данным иранской таможни, с 21 марта по 22 октября Иран "
        "закупил в Туркменистане товаров на 410 млн долларов."
    )
    assert pairs(text, "ru") == {("IR", "TM", "imports", "2026-03-21/2026-10-22", 410_000_000)}
