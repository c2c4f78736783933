"""Query parameters every list endpoint shares, and the SQL conditions they turn into.

Filters are typed pydantic models with `extra="forbid"`, so an unknown parameter is a 400 and every
parameter appears, described, in the OpenAPI document.
"""

from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)
from sqlalchemy import Column, ColumnElement, Select, Table, exists, select
from sqlalchemy.orm import InstrumentedAttribute, Session, with_loader_criteria
from typing_extensions import TypeAliasType

from app import datastate
from app.common.countries import ACCEPTED
from app.common.countries import CountryCode as CountryCode  # re-exported for the schemas
from app.common.dates import Day as Day  # re-exported for the schemas
from app.common.dates import PartialDate as PartialDate  # re-exported for the schemas
from app.common.dates import parse_partial_date
from app.common.language import Language
from app.common.pagination import Cursor, cursor_parameter
from app.common.rows import IdQuery
from app.common.text import like_pattern
from app.errors import InvalidParameter, param_error
from app.models import CITED_RECORD_COLUMNS, Citation, ContestedValue, Source

MAX_REPEATS = 10

# A country as the API answers it.
Alpha2 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=120)]


def repeatable(description: str, **kwargs: Any) -> Any:
    return Field(default_factory=list, max_length=MAX_REPEATS, description=description, **kwargs)


COUNTRY_FILTER = repeatable(
    f"A country: {ACCEPTED}. Repeat to require every given country "
    "(`country=AZ&country=KAZ`: records that involve both).",
    examples=[["AZ", "KZ"]],
)


def _split_commas(value: Any) -> Any:
    """`fields=id,title` and `fields=id&fields=title` mean the same."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        # Empty parts stay, so `fields=` or `fields=id,` is refused rather than silently ignored.
        return [part.strip() for item in value for part in str(item).split(",")]
    return value


def choices(description: str) -> Any:
    """A repeatable, comma-separable parameter whose values come from a closed list."""
    return Field(default_factory=list, max_length=50, description=description)


ExportFormat = TypeAliasType("ExportFormat", Literal["json", "csv", "ndjson"])
DateMatch = TypeAliasType("DateMatch", Literal["overlaps", "within"])


class ShapeParams(BaseModel):
    """How a response is shaped: language, and (declared per resource) `fields` and `include`."""

    model_config = ConfigDict(extra="forbid")

    lang: Language | None = Field(
        None,
        description="Language of names, titles and summaries (`en` or `ru`). Without it the "
        "`Accept-Language` header decides, else English; the response's `Content-Language` says "
        "which was used. Quotes always stay in their source's language.",
    )

    @field_validator("fields", "include", "facets", mode="before", check_fields=False)
    @classmethod
    def _comma_lists(cls, value: Any) -> Any:
        return _split_commas(value)


FIELDS_DESCRIPTION = (
    "Only these fields of each record (comma-separated or repeated), e.g. `fields=id,title`. "
    "`included` is kept whenever `include` is given."
)
INCLUDE_DESCRIPTION = "Embed these related records in full under `included` (comma-separated or repeated)."
FACETS_DESCRIPTION = (
    "Count the filtered records per value of these fields (comma-separated or repeated); answered "
    "under `facets`, at most 100 values each, most frequent first. Dates bucket by `year` or `month` "
    "(a record dated only to a year counts under `YYYY` in the month facet)."
)


class ListParams(ShapeParams):
    """Paging, free-text search, totals and export format, on every list endpoint."""

    limit: int = Field(50, ge=1, le=500, description="Page size (1–500).")
    cursor: Cursor | None = cursor_parameter()
    q: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="Case-insensitive substring match over titles and names, in English and "
        "Russian (ё and е match each other).",
        examples=["Казахстан"],
    )
    count: bool = Field(
        False, description="`true` adds `total`, the number of records matching the filters (costs a count)."
    )
    format: ExportFormat | None = Field(
        None,
        description="`csv` or `ndjson` streams every record matching the filters (from `cursor` on, "
        "ignoring `limit`) instead of one page; the `Accept` header (`text/csv`, "
        "`application/x-ndjson`) does the same. Default: JSON pages.",
    )


class DatedListParams(ListParams):
    """Adds the date window to resources that happen at a time."""

    date_from: PartialDate | None = Field(
        None,
        description="Start of the date window: YYYY, YYYY-MM or YYYY-MM-DD (a year or month "
        "means its first day).",
        examples=["2025-11"],
    )
    date_to: PartialDate | None = Field(
        None,
        description="End of the date window: YYYY, YYYY-MM or YYYY-MM-DD (a year or month "
        "means its last day).",
        examples=["2025-11"],
    )
    date_match: DateMatch = Field(
        "overlaps",
        description="`overlaps` (default): a record matches when its date interval overlaps the "
        "window, so a record dated only '2025' matches a window of November 2025. `within`: "
        "its whole interval must lie inside the window, so only records known to fall in it match.",
    )

    @field_validator("date_from", "date_to")
    @classmethod
    def _calendar_date(cls, value: str | None) -> str | None:
        if value is not None:
            parse_partial_date(value)  # raises ValueError with a readable message
        return value

    def date_window(self) -> tuple[date | None, date | None]:
        """The window as dates; a date_from after date_to is a 422."""
        return date_window(self.date_from, self.date_to)


def date_window(date_from: str | None, date_to: str | None) -> tuple[date | None, date | None]:
    """The window from `date_from` to `date_to` (partial dates, already checked) as days; one that
    ends before it starts is a 422 naming `date_from` and `date_to`."""
    start = parse_partial_date(date_from)[0] if date_from else None
    end = parse_partial_date(date_to)[1] if date_to else None
    if start and end and start > end:
        detail = f"date_from ({date_from}) is after date_to ({date_to})"
        raise InvalidParameter(detail, [param_error("date_from", detail), param_error("date_to", detail)])
    return start, end


def in_window(
    start_column: InstrumentedAttribute[date] | Column[date],
    end_column: InstrumentedAttribute[date] | Column[date],
    window: tuple[Any, Any],
    match: str,
) -> list[ColumnElement[bool]]:
    """The conditions of a date window (its bounds days, or parameters that will hold them; None
    for an open end)."""
    start, end = window
    conditions: list[ColumnElement[bool]] = []
    if match == "within":
        if start is not None:
            conditions.append(start_column >= start)
        if end is not None:
            conditions.append(end_column <= end)
    else:
        if start is not None:
            conditions.append(end_column >= start)
        if end is not None:
            conditions.append(start_column <= end)
    return conditions


def involves_all(
    link: Table,
    record_column: str,
    record_id: InstrumentedAttribute[str],
    column: str,
    values: Sequence[Any],
    link_conditions: Sequence[ColumnElement[bool]] = (),
) -> list[ColumnElement[bool]]:
    """One `id IN (linked ids)` per value: the record is linked to every one of them.

    IN rather than a correlated EXISTS: SQLite then reads the few records linked to the value by
    index, instead of testing every record of the date range or sort order one by one.
    `link_conditions` narrow the linked ids by the link table's own columns (an event's dates)."""
    return [
        record_id.in_(select(link.c[record_column]).where(link.c[column] == value, *link_conditions))
        for value in values
    ]


def matches_text(search_text: InstrumentedAttribute[str], q: str) -> ColumnElement[bool]:
    return matches_pattern(search_text, like_pattern(q))


def matches_pattern(search_text: InstrumentedAttribute[str], pattern: Any) -> ColumnElement[bool]:
    """`matches_text` for a `like_pattern` (or a parameter that will hold one)."""
    return search_text.like(pattern, escape="\\")


def require_known(
    session: Session, id_column: InstrumentedAttribute[str], values: list[str], param: str
) -> None:
    """Filtering by an id that names nothing is a mistake worth telling, not an empty page."""
    wanted = set(values)
    if not wanted:
        return
    key = (id_column.class_.__name__, id_column.key)
    version = datastate.current(session)
    seen_at, known = _KNOWN.get(key, (None, frozenset()))
    if seen_at != version:
        known = frozenset()
    unseen = wanted - known
    if not unseen:
        return
    found = {row[0] for row in _known_ids(id_column).rows(session.connection(), list(unseen))}
    if len(known) < MAX_KNOWN:
        datastate.keep_at_version(session, lambda: _KNOWN.__setitem__(key, (version, known | found)))
    missing = sorted(unseen - found)
    if missing:
        raise InvalidParameter.for_param(param, f"unknown {param}: {', '.join(missing)}")


# Per id column: the ids seen to exist, at one data version (any change may have deleted one). Most
# filtered lists name a country or two that earlier requests named too.
_KNOWN: dict[tuple[str, str], tuple[datastate.Version, frozenset[str]]] = {}
MAX_KNOWN = 10_000
_KNOWN_IDS: dict[tuple[str, str], IdQuery] = {}


def _known_ids(id_column: InstrumentedAttribute[str]) -> IdQuery:
    """The ids among those asked for, a query built once per column: building and keying a statement
    anew cost more than running it (a third of a cold page filtered by country, on SQLite)."""
    key = (id_column.class_.__name__, id_column.key)
    query = _KNOWN_IDS.get(key)
    if query is None:
        query = _KNOWN_IDS[key] = IdQuery(id_column, lambda condition: select(id_column).where(condition))
    return query


AS_OF_DESCRIPTION = (
    "Only what sources published on or before this day (YYYY-MM-DD) support: records with at least one "
    "citation from such a source, each read as of that day (its citations, contested values, `support` "
    "and `source_count` from those sources alone). A source counts from the last day its publication "
    "date allows (a source dated only `2025` counts from 2025-12-31); one with no publication date never "
    "does."
)


def as_of_field() -> Any:
    return Field(None, description=AS_OF_DESCRIPTION, examples=["2025-12-31"])


def published_by(record_type: str, record_id: Any, as_of: date | ColumnElement[Any]) -> ColumnElement[bool]:
    """The record has a citation from a source published on or before `as_of` (a day, or a bound
    parameter that will hold one)."""
    cited = getattr(Citation, CITED_RECORD_COLUMNS[record_type])
    return exists().where(cited == record_id, Citation.source_id == Source.id, Source.published_by <= as_of)


def read_as_of(statement: Select[Any], record_type: str, record_id: Any, as_of: date) -> Select[Any]:
    """`statement` as of a day: only the records a source published by then supports, each read with
    only those sources' citations and contested values, so that its `support` and `source_count`
    (counted by the model's SQL over the same tables) are the day's too. The criteria reach every
    ORM query the statement makes: its subqueries, its count and facets, the relations it loads."""
    return statement.where(published_by(record_type, record_id, as_of)).options(*as_of_criteria(as_of))


def sources_published_by(as_of: date | ColumnElement[Any]) -> Select[str]:
    """The ids of the sources published on or before `as_of` (a day, or a bound parameter)."""
    return select(Source.id).where(Source.published_by <= as_of)


def as_of_criteria(as_of: date) -> tuple[Any, ...]:
    """Loader criteria that keep only what sources published on or before `as_of` said."""
    published = sources_published_by(as_of)
    return (
        with_loader_criteria(Citation, Citation.source_id.in_(published)),
        with_loader_criteria(ContestedValue, ContestedValue.source_id.in_(published)),
    )
