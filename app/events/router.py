from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.common.api import DETAIL_ERRORS, LIST_ERRORS, page_of
from app.db import SessionDep
from app.events import repository
from app.events.schemas import EventFilters, EventPage, EventRead

router = APIRouter(prefix="/v1/events", tags=["events"])


@router.get("", name="listEvents", summary="List events", responses=LIST_ERRORS)
def list_events(
    session: SessionDep, filters: Annotated[EventFilters, Query()], request: Request, response: Response
) -> EventPage:
    rows, next_cursor = repository.list_events(session, filters)
    return page_of(EventPage, rows, next_cursor, request, response)


@router.get("/{event_id}", name="getEvent", summary="Get one event", responses=DETAIL_ERRORS)
def get_event(session: SessionDep, event_id: str) -> EventRead:
    return EventRead.model_validate(repository.get_event(session, event_id))
