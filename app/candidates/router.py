from collections.abc import Sequence
from typing import Annotated, Any

import orjson
from fastapi import Body, Path, Request, Response

from app.auth import WriteCaller
from app.candidates import repository
from app.candidates.schemas import (
    CandidateAccept,
    CandidateDetailParams,
    CandidateFilters,
    CandidatePage,
    CandidateRead,
    CandidateReject,
    CandidatesAccept,
    CandidatesAccepted,
)
from app.common.api import (
    detail_response,
    detail_responses,
    list_response,
    list_responses,
    serialize,
)
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.errors import problem_response
from app.models import Candidate
from app.request_session import SessionDep, SessionOnDemandDep

router = ResourceRouter(prefix="/v1/candidates", tags=["candidates"])

CandidateId = Annotated[str, Path(description="The candidate's id (a number).")]
PROBLEMS: dict[int | str, dict[str, Any]] = {
    401: problem_response("No valid API key."),
    403: problem_response("The API key lacks the `write` scope."),
    404: problem_response("No candidate has this id."),
    409: problem_response(
        "The candidate was reviewed already, requires one that was rejected, or its record's id is taken."
    ),
    422: problem_response("The body, or the candidate's body with the edits, is invalid."),
}


def _json(body: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type="application/json")


def _item(candidate: Candidate, fields: Sequence[str] = ()) -> dict[str, Any]:
    return serialize(candidate, CandidateRead, "en", fields)


def _accepted(candidates: list[Candidate]) -> Response:
    return _json({"accepted": [_item(candidate) for candidate in candidates]})


@router.get("", name="listCandidates", summary="List candidates", responses=list_responses(CandidatePage))
def list_candidates(
    request: Request, session: SessionDep, filters: Annotated[CandidateFilters, from_query(CandidateFilters)]
) -> Response:
    """Records the extractor proposed from sources, for review: filter by source, kind, status,
    action and confidence; `q` searches their quotes."""
    return list_response(
        request, session, repository.CANDIDATES, repository.filter_candidates, filters, CandidateRead
    )


@router.get(
    "/{candidate_id}",
    name="getCandidate",
    summary="Get one candidate",
    responses=detail_responses(CandidateRead, deletable=False),
)
async def get_candidate(
    request: Request,
    session: SessionOnDemandDep,
    candidate_id: CandidateId,
    params: Annotated[CandidateDetailParams, from_query(CandidateDetailParams)],
) -> Response:
    """One candidate: its body, quote, confidence and review status."""
    return await detail_response(request, session, repository.CANDIDATES, candidate_id, params, CandidateRead)


@router.post(
    "/accept",
    name="acceptCandidates",
    summary="Accept every pending candidate of a source above a confidence",
    responses={200: {"model": CandidatesAccepted, "description": "The candidates accepted."}, **PROBLEMS},
    openapi_extra={
        "requestBody": {"description": "The source, and the lowest confidence to accept, as JSON."}
    },
)
def accept_candidates(
    session: SessionDep,
    caller: WriteCaller,
    data: Annotated[CandidatesAccept, Body(description="The source and the lowest confidence to accept.")],
) -> Response:
    """All or nothing: one transaction. A candidate whose body does not validate stops it (the problem
    names the candidate); accept or reject that one by itself, then repeat."""
    return _accepted(repository.accept_all(session, data.source, data.confidence_min, caller.name))


@router.post(
    "/{candidate_id}/accept",
    name="acceptCandidate",
    summary="Accept a candidate, optionally with edits",
    responses={200: {"model": CandidatesAccepted, "description": "The candidates accepted."}, **PROBLEMS},
    openapi_extra={"requestBody": {"description": "Edits to the candidate's body, if any, as JSON."}},
)
def accept_candidate(
    session: SessionDep,
    caller: WriteCaller,
    candidate_id: CandidateId,
    data: Annotated[CandidateAccept, Body(description="Edits to its body, if any.")],
) -> Response:
    """Creates the record its body describes through the same rules as `POST` on that resource, or adds
    its quote to the record it corroborates. What it requires is accepted first. The revision names
    the API key as actor and the candidate and extractor as origin."""
    candidate = repository.get(session, candidate_id)
    return _accepted(repository.accept(session, candidate, data.edits, caller.name))


@router.post(
    "/{candidate_id}/reject",
    name="rejectCandidate",
    summary="Reject a candidate, with a reason",
    responses={200: {"model": CandidateRead, "description": "The candidate, rejected."}, **PROBLEMS},
    openapi_extra={"requestBody": {"description": "Why it is rejected, as JSON."}},
)
def reject_candidate(
    session: SessionDep,
    caller: WriteCaller,
    candidate_id: CandidateId,
    data: Annotated[CandidateReject, Body(description="Why it is wrong.")],
) -> Response:
    """The candidate stays, rejected, with the reason and the reviewer."""
    candidate = repository.get(session, candidate_id)
    return _json(_item(repository.reject(session, candidate, data.reason, caller.name)))
