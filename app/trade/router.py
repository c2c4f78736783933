from typing import Annotated

from fastapi import Request, Response

from app.common.api import RecordId, detail_response, detail_responses, list_response, list_responses
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.curation.routes import WriteNames, add_write_routes
from app.request_session import SessionDep, SessionOnDemandDep
from app.trade import repository
from app.trade.schemas import TradeFigureDetailParams, TradeFigureFilters, TradeFigurePage, TradeFigureRead

router = ResourceRouter(prefix="/v1/trade-figures", tags=["trade-figures"])


@router.get(
    "", name="listTradeFigures", summary="List trade figures", responses=list_responses(TradeFigurePage)
)
def list_trade_figures(
    request: Request,
    session: SessionDep,
    filters: Annotated[TradeFigureFilters, from_query(TradeFigureFilters)],
) -> Response:
    """Trade and transit observations with their qualifiers (bound, status, period kind), paged."""
    return list_response(
        request, session, repository.TRADE_FIGURES, repository.filter_trade_figures, filters, TradeFigureRead
    )


@router.get(
    "/{record_id}",
    name="getTradeFigure",
    summary="Get one trade figure",
    responses=detail_responses(TradeFigureRead),
)
async def get_trade_figure(
    request: Request,
    session: SessionOnDemandDep,
    record_id: RecordId,
    params: Annotated[TradeFigureDetailParams, from_query(TradeFigureDetailParams)],
) -> Response:
    """One trade figure with its qualifiers, related projects and quotes."""
    return await detail_response(
        request, session, repository.TRADE_FIGURES, record_id, params, TradeFigureRead
    )


add_write_routes(
    router,
    repository.WRITABLE,
    TradeFigureRead,
    WriteNames("createTradeFigure", "updateTradeFigure", "deleteTradeFigure", "listTradeFigureRevisions"),
)
