from sqlalchemy import Select, select
from sqlalchemy.orm import Session, defer, selectinload

from app.common.filters import matches_text
from app.common.listing import Listing, column_facet
from app.common.pagination import Sorting
from app.models import Source
from app.sources.schemas import SourceFilters

_SORTING = Sorting({"title": Source.title, "id": Source.id}, Source.id)
SOURCES = Listing(
    model=Source,
    label="source",
    sorting=_SORTING,
    load=(defer(Source.text, raiseload=True),),  # lists leave out the full text
    facets={"language": column_facet("language"), "kind": column_facet("kind")},
)
# One source in full: its text and every quote taken from it.
SOURCE_DETAIL = Listing(
    model=Source, label="source", sorting=_SORTING, load=(selectinload(Source.citations),)
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
