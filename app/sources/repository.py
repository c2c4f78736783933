from sqlalchemy import Select, inspect, select
from sqlalchemy.orm import Session, defer, selectinload

from app.common.filters import matches_text
from app.common.listing import Listing, column_facet
from app.common.pagination import Sorting
from app.common.rows import RowReader
from app.curation.writes import Fields, Writable, invalid
from app.models import Source
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


def filter_sources(session: Session, filters: SourceFilters) -> Select[Source]:
    statement = select(Source)
    if filters.language:
        statement = statement.where(Source.language.in_(filters.language))
    if filters.kind:
        statement = statement.where(Source.kind.in_(filters.kind))
    if filters.q:
        statement = statement.where(matches_text(Source.search_text, filters.q))
    return statement


def _keep_quotes_in_place(session: Session, source: Source, data: dict[str, object]) -> None:
    """Offsets index the text: a new text must keep every cited quote where it was."""
    if "text" not in data or inspect(source).transient or inspect(source).pending:
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
    fields=Fields(plain=("title", "author", "language", "publication_year", "kind", "url", "text")),
    finish=_keep_quotes_in_place,
    id_field="title",
)
