"""The rules of a trade figure, in one place: the API, the seed and the importer all call these."""

import functools
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from app.common.dates import PeriodKind, month_end, period_kind
from app.models import Bound, FigureStatus, Unit

MAX_ID_LENGTH = 120
# Units of quantity: a figure in one of these names its unit in its id, as the same flow is often
# stated both in money and in a quantity (`…-exports-2709-2024` and `…-exports-2709-2024-tonnes`).
QUANTITY_UNITS = frozenset(
    {
        Unit.tonnes,
        Unit.items,
        Unit.pairs,
        Unit.dozens,
        Unit.thousand_items,
        Unit.packages,
        Unit.litres,
        Unit.metres,
        Unit.square_metres,
        Unit.cubic_metres,
        Unit.carats,
        Unit.thousand_kwh,
    }
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def figure_id(values: Mapping[str, Any]) -> str:
    """A readable id made from the natural key: `az-kz-exports-2709-2024-forecast`.

    The commodity is left out when it is TOTAL, the status when it is `reported`, the unit unless it
    is a quantity (QUANTITY_UNITS; a figure without a unit is taken as money): so the seed's
    `az-kz-trade-turnover-2024` is what this gives for its key. A writer that finds the id taken
    adds `-2`, `-3`… (app.curation.writes.new_id).
    """
    parts = [values["reporter_id"], values["partner_id"], values["indicator"]]
    if values["commodity"] != "TOTAL":
        parts.append(values["commodity"])
    parts.append(period_slug(values["period_start"], values["period_end"]))
    if values["status"] != FigureStatus.reported:
        parts.append(values["status"])
    if values.get("unit") in QUANTITY_UNITS:
        parts.append(values["unit"])
    # The slug of the parts joined by hyphens is their slugs joined, the empty ones left out: a run of
    # other characters becomes one hyphen wherever it is. So each part is slugged once per process.
    slug = "-".join(filter(None, map(_slug, map(str, parts))))
    return slug[:MAX_ID_LENGTH].rstrip("-")


@functools.lru_cache(maxsize=65536)  # an import repeats countries, indicators, commodities, periods
def _slug(part: str) -> str:
    return _NOT_SLUG.sub("-", part.lower()).strip("-")


@functools.lru_cache(maxsize=4096)  # an import repeats a few periods over and over
def period_slug(start: date, end: date) -> str:
    """`2024`, `2024-h1`, `2024-q3`, `2024-03`, `2025-01-to-09`, or the days when not whole months."""
    kind = period_kind(start, end)
    if kind is PeriodKind.year:
        return str(start.year)
    if kind is PeriodKind.half_year:
        return f"{start.year}-h{1 if start.month == 1 else 2}"
    if kind is PeriodKind.quarter:
        return f"{start.year}-q{(start.month - 1) // 3 + 1}"
    if kind is PeriodKind.month:
        return f"{start:%Y-%m}"
    whole_months = start.day == 1 and end == month_end(end.year, end.month)
    if whole_months and start.year == end.year:
        return f"{start:%Y-%m}-to-{end:%m}"
    if whole_months:
        return f"{start:%Y-%m}-to-{end:%Y-%m}"
    return start.isoformat() if start == end else f"{start.isoformat()}-to-{end.isoformat()}"


def bound_problem(bound: Bound, value: float, upper: float | None) -> str | None:
    """What is wrong with `value_upper` for this bound, if anything."""
    if bound is Bound.range and upper is None:
        return "a range needs its upper end in value_upper"
    if bound in (Bound.exact, Bound.approximate) and upper is not None:
        return f"must be empty when bound is {bound.value}: the value is one number"
    if upper is not None and upper <= value:
        return f"must be greater than value ({value:g})"
    return None


PARTNER_IS_REPORTER = "the partner is the reporter; a figure is between two countries"
