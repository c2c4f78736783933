from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.common.api import detail_response, detail_responses, list_response, list_responses
from app.db import SessionDep
from app.reference import repository
from app.reference.schemas import (
    CountryDetailParams,
    CountryFilters,
    CountryPage,
    CountryRead,
    OrganizationDetailParams,
    OrganizationFilters,
    OrganizationPage,
    OrganizationRead,
    PersonDetailParams,
    PersonFilters,
    PersonPage,
    PersonRead,
    PlaceDetailParams,
    PlaceFilters,
    PlacePage,
    PlaceRead,
)

countries = APIRouter(prefix="/v1/countries", tags=["countries"])
organizations = APIRouter(prefix="/v1/organizations", tags=["organizations"])
people = APIRouter(prefix="/v1/people", tags=["people"])
places = APIRouter(prefix="/v1/places", tags=["places"])


@countries.get("", name="listCountries", summary="List countries", responses=list_responses(CountryPage))
def list_countries(
    request: Request, session: SessionDep, filters: Annotated[CountryFilters, Query()]
) -> Response:
    statement = repository.filter_countries(session, filters)
    return list_response(request, session, repository.COUNTRIES, statement, filters, CountryRead)


@countries.get(
    "/{country_id}", name="getCountry", summary="Get one country", responses=detail_responses(CountryRead)
)
def get_country(
    request: Request, session: SessionDep, country_id: str, params: Annotated[CountryDetailParams, Query()]
) -> Response:
    return detail_response(request, session, repository.COUNTRIES, country_id, params, CountryRead)


@organizations.get(
    "", name="listOrganizations", summary="List organizations", responses=list_responses(OrganizationPage)
)
def list_organizations(
    request: Request, session: SessionDep, filters: Annotated[OrganizationFilters, Query()]
) -> Response:
    statement = repository.filter_organizations(session, filters)
    return list_response(request, session, repository.ORGANIZATIONS, statement, filters, OrganizationRead)


@organizations.get(
    "/{organization_id}",
    name="getOrganization",
    summary="Get one organization",
    responses=detail_responses(OrganizationRead),
)
def get_organization(
    request: Request,
    session: SessionDep,
    organization_id: str,
    params: Annotated[OrganizationDetailParams, Query()],
) -> Response:
    return detail_response(
        request, session, repository.ORGANIZATIONS, organization_id, params, OrganizationRead
    )


@people.get("", name="listPeople", summary="List people", responses=list_responses(PersonPage))
def list_people(
    request: Request, session: SessionDep, filters: Annotated[PersonFilters, Query()]
) -> Response:
    statement = repository.filter_people(session, filters)
    return list_response(request, session, repository.PEOPLE, statement, filters, PersonRead)


@people.get(
    "/{person_id}", name="getPerson", summary="Get one person", responses=detail_responses(PersonRead)
)
def get_person(
    request: Request, session: SessionDep, person_id: str, params: Annotated[PersonDetailParams, Query()]
) -> Response:
    return detail_response(request, session, repository.PEOPLE, person_id, params, PersonRead)


@places.get("", name="listPlaces", summary="List places", responses=list_responses(PlacePage))
def list_places(request: Request, session: SessionDep, filters: Annotated[PlaceFilters, Query()]) -> Response:
    statement = repository.filter_places(session, filters)
    return list_response(request, session, repository.PLACES, statement, filters, PlaceRead)


@places.get("/{place_id}", name="getPlace", summary="Get one place", responses=detail_responses(PlaceRead))
def get_place(
    request: Request, session: SessionDep, place_id: str, params: Annotated[PlaceDetailParams, Query()]
) -> Response:
    return detail_response(request, session, repository.PLACES, place_id, params, PlaceRead)
