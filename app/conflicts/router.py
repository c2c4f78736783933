from typing import Annotated

import orjson
from fastapi import Request, Response

from app.common.api import link_next, list_responses
from app.common.pagination import decode_cursor, encode_cursor
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.conflicts import repository
from app.conflicts.schemas import ConflictFilters, ConflictPage
from app.request_session import SessionDep

router = ResourceRouter(prefix="/v1/conflicts", tags=["conflicts"])


@router.get(
    "",
    name="listConflicts",
    summary="List conflicts: contested facts and figures that contradict one another",
    # Computed, not read from a listing: a page and its Link, without the data headers.
    responses=list_responses(ConflictPage, headers=["Link"], exports=False),
)
def list_conflicts(
    request: Request, session: SessionDep, filters: Annotated[ConflictFilters, from_query(ConflictFilters)]
) -> Response:
    """The consistency report. Values the sources give apart for one record (accepted `contest`
    candidates), and what the trade figures themselves contradict: a part of a period above its
    whole, or a growth rate that leaves nearly nothing for the rest of a longer period. Each conflict
    lists every claim with its quotes."""
    found = repository.conflicts(session, filters)
    if filters.cursor is not None:
        [after] = decode_cursor(filters.cursor, "conflicts", "id", [str])
        found = [conflict for conflict in found if conflict["id"] > after]
    page = found[: filters.limit]
    more = len(found) > filters.limit
    next_cursor = encode_cursor("conflicts", "id", [page[-1]["id"]]) if more else None
    response = Response(
        orjson.dumps({"items": page, "next_cursor": next_cursor}), media_type="application/json"
    )
    link_next(response, request, next_cursor)
    return response
