"""`as_of`: only what sources published on or before a day support."""

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from app.api_keys import create_key
from app.models import ContestedValue

pytestmark = pytest.mark.anyio

NOTE = "The ministers met in Baku in May 2024."


@pytest.fixture
def writer(session: Session) -> dict[str, str]:
    _, secret = create_key(session, "as-of-writer", "write")
    session.commit()
    return {"Authorization": f"Bearer {secret}"}


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def add_earlier_source(client: httpx.AsyncClient, writer: dict[str, str]) -> str:
    source = {
        "id": "may-note",
        "title": "[A note]",
        "kind": "other",
        "text": NOTE,
        "publication_date": "2024-05",
    }
    assert (await client.post("/v1/sources", json=source, headers=writer)).status_code == 201
    event = {
        "type": "ministerial_meeting",
        "title_en": "Ministers meet in Baku",
        "title_ru": "Встреча министров в Баку",
        "date": "2024-05",
        "countries": ["AZ", "KZ"],
        "citations": [{"source_id": "may-note", "quote": NOTE}],
    }
    created = await client.post("/v1/events", json=event, headers=writer)
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


async def test_lists_keep_what_was_published_by_then(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    event_id = await add_earlier_source(client, writer)
    source = (await client.get("/v1/sources/may-note")).json()
    assert (source["publication_date"], source["publication_date_precision"]) == ("2024-05-01", "month")
    # The seed article is dated only 2025: it counts from 2025-12-31; the note from 2024-05-31.
    assert ids(await client.get("/v1/events", params={"as_of": "2024-05-30"})) == []
    assert ids(await client.get("/v1/events", params={"as_of": "2024-05-31"})) == [event_id]
    assert len(ids(await client.get("/v1/events", params={"as_of": "2025-12-30"}))) == 1
    assert len(ids(await client.get("/v1/events", params={"as_of": "2025-12-31"}))) == 6
    assert ids(await client.get("/v1/trade-figures", params={"as_of": "2025-06-30"})) == []
    assert len(ids(await client.get("/v1/trade-figures", params={"as_of": "2026-01-01"}))) == 5
    assert ids(await client.get("/v1/agreements", params={"as_of": "2025-01-01"})) == []
    assert ids(await client.get("/v1/infrastructure-projects", params={"as_of": "2025-01-01"})) == []


async def test_a_record_not_yet_supported_is_not_found(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    event_id = await add_earlier_source(client, writer)
    assert (await client.get(f"/v1/events/{event_id}", params={"as_of": "2024-05-31"})).status_code == 200
    missing = await client.get(f"/v1/events/{event_id}", params={"as_of": "2024-05-30"})
    assert missing.status_code == 404 and "2024-05-30" in missing.json()["detail"]
    seed = "/v1/trade-figures/az-kz-trade-turnover-2024"
    assert (await client.get(seed, params={"as_of": "2025-12-01"})).status_code == 404
    assert (await client.get(seed, params={"as_of": "2025-12-31"})).status_code == 200
    assert (await client.get("/v1/events/no-such-event", params={"as_of": "2025-12-31"})).status_code == 404
    assert (await client.get(seed, params={"as_of": "2025-13-01"})).status_code == 422


async def test_a_series_as_of_a_day(client: httpx.AsyncClient) -> None:
    query: dict[str, Any] = {"reporter": "AZ", "partner": "KZ", "indicator": "trade_turnover"}
    before = await client.get("/v1/trade-figures/series", params=query | {"as_of": "2025-11-30"})
    assert before.status_code == 200 and before.json()["points"] == []
    after = await client.get("/v1/trade-figures/series", params=query | {"as_of": "2025-12-31"})
    assert len(after.json()["points"]) == 2


async def test_a_dossier_as_of_a_day(client: httpx.AsyncClient, writer: dict[str, str]) -> None:
    event_id = await add_earlier_source(client, writer)
    early = await client.get("/v1/relations/AZ/KZ", params={"as_of": "2024-12-31"})
    assert early.status_code == 200, early.text
    body = early.json()
    assert [event["id"] for event in body["events"]] == [event_id]
    assert body["counts"] == {
        "events": 1,
        "agreements": 0,
        "trade_figures": 0,
        "infrastructure_projects": 0,
        "records": 1,
    }
    assert body["trade_series"] == [] and [source["id"] for source in body["sources"]] == ["may-note"]
    assert body["links"]["events"].endswith("&as_of=2024-12-31")
    assert (await client.get("/v1/relations/AZ/KZ", params={"as_of": "2024-01-01"})).status_code == 404
    everything = (await client.get("/v1/relations/AZ/KZ")).json()
    assert everything["counts"]["events"] == 6


async def test_as_of_is_a_day_written_out(client: httpx.AsyncClient) -> None:
    for value in ("0", "1735603200", "2025-12", "2025-02-30"):
        response = await client.get("/v1/events", params={"as_of": value})
        assert response.status_code == 422, value
        assert response.json()["errors"][0]["name"] == "as_of"


SEED_QUOTE = "события, определившие динамику отношений между Баку и Астаной"
LATER_NOTE = "The ministers met in Baku in June 2024, a later note says."


async def corroborated_then_contested(
    client: httpx.AsyncClient, session: Session, writer: dict[str, str]
) -> str:
    """An event the May 2024 note states, the seed article (counting from 2025-12-31) corroborates,
    and a note of January 2026 contests on its date."""
    event_id = await add_earlier_source(client, writer)
    current = await client.get(f"/v1/events/{event_id}")
    citations = [
        {"source_id": "may-note", "quote": NOTE},
        {"source_id": "velizade-2025-az-kz-relations", "quote": SEED_QUOTE},
    ]
    changed = await client.patch(
        f"/v1/events/{event_id}",
        json={"citations": citations},
        headers=writer | {"If-Match": current.headers["ETag"]},
    )
    assert changed.status_code == 200, changed.text
    later = {"id": "january-note", "title": "[A later note]", "kind": "other", "text": LATER_NOTE}
    later["publication_date"] = "2026-01-15"
    assert (await client.post("/v1/sources", json=later, headers=writer)).status_code == 201
    quote = "June 2024"
    start = LATER_NOTE.index(quote)
    session.add(
        ContestedValue(
            event_id=event_id,
            field="date",
            value='"2024-06"',
            source_id="january-note",
            quote=quote,
            paragraph=1,
            char_start=start,
            char_end=start + len(quote),
            created_at=datetime.now(UTC),
        )
    )
    session.commit()
    return event_id


def support_of(record: dict[str, Any]) -> tuple[str, int, list[str], list[str]]:
    return (
        record["support"],
        record["source_count"],
        [citation["source_id"] for citation in record["citations"]],
        [value["source_id"] for value in record["contested"]],
    )


async def test_a_record_is_read_as_its_sources_stood_on_the_day(
    client: httpx.AsyncClient, session: Session, writer: dict[str, str]
) -> None:
    event_id = await corroborated_then_contested(client, session, writer)
    days = {
        "2024-06-01": ("single", 1, ["may-note"], []),
        "2025-12-31": ("corroborated", 2, ["may-note", "velizade-2025-az-kz-relations"], []),
        None: ("contested", 2, ["may-note", "velizade-2025-az-kz-relations"], ["january-note"]),
    }
    for day, expected in days.items():
        params = {} if day is None else {"as_of": day}
        record = await client.get(f"/v1/events/{event_id}", params=params)
        assert record.status_code == 200, record.text
        assert support_of(record.json()) == expected, day
        listed = await client.get("/v1/events", params=params | {"country": ["AZ", "KZ"], "limit": 100})
        [item] = [item for item in listed.json()["items"] if item["id"] == event_id]
        assert support_of(item) == expected, day
        included = await client.get(f"/v1/events/{event_id}", params=params | {"include": "people"})
        assert support_of(included.json()) == expected, day
        dossier = (await client.get("/v1/relations/AZ/KZ", params=params)).json()
        [event] = [event for event in dossier["events"] if event["id"] == event_id]
        assert support_of(event) == expected, day
        exported = await client.get(
            "/v1/events", params=params | {"format": "csv", "fields": "id,support,source_count"}
        )
        assert f"{event_id},{expected[0]},{expected[1]}" in exported.text, day
    # Filters on support see the day's support too.
    for day, status, found in (("2024-06-01", "single", True), ("2024-06-01", "corroborated", False)):
        filtered = await client.get("/v1/events", params={"as_of": day, "support": status, "limit": 100})
        assert (event_id in ids(filtered)) is found, (day, status)
    early = (await client.get("/v1/relations/AZ/KZ", params={"as_of": "2024-06-01"})).json()
    assert [source["id"] for source in early["sources"]] == ["may-note"]
