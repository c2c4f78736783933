"""Trade figures made in tests: a whole year's figure between two countries, as the seed states them."""

from datetime import date
from typing import Any

from app.common.dates import PeriodKind
from app.models import Bound, FigureStatus, Indicator, TradeFigure, Unit


def year_figure(figure_id: str, year: int, value: float, **columns: Any) -> TradeFigure:
    """AZ's exports to KZ over `year` in USD, exact and reported, unless `columns` say otherwise."""
    return TradeFigure(
        **{
            "id": figure_id,
            "reporter_id": "AZ",
            "partner_id": "KZ",
            "indicator": Indicator.exports,
            "commodity": "TOTAL",
            "period_start": date(year, 1, 1),
            "period_end": date(year, 12, 31),
            "period_kind": PeriodKind.year,
            "value": value,
            "unit": Unit.USD,
            "bound": Bound.exact,
            "status": FigureStatus.reported,
            **columns,
        }
    )
