"""The change feed: every create, update and delete across all resources, in order."""

from datetime import UTC, datetime
from typing import Annotated, Literal

import orjson
from fastapi import Request, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select
from typing_extensions import TypeAliasType

from app.common.api import link_next
from app.common.pagination import MAX_ID, Cursor, cursor_parameter
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.curation.routes import RevisionPage, revision_page
from app.errors import problem_response
from app.models import Revision
from app.openapi import header_refs
from app.request_session import SessionDep

router = ResourceRouter(prefix="/v1/changes", tags=["changes"])

ChangeRecordType = TypeAliasType(
    "ChangeRecordType",
    Literal[
        "event",
        "agreement",
        "trade_figure",
        "infrastructure_project",
        "organization",
        "person",
        "place",
        "source",
    ],
)


class ChangeParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    since: str | None = Field(
        None,
        min_length=1,
        description="Only changes after this one: a change `id` (as returned; exclusive), or a UTC "
        "timestamp in ISO 8601 (changes at or after it). Mirror the data by storing the last `id` seen.",
        examples=["42", "2025-11-24T12:00:00Z"],
    )
    record_type: list[ChangeRecordType] = Field(
        default_factory=list, max_length=10, description="Only these kinds of record; repeat for several."
    )
    limit: int = Field(100, ge=1, le=1000, description="Page size (1–1000).")
    cursor: Cursor | None = cursor_parameter()

    @field_validator("since")
    @classmethod
    def _id_or_timestamp(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if is_change_id(value):
            if int(value) > MAX_ID:
                raise ValueError(f"no change has an id above {MAX_ID}")
            return value
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("expected a change id or an ISO 8601 timestamp") from None
        return value


def is_change_id(since: str) -> bool:
    return since.isascii() and since.isdigit()  # not "²" or "١٢", which str.isdigit also accepts


@router.get(
    "",
    name="listChanges",
    summary="List every change to the data, in order",
    description="Creates, updates and deletes across all resources, oldest first, each with the fields "
    "before and after. Deletions are included, so a client can mirror the data without downloading it again.",
    responses={
        200: {"model": RevisionPage, "description": "A page of changes.", "headers": header_refs("Link")},
        400: problem_response("An unknown query parameter."),
        422: problem_response("A parameter value is invalid (`since`, `limit`, cursor)."),
    },
)
def list_changes(
    request: Request, session: SessionDep, params: Annotated[ChangeParams, from_query(ChangeParams)]
) -> Response:
    statement = select(Revision)
    if params.since is not None:
        if is_change_id(params.since):
            statement = statement.where(Revision.id > int(params.since))
        else:
            moment = datetime.fromisoformat(params.since.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            statement = statement.where(Revision.changed_at >= moment)
    if params.record_type:
        statement = statement.where(Revision.record_type.in_(params.record_type))
    page = revision_page(session, statement, params.limit, params.cursor, "changes")
    response = Response(orjson.dumps(page), media_type="application/json")
    link_next(response, request, page["next_cursor"])
    return response
