"""The questions issue #2 says the API must answer from queries alone, each with its verbatim quote."""

import httpx
import pytest

pytestmark = pytest.mark.anyio


async def items(client: httpx.AsyncClient, url: str) -> list[dict]:
    response = await client.get(url)
    assert response.status_code == 200, response.text
    body = response.json()
    for item in body["items"]:
        assert item["citations"], f"{item['id']} has no quote"
    return body["items"]


def quotes(item: dict) -> str:
    return " ".join(citation["quote"] for citation in item["citations"])


async def test_events_in_november_2025(client: httpx.AsyncClient) -> None:
    known_in_november = await items(client, "/v1/events?date_from=2025-11&date_to=2025-11&date_match=within")
    assert [event["id"] for event in known_in_november] == ["aliyev-state-visit-kazakhstan-2025-11"]
    assert "в ноябре 2025 года" in quotes(known_in_november[0])
    # Overlap (the default) also returns what the article dates only to "2025".
    may_overlap = await items(client, "/v1/events?date_from=2025-11&date_to=2025-11")
    assert len(may_overlap) == 5
    assert {event["date_precision"] for event in may_overlap} == {"month", "year"}


async def test_summits_the_president_of_kazakhstan_attended_in_azerbaijan(client: httpx.AsyncClient) -> None:
    summits = await items(client, "/v1/events?type=summit&person=kassym-jomart-tokayev&host_country=AZ")
    assert {event["id"] for event in summits} == {"eco-summit-khankendi-2025", "ots-summit-gabala-2025"}
    assert {event["location"]["name"] for event in summits} == {"Khankendi", "Gabala"}
    assert all("дважды посещал Азербайджан" in quotes(event) for event in summits)


async def test_turnover_2024_and_january_september_2025_are_approximate(client: httpx.AsyncClient) -> None:
    figures = await items(
        client, "/v1/trade-figures?indicator=trade_turnover&status=reported&country=AZ&country=KZ"
    )
    by_period = {(f["period_start"], f["period_end"]): f for f in figures}
    full_2024 = by_period[("2024-01-01", "2024-12-31")]
    jan_sep_2025 = by_period[("2025-01-01", "2025-09-30")]
    assert (full_2024["value"], full_2024["unit"], full_2024["bound"]) == (533_000_000, "USD", "approximate")
    assert full_2024["period_kind"] == "year"
    assert (jan_sep_2025["value"], jan_sep_2025["bound"]) == (568_000_000, "approximate")
    assert jan_sep_2025["period_kind"] == "year_to_date"
    assert "около 533 млн долларов" in quotes(full_2024)
    assert "около 568 млн долларов" in quotes(jan_sep_2025)


async def test_the_2025_forecast_is_a_forecast_and_a_lower_bound(client: httpx.AsyncClient) -> None:
    [forecast] = await items(client, "/v1/trade-figures?status=forecast")
    assert (forecast["value"], forecast["bound"], forecast["period_kind"]) == (
        700_000_000,
        "at_least",
        "year",
    )
    assert "может превысить 700 млн долларов" in quotes(forecast)


async def test_growth_rate_says_what_it_is_compared_with(client: httpx.AsyncClient) -> None:
    [growth] = await items(client, "/v1/trade-figures?indicator=trade_turnover_growth")
    assert (growth["value"], growth["value_upper"], growth["unit"], growth["bound"]) == (
        6,
        7,
        "percent",
        "at_least",
    )
    assert (growth["compared_period_start"], growth["compared_period_end"]) == ("2024-01-01", "2024-09-30")


async def test_kazakh_oil_through_baku_tbilisi_ceyhan(client: httpx.AsyncClient) -> None:
    [transit] = await items(client, "/v1/trade-figures?indicator=transit_volume&reporter=KZ")
    assert (transit["value"], transit["unit"], transit["bound"], transit["commodity"]) == (
        1_700_000,
        "tonnes",
        "at_least",
        "oil",
    )
    assert [project["id"] for project in transit["projects"]] == ["baku-tbilisi-ceyhan-pipeline"]
    assert "превысила 1,7 млн тонн" in quotes(transit)


async def test_which_ports_expanded(client: httpx.AsyncClient) -> None:
    ports = await items(client, "/v1/infrastructure-projects?kind=port&status=expanding")
    assert {port["name"] for port in ports} == {"Port of Aktau", "Port of Kuryk", "Port of Alat"}
    assert all("Расширялись мощности портов Актау, Курык и Алят" in quotes(port) for port in ports)


async def test_sectors_of_the_november_documents(client: httpx.AsyncClient) -> None:
    [documents] = await items(client, "/v1/agreements?date_from=2025-11&date_to=2025-11&date_match=within")
    assert documents["sectors"] == ["agriculture", "digitalization", "industry", "transport"]
    assert documents["event"]["id"] == "aliyev-state-visit-kazakhstan-2025-11"
    assert documents["document_count"] is None  # the article does not say how many
    assert "подписали новые документы в сфере транспорта" in quotes(documents)
