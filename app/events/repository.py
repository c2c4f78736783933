from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.common.filters import in_window, involves_all, matches_text, require_known
from app.common.pagination import Sorting, paginate
from app.errors import NotFound
from app.events.schemas import EventFilters
from app.models import (
    Country,
    Event,
    Organization,
    Person,
    Place,
    event_countries,
    event_organizations,
    event_people,
)

SORTING = Sorting({"date": Event.date_start, "title": Event.title_en, "id": Event.id}, Event.id)
_WITH_RELATIONS = (
    selectinload(Event.location),
    selectinload(Event.host_country),
    selectinload(Event.countries),
    selectinload(Event.people),
    selectinload(Event.organizations),
    selectinload(Event.agreements),
    selectinload(Event.citations),
)


def filter_events(session: Session, filters: EventFilters) -> Select[Event]:
    require_known(session, Country.id, filters.country + filters.host_country, "country")
    require_known(session, Person.id, filters.person, "person")
    require_known(session, Organization.id, filters.organization, "organization")
    require_known(session, Place.id, filters.place, "place")
    statement = select(Event).where(
        *in_window(Event.date_start, Event.date_end, filters.date_window(), filters.date_match),
        *involves_all(event_countries, "event_id", Event.id, "country_id", filters.country),
        *involves_all(event_people, "event_id", Event.id, "person_id", filters.person),
        *involves_all(event_organizations, "event_id", Event.id, "organization_id", filters.organization),
    )
    if filters.q:
        statement = statement.where(matches_text(Event.search_text, filters.q))
    if filters.type:
        statement = statement.where(Event.type.in_(filters.type))
    if filters.place:
        statement = statement.where(Event.location_id.in_(filters.place))
    if filters.host_country:
        statement = statement.where(Event.host_country_id.in_(filters.host_country))
    return statement


def list_events(session: Session, filters: EventFilters) -> tuple[list[Event], str | None]:
    statement = filter_events(session, filters).options(*_WITH_RELATIONS)
    return paginate(session, statement, SORTING, filters.sort, filters.limit, filters.cursor)


def get_event(session: Session, event_id: str) -> Event:
    event = session.scalar(select(Event).where(Event.id == event_id).options(*_WITH_RELATIONS))
    if event is None:
        raise NotFound(f"No event has id {event_id!r}.")
    return event
