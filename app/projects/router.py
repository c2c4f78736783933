from typing import Annotated

from fastapi import Request, Response

from app.common.api import RecordId, detail_response, detail_responses, list_response, list_responses
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.curation.routes import WriteNames, add_write_routes
from app.projects import repository
from app.projects.schemas import (
    InfrastructureProjectDetailParams,
    InfrastructureProjectFilters,
    InfrastructureProjectPage,
    InfrastructureProjectRead,
)
from app.request_session import SessionDep, SessionOnDemandDep

router = ResourceRouter(prefix="/v1/infrastructure-projects", tags=["infrastructure-projects"])


@router.get(
    "",
    name="listInfrastructureProjects",
    summary="List infrastructure projects",
    responses=list_responses(InfrastructureProjectPage),
)
def list_projects(
    request: Request,
    session: SessionDep,
    filters: Annotated[InfrastructureProjectFilters, from_query(InfrastructureProjectFilters)],
) -> Response:
    """Ports, corridors, pipelines and systems, filtered by kind, status, countries and places."""
    return list_response(
        request, session, repository.PROJECTS, repository.filter_projects, filters, InfrastructureProjectRead
    )


@router.get(
    "/{record_id}",
    name="getInfrastructureProject",
    summary="Get one infrastructure project",
    responses=detail_responses(InfrastructureProjectRead),
)
async def get_project(
    request: Request,
    session: SessionOnDemandDep,
    record_id: RecordId,
    params: Annotated[InfrastructureProjectDetailParams, from_query(InfrastructureProjectDetailParams)],
) -> Response:
    """One infrastructure project with its countries, places, related figures and quotes."""
    return await detail_response(
        request, session, repository.PROJECTS, record_id, params, InfrastructureProjectRead
    )


add_write_routes(
    router,
    repository.WRITABLE,
    InfrastructureProjectRead,
    WriteNames(
        "createInfrastructureProject",
        "updateInfrastructureProject",
        "deleteInfrastructureProject",
        "listInfrastructureProjectRevisions",
    ),
)
