"""A range sorted another way (app/common/ranges.py): a period window or a value range over trade
figures, a date window over events. On SQLite, a range measured to hold many rows is told to be
likely true, so the planner walks the sort's index instead of sorting the range; a narrow one, a page
in the range's own order, or a range beside another selective filter, is left as it was. The answers
are the same either way, on both engines."""

from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import Column, Connection, Date, MetaData, Select, String, Table, bindparam, select
from sqlalchemy.orm import Session

from app.common.dates import DatePrecision
from app.common.ranges import derived_lower_bound
from app.events.repository import filter_events
from app.events.schemas import EventFilters
from app.models import Event, EventType, Indicator, TradeFigure
from app.trade.repository import filter_trade_figures
from app.trade.schemas import TradeFigureFilters
from tests.figures import year_figure
from tests.pages import every_item

pytestmark = pytest.mark.anyio

YEARS = range(1901, 1941)  # forty years before any seed figure, ten figures a year


@pytest.fixture
def figures(session: Session) -> list[tuple[str, float]]:
    made = []
    for year in YEARS:
        for n in range(10):
            # Values out of step with years, so value order and period order differ.
            value = float((year * 37 + n * 101) % 997)
            figure = year_figure(f"test-window-{year}-{n}", year, value, indicator=Indicator.imports)
            figure.partner_id = ("KZ", "RU", "TR", "GE", "UZ", "TM", "IR", "CN", "DE", "FR")[n]
            session.add(figure)
            made.append((figure.id, value))
    session.commit()
    return made


def page_sql(session: Session, connection: Connection, **params: object) -> str:
    filters = TradeFigureFilters.model_validate({"indicator": ["imports"], **params})
    statement = filter_trade_figures(session, filters)
    return str(statement.compile(dialect=connection.dialect))


def sqlite_plan(session: Session, connection: Connection, **params: object) -> str:
    """The indexes SQLite reads for the ids of a page of imports in `params`' order."""
    filters = TradeFigureFilters.model_validate({"indicator": ["imports"], **params})
    statement = filter_trade_figures(session, filters).with_only_columns(TradeFigure.id)
    sort, descending = filters.sort.removeprefix("-"), filters.sort.startswith("-")
    key = {"value": TradeFigure.value, "id": TradeFigure.id, "period": TradeFigure.period_start}[sort]
    return plan_of(connection, statement.order_by(key.desc() if descending else key).limit(filters.limit))


def plan_of(connection: Connection, statement: Select[Any]) -> str:
    sql = statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
    return " ".join(row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))


@pytest.mark.usefixtures("figures")
def test_only_a_wide_window_out_of_period_order_is_told_likely(
    session: Session, connection: Connection
) -> None:
    sqlite = connection.dialect.name == "sqlite"
    wide = {"period_from": "1901", "period_to": "1940", "limit": 5}
    assert ("likely(" in page_sql(session, connection, sort="-value", **wide)) is sqlite
    assert ("likely(" in page_sql(session, connection, sort="id", **wide)) is sqlite
    # Period order is the window's own index; one year of forty holds too few figures to walk past.
    assert "likely(" not in page_sql(session, connection, sort="-period", **wide)
    narrow = {"period_from": "1920", "period_to": "1920", "limit": 5}
    assert "likely(" not in page_sql(session, connection, sort="-value", **narrow)
    assert "likely(" not in page_sql(session, connection, sort="-value")
    # A country's own index may read fewer figures than either plan: SQLite chooses.
    assert "likely(" not in page_sql(session, connection, sort="-value", reporter=["AZ"], **wide)
    if sqlite:
        assert "ix_trade_figures_indicator_value" in sqlite_plan(session, connection, sort="-value", **wide)


@pytest.mark.usefixtures("figures")
def test_a_window_tested_in_the_walked_index_is_wide_sooner(session: Session, connection: Connection) -> None:
    """One indicator's figures by value are walked along an index that holds their periods (migration
    0019): each entry is tested there, without its row, so fewer figures make a window worth walking
    than in id order, whose walk reads every passed figure's row."""
    sqlite = connection.dialect.name == "sqlite"
    four_years = {"period_from": "1920", "period_to": "1923", "limit": 5}
    assert ("likely(" in page_sql(session, connection, sort="-value", **four_years)) is sqlite
    assert "likely(" not in page_sql(session, connection, sort="id", **four_years)


@pytest.mark.parametrize("window", [("1901", "1940"), ("1920", "1920"), ("1915", "1924")])
async def test_a_page_by_value_is_the_same_whatever_the_plan(
    client: httpx.AsyncClient, figures: list[tuple[str, float]], window: tuple[str, str]
) -> None:
    first, last = (int(year) for year in window)
    inside = [
        (figure_id, value) for figure_id, value in figures if first <= int(figure_id.split("-")[2]) <= last
    ]
    expected = [f for f, _ in sorted(inside, key=lambda pair: (pair[1], pair[0]), reverse=True)]
    params = {"indicator": "imports", "period_from": window[0], "period_to": window[1], "sort": "-value"}
    assert [item["id"] for item in await every_item(client, "/v1/trade-figures", params)] == expected


@pytest.mark.usefixtures("figures")
def test_only_a_wide_value_range_out_of_value_order_is_told_likely(
    session: Session, connection: Connection
) -> None:
    sqlite = connection.dialect.name == "sqlite"
    wide = {"value_min": "0", "value_max": "1000", "limit": 5}
    assert ("likely(" in page_sql(session, connection, sort="period", **wide)) is sqlite
    assert ("likely(" in page_sql(session, connection, sort="-id", **wide)) is sqlite
    assert "likely(" not in page_sql(session, connection, sort="-value", **wide)
    assert "likely(" not in page_sql(session, connection, sort="period", value_min="5", value_max="6")
    # Beside a period window, SQLite weighs the two ranges' indexes itself.
    assert "likely(" not in page_sql(session, connection, sort="id", period_from="1901", **wide)
    if sqlite:
        # (indicator, period_start, id): the page in period order, no sort.
        plan = sqlite_plan(session, connection, sort="period", **wide)
        assert "ix_trade_figures_indicator " in plan and "TEMP B-TREE" not in plan


@pytest.mark.parametrize("values", [("0", "1000"), ("5", "6"), ("100", "300")])
async def test_a_page_by_period_is_the_same_whatever_the_plan(
    client: httpx.AsyncClient, figures: list[tuple[str, float]], values: tuple[str, str]
) -> None:
    low, high = (float(value) for value in values)
    inside = [figure_id for figure_id, value in figures if low <= value <= high]
    # test-window-YEAR-N: a year a period, ids in order within it.
    expected = sorted(inside, key=lambda figure_id: (int(figure_id.split("-")[2]), figure_id))
    params = {"indicator": "imports", "value_min": values[0], "value_max": values[1], "sort": "period"}
    assert [item["id"] for item in await every_item(client, "/v1/trade-figures", params)] == expected


@pytest.fixture
def events(session: Session) -> list[tuple[str, str]]:
    """Ten events a year over forty years before any seed event, titles out of step with dates."""
    made = []
    for year in YEARS:
        for n in range(10):
            title = f"Test forum {(year * 37 + n * 101) % 997:03d}"
            day = date(year, n + 1, 10)
            event = Event(
                id=f"test-range-{year}-{n}",
                type=EventType.forum,
                title_en=title,
                title_ru=title,
                date_start=day,
                date_end=day,
                date_precision=DatePrecision.day,
            )
            session.add(event)
            made.append((event.id, title))
    session.commit()
    return made


def events_sql(session: Session, connection: Connection, **params: object) -> str:
    statement = filter_events(session, EventFilters.model_validate(params))
    return str(statement.compile(dialect=connection.dialect))


@pytest.mark.usefixtures("events")
def test_only_a_wide_date_window_out_of_date_order_is_told_likely(
    session: Session, connection: Connection
) -> None:
    sqlite = connection.dialect.name == "sqlite"
    wide = {"date_from": "1901", "date_to": "1940", "limit": 5}
    for sort in ("title", "-id"):
        assert ("likely(" in events_sql(session, connection, sort=sort, **wide)) is sqlite
    assert ("likely(" in events_sql(session, connection, sort="title", date_match="within", **wide)) is sqlite
    assert "likely(" not in events_sql(session, connection, sort="-date", **wide)
    assert "likely(" not in events_sql(session, connection, sort="title", date_from="1920", date_to="1920")
    # A type's index may read fewer events than either plan; a country's link rows carry the dates.
    assert "likely(" not in events_sql(session, connection, sort="title", type=["forum"], **wide)
    assert "likely(" not in events_sql(session, connection, sort="title", country=["KZ"], **wide)
    if sqlite:
        filters = EventFilters.model_validate({"sort": "title", **wide})
        statement = filter_events(session, filters).with_only_columns(Event.id)
        plan = plan_of(connection, statement.order_by(Event.title_en, Event.id).limit(5))
        assert "ix_events_title_en" in plan


@pytest.mark.parametrize("window", [("1901", "1940"), ("1920", "1920"), ("1915", "1924")])
async def test_a_page_of_events_by_title_is_the_same_whatever_the_plan(
    client: httpx.AsyncClient, events: list[tuple[str, str]], window: tuple[str, str]
) -> None:
    first, last = (int(year) for year in window)
    inside = [(event_id, title) for event_id, title in events if first <= int(event_id.split("-")[2]) <= last]
    expected = [event_id for event_id, _ in sorted(inside, key=lambda pair: (pair[1], pair[0]))]
    params = {"date_from": window[0], "date_to": window[1], "sort": "title"}
    assert [item["id"] for item in await every_item(client, "/v1/events", params)] == expected


def test_a_derived_lower_bound_keeps_a_generic_plan_on_the_index(connection: Connection) -> None:
    """A window bounded on both sides of its start (the derived lower bound, `derived_lower_bound`):
    PostgreSQL's generic plan of a long page in start order walks the index and stops at the page's
    end, where a plain second bound made it estimate a narrow range, read all of it and sort it."""
    if connection.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's generic plans")
    connection.exec_driver_sql(
        "CREATE TEMP TABLE spans (id text PRIMARY KEY, kind text NOT NULL, start date NOT NULL)"
        " ON COMMIT DROP"
    )
    connection.exec_driver_sql("CREATE INDEX ix_spans_kind ON spans (kind, start, id)")
    connection.exec_driver_sql(
        "INSERT INTO spans SELECT 's' || n, 'k' || mod(n, 3), date '1990-01-01' + mod(n, 10000)"
        " FROM generate_series(1, 60000) n"
    )
    connection.exec_driver_sql("ANALYZE spans")
    spans = Table("spans", MetaData(), Column("id", String), Column("kind", String), Column("start", Date))
    plans = {}
    for postgresql in (False, True):
        page = (
            select(spans.c.id)
            .where(
                spans.c.kind == bindparam("kind"),
                spans.c.start <= bindparam("high"),
                derived_lower_bound(spans.c.start, spans.c.id, bindparam("low", type_=Date), postgresql),
            )
            .order_by(spans.c.start, spans.c.id)
        )
        sql = f"{page.compile(dialect=connection.dialect)} LIMIT 101"
        name = f"page_{postgresql}"
        connection.exec_driver_sql("SET LOCAL plan_cache_mode = force_generic_plan")
        connection.exec_driver_sql(
            f"PREPARE {name} (text, date, date) AS "
            + sql.replace("%(kind)s", "$1").replace("%(high)s", "$2").replace("%(low)s", "$3")
        )
        explained = connection.exec_driver_sql(f"EXPLAIN EXECUTE {name}('k1', '2010-12-31', '2000-01-01')")
        plans[postgresql] = " ".join(row[0] for row in explained)
        connection.exec_driver_sql(f"DEALLOCATE {name}")
    assert "Sort" in plans[False]
    assert "Sort" not in plans[True] and "ix_spans_kind" in plans[True]
