"""English trade figures the rules missed on the development sets, by kind of wording (issue 12;
docs/benchmarks/2026-12-05-extraction-english-figures.md). Every sentence is our own."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2026, 5, 10)
LEAD = "ASTANA, May 8 (Steppe Wire) - Kazakhstan and Hungary agreed on Tuesday to expand cooperation.\n\n"


def figures(text: str, published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, "en", "trade_figure", published)


def keys(text: str) -> set[tuple[str, str, str, float, str]]:
    return {(b["reporter"], b["partner"], b["indicator"], b["value"], b["period"]) for b in figures(text)}


def goods(text: str) -> dict[float, str]:
    return {b["value"]: b["commodity"] for b in figures(text)}


# --- a base of comparison ("a year earlier") names no period of the paragraph's own ---

BASES = [
    "Exports to Kazakhstan fell by 3.2 percent to USD 12.6 million. Wool accounted for USD 2.3 million "
    "of exports to Kazakhstan, up from USD 1.9 million a year earlier.",
    "Exports to Kazakhstan fell by 3.2 percent to USD 12.6 million, 3.2 percent less than in the same "
    "months of last year.",
]


@pytest.mark.parametrize("paragraph", BASES)
def test_a_paragraph_with_only_a_base_goes_on_with_the_period_before(paragraph: str) -> None:
    text = (
        "Mongolia's trade with Kazakhstan in the first quarter of 2026 amounted to USD 41.2 million, "
        "the statistics office said.\n\n" + paragraph
    )
    assert ("MN", "KZ", "exports", 12_600_000, "2026-01/2026-03") in keys(text)


# --- "as a whole", "overall": the whole of a pair's flow, not one country's trade with the world ---

WHOLE = [
    ("Kazakh exports to Hungary as a whole grew 6.5% in 2025, to $310 million.", ("KZ", "HU", "exports")),
    ("Last year trade as a whole came to 112 million euros.", ("KZ", "HU", "trade_turnover")),
    (
        "Overall, bilateral trade came to $1.43bn last year, 12% less than in 2024, as Hungarian "
        "buyers cut orders.",
        ("KZ", "HU", "trade_turnover"),
    ),
    ("Overall, mutual trade reached $1.43bn in 2025.", ("KZ", "HU", "trade_turnover")),
    (
        "Kazakh exports to Hungary as a whole grew 6.5% in the first half, to $310 million, the data showed.",
        ("KZ", "HU", "exports"),
    ),
]


@pytest.mark.parametrize(("sentence", "flow"), WHOLE)
def test_the_whole_of_a_pairs_flow_is_the_pairs_figure(sentence: str, flow: tuple[str, str, str]) -> None:
    told = {(b["reporter"], b["partner"], b["indicator"]) for b in figures(LEAD + sentence)}
    assert flow in told or (flow[1], flow[0], flow[2]) in told


NOT_A_PAIR = [
    "Kazakhstan's trade with the EU as a whole reached $40 billion in 2025.",
    "Overall, Kazakhstan exported 70 million tonnes of oil in 2025.",
    "Kazakhstan's total exports reached $80 billion in 2025.",
]


@pytest.mark.parametrize("sentence", NOT_A_PAIR)
def test_a_countrys_trade_with_a_group_or_the_world_is_still_no_pair_figure(sentence: str) -> None:
    assert figures(LEAD + sentence) == []


# --- goods: the earlier value of "up from", goods of a kind, goods told as the subject ---


def test_the_earlier_value_keeps_the_goods_when_the_flow_is_named_between() -> None:
    text = (
        LEAD + "Wheat accounted for USD 7.4 million of exports to Hungary in 2025, up from USD 5.9 million a "
        "year earlier."
    )
    assert goods(text) == {7_400_000: "wheat", 5_900_000: "wheat"}


def test_another_flow_between_is_still_the_total() -> None:
    text = LEAD + (
        "Kazakh wheat exports to Hungary reached USD 7.4 million in 2025, while imports from Hungary came "
        "to USD 5.9 million."
    )
    assert goods(text)[5_900_000] == "TOTAL"


GOODS_OF_A_KIND = [
    ("Exports of leather goods to Hungary amounted to USD 2.1 million in 2025.", 2_100_000, "leather_goods"),
    ("Exports of Kazakh goods to Hungary amounted to USD 210 million in 2025.", 210_000_000, "TOTAL"),
    ("Exports of other goods to Hungary amounted to USD 21 million in 2025.", 21_000_000, "TOTAL"),
]


@pytest.mark.parametrize(("sentence", "value", "commodity"), GOODS_OF_A_KIND)
def test_goods_of_a_kind_are_that_kind(sentence: str, value: float, commodity: str) -> None:
    assert goods(LEAD + sentence)[value] == commodity


SUBJECTS = [
    ("Hungarian fruit shipped to Kazakhstan reached 12,000 tonnes in 2025.", 12_000, "fruit"),
    ("Kazakh zinc ore shipped through Hungary amounted to 0.8 million tonnes in 2025.", 800_000, "zinc_ore"),
    (
        "They noted that Hungarian fruit carried by road to third markets through Kazakh territory reached "
        "46,000 tonnes in 2025.",
        46_000,
        "fruit",
    ),
    (
        "Kazakh chrome and manganese shipped out through Hungary totalled 0.4 million tonnes in 2025.",
        400_000,
        "chrome_and_manganese",
    ),
    ("Kazakh cargo carried through Hungarian ports reached 300,000 tonnes in 2025.", 300_000, "TOTAL"),
    ("Kazakh cargo volumes handled in Hungary reached 310,000 tonnes in 2025.", 310_000, "TOTAL"),
    ("Kazakh exporters sent some 2,300 containers through Hungary in 2025.", 2_300, "TOTAL"),
    ("Kazakhstan shipped 40,000 tonnes to Hungary in 2025.", 40_000, "TOTAL"),
]


@pytest.mark.parametrize(("sentence", "value", "commodity"), SUBJECTS)
def test_goods_told_as_the_subject_of_a_carrying_verb(sentence: str, value: float, commodity: str) -> None:
    assert goods(LEAD + sentence)[value] == commodity


def test_the_subject_goods_are_not_a_later_figures() -> None:
    text = LEAD + (
        "Hungarian fruit shipped to Kazakhstan reached 12,000 tonnes in 2025, while Kazakh exports to "
        "Hungary totalled $200 million."
    )
    assert goods(text) == {12_000: "fruit", 200_000_000: "TOTAL"}


# --- electricity in kWh: the model's unit is thousand kWh ---

KWH = [
    ("Kazakh electricity supplies to Hungary exceeded 1.9 billion kWh in 2025.", 1_900_000, "at_least"),
    ("Kazakhstan exported 410 GWh of electricity to Hungary in 2025.", 410_000, "exact"),
    ("Hungary imported about 250 million kilowatt-hours from Kazakhstan in 2025.", 250_000, "approximate"),
]


@pytest.mark.parametrize(("sentence", "value", "bound"), KWH)
def test_electricity_in_kwh_is_counted_in_thousand_kwh(sentence: str, value: float, bound: str) -> None:
    (body,) = figures(LEAD + sentence)
    assert (body["value"], body["unit"], body["commodity"], body["bound"]) == (
        value,
        "thousand_kwh",
        "electricity",
        bound,
    )


# --- a base told with its value ("compared with USD 167.4 million in the first quarter") ---


def periods_of(text: str) -> dict[float, str]:
    return {b["value"]: b["period"] for b in figures(text, date(2026, 8, 10))}


VALUE_BASES = [
    (
        "In the second quarter, turnover with Hungary reached USD 186.0 million, compared with USD 167.4 "
        "million in the first quarter, a rise of 11.1 per cent.",
        {186_000_000: "2026-04/2026-06", 167_400_000: "2026-01/2026-03", 11.1: "2026-04/2026-06"},
    ),
    (
        "Trade with Hungary picked up in April: turnover stood at USD 27.9 million, compared with USD 24.0 "
        "million in March, a rise of 16.3 percent.",
        {27_900_000: "2026-04", 24_000_000: "2026-03", 16.3: "2026-04"},
    ),
    (
        "Exports to Hungary rose to $310 million in 2025 from $250 million in 2024.",
        {310_000_000: "2025", 250_000_000: "2024"},
    ),
    (
        "Kazakh wheat exports to Hungary reached 1.2 million tonnes in 2025, compared with 0.9 million "
        "tonnes in 2024.",
        {1_200_000: "2025", 900_000: "2024"},
    ),
    (
        "Trade reached USD 318.6 million in 2025, a decrease of 4.3 percent compared with 2024, while in "
        "the first quarter of 2026 trade grew by 22.5 percent year on year.",
        {318_600_000: "2025", -4.3: "2025", 22.5: "2026-01/2026-03"},
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), VALUE_BASES)
def test_a_base_told_with_its_value_is_that_values_period_not_the_rates(
    sentence: str, expected: dict[float, str]
) -> None:
    assert periods_of(LEAD + sentence) == expected


# --- "the first three quarters"; the dollars of other countries by their prefix ---

QUARTERS_AND_DOLLARS = [
    (
        "Hungarian customs put trade with Kazakhstan at S$1.1 billion for the first three quarters.",
        "SGD",
        "2026-01/2026-09",
    ),
    (
        "Kazakh exports to Hungary reached A$2.3bn in the first two quarters of 2026.",
        "AUD",
        "2026-01/2026-06",
    ),
    (
        "Kazakh exports to Hungary reached NZ$310 million in the first three quarters.",
        "NZD",
        "2026-01/2026-09",
    ),
    (
        "Kazakh exports to Hungary reached US$310 million in the first three quarters.",
        "USD",
        "2026-01/2026-09",
    ),
]


@pytest.mark.parametrize(("sentence", "unit", "period"), QUARTERS_AND_DOLLARS)
def test_the_first_quarters_and_prefixed_dollars(sentence: str, unit: str, period: str) -> None:
    (body,) = figures(LEAD + sentence, date(2026, 11, 10))
    assert (body["unit"], body["period"]) == (unit, period)


# --- an earlier value dated only by "the same period last year" ---

SAME_MONTHS = [
    (
        "Trade with Hungary reached $1.2 billion in January-October, up from $0.9 billion in the same "
        "period last year.",
        {1_200_000_000: "2025-01/2025-10", 900_000_000: "2024-01/2024-10"},
    ),
    (
        "Kazakh wheat exports to Hungary reached 210,000 tonnes in the first half, compared with 180,000 "
        "tonnes in the same months of last year.",
        {210_000: "2025-01/2025-06", 180_000: "2024-01/2024-06"},
    ),
    (
        "Exports to Hungary reached $1.2 billion last year, up from $0.9 billion a year earlier.",
        {1_200_000_000: "2025", 900_000_000: "2024"},
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SAME_MONTHS)
def test_an_earlier_value_of_the_same_months_is_a_year_back(
    sentence: str, expected: dict[float, str]
) -> None:
    assert {b["value"]: b["period"] for b in figures(LEAD + sentence)} == expected
