from typing import Annotated

from fastapi import Request, Response

from app import datastate
from app.common.api import document_responses, json_response
from app.common.language import negotiate
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.request_session import SessionDep
from app.trade.series import repository
from app.trade.series.schemas import TradeSeries, TradeSeriesParams

# Registered before the trade figures router: `/series` must not be taken for a figure id.
router = ResourceRouter(prefix="/v1/trade-figures", tags=["trade-figures"])


@router.get(
    "/series",
    name="getTradeSeries",
    summary="Get a trade time series",
    description="The figures of one reporter, partner, indicator and commodity, of one kind of period, "
    "ordered by period, with the qualifiers a chart needs to draw reported values, ranges and "
    "forecasts differently. Full years (`period_kind=year`, the default) and partial periods are never "
    "mixed. Filters that match figures in several units are a 422: pass `unit`.",
    responses=document_responses(
        TradeSeries,
        "The series; `points` is empty when no figure matches.",
        {
            400: "An unknown query parameter.",
            422: "A missing or invalid parameter, an unknown country, reporter = partner, or figures in "
            "several units without `unit`.",
        },
    ),
)
def get_trade_series(
    request: Request, session: SessionDep, params: Annotated[TradeSeriesParams, from_query(TradeSeriesParams)]
) -> Response:
    lang = negotiate(params.lang, request.headers.get("accept-language"))
    if params.as_of is None:
        # At one data version, on PostgreSQL read in the points' own statement.
        body, version = datastate.at_one_version(
            session, lambda: repository.series_json(session, params, lang)
        )
    else:
        series = repository.get_series(session, params)
        body = TradeSeries.model_validate(series, context={"lang": lang}).model_dump(mode="json")
        version = datastate.current(session)
    return json_response(body, lang, version)
