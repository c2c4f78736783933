from typing import Annotated

from fastapi import Request, Response

from app.agreements import repository
from app.agreements.schemas import AgreementDetailParams, AgreementFilters, AgreementPage, AgreementRead
from app.common.api import RecordId, detail_response, detail_responses, list_response, list_responses
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.curation.routes import WriteNames, add_write_routes
from app.request_session import SessionDep, SessionOnDemandDep

router = ResourceRouter(prefix="/v1/agreements", tags=["agreements"])


@router.get("", name="listAgreements", summary="List agreements", responses=list_responses(AgreementPage))
def list_agreements(
    request: Request, session: SessionDep, filters: Annotated[AgreementFilters, from_query(AgreementFilters)]
) -> Response:
    """Agreements, filtered by parties, sectors, event, status and date; each with its quotes."""
    return list_response(
        request, session, repository.AGREEMENTS, repository.filter_agreements, filters, AgreementRead
    )


@router.get(
    "/{record_id}",
    name="getAgreement",
    summary="Get one agreement",
    responses=detail_responses(AgreementRead),
)
async def get_agreement(
    request: Request,
    session: SessionOnDemandDep,
    record_id: RecordId,
    params: Annotated[AgreementDetailParams, from_query(AgreementDetailParams)],
) -> Response:
    """One agreement with its sectors, parties, the event it was signed at and its quotes."""
    return await detail_response(request, session, repository.AGREEMENTS, record_id, params, AgreementRead)


add_write_routes(
    router,
    repository.WRITABLE,
    AgreementRead,
    WriteNames("createAgreement", "updateAgreement", "deleteAgreement", "listAgreementRevisions"),
)
