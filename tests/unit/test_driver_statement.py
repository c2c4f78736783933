"""Statements run on the driver's cursor (app/db.py `DriverStatement`): the rows SQLAlchemy's execute
gives, values converted by their types, IN lists expanded, and the driver's errors as SQLAlchemy's."""

from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import Column, Connection, DateTime, Integer, MetaData, String, Table, bindparam, select, text
from sqlalchemy.exc import DBAPIError

from app.db import DriverStatement, classify, make_engine

metadata = MetaData()
things = Table(
    "things",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String, nullable=True),
    Column("seen", DateTime, nullable=True),
)
ROWS = [(1, "a", datetime(2025, 1, 2, 3, 4, 5)), (2, "b", None), (3, None, datetime(2024, 12, 31))]


@pytest.fixture
def connection() -> Iterator[Connection]:
    engine = make_engine("sqlite://", query_timeout_ms=1000)
    metadata.create_all(engine)
    with engine.connect() as connection:
        connection.execute(things.insert(), [{"id": i, "kind": k, "seen": s} for i, k, s in ROWS])
        yield connection
    engine.dispose()


def test_the_rows_are_sqlalchemys_with_their_values_converted(connection: Connection) -> None:
    statement = select(things).where(things.c.id >= bindparam("from_id")).order_by(things.c.id)
    driver = DriverStatement(statement)
    for from_id in (1, 2, 4):
        expected = [tuple(row) for row in connection.execute(statement, {"from_id": from_id})]
        assert driver.rows(connection, {"from_id": from_id}) == expected
    assert isinstance(driver.rows(connection, {"from_id": 1})[0][2], datetime)


def test_a_value_written_into_the_statement_is_bound_too(connection: Connection) -> None:
    driver = DriverStatement(select(things.c.kind).where(things.c.id == 2))
    assert driver.rows(connection) == [("b",)]


def test_an_in_list_of_any_length_is_expanded(connection: Connection) -> None:
    statement = select(things.c.id).where(things.c.kind.in_(bindparam("kinds", expanding=True)))
    driver = DriverStatement(statement.order_by(things.c.id))
    assert driver.rows(connection, {"kinds": ["a"]}) == [(1,)]
    assert driver.rows(connection, {"kinds": ["b", "a"]}) == [(1,), (2,)]
    assert driver.rows(connection, {"kinds": ["c", "b", "a"]}) == [(1,), (2,)]


def test_a_database_error_is_raised_as_sqlalchemys(connection: Connection) -> None:
    missing = Table("missing", MetaData(), Column("id", Integer))
    with pytest.raises(DBAPIError) as raised:
        DriverStatement(select(missing)).rows(connection)
    assert classify(raised.value) == "bug"  # no such table: SQLite's SQLITE_ERROR


def test_a_statement_past_the_query_timeout_is_a_timeout() -> None:
    engine = make_engine("sqlite://", query_timeout_ms=50)
    counting = text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n")
    try:
        with engine.connect() as connection, pytest.raises(DBAPIError) as raised:
            DriverStatement(counting).rows(connection)
        assert classify(raised.value) == "timeout"
    finally:
        engine.dispose()
