"""Concurrent writes through a real engine (not the tests' shared transaction): writers wait their
turn instead of failing, and one Idempotency-Key makes one record however many requests race."""

from collections import Counter
from collections.abc import Iterator

import anyio
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from app.api_keys import create_key
from app.db import make_engine, make_sessionmaker
from app.models import Place
from tests.conftest import Database, copy_template
from tests.hardening_app import build, serve, settings_for

pytestmark = pytest.mark.anyio

SOURCE = "velizade-2025-az-kz-relations"
QUOTE = "Ключевым политическим событием года стал государственный визит президента Азербайджана"


@pytest.fixture
def seeded(empty_database: Database) -> Iterator[tuple[Database, str]]:
    copy_template(empty_database, "seeded")
    engine = make_engine(empty_database.url)
    try:
        with make_sessionmaker(engine, writes=True).begin() as session:
            _, key = create_key(session, "concurrent-writer", "write")
    finally:
        engine.dispose()
    yield empty_database, key


def place(n: int) -> dict[str, object]:
    return {
        "name_en": f"Concurrent place {n}",
        "name_ru": f"Место {n}",
        "kind": "city",
        "country": "AZ",
        "citations": [{"source_id": SOURCE, "quote": QUOTE}],
    }


def racing_app(url: str) -> FastAPI:
    """A lock wait far past any stall of a loaded machine: these tests are about who writes, not how
    long a writer may wait (a wait past it is a 503, see test_faults)."""
    return build(settings_for(url, db_pool_size=8, query_timeout_ms=120_000))


def places_named(url: str, prefix: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.scalar(select(func.count()).where(Place.name_en.startswith(prefix))) or 0)
    finally:
        engine.dispose()


async def race(count: int, send: "Send") -> list[httpx.Response]:
    responses: list[httpx.Response] = []

    async def one(n: int) -> None:
        responses.append(await send(n))

    async with anyio.create_task_group() as tasks:
        for n in range(count):
            tasks.start_soon(one, n)
    return responses


class Send:
    def __init__(self, client: httpx.AsyncClient, key: str, idempotency_key: str | None = None) -> None:
        self.client, self.key, self.idempotency_key = client, key, idempotency_key

    async def __call__(self, n: int) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.key}"}
        if self.idempotency_key:
            headers["Idempotency-Key"] = self.idempotency_key
            n = 0  # one request, sent many times
        # A read first, as a client does, then the write: a deferred transaction would read, then
        # fail to upgrade after another writer's commit.
        await self.client.get("/v1/places", params={"limit": 5})
        return await self.client.post("/v1/places", json=place(n), headers=headers)


@pytest.mark.parametrize("threads", [1, 8])
async def test_concurrent_writers_wait_for_each_other_and_all_succeed(
    seeded: tuple[Database, str], threads: int
) -> None:
    """Also with one handler thread (SQLite's default): a writer waiting for the write lock must not
    hold the thread the writer it waits for needs."""
    database, key = seeded
    handlers = anyio.to_thread.current_default_thread_limiter()
    tokens, handlers.total_tokens = handlers.total_tokens, threads  # as BILATERAL_WORKER_THREADS
    try:
        async with serve(racing_app(database.url)) as client:
            responses = await race(8, Send(client, key))
    finally:
        handlers.total_tokens = tokens
    assert sorted(r.status_code for r in responses) == [201] * 8, [r.text for r in responses]
    assert places_named(database.url, "Concurrent place") == 8


async def test_racing_requests_with_one_idempotency_key_make_one_record(seeded: tuple[Database, str]) -> None:
    database, key = seeded
    async with serve(racing_app(database.url)) as client:
        responses = await race(20, Send(client, key, idempotency_key="race-1"))
    statuses = Counter(r.status_code for r in responses)
    assert not any(status >= 500 for status in statuses), [r.text for r in responses]
    created = [r for r in responses if r.status_code == 201 and "idempotent-replayed" not in r.headers]
    assert len(created) == 1, statuses
    replays = [r for r in responses if r.headers.get("idempotent-replayed") == "true"]
    assert all(r.content == created[0].content for r in replays)
    in_progress = [r for r in responses if r.status_code == 409]
    assert all(r.json()["type"].endswith("request-in-progress") for r in in_progress)
    assert len(created) + len(replays) + len(in_progress) == 20, statuses
    assert places_named(database.url, "Concurrent place") == 1
