"""A record's citations are listed by char_start, then id (the models' `citations` relationships).
Each kind of record has an index in that order (`ix_citations_<column>_in_order`), so on SQLite a
page's statement reads each record's citations in order instead of sorting them, row by row."""

from typing import Any

import httpx
import pytest
from sqlalchemy import Connection, select

from app.models import CITED_RECORD_COLUMNS, Citation

pytestmark = pytest.mark.anyio

LISTS = ["/v1/trade-figures", "/v1/events", "/v1/agreements", "/v1/infrastructure-projects", "/v1/countries"]


def plan_rows(connection: Connection, sql: str, parameters: Any = ()) -> list[tuple[int, int, str]]:
    """SQLite's plan: (id, parent, detail) of each step."""
    rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters)
    return [(row[0], row[1], row[3]) for row in rows]


def sorted_citations(plan: list[tuple[int, int, str]]) -> list[str]:
    """The steps that read citations beside a sort of what they read (a temporary B-tree of the same
    parent): a list of citations sorted row by row."""
    sorting = {parent for _, parent, detail in plan if detail.startswith("USE TEMP B-TREE FOR ORDER BY")}
    return [detail for _, parent, detail in plan if parent in sorting and "citations" in detail]


@pytest.mark.parametrize("column", CITED_RECORD_COLUMNS.values())
def test_a_record_s_citations_are_read_in_their_list_s_order(connection: Connection, column: str) -> None:
    if connection.dialect.name != "sqlite":
        pytest.skip("PostgreSQL sorts an ordered aggregate's input itself, whatever the index")
    statement = (
        select(Citation.id).where(getattr(Citation, column) == "x").order_by(Citation.char_start, Citation.id)
    )
    sql = str(statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    plan = " ".join(detail for _, _, detail in plan_rows(connection, sql))
    assert f"INDEX ix_citations_{column}_in_order " in plan
    assert "TEMP B-TREE" not in plan


@pytest.mark.parametrize("path", LISTS)
async def test_a_page_sorts_no_record_s_citations(
    client: httpx.AsyncClient, connection: Connection, path: str
) -> None:
    if connection.dialect.name != "sqlite":
        pytest.skip("PostgreSQL sorts an ordered aggregate's input itself, whatever the index")
    # Traced by the driver, with their values in: a page whose statement the app has compiled before
    # runs it on the driver's cursor, past SQLAlchemy's events.
    statements: list[str] = []
    driver = connection.connection.driver_connection
    driver.set_trace_callback(lambda sql: statements.append(sql) if "citations" in sql else None)
    try:
        response = await client.get(path, params={"limit": 5})
    finally:
        driver.set_trace_callback(None)
    assert response.status_code == 200
    assert statements
    for sql in statements:
        assert sorted_citations(plan_rows(connection, sql)) == []
