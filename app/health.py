"""Liveness and readiness: is the process up, and is its database reachable and migrated?
(Whether a database is at this code's revision is app.migrated's, which the command line uses too.)"""

from functools import cache

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.common.routing import IncludedRoute
from app.errors import ProblemResponse, problem
from app.migrated import current_revision, head_revision
from app.migration_head import shipped_head

router = APIRouter(route_class=IncludedRoute, tags=["health"])


@cache
def _code_head() -> str | None:
    """The head revision of the migrations this code ships: read once, on the first readiness check."""
    return shipped_head() or head_revision()


class Health(BaseModel):
    """The process is up."""

    status: str = Field(description="`ok` when the check passed.", examples=["ok"])


class Readiness(Health):
    """The database is reachable and migrated."""

    database: str = Field(description="Database dialect in use.", examples=["sqlite"])
    revision: str | None = Field(description="The database's Alembic revision (equals the head).")


@router.get(
    "/healthz",
    name="getHealth",
    summary="Liveness: the process is up",
    description="Answers 200 while the process can serve HTTP, whatever the state of the database "
    "(a restart would not mend the database). Never rate-limited.",
    responses={200: {"description": "The process is up."}},
)
async def healthz() -> Health:  # no I/O: answered on the event loop, never queued for a thread
    return Health(status="ok")


@router.get(
    "/readyz",
    name="getReadiness",
    summary="Readiness: the database is reachable and migrated to the head revision",
    description="Answers 200 when a query reaches the database and its schema is at the head "
    "revision, else 503 (within the connect timeout when the database is unreachable). Take the "
    "instance out of rotation while it says 503; it says 200 again by itself once the database is "
    "back. Never rate-limited.",
    responses={
        200: {"description": "Ready: the database is reachable and migrated."},
        503: {"description": "Not ready: database unreachable or not migrated."},
    },
    response_model=Readiness,
)
def readyz(request: Request) -> Readiness | ProblemResponse:
    engine: Engine = request.app.state.engine
    try:
        revision = current_revision(engine)
    except SQLAlchemyError as exc:
        return _not_ready(request, f"database unreachable: {type(exc).__name__}")
    head = _code_head()
    if revision != head:
        return _not_ready(
            request, f"database at revision {revision}, expected {head}: run `bilateral db upgrade`"
        )
    return Readiness(status="ok", database=engine.dialect.name, revision=revision)


def _not_ready(request: Request, detail: str) -> ProblemResponse:
    return problem(request, 503, "Service unavailable", "not-ready", detail)
