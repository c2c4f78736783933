"""The series endpoint read as rows (app/trade/series/repository.py `series_json`) writes exactly the
bytes TradeSeries writes from `get_series`'s ORM objects: every series of the seed, in both languages,
with and without `status` and `unit`, and the same problems."""

from datetime import date
from typing import Any

import orjson
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.common.dates import PeriodKind
from app.errors import InvalidParameter
from app.models import Bound, FigureStatus, TradeFigure, Unit
from app.trade.series.repository import get_series, series_json
from app.trade.series.schemas import TradeSeries, TradeSeriesParams
from tests.figures import year_figure


def by_orm(session: Session, params: TradeSeriesParams, lang: str) -> Any:
    series = get_series(session, params)
    return TradeSeries.model_validate(series, context={"lang": lang}).model_dump(mode="json")


def answers(session: Session, params: TradeSeriesParams, lang: str) -> tuple[bytes, bytes]:
    """Both ways' JSON bytes, or both ways' problem."""
    results = []
    for way in (by_orm, series_json):
        try:
            results.append(orjson.dumps(way(session, params, lang)))
        except InvalidParameter as problem:
            results.append(orjson.dumps([str(problem), problem.errors]))
    return results[0], results[1]


def every_series(session: Session) -> list[dict[str, Any]]:
    f = TradeFigure
    keys = session.execute(
        select(f.reporter_id, f.partner_id, f.indicator, f.commodity, f.period_kind, f.unit)
        .where(f.period_kind != "other")
        .distinct()
        .order_by(f.reporter_id, f.partner_id, f.indicator, f.commodity, f.period_kind, f.unit)
    ).all()
    return [
        {
            "reporter": reporter,
            "partner": partner,
            "indicator": indicator.value,
            "commodity": commodity,
            "period_kind": kind.value,
            "unit": unit.value,
        }
        for reporter, partner, indicator, commodity, kind, unit in keys
    ]


def more_figures(session: Session) -> None:
    """Figures beside the seed's: several units in one series, points of several statuses in one
    period, a quarter, each in both directions of the pair."""
    for reporter, partner in (("AZ", "KZ"), ("KZ", "AZ")):
        pair = {"reporter_id": reporter, "partner_id": partner}
        session.add_all(
            [
                year_figure(f"t-{reporter}-2023-eur", 2023, 4e8, unit=Unit.EUR, **pair),
                year_figure(f"t-{reporter}-2023-usd", 2023, 4.5e8, bound=Bound.approximate, **pair),
                year_figure(f"t-{reporter}-2023-fc", 2023, 5e8, status=FigureStatus.forecast, **pair),
                year_figure(
                    f"t-{reporter}-2021-q2",
                    2021,
                    1.25e8,
                    period_start=date(2021, 4, 1),
                    period_end=date(2021, 6, 30),
                    period_kind=PeriodKind.quarter,
                    **pair,
                ),
            ]
        )
    session.flush()


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("more", [False, True], ids=["seed", "more"])
def test_every_series_the_same_bytes(session: Session, lang: str, more: bool) -> None:
    if more:
        more_figures(session)
    series = every_series(session)
    assert len(series) >= 4
    cited = 0
    for key in series:
        unit = key.pop("unit")
        for narrowed in ({}, {"unit": unit}, {"status": ["reported"]}, {"status": ["forecast", "reported"]}):
            params = TradeSeriesParams.model_validate({**key, **narrowed})
            orm, rows = answers(session, params, lang)
            assert rows == orm, params
            cited += b'"quote"' in rows
    assert cited  # the citations were compared too


@pytest.mark.parametrize(
    "query",
    [
        {"reporter": "AZ", "partner": "KZ", "indicator": "exports", "period_kind": "month"},  # no point
        {"reporter": "AZ", "partner": "AZ", "indicator": "exports"},  # the same country twice
        {"reporter": "QQ", "partner": "XK", "indicator": "exports"},  # no such countries
        {"reporter": "AZ", "partner": "KZ", "indicator": "exports", "unit": "tonnes"},
    ],
)
def test_empty_series_and_problems_the_same(session: Session, query: dict[str, Any]) -> None:
    orm, rows = answers(session, TradeSeriesParams.model_validate(query), "en")
    assert rows == orm
