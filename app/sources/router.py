from typing import Annotated

from fastapi import APIRouter, Request, Response

from app.common.api import RecordId, detail_response, detail_responses, list_response, list_responses
from app.common.query import from_query
from app.curation.routes import WriteNames, add_write_routes
from app.db import SessionDep
from app.sources import repository
from app.sources.schemas import SourceDetail, SourceDetailParams, SourceFilters, SourcePage, SourceRead

router = APIRouter(prefix="/v1/sources", tags=["sources"])


@router.get("", name="listSources", summary="List sources", responses=list_responses(SourcePage))
def list_sources(
    request: Request, session: SessionDep, filters: Annotated[SourceFilters, from_query(SourceFilters)]
) -> Response:
    """The sources facts are taken from (without their full text)."""
    statement = repository.filter_sources(session, filters)
    return list_response(request, session, repository.SOURCES, statement, filters, SourceRead)


@router.get(
    "/{record_id}",
    name="getSource",
    summary="Get one source, with its full text and every quote taken from it",
    responses=detail_responses(SourceDetail),
)
def get_source(
    request: Request,
    session: SessionDep,
    record_id: RecordId,
    params: Annotated[SourceDetailParams, from_query(SourceDetailParams)],
) -> Response:
    """One source with its full text and every quote taken from it, in text order."""
    return detail_response(request, session, repository.SOURCE_DETAIL, record_id, params, SourceDetail)


add_write_routes(
    router,
    repository.WRITABLE,
    SourceDetail,
    WriteNames("createSource", "updateSource", "deleteSource", "listSourceRevisions"),
)
