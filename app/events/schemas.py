from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints
from typing_extensions import TypeAliasType

from app.agreements.schemas import AgreementRead
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
from app.curation.writes import CitationWrite, Name, Text, WriteId, WriteModel
from app.models import EventStatus, EventType, SupportStatus
from app.reference.schemas import CountryRead, OrganizationRead, PersonRead, PlaceRead

EventSort = TypeAliasType("EventSort", Literal["date", "-date", "title", "-title", "id", "-id"])


class ExternalCode(Schema):
    """How an event dataset codes the event, in its own scheme."""

    scheme: str = Field(
        description="The coding scheme: `CAMEO` (GDELT and ICEWS use it).", examples=["CAMEO"]
    )
    code: str = Field(description="The event's code in that scheme.", examples=["042"])
    label: str | None = Field(
        description="What the code means, in the scheme's words.", examples=["Make a visit"]
    )
    intensity: float | None = Field(
        description="How cooperative (up to +10) or hostile (down to −10) the event is on the Goldstein "
        "scale, as the dataset gives it (GDELT's GoldsteinScale, ICEWS's Intensity); null when it gives "
        "none.",
        examples=[1.9],
    )
    url: str | None = Field(
        description="The article the dataset coded the event from (GDELT's SOURCEURL); null when it gives "
        "none."
    )


class ExternalCodeWrite(WriteModel):
    """A dataset's code for the event."""

    scheme: Annotated[str, StringConstraints(min_length=1, max_length=40, strip_whitespace=True)] = Field(
        description="The coding scheme, e.g. `CAMEO`."
    )
    code: Annotated[str, StringConstraints(min_length=1, max_length=40, strip_whitespace=True)] = Field(
        description="The event's code in that scheme."
    )
    label: Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)] | None = (
        Field(None, description="What the code means.")
    )
    intensity: float | None = Field(
        None,
        ge=-10,
        le=10,
        description="Intensity on the Goldstein scale, −10 (hostile) to +10 (cooperative).",
    )
    url: (
        Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=r"^https?://\S+$")] | None
    ) = Field(None, description="The article the code was given from.")


class EventIncluded(Schema):
    """Related records in full, as asked for with `include`."""

    agreements: list[AgreementRead] | None = Field(None, description="Agreements signed at the event.")
    people: list[PersonRead] | None = Field(None, description="People taking part.")
    organizations: list[OrganizationRead] | None = Field(None, description="Organizations involved.")
    countries: list[CountryRead] | None = Field(
        None, description="Countries taking part: any ISO code or name of each, stored as alpha-2."
    )
    location: PlaceRead | None = Field(None, description="Where it took place.")


class EventRead(Schema):
    """Something that happened: a visit, summit or meeting, with who took part and where."""

    id: str = Field(description="Stable readable id.", examples=["aliyev-state-visit-kazakhstan-2025-11"])
    type: EventType = Field(description="Kind of event.", examples=["state_visit"])
    title: str = Field(
        description="Title, in the response language.",
        examples=["State visit of President Ilham Aliyev to Kazakhstan"],
    )
    summary: str | None = Field(description="What happened, in the response language.")
    date_start: date = Field(description="First day the event may have taken place.", examples=["2025-11-01"])
    date_end: date = Field(description="Last day the event may have taken place.", examples=["2025-11-30"])
    date_precision: DatePrecision = Field(
        description="How precisely the source dates the event: `month` means only the month is known "
        "and date_start..date_end spans it.",
        examples=["month"],
    )
    status: EventStatus = Field(
        description="`held`, or `planned` when the source announces it (a visit still to come), or "
        "`cancelled`.",
        examples=["held"],
    )
    location: NamedRef | None = Field(description="Where it took place, when the source says.")
    host_country: NamedRef | None = Field(description="The host country, when known.")
    countries: list[NamedRef] = Field(description="Countries taking part (the host included).")
    people: list[NamedRef] = Field(description="People taking part.")
    organizations: list[NamedRef] = Field(description="Organizations involved (e.g. the summit's).")
    agreements: list[TitledRef] = Field(description="Agreements signed at the event.")
    external_codes: list[ExternalCode] = Field(
        description="How event datasets code it in their own schemes (CAMEO), for events imported from "
        "one; empty otherwise."
    )
    citations: list[Citation] = Field(description="Quotes from the sources supporting this record.")
    support: SupportStatus = Field(description=SUPPORT_DESCRIPTION, examples=["single"])
    source_count: int = Field(description=SOURCE_COUNT_DESCRIPTION, examples=[1])
    contested: list[ContestedValue] = Field(description=CONTESTED_DESCRIPTION)
    included: EventIncluded | None = Field(None, description="Only with `include`: related records in full.")


class EventPage(Page[EventRead]):
    """A page of events."""


EventField = TypeAliasType(
    "EventField",
    Literal[
        "id",
        "type",
        "title",
        "summary",
        "date_start",
        "date_end",
        "date_precision",
        "status",
        "location",
        "host_country",
        "countries",
        "people",
        "organizations",
        "agreements",
        "external_codes",
        "citations",
        "support",
        "source_count",
        "contested",
    ],
)
EventInclude = TypeAliasType(
    "EventInclude", Literal["agreements", "people", "organizations", "countries", "location"]
)
EventFacet = TypeAliasType(
    "EventFacet",
    Literal[
        "type",
        "status",
        "year",
        "month",
        "date_precision",
        "country",
        "host_country",
        "person",
        "organization",
        "place",
    ],
)


class EventDetailParams(ShapeParams):
    as_of: Day | None = as_of_field()
    fields: list[EventField] = choices(FIELDS_DESCRIPTION)
    include: list[EventInclude] = choices(INCLUDE_DESCRIPTION)


class EventFilters(DatedListParams):
    as_of: Day | None = as_of_field()
    support: list[SupportStatus] = repeatable(
        "How the sources stand behind it: `single`, `corroborated` or `contested`; repeat for any "
        "of several.",
        examples=[["single"]],
    )
    country: list[CountryCode] = COUNTRY_FILTER
    type: list[EventType] = repeatable("Event type; repeat for any of several.", examples=[["summit"]])
    status: list[EventStatus] = repeatable(
        "Held, planned or cancelled; repeat for any of several.", examples=[["held"]]
    )
    person: list[Slug] = repeatable(
        "Person id; repeat to require every given person.", examples=[["kassym-jomart-tokayev"]]
    )
    organization: list[Slug] = repeatable(
        "Organization id; repeat to require every given organization.", examples=[["ots"]]
    )
    place: list[Slug] = repeatable("Location (place id); repeat for any of several.", examples=[["gabala"]])
    host_country: list[CountryCode] = repeatable(
        "Host country (ISO alpha-2, alpha-3 or numeric code, or name); repeat for any of several.",
        examples=[["AZ"]],
    )
    sort: EventSort = Field(
        "date",
        description="Sort key; `-` for descending. `date` orders by date_start, `title` by the title in the "
        "response language; ties are broken by id.",
    )
    fields: list[EventField] = choices(FIELDS_DESCRIPTION)
    include: list[EventInclude] = choices(INCLUDE_DESCRIPTION)
    facets: list[EventFacet] = choices(FACETS_DESCRIPTION)


class EventCreate(WriteModel):
    """A new event. Names and titles in both languages; at least one citation."""

    id: WriteId | None = Field(None, description="Readable id; made from title_en when not given.")
    type: EventType = Field(description="Kind of event.")
    title_en: Name = Field(description="Title in English.")
    title_ru: Name = Field(description="Title in Russian.")
    summary_en: Text | None = Field(None, description="What happened, in English.")
    summary_ru: Text | None = Field(None, description="What happened, in Russian.")
    date: Period = Field(
        description="When, as precisely as known: `2025`, `2025-11`, `2025-11-14`, or a span "
        "`2025-11-12/2025-11-14`.",
        examples=["2025-11"],
    )
    status: EventStatus = Field(
        EventStatus.held, description="`held`; `planned` for an announced event still to come; `cancelled`."
    )
    location: Slug | None = Field(None, description="Place id.")
    host_country: CountryCode | None = Field(
        None, description="Host country: any ISO code or name, stored as alpha-2."
    )
    countries: list[CountryCode] = Field(
        default_factory=list,
        description="Countries taking part: any ISO code or name of each, stored as alpha-2.",
    )
    people: list[Slug] = Field(default_factory=list, description="Ids of people taking part.")
    organizations: list[Slug] = Field(default_factory=list, description="Ids of organizations involved.")
    external_codes: list[ExternalCodeWrite] = Field(
        default_factory=list, max_length=1000, description="How event datasets code it (CAMEO …)."
    )
    citations: list[CitationWrite] = Field(min_length=1, description="Quotes supporting the record.")
