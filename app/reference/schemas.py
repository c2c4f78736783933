from typing import Literal

from pydantic import Field
from typing_extensions import TypeAliasType

from app.common.filters import (
    FACETS_DESCRIPTION,
    FIELDS_DESCRIPTION,
    INCLUDE_DESCRIPTION,
    CountryCode,
    ListParams,
    ShapeParams,
    choices,
    repeatable,
)
from app.common.schemas import Citation, NamedRef, Page, Schema
from app.curation.writes import CitationWrite, Name, WriteId, WriteModel
from app.models import PlaceKind

NAME_SORT_DESCRIPTION = (
    "Sort key (`name` in the response language); `-` for descending. Ties are broken by id."
)


class CountryRead(Schema):
    """A country of ISO 3166-1 (from the pycountry package), with the quotes that mention it."""

    id: str = Field(description="ISO 3166-1 alpha-2 code.", examples=["KZ"])
    alpha3: str = Field(description="ISO 3166-1 alpha-3 code.", examples=["KAZ"])
    numeric: str = Field(description="ISO 3166-1 numeric code (three digits).", examples=["398"])
    name: str = Field(description="Short name, in the response language.", examples=["Kazakhstan"])
    name_en: str = Field(
        description="Short name in English, whatever the response language.", examples=["Kazakhstan"]
    )
    name_ru: str = Field(
        description="Short name in Russian, whatever the response language.", examples=["Казахстан"]
    )
    official_name: str | None = Field(
        description="Official name, in the response language, where ISO gives one."
    )
    citations: list[Citation] = Field(description="Quotes from the sources that name the country.")


class CountryPage(Page[CountryRead]):
    """A page of countries."""


CountrySort = TypeAliasType("CountrySort", Literal["id", "-id", "name", "-name"])
CountryField = TypeAliasType(
    "CountryField",
    Literal["id", "alpha3", "numeric", "name", "name_en", "name_ru", "official_name", "citations"],
)


class CountryDetailParams(ShapeParams):
    fields: list[CountryField] = choices(FIELDS_DESCRIPTION)


class CountryFilters(ListParams):
    cited: bool | None = Field(
        None, description="`true`: only countries some source names; `false`: only those none names."
    )
    sort: CountrySort = Field(
        "id",
        description="Sort key (`id` is the alpha-2 code, `name` in the response language); "
        "`-` for descending.",
    )
    fields: list[CountryField] = choices(FIELDS_DESCRIPTION)


class OrganizationRead(Schema):
    """An international organization the sources name."""

    id: str = Field(description="Stable readable id.", examples=["ots"])
    abbreviation: str | None = Field(description="Abbreviation, in the response language.", examples=["OTS"])
    name: str = Field(description="Name, in the response language.")
    citations: list[Citation] = Field(description="Quotes from the sources that name it.")


class OrganizationPage(Page[OrganizationRead]):
    """A page of organizations."""


OrganizationSort = TypeAliasType("OrganizationSort", Literal["name", "-name", "id", "-id"])
OrganizationField = TypeAliasType("OrganizationField", Literal["id", "abbreviation", "name", "citations"])


class OrganizationDetailParams(ShapeParams):
    fields: list[OrganizationField] = choices(FIELDS_DESCRIPTION)


class OrganizationFilters(ListParams):
    sort: OrganizationSort = Field("name", description=NAME_SORT_DESCRIPTION)
    fields: list[OrganizationField] = choices(FIELDS_DESCRIPTION)


class CountryIncluded(Schema):
    """Related records in full, as asked for with `include`."""

    country: CountryRead | None = Field(None, description="The country, in full.")


class PersonRead(Schema):
    """A person the sources name, with the role they name them in."""

    id: str = Field(description="Stable readable id.", examples=["kassym-jomart-tokayev"])
    name: str = Field(description="Name, in the response language.")
    role: str | None = Field(description="Role in the period covered, in the response language.")
    country: NamedRef | None = Field(description="The country the person serves or represents.")
    citations: list[Citation] = Field(description="Quotes from the sources that name the person.")
    included: CountryIncluded | None = Field(
        None, description="Only with `include`: related records in full."
    )


class PersonPage(Page[PersonRead]):
    """A page of people."""


PersonInclude = TypeAliasType("PersonInclude", Literal["country"])
PersonSort = TypeAliasType("PersonSort", Literal["name", "-name", "id", "-id"])
PersonFacet = TypeAliasType("PersonFacet", Literal["country"])
PersonField = TypeAliasType("PersonField", Literal["id", "name", "role", "country", "citations"])


class PersonDetailParams(ShapeParams):
    fields: list[PersonField] = choices(FIELDS_DESCRIPTION)
    include: list[PersonInclude] = choices(INCLUDE_DESCRIPTION)


class PersonFilters(ListParams):
    country: list[CountryCode] = repeatable(
        "Country (ISO alpha-2, alpha-3 or numeric code, or name); repeat for any of several."
    )
    sort: PersonSort = Field("name", description=NAME_SORT_DESCRIPTION)
    fields: list[PersonField] = choices(FIELDS_DESCRIPTION)
    include: list[PersonInclude] = choices(INCLUDE_DESCRIPTION)
    facets: list[PersonFacet] = choices(FACETS_DESCRIPTION)


class PlaceRead(Schema):
    """A city, port or region the sources name."""

    id: str = Field(description="Stable readable id.", examples=["aktau"])
    name: str = Field(description="Name, in the response language.")
    kind: PlaceKind = Field(description="Kind of place.", examples=["port"])
    country: NamedRef | None = Field(description="The country it lies in; null for regions.")
    citations: list[Citation] = Field(description="Quotes from the sources that name the place.")
    included: CountryIncluded | None = Field(
        None, description="Only with `include`: related records in full."
    )


class PlacePage(Page[PlaceRead]):
    """A page of places."""


PlaceInclude = TypeAliasType("PlaceInclude", Literal["country"])
PlaceSort = TypeAliasType("PlaceSort", Literal["name", "-name", "id", "-id"])
PlaceFacet = TypeAliasType("PlaceFacet", Literal["kind", "country"])
PlaceField = TypeAliasType("PlaceField", Literal["id", "name", "kind", "country", "citations"])


class PlaceDetailParams(ShapeParams):
    fields: list[PlaceField] = choices(FIELDS_DESCRIPTION)
    include: list[PlaceInclude] = choices(INCLUDE_DESCRIPTION)


class PlaceFilters(ListParams):
    kind: list[PlaceKind] = repeatable("Kind; repeat for any of several.", examples=[["port"]])
    country: list[CountryCode] = repeatable(
        "Country (ISO alpha-2, alpha-3 or numeric code, or name); repeat for any of several."
    )
    sort: PlaceSort = Field("name", description=NAME_SORT_DESCRIPTION)
    fields: list[PlaceField] = choices(FIELDS_DESCRIPTION)
    include: list[PlaceInclude] = choices(INCLUDE_DESCRIPTION)
    facets: list[PlaceFacet] = choices(FACETS_DESCRIPTION)


class OrganizationCreate(WriteModel):
    """A new organization."""

    id: WriteId | None = Field(None, description="Readable id; made from name_en when not given.")
    abbreviation_en: str | None = Field(None, max_length=40, description="Abbreviation in English.")
    abbreviation_ru: str | None = Field(None, max_length=40, description="Abbreviation in Russian.")
    name_en: Name = Field(description="Name in English.")
    name_ru: Name = Field(description="Name in Russian.")
    citations: list[CitationWrite] = Field(min_length=1, description="Quotes that name it.")


class PersonCreate(WriteModel):
    """A new person."""

    id: WriteId | None = Field(None, description="Readable id; made from name_en when not given.")
    name_en: Name = Field(description="Name in English.")
    name_ru: Name = Field(description="Name in Russian.")
    role_en: str | None = Field(None, max_length=300, description="Role, in English.")
    role_ru: str | None = Field(None, max_length=300, description="Role, in Russian.")
    country: CountryCode | None = Field(None, description="The country they serve or represent.")
    citations: list[CitationWrite] = Field(min_length=1, description="Quotes that name them.")


class PlaceCreate(WriteModel):
    """A new place."""

    id: WriteId | None = Field(None, description="Readable id; made from name_en when not given.")
    name_en: Name = Field(description="Name in English.")
    name_ru: Name = Field(description="Name in Russian.")
    kind: PlaceKind = Field(description="Kind of place.")
    country: CountryCode | None = Field(None, description="The country it lies in; none for regions.")
    citations: list[CitationWrite] = Field(min_length=1, description="Quotes that name it.")
