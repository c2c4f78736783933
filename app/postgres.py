"""PostgreSQL connections that give up on a server that stopped answering (rather than refusing):
such a server must not hold requests. Imported only by an engine for PostgreSQL (app/db.py
`make_engine`), so that a SQLite server starts without psycopg."""

import asyncio
import contextlib
from collections.abc import Mapping
from typing import Any

import psycopg
from psycopg.abc import PQGen
from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.db import PINGED_ROW, DriverStatement, as_dbapi_error, converted, kept_cursor, release


class NoAnswer(psycopg.OperationalError):
    """The server did not answer in time: the connection is closed, never reused."""


class _PatientConnection(psycopg.Connection[Any]):
    """A psycopg connection that waits at most `answer_within` seconds for each answer of the server.

    A server that hangs (or a network that drops everything) still acknowledges nothing and refuses
    nothing: TCP keeps the connection open, and libpq would wait for ever."""

    answer_within: float | None = None

    def wait(self, gen: PQGen[Any], *args: Any, **kwargs: Any) -> Any:
        if self.answer_within is None or args or kwargs:  # a wait its caller bounds itself
            return super().wait(gen, *args, **kwargs)
        try:
            # psycopg's own bound on the whole exchange, kept by its wait loop in C: a generator of
            # ours around every exchange cost more than the exchanges' own Python.
            return super().wait(gen, timeout=self.answer_within)
        except psycopg.errors._WaitTimeout as silent:  # what psycopg raises when that bound passes
            # Half-way through the protocol: the connection cannot be used again.
            self.pgconn.finish()
            raise NoAnswer(f"the database did not answer within {self.answer_within:g} s") from silent


def give_up_on_silence(engine: Engine, connect_timeout: int, query_timeout_ms: int | None) -> None:
    """Statements wait for the server's answer up to the query timeout and the connect timeout beyond
    it (the server cancels a statement at the query timeout: that answer comes first); the pool's
    ping of an idle connection, only the connect timeout. A ping that got no answer fails the
    checkout at once: a new connection to a silent server would only wait out the connect timeout."""
    statement = connect_timeout + query_timeout_ms / 1000 if query_timeout_ms else None

    def connect(_dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
        connection = _PatientConnection.connect(*cargs, **cparams)
        connection.answer_within = statement
        return connection

    def checkin(dbapi_connection: Any, _record: Any) -> None:
        if isinstance(dbapi_connection, _PatientConnection):
            dbapi_connection.answer_within = connect_timeout  # the next checkout's ping

    def checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if isinstance(dbapi_connection, _PatientConnection):
            dbapi_connection.answer_within = statement

    def unanswered_ping(context: ExceptionContext) -> None:
        if context.is_pre_ping and isinstance(context.original_exception, NoAnswer):
            context.is_disconnect = False  # no reconnection attempt within this checkout

    event.listen(engine, "do_connect", connect)
    event.listen(engine, "handle_error", unanswered_ping)
    event.listen(engine.pool, "checkin", checkin)
    event.listen(engine.pool, "checkout", checkout)


# --- the pool's ping that also reads what every read asks first ---


def ping_reads(engine: Engine, sql: str) -> None:
    """The pool's ping of a pooled connection (pool_pre_ping) runs `sql`, a one-row read, instead of
    `SELECT 1`, and keeps its row on the connection for this checkout (`app.db.take_pinged_row`): a read
    that needs that row first (the data version) gets it without a round trip of its own. The ping
    proves the connection alive as before: a connection that died while pooled fails it, and SQLAlchemy
    replaces it inside the checkout. A statement the server refuses (no such table yet: a database
    being migrated) proves it alive too."""

    def do_ping(dbapi_connection: Any) -> bool:
        # As SQLAlchemy's own ping for psycopg: in autocommit, so that it opens no transaction.
        autocommit = dbapi_connection.autocommit
        if not autocommit:
            dbapi_connection.autocommit = True
        try:
            cursor = kept_cursor(dbapi_connection)
            try:
                cursor.execute(sql)
                setattr(dbapi_connection, PINGED_ROW, cursor.fetchone())
            finally:
                release(cursor)
        except psycopg.errors.UndefinedTable:
            pass
        finally:
            if not autocommit and not dbapi_connection.closed:
                dbapi_connection.autocommit = False
        return True

    def forget(dbapi_connection: Any, _record: Any) -> None:
        if dbapi_connection is not None:
            vars(dbapi_connection).pop(PINGED_ROW, None)

    engine.dialect.do_ping = do_ping  # type: ignore[method-assign]  # this engine's pings only
    event.listen(engine.pool, "checkin", forget)


# --- reads in the event loop, on connections of their own ---

# How the planner prices an index probe on the event loop's connections, which read one record by
# its key (and a record's revisions): as a page in memory, not the default's read from a spinning
# disk. At the default, a record's many-to-many list (an event's countries, a project's places), one
# or two link rows, was planned as a hash of the whole target table, built again for every record,
# since probing its key for each link row looked dearer.
PLANNING_BY_KEY = ("random_page_cost=1.1",)


class _PatientAsyncConnection(psycopg.AsyncConnection[Any]):
    """`_PatientConnection`'s bound, on an asynchronous connection."""

    answer_within: float | None = None

    async def wait(self, gen: PQGen[Any], *args: Any, **kwargs: Any) -> Any:
        if self.answer_within is None or args or kwargs:
            return await super().wait(gen, *args, **kwargs)
        try:
            return await super().wait(gen, timeout=self.answer_within)
        except psycopg.errors._WaitTimeout as silent:
            self.pgconn.finish()
            raise NoAnswer(f"the database did not answer within {self.answer_within:g} s") from silent


class LoopReads:
    """One-statement reads that run in the event loop, on psycopg's asynchronous connections, a pool of
    this process's own beside the engine's (`size` connections at most, opened as needed, resting in
    autocommit): no handler thread, no SQLAlchemy connection, no ping and no switch of the autocommit
    between a request and its statement. A waiting read holds up nothing, so a database that stalls
    stalls only the reads that wait on it, each given up on after `answer_within` seconds of silence.

    The pool's ping is not needed: a read that finds its pooled connection ended (a server restarted)
    is sent again once, on a new connection; a read has nothing to undo. A connection whose exchange
    was cut short (a cancelled request, a server that did not answer) is closed, never pooled again."""

    def __init__(
        self,
        engine: Engine,
        connect_args: dict[str, Any],
        size: int,
        pool_timeout: float,
        answer_within: float | None,
    ) -> None:
        self.dialect = engine.dialect
        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        self._connect_args = (cargs, {**cparams, **connect_args})
        self._size = size
        self._pool_timeout = pool_timeout
        self._answer_within = answer_within
        self._idle: list[_PatientAsyncConnection] = []
        self._slots = asyncio.Semaphore(size)
        self._loop: asyncio.AbstractEventLoop | None = None

    async def rows(self, statement: DriverStatement, values: Mapping[str, Any]) -> list[Any]:
        """`statement`'s rows for `values`, converted as SQLAlchemy would; the driver's errors raised
        as SQLAlchemy's (`classify`)."""
        compiled = statement.compiled(self.dialect, values)
        sql, parameters = compiled.bound(values)
        return await self._run(sql, parameters, compiled)

    async def driver_rows(self, sql: str, parameters: Mapping[str, Any]) -> list[Any]:
        """The rows of `sql` (PostgreSQL's, its parameters named) as the driver returns them."""
        return await self._run(sql, parameters, None)

    def snapshot(self) -> contextlib.nullcontext[None]:
        """Nothing to open: each statement sees what was committed when it began (READ COMMITTED),
        as the handler thread's reads in autocommit do."""
        return contextlib.nullcontext()

    async def _run(self, sql: str, parameters: Any, compiled: Any) -> list[Any]:
        slots = self._slots_here()
        if slots.locked():
            try:
                async with asyncio.timeout(self._pool_timeout):
                    await slots.acquire()
            except TimeoutError:
                raise PoolTimeout(f"no connection for a read within {self._pool_timeout:g} s") from None
        else:
            await slots.acquire()
        try:
            connection = self._idle.pop() if self._idle else None
            while True:
                pooled = connection is not None
                if connection is None:
                    connection = await self._connect()
                cursor = kept_cursor(connection)
                try:
                    await cursor.execute(sql, parameters)
                    rows = await cursor.fetchall()
                    convert = [] if compiled is None else compiled.conversions(self.dialect, cursor)
                except psycopg.Error as exc:
                    if not (connection.closed or connection.broken):
                        release(cursor)
                        self._idle.append(connection)  # a statement refused: the connection is fine
                        raise as_dbapi_error(self.dialect, exc, sql, parameters) from exc
                    self._close_idle()  # ended by the server: those pooled with it likely too
                    if pooled and not isinstance(exc, NoAnswer):
                        connection = None
                        continue
                    raise as_dbapi_error(self.dialect, exc, sql, parameters, gone=True) from exc
                except BaseException:
                    connection.pgconn.finish()  # cut short half-way through the protocol
                    raise
                release(cursor)
                self._idle.append(connection)
                return converted(rows, convert)
        finally:
            slots.release()

    async def _connect(self) -> _PatientAsyncConnection:
        cargs, cparams = self._connect_args
        try:
            connection = await _PatientAsyncConnection.connect(*cargs, autocommit=True, **cparams)
        except psycopg.Error as exc:
            raise as_dbapi_error(self.dialect, exc, gone=True) from exc
        connection.answer_within = self._answer_within
        return connection

    def _slots_here(self) -> asyncio.Semaphore:
        """The pool's slots, in the running event loop: a pool first used in another loop (a test's
        client, which runs one per client) starts afresh, its connections closed."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._close_idle()
            self._slots = asyncio.Semaphore(self._size)
            self._loop = loop
        return self._slots

    def _close_idle(self) -> None:
        idle, self._idle = self._idle, []
        for connection in idle:
            connection.pgconn.finish()

    def close(self) -> None:
        """Every pooled connection closed (the app's end)."""
        self._close_idle()


def loop_reads(
    engine: Engine, connect_args: dict[str, Any], size: int, pool_timeout: float, connect_timeout: int | None
) -> LoopReads:
    """The reads of `engine`'s database that run in the event loop. Each waits for the server's answer
    up to the connect timeout, as the pool's ping it stands in for does (`give_up_on_silence`): they
    are reads by key, answered in milliseconds, so a server that has said nothing for that long is
    taken for a silent one; a statement timeout shorter than that still ends one first (a 504)."""
    reads = LoopReads(engine, connect_args, size, pool_timeout, connect_timeout)
    # Closed with the engine's pool (the app's end, a test's): no connection outlives its engine's.
    event.listen(engine, "engine_disposed", lambda _engine: reads.close())
    return reads
