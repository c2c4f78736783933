"""CORS: public reads from any origin (by default), writes only from the origins named for them."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.conftest import Database
from tests.hardening_app import build, serve, settings_for

pytestmark = pytest.mark.anyio
EDITOR = "https://editor.example"
STRANGER = "https://stranger.example"


def preflight(origin: str, method: str) -> dict[str, str]:
    return {"Origin": origin, "Access-Control-Request-Method": method}


@pytest.fixture
async def http(seeded_database: Database) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(build(settings_for(seeded_database.url, cors_write_origins=[EDITOR]))) as client:
        yield client


async def test_reads_are_open_to_every_origin(http: httpx.AsyncClient) -> None:
    response = await http.get("/v1/events?limit=1", headers={"Origin": STRANGER})
    assert response.headers["access-control-allow-origin"] == "*"
    exposed = {name.strip().lower() for name in response.headers["access-control-expose-headers"].split(",")}
    assert {"etag", "link", "x-request-id", "retry-after"} <= exposed
    allowed = await http.options("/v1/events", headers=preflight(STRANGER, "GET"))
    assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == "*"


async def test_a_request_without_origin_varies_on_origin_as_starlette_says(http: httpx.AsyncClient) -> None:
    # SplitCORS answers these itself, without Starlette's CORSMiddleware: the same Vary.
    response = await http.get("/v1/events?limit=1")
    assert response.headers.get_list("vary")[-1].endswith(", Origin")
    assert len(response.headers.get_list("vary")) == 1
    assert "access-control-allow-origin" not in response.headers


async def test_writes_only_from_the_configured_origins(http: httpx.AsyncClient) -> None:
    allowed = await http.options("/test/write", headers=preflight(EDITOR, "POST"))
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == EDITOR
    assert "POST" in allowed.headers["access-control-allow-methods"]
    refused = await http.options("/test/write", headers=preflight(STRANGER, "POST"))
    assert refused.status_code == 400
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"] == "/problems/cors-refused"
    assert "access-control-allow-origin" not in refused.headers
    # The actual request: the browser may read the answer only when the origin is allowed.
    written = await http.post("/test/write", headers={"Origin": EDITOR})
    assert written.headers["access-control-allow-origin"] == EDITOR
    stranger = await http.post("/test/write", headers={"Origin": STRANGER})
    assert "access-control-allow-origin" not in stranger.headers


async def test_no_origin_may_write_by_default(seeded_database: Database) -> None:
    async with serve(build(settings_for(seeded_database.url))) as client:
        for method in ["POST", "PUT", "PATCH", "DELETE"]:
            assert (await client.options("/v1/events", headers=preflight(EDITOR, method))).status_code == 400


async def test_reads_can_be_restricted_too(seeded_database: Database) -> None:
    overrides: dict[str, Any] = {"cors_read_origins": [EDITOR]}
    async with serve(build(settings_for(seeded_database.url, **overrides))) as client:
        mine = await client.get("/v1/events?limit=1", headers={"Origin": EDITOR})
        assert mine.headers["access-control-allow-origin"] == EDITOR
        assert "origin" in mine.headers["vary"].lower()
        theirs = await client.get("/v1/events?limit=1", headers={"Origin": STRANGER})
        assert "access-control-allow-origin" not in theirs.headers
