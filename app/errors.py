"""One error shape for the whole API: RFC 9457 problem details (`application/problem+json`).

    AppError                  → its own status, title and type
     ├── NotFound             404  an id that names no record
     ├── UnknownParameter     400  a query parameter the endpoint does not document
     └── InvalidParameter     422  a value that does not parse or does not make sense
Request validation errors from FastAPI and any HTTP error from Starlette are turned into the same
shape; a lost database connection becomes a 503 with Retry-After; anything else unexpected becomes a
500 problem that carries no internals.
"""

import logging
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

PROBLEM_MEDIA_TYPE = "application/problem+json"
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

    def __init__(self, detail: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors


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
    return problem(request, exc.status, exc.title, exc.slug, exc.detail, exc.errors)


async def _validation_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [_describe(error) for error in exc.errors()]
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


def _describe(error: Any) -> dict[str, Any]:
    location, *path = error.get("loc", ()) or ("query",)
    name = ".".join(str(part) for part in path if not isinstance(part, int))
    message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    described = param_error(name, message, str(location))
    if error.get("type") == "extra_forbidden":
        described["detail"] = "not a parameter of this endpoint"
        described["unknown"] = True
    return described


async def _http_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StarletteHTTPException)
    title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "HTTP error")
    slug = title.lower().replace(" ", "-")
    return problem(
        request,
        exc.status_code,
        title,
        slug,
        str(exc.detail),
        headers=getattr(exc, "headers", None),
    )


async def _database_unavailable(request: Request, exc: Exception) -> ProblemResponse:
    logger.error("database unavailable on %s %s: %s", request.method, request.url.path, type(exc).__name__)
    detail = "The database is unavailable; try again shortly."
    return problem(
        request, 503, "Service unavailable", "database-unavailable", detail, headers={"Retry-After": "5"}
    )


async def _unexpected_error(request: Request, exc: Exception) -> ProblemResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(request, 500, AppError.title, AppError.slug, "An unexpected error occurred.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    # Lost connections and the like (not bad SQL, which is a bug): a 503 the client can retry.
    app.add_exception_handler(OperationalError, _database_unavailable)
    app.add_exception_handler(InterfaceError, _database_unavailable)
    app.add_exception_handler(Exception, _unexpected_error)
