"""A list's page on PostgreSQL, read in the event loop (`api.list_response`): the statement its shape
kept, run on the loop's own connections (`app.postgres.LoopReads`). The same answers as the handler
thread's path, byte for byte; a handler thread for what must be read through the session first (a
shape's first page, a memo at a new data version, an id to check) and for totals, facets and exports;
a page statement bounded by the statement timeout, as in a thread. SQLite's pages stay in threads."""

import time
from datetime import UTC, datetime
from typing import Any

import anyio
import httpx
import pytest
from sqlalchemy import text, update
from sqlalchemy.orm import Session

from app.db import make_engine
from app.models import DataState
from tests.conftest import Database
from tests.hardening_app import build, serve, settings_for

PAGES = [
    "/v1/trade-figures?limit=3",
    "/v1/trade-figures?limit=3&lang=ru",
    "/v1/trade-figures?limit=3&sort=-value",
    "/v1/trade-figures?limit=3&fields=id,value,citations,reporter",
    "/v1/trade-figures?limit=3&country=KZ",
    "/v1/events?limit=3",
    "/v1/events?limit=3&lang=ru&sort=-date",
    "/v1/events?limit=3&date_from=2020-01-01",
    "/v1/agreements?limit=2",
    "/v1/countries?limit=5&cited=true",
    "/v1/people?limit=2",
    "/v1/organizations?limit=2",
    "/v1/places?limit=2",
    "/v1/infrastructure-projects?limit=2",
    "/v1/sources?limit=2",
]
# Answered in a handler thread whatever the shape: a total, facets, an export.
IN_THREAD = [
    "/v1/trade-figures?limit=3&count=true",
    "/v1/events?limit=3&facets=type",
    "/v1/countries?limit=5&format=csv",
]


def in_threads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What `list_response` hands to a handler thread, recorded."""
    import app.common.api as api

    handed: list[Any] = []
    original = api.run_in_threadpool

    async def recorded(function: Any, *args: Any) -> Any:
        handed.append(function)
        return await original(function, *args)

    monkeypatch.setattr(api, "run_in_threadpool", recorded)
    return handed


def answer(response: httpx.Response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(k, v) for k, v in response.headers.items() if k != "x-request-id"]
    return response.status_code, headers, response.content


async def pages_followed(client: httpx.AsyncClient, urls: list[str]) -> list[Any]:
    """Each URL's answer and those of the next two pages its Link leads to."""
    found = []
    for url in urls:
        for _ in range(3):
            response = await client.get(url)
            found.append(answer(response))
            link = response.links.get("next")
            if link is None:
                break
            url = link["url"].removeprefix("http://testserver")
    return found


@pytest.mark.parametrize("empty_database", ["postgresql"], indirect=True)
@pytest.mark.anyio
async def test_a_page_is_read_in_the_event_loop_and_answered_as_in_a_handler_thread(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed = in_threads(monkeypatch)
    app = build(settings_for(seeded.url, response_cache_mb=0))
    async with serve(app) as client:
        first = await pages_followed(client, PAGES + IN_THREAD)  # a shape's first page: in a thread
        first_threads = len(handed)
        again = await pages_followed(client, PAGES)
        threads = len(handed) - first_threads
        again += await pages_followed(client, IN_THREAD)
        others = len(handed) - first_threads - threads
        app.state.loop_reads = None  # every page in a handler thread, as before
        in_thread = await pages_followed(client, PAGES + IN_THREAD)
    assert {status for status, _, _ in again} == {200}
    assert len(again) > len(PAGES) + len(IN_THREAD)  # cursor pages followed too
    assert threads == 0  # the plain pages, every one in the loop
    assert others >= len(IN_THREAD)
    assert first_threads > len(IN_THREAD)
    assert first == again == in_thread


@pytest.mark.parametrize("empty_database", ["postgresql"], indirect=True)
@pytest.mark.anyio
async def test_what_a_page_must_read_through_the_session_sends_it_to_a_handler_thread(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An id the filters check (`require_known`) at a data version it was not seen at is read in a
    handler thread; the next page with it, in the loop. An id that names nothing is the same 422."""
    handed = in_threads(monkeypatch)
    engine = make_engine(seeded.url)
    try:
        async with serve(build(settings_for(seeded.url, response_cache_mb=0))) as client:
            for url in ("/v1/trade-figures?limit=2&country=KZ", "/v1/trade-figures?limit=2&country=CN"):
                await client.get(url)  # the shape kept, each country seen
            counted = len(handed)
            assert (await client.get("/v1/trade-figures?limit=2&country=KZ")).status_code == 200
            assert len(handed) == counted
            with Session(engine) as session, session.begin():
                session.execute(update(DataState).values(version=DataState.version + 1))
            assert (await client.get("/v1/trade-figures?limit=2&country=KZ")).status_code == 200
            assert len(handed) == counted + 1  # KZ checked again at the new version
            assert (await client.get("/v1/trade-figures?limit=2&country=KZ")).status_code == 200
            assert len(handed) == counted + 1
            unknown = await client.get("/v1/trade-figures?limit=2&country=XQ")
    finally:
        engine.dispose()
    assert unknown.status_code == 422
    assert unknown.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("empty_database", ["postgresql"], indirect=True)
@pytest.mark.anyio
async def test_a_page_names_the_data_version_read_before_it(seeded: Database) -> None:
    url = "/v1/events?limit=2"
    engine = make_engine(seeded.url)
    try:
        async with serve(build(settings_for(seeded.url, response_cache_mb=0))) as client:
            await client.get(url)  # the shape kept
            for year in (2030, 2031):
                with Session(engine) as session, session.begin():
                    moved = datetime(year, 1, 2, tzinfo=UTC)
                    session.execute(update(DataState).values(changed_at=moved))
                response = await client.get(url)
                assert response.status_code == 200, response.text
                assert response.headers["last-modified"].split()[3] == str(year)
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_database", ["postgresql"], indirect=True)
@pytest.mark.anyio
async def test_a_page_waits_for_its_statement_as_long_as_in_a_handler_thread(seeded: Database) -> None:
    """A read by key gives up after the connect timeout of silence; a page's statement may run up to
    the statement timeout (here it waits for a lock past the connect timeout, then answers), and the
    worker answers meanwhile."""
    url = "/v1/trade-figures?limit=2"
    settings = settings_for(seeded.url, response_cache_mb=0, db_connect_timeout=1, query_timeout_ms=6000)
    engine = make_engine(seeded.url)
    try:
        async with serve(build(settings)) as client:
            assert (await client.get(url)).status_code == 200  # the shape kept
            read: list[tuple[int, float]] = []

            async def waiting_page() -> None:
                started = time.monotonic()
                response = await client.get(url)
                read.append((response.status_code, time.monotonic() - started))

            with engine.connect() as locker, anyio.fail_after(10):
                locker.execute(text("LOCK TABLE trade_figures IN ACCESS EXCLUSIVE MODE"))
                async with anyio.create_task_group() as tasks:
                    tasks.start_soon(waiting_page)
                    await anyio.sleep(1.5)  # past the connect timeout, within the lock wait (3 s)
                    assert (await client.get("/healthz")).status_code == 200
                    assert read == []
                    locker.rollback()
    finally:
        engine.dispose()
    [(status, waited)] = read
    assert status == 200
    assert waited >= 1.5


@pytest.mark.parametrize("empty_database", ["sqlite"], indirect=True)
@pytest.mark.anyio
async def test_sqlite_pages_stay_in_handler_threads(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed = in_threads(monkeypatch)
    async with serve(build(settings_for(seeded.url, response_cache_mb=0))) as client:
        for _ in range(2):
            assert (await client.get("/v1/events?limit=2")).status_code == 200
    assert len(handed) == 2
