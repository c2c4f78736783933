"""The response cache (app/cache.py): kept answers are byte for byte what the app would compute, are
never served once the data version moves, and stay coherent across worker processes. The walk over
every GET of the seed also holds the read routes (app/common/routing.py) to FastAPI's own answers."""

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import anyio
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Connection, update
from sqlalchemy.orm import Session, sessionmaker

from app.api_keys import create_key, revoke_key
from app.cache import Entry, ResponseCache, Store
from app.config import REPO_ROOT, Settings
from app.db import make_engine
from app.main import create_app
from app.models import DataState, Organization
from tests.conftest import Database, bind_to_test_transaction, migrate_and_seed
from tests.tcp_proxy import free_port

pytestmark = pytest.mark.anyio

ORG = "/v1/organizations/eco"
# Headers that differ between any two responses, cached or not.
PER_RESPONSE = {"x-request-id", "date"}


def store(app: FastAPI) -> Store:
    cache = app.state.response_cache
    assert isinstance(cache, Store)
    return cache


def same_answer(one: httpx.Response, other: httpx.Response) -> tuple[Any, ...]:
    headers = sorted((k, v) for k, v in one.headers.multi_items() if k not in PER_RESPONSE)
    return (one.status_code, headers, one.content)


async def test_a_repeated_request_is_answered_from_the_cache_with_the_same_bytes(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    cache = store(app)
    first = await client.get("/v1/events?country=KZ&limit=2")
    hits = cache.hits
    again = await client.get("/v1/events?country=KZ&limit=2")
    assert cache.hits == hits + 1
    assert same_answer(again, first) == same_answer(first, again)
    assert again.headers["x-request-id"] != first.headers["x-request-id"]
    # The kept ETag answers conditional requests without the app: 304 with the validators.
    etag = first.headers["etag"]
    not_modified = await client.get("/v1/events?country=KZ&limit=2", headers={"If-None-Match": etag})
    assert (not_modified.status_code, not_modified.content, not_modified.headers["etag"]) == (304, b"", etag)
    assert "content-type" not in not_modified.headers and cache.hits == hits + 2


async def test_a_write_is_seen_by_the_next_request(client: httpx.AsyncClient, session: Session) -> None:
    before = await client.get(ORG)
    assert (await client.get(ORG)).json() == before.json()  # now kept
    organization = session.get_one(Organization, "eco")
    organization.name_en = "ECO (renamed)"
    session.commit()  # the revision hook bumps the data version in the same transaction
    after = await client.get(ORG)
    assert after.json()["name"] == "ECO (renamed)" and after.headers["etag"] != before.headers["etag"]
    listed = await client.get("/v1/organizations")
    assert "ECO (renamed)" in {item["name"] for item in listed.json()["items"]}


async def test_the_key_holds_everything_the_bytes_depend_on(client: httpx.AsyncClient) -> None:
    path = "/v1/events/aliyev-state-visit-kazakhstan-2025-11"
    english = await client.get(path)
    russian = await client.get(path, headers={"Accept-Language": "ru"})
    assert english.headers["content-language"] == "en" and russian.headers["content-language"] == "ru"
    assert (await client.get(path)).content == english.content
    gzipped = await client.get("/v1/events", headers={"Accept-Encoding": "gzip"})
    plain = await client.get("/v1/events", headers={"Accept-Encoding": "identity"})
    assert gzipped.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
    again = await client.get("/v1/events", headers={"Accept-Encoding": "identity"})
    assert same_answer(again, plain) == same_answer(plain, again)
    csv = await client.get("/v1/events", headers={"Accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert (await client.get("/v1/events", headers={"Accept": "text/csv"})).content == csv.content
    # Link headers are absolute: another host is another answer.
    paged = await client.get("/v1/events?limit=1", headers={"Host": "api.example"})
    assert paged.headers["link"].startswith("<http://api.example/v1/events?")
    assert (await client.get("/v1/events?limit=1")).headers["link"].startswith("<http://testserver/")


async def test_errors_and_streamed_exports_are_not_kept(client: httpx.AsyncClient, app: FastAPI) -> None:
    cache = store(app)
    for path in ["/v1/events/nope", "/v1/events?limit=0", "/v1/events?format=ndjson", "/healthz"]:
        await client.get(path)
        await client.get(path)
    assert cache.entries == {} and cache.size == 0


async def test_with_read_keys_required_a_hit_still_needs_a_valid_key(
    seeded_database: Database, connection: Connection
) -> None:
    private = create_app(
        Settings(database_url=seeded_database.url, rate_limit_per_minute=0, require_read_key=True)
    )
    bind_to_test_transaction(private, connection)
    with private.state.sessionmaker() as session:
        _, reader = create_key(session, "cache-reader", "read")
        session.commit()
    transport = httpx.ASGITransport(app=private)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        key = {"Authorization": f"Bearer {reader}"}
        assert (await client.get(ORG, headers=key)).status_code == 200
        assert (await client.get(ORG, headers=key)).status_code == 200
        assert store(private).hits == 1
        assert (await client.get(ORG)).status_code == 401
        assert (await client.get(ORG, headers={"Authorization": "Bearer bk_x_y"})).status_code == 401
        with private.state.sessionmaker() as session:
            revoke_key(session, "cache-reader")
            session.commit()
        assert (await client.get(ORG, headers=key)).status_code == 401
    private.state.engine.dispose()


def test_the_store_keeps_the_most_recently_used_answers_within_its_bytes() -> None:
    cache = Store(max_bytes=100, max_entry_bytes=60)
    cache.seen(1)

    def entry(size: int) -> Entry:
        return Entry(headers=[], body=b"x" * size, tag="t", route=None)

    cache.put(("a",), 1, entry(40))
    cache.put(("b",), 1, entry(40))
    assert cache.get(("a",)) is not None  # now the most recently used
    cache.put(("c",), 1, entry(40))
    assert (cache.get(("b",)), cache.size) == (None, 80)
    assert cache.get(("a",)) is not None and cache.get(("c",)) is not None
    cache.put(("d",), 0, entry(10))  # computed under an older data version: not kept
    assert cache.get(("d",)) is None
    cache.seen(2)
    assert (cache.entries, cache.size, cache.get(("a",))) == ({}, 0, None)


async def test_metrics_count_hits_and_misses(client: httpx.AsyncClient) -> None:
    await client.get("/v1/countries")
    await client.get("/v1/countries")
    metrics = (await client.get("/metrics")).text
    assert 'response_cache_lookups_total{result="hit"}' in metrics
    assert "response_cache_bytes" in metrics
    # A hit is still counted under its route, not as unrouted.
    assert 'http_requests_total{method="GET",route="/v1/countries",status="200"}' in metrics


# --- the whole seed: the app as served against FastAPI's own router, uncached ---


def seed_urls(spec: dict[str, Any], listed: dict[str, list[dict[str, Any]]]) -> Iterator[str]:
    """Every GET path of the API over the seed's records: lists (with pages, languages, shapes) and
    every record's detail and revisions."""
    for path, operations in spec["paths"].items():
        if "get" not in operations or not path.startswith("/v1/"):
            continue
        if "{" not in path:
            yield path
            yield path + "?limit=2"
            yield path + "?lang=ru"
            continue
        base, _, rest = path.partition("/{")
        if path == "/v1/relations/{a}/{b}":
            for item in listed["/v1/relations"]:
                yield f"/v1/relations/{item['countries'][0]['id']}/{item['countries'][1]['id']}"
            continue
        for item in listed.get(base, []):
            yield f"{base}/{item['id']}" + rest.partition("}")[2]
    yield "/v1/search?q=порт"
    yield "/v1/search?q=Kazakhstan&lang=ru"
    yield "/v1/trade-figures?count=true&facets=year,country"
    yield "/v1/events?include=places,organizations&fields=id,title"
    yield "/v1/trade-figures/series?reporter=AZ&partner=KZ&indicator=trade_turnover"
    yield "/v1/trade-figures?format=csv"


# Requests the seed's URLs do not make: every kind of error, and what only FastAPI's router answers.
ODD_URLS = [
    "/v1/trade-figures?limit=0",  # 422
    "/v1/trade-figures?limit=ten&sort=nope&date_from=2025-13",  # several problems at once
    "/v1/events?colour=blue",  # an unknown parameter: 400
    "/v1/events/no-such-event",  # 404
    "/v1/events/no-such-event?fields=nope",
    "/v1/trade-figures/series",  # a route of its own, before the record by id
    "/v1/trade-figures/series?reporter=AZE",
    "/v1/events/",  # a slash redirect
    "/v1/relations/XX/KZ",  # path parameters validated: no such country
    "/v1/relations/a/kazakhstan",  # too short, and a name
    "/v1/relations/AZ/az",  # the same country twice
    "/v1/relations/AZ/KZ?points=nope",
    "/v1/events/x/y/z",  # no route: 404
    "/v2/nothing",
    "/healthz",
    "/openapi.json",
    "/docs",
    "/explorer/static/nothing.css",
]


async def test_every_get_answers_as_fastapis_own_router_computes_it_cached_or_not(
    client: httpx.AsyncClient, by_fastapi: httpx.AsyncClient, app: FastAPI
) -> None:
    """The app as served (its read routes calling operations directly, its response cache) against
    FastAPI's router and solver with no cache: the same status, headers and bytes, the first time and
    again from the cache, over every GET of the seed (one walk for both: each is the slowest test of
    its module)."""
    spec = (await by_fastapi.get("/openapi.json")).json()
    assert (await client.get("/openapi.json")).json() == spec
    listed: dict[str, list[dict[str, Any]]] = {}
    for path, operations in spec["paths"].items():
        if path.startswith("/v1/") and "{" not in path and "get" in operations:
            body = (await by_fastapi.get(path + "?" + urlencode({"limit": 100}))).json()
            listed[path] = body.get("items", []) if isinstance(body, dict) else []
    seed = list(dict.fromkeys(seed_urls(spec, listed)))
    assert len(seed) > 100
    variants = [{}, {"Accept-Language": "ru"}, {"Accept-Encoding": "gzip"}]
    hits = store(app).hits
    for url in [*seed, *ODD_URLS]:
        for headers in variants:
            expected = await by_fastapi.get(url, headers=headers)
            first = await client.get(url, headers=headers)
            again = await client.get(url, headers=headers)  # from the cache, where kept
            assert same_answer(first, expected) == same_answer(expected, first), (url, headers)
            assert same_answer(again, expected) == same_answer(expected, again), (url, headers)
    assert store(app).hits - hits >= len(seed) * len(variants) * 0.8  # most answers are kept


# --- two worker processes on one database ---


@pytest.fixture
def shared_database(empty_database: Database) -> Database:
    migrate_and_seed(empty_database)
    return empty_database


def start_server(url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "BILATERAL_RATE_LIMIT_PER_MINUTE": "0"}
    command = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as stderr:
        server = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    return server, f"http://127.0.0.1:{port}"


def hits(base: str) -> float:
    for line in httpx.get(f"{base}/metrics").text.splitlines():
        if line.startswith('response_cache_lookups_total{result="hit"}'):
            return float(line.split()[-1])
    raise AssertionError("no response cache metrics")


def test_a_write_through_one_process_is_seen_through_the_other_on_its_next_request(
    shared_database: Database, tmp_path: Path
) -> None:
    engine = make_engine(shared_database.url)
    with sessionmaker(engine).begin() as session:
        _, writer = create_key(session, "coherence", "write")
    engine.dispose()
    servers = [start_server(shared_database.url, tmp_path / f"server-{n}.log") for n in (1, 2)]
    try:
        deadline = time.monotonic() + 30
        for server, base in servers:
            while True:
                assert server.poll() is None, (tmp_path / "server-1.log").read_text()
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the servers did not start"
                time.sleep(0.1)
        (_, one), (_, two) = servers
        paths = [ORG, "/v1/organizations", "/v1/search?q=ECO"]
        for base in (one, two):
            for path in paths * 2:
                assert httpx.get(base + path).status_code == 200
        assert hits(one) >= len(paths) and hits(two) >= len(paths)  # both hold the old answers
        etag = httpx.get(one + ORG).headers["etag"]
        changed = httpx.patch(
            one + ORG,
            content=json.dumps({"name_en": "ECO (renamed)"}),
            headers={
                "Authorization": f"Bearer {writer}",
                "If-Match": etag,
                "Content-Type": "application/json",
            },
        )
        assert changed.status_code == 200, changed.text
        assert httpx.get(two + ORG).json()["name"] == "ECO (renamed)"
        names = {item["name"] for item in httpx.get(two + "/v1/organizations").json()["items"]}
        assert "ECO (renamed)" in names
        assert httpx.get(two + ORG, headers={"If-None-Match": etag}).status_code == 200
        assert httpx.get(one + ORG).headers["etag"] == httpx.get(two + ORG).headers["etag"] != etag
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait(10)


async def test_a_burst_of_one_new_request_is_computed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    computed = 0

    async def slow_app(scope: Any, receive: Any, send: Any) -> None:
        nonlocal computed
        computed += 1
        await anyio.sleep(0.05)
        body = b'{"items": []}'
        headers = [(b"content-length", str(len(body)).encode()), (b"etag", b'"abc"')]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def version(*_args: Any) -> int:
        return 7

    cache = Store(max_bytes=1024 * 1024)
    middleware = ResponseCache(slow_app, cache)
    monkeypatch.setattr(middleware, "_version", version)

    answers: list[list[Any]] = []

    async def get() -> None:
        sent: list[Any] = []
        answers.append(sent)

        async def send(message: Any) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": "/v1/events", "query_string": b"", "scheme": "http"}
        await middleware({**scope, "headers": [], "app": None}, None, send)  # type: ignore[arg-type]

    async with anyio.create_task_group() as group:
        for _ in range(8):
            group.start_soon(get)
    assert computed == 1 and (cache.misses, cache.hits) == (1, 7)
    assert [[m.get("status", m.get("body")) for m in sent] for sent in answers] == [
        [200, b'{"items": []}']
    ] * 8
    assert cache.computing == {}


async def test_a_version_read_outside_the_pool_still_sees_every_commit(shared_database: Database) -> None:
    """On SQLite the cache reads the version on a connection of its own (app/cache.py `_Probe`): a
    commit made elsewhere is seen by the next request, and disposing of the engine closes that
    connection without harm (the next request opens another)."""
    app = create_app(Settings(database_url=shared_database.url, rate_limit_per_minute=0))
    other = make_engine(shared_database.url)
    transport = httpx.ASGITransport(app=app)
    try:
        # The lifespan's end disposes of the engine too.
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=transport, base_url="http://t") as client,
        ):
            assert (await client.get(ORG)).status_code == 200
            cache = store(app)
            seen = cache.version
            assert seen is not None
            with other.begin() as connection:
                connection.execute(update(DataState).values(version=DataState.version + 1))
            assert (await client.get(ORG)).status_code == 200
            assert cache.version == seen + 1
            app.state.engine.dispose()
            assert (await client.get(ORG)).status_code == 200
            assert cache.version == seen + 1
    finally:
        other.dispose()
