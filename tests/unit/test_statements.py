"""The page statements kept per query shape (app/common/statements.py): one statement per shape, built
for the first request; each later request's own values, never another's."""

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import (
    Column,
    Connection,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    bindparam,
    create_engine,
    select,
)

from app.common.statements import ShapeCache, ShapedStatements, filters_of, named

metadata = MetaData()
things = Table(
    "things", metadata, Column("id", Integer, primary_key=True), Column("kind", String, nullable=True)
)
ROWS = [(1, "a"), (2, "b"), (3, None), (4, "a"), (5, "c"), (6, None)]


@pytest.fixture
def connection() -> Iterator[Connection]:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.connect() as connection:
        connection.execute(things.insert(), [{"id": i, "kind": kind} for i, kind in ROWS])
        yield connection
    engine.dispose()


class Page:
    """A list's page as app/common/listing.py runs it: the filter statement built for each request,
    the page built from it only on a shape's first request."""

    def __init__(self) -> None:
        self.cache = ShapeCache()
        self.built = 0

    def ids(self, connection: Connection, statement: Select[Any], limit: int = 10) -> list[int]:
        values = {"page_limit": limit}

        def build() -> Any:
            self.built += 1
            return statement.order_by(things.c.id).limit(bindparam("page_limit", limit))

        rows = self.cache.execute(connection, "things by id", filters_of(statement), values, build)
        return [row[0] for row in rows]


def test_two_requests_of_one_shape_reuse_one_statement(connection: Connection) -> None:
    page = Page()
    assert page.ids(connection, select(things).where(things.c.kind == "a")) == [1, 4]
    assert page.ids(connection, select(things).where(things.c.kind == "c")) == [5]
    assert page.ids(connection, select(things).where(things.c.kind == "b"), limit=1) == [2]
    assert page.built == 1
    assert len(page.cache) == 1


def test_a_null_filter_and_a_value_are_different_shapes(connection: Connection) -> None:
    page = Page()
    assert page.ids(connection, select(things).where(things.c.kind == "a")) == [1, 4]
    assert page.ids(connection, select(things).where(things.c.kind.is_(None))) == [3, 6]
    assert page.ids(connection, select(things).where(things.c.kind == "b")) == [2]
    assert page.ids(connection, select(things).where(things.c.kind.is_(None))) == [3, 6]
    assert page.built == 2
    assert len(page.cache) == 2


def test_in_lists_of_any_length_share_a_shape_with_their_own_values(connection: Connection) -> None:
    page = Page()
    assert page.ids(connection, select(things).where(things.c.kind.in_(["a"]))) == [1, 4]
    assert page.ids(connection, select(things).where(things.c.kind.in_(["b", "c"]))) == [2, 5]
    assert page.ids(connection, select(things).where(things.c.kind.in_(["c", "a", "b"]))) == [1, 2, 4, 5]
    assert page.built == 1


def test_more_filters_are_another_shape(connection: Connection) -> None:
    page = Page()
    one = select(things).where(things.c.kind == "a")
    assert page.ids(connection, one) == [1, 4]
    assert page.ids(connection, one.where(things.c.id > 2)) == [4]
    assert page.ids(connection, select(things).where(things.c.kind == "a", things.c.id > 3)) == [4]
    assert page.ids(connection, select(things).where(things.c.id > 3, things.c.kind == "a")) == [4]
    assert page.built == 3  # the order of the conditions is part of the SQL


def test_the_cache_is_bounded(connection: Connection) -> None:
    page = Page()
    page.cache = ShapeCache(size=1)
    assert page.ids(connection, select(things).where(things.c.kind == "a")) == [1, 4]
    assert page.ids(connection, select(things).where(things.c.id > 4)) == [5, 6]
    assert page.ids(connection, select(things).where(things.c.id > 5)) == [6]
    assert len(page.cache) == 1
    assert page.built == 3  # beyond the bound, built for each request, as before


def shaped_things(kept: ShapedStatements, kinds: list[str], above: int | None) -> Select[Any]:
    """A filter statement told as steps (statements.Shaped), as a repository tells one."""
    shaped = kept.shaped()
    shaped.any_of("kind", things.c.kind, kinds)
    if above is not None:
        shaped.add("above", lambda statement: statement.where(things.c.id > named("above")), above=above)
    return shaped.statement()


def test_a_shaped_statement_is_built_once_per_shape_and_binds_each_requests_values(
    connection: Connection,
) -> None:
    built = []

    def start() -> Select[Any]:
        built.append(1)
        return select(things.c.id)

    kept = ShapedStatements(start)
    page = Page()
    assert page.ids(connection, shaped_things(kept, ["a"], 1)) == [4]
    assert page.ids(connection, shaped_things(kept, ["a", "c"], 0)) == [1, 4, 5]
    assert page.ids(connection, shaped_things(kept, ["b"], 3)) == []
    assert (len(built), page.built) == (1, 1)  # one shape: built once, its page once
    # Another shape is a statement of its own; the first one's values never leak into it.
    assert page.ids(connection, shaped_things(kept, [], 4)) == [5, 6]
    assert page.ids(connection, shaped_things(kept, ["c"], None)) == [5]
    assert (len(built), page.built) == (3, 3)
    # The statement as SQLAlchemy runs it (a count, an export) has the request's values too.
    statement = shaped_things(kept, ["a", "b"], 1)
    assert [row[0] for row in connection.execute(statement.order_by(things.c.id))] == [2, 4]


def test_a_shaped_statements_filters_are_known_without_keying_it() -> None:
    kept = ShapedStatements(lambda: select(things.c.id))
    shaped_things(kept, ["a"], 1)  # the shape's first request builds it, and keys it once
    statement = shaped_things(kept, ["b", "c"], 3)
    known, keyed = filters_of(statement), statement._generate_cache_key()
    assert known is not None and keyed is not None
    assert known.structure == keyed.key
    assert [bound.key for bound in known.bound] == [bound.key for bound in keyed.bindparams]
    assert dict(known.given) == dict(keyed.params) == {"kind": ["b", "c"], "above": 3}
    # A statement changed after it was made is another object, keyed as it is.
    changed = filters_of(statement.where(things.c.id < 6))
    assert changed is not None and changed.structure != known.structure
