from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.agreements import repository
from app.agreements.schemas import AgreementFilters, AgreementPage, AgreementRead
from app.common.api import DETAIL_ERRORS, LIST_ERRORS, page_of
from app.db import SessionDep

router = APIRouter(prefix="/v1/agreements", tags=["agreements"])


@router.get("", name="listAgreements", summary="List agreements", responses=LIST_ERRORS)
def list_agreements(
    session: SessionDep, filters: Annotated[AgreementFilters, Query()], request: Request, response: Response
) -> AgreementPage:
    rows, next_cursor = repository.list_agreements(session, filters)
    return page_of(AgreementPage, rows, next_cursor, request, response)


@router.get("/{agreement_id}", name="getAgreement", summary="Get one agreement", responses=DETAIL_ERRORS)
def get_agreement(session: SessionDep, agreement_id: str) -> AgreementRead:
    return AgreementRead.model_validate(repository.get_agreement(session, agreement_id))
