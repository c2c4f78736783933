from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.common.filters import read_as_of, require_known
from app.common.listing import Listing, column_facet, link_facet, support_load
from app.common.pagination import Sorting
from app.common.rows import RowReader
from app.common.statements import ShapedStatements
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


# The filter statements, one per shape (app/common/statements.py).
_FILTERED = ShapedStatements(lambda: select(Project))


def filter_projects(session: Session, filters: InfrastructureProjectFilters) -> Select[Project]:
    require_known(session, Country.id, filters.country, "country")
    require_known(session, Place.id, filters.place, "place")
    shaped = _FILTERED.shaped()
    shaped.linked_to_all(
        "country", project_countries, "project_id", Project.id, "country_id", filters.country
    )
    shaped.linked_to_all("place", project_places, "project_id", Project.id, "place_id", filters.place)
    shaped.any_of("kind", Project.kind, filters.kind)
    shaped.any_of("status", Project.status, filters.status)
    shaped.matching(Project.search_text, filters.q)
    shaped.any_of("support", Project.support, filters.support)
    statement = shaped.statement()
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
