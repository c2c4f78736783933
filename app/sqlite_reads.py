"""SQLite reads by key in the event loop, on a connection of the worker's own: what
`app.postgres.LoopReads` does for PostgreSQL, for a local file."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from typing import Any

from sqlalchemy import Engine, event

from app.db import (
    DriverStatement,
    as_dbapi_error,
    converted,
    own_connection,
    own_connection_possible,
    renew_deadline_in,
)


class LoopReads:
    """One record by its key, read on a SQLite connection that only the event loop uses: no session,
    no checkout from the engine's pool and back (with its rollback), and the data version read in the
    record's own statement. A read by key is a few index lookups in a local file, done without
    suspending: no other request uses the connection meanwhile.

    In autocommit, as the engine's connections run: a statement alone is a read transaction of its
    own, and `snapshot` makes one of several. The connection is opened as the engine's are (pragmas,
    memory map, statement timeout), at the first read; after an error it is closed, and the next read
    opens another."""

    def __init__(self, engine: Engine) -> None:
        self.dialect = engine.dialect
        self._engine = engine
        self._error = engine.dialect.loaded_dbapi.Error
        self._connection: Any = None
        self._info: dict[str, Any] = {}
        # Closed with the engine's pool (the app's end, a test's): no connection outlives its engine's.
        event.listen(engine, "engine_disposed", lambda _engine: self.close())

    async def rows(self, statement: DriverStatement, values: Mapping[str, Any]) -> list[Any]:
        """`statement`'s rows for `values`, converted as SQLAlchemy would; the driver's errors raised
        as SQLAlchemy's (`classify`)."""
        compiled = statement.compiled(self.dialect, values)
        sql, parameters = compiled.bound(values)
        cursor, rows = self._run(sql, parameters)
        return converted(rows, compiled.conversions(self.dialect, cursor))

    async def driver_rows(self, sql: str, parameters: Any) -> list[Any]:
        """The rows of `sql` (SQLite's, its parameters in order) as the driver returns them."""
        return self._run(sql, parameters)[1]

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """The reads inside see the database as one moment: one read transaction."""
        self._run("BEGIN")
        try:
            yield
        finally:
            if self._connection is not None and self._connection.in_transaction:
                self._run("COMMIT")  # a read's: ends its snapshot, writes nothing

    def _run(self, sql: str, parameters: Any = ()) -> tuple[Any, list[Any]]:
        """The cursor and its rows, all fetched (the statement is done); after an error the
        connection is closed, and the next read opens another."""
        if self._connection is None:
            self._connection, self._info = own_connection(self._engine)
        # Each statement gets the whole statement timeout (the progress handler's deadline).
        renew_deadline_in(self._info)
        try:
            cursor = self._connection.execute(sql, parameters)
            return cursor, cursor.fetchall()
        except self._error as exc:
            self.close()
            raise as_dbapi_error(self.dialect, exc, sql, parameters) from exc

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with suppress(self._error):
                connection.close()


def loop_reads(engine: Engine) -> LoopReads | None:
    """The reads of `engine`'s SQLite database that run in the event loop; None where a connection of
    their own would see another database (one in memory)."""
    return LoopReads(engine) if own_connection_possible(engine) else None
