"""The response cache: a GET answer is a pure function of the data version and the request, so its
bytes are kept (per process) and sent again until the data version moves.

Coherence without messages: every request reads the data version first (one single-row query), and
every write, import and seed bumps it in its own transaction (app/revisions.py). A change committed
through any worker process or replica is therefore seen by every other on its very next request;
entries of an older version are never served and are dropped as soon as a newer version is read.

What is kept: `200` answers to `GET /v1/…` with a Content-Length (buffered, so ConditionalGet has
already given them their ETag and, where asked, gzip), up to `max_entry_bytes` each. Streamed exports,
errors and `no-store` answers pass through. The key is everything the bytes depend on: path, raw query
string, host and scheme (for `Link`), Accept, Accept-Language and whether gzip is accepted.
"""

import contextlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread
from fastapi import FastAPI
from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api_keys import authenticate
from app.common.headers import not_modified
from app.db import DriverStatement, own_connection, own_connection_possible, take_pinged_row
from app.errors import database_problem
from app.models import DataState

CACHED_PREFIX = "/v1/"
_PROBE_THREADS = anyio.CapacityLimiter(4)
MAX_ENTRY_BYTES = 1024 * 1024
VERSION = select(DataState.version).where(DataState.id == 1)
VERSION_SQL = str(VERSION.compile(compile_kwargs={"literal_binds": True}))


@dataclass(frozen=True)
class Entry:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    tag: str  # the ETag without quotes or `-gzip`, as not_modified compares it
    route: Any  # the route that answered, for the metrics and access log of later hits


class Store:
    """The entries of one process; least recently used go first once the bytes kept pass `max_bytes`.
    Its counters feed /metrics."""

    def __init__(self, max_bytes: int, max_entry_bytes: int = MAX_ENTRY_BYTES) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self.entries: OrderedDict[tuple[Any, ...], Entry] = OrderedDict()
        self.size = 0
        self.version: int | None = None
        # Answers being computed now, by (version, key): the same request arriving meanwhile waits for
        # the first instead of computing it again (a burst on a new URL costs one computation).
        self.computing: dict[tuple[Any, ...], anyio.Event] = {}
        self.hits = self.misses = 0  # answered from here (perhaps after waiting), and computed

    def seen(self, version: int) -> None:
        """The data version a request just read: a newer one makes every entry stale."""
        if version != self.version:
            self.clear()
            self.version = version

    def clear(self) -> None:
        self.entries.clear()
        self.size = 0

    def get(self, key: tuple[Any, ...]) -> Entry | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: tuple[Any, ...], version: int, entry: Entry) -> None:
        if version != self.version:  # computed while the data moved on: never serve it as current
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)


class SharedReads:
    """Concurrent requests share one reading of the data version, and every reading starts after all
    the requests it answers arrived: so none of them can miss a write committed before it came, and
    under load one round trip answers many requests instead of one each.

    The first request to want a reading runs it, once the reading under way (which may have started
    before the others came) is done; those who come meanwhile wait for it."""

    def __init__(self, read: Callable[[], Awaitable[int]]) -> None:
        self._read = read
        self._waiting: _Reading | None = None  # the next reading: requests arriving now join it
        self._under_way: _Reading | None = None
        self.readings = 0

    async def __call__(self) -> int:
        mine = self._waiting
        if mine is not None:
            await mine.done.wait()
            return mine.result()
        mine = self._waiting = _Reading()
        # Shielded: those who joined this reading wait for it, even if the request that runs it is
        # cancelled (its client went away).
        with anyio.CancelScope(shield=True):
            while (before := self._under_way) is not None:
                await before.done.wait()
            self._waiting, self._under_way = None, mine
            self.readings += 1
            try:
                mine.value = await self._read()
            except Exception as exc:
                mine.error = exc
            finally:
                self._under_way = None
                mine.done.set()
        return mine.result()


class _Reading:
    def __init__(self) -> None:
        self.done = anyio.Event()
        self.value: int | None = None
        self.error: Exception | None = None

    def result(self) -> int:
        if self.error is not None:
            raise self.error
        assert self.value is not None
        return self.value


# The request headers an answer's bytes depend on (ASGI gives names in lower case).
_KEYED = (b"host", b"accept", b"accept-language", b"accept-encoding")


class ResponseCache:
    def __init__(self, app: ASGIApp, store: Store) -> None:
        self.app = app
        self.store = store
        self._shared: dict[Engine, SharedReads] = {}
        self._probes: dict[Engine, _Probe] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(CACHED_PREFIX):
            await self.app(scope, receive, send)
            return
        try:
            version = await self._version(scope["app"], scope)
        except SQLAlchemyError as exc:
            response = await database_problem(Request(scope), exc)
            await response(scope, receive, send)
            return
        if version is None:  # a read key is required and this request's is not valid: the app says why
            await self.app(scope, receive, send)
            return
        self.store.seen(version)
        # One pass over the raw headers, the first of each name as Headers.get would take it: every
        # request, hit or miss, pays for this, and a lookup by name scans them all each time.
        keyed: dict[bytes, bytes] = {}
        for name, value in scope["headers"]:
            if name in _KEYED and name not in keyed:
                keyed[name] = value
        key = (
            scope["path"],
            scope["query_string"],
            scope["scheme"],
            keyed.get(b"host"),
            keyed.get(b"accept"),
            keyed.get(b"accept-language"),
            b"gzip" in keyed.get(b"accept-encoding", b""),
        )
        flight = (version, *key)
        entry = self.store.get(key)
        if entry is None and (computing := self.store.computing.get(flight)) is not None:
            await computing.wait()
            entry = self.store.get(key)
        if entry is not None:
            self.store.hits += 1
            scope["route"] = entry.route
            await _send(entry, Headers(scope=scope), send)
            return
        self.store.misses += 1
        done = None
        if flight not in self.store.computing:  # else: not kept after all (an error?), computed again
            done = self.store.computing[flight] = anyio.Event()
        try:
            await self.app(scope, receive, self._keeper(scope, key, version, send))
        finally:
            if done is not None:
                del self.store.computing[flight]
                done.set()

    async def _version(self, app: FastAPI, scope: Scope) -> int | None:
        """The data version: on a connection of the engine the app's sessionmaker is bound to (on
        SQLite, one of this middleware's own; elsewhere, a pooled one), or, where it is bound to a
        connection (tests' transactions) or a read key must be checked too, in one of its sessions.
        None when a read key is required and this request has no valid one."""
        sessionmaker = app.state.sessionmaker
        require_key = app.state.settings.require_read_key
        bind = sessionmaker.kw.get("bind")
        sqlite = app.state.engine.dialect.name == "sqlite"

        if isinstance(bind, Engine) and not require_key:
            if sqlite:
                # A local file read of one row: cheaper inline than a thread.
                probe = self._probes.get(bind)
                if probe is None:
                    if not own_connection_possible(bind):
                        return _read_version(bind)
                    probe = self._probes[bind] = _Probe(bind, self._probes)
                return probe.read()
            shared = self._shared.get(bind)
            if shared is None:
                reads = app.state.loop_reads if bind is app.state.engine else None
                if reads is not None:  # PostgreSQL: in the event loop (app.postgres.LoopReads)
                    shared = SharedReads(lambda: _read_version_in_loop(reads))
                else:  # threads of their own: a hit must not wait for a free handler thread
                    shared = SharedReads(
                        lambda: anyio.to_thread.run_sync(_read_version, bind, limiter=_PROBE_THREADS)
                    )
                self._shared[bind] = shared
            return await shared()

        def read_in_session() -> int | None:
            with sessionmaker() as session:
                if require_key:
                    scheme, _, token = Headers(scope=scope).get("authorization", "").partition(" ")
                    caller = authenticate(session, token.strip()) if scheme.lower() == "bearer" else None
                    if caller is None or "read" not in caller.scopes:
                        return None
                return int(session.execute(VERSION).scalar_one())

        if sqlite:
            return read_in_session()
        return await anyio.to_thread.run_sync(read_in_session, limiter=_PROBE_THREADS)

    def _keeper(self, scope: Scope, key: tuple[Any, ...], version: int, send: Send) -> Send:
        """`send`, keeping a copy of a cacheable answer on its way out."""
        start: Message | None = None
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                response_headers = Headers(raw=message["headers"])
                length = response_headers.get("content-length")
                if (
                    message["status"] == 200
                    and length is not None
                    and int(length) <= self.store.max_entry_bytes
                    and "etag" in response_headers
                    and "no-store" not in response_headers.get("cache-control", "")
                ):
                    # A copy: the middleware outside this one adds its headers to the message's list.
                    start = {**message, "headers": list(message["headers"])}
            elif start is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._store(key, version, start, b"".join(chunks), scope.get("route"))
            await send(message)

        return keep

    def _store(self, key: tuple[Any, ...], version: int, start: Message, body: bytes, route: Any) -> None:
        tag = Headers(raw=start["headers"])["etag"].removeprefix("W/").strip('"').removesuffix("-gzip")
        self.store.put(key, version, Entry(start["headers"], body, tag, route))


_VERSION = DriverStatement(VERSION)


async def _read_version_in_loop(reads: Any) -> int:
    """The reading in the event loop, on the app's own asynchronous connections."""
    [(number,)] = await reads.rows(_VERSION, {})
    return int(number)


def _read_version(engine: Engine) -> int:
    """The reading on PostgreSQL (and on an in-memory SQLite database, where `_Probe` cannot open a
    connection of its own): one statement on a pooled DBAPI connection, no Session, no BEGIN (a third
    of the cost). The driver's errors are raised as SQLAlchemy's, as the rest of the app sees them."""
    dbapi_error = engine.dialect.loaded_dbapi.Error
    try:
        connection = engine.raw_connection()
    except dbapi_error as exc:
        raise DBAPIError.instance(None, None, exc, dbapi_error) from exc
    row: Any = take_pinged_row(connection.dbapi_connection)  # what the pool's ping read (PostgreSQL)
    try:
        if row is None:
            cursor = connection.cursor()
            cursor.execute(VERSION_SQL)
            row = cursor.fetchone()
            cursor.close()
    except dbapi_error as exc:
        connection.invalidate()  # possibly broken: not back into the pool
        raise DBAPIError.instance(VERSION_SQL, None, exc, dbapi_error) from exc
    finally:
        connection.close()  # back to the pool, which ends any transaction
    return int(row[0])


class _Probe:
    """A SQLite connection of the response cache's own, used only on the event loop, that reads the
    data version for every request: checking a connection out of the engine's pool and back in
    (with the rollback that ends its use) was most of the cost of the reading, which every request,
    hit or miss, pays. In autocommit (the engine's connections run with isolation_level None) each
    reading is a transaction of its own that ends with its statement, so it sees every write
    committed before it, as a pooled connection's does. Closed when the engine is disposed of, or
    after an error (the next request opens another)."""

    def __init__(self, engine: Engine, probes: dict[Engine, "_Probe"]) -> None:
        self._error = engine.dialect.loaded_dbapi.Error
        self._connection, _ = own_connection(engine)
        self._engine, self._probes, self._closed = engine, probes, False
        # Left in place once closed (removing a listener while the event runs it is not allowed).
        event.listen(engine, "engine_disposed", self.close)

    def read(self) -> int:
        try:
            # All rows fetched: the statement is done and its read transaction over.
            rows = self._connection.execute(VERSION_SQL).fetchall()
        except self._error as exc:
            self.close()  # possibly broken: the next request opens another
            raise DBAPIError.instance(VERSION_SQL, None, exc, self._error) from exc
        return int(rows[0][0])

    def close(self, *_args: Any) -> None:
        if self._closed:
            return
        self._closed = True
        if self._probes.get(self._engine) is self:
            del self._probes[self._engine]
        with contextlib.suppress(self._error):
            self._connection.close()


async def _send(entry: Entry, request: Headers, send: Send) -> None:
    headers = MutableHeaders(raw=list(entry.headers))  # a copy: outer middleware adds to it
    if_none_match, if_modified_since = request.get("if-none-match"), request.get("if-modified-since")
    if not_modified(entry.tag, headers.get("last-modified"), if_none_match, if_modified_since):
        await send_not_modified(headers, send)
        return
    await send({"type": "http.response.start", "status": 200, "headers": headers.raw})
    await send({"type": "http.response.body", "body": entry.body})


async def send_not_modified(headers: MutableHeaders, send: Send) -> None:
    """A 304 with the answer's validators and caching headers, without its body or what describes it."""
    for name in ("content-length", "content-type", "content-encoding"):
        if name in headers:
            del headers[name]
    await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
    await send({"type": "http.response.body", "body": b""})
