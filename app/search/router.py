from email.utils import format_datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from app import datastate
from app.common.api import PUBLIC_CACHE, link_next
from app.common.language import negotiate
from app.common.schemas import Problem
from app.db import SessionDep
from app.search import repository
from app.search.schemas import SearchHit, SearchPage, SearchParams

router = APIRouter(prefix="/v1/search", tags=["search"])

RESPONSES: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the `If-None-Match` ETag is still current."},
    400: {"model": Problem, "description": "An unknown query parameter."},
    422: {
        "model": Problem,
        "description": "A parameter value is invalid: `q` missing, too long or without a letter or "
        "digit; an unknown `type`; `limit` out of range; a bad cursor.",
    },
}


@router.get(
    "",
    name="search",
    summary="Search every record",
    description="Full-text search over the titles, names, summaries and quotes of every record (and "
    "the full text of sources), in Russian and English, best match first. Every word of `q` must "
    "match; word forms match each other (`Казахстан` finds `Казахстана`, `pipelines` finds "
    "`pipeline`) and a word of three or more letters also matches the words it begins.",
    responses=RESPONSES,
    response_description="A page of hits, best match first.",
)
def search(
    session: SessionDep, params: Annotated[SearchParams, Query()], request: Request, response: Response
) -> SearchPage:
    lang = negotiate(params.lang, request.headers.get("accept-language"))
    matches, next_cursor = repository.search(session, params)
    link_next(response, request, next_cursor)
    response.headers["Content-Language"] = lang
    response.headers["Last-Modified"] = format_datetime(datastate.current(session).changed_at, usegmt=True)
    response.headers["Cache-Control"] = PUBLIC_CACHE
    response.headers["Vary"] = "Accept-Language, Accept-Encoding"
    return SearchPage(items=[SearchHit.of(match, lang) for match in matches], next_cursor=next_cursor)
