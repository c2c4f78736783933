"""The consistency report: contested values, and figures that contradict one another."""

from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from app.api_keys import create_key
from app.common.dates import DatePrecision
from app.conflicts.repository import partial_span

pytestmark = pytest.mark.anyio

SEED = "velizade-2025-az-kz-relations"
GROWTH = (
    "growth_implies_share:az-kz-trade-turnover-2025-01-to-09:az-kz-trade-turnover-growth-2025-01-to-09:"
    "az-kz-trade-turnover-2024"
)
QUOTE_2024 = "в 2024 году товарооборот между Азербайджаном и Казахстаном составил около 533 млн долларов"


@pytest.fixture
def writer(session: Session) -> dict[str, str]:
    _, secret = create_key(session, "conflict-writer", "write")
    session.commit()
    return {"Authorization": f"Bearer {secret}"}


def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_seed_article_contradicts_itself_on_the_2024_turnover(client: httpx.AsyncClient) -> None:
    [conflict] = ok(await client.get("/v1/conflicts"))["items"]
    assert conflict["id"] == GROWTH and conflict["kind"] == "growth_implies_share"
    assert conflict["countries"] == ["AZ", "KZ"] and conflict["record_type"] == "trade_figure"
    # 568 million up 6–7 % puts January–September 2024 at 531–536 million: all of 2024's 533 million.
    summary = conflict["summary"]
    assert "about 568 million USD" in summary and "up 6–7 %" in summary and "530.8 million" in summary
    assert "2024-01/2024-09" in summary and "(about 533 million USD)" in summary and "75%" in summary
    assert [claim["record_id"] for claim in conflict["claims"]] == GROWTH.split(":")[1:]
    text = ok(await client.get(f"/v1/sources/{SEED}"))["text"]
    for claim in conflict["claims"]:
        for citation in claim["citations"]:
            assert text[citation["char_start"] : citation["char_end"]] == citation["quote"]


async def test_a_part_above_its_whole_is_a_conflict(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    half = {
        "reporter": "KZ",  # turnover is the pair's: the order does not matter
        "partner": "AZ",
        "indicator": "trade_turnover",
        "period": "2024-01/2024-06",
        "value": 600e6,
        "unit": "USD",
        "bound": "exact",
        "status": "reported",
        "citations": [{"source_id": SEED, "quote": QUOTE_2024}],
    }
    created = await client.post("/v1/trade-figures", json=half, headers=writer)
    assert created.status_code == 201, created.text
    figure_id = created.json()["id"]
    found = ok(await client.get("/v1/conflicts", params={"kind": "part_exceeds_whole"}))["items"]
    assert [item["id"] for item in found] == [f"part_exceeds_whole:{figure_id}:az-kz-trade-turnover-2024"]
    assert "(600 million USD) is above" in found[0]["summary"]
    # 540 million for half a year is within "about 533 million" for the year: no conflict.
    patched = await client.patch(
        f"/v1/trade-figures/{figure_id}",
        json={"value": 540e6},
        headers=writer | {"If-Match": created.headers["etag"]},
    )
    assert patched.status_code == 200, patched.text
    assert ok(await client.get("/v1/conflicts", params={"kind": "part_exceeds_whole"}))["items"] == []


async def test_filters_and_pages(client: httpx.AsyncClient) -> None:
    assert len(ok(await client.get("/v1/conflicts", params={"country": ["AZ", "KZ"]}))["items"]) == 1
    assert ok(await client.get("/v1/conflicts", params={"country": "CN"}))["items"] == []
    assert ok(await client.get("/v1/conflicts", params={"record_type": "event"}))["items"] == []
    assert ok(await client.get("/v1/conflicts", params={"kind": "contested_value"}))["items"] == []
    first = ok(await client.get("/v1/conflicts", params={"limit": 1}))
    assert first["next_cursor"] is None
    bad = await client.get("/v1/conflicts", params={"kind": "nonsense"})
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
    assert (await client.get("/v1/conflicts", params={"cursor": "forged"})).status_code == 422


def test_a_window_is_written_as_the_create_body_writes_it() -> None:
    from datetime import date

    assert partial_span(date(2025, 11, 1), date(2025, 11, 30), DatePrecision.month) == "2025-11"
    assert partial_span(date(2025, 1, 1), date(2025, 12, 31), DatePrecision.year) == "2025"
    assert partial_span(date(2025, 1, 1), date(2025, 9, 30), DatePrecision.month) == "2025-01/2025-09"
    day = partial_span(date(2025, 10, 20), date(2025, 10, 21), DatePrecision.day)
    assert day == "2025-10-20/2025-10-21"
