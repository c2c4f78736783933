from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from fastapi_offline import FastAPIOffline

from app import health
from app.agreements.router import router as agreements_router
from app.config import Settings, get_settings
from app.db import make_engine, make_sessionmaker
from app.errors import PROBLEM_MEDIA_TYPE, install_error_handlers
from app.events.router import router as events_router
from app.middleware import ConditionalGet, RejectControlCharacters
from app.projects.router import router as projects_router
from app.reference import router as reference
from app.relations.router import router as relations_router
from app.search.router import router as search_router
from app.sources.router import router as sources_router
from app.trade.router import router as trade_router
from app.trade.series.router import router as trade_series_router

ROUTERS = (
    events_router,
    agreements_router,
    trade_series_router,  # before trade_router: /v1/trade-figures/series is no figure id
    trade_router,
    projects_router,
    reference.countries,
    reference.organizations,
    reference.people,
    reference.places,
    sources_router,
    relations_router,
    search_router,
)

DESCRIPTION = """\
Open data on bilateral relations: who met whom and where, what they signed, how much they traded,
which ports, corridors and pipelines tie two countries together. Every record carries citations:
verbatim quotes from its sources, with paragraph and character offsets.

Lists share one envelope (`items`, `next_cursor`), keyset pagination (`limit`, `cursor`, and a
`Link: rel="next"` header) and typed filters; errors are RFC 9457 `application/problem+json`.
"""

TAGS = [
    {"name": "events", "description": "Visits, summits and meetings."},
    {"name": "agreements", "description": "Documents signed, with sectors and parties."},
    {"name": "trade-figures", "description": "Trade and transit observations with their qualifiers."},
    {"name": "infrastructure-projects", "description": "Ports, corridors, pipelines, systems."},
    {"name": "countries", "description": "ISO 3166-1 countries."},
    {"name": "organizations", "description": "International organizations the sources name."},
    {"name": "people", "description": "People the sources name."},
    {"name": "places", "description": "Cities, ports and regions the sources name."},
    {"name": "sources", "description": "Source documents, full text, and every quote taken from them."},
    {"name": "relations", "description": "Country pairs: what ties two countries together, in one call."},
    {"name": "search", "description": "Full-text search across every record, in Russian and English."},
    {"name": "health", "description": "Liveness and readiness probes."},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    # Docs pages serve Swagger UI and ReDoc from the package, not a CDN: they work offline.
    app = FastAPIOffline(
        title="Bilateral relations API",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        license_info={"name": "MIT", "identifier": "MIT"},
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.head_revision = health.head_revision()
    install_error_handlers(app)
    app.add_middleware(ConditionalGet)
    app.add_middleware(RejectControlCharacters)
    app.include_router(health.router)
    for router in ROUTERS:
        app.include_router(router)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _operation_id(route: APIRoute) -> str:
    # Route names are camelCase verbs (`listEvents`, `getEvent`): SDKs get readable method names.
    return route.name


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        openapi_version=app.openapi_version,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
        license_info=app.license_info,
    )
    # Error bodies are problem+json, not application/json: say so in the contract.
    for operations in schema["paths"].values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status[0] in "45" and "application/json" in content:
                    content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
    app.openapi_schema = schema
    return schema
