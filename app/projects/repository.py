from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.common.filters import involves_all, matches_text, require_known
from app.common.pagination import Sorting, paginate
from app.errors import NotFound
from app.models import Country, InfrastructureProject, Place, project_countries, project_places
from app.projects.schemas import InfrastructureProjectFilters

Project = InfrastructureProject
SORTING = Sorting({"name": Project.name_en, "id": Project.id}, Project.id)
_WITH_RELATIONS = (
    selectinload(Project.countries),
    selectinload(Project.places),
    selectinload(Project.trade_figures),
    selectinload(Project.citations),
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
    return statement


def list_projects(
    session: Session, filters: InfrastructureProjectFilters
) -> tuple[list[Project], str | None]:
    statement = filter_projects(session, filters).options(*_WITH_RELATIONS)
    return paginate(session, statement, SORTING, filters.sort, filters.limit, filters.cursor)


def get_project(session: Session, project_id: str) -> Project:
    project = session.scalar(select(Project).where(Project.id == project_id).options(*_WITH_RELATIONS))
    if project is None:
        raise NotFound(f"No infrastructure project has id {project_id!r}.")
    return project
