"""rules-12, trade figures: flows told by a verb of selling or buying, trade with a group "as a
whole", a base of comparison with its own value, estimates and intentions, from sentences of our
own (issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2026, 3, 15)


def figures(text: str, language: str) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", PUBLISHED)


@pytest.mark.parametrize(
    ("text", "language", "key"),
    [
        (
            "За первое полугодие 2026 года Уругвай продал в Парагвай товаров на 120 млн долларов.",
            "ru",
            ("UY", "PY", "exports", 120_000_000),
        ),
        (
            "Парагвай закупает в Уругвае молочную продукцию: за 2025 год на сумму около 45 млн долларов.",
            "ru",
            ("PY", "UY", "imports", 45_000_000),
        ),
        (
            "In 2025 Uruguay sells Paraguay about USD 120 million of dairy products a year.",
            "en",
            ("UY", "PY", "exports", 120_000_000),
        ),
        (
            "Paraguayan purchases from Uruguay were valued at USD 45 million in 2025.",
            "en",
            ("PY", "UY", "imports", 45_000_000),
        ),
    ],
)
def test_a_flow_told_by_a_verb_of_selling_or_buying(
    text: str, language: str, key: tuple[str, str, str, float]
) -> None:
    found = figures(text, language)
    assert [(b["reporter"], b["partner"], b["indicator"], b["value"]) for b in found] == [key]


def test_trade_with_a_group_as_a_whole_is_no_figure_of_the_pair() -> None:
    text = (
        "Uruguay's trade with Paraguay reached USD 900 million in 2025. "
        "Its trade with Mercosur as a whole rose 4 percent in 2025."
    )
    found = figures(text, "en")
    assert [(b["indicator"], b["value"]) for b in found] == [("trade_turnover", 900_000_000)]


def test_a_year_as_a_whole_is_a_period_not_a_group() -> None:
    found = figures("Trade between Uruguay and Paraguay will top USD 1 billion for 2026 as a whole.", "en")
    assert [(b["indicator"], b["period"], b["status"]) for b in found] == [
        ("trade_turnover", "2026", "forecast")
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "В III квартале 2025 года товарооборот Уругвая и Парагвая составил 190 млн долларов, "
            "что на 8 % больше, чем во II квартале (176 млн долларов).",
            "ru",
            [
                ("trade_turnover", "2025-07/2025-09", 190_000_000),
                ("trade_turnover_growth", "2025-07/2025-09", 8),
                ("trade_turnover", "2025-04/2025-06", 176_000_000),
            ],
        ),
        (
            "Товарооборот Уругвая и Парагвая за январь–сентябрь 2025 года составил 68 млн долларов, "
            "что на 13 % больше, чем за январь–сентябрь 2024 года, когда он равнялся 60 млн долларов.",
            "ru",
            [
                ("trade_turnover", "2025-01/2025-09", 68_000_000),
                ("trade_turnover_growth", "2025-01/2025-09", 13),
                ("trade_turnover", "2024-01/2024-09", 60_000_000),
            ],
        ),
        (
            "In January to September 2025, trade between Uruguay and Paraguay reached USD 720 million, "
            "up 10 percent on the same nine months of 2024.",
            "en",
            [
                ("trade_turnover", "2025-01/2025-09", 720_000_000),
                ("trade_turnover_growth", "2025-01/2025-09", 10),
            ],
        ),
        (
            "Товарооборот Уругвая и Парагвая в январе–октябре 2025 года составил 87 млн долларов, "
            "что на 20 % больше, чем за те же месяцы прошлого года.",
            "ru",
            [
                ("trade_turnover", "2025-01/2025-10", 87_000_000),
                ("trade_turnover_growth", "2025-01/2025-10", 20),
            ],
        ),
    ],
)
def test_a_base_of_comparison_dates_its_own_value_not_the_rate(
    text: str, language: str, expected: list[tuple[str, str, float]]
) -> None:
    found = figures(text, language)
    assert [(b["indicator"], b["period"], b["value"]) for b in found] == expected


def test_an_estimate_and_an_intention() -> None:
    (body,) = figures(
        "Импорт Уругвая из Парагвая за январь–февраль 2026 года оценивается в 44 млн долларов.", "ru"
    )
    assert body["status"] == "estimate"
    (body,) = figures(
        "Uruguay confirmed its intention to supply up to 1.5 million tonnes of wheat to Paraguay in 2027.",
        "en",
    )
    assert (body["indicator"], body["status"], body["bound"]) == ("exports", "forecast", "at_most")


def test_for_the_same_months_goes_on_with_the_period_told() -> None:
    text = (
        "Trade between Uruguay and Paraguay reached USD 1.2 billion in January–July 2025. "
        "Paraguay's statistics office puts it at USD 1.3 billion for the same seven months."
    )
    assert [b["period"] for b in figures(text, "en")] == ["2025-01/2025-07", "2025-01/2025-07"]
