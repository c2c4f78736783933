"""`ReadRoutes` (app/common/routing.py): a GET finds the route FastAPI would choose, and the operations
it calls itself answer exactly as FastAPI's dependency solver would have them answer."""

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Connection

from app.common.routing import ReadRoutes
from app.config import Settings
from app.main import create_app
from tests.conftest import Database, bind_to_test_transaction
from tests.test_response_cache import same_answer, seed_urls

pytestmark = pytest.mark.anyio


def read_routes(app: FastAPI) -> ReadRoutes:
    [found] = [route for route in app.router.routes if isinstance(route, ReadRoutes)]
    return found


@pytest.fixture
async def by_fastapi(seeded_database: Database, connection: Connection) -> AsyncIterator[httpx.AsyncClient]:
    """The app without its read routes: FastAPI's router and solver answer every request."""
    app = create_app(Settings(database_url=seeded_database.url, rate_limit_per_minute=0, response_cache_mb=0))
    app.router.routes.remove(read_routes(app))
    bind_to_test_transaction(app, connection)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
        yield c
    app.state.engine.dispose()


@pytest.fixture
async def direct(seeded_database: Database, connection: Connection) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(database_url=seeded_database.url, rate_limit_per_minute=0, response_cache_mb=0))
    bind_to_test_transaction(app, connection)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
        yield c
    app.state.engine.dispose()


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
    "/v1/events/x/y/z",  # no route: 404
    "/v2/nothing",
    "/healthz",
    "/openapi.json",
    "/docs",
    "/explorer/static/nothing.css",
]


async def test_every_get_answers_as_fastapis_own_router_and_solver_answer_it(
    direct: httpx.AsyncClient, by_fastapi: httpx.AsyncClient
) -> None:
    spec = (await by_fastapi.get("/openapi.json")).json()
    assert (await direct.get("/openapi.json")).json() == spec
    listed: dict[str, list[dict[str, Any]]] = {}
    for path, operations in spec["paths"].items():
        if path.startswith("/v1/") and "{" not in path and "get" in operations:
            body = (await by_fastapi.get(path + "?" + urlencode({"limit": 100}))).json()
            listed[path] = body.get("items", []) if isinstance(body, dict) else []
    urls = [*dict.fromkeys(seed_urls(spec, listed)), *ODD_URLS]
    assert len(urls) > 100
    for url in urls:
        for headers in [{}, {"Accept-Language": "ru", "Accept-Encoding": "gzip"}]:
            expected = await by_fastapi.get(url, headers=headers)
            answered = await direct.get(url, headers=headers)
            assert same_answer(answered, expected) == same_answer(expected, answered), (url, headers)
    for method in ("HEAD", "PUT", "DELETE"):
        expected = await by_fastapi.request(method, "/v1/events/no-such-event")
        answered = await direct.request(method, "/v1/events/no-such-event")
        assert same_answer(answered, expected) == same_answer(expected, answered), method


def test_a_get_finds_the_route_fastapi_chooses(app: FastAPI) -> None:
    routes = read_routes(app)
    table = routes._current()

    def found(path: str) -> str | None:
        hit = table.find(path)
        return None if hit is None else getattr(hit[0].route, "name", None)

    assert found("/v1/trade-figures/series") == "getTradeSeries"  # declared before the record by id
    assert found("/v1/trade-figures/abc") == "getTradeFigure"
    assert found("/v1/trade-figures") == "listTradeFigures"
    assert found("/v1/events/") is None  # FastAPI's router redirects it
    assert found("/v1/nothing") is None
    assert found("/explorer/static/explorer.css") is None  # a route, but not one this table calls itself
