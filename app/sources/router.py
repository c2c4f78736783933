from typing import Annotated

import orjson
from fastapi import Request, Response

from app.auth import WriteCaller
from app.candidates import repository as candidates
from app.candidates.schemas import Extraction
from app.common.api import RecordId, detail_response, detail_responses, list_response, list_responses
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.curation.routes import WriteNames, add_write_routes
from app.errors import problem_response
from app.request_session import SessionDep, SessionOnDemandDep
from app.revisions import ACTOR_KEY
from app.sources import repository
from app.sources.schemas import SourceDetail, SourceDetailParams, SourceFilters, SourcePage, SourceRead

router = ResourceRouter(prefix="/v1/sources", tags=["sources"])


@router.get("", name="listSources", summary="List sources", responses=list_responses(SourcePage))
def list_sources(
    request: Request, session: SessionDep, filters: Annotated[SourceFilters, from_query(SourceFilters)]
) -> Response:
    """The sources facts are taken from (without their full text)."""
    return list_response(request, session, repository.SOURCES, repository.filter_sources, filters, SourceRead)


@router.get(
    "/{record_id}",
    name="getSource",
    summary="Get one source, with its full text and every quote taken from it",
    responses=detail_responses(SourceDetail),
)
async def get_source(
    request: Request,
    session: SessionOnDemandDep,
    record_id: RecordId,
    params: Annotated[SourceDetailParams, from_query(SourceDetailParams)],
) -> Response:
    """One source with its full text and every quote taken from it, in text order."""
    return await detail_response(request, session, repository.SOURCE_DETAIL, record_id, params, SourceDetail)


add_write_routes(
    router,
    repository.WRITABLE,
    SourceDetail,
    WriteNames("createSource", "updateSource", "deleteSource", "listSourceRevisions"),
)


@router.post(
    "/{record_id}/extract",
    name="extractSource",
    summary="Read a source again with today's extractor",
    responses={
        200: {"model": Extraction, "description": "What the new reading proposed."},
        401: problem_response("No valid API key."),
        403: problem_response("The API key lacks the `write` scope."),
        404: problem_response("No source has this id."),
        422: problem_response("The id is not a valid one."),
    },
)
def extract_source(session: SessionDep, caller: WriteCaller, record_id: RecordId) -> Response:
    """For a source read by an older extractor: its pending candidates are withdrawn and the text is
    read again. Accepted and rejected candidates stay; a proposal already reviewed as it stands is
    not offered again. One transaction."""
    session.info[ACTOR_KEY] = caller.name
    source = repository.SOURCE_DETAIL.get(session, record_id)
    withdrawn, pending = candidates.extract_again(session, source)
    body = {
        "source_id": source.id,
        "extractor_version": source.extractor_version,
        "extraction_note": source.extraction_note,
        "confidence_min": source.confidence_min,
        "held_back": source.held_back,
        "withdrawn": withdrawn,
        "pending": pending,
    }
    return Response(orjson.dumps(body), media_type="application/json")
