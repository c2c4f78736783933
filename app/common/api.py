"""How list and detail endpoints answer: language, field selection, inclusions, totals and facets,
exports, and the headers HTTP caches need. Routers call `list_response` / `detail_response`."""

import re
import typing
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import orjson
from fastapi import Path, Request
from pydantic import BaseModel
from sqlalchemy import Select
from sqlalchemy.orm import Session
from starlette.responses import Response

from app import datastate
from app.common.export import export_format, export_response
from app.common.headers import PUBLIC_CACHE as PUBLIC_CACHE  # imported from here by routers
from app.common.headers import data_headers, raw_header, set_raw_header
from app.common.language import Language, negotiate
from app.common.listing import Listing
from app.errors import problem_response
from app.openapi import DATA_HEADERS, header_refs
from app.request_session import SessionOnDemand

RecordId = Annotated[str, Path(description="The record's id, as `id` in its lists.")]


NOT_MODIFIED = {
    "description": "Not modified: the `If-None-Match` ETag is still current.",
    "headers": header_refs("ETag"),
}


def document_responses(
    schema: type[BaseModel], ok: str, problems: dict[int, str], paged: bool = False
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses of an endpoint that computes one document: it, 304, and each problem; `paged`
    when it is a page that links to the next (`link_next`)."""
    headers = header_refs(*DATA_HEADERS, *(["Link"] if paged else []))
    responses: dict[int | str, dict[str, Any]] = {
        200: {"model": schema, "description": ok, "headers": headers},
        304: NOT_MODIFIED,
    }
    for status, description in problems.items():
        responses[status] = problem_response(description)
    return responses


LIST_HEADERS = (*DATA_HEADERS, "Link", "Content-Disposition")


def list_responses(
    page: type[BaseModel], headers: Sequence[str] = LIST_HEADERS, exports: bool = True
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses of a list endpoint: the JSON page, the exports (unless `exports` is false),
    the problems; `headers`, those its 200 sends (`list_response` sends LIST_HEADERS, and answers 304
    to a matching If-None-Match because it sends an ETag)."""
    ok: dict[str, Any] = {
        "model": page,
        "description": "A page of records; with `format=csv|ndjson` (or that `Accept`), every record."
        if exports
        else "A page of records.",
        "headers": header_refs(*headers),
    }
    if exports:
        ok["content"] = {
            "text/csv": {"schema": {"type": "string"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        }
    responses: dict[int | str, dict[str, Any]] = {200: ok}
    if "ETag" in headers:
        responses[304] = NOT_MODIFIED
    responses[400] = problem_response("An unknown query parameter.")
    responses[422] = problem_response(
        "A parameter value is invalid (bad format, out of range, unknown id, bad cursor)."
    )
    return responses


def detail_responses(schema: type[BaseModel], deletable: bool = True) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses of one record by id; a `deletable` resource's deleted ids answer 410."""
    responses: dict[int | str, dict[str, Any]] = {
        200: {"model": schema, "description": "The record.", "headers": header_refs(*DATA_HEADERS)},
        304: NOT_MODIFIED,
        400: problem_response("An unknown query parameter."),
        404: problem_response("No record has this id."),
        422: problem_response("A parameter value is invalid."),
    }
    if deletable:
        responses[410] = problem_response("The record was deleted; its revisions are still readable.")
    return responses


def list_response(
    request: Request,
    session: Session,
    listing: Listing[Any],
    query: Callable[[Session, Any], Select[Any]],
    params: Any,
    schema: type[BaseModel],
) -> Response:
    """A list endpoint's answer: `query(session, params)`, the repository's filtered statement, paged
    and serialized (or exported). The page is built at one data version (`datastate.at_one_version`:
    on PostgreSQL, read in the page's own statement), which may build it twice."""
    lang = negotiate(params.lang, request.headers.get("accept-language"))
    export = export_format(params.format, request.headers.get("accept"))
    if export:
        statement = query(session, params)
        version = datastate.current(session)
        return export_response(request, listing, statement, params, schema, lang, version, export, serialize)
    body, version = datastate.at_one_version(
        session,
        lambda: list_body(session, listing, query(session, params), params, schema, lang, to_json=True),
    )
    response = json_response(body, lang, version)
    link_next(response, request, body["next_cursor"])
    return response


def list_body(
    session: Session,
    listing: Listing[Any],
    statement: Select[Any],
    params: Any,
    schema: type[BaseModel],
    lang: str,
    to_json: bool = False,
) -> dict[str, Any]:
    """A list endpoint's JSON body (a page, and its total and facets when asked for): what
    `list_response` sends (`to_json`: only to be written as JSON, see `rows.Plan.items`), and what
    the explorer's pages show."""
    if listing.reads_rows(params):
        items, next_cursor = listing.page_items(session, statement, params, lang, to_json)
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
    return body


def link_next(response: Response, request: Request, next_cursor: str | None) -> None:
    """Advertise the next page (RFC 8288): this request's URL with the new cursor."""
    if next_cursor is not None:
        link = f'<{next_page_url(request, next_cursor)}>; rel="next"'
        set_raw_header(response.raw_headers, b"link", link.encode("latin-1"))


# A query of `name=value` pairs whose characters URL-encoding keeps as they are.
_PLAIN_QUERY = re.compile(r"[\w.~-]+=[\w.~-]*(?:&[\w.~-]+=[\w.~-]*)*", re.ASCII)


def next_page_url(request: Request, cursor: str) -> str:
    """The request's URL with `cursor` as its cursor: Starlette's `include_query_params(cursor=…)`.
    A plain query (most) gives its pairs back unchanged when decoded and encoded again, so the
    cursor replaces its pair as text; any other goes through Starlette."""
    query = request.scope["query_string"].decode("latin-1")
    if _PLAIN_QUERY.fullmatch(query) and _PLAIN_QUERY.fullmatch(cursor_pair := f"cursor={cursor}"):
        pairs = [pair for pair in query.split("&") if not pair.startswith("cursor=")]
        return str(request.url.replace(query="&".join([*pairs, cursor_pair])))
    return str(request.url.include_query_params(cursor=cursor))


async def detail_response(
    request: Request,
    session: SessionOnDemand,
    listing: Listing[Any],
    record_id: str,
    params: Any,
    schema: type[BaseModel],
) -> Response:
    """One record's answer, in the event loop, by one statement (the record and the data version) on
    a connection of the worker's own (`SessionOnDemand.loop_reads`), with no session opened: on SQLite
    a record by its key is a few index lookups in a local file, cheaper than the trip to a handler
    thread and back; on PostgreSQL the connection waits without holding the loop up. What that cannot
    answer (no such record, `include=`, `as_of=`) goes through the session: on SQLite in the loop
    too, on PostgreSQL in a handler thread, where a plain endpoint runs."""
    reads = session.loop_reads()
    if reads is not None and listing.reads_rows(params):
        lang = _language(request, params)
        found = await listing.read_item(reads, record_id, lang, getattr(params, "fields", []))
        if found is not None:
            item, version, data_version = found
            return record_response(item, version, lang, data_version)
    return await session.run(
        lambda opened: _detail_response(request, opened, listing, record_id, params, schema)
    )


def _detail_response(
    request: Request,
    session: Session,
    listing: Listing[Any],
    record_id: str,
    params: Any,
    schema: type[BaseModel],
) -> Response:
    lang = _language(request, params)
    item, version = detail_body(session, listing, record_id, params, schema, lang, to_json=True)
    return record_response(item, version, lang, datastate.current(session))


def _language(request: Request, params: Any) -> Language:
    """A record's language (`negotiate`), its Accept-Language read from the raw headers: most
    requests send none, which `request.headers` would look for by a raised and caught KeyError."""
    return negotiate(params.lang, raw_header(request.scope["headers"], b"accept-language"))


def record_response(
    item: dict[str, Any], version: int | None, lang: Language, data_version: datastate.Version
) -> Response:
    response = json_response(item, lang, data_version)
    if version is not None:  # the ETag will name it: If-Match on a change checks it
        # Appended as `response.headers[...] =` would (a name it has not), without its search.
        response.raw_headers.append((b"x-record-version", str(version).encode("latin-1")))
    return response


def detail_body(
    session: Session,
    listing: Listing[Any],
    record_id: str,
    params: Any,
    schema: type[BaseModel],
    lang: str,
    to_json: bool = False,
) -> tuple[dict[str, Any], int | None]:
    """A detail endpoint's JSON body and the record's version (None for a record that has none): what
    `detail_response` sends (`to_json`: only to be written as JSON, see `rows.Plan.items`), and what
    the explorer's pages show."""
    fields = getattr(params, "fields", [])
    as_of = getattr(params, "as_of", None)
    if as_of is not None:
        listing.require_published_by(session, record_id, as_of)
    if listing.reads_rows(params):
        return listing.get_item(session, record_id, lang, fields, to_json)
    include = getattr(params, "include", [])
    record = listing.get(session, record_id, include, as_of)
    return serialize(record, schema, lang, fields, include), getattr(record, "version", None)


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
    response = Response(orjson.dumps(body), media_type="application/json")
    # Before the two Starlette adds (length, type), where `headers=` would have put them.
    response.raw_headers[:0] = data_headers(lang, version.changed_at)
    return response
