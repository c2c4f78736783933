from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.common.filters import matches_text, require_known
from app.common.pagination import Sorting, paginate
from app.errors import NotFound
from app.models import Citation, Country, Organization, Person, Place
from app.reference.schemas import CountryFilters, OrganizationFilters, PersonFilters, PlaceFilters

COUNTRY_SORTING = Sorting({"id": Country.id, "name": Country.name_en}, Country.id)
ORGANIZATION_SORTING = Sorting({"name": Organization.name_en, "id": Organization.id}, Organization.id)
PERSON_SORTING = Sorting({"name": Person.name_en, "id": Person.id}, Person.id)
PLACE_SORTING = Sorting({"name": Place.name_en, "id": Place.id}, Place.id)
T = TypeVar("T")


def _get(session: Session, model: type[T], record_id: str, label: str, *options: Any) -> T:
    record = session.get(model, record_id, options=options)
    if record is None:
        raise NotFound(f"No {label} has id {record_id!r}.")
    return record


def list_countries(session: Session, filters: CountryFilters) -> tuple[list[Country], str | None]:
    statement = select(Country).options(selectinload(Country.citations))
    if filters.cited is not None:
        cited = select(Citation.country_id).where(Citation.country_id.is_not(None))
        statement = statement.where(Country.id.in_(cited) if filters.cited else Country.id.not_in(cited))
    if filters.q:
        statement = statement.where(matches_text(Country.search_text, filters.q))
    return paginate(session, statement, COUNTRY_SORTING, filters.sort, filters.limit, filters.cursor)


def get_country(session: Session, country_id: str) -> Country:
    # Codes are case-insensitive, as in the `country` filters; the message echoes what was asked.
    country = session.get(Country, country_id.upper(), options=[selectinload(Country.citations)])
    if country is None:
        raise NotFound(f"No country has id {country_id!r}.")
    return country


def list_organizations(
    session: Session, filters: OrganizationFilters
) -> tuple[list[Organization], str | None]:
    statement = select(Organization).options(selectinload(Organization.citations))
    if filters.q:
        statement = statement.where(matches_text(Organization.search_text, filters.q))
    return paginate(session, statement, ORGANIZATION_SORTING, filters.sort, filters.limit, filters.cursor)


def get_organization(session: Session, organization_id: str) -> Organization:
    return _get(session, Organization, organization_id, "organization", selectinload(Organization.citations))


_PERSON_RELATIONS = (selectinload(Person.country), selectinload(Person.citations))


def list_people(session: Session, filters: PersonFilters) -> tuple[list[Person], str | None]:
    require_known(session, Country.id, filters.country, "country")
    statement: Select[Person] = select(Person).options(*_PERSON_RELATIONS)
    if filters.country:
        statement = statement.where(Person.country_id.in_(filters.country))
    if filters.q:
        statement = statement.where(matches_text(Person.search_text, filters.q))
    return paginate(session, statement, PERSON_SORTING, filters.sort, filters.limit, filters.cursor)


def get_person(session: Session, person_id: str) -> Person:
    return _get(session, Person, person_id, "person", *_PERSON_RELATIONS)


_PLACE_RELATIONS = (selectinload(Place.country), selectinload(Place.citations))


def list_places(session: Session, filters: PlaceFilters) -> tuple[list[Place], str | None]:
    require_known(session, Country.id, filters.country, "country")
    statement: Select[Place] = select(Place).options(*_PLACE_RELATIONS)
    if filters.kind:
        statement = statement.where(Place.kind.in_(filters.kind))
    if filters.country:
        statement = statement.where(Place.country_id.in_(filters.country))
    if filters.q:
        statement = statement.where(matches_text(Place.search_text, filters.q))
    return paginate(session, statement, PLACE_SORTING, filters.sort, filters.limit, filters.cursor)


def get_place(session: Session, place_id: str) -> Place:
    return _get(session, Place, place_id, "place", *_PLACE_RELATIONS)
