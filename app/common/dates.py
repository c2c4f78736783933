import calendar
import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints
from typing_extensions import TypeAliasType


class DatePrecision(StrEnum):
    day = "day"
    month = "month"
    quarter = "quarter"
    year = "year"


class PeriodKind(StrEnum):
    year = "year"
    half_year = "half_year"
    quarter = "quarter"
    month = "month"
    year_to_date = "year_to_date"
    other = "other"


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# The dates `parse_partial_date` accepts, and only those, as one regular expression (no lookaround, so
# JSON Schema tools and test generators read it): a year 0001–9999, a month 01–12, a day of that month
# (29 February only in a leap year). The OpenAPI document gives it, so it is as strict as the server.
_YEAR = r"(?:\d{3}[1-9]|\d{2}[1-9]\d|\d[1-9]\d{2}|[1-9]\d{3})"
_LEAP_YEAR = r"(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = (
    r"(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|1\d|2[0-8]))?"  # any month, and days every month has
    r"|(?:0[13-9]|1[0-2])-(?:29|30)"  # every month but February
    r"|(?:0[13578]|1[02])-31"
)
PARTIAL_DATE = rf"(?:{_YEAR}(?:-(?:{_MONTH_DAY}))?|{_LEAP_YEAR}-02-29)"
PARTIAL_DATE_PATTERN = rf"^{PARTIAL_DATE}$"
# A date, or a period of two (`2025-01/2025-09`); that it does not end before it starts is checked apart.
PERIOD_PATTERN = rf"^{PARTIAL_DATE}(?:/{PARTIAL_DATE})?$"

# The server checks the shape by a pattern and the calendar by parse_partial_date, so a client reads
# "month must be 01–12", not a page of regular expression; the document gives the exact pattern.
_DATE_SHAPE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
# Named types, so that the document states each pattern once (components/schemas) and refers to it.
PartialDate = TypeAliasType(
    "PartialDate",
    Annotated[
        str,
        StringConstraints(pattern=rf"^{_DATE_SHAPE}$"),
        Field(
            description="A year, a month or a day: `2025`, `2025-11`, `2025-11-14`.",
            json_schema_extra={"pattern": PARTIAL_DATE_PATTERN},
        ),
    ],
)
Period = TypeAliasType(
    "Period",
    Annotated[
        str,
        StringConstraints(pattern=rf"^{_DATE_SHAPE}(?:/{_DATE_SHAPE})?$"),
        Field(
            description="A partial date, or two joined by `/` for a span: `2025`, `2025-01/2025-09`.",
            json_schema_extra={"pattern": PERIOD_PATTERN},
        ),
    ],
)


def parse_partial_date(text: str) -> tuple[date, date, DatePrecision]:
    """`2025` → the whole year, `2025-11` → the month, `2025-11-14` → that day.

    Raises ValueError with a readable message for anything else.
    """
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    if year < 1:
        raise ValueError("year must be 0001 or later")
    if month is None:
        return date(year, 1, 1), date(year, 12, 31), DatePrecision.year
    if not 1 <= month <= 12:
        raise ValueError("month must be 01–12")
    if day is None:
        return date(year, month, 1), month_end(year, month), DatePrecision.month
    try:
        exact = date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"not a calendar date: {exc}") from None
    return exact, exact, DatePrecision.day


def parse_period(text: str) -> tuple[date, date]:
    """`2024` → that year; `2025-01/2025-09` → 1 January to 30 September 2025; days work too."""
    first, _, last = text.partition("/")
    start = parse_partial_date(first)[0]
    end = parse_partial_date(last or first)[1]
    if end < start:
        raise ValueError(f"period {text!r} ends before it starts")
    return start, end


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_kind(start: date, end: date) -> PeriodKind:
    """Classify a statistics period so partial years are never mistaken for full ones."""
    if start.day != 1 or end != month_end(end.year, end.month) or start.year != end.year:
        return PeriodKind.other
    months = end.month - start.month + 1
    if months == 12:
        return PeriodKind.year
    if months == 6 and start.month in (1, 7):
        return PeriodKind.half_year
    if months == 3 and start.month in (1, 4, 7, 10):
        return PeriodKind.quarter
    if months == 1:
        return PeriodKind.month
    if start.month == 1:
        return PeriodKind.year_to_date
    return PeriodKind.other


def _iso_day(value: Any) -> Any:
    """Only `YYYY-MM-DD`: pydantic would also take a number of seconds since 1970 for a date."""
    if isinstance(value, str) and not ISO_DAY.match(value):
        raise ValueError("expected a day as YYYY-MM-DD")
    return value


ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A day in a query parameter: `2025-12-31` and nothing else.
Day = Annotated[date, BeforeValidator(_iso_day)]
