"""rules-14, from holdout-10's misses by mechanism: sentences of our own, each failing without its rule."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

from app.extraction.when import find_periods


def figures(text: str, language: str, published: date) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "Chile's sales to Peru in fiscal year 2024–25 (April–March) came to $2.3 billion.",
            "2024-04/2025-03",
        ),
        ("Trade in the 2023/24 financial year (July to June) rose.", "2023-07/2024-06"),
    ],
)
def test_the_months_that_tell_a_fiscal_year_are_no_period_of_their_own(text: str, period: str) -> None:
    assert [(p.kind, p.value) for p in find_periods(text, 0, None, date(2026, 10, 1))] == [
        ("year_pair", period)
    ]


def test_a_figure_after_a_fiscal_year_and_its_months_takes_the_fiscal_year() -> None:
    bodies = figures(
        "Bilateral trade between Chile and Peru in fiscal year 2024–25 (April–March) stood at $2.3 billion.",
        "en",
        date(2025, 9, 1),
    )
    assert [(b["indicator"], b["period"]) for b in bodies] == [("trade_turnover", "2024-04/2025-03")]


@pytest.mark.parametrize(
    "text",
    [
        "Экспорт Чили в Перу за январь–май прибавил 6%, до 1,2 млрд долларов.",
        "Экспорт Чили в Перу за январь–май подрос на 6% и поднялся до 1,2 млрд долларов.",
    ],
)
def test_a_level_reached_after_a_growth_verb_is_the_value_not_an_upper_bound(text: str) -> None:
    bodies = figures(text, "ru", date(2026, 7, 1))
    [level] = [b for b in bodies if b["indicator"] == "exports"]
    assert (level["value"], level["bound"]) == (1_200_000_000, "exact")


def test_up_to_without_a_change_is_still_an_upper_bound() -> None:
    [body] = figures(
        "Экспорт Чили в Перу за январь–май составил до 1,2 млрд долларов.", "ru", date(2026, 7, 1)
    )
    assert body["bound"] == "at_most"
