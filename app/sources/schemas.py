from typing import Literal

from pydantic import Field, StrictInt

from app.common.filters import (
    FACETS_DESCRIPTION,
    FIELDS_DESCRIPTION,
    ListParams,
    ShapeParams,
    choices,
    repeatable,
)
from app.common.schemas import Citation, Page, Schema
from app.curation.writes import Name, WriteId, WriteModel
from app.models import SourceKind


class SourceRead(Schema):
    """A document facts are taken from."""

    id: str = Field(description="Stable readable id.", examples=["velizade-2025-az-kz-relations"])
    title: str = Field(
        description="The published title; for an untitled source, a description in [square brackets]."
    )
    author: str | None = Field(description="Author, as the source names them.", examples=["Ильгар Велизаде"])
    language: str = Field(description="ISO 639-1 code of the source's language.", examples=["ru"])
    publication_year: int | None = Field(description="Year of publication, when known.", examples=[2025])
    kind: SourceKind = Field(description="Kind of source.", examples=["article"])
    url: str | None = Field(description="Where the source was published, when known.")


class SourcePage(Page[SourceRead]):
    """A page of source records."""


class SourceCitation(Citation):
    """A quote from this source and the record it supports."""

    record_type: Literal[
        "event",
        "agreement",
        "trade_figure",
        "infrastructure_project",
        "country",
        "organization",
        "person",
        "place",
    ] = Field(description="The kind of record the quote supports.")
    record_id: str = Field(description="The id of the record the quote supports.")


class SourceDetail(SourceRead):
    """A source with its full text and every quote taken from it."""

    text: str = Field(description="The full text; citation offsets index into it.")
    citations: list[SourceCitation] = Field(description="Every quote from this source, in text order.")


SourceField = Literal["id", "title", "author", "language", "publication_year", "kind", "url"]
SourceDetailField = Literal[
    "id", "title", "author", "language", "publication_year", "kind", "url", "text", "citations"
]


class SourceDetailParams(ShapeParams):
    fields: list[SourceDetailField] = choices(FIELDS_DESCRIPTION)


class SourceFilters(ListParams):
    language: list[str] = repeatable("ISO 639-1 language code; repeat for any of several.", examples=[["ru"]])
    kind: list[SourceKind] = repeatable("Kind; repeat for any of several.")
    sort: Literal["title", "-title", "id", "-id"] = Field(
        "title", description="Sort key; `-` for descending. Ties are broken by id."
    )
    fields: list[SourceField] = choices(FIELDS_DESCRIPTION)
    facets: list[Literal["language", "kind"]] = choices(FACETS_DESCRIPTION)


class SourceCreate(WriteModel):
    """A new text source, with its full text, so records can cite it."""

    id: WriteId | None = Field(None, description="Readable id; made from the title when not given.")
    title: Name = Field(description="The published title, or a description in [square brackets].")
    author: str | None = Field(None, max_length=300, description="Author, as the source names them.")
    language: str = Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code of its language.")
    publication_year: StrictInt | None = Field(None, ge=1, le=9999, description="Year of publication.")
    kind: Literal["article", "report", "statistics", "official_statement", "other"] = Field(
        description="Kind of source (datasets come in through imports)."
    )
    url: str | None = Field(None, max_length=2000, description="Where it was published.")
    text: str = Field(
        min_length=1,
        max_length=2_000_000,
        description="The full text. It may change later only while every quote cited from it stays "
        "where it is.",
    )
