from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StrictInt
from typing_extensions import TypeAliasType

from app.common.dates import DatePrecision, PartialDate
from app.common.filters import (
    FACETS_DESCRIPTION,
    FIELDS_DESCRIPTION,
    ListParams,
    ShapeParams,
    choices,
    repeatable,
)
from app.common.schemas import Citation, Page, Schema
from app.curation.writes import WHOLE_NUMBER, Name, WriteId, WriteModel
from app.models import SourceKind

PublicationYear = Annotated[StrictInt, Field(ge=1, le=9999), WHOLE_NUMBER]
# The records a quote can support.
CitedRecordType = TypeAliasType(
    "CitedRecordType",
    Literal[
        "event",
        "agreement",
        "trade_figure",
        "infrastructure_project",
        "country",
        "organization",
        "person",
        "place",
    ],
)
# The kinds of source a text can be: every kind but `dataset`, which only an import makes.
TextSourceKind = TypeAliasType(
    "TextSourceKind",
    Literal[
        "article",
        "wire_report",
        "press_release",
        "interview",
        "report",
        "statistics",
        "official_statement",
        "other",
    ],
)


class SourceRead(Schema):
    """A document facts are taken from."""

    id: str = Field(description="Stable readable id.", examples=["velizade-2025-az-kz-relations"])
    title: str = Field(
        description="The published title; for an untitled source, a description in [square brackets]."
    )
    author: str | None = Field(description="Author, as the source names them.", examples=["Ильгар Велизаде"])
    language: str = Field(description="ISO 639-1 code of the source's language.", examples=["ru"])
    publication_year: int | None = Field(description="Year of publication, when known.", examples=[2025])
    publication_date: date | None = Field(
        description="First day of the publication date as far as it is known (see its precision).",
        examples=["2025-12-01"],
    )
    publication_date_precision: DatePrecision | None = Field(
        description="How much of the publication date is known: `day`, `month` or `year`.", examples=["month"]
    )
    publisher: str | None = Field(description="Who published it: outlet, agency or press service.")
    retrieved_on: date | None = Field(description="When the text was taken from where it was published.")
    kind: SourceKind = Field(description="Kind of source.", examples=["article"])
    url: str | None = Field(description="Where the source was published, when known.")
    extractor_version: str | None = Field(
        description="The extractor that proposed candidates from its text; null if none read it."
    )
    extraction_note: str | None = Field(
        description="Why no candidates were proposed, when the text could not be read (e.g. a language "
        "the extractor does not handle)."
    )
    confidence_min: float | None = Field(
        description="The confidence floor the extractor read it with: facts it was less sure of were not "
        "proposed. Null if no extractor read it.",
        examples=[0.45],
    )
    held_back: int | None = Field(
        description="How many proposals that reading held back under `confidence_min`: facts under it, "
        "and the people, organizations and places only they referred to. Null if no extractor read it.",
        examples=[3],
    )


class SourcePage(Page[SourceRead]):
    """A page of source records."""


class SourceCitation(Citation):
    """A quote from this source and the record it supports."""

    record_type: CitedRecordType = Field(description="The kind of record the quote supports.")
    record_id: str = Field(description="The id of the record the quote supports.")


class SourceDetail(SourceRead):
    """A source with its full text and every quote taken from it."""

    text: str = Field(description="The full text; citation offsets index into it.")
    citations: list[SourceCitation] = Field(description="Every quote from this source, in text order.")


# The fields a list can return; one source's page adds its text and citations.
SourceListFields = Literal[
    "id",
    "title",
    "author",
    "language",
    "publication_year",
    "publication_date",
    "publication_date_precision",
    "publisher",
    "retrieved_on",
    "kind",
    "url",
    "extractor_version",
    "extraction_note",
    "confidence_min",
    "held_back",
]
SourceField = TypeAliasType("SourceField", SourceListFields)
SourceDetailField = TypeAliasType("SourceDetailField", Literal[SourceListFields, "text", "citations"])


SourceSort = TypeAliasType("SourceSort", Literal["title", "-title", "id", "-id"])
SourceFacet = TypeAliasType("SourceFacet", Literal["language", "kind"])


class SourceDetailParams(ShapeParams):
    fields: list[SourceDetailField] = choices(FIELDS_DESCRIPTION)


class SourceFilters(ListParams):
    language: list[str] = repeatable("ISO 639-1 language code; repeat for any of several.", examples=[["ru"]])
    kind: list[SourceKind] = repeatable("Kind; repeat for any of several.")
    sort: SourceSort = Field("title", description="Sort key; `-` for descending. Ties are broken by id.")
    fields: list[SourceField] = choices(FIELDS_DESCRIPTION)
    facets: list[SourceFacet] = choices(FACETS_DESCRIPTION)


class SourceCreate(WriteModel):
    """A new text source, as plain text or as an HTML page, so records can cite it. Adding it proposes
    candidate records from its text (see /v1/candidates)."""

    id: WriteId | None = Field(None, description="Readable id; made from the title when not given.")
    title: Name | None = Field(
        None,
        description="The published title, or a description in [square brackets]. For HTML, taken from "
        "the page when not given; required for plain text.",
    )
    author: str | None = Field(None, max_length=300, description="Author, as the source names them.")
    language: str | None = Field(
        None, pattern=r"^[a-z]{2}$", description="ISO 639-1 code of its language; detected when not given."
    )
    publication_year: PublicationYear | None = Field(None, description="Year of publication.")
    publication_date: PartialDate | None = Field(
        None,
        description="When it was published, as precisely as known: `2025`, `2025-12` or `2025-12-01`. "
        "For HTML, taken from the page's metadata when not given. Relative periods in the text ("
        '"last year") are read against it.',
        examples=["2025-12"],
    )
    publisher: str | None = Field(
        None, max_length=300, description="Who published it; for HTML, the page's site name when not given."
    )
    retrieved_on: date | None = Field(
        None, description="When the text was taken from where it was published."
    )
    kind: TextSourceKind = Field(description="Kind of source (datasets come in through imports).")
    url: str | None = Field(None, max_length=2000, description="Where it was published (never fetched).")
    text: str | None = Field(
        None,
        min_length=1,
        max_length=2_000_000,
        description="The full text (give it or `html`). It may change later only while every quote cited "
        "from it stays where it is.",
    )
    html: str | None = Field(
        None,
        min_length=1,
        max_length=10_000_000,
        description="The page as HTML, instead of `text`: its main text is kept (menus, footers and "
        "other boilerplate stripped), paragraphs apart by blank lines, and quotes index that text.",
    )
    confidence_min: float | None = Field(
        None,
        ge=0,
        le=1,
        description="Propose only the facts the extractor is at least this sure of (its `confidence`); "
        "the others are held back, with the people, organizations and places only they refer to, and "
        "counted in `held_back`. `0` proposes everything. By default the server's floor "
        "(`BILATERAL_EXTRACTION_CONFIDENCE_MIN`). Only when the source is added: reading it again "
        "(/v1/sources/{id}/extract) keeps the floor.",
        examples=[0.45],
    )
