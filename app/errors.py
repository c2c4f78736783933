"""One error shape for the whole API: RFC 9457 problem details (`application/problem+json`).

    AppError                  → its own status, title and type
     ├── NotFound             404  an id that names no record
     ├── UnknownParameter     400  a query parameter the endpoint does not document
     ├── InvalidParameter     422  a value that does not parse or does not make sense
     ├── Gone                 410  an id whose record was deleted
     ├── Conflict             409  an id taken, or a record others still refer to
     ├── PreconditionFailed   412  If-Match names a version that is no longer current
     └── PreconditionRequired 428  a change without If-Match
Request validation errors from FastAPI and any HTTP error from Starlette are turned into the same
shape. Database errors: unreachable, overloaded or out of connections is a 503 with Retry-After; lock
contention (a lock wait, a deadlock) a 503 `database-busy` with a shorter Retry-After; a full disk a
507; a statement cut off by the query timeout is a 504; anything else unexpected becomes a 500 problem that
carries no internals (no exception text, no SQL, no traceback: those go to the log, with the
request id).
"""

import errno
import logging
import re
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from app.db import WriteTurnTimeout, classify, failure_code, first_failure

# FastAPI itself only where the handlers are installed: the command line raises and reads these
# errors (an import's, a seed's) and serves nothing, so it should not import the web framework.
if TYPE_CHECKING:
    from fastapi import FastAPI

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_SCHEMA_REF = "#/components/schemas/Problem"


def problem_response(description: str) -> dict[str, Any]:
    """An answer that is a problem, for an operation's `responses=`: the Problem schema by reference
    (app.main adds it to the document's components). Not `model`: for each operation and status
    FastAPI would build a validator and a serializer of the Problem when the app starts, only to
    write this reference into the document."""
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": PROBLEM_SCHEMA_REF}}},
    }


PROBLEM_TYPE_BASE = "/problems/"
logger = logging.getLogger("bilateral")


class ProblemResponse(Response):
    media_type = PROBLEM_MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class AppError(Exception):
    status = 500
    title = "Internal server error"
    slug = "internal-error"

    def __init__(
        self,
        detail: str,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.headers = headers


class NotFound(AppError):
    status = 404
    title = "Not found"
    slug = "not-found"


class UnknownParameter(AppError):
    status = 400
    title = "Unknown query parameter"
    slug = "unknown-parameter"


class InvalidParameter(AppError):
    status = 422
    title = "Invalid parameter"
    slug = "invalid-parameter"

    @classmethod
    def for_param(cls, name: str, detail: str) -> "InvalidParameter":
        return cls(f"{name}: {detail}", [param_error(name, detail)])


class Gone(AppError):
    status = 410
    title = "Gone"
    slug = "gone"


class Conflict(AppError):
    status = 409
    title = "Conflict"
    slug = "conflict"


class RequestInProgress(Conflict):
    title = "Request in progress"
    slug = "request-in-progress"

    def __init__(self) -> None:
        super().__init__("Another request with this Idempotency-Key is being answered; retry shortly.")


class PreconditionFailed(AppError):
    status = 412
    title = "Precondition failed"
    slug = "precondition-failed"


class PreconditionRequired(AppError):
    status = 428
    title = "Precondition required"
    slug = "precondition-required"


def param_error(name: str, detail: str, location: str = "query") -> dict[str, Any]:
    return {"name": name, "in": location, "detail": detail}


def problem(
    request: Request,
    status: int,
    title: str,
    slug: str,
    detail: str,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    if errors:
        body["errors"] = errors
    return ProblemResponse(body, status_code=status, headers=headers)


async def _app_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, AppError)
    return problem(request, exc.status, exc.title, exc.slug, exc.detail, exc.errors, exc.headers)


async def _validation_error(request: Request, exc: Exception) -> ProblemResponse:
    from fastapi.exceptions import RequestValidationError

    assert isinstance(exc, RequestValidationError)
    errors = [describe_error(error) for error in exc.errors()]
    unknown = [error for error in errors if error.pop("unknown", False)]
    if unknown:
        names = ", ".join(sorted(error["name"] for error in unknown))
        return problem(
            request,
            UnknownParameter.status,
            UnknownParameter.title,
            UnknownParameter.slug,
            f"Unknown query parameter(s): {names}. See the OpenAPI document for this endpoint's filters.",
            unknown,
        )
    detail = "; ".join(f"{e['name']}: {e['detail']}" if e["name"] else e["detail"] for e in errors)
    return problem(
        request,
        InvalidParameter.status,
        InvalidParameter.title,
        InvalidParameter.slug,
        detail,
        errors,
    )


def describe_error(error: Any) -> dict[str, Any]:
    """One pydantic error as a problem's `errors[]` entry; its `loc` starts with where the value was
    (`query`, `path`, `body`)."""
    location, *path = error.get("loc", ()) or ("query",)
    # Body fields are named as paths (`citations[0].quote`); query parameters by name.
    name = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
    if location == "query":
        name = ".".join(str(part) for part in path if not isinstance(part, int))
    message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    described = param_error(name, message, str(location))
    if error.get("type") == "extra_forbidden":
        if location == "query":
            described["detail"] = "not a parameter of this endpoint"
            described["unknown"] = True
        else:
            described["detail"] = "not a field of this resource"
    return described


async def _http_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StarletteHTTPException)
    title = {404: "Not found", 405: "Method not allowed", 413: "Content too large"}.get(
        exc.status_code, "HTTP error"
    )
    slug = title.lower().replace(" ", "-")
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:
        # Starlette names only the first route that matched the path; a path served by several
        # routes (GET from one, PATCH and DELETE from another) allows all their methods.
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return problem(request, exc.status_code, title, slug, str(exc.detail), headers=headers or None)


def _allowed_methods(request: Request) -> list[str]:
    """The methods the OpenAPI document gives the requested path (what clients are told exists)."""
    matches = [
        (template.count("{"), operations)
        for template, operations in request.app.openapi()["paths"].items()
        if re.fullmatch(re.sub(r"\{[^/]+\}", "[^/]+", template), request.url.path)
    ]
    if not matches:
        return []
    # A literal path (`/v1/trade-figures/series`) wins over a template that also matches it.
    fewest = min(parameters for parameters, _ in matches)
    return sorted({m.upper() for parameters, ops in matches if parameters == fewest for m in ops})


async def database_problem(request: Request, exc: Exception) -> ProblemResponse:
    """503 for a database that cannot be reached or a lock not granted, 507 for a full disk, 504 for
    a query cut off by the timeout."""
    assert isinstance(exc, SQLAlchemyError)
    exc = first_failure(exc)
    failure = classify(exc)
    where = f"{request.method} {request.url.path}"
    if failure == "timeout":
        limit = request.app.state.settings.query_timeout_ms
        logger.warning("query timeout (%d ms) on %s", limit, where)
        detail = (
            f"The query took longer than the {limit} ms limit and was cancelled. "
            "Narrow the filters or ask for a smaller page."
        )
        return problem(request, 504, "Query timeout", "query-timeout", detail)
    # The driver's class and code only: its message may carry a host name or a query.
    code = failure_code(exc)
    if failure == "disk_full":
        logger.error("database disk full on %s: %s", where, code)
        return insufficient_storage(request, "The database has")
    if failure == "locked":
        logger.warning("database busy (lock contention) on %s: %s", where, code)
        detail = "Another change held what this request needed, and nothing was written; try again."
        return problem(request, 503, "Database busy", "database-busy", detail, headers={"Retry-After": "1"})
    if failure == "unavailable":
        logger.error("database unavailable on %s: %s", where, code)
        detail = "The database is unavailable; try again shortly."
        return problem(
            request, 503, "Service unavailable", "database-unavailable", detail, headers={"Retry-After": "5"}
        )
    return unexpected_error(request, exc)


def unexpected_error(request: Request, exc: BaseException) -> ProblemResponse:
    """A 500 that says nothing about the cause; the log gets the traceback (and the request id)."""
    logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(request, 500, AppError.title, AppError.slug, "An unexpected error occurred.")


async def _unexpected_error(request: Request, exc: Exception) -> ProblemResponse:
    return unexpected_error(request, exc)


def insufficient_storage(request: Request, who: str) -> ProblemResponse:
    detail = (
        f"{who} no space left to store this change, and nothing was written. "
        "Retrying will not help until the operators free some space."
    )
    return problem(request, 507, "Insufficient storage", "insufficient-storage", detail)


async def _os_error(request: Request, exc: Exception) -> ProblemResponse:
    """A full disk or quota on the server's own files (an upload spooled to a temporary file) is a
    507, like the database's; any other OSError is unexpected."""
    assert isinstance(exc, OSError)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        logger.error("disk full on %s %s: %s", request.method, request.url.path, errno.errorcode[exc.errno])
        return insufficient_storage(request, "The server has")
    return unexpected_error(request, exc)


def install_error_handlers(app: "FastAPI") -> None:
    from fastapi.exceptions import RequestValidationError

    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    # Lost connections, no free connection, a statement past the query timeout, a SQLite write that
    # waited past the lock wait for its turn (bad SQL is a bug: 500).
    for database_error in (OperationalError, InterfaceError, PoolTimeout, WriteTurnTimeout):
        app.add_exception_handler(database_error, database_problem)
    app.add_exception_handler(OSError, _os_error)
    app.add_exception_handler(Exception, _unexpected_error)
