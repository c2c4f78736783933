"""Periods of figures from sentences of our own: spans opened by "from", half-years named without
an ordinal, years that end in March, and the earlier figure of a "up from … a year earlier"."""

from datetime import date
from typing import Any

import pytest
from extraction_support import check_all, of_kind

from app.extraction import extract
from app.extraction.when import find_periods


def figures(text: str, language: str, published: date) -> list[dict[str, Any]]:
    proposals = extract(text, language=language, published=published)
    check_all(text, proposals)
    return [p.body for p in of_kind(proposals, "trade_figure")]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("from January through September 2025", "2025-01/2025-09"),
        ("from March to May 2024", "2024-03/2024-05"),
        ("с января по июль 2025 года", "2025-01/2025-07"),
        ("по итогам полугодия", "2025-01/2025-06"),
        ("за полугодие 2024 года", "2024-01/2024-06"),
        ("in the Iranian year that ended March 20", "2024-03-21/2025-03-20"),
        ("in the current Iranian year, which began on March 21", "2025-03-21/2026-03-20"),
        ("in the fiscal year ended March 31, 2025", "2024-04-01/2025-03-31"),
        ("за прошлый иранский год", "2024-03-21/2025-03-20"),
    ],
)
def test_periods(text: str, period: str) -> None:
    found = find_periods(text, 0, 2025, date(2025, 6, 5))
    assert [(p.value, p.comparison) for p in found] == [(period, False)]


def test_a_span_opened_by_from_is_the_figures_period() -> None:
    [body] = figures(
        "Trade between Armenia and Georgia amounted to $356 million from January through September "
        "2025, the customs service said.",
        "en",
        date(2025, 10, 20),
    )
    assert body["period"] == "2025-01/2025-09"


def test_a_growth_rate_of_a_fiscal_year_is_compared_with_the_fiscal_year_before() -> None:
    bodies = figures(
        "Trade between Iran and Armenia totaled $410 million in the Iranian year that ended March 20, "
        "up 6% from the previous year.",
        "en",
        date(2025, 6, 5),
    )
    by_indicator = {b["indicator"]: b for b in bodies}
    assert by_indicator["trade_turnover"]["period"] == "2024-03-21/2025-03-20"
    growth = by_indicator["trade_turnover_growth"]
    assert (growth["period"], growth["compared_period"], growth["value"]) == (
        "2024-03-21/2025-03-20",
        "2023-03-21/2024-03-20",
        6,
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "About 2.1 million tonnes of Kazakh oil were shipped through Georgia in January-June, "
            "up from 1.6 million tonnes a year earlier.",
            "en",
        ),
        (
            "За январь–июнь транзит казахстанской нефти через Грузию составил около 2,1 млн тонн "
            "против 1,6 млн тонн годом ранее.",
            "ru",
        ),
    ],
)
def test_the_figure_a_change_started_from_is_the_earlier_periods(text: str, language: str) -> None:
    periods = {b["value"]: b["period"] for b in figures(text, language, date(2025, 7, 18))}
    assert periods == {2_100_000: "2025-01/2025-06", 1_600_000: "2024-01/2024-06"}
