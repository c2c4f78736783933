from typing import Literal

from pydantic import Field
from typing_extensions import TypeAliasType

from app.common.filters import (
    COUNTRY_FILTER,
    FACETS_DESCRIPTION,
    FIELDS_DESCRIPTION,
    INCLUDE_DESCRIPTION,
    CountryCode,
    Day,
    ListParams,
    ShapeParams,
    Slug,
    as_of_field,
    choices,
    repeatable,
)
from app.common.schemas import (
    CONTESTED_DESCRIPTION,
    SOURCE_COUNT_DESCRIPTION,
    SUPPORT_DESCRIPTION,
    Citation,
    ContestedValue,
    NamedRef,
    Page,
    Schema,
)
from app.curation.writes import CitationWrite, Name, Text, WriteId, WriteModel
from app.models import ProjectKind, ProjectStatus, SupportStatus
from app.reference.schemas import CountryRead, PlaceRead
from app.trade.schemas import TradeFigureRead, TradeFigureRef

InfrastructureProjectSort = TypeAliasType("InfrastructureProjectSort", Literal["name", "-name", "id", "-id"])
InfrastructureProjectFacet = TypeAliasType(
    "InfrastructureProjectFacet", Literal["kind", "status", "country", "place"]
)


class InfrastructureProjectIncluded(Schema):
    """Related records in full, as asked for with `include`."""

    trade_figures: list[TradeFigureRead] | None = Field(None, description="Related figures, in full.")
    places: list[PlaceRead] | None = Field(None, description="Places, in full.")
    countries: list[CountryRead] | None = Field(None, description="Countries, in full.")


class InfrastructureProjectRead(Schema):
    """A port, corridor, pipeline or system that ties the countries together."""

    id: str = Field(description="Stable readable id.", examples=["port-of-aktau"])
    name: str = Field(description="Name, in the response language.", examples=["Port of Aktau"])
    kind: ProjectKind = Field(description="Kind of infrastructure.", examples=["port"])
    status: ProjectStatus = Field(
        description="Its state in the period the sources cover.", examples=["expanding"]
    )
    summary: str | None = Field(description="What happened to it in the period, in the response language.")
    countries: list[NamedRef] = Field(description="Countries it links or serves.")
    places: list[NamedRef] = Field(description="Places it runs through or is located at.")
    trade_figures: list[TradeFigureRef] = Field(description="Trade and transit figures related to it.")
    citations: list[Citation] = Field(description="Quotes from the sources supporting this record.")
    support: SupportStatus = Field(description=SUPPORT_DESCRIPTION, examples=["single"])
    source_count: int = Field(description=SOURCE_COUNT_DESCRIPTION, examples=[1])
    contested: list[ContestedValue] = Field(description=CONTESTED_DESCRIPTION)
    included: InfrastructureProjectIncluded | None = Field(
        None, description="Only with `include`: related records in full."
    )


class InfrastructureProjectPage(Page[InfrastructureProjectRead]):
    """A page of infrastructure projects."""


InfrastructureProjectField = TypeAliasType(
    "InfrastructureProjectField",
    Literal[
        "id",
        "name",
        "kind",
        "status",
        "summary",
        "countries",
        "places",
        "trade_figures",
        "citations",
        "support",
        "source_count",
        "contested",
    ],
)
InfrastructureProjectInclude = TypeAliasType(
    "InfrastructureProjectInclude", Literal["trade_figures", "places", "countries"]
)


class InfrastructureProjectDetailParams(ShapeParams):
    as_of: Day | None = as_of_field()
    fields: list[InfrastructureProjectField] = choices(FIELDS_DESCRIPTION)
    include: list[InfrastructureProjectInclude] = choices(INCLUDE_DESCRIPTION)


class InfrastructureProjectFilters(ListParams):
    as_of: Day | None = as_of_field()
    support: list[SupportStatus] = repeatable(
        "How the sources stand behind it: `single`, `corroborated` or `contested`; repeat for any "
        "of several.",
        examples=[["single"]],
    )
    country: list[CountryCode] = COUNTRY_FILTER
    kind: list[ProjectKind] = repeatable("Kind; repeat for any of several.", examples=[["port"]])
    status: list[ProjectStatus] = repeatable("Status; repeat for any of several.", examples=[["expanding"]])
    place: list[Slug] = repeatable("Place id; repeat to require every given place.", examples=[["aktau"]])
    sort: InfrastructureProjectSort = Field(
        "name",
        description="Sort key (`name` in the response language); `-` for descending. Ties are broken by id.",
    )
    fields: list[InfrastructureProjectField] = choices(FIELDS_DESCRIPTION)
    include: list[InfrastructureProjectInclude] = choices(INCLUDE_DESCRIPTION)
    facets: list[InfrastructureProjectFacet] = choices(FACETS_DESCRIPTION)


class InfrastructureProjectCreate(WriteModel):
    """A new infrastructure project."""

    id: WriteId | None = Field(None, description="Readable id; made from name_en when not given.")
    name_en: Name = Field(description="Name in English.")
    name_ru: Name = Field(description="Name in Russian.")
    kind: ProjectKind = Field(description="Kind of infrastructure.")
    status: ProjectStatus = Field(description="Its state in the period the sources cover.")
    summary_en: Text | None = Field(None, description="What happened to it, in English.")
    summary_ru: Text | None = Field(None, description="What happened to it, in Russian.")
    countries: list[CountryCode] = Field(default_factory=list, description="Countries it links or serves.")
    places: list[Slug] = Field(default_factory=list, description="Ids of places it runs through or is at.")
    citations: list[CitationWrite] = Field(min_length=1, description="Quotes supporting the record.")
