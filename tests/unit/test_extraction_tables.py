"""Tables and lists of a statistics release written as text (issue 12): rows of flows under period
columns with a column of changes told as an index, rows of periods under flow columns, a column's
unit in its head, and list lines that name their flow under a caption that gives the period.
Texts of our own."""

from datetime import date
from typing import Any

from extraction_support import checked_bodies

PUBLISHED = date(2026, 11, 20)


def figures(text: str, language: str) -> list[tuple[Any, ...]]:
    return [
        (b["reporter"], b["partner"], b["indicator"], b["period"], b["value"], b.get("compared_period"))
        for b in checked_bodies(text, language, "trade_figure", PUBLISHED)
    ]


def test_rows_of_flows_with_a_column_of_changes_told_as_an_index() -> None:
    text = (
        "Товарооборот Кыргызстана с Узбекистаном в январе–июне 2026 г. составил 812,4 млн долларов США.\n\n"
        "Таблица 2. Торговля с Узбекистаном (млн долларов США)\n\n"
        "Показатель | январь–июнь 2026 г. | в % к январю–июню 2025 г.\n"
        "Экспорт | 301,6 | 112,4\n"
        "Импорт | 510,8 | 95,9\n"
        "Сальдо | -209,2 | х"
    )
    assert figures(text, "ru")[1:] == [
        ("KG", "UZ", "exports", "2026-01/2026-06", 301.6e6, None),
        ("KG", "UZ", "exports_growth", "2026-01/2026-06", 12.4, "2025-01/2025-06"),
        ("KG", "UZ", "imports", "2026-01/2026-06", 510.8e6, None),
        ("KG", "UZ", "imports_growth", "2026-01/2026-06", -4.1, "2025-01/2025-06"),
    ]


def test_rows_of_periods_under_columns_of_flows() -> None:
    text = (
        "In January–June 2026, Latvia's exports of goods to Lithuania amounted to 1.62 billion euros and "
        "imports from Lithuania to 1.48 billion euros.\n\n"
        "Table 1. Trade in goods with Lithuania, 2026 (million euros)\n\n"
        "Period | Exports | Imports | Balance\n"
        "1st quarter | 790.3 | 731.5 | 58.8\n"
        "2nd quarter | 829.7 | 748.5 | 81.2\n"
        "January–June | 1,620.0 | 1,480.0 | 140.0"
    )
    assert figures(text, "en")[2:] == [
        ("LV", "LT", "exports", "2026-01/2026-03", 790.3e6, None),
        ("LV", "LT", "imports", "2026-01/2026-03", 731.5e6, None),
        ("LV", "LT", "exports", "2026-04/2026-06", 829.7e6, None),
        ("LV", "LT", "imports", "2026-04/2026-06", 748.5e6, None),
    ]


def test_a_columns_unit_in_its_head_and_changes_against_their_own_base() -> None:
    text = (
        "Trade between Kenya and Rwanda in the first nine months of 2026 came to USD 1.12 billion, 6.2 "
        "percent more than a year earlier.\n\n"
        "Table 2 (text version)\n"
        "Period | Turnover, USD million | Change\n"
        "Full year 2025 | 1,480 | +4.1% on 2024\n"
        "Jan–Sep 2026 | 1,120 | +6.2% y/y\n"
        "Q3 2026 | 402 | -2.5% q/q"
    )
    assert figures(text, "en")[2:] == [
        ("KE", "RW", "trade_turnover", "2025", 1.48e9, None),
        ("KE", "RW", "trade_turnover_growth", "2025", 4.1, "2024"),
        ("KE", "RW", "trade_turnover", "2026-07/2026-09", 402e6, None),
        ("KE", "RW", "trade_turnover_growth", "2026-07/2026-09", -2.5, "2026-04/2026-06"),
    ]


def test_list_lines_that_name_their_flow_take_the_captions_period() -> None:
    text = (
        "Товарооборот Узбекистана с Латвией в январе–июне 2026 года составил 148,3 млн долларов США.\n\n"
        "Основные показатели за январь–июнь 2026 года (млн долларов США; изменение к соответствующему "
        "периоду предыдущего года):\n"
        "экспорт в Латвию — 96,1 (+12,5%);\n"
        "импорт из Латвии — 52,2 (-3,8%)."
    )
    assert figures(text, "ru")[1:] == [
        ("UZ", "LV", "exports", "2026-01/2026-06", 96.1e6, None),
        ("UZ", "LV", "exports_growth", "2026-01/2026-06", 12.5, "2025-01/2025-06"),
        ("UZ", "LV", "imports", "2026-01/2026-06", 52.2e6, None),
        ("UZ", "LV", "imports_growth", "2026-01/2026-06", -3.8, "2025-01/2025-06"),
    ]
