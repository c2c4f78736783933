from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.common.api import DETAIL_ERRORS, LIST_ERRORS, page_of
from app.db import SessionDep
from app.projects import repository
from app.projects.schemas import (
    InfrastructureProjectFilters,
    InfrastructureProjectPage,
    InfrastructureProjectRead,
)

router = APIRouter(prefix="/v1/infrastructure-projects", tags=["infrastructure-projects"])


@router.get(
    "", name="listInfrastructureProjects", summary="List infrastructure projects", responses=LIST_ERRORS
)
def list_projects(
    session: SessionDep,
    filters: Annotated[InfrastructureProjectFilters, Query()],
    request: Request,
    response: Response,
) -> InfrastructureProjectPage:
    rows, next_cursor = repository.list_projects(session, filters)
    return page_of(InfrastructureProjectPage, rows, next_cursor, request, response)


@router.get(
    "/{project_id}",
    name="getInfrastructureProject",
    summary="Get one infrastructure project",
    responses=DETAIL_ERRORS,
)
def get_project(session: SessionDep, project_id: str) -> InfrastructureProjectRead:
    return InfrastructureProjectRead.model_validate(repository.get_project(session, project_id))
