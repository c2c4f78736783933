"""Queries for trade series: the figures of one series, and figures grouped into series."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.orm import Session, selectinload

from app.common.dates import PeriodKind
from app.common.filters import read_as_of
from app.errors import InvalidParameter, param_error
from app.models import Country, FigureStatus, Indicator, TradeFigure, Unit
from app.trade.series.schemas import TradeSeriesParams

# What a point needs beyond its own columns (the series names its countries once).
POINT_LOAD = (selectinload(TradeFigure.citations),)
# Same period: reported before preliminary, estimate and forecast.
_STATUS_RANK = case(
    {status.value: rank for rank, status in enumerate(FigureStatus)}, value=TradeFigure.status
)
POINT_ORDER = (
    TradeFigure.period_start,
    TradeFigure.period_end,
    _STATUS_RANK,
    TradeFigure.id,
)


@dataclass(frozen=True)
class Series:
    reporter: Country
    partner: Country
    indicator: Indicator
    commodity: str
    unit: Unit | None
    period_kind: PeriodKind
    points: list[TradeFigure]


def require_countries(session: Session, codes: Mapping[str, str], location: str) -> dict[str, Country]:
    """The countries named by parameters (`{"reporter": "AZ", …}`), by code; a 422 naming each
    parameter whose code is no ISO 3166-1 country."""
    wanted = select(Country).where(Country.id.in_(set(codes.values())))
    found = {country.id: country for country in session.scalars(wanted)}
    errors = [
        param_error(name, f"unknown country: {code}", location)
        for name, code in codes.items()
        if code not in found
    ]
    if errors:
        raise InvalidParameter("; ".join(f"{e['name']}: {e['detail']}" for e in errors), errors)
    return found


def get_series(session: Session, params: TradeSeriesParams) -> Series:
    if params.reporter == params.partner:
        detail = f"reporter and partner are the same country ({params.reporter})"
        raise InvalidParameter(detail, [param_error("reporter", detail), param_error("partner", detail)])
    countries = require_countries(session, {"reporter": params.reporter, "partner": params.partner}, "query")
    statement = select(TradeFigure).where(
        TradeFigure.reporter_id == params.reporter,
        TradeFigure.partner_id == params.partner,
        TradeFigure.indicator == params.indicator,
        TradeFigure.commodity == params.commodity,
        TradeFigure.period_kind == params.period_kind,
    )
    if params.status:
        statement = statement.where(TradeFigure.status.in_(params.status))
    if params.unit is not None:
        statement = statement.where(TradeFigure.unit == params.unit)
    if params.as_of is not None:
        statement = read_as_of(statement, "trade_figure", TradeFigure.id, params.as_of)
    points = list(session.scalars(statement.options(*POINT_LOAD).order_by(*POINT_ORDER)))
    units = sorted({point.unit.value for point in points})
    if len(units) > 1:
        # One axis, one unit: converting currencies or tonnes is not this API's to guess.
        raise InvalidParameter.for_param(
            "unit", f"the matching figures come in several units ({', '.join(units)}); choose one with unit="
        )
    return Series(
        reporter=countries[params.reporter],
        partner=countries[params.partner],
        indicator=params.indicator,
        commodity=params.commodity,
        unit=Unit(units[0]) if units else params.unit,
        period_kind=PeriodKind(params.period_kind),
        points=points,
    )


def group_series(figures: Iterable[TradeFigure], countries: Mapping[str, Country]) -> list[Series]:
    """Figures (each with POINT_LOAD, in POINT_ORDER) as the series `get_series` would return for them:
    one per reporter, partner, indicator, commodity, unit and kind of period. `countries` holds every
    reporter and partner, by code."""
    grouped: dict[tuple[str, str, Indicator, str, Unit, PeriodKind], list[TradeFigure]] = {}
    for figure in figures:
        key = (
            figure.reporter_id,
            figure.partner_id,
            figure.indicator,
            figure.commodity,
            figure.unit,
            figure.period_kind,
        )
        grouped.setdefault(key, []).append(figure)
    indicators, units, kinds = list(Indicator), list(Unit), list(PeriodKind)
    ordered = sorted(
        grouped.items(),
        key=lambda item: (
            indicators.index(item[0][2]),
            item[0][0],
            item[0][1],
            item[0][3] != "TOTAL",
            item[0][3],
            kinds.index(item[0][5]),
            units.index(item[0][4]),
        ),
    )
    return [
        Series(countries[reporter], countries[partner], indicator, commodity, unit, kind, points)
        for (reporter, partner, indicator, commodity, unit, kind), points in ordered
    ]
