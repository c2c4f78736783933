from typing import Annotated, Any

import orjson
from fastapi import Request, Response

from app import datastate
from app.common.api import NOT_MODIFIED, PUBLIC_CACHE, link_next
from app.common.headers import http_date
from app.common.language import negotiate
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.errors import problem_response
from app.openapi import DATA_HEADERS, header_refs
from app.request_session import SessionDep
from app.search import repository
from app.search.schemas import SearchPage, SearchParams, hit
from app.search.text import RANKED_AT_ONCE

router = ResourceRouter(prefix="/v1/search", tags=["search"])

RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"headers": header_refs(*DATA_HEADERS, "Link")},
    304: NOT_MODIFIED,
    400: problem_response("An unknown query parameter."),
    422: problem_response(
        "A parameter value is invalid: `q` missing, too long or without a letter or "
        "digit; an unknown `type`; `limit` out of range; a bad cursor."
    ),
}


@router.get(
    "",
    name="search",
    summary="Search every record",
    description="Full-text search over the titles, names, summaries and quotes of every record (and "
    "the full text of sources), in Russian and English, best match first. Every word of `q` must "
    "match; word forms match each other (`Казахстан` finds `Казахстана`, `pipelines` finds "
    "`pipeline`) and a word of three or more letters also matches the words it begins. Matches are "
    f"ranked {RANKED_AT_ONCE} at a time: taken in the order of the index, {RANKED_AT_ONCE} to a "
    "block, each block listed best first before the next (one block, for a search with fewer "
    "matches); the cursor walks every block, each match once.",
    response_model=SearchPage,
    responses=RESPONSES,
    response_description="A page of hits, best match first.",
)
def search(
    session: SessionDep, params: Annotated[SearchParams, from_query(SearchParams)], request: Request
) -> Response:
    lang = negotiate(params.lang, request.headers.get("accept-language"))
    # At one data version, on PostgreSQL read in the page's own statement.
    (matches, next_cursor), version = datastate.at_one_version(
        session, lambda: repository.search(session, params)
    )
    # The JSON of a SearchPage, written without validating it (response_model documents it).
    body = {"items": [hit(match, lang) for match in matches], "next_cursor": next_cursor}
    response = Response(
        orjson.dumps(body),
        media_type="application/json",
        headers={
            "Content-Language": lang,
            "Last-Modified": http_date(version.changed_at),
            "Cache-Control": PUBLIC_CACHE,
            "Vary": "Accept-Language, Accept-Encoding",
        },
    )
    link_next(response, request, next_cursor)
    return response
