"""Trade figures from sentences of our own (figures, round 4): fiscal years named "last" and told by
the month they ended in, amounts whose currency is in the sentence before, and whose figure it is
when a text names a side by its data."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

from app.extraction.when import find_periods

PUBLISHED = date(2026, 12, 5)


def bodies(text: str, language: str = "en", published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


# --- a fiscal year named "last" and told by the month it ended in ---


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        # the year that ended last June is "last fiscal year" once the next one runs
        ("in the last fiscal year, which ended in June, exports", date(2026, 12, 5), "2025-07-01/2026-06-30"),
        ("in the last fiscal year, which ended in June, exports", date(2026, 3, 5), "2024-07-01/2025-06-30"),
        (
            "over the previous financial year, ending in March, exports",
            date(2026, 12, 5),
            "2025-04-01/2026-03-31",
        ),
        (
            "в прошлом финансовом году, завершившемся в марте, экспорт",
            date(2026, 12, 5),
            "2025-04-01/2026-03-31",
        ),
        # begun in a month: "last" is the one before the year now running
        ("in the last fiscal year, which began in July, exports", date(2026, 12, 5), "2025-07-01/2026-06-30"),
        # still running: "next" is the one after it
        ("in the next fiscal year, which ends in June, exports", date(2026, 12, 5), "2027-07-01/2028-06-30"),
    ],
)
def test_a_last_fiscal_year_told_by_its_end_is_the_last_one_over(
    text: str, published: date, period: str
) -> None:
    assert [p.value for p in find_periods(text, 0, published.year, published)] == [period]
