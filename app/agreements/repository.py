from sqlalchemy import Select, and_, exists, select
from sqlalchemy.orm import Session, selectinload

from app.agreements.schemas import AgreementFilters
from app.common.filters import in_window, involves_all, matches_text, require_known
from app.common.pagination import Sorting, paginate
from app.errors import NotFound
from app.models import Agreement, AgreementSector, Country, Event, agreement_countries

SORTING = Sorting(
    {"date": Agreement.date_start, "title": Agreement.title_en, "id": Agreement.id}, Agreement.id
)
_WITH_RELATIONS = (
    selectinload(Agreement.event),
    selectinload(Agreement.sector_rows),
    selectinload(Agreement.countries),
    selectinload(Agreement.citations),
)


def filter_agreements(session: Session, filters: AgreementFilters) -> Select[Agreement]:
    require_known(session, Country.id, filters.country, "country")
    require_known(session, Event.id, filters.event, "event")
    statement = select(Agreement).where(
        *in_window(Agreement.date_start, Agreement.date_end, filters.date_window(), filters.date_match),
        *involves_all(agreement_countries, "agreement_id", Agreement.id, "country_id", filters.country),
        *(
            exists().where(
                and_(AgreementSector.agreement_id == Agreement.id, AgreementSector.sector == sector)
            )
            for sector in filters.sector
        ),
    )
    if filters.q:
        statement = statement.where(matches_text(Agreement.search_text, filters.q))
    if filters.event:
        statement = statement.where(Agreement.event_id.in_(filters.event))
    if filters.status:
        statement = statement.where(Agreement.status.in_(filters.status))
    return statement


def list_agreements(session: Session, filters: AgreementFilters) -> tuple[list[Agreement], str | None]:
    statement = filter_agreements(session, filters).options(*_WITH_RELATIONS)
    return paginate(session, statement, SORTING, filters.sort, filters.limit, filters.cursor)


def get_agreement(session: Session, agreement_id: str) -> Agreement:
    agreement = session.scalar(
        select(Agreement).where(Agreement.id == agreement_id).options(*_WITH_RELATIONS)
    )
    if agreement is None:
        raise NotFound(f"No agreement has id {agreement_id!r}.")
    return agreement
