from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.common.api import detail_response, detail_responses, list_response, list_responses
from app.db import SessionDep
from app.events import repository
from app.events.schemas import EventDetailParams, EventFilters, EventPage, EventRead

router = APIRouter(prefix="/v1/events", tags=["events"])


@router.get("", name="listEvents", summary="List events", responses=list_responses(EventPage))
def list_events(request: Request, session: SessionDep, filters: Annotated[EventFilters, Query()]) -> Response:
    statement = repository.filter_events(session, filters)
    return list_response(request, session, repository.EVENTS, statement, filters, EventRead)


@router.get("/{event_id}", name="getEvent", summary="Get one event", responses=detail_responses(EventRead))
def get_event(
    request: Request, session: SessionDep, event_id: str, params: Annotated[EventDetailParams, Query()]
) -> Response:
    return detail_response(request, session, repository.EVENTS, event_id, params, EventRead)
