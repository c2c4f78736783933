from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, bindparam, func, select
from sqlalchemy.orm import Session, selectinload

from app import datastate
from app.common.dates import PeriodKind, period_kind
from app.common.filters import in_window, read_as_of, require_known
from app.common.listing import Listing, column_facet, either_column_facet, support_load, year_facet
from app.common.pagination import Sorting, either
from app.common.ranges import between, derived_lower_bound, is_wide, told_likely
from app.common.rows import RowReader
from app.common.statements import Shaped, ShapedStatements, named
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


# The filter statements, one per shape (app/common/statements.py).
_FILTERED = ShapedStatements(lambda: select(TradeFigure))
# The filters that admit any of their values, each by its column.
_ANY_OF = (
    ("reporter", TradeFigure.reporter_id),
    ("partner", TradeFigure.partner_id),
    ("indicator", TradeFigure.indicator),
    ("commodity", TradeFigure.commodity),
    ("unit", TradeFigure.unit),
    ("status", TradeFigure.status),
    ("bound", TradeFigure.bound),
    ("period_kind", TradeFigure.period_kind),
    ("valuation", TradeFigure.valuation),
    ("aggregate_level", TradeFigure.aggregate_level),
    ("value_figure_id", TradeFigure.value_figure_id),
)


def filter_trade_figures(session: Session, filters: TradeFigureFilters) -> Select[TradeFigure]:
    require_known(session, Country.id, filters.country + filters.reporter + filters.partner, "country")
    shaped = _FILTERED.shaped()
    _add_window(session, filters, shaped)
    for at, code in enumerate(filters.country):
        # A figure involves its reporter and its partner, never one country as both (a check
        # constraint): a page is read from each side's index apart.
        name = f"country_{at}"

        def either_side(statement: Select[TradeFigure], name: str = name) -> Select[TradeFigure]:
            code = named(name)
            return either(statement, TradeFigure.reporter_id == code, TradeFigure.partner_id == code)

        shaped.add(("country", at), either_side, **{name: code})
    given = vars(filters)
    for name, column in _ANY_OF:
        shaped.any_of(name, column, given[name])
    _add_value_range(session, filters, shaped)
    shaped.matching(TradeFigure.search_text, filters.q)
    shaped.any_of("support", TradeFigure.support, filters.support)
    statement = shaped.statement()
    if filters.as_of is not None:
        statement = read_as_of(statement, "trade_figure", TradeFigure.id, filters.as_of)
    return statement


# Built once: the earliest start of an `other` period that ends on or after :start.
_EARLIEST_OTHER = select(func.min(TradeFigure.period_start)).where(
    TradeFigure.period_kind == PeriodKind.other, TradeFigure.period_end >= bindparam("start", type_=Date)
)


def _add_window(session: Session, filters: TradeFigureFilters, shaped: Shaped) -> None:
    """The conditions of the period window, if any: told likely true when wide (app.common.ranges)."""
    start, end = filters.date_window()
    if start is None and end is None:
        return
    match = filters.date_match
    # An overlapping window's figures start in its start's year or later (`_starts_from`).
    earliest = _starts_from(session, start) if start is not None and match == "overlaps" else None
    wide = False
    if filters.sort.removeprefix("-") != "period" and _indexed_filters(filters) == {"period"}:
        # Every figure the window admits starts within [start, end]. One indicator's figures by value
        # are walked along (indicator, value, id, period_start, period_end): the window is tested there.
        low = start if earliest is None else earliest
        by_value = filters.sort.removeprefix("-") == "value" and len(filters.indicator) == 1
        wide = _is_wide(
            session,
            filters,
            lambda: between(TradeFigure.period_start, low, end),
            ("period", low, end),
            covering=by_value,
        )
    window = (None if start is None else named("period_from"), None if end is None else named("period_to"))
    postgresql = session.get_bind().dialect.name == "postgresql"

    def within_window(statement: Select[TradeFigure]) -> Select[TradeFigure]:
        terms = in_window(TradeFigure.period_start, TradeFigure.period_end, window, match)
        if earliest is not None:
            first = named("period_earliest")
            terms.append(derived_lower_bound(TradeFigure.period_start, TradeFigure.id, first, postgresql))
        return statement.where(*told_likely(terms, wide))

    given = {"period_from": start, "period_to": end, "period_earliest": earliest}
    shaped.add(
        ("period", match, start is not None, end is not None, earliest is not None, wide, postgresql),
        within_window,
        **{name: value for name, value in given.items() if value is not None},
    )


def _add_value_range(session: Session, filters: TradeFigureFilters, shaped: Shaped) -> None:
    """The conditions of the value range, if any: told likely true when wide (app.common.ranges)."""
    value_min, value_max = filters.value_range()
    if value_min is None and value_max is None:
        return
    wide = (
        filters.sort.removeprefix("-") != "value"
        and _indexed_filters(filters) == {"value"}
        and _is_wide(
            session,
            filters,
            lambda: between(TradeFigure.value, value_min, value_max),
            ("value", value_min, value_max),
        )
    )
    low = None if value_min is None else named("value_min")
    high = None if value_max is None else named("value_max")
    given = {"value_min": value_min, "value_max": value_max}
    shaped.add(
        ("value", value_min is not None, value_max is not None, wide),
        lambda statement: statement.where(*told_likely(between(TradeFigure.value, low, high), wide)),
        **{name: value for name, value in given.items() if value is not None},
    )


def _is_wide(
    session: Session,
    filters: TradeFigureFilters,
    read_range: Callable[[], list[ColumnElement[bool]]],
    range_key: tuple[object, ...],
    covering: bool = False,
) -> bool:
    # The ranges' indexes lead with the indicator ((indicator, value, id); period_start's is read
    # for each): the figures of the indicators asked for are the rows the range is part of.
    indicators = tuple(sorted(filters.indicator))

    def rows() -> Select[Any]:
        ids = select(TradeFigure.id)
        return ids.where(TradeFigure.indicator.in_(indicators)) if indicators else ids

    return is_wide(
        session,
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
