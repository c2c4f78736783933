import gc
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from copy import deepcopy
from typing import Any

import anyio.to_thread
import fastapi.routing
from fastapi import Depends, FastAPI
from fastapi.encoders import jsonable_encoder
from fastapi.openapi.constants import REF_TEMPLATE
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from app import datastate, health, openapi, revisions, signing  # noqa: F401  (revisions: registers the history hook)
from app.agreements.router import router as agreements_router
from app.auth import bearer, require_read
from app.candidates.router import router as candidates_router
from app.changes.router import router as changes_router
from app.common.query import documented_parameters, query_model
from app.common.routing import ReadRoutes
from app.common.schemas import Problem
from app.config import Settings, get_settings
from app.conflicts.router import router as conflicts_router
from app.db import engine_for, for_writes, loop_reads_for, make_sessionmaker, read_engine_for
from app.errors import PROBLEM_MEDIA_TYPE, install_error_handlers
from app.events.router import router as events_router
from app.explorer.router import router as explorer_router
from app.imports.router import router as imports_router
from app.limits import EXEMPT_PATHS
from app.middleware import install_middleware
from app.observability import configure_logging, telemetry_config
from app.observability import router as observability_router
from app.projects.router import router as projects_router
from app.reference import router as reference
from app.relations.router import router as relations_router
from app.request_session import get_session, session_on_demand
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
    candidates_router,
    conflicts_router,
    relations_router,
    changes_router,
    search_router,
    imports_router,
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
    {
        "name": "candidates",
        "description": "Records proposed from a source's text, for review: accept (through the same "
        "rules as any write) or reject.",
    },
    {
        "name": "conflicts",
        "description": "The consistency report: facts the sources disagree on, and figures that "
        "contradict one another.",
    },
    {"name": "changes", "description": "The change feed: every create, update and delete, in order."},
    {"name": "relations", "description": "Country pairs: what ties two countries together, in one call."},
    {"name": "search", "description": "Full-text search across every record, in Russian and English."},
    {"name": "imports", "description": "Bulk import of CSV and NDJSON files, all or nothing."},
    {"name": "health", "description": "Liveness and readiness probes."},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings)
    signing.configure(settings)
    engine = engine_for(settings)
    datastate.read_on_ping(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # anyio's default is 40 threads: far more than the database's connections and one GIL can use.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.handler_threads
        # What start-up built (modules, routes, schemas) lives as long as the process: out of the
        # collector's sight, a full collection no longer walks it (in a 1M-row export, 1.0 → 0.02 µs
        # a row). `bilateral serve` builds the app with the collector off (app.worker.create_app): on
        # from here.
        gc.freeze()
        gc.enable()
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
        contact={"name": "Bilateral relations API maintainers"},
        # Relative: the API is described wherever it is served (and /docs "Try it out" calls it there).
        servers=[{"url": "/", "description": "The server this document is served from."}],
        telemetry=telemetry_config(),
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.autocommit_engine = read_engine_for(settings, engine)
    app.state.loop_reads = loop_reads_for(settings, engine)
    app.state.write_engine = for_writes(engine)
    app.state.sqlite_writes = anyio.Lock()
    app.state.finish_threads = anyio.CapacityLimiter(settings.db_pool_size + settings.db_max_overflow)
    install_error_handlers(app)
    install_middleware(app, settings)
    app.include_router(health.router)
    app.include_router(observability_router)
    # Reads are public unless BILATERAL_REQUIRE_READ_KEY is set; writes check their own scope. Where
    # reads are public, no request pays for solving a dependency that would let it through.
    guard = [Depends(require_read)] if settings.require_read_key else []
    for router in ROUTERS:
        app.include_router(router, dependencies=guard)
    # The explorer's pages (out of the OpenAPI document) and their stylesheet and script.
    app.include_router(explorer_router)
    app.mount("/explorer/static", StaticFiles(packages=[("app.explorer", "static")]), name="explorer-static")
    # First: a GET finds its operation in one step, and most are called without the dependency solver.
    app.router.routes.insert(0, ReadRoutes(app))
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
        summary=app.summary,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
        servers=app.servers,
        contact=app.contact,
        license_info=app.license_info,
        separate_input_output_schemas=app.separate_input_output_schemas,
    )
    _problem_schemas(schema)
    _query_parameters(app, schema)
    # Reads are public: no credentials unless an operation declares its own `security`.
    schema.setdefault("security", [])
    # RejectControlCharacters (app/middleware.py) answers 400 to C0 controls other than tab, LF and
    # CR anywhere in a path or query, before routing: every operation lists that 400, and every
    # free-form string parameter says it cannot hold them.
    controls = "Control characters (such as `%00`) in the URL."
    no_controls = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$"

    def exclude_controls(node: dict[str, Any]) -> None:
        if node.get("type") == "string" and not {"pattern", "enum", "const", "format"} & node.keys():
            node["pattern"] = no_controls
        children = [*node.get("anyOf", []), *node.get("oneOf", [])]
        if "items" in node:
            children.append(node["items"])
        for child in children:
            exclude_controls(child)

    # Operations whose handler opens a database session: those can meet the database's 503 and 504.
    # (Newer FastAPI nests included routers; `iter_route_contexts` flattens them, as get_openapi does.)
    routes: list[Any] = list(getattr(fastapi.routing, "iter_route_contexts", iter)(app.routes))
    database = {
        (route.path_format, method.lower())
        for route in routes
        if isinstance(getattr(route, "original_route", route), APIRoute) and _uses_database(route)
        for method in route.methods or ()
    }
    # A deployment that requires a key for reads (BILATERAL_REQUIRE_READ_KEY) says so on each read.
    read_key = {
        (route.path_format, method.lower())
        for route in routes
        if app.state.settings.require_read_key
        and isinstance(getattr(route, "original_route", route), APIRoute)
        and any(call is require_read for call in _dependency_calls(route))
        for method in route.methods or ()
    }
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            if (path, method) in read_key and not operation.get("security"):
                operation["security"] = [{bearer.scheme_name: []}]
                responses.setdefault(
                    "401",
                    {
                        "description": "No valid API key: this deployment requires one for reads "
                        "(`BILATERAL_REQUIRE_READ_KEY`); any key will do.",
                        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
                    },
                )
            # Error bodies are problem+json, not application/json: say so in the contract.
            for status, response in responses.items():
                content = response.get("content", {})
                if status[0] in "45" and "application/json" in content:
                    content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
            if "400" in responses:
                responses["400"]["description"] += f" Or: {controls[0].lower()}{controls[1:]}"
            else:
                problem = {"schema": {"$ref": "#/components/schemas/Problem"}}
                responses["400"] = {"description": controls, "content": {PROBLEM_MEDIA_TYPE: problem}}
            for status, response in _operational_errors(
                app,
                rate_limited=path not in EXEMPT_PATHS,
                database=(path, method) in database,
                writes=method not in ("get", "head"),
            ).items():
                if "requestBody" in operation or status != "413":
                    responses.setdefault(status, response)
            operation["responses"] = dict(sorted(responses.items()))
            header = _if_match_header(operation)
            for parameter in operation.get("parameters", []):
                exclude_controls(parameter["schema"])
                if parameter["name"] == header and "428" in responses:
                    # Optional to the handler only so that its absence is a 428, not a 422: required.
                    parameter["required"] = True
                    variants = parameter["schema"].pop("anyOf", [])
                    parameter["schema"].update(next((v for v in variants if v.get("type") != "null"), {}))
    # Links from a page to its first record's detail (`/v1/events` → `/v1/events/{event_id}`):
    # Swagger UI and ReDoc show them, Schemathesis follows them in its stateful tests.
    paths = schema["paths"]
    for path, item in paths.items():
        for detail_path, detail in paths.items():
            name = detail_path.removeprefix(f"{path}/{{").removesuffix("}")
            if (
                detail_path == f"{path}/{{{name}}}"
                and name.isidentifier()
                and "get" in item
                and "get" in detail
            ):
                target = detail["get"]["operationId"]
                item["get"]["responses"]["200"]["links"] = {
                    target: {
                        "operationId": target,
                        "parameters": {name: "$response.body#/items/0/id"},
                        "description": "The first record of the page, in full.",
                    }
                }
                # A record as read, into its change or deletion: If-Match is the ETag it came with.
                changes = {
                    detail[method]["operationId"]: {
                        "operationId": detail[method]["operationId"],
                        "parameters": {
                            f"path.{name}": f"$request.path.{name}",
                            f"header.{header}": "$response.header.ETag",
                        },
                        "description": description,
                    }
                    for method, description in (
                        ("patch", "Change this record, as read."),
                        ("delete", "Delete this record, as read."),
                    )
                    if (header := _if_match_header(detail.get(method, {})))
                }
                if changes:
                    detail["get"]["responses"]["200"]["links"] = changes
    _partial_responses(schema)
    openapi.declare_headers(schema)
    openapi.share_responses(schema)
    openapi.share_parameters(schema)
    app.openapi_schema = schema
    return schema


def _problem_schemas(schema: dict[str, Any]) -> None:
    """The Problem schema (and those it refers to), which errors reference rather than declare as a
    model (app.errors.problem_response)."""
    _, definitions = models_json_schema([(Problem, "serialization")], ref_template=REF_TEMPLATE)
    known = schema.setdefault("components", {}).setdefault("schemas", {})
    # Without null values, as get_openapi writes every schema it generates.
    for name, component in jsonable_encoder(definitions["$defs"], exclude_none=True).items():
        known.setdefault(name, component)


def _query_parameters(app: FastAPI, schema: dict[str, Any]) -> None:
    """The parameters of endpoints that read their query with `from_query` (app/common/query.py),
    after their path parameters, as FastAPI writes them for a query model."""
    operations: dict[tuple[str, str], type[BaseModel]] = {}
    routes: list[Any] = list(getattr(fastapi.routing, "iter_route_contexts", iter)(app.routes))
    for route in routes:
        if not isinstance(getattr(route, "original_route", route), APIRoute):
            continue
        for call in _dependency_calls(route):
            model = query_model(call)
            if model is not None:
                for method in route.methods or ():
                    operations[(route.path_format, method.lower())] = model
    parameters, components = documented_parameters(operations.values(), app.separate_input_output_schemas)
    for (path, method), model in operations.items():
        operation = schema["paths"][path][method]
        declared = operation.get("parameters", [])
        at = sum(1 for parameter in declared if parameter["in"] == "path")
        operation["parameters"] = [*declared[:at], *deepcopy(parameters[model]), *declared[at:]]
    known = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, component in components.items():
        known.setdefault(name, component)
    schema["components"]["schemas"] = dict(sorted(known.items()))


def _if_match_header(operation: dict[str, Any]) -> str | None:
    """The name the operation's If-Match header parameter is declared under, if it has one."""
    for parameter in operation.get("parameters", []):
        if (parameter["in"], parameter["name"].lower()) == ("header", "if-match"):
            return str(parameter["name"])
    return None


def _uses_database(route: Any) -> bool:
    return any(call in (get_session, session_on_demand) for call in _dependency_calls(route))


def _dependency_calls(route: Any) -> Iterator[Any]:
    """The endpoint and every dependency it needs, however deep."""
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        yield dependant.call
        pending.extend(dependant.dependencies)


def _operational_errors(app: FastAPI, *, rate_limited: bool, database: bool, writes: bool) -> dict[str, Any]:
    """The answers any operation may give whatever its parameters (app/limits.py, app/errors.py)."""

    def answer(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
        response: dict[str, Any] = {
            "description": description,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        if headers:
            response["headers"] = headers
        return response

    def retry_after(meaning: str) -> dict[str, Any]:
        return {"Retry-After": {"description": meaning, "schema": {"type": "integer", "minimum": 1}}}

    settings = app.state.settings
    limit = settings.max_body_bytes
    errors = {
        "431": answer(
            f"Request header fields too large: the request's headers are over the "
            f"{settings.max_header_bytes} bytes this API accepts (`BILATERAL_MAX_HEADER_BYTES`)."
        ),
        "413": answer(
            f"Content too large: the request body is over the {limit} bytes this API accepts "
            "(`BILATERAL_MAX_BODY_BYTES`). Nothing was read or changed."
        ),
        "500": answer(
            "An unexpected error. The problem says nothing of its cause; the server's log does, under the "
            "request id the response carries in `X-Request-ID`."
        ),
    }
    if rate_limited:
        errors["429"] = answer(
            "Too many requests: this client (its IP address, or IPv6 /64) has used up its requests for "
            "now (`BILATERAL_RATE_LIMIT_PER_MINUTE`, in bursts of `BILATERAL_RATE_LIMIT_BURST`). Wait as "
            "long as `Retry-After` says.",
            retry_after("Seconds until this client may make a request again."),
        )
    if database:
        errors["503"] = answer(
            "The database is unavailable (unreachable, overloaded or out of connections: "
            "`database-unavailable`) or busy (another change held what this request needed: "
            "`database-busy`); nothing was changed. Try again after `Retry-After`.",
            retry_after("Seconds to wait before trying again."),
        )
        if writes:
            errors["507"] = answer(
                "Insufficient storage: the database has no space left to store the change, and nothing "
                "was written. Retrying will not help until space is freed."
            )
        errors["504"] = answer(
            "Query timeout: the query took longer than the limit (`BILATERAL_QUERY_TIMEOUT_MS`) and was "
            "cancelled. Narrow the filters or ask for a smaller page."
        )
    return errors


def _partial_responses(schema: dict[str, Any]) -> None:
    """With `fields=`, records carry only the fields asked for: wherever an operation takes `fields`,
    its JSON answer is the full shape (what a client gets without `fields=`: `EventPage`, `EventRead`)
    or a documented loose one, `PartialRecord` (or `PartialPage` of them): an object with some of the
    full record's fields. `anyOf`: a full record fits both."""
    components = schema["components"]["schemas"]
    ref_prefix = "#/components/schemas/"
    loose = {
        "PartialRecord": {
            "type": "object",
            "title": "PartialRecord",
            "description": "A record with only the fields asked for with `fields=` (and `included`, with "
            "`include=`), each as in the full record the operation's other answer describes.",
            "additionalProperties": True,
        }
    }
    for operations in schema["paths"].values():
        for operation in operations.values():
            if not any(parameter["name"] == "fields" for parameter in operation.get("parameters", [])):
                continue
            content = operation["responses"].get("200", {}).get("content", {}).get("application/json", {})
            if "$ref" not in content.get("schema", {}):
                continue
            full = content["schema"]["$ref"].removeprefix(ref_prefix)
            chosen = "PartialRecord"
            if "items" in components[full]["properties"]:  # a page: the same envelope, partial records
                chosen = "PartialPage"
                if chosen not in loose:
                    page = deepcopy(components[full])
                    page["properties"]["items"]["items"] = {"$ref": ref_prefix + "PartialRecord"}
                    page["title"] = chosen
                    page["description"] = "A page of records with only the fields asked for with `fields=`."
                    loose[chosen] = page
            content["schema"] = {"anyOf": [{"$ref": ref_prefix + full}, {"$ref": ref_prefix + chosen}]}
    components.update(loose)
    schema["components"]["schemas"] = dict(sorted(components.items()))
