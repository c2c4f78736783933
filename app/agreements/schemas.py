from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StrictInt
from typing_extensions import TypeAliasType

from app.common.dates import DatePrecision, Period
from app.common.filters import (
    COUNTRY_FILTER,
    FACETS_DESCRIPTION,
    FIELDS_DESCRIPTION,
    INCLUDE_DESCRIPTION,
    CountryCode,
    DatedListParams,
    Day,
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
    TitledRef,
)
from app.curation.writes import WHOLE_NUMBER, CitationWrite, Name, Text, WriteId, WriteModel
from app.models import AgreementStatus, Sector, SupportStatus
from app.reference.schemas import CountryRead

DocumentCount = Annotated[StrictInt, Field(ge=1, le=100_000), WHOLE_NUMBER]
AgreementInclude = TypeAliasType("AgreementInclude", Literal["countries"])
AgreementSort = TypeAliasType("AgreementSort", Literal["date", "-date", "title", "-title", "id", "-id"])
AgreementFacet = TypeAliasType(
    "AgreementFacet", Literal["sector", "status", "year", "month", "country", "event"]
)


class AgreementIncluded(Schema):
    """Related records in full, as asked for with `include`."""

    countries: list[CountryRead] | None = Field(None, description="The parties, in full.")


class AgreementRead(Schema):
    """A signed document, or a package of documents the source describes together."""

    id: str = Field(description="Stable readable id.", examples=["az-kz-documents-2025-11"])
    title: str = Field(description="Title, in the response language.")
    summary: str | None = Field(description="What the documents cover, in the response language.")
    status: AgreementStatus = Field(description="Where the agreement stands.", examples=["signed"])
    document_count: int | None = Field(
        description="How many documents this record covers, when the source says; null when it does not."
    )
    sectors: list[Sector] = Field(description="Sectors the agreement covers.", examples=[["transport"]])
    date_start: date = Field(description="First day it may have been signed.", examples=["2025-11-01"])
    date_end: date = Field(description="Last day it may have been signed.", examples=["2025-11-30"])
    date_precision: DatePrecision = Field(description="How precisely the source dates the signing.")
    event: TitledRef | None = Field(description="The event at which it was signed, when known.")
    countries: list[NamedRef] = Field(description="The parties.")
    citations: list[Citation] = Field(description="Quotes from the sources supporting this record.")
    support: SupportStatus = Field(description=SUPPORT_DESCRIPTION, examples=["single"])
    source_count: int = Field(description=SOURCE_COUNT_DESCRIPTION, examples=[1])
    contested: list[ContestedValue] = Field(description=CONTESTED_DESCRIPTION)
    included: AgreementIncluded | None = Field(
        None, description="Only with `include`: related records in full."
    )


class AgreementPage(Page[AgreementRead]):
    """A page of agreement records."""


AgreementField = TypeAliasType(
    "AgreementField",
    Literal[
        "id",
        "title",
        "summary",
        "status",
        "document_count",
        "sectors",
        "date_start",
        "date_end",
        "date_precision",
        "event",
        "countries",
        "citations",
        "support",
        "source_count",
        "contested",
    ],
)


class AgreementDetailParams(ShapeParams):
    as_of: Day | None = as_of_field()
    fields: list[AgreementField] = choices(FIELDS_DESCRIPTION)
    include: list[AgreementInclude] = choices(INCLUDE_DESCRIPTION)


class AgreementFilters(DatedListParams):
    as_of: Day | None = as_of_field()
    support: list[SupportStatus] = repeatable(
        "How the sources stand behind it: `single`, `corroborated` or `contested`; repeat for any "
        "of several.",
        examples=[["single"]],
    )
    country: list[CountryCode] = COUNTRY_FILTER
    sector: list[Sector] = repeatable(
        "Sector; repeat to require every given sector.", examples=[["transport", "agriculture"]]
    )
    event: list[Slug] = repeatable(
        "Id of the event it was signed at; repeat for any of several.",
        examples=[["aliyev-state-visit-kazakhstan-2025-11"]],
    )
    status: list[AgreementStatus] = repeatable("Status; repeat for any of several.")
    sort: AgreementSort = Field(
        "date",
        description="Sort key; `-` for descending (`title` in the response language). Ties are broken by id.",
    )
    fields: list[AgreementField] = choices(FIELDS_DESCRIPTION)
    include: list[AgreementInclude] = choices(INCLUDE_DESCRIPTION)
    facets: list[AgreementFacet] = choices(FACETS_DESCRIPTION)


class AgreementCreate(WriteModel):
    """A new agreement (or package of documents the source describes together)."""

    id: WriteId | None = Field(None, description="Readable id; made from title_en when not given.")
    title_en: Name = Field(description="Title in English.")
    title_ru: Name = Field(description="Title in Russian.")
    summary_en: Text | None = Field(None, description="What it covers, in English.")
    summary_ru: Text | None = Field(None, description="What it covers, in Russian.")
    status: AgreementStatus = Field(description="Where it stands.")
    document_count: DocumentCount | None = Field(None, description="How many documents, if the source says.")
    sectors: list[Sector] = Field(min_length=1, description="Sectors it covers.")
    date: Period = Field(description="When it was signed, as precisely as known.")
    event: Slug | None = Field(None, description="Id of the event it was signed at.")
    countries: list[CountryCode] = Field(
        default_factory=list, description="The parties: any ISO code or name of each, stored as alpha-2."
    )
    citations: list[CitationWrite] = Field(min_length=1, description="Quotes supporting the record.")
