"""The write endpoints every curated resource has: POST, PATCH, DELETE and GET …/revisions."""

import hashlib
from collections import namedtuple
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Body, Header, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.auth import WriteCaller
from app.common.api import NOT_MODIFIED, RecordId, serialize
from app.common.headers import record_etag
from app.common.language import Language, negotiate
from app.common.pagination import Cursor, cursor_parameter, decode_cursor, encode_cursor
from app.common.query import from_query
from app.curation import writes
from app.db import DriverStatement
from app.errors import InvalidParameter, RequestInProgress, param_error, problem_response
from app.models import IdempotentRequest, Revision, SearchRecordType
from app.openapi import header_refs
from app.request_session import SessionDep, SessionOnDemand, SessionOnDemandDep
from app.revisions import ACTOR_KEY
from app.search import repository as search

# RFC 9110: `*`, or a list of entity tags. Anything else (an empty value too) is a 422, not a 412: it
# names no version at all.
IF_MATCH_PATTERN = r'^ *(?:\*|(?:W/)?"[^"]*"(?: *, *(?:W/)?"[^"]*")*) *$'
IfMatch = Annotated[
    str | None,
    Header(
        pattern=IF_MATCH_PATTERN,
        description="The ETag of the record as last read (GET), or a list of them. Required to change or "
        "delete it: a 412 if the record has changed since. `*` matches whatever version is current, so "
        "the change is made even over someone else's since (no lost-update check): send it only to "
        "overwrite on purpose.",
    ),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        max_length=200,
        description="Any unique string: a retry with the same key and body returns the first answer "
        "instead of creating a second record; the same key with another body is a 422.",
    ),
]


class RevisionOrigin(BaseModel):
    """The candidate whose acceptance made a change."""

    candidate_id: int = Field(description="The candidate's id (/v1/candidates/{id}).")
    extractor_version: str = Field(description="The extractor that proposed it.")


class RevisionRead(BaseModel):
    """One change to a record: what it was before and after, when, and by whom."""

    id: int = Field(description="Position in the change feed (/v1/changes); only grows.")
    record_type: str = Field(description="The kind of record, e.g. `event`.")
    record_id: RecordId = Field(description="The record's id.")
    action: str = Field(description="`create`, `update` or `delete`.")
    changed_at: str = Field(description="When (UTC, ISO 8601).")
    actor: str = Field(description="Who: the API key's name, `seed`, or `import:<file>`.")
    changes: dict[str, list[Any]] = Field(
        description="`{field: [before, after]}` for each field that changed (all of them on create "
        "and delete)."
    )
    origin: RevisionOrigin | None = Field(
        description="For a change made by accepting an extracted candidate: which one, and which "
        "extractor proposed it; null otherwise."
    )


class RevisionPage(BaseModel):
    """A page of revisions, oldest first."""

    items: list[RevisionRead] = Field(description="The revisions on this page.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last.")


class RevisionParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(50, ge=1, le=500, description="Page size (1–500).")
    cursor: Cursor | None = cursor_parameter()


def revision_json(revision: Any) -> dict[str, Any]:
    """A revision's JSON, from a row of the revisions table's columns."""
    return {
        "id": revision.id,
        "record_type": revision.record_type,
        "record_id": revision.record_id,
        "action": revision.action.value,
        # SQLite keeps no time zone; what it stores is UTC.
        "changed_at": revision.changed_at.replace(tzinfo=revision.changed_at.tzinfo or UTC)
        .astimezone(UTC)
        .isoformat(),
        "actor": revision.actor,
        "changes": revision.changes,
        "origin": revision.origin,
    }


def revision_page(
    session: Any, statement: Any, limit: int, cursor: str | None, list_name: str
) -> dict[str, Any]:
    """Keyset over the revision id; cursors are bound to `list_name` (the feed, or one record's
    revisions)."""
    if cursor is not None:
        [after] = decode_cursor(cursor, list_name, "id", [int])
        statement = statement.where(Revision.id > after)
    # Rows of the table's columns, converted by their types as the ORM would, without its objects.
    columns = statement.with_only_columns(*Revision.__table__.columns)
    rows = session.connection().execute(columns.order_by(Revision.id).limit(limit + 1)).all()
    return _page(rows, limit, list_name)


def _page(rows: Sequence[Any], limit: int, list_name: str) -> dict[str, Any]:
    """The page of `rows` (the revisions' table columns, `limit` + 1 of them at most)."""
    next_cursor = encode_cursor(list_name, "id", [rows[limit - 1].id]) if len(rows) > limit else None
    return {"items": [revision_json(row) for row in rows[:limit]], "next_cursor": next_cursor}


def record_revisions(
    session: Any, writable: writes.Writable[Any], record_id: str, limit: int, cursor: str | None
) -> dict[str, Any]:
    """A page of one record's revisions, oldest first; a 404 for an id that never existed (before a
    bad cursor's 422). Whether it did is asked only when the page is empty: a page with a revision
    answers it (one statement, one round trip on PostgreSQL)."""
    statement = select(Revision).where(
        Revision.record_type == writable.record_type, Revision.record_id == record_id
    )

    def require_existed() -> None:
        if session.scalar(statement.with_only_columns(Revision.id).limit(1)) is None:
            writable.listing.get(session, record_id)

    revisions_of = f"{writable.record_type}/{record_id}/revisions"
    try:
        page = revision_page(session, statement, limit, cursor, revisions_of)
    except InvalidParameter:
        require_existed()
        raise
    if not page["items"]:
        require_existed()
    return page


# One record's revisions read in the event loop: the table's columns by name, the first page or the
# one after a cursor's revision.
_RevisionRow = namedtuple("_RevisionRow", [column.key for column in Revision.__table__.columns])  # type: ignore[misc]
_OF_RECORD = select(*Revision.__table__.columns).where(
    Revision.record_type == bindparam("record_type"), Revision.record_id == bindparam("record_id")
)
_FIRST_PAGE = DriverStatement(_OF_RECORD.order_by(Revision.id).limit(bindparam("limit")))
_PAGE_AFTER = DriverStatement(
    _OF_RECORD.where(Revision.id > bindparam("after")).order_by(Revision.id).limit(bindparam("limit"))
)


async def read_record_revisions(
    session: SessionOnDemand, writable: writes.Writable[Any], record_id: str, limit: int, cursor: str | None
) -> dict[str, Any]:
    """`record_revisions`, a page with revisions read in one statement in the event loop where the
    app's reads allow (`SessionOnDemand.loop_reads`); an empty page (the end, or a 404) and a cursor
    that does not decode (a 404 or a 422) are told apart through the session."""
    reads = session.loop_reads()
    if reads is not None:
        page = await _page_in_loop(reads, writable.record_type, record_id, limit, cursor)
        if page is not None:
            return page
    return await session.run(lambda opened: record_revisions(opened, writable, record_id, limit, cursor))


async def _page_in_loop(
    reads: Any, record_type: str, record_id: str, limit: int, cursor: str | None
) -> dict[str, Any] | None:
    """A page of the record's revisions in one statement; None for an empty page or a cursor that
    does not decode."""
    revisions_of = f"{record_type}/{record_id}/revisions"
    values: dict[str, Any] = {"record_type": record_type, "record_id": record_id, "limit": limit + 1}
    statement = _FIRST_PAGE
    if cursor is not None:
        try:
            [values["after"]] = decode_cursor(cursor, revisions_of, "id", [int])
        except InvalidParameter:
            return None
        statement = _PAGE_AFTER
    rows = await reads.rows(statement, values)
    return _page([_RevisionRow._make(row) for row in rows], limit, revisions_of) if rows else None


def _problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    meaning = {
        400: "An unknown query parameter.",
        401: "No valid API key.",
        403: "The API key lacks the `write` scope.",
        404: "No record has this id.",
        409: "The id is taken, or other records still refer to this one.",
        410: "The record was deleted.",
        412: "If-Match names a version that is no longer current.",
        422: "A field is invalid: the problem's `errors` name it.",
        428: "If-Match is missing.",
    }
    return {status: problem_response(meaning[status]) for status in statuses}


def claim_idempotency_key(
    session: Session, api_key_id: str, key: str, fingerprint: str
) -> IdempotentRequest | Response:
    """The key's row, claimed for this request in its transaction; or, when a request with the key
    committed first, the replay of its answer.

    The claim is written first: a concurrent request with the same key waits for it on the primary
    key (PostgreSQL; SQLite's writers take turns anyway) and then replays what the first one answered,
    or takes the key over if the first one failed and was rolled back."""
    earlier = session.get(IdempotentRequest, (api_key_id, key))
    if earlier is None:
        claim = IdempotentRequest(
            api_key_id=api_key_id,
            key=key,
            request_sha256=fingerprint,
            status=0,
            body="",
            location=None,
            created_at=datetime.now(UTC),
        )
        try:
            with session.begin_nested():
                session.add(claim)
        except IntegrityError:
            earlier = session.get(IdempotentRequest, (api_key_id, key), populate_existing=True)
            if earlier is None:  # the first request ended without a trace: not ours to guess
                raise RequestInProgress() from None
        else:
            return claim
    if earlier.request_sha256 != fingerprint:
        raise InvalidParameter(
            "This Idempotency-Key was used for a different request.",
            [param_error("Idempotency-Key", "used before with another body", "header")],
        )
    replay = Response(earlier.body, status_code=earlier.status, media_type="application/json")
    if earlier.location:
        replay.headers["Location"] = earlier.location
    replay.headers["Idempotent-Replayed"] = "true"
    return replay


@dataclass(frozen=True)
class WriteNames:
    create: str
    update: str
    delete: str
    revisions: str


def add_write_routes(
    router: APIRouter, writable: writes.Writable[Any], schema: type[BaseModel], names: WriteNames
) -> None:
    """Register the write endpoints of one resource on its router."""
    create_model = writable.create
    update_model = writes.partial_model(
        create_model, create_model.__name__.replace("Create", "Update"), writable.create_only
    )
    label = writable.listing.label
    search_type = SearchRecordType(writable.record_type)

    def described_body(description: str) -> dict[str, Any]:
        # FastAPI puts Body(description=…) on the schema; the request body itself needs one too.
        # (The security requirement comes from the WriteCaller dependency.)
        return {"requestBody": {"description": description}}

    def respond(request: Request, record: Any, lang: Language, status: int = 200) -> Response:
        body = orjson.dumps(serialize(record, schema, lang))
        response = Response(body, status_code=status, media_type="application/json")
        response.headers["ETag"] = record_etag(record.version, body)
        response.headers["Content-Language"] = lang
        return response

    def reindex(session: Any, record_id: str) -> None:
        search.index_records(session, search_type, [record_id])

    @router.post(
        "",
        name=names.create,
        summary=f"Create a {label}",
        description=f"Validates the {label} (references, dates, citations verbatim in their source) and "
        "stores it with a first revision. Needs a key with the `write` scope.",
        status_code=201,
        responses={
            201: {
                "model": schema,
                "description": f"The new {label}.",
                "headers": header_refs("Location", "ETag", "Content-Language", "Idempotent-Replayed"),
            },
            **_problems(401, 403, 422),
            409: problem_response(
                "The id is taken, or another request with this Idempotency-Key is being "
                "answered (`request-in-progress`: retry)."
            ),
        },
        openapi_extra=described_body(f"The new {label}, as JSON."),
    )
    def create_record(
        request: Request,
        session: SessionDep,
        caller: WriteCaller,
        data: Annotated[create_model, Body(description=f"The new {label}.")],  # type: ignore[valid-type]
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        lang = negotiate(None, request.headers.get("accept-language"))
        payload = data.model_dump(mode="json", exclude_unset=True)  # type: ignore[attr-defined]
        fingerprint = hashlib.sha256(
            orjson.dumps([request.url.path, payload], option=orjson.OPT_SORT_KEYS)
        ).hexdigest()
        claim: IdempotentRequest | None = None
        if idempotency_key is not None:
            claimed = claim_idempotency_key(session, caller.key_id, idempotency_key, fingerprint)
            if isinstance(claimed, Response):
                return claimed
            claim = claimed
        session.info[ACTOR_KEY] = caller.name
        record_id = writes.create_and_index(session, writable, data)
        record = writable.listing.get(session, record_id)
        response = respond(request, record, lang, 201)
        location = f"{request.url.path.rstrip('/')}/{record_id}"
        response.headers["Location"] = location
        if claim is not None:
            claim.status, claim.body, claim.location = 201, bytes(response.body).decode(), location
        return response

    @router.patch(
        "/{record_id}",
        name=names.update,
        summary=f"Change a {label}",
        description="Changes only the fields given (JSON merge semantics; lists are replaced whole). "
        "Needs `If-Match` with the ETag last read and a key with the `write` scope.",
        responses={
            200: {
                "model": schema,
                "description": f"The {label} as changed.",
                "headers": header_refs("ETag", "Content-Language"),
            },
            **_problems(401, 403, 404, 409, 410, 412, 422, 428),
        },
        openapi_extra=described_body("The fields to change, as JSON (JSON merge semantics)."),
    )
    def update_record(
        request: Request,
        session: SessionDep,
        caller: WriteCaller,
        record_id: RecordId,
        data: Annotated[update_model, Body(description="The fields to change.")],  # type: ignore[valid-type]
        if_match: IfMatch = None,
    ) -> Response:
        session.info[ACTOR_KEY] = caller.name
        record = writable.listing.get(session, record_id)
        writes.update(session, writable, record, if_match, data.model_dump(exclude_unset=True))  # type: ignore[attr-defined]
        reindex(session, record_id)
        session.expire(record)
        record = writable.listing.get(session, record_id)
        return respond(request, record, negotiate(None, request.headers.get("accept-language")))

    @router.delete(
        "/{record_id}",
        name=names.delete,
        summary=f"Delete a {label}",
        description="Deletes the record (its citations with it); its id then answers 410 Gone and its "
        "revisions stay readable. Needs `If-Match` and a key with the `write` scope.",
        status_code=204,
        responses={
            204: {"description": "Deleted: the id now answers 410 Gone; its revisions stay."},
            **_problems(401, 403, 404, 409, 410, 412, 422, 428),
        },
    )
    def delete_record(
        session: SessionDep, caller: WriteCaller, record_id: RecordId, if_match: IfMatch = None
    ) -> Response:
        session.info[ACTOR_KEY] = caller.name
        record = writable.listing.get(session, record_id)
        writes.delete(session, writable, record, if_match)
        reindex(session, record_id)
        return Response(status_code=204)

    @router.get(
        "/{record_id}/revisions",
        name=names.revisions,
        summary=f"List the revisions of a {label}",
        description="Every change to the record, oldest first; still readable after it is deleted.",
        responses={
            200: {"model": RevisionPage, "description": "A page of revisions."},
            304: NOT_MODIFIED,
            **_problems(400, 404, 422),
        },
    )
    async def list_revisions(
        session: SessionOnDemandDep,
        record_id: RecordId,
        params: Annotated[RevisionParams, from_query(RevisionParams)],
    ) -> Response:
        page = await read_record_revisions(session, writable, record_id, params.limit, params.cursor)
        return Response(orjson.dumps(page), media_type="application/json")
