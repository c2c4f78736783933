"""From an article to reviewed records with the real extractor: the walkthrough of
docs/sources-and-review.md, through the API, on both engines. The article is written for the docs."""

from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from app.api_keys import create_key

pytestmark = pytest.mark.anyio

ARTICLE = (
    "ASTANA, 21 October. President of Azerbaijan Ilham Aliyev paid a state visit to Kazakhstan on "
    "20–21 October 2025 and held talks with President Kassym-Jomart Tokayev in Astana.\n\n"
    "Following the talks, the sides signed 15 documents on trade, transport, energy and digitalization.\n\n"
    "Trade turnover between Azerbaijan and Kazakhstan reached 529.4 million dollars in 2024, the "
    "presidents said."
)
VISIT = "aliyev-state-visit-kazakhstan-2025-11"


@pytest.fixture
def writer(session: Session) -> dict[str, str]:
    _, secret = create_key(session, "reviewer", "write")
    session.commit()
    return {"Authorization": f"Bearer {secret}"}


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


async def test_an_article_corroborates_contests_and_adds(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    source = {
        "id": "example-wire-visit",
        "title": "Aliyev and Tokayev hold talks in Astana",
        "kind": "wire_report",
        "publication_date": "2025-10-21",
        "text": ARTICLE,
    }
    added = ok(await client.post("/v1/sources", json=source, headers=writer), 201)
    assert added["language"] == "en" and added["extractor_version"]
    items = ok(await client.get("/v1/candidates", params={"source": "example-wire-visit"}))["items"]
    by_kind = {item["record_type"]: item for item in items}
    # Tokayev and Astana are known: referred to, not proposed again.
    assert not {"person", "place"} & set(by_kind)
    assert (by_kind["trade_figure"]["action"], by_kind["trade_figure"]["target_id"]) == (
        "corroborate",
        "az-kz-trade-turnover-2024",
    )
    visit = by_kind["event"]
    assert (visit["action"], visit["target_id"], visit["contested_field"]) == ("contest", VISIT, "date")
    assert by_kind["agreement"]["action"] == "create" and by_kind["agreement"]["body"]["document_count"] == 15
    for item in items:
        assert ARTICLE[item["char_start"] : item["char_end"]] == item["quote"]

    body = {"source": "example-wire-visit", "confidence_min": 0}
    accepted = ok(await client.post("/v1/candidates/accept", json=body, headers=writer))["accepted"]
    assert {item["record_type"] for item in accepted} == {"event", "agreement", "trade_figure"}
    event = ok(await client.get(f"/v1/events/{VISIT}"))
    assert event["date_start"] == "2025-11-01" and event["support"] == "contested"
    agreement = next(item for item in accepted if item["record_type"] == "agreement")
    assert ok(await client.get(f"/v1/agreements/{agreement['record_id']}"))["event"]["id"] == VISIT
    figure = ok(await client.get("/v1/trade-figures/az-kz-trade-turnover-2024"))
    assert (figure["support"], figure["source_count"]) == ("corroborated", 2)
    conflicts = ok(await client.get("/v1/conflicts", params={"country": ["AZ", "KZ"]}))["items"]
    assert f"contested_value:event:{VISIT}:date" in {conflict["id"] for conflict in conflicts}
