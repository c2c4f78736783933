from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.common.countries import resolve_country
from app.common.filters import require_known
from app.common.listing import Listing, column_facet
from app.common.pagination import Sorting
from app.common.rows import RowReader
from app.common.statements import ShapedStatements
from app.curation.writes import Fields, Writable
from app.models import Citation, Country, Organization, Person, Place
from app.reference.schemas import (
    CountryFilters,
    CountryRead,
    OrganizationCreate,
    OrganizationFilters,
    OrganizationRead,
    PersonCreate,
    PersonFilters,
    PersonRead,
    PlaceCreate,
    PlaceFilters,
    PlaceRead,
)


def country_id(value: str) -> str:
    """The alpha-2 id of the country any of its codes or names gives; the value itself (to be told
    it names no country) when it names none."""
    return resolve_country(value) or value


COUNTRIES = Listing(
    model=Country,
    label="country",
    reader=RowReader(Country, CountryRead),
    sorting=Sorting({"id": Country.id, "name_en": Country.name_en, "name_ru": Country.name_ru}, Country.id),
    load=(selectinload(Country.citations),),
    normalize_id=country_id,  # any code or name, as in the `country` filters
)
ORGANIZATIONS = Listing(
    model=Organization,
    label="organization",
    reader=RowReader(Organization, OrganizationRead),
    record_type="organization",
    sorting=Sorting(
        {"name_en": Organization.name_en, "name_ru": Organization.name_ru, "id": Organization.id},
        Organization.id,
    ),
    load=(selectinload(Organization.citations),),
)
PEOPLE = Listing(
    model=Person,
    label="person",
    reader=RowReader(Person, PersonRead),
    record_type="person",
    sorting=Sorting({"name_en": Person.name_en, "name_ru": Person.name_ru, "id": Person.id}, Person.id),
    load=(selectinload(Person.country), selectinload(Person.citations)),
    includes={"country": (selectinload(Person.country).selectinload(Country.citations),)},
    facets={"country": column_facet("country_id", Country)},
)
PLACES = Listing(
    model=Place,
    label="place",
    reader=RowReader(Place, PlaceRead),
    record_type="place",
    sorting=Sorting({"name_en": Place.name_en, "name_ru": Place.name_ru, "id": Place.id}, Place.id),
    load=(selectinload(Place.country), selectinload(Place.citations)),
    includes={"country": (selectinload(Place.country).selectinload(Country.citations),)},
    facets={"kind": column_facet("kind"), "country": column_facet("country_id", Country)},
)


# The filter statements, one per shape (app/common/statements.py).
_COUNTRIES = ShapedStatements(lambda: select(Country))
_ORGANIZATIONS = ShapedStatements(lambda: select(Organization))
_PEOPLE = ShapedStatements(lambda: select(Person))
_PLACES = ShapedStatements(lambda: select(Place))


def filter_countries(session: Session, filters: CountryFilters) -> Select[Country]:
    shaped = _COUNTRIES.shaped()
    if filters.cited is not None:
        cited = filters.cited

        def by_citations(statement: Select[Country]) -> Select[Country]:
            ids = select(Citation.country_id).where(Citation.country_id.is_not(None))
            return statement.where(Country.id.in_(ids) if cited else Country.id.not_in(ids))

        shaped.add(("cited", cited), by_citations)
    shaped.matching(Country.search_text, filters.q)
    return shaped.statement()


def filter_organizations(session: Session, filters: OrganizationFilters) -> Select[Organization]:
    shaped = _ORGANIZATIONS.shaped()
    shaped.matching(Organization.search_text, filters.q)
    return shaped.statement()


def filter_people(session: Session, filters: PersonFilters) -> Select[Person]:
    require_known(session, Country.id, filters.country, "country")
    shaped = _PEOPLE.shaped()
    shaped.any_of("country", Person.country_id, filters.country)
    shaped.matching(Person.search_text, filters.q)
    return shaped.statement()


def filter_places(session: Session, filters: PlaceFilters) -> Select[Place]:
    require_known(session, Country.id, filters.country, "country")
    shaped = _PLACES.shaped()
    shaped.any_of("kind", Place.kind, filters.kind)
    shaped.any_of("country", Place.country_id, filters.country)
    shaped.matching(Place.search_text, filters.q)
    return shaped.statement()


ORGANIZATION_WRITES = Writable(
    listing=ORGANIZATIONS,
    record_type="organization",
    create=OrganizationCreate,
    fields=Fields(plain=("abbreviation_en", "abbreviation_ru", "name_en", "name_ru")),
    id_field="name_en",
)
PERSON_WRITES = Writable(
    listing=PEOPLE,
    record_type="person",
    create=PersonCreate,
    fields=Fields(plain=("name_en", "name_ru", "role_en", "role_ru"), one={"country": Country}),
    id_field="name_en",
)
PLACE_WRITES = Writable(
    listing=PLACES,
    record_type="place",
    create=PlaceCreate,
    fields=Fields(plain=("name_en", "name_ru", "kind"), one={"country": Country}),
    id_field="name_en",
)
