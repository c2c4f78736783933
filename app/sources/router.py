from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.common.api import DETAIL_ERRORS, LIST_ERRORS, page_of
from app.db import SessionDep
from app.sources import repository
from app.sources.schemas import SourceCitation, SourceDetail, SourceFilters, SourcePage, SourceRead

router = APIRouter(prefix="/v1/sources", tags=["sources"])


@router.get("", name="listSources", summary="List sources", responses=LIST_ERRORS)
def list_sources(
    session: SessionDep, filters: Annotated[SourceFilters, Query()], request: Request, response: Response
) -> SourcePage:
    rows, next_cursor = repository.list_sources(session, filters)
    return page_of(SourcePage, rows, next_cursor, request, response)


@router.get(
    "/{source_id}",
    name="getSource",
    summary="Get one source, with its full text and every quote taken from it",
    responses=DETAIL_ERRORS,
)
def get_source(session: SessionDep, source_id: str) -> SourceDetail:
    source = repository.get_source(session, source_id)
    citations = repository.list_source_citations(session, source_id)
    return SourceDetail.model_validate(
        {
            **SourceRead.model_validate(source).model_dump(),
            "text": source.text,
            "citations": [SourceCitation.model_validate(citation) for citation in citations],
        }
    )
