"""Trade time series, on the seed: one kind of period at a time, qualifiers on every point."""

from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from app.models import Bound, Indicator, Unit
from app.trade.series.schemas import TradeSeries
from tests.figures import year_figure
from tests.openapi_document import document, parameters

pytestmark = pytest.mark.anyio

SERIES = "/v1/trade-figures/series"
TURNOVER = {"reporter": "AZ", "partner": "KZ", "indicator": "trade_turnover"}


async def get(client: httpx.AsyncClient, expect: int = 200, **params: Any) -> Any:
    response = await client.get(SERIES, params=params)
    assert response.status_code == expect, response.text
    if expect >= 400:
        assert response.headers["content-type"] == "application/problem+json"
    return response.json()


def summary(series: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (p["period_start"], p["period_end"], p["value"], p["status"], p["bound"]) for p in series["points"]
    ]


async def test_full_years_by_default_never_january_to_september(client: httpx.AsyncClient) -> None:
    series = await get(client, **TURNOVER)
    assert summary(series) == [
        ("2024-01-01", "2024-12-31", 533_000_000, "reported", "approximate"),
        ("2025-01-01", "2025-12-31", 700_000_000, "forecast", "at_least"),
    ]
    assert series["reporter"] == {"id": "AZ", "name": "Azerbaijan"}
    assert series["partner"] == {"id": "KZ", "name": "Kazakhstan"}
    assert (series["indicator"], series["commodity"], series["unit"], series["period_kind"]) == (
        "trade_turnover",
        "TOTAL",
        "USD",
        "year",
    )
    assert all(point["period_kind"] == "year" and point["unit"] == "USD" for point in series["points"])
    assert "может превысить 700 млн долларов" in series["points"][1]["citations"][0]["quote"]
    assert await get(client, **TURNOVER, period_kind="year") == series


async def test_year_to_date_is_its_own_series(client: httpx.AsyncClient) -> None:
    series = await get(client, **TURNOVER, period_kind="year_to_date")
    assert series["period_kind"] == "year_to_date"
    assert summary(series) == [("2025-01-01", "2025-09-30", 568_000_000, "reported", "approximate")]


async def test_status_filter_is_repeatable(client: httpx.AsyncClient) -> None:
    reported = await get(client, **TURNOVER, status="reported")
    assert [p["id"] for p in reported["points"]] == ["az-kz-trade-turnover-2024"]
    both = await get(client, **TURNOVER, status=["forecast", "reported"])
    assert [p["id"] for p in both["points"]] == [
        "az-kz-trade-turnover-2024",
        "az-kz-trade-turnover-2025-forecast",
    ]


async def test_growth_rates_say_what_they_compare_with(client: httpx.AsyncClient) -> None:
    series = await get(
        client, reporter="az", partner="kz", indicator="trade_turnover_growth", period_kind="year_to_date"
    )
    [point] = series["points"]
    assert (point["value"], point["value_upper"], point["bound"], series["unit"]) == (
        6,
        7,
        "at_least",
        "percent",
    )
    assert (point["compared_period_start"], point["compared_period_end"]) == ("2024-01-01", "2024-09-30")


async def test_direction_and_commodity_identify_the_series(client: httpx.AsyncClient) -> None:
    oil = await get(client, reporter="KZ", partner="AZ", indicator="transit_volume", commodity="oil")
    assert summary(oil) == [("2025-01-01", "2025-12-31", 1_700_000, "reported", "at_least")]
    assert (oil["reporter"]["id"], oil["partner"]["id"], oil["commodity"], oil["unit"]) == (
        "KZ",
        "AZ",
        "oil",
        "tonnes",
    )
    assert (await get(client, reporter="KZ", partner="AZ", indicator="transit_volume"))["points"] == []
    reversed_pair = await get(
        client, reporter="AZ", partner="KZ", indicator="transit_volume", commodity="oil"
    )
    assert reversed_pair["points"] == [] and reversed_pair["unit"] is None


async def test_an_empty_series_still_identifies_itself(client: httpx.AsyncClient) -> None:
    series = await get(
        client, reporter="AZ", partner="US", indicator="exports", unit="EUR", period_kind="month"
    )
    assert series == {
        "reporter": {"id": "AZ", "name": "Azerbaijan"},
        "partner": {"id": "US", "name": "United States"},
        "indicator": "exports",
        "commodity": "TOTAL",
        "unit": "EUR",
        "period_kind": "month",
        "points": [],
    }


async def test_series_in_russian(client: httpx.AsyncClient) -> None:
    response = await client.get(SERIES, params=TURNOVER, headers={"Accept-Language": "ru"})
    assert response.headers["content-language"] == "ru"
    series = response.json()
    assert (series["reporter"]["name"], series["partner"]["name"]) == ("Азербайджан", "Казахстан")
    assert series["points"][0]["note"].startswith("Значительный рост")


async def test_mixed_units_are_a_422_until_one_is_chosen(client: httpx.AsyncClient, session: Session) -> None:
    session.add(
        year_figure(
            "test-az-kz-turnover-2023-eur",
            2023,
            400_000_000,
            indicator=Indicator.trade_turnover,
            unit=Unit.EUR,
            bound=Bound.approximate,
        )
    )
    session.commit()
    problem = await get(client, 422, **TURNOVER)
    [error] = problem["errors"]
    assert error["name"] == "unit" and "EUR, USD" in error["detail"]
    usd = await get(client, **TURNOVER, unit="USD")
    assert [p["period_start"] for p in usd["points"]] == ["2024-01-01", "2025-01-01"]
    eur = await get(client, **TURNOVER, unit="EUR")
    assert (eur["unit"], [p["value"] for p in eur["points"]]) == ("EUR", [400_000_000])
    # Other period kinds have one unit: no need to choose there.
    assert (await get(client, **TURNOVER, period_kind="year_to_date"))["unit"] == "USD"


async def test_same_period_points_come_reported_first(client: httpx.AsyncClient, session: Session) -> None:
    session.add(
        year_figure(
            "test-az-kz-turnover-2025-reported", 2025, 710_000_000, indicator=Indicator.trade_turnover
        )
    )
    session.commit()
    series = await get(client, **TURNOVER)
    assert [(p["period_start"], p["status"]) for p in series["points"]] == [
        ("2024-01-01", "reported"),
        ("2025-01-01", "reported"),
        ("2025-01-01", "forecast"),
    ]


async def test_the_route_is_not_taken_for_a_figure_id(client: httpx.AsyncClient) -> None:
    response = await client.get(SERIES)
    assert response.status_code == 422
    assert "trade figure" not in response.json()["detail"]
    figure = await client.get("/v1/trade-figures/az-kz-trade-turnover-2024")
    assert figure.status_code == 200 and figure.json()["id"] == "az-kz-trade-turnover-2024"


async def test_body_is_the_documented_schema_and_cacheable(client: httpx.AsyncClient) -> None:
    response = await client.get(SERIES, params=TURNOVER)
    body = response.json()
    assert set(body) == set(TradeSeries.model_fields)
    assert TradeSeries.model_validate(body).model_dump(mode="json") == body
    assert response.headers["cache-control"] == "public, max-age=60"
    again = await client.get(SERIES, params=TURNOVER, headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("params", "status", "names"),
    [
        ({}, 422, ["reporter", "partner", "indicator"]),
        ({"partner": "KZ", "indicator": "exports"}, 422, ["reporter"]),
        ({**TURNOVER, "reporter": "ZZ"}, 422, ["reporter"]),
        ({**TURNOVER, "partner": "QQ", "reporter": "ZZ"}, 422, ["reporter", "partner"]),
        ({**TURNOVER, "partner": "Atlantis"}, 422, ["partner"]),  # a name must name a country
        ({**TURNOVER, "partner": "az"}, 422, ["reporter", "partner"]),
        ({**TURNOVER, "indicator": "gdp"}, 422, ["indicator"]),
        ({**TURNOVER, "period_kind": "other"}, 422, ["period_kind"]),
        ({**TURNOVER, "status": "rumoured"}, 422, ["status"]),
        ({**TURNOVER, "unit": "bushels"}, 422, ["unit"]),
        ({**TURNOVER, "commodity": ""}, 422, ["commodity"]),
        ({**TURNOVER, "limit": "10"}, 400, ["limit"]),
        ({"unknown_filter": "1"}, 400, ["unknown_filter"]),
    ],
)
async def test_bad_requests_are_problems(
    client: httpx.AsyncClient, params: dict[str, Any], status: int, names: list[str]
) -> None:
    problem = await get(client, status, **params)
    assert [error["name"] for error in problem["errors"]] == names


def test_openapi_documents_the_series() -> None:
    spec = document()
    operation = spec["paths"][SERIES]["get"]
    assert (operation["operationId"], operation["tags"]) == ("getTradeSeries", ["trade-figures"])
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert schema == "#/components/schemas/TradeSeries"
    declared = parameters(spec, SERIES)
    assert {name for name, p in declared.items() if p["required"]} == {"reporter", "partner", "indicator"}
    assert declared["period_kind"]["schema"]["default"] == "year"
    assert all(p.get("description") for p in declared.values())
    # Declared before /v1/trade-figures/{figure_id}, so it is matched first.
    paths = list(spec["paths"])
    assert paths.index(SERIES) < paths.index("/v1/trade-figures/{record_id}")
