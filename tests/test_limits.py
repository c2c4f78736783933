"""Limits: body size (413), page size and repeated filters (422), query timeouts (504), and the
per-client rate limit (429 with Retry-After)."""

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from starlette.types import Message, Receive, Scope, Send

from app.common.filters import MAX_REPEATS
from app.common.rows import driver_chunks
from app.config import Settings
from app.db import classify, make_engine, renew_deadline
from app.limits import BodySizeLimit, TokenBuckets, client_key
from tests.conftest import Database
from tests.hardening_app import SLOW_QUERY, build, serve, settings_for

# SLOW_QUERY alone runs for minutes: a statement cut off at its 200 ms deadline ends far sooner, with
# room left for a loaded machine's latency.
CUT_OFF_WITHIN = 20

pytestmark = pytest.mark.anyio


@pytest.fixture
async def http(seeded_database: Database) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(build(settings_for(seeded_database.url, max_body_bytes=4096))) as client:
        yield client


def assert_problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == f"/problems/{slug}" and body["status"] == status
    return body


# --- request bodies ---


async def test_a_declared_body_over_the_limit_is_refused_before_routing(http: httpx.AsyncClient) -> None:
    # Even on a path that takes no body: nothing past the limit is read.
    response = await http.post("/v1/events", content=b"x" * 4097)
    body = assert_problem(response, 413, "content-too-large")
    assert "4096 bytes" in body["detail"]
    assert (await http.post("/test/echo-size", content=b"x" * 4096)).json() == {"bytes": 4096}


async def test_a_streamed_body_is_cut_off_at_the_limit(http: httpx.AsyncClient) -> None:
    received: list[int] = []

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(10):  # no Content-Length: chunked, 10 KiB in all
            received.append(1)
            yield b"x" * 1024

    response = await http.post("/test/echo-size", content=chunks())
    assert_problem(response, 413, "content-too-large")
    assert len(received) < 10  # the rest was never read


async def test_an_http2_body_without_length_headers_is_still_counted() -> None:
    # HTTP/1.x reads with neither Content-Length nor Transfer-Encoding skip the count (they have no
    # body); HTTP/2 frames a body without either, so there it is counted as it arrives.
    async def reader(scope: Scope, receive: Receive, send: Send) -> None:
        while (await receive()).get("more_body"):
            pass
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"read"})

    messages = [{"type": "http.request", "body": b"x" * 1024, "more_body": True} for _ in range(9)]
    messages.append({"type": "http.request", "body": b"x" * 1024, "more_body": False})
    sent: list[Message] = []

    async def receive() -> Message:
        return messages.pop(0)

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "http_version": "2",
        "method": "POST",
        "path": "/test/echo-size",
        "raw_path": b"/test/echo-size",
        "query_string": b"",
        "headers": [],
        "root_path": "",
    }
    await BodySizeLimit(reader, max_bytes=4096)(scope, receive, send)
    assert sent[0]["status"] == 413
    assert len(messages) > 0  # the rest was never read


async def test_imports_have_a_limit_of_their_own(seeded_database: Database) -> None:
    settings = settings_for(seeded_database.url, max_body_bytes=4096, max_import_bytes=8192)
    async with serve(build(settings)) as client:
        # Past the general limit, within the imports' one: it reaches the endpoint (which wants a key).
        assert (await client.post("/v1/imports", content=b"x" * 5000)).status_code != 413
        body = assert_problem(await client.post("/v1/imports", content=b"x" * 8193), 413, "content-too-large")
        assert "8192 bytes" in body["detail"]


# --- request headers ---


async def test_request_headers_over_the_limit_are_a_431(seeded_database: Database) -> None:
    async with serve(build(settings_for(seeded_database.url, max_header_bytes=4096))) as client:
        assert (await client.get("/v1/countries?limit=1", headers={"X-Big": "x" * 3000})).status_code == 200
        for headers in ({"X-Big": "x" * 5000}, {f"X-Part-{n}": "x" * 100 for n in range(50)}):
            response = await client.get("/v1/countries?limit=1", headers=headers)
            body = assert_problem(response, 431, "request-header-fields-too-large")
            assert "4096 bytes" in body["detail"]
            assert "x-request-id" in response.headers  # answered inside the request context
        # Probes and writes alike: the limit holds before routing.
        assert_problem(
            await client.get("/healthz", headers={"X-Big": "x" * 5000}),
            431,
            "request-header-fields-too-large",
        )


def test_the_header_limit_is_a_setting_with_a_sane_default() -> None:
    assert Settings(_env_file=None).max_header_bytes == 32 * 1024
    with pytest.raises(ValidationError):
        Settings(_env_file=None, max_header_bytes=100)


# --- page size and repeated filters (app/common/filters.py) ---


@pytest.mark.parametrize(
    ("path", "limit"), [("/v1/events", 500), ("/v1/trade-figures", 500), ("/v1/search?q=port", 100)]
)
async def test_page_size_has_a_ceiling(http: httpx.AsyncClient, path: str, limit: int) -> None:
    separator = "&" if "?" in path else "?"
    assert (await http.get(f"{path}{separator}limit={limit}")).status_code == 200
    body = assert_problem(await http.get(f"{path}{separator}limit={limit + 1}"), 422, "invalid-parameter")
    assert [error["name"] for error in body["errors"]] == ["limit"]


async def test_repeated_filter_values_have_a_ceiling(http: httpx.AsyncClient) -> None:
    codes = ["AZ", "KZ", "RU", "TR", "GE", "UZ", "TM", "KG", "TJ", "AM", "IR", "CN"]
    allowed = "&".join(f"type={kind}" for kind in ["summit", "state_visit"] * (MAX_REPEATS // 2))
    assert (await http.get(f"/v1/events?{allowed}")).status_code == 200
    too_many = "&".join(f"country={code}" for code in codes[: MAX_REPEATS + 1])
    body = assert_problem(await http.get(f"/v1/events?{too_many}"), 422, "invalid-parameter")
    assert [error["name"] for error in body["errors"]] == ["country"]


# --- query timeouts ---


@pytest.fixture
def timed_engine(seeded_database: Database) -> Iterator[Any]:
    engine = make_engine(seeded_database.url, query_timeout_ms=200)
    yield engine
    engine.dispose()


def test_a_pathological_query_is_cut_off_at_the_database(timed_engine: Any) -> None:
    with timed_engine.connect() as connection:
        started = time.monotonic()
        with pytest.raises(OperationalError) as caught:
            connection.execute(text(SLOW_QUERY)).all()
        assert time.monotonic() - started < CUT_OFF_WITHIN
        assert classify(caught.value) == "timeout"
        connection.rollback()
        # The connection is still good for the next statement.
        assert connection.execute(text("SELECT 1")).scalar() == 1


def test_the_deadline_does_not_outlive_its_statement(timed_engine: Any) -> None:
    # Time spent between statements (and the commit) does not count against the next one.
    with timed_engine.begin() as connection:
        connection.execute(text("SELECT 1")).all()
        time.sleep(0.3)
        assert connection.execute(text("SELECT 2")).scalar() == 2
    with timed_engine.begin() as connection:
        connection.execute(text("SELECT 1")).all()
        time.sleep(0.3)  # then COMMIT, past the last statement's deadline


async def test_a_query_timeout_is_a_504_problem_and_the_service_goes_on(seeded_database: Database) -> None:
    async with serve(build(settings_for(seeded_database.url, query_timeout_ms=200))) as client:
        started = time.monotonic()
        response = await client.get("/test/slow-query")
        assert time.monotonic() - started < CUT_OFF_WITHIN
        body = assert_problem(response, 504, "query-timeout")
        assert "200 ms" in body["detail"]
        assert "retry-after" not in response.headers  # the same query would time out again
        for _ in range(3):  # the pooled connection it used serves the next requests
            assert (await client.get("/v1/events?limit=1")).status_code == 200


# --- rate limiting ---


def test_token_bucket_refills_at_the_rate_up_to_the_burst() -> None:
    buckets = TokenBuckets(per_minute=60, burst=3)
    assert [buckets.take("a", now=0) for _ in range(3)] == [0, 0, 0]
    assert buckets.take("a", now=0) == pytest.approx(1.0)
    assert buckets.take("b", now=0) == 0  # another client has its own bucket
    assert buckets.take("a", now=0.5) == pytest.approx(0.5)
    assert buckets.take("a", now=1.0) == 0
    assert [buckets.take("a", now=100) for _ in range(4)][-1] > 0  # refilled to the burst, no more


def test_token_buckets_forget_the_least_recent_clients_first() -> None:
    buckets = TokenBuckets(per_minute=60, burst=1, max_clients=2)
    buckets.take("a", now=0)
    buckets.take("b", now=0)
    buckets.take("c", now=0)  # "a" is forgotten: a full bucket again
    assert buckets.take("a", now=0) == 0
    assert buckets.take("c", now=0) > 0


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
    ],
)
def test_clients_are_limited_by_address_and_ipv6_by_its_64(host: str, key: str) -> None:
    assert client_key({"client": (host, 1)}) == key


async def test_a_client_over_its_rate_gets_429_with_retry_after(seeded_database: Database) -> None:
    # A token every ten seconds: the four requests take less, however busy the machine.
    settings = settings_for(seeded_database.url, rate_limit_per_minute=6, rate_limit_burst=3)
    app = build(settings)
    async with serve(app, client=("198.51.100.1", 1)) as client:
        for _ in range(3):
            assert (await client.get("/v1/countries?limit=1")).status_code == 200
        response = await client.get("/v1/countries?limit=1")
        body = assert_problem(response, 429, "rate-limited")
        assert 1 <= int(response.headers["retry-after"]) <= 10
        assert "6 a minute" in body["detail"]
        assert response.headers["x-request-id"]  # the limit answers with the usual headers
        # Probes and scrapes are never limited.
        for path in ["/healthz", "/readyz", "/metrics"]:
            assert (await client.get(path)).status_code == 200
    async with serve(app, client=("198.51.100.2", 1)) as other:
        assert (await other.get("/v1/countries?limit=1")).status_code == 200  # its own bucket


async def test_x_forwarded_for_counts_only_from_a_trusted_proxy(seeded_database: Database) -> None:
    # A token a minute: the second request cannot find its bucket refilled, however slow the first.
    limited = {"rate_limit_per_minute": 1, "rate_limit_burst": 1}

    async def statuses(settings_overrides: dict[str, Any]) -> list[int]:
        app = build(settings_for(seeded_database.url, **limited, **settings_overrides))
        async with serve(app, client=("10.0.0.5", 1)) as client:
            return [
                (await client.get("/v1/countries", headers={"X-Forwarded-For": ip})).status_code
                for ip in ["203.0.113.1", "203.0.113.2"]
            ]

    # Untrusted: the header is ignored, both requests come from 10.0.0.5 and share one bucket.
    assert await statuses({}) == [200, 429]
    # Behind a trusted proxy: two clients, two buckets.
    assert await statuses({"trusted_proxies": ["10.0.0.0/8"]}) == [200, 200]


async def test_rate_limiting_can_be_switched_off(seeded_database: Database) -> None:
    async with serve(build(settings_for(seeded_database.url, rate_limit_per_minute=0))) as client:
        statuses = {
            (await client.get("/v1/countries?limit=1")).status_code for _ in range(105)
        }  # past the default burst
        assert statuses == {200}


def test_a_statement_read_in_chunks_has_the_timeout_for_each_chunk(timed_engine: Any) -> None:
    """A streamed export (export._streamed) pauses between chunks while the client reads: each chunk
    gets the whole timeout again (`renew_deadline`), so only a chunk that itself runs long is cut off."""
    rows = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000) SELECT i FROM n"
    with timed_engine.connect() as connection:
        result = connection.execute(text(rows))
        read = 0
        for chunk in driver_chunks(result, 10_000, lambda: renew_deadline(connection)):
            read += len(chunk)
            time.sleep(0.3)  # past the 200 ms deadline of the statement
        assert read == 40_000
