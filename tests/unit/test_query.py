"""`from_query` reads a query string as FastAPI reads a query model, and documents it the same way."""

from typing import Annotated, Any

import httpx
import pytest
from fastapi import FastAPI, Query

from app.common.query import documented_parameters, from_query
from app.errors import install_error_handlers
from app.events.schemas import EventFilters
from app.trade.schemas import TradeFigureFilters


def _app() -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/fastapi")
    def by_fastapi(filters: Annotated[TradeFigureFilters, Query()]) -> dict[str, Any]:
        return filters.model_dump(mode="json")

    @app.get("/ours")
    def by_from_query(
        filters: Annotated[TradeFigureFilters, from_query(TradeFigureFilters)],
    ) -> dict[str, Any]:
        return filters.model_dump(mode="json")

    return app


def _client() -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=_app()), base_url="http://testserver")


pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    "query",
    [
        "",
        "reporter=AZ&reporter=kz&partner=TR",  # a list takes every repetition
        "indicator=exports,imports&limit=10",  # comma-separated lists
        "limit=5&limit=7",  # any other field takes the last one
        "sort=-value&value_min=100&value_max=1e9&date_from=2024&date_to=2025-06",
        "fields=id,value&fields=unit&lang=ru",
        "limit=0",  # out of range: 422
        "limit=ten&sort=nope&date_from=2025-13",  # several problems at once
        "reporter=AZE",  # not a two-letter code
        "colour=blue&reporter=AZ",  # unknown: 400
        "cursor=&q=",  # empty values are values
    ],
)
async def test_reads_a_query_as_fastapi_reads_its_model(query: str) -> None:
    async with _client() as client:
        expected = await client.get(f"/fastapi?{query}")
        answered = await client.get(f"/ours?{query}")
    assert answered.status_code == expected.status_code
    # A problem names the path it answered (`instance`), which differs here by construction.
    assert {**answered.json(), "instance": None} == {**expected.json(), "instance": None}


async def test_an_invalid_value_is_located_in_the_query() -> None:
    async with _client() as client:
        answered = await client.get("/ours?limit=0")
    assert answered.status_code == 422
    assert answered.headers["content-type"].startswith("application/problem+json")
    assert [(error["in"], error["name"]) for error in answered.json()["errors"]] == [("query", "limit")]


async def test_documents_the_parameters_fastapi_would() -> None:
    app = FastAPI()

    @app.get("/events")
    def declared(filters: Annotated[EventFilters, Query()]) -> None:
        """The model as FastAPI documents it."""

    expected = app.openapi()
    parameters, components = documented_parameters([EventFilters])
    assert parameters[EventFilters] == expected["paths"]["/events"]["get"]["parameters"]
    assert "EventType" in components  # `type` refers to it
    assert components["EventType"] == expected["components"]["schemas"]["EventType"]
