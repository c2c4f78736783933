"""A period window over trade figures sorted by value or id (app/trade/repository.py `_window_terms`):
on SQLite, a window measured to hold many figures is told to be likely true, so the planner walks
the sort's index instead of sorting the window; a narrow one, or a page in period order, is left as
it was. The answers are the same either way, on both engines."""

import httpx
import pytest
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.models import Indicator, TradeFigure
from app.trade.repository import filter_trade_figures
from app.trade.schemas import TradeFigureFilters
from tests.figures import year_figure

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
    ordered = statement.order_by(key.desc() if descending else key).limit(filters.limit)
    sql = ordered.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
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
        assert "ix_trade_figures_indicator_value" not in sqlite_plan(
            session, connection, sort="-value", **narrow
        )


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
    seen: list[str] = []
    cursor = None
    while True:
        response = await client.get(
            "/v1/trade-figures", params={**params, "limit": "7", **({"cursor": cursor} if cursor else {})}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == expected
