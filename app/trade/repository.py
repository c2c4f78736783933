from datetime import date

from sqlalchemy import ColumnElement, Date, Select, bindparam, func, select
from sqlalchemy.orm import Session, selectinload

from app import datastate
from app.common.dates import PeriodKind, period_kind
from app.common.filters import in_window, matches_text, read_as_of, require_known
from app.common.listing import Listing, column_facet, either_column_facet, support_load, year_facet
from app.common.pagination import Sorting, either
from app.common.ranges import between, likely_if_wide
from app.common.rows import RowReader
from app.curation.writes import Fields, Writable, date_columns, every, invalid, one
from app.errors import Conflict
from app.models import Bound, Country, InfrastructureProject, TradeFigure
from app.trade import rules
from app.trade.schemas import TradeFigureCreate, TradeFigureFilters, TradeFigureRead

TRADE_FIGURES = Listing(
    model=TradeFigure,
    label="trade figure",
    record_type="trade_figure",
    reader=RowReader(TradeFigure, TradeFigureRead),
    stored_lines=True,
    sorting=Sorting(
        {"period": TradeFigure.period_start, "value": TradeFigure.value, "id": TradeFigure.id}, TradeFigure.id
    ),
    load=(
        selectinload(TradeFigure.reporter),
        selectinload(TradeFigure.partner),
        selectinload(TradeFigure.projects),
        selectinload(TradeFigure.citations),
        *support_load(TradeFigure),
    ),
    facets={
        "country": either_column_facet(["reporter_id", "partner_id"], Country),
        "reporter": column_facet("reporter_id", Country),
        "partner": column_facet("partner_id", Country),
        "indicator": column_facet("indicator"),
        "commodity": column_facet("commodity"),
        "unit": column_facet("unit"),
        "status": column_facet("status"),
        "bound": column_facet("bound"),
        "period_kind": column_facet("period_kind"),
        "year": year_facet("period_start"),
    },
)


def filter_trade_figures(session: Session, filters: TradeFigureFilters) -> Select[TradeFigure]:
    require_known(session, Country.id, filters.country + filters.reporter + filters.partner, "country")
    statement = select(TradeFigure).where(*_window_terms(session, filters))
    for code in filters.country:
        # A figure involves its reporter and its partner, never one country as both (a check
        # constraint): a page is read from each side's index apart.
        statement = either(statement, TradeFigure.reporter_id == code, TradeFigure.partner_id == code)
    for column, values in (
        (TradeFigure.reporter_id, filters.reporter),
        (TradeFigure.partner_id, filters.partner),
        (TradeFigure.indicator, filters.indicator),
        (TradeFigure.commodity, filters.commodity),
        (TradeFigure.unit, filters.unit),
        (TradeFigure.status, filters.status),
        (TradeFigure.bound, filters.bound),
        (TradeFigure.period_kind, filters.period_kind),
        (TradeFigure.valuation, filters.valuation),
        (TradeFigure.aggregate_level, filters.aggregate_level),
        (TradeFigure.value_figure_id, filters.value_figure_id),
    ):
        if values:
            statement = statement.where(column.in_(values))
    statement = statement.where(*_value_terms(session, filters))
    if filters.q:
        statement = statement.where(matches_text(TradeFigure.search_text, filters.q))
    if filters.support:
        statement = statement.where(TradeFigure.support.in_(filters.support))
    if filters.as_of is not None:
        statement = read_as_of(statement, "trade_figure", TradeFigure.id, filters.as_of)
    return statement


# Built once: the earliest start of an `other` period that ends on or after :start.
_EARLIEST_OTHER = select(func.min(TradeFigure.period_start)).where(
    TradeFigure.period_kind == PeriodKind.other, TradeFigure.period_end >= bindparam("start", type_=Date)
)


def _window_terms(session: Session, filters: TradeFigureFilters) -> list[ColumnElement[bool]]:
    """The conditions of the period window, if any: told likely true when wide (app.common.ranges)."""
    window = filters.date_window()
    start, end = window
    terms = in_window(TradeFigure.period_start, TradeFigure.period_end, window, filters.date_match)
    if start is not None and filters.date_match == "overlaps":
        start = _starts_from(session, start)
        terms.append(TradeFigure.period_start >= start)
    if filters.sort.removeprefix("-") == "period" or _indexed_filters(filters) != {"period"}:
        return terms
    # Every figure the window admits starts within [start, end]. One indicator's figures by value are
    # walked along (indicator, value, id, period_start, period_end): the window is tested there.
    by_value = filters.sort.removeprefix("-") == "value" and len(filters.indicator) == 1
    return _likely_if_wide(
        session,
        filters,
        terms,
        between(TradeFigure.period_start, start, end),
        ("period", start, end),
        covering=by_value,
    )


def _value_terms(session: Session, filters: TradeFigureFilters) -> list[ColumnElement[bool]]:
    """The conditions of the value range, if any: told likely true when wide (app.common.ranges)."""
    value_min, value_max = filters.value_range()
    terms = between(TradeFigure.value, value_min, value_max)
    if filters.sort.removeprefix("-") == "value" or _indexed_filters(filters) != {"value"}:
        return terms
    return _likely_if_wide(session, filters, terms, terms, ("value", value_min, value_max))


def _likely_if_wide(
    session: Session,
    filters: TradeFigureFilters,
    terms: list[ColumnElement[bool]],
    read_range: list[ColumnElement[bool]],
    range_key: tuple[object, ...],
    covering: bool = False,
) -> list[ColumnElement[bool]]:
    # The ranges' indexes lead with the indicator ((indicator, value, id); period_start's is read
    # for each): the figures of the indicators asked for are the rows the range is part of.
    indicators = tuple(sorted(filters.indicator))
    rows = select(TradeFigure.id)
    if indicators:
        rows = rows.where(TradeFigure.indicator.in_(indicators))
    return likely_if_wide(
        session,
        terms,
        filters.limit,
        rows=rows,
        rows_key=("trade_figures", indicators),
        read_range=read_range,
        range_key=range_key,
        covering=covering,
    )


def _starts_from(session: Session, start: date) -> date:
    """The earliest period_start a figure overlapping a window from `start` can have.

    `period_end >= start` alone bounds nothing in period_start order, so the index scan would begin
    at the oldest figure. But a period of any kind but `other` lies within one calendar year
    (app.common.dates.period_kind), so it overlaps the window only if it starts in start's year or
    later; the few `other` periods are looked up (an index range on period_kind)."""
    earliest = date(start.year, 1, 1)
    other = _earliest_other(session, start)
    return earliest if other is None else min(earliest, other)


def _indexed_filters(filters: TradeFigureFilters) -> set[str]:
    """The filters given whose index narrows the figures much (not status, unit, bound or period
    kind, which many share), the indicator aside (the ranges' counts take it in). A range is told
    likely only when it is the one of them: another's index may read fewer figures than either plan,
    and SQLite weighs those itself."""
    given = {
        "period": filters.date_window() != (None, None),
        "value": filters.value_range() != (None, None),
        "country": bool(filters.country),
        "reporter": bool(filters.reporter),
        "partner": bool(filters.partner),
        "commodity": bool(filters.commodity),
        "value_figure_id": bool(filters.value_figure_id),
        "q": bool(filters.q),
        "as_of": filters.as_of is not None,
    }
    return {name for name, on in given.items() if on}


# Per window start: the earliest `other` period reaching it (any change may move it). Windows start on
# the same few days request after request, and each lookup was a round trip of its own.
_EARLIEST_OTHERS: datastate.VersionMemo[date | None] = datastate.VersionMemo()


def _earliest_other(session: Session, start: date) -> date | None:
    return _EARLIEST_OTHERS.get(
        session, start, lambda: session.connection().scalar(_EARLIEST_OTHER, {"start": start})
    )


def _figure_fields(session: Session, figure: TradeFigure, data: dict[str, object]) -> None:
    for side in ("reporter", "partner"):
        if side in data:
            setattr(figure, side, one(session, Country, data[side], side))  # type: ignore[arg-type]
    if "period" in data:
        span = date_columns(str(data["period"]), "period")
        figure.period_start, figure.period_end = span["date_start"], span["date_end"]
        figure.period_kind = period_kind(figure.period_start, figure.period_end)
    if "compared_period" in data:
        compared = data["compared_period"]
        span = date_columns(str(compared), "compared_period") if compared else {}
        figure.compared_period_start = span.get("date_start")
        figure.compared_period_end = span.get("date_end")
    if "projects" in data:
        figure.projects = every(session, InfrastructureProject, data["projects"], "projects")  # type: ignore[arg-type]
    _check_figure(session, figure)


def _check_figure(session: Session, figure: TradeFigure) -> None:
    """The model's rules, as 422s naming the field rather than a database error."""
    if figure.reporter is figure.partner:
        raise invalid("partner", rules.PARTNER_IS_REPORTER)
    problem = rules.bound_problem(Bound(figure.bound), figure.value, figure.value_upper)
    if problem is not None:
        raise invalid("value_upper", problem)
    twin = session.scalar(
        select(TradeFigure.id).where(
            TradeFigure.reporter_id == figure.reporter.id,
            TradeFigure.partner_id == figure.partner.id,
            TradeFigure.indicator == figure.indicator,
            TradeFigure.commodity == figure.commodity,
            TradeFigure.period_start == figure.period_start,
            TradeFigure.period_end == figure.period_end,
            TradeFigure.status == figure.status,
            TradeFigure.unit == figure.unit,
            TradeFigure.id != figure.id,
        )
    )
    if twin is not None:
        raise Conflict(
            f"Trade figure {twin!r} has the same reporter, partner, indicator, commodity, period, status "
            "and unit."
        )


def figure_id(data: dict[str, object]) -> str:
    """The id a new figure gets from its write data: the one rule every writer uses."""
    span = date_columns(str(data["period"]), "period")  # a 422 for a period that is no date
    return rules.figure_id(
        {
            "reporter_id": data["reporter"],
            "partner_id": data["partner"],
            "indicator": data["indicator"],
            "commodity": data.get("commodity") or "TOTAL",
            "period_start": span["date_start"],
            "period_end": span["date_end"],
            "status": data["status"],
            "unit": data["unit"],
        }
    )


def _unlink_quantities(session: Session, figure: TradeFigure) -> None:
    """A value figure deleted: its quantities name no value figure any more, each change a revision
    of the quantity (before the foreign key's ON DELETE SET NULL would make it unrecorded)."""
    for quantity in session.scalars(select(TradeFigure).where(TradeFigure.value_figure_id == figure.id)):
        quantity.value_figure_id = None


WRITABLE = Writable(
    listing=TRADE_FIGURES,
    record_type="trade_figure",
    create=TradeFigureCreate,
    fields=Fields(
        plain=(
            "indicator",
            "commodity",
            "value",
            "value_upper",
            "unit",
            "bound",
            "status",
            "note_en",
            "note_ru",
        ),
    ),
    finish=_figure_fields,
    id_from=figure_id,
    on_delete=_unlink_quantities,
)
