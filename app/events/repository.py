from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, Table, and_, func, select
from sqlalchemy.orm import Session, selectinload

from app import datastate
from app.agreements.repository import AGREEMENTS
from app.common.filters import in_window, involves_all, read_as_of, require_known
from app.common.listing import Listing, column_facet, link_facet, month_facet, support_load, year_facet
from app.common.pagination import Sorting, sort_through
from app.common.ranges import between, is_wide, told_likely
from app.common.rows import RowReader
from app.common.statements import ShapedStatements, named
from app.curation.writes import Fields, Writable, invalid
from app.db import DriverStatement
from app.events.schemas import EventCreate, EventFilters, EventRead
from app.models import (
    Country,
    Event,
    EventCode,
    Organization,
    Person,
    Place,
    event_countries,
    event_organizations,
    event_people,
)
from app.reference.repository import COUNTRIES, ORGANIZATIONS, PEOPLE, PLACES

EVENTS = Listing(
    model=Event,
    label="event",
    record_type="event",
    reader=RowReader(Event, EventRead),
    sorting=Sorting(
        {"date": Event.date_start, "title_en": Event.title_en, "title_ru": Event.title_ru, "id": Event.id},
        Event.id,
    ),
    load=(
        selectinload(Event.location),
        selectinload(Event.host_country),
        selectinload(Event.countries),
        selectinload(Event.people),
        selectinload(Event.organizations),
        selectinload(Event.agreements),
        selectinload(Event.citations),
        selectinload(Event.external_codes),
        *support_load(Event),
    ),
    includes={
        "agreements": (selectinload(Event.agreements).options(*AGREEMENTS.load),),
        "people": (selectinload(Event.people).options(*PEOPLE.load),),
        "organizations": (selectinload(Event.organizations).options(*ORGANIZATIONS.load),),
        "countries": (selectinload(Event.countries).options(*COUNTRIES.load),),
        "location": (selectinload(Event.location).options(*PLACES.load),),
    },
    facets={
        "type": column_facet("type"),
        "status": column_facet("status"),
        "year": year_facet("date_start"),
        "month": month_facet("date_start", "date_precision"),
        "date_precision": column_facet("date_precision"),
        "country": link_facet(event_countries, "event_id", "country_id", Country),
        "host_country": column_facet("host_country_id", Country),
        "person": link_facet(event_people, "event_id", "person_id", Person),
        "organization": link_facet(event_organizations, "event_id", "organization_id", Organization),
        "place": column_facet("location_id", Place),
    },
)


# The filter statements, one per shape (app/common/statements.py).
_FILTERED = ShapedStatements(lambda: select(Event))


def filter_events(session: Session, filters: EventFilters) -> Select[Event]:
    require_known(session, Country.id, filters.country + filters.host_country, "country")
    require_known(session, Person.id, filters.person, "person")
    require_known(session, Organization.id, filters.organization, "organization")
    require_known(session, Place.id, filters.place, "place")
    match = filters.date_match
    start, end = filters.date_window()
    # The window's bounds by name, for the events' dates and for a link row's copy of them.
    window = (None if start is None else named("date_from"), None if end is None else named("date_to"))
    given = {"date_from": start, "date_to": end}
    dated = (match, start is not None, end is not None)
    shaped = _FILTERED.shaped()
    links = [
        (event_countries, "country_id", filters.country),
        (event_people, "person_id", filters.person),
        (event_organizations, "organization_id", filters.organization),
    ]
    linked = any(values for _, _, values in links)
    # A linked value's rows carry the dates, indexed: read from there (below).
    earliest, wide = (None, False) if linked else _window_reading(session, filters)

    def within_window(statement: Select[Event]) -> Select[Event]:
        terms = in_window(Event.date_start, Event.date_end, window, match)
        if earliest is not None:
            terms.append(Event.date_start >= named("date_earliest"))
        return statement.where(*told_likely(terms, wide))

    shaped.add(
        ("window", *dated, earliest is not None, wide),
        within_window,
        **{name: value for name, value in given.items() if value is not None},
        **({} if earliest is None else {"date_earliest": earliest}),
    )
    through = next((link for link in links if link[2]), None) if filters.sort in ("date", "-date") else None
    if through is not None:
        # By date, the events of one linked value (the first given) are read from its link rows in
        # date order (their copy of the dates is indexed), the page cut at `limit`: on 200,000
        # events, 1.5 → 0.4 ms of SQL on SQLite for a country and a five-year window, where reading
        # every linked event of the window and sorting it cost more the more it had.
        link, column, (value, *others) = through

        def read_through(statement: Select[Event], link: Table = link, column: str = column) -> Select[Event]:
            on_value = and_(link.c.event_id == Event.id, link.c[column] == named("through"))
            joined = statement.join(link, on_value)
            return sort_through(
                joined.where(*in_window(link.c.date_start, link.c.date_end, window, match)),
                {"date_start": link.c.date_start, "id": link.c.event_id},
            )

        shaped.add(("through", link.name, column, *dated), read_through, through=value)
        links = [(link, column, others) if entry is through else entry for entry in links]
    for link, column, values in links:
        if values:
            # The link rows carry the event's dates (migration 0006): the window narrows the linked
            # ids by index, instead of every event linked to the value being read and tested.
            names = [f"{column}_{at}" for at in range(len(values))]

            def linked_to_all(
                statement: Select[Event], link: Table = link, column: str = column, names: list[str] = names
            ) -> Select[Event]:
                in_dates = in_window(link.c.date_start, link.c.date_end, window, match)
                every = [named(name) for name in names]
                return statement.where(*involves_all(link, "event_id", Event.id, column, every, in_dates))

            shaped.add(
                ("all", link.name, column, len(names), *dated),
                linked_to_all,
                **dict(zip(names, values, strict=True)),
            )
    shaped.matching(Event.search_text, filters.q)
    for name, attribute, chosen in (
        ("type", Event.type, filters.type),
        ("status", Event.status, filters.status),
        ("place", Event.location_id, filters.place),
        ("host_country", Event.host_country_id, filters.host_country),
        ("support", Event.support, filters.support),
    ):
        shaped.any_of(name, attribute, chosen)
    statement = shaped.statement()
    if filters.as_of is not None:
        statement = read_as_of(statement, "event", Event.id, filters.as_of)
    return statement


# The longest event's span in days, by engine (none elsewhere: no bound is used there).
_LONGEST = {
    "sqlite": DriverStatement(
        select(func.max(func.julianday(Event.date_end) - func.julianday(Event.date_start)))
    ),
    "postgresql": DriverStatement(select(func.max(Event.date_end - Event.date_start))),
}
# The longest span, per database (a scan of an index, read again when the data changes).
_LONGEST_SEEN: datastate.VersionMemo[float | None] = datastate.VersionMemo()


def _window_reading(session: Session, filters: EventFilters) -> tuple[date | None, bool]:
    """How the date window is read: the earliest start an event in it can have (a condition of its
    own, None for none), and whether its conditions are told likely true (the window is wide and the
    page in another order: app.common.ranges)."""
    start, end = filters.date_window()
    earliest: date | None
    bound: date | None
    if start is not None and filters.date_match == "within":
        earliest, bound = start, None
    else:
        earliest = bound = _starts_from(session, start, filters.date_match)
    if start is None and end is None and earliest is None:
        return bound, False
    if filters.sort.removeprefix("-") == "date" or _narrowed_otherwise(filters):
        return bound, False
    # Every event the window admits starts within [earliest, end].
    wide = is_wide(
        session,
        filters.limit,
        rows=lambda: select(Event.id),
        rows_key="events",
        read_range=lambda: between(Event.date_start, earliest, end),
        range_key=(earliest, end),
    )
    return bound, wide


def _narrowed_otherwise(filters: EventFilters) -> bool:
    """Whether a filter besides the window has an index that narrows the events much: SQLite then
    weighs its index against the window's itself."""
    return bool(filters.type or filters.host_country or filters.place or filters.q or filters.as_of)


def _starts_from(session: Session, start: date | None, match: str) -> date | None:
    """The earliest date_start an event overlapping a window from `start` can have: `start` less the
    longest span of any event. `date_end >= start` alone bounds nothing in date_start order, so an
    index scan of a type's events by date began at the type's oldest event, decades before the
    window; events last days."""
    if start is None or match != "overlaps":
        return None
    connection = session.connection()
    longest_of = _LONGEST.get(connection.dialect.name)
    if longest_of is None:
        return None

    def read_longest() -> float | None:
        [(longest,)] = longest_of.rows(connection)
        return float(longest) if longest is not None else None

    longest = _LONGEST_SEEN.get(session, None, read_longest)
    return None if longest is None else start - timedelta(days=longest)


def _event_rules(session: Session, event: Event, data: dict[str, Any]) -> None:
    if event.host_country is not None and event.host_country not in event.countries:
        raise invalid("host_country", "the host must be one of `countries`")
    if "external_codes" in data:
        event.external_codes = external_codes(event.external_codes, data["external_codes"] or [])


_CODE_FIELDS = ("scheme", "code", "label", "intensity", "url")


def external_codes(current: list[EventCode], items: list[dict[str, Any]]) -> list[EventCode]:
    """The codes `items` state, in their order, once each; a code the event has already is kept as it
    is (so stating an event again as it is changes nothing)."""
    kept = {tuple(getattr(code, name) for name in _CODE_FIELDS): code for code in current}
    wanted = dict.fromkeys(tuple(item.get(name) for name in _CODE_FIELDS) for item in items)
    return [kept.get(key) or EventCode(**dict(zip(_CODE_FIELDS, key, strict=True))) for key in wanted]


WRITABLE = Writable(
    listing=EVENTS,
    record_type="event",
    create=EventCreate,
    fields=Fields(
        plain=("type", "status", "title_en", "title_ru", "summary_en", "summary_ru"),
        date=True,
        one={"location": Place, "host_country": Country},
        many={"countries": Country, "people": Person, "organizations": Organization},
    ),
    finish=_event_rules,
)
