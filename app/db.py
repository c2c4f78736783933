import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Literal

import orjson
from sqlalchemy import ClauseElement, Connection, Engine, MetaData, create_engine, event
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.sql.compiler import SQLCompiler

from app.config import Settings

# Named constraints keep Alembic diffs and downgrades deterministic on both engines.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def make_engine(
    url: str,
    *,
    query_timeout_ms: int | None = None,
    connect_timeout: int | None = None,
    parallel_workers: int | None = None,
    mmap_bytes: int | None = None,
    ping: bool = True,
    **kwargs: Any,
) -> Engine:
    """An engine for `url`. With `query_timeout_ms`, a statement running longer is cancelled (an error
    `classify` calls a timeout); with `connect_timeout`, connecting gives up after that many seconds
    (PostgreSQL; at least 2, libpq's floor), and so does waiting for a server that stopped answering
    (`app.postgres.give_up_on_silence`); `parallel_workers` is PostgreSQL's
    max_parallel_workers_per_gather; `mmap_bytes`, how much of a SQLite file is read through a memory
    map (SQLite's mmap_size). The command line leaves them off: migrations may be long. Without
    `ping`, a pooled PostgreSQL connection is not pinged at checkout: its first statement finds out."""
    # JSON columns (revisions' changes) parsed by orjson: the same values as the standard library's.
    kwargs.setdefault("json_deserializer", orjson.loads)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        if query_timeout_ms:
            lock_wait = lock_wait_ms(query_timeout_ms)
            event.listen(
                engine, "connect", lambda connection, _record: _set_busy_timeout(connection, lock_wait)
            )
        event.listen(engine, "begin", _sqlite_begin)
        if mmap_bytes:
            # Pages read straight from the operating system's cache, shared by every connection and
            # worker, instead of copied by read() into each connection's own small cache: a page of
            # trade figures of one pair (rows all over the file) answered 365 → 720–795 req/s cold.
            event.listen(engine, "connect", lambda connection, _record: _set_mmap(connection, mmap_bytes))
        if query_timeout_ms:
            _sqlite_statement_timeout(engine, query_timeout_ms / 1000)
        return engine
    connect_args = postgres_connect_args(url, query_timeout_ms, connect_timeout, parallel_workers)
    engine = create_engine(url, pool_pre_ping=ping, connect_args=connect_args, **kwargs)
    if connect_timeout:
        from app.postgres import give_up_on_silence  # psycopg: a SQLite server never imports it

        give_up_on_silence(engine, connect_timeout, query_timeout_ms)
    return engine


# --- PostgreSQL: a server that stops answering (rather than refusing) must not hold requests ---


def postgres_connect_args(
    url: str,
    query_timeout_ms: int | None,
    connect_timeout: int | None,
    parallel_workers: int | None,
    server_settings: Sequence[str] = (),
) -> dict[str, Any]:
    """What a PostgreSQL connection of `make_engine`'s is opened with, beyond what the URL says;
    `server_settings`, more of the server's settings (`name=value`) for every statement on it."""
    connect_args: dict[str, Any] = {}
    query = make_url(url).query
    # Startup options: no extra round trip, and they hold for every statement on the connection.
    # Appended to any options the URL already carries (a search_path, say).
    startup = [f"-c {setting}" for setting in server_settings]
    if query_timeout_ms:
        startup.append(f"-c statement_timeout={query_timeout_ms}")
        startup.append(f"-c lock_timeout={lock_wait_ms(query_timeout_ms)}")
    if parallel_workers is not None:
        startup.append(f"-c max_parallel_workers_per_gather={parallel_workers}")
    if startup:
        options = query.get("options", "")
        options = " ".join(options) if isinstance(options, tuple) else options
        connect_args["options"] = " ".join([options, *startup]).strip()
    if connect_timeout:
        connect_args.update(
            (name, value)
            for name, value in _socket_options(connect_timeout, query_timeout_ms).items()
            if name not in query
        )
    return connect_args


def _socket_options(connect_timeout: int, query_timeout_ms: int | None) -> dict[str, int]:
    """libpq's connection options: the connect timeout, and TCP keepalives and a TCP user timeout, so
    the operating system closes a connection to a host that went away (what is sent is never
    acknowledged) instead of leaving it open for as long as its retransmissions last."""
    silence_ms = (connect_timeout * 1000) + (query_timeout_ms or 0)
    return {
        "connect_timeout": connect_timeout,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 2,
        "keepalives_count": 3,
        "tcp_user_timeout": silence_ms,
    }


def engine_for(settings: Settings) -> Engine:
    """The API's engine: statement and connect timeouts, and a bounded wait for a pooled connection."""
    pool: dict[str, Any] = {}
    if not _in_memory(settings.database_url):
        pool = {
            "pool_size": settings.db_pool_size,
            "max_overflow": settings.db_max_overflow,
            "pool_timeout": settings.db_pool_timeout,
        }
    return make_engine(
        settings.database_url,
        query_timeout_ms=settings.query_timeout_ms,
        connect_timeout=settings.db_connect_timeout,
        parallel_workers=settings.db_parallel_workers,
        mmap_bytes=settings.sqlite_mmap_bytes,
        **pool,
    )


def read_engine_for(settings: Settings, engine: Engine) -> Engine:
    """The engine of the API's reads in handler threads (a GET's session). On PostgreSQL, a pool of
    its own whose connections rest in autocommit, unpinged: a read's checkout and return switch
    nothing and send nothing, and its first statement (the data version, `app.datastate.current`)
    stands in for the ping, sent again on a new connection when it finds its connection ended.
    Elsewhere, `engine` in autocommit."""
    if engine.dialect.name != "postgresql":
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    reads = make_engine(
        settings.database_url,
        query_timeout_ms=settings.query_timeout_ms,
        connect_timeout=settings.db_connect_timeout,
        parallel_workers=settings.db_parallel_workers,
        ping=False,
        isolation_level="AUTOCOMMIT",
        pool_reset_on_return=None,  # in autocommit there is no transaction to end
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
    )
    # Closed with the engine's pool (the app's end, a test's): no connection outlives its engine's.
    event.listen(engine, "engine_disposed", lambda _engine: reads.dispose())
    return reads


def loop_reads_for(settings: Settings, engine: Engine) -> Any | None:
    """The API's reads by key that run in the event loop: on PostgreSQL (`app.postgres.LoopReads`), on
    as many connections at most as the engine's pool keeps; on SQLite (`app.sqlite_reads.LoopReads`),
    on one of the worker's own (None for a database in memory)."""
    if engine.dialect.name == "sqlite":
        from app.sqlite_reads import loop_reads as sqlite_loop_reads

        return sqlite_loop_reads(engine)
    from app.postgres import PLANNING_BY_KEY, loop_reads  # psycopg: a SQLite server never imports it

    connect_args = postgres_connect_args(
        settings.database_url,
        settings.query_timeout_ms,
        settings.db_connect_timeout,
        settings.db_parallel_workers,
        PLANNING_BY_KEY,
    )
    return loop_reads(
        engine, connect_args, settings.db_pool_size, settings.db_pool_timeout, settings.db_connect_timeout
    )


# On a pooled driver connection (PostgreSQL): the row the pool's ping read at this checkout
# (app.postgres.ping_reads), until a reader takes it.
PINGED_ROW = "bilateral_pinged_row"


def take_pinged_row(dbapi_connection: Any) -> Any | None:
    """The row the pool's ping read when `dbapi_connection` was checked out, once: None where there is
    none (SQLite; a new connection, which the pool does not ping; taken already)."""
    row = getattr(dbapi_connection, PINGED_ROW, None)
    if row is not None:
        delattr(dbapi_connection, PINGED_ROW)
    return row


# On a psycopg connection: the cursor its reads run on, for as long as the connection lives.
KEPT_CURSOR = "bilateral_kept_cursor"


def kept_cursor(dbapi_connection: Any, name: str = KEPT_CURSOR) -> Any:
    """A psycopg connection's cursor for the reads every request makes (the pool's ping, the data
    version, a record, a page), made once per connection: psycopg builds a cursor's adapters anew
    each time, about a tenth of a statement's Python. Hand it back with `release`. `name`: another
    of the connection's kept cursors (statements sent together each need one)."""
    cursor = getattr(dbapi_connection, name, None)
    if cursor is None or cursor.closed:
        cursor = dbapi_connection.cursor()
        setattr(dbapi_connection, name, cursor)
    return cursor


def kept_cursors(dbapi_connection: Any, count: int) -> list[Any]:
    """`count` of the connection's kept cursors (`kept_cursor`), the first the one every read uses:
    statements sent together (pipeline mode) each need a cursor of their own."""
    return [
        kept_cursor(dbapi_connection),
        *(kept_cursor(dbapi_connection, f"{KEPT_CURSOR}_{at}") for at in range(1, count)),
    ]


def release(cursor: Any) -> None:
    """A kept cursor's last result freed, so that an idle pooled connection holds no rows."""
    if cursor.pgresult is not None:
        cursor.pgresult.clear()


def _in_memory(url: str) -> bool:
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


# How long a SQLite writer waits for the write lock (another connection's or process's write), where
# the engine has no query timeout to take it from (lock_wait_ms).
SQLITE_BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 module opens transactions lazily, on its own terms, which breaks SAVEPOINTs and
    # transactional DDL: turn that off and let SQLAlchemy's "begin" emit BEGIN itself.
    dbapi_connection.isolation_level = None
    # SQLite leaves foreign keys off unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def lock_wait_ms(query_timeout_ms: int) -> int:
    """How long a statement waits for a lock another transaction holds: half its time, so that lock
    contention ends as itself (a 503 to retry), not as a query timeout."""
    return query_timeout_ms // 2


def _set_busy_timeout(dbapi_connection: Any, milliseconds: int) -> None:
    dbapi_connection.execute(f"PRAGMA busy_timeout={int(milliseconds)}")


def _sqlite_begin(connection: Connection) -> None:
    # On the driver's connection: every request begins a transaction, and SQLAlchemy's execute would
    # cost it some seventy Python calls (see DriverStatement).
    sql = "BEGIN IMMEDIATE" if connection.get_execution_options().get(_WRITES, False) else "BEGIN"
    try:
        connection.connection.driver_connection.execute(sql)  # type: ignore[union-attr]
    except connection.dialect.loaded_dbapi.Error as exc:
        raise driver_error(connection, exc, sql) from exc


_WRITES = "bilateral_writes"


def for_writes(engine: Engine) -> Engine:
    """The engine for transactions that write. On SQLite they begin IMMEDIATE, taking the write lock
    first and waiting up to the busy timeout for it: a deferred transaction that read before another
    commit cannot upgrade to a writer later, and SQLite refuses it at once (SQLITE_BUSY_SNAPSHOT)
    instead of waiting. Readers stay deferred and concurrent (WAL)."""
    return engine.execution_options(**{_WRITES: True})


def _set_mmap(dbapi_connection: Any, size: int) -> None:
    dbapi_connection.execute(f"PRAGMA mmap_size={int(size)}")


@contextmanager
def without_memory_map(session: Session) -> Iterator[None]:
    """A long read in storage order (an export) through read() on SQLite: the map gains a scan nothing
    (111k against 116k rows/s for a CSV of a million figures), and every page it touches would count
    in the process's resident memory (+504 MB over that export, against +12 MB) until it is unmapped.
    Call before the session reads anything: SQLite drops the map only while no page of it is in use."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    connection = session.connection()
    size = connection.exec_driver_sql("PRAGMA mmap_size").scalar()
    if not size:
        yield
        return
    connection.exec_driver_sql("PRAGMA mmap_size=0")
    try:
        yield
    finally:
        try:
            connection.exec_driver_sql(f"PRAGMA mmap_size={int(size)}")
        except SQLAlchemyError:
            # A stream cut short can leave the connection unusable: the pool drops it rather than
            # keep one that reads without the map.
            connection.invalidate()


# --- SQLite has no statement timeout: a progress handler interrupts a statement past its deadline ---

_DEADLINE = "bilateral_deadline"
_TIMEOUT = "bilateral_statement_timeout"
_PROGRESS_STEPS = 10_000  # virtual machine instructions between checks: microseconds apart


def _sqlite_statement_timeout(engine: Engine, seconds: float) -> None:
    def on_connect(dbapi_connection: Any, record: Any) -> None:
        deadline: list[float | None] = [None]
        record.info[_DEADLINE] = deadline
        record.info[_TIMEOUT] = seconds

        def past_deadline() -> int:
            due = deadline[0]
            return 1 if due is not None and time.monotonic() > due else 0  # non-zero interrupts

        dbapi_connection.set_progress_handler(past_deadline, _PROGRESS_STEPS)

    def start(conn: Any, *_args: Any) -> None:
        # The deadline covers the statement and the fetching of its rows (SQLite computes rows as
        # they are fetched), until the next statement, commit or rollback replaces or clears it.
        _set_deadline(conn.connection.info, time.monotonic() + seconds)

    def clear(conn: Any, *_args: Any) -> None:
        # COMMIT and ROLLBACK run on the virtual machine too: never interrupt them.
        if not conn.invalidated and not conn.closed:
            _set_deadline(conn.connection.info, None)

    def clear_checked_in(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            _set_deadline(record.info, None)

    def clear_reset(dbapi_connection: Any, record: Any, _reset_state: Any) -> None:
        clear_checked_in(dbapi_connection, record)

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "before_cursor_execute", start)
    event.listen(engine, "commit", clear)
    event.listen(engine, "rollback", clear)
    event.listen(engine.pool, "reset", clear_reset)
    event.listen(engine.pool, "checkin", clear_checked_in)


def renew_deadline(connection: Connection) -> None:
    """For a statement read in chunks (an export streamed from one SQLite statement): the next chunk
    gets the whole statement timeout again, so that a long export goes on while each chunk is still
    bounded. Nothing to do on PostgreSQL, whose statement_timeout covers the execution only."""
    renew_deadline_in(connection.connection.info)


def renew_deadline_in(info: dict[str, Any]) -> None:
    """`renew_deadline`, for a driver connection by its info (`own_connection`)."""
    seconds = info.get(_TIMEOUT)
    if seconds is not None:
        _set_deadline(info, time.monotonic() + seconds)


def own_connection(engine: Engine) -> tuple[Any, dict[str, Any]]:
    """A driver connection of `engine`'s database, connected as each of its pooled ones is (a SQLite
    one with its pragmas and its statement timeout), and out of the pool: its caller's to close. With
    its info, which `renew_deadline_in` reads."""
    try:
        pooled = engine.raw_connection()
    except engine.dialect.loaded_dbapi.Error as exc:
        raise as_dbapi_error(engine.dialect, exc) from exc
    pooled.detach()  # ours from now on, out of the pool's count
    return pooled.dbapi_connection, pooled.info


def own_connection_possible(engine: Engine) -> bool:
    """Whether a connection of one's own (`own_connection`) sees the same database as the engine's:
    not for an in-memory SQLite database, which is one per connection."""
    return engine.url.database not in (None, "", ":memory:") and "mode=memory" not in str(engine.url)


def _set_deadline(info: dict[str, Any], due: float | None) -> None:
    deadline = info.get(_DEADLINE)
    if deadline is not None:
        deadline[0] = due


# --- the statements every read makes, on the driver's cursor ---


class DriverStatement:
    """A read statement compiled once per engine and run on the driver's own cursor, in the
    connection's transaction.

    SQLAlchemy's execute (its events, execution context and result object) costs some seventy Python
    calls a statement: for the statements every read makes (the data version, one record by its id, a
    list's kept page statement) that was a fifth of answering a record. What of it matters here is
    done here too: the SQLite statement timeout (`renew_deadline`), the values converted as the
    statement's types convert them, and the driver's errors raised as SQLAlchemy's (`driver_error`),
    which `classify` answers with a 503 or 504. Values are bound by name, as `Connection.execute`
    binds them; an IN list is expanded as SQLAlchemy expands it (`construct_expanded_state`)."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}

    def rows(self, connection: Connection, values: Mapping[str, Any] = {}) -> list[Any]:
        dialect = connection.dialect
        compiled = self.compiled(dialect, values)
        sql, parameters = compiled.bound(values)
        renew_deadline(connection)
        driver = connection.connection.driver_connection
        kept = dialect.name == "postgresql"
        cursor = kept_cursor(driver) if kept else driver.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, parameters)
            rows = cursor.fetchall()
            convert = compiled.conversions(dialect, cursor)
        except dialect.loaded_dbapi.Error as exc:
            raise driver_error(connection, exc, sql, parameters) from exc
        finally:
            if kept:
                release(cursor)
            else:
                cursor.close()
        return converted(rows, convert)

    def compiled(self, dialect: Dialect, values: Mapping[str, Any] = {}) -> "_Compiled":
        """The statement as compiled for `dialect` (the first time, with `values` as an example)."""
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled[dialect.name] = _Compiled(self.statement, dialect, values)
        return compiled


def rows_together(
    connection: Connection, reads: Sequence[tuple[DriverStatement, Mapping[str, Any]]]
) -> list[list[Any]]:
    """The rows of each of `reads`, statements that need nothing of each other's answers. On
    PostgreSQL they are sent together in psycopg's pipeline mode, one round trip for all (each still
    a statement of its own, seeing what was committed when it began); elsewhere one after another."""
    dialect = connection.dialect
    if dialect.name != "postgresql" or len(reads) < 2:
        return [statement.rows(connection, values) for statement, values in reads]
    bound = []
    for statement, values in reads:
        compiled = statement.compiled(dialect, values)
        bound.append((compiled, *compiled.bound(values)))
    driver: Any = connection.connection.driver_connection
    cursors = kept_cursors(driver, len(reads))
    try:
        with driver.pipeline():
            for cursor, (_, sql, parameters) in zip(cursors, bound, strict=True):
                cursor.execute(sql, parameters)
        return [
            converted(cursor.fetchall(), compiled.conversions(dialect, cursor))
            for cursor, (compiled, _, _) in zip(cursors, bound, strict=True)
        ]
    except dialect.loaded_dbapi.Error as exc:
        raise driver_error(connection, exc) from exc
    finally:
        for cursor in cursors:
            release(cursor)


def converted(rows: Sequence[Any], convert: Sequence[tuple[int, Any]]) -> list[Any]:
    """`rows` with the columns `convert` names converted, each by its conversion ((position,
    conversion) pairs; empty: none). Most statements convert one column or none of many: only those
    are visited."""
    if not convert:
        return list(rows)
    found = []
    for row in rows:
        values = list(row)
        for at, f in convert:
            values[at] = f(values[at])
        found.append(tuple(values))
    return found


class _Compiled:
    """A statement's SQL for one engine, its parameters' order (positional drivers) and defaults
    (values written into the statement), and its columns' conversions."""

    def __init__(self, statement: ClauseElement, dialect: Dialect, values: Mapping[str, Any]) -> None:
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        # An IN list is written into the SQL per execution, one parameter per value: SQLAlchemy's
        # own expansion, for statements that have one.
        self._expanding = (
            compiled if compiled.post_compile_params or compiled.literal_execute_params else None
        )
        self.sql = compiled.string
        self.positions = None if compiled.positiontup is None else tuple(compiled.positiontup)
        self.defaults = {
            name: value
            for name, value in (compiled.construct_params(dict(values)) or {}).items()
            if name not in values
        }
        processors = (
            (name, bind.type.dialect_impl(dialect).bind_processor(dialect))
            for bind, name in compiled.bind_names.items()
        )
        self.binds = [(name, process) for name, process in processors if process is not None]
        self._types = [column.type for column in getattr(statement, "selected_columns", [])]
        self._convert: list[tuple[int, Any]] | None = None

    def conversions(self, dialect: Dialect, cursor: Any) -> list[tuple[int, Any]]:
        """The columns that have a conversion, as (position, conversion) pairs (`converted`), as
        SQLAlchemy finds it: from its type and the driver's type code (the first execution's). The
        cursor's description is read only then: psycopg builds it anew, column by column, each time."""
        if self._convert is None:
            description = cursor.description
            # A textual statement declares no columns: nothing to convert, as in SQLAlchemy.
            kinds = self._types if len(self._types) == len(description) else []
            found = [
                kind.dialect_impl(dialect).result_processor(dialect, column[1])
                for kind, column in zip(kinds, description, strict=False)
            ]
            self._convert = [(at, f) for at, f in enumerate(found) if f is not None]
        return self._convert

    def bound(self, values: Mapping[str, Any]) -> tuple[str, Any]:
        """The SQL and the driver's parameters for `values`."""
        if self._expanding is not None:
            state = self._expanding.construct_expanded_state({**self.defaults, **values})
            named = dict(state.parameters)
            for name, process in state.processors.items():
                if name in named:
                    named[name] = process(named[name])
            positions = state.positiontup
            return state.statement, named if positions is None else tuple([named[n] for n in positions])
        named = {**self.defaults, **values}
        for name, process in self.binds:
            named[name] = process(named[name])
        return self.sql, named if self.positions is None else tuple([named[n] for n in self.positions])


def driver_error(
    connection: Connection, exc: Any, sql: str | None = None, parameters: Any = None
) -> DBAPIError:
    """A driver's error as SQLAlchemy raises it, the connection invalidated if the error says the
    connection is gone (as SQLAlchemy would): what the error handlers and `classify` expect."""
    dialect = connection.dialect
    gone = dialect.is_disconnect(exc, connection.connection.dbapi_connection, None)
    if gone:
        connection.invalidate(exc)
    return as_dbapi_error(dialect, exc, sql, parameters, gone)


def as_dbapi_error(
    dialect: Dialect, exc: Any, sql: str | None = None, parameters: Any = None, gone: bool = False
) -> DBAPIError:
    """A driver's error wrapped as SQLAlchemy wraps it (`gone`: the connection is lost)."""
    error = DBAPIError.instance(
        sql, parameters, exc, dialect.loaded_dbapi.Error, connection_invalidated=gone, dialect=dialect
    )
    assert isinstance(error, DBAPIError)  # the driver's own errors are wrapped as DBAPIError
    return error


# --- what a database error means for the client ---

DatabaseFailure = Literal["timeout", "disk_full", "locked", "unavailable", "bug"]
# SQLite's primary result codes (an extended code keeps the primary one in its low byte).
_SQLITE_CODES: dict[int, DatabaseFailure] = {
    1: "bug",  # SQLITE_ERROR: "no such table", a syntax error (raised as OperationalError all the same)
    5: "locked",  # SQLITE_BUSY: another connection holds the write lock past the busy timeout
    6: "locked",  # SQLITE_LOCKED
    9: "timeout",  # SQLITE_INTERRUPT: the progress handler's deadline
    13: "disk_full",  # SQLITE_FULL
}
_PG_STATES: dict[str, DatabaseFailure] = {
    "57014": "timeout",  # query_canceled (statement_timeout)
    "53100": "disk_full",
    "55P03": "locked",  # lock_not_available (lock_timeout)
    "40P01": "locked",  # deadlock_detected
    "40001": "locked",  # serialization_failure
}


class WriteTurnTimeout(SQLAlchemyError):
    """A SQLite write that waited past the lock wait for the writes of its own process to end."""


def first_failure(exc: SQLAlchemyError) -> SQLAlchemyError:
    """The error that tells what happened: a rollback that failed while handling another error
    (SQLite ends the whole transaction itself on a full disk, so the savepoint is gone) only says
    "no such savepoint"; the database error it was handling says why."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, SQLAlchemyError) and classify(seen) != "bug":
            return seen
        seen = seen.__context__
    return exc


def classify(exc: SQLAlchemyError) -> DatabaseFailure:
    """`timeout`: a statement ran past the query timeout. `disk_full`: no space to write; retrying
    will not help. `locked`: another transaction held what this one needed (lock wait, deadlock);
    a retry will likely succeed. `unavailable`: the database cannot be reached or is overloaded, and
    a retry may succeed. `bug`: anything else (bad SQL)."""
    if isinstance(exc, PoolTimeout):
        return "unavailable"
    if isinstance(exc, WriteTurnTimeout):
        return "locked"
    if not isinstance(exc, DBAPIError):
        return "bug"
    original = exc.orig
    sqlstate = getattr(original, "sqlstate", None)  # psycopg
    sqlite_code = getattr(original, "sqlite_errorcode", None)  # sqlite3
    if sqlstate in _PG_STATES:
        return _PG_STATES[sqlstate]
    if sqlite_code is not None and sqlite_code & 0xFF in _SQLITE_CODES:
        return _SQLITE_CODES[sqlite_code & 0xFF]
    # Connection failures, shutdowns, too many connections, an unreadable disk: the DBAPI's
    # OperationalError and InterfaceError.
    return "unavailable"


def failure_code(exc: SQLAlchemyError) -> str:
    """What the driver said, for the log: the exception's class and its SQLSTATE or SQLite code
    name (never its message, which may carry a host name or a query)."""
    original = getattr(exc, "orig", None) or exc
    code = getattr(original, "sqlstate", None) or getattr(original, "sqlite_errorname", None)
    return f"{type(original).__name__} ({code})" if code else type(original).__name__


def make_sessionmaker(engine: Engine, *, writes: bool = False) -> sessionmaker[Session]:
    """Sessions on `engine`; with `writes`, their transactions take the write lock as they begin
    (see for_writes)."""
    return sessionmaker(for_writes(engine) if writes else engine, expire_on_commit=False)


# In a session's info: the session only reads (a GET or HEAD), so what it reads once stays true for it.
READ_ONLY = "bilateral_read_only"


def postgresql_indexes(connection: Connection, names: Iterable[str]) -> dict[str, str]:
    """Those of these indexes of the session's schema that are non-unique and whole, with their SQL
    (as pg_dump writes it), to build them again after a bulk load."""
    found = connection.exec_driver_sql(
        "SELECT c.relname, pg_get_indexdef(c.oid) "
        "FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(%s) "
        "AND NOT i.indisunique AND i.indpred IS NULL ORDER BY c.relname",
        (sorted(names),),
    )
    return {name: sql for name, sql in found}


def drop_for_load(connection: Connection, indexes: dict[str, str]) -> dict[str, str]:
    """Drop these indexes (name → SQL) inside the transaction, for a bulk load that builds them
    again at its end (a rollback brings them back). Returns those dropped: none when DROP INDEX
    waited past the session's lock_timeout for a reader of the table (PostgreSQL), when the load
    goes on with them kept up row by row, rather than failing."""
    connection.exec_driver_sql("SAVEPOINT defer_indexes")
    try:
        for name in indexes:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
    except DBAPIError as exc:
        if classify(exc) != "locked":
            raise
        connection.exec_driver_sql("ROLLBACK TO SAVEPOINT defer_indexes")
        indexes = {}
    connection.exec_driver_sql("RELEASE SAVEPOINT defer_indexes")
    return indexes
