from datetime import date

import pytest

from app.common.dates import DatePrecision, PeriodKind, parse_partial_date, period_kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025", (date(2025, 1, 1), date(2025, 12, 31), DatePrecision.year)),
        ("2025-11", (date(2025, 11, 1), date(2025, 11, 30), DatePrecision.month)),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29), DatePrecision.month)),
        ("2025-11-14", (date(2025, 11, 14), date(2025, 11, 14), DatePrecision.day)),
    ],
)
def test_partial_dates_become_intervals(text: str, expected: tuple[date, date, DatePrecision]) -> None:
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize("text", ["", "25", "2025-1", "2025-13", "2025-02-30", "2025/11", "0000", "2025-11-"])
def test_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_partial_date(text)


@pytest.mark.parametrize(
    ("start", "end", "kind"),
    [
        (date(2024, 1, 1), date(2024, 12, 31), PeriodKind.year),
        (date(2025, 1, 1), date(2025, 9, 30), PeriodKind.year_to_date),
        (date(2025, 4, 1), date(2025, 6, 30), PeriodKind.quarter),
        (date(2025, 7, 1), date(2025, 12, 31), PeriodKind.half_year),
        (date(2025, 3, 1), date(2025, 3, 31), PeriodKind.month),
        (date(2025, 2, 1), date(2025, 5, 31), PeriodKind.other),
        (date(2024, 7, 1), date(2025, 6, 30), PeriodKind.other),
        (date(2025, 1, 15), date(2025, 12, 31), PeriodKind.other),
    ],
)
def test_period_kind_tells_partial_years_from_full_ones(start: date, end: date, kind: PeriodKind) -> None:
    assert period_kind(start, end) is kind
