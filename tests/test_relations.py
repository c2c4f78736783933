"""Country pairs: the list of pairs with data, and a pair's dossier, on the seed."""

import sqlite3
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from app.common.dates import DatePrecision, PeriodKind
from app.models import (
    Agreement,
    AgreementSector,
    AgreementStatus,
    Bound,
    Country,
    Event,
    EventType,
    FigureStatus,
    Indicator,
    InfrastructureProject,
    ProjectKind,
    ProjectStatus,
    Sector,
    TradeFigure,
    Unit,
)
from app.relations.schemas import PairDossier, RelationPairPage
from tests.figures import year_figure
from tests.openapi_document import document, resolve

pytestmark = pytest.mark.anyio

DOSSIER = "/v1/relations/AZ/KZ"
BOTH = {"country": ["AZ", "KZ"]}
VISIT = "aliyev-state-visit-kazakhstan-2025-11"
DOCUMENTS = "az-kz-documents-2025-11"
SEED_PAIRS = ["AZ/CN", "AZ/KZ", "AZ/UZ", "CN/KZ", "KZ/UZ"]
# The list endpoint of each resource a dossier counts.
LISTS = {
    "events": "/v1/events",
    "agreements": "/v1/agreements",
    "trade_figures": "/v1/trade-figures",
    "infrastructure_projects": "/v1/infrastructure-projects",
}


async def get(client: httpx.AsyncClient, url: str, status: int = 200, **params: Any) -> Any:
    response = await client.get(url, params=params)
    assert response.status_code == status, response.text
    if status >= 400:
        assert response.headers["content-type"] == "application/problem+json"
    return response.json()


def points(dossier: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every trade point of a dossier by figure id, with its series' identity alongside."""
    found = {}
    for series in dossier["trade_series"]:
        for point in series["points"]:
            found[point["id"]] = {**point, "series": series}
    return found


# --- the dossier ---


async def test_dossier_carries_the_articles_facts(client: httpx.AsyncClient) -> None:
    dossier = await get(client, DOSSIER)
    assert dossier["id"] == "AZ/KZ"
    assert [(c["id"], c["name"]) for c in dossier["countries"]] == [
        ("AZ", "Azerbaijan"),
        ("KZ", "Kazakhstan"),
    ]
    figures = points(dossier)

    turnover_2024 = figures["az-kz-trade-turnover-2024"]
    assert (turnover_2024["value"], turnover_2024["unit"], turnover_2024["bound"]) == (
        533_000_000,
        "USD",
        "approximate",
    )
    assert (turnover_2024["status"], turnover_2024["period_kind"]) == ("reported", "year")
    jan_sep = figures["az-kz-trade-turnover-2025-01-to-09"]
    assert (jan_sep["value"], jan_sep["bound"], jan_sep["period_kind"]) == (
        568_000_000,
        "approximate",
        "year_to_date",
    )
    assert (jan_sep["period_start"], jan_sep["period_end"]) == ("2025-01-01", "2025-09-30")
    forecast = figures["az-kz-trade-turnover-2025-forecast"]
    assert (forecast["value"], forecast["status"], forecast["bound"]) == (700_000_000, "forecast", "at_least")
    growth = figures["az-kz-trade-turnover-growth-2025-01-to-09"]
    assert (growth["value"], growth["value_upper"], growth["unit"]) == (6, 7, "percent")
    assert (growth["compared_period_start"], growth["compared_period_end"]) == ("2024-01-01", "2024-09-30")
    oil = figures["kz-az-oil-transit-btc-2025"]
    assert (oil["value"], oil["unit"], oil["bound"]) == (1_700_000, "tonnes", "at_least")
    assert (oil["series"]["reporter"]["id"], oil["series"]["partner"]["id"]) == ("KZ", "AZ")
    assert (oil["series"]["indicator"], oil["series"]["commodity"]) == ("transit_volume", "oil")
    assert "Баку–Тбилиси–Джейхан" in " ".join(c["quote"] for c in oil["citations"])

    # Full years and January–September are separate series: never one line.
    turnover = [s for s in dossier["trade_series"] if s["indicator"] == "trade_turnover"]
    assert [(s["period_kind"], [p["id"] for p in s["points"]]) for s in turnover] == [
        ("year", ["az-kz-trade-turnover-2024", "az-kz-trade-turnover-2025-forecast"]),
        ("year_to_date", ["az-kz-trade-turnover-2025-01-to-09"]),
    ]

    [visit] = [event for event in dossier["events"] if event["id"] == VISIT]
    assert visit["type"] == "state_visit"
    assert (visit["date_start"], visit["date_end"], visit["date_precision"]) == (
        "2025-11-01",
        "2025-11-30",
        "month",
    )
    assert [agreement["id"] for agreement in visit["agreements"]] == [DOCUMENTS]
    assert "в ноябре 2025 года" in " ".join(c["quote"] for c in visit["citations"])
    assert all(event["citations"] for event in dossier["events"])

    groups = {group["sector"]: group["agreements"] for group in dossier["agreements_by_sector"]}
    assert list(groups) == ["agriculture", "digitalization", "industry", "transport"]
    for agreements in groups.values():
        [documents] = agreements
        assert (documents["id"], documents["event"]["id"], documents["document_count"]) == (
            DOCUMENTS,
            VISIT,
            None,
        )

    projects = {project["id"]: project for project in dossier["infrastructure_projects"]}
    assert set(projects) == {"middle-corridor", "baku-tbilisi-ceyhan-pipeline", "digital-trade-corridors"}
    corridor = projects["middle-corridor"]
    assert corridor["kind"] == "transport_corridor"
    ports = {place["id"] for place in corridor["places"]}
    assert {"aktau", "kuryk", "alat"} <= ports
    assert "Расширялись мощности портов Актау, Курык и Алят" in " ".join(
        c["quote"] for c in corridor["citations"]
    )

    assert dossier["sources"] == [
        {
            "id": "velizade-2025-az-kz-relations",
            "title": "[Azerbaijan–Kazakhstan relations in 2025: an analytical review]",
        }
    ]


async def test_the_order_and_case_of_the_codes_do_not_matter(client: httpx.AsyncClient) -> None:
    bodies = [await client.get(f"/v1/relations/{pair}") for pair in ["AZ/KZ", "KZ/AZ", "kz/az", "Az/kZ"]]
    assert all(response.status_code == 200 for response in bodies)
    assert len({response.content for response in bodies}) == 1
    assert len({response.headers["etag"] for response in bodies}) == 1


async def test_counts_are_the_totals_of_the_list_endpoints(client: httpx.AsyncClient) -> None:
    dossier = await get(client, DOSSIER)
    counts = dossier["counts"]
    for kind, path in LISTS.items():
        assert counts[kind] == (await get(client, path, **BOTH, count="true"))["total"], kind
        assert dossier["links"][kind] == f"{path}?country=AZ&country=KZ"
        linked = await client.get(dossier["links"][kind] + "&count=true")
        assert counts[kind] == linked.json()["total"], kind
    assert counts == {
        "events": 5,
        "agreements": 1,
        "trade_figures": 5,
        "infrastructure_projects": 3,
        "records": 14,
    }


async def test_each_section_is_what_its_list_endpoint_returns(client: httpx.AsyncClient) -> None:
    dossier = await get(client, DOSSIER)
    latest = await get(client, "/v1/events", **BOTH, sort="-date", limit=10)
    assert dossier["events"] == latest["items"]
    projects = await get(client, "/v1/infrastructure-projects", **BOTH)
    assert dossier["infrastructure_projects"] == projects["items"]
    agreements = {a["id"]: a for a in (await get(client, "/v1/agreements", **BOTH))["items"]}
    for group in dossier["agreements_by_sector"]:
        for agreement in group["agreements"]:
            assert agreement == agreements[agreement["id"]]
            assert group["sector"] in agreement["sectors"]
    figures = (await get(client, "/v1/trade-figures", **BOTH))["items"]
    assert set(points(dossier)) == {figure["id"] for figure in figures}


async def test_each_trade_series_is_what_the_series_endpoint_returns(client: httpx.AsyncClient) -> None:
    dossier = await get(client, DOSSIER)
    for series in dossier["trade_series"]:
        params = {
            "reporter": series["reporter"]["id"],
            "partner": series["partner"]["id"],
            "indicator": series["indicator"],
            "commodity": series["commodity"],
            "period_kind": series["period_kind"],
            "unit": series["unit"],
        }
        assert series.pop("point_count") == len(series["points"])
        assert await get(client, "/v1/trade-figures/series", **params) == series


async def test_points_keeps_each_series_latest_points_and_says_how_many_it_has(
    client: httpx.AsyncClient, session: Session
) -> None:
    # Two figures for 2004: the forecast comes after the reported value, whatever their ids say.
    for year, status in [*((year, "reported") for year in range(2000, 2005)), (2004, "forecast")]:
        session.add(year_figure(f"test-exports-{year}-{status}", year, year, status=FigureStatus(status)))
    session.commit()
    full = await get(client, DOSSIER)
    for points in (1, 2, 1000):
        cut = await get(client, DOSSIER, points=points)
        assert {key: cut[key] for key in cut if key != "trade_series"} == {
            key: full[key] for key in full if key != "trade_series"
        }
        assert len(cut["trade_series"]) == len(full["trade_series"])
        for whole, latest in zip(full["trade_series"], cut["trade_series"], strict=True):
            assert whole["point_count"] == latest["point_count"] == len(whole["points"])
            assert latest["points"] == whole["points"][-points:]  # the same points, in the same order
            assert {**latest, "points": whole["points"]} == whole
    cut = await get(client, DOSSIER, points=2)
    [exports] = [
        series
        for series in cut["trade_series"]
        if series["indicator"] == "exports" and series["reporter"]["id"] == "AZ"
    ]
    assert exports["point_count"] == 6
    assert [point["id"] for point in exports["points"]] == [
        "test-exports-2004-reported",
        "test-exports-2004-forecast",
    ]


async def test_every_cited_source_is_listed(client: httpx.AsyncClient) -> None:
    dossier = await get(client, DOSSIER)
    cited = set()
    sections = [
        dossier["events"],
        [a for group in dossier["agreements_by_sector"] for a in group["agreements"]],
        list(points(dossier).values()),
        dossier["infrastructure_projects"],
    ]
    for records in sections:
        for record in records:
            cited |= {citation["source_id"] for citation in record["citations"]}
    assert cited == {source["id"] for source in dossier["sources"]}


async def test_the_body_is_the_documented_schema(client: httpx.AsyncClient) -> None:
    dossier = await get(client, DOSSIER)
    assert set(dossier) == set(PairDossier.model_fields)
    assert PairDossier.model_validate(dossier).model_dump(mode="json", exclude_none=True) == _without_nones(
        dossier
    )
    page = await get(client, "/v1/relations")
    RelationPairPage.model_validate(page)


def _without_nones(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nones(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nones(item) for item in value]
    return value


async def test_dossier_in_russian(client: httpx.AsyncClient) -> None:
    response = await client.get(DOSSIER, headers={"Accept-Language": "ru"})
    assert response.headers["content-language"] == "ru"
    dossier = response.json()
    assert [c["name"] for c in dossier["countries"]] == ["Азербайджан", "Казахстан"]
    assert dossier["events"][0]["title"].startswith("Государственный визит")
    names = [project["name"] for project in dossier["infrastructure_projects"]]
    assert names == sorted(names)
    english = await get(client, DOSSIER, lang="en")
    assert english["events"][0]["title"] == "State visit of President Ilham Aliyev to Kazakhstan"


async def test_dossier_is_cacheable(client: httpx.AsyncClient) -> None:
    first = await client.get(DOSSIER, headers={"Accept-Encoding": "identity"})
    assert first.headers["cache-control"] == "public, max-age=60"
    assert "last-modified" in first.headers
    again = await client.get(DOSSIER, headers={"If-None-Match": first.headers["etag"]})
    assert (again.status_code, again.content) == (304, b"")


@pytest.mark.parametrize(
    ("path", "status", "names"),
    [
        ("/v1/relations/AZ/AZ", 422, ["a", "b"]),
        ("/v1/relations/kz/KZ", 422, ["a", "b"]),
        ("/v1/relations/AZ/ZZ", 422, ["b"]),
        ("/v1/relations/QQ/ZZ", 422, ["a", "b"]),
        ("/v1/relations/ZZZ/KZ", 422, ["a"]),  # AZE would be Azerbaijan (test_country_codes)
        ("/v1/relations/A1/KZ", 422, ["a"]),
        ("/v1/relations/AZ/KZ?unknown=1", 400, ["unknown"]),
        ("/v1/relations/AZ/KZ?lang=fr", 422, ["lang"]),
        ("/v1/relations/AZ/KZ?points=0", 422, ["points"]),
        ("/v1/relations?country=ZZ", 422, ["country"]),
        ("/v1/relations?country=AZ&country=KZ&country=CN", 422, ["country"]),
        ("/v1/relations?sort=-records&cursor=eyJzb3J0IjoiaWQiLCJrZXkiOlsiQVoiLCJLWiJdfQ", 422, ["cursor"]),
    ],
)
async def test_bad_requests_are_problems(
    client: httpx.AsyncClient, path: str, status: int, names: list[str]
) -> None:
    response = await client.get(path)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert [error["name"] for error in response.json()["errors"]] == names


async def test_a_pair_without_data_is_a_404_that_says_so(client: httpx.AsyncClient) -> None:
    problem = await get(client, "/v1/relations/AZ/US", 404)
    assert problem["type"] == "/problems/not-found"
    assert problem["detail"].startswith("No data links AZ and US")
    assert (await get(client, "/v1/relations/us/az", 404))["detail"] == problem["detail"]


async def test_a_one_segment_path_is_a_404_that_shows_the_shape(client: httpx.AsyncClient) -> None:
    problem = await get(client, "/v1/relations/AZ-KZ", 404)
    assert "/v1/relations/AZ/KZ" in problem["detail"] and "'AZ-KZ'" in problem["detail"]


async def test_the_pair_id_is_the_dossier_path(client: httpx.AsyncClient) -> None:
    for item in (await get(client, "/v1/relations"))["items"]:
        dossier = await get(client, f"/v1/relations/{item['id']}")
        assert {key: dossier[key] for key in item} == item
    # Clients that escape the slash reach the same dossier.
    assert (await client.get("/v1/relations/AZ%2FKZ")).json()["id"] == "AZ/KZ"


async def test_dossier_queries_do_not_grow_with_the_data(
    client: httpx.AsyncClient, session: Session, count_queries: Any
) -> None:
    count_queries.count = 0
    await get(client, DOSSIER)
    assert count_queries.count <= 30

    both = [session.get_one(Country, "AZ"), session.get_one(Country, "KZ")]
    counted = []
    for n in range(40):
        _add_records_of_both(session, both, n)
        if n in (19, 39):  # every kind of record listed, then twice as many of each
            session.commit()
            count_queries.count = 0
            dossier = await get(client, DOSSIER)
            counted.append(count_queries.count)
    assert counted[0] == counted[1] <= 30
    assert dossier["counts"]["events"] == 45 and len(dossier["events"]) == 10
    assert dossier["counts"]["records"] == 14 + 4 * 40
    assert len(points(dossier)) == 45
    assert sum(len(group["agreements"]) for group in dossier["agreements_by_sector"]) == 4 + 40


async def test_a_dossier_on_sqlite_finds_the_pairs_records_once(
    client: httpx.AsyncClient, connection: Any
) -> None:
    """On SQLite, where a statement costs no round trip, the pair's events, agreements and projects
    are found by one statement and their ids passed on to the counts, the lists and the sources."""
    driver = connection.connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        pytest.skip("SQLite's trace: PostgreSQL's is test_faults.py's two round trips")
    sent: list[str] = []
    driver.set_trace_callback(sent.append)
    try:
        await get(client, DOSSIER)
        await get(client, f"{DOSSIER}?lang=ru&points=1")
        assert (await client.get(f"{DOSSIER}?as_of=2024-01-01")).status_code == 404
    finally:
        driver.set_trace_callback(None)
    # One statement of each dossier computed finds them, its events', agreements' and projects' alike.
    found = [statement.count("INTERSECT") for statement in sent if "INTERSECT" in statement]
    assert len(found) >= 2 and set(found) == {3}


def _add_records_of_both(session: Session, both: list[Country], n: int) -> None:
    """An event, an agreement, a trade figure and a project of the two countries, dated by `n`."""
    day = date(2000 + n, 1, 1)
    session.add(
        Event(
            id=f"test-event-{n:02d}",
            type=EventType.forum,
            title_en=f"Test {n}",
            title_ru=f"Тест {n}",
            date_start=day,
            date_end=day,
            date_precision=DatePrecision.day,
            countries=both,
        )
    )
    session.add(
        Agreement(
            id=f"test-agreement-{n:02d}",
            title_en=f"Test {n}",
            title_ru=f"Тест {n}",
            status=AgreementStatus.signed,
            date_start=day,
            date_end=day,
            date_precision=DatePrecision.day,
            countries=both,
            sector_rows=[AgreementSector(sector=Sector.energy)],
        )
    )
    session.add(
        TradeFigure(
            id=f"test-figure-{n:02d}",
            reporter_id="KZ" if n % 2 else "AZ",
            partner_id="AZ" if n % 2 else "KZ",
            indicator=Indicator.exports,
            commodity="TOTAL",
            period_start=day,
            period_end=date(2000 + n, 12, 31),
            period_kind=PeriodKind.year,
            value=n + 1,
            unit=Unit.USD,
            bound=Bound.exact,
            status=FigureStatus.reported,
        )
    )
    session.add(
        InfrastructureProject(
            id=f"test-project-{n:02d}",
            name_en=f"Test {n}",
            name_ru=f"Тест {n}",
            kind=ProjectKind.road,
            status=ProjectStatus.planned,
            countries=both,
        )
    )


# --- the list of pairs ---


async def test_every_pair_with_data_is_listed_once_with_its_counts(client: httpx.AsyncClient) -> None:
    page = await get(client, "/v1/relations")
    assert set(page) == {"items", "next_cursor"} and page["next_cursor"] is None
    assert [item["id"] for item in page["items"]] == SEED_PAIRS
    for item in page["items"]:
        a, b = (country["id"] for country in item["countries"])
        assert item["id"] == f"{a}/{b}" and a < b
        for kind, path in LISTS.items():
            total = (await get(client, path, country=[a, b], count="true"))["total"]
            assert item["counts"][kind] == total, (item["id"], kind)
        assert item["counts"]["records"] == sum(item["counts"][kind] for kind in LISTS)


async def test_a_countrys_pairs_have_the_counts_of_the_whole_list(client: httpx.AsyncClient) -> None:
    # Filtered by a country, the counting starts from that country's records (as reporter, as partner,
    # in every link table): its pairs must count exactly what the unfiltered list counts for them.
    everything = {item["id"]: item for item in (await get(client, "/v1/relations"))["items"]}
    countries = {code for pair in everything for code in pair.split("/")}
    assert len(countries) > 2
    for code in sorted(countries):
        for sort in ("id", "-records"):
            page = await get(client, "/v1/relations", country=code, sort=sort)
            expected = [item for item in everything.values() if code in item["id"].split("/")]
            assert sorted(page["items"], key=lambda item: item["id"]) == sorted(
                expected, key=lambda item: item["id"]
            ), code


async def test_pair_filters_and_sorts(client: httpx.AsyncClient) -> None:
    async def ids(**params: Any) -> list[str]:
        return [item["id"] for item in (await get(client, "/v1/relations", **params))["items"]]

    assert await ids(country="kz") == ["AZ/KZ", "CN/KZ", "KZ/UZ"]
    assert await ids(country=["KZ", "AZ"]) == ["AZ/KZ"]
    assert await ids(country=["CN", "UZ"]) == []
    assert await ids(q="узбек") == ["AZ/UZ", "KZ/UZ"]
    assert await ids(q="china") == ["AZ/CN", "CN/KZ"]
    assert await ids(sort="-id") == SEED_PAIRS[::-1]
    assert (await ids(sort="-records"))[0] == "AZ/KZ"
    assert (await ids(sort="records"))[-1] == "AZ/KZ"
    assert (await get(client, "/v1/relations", country="AZ", count="true"))["total"] == 3
    russian = await get(client, "/v1/relations", lang="ru", country=["AZ", "KZ"])
    assert [c["name"] for c in russian["items"][0]["countries"]] == ["Азербайджан", "Казахстан"]


async def test_pair_cursors_walk_every_pair_once(client: httpx.AsyncClient) -> None:
    for sort in ["id", "-id", "records", "-records"]:
        expected = [item["id"] for item in (await get(client, "/v1/relations", sort=sort))["items"]]
        seen: list[str] = []
        params: dict[str, Any] = {"sort": sort, "limit": 2}
        while True:
            response = await client.get("/v1/relations", params=params)
            body = response.json()
            seen += [item["id"] for item in body["items"]]
            if body["next_cursor"] is None:
                assert "link" not in response.headers
                break
            assert f"cursor={body['next_cursor']}" in response.headers["link"]
            params["cursor"] = body["next_cursor"]
        assert seen == expected, sort


def test_openapi_names_the_operations_and_schemas() -> None:
    spec = document()
    relations = spec["paths"]["/v1/relations"]["get"]
    dossier = spec["paths"]["/v1/relations/{a}/{b}"]["get"]
    assert (relations["operationId"], dossier["operationId"]) == ("listRelations", "getRelation")
    assert relations["tags"] == dossier["tags"] == ["relations"]
    ok = dossier["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ok == "#/components/schemas/PairDossier"
    for status in ("400", "404", "422"):
        assert list(resolve(spec, dossier["responses"][status])["content"]) == ["application/problem+json"]
    assert "/v1/relations/{pair}" not in spec["paths"]
