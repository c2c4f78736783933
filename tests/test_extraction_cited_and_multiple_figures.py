"""Figures told through another country's office, in a unit left out, or as a multiple of an
earlier level (the kinds holdout-28's misses showed; see
docs/benchmarks/2026-12-05-extraction-holdout28-misses.md). Sentences of our own."""

from datetime import date
from typing import Any

from tests.unit.extraction_support import checked_bodies


def figures(text: str, language: str) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", date(2026, 11, 20))


def test_a_flow_cited_from_the_other_sides_described_office_is_that_sides() -> None:
    text = (
        "Statistics Agency of Kazakhstan (invented)\n\n"
        "Kazakhstan's trade with Georgia in 2025 came to USD 310 million.\n\n"
        "Exports to Georgia reached USD 180 million.\n\n"
        "According to Georgia's national statistics office, Georgian exports to Kazakhstan in "
        "January-June 2026 came to USD 44 million."
    )
    cited = [b for b in figures(text, "en") if b["value"] == 44_000_000]
    assert [(b["reporter"], b["partner"], b["indicator"]) for b in cited] == [("GE", "KZ", "exports")]


def test_an_office_told_as_the_subject_stays_a_side() -> None:
    text = (
        "Trade between Kazakhstan and Georgia grew last year. Georgia's statistical office, which "
        "counts re-exported cars, puts the figure at USD 310 million for 2025."
    )
    told = [b for b in figures(text, "en") if b["value"] == 310_000_000]
    assert [{b["reporter"], b["partner"]} for b in told] == [{"GE", "KZ"}]


def test_a_bare_million_after_a_tonnage_sentence_counts_the_money_told_before() -> None:
    text = (
        "Q: How much do Kazakhstan and Georgia trade?\n\n"
        "A: This year so far it was 95 million dollars. Georgia buys mostly our wheat: wheat alone "
        "came to about 60,000 tonnes. Imports from Georgia, mainly wine and mineral water, were "
        "23 million."
    )
    imports = [b for b in figures(text, "en") if b["value"] == 23_000_000]
    assert [b["unit"] for b in imports] == ["USD"]


def test_a_bare_million_after_a_tonnage_in_the_same_sentence_keeps_the_tonnage() -> None:
    text = (
        "Kazakh wheat exports to Georgia reached 1.2 million tonnes in 2025, and flour exports 0.3 million."
    )
    assert {b["unit"] for b in figures(text, "en") if b["value"] == 300_000} == {"tonnes"}


def test_twice_as_much_as_a_year_earlier_is_a_doubling() -> None:
    text = (
        "Trade between Kazakhstan and Georgia grew. In 2025 Kazakh exports of copper to Georgia were "
        "worth USD 8.2 million, almost twice as much as a year earlier."
    )
    rates = [b for b in figures(text, "en") if b["unit"] == "percent"]
    assert [(b["indicator"], b["value"], b["bound"], b["compared_period"]) for b in rates] == [
        ("exports_growth", 100, "approximate", "2024")
    ]


def test_three_times_as_much_as_an_earlier_year_is_its_growth() -> None:
    text = (
        "Trade between Kazakhstan and Georgia grew. In 2025 Kazakh exports to Georgia were USD 30 "
        "million, three times as much as in 2024."
    )
    rates = [b for b in figures(text, "en") if b["unit"] == "percent"]
    assert [(b["indicator"], b["value"]) for b in rates] == [("exports_growth", 200)]


def test_a_percent_as_much_as_an_earlier_year_is_a_share_not_a_rate() -> None:
    text = (
        "Trade between Kazakhstan and Georgia shrank. In 2025 Kazakh exports to Georgia were USD 30 "
        "million, 40 percent as much as in 2019."
    )
    assert [b for b in figures(text, "en") if b["unit"] == "percent"] == []


def test_a_pronouns_total_before_of_which_keeps_the_flow_it_stands_for() -> None:
    text = (
        "Товарооборот Казахстана и Грузии в 2025 году составил 310 млн долларов. За первое полугодие "
        "2026 года он составил 150 млн долларов, из них экспорт казахстанской продукции — 95 млн долларов."
    )
    half = [(b["indicator"], b["value"]) for b in figures(text, "ru") if b["period"] == "2026-01/2026-06"]
    assert half == [("trade_turnover", 150_000_000), ("exports", 95_000_000)]


def test_a_releases_numbered_item_with_only_a_base_keeps_the_releases_period() -> None:
    text = (
        "Национальный комитет Республики Казахстан по статистике (вымышленный)\n\n"
        "1. Товарооборот Казахстана с Грузией за январь–август 2026 года составил 210,5 млн долл.\n\n"
        "2. Экспорт пшеницы в Грузию составил 48,2 тыс. тонн, что в 1,3 раза больше, чем за "
        "январь–август прошлого года."
    )
    wheat = [
        (b["indicator"], b["period"], b["value"]) for b in figures(text, "ru") if b["commodity"] == "wheat"
    ]
    assert wheat == [
        ("exports", "2026-01/2026-08", 48_200),
        ("exports_growth", "2026-01/2026-08", 30.0),
    ]
