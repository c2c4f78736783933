"""Dates, periods and values as a reader of each language writes them (Babel's CLDR data)."""

import functools
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from babel.dates import format_date, format_interval
from babel.numbers import format_compact_decimal, format_decimal, get_decimal_symbol, get_group_symbol

from app.common.language import Language
from app.explorer.words import value_label

_THOUSANDTH = Decimal("0.001")
BOUND_SIGN = {"approximate": "≈ ", "at_least": "≥ ", "at_most": "≤ "}


@functools.lru_cache(maxsize=1 << 16)
def day(value: str | date | None, lang: Language) -> str:
    if value is None:
        return ""
    return format_date(_date(value), "long", locale=lang)


@functools.lru_cache(maxsize=1 << 16)
def when(start: str | date, end: str | date, precision: str, lang: Language) -> str:
    """A date as precisely as the source gives it: `2025`, `November 2025`, `14 November 2025`, or a
    span of days."""
    first, last = _date(start), _date(end)
    if precision == "year":
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if precision == "month" and (first.year, first.month) == (last.year, last.month):
        return format_date(first, "LLLL y", locale=lang)
    if first == last:
        return format_date(first, "long", locale=lang)
    skeleton = "yMMMM" if precision == "month" else "yMMMMd"
    return format_interval(first, last, skeleton, locale=lang)


@functools.lru_cache(maxsize=1 << 16)
def period(start: str | date, end: str | date, kind: str, lang: Language) -> str:
    """A trade figure's period: `2024`, `January–September 2025`, `Q1 2025`…"""
    first, last = _date(start), _date(end)
    if kind == "year" and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year)
    if first.day == 1 and _is_month_end(last):
        if (first.year, first.month) == (last.year, last.month):
            return format_date(first, "LLLL y", locale=lang)
        return format_interval(first, last, "yMMMM", locale=lang)
    return format_interval(first, last, "yMMMd", locale=lang)


def number(value: float | int | None, lang: Language) -> str:
    """As Babel's format_decimal writes it (`#,##0.###`), without parsing the pattern for each number: a
    pair's page shows thousands."""
    if value is None:
        return ""
    group, decimal = _symbols(lang)
    rounded = Decimal(str(value)).quantize(_THOUSANDTH, ROUND_HALF_EVEN)
    text = f"{rounded:,f}".rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


@functools.cache
def _symbols(lang: Language) -> tuple[str, str]:
    return get_group_symbol(locale=lang), get_decimal_symbol(locale=lang)


def short_number(value: float, lang: Language) -> str:
    """533 million, 1.7 million: what an axis or a label has room for."""
    if abs(value) < 10_000:
        return format_decimal(round(value, 2), locale=lang)
    return format_compact_decimal(value, format_type="short", fraction_digits=1, locale=lang)


def figure_value(point: dict[str, Any], lang: Language, short: bool = False) -> str:
    """A figure's value with its bound and unit: `≈ 533 million US dollars`, `≥ 6–7 %`."""
    show = short_number if short else number
    text = show(point["value"], lang)
    if point.get("value_upper") is not None:
        text = f"{text}–{show(point['value_upper'], lang)}"
    unit = point.get("unit")
    unit_text = "%" if unit == "percent" else value_label(unit, lang)
    separator = "\u00a0" if unit == "percent" else " "
    return f"{BOUND_SIGN.get(point.get('bound') or '', '')}{text}{separator}{unit_text}".strip()


def _date(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _is_month_end(value: date) -> bool:
    return (value + timedelta(days=1)).day == 1
