"""HTTP caching: strong ETags that change when, and only when, the response would; 304s; gzip."""

import gzip
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime

import httpx
import pytest
from sqlalchemy.orm import Session

from app import datastate
from app.models import Event, TradeFigure

pytestmark = pytest.mark.anyio

VISIT = "/v1/events/aliyev-state-visit-kazakhstan-2025-11"
IDENTITY = {"Accept-Encoding": "identity"}


async def test_a_repeated_request_with_the_etag_is_a_bodyless_304(client: httpx.AsyncClient) -> None:
    for path in [VISIT, "/v1/events?country=AZ", "/openapi.json", "/docs"]:
        first = await client.get(path, headers=IDENTITY)
        etag = first.headers["etag"]
        assert etag.startswith('"') and not etag.startswith("W/")
        again = await client.get(path, headers={**IDENTITY, "If-None-Match": etag})
        assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag), path
        for spelling in [f"W/{etag}", f'"nope", {etag}', "*"]:
            assert (await client.get(path, headers={"If-None-Match": spelling})).status_code == 304
        assert (await client.get(path, headers={"If-None-Match": '"other"'})).status_code == 200


async def test_etag_changes_when_and_only_when_the_data_behind_it_changes(
    client: httpx.AsyncClient, session: Session
) -> None:
    visit_tag = (await client.get(VISIT)).headers["etag"]
    events_tag = (await client.get("/v1/events")).headers["etag"]
    figures_tag = (await client.get("/v1/trade-figures")).headers["etag"]

    figure = session.get_one(TradeFigure, "az-kz-trade-turnover-2024")
    figure.note_en = "Corrected note."
    session.commit()
    # Events do not show trade figures: their representations, and tags, stay the same.
    assert (await client.get(VISIT, headers={"If-None-Match": visit_tag})).status_code == 304
    assert (await client.get("/v1/events", headers={"If-None-Match": events_tag})).status_code == 304
    changed = await client.get("/v1/trade-figures", headers={"If-None-Match": figures_tag})
    assert changed.status_code == 200 and changed.headers["etag"] != figures_tag

    event = session.get_one(Event, "aliyev-state-visit-kazakhstan-2025-11")
    event.summary_en = "Corrected summary."
    session.commit()
    after = await client.get(VISIT, headers={"If-None-Match": visit_tag})
    assert after.status_code == 200 and after.json()["summary"] == "Corrected summary."


async def test_representations_in_other_languages_have_other_tags(client: httpx.AsyncClient) -> None:
    english = await client.get(VISIT)
    russian = await client.get(VISIT, headers={"Accept-Language": "ru"})
    assert english.headers["etag"] != russian.headers["etag"]
    assert (
        await client.get(VISIT, headers={"Accept-Language": "ru", "If-None-Match": english.headers["etag"]})
    ).status_code == 200


async def test_large_responses_are_gzipped_under_their_own_tag(client: httpx.AsyncClient) -> None:
    plain = await client.get("/v1/countries?limit=200", headers=IDENTITY)
    assert "content-encoding" not in plain.headers
    raw = await client.send(
        client.build_request("GET", "/v1/countries?limit=200", headers={"Accept-Encoding": "gzip"}),
        stream=True,
    )
    body = b"".join([chunk async for chunk in raw.aiter_raw()])  # as sent, not decoded
    await raw.aclose()
    assert raw.headers["content-encoding"] == "gzip"
    assert raw.headers["vary"].lower().count("accept-encoding") == 1
    assert raw.headers["etag"] == plain.headers["etag"][:-1] + '-gzip"'
    assert gzip.decompress(body) == plain.content
    assert len(body) < len(plain.content) / 3
    # Either tag revalidates: both name the same content.
    for tag in (plain.headers["etag"], raw.headers["etag"]):
        assert (
            await client.get("/v1/countries?limit=200", headers={"If-None-Match": tag})
        ).status_code == 304
    small = await client.get("/healthz", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers


async def test_last_modified_follows_the_data_version(client: httpx.AsyncClient, session: Session) -> None:
    response = await client.get(VISIT)
    last_modified = parsedate_to_datetime(response.headers["last-modified"])
    assert last_modified == datastate.current(session).changed_at
    later = format_datetime(last_modified + timedelta(seconds=1), usegmt=True)
    assert (await client.get(VISIT, headers={"If-Modified-Since": later})).status_code == 304
    earlier = format_datetime(last_modified - timedelta(days=1), usegmt=True)
    assert (await client.get(VISIT, headers={"If-Modified-Since": earlier})).status_code == 200


async def test_cache_control(client: httpx.AsyncClient) -> None:
    assert (await client.get("/v1/events")).headers["cache-control"] == "public, max-age=60"
    assert (await client.get("/healthz")).headers["cache-control"] == "no-store"
    problem = await client.get("/v1/events/nothing")
    assert problem.status_code == 404 and "etag" not in problem.headers


async def test_exports_revalidate_by_data_version(client: httpx.AsyncClient, session: Session) -> None:
    first = await client.get("/v1/events?format=csv")
    etag = first.headers["etag"]
    assert (await client.get("/v1/events?format=csv", headers={"If-None-Match": etag})).status_code == 304
    assert (await client.get("/v1/events?format=ndjson", headers={"If-None-Match": etag})).status_code == 200
    datastate.bump(session)
    session.commit()
    assert (await client.get("/v1/events?format=csv", headers={"If-None-Match": etag})).status_code == 200
