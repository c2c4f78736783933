import math
from datetime import date

from sqlalchemy import ColumnElement, Date, Select, bindparam, func, or_, select
from sqlalchemy.orm import Session, selectinload

from app import datastate
from app.common.dates import PeriodKind, period_kind
from app.common.filters import in_window, matches_text, read_as_of, require_known
from app.common.listing import Listing, column_facet, either_column_facet, support_load, year_facet
from app.common.pagination import Sorting
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
    value_min, value_max = filters.value_range()
    statement = select(TradeFigure).where(
        *_window_terms(session, filters),
        # A figure involves its reporter and its partner.
        *(or_(TradeFigure.reporter_id == code, TradeFigure.partner_id == code) for code in filters.country),
    )
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
    if value_min is not None:
        statement = statement.where(TradeFigure.value >= value_min)
    if value_max is not None:
        statement = statement.where(TradeFigure.value <= value_max)
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
    """The conditions of the period window, if any.

    SQLite keeps no statistics of value ranges: it takes any window to hold few figures, reads them
    all in period order and sorts them, even when the window holds most of a large table and a page in
    value or id order would stop after a few entries of that order's index. When the window is
    measured to be that wide, its conditions are told to be likely true (SQLite's `likely()`), which
    is what lets the planner walk the sort's index instead."""
    window = filters.date_window()
    start, end = window
    terms = in_window(TradeFigure.period_start, TradeFigure.period_end, window, filters.date_match)
    if start is not None and filters.date_match == "overlaps":
        start = _starts_from(session, start)
        terms.append(TradeFigure.period_start >= start)
    if terms and _wide_window(session, filters, start, end):
        return [func.likely(term) for term in terms]
    return terms


def _starts_from(session: Session, start: date) -> date:
    """The earliest period_start a figure overlapping a window from `start` can have.

    `period_end >= start` alone bounds nothing in period_start order, so the index scan would begin
    at the oldest figure. But a period of any kind but `other` lies within one calendar year
    (app.common.dates.period_kind), so it overlaps the window only if it starts in start's year or
    later; the few `other` periods are looked up (an index range on period_kind)."""
    earliest = date(start.year, 1, 1)
    other = _earliest_other(session, start)
    return earliest if other is None else min(earliest, other)


def _wide_window(session: Session, filters: TradeFigureFilters, start: date | None, end: date | None) -> bool:
    """Whether a page in `filters`' order costs less read along its own index, filtered by the
    window, than the window's figures read in period order and sorted (SQLite only: PostgreSQL's
    statistics of ranges let it choose for itself)."""
    if session.get_bind().dialect.name != "sqlite" or filters.sort.removeprefix("-") == "period":
        return False
    if _narrowed_otherwise(filters):
        return False  # another filter's index may read fewer figures than either plan: left to SQLite
    indicators = tuple(sorted(filters.indicator))
    figures = _FIGURES.get(session, indicators, lambda: _counted(session, indicators, None, None, None))
    # Walking reads about page × figures ÷ window entries; reading the window, its figures: the two
    # meet where window² = page × figures. Counting stops there.
    enough = math.isqrt((filters.limit + 1) * figures) + 1
    key = (indicators, start, end, enough)
    window = _WINDOWS.get(session, key, lambda: _counted(session, indicators, start, end, enough))
    return window >= enough


def _narrowed_otherwise(filters: TradeFigureFilters) -> bool:
    """Whether a filter with an index of its own narrows the figures besides the window."""
    return bool(
        filters.country
        or filters.reporter
        or filters.partner
        or filters.commodity
        or filters.value_figure_id
        or filters.q
        or filters.as_of
        or filters.value_range() != (None, None)
    )


def _counted(
    session: Session, indicators: tuple[str, ...], start: date | None, end: date | None, limit: int | None
) -> int:
    """Figures of the indicators (any, if none) that start within [start, end], counted up to
    `limit`: an index range, read without the table."""
    figures = select(TradeFigure.id)
    if indicators:
        figures = figures.where(TradeFigure.indicator.in_(indicators))
    if start is not None:
        figures = figures.where(TradeFigure.period_start >= start)
    if end is not None:
        figures = figures.where(TradeFigure.period_start <= end)
    return session.scalar(select(func.count()).select_from(figures.limit(limit).subquery())) or 0


# Per indicators: how many figures; per indicators and window: how many start within it, up to the
# point that decides the plan (`_wide_window`). Windows recur request after request.
_FIGURES: datastate.VersionMemo[int] = datastate.VersionMemo()
_WINDOWS: datastate.VersionMemo[int] = datastate.VersionMemo()


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
