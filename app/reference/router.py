from typing import Annotated

from fastapi import Request, Response

from app.common.api import RecordId, detail_response, detail_responses, list_response, list_responses
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.curation.routes import WriteNames, add_write_routes
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
from app.request_session import SessionDep, SessionOnDemandDep

countries = ResourceRouter(prefix="/v1/countries", tags=["countries"])
organizations = ResourceRouter(prefix="/v1/organizations", tags=["organizations"])
people = ResourceRouter(prefix="/v1/people", tags=["people"])
places = ResourceRouter(prefix="/v1/places", tags=["places"])


@countries.get("", name="listCountries", summary="List countries", responses=list_responses(CountryPage))
def list_countries(
    request: Request, session: SessionDep, filters: Annotated[CountryFilters, from_query(CountryFilters)]
) -> Response:
    """All ISO 3166-1 countries; `cited=true` keeps those some source names."""
    return list_response(
        request, session, repository.COUNTRIES, repository.filter_countries, filters, CountryRead
    )


@countries.get(
    "/{record_id}",
    name="getCountry",
    summary="Get one country",
    responses=detail_responses(CountryRead, deletable=False),
)
async def get_country(
    request: Request,
    session: SessionOnDemandDep,
    record_id: RecordId,
    params: Annotated[CountryDetailParams, from_query(CountryDetailParams)],
) -> Response:
    """One country by any of its codes or names (`KZ`, `KAZ`, `398`, `Kazakhstan`, `Казахстан`), with
    the quotes that name it; answered with its alpha-2 `id`."""
    return await detail_response(request, session, repository.COUNTRIES, record_id, params, CountryRead)


@organizations.get(
    "", name="listOrganizations", summary="List organizations", responses=list_responses(OrganizationPage)
)
def list_organizations(
    request: Request,
    session: SessionDep,
    filters: Annotated[OrganizationFilters, from_query(OrganizationFilters)],
) -> Response:
    """International organizations the sources name."""
    return list_response(
        request, session, repository.ORGANIZATIONS, repository.filter_organizations, filters, OrganizationRead
    )


@organizations.get(
    "/{record_id}",
    name="getOrganization",
    summary="Get one organization",
    responses=detail_responses(OrganizationRead),
)
async def get_organization(
    request: Request,
    session: SessionOnDemandDep,
    record_id: RecordId,
    params: Annotated[OrganizationDetailParams, from_query(OrganizationDetailParams)],
) -> Response:
    """One organization with the quotes that name it."""
    return await detail_response(
        request, session, repository.ORGANIZATIONS, record_id, params, OrganizationRead
    )


@people.get("", name="listPeople", summary="List people", responses=list_responses(PersonPage))
def list_people(
    request: Request, session: SessionDep, filters: Annotated[PersonFilters, from_query(PersonFilters)]
) -> Response:
    """People the sources name, with their roles."""
    return list_response(request, session, repository.PEOPLE, repository.filter_people, filters, PersonRead)


@people.get(
    "/{record_id}", name="getPerson", summary="Get one person", responses=detail_responses(PersonRead)
)
async def get_person(
    request: Request,
    session: SessionOnDemandDep,
    record_id: RecordId,
    params: Annotated[PersonDetailParams, from_query(PersonDetailParams)],
) -> Response:
    """One person with their role, country and the quotes that name them."""
    return await detail_response(request, session, repository.PEOPLE, record_id, params, PersonRead)


@places.get("", name="listPlaces", summary="List places", responses=list_responses(PlacePage))
def list_places(
    request: Request, session: SessionDep, filters: Annotated[PlaceFilters, from_query(PlaceFilters)]
) -> Response:
    """Cities, ports and regions the sources name."""
    return list_response(request, session, repository.PLACES, repository.filter_places, filters, PlaceRead)


@places.get("/{record_id}", name="getPlace", summary="Get one place", responses=detail_responses(PlaceRead))
async def get_place(
    request: Request,
    session: SessionOnDemandDep,
    record_id: RecordId,
    params: Annotated[PlaceDetailParams, from_query(PlaceDetailParams)],
) -> Response:
    """One place with its kind, country and the quotes that name it."""
    return await detail_response(request, session, repository.PLACES, record_id, params, PlaceRead)


add_write_routes(
    organizations,
    repository.ORGANIZATION_WRITES,
    OrganizationRead,
    WriteNames("createOrganization", "updateOrganization", "deleteOrganization", "listOrganizationRevisions"),
)
add_write_routes(
    people,
    repository.PERSON_WRITES,
    PersonRead,
    WriteNames("createPerson", "updatePerson", "deletePerson", "listPersonRevisions"),
)
add_write_routes(
    places,
    repository.PLACE_WRITES,
    PlaceRead,
    WriteNames("createPlace", "updatePlace", "deletePlace", "listPlaceRevisions"),
)
