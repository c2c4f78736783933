from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.common.api import DETAIL_ERRORS, LIST_ERRORS, page_of
from app.db import SessionDep
from app.trade import repository
from app.trade.schemas import TradeFigureFilters, TradeFigurePage, TradeFigureRead

router = APIRouter(prefix="/v1/trade-figures", tags=["trade-figures"])


@router.get("", name="listTradeFigures", summary="List trade figures", responses=LIST_ERRORS)
def list_trade_figures(
    session: SessionDep, filters: Annotated[TradeFigureFilters, Query()], request: Request, response: Response
) -> TradeFigurePage:
    rows, next_cursor = repository.list_trade_figures(session, filters)
    return page_of(TradeFigurePage, rows, next_cursor, request, response)


@router.get("/{figure_id}", name="getTradeFigure", summary="Get one trade figure", responses=DETAIL_ERRORS)
def get_trade_figure(session: SessionDep, figure_id: str) -> TradeFigureRead:
    return TradeFigureRead.model_validate(repository.get_trade_figure(session, figure_id))
