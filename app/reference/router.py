from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.common.api import DETAIL_ERRORS, LIST_ERRORS, page_of
from app.db import SessionDep
from app.reference import repository
from app.reference.schemas import (
    CountryFilters,
    CountryPage,
    CountryRead,
    OrganizationFilters,
    OrganizationPage,
    OrganizationRead,
    PersonFilters,
    PersonPage,
    PersonRead,
    PlaceFilters,
    PlacePage,
    PlaceRead,
)

countries = APIRouter(prefix="/v1/countries", tags=["countries"])
organizations = APIRouter(prefix="/v1/organizations", tags=["organizations"])
people = APIRouter(prefix="/v1/people", tags=["people"])
places = APIRouter(prefix="/v1/places", tags=["places"])


@countries.get("", name="listCountries", summary="List countries", responses=LIST_ERRORS)
def list_countries(
    session: SessionDep, filters: Annotated[CountryFilters, Query()], request: Request, response: Response
) -> CountryPage:
    rows, next_cursor = repository.list_countries(session, filters)
    return page_of(CountryPage, rows, next_cursor, request, response)


@countries.get("/{country_id}", name="getCountry", summary="Get one country", responses=DETAIL_ERRORS)
def get_country(session: SessionDep, country_id: str) -> CountryRead:
    return CountryRead.model_validate(repository.get_country(session, country_id))


@organizations.get("", name="listOrganizations", summary="List organizations", responses=LIST_ERRORS)
def list_organizations(
    session: SessionDep,
    filters: Annotated[OrganizationFilters, Query()],
    request: Request,
    response: Response,
) -> OrganizationPage:
    rows, next_cursor = repository.list_organizations(session, filters)
    return page_of(OrganizationPage, rows, next_cursor, request, response)


@organizations.get(
    "/{organization_id}", name="getOrganization", summary="Get one organization", responses=DETAIL_ERRORS
)
def get_organization(session: SessionDep, organization_id: str) -> OrganizationRead:
    return OrganizationRead.model_validate(repository.get_organization(session, organization_id))


@people.get("", name="listPeople", summary="List people", responses=LIST_ERRORS)
def list_people(
    session: SessionDep, filters: Annotated[PersonFilters, Query()], request: Request, response: Response
) -> PersonPage:
    rows, next_cursor = repository.list_people(session, filters)
    return page_of(PersonPage, rows, next_cursor, request, response)


@people.get("/{person_id}", name="getPerson", summary="Get one person", responses=DETAIL_ERRORS)
def get_person(session: SessionDep, person_id: str) -> PersonRead:
    return PersonRead.model_validate(repository.get_person(session, person_id))


@places.get("", name="listPlaces", summary="List places", responses=LIST_ERRORS)
def list_places(
    session: SessionDep, filters: Annotated[PlaceFilters, Query()], request: Request, response: Response
) -> PlacePage:
    rows, next_cursor = repository.list_places(session, filters)
    return page_of(PlacePage, rows, next_cursor, request, response)


@places.get("/{place_id}", name="getPlace", summary="Get one place", responses=DETAIL_ERRORS)
def get_place(session: SessionDep, place_id: str) -> PlaceRead:
    return PlaceRead.model_validate(repository.get_place(session, place_id))
