"""Adding a source proposes candidates; reviewing them writes through the one write path.

The extractor is replaced here by a fixed list of proposals over a text written for the test, so these
tests pin the review workflow; tests/unit/test_extraction_*.py pin what the extractor reads.
"""

import dataclasses
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from app.api_keys import create_key
from app.candidates import repository
from app.config import Settings
from app.extraction import EXTRACTOR_VERSION, Known, Proposal

pytestmark = pytest.mark.anyio

TEXT = (
    "ASTANA, 21 October. The presidents of Kazakhstan and Azerbaijan held talks in Astana on "
    "20–21 October 2025, joined by Deputy Minister Arman Testov.\n\n"
    "The sides signed 12 documents on transport and energy.\n\n"
    "Trade turnover between the two countries reached about 529.4 million dollars in 2024."
)
TALKS = TEXT.index("The presidents")
TALKS_END = TEXT.index("Testov.") + len("Testov.")
SIGNED = TEXT.index("The sides")
SIGNED_END = TEXT.index("energy.") + len("energy.")
TURNOVER = TEXT.index("Trade turnover")


def proposals(text: str, **_: Any) -> list[Proposal]:
    assert text == TEXT
    person = {
        "id": "arman-testov",
        "name_en": "Arman Testov",
        "name_ru": "Арман Тестов",
        "role_en": "Deputy Minister",
        "country": "KZ",
    }
    talks = {
        "type": "talks",
        "title_en": "Talks of the presidents of Azerbaijan and Kazakhstan in Astana",
        "title_ru": "Переговоры президентов Азербайджана и Казахстана в Астане",
        "date": "2025-10-20/2025-10-21",
        "location": "astana",
        "host_country": "KZ",
        "countries": ["AZ", "KZ"],
        "people": ["arman-testov"],
    }
    signed = {
        "title_en": "12 documents on transport and energy",
        "title_ru": "12 документов в сфере транспорта и энергетики",
        "status": "signed",
        "document_count": 12,
        "sectors": ["transport", "energy"],
        "date": "2025-10-20/2025-10-21",
        "event": "talks-of-the-presidents-of-azerbaijan-and-kazakhstan-in-astana",
        "countries": ["AZ", "KZ"],
    }
    turnover = {
        "reporter": "KZ",
        "partner": "AZ",
        "indicator": "trade_turnover",
        "period": "2024",
        "value": 529_400_000,
        "unit": "USD",
        "bound": "approximate",
        "status": "reported",
    }
    return [
        Proposal("person:arman-testov", "person", person, TALKS, TALKS_END, 0.6),
        Proposal("event:1", "event", talks, TALKS, TALKS_END, 0.9, ("person:arman-testov",)),
        Proposal("agreement:1", "agreement", signed, SIGNED, SIGNED_END, 0.8, ("event:1",)),
        Proposal("trade_figure:1", "trade_figure", turnover, TURNOVER, len(TEXT), 0.95),
    ]


@pytest.fixture(autouse=True)
def extractor(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake(text: str, **kwargs: Any) -> list[Proposal]:
        calls.append(kwargs)
        return proposals(text)

    monkeypatch.setattr(repository, "extract", fake)
    return calls


@pytest.fixture
def writer(session: Session) -> dict[str, str]:
    _, secret = create_key(session, "reviewer-1", "write")
    session.commit()
    return {"Authorization": f"Bearer {secret}"}


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return dict(response.json())


async def add_source(client: httpx.AsyncClient, writer: dict[str, str], **fields: Any) -> dict[str, Any]:
    body = {"title": "Talks in Astana", "kind": "wire_report", "text": TEXT, "publication_date": "2025-10-21"}
    return dict(ok(await client.post("/v1/sources", json=body | fields, headers=writer), 201))


async def candidates(client: httpx.AsyncClient, **params: Any) -> dict[str, dict[str, Any]]:
    page = ok(await client.get("/v1/candidates", params={"source": "talks-in-astana", **params}))
    return {item["key"]: item for item in page["items"]}


async def test_adding_a_source_proposes_candidates_with_verbatim_quotes(
    client: httpx.AsyncClient, writer: dict[str, str], extractor: list[dict[str, Any]]
) -> None:
    source = await add_source(client, writer)
    assert source["language"] == "en"  # detected
    assert source["publication_date"] == "2025-10-21" and source["publication_date_precision"] == "day"
    assert source["extractor_version"] == EXTRACTOR_VERSION and source["extraction_note"] is None
    [call] = extractor
    assert call["language"] == "en" and call["published"] == date(2025, 10, 21)
    assert any(isinstance(known, Known) and known.id == "astana" for known in call["known"])

    found = await candidates(client)
    assert set(found) == {"person:arman-testov", "event:1", "agreement:1", "trade_figure:1"}
    for candidate in found.values():
        assert TEXT[candidate["char_start"] : candidate["char_end"]] == candidate["quote"]
        assert candidate["status"] == "pending" and candidate["extractor_version"] == EXTRACTOR_VERSION
        assert candidate["body"]["citations"] == [
            {"source_id": "talks-in-astana", "quote": candidate["quote"], "paragraph": candidate["paragraph"]}
        ]
    assert found["agreement:1"]["paragraph"] == 2
    # The seed states the 2024 turnover for AZ–KZ: the same figure, whichever country comes first.
    figure = found["trade_figure:1"]
    assert figure["action"] == "corroborate" and figure["target_id"] == "az-kz-trade-turnover-2024"
    assert found["event:1"]["action"] == "create" and found["event:1"]["requires"] == ["person:arman-testov"]

    filtered = await candidates(client, kind="trade_figure", confidence_min=0.9)
    assert list(filtered) == ["trade_figure:1"]
    assert (
        ok(await client.get("/v1/candidates", params={"status": "accepted", "count": "true"}))["total"] == 0
    )


async def test_accepting_creates_what_it_requires_first_with_the_reviewer_and_origin(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    await add_source(client, writer)
    found = await candidates(client)
    event = found["event:1"]
    accepted = ok(await client.post(f"/v1/candidates/{event['id']}/accept", json={}, headers=writer))
    assert [item["key"] for item in accepted["accepted"]] == ["person:arman-testov", "event:1"]
    assert all(
        item["status"] == "accepted" and item["reviewed_by"] == "reviewer-1" for item in accepted["accepted"]
    )
    event_id = accepted["accepted"][1]["record_id"]

    record = ok(await client.get(f"/v1/events/{event_id}"))
    assert record["type"] == "talks" and record["status"] == "held"
    assert record["date_start"] == "2025-10-20" and record["date_end"] == "2025-10-21"
    assert [person["id"] for person in record["people"]] == ["arman-testov"]
    assert record["citations"][0]["quote"] == event["quote"]
    [revision] = ok(await client.get(f"/v1/events/{event_id}/revisions"))["items"]
    assert revision["actor"] == "reviewer-1"
    assert revision["origin"] == {"candidate_id": event["id"], "extractor_version": EXTRACTOR_VERSION}

    again = problem(await client.post(f"/v1/candidates/{event['id']}/accept", json={}, headers=writer), 409)
    assert "accepted already" in again["detail"]


async def test_an_edit_is_validated_like_any_write_and_nothing_is_half_written(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    await add_source(client, writer)
    event = (await candidates(client))["event:1"]
    bad = problem(
        await client.post(
            f"/v1/candidates/{event['id']}/accept", json={"edits": {"date": "2025-13"}}, headers=writer
        ),
        422,
    )
    assert bad["errors"][0]["name"] == "body.date"
    # The person it requires was not created either: one transaction.
    problem(await client.get("/v1/people/arman-testov"), 404)
    assert (await candidates(client))["person:arman-testov"]["status"] == "pending"

    edited = await client.post(
        f"/v1/candidates/{event['id']}/accept",
        json={"edits": {"people": [], "date": "2025-10-20"}},
        headers=writer,
    )
    [item] = ok(edited)["accepted"]  # the edit took the person out: it is not accepted with it
    assert item["body"]["date"] == "2025-10-20"
    assert ok(await client.get(f"/v1/events/{item['record_id']}"))["date_precision"] == "day"


async def test_a_rejected_candidate_stays_with_its_reason_and_blocks_what_needs_it(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    await add_source(client, writer)
    found = await candidates(client)
    person = found["person:arman-testov"]
    rejected = ok(
        await client.post(
            f"/v1/candidates/{person['id']}/reject", json={"reason": "Not a participant"}, headers=writer
        )
    )
    assert rejected["status"] == "rejected" and rejected["reason"] == "Not a participant"
    problem(await client.post(f"/v1/candidates/{person['id']}/accept", json={}, headers=writer), 409)
    blocked = problem(
        await client.post(f"/v1/candidates/{found['event:1']['id']}/accept", json={}, headers=writer), 409
    )
    assert "rejected" in blocked["detail"]
    problem(await client.post(f"/v1/candidates/{person['id']}/reject", json={}, headers=writer), 422)


async def test_corroborating_adds_the_quote_to_the_stored_record(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    await add_source(client, writer)
    figure = (await candidates(client))["trade_figure:1"]
    [item] = ok(await client.post(f"/v1/candidates/{figure['id']}/accept", json={}, headers=writer))[
        "accepted"
    ]
    assert item["record_id"] == "az-kz-trade-turnover-2024" and item["action"] == "corroborate"
    stored = ok(await client.get("/v1/trade-figures/az-kz-trade-turnover-2024"))
    assert stored["value"] == 533_000_000  # the record keeps its value; the new source supports it
    sources = {citation["source_id"] for citation in stored["citations"]}
    assert sources == {"velizade-2025-az-kz-relations", "talks-in-astana"}


async def test_accepting_a_source_above_a_confidence_is_one_transaction(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    await add_source(client, writer)
    accepted = ok(
        await client.post(
            "/v1/candidates/accept", json={"source": "talks-in-astana", "confidence_min": 0.8}, headers=writer
        )
    )["accepted"]
    # The agreement needs the event, which needs the person (below the confidence, but required).
    assert [item["key"] for item in accepted] == [
        "person:arman-testov",
        "event:1",
        "agreement:1",
        "trade_figure:1",
    ]
    agreement = ok(await client.get(f"/v1/agreements/{accepted[2]['record_id']}"))
    assert agreement["document_count"] == 12 and agreement["event"]["id"] == accepted[1]["record_id"]
    problem(
        await client.post(
            "/v1/candidates/accept", json={"source": "nope", "confidence_min": 0.5}, headers=writer
        ),
        422,
    )


async def test_review_needs_the_write_scope(client: httpx.AsyncClient, writer: dict[str, str]) -> None:
    await add_source(client, writer)
    figure = (await candidates(client))["trade_figure:1"]
    problem(await client.post(f"/v1/candidates/{figure['id']}/accept", json={}), 401)
    problem(await client.get("/v1/candidates/999999"), 404)


async def test_a_language_without_an_extractor_is_stored_with_the_reason(
    client: httpx.AsyncClient, writer: dict[str, str], extractor: list[dict[str, Any]]
) -> None:
    source = await add_source(
        client, writer, title="Gespräche", text="Die Präsidenten führten Gespräche in Astana.", language="de"
    )
    assert source["extractor_version"] is None and "'de'" in source["extraction_note"]
    assert extractor == []
    assert ok(await client.get("/v1/candidates", params={"source": source["id"]}))["items"] == []


PAGE = """<html><head><title>Talks in Astana | Example Wire</title>
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2025-10-21T09:00:00Z"></head>
<body><nav>Home | World | Business | Sport</nav><article><h1>Talks in Astana</h1>
<p>The presidents of Kazakhstan and Azerbaijan held talks in Astana on 20–21 October 2025.</p>
<p>Trade between the two countries grew last year, officials said after the meeting.</p></article>
<footer>All rights reserved. Subscribe to our newsletter.</footer></body></html>"""


async def test_an_html_page_is_stored_as_its_main_text_with_its_metadata(
    client: httpx.AsyncClient, writer: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository, "extract", lambda text, **kwargs: [])
    body = {"kind": "wire_report", "html": PAGE, "url": "https://example.org/talks"}
    source = ok(await client.post("/v1/sources", json=body, headers=writer), 201)
    assert source["title"] == "Talks in Astana"
    assert source["author"] == "Jane Roe" and source["publisher"] == "Example Wire"
    assert source["publication_date"] == "2025-10-21" and source["language"] == "en"
    text = ok(await client.get(f"/v1/sources/{source['id']}"))["text"]
    assert "held talks in Astana" in text and "Subscribe" not in text and "Sport" not in text
    assert "\n\n" in text  # paragraphs apart by blank lines, as citations count them

    empty = problem(
        await client.post(
            "/v1/sources",
            json={**body, "html": "<html><body><script>x()</script></body></html>"},
            headers=writer,
        ),
        422,
    )
    assert empty["errors"][0]["name"] == "html"


async def test_bad_source_bodies_are_refused(client: httpx.AsyncClient, writer: dict[str, str]) -> None:
    base = {"title": "T", "kind": "article"}
    neither = problem(await client.post("/v1/sources", json=base, headers=writer), 422)
    assert neither["errors"][0]["name"] == "text"
    both = problem(
        await client.post("/v1/sources", json=base | {"text": "A.", "html": "<p>A.</p>"}, headers=writer), 422
    )
    assert both["errors"][0]["name"] == "html"
    no_title = problem(
        await client.post("/v1/sources", json={"kind": "article", "text": "Some text."}, headers=writer), 422
    )
    assert no_title["errors"][0]["name"] == "title"
    digits = problem(await client.post("/v1/sources", json=base | {"text": "12 34 56"}, headers=writer), 422)
    assert "letters" in digits["detail"]
    year = problem(
        await client.post(
            "/v1/sources",
            json=base | {"text": "Talks.", "publication_date": "2025-10", "publication_year": 2024},
            headers=writer,
        ),
        422,
    )
    assert year["errors"][0]["name"] == "publication_year"
    bad_date = await client.post(
        "/v1/sources", json=base | {"text": "Talks.", "publication_date": "2025-1"}, headers=writer
    )
    problem(bad_date, 422)


DISPUTE = (
    "BAKU, 22 October. President Ilham Aliyev paid a state visit to Kazakhstan on 20–21 October 2025.\n\n"
    "The sides signed 15 documents.\n\n"
    "Turnover between Azerbaijan and Kazakhstan was 600 million dollars in 2024.\n\n"
    "In 2024 trade between the two countries came to 529.4 million dollars."
)


def disputing(text: str, **_: Any) -> list[Proposal]:
    visit = text.index("President")
    first = text.index("Turnover")
    second = text.index("In 2024")
    figure = {
        "reporter": "AZ",
        "partner": "KZ",
        "indicator": "trade_turnover",
        "period": "2024",
        "unit": "USD",
        "bound": "exact",
        "status": "reported",
    }
    event = {
        "type": "state_visit",
        "title_en": "State visit of President Ilham Aliyev to Kazakhstan",
        "title_ru": "Государственный визит президента Азербайджана Ильхама Алиева в Казахстан",
        "date": "2025-10-20/2025-10-21",
        "host_country": "KZ",
        "countries": ["AZ", "KZ"],
        "people": ["ilham-aliyev"],
        "id": "state-visit-2025-10",
    }
    signed = {
        "title_en": "15 documents",
        "title_ru": "15 документов",
        "status": "signed",
        "document_count": 15,
        "sectors": ["other"],
        "date": "2025-10-20/2025-10-21",
        "event": "state-visit-2025-10",
        "countries": ["AZ", "KZ"],
    }
    documents = text.index("The sides")
    return [
        Proposal("event:1", "event", event, visit, text.index("2025.") + 5, 0.9),
        Proposal(
            "agreement:1", "agreement", signed, documents, text.index("documents.") + 10, 0.9, ("event:1",)
        ),
        Proposal("trade_figure:1", "trade_figure", figure | {"value": 600e6}, first, second - 2, 0.9),
        Proposal("trade_figure:2", "trade_figure", figure | {"value": 529.4e6}, second, len(text), 0.9),
    ]


async def test_a_value_another_source_contradicts_is_held_as_contested(
    client: httpx.AsyncClient, writer: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository, "extract", disputing)
    await add_source(client, writer, title="Visit to Astana", text=DISPUTE)
    page = ok(await client.get("/v1/candidates", params={"source": "visit-to-astana"}))["items"]
    found = {item["key"]: item for item in page}
    # "In November 2025" (the seed) and 20–21 October are the same visit, dated apart.
    assert found["event:1"]["action"] == "contest" and found["event:1"]["contested_field"] == "date"
    assert found["event:1"]["target_id"] == "aliyev-state-visit-kazakhstan-2025-11"
    # "About 533 million" (the seed) and 600 million cannot both be right; 529.4 million can.
    assert (found["trade_figure:1"]["action"], found["trade_figure:1"]["contested_field"]) == (
        "contest",
        "value",
    )
    assert (found["trade_figure:2"]["action"], found["trade_figure:2"]["contested_field"]) == (
        "corroborate",
        None,
    )

    ok(
        await client.post(
            "/v1/candidates/accept", json={"source": "visit-to-astana", "confidence_min": 0}, headers=writer
        )
    )
    event = ok(await client.get("/v1/events/aliyev-state-visit-kazakhstan-2025-11"))
    assert event["date_start"] == "2025-11-01"  # the record keeps its own date
    assert event["support"] == "contested" and event["source_count"] == 1
    [alternative] = event["contested"]
    assert alternative["field"] == "date" and alternative["value"] == '"2025-10-20/2025-10-21"'
    assert DISPUTE[alternative["char_start"] : alternative["char_end"]] == alternative["quote"]

    # The documents were signed at the visit the seed states: the agreement refers to that record.
    [signed] = [item for item in page if item["key"] == "agreement:1"]
    agreement = ok(await client.get(f"/v1/candidates/{signed['id']}"))
    assert agreement["status"] == "accepted" and agreement["body"]["event"] == event["id"]
    assert ok(await client.get(f"/v1/agreements/{agreement['record_id']}"))["event"]["id"] == event["id"]
    figure = ok(await client.get("/v1/trade-figures/az-kz-trade-turnover-2024"))
    assert figure["support"] == "contested" and figure["source_count"] == 2
    assert [(value["field"], value["value"]) for value in figure["contested"]] == [("value", "600000000.0")]
    contested = ok(await client.get("/v1/trade-figures", params={"support": "contested"}))["items"]
    assert [item["id"] for item in contested] == ["az-kz-trade-turnover-2024"]
    single = ok(await client.get("/v1/events", params={"support": "single", "count": "true"}))
    assert single["total"] == 4
    conflicts = ok(await client.get("/v1/conflicts", params={"kind": "contested_value"}))["items"]
    by_id = {conflict["id"]: conflict for conflict in conflicts}
    dated = by_id["contested_value:event:aliyev-state-visit-kazakhstan-2025-11:date"]
    assert [claim["value"] for claim in dated["claims"]] == ['"2025-11"', '"2025-10-20/2025-10-21"']
    assert [claim["citations"][0]["source_id"] for claim in dated["claims"]] == [
        "velizade-2025-az-kz-relations",
        "visit-to-astana",
    ]
    assert "contested_value:trade_figure:az-kz-trade-turnover-2024:value" in by_id
    dossier = ok(await client.get("/v1/relations/AZ/KZ"))
    [visit] = [item for item in dossier["events"] if item["id"] == "aliyev-state-visit-kazakhstan-2025-11"]
    assert visit["contested"] == event["contested"]


async def test_the_detail_of_a_candidate_is_its_list_item(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    await add_source(client, writer)
    for item in ok(await client.get("/v1/candidates", params={"source": "talks-in-astana"}))["items"]:
        assert ok(await client.get(f"/v1/candidates/{item['id']}")) == item
    problem(await client.get("/v1/candidates/no-such-record"), 404)


async def test_reading_a_source_again_keeps_what_was_reviewed(
    client: httpx.AsyncClient, writer: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    await add_source(client, writer)
    found = await candidates(client)
    ok(
        await client.post(
            f"/v1/candidates/{found['person:arman-testov']['id']}/accept", json={}, headers=writer
        )
    )
    figure = found["trade_figure:1"]
    ok(await client.post(f"/v1/candidates/{figure['id']}/reject", json={"reason": "wrong"}, headers=writer))

    # The same reading again: what was reviewed is not offered again; the rest is proposed anew.
    again = ok(await client.post("/v1/sources/talks-in-astana/extract", headers=writer))
    assert (again["withdrawn"], again["pending"]) == (2, 2)
    pending = await candidates(client, status="pending")
    assert set(pending) == {"event:1", "agreement:1"}
    assert pending["event:1"]["id"] != found["event:1"]["id"]

    # A better reading states the figure otherwise: offered again, under a key of its own.
    def corrected(text: str, **kwargs: Any) -> list[Proposal]:
        return [
            dataclasses.replace(p, body=p.body | {"value": 529_000_000}) if p.kind == "trade_figure" else p
            for p in proposals(text)
        ]

    monkeypatch.setattr(repository, "extract", corrected)
    ok(await client.post("/v1/sources/talks-in-astana/extract", headers=writer))
    pending = await candidates(client, status="pending")
    assert set(pending) == {"event:1", "agreement:1", "trade_figure:1#2"}
    accepted = ok(
        await client.post(f"/v1/candidates/{pending['event:1']['id']}/accept", json={}, headers=writer)
    )
    assert [item["key"] for item in accepted["accepted"]] == ["event:1"]  # its person is accepted already
    problem(await client.post("/v1/sources/talks-in-astana/extract"), 401)
    problem(await client.post("/v1/sources/no-such-source/extract", headers=writer), 404)


async def test_the_extractor_reads_a_source_against_its_publication_date(
    client: httpx.AsyncClient, writer: dict[str, str], extractor: list[dict[str, Any]]
) -> None:
    await add_source(client, writer, publication_date="2025-10")
    await add_source(client, writer, id="dated-by-year", publication_date=None, publication_year=2025)
    await add_source(client, writer, id="undated", publication_date=None)
    # A month reads from its first day; a year alone from its last ("in November": that year's).
    assert [call["published"] for call in extractor] == [date(2025, 10, 1), date(2025, 12, 31), None]


# --- the confidence floor ---


async def test_a_floor_given_with_the_source_holds_back_what_is_under_it_and_counts_it(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    source = await add_source(client, writer, confidence_min=0.92)
    # The talks (0.9) and the signing at them (0.8) are under it, and so is the deputy minister, whom
    # only the talks needed; the turnover (0.95) is proposed.
    assert (source["confidence_min"], source["held_back"]) == (0.92, 3)
    assert set(await candidates(client)) == {"trade_figure:1"}
    listed = ok(
        await client.get("/v1/sources", params={"fields": "id,confidence_min,held_back", "q": "Astana"})
    )
    assert {"id": "talks-in-astana", "confidence_min": 0.92, "held_back": 3} in listed["items"]


async def test_a_kept_fact_keeps_what_it_requires_under_the_floor(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    source = await add_source(client, writer, confidence_min=0.85)
    # The signing (0.8) is held back alone: the talks it was signed at are above the floor.
    assert source["held_back"] == 1
    assert set(await candidates(client)) == {"person:arman-testov", "event:1", "trade_figure:1"}


async def test_the_servers_floor_applies_by_default_and_reading_again_keeps_the_sources(
    client: httpx.AsyncClient, writer: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository, "get_settings", lambda: Settings(extraction_confidence_min=0.85))
    source = await add_source(client, writer)
    assert (source["confidence_min"], source["held_back"]) == (0.85, 1)
    everything = await add_source(client, writer, id="talks-in-astana-all", confidence_min=0)
    assert (everything["confidence_min"], everything["held_back"]) == (0.0, 0)

    monkeypatch.setattr(repository, "get_settings", lambda: Settings(extraction_confidence_min=0.99))
    again = ok(await client.post("/v1/sources/talks-in-astana/extract", headers=writer))
    assert (again["confidence_min"], again["held_back"], again["pending"]) == (0.85, 1, 3)


async def test_the_floor_is_a_share_and_is_given_only_when_a_source_is_added(
    client: httpx.AsyncClient, writer: dict[str, str]
) -> None:
    for bad in (-0.1, 1.5, "high"):
        error = problem(
            await client.post(
                "/v1/sources",
                json={"title": "T", "kind": "article", "text": TEXT, "confidence_min": bad},
                headers=writer,
            ),
            422,
        )
        assert [e["name"] for e in error["errors"]] == ["confidence_min"]
    await add_source(client, writer)
    current = await client.get("/v1/sources/talks-in-astana", headers=writer)
    changed = await client.patch(
        "/v1/sources/talks-in-astana",
        json={"confidence_min": 0.1},
        headers=writer | {"If-Match": current.headers["ETag"]},
    )
    assert [e["name"] for e in problem(changed, 422)["errors"]] == ["confidence_min"]
