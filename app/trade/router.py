from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.common.api import detail_response, detail_responses, list_response, list_responses
from app.db import SessionDep
from app.trade import repository
from app.trade.schemas import TradeFigureDetailParams, TradeFigureFilters, TradeFigurePage, TradeFigureRead

router = APIRouter(prefix="/v1/trade-figures", tags=["trade-figures"])


@router.get(
    "", name="listTradeFigures", summary="List trade figures", responses=list_responses(TradeFigurePage)
)
def list_trade_figures(
    request: Request, session: SessionDep, filters: Annotated[TradeFigureFilters, Query()]
) -> Response:
    statement = repository.filter_trade_figures(session, filters)
    return list_response(request, session, repository.TRADE_FIGURES, statement, filters, TradeFigureRead)


@router.get(
    "/{figure_id}",
    name="getTradeFigure",
    summary="Get one trade figure",
    responses=detail_responses(TradeFigureRead),
)
def get_trade_figure(
    request: Request, session: SessionDep, figure_id: str, params: Annotated[TradeFigureDetailParams, Query()]
) -> Response:
    return detail_response(request, session, repository.TRADE_FIGURES, figure_id, params, TradeFigureRead)
