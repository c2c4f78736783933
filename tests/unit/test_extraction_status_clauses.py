"""A figure's status told by the clause that governs it, not by a word elsewhere in the sentence:
a clause of its own after a colon, an estimate attributed to the whole clause or closing the
sentence, and works whose start is not made yet (see
docs/benchmarks/2026-12-05-extraction-status-3.md). Sentences of our own."""

from datetime import date
from typing import Any

from tests.unit.extraction_support import checked_bodies


def figures(text: str, language: str) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", date(2026, 11, 20))


def statuses(text: str, language: str) -> dict[float, str]:
    return {b["value"]: b["status"] for b in figures(text, language)}


def projects(text: str, language: str) -> dict[str, str]:
    bodies = checked_bodies(text, language, "infrastructure_project", date(2026, 11, 20))
    return {b["name_en"]: b["status"] for b in bodies}


def test_an_aim_before_a_colon_is_not_the_status_of_the_figure_told_after_it() -> None:
    text = (
        "В качестве ориентира стороны привели опыт Италии: её товарооборот с Узбекистаном за "
        "январь–июнь 2026 года превысил 400 млн долларов."
    )
    assert statuses(text, "ru") == {400_000_000: "reported"}


def test_another_estimate_announced_before_a_colon_gives_way_to_the_data_after_it() -> None:
    text = (
        "Бельгийская сторона приводит иную оценку: по её данным, за девять месяцев 2026 года "
        "товарооборот Бельгии с Азербайджаном превысил 455 млн евро."
    )
    assert statuses(text, "ru") == {455_000_000: "reported"}


def test_an_outlook_before_a_colon_is_not_a_past_figure_s() -> None:
    text = (
        "That would still leave Japan far behind Georgia: Japanese customs put trade between Japan "
        "and Georgia at around $210 million in 2025."
    )
    assert statuses(text, "en") == {210_000_000: "reported"}


def test_a_colon_with_no_verb_after_it_keeps_the_aim() -> None:
    text = "Цель: товарооборот Казахстана и Турции в 5 млрд долларов к 2030 году."
    assert statuses(text, "ru") == {5_000_000_000: "target"}


def test_an_estimate_attributed_to_the_clause_reaches_its_second_figure() -> None:
    text = (
        "По оценке торгового представительства Таджикистана, товарооборот Таджикистана и Нидерландов "
        "в январе–сентябре 2026 года вырос в 2,2 раза и приблизился к 41 млн долларов."
    )
    assert set(statuses(text, "ru").values()) == {"estimate"}


def test_an_estimate_attributed_to_the_clause_reaches_the_rate_told_after_the_level() -> None:
    text = (
        "По итогам 2025 года товарооборот России и Индии, по оценке министерства, составил порядка "
        "61 млрд долларов, уменьшившись примерно на 7%."
    )
    assert statuses(text, "ru") == {61_000_000_000: "estimate", -7: "estimate"}


def test_an_estimated_amount_does_not_make_the_base_told_after_it_an_estimate() -> None:
    text = (
        "Trade between Sri Lanka and Bangladesh reached an estimated USD 318 million in 2025, "
        "compared with USD 276 million a year before."
    )
    assert statuses(text, "en") == {318_000_000: "estimate", 276_000_000: "reported"}


def test_an_estimate_closing_the_sentence_is_whose_the_figure_is() -> None:
    english = (
        "Turkey sold Italy roughly USD 1.1 billion worth of hazelnuts in 2025, traders in Trabzon estimate."
    )
    russian = (
        "Экспорт Казахстана в Турцию в 2025 году составил около 2,1 млрд долларов, оценивают в "
        "министерстве торговли."
    )
    assert statuses(english, "en") == {1_100_000_000: "estimate"}
    assert statuses(russian, "ru") == {2_100_000_000: "estimate"}


def test_a_source_closing_the_sentence_is_no_estimate() -> None:
    text = "Exports of Kazakhstan to Turkey reached $2.1 billion in 2025, according to the statistics bureau."
    assert statuses(text, "en") == {2_100_000_000: "reported"}


def test_works_whose_start_is_not_made_yet_are_planned() -> None:
    english = (
        "Kazakhstan and Uzbekistan also discussed the Darbaza–Maktaaral railway, whose construction "
        "has yet to begin."
    )
    undated = (
        "Turkmenistan and Azerbaijan discussed the Trans-Caspian gas pipeline from Turkmenbashi to "
        "Baku, which still has no construction date."
    )
    assert set(projects(english, "en").values()) == {"planned"}
    assert set(projects(undated, "en").values()) == {"planned"}


def test_an_estimate_closing_the_sentence_after_a_later_amount_is_that_amount_s() -> None:
    text = (
        "Uzbek statistics show turnover of Uzbekistan and Czechia of $398.5 million in January-October "
        "2026, and the full year could well end above $470 million, by our own estimate."
    )
    assert statuses(text, "en") == {398_500_000: "reported", 470_000_000: "forecast"}


def test_without_a_little_is_almost() -> None:
    text = "В 2025 году товарооборот Кыргызстана и Швейцарии составил без малого 1,6 млрд долларов."
    assert [b["bound"] for b in figures(text, "ru")] == ["approximate"]
