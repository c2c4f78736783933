"""Every writable field of every resource, changed alone, leaves its revision, its change-feed entry
and a new data version, and the next (cached) GET shows the change with a new ETag."""

from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.api_keys import create_key
from app.models import DataState

pytestmark = pytest.mark.anyio

SOURCE = "velizade-2025-az-kz-relations"
QUOTE = "Ключевым политическим событием года стал государственный визит президента Азербайджана"
OTHER_QUOTE = "Экономическая динамика стала одним из наиболее показательных аспектов"
CITATIONS = [{"source_id": SOURCE, "quote": QUOTE}]
OTHER_CITATIONS = [{"source_id": SOURCE, "quote": OTHER_QUOTE}]

# A resource: its collection, a record to create, and for each field of its update body a new value
# and the revision key(s) that name the change (a column, or a to-many link).
Changes = dict[str, tuple[Any, tuple[str, ...]]]
CITED: Changes = {"citations": (OTHER_CITATIONS, ("citations",))}
RESOURCES: dict[str, tuple[dict[str, Any], Changes]] = {
    "events": (
        {
            "type": "working_visit",
            "title_en": "History probe visit",
            "title_ru": "Визит",
            "date": "2025-12",
            "location": "baku",
            "host_country": "AZ",
            "countries": ["AZ", "KZ"],
            "citations": CITATIONS,
        },
        {
            "type": ("official_visit", ("type",)),
            "status": ("planned", ("status",)),
            "title_en": ("Renamed visit", ("title_en",)),
            "title_ru": ("Другой визит", ("title_ru",)),
            "summary_en": ("A summary.", ("summary_en",)),
            "summary_ru": ("Кратко.", ("summary_ru",)),
            "date": ("2025-11-14", ("date_start", "date_end", "date_precision")),
            "external_codes": (
                [{"scheme": "CAMEO", "code": "042", "label": "Make a visit", "intensity": 1.9}],
                ("external_codes",),
            ),
            "location": ("astana", ("location_id",)),
            "host_country": ("KZ", ("host_country_id",)),
            "countries": (["AZ", "KZ", "TR"], ("countries",)),
            "people": (["ilham-aliyev"], ("people",)),
            "organizations": (["eco"], ("organizations",)),
            **CITED,
        },
    ),
    "agreements": (
        {
            "title_en": "History probe memorandum",
            "title_ru": "Меморандум",
            "status": "signed",
            "sectors": ["transport"],
            "date": "2025-11",
            "countries": ["AZ", "KZ"],
            "citations": CITATIONS,
        },
        {
            "title_en": ("Renamed memorandum", ("title_en",)),
            "title_ru": ("Другой меморандум", ("title_ru",)),
            "summary_en": ("A summary.", ("summary_en",)),
            "summary_ru": ("Кратко.", ("summary_ru",)),
            "status": ("ratified", ("status",)),
            "document_count": (3, ("document_count",)),
            "sectors": (["energy", "trade"], ("sector_rows",)),
            "date": ("2025-11-20", ("date_start", "date_end", "date_precision")),
            "event": ("aliyev-state-visit-kazakhstan-2025-11", ("event_id",)),
            "countries": (["AZ", "KZ", "TR"], ("countries",)),
            **CITED,
        },
    ),
    "trade-figures": (
        {
            "reporter": "AZ",
            "partner": "TR",
            "indicator": "exports",
            "commodity": "27",
            "period": "2023",
            "value": 100.0,
            "unit": "USD",
            "bound": "at_least",
            "status": "estimate",
            "citations": CITATIONS,
        },
        {
            "reporter": ("US", ("reporter_id",)),
            "partner": ("CN", ("partner_id",)),
            "indicator": ("imports", ("indicator",)),
            "commodity": ("28", ("commodity",)),
            "period": ("2023-01/2023-06", ("period_end", "period_kind")),
            "value": (150.0, ("value",)),
            "value_upper": (900.0, ("value_upper",)),
            "unit": ("EUR", ("unit",)),
            "bound": ("at_most", ("bound",)),
            "status": ("forecast", ("status",)),
            "compared_period": ("2022", ("compared_period_start", "compared_period_end")),
            "note_en": ("A note.", ("note_en",)),
            "note_ru": ("Заметка.", ("note_ru",)),
            "projects": (["middle-corridor"], ("projects",)),
            **CITED,
        },
    ),
    "infrastructure-projects": (
        {
            "name_en": "History probe line",
            "name_ru": "Линия",
            "kind": "railway",
            "status": "planned",
            "countries": ["AZ"],
            "citations": CITATIONS,
        },
        {
            "name_en": ("Renamed line", ("name_en",)),
            "name_ru": ("Другая линия", ("name_ru",)),
            "kind": ("road", ("kind",)),
            "status": ("operating", ("status",)),
            "summary_en": ("A summary.", ("summary_en",)),
            "summary_ru": ("Кратко.", ("summary_ru",)),
            "countries": (["AZ", "KZ"], ("countries",)),
            "places": (["aktau"], ("places",)),
            **CITED,
        },
    ),
    "organizations": (
        {"name_en": "History probe council", "name_ru": "Совет", "citations": CITATIONS},
        {
            "abbreviation_en": ("HPC", ("abbreviation_en",)),
            "abbreviation_ru": ("ИС", ("abbreviation_ru",)),
            "name_en": ("Renamed council", ("name_en",)),
            "name_ru": ("Другой совет", ("name_ru",)),
            **CITED,
        },
    ),
    "people": (
        {"name_en": "History Probe", "name_ru": "Проба", "country": "AZ", "citations": CITATIONS},
        {
            "name_en": ("Renamed Probe", ("name_en",)),
            "name_ru": ("Другая проба", ("name_ru",)),
            "role_en": ("Minister", ("role_en",)),
            "role_ru": ("Министр", ("role_ru",)),
            "country": ("KZ", ("country_id",)),
            **CITED,
        },
    ),
    "places": (
        {
            "name_en": "History probe",
            "name_ru": "Проба",
            "kind": "city",
            "country": "AZ",
            "citations": CITATIONS,
        },
        {
            "name_en": ("Renamed place", ("name_en",)),
            "name_ru": ("Другое место", ("name_ru",)),
            "kind": ("port", ("kind",)),
            "country": ("KZ", ("country_id",)),
            **CITED,
        },
    ),
    "sources": (
        {"title": "History probe", "language": "en", "kind": "article", "text": "One sentence."},
        {
            "title": ("Renamed source", ("title",)),
            "author": ("A. Writer", ("author",)),
            "language": ("ru", ("language",)),
            "publication_year": (2024, ("publication_year",)),
            "publication_date": ("2024-05", ("publication_date", "publication_date_precision")),
            "publisher": ("Example Wire", ("publisher",)),
            "retrieved_on": ("2025-01-02", ("retrieved_on",)),
            "kind": ("wire_report", ("kind",)),
            "url": ("https://example.org/a", ("url",)),
            "text": ("Another sentence.", ("text",)),
            "html": (
                "<html><body><article><p>A sentence from a page.</p></article></body></html>",
                ("text",),
            ),
        },
    ),
}


@pytest.fixture
def writer(session: Session) -> dict[str, str]:
    _, key = create_key(session, "history-writer", "write")
    session.commit()
    return {"Authorization": f"Bearer {key}"}


def data_version(session: Session) -> int:
    session.expire_all()
    return int(session.scalar(select(DataState.version).where(DataState.id == 1)) or 0)


async def last_change(client: httpx.AsyncClient, since: int) -> list[dict[str, Any]]:
    feed = await client.get("/v1/changes", params={"since": since, "limit": 1000})
    assert feed.status_code == 200, feed.text
    return list(feed.json()["items"])


async def feed_end(client: httpx.AsyncClient) -> int:
    since = 0
    while items := await last_change(client, since):
        since = items[-1]["id"]
    return since


@pytest.mark.parametrize("collection", list(RESOURCES))
async def test_each_field_changed_alone_is_recorded_and_served(
    client: httpx.AsyncClient, session: Session, writer: dict[str, str], collection: str
) -> None:
    body, changes = RESOURCES[collection]
    update_fields = set(
        (await client.get("/openapi.json")).json()["components"]["schemas"][_update_schema(collection)][
            "properties"
        ]
    )
    assert update_fields == set(changes), "every writable field is exercised"
    created = await client.post(f"/v1/{collection}", json=body, headers=writer)
    assert created.status_code == 201, created.text
    url = created.headers["location"]
    record_id = url.rsplit("/", 1)[1]
    [creation] = [item for item in await last_change(client, 0) if item["record_id"] == record_id] or [None]
    assert creation is not None and creation["action"] == "create"
    # A reference set on create is in the create revision too.
    for field, key in (
        ("location", "location_id"),
        ("host_country", "host_country_id"),
        ("country", "country_id"),
    ):
        if field in body:
            assert creation["changes"][key] == [None, body[field]], creation
    for field, (value, keys) in changes.items():
        # A Russian field shows in the Russian body.
        lang = {"Accept-Language": "ru" if field.endswith("_ru") else "en"}
        before = await client.get(url, headers=lang)
        assert before.status_code == 200
        assert (await client.get(url, headers=lang)).headers["etag"] == before.headers["etag"]  # cached
        version, since = data_version(session), await feed_end(client)
        patched = await client.patch(
            url, json={field: value}, headers=writer | lang | {"If-Match": before.headers["etag"]}
        )
        assert patched.status_code == 200, (field, patched.text)
        entries = await last_change(client, since)
        assert [(e["record_id"], e["action"]) for e in entries] == [(record_id, "update")], (field, entries)
        named = set(entries[0]["changes"])
        assert named & set(keys), (field, named)
        assert data_version(session) > version, field
        after = await client.get(url, headers=lang)
        assert after.headers["etag"] != before.headers["etag"], field
        assert after.headers["etag"] == patched.headers["etag"], field
        assert after.content == patched.content, field
        assert after.content != before.content, field


def _update_schema(collection: str) -> str:
    return {
        "events": "EventUpdate",
        "agreements": "AgreementUpdate",
        "trade-figures": "TradeFigureUpdate",
        "infrastructure-projects": "InfrastructureProjectUpdate",
        "organizations": "OrganizationUpdate",
        "people": "PersonUpdate",
        "places": "PlaceUpdate",
        "sources": "SourceUpdate",
    }[collection]
