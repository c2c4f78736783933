"""PostgreSQL connections that give up on a server that stopped answering (rather than refusing):
such a server must not hold requests. Imported only by an engine for PostgreSQL (app/db.py
`make_engine`), so that a SQLite server starts without psycopg."""

from typing import Any

import psycopg
from psycopg.abc import PQGen
from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from app.db import PINGED_ROW, kept_cursor, release


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
