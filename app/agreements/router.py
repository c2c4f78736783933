from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.agreements import repository
from app.agreements.schemas import AgreementDetailParams, AgreementFilters, AgreementPage, AgreementRead
from app.common.api import detail_response, detail_responses, list_response, list_responses
from app.db import SessionDep

router = APIRouter(prefix="/v1/agreements", tags=["agreements"])


@router.get("", name="listAgreements", summary="List agreements", responses=list_responses(AgreementPage))
def list_agreements(
    request: Request, session: SessionDep, filters: Annotated[AgreementFilters, Query()]
) -> Response:
    statement = repository.filter_agreements(session, filters)
    return list_response(request, session, repository.AGREEMENTS, statement, filters, AgreementRead)


@router.get(
    "/{agreement_id}",
    name="getAgreement",
    summary="Get one agreement",
    responses=detail_responses(AgreementRead),
)
def get_agreement(
    request: Request,
    session: SessionDep,
    agreement_id: str,
    params: Annotated[AgreementDetailParams, Query()],
) -> Response:
    return detail_response(request, session, repository.AGREEMENTS, agreement_id, params, AgreementRead)
