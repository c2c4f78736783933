from typing import Literal

from pydantic import Field

from app.common.filters import CountryCode, ListParams, repeatable
from app.common.schemas import Citation, NamedRef, Page, Schema
from app.models import PlaceKind

NAME_SORT_DESCRIPTION = "Sort key (`name` is name_en); `-` for descending. Ties are broken by id."


class CountryRead(Schema):
    """A country of ISO 3166-1 (from the pycountry package), with the quotes that mention it."""

    id: str = Field(description="ISO 3166-1 alpha-2 code.", examples=["KZ"])
    alpha3: str = Field(description="ISO 3166-1 alpha-3 code.", examples=["KAZ"])
    numeric: str = Field(description="ISO 3166-1 numeric code (three digits).", examples=["398"])
    name_en: str = Field(description="Short name in English.", examples=["Kazakhstan"])
    name_ru: str = Field(description="Short name in Russian.", examples=["Казахстан"])
    official_name_en: str | None = Field(description="Official name in English, where ISO gives one.")
    citations: list[Citation] = Field(description="Quotes from the sources that name the country.")


class CountryPage(Page[CountryRead]):
    """A page of country records."""


class CountryFilters(ListParams):
    cited: bool | None = Field(
        None, description="`true`: only countries some source names; `false`: only those none names."
    )
    sort: Literal["id", "-id", "name", "-name"] = Field(
        "id", description="Sort key (`id` is the alpha-2 code, `name` is name_en); `-` for descending."
    )


class OrganizationRead(Schema):
    """An international organization the sources name."""

    id: str = Field(description="Stable readable id.", examples=["ots"])
    abbreviation_en: str | None = Field(description="Abbreviation in English.", examples=["OTS"])
    abbreviation_ru: str | None = Field(description="Abbreviation in Russian.", examples=["ОТГ"])
    name_en: str = Field(description="Name in English.")
    name_ru: str = Field(description="Name in Russian.")
    citations: list[Citation] = Field(description="Quotes from the sources that name it.")


class OrganizationPage(Page[OrganizationRead]):
    """A page of organization records."""


class OrganizationFilters(ListParams):
    sort: Literal["name", "-name", "id", "-id"] = Field("name", description=NAME_SORT_DESCRIPTION)


class PersonRead(Schema):
    """A person the sources name, with the role they name them in."""

    id: str = Field(description="Stable readable id.", examples=["kassym-jomart-tokayev"])
    name_en: str = Field(description="Name in English.")
    name_ru: str = Field(description="Name in Russian.")
    role_en: str | None = Field(description="Role in the period covered, in English.")
    role_ru: str | None = Field(description="Role in the period covered, in Russian.")
    country: NamedRef | None = Field(description="The country the person serves or represents.")
    citations: list[Citation] = Field(description="Quotes from the sources that name the person.")


class PersonPage(Page[PersonRead]):
    """A page of person records."""


class PersonFilters(ListParams):
    country: list[CountryCode] = repeatable("Country (alpha-2); repeat for any of several.")
    sort: Literal["name", "-name", "id", "-id"] = Field("name", description=NAME_SORT_DESCRIPTION)


class PlaceRead(Schema):
    """A city, port or region the sources name."""

    id: str = Field(description="Stable readable id.", examples=["aktau"])
    name_en: str = Field(description="Name in English.")
    name_ru: str = Field(description="Name in Russian.")
    kind: PlaceKind = Field(description="Kind of place.", examples=["port"])
    country: NamedRef | None = Field(description="The country it lies in; null for regions.")
    citations: list[Citation] = Field(description="Quotes from the sources that name the place.")


class PlacePage(Page[PlaceRead]):
    """A page of place records."""


class PlaceFilters(ListParams):
    kind: list[PlaceKind] = repeatable("Kind; repeat for any of several.", examples=[["port"]])
    country: list[CountryCode] = repeatable("Country (alpha-2); repeat for any of several.")
    sort: Literal["name", "-name", "id", "-id"] = Field("name", description=NAME_SORT_DESCRIPTION)
