from datetime import date
from typing import Literal

from pydantic import Field

from app.common.dates import DatePrecision
from app.common.filters import COUNTRY_FILTER, CountryCode, DatedListParams, Slug, repeatable
from app.common.schemas import Citation, NamedRef, Page, Schema, TitledRef
from app.models import EventType


class EventRead(Schema):
    """Something that happened: a visit, summit or meeting, with who took part and where."""

    id: str = Field(description="Stable readable id.", examples=["aliyev-state-visit-kazakhstan-2025-11"])
    type: EventType = Field(description="Kind of event.", examples=["state_visit"])
    title_en: str = Field(description="Title in English.")
    title_ru: str = Field(description="Title in Russian (the source language).")
    summary_en: str | None = Field(description="What happened, in English.")
    summary_ru: str | None = Field(description="What happened, in Russian.")
    date_start: date = Field(description="First day the event may have taken place.", examples=["2025-11-01"])
    date_end: date = Field(description="Last day the event may have taken place.", examples=["2025-11-30"])
    date_precision: DatePrecision = Field(
        description="How precisely the source dates the event: `month` means only the month is known "
        "and date_start..date_end spans it.",
        examples=["month"],
    )
    location: NamedRef | None = Field(description="Where it took place, when the source says.")
    host_country: NamedRef | None = Field(description="The host country, when known.")
    countries: list[NamedRef] = Field(description="Countries taking part (the host included).")
    people: list[NamedRef] = Field(description="People taking part.")
    organizations: list[NamedRef] = Field(description="Organizations involved (e.g. the summit's).")
    agreements: list[TitledRef] = Field(description="Agreements signed at the event.")
    citations: list[Citation] = Field(description="Quotes from the sources supporting this record.")


class EventPage(Page[EventRead]):
    """A page of event records."""


class EventFilters(DatedListParams):
    country: list[CountryCode] = COUNTRY_FILTER
    type: list[EventType] = repeatable("Event type; repeat for any of several.", examples=[["summit"]])
    person: list[Slug] = repeatable(
        "Person id; repeat to require every given person.", examples=[["kassym-jomart-tokayev"]]
    )
    organization: list[Slug] = repeatable(
        "Organization id; repeat to require every given organization.", examples=[["ots"]]
    )
    place: list[Slug] = repeatable("Location (place id); repeat for any of several.", examples=[["gabala"]])
    host_country: list[CountryCode] = repeatable(
        "Host country (alpha-2); repeat for any of several.", examples=[["AZ"]]
    )
    sort: Literal["date", "-date", "title", "-title", "id", "-id"] = Field(
        "date",
        description="Sort key; `-` for descending. `date` orders by date_start, `title` by title_en; "
        "ties are broken by id.",
    )
