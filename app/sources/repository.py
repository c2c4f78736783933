from datetime import date
from typing import Any

from sqlalchemy import Select, inspect, select
from sqlalchemy.orm import Session, defer, selectinload

from app.candidates.repository import propose
from app.common.dates import DatePrecision, month_end, parse_partial_date
from app.common.listing import Listing, column_facet
from app.common.pagination import Sorting
from app.common.rows import RowReader
from app.common.statements import ShapedStatements
from app.curation.writes import Fields, Writable, invalid
from app.models import Source
from app.sources.documents import NoText, detect_language, page_text
from app.sources.schemas import SourceCreate, SourceFilters, SourceRead

_SORTING = Sorting({"title": Source.title, "id": Source.id}, Source.id)
SOURCES = Listing(
    model=Source,
    label="source",
    sorting=_SORTING,
    reader=RowReader(Source, SourceRead),
    load=(defer(Source.text, raiseload=True),),  # lists leave out the full text
    facets={"language": column_facet("language"), "kind": column_facet("kind")},
)
# One source in full: its text and every quote taken from it.
SOURCE_DETAIL = Listing(
    model=Source,
    label="source",
    record_type="source",
    sorting=_SORTING,
    load=(selectinload(Source.citations),),
)


# The filter statements, one per shape (app/common/statements.py).
_FILTERED = ShapedStatements(lambda: select(Source))


def filter_sources(session: Session, filters: SourceFilters) -> Select[Source]:
    shaped = _FILTERED.shaped()
    shaped.any_of("language", Source.language, filters.language)
    shaped.any_of("kind", Source.kind, filters.kind)
    shaped.matching(Source.search_text, filters.q)
    return shaped.statement()


def _source_rules(session: Session, source: Source, data: dict[str, Any]) -> None:
    """The text from `text` or `html`, metadata from the page where the writer gave none, the
    language detected when not given, and every cited quote kept where it is."""
    new = inspect(source).transient or inspect(source).pending
    if data.get("html") is not None and data.get("text") is not None:
        raise invalid("html", "give the text or the HTML page, not both")
    if "publication_date" in data:
        _set_publication_date(source, data["publication_date"], data)
    if data.get("html") is not None:
        _take_page(source, data)
    elif "text" in data and data["text"] is None:
        raise invalid("text", "give the text, or the HTML page as `html`")
    if source.title is None:
        raise invalid("title", "a title is required (a description in [square brackets] if it has none)")
    source.published_by = _published_by(source)
    if source.language is None:
        try:
            source.language = detect_language(source.text)
        except NoText as exc:
            raise invalid("text", str(exc)) from None
    if not new:
        _keep_quotes_in_place(source, data)


def _take_page(source: Source, data: dict[str, Any]) -> None:
    try:
        page = page_text(data["html"])
    except NoText as exc:
        raise invalid("html", str(exc)) from None
    source.text = page.text
    # What the writer says, or the record holds, wins over what the page's metadata says.
    if source.title is None and page.title:
        source.title = page.title[:1000]
    if source.author is None and page.author:
        source.author = page.author[:300]
    if source.publisher is None and page.publisher:
        source.publisher = page.publisher[:300]
    if source.publication_date is None and page.published:
        source.publication_date = page.published
        source.publication_date_precision = DatePrecision.day
        source.publication_year = source.publication_year or page.published.year


def _published_by(source: Source) -> date | None:
    """The last day the publication date allows."""
    if source.publication_date is not None and source.publication_date_precision is not None:
        start = source.publication_date
        if source.publication_date_precision is DatePrecision.day:
            return start
        if source.publication_date_precision is DatePrecision.month:
            return month_end(start.year, start.month)
        if source.publication_date_precision is DatePrecision.quarter:
            return month_end(start.year, start.month + 2)
        return date(start.year, 12, 31)
    if source.publication_year is not None:
        return date(source.publication_year, 12, 31)
    return None


def _set_publication_date(source: Source, value: str | None, data: dict[str, Any]) -> None:
    if value is None:
        source.publication_date = source.publication_date_precision = None
        return
    try:
        start, _end, precision = parse_partial_date(value)
    except ValueError as exc:
        raise invalid("publication_date", str(exc)) from None
    year = data.get("publication_year")
    if year is not None and year != start.year:
        raise invalid("publication_year", f"{year} is not the year of publication_date {value}")
    source.publication_date, source.publication_date_precision = start, precision
    source.publication_year = start.year


def _keep_quotes_in_place(source: Source, data: dict[str, Any]) -> None:
    """Offsets index the text: a new text must keep every cited quote where it was."""
    if "text" not in data and "html" not in data:
        return
    moved = [
        citation
        for citation in source.citations
        if citation.char_start is not None
        and source.text[citation.char_start : citation.char_end] != citation.quote
    ]
    if moved:
        raise invalid("text", f"{len(moved)} cited quote(s) would no longer be at their offsets")


WRITABLE = Writable(
    listing=SOURCE_DETAIL,
    record_type="source",
    create=SourceCreate,
    fields=Fields(
        plain=(
            "title",
            "author",
            "language",
            "publication_year",
            "publisher",
            "retrieved_on",
            "kind",
            "url",
            "text",
            "confidence_min",
        )
    ),
    finish=_source_rules,
    on_create=propose,
    create_only=("confidence_min",),
    id_field="title",
)
