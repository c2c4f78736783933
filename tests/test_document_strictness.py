"""The OpenAPI document is exactly as strict as the server: what its schemas let through the server
takes, and what the server refuses as malformed the document refuses too (issue 15). Each case is
checked on both sides: the document (its pattern or bound) and the server (its answer)."""

import json
import re
from itertools import product
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from app.api_keys import create_key
from app.common.dates import (
    PARTIAL_DATE,
    PARTIAL_DATE_PATTERN,
    PERIOD_PATTERN,
    parse_partial_date,
    parse_period,
)
from app.config import Settings
from app.main import create_app
from tests.openapi_document import document, parameters

pytestmark = pytest.mark.anyio

SPEC = document()
VISIT = "aliyev-state-visit-kazakhstan-2025-11"
QUOTE = "Ключевым политическим событием года стал государственный визит президента Азербайджана"


def parameter(path: str, method: str, name: str) -> dict[str, Any]:
    return parameters(SPEC, path, method)[name]


def accepted(text: str, parse: Any) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


YEARS = ["0000", "0001", "0004", "0100", "0400", "1900", "2000", "2024", "2025", "9999"]
MONTHS = [f"{month:02d}" for month in range(14)]
DAYS = [f"{day:02d}" for day in range(33)]
DATES = [
    *YEARS,
    *(f"{y}-{m}" for y, m in product(YEARS, MONTHS)),
    *(f"{y}-{m}-{d}" for y, m, d in product(YEARS, MONTHS, DAYS)),
]


def test_the_date_pattern_is_the_calendar() -> None:
    """Year 0000, month 13, 30 February, 29 February 2025 (not 2024): refused by both, or by neither."""
    disagree = [
        text
        for text in DATES
        if bool(re.fullmatch(PARTIAL_DATE_PATTERN, text)) != accepted(text, parse_partial_date)
    ]
    assert not disagree, disagree[:20]
    periods = ["2024-02-29/2025", "2025/2025-02-29", "2025-01/2025-09", "0000/2025", "2025-13"]
    disagree = [
        text for text in periods if bool(re.fullmatch(PERIOD_PATTERN, text)) != accepted(text, parse_period)
    ]
    assert not disagree, disagree


def test_the_document_gives_the_date_patterns() -> None:
    """Each pattern once, as a named schema, and every date field and parameter refers to it."""
    schemas = SPEC["components"]["schemas"]
    assert schemas["PartialDate"]["pattern"] == PARTIAL_DATE_PATTERN
    assert schemas["Period"]["pattern"] == PERIOD_PATTERN
    date_from = parameter("/v1/events", "get", "date_from")["schema"]["anyOf"][0]
    assert date_from == {"$ref": "#/components/schemas/PartialDate"}
    assert schemas["EventCreate"]["properties"]["date"]["$ref"] == "#/components/schemas/Period"
    # Nowhere else: once in PartialDate's pattern, twice in Period's.
    assert json.dumps(SPEC).count(json.dumps(PARTIAL_DATE)[1:-1]) == 3


@pytest.mark.parametrize(("value", "status"), [("2024-02-29", 200), ("2025-02-29", 422), ("2025-02-30", 422)])
async def test_the_server_reads_dates_as_the_document_does(
    client: httpx.AsyncClient, value: str, status: int
) -> None:
    assert bool(re.fullmatch(PARTIAL_DATE_PATTERN, value)) == (status == 200)
    response = await client.get("/v1/events", params={"date_from": value})
    assert response.status_code == status, response.text


async def test_a_refused_date_is_told_in_words_not_as_the_pattern(
    client: httpx.AsyncClient, write_key: dict[str, str]
) -> None:
    # The document gives the exact pattern; a client that sends a date outside it reads what is wrong.
    def details(response: httpx.Response) -> str:
        assert response.status_code == 422, response.text
        assert "pattern" not in response.text and "(?:" not in response.text
        return " ".join(error["detail"] for error in response.json()["errors"])

    assert "month must be 01–12" in details(await client.get("/v1/events", params={"date_from": "2025-13"}))
    assert "not a calendar date" in details(await client.get("/v1/events", params={"date_to": "2025-02-30"}))
    source = {
        "title": "Dates",
        "text": "A text of our own.",
        "kind": "article",
        "publication_date": "2025-00",
    }
    assert "month must be 01–12" in details(await client.post("/v1/sources", json=source, headers=write_key))
    event = {
        "type": "talks",
        "title_en": "Talks",
        "title_ru": "Переговоры",
        "date": "2025-11/2025-02-30",
        "countries": ["AZ", "KZ"],
        "citations": [{"source_id": "velizade-2025-az-kz-relations", "quote": QUOTE}],
    }
    assert "not a calendar date" in details(await client.post("/v1/events", json=event, headers=write_key))


@pytest.mark.parametrize(("path", "name"), [("/v1/events", "cursor"), ("/v1/changes", "since")])
async def test_an_empty_cursor_or_since_is_refused_by_both(
    client: httpx.AsyncClient, path: str, name: str
) -> None:
    schema = parameter(path, "get", name)["schema"]["anyOf"][0]
    assert schema["minLength"] == 1
    response = await client.get(f"{path}?{name}=")
    assert response.status_code == 422, response.text
    assert [error["name"] for error in response.json()["errors"]] == [name]


@pytest.fixture
def write_key(session: Session) -> dict[str, str]:
    _, secret = create_key(session, "strictness", "write")
    session.commit()
    return {"Authorization": f"Bearer {secret}"}


async def test_whole_number_floats_are_integers(client: httpx.AsyncClient, write_key: dict[str, str]) -> None:
    """JSON Schema's `integer` takes 2025.0 (the same number as 2025): so does the server; 2025.5 and
    the string "2025" it refuses, as the schema does."""
    year = SPEC["components"]["schemas"]["SourceCreate"]["properties"]["publication_year"]["anyOf"][0]
    assert year["type"] == "integer"
    source = {"title": "Strictness", "text": "A text of our own.", "kind": "article", "language": "en"}
    made = await client.post("/v1/sources", json={**source, "publication_year": 2025.0}, headers=write_key)
    assert made.status_code == 201, made.text
    assert made.json()["publication_year"] == 2025
    for wrong in (2025.5, "2025"):
        refused = await client.post(
            "/v1/sources", json={**source, "publication_year": wrong}, headers=write_key
        )
        assert refused.status_code == 422, refused.text
    cited = {"source_id": "velizade-2025-az-kz-relations", "quote": QUOTE, "paragraph": 5.0}
    agreement = {
        "title_en": "Strictness",
        "title_ru": "Строгость",
        "status": "signed",
        "sectors": ["trade"],
        "date": "2025-11",
        "countries": ["AZ", "KZ"],
        "document_count": 2.0,
        "citations": [cited],
    }
    response = await client.post("/v1/agreements", json=agreement, headers=write_key)
    assert response.status_code == 201, response.text
    assert response.json()["document_count"] == 2


async def test_if_match(client: httpx.AsyncClient, write_key: dict[str, str]) -> None:
    """An empty or malformed If-Match names no version: a 422 (the document's pattern), not a 412 "another
    version". `*` is documented: it matches whatever version is current."""
    header = parameter("/v1/events/{record_id}", "patch", "if-match")
    assert header["required"] is True
    assert "`*`" in header["description"] and "lost-update" in header["description"]
    pattern = header["schema"]["pattern"]
    url = f"/v1/events/{VISIT}"
    for malformed in ("", "v1", '"unterminated'):
        assert not re.fullmatch(pattern, malformed)
        response = await client.patch(url, json={}, headers={**write_key, "If-Match": malformed})
        assert response.status_code == 422, (malformed, response.text)
        assert response.json()["errors"][0]["name"] == "if-match"
    stale = '"v999-0123abcd"'
    assert re.fullmatch(pattern, stale) and re.fullmatch(pattern, f'W/{stale}, "v1-ab"')
    response = await client.patch(url, json={}, headers={**write_key, "If-Match": stale})
    assert response.status_code == 412, response.text
    assert re.fullmatch(pattern, "*")
    response = await client.patch(url, json={}, headers={**write_key, "If-Match": "*"})
    assert response.status_code == 200, response.text


def test_a_read_key_deployment_documents_that_reads_need_a_key() -> None:
    # Every operation of the API, read or write; the probes stay open (a load balancer has no key).
    # tests/contract/test_schemathesis.py holds the server to what this document says.
    guarded = create_app(Settings(_env_file=None, database_url="sqlite://", require_read_key=True)).openapi()
    probes = {"/healthz", "/readyz"}
    for path, operations in guarded["paths"].items():
        for method, operation in operations.items():
            public = SPEC["paths"][path][method]
            secured = path not in probes
            assert bool(operation.get("security")) == secured, (method, path)
            assert ("401" in operation["responses"]) == secured, (method, path)
            if method == "get" and secured:
                assert not public.get("security") and "401" not in public["responses"], (method, path)
                assert operation["security"] == [{"apiKey": []}], (method, path)


@pytest.mark.anyio
async def test_every_list_that_declares_exports_serves_them(client: httpx.AsyncClient) -> None:
    # A generated client decodes what the document says a 200 may be: an export media type declared on
    # a list that cannot make it would have clients ask for CSV and get JSON.
    spec = (await client.get("/openapi.json")).json()
    declared = [
        path
        for path, operations in spec["paths"].items()
        if "{" not in path
        and "text/csv" in operations.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
    ]
    assert "/v1/events" in declared and "/v1/conflicts" not in declared
    for path in declared:
        for export, media_type in (("csv", "text/csv"), ("ndjson", "application/x-ndjson")):
            response = await client.get(path, params={"format": export, "limit": 1})
            assert response.status_code == 200, (path, export, response.text[:200])
            assert response.headers["content-type"].startswith(media_type), (path, export)
