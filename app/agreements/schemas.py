from datetime import date
from typing import Literal

from pydantic import Field

from app.common.dates import DatePrecision
from app.common.filters import COUNTRY_FILTER, CountryCode, DatedListParams, Slug, repeatable
from app.common.schemas import Citation, NamedRef, Page, Schema, TitledRef
from app.models import AgreementStatus, Sector


class AgreementRead(Schema):
    """A signed document, or a package of documents the source describes together."""

    id: str = Field(description="Stable readable id.", examples=["az-kz-documents-2025-11"])
    title_en: str = Field(description="Title in English.")
    title_ru: str = Field(description="Title in Russian (the source language).")
    summary_en: str | None = Field(description="What the documents cover, in English.")
    summary_ru: str | None = Field(description="What the documents cover, in Russian.")
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


class AgreementPage(Page[AgreementRead]):
    """A page of agreement records."""


class AgreementFilters(DatedListParams):
    country: list[CountryCode] = COUNTRY_FILTER
    sector: list[Sector] = repeatable(
        "Sector; repeat to require every given sector.", examples=[["transport", "agriculture"]]
    )
    event: list[Slug] = repeatable(
        "Id of the event it was signed at; repeat for any of several.",
        examples=[["aliyev-state-visit-kazakhstan-2025-11"]],
    )
    status: list[AgreementStatus] = repeatable("Status; repeat for any of several.")
    sort: Literal["date", "-date", "title", "-title", "id", "-id"] = Field(
        "date", description="Sort key; `-` for descending. Ties are broken by id."
    )
