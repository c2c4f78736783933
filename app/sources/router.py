from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.common.api import detail_response, detail_responses, list_response, list_responses
from app.db import SessionDep
from app.sources import repository
from app.sources.schemas import SourceDetail, SourceDetailParams, SourceFilters, SourcePage, SourceRead

router = APIRouter(prefix="/v1/sources", tags=["sources"])


@router.get("", name="listSources", summary="List sources", responses=list_responses(SourcePage))
def list_sources(
    request: Request, session: SessionDep, filters: Annotated[SourceFilters, Query()]
) -> Response:
    statement = repository.filter_sources(session, filters)
    return list_response(request, session, repository.SOURCES, statement, filters, SourceRead)


@router.get(
    "/{source_id}",
    name="getSource",
    summary="Get one source, with its full text and every quote taken from it",
    responses=detail_responses(SourceDetail),
)
def get_source(
    request: Request, session: SessionDep, source_id: str, params: Annotated[SourceDetailParams, Query()]
) -> Response:
    return detail_response(request, session, repository.SOURCE_DETAIL, source_id, params, SourceDetail)
