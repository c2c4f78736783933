"""rules-20, trade figures and agreements: mechanisms that recur across the development sets'
authors, from sentences of our own (issue 12)."""

from datetime import date
from typing import Any

from extraction_support import checked_bodies

PUBLISHED = date(2026, 10, 20)


def figures(text: str, language: str, published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


def periods(text: str, language: str = "en") -> list[tuple[str, str, str, str]]:
    return [(b["reporter"], b["partner"], b["indicator"], b["period"]) for b in figures(text, language)]


# --- fiscal years told by their two calendar years ---


def test_a_year_pair_that_ended_in_a_month_is_the_twelve_months_to_it() -> None:
    text = (
        "Pakistan and Nepal. In fiscal 2024-25, which ended in June, Pakistani exports to Nepal came to "
        "$41 million."
    )
    assert periods(text) == [("PK", "NP", "exports", "2024-07/2025-06")]


def test_the_fiscal_year_that_ended_in_a_month_with_the_word_year() -> None:
    text = (
        "Egypt and Jordan. Jordanian data show trade with Egypt of USD 612 million in the fiscal year "
        "2025/26, which ended in June."
    )
    assert periods(text) == [("JO", "EG", "trade_turnover", "2025-07/2026-06")]


def test_a_year_pair_takes_the_months_the_text_gave_its_fiscal_year() -> None:
    text = (
        "Japan and Kenya. Japan's fiscal year runs from April to March. In 2024-25 Japanese exports to "
        "Kenya reached $820 million, and in 2025-26 they reached $905 million."
    )
    assert periods(text) == [
        ("JP", "KE", "exports", "2024-04/2025-03"),
        ("JP", "KE", "exports", "2025-04/2026-03"),
    ]


def test_the_same_fiscal_year_points_back_at_a_year_pair() -> None:
    text = (
        "Pakistan and Nepal. Pakistani exports to Nepal reached $41 million in fiscal 2024-25, which "
        "ended in June. Pakistan's trade with Bhutan was about $9 million in the same fiscal year."
    )
    assert periods(text) == [
        ("PK", "NP", "exports", "2024-07/2025-06"),
        ("PK", "BT", "trade_turnover", "2024-07/2025-06"),
    ]


def test_a_year_pair_with_no_months_anywhere_stays_no_period() -> None:
    # nothing in the text says which twelve months: no guess from the reporter's country
    text = "Pakistan and Nepal. Pakistani exports to Nepal came to $41 million in 2024-25."
    assert all("/" not in period for *_, period in periods(text))


def test_a_span_of_calendar_years_is_no_fiscal_year() -> None:
    text = (
        "Japan and Kenya. Japan's fiscal year runs from April to March. Japanese exports to Kenya are "
        "to reach $1 billion a year over 2027–2029."
    )
    assert [p for p in periods(text) if "/" in p[3] and p[3][5:7] == "04"] == []
