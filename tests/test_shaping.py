"""Language, field selection, inclusions, totals and facets."""

from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from app.common.dates import DatePrecision
from app.models import (
    Agreement,
    AgreementSector,
    AgreementStatus,
    Country,
    Event,
    EventType,
    Organization,
    Person,
    Place,
    Sector,
)

pytestmark = pytest.mark.anyio

VISIT = "/v1/events/aliyev-state-visit-kazakhstan-2025-11"


async def get(client: httpx.AsyncClient, url: str, status: int = 200, **params: Any) -> Any:
    response = await client.get(url, params=params)
    assert response.status_code == status, response.text
    return response.json()


# --- language ---


async def test_lang_chooses_names_titles_and_summaries(client: httpx.AsyncClient) -> None:
    response = await client.get(VISIT, params={"lang": "ru"})
    assert response.headers["content-language"] == "ru"
    visit = response.json()
    assert visit["title"].startswith("Государственный визит")
    assert visit["summary"].startswith("Ключевое политическое событие")
    assert {country["name"] for country in visit["countries"]} == {"Азербайджан", "Казахстан"}
    # Quotes stay in the language of their source.
    english = (await client.get(VISIT)).json()
    assert english["title"] == "State visit of President Ilham Aliyev to Kazakhstan"
    assert english["citations"] == visit["citations"]


async def test_accept_language_is_honoured_and_lang_wins(client: httpx.AsyncClient) -> None:
    ru = await client.get("/v1/countries/KZ", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"})
    assert (ru.headers["content-language"], ru.json()["name"]) == ("ru", "Казахстан")
    de = await client.get("/v1/countries/KZ", headers={"Accept-Language": "de"})
    assert (de.headers["content-language"], de.json()["name"]) == ("en", "Kazakhstan")
    both = await client.get("/v1/countries/KZ?lang=en", headers={"Accept-Language": "ru"})
    assert both.json()["name"] == "Kazakhstan"
    assert "accept-language" in ru.headers["vary"].lower()


async def test_sorting_by_name_follows_the_language(client: httpx.AsyncClient) -> None:
    english = await get(client, "/v1/places", kind="region", sort="name")
    russian = await get(client, "/v1/places", kind="region", sort="name", lang="ru")
    assert [p["name"] for p in english["items"]] == ["Central Asia", "Eurasia", "Europe", "South Caucasus"]
    assert [p["name"] for p in russian["items"]] == ["Евразия", "Европа", "Центральная Азия", "Южный Кавказ"]


async def test_a_cursor_is_tied_to_its_language_when_the_sort_is(client: httpx.AsyncClient) -> None:
    page = await get(client, "/v1/places", sort="name", limit=2)
    problem = await get(
        client, "/v1/places", 422, sort="name", limit=2, lang="ru", cursor=page["next_cursor"]
    )
    assert "issued for sort=name_en" in problem["detail"]
    by_date = await get(client, "/v1/events", limit=2)
    await get(
        client, "/v1/events", limit=2, lang="ru", cursor=by_date["next_cursor"]
    )  # dates have no language


async def test_unknown_language_is_a_422(client: httpx.AsyncClient) -> None:
    await get(client, "/v1/events", 422, lang="de")


# --- fields and include ---


async def test_fields_trim_lists_and_details(client: httpx.AsyncClient) -> None:
    page = await get(client, "/v1/events", fields="id,title,date_start")
    assert all(set(item) == {"id", "title", "date_start"} for item in page["items"])
    detail = await get(client, VISIT, fields=["id", "date_precision"])
    assert detail == {"id": "aliyev-state-visit-kazakhstan-2025-11", "date_precision": "month"}
    problem = await get(client, "/v1/events", 422, fields="id,secret")
    assert problem["errors"][0]["name"] == "fields"
    await get(client, "/v1/events", 422, fields="")  # an empty choice is refused, not ignored
    await get(client, "/v1/people", 422, facets="country,")


async def test_include_embeds_related_records_in_full(client: httpx.AsyncClient) -> None:
    visit = await get(client, VISIT, include="agreements,people", fields="id")
    assert set(visit) == {"id", "included"}
    [documents] = visit["included"]["agreements"]
    assert documents["sectors"] == ["agriculture", "digitalization", "industry", "transport"]
    assert documents["citations"]
    [aliyev] = visit["included"]["people"]
    assert aliyev["role"] == "President of Azerbaijan"
    corridor = await get(client, "/v1/infrastructure-projects/middle-corridor", include="trade_figures")
    [figure] = corridor["included"]["trade_figures"]
    assert (figure["value"], figure["bound"], figure["reporter"]["id"]) == (568_000_000, "approximate", "AZ")
    await get(client, VISIT, 422, include="sources")


async def test_include_costs_no_query_per_record(
    client: httpx.AsyncClient, session: Session, count_queries: Any
) -> None:
    # Thirty events that each have every relation, so both pages below load every relation.
    gabala = session.get_one(Place, "gabala")
    countries = [session.get_one(Country, "AZ"), session.get_one(Country, "KZ")]
    for n in range(30):
        event = Event(
            id=f"test-event-{n:02d}",
            type=EventType.summit,
            title_en=f"Test {n}",
            title_ru=f"Тест {n}",
            date_start=date(1990, 1, 1),
            date_end=date(1990, 1, 1),
            date_precision=DatePrecision.day,
            location=gabala,
            host_country=countries[0],
            countries=countries,
            people=[session.get_one(Person, "ilham-aliyev")],
            organizations=[session.get_one(Organization, "ots")],
        )
        event.agreements = [
            Agreement(
                id=f"test-agreement-{n:02d}",
                title_en="A",
                title_ru="А",
                status=AgreementStatus.signed,
                date_start=date(1990, 1, 1),
                date_end=date(1990, 1, 1),
                date_precision=DatePrecision.day,
                countries=countries,
                sector_rows=[AgreementSector(sector=Sector.energy)],
            )
        ]
        session.add(event)
    session.commit()
    params = {"include": "agreements,people,organizations,countries,location", "sort": "date"}
    count_queries.count = 0
    small = await client.get("/v1/events", params={**params, "limit": 5})
    five = count_queries.count
    count_queries.count = 0
    large = await client.get("/v1/events", params={**params, "limit": 30})
    assert count_queries.count == five
    assert len(small.json()["items"]) == 5 and len(large.json()["items"]) == 30
    assert all(item["included"]["agreements"][0]["sectors"] == ["energy"] for item in large.json()["items"])


# --- totals and facets ---


async def test_count_is_only_given_on_request(client: httpx.AsyncClient) -> None:
    assert "total" not in await get(client, "/v1/countries", limit=1)
    page = await get(client, "/v1/countries", limit=1, count="true")
    assert page["total"] == 249
    assert (await get(client, "/v1/events", country="UZ", count="true"))["total"] == 1


async def test_facets_count_the_filtered_set(client: httpx.AsyncClient) -> None:
    page = await get(client, "/v1/events", facets="type,year,month,country", limit=1)
    facets = page["facets"]
    assert {f["value"]: f["count"] for f in facets["type"]} == {
        "summit": 2,
        "state_visit": 1,
        "ministerial_meeting": 1,
        "multilateral_meeting": 1,
    }
    assert facets["year"] == [{"value": "2025", "label": None, "count": 5}]
    # A record dated only to the year is not put in January: it counts under the year alone.
    assert {f["value"]: f["count"] for f in facets["month"]} == {"2025": 4, "2025-11": 1}
    assert facets["country"][:2] == [
        {"value": "AZ", "label": "Azerbaijan", "count": 5},
        {"value": "KZ", "label": "Kazakhstan", "count": 5},
    ]
    filtered = await get(client, "/v1/events", facets="country", country="UZ", lang="ru")
    assert {f["value"]: f["label"] for f in filtered["facets"]["country"]} == {
        "AZ": "Азербайджан",
        "KZ": "Казахстан",
        "UZ": "Узбекистан",
    }


async def test_facets_on_trade_figures_and_agreements(client: httpx.AsyncClient) -> None:
    trade = (await get(client, "/v1/trade-figures", facets="status,bound,period_kind,country"))["facets"]
    assert {f["value"]: f["count"] for f in trade["status"]} == {"reported": 4, "forecast": 1}
    assert {f["value"]: f["count"] for f in trade["period_kind"]} == {"year": 3, "year_to_date": 2}
    assert {f["value"]: f["count"] for f in trade["country"]} == {"AZ": 5, "KZ": 5}
    agreements = (await get(client, "/v1/agreements", facets="sector"))["facets"]
    assert {f["value"] for f in agreements["sector"]} == {
        "agriculture",
        "digitalization",
        "industry",
        "transport",
    }


async def test_unknown_facet_is_a_422(client: httpx.AsyncClient) -> None:
    problem = await get(client, "/v1/events", 422, facets="type,colour")
    assert problem["errors"][0]["name"] == "facets"
    await get(client, "/v1/organizations", 400, facets="name")  # organizations have no facets at all
