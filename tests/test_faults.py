"""Faults: the database goes away (and comes back), a commit fails, the process is told to stop.

In each, a request gets a quick, honest answer (503 problem+json, never a hang and never a 2xx for a
write that did not happen), and nothing is left half-written. The PostgreSQL outage goes through a
TCP proxy the test takes down and brings back (tests/tcp_proxy.py); the shared server is untouched.
"""

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anyio
import httpx
import orjson
import pytest
from sqlalchemy import event, literal, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app import datastate
from app.config import REPO_ROOT
from app.db import KEPT_CURSOR, READ_ONLY, make_engine
from app.models import Country, DataState, Event, EventCode
from tests.conftest import Database, copy_template, without_gc_pauses
from tests.hardening_app import WriteGate, build, serve, settings_for
from tests.tcp_proxy import TcpProxy, free_port, proxy_to, through

QUICK = 2.0  # seconds: the longest a request may take to say the database is gone


def data_version(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.scalar(select(DataState.version)) or 0)
    finally:
        engine.dispose()


@pytest.fixture
def migrated(empty_database: Database) -> Database:
    copy_template(empty_database, "migrated")
    return empty_database


@pytest.fixture
def proxy(migrated: Database) -> Iterator[TcpProxy]:
    with proxy_to(migrated.url) as running:
        yield running


async def timed_get(client: httpx.AsyncClient, path: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = await client.get(path)
    return response, time.monotonic() - started


def assert_problem(response: httpx.Response, status: int, slug: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == f"/problems/{slug}"


postgresql_only = pytest.mark.parametrize("empty_database", ["postgresql"], indirect=True)


@postgresql_only
@pytest.mark.anyio
async def test_an_outage_is_a_quick_503_and_service_resumes_by_itself(
    migrated: Database, proxy: TcpProxy
) -> None:
    async with serve(build(settings_for(through(proxy, migrated.url)))) as client:
        assert (await client.get("/readyz")).status_code == 200
        assert (await client.get("/v1/countries?limit=1")).status_code == 200  # a pooled connection

        proxy.stop()  # the database goes away: open connections cut, new ones refused
        for path in ["/v1/countries?limit=1", "/v1/events", "/v1/countries?limit=1"]:
            response, elapsed = await timed_get(client, path)
            assert_problem(response, 503, "database-unavailable")
            assert response.headers["retry-after"] == "5" and elapsed < QUICK
        response, elapsed = await timed_get(client, "/readyz")
        assert_problem(response, 503, "not-ready")
        assert elapsed < QUICK
        assert (await client.get("/healthz")).status_code == 200  # the process itself is fine

        proxy.start()  # it comes back: the same app serves again, no restart
        assert (await client.get("/readyz")).status_code == 200
        assert (await client.get("/v1/countries?limit=1")).status_code == 200


@postgresql_only
@pytest.mark.anyio
async def test_a_database_that_stops_answering_is_a_503_after_the_connect_timeout(
    migrated: Database, proxy: TcpProxy
) -> None:
    async with serve(build(settings_for(through(proxy, migrated.url), db_connect_timeout=2))) as client:
        assert (await client.get("/v1/countries?limit=1")).status_code == 200
        proxy.stop()
        proxy.start(mode="stall")  # connections are accepted and never answered
        for path in ["/v1/countries?limit=1", "/readyz"]:
            response, elapsed = await timed_get(client, path)
            assert response.status_code == 503, response.text
            assert elapsed < 2 + QUICK  # the connect timeout (2 s, libpq's floor), not a hang
        proxy.stop()
        proxy.start()
        assert (await client.get("/v1/countries?limit=1")).status_code == 200


@postgresql_only
@pytest.mark.anyio
async def test_a_database_that_freezes_is_a_503_within_seconds_and_service_resumes(
    migrated: Database, proxy: TcpProxy
) -> None:
    """Pooled connections stay open and go silent (the server hangs, nothing is refused): each
    request, and /readyz, gives up on the database within seconds instead of waiting on it."""
    async with serve(build(settings_for(through(proxy, migrated.url), query_timeout_ms=1000))) as client:
        for path in ["/readyz", "/v1/countries?limit=1", "/v1/events"]:
            assert (await client.get(path)).status_code == 200  # connections pooled

        proxy.freeze()
        for path in ["/v1/countries?limit=1", "/readyz"]:  # each meets a pooled connection gone silent
            with anyio.fail_after(10):  # a hang fails the test rather than stall the suite
                response, elapsed = await timed_get(client, path)
            assert response.status_code == 503, response.text
            assert response.headers["content-type"] == "application/problem+json"
            assert elapsed < 3.0, (path, elapsed)

        proxy.thaw()
        for path in ["/readyz", "/v1/countries?limit=1", "/v1/events"]:
            assert (await client.get(path)).status_code == 200, path


@postgresql_only
@pytest.mark.anyio
async def test_a_read_waiting_on_a_silent_database_leaves_the_worker_answering(
    migrated: Database, proxy: TcpProxy
) -> None:
    """On PostgreSQL a read runs in a handler thread: while it waits on a
    server gone silent, the worker's event loop still answers what needs no database."""
    settings = settings_for(through(proxy, migrated.url), query_timeout_ms=1000, response_cache_mb=0)
    async with serve(build(settings)) as client:
        assert (await client.get("/v1/countries?limit=1")).status_code == 200  # a pooled connection

        proxy.freeze()
        read: list[int] = []

        async def waiting_read() -> None:
            read.append((await client.get("/v1/countries?limit=1")).status_code)

        with anyio.fail_after(10):
            async with anyio.create_task_group() as tasks:
                tasks.start_soon(waiting_read)
                await anyio.sleep(0.2)  # the read has met the silent connection
                assert (await client.get("/healthz")).status_code == 200
                assert read == []  # answered while the read still waits
        assert read == [503]
        proxy.thaw()
        assert (await client.get("/v1/countries?limit=1")).status_code == 200


@postgresql_only
@pytest.mark.anyio
async def test_a_write_cut_off_by_an_outage_is_a_503_and_leaves_nothing(
    migrated: Database, proxy: TcpProxy
) -> None:
    gate = WriteGate()
    before = data_version(migrated.url)
    async with serve(build(settings_for(through(proxy, migrated.url)), gate=gate)) as client:
        request = asyncio.create_task(client.post("/test/write"))
        assert await asyncio.to_thread(gate.written.wait, 5)  # its UPDATE ran, the commit has not
        proxy.stop()
        gate.release.set()
        response = await request
        assert_problem(response, 503, "database-unavailable")
        proxy.start()
        assert data_version(migrated.url) == before  # not committed, not half-written
        again = await client.post("/test/write")  # the retry the 503 invited
        assert again.status_code == 200 and again.json() == {"version": before + 1}
    assert data_version(migrated.url) == before + 1


@pytest.mark.anyio
async def test_a_failed_commit_is_never_answered_with_success(migrated: Database) -> None:
    # The session commits before the response is sent (app/request_session.py SessionDep): a commit that fails
    # is the client's error response, not a 200 for a write that was lost.
    before = data_version(migrated.url)
    app = build(settings_for(migrated.url))

    def lose_connection(_connection: Any) -> None:
        raise OperationalError("COMMIT", {}, ConnectionError("connection lost during commit"))

    async with serve(app) as client:
        event.listen(app.state.engine, "commit", lose_connection)
        response = await client.post("/test/write")
        event.remove(app.state.engine, "commit", lose_connection)
        assert_problem(response, 503, "database-unavailable")
        assert data_version(migrated.url) == before
        assert (await client.post("/test/write")).json() == {"version": before + 1}


@pytest.mark.anyio
async def test_a_write_cut_off_by_the_query_timeout_leaves_nothing(migrated: Database) -> None:
    before = data_version(migrated.url)
    async with serve(build(settings_for(migrated.url, query_timeout_ms=200))) as client:
        response = await client.post("/test/write?then_slow_query=true")  # an UPDATE, then a slow query
        assert_problem(response, 504, "query-timeout")
        assert data_version(migrated.url) == before
        assert (await client.post("/test/write")).json() == {"version": before + 1}


# --- SIGTERM ---


def wait_for(condition: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1).status_code == 200
    except httpx.TransportError:
        return False


def test_sigterm_drains_in_flight_requests_and_exits_cleanly(migrated: Database, tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    marker = tmp_path / "write-in-flight"
    env = {
        **os.environ,
        "DATABASE_URL": migrated.url,
        "BILATERAL_RATE_LIMIT_PER_MINUTE": "0",
        "HARDENING_APP_MARKER": str(marker),
    }
    command = [sys.executable, "-m", "uvicorn", "tests.hardening_app:create", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--timeout-graceful-shutdown", "10"]
    before = data_version(migrated.url)
    with (tmp_path / "stderr").open("w+") as stderr:
        server = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            wait_for(lambda: answers(f"{base}/healthz"), 20, "the server to start")
            with ThreadPoolExecutor(1) as pool:
                slow = pool.submit(httpx.post, f"{base}/test/write?seconds=1", timeout=10)
                wait_for(marker.exists, 5, "the write to be in flight")
                server.send_signal(signal.SIGTERM)
                wait_for(lambda: not answers(f"{base}/healthz"), 2, "new connections to be refused")
                response = slow.result()
            # Clean: uvicorn finishes the shutdown, then re-raises the SIGTERM it caught so that a
            # supervisor sees the process ended as asked (143 in a shell); 0 from older versions.
            assert server.wait(10) in (0, -signal.SIGTERM)
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
        stderr.seek(0)
        lines = [json.loads(line) for line in stderr if line.startswith("{")]
    assert response.status_code == 200 and response.json() == {"version": before + 1}
    assert data_version(migrated.url) == before + 1  # the in-flight write was committed, once
    writes = [line for line in lines if line.get("path") == "/test/write"]
    assert len(writes) == 1 and writes[0]["status"] == 200  # one line per request, uvicorn's access log off
    messages = [line["message"] for line in lines if line["logger"].startswith("uvicorn")]
    assert any("Shutting down" in message for message in messages)
    assert any("Application shutdown complete" in message for message in messages)  # engine disposed
    assert any("Finished server process" in message for message in messages)


def test_the_apis_postgresql_connections_carry_its_timeout_and_no_parallel_workers(
    migrated: Database,
) -> None:
    """BILATERAL_QUERY_TIMEOUT_MS and BILATERAL_DB_PARALLEL_WORKERS, as startup options of every
    connection the API opens, beside any options of the URL."""
    if not migrated.url.startswith("postgresql"):
        pytest.skip("PostgreSQL settings")
    from sqlalchemy import text

    url = make_url(migrated.url).update_query_dict({"options": "-c search_path=public"})
    engine = make_engine(url.render_as_string(hide_password=False), query_timeout_ms=1234, parallel_workers=0)
    try:
        with engine.connect() as connection:
            shown = [
                connection.scalar(text(f"SHOW {name}"))
                for name in ("statement_timeout", "max_parallel_workers_per_gather", "search_path")
            ]
    finally:
        engine.dispose()
    assert shown == ["1234ms", "0", "public"]


@pytest.mark.anyio
async def test_more_concurrent_requests_than_connections_wait_their_turn_not_the_pool_timeout(
    migrated: Database,
) -> None:
    """A request ends its transaction in a thread of its own: never queued behind a handler that
    waits for the very connection this request holds (which would stall both until the pool timeout,
    and answer 503)."""
    settings = settings_for(migrated.url, db_pool_size=1, db_max_overflow=0, db_pool_timeout=10.0)
    handlers = anyio.to_thread.current_default_thread_limiter()
    tokens, handlers.total_tokens = handlers.total_tokens, 1  # as BILATERAL_WORKER_THREADS=1
    try:
        async with serve(build(settings)) as client:
            started = time.monotonic()
            responses: list[httpx.Response] = []

            async def get(path: str) -> None:
                responses.append(await client.get(path))

            async with anyio.create_task_group() as tasks:
                for n in range(8):
                    tasks.start_soon(get, f"/v1/events?limit={n + 1}")
            elapsed = time.monotonic() - started
    finally:
        handlers.total_tokens = tokens
    assert [r.status_code for r in responses] == [200] * 8
    # None of them waited out the pool timeout (which would have answered 503 after it, too): the
    # timeout is long enough that a loaded machine does not reach it in eight small reads.
    assert elapsed < 10.0


@pytest.mark.anyio
async def test_reads_on_postgresql_run_in_autocommit_and_writes_in_one_transaction(
    migrated: Database,
) -> None:
    """A GET spends no round trips on BEGIN and COMMIT (under READ COMMITTED every statement sees what
    was committed when it began either way); anything else is one transaction."""
    if not migrated.url.startswith("postgresql"):
        pytest.skip("PostgreSQL's autocommit")
    async with serve(build(settings_for(migrated.url))) as client:
        assert (await client.get("/test/transaction")).json() == {"shared": False}
        assert (await client.post("/test/transaction")).json() == {"shared": True}


@postgresql_only
@pytest.mark.anyio
async def test_a_pooled_connection_the_server_ended_is_replaced_within_the_request(
    migrated: Database,
) -> None:
    """A pooled connection that the server ended (a restart, an administrator, an idle timeout) is
    replaced within the request: the reads' first statement (the data version) is sent again on a
    new connection, writes' connections are pinged. An answer, not a 503."""
    from sqlalchemy import text

    admin = make_engine(migrated.url)
    settings = settings_for(migrated.url, response_cache_mb=0, db_pool_size=2, db_max_overflow=0)
    try:
        async with serve(build(settings)) as client:
            for path in ["/v1/countries?limit=1", "/v1/events?limit=1"]:
                assert (await client.get(path)).status_code == 200  # connections pooled
            with admin.connect() as connection:
                ended = connection.scalar(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                )
            assert ended
            for path in ["/v1/countries?limit=1", "/v1/events?limit=1", "/v1/countries?limit=1"]:
                assert (await client.get(path)).status_code == 200, path
    finally:
        admin.dispose()


@postgresql_only
@pytest.mark.anyio
async def test_a_pooled_connections_reads_run_on_one_cursor_that_keeps_no_rows(migrated: Database) -> None:
    """The data version and the page of every request on a pooled connection run on the one cursor
    kept with it, and each statement's result is freed once read: an idle connection
    holds no rows."""
    app = build(settings_for(migrated.url, response_cache_mb=0, db_pool_size=1, db_max_overflow=0))
    kept = []
    async with serve(app) as client:
        for path in ["/v1/countries?limit=5", "/v1/events?limit=5", "/v1/countries?limit=5"]:
            assert (await client.get(path)).status_code == 200, path
            pooled = app.state.autocommit_engine.raw_connection()  # the reads' pool
            try:
                cursor = getattr(pooled.driver_connection, KEPT_CURSOR)
                assert cursor.pgresult.ntuples == 0  # freed
                kept.append(cursor)
            finally:
                pooled.close()
    assert kept[0] is kept[1] is kept[2]


@postgresql_only
@pytest.mark.anyio
async def test_statements_sent_together_run_on_kept_cursors_that_keep_no_rows(
    empty_database: Database,
) -> None:
    """The pair dossier's statements sent together (pipeline mode) run on cursors kept with the
    connection, the first the one every read uses; each result is freed once read."""
    copy_template(empty_database, "seeded")
    app = build(settings_for(empty_database.url, response_cache_mb=0, db_pool_size=1, db_max_overflow=0))
    kept = []
    async with serve(app) as client:
        for _ in range(2):
            assert (await client.get("/v1/relations/AZ/KZ")).status_code == 200
            pooled = app.state.autocommit_engine.raw_connection()  # the reads' pool
            try:
                names = [KEPT_CURSOR, f"{KEPT_CURSOR}_1", f"{KEPT_CURSOR}_2"]
                cursors = [getattr(pooled.driver_connection, name) for name in names]  # kept by the dossier
                assert all(cursor.pgresult is None or cursor.pgresult.ntuples == 0 for cursor in cursors)
                kept.append(cursors)
            finally:
                pooled.close()
    assert all(first is second for first, second in zip(*kept, strict=True))


@pytest.mark.anyio
async def test_a_read_on_a_pooled_connection_names_the_data_version_of_its_request(
    empty_database: Database,
) -> None:
    """On PostgreSQL a read on a pooled connection reads the data version for the request: the
    version of this request, never one an earlier request read."""
    copy_template(empty_database, "seeded")
    settings = settings_for(empty_database.url, response_cache_mb=0, db_pool_size=1, db_max_overflow=0)
    engine = make_engine(empty_database.url)
    try:
        async with serve(build(settings)) as client:
            first = await client.get("/v1/events?limit=1")
            record = f"/v1/events/{first.json()['items'][0]['id']}"
            for year in (2030, 2031):
                with Session(engine) as session, session.begin():
                    session.execute(
                        update(DataState).values(
                            version=DataState.version + 1, changed_at=datetime(year, 1, 2, tzinfo=UTC)
                        )
                    )
                for path in ["/v1/events?limit=1", record]:
                    response = await client.get(path)
                    assert response.status_code == 200, response.text
                    assert response.headers["last-modified"].split()[3] == str(year), path
    finally:
        engine.dispose()


def _statements_sent(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The statements psycopg's cursors execute from now on, in order (PostgreSQL's round trips)."""
    import psycopg

    sent: list[Any] = []
    execute = psycopg.Cursor.execute

    def counted(cursor: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        sent.append(query)
        return execute(cursor, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", counted)
    return sent


def _round_trips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """PostgreSQL's round trips from now on: `statement` for one sent alone, `pipeline` for the
    statements psycopg sends together in pipeline mode."""
    import psycopg

    trips: list[str] = []
    execute, pipeline = psycopg.Cursor.execute, psycopg.Connection.pipeline

    def alone(cursor: Any, *args: Any, **kwargs: Any) -> Any:
        if cursor.connection.pgconn.pipeline_status == psycopg.pq.PipelineStatus.OFF:
            trips.append("statement")
        return execute(cursor, *args, **kwargs)

    def together(connection: Any) -> Any:
        trips.append("pipeline")
        return pipeline(connection)

    monkeypatch.setattr(psycopg.Cursor, "execute", alone)
    monkeypatch.setattr(psycopg.Connection, "pipeline", together)
    return trips


@postgresql_only
@pytest.mark.anyio
@pytest.mark.parametrize("query", ["", "?points=1", "?lang=ru", "?as_of=2099-01-01"])
async def test_a_pair_dossier_is_two_round_trips(
    empty_database: Database, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """The pair's records are found once, with the data version; every other statement is sent
    together after, given their ids; as of a day, its records are read as a list reads them then
    (the ORM)."""
    trips = _round_trips(monkeypatch)
    sent = _statements_sent(monkeypatch)
    copy_template(empty_database, "seeded")
    settings = settings_for(empty_database.url, response_cache_mb=0, db_pool_size=1, db_max_overflow=0)
    async with serve(build(settings)) as client:
        for _ in range(2):  # the second after the countries' memo is kept
            trips.clear()
            sent.clear()
            assert (await client.get(f"/v1/relations/AZ/KZ{query}")).status_code == 200
    if "as_of" in query:
        assert trips[:2] == ["pipeline", "pipeline"] and "statement" in trips[2:]
    else:
        assert trips == ["pipeline", "pipeline"]
    # Only the first finds the pair's events, agreements and projects.
    intersects = [str(statement).count("INTERSECT") for statement in sent]
    assert intersects[:2] == [0, 3] and sum(intersects) == 3


@postgresql_only
@pytest.mark.anyio
async def test_a_list_page_reads_the_data_version_in_its_own_statement(
    empty_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL a list page reads the data version's number beside its rows: one statement a
    page. A page built at a version the data has since left is built again at the new one."""
    sent = _statements_sent(monkeypatch)
    copy_template(empty_database, "seeded")
    settings = settings_for(empty_database.url, response_cache_mb=0, db_pool_size=1, db_max_overflow=0)
    engine = make_engine(empty_database.url)
    path = "/v1/countries?limit=1"
    try:
        async with serve(build(settings)) as client:
            first = (await client.get(path)).json()["items"][0]
            sent.clear()
            assert (await client.get(path)).status_code == 200
            assert len(sent) == 1
            with Session(engine) as session, session.begin():
                session.execute(update(Country).where(Country.id == first["id"]).values(name_en="Renamed"))
                session.execute(
                    update(DataState).values(
                        version=DataState.version + 1, changed_at=datetime(2031, 1, 2, tzinfo=UTC)
                    )
                )
            sent.clear()
            response = await client.get(path)
            assert response.json()["items"][0]["name"] == "Renamed"
            assert response.headers["last-modified"].split()[3] == "2031"
            assert len(sent) == 3  # the page at the version seen before, the version, the page again
            sent.clear()
            assert (await client.get(path)).json()["items"][0]["name"] == "Renamed"
            assert len(sent) == 1
    finally:
        engine.dispose()


@postgresql_only
@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "after_a_change"),
    [
        ("/v1/search?q=%D0%BF%D0%BE%D1%80%D1%82", 3),  # порт
        ("/v1/search?q=zzzunknownword", 3),  # no hit: the block's size still comes with the version
        # Their dataset codes' intensities, floats, read in the page; the countries' memo read again.
        ("/v1/events?limit=5", 4),
        ("/v1/infrastructure-projects?limit=5", 3),  # their trade figures' values: floats too
        # The countries' names read with the points.
        ("/v1/trade-figures/series?reporter=AZ&partner=KZ&indicator=trade_turnover", 3),
    ],
)
async def test_search_and_lists_with_floats_read_in_one_statement(
    empty_database: Database, monkeypatch: pytest.MonkeyPatch, path: str, after_a_change: int
) -> None:
    """On PostgreSQL a search page, a page of events or projects and a trade series are one statement
    too, the data version's number read in it; after a change made elsewhere, built again at the new
    version."""
    sent = _statements_sent(monkeypatch)
    copy_template(empty_database, "seeded")
    settings = settings_for(empty_database.url, response_cache_mb=0, db_pool_size=1, db_max_overflow=0)
    engine = make_engine(empty_database.url)
    try:
        async with serve(build(settings)) as client:
            before = await client.get(path)
            assert before.status_code == 200, before.text
            sent.clear()
            assert (await client.get(path)).content == before.content
            assert len(sent) == 1
            with Session(engine) as session, session.begin():
                session.execute(
                    update(DataState).values(
                        version=DataState.version + 1, changed_at=datetime(2031, 1, 2, tzinfo=UTC)
                    )
                )
            sent.clear()
            response = await client.get(path)
            assert response.content == before.content
            assert response.headers["last-modified"].split()[3] == "2031"
            # The page at the version seen before, the version, the page again (and what is kept
            # per version read again).
            assert len(sent) == after_a_change
    finally:
        engine.dispose()


def _sqlite_statements(app: Any) -> list[str]:
    """The first word of each statement the app's SQLite connections run from their opening on (not
    those FTS5 runs inside a statement, nor the pragmas each connection is opened with)."""
    sent: list[str] = []

    def trace(statement: str) -> None:
        if not statement.startswith(("--", "PRAGMA")):
            sent.append(statement.split()[0])

    event.listen(
        app.state.engine, "connect", lambda connection, _record: connection.set_trace_callback(trace)
    )
    return sent


def _bump(url: str, year: int, rename: str | None = None) -> None:
    """A change made elsewhere: the data version moved (and a country renamed)."""
    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():
            if rename is not None:
                session.execute(update(Country).where(Country.id == rename).values(name_en="Renamed"))
            session.execute(
                update(DataState).values(
                    version=DataState.version + 1, changed_at=datetime(year, 1, 2, tzinfo=UTC)
                )
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_database", ["sqlite"], indirect=True)
@pytest.mark.anyio
async def test_a_sqlite_list_page_reads_the_data_version_in_its_own_statement(
    empty_database: Database,
) -> None:
    """On SQLite a list page reads the data version's number beside its rows, in its read
    transaction: no statement of its own. After a change made elsewhere the page is built again at
    the new version, in the same read transaction."""
    copy_template(empty_database, "seeded")
    app = build(settings_for(empty_database.url, response_cache_mb=0))
    sent = _sqlite_statements(app)
    path = "/v1/countries?limit=1"
    async with serve(app) as client:
        first = (await client.get(path)).json()["items"][0]
        sent.clear()
        assert (await client.get(path)).status_code == 200
        assert sent == ["BEGIN", "WITH", "ROLLBACK"]
        _bump(empty_database.url, 2031, rename=first["id"])
        sent.clear()
        response = await client.get(path)
        assert response.json()["items"][0]["name"] == "Renamed"
        assert response.headers["last-modified"].split()[3] == "2031"
        # The page at the version seen before, the version, the page again.
        assert sent == ["BEGIN", "WITH", "SELECT", "WITH", "ROLLBACK"]
        sent.clear()
        assert (await client.get(path)).json()["items"][0]["name"] == "Renamed"
        assert sent == ["BEGIN", "WITH", "ROLLBACK"]


@pytest.mark.parametrize("empty_database", ["sqlite"], indirect=True)
@pytest.mark.anyio
async def test_sqlite_reads_an_events_dataset_codes_in_its_own_statement(empty_database: Database) -> None:
    """An event's dataset codes, whose intensities are floats a CHECK bounds, are read inside the
    page's statement on SQLite, and an event by id is one statement in the event loop."""
    copy_template(empty_database, "seeded")
    engine = make_engine(empty_database.url)
    try:
        with Session(engine) as session, session.begin():
            first = session.scalars(select(Event.id).order_by(Event.id)).first()
            assert first is not None
            intensities = [0.1, -9.999999999999998, None, 7.0]
            session.add_all(
                EventCode(event_id=first, scheme="CAMEO", code="042", intensity=value)
                for value in intensities
            )
    finally:
        engine.dispose()
    app = build(settings_for(empty_database.url, response_cache_mb=0))
    sent = _sqlite_statements(app)
    path = "/v1/events?sort=id&limit=5"
    async with serve(app) as client:
        page = await client.get(path)
        [event, *_] = page.json()["items"]
        assert [code["intensity"] for code in event["external_codes"]] == intensities
        sent.clear()
        assert (await client.get(path)).content == page.content
        assert sent == ["BEGIN", "WITH", "ROLLBACK"]
        sent.clear()
        record = await client.get(f"/v1/events/{first}")
        assert record.content == orjson.dumps(event)
        assert sent == ["SELECT"]


@pytest.mark.parametrize("empty_database", ["sqlite", "postgresql"], indirect=True)
def test_a_memo_keeps_nothing_read_at_a_version_not_yet_confirmed(empty_database: Database) -> None:
    """What a page's build reads into a memo while its version is assumed is kept only once the page
    confirms that version: read after a change, it is not labelled with the version before it."""
    copy_template(empty_database, "seeded")
    engine = make_engine(empty_database.url)
    memo: datastate.VersionMemo[str | None] = datastate.VersionMemo()
    kept_before_each_build: list[list[str | None]] = []

    def build(session: Session) -> str | None:
        kept_before_each_build.append(memo.values())
        name = memo.get(
            session, "AZ", lambda: session.scalar(select(Country.name_en).where(Country.id == "AZ"))
        )
        if datastate.assumed(session):
            number = session.execute(select(literal(1), datastate.number_column())).all()
            datastate.confirm(session, number)
        return name

    try:
        with Session(engine, info={READ_ONLY: True}) as session:
            seen = datastate.current(session)  # the version this process saw last
        _bump(empty_database.url, 2031, rename="AZ")
        with Session(engine, info={READ_ONLY: True}) as session:
            name, version = datastate.at_one_version(session, lambda: build(session))
        assert (name, version.number) == ("Renamed", seen.number + 1)
        assert kept_before_each_build == [[], []]  # built twice; the first build's read not kept
        assert memo.values() == ["Renamed"]
    finally:
        engine.dispose()


# --- telling database failures apart: full disk, lock contention, database down ---


@pytest.mark.anyio
async def test_lock_contention_is_a_503_busy_with_retry_after(migrated: Database) -> None:
    """Another transaction holds the lock a write needs: past the lock wait (half the query timeout),
    a 503 that says so, not a 504 query timeout or "database unavailable"."""
    holder = make_engine(migrated.url)
    try:
        with holder.connect() as connection:
            # The row every write bumps (on SQLite, the database's one write lock with it).
            connection.execute(update(DataState).values(version=DataState.version))
            async with serve(build(settings_for(migrated.url, query_timeout_ms=400))) as client:
                with without_gc_pauses():
                    started = time.monotonic()
                    response = await client.post("/test/write")
                    elapsed = time.monotonic() - started
                assert_problem(response, 503, "database-busy")
                assert response.headers["retry-after"] == "1"
                assert elapsed < 2
            connection.rollback()
    finally:
        holder.dispose()


@pytest.mark.parametrize("empty_database", ["sqlite"], indirect=True)
@pytest.mark.anyio
async def test_a_write_waiting_past_its_turn_in_the_process_is_a_503_busy(migrated: Database) -> None:
    """SQLite: a process's writes queue for their turn before BEGIN; one that waits there past the
    lock wait is contention like any other, not an unexpected error."""
    gate = WriteGate()
    async with serve(build(settings_for(migrated.url, query_timeout_ms=400), gate=gate)) as client:
        async with anyio.create_task_group() as tasks:
            holding: list[httpx.Response] = []

            async def hold() -> None:
                holding.append(await client.post("/test/write"))

            tasks.start_soon(hold)
            await anyio.to_thread.run_sync(gate.written.wait, 10)
            try:
                waiting = await client.post("/test/write")
            finally:
                gate.release.set()
        assert_problem(waiting, 503, "database-busy")
        assert waiting.headers["retry-after"] == "1"
        assert holding[0].status_code == 200


def fill_up(engine: Any) -> None:
    """SQLite's max_page_count at the file's size: a write that needs a new page fails SQLITE_FULL,
    as on a full disk."""

    def cap(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    engine.dispose()
    event.listen(engine, "connect", cap)


@pytest.mark.parametrize("empty_database", ["sqlite"], indirect=True)
@pytest.mark.anyio
async def test_a_full_disk_is_a_507_on_writes_and_imports_and_leaves_nothing(
    empty_database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    from app.api_keys import create_key
    from tests.conftest import migrate_and_seed

    migrate_and_seed(empty_database)
    engine = make_engine(empty_database.url)
    with Session(engine) as session:
        _, key = create_key(session, "filler", "write")
        session.commit()
    engine.dispose()
    before = data_version(empty_database.url)
    app = build(settings_for(empty_database.url))
    fill_up(app.state.engine)
    rows = "".join(f"AZ,KZ,exports,{year},{year}00000,USD,exact,reported\n" for year in range(1000, 3000))
    async with serve(app) as client:
        requests = [
            client.post(
                "/v1/imports/trade-figures",
                content="reporter,partner,indicator,period,value,unit,bound,status\n" + rows,
                headers={"Content-Type": "text/csv", "Authorization": f"Bearer {key}"},
            ),
            client.post("/test/write?pad_kib=512"),
        ]
        for request in requests:
            response = await request
            assert_problem(response, 507, "insufficient-storage")
            assert "retry-after" not in response.headers
            assert "space" in response.json()["detail"]
    assert data_version(empty_database.url) == before
    logged = [record.getMessage() for record in caplog.records if record.name == "bilateral"]
    assert any("disk full" in message and "SQLITE_FULL" in message for message in logged), logged


def test_failures_are_told_apart_by_their_codes() -> None:
    """PostgreSQL's SQLSTATEs (a full disk cannot be made on the shared test server) and SQLite's
    result codes, as the drivers raise them."""
    import sqlite3

    import psycopg.errors

    from app.db import classify

    def wrapped(error: Exception) -> OperationalError:
        return OperationalError("SELECT 1", {}, error)

    def sqlite_error(code: int) -> sqlite3.OperationalError:
        error = sqlite3.OperationalError("failed")
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
        return error

    assert classify(wrapped(psycopg.errors.DiskFull("could not extend file"))) == "disk_full"
    assert classify(wrapped(psycopg.errors.LockNotAvailable("lock timeout"))) == "locked"
    assert classify(wrapped(psycopg.errors.DeadlockDetected("deadlock"))) == "locked"
    assert classify(wrapped(psycopg.errors.SerializationFailure("serialization"))) == "locked"
    assert classify(wrapped(psycopg.errors.QueryCanceled("statement timeout"))) == "timeout"
    assert classify(wrapped(psycopg.errors.AdminShutdown("terminating"))) == "unavailable"
    assert classify(wrapped(sqlite_error(13))) == "disk_full"  # SQLITE_FULL
    assert classify(wrapped(sqlite_error(5))) == "locked"  # SQLITE_BUSY
    assert classify(wrapped(sqlite_error(517))) == "locked"  # SQLITE_BUSY_SNAPSHOT
    assert classify(wrapped(sqlite_error(6))) == "locked"  # SQLITE_LOCKED
    assert classify(wrapped(sqlite_error(10))) == "unavailable"  # SQLITE_IOERR


@pytest.mark.parametrize("empty_database", ["sqlite"], indirect=True)
@pytest.mark.anyio
async def test_an_upload_that_fills_the_servers_disk_is_a_507(
    migrated: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import spools its upload to a temporary file first: no space there is a 507 too."""
    import errno
    import tempfile

    from app.auth import require_write
    from app.imports import router as imports_router

    class FullDisk(tempfile.SpooledTemporaryFile):  # type: ignore[type-arg]
        def write(self, data: Any) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(imports_router.tempfile, "SpooledTemporaryFile", FullDisk)
    app = build(settings_for(migrated.url))
    app.dependency_overrides[require_write] = lambda: None  # past the key check, to the upload
    async with serve(app) as client:
        response = await client.post(
            "/v1/imports/trade-figures", content=b"reporter\n", headers={"Content-Type": "text/csv"}
        )
    assert_problem(response, 507, "insufficient-storage")
