"""`ReadRoutes` (app/common/routing.py): a GET finds the route FastAPI would choose, and the operations
it calls itself answer exactly as FastAPI's dependency solver would have them answer."""

import threading
from collections.abc import AsyncIterator
from typing import Annotated, Any

import httpx
import pytest
from fastapi import Depends, FastAPI, Header, Request, Response
from fastapi.responses import PlainTextResponse
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app import datastate
from app.common.listing import Listing
from app.common.routing import IncludedRoute, ReadRoutes
from app.config import Settings
from app.errors import NotFound, install_error_handlers
from app.events.router import router as events
from app.main import create_app
from app.reference.router import countries
from tests.conftest import Database, bind_to_test_transaction
from tests.test_response_cache import same_answer

pytestmark = pytest.mark.anyio


def read_routes(app: FastAPI) -> ReadRoutes:
    [found] = [route for route in app.router.routes if isinstance(route, ReadRoutes)]
    return found


@pytest.fixture
async def direct(seeded_database: Database, connection: Connection) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(database_url=seeded_database.url, rate_limit_per_minute=0, response_cache_mb=0))
    bind_to_test_transaction(app, connection)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
        yield c
    app.state.engine.dispose()


# Every GET of the seed, and the errors only FastAPI's router answers, are compared with FastAPI's own
# answers in tests/test_response_cache.py (one walk for the read routes and the cache).


async def test_other_methods_answer_as_fastapi_answers_them(
    direct: httpx.AsyncClient, by_fastapi: httpx.AsyncClient
) -> None:
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


async def test_a_first_request_builds_only_the_routes_of_its_own_router(
    seeded_database: Database, connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FastAPI builds a route where the app serves it by asking the route for its handler; the table
    # reads every route's pattern without that, and leaves it to the first request of each router.
    built: list[str] = []
    handler = IncludedRoute.get_route_handler

    def building(route: IncludedRoute) -> Any:
        built.append(route.name)
        return handler(route)

    monkeypatch.setattr(IncludedRoute, "get_route_handler", building)
    app = create_app(Settings(database_url=seeded_database.url, rate_limit_per_minute=0, response_cache_mb=0))
    bind_to_test_transaction(app, connection)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
        assert (await c.get("/v1/countries?limit=1")).status_code == 200
        assert sorted(built) == sorted(route.name for route in countries.routes)  # type: ignore[attr-defined]
        assert (await c.get("/v1/countries/AZ")).status_code == 200
        assert (await c.get("/v1/events?limit=1")).status_code == 200
    assert sorted(built) == sorted(route.name for route in [*countries.routes, *events.routes])  # type: ignore[attr-defined]
    app.state.engine.dispose()


# --- which operations it calls itself, and how: a small app of its own ---


def toy_app(log: list[str], direct: bool) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)

    async def opened(request: Request) -> AsyncIterator[str]:
        log.append("open")
        try:
            yield "resource"
        except BaseException:
            log.append("failed")
            raise
        finally:
            log.append("closed")

    async def query(request: Request) -> str:
        log.append("query")
        return request.query_params.get("q", "")

    class Logged(PlainTextResponse):
        async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
            log.append("sent")
            await super().__call__(scope, receive, send)

    @app.get("/plain/{name}")
    async def plain(
        request: Request,
        resource: Annotated[str, Depends(opened, scope="function")],
        name: str,
        q: Annotated[str, Depends(query)],
    ) -> Response:
        log.append(f"answer {request.method}")
        if name == "missing":
            raise NotFound("No such thing.")
        return Logged(f"{resource} {name} {q}")

    @app.get("/threaded/{name}")
    def threaded(name: str) -> Response:
        return Logged(f"threaded {name}")

    @app.get("/number/{number}")
    def number(number: int) -> Response:  # FastAPI converts and validates it
        return Logged(str(number))

    @app.get("/header")
    def header(x_thing: Annotated[str | None, Header()] = None) -> Response:
        return Logged(str(x_thing))

    @app.get("/serialized")
    def serialized() -> dict[str, str]:  # FastAPI serializes what it returns
        return {"a": "b"}

    async def held(request: Request) -> AsyncIterator[str]:
        yield "held"

    @app.get("/held")
    def held_after(value: Annotated[str, Depends(held)]) -> Response:  # ends after the answer is sent
        return Logged(value)

    if direct:
        app.router.routes.insert(0, ReadRoutes(app))
    return app


def test_only_operations_whose_parameters_it_knows_are_called_directly() -> None:
    table = read_routes(toy_app([], direct=True))._current()
    paths = ["/plain/x", "/threaded/x", "/number/1", "/header", "/serialized", "/held", "/nowhere"]
    called = {path: table.find(path) is not None for path in paths}
    assert called == {
        "/plain/x": True,
        "/threaded/x": True,
        "/number/1": True,  # validated as FastAPI validates it
        "/header": False,
        "/serialized": False,
        "/held": False,
        "/nowhere": False,
    }


@pytest.mark.parametrize(
    "url", ["/plain/x?q=1", "/plain/missing", "/threaded/y", "/number/1", "/number/one", "/held", "/plain/"]
)
async def test_an_operation_called_directly_runs_as_fastapi_runs_it(url: str) -> None:
    answers = []
    for direct in (False, True):
        log: list[str] = []
        transport = httpx.ASGITransport(app=toy_app(log, direct))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            response = await client.get(url)
        answers.append((response.status_code, response.headers, response.content, log))
    assert answers[1] == answers[0]
    if url == "/plain/x?q=1":  # dependencies in order; the session-like one ends before the answer goes
        assert answers[1][3] == ["open", "query", "answer GET", "closed", "sent"]


# --- where the app's reads run (docs/benchmarks/2026-12-04-handler-thread-hop.md) ---

# A GET of each way of answering: lists, the series, the pairs, a dossier, search; and one record.
LISTS = [
    "/v1/events?limit=2",
    "/v1/trade-figures/series?reporter=AZ&partner=KZ&indicator=trade_turnover",
    "/v1/relations?limit=2",
    "/v1/relations/AZ/KZ",
    "/v1/search?q=Azerbaijan",
    "/v1/trade-figures?limit=2&sort=-value",
]
RECORD = "/v1/countries/AZ"


async def test_lists_run_in_a_handler_thread_and_a_record_in_the_event_loop_on_sqlite_only(
    direct: httpx.AsyncClient, seeded_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every one of these answers names the data version, read by datastate.current where it answers.
    threads: list[int] = []
    current = datastate.current

    def noting_the_thread(session: Session) -> datastate.Version:
        threads.append(threading.get_ident())
        return current(session)

    monkeypatch.setattr(datastate, "current", noting_the_thread)
    loop = threading.get_ident()  # the test's event loop, the app's too (ASGITransport)
    for url in [*LISTS, RECORD]:
        threads.clear()
        response = await direct.get(url)
        assert response.status_code == 200, (url, response.text)
        assert threads, url
        in_loop = url == RECORD and seeded_database.engine_name == "sqlite"
        assert {thread == loop for thread in threads} == {in_loop}, url


async def test_an_export_is_streamed_from_a_thread_on_every_engine(
    direct: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long export must not hold the event loop for its whole length: its rows are read where
    # Starlette iterates a plain iterator, in a thread, chunk by chunk.
    threads: list[int] = []
    every_item = Listing.every_item

    def noting_the_thread(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return every_item(*args, **kwargs)

    monkeypatch.setattr(Listing, "every_item", noting_the_thread)
    response = await direct.get("/v1/events?format=ndjson")
    assert response.status_code == 200
    assert threads and threading.get_ident() not in threads
