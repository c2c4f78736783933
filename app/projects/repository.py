from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.common.filters import involves_all, matches_text, read_as_of, require_known
from app.common.listing import Listing, column_facet, link_facet, support_load
from app.common.pagination import Sorting
from app.common.rows import RowReader
from app.curation.writes import Fields, Writable
from app.models import Country, InfrastructureProject, Place, project_countries, project_places
from app.projects.schemas import (
    InfrastructureProjectCreate,
    InfrastructureProjectFilters,
    InfrastructureProjectRead,
)
from app.reference.repository import COUNTRIES, PLACES
from app.trade.repository import TRADE_FIGURES

Project = InfrastructureProject
PROJECTS = Listing(
    model=Project,
    label="infrastructure project",
    record_type="infrastructure_project",
    reader=RowReader(Project, InfrastructureProjectRead),
    sorting=Sorting({"name_en": Project.name_en, "name_ru": Project.name_ru, "id": Project.id}, Project.id),
    load=(
        selectinload(Project.countries),
        selectinload(Project.places),
        selectinload(Project.trade_figures),
        selectinload(Project.citations),
        *support_load(Project),
    ),
    includes={
        "trade_figures": (selectinload(Project.trade_figures).options(*TRADE_FIGURES.load),),
        "places": (selectinload(Project.places).options(*PLACES.load),),
        "countries": (selectinload(Project.countries).options(*COUNTRIES.load),),
    },
    facets={
        "kind": column_facet("kind"),
        "status": column_facet("status"),
        "country": link_facet(project_countries, "project_id", "country_id", Country),
        "place": link_facet(project_places, "project_id", "place_id", Place),
    },
)


def filter_projects(session: Session, filters: InfrastructureProjectFilters) -> Select[Project]:
    require_known(session, Country.id, filters.country, "country")
    require_known(session, Place.id, filters.place, "place")
    statement = select(Project).where(
        *involves_all(project_countries, "project_id", Project.id, "country_id", filters.country),
        *involves_all(project_places, "project_id", Project.id, "place_id", filters.place),
    )
    if filters.kind:
        statement = statement.where(Project.kind.in_(filters.kind))
    if filters.status:
        statement = statement.where(Project.status.in_(filters.status))
    if filters.q:
        statement = statement.where(matches_text(Project.search_text, filters.q))
    if filters.support:
        statement = statement.where(Project.support.in_(filters.support))
    if filters.as_of is not None:
        statement = read_as_of(statement, "infrastructure_project", Project.id, filters.as_of)
    return statement


WRITABLE = Writable(
    listing=PROJECTS,
    record_type="infrastructure_project",
    create=InfrastructureProjectCreate,
    fields=Fields(
        plain=("name_en", "name_ru", "kind", "status", "summary_en", "summary_ru"),
        many={"countries": Country, "places": Place},
    ),
    id_field="name_en",
)
