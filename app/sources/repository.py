from sqlalchemy import select
from sqlalchemy.orm import Session

from app.common.filters import matches_text
from app.common.pagination import Sorting, paginate
from app.errors import NotFound
from app.models import Citation, Source
from app.sources.schemas import SourceFilters

SORTING = Sorting({"title": Source.title, "id": Source.id}, Source.id)


def list_sources(session: Session, filters: SourceFilters) -> tuple[list[Source], str | None]:
    statement = select(Source)
    if filters.language:
        statement = statement.where(Source.language.in_(filters.language))
    if filters.kind:
        statement = statement.where(Source.kind.in_(filters.kind))
    if filters.q:
        statement = statement.where(matches_text(Source.search_text, filters.q))
    return paginate(session, statement, SORTING, filters.sort, filters.limit, filters.cursor)


def get_source(session: Session, source_id: str) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"No source has id {source_id!r}.")
    return source


def list_source_citations(session: Session, source_id: str) -> list[Citation]:
    statement = (
        select(Citation)
        .where(Citation.source_id == source_id)
        .order_by(Citation.char_start, Citation.char_end, Citation.id)
    )
    return list(session.scalars(statement))
