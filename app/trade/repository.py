from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, selectinload

from app.common.filters import in_window, matches_text, require_known
from app.common.listing import Listing, column_facet, either_column_facet, year_facet
from app.common.pagination import Sorting
from app.models import Country, TradeFigure
from app.trade.schemas import TradeFigureFilters

TRADE_FIGURES = Listing(
    model=TradeFigure,
    label="trade figure",
    sorting=Sorting(
        {"period": TradeFigure.period_start, "value": TradeFigure.value, "id": TradeFigure.id}, TradeFigure.id
    ),
    load=(
        selectinload(TradeFigure.reporter),
        selectinload(TradeFigure.partner),
        selectinload(TradeFigure.projects),
        selectinload(TradeFigure.citations),
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
        *in_window(
            TradeFigure.period_start, TradeFigure.period_end, filters.date_window(), filters.date_match
        ),
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
    ):
        if values:
            statement = statement.where(column.in_(values))
    if value_min is not None:
        statement = statement.where(TradeFigure.value >= value_min)
    if value_max is not None:
        statement = statement.where(TradeFigure.value <= value_max)
    if filters.q:
        statement = statement.where(matches_text(TradeFigure.search_text, filters.q))
    return statement
