"""Wire shapes shared by every resource: the list envelope, references, citations, problems."""

from typing import Annotated, Any, Generic, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    model_validator,
)
from typing_extensions import TypeAliasType

T = TypeVar("T")


class Schema(BaseModel):
    """Read from ORM objects; a field `title` is read from `title_en` or `title_ru`, by language.

    The language comes from the validation context (`{"lang": "ru"}`) and reaches nested schemas too.
    """

    model_config = ConfigDict(from_attributes=True)

    @model_validator(mode="wrap")
    @classmethod
    def _localize(cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        if isinstance(value, dict | BaseModel):
            return handler(value)
        lang = (info.context or {}).get("lang", "en")
        data = {}
        for name in cls.model_fields:
            localized = f"{name}_{lang}"
            if hasattr(value, localized):
                data[name] = getattr(value, localized)
            elif hasattr(value, name):  # fields the object lacks (`included`) keep their default
                data[name] = getattr(value, name)
        return handler(data)


class FacetValue(BaseModel):
    """How many of the filtered records have one value of a faceted field."""

    value: str | None = Field(description="The value, as it would be passed to the filter of that name.")
    label: str | None = Field(None, description="A readable name for the value, in the response language.")
    count: int = Field(description="Number of filtered records with this value.")


# Counts per value of each faceted field: one named schema, not one per page type.
Facets = TypeAliasType(
    "Facets",
    Annotated[
        dict[str, list[FacetValue]],
        Field(
            description="For each field named in `facets`, its values with their counts, most frequent first."
        ),
    ],
)


class Page(Schema, Generic[T]):
    """The one list envelope: a page of items and the cursor of the next page.

    Each resource subclasses it by name (`class EventPage(Page[EventRead])`) so the OpenAPI
    document gets readable component names.
    """

    items: list[T] = Field(description="The records on this page, in the requested order.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page. The same URL "
        'is in the `Link: <…>; rel="next"` header.',
    )
    total: int | None = Field(
        None, description="Number of records matching the filters; only with `count=true`."
    )
    facets: Facets | None = Field(
        None,
        description="Counts per value of each field named in `facets`, over all records matching the "
        "filters (not just this page); only with `facets=`.",
    )


class NamedRef(Schema):
    """A related record, by id and name."""

    id: str = Field(description="The related record's id.")
    name: str = Field(description="Its name, in the response language.")


class TitledRef(Schema):
    """A related event or agreement, by id and title."""

    id: str = Field(description="The related record's id.")
    title: str = Field(description="Its title, in the response language.")


class Citation(Schema):
    """A verbatim quote from a source that supports the record it is attached to."""

    source_id: str = Field(description="The cited source's id.", examples=["velizade-2025-az-kz-relations"])
    quote: str = Field(
        description="Exact substring of the source text, in the source's language.",
        examples=["государственный визит президента Азербайджана Ильхама Алиева в Казахстан"],
    )
    paragraph: int | None = Field(
        description="1-based paragraph number in the source text; null for a dataset row.", ge=1
    )
    char_start: int | None = Field(
        description="Offset of the quote's first character in the source text (Unicode code "
        "points, 0-based); null for a dataset row.",
        ge=0,
    )
    char_end: int | None = Field(
        description="Offset just past the quote's last character: text[char_start:char_end] == quote; "
        "null for a dataset row."
    )
    line: int | None = Field(
        description="For a source that is an imported dataset file: the 1-based line the quoted row "
        "is on (the quote is that row, verbatim). Null for text sources."
    )


class ProblemParameter(BaseModel):
    """One offending parameter, header or body field of a request."""

    name: str = Field(description="The parameter's name (empty when the error spans several).")
    in_: str = Field(alias="in", description="Where the parameter was: query, path or body.")
    detail: str = Field(description="What is wrong with its value.")


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (media type `application/problem+json`)."""

    type: str = Field(
        description="URI reference naming the kind of problem.",
        examples=["/problems/invalid-parameter"],
    )
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request, for a person to read.")
    instance: str | None = Field(None, description="The request path the problem occurred at.")
    errors: list[ProblemParameter] | None = Field(None, description="For 400/422: each offending parameter.")


class ContestedValue(Schema):
    """A value another source gives for one field of the record, incompatible with the record's own
    within their bounds and precision (the record keeps its own; this is the alternative)."""

    field: str = Field(description="The field, as the create body names it.", examples=["date"])
    value: str = Field(
        description="The other source's value for it, as JSON text of the create body's field.",
        examples=['"2025-10-20/2025-10-21"'],
    )
    source_id: str = Field(description="The source that gives it.")
    quote: str = Field(description="Where it says so, verbatim.")
    paragraph: int = Field(description="1-based paragraph of the quote.")
    char_start: int = Field(description="Offset of the quote's first character in the source text.")
    char_end: int = Field(description="Offset just past the quote's last character.")


SUPPORT_DESCRIPTION = (
    "`single`: one source states it; `corroborated`: several do, none otherwise; `contested`: another "
    "source gives an incompatible value for one of its fields (see `contested`)."
)
SOURCE_COUNT_DESCRIPTION = "How many distinct sources cite it (sources that reprint one another count apart)."
CONTESTED_DESCRIPTION = "Other sources' incompatible values for its fields, with their quotes."
