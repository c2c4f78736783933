from sqlalchemy import Select, and_, exists, select
from sqlalchemy.orm import Session, selectinload

from app.agreements.schemas import AgreementCreate, AgreementFilters, AgreementRead
from app.common.filters import read_as_of, require_known
from app.common.listing import Listing, column_facet, link_facet, month_facet, support_load, year_facet
from app.common.pagination import Sorting
from app.common.rows import RowReader
from app.common.statements import ShapedStatements, named
from app.curation.writes import Fields, Writable, one
from app.models import Agreement, AgreementSector, Country, Event, agreement_countries
from app.reference.repository import COUNTRIES

AGREEMENTS = Listing(
    model=Agreement,
    label="agreement",
    record_type="agreement",
    reader=RowReader(Agreement, AgreementRead, scalar_lists={"sectors": ("sector_rows", "sector")}),
    sorting=Sorting(
        {
            "date": Agreement.date_start,
            "title_en": Agreement.title_en,
            "title_ru": Agreement.title_ru,
            "id": Agreement.id,
        },
        Agreement.id,
    ),
    load=(
        selectinload(Agreement.event),
        selectinload(Agreement.sector_rows),
        selectinload(Agreement.countries),
        selectinload(Agreement.citations),
        *support_load(Agreement),
    ),
    includes={"countries": (selectinload(Agreement.countries).options(*COUNTRIES.load),)},
    facets={
        "sector": link_facet(AgreementSector.__table__, "agreement_id", "sector"),  # type: ignore[arg-type]
        "status": column_facet("status"),
        "year": year_facet("date_start"),
        "month": month_facet("date_start", "date_precision"),
        "country": link_facet(agreement_countries, "agreement_id", "country_id", Country),
        "event": column_facet("event_id"),
    },
)


# The filter statements, one per shape (app/common/statements.py).
_FILTERED = ShapedStatements(lambda: select(Agreement))


def filter_agreements(session: Session, filters: AgreementFilters) -> Select[Agreement]:
    require_known(session, Country.id, filters.country, "country")
    require_known(session, Event.id, filters.event, "event")
    shaped = _FILTERED.shaped()
    shaped.within(Agreement.date_start, Agreement.date_end, filters.date_window(), filters.date_match)
    shaped.linked_to_all(
        "country", agreement_countries, "agreement_id", Agreement.id, "country_id", filters.country
    )
    if filters.sector:
        names = [f"sector_{at}" for at in range(len(filters.sector))]

        def in_every_sector(statement: Select[Agreement]) -> Select[Agreement]:
            return statement.where(
                *(
                    exists().where(
                        and_(
                            AgreementSector.agreement_id == Agreement.id,
                            AgreementSector.sector == named(name),
                        )
                    )
                    for name in names
                )
            )

        shaped.add(("sector", len(names)), in_every_sector, **dict(zip(names, filters.sector, strict=True)))
    shaped.matching(Agreement.search_text, filters.q)
    shaped.any_of("event", Agreement.event_id, filters.event)
    shaped.any_of("status", Agreement.status, filters.status)
    shaped.any_of("support", Agreement.support, filters.support)
    statement = shaped.statement()
    if filters.as_of is not None:
        statement = read_as_of(statement, "agreement", Agreement.id, filters.as_of)
    return statement


def _agreement_fields(session: Session, agreement: Agreement, data: dict[str, object]) -> None:
    if "event" in data:
        agreement.event = one(session, Event, data["event"], "event")  # type: ignore[arg-type]
    if "sectors" in data:
        kept = {row.sector: row for row in agreement.sector_rows}  # keep rows that stay: same keys
        sectors = dict.fromkeys(data["sectors"])  # type: ignore[call-overload]
        agreement.sector_rows = [kept.get(sector) or AgreementSector(sector=sector) for sector in sectors]


WRITABLE = Writable(
    listing=AGREEMENTS,
    record_type="agreement",
    create=AgreementCreate,
    fields=Fields(
        plain=("title_en", "title_ru", "summary_en", "summary_ru", "status", "document_count"),
        date=True,
        many={"countries": Country},
    ),
    finish=_agreement_fields,
)
