"""Curating the data: keys, validated writes, optimistic concurrency, idempotency, history, feed."""

from typing import Any

import httpx
import pytest
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session, object_session

from app.api_keys import create_key
from app.common.pagination import encode_cursor
from app.config import Settings
from app.curation import writes
from app.main import create_app
from app.signing import sign_cursor
from tests.conftest import Database, bind_to_test_transaction

pytestmark = pytest.mark.anyio

QUOTE = "Ключевым политическим событием года стал государственный визит президента Азербайджана"
SOURCE = "velizade-2025-az-kz-relations"
EVENT = {
    "type": "working_visit",
    "title_en": "Follow-up working visit",
    "title_ru": "Рабочий визит",
    "date": "2025-12",
    "host_country": "AZ",
    "countries": ["AZ", "KZ"],
    "people": ["kassym-jomart-tokayev"],
    "citations": [{"source_id": SOURCE, "quote": QUOTE}],
}


@pytest.fixture
def keys(session: Session) -> dict[str, dict[str, str]]:
    _, writer = create_key(session, "test-writer", "write")
    _, reader = create_key(session, "test-reader", "read")
    session.commit()
    return {
        "write": {"Authorization": f"Bearer {writer}"},
        "read": {"Authorization": f"Bearer {reader}"},
    }


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return dict(response.json())


async def test_writes_need_a_key_with_the_write_scope(
    client: httpx.AsyncClient, keys: dict[str, Any]
) -> None:
    unauthenticated = await client.post("/v1/events", json=EVENT)
    assert problem(unauthenticated, 401) and "bearer" in unauthenticated.headers["www-authenticate"].lower()
    problem(
        await client.post("/v1/events", json=EVENT, headers={"Authorization": "Bearer bk_nope_nope"}), 401
    )
    forbidden = await client.post("/v1/events", json=EVENT, headers=keys["read"])
    problem(forbidden, 403)
    assert "insufficient_scope" in forbidden.headers["www-authenticate"]
    created = await client.post("/v1/events", json=EVENT, headers=keys["write"])
    assert created.status_code == 201, created.text
    assert created.headers["location"] == "/v1/events/follow-up-working-visit"
    assert created.json()["title"] == "Follow-up working visit"


async def test_a_write_shows_up_at_once_in_lists_dossier_exports_and_etags(
    client: httpx.AsyncClient, keys: dict[str, Any]
) -> None:
    before = await client.get("/v1/events", params={"country": ["AZ", "KZ"]})
    dossier = (await client.get("/v1/relations/AZ/KZ")).json()
    assert (await client.post("/v1/events", json=EVENT, headers=keys["write"])).status_code == 201
    after = await client.get("/v1/events", params={"country": ["AZ", "KZ"]})
    assert after.headers["etag"] != before.headers["etag"]
    assert len(after.json()["items"]) == len(before.json()["items"]) + 1
    assert (
        await client.get("/v1/events", headers={"If-None-Match": before.headers["etag"]})
    ).status_code == 200
    assert (await client.get("/v1/relations/AZ/KZ")).json()["counts"]["events"] == dossier["counts"][
        "events"
    ] + 1
    export = await client.get("/v1/events", params={"format": "csv", "type": "working_visit"})
    assert "follow-up-working-visit" in export.text
    assert after.headers["last-modified"] >= before.headers["last-modified"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"countries": ["AZ", "ZZ"]}, "countries"),
        ({"people": ["nobody"]}, "people"),
        ({"date": "2025-13"}, "date"),
        ({"date": "2025-12/2025-01"}, "date"),
        (
            {"citations": [{"source_id": SOURCE, "quote": "Слова, которых нет в статье"}]},
            "citations[0].quote",
        ),
        ({"citations": [{"source_id": "no-such-source", "quote": QUOTE}]}, "citations[0].source_id"),
        ({"citations": []}, "citations"),
        ({"host_country": "TR"}, "host_country"),
        ({"colour": "blue"}, "colour"),
        ({"type": "picnic"}, "type"),
    ],
)
async def test_invalid_writes_are_422_naming_the_field(
    client: httpx.AsyncClient, keys: dict[str, Any], change: dict[str, Any], field: str
) -> None:
    body = problem(await client.post("/v1/events", json={**EVENT, **change}, headers=keys["write"]), 422)
    assert field in [error["name"] for error in body["errors"]], body


async def test_trade_figure_rules(client: httpx.AsyncClient, keys: dict[str, Any]) -> None:
    figure = {
        "reporter": "KZ",
        "partner": "AZ",
        "indicator": "exports",
        "period": "2025-01/2025-09",
        "value": 1.5,
        "unit": "USD",
        "bound": "range",
        "value_upper": 1.0,
        "status": "estimate",
        "citations": [{"source_id": SOURCE, "quote": "около 568 млн долларов"}],
    }
    assert (
        "value_upper"
        in problem(await client.post("/v1/trade-figures", json=figure, headers=keys["write"]), 422)["detail"]
    )
    created = await client.post(
        "/v1/trade-figures", json={**figure, "value_upper": 2.0}, headers=keys["write"]
    )
    assert created.status_code == 201, created.text
    assert created.json()["id"] == "kz-az-exports-2025-01-to-09-estimate"  # the importer's id, too
    assert created.json()["period_kind"] == "year_to_date"
    twin = await client.post(
        "/v1/trade-figures", json={**figure, "value_upper": 3.0, "id": "twin"}, headers=keys["write"]
    )
    assert "same reporter" in problem(twin, 409)["detail"]


async def test_a_figure_in_yen_is_created_filtered_and_exported(
    client: httpx.AsyncClient, keys: dict[str, Any]
) -> None:
    figure = {
        "reporter": "KZ",
        "partner": "AZ",
        "indicator": "imports",
        "period": "2024",
        "value": 1.2e12,
        "unit": "JPY",
        "bound": "exact",
        "status": "reported",
        "citations": [{"source_id": SOURCE, "quote": "около 568 млн долларов"}],
    }
    created = await client.post("/v1/trade-figures", json=figure, headers=keys["write"])
    assert created.status_code == 201, created.text
    assert created.json()["unit"] == "JPY"
    listed = (await client.get("/v1/trade-figures", params={"unit": "JPY"})).json()["items"]
    assert [item["id"] for item in listed] == [created.json()["id"]]
    export = await client.get("/v1/trade-figures", params={"unit": ["JPY", "XAU"], "format": "csv"})
    assert export.status_code == 200 and created.json()["id"] in export.text and ",JPY," in export.text
    series = await client.get(
        "/v1/trade-figures/series", params={"reporter": "KZ", "partner": "AZ", "indicator": "imports"}
    )
    assert series.status_code == 200, series.text
    assert series.json()["unit"] == "JPY" and [p["value"] for p in series.json()["points"]] == [1.2e12]
    problem(
        await client.post("/v1/trade-figures", json={**figure, "unit": "XYZ"}, headers=keys["write"]), 422
    )


async def test_updates_need_the_current_etag(client: httpx.AsyncClient, keys: dict[str, Any]) -> None:
    url = "/v1/organizations/eco"
    etag = (await client.get(url)).headers["etag"]
    assert etag.startswith('"v1-')
    problem(await client.patch(url, json={"name_en": "ECO"}, headers=keys["write"]), 428)
    first = await client.patch(
        url, json={"name_en": "ECO (renamed)"}, headers={**keys["write"], "If-Match": etag}
    )
    assert first.status_code == 200 and first.json()["name"] == "ECO (renamed)"
    assert first.headers["etag"].startswith('"v2-')
    # A second client with the same, now stale, ETag loses, and nothing of theirs is written.
    second = await client.patch(url, json={"name_en": "Other"}, headers={**keys["write"], "If-Match": etag})
    problem(second, 412)
    assert (await client.get(url)).json()["name"] == "ECO (renamed)"
    # The ETag a GET now gives is the one a PATCH answered with: a 304 for a cache, a pass for If-Match.
    assert (await client.get(url, headers={"If-None-Match": first.headers["etag"]})).status_code == 304
    nulled = await client.patch(
        url, json={"name_en": None}, headers={**keys["write"], "If-Match": first.headers["etag"]}
    )
    assert problem(nulled, 422)["errors"][0]["name"] == "name_en"


async def test_delete_leaves_a_410_and_readable_history(
    client: httpx.AsyncClient, keys: dict[str, Any]
) -> None:
    created = await client.post("/v1/events", json=EVENT, headers=keys["write"])
    url = created.headers["location"]
    changed = await client.patch(
        url, json={"summary_en": "Added."}, headers={**keys["write"], "If-Match": created.headers["etag"]}
    )
    problem(await client.delete(url, headers=keys["write"]), 428)
    assert (
        await client.delete(url, headers={**keys["write"], "If-Match": changed.headers["etag"]})
    ).status_code == 204
    assert "deleted" in problem(await client.get(url), 410)["detail"]
    revisions = (await client.get(f"{url}/revisions")).json()["items"]
    assert [r["action"] for r in revisions] == ["create", "update", "delete"]
    assert revisions[1]["changes"] == {"summary_en": [None, "Added."]}
    assert revisions[0]["actor"] == "test-writer"
    assert revisions[0]["changed_at"].endswith("+00:00")  # UTC, said so, on both engines
    assert revisions[2]["changes"]["title_en"] == ["Follow-up working visit", None]
    problem(await client.get("/v1/events/never-existed/revisions"), 404)
    # An id that never existed is a 404 whatever the cursor, a bad one or one past its revisions.
    problem(await client.get("/v1/events/never-existed/revisions?cursor=bad"), 404)
    past = encode_cursor("event/never-existed/revisions", "id", [10**9])
    problem(await client.get("/v1/events/never-existed/revisions", params={"cursor": past}), 404)
    revisions_of = url.removeprefix(str(client.base_url)).removeprefix("/v1/events/")
    past = encode_cursor(f"event/{revisions_of}/revisions", "id", [10**9])
    after_the_last = await client.get(f"{url}/revisions", params={"cursor": past})
    assert after_the_last.json() == {"items": [], "next_cursor": None}


async def test_referenced_records_cannot_be_deleted(client: httpx.AsyncClient, keys: dict[str, Any]) -> None:
    etag = (await client.get("/v1/places/gabala")).headers["etag"]
    response = await client.delete("/v1/places/gabala", headers={**keys["write"], "If-Match": etag})
    assert "refer" in problem(response, 409)["detail"]


async def test_idempotency_key_replays_the_first_answer(
    client: httpx.AsyncClient, keys: dict[str, Any]
) -> None:
    headers = {**keys["write"], "Idempotency-Key": "visit-1"}
    first = await client.post("/v1/events", json=EVENT, headers=headers)
    again = await client.post("/v1/events", json=EVENT, headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json() and again.headers["location"] == first.headers["location"]
    assert len((await client.get("/v1/events", params={"type": "working_visit"})).json()["items"]) == 1
    other = await client.post("/v1/events", json={**EVENT, "title_en": "Else"}, headers=headers)
    assert problem(other, 422)["errors"][0]["name"] == "Idempotency-Key"


async def test_change_feed_lists_every_change_in_order(
    client: httpx.AsyncClient, keys: dict[str, Any]
) -> None:
    start = (await client.get("/v1/changes", params={"limit": 1000})).json()["items"]
    last = start[-1]["id"] if start else 0
    created = await client.post("/v1/events", json=EVENT, headers=keys["write"])
    await client.delete(
        created.headers["location"], headers={**keys["write"], "If-Match": created.headers["etag"]}
    )
    feed = (await client.get("/v1/changes", params={"since": last})).json()["items"]
    assert [(c["record_type"], c["action"]) for c in feed] == [("event", "create"), ("event", "delete")]
    walked, cursor = [], None
    while True:
        page = (
            await client.get("/v1/changes", params={"limit": 7, **({"cursor": cursor} if cursor else {})})
        ).json()
        walked += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert walked == sorted(walked) and len(walked) == len(set(walked))
    problem(await client.get("/v1/changes", params={"since": "yesterday"}), 422)


async def test_seeded_records_have_their_creation_in_history(client: httpx.AsyncClient) -> None:
    [created] = (await client.get("/v1/agreements/az-kz-documents-2025-11/revisions")).json()["items"]
    assert (created["action"], created["actor"]) == ("create", "seed")
    assert created["changes"]["sector_rows"] == [
        None,
        ["agriculture", "digitalization", "industry", "transport"],
    ]


async def test_reads_can_require_a_key(
    seeded_database: Database, connection: Connection, keys: dict[str, Any]
) -> None:
    # The requirement is fixed when the app is made (a public deployment's reads skip the check).
    private = create_app(
        Settings(database_url=seeded_database.url, rate_limit_per_minute=0, require_read_key=True)
    )
    bind_to_test_transaction(private, connection)
    transport = httpx.ASGITransport(app=private)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            problem(await client.get("/v1/events"), 401)
            assert (await client.get("/v1/events", headers=keys["read"])).status_code == 200
    finally:
        private.state.engine.dispose()


async def test_numbers_out_of_range_and_update_constraints(
    client: httpx.AsyncClient, keys: dict[str, Any]
) -> None:
    huge = {**EVENT, "citations": [{"source_id": SOURCE, "quote": QUOTE, "paragraph": 2**70}]}
    assert problem(await client.post("/v1/events", json=huge, headers=keys["write"]), 422)
    url = f"/v1/sources/{SOURCE}"
    etag = (await client.get(url)).headers["etag"]
    for bad in ({"publication_year": 2**70}, {"publication_year": True}, {"language": "russian"}):
        response = await client.patch(url, json=bad, headers={**keys["write"], "If-Match": etag})
        assert problem(response, 422)["errors"][0]["name"] == next(iter(bad)), bad


async def test_event_link_rows_carry_the_events_dates_through_every_write(
    client: httpx.AsyncClient, keys: dict[str, Any], session: Session
) -> None:
    """Migration 0006's triggers: the country/person links of an event hold its dates, which the
    country+dates filter reads; a write of the dates or of the links keeps them equal."""
    from sqlalchemy import text

    def link_dates() -> set[tuple[str, str, str]]:
        rows = session.execute(
            text(
                "SELECT country_id, date_start, date_end FROM event_countries WHERE event_id = :e "
                "UNION ALL SELECT person_id, date_start, date_end FROM event_people WHERE event_id = :e"
            ),
            {"e": "follow-up-working-visit"},
        )
        return {(linked, str(start), str(end)) for linked, start, end in rows}

    created = await client.post("/v1/events", json=EVENT, headers=keys["write"])
    assert link_dates() == {
        (linked, "2025-12-01", "2025-12-31") for linked in ("AZ", "KZ", "kassym-jomart-tokayev")
    }
    url = created.headers["location"]
    moved = await client.patch(
        url,
        json={"date": "2026-03-02", "countries": ["AZ", "KZ", "TR"], "host_country": "TR"},
        headers={**keys["write"], "If-Match": created.headers["etag"]},
    )
    assert moved.status_code == 200, moved.text
    assert link_dates() == {
        (linked, "2026-03-02", "2026-03-02") for linked in ("AZ", "KZ", "TR", "kassym-jomart-tokayev")
    }
    window = {"country": ["TR"], "date_from": "2026-03-01", "date_to": "2026-03-31"}
    assert [e["id"] for e in (await client.get("/v1/events", params=window)).json()["items"]] == [
        "follow-up-working-visit"
    ]
    earlier = {**window, "date_from": "2025-12-01", "date_to": "2025-12-31"}
    assert (await client.get("/v1/events", params=earlier)).json()["items"] == []
    await client.delete(url, headers={**keys["write"], "If-Match": moved.headers["etag"]})
    assert link_dates() == set()


async def test_a_nul_character_in_a_body_string_is_a_422_naming_the_field(
    client: httpx.AsyncClient, keys: dict[str, Any]
) -> None:
    """PostgreSQL cannot store NUL in text; no engine accepts it, so SQLite and PostgreSQL agree."""
    cases = [
        ({**EVENT, "title_en": "Follow-up\x00visit"}, "title_en"),
        ({**EVENT, "citations": [{"source_id": SOURCE, "quote": QUOTE + "\x00"}]}, "citations[0].quote"),
    ]
    for body, field in cases:
        response = await client.post("/v1/events", json=body, headers=keys["write"])
        errors = problem(response, 422)["errors"]
        assert [error["name"] for error in errors] == [field], errors
        assert "NUL" in errors[0]["detail"], errors
    created = (await client.post("/v1/events", json=EVENT, headers=keys["write"])).json()
    etag = (await client.get(f"/v1/events/{created['id']}")).headers["etag"]
    changed = await client.patch(
        f"/v1/events/{created['id']}",
        json={"title_ru": "Визит\u0000"},
        headers={**keys["write"], "If-Match": etag},
    )
    assert [error["name"] for error in problem(changed, 422)["errors"]] == ["title_ru"]


async def test_integers_beyond_the_databases_range_are_a_422_naming_the_parameter(
    client: httpx.AsyncClient,
) -> None:
    """64-bit integers are what both engines hold: anything larger is refused before a query."""
    for since in ["9223372036854775808", "1" * 40, "\u00b2"]:
        body = problem(await client.get("/v1/changes", params={"since": since}), 422)
        assert [error["name"] for error in body["errors"]] == ["since"], body
    assert (await client.get("/v1/changes", params={"since": str(2**63 - 1)})).json()["items"] == []
    # Cursors are signed: these are as the service would sign them, with an id no row can have.
    for key in [2**63, -(2**63) - 1, 10**30]:
        cursor = sign_cursor(b'{"list":"changes","sort":"id","key":[%d]}' % key)
        body = problem(await client.get("/v1/changes", params={"cursor": cursor}), 422)
        assert [error["name"] for error in body["errors"]] == ["cursor"], body
    for limit in ["9223372036854775808", "0", "-1"]:
        body = problem(await client.get("/v1/events", params={"limit": limit}), 422)
        assert [error["name"] for error in body["errors"]] == ["limit"], body


async def test_a_cursor_belongs_to_the_list_that_issued_it(
    client: httpx.AsyncClient, keys: dict[str, Any]
) -> None:
    """Same sort, same shape of key, another list: refused, naming `cursor`, never a page of
    somewhere else."""
    created = (await client.post("/v1/events", json=EVENT, headers=keys["write"])).json()
    etag = (await client.get(f"/v1/events/{created['id']}")).headers["etag"]
    changed = await client.patch(
        f"/v1/events/{created['id']}",
        json={"summary_en": "Added."},
        headers={**keys["write"], "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text

    async def cursor_of(path: str) -> str:
        cursor = (await client.get(path)).json()["next_cursor"]
        assert cursor is not None, path
        return str(cursor)

    events = await cursor_of("/v1/events?limit=1&sort=id")
    countries = await cursor_of("/v1/countries?limit=1&sort=id")
    revisions = await cursor_of(f"/v1/events/{created['id']}/revisions?limit=1")
    changes = await cursor_of("/v1/changes?limit=1")
    relations = await cursor_of("/v1/relations?limit=1")
    assert (await client.get(f"/v1/events?sort=id&cursor={events}")).status_code == 200
    for path, cursor in [
        ("/v1/agreements?sort=id", events),
        ("/v1/people?sort=id", countries),
        ("/v1/changes?", revisions),
        (f"/v1/events/{created['id']}/revisions?", changes),
        ("/v1/events/aliyev-state-visit-kazakhstan-2025-11/revisions?", revisions),
        ("/v1/relations?", countries),
        ("/v1/countries?sort=id", relations),
    ]:
        body = problem(await client.get(f"{path}&cursor={cursor}"), 422)
        assert [error["name"] for error in body["errors"]] == ["cursor"], (path, body)
        assert "another list" in body["detail"], body


async def test_if_match_star_means_any_current_version_even_while_writers_race(
    client: httpx.AsyncClient, keys: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`*` never answers 412 because another writer moved the version between this request's read
    and its write; a named version still does."""
    created = await client.post("/v1/events", json=EVENT, headers=keys["write"])
    record_id = created.json()["id"]
    stale = created.headers["etag"]
    checked = writes._check_version

    def another_writer_commits_meanwhile(record: Any, if_match: str | None) -> None:
        checked(record, if_match)
        bump = text("UPDATE events SET version = version + 1 WHERE id = :id")
        object_session(record).connection().execute(bump, {"id": record_id})  # type: ignore[union-attr]

    monkeypatch.setattr(writes, "_check_version", another_writer_commits_meanwhile)
    star = {**keys["write"], "If-Match": "*"}
    changed = await client.patch(f"/v1/events/{record_id}", json={"summary_en": "Raced."}, headers=star)
    assert changed.status_code == 200, changed.text
    assert changed.headers["etag"].startswith('"v3-') and changed.json()["summary"] == "Raced."
    refused = await client.patch(
        f"/v1/events/{record_id}", json={"summary_en": "Late."}, headers={**keys["write"], "If-Match": stale}
    )
    problem(refused, 412)
    assert (await client.delete(f"/v1/events/{record_id}", headers=star)).status_code == 204
    problem(await client.get(f"/v1/events/{record_id}"), 410)
