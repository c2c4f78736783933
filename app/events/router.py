from typing import Annotated

from fastapi import Request, Response

from app.common.api import RecordId, detail_response, detail_responses, list_response, list_responses
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.curation.routes import WriteNames, add_write_routes
from app.events import repository
from app.events.schemas import EventDetailParams, EventFilters, EventPage, EventRead
from app.request_session import SessionDep, SessionOnDemandDep

router = ResourceRouter(prefix="/v1/events", tags=["events"])


@router.get("", name="listEvents", summary="List events", responses=list_responses(EventPage))
def list_events(
    request: Request, session: SessionDep, filters: Annotated[EventFilters, from_query(EventFilters)]
) -> Response:
    """Events (visits, summits, meetings), filtered and paged; each with the quotes it comes from."""
    return list_response(request, session, repository.EVENTS, repository.filter_events, filters, EventRead)


@router.get("/{record_id}", name="getEvent", summary="Get one event", responses=detail_responses(EventRead))
async def get_event(
    request: Request,
    session: SessionOnDemandDep,
    record_id: RecordId,
    params: Annotated[EventDetailParams, from_query(EventDetailParams)],
) -> Response:
    """One event with its participants, place, agreements and quotes; `include=` embeds them in full."""
    return await detail_response(request, session, repository.EVENTS, record_id, params, EventRead)


add_write_routes(
    router,
    repository.WRITABLE,
    EventRead,
    WriteNames("createEvent", "updateEvent", "deleteEvent", "listEventRevisions"),
)
