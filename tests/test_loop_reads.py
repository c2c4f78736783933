"""One record by id on PostgreSQL, read in the event loop (`app.postgres.LoopReads`): the same answers
as the handler thread's path, the data version of its own statement, and the same faults' answers
(a quick 503, a silent server given up on, a connection the server ended replaced within the request),
while the worker goes on answering."""

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import anyio
import httpx
import orjson
import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from app.cache import VERSION
from app.common.pagination import encode_cursor
from app.db import make_engine
from app.models import (
    Agreement,
    Country,
    DataState,
    Event,
    EventCode,
    InfrastructureProject,
    Revision,
    RevisionAction,
    TradeFigure,
)
from tests.conftest import Database
from tests.hardening_app import build, serve, settings_for
from tests.tcp_proxy import TcpProxy, proxy_to, through

pytestmark = pytest.mark.parametrize("empty_database", ["postgresql"], indirect=True)


@pytest.fixture
def proxy(seeded: Database) -> Iterator[TcpProxy]:
    with proxy_to(seeded.url) as running:
        yield running


def record_paths(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            figures = session.scalars(select(TradeFigure.id).order_by(TradeFigure.id).limit(3)).all()
            agreement = session.scalars(select(Agreement.id).order_by(Agreement.id).limit(1)).all()
            country = session.scalars(select(Country.id).order_by(Country.id).limit(1)).all()
            # Relations read by a statement of their own: an event's codes, a project's figures.
            event = session.scalars(select(Event.id).order_by(Event.id).limit(1)).all()
            project = session.scalars(select(InfrastructureProject.id).limit(1)).all()
            if event and session.scalar(select(EventCode.id).limit(1)) is None:
                # A whole number as a float: what JSON written by the database would turn into 10.
                session.add(EventCode(event_id=event[0], scheme="CAMEO", code="042", intensity=10.0))
                session.commit()
    finally:
        engine.dispose()
    assert figures and agreement and country and event and project
    paths = [f"/v1/trade-figures/{i}" for i in figures]
    paths += [f"/v1/agreements/{agreement[0]}", f"/v1/countries/{country[0]}", f"/v1/events/{event[0]}"]
    paths += [f"/v1/infrastructure-projects/{project[0]}"]
    return paths


def record_variants(paths: list[str]) -> list[str]:
    """Every record path in both languages, and the last two the session answers: `as_of=` (the
    ORM's path) and a missing record (the session's path tells a 404 from a 410)."""
    return [
        *paths,
        *(f"{path}?lang=ru" for path in paths),
        f"{paths[0]}?fields=id,value,citations",
        f"{paths[0]}?as_of=2025-12-31",
        "/v1/trade-figures/no-such-figure",
    ]


def in_threads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What a read hands to a handler thread with its session (`SessionOnDemand.run`), recorded."""
    import app.request_session as request_session

    handed: list[Any] = []
    original = request_session.run_in_threadpool

    async def recorded(function: Any, *args: Any) -> Any:
        handed.append(function)
        return await original(function, *args)

    monkeypatch.setattr(request_session, "run_in_threadpool", recorded)
    return handed


def answer(response: httpx.Response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(k, v) for k, v in response.headers.items() if k != "x-request-id"]
    return response.status_code, headers, response.content


@pytest.mark.anyio
async def test_a_record_is_read_in_the_event_loop_and_answered_as_in_a_handler_thread(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = record_paths(seeded.url)
    variants = record_variants(paths)
    handed = in_threads(monkeypatch)
    app = build(settings_for(seeded.url, response_cache_mb=0))
    async with serve(app) as client:
        in_loop = [answer(await client.get(path)) for path in variants]
        threads = len(handed)
        app.state.loop_reads = None  # every record in a handler thread, as before
        in_thread = [answer(await client.get(path)) for path in variants]
    assert threads == 2  # as of a day, and the missing record, only
    assert len(handed) == threads + len(variants)
    assert [status for status, _, _ in in_loop] == [200] * (len(variants) - 1) + [404]
    assert in_loop == in_thread
    assert b'"intensity":10.0' in in_loop[variants.index(paths[5])][2]


@pytest.mark.anyio
async def test_the_event_loops_connections_price_an_index_probe_as_a_page_in_memory(
    seeded: Database,
) -> None:
    """A record's many-to-many list (one or two link rows) is planned as probes of the target's key,
    not as a hash of the whole target table built for each record (`PLANNING_BY_KEY`)."""
    [path, *_] = record_paths(seeded.url)
    app = build(settings_for(seeded.url, response_cache_mb=0))
    async with serve(app) as client:
        assert (await client.get(path)).status_code == 200
        rows = await app.state.loop_reads.driver_rows("SHOW random_page_cost", {})
    assert [tuple(row) for row in rows] == [("1.1",)]


@pytest.mark.anyio
async def test_a_record_names_the_data_version_its_own_statement_read(seeded: Database) -> None:
    await names_the_data_version_its_own_statement_read(seeded)


async def names_the_data_version_its_own_statement_read(seeded: Database) -> None:
    """A record's Last-Modified follows the data version as it moves (both engines' loop reads)."""
    [path, *_] = record_paths(seeded.url)
    engine = make_engine(seeded.url)
    try:
        async with serve(build(settings_for(seeded.url, response_cache_mb=0))) as client:
            for year in (2030, 2031):
                with Session(engine) as session, session.begin():
                    moved = datetime(year, 1, 2, tzinfo=UTC)
                    session.execute(update(DataState).values(changed_at=moved))
                response = await client.get(path)
                assert response.status_code == 200, response.text
                assert response.headers["last-modified"].split()[3] == str(year)
    finally:
        engine.dispose()


@pytest.mark.anyio
async def test_a_records_revisions_are_read_in_the_event_loop_and_answered_as_through_the_session(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await revisions_are_read_in_the_loop_as_through_the_session(seeded, monkeypatch)


def sessions_made(monkeypatch: pytest.MonkeyPatch) -> list[Session]:
    """Every session made from now on, recorded."""
    made: list[Session] = []
    init = Session.__init__

    def recorded(session: Session, *args: Any, **kwargs: Any) -> None:
        made.append(session)
        init(session, *args, **kwargs)

    monkeypatch.setattr(Session, "__init__", recorded)
    return made


async def revisions_are_read_in_the_loop_as_through_the_session(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of a record's revisions is read in the event loop without a session (both engines'
    loop reads), with the same answers as through the session; an empty page, a cursor that does not
    decode and a record that never existed go through the session, which tells them apart."""
    [figure_path, *_] = record_paths(seeded.url)
    figure_id = figure_path.rsplit("/", 1)[1]
    engine = make_engine(seeded.url)
    try:
        with Session(engine) as session, session.begin():
            session.add(  # a second revision: a page after a cursor, a float and a time zone
                Revision(
                    record_type="trade_figure",
                    record_id=figure_id,
                    action=RevisionAction.update,
                    changed_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
                    actor="test",
                    changes={"value": [1, 2.5], "note": [None, "ещё"]},
                    origin={"candidate_id": 7, "extractor_version": "rules-1"},
                )
            )
    finally:
        engine.dispose()
    revisions = f"{figure_path}/revisions"
    app = build(settings_for(seeded.url, response_cache_mb=0))
    async with serve(app) as client:
        await client.get(revisions)  # the routes built, the reads' connection opened
        first = (await client.get(revisions, params={"limit": 1})).json()
        assert first["next_cursor"] is not None
        past = encode_cursor(f"trade_figure/{figure_id}/revisions", "id", [10**9])
        in_loop = [revisions, f"{revisions}?limit=1", f"{revisions}?cursor={first['next_cursor']}"]
        through_session = [
            f"{revisions}?cursor={past}",  # after the last: an empty page
            f"{revisions}?cursor=bad",  # a 422
            "/v1/trade-figures/no-such-figure/revisions",  # a 404
            f"/v1/trade-figures/no-such-figure/revisions?cursor={past}",  # a 404 too
        ]
        made = sessions_made(monkeypatch)
        answered = [answer(await client.get(path)) for path in in_loop + through_session]
        assert len(made) == len(through_session)
        app.state.loop_reads = None  # every page through the session, as before
        assert answered == [answer(await client.get(path)) for path in in_loop + through_session]
    assert [status for status, _, _ in answered] == [200, 200, 200, 200, 422, 404, 404]
    pages = [orjson.loads(body) for _, _, body in answered[:3]]
    assert [len(page["items"]) for page in pages] == [2, 1, 1]
    assert pages[2]["items"][0]["changes"] == {"value": [1, 2.5], "note": [None, "ещё"]}
    assert pages[2]["items"][0]["changed_at"] == "2026-01-02T03:04:05+00:00"


@pytest.mark.anyio
async def test_an_outage_is_a_quick_503_for_a_record_and_service_resumes(
    seeded: Database, proxy: TcpProxy
) -> None:
    [path, *_] = record_paths(seeded.url)
    async with serve(build(settings_for(through(proxy, seeded.url), response_cache_mb=0))) as client:
        assert (await client.get(path)).status_code == 200  # a pooled connection
        proxy.stop()
        for _ in range(2):
            with anyio.fail_after(2.0):
                response = await client.get(path)
            assert response.status_code == 503, response.text
            assert response.json()["type"] == "/problems/database-unavailable"
        proxy.start()
        assert (await client.get(path)).status_code == 200


@pytest.mark.anyio
async def test_a_record_waiting_on_a_silent_database_is_a_503_and_leaves_the_worker_answering(
    seeded: Database, proxy: TcpProxy
) -> None:
    [path, *_] = record_paths(seeded.url)
    settings = settings_for(through(proxy, seeded.url), query_timeout_ms=1000, response_cache_mb=0)
    async with serve(build(settings)) as client:
        assert (await client.get(path)).status_code == 200  # a pooled connection
        proxy.freeze()
        read: list[int] = []
        waited: list[float] = []

        async def waiting_read() -> None:
            started = time.monotonic()
            read.append((await client.get(path)).status_code)
            waited.append(time.monotonic() - started)

        with anyio.fail_after(10):
            async with anyio.create_task_group() as tasks:
                tasks.start_soon(waiting_read)
                await anyio.sleep(0.2)  # the read waits on the silent connection
                assert (await client.get("/healthz")).status_code == 200
                assert read == []
        assert read == [503]
        assert waited[0] < 3.0  # given up on after the connect timeout (2 s), as the pool's ping does
        proxy.thaw()
        assert (await client.get(path)).status_code == 200


@pytest.mark.anyio
async def test_a_pooled_connection_the_server_ended_is_replaced_within_the_record_read(
    seeded: Database,
) -> None:
    paths = record_paths(seeded.url)
    app = build(settings_for(seeded.url, response_cache_mb=0, db_pool_size=2, db_max_overflow=0))
    admin = make_engine(seeded.url)
    try:
        async with serve(app) as client:
            for path in paths:
                assert (await client.get(path)).status_code == 200  # connections pooled
            with admin.connect() as connection:
                ended = connection.scalar(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                )
            assert ended
            for path in paths:
                assert (await client.get(path)).status_code == 200, path
    finally:
        admin.dispose()
    assert app.state.loop_reads._idle == []  # closed with the engine


@pytest.mark.anyio
async def test_the_response_cache_reads_the_data_version_in_the_event_loop(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    [path, *_] = record_paths(seeded.url)
    app = build(settings_for(seeded.url))
    reads = app.state.loop_reads
    statements: list[str] = []
    rows = reads.rows

    async def counted(statement: Any, values: Any) -> Any:
        statements.append("version" if statement.statement is VERSION else "record")
        return await rows(statement, values)

    monkeypatch.setattr(reads, "rows", counted)
    engine = make_engine(seeded.url)
    try:
        async with serve(app) as client:
            first, hit = await client.get(path), await client.get(path)
            with Session(engine) as session, session.begin():
                moved = datetime(2032, 1, 2, tzinfo=UTC)
                session.execute(update(DataState).values(version=DataState.version + 1, changed_at=moved))
            after = await client.get(path)
    finally:
        engine.dispose()
    assert answer(first) == answer(hit) and app.state.response_cache.hits == 1
    assert after.headers["last-modified"].split()[3] == "2032"
    assert statements == ["version", "record", "version", "version", "record"]


@pytest.mark.anyio
async def test_a_record_read_waiting_past_the_pool_timeout_for_a_connection_is_a_503(
    seeded: Database, proxy: TcpProxy
) -> None:
    """The reads in the event loop take at most the pool's size of connections: one more waits for a
    free one up to the pool timeout, then answers 503 as a wait for the engine's pool does."""
    [path, *_] = record_paths(seeded.url)
    settings = settings_for(
        through(proxy, seeded.url),
        response_cache_mb=0,
        db_pool_size=1,
        db_max_overflow=0,
        db_pool_timeout=0.5,
    )
    async with serve(build(settings)) as client:
        assert (await client.get(path)).status_code == 200  # the one connection, pooled
        proxy.freeze()
        statuses: list[int] = []

        async def read() -> None:
            statuses.append((await client.get(path)).status_code)

        with anyio.fail_after(10):
            async with anyio.create_task_group() as tasks:
                tasks.start_soon(read)  # holds the connection, silent
                await anyio.sleep(0.1)
                started = time.monotonic()
                waiting = await client.get(path)
                waited = time.monotonic() - started
        assert waiting.status_code == 503 and waiting.json()["type"] == "/problems/database-unavailable"
        assert 0.4 < waited < 1.5  # the pool timeout, not the silent connection's 2 s
        assert statuses == [503]
        proxy.thaw()
        assert (await client.get(path)).status_code == 200
