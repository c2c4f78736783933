from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.common.api import detail_response, detail_responses, list_response, list_responses
from app.db import SessionDep
from app.projects import repository
from app.projects.schemas import (
    InfrastructureProjectDetailParams,
    InfrastructureProjectFilters,
    InfrastructureProjectPage,
    InfrastructureProjectRead,
)

router = APIRouter(prefix="/v1/infrastructure-projects", tags=["infrastructure-projects"])


@router.get(
    "",
    name="listInfrastructureProjects",
    summary="List infrastructure projects",
    responses=list_responses(InfrastructureProjectPage),
)
def list_projects(
    request: Request, session: SessionDep, filters: Annotated[InfrastructureProjectFilters, Query()]
) -> Response:
    statement = repository.filter_projects(session, filters)
    return list_response(request, session, repository.PROJECTS, statement, filters, InfrastructureProjectRead)


@router.get(
    "/{project_id}",
    name="getInfrastructureProject",
    summary="Get one infrastructure project",
    responses=detail_responses(InfrastructureProjectRead),
)
def get_project(
    request: Request,
    session: SessionDep,
    project_id: str,
    params: Annotated[InfrastructureProjectDetailParams, Query()],
) -> Response:
    return detail_response(
        request, session, repository.PROJECTS, project_id, params, InfrastructureProjectRead
    )
