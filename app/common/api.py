"""How list and detail endpoints answer: language, field selection, inclusions, totals and facets,
exports, and the headers HTTP caches need. Routers call `list_response` / `detail_response`."""

import csv
import hashlib
import io
import typing
from collections.abc import Iterable, Iterator, Sequence
from email.utils import format_datetime
from typing import Annotated, Any

import orjson
from fastapi import Path, Request
from pydantic import BaseModel
from sqlalchemy import Select
from sqlalchemy.orm import Session
from starlette.responses import Response, StreamingResponse

from app import datastate
from app.common.headers import best
from app.common.language import Language, negotiate
from app.common.listing import EXPORT_BATCH, Listing
from app.common.pagination import check_cursor
from app.common.rows import nested_model, row_cells
from app.common.schemas import Problem
from app.db import without_memory_map
from app.errors import InvalidParameter

RecordId = Annotated[str, Path(description="The record's id, as `id` in its lists.")]
PUBLIC_CACHE = "public, max-age=60"
VARY = "Accept, Accept-Language, Accept-Encoding"
EXPORT_ACCEPT = {"text/csv": "csv", "application/x-ndjson": "ndjson", "application/ndjson": "ndjson"}
CSV_CHUNK = 256 * 1024  # characters per chunk sent
EXPORT_MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "ndjson": "application/x-ndjson"}


def _problem(description: str) -> dict[str, Any]:
    return {"model": Problem, "description": description}


NOT_MODIFIED = {"description": "Not modified: the `If-None-Match` ETag is still current."}


def document_responses(
    schema: type[BaseModel], ok: str, problems: dict[int, str]
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses of an endpoint that computes one document: it, 304, and each problem."""
    responses: dict[int | str, dict[str, Any]] = {
        200: {"model": schema, "description": ok},
        304: NOT_MODIFIED,
    }
    for status, description in problems.items():
        responses[status] = _problem(description)
    return responses


def list_responses(page: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses of a list endpoint: the JSON page, the exports, the problems."""
    return {
        200: {
            "model": page,
            "description": "A page of records; with `format=csv|ndjson` (or that `Accept`), every record.",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        },
        304: NOT_MODIFIED,
        400: _problem("An unknown query parameter."),
        422: _problem("A parameter value is invalid (bad format, out of range, unknown id, bad cursor)."),
    }


def detail_responses(schema: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    return {
        200: {"model": schema, "description": "The record."},
        304: NOT_MODIFIED,
        400: _problem("An unknown query parameter."),
        404: _problem("No record has this id."),
        422: _problem("A parameter value is invalid."),
    }


def list_response(
    request: Request,
    session: Session,
    listing: Listing[Any],
    statement: Select[Any],
    params: Any,
    schema: type[BaseModel],
) -> Response:
    lang = negotiate(params.lang, request.headers.get("accept-language"))
    version = datastate.current(session)
    export = _export_format(params.format, request.headers.get("accept"))
    if export:
        return _export(request, listing, statement, params, schema, lang, version, export)
    if listing.reads_rows(params):
        items, next_cursor = listing.page_items(session, statement, params, lang)
    else:
        rows, next_cursor = listing.page(session, statement, params, lang)
        include = getattr(params, "include", [])
        items = [serialize(row, schema, lang, params.fields, include) for row in rows]
    body: dict[str, Any] = {"items": items, "next_cursor": next_cursor}
    if params.count:
        body["total"] = listing.count(session, statement)
    if getattr(params, "facets", None):
        counts = listing.facet_counts(session, statement, params.facets, lang)
        body["facets"] = {name: [value.model_dump() for value in values] for name, values in counts.items()}
    response = json_response(body, lang, version)
    link_next(response, request, next_cursor)
    return response


def link_next(response: Response, request: Request, next_cursor: str | None) -> None:
    """Advertise the next page (RFC 8288): this request's URL with the new cursor."""
    if next_cursor is not None:
        response.headers["Link"] = f'<{request.url.include_query_params(cursor=next_cursor)}>; rel="next"'


def detail_response(
    request: Request,
    session: Session,
    listing: Listing[Any],
    record_id: str,
    params: Any,
    schema: type[BaseModel],
) -> Response:
    lang = negotiate(params.lang, request.headers.get("accept-language"))
    fields = getattr(params, "fields", [])
    version: int | None
    if listing.reads_rows(params):
        item, version = listing.get_item(session, record_id, lang, fields)
    else:
        include = getattr(params, "include", [])
        record = listing.get(session, record_id, include)
        item = serialize(record, schema, lang, fields, include)
        version = getattr(record, "version", None)
    response = json_response(item, lang, datastate.current(session))
    if version is not None:  # the ETag will name it: If-Match on a change checks it
        response.headers["X-Record-Version"] = str(version)
    return response


def serialize(
    record: Any,
    schema: type[BaseModel],
    lang: str,
    fields: Sequence[str] = (),
    include: Sequence[str] = (),
) -> dict[str, Any]:
    context = {"lang": lang}
    item = schema.model_validate(record, context=context).model_dump(mode="json", exclude={"included"})
    if fields:
        item = {name: value for name, value in item.items() if name in fields}
    if include:
        # The schema's `included: XIncluded | None` field names the shape of the inclusions.
        included = typing.get_args(schema.model_fields["included"].annotation)[0]
        related = {name: getattr(record, name) for name in include}
        item["included"] = included.model_validate(related, context=context).model_dump(
            mode="json", exclude_unset=True
        )
    return item


def json_response(body: Any, lang: Language, version: datastate.Version) -> Response:
    """JSON bytes with the headers every data response carries (the ETag is the middleware's)."""
    return Response(
        orjson.dumps(body),
        media_type="application/json",
        headers={
            "Content-Language": lang,
            "Last-Modified": format_datetime(version.changed_at, usegmt=True),
            "Cache-Control": PUBLIC_CACHE,
            "Vary": VARY,
        },
    )


# --- exports ---


def _export_format(asked: str | None, accept: str | None) -> str | None:
    """`format=` wins; otherwise the Accept header's favourite, where it is CSV or NDJSON."""
    if asked is not None:
        return None if asked == "json" else asked
    chosen = best(accept, lambda media: EXPORT_ACCEPT.get(media, "json"))
    return None if chosen in (None, "json") else chosen


def _export(
    request: Request,
    listing: Listing[Any],
    statement: Select[Any],
    params: Any,
    schema: type[BaseModel],
    lang: Language,
    version: datastate.Version,
    export: str,
) -> Response:
    if getattr(params, "include", None) and export == "csv":
        raise InvalidParameter.for_param("include", "not available for CSV exports; use ndjson")
    if params.cursor is not None:  # now: once the stream has started, a 422 could not be sent
        check_cursor(listing.sorting, params.sort, params.cursor, lang)
    # Streamed, so the ETag cannot hash the body: it names the data version and the request instead.
    key = f"{version.number} {export} {lang} {sorted(request.query_params.multi_items())} {request.url.path}"
    etag = f'"x{hashlib.sha256(key.encode()).hexdigest()[:32]}"'
    headers = {
        "ETag": etag,
        "Content-Language": lang,
        "Last-Modified": format_datetime(version.changed_at, usegmt=True),
        "Cache-Control": PUBLIC_CACHE,
        "Vary": VARY,
    }
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    resource = request.url.path.rstrip("/").rsplit("/", 1)[-1]
    if export == "csv":
        headers["Content-Disposition"] = f'attachment; filename="{resource}.csv"'
    sessionmaker = request.app.state.sessionmaker
    fields = params.fields
    include = getattr(params, "include", [])
    columns = csv_columns(schema, fields)

    # Each stream has its own session: the request's closes when the handler returns, before the
    # stream is sent.
    def csv_text() -> Iterator[str]:
        with sessionmaker() as session, without_memory_map(session):
            yield from listing.every_csv_text(session, statement, params, lang, columns)

    def batches() -> Iterator[list[dict[str, Any]]]:
        with sessionmaker() as session, without_memory_map(session):
            if listing.reads_rows(params):
                yield from listing.every_item(session, statement, params, lang)
                return
            batch = []
            for row in listing.every_row(session, statement, params, lang):
                batch.append(serialize(row, schema, lang, fields, include))
                if len(batch) == EXPORT_BATCH:
                    yield batch
                    batch = []
            yield batch

    if export == "ndjson":
        body = _ndjson(batches())
    elif listing.reads_rows(params):
        body = _csv(csv_text(), columns)
    else:
        cells = row_cells(columns)
        body = _csv(_csv_lines([cells(record) for record in batch] for batch in batches()), columns)
    return StreamingResponse(body, media_type=EXPORT_MEDIA_TYPES[export], headers=headers)


def _ndjson(batches: Iterator[list[dict[str, Any]]]) -> Iterator[bytes]:
    for batch in batches:
        if batch:
            yield b"".join([orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE) for record in batch])


def csv_columns(schema: type[BaseModel], fields: Sequence[str] = ()) -> list[str]:
    """One column per scalar field; a nested record or list of them becomes `field.subfield` columns."""
    columns = []
    for name, info in schema.model_fields.items():
        if name == "included" or (fields and name not in fields):
            continue
        nested = nested_model(info.annotation)
        if nested is None:
            columns.append(name)
        else:
            columns += [f"{name}.{sub}" for sub in csv_columns(nested)]
    return columns


def _csv(texts: Iterator[str], columns: list[str]) -> Iterator[bytes]:
    """The BOM, the header line, then the batches' lines in chunks of about CSV_CHUNK characters."""
    # The BOM makes spreadsheet programs read the file as UTF-8.
    parts = ["\ufeff", *_csv_lines([[columns]])]
    size = 0
    for text in texts:
        parts.append(text)
        size += len(text)
        if size > CSV_CHUNK:
            yield "".join(parts).encode()
            parts, size = [], 0
    yield "".join(parts).encode()


def _csv_lines(batches: Iterable[list[Sequence[Any]]]) -> Iterator[str]:
    """Rows of cells as CSV lines, a batch at a time, by the csv module."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for batch in batches:
        writer.writerows(batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
