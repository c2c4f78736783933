"""Each resource's filters, on the seed, through the API."""

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from app.api_keys import create_key
from app.config import Settings
from app.main import create_app
from tests.conftest import Database

pytestmark = pytest.mark.anyio
# A quote of the seed's source, for a figure a test writes.
QUOTE = "в 2024 году товарооборот между Азербайджаном и Казахстаном составил около 533 млн долларов"


async def ids(client: httpx.AsyncClient, url: str, **params: object) -> list[str]:
    response = await client.get(url, params=params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def problem(client: httpx.AsyncClient, url: str, status: int = 422, **params: object) -> str:
    response = await client.get(url, params=params)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return str(response.json()["detail"])


# --- events ---


async def test_country_filter_requires_every_country(client: httpx.AsyncClient) -> None:
    both = await ids(client, "/v1/events", country=["AZ", "KZ"])
    assert len(both) == 5
    assert await ids(client, "/v1/events", country=["az", "uz"]) == [
        "central-asia-consultative-meeting-tashkent-2025"
    ]
    assert await ids(client, "/v1/events", country=["AZ", "CN"]) == []


async def test_event_filters(client: httpx.AsyncClient) -> None:
    assert await ids(client, "/v1/events", organization="ots") == ["ots-summit-gabala-2025"]
    assert await ids(client, "/v1/events", place=["gabala", "khankendi"]) == [
        "eco-summit-khankendi-2025",
        "ots-summit-gabala-2025",
    ]
    assert await ids(client, "/v1/events", type=["state_visit", "ministerial_meeting"]) == [
        "az-kz-ministerial-meetings-2025",
        "aliyev-state-visit-kazakhstan-2025-11",
    ]
    assert await ids(client, "/v1/events", person="ilham-aliyev") == ["aliyev-state-visit-kazakhstan-2025-11"]
    assert await ids(client, "/v1/events", date_to="2024") == []
    assert (
        len(
            await ids(client, "/v1/events", date_from="2025-01-01", date_to="2025-12-31", date_match="within")
        )
        == 5
    )


@pytest.mark.parametrize("match", ["overlaps", "within"])
async def test_linked_and_dated_events_are_those_of_the_unfiltered_list(
    client: httpx.AsyncClient, match: str
) -> None:
    """country/person/organization with dates reads the dates copied onto the link rows: the answer
    must be what filtering every event by hand gives, for every linked record and window."""
    events = (await client.get("/v1/events", params={"limit": 500})).json()["items"]
    # (date_from, date_to, the first and the last day they mean)
    windows = [
        ("2025-01-01", "2025-06-30", "2025-01-01", "2025-06-30"),
        ("2025-07-01", "2025-12-31", "2025-07-01", "2025-12-31"),
        ("2025-11", "2025-11", "2025-11-01", "2025-11-30"),
        ("2025", "2025", "2025-01-01", "2025-12-31"),
    ]
    links = {"country": "countries", "person": "people", "organization": "organizations"}
    checked = 0
    for param, field in links.items():
        for linked in {ref["id"] for event in events for ref in event[field]}:
            for date_from, date_to, first, last in windows:
                expected = [
                    e["id"]
                    for e in sorted(events, key=lambda e: (e["date_start"], e["id"]))
                    if linked in {ref["id"] for ref in e[field]}
                    and (
                        first <= e["date_start"] and e["date_end"] <= last
                        if match == "within"
                        else e["date_end"] >= first and e["date_start"] <= last
                    )
                ]
                params = {
                    param: linked,
                    "date_from": date_from,
                    "date_to": date_to,
                    "date_match": match,
                    "sort": "date",
                }
                assert await ids(client, "/v1/events", **params) == expected, params
                checked += bool(expected)
    assert checked > 10  # the windows do select something


@pytest.mark.parametrize("sort", ["date", "-date"])
@pytest.mark.parametrize(
    "filters",
    [
        {"country": "AZ"},
        {"country": ["KZ", "AZ"]},
        {"country": "AZ", "person": "ilham-aliyev"},
        {"organization": "ots", "country": "AZ"},
        {"country": "AZ", "date_from": "2025-07", "date_match": "within"},
    ],
)
async def test_events_of_a_linked_record_by_date_page_like_the_whole_list(
    client: httpx.AsyncClient, sort: str, filters: dict[str, object]
) -> None:
    """By date, the events of a linked record are read in the order of its link rows' copy of the
    dates (pagination.sort_through): page by page they are the whole list's, in its order, with the
    same total and facet counts."""
    everything = await client.get("/v1/events", params={**filters, "limit": 500, "sort": "id"})
    expected = sorted(everything.json()["items"], key=lambda e: (e["date_start"], e["id"]))
    if sort == "-date":
        expected.reverse()
    paged: list[str] = []
    params: dict[str, object] = {**filters, "sort": sort, "limit": 1, "count": "true", "facets": "country"}
    for _ in range(len(expected) + 1):  # a cursor that goes round in circles fails, not hangs
        body = (await client.get("/v1/events", params=params)).json()
        assert body["total"] == len(expected)
        counts = {facet["value"]: facet["count"] for facet in body["facets"]["country"]}
        assert counts.get("AZ", 0) <= len(expected)
        paged += [item["id"] for item in body["items"]]
        if body["next_cursor"] is None:
            break
        params["cursor"] = body["next_cursor"]
    assert paged == [event["id"] for event in expected]


async def test_q_is_case_insensitive_in_russian_and_english(client: httpx.AsyncClient) -> None:
    assert await ids(client, "/v1/events", q="ХАНКЕНДИ") == ["eco-summit-khankendi-2025"]
    assert await ids(client, "/v1/events", q="gabala") == ["ots-summit-gabala-2025"]
    assert await ids(client, "/v1/organizations", q="отг") == ["ots"]
    assert await ids(client, "/v1/organizations", q="объединённых") == ["un"]  # ё
    assert await ids(client, "/v1/organizations", q="объединенных") == ["un"]  # е
    assert await ids(client, "/v1/events", q="100%") == []  # LIKE wildcards are literal


async def test_event_filter_errors(client: httpx.AsyncClient) -> None:
    assert "unknown person: nobody" in await problem(client, "/v1/events", person="nobody")
    assert "unknown country: ZZ" in await problem(client, "/v1/events", country="ZZ")
    assert "after date_to" in await problem(client, "/v1/events", date_from="2025-12", date_to="2025-01")
    assert "month must be" in await problem(client, "/v1/events", date_from="2025-13")
    assert "should match pattern" in await problem(client, "/v1/events", date_from="Nov 2025")
    assert "date_match" in await problem(client, "/v1/events", date_match="sometimes")
    assert "at most 10" in await problem(client, "/v1/events", country=["AZ"] * 11)


# --- agreements ---


async def test_agreement_filters(client: httpx.AsyncClient) -> None:
    documents = ["az-kz-documents-2025-11"]
    assert await ids(client, "/v1/agreements", sector=["transport", "agriculture"]) == documents
    assert await ids(client, "/v1/agreements", sector=["transport", "energy"]) == []
    assert (
        await ids(client, "/v1/agreements", event="aliyev-state-visit-kazakhstan-2025-11", status="signed")
        == documents
    )
    assert "unknown event" in await problem(client, "/v1/agreements", event="no-such-event")
    assert "sector" in await problem(client, "/v1/agreements", sector="space")


# --- trade figures ---


async def test_a_window_finds_a_period_across_years_written_after_an_earlier_read(
    client: httpx.AsyncClient, session: Session
) -> None:
    """Where a window may start is looked up once per data version (`other` periods, which cross a
    year's end): a figure written later, starting years before the window, is found all the same."""
    _, secret = create_key(session, "window-writer", "write")
    session.commit()
    window = {"date_from": "2024-01-01", "date_to": "2024-12-31", "date_match": "overlaps", "limit": 500}
    before = await ids(client, "/v1/trade-figures", **window)
    figure = {
        "reporter": "KZ",
        "partner": "AZ",
        "indicator": "exports",
        "period": "2021-07/2024-06",
        "value": 1e6,
        "unit": "USD",
        "bound": "exact",
        "status": "reported",
        "citations": [{"source_id": "velizade-2025-az-kz-relations", "quote": QUOTE}],
    }
    created = await client.post(
        "/v1/trade-figures", json=figure, headers={"Authorization": f"Bearer {secret}"}
    )
    assert created.status_code == 201, created.text
    after = await ids(client, "/v1/trade-figures", **window)
    assert set(after) == {*before, created.json()["id"]}


async def test_trade_value_and_period_filters(client: httpx.AsyncClient) -> None:
    assert await ids(client, "/v1/trade-figures", value_min=600_000_000) == [
        "az-kz-trade-turnover-2025-forecast"
    ]
    assert await ids(client, "/v1/trade-figures", unit="percent", value_max=10) == [
        "az-kz-trade-turnover-growth-2025-01-to-09"
    ]
    assert await ids(client, "/v1/trade-figures", period_from="2024", period_to="2024") == [
        "az-kz-trade-turnover-2024"
    ]
    assert await ids(client, "/v1/trade-figures", date_from="2024", date_to="2024") == [
        "az-kz-trade-turnover-2024"
    ]
    full_years = await ids(client, "/v1/trade-figures", indicator="trade_turnover", period_kind="year")
    assert "az-kz-trade-turnover-2025-01-to-09" not in full_years and len(full_years) == 2
    assert await ids(client, "/v1/trade-figures", bound="approximate", sort="-value") == [
        "az-kz-trade-turnover-2025-01-to-09",
        "az-kz-trade-turnover-2024",
    ]
    assert await ids(client, "/v1/trade-figures", reporter="KZ", partner="AZ") == [
        "kz-az-oil-transit-btc-2025"
    ]


async def test_trade_figures_of_a_country_are_either_sides_in_every_order(client: httpx.AsyncClient) -> None:
    """A country's figures, read as the pages of its reporter side and its partner side merged
    (`pagination.merged`), are the figures of the whole list that involve it, in the list's own
    order, page after page; with relations read in the page's statement or none (`fields=`)."""
    for sort, fields in [(sort, "") for sort in ("period", "-period", "value", "-value", "id", "-id")] + [
        ("-value", "id,value")
    ]:
        every = (await client.get("/v1/trade-figures", params={"sort": sort, "limit": 200})).json()["items"]
        countries = sorted({item[side]["id"] for item in every for side in ("reporter", "partner")})
        for country in countries[:3]:
            expected = [
                item["id"] for item in every if country in (item["reporter"]["id"], item["partner"]["id"])
            ]
            found: list[str] = []
            params: dict[str, object] = {"country": country, "sort": sort, "limit": 2}
            if fields:
                params["fields"] = fields
            while True:
                page = (await client.get("/v1/trade-figures", params=params)).json()
                found += [item["id"] for item in page["items"]]
                if not page["next_cursor"]:
                    break
                params["cursor"] = page["next_cursor"]
            assert found == expected, (country, sort)


async def test_trade_filter_errors(client: httpx.AsyncClient) -> None:
    assert "greater than value_max" in await problem(client, "/v1/trade-figures", value_min=10, value_max=1)
    assert "give one pair" in await problem(client, "/v1/trade-figures", period_from="2024", date_to="2025")
    assert "unknown country: XK" in await problem(client, "/v1/trade-figures", partner="XK")
    assert "value_min" in await problem(client, "/v1/trade-figures", value_min="lots")
    assert "indicator" in await problem(client, "/v1/trade-figures", indicator="gdp")


# --- infrastructure projects ---


async def test_project_filters(client: httpx.AsyncClient) -> None:
    assert await ids(client, "/v1/infrastructure-projects", place=["aktau", "alat"]) == ["middle-corridor"]
    assert await ids(client, "/v1/infrastructure-projects", kind="pipeline", country=["AZ", "KZ"]) == [
        "baku-tbilisi-ceyhan-pipeline"
    ]
    assert await ids(client, "/v1/infrastructure-projects", country="CN") == ["middle-corridor"]
    assert await ids(client, "/v1/infrastructure-projects", q="срединный") == ["middle-corridor"]
    assert "unknown place" in await problem(client, "/v1/infrastructure-projects", place="atlantis")
    # Projects have no dates: a date filter is an unknown parameter, not silently ignored.
    await problem(client, "/v1/infrastructure-projects", status=400, date_from="2025")


async def test_project_detail_embeds_related_records(client: httpx.AsyncClient) -> None:
    corridor = (await client.get("/v1/infrastructure-projects/middle-corridor")).json()
    assert [country["id"] for country in corridor["countries"]] == ["AZ", "CN", "KZ"]
    assert "aktau" in [place["id"] for place in corridor["places"]]
    assert [figure["id"] for figure in corridor["trade_figures"]] == ["az-kz-trade-turnover-2025-01-to-09"]


# --- reference entities and sources ---


async def test_countries(client: httpx.AsyncClient) -> None:
    assert await ids(client, "/v1/countries", cited=True) == ["AZ", "CN", "KZ", "RU", "TR", "US"]
    assert len(await ids(client, "/v1/countries", cited=False, limit=500)) == 249 - 6
    assert await ids(client, "/v1/countries", q="казахстан") == ["KZ"]
    kazakhstan = (await client.get("/v1/countries/kz", params={"lang": "ru"})).json()
    assert (kazakhstan["id"], kazakhstan["alpha3"], kazakhstan["name"]) == ("KZ", "KAZ", "Казахстан")
    assert kazakhstan["citations"]


async def test_people_and_places(client: httpx.AsyncClient) -> None:
    assert await ids(client, "/v1/people", country="KZ") == ["kassym-jomart-tokayev"]
    aliyev = (await client.get("/v1/people/ilham-aliyev")).json()
    assert (aliyev["role"], aliyev["country"]["id"]) == ("President of Azerbaijan", "AZ")
    assert await ids(client, "/v1/places", kind="port", country="AZ") == ["alat"]
    assert await ids(client, "/v1/places", kind="region", sort="-name") == [
        "south-caucasus",
        "europe",
        "eurasia",
        "central-asia",
    ]


async def test_source_detail_has_text_and_every_quote_in_order(client: httpx.AsyncClient) -> None:
    [source_id] = await ids(client, "/v1/sources", language="ru")
    source = (await client.get(f"/v1/sources/{source_id}")).json()
    assert source["author"] == "Ильгар Велизаде" and source["kind"] == "article"
    starts = [citation["char_start"] for citation in source["citations"]]
    assert starts == sorted(starts)
    for citation in source["citations"]:
        assert source["text"][citation["char_start"] : citation["char_end"]] == citation["quote"]
    kinds = {citation["record_type"] for citation in source["citations"]}
    assert kinds == {
        "event",
        "agreement",
        "trade_figure",
        "infrastructure_project",
        "country",
        "organization",
        "person",
        "place",
    }


# --- page statements kept per query shape (app/common/statements.py) ---


async def test_a_kept_page_statement_answers_with_each_requests_own_values(client: httpx.AsyncClient) -> None:
    from app.events.repository import EVENTS
    from app.trade.repository import TRADE_FIGURES

    everything = (await client.get("/v1/trade-figures", params={"limit": 200})).json()["items"]
    TRADE_FIGURES.shapes.clear()
    reporters = sorted({item["reporter"]["id"] for item in everything})[:4]
    cases: list[tuple[str, dict[str, object]]] = [
        ("/v1/trade-figures", {"reporter": reporter, "sort": sort, "limit": 2})
        for reporter in reporters
        for sort in ("period", "-value")
    ]
    cases += [("/v1/trade-figures", {"country": reporters[: n + 1], "limit": 3}) for n in range(3)]
    cases += [
        ("/v1/trade-figures", {"country": [reporter], "sort": sort, "limit": 2})
        for reporter in reporters
        for sort in ("-period", "-value")
    ]
    cases.append(("/v1/trade-figures", {"reporter": reporters[0], "sort": "period", "limit": 5}))
    cases += [
        ("/v1/events", {"country": country, "date_from": "2020", "sort": "date", "limit": 2})
        for country in ("AZ", "KZ", "UZ")
    ]
    cases += [
        ("/v1/events", {"type": kinds, "limit": 2}) for kinds in (["state_visit"], ["summit", "state_visit"])
    ]
    first = [(await client.get(url, params=params)).json() for url, params in cases]
    cases += [
        (url, {**params, "cursor": page["next_cursor"]})
        for (url, params), page in zip(cases, first, strict=True)
        if page["next_cursor"]
    ]
    kept = [(await client.get(url, params=params)).content for url, params in cases]
    # One statement per shape: which filters (one country condition per country), the sort, a cursor.
    shapes = {
        (
            tuple(params) if "country" not in params else len(params["country"]),
            params.get("sort"),
            "cursor" in params,
        )  # type: ignore[arg-type]
        for url, params in cases
        if url == "/v1/trade-figures"
    }
    assert len(TRADE_FIGURES.shapes) == len(shapes) < sum(url == "/v1/trade-figures" for url, _ in cases)
    built = []
    for url, params in cases:  # each built afresh
        TRADE_FIGURES.shapes.clear()
        EVENTS.shapes.clear()
        built.append((await client.get(url, params=params)).content)
    assert kept == built
    assert any(page["next_cursor"] for page in first)


async def test_postgresql_keeps_the_plan_of_a_page_statement(seeded_database: Database) -> None:
    """A page statement names its limit in its SQL: PostgreSQL plans a LIMIT it cannot see as a tenth
    of the table, and planned a prepared page statement again on every execution. (An app of its own:
    the test transaction's savepoints roll back, and psycopg forgets its prepared statements then.)"""
    if seeded_database.engine_name != "postgresql":
        pytest.skip("PostgreSQL's plan cache")
    app = create_app(Settings(database_url=seeded_database.url, rate_limit_per_minute=0, response_cache_mb=0))
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://test"
        ) as client:
            for _ in range(10):  # psycopg prepares a statement on its fifth execution
                assert (await client.get("/v1/trade-figures", params={"limit": 3})).status_code == 200
        # The reads' pool's last connection: the one that served (app.db.read_engine_for).
        with app.state.autocommit_engine.connect() as connection:
            plans = connection.exec_driver_sql(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                " WHERE strpos(statement, 'FROM trade_figures') > 0"
            ).all()
    finally:
        app.state.engine.dispose()
    assert plans and all(generic >= 1 for generic, _custom in plans)


async def test_a_shape_sqlalchemy_compiled_before_is_kept(client: httpx.AsyncClient, app: FastAPI) -> None:
    """The first request of a shape is kept even when SQLAlchemy's compiled cache already holds its
    SQL (an earlier statement of the same shape compiled it): its parameters are matched by position."""
    from app.trade.repository import TRADE_FIGURES

    everything = (await client.get("/v1/trade-figures", params={"limit": 200})).json()["items"]
    first, second = sorted({item["reporter"]["id"] for item in everything})[:2]
    params = {"sort": "-value", "limit": 2}
    await client.get("/v1/trade-figures", params={**params, "reporter": first})
    TRADE_FIGURES.shapes.clear()
    await client.get("/v1/trade-figures", params={**params, "reporter": second})
    assert len(TRADE_FIGURES.shapes) == 1
    other = {"sort": "-value", "limit": 1, "reporter": first}  # the same shape, values not asked before
    kept = await client.get("/v1/trade-figures", params=other)
    TRADE_FIGURES.shapes.clear()
    if app.state.response_cache is not None:
        app.state.response_cache.clear()
    built = await client.get("/v1/trade-figures", params=other)
    assert kept.content == built.content
    assert kept.json()["items"], "a page with rows"
