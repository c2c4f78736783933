"""Queries for trade series: the figures of one series, and figures grouped into series."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, case, literal_column, select, true
from sqlalchemy.orm import Session, selectinload

from app import datastate
from app.common.dates import PeriodKind
from app.common.filters import read_as_of
from app.common.language import Language
from app.common.rows import raw_column
from app.db import DriverStatement
from app.errors import InvalidParameter, param_error
from app.models import Citation, Country, FigureStatus, Indicator, TradeFigure, Unit
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


def _require_two_countries(params: TradeSeriesParams) -> None:
    if params.reporter == params.partner:
        detail = f"reporter and partner are the same country ({params.reporter})"
        raise InvalidParameter(detail, [param_error("reporter", detail), param_error("partner", detail)])


def _require_one_unit(units: list[str]) -> None:
    if len(units) > 1:
        # One axis, one unit: converting currencies or tonnes is not this API's to guess.
        raise InvalidParameter.for_param(
            "unit", f"the matching figures come in several units ({', '.join(units)}); choose one with unit="
        )


def get_series(session: Session, params: TradeSeriesParams) -> Series:
    _require_two_countries(params)
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
    _require_one_unit(units)
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


# --- the series as JSON, read as rows (no ORM objects, no validation) ---

CITATION_KEYS = ("source_id", "quote", "paragraph", "char_start", "char_end", "line")
_CITATION_COLUMNS = [getattr(Citation, key) for key in CITATION_KEYS]
# Where a point's row has the two countries' names: after the point's 12 columns, the citation's id
# and its columns.
_NAMES = 13 + len(CITATION_KEYS)


def series_point(
    figure_id: str,
    start: Any,
    end: Any,
    kind: str,
    value: float,
    upper: float | None,
    unit: str,
    bound: str,
    status: str,
    compared_start: Any,
    compared_end: Any,
    note: str | None,
) -> dict[str, Any]:
    """A figure as the JSON of a SeriesPoint (its citations to be added), from its columns as the
    driver returns them (dates as ISO text on SQLite, `date`s on PostgreSQL; enums as their values)."""
    return {
        "id": figure_id,
        "period_start": start,
        "period_end": end,
        "period_kind": kind,
        "value": value,
        "value_upper": upper,
        "unit": unit,
        "bound": bound,
        "status": status,
        "compared_period_start": compared_start,
        "compared_period_end": compared_end,
        "note": note,
        "citations": [],
    }


def _name(lang: Language, code: str) -> Any:
    """A country's name in `lang`, read once by a statement whatever its number of rows."""
    return select(getattr(Country, f"name_{lang}")).where(Country.id == bindparam(code)).scalar_subquery()


@cache
def _points(lang: Language, by_status: bool, by_unit: bool, with_version: bool) -> DriverStatement:
    """The figures of one series, each row with one of its citations (or none), in POINT_ORDER and each
    figure's citations in their relationship's order (char_start, then id); then the reporter's and
    the partner's names, and with `with_version` the data version's number (`datastate.confirm`).
    The points are joined to one row of their own, so that a series without points still answers one
    row, of names (and number) alone: a series is one statement."""
    figure = TradeFigure
    conditions = [
        figure.reporter_id == bindparam("reporter"),
        figure.partner_id == bindparam("partner"),
        figure.indicator == bindparam("indicator"),
        figure.commodity == bindparam("commodity"),
        figure.period_kind == bindparam("period_kind"),
    ]
    if by_status:
        conditions.append(figure.status.in_(bindparam("status", expanding=True)))
    if by_unit:
        conditions.append(figure.unit == bindparam("unit"))
    columns = [
        figure.id,
        *map(raw_column, (figure.period_start, figure.period_end, figure.period_kind)),
        figure.value,
        figure.value_upper,
        *map(raw_column, (figure.unit, figure.bound, figure.status)),
        *map(raw_column, (figure.compared_period_start, figure.compared_period_end)),
        getattr(figure, f"note_{lang}"),
        Citation.id,
        *_CITATION_COLUMNS,
        _STATUS_RANK,
    ]
    points = (
        select(*(column.label(f"c{i}") for i, column in enumerate(columns)))
        .select_from(figure.__table__.outerjoin(Citation, Citation.trade_figure_id == figure.id))
        .where(and_(*conditions))
        .subquery("points")
    )
    point, rank = list(points.c)[:-1], list(points.c)[-1]
    char_start = point[13 + CITATION_KEYS.index("char_start")]
    one_row = select(literal_column("1").label("one")).subquery("one_row")
    names = [_name(lang, "reporter"), _name(lang, "partner")]
    version = [datastate.number_column()] if with_version else []
    statement = (
        select(*point, *names, *version)
        .select_from(one_row.outerjoin(points, true()))
        .order_by(point[1], point[2], rank, point[0], char_start, point[12])
    )
    return DriverStatement(statement)


def series_json(session: Session, params: TradeSeriesParams, lang: Language) -> dict[str, Any]:
    """`get_series` as the JSON of a TradeSeries in `lang`, read as rows: what the series endpoint
    answers without `as_of` (a read as of a day goes through `get_series`, whose loader criteria keep
    that day's sources only)."""
    _require_two_countries(params)
    connection = session.connection()
    values: dict[str, Any] = {
        "reporter": params.reporter,
        "partner": params.partner,
        "indicator": params.indicator,
        "commodity": params.commodity,
        "period_kind": params.period_kind,
    }
    if params.status:
        values["status"] = list(params.status)
    if params.unit is not None:
        values["unit"] = params.unit
    with_version = datastate.assumed(session)
    statement = _points(lang, bool(params.status), params.unit is not None, with_version)
    rows = statement.rows(connection, values)
    if with_version:
        rows = datastate.confirm(session, rows)
    names = {params.reporter: rows[0][_NAMES], params.partner: rows[0][_NAMES + 1]}
    if None in names.values():
        require_countries(session, {"reporter": params.reporter, "partner": params.partner}, "query")
    points: list[dict[str, Any]] = []
    for row in rows:
        if row[0] is None:
            break  # the one row of a series without points
        if not points or points[-1]["id"] != row[0]:
            points.append(series_point(*row[:12]))
        if row[12] is not None:
            points[-1]["citations"].append(dict(zip(CITATION_KEYS, row[13:_NAMES], strict=True)))
    units = sorted({point["unit"] for point in points})
    _require_one_unit(units)
    return {
        "reporter": {"id": params.reporter, "name": names[params.reporter]},
        "partner": {"id": params.partner, "name": names[params.partner]},
        "indicator": params.indicator.value,
        "commodity": params.commodity,
        "unit": units[0] if units else None if params.unit is None else params.unit.value,
        "period_kind": params.period_kind,
        "points": points,
    }
