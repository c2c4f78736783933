"""POST /v1/imports/{resource}: keys, media types, the report, problems naming line and field, OpenAPI."""

from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.api_keys import create_key
from app.models import Revision
from tests.openapi_document import document

pytestmark = pytest.mark.anyio

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
URL = "/v1/imports/trade-figures"
CSV = {"Content-Type": "text/csv"}
NDJSON = {"Content-Type": "application/x-ndjson"}
HEADER = "reporter,partner,indicator,period,value,unit,bound,status\n"


@pytest.fixture
def keys(session: Session) -> dict[str, dict[str, str]]:
    _, writer = create_key(session, "test-importer", "write")
    _, reader = create_key(session, "test-reader", "read")
    session.commit()
    return {"write": {"Authorization": f"Bearer {writer}"}, "read": {"Authorization": f"Bearer {reader}"}}


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = dict(response.json())
    assert {"type", "title", "status", "detail", "instance"} <= set(body) and body["status"] == status
    return body


async def test_importing_needs_a_key_with_the_write_scope(
    client: httpx.AsyncClient, keys: dict[str, dict[str, str]]
) -> None:
    content = (FIXTURES / "trade-figures.csv").read_bytes()
    unauthenticated = await client.post(URL, content=content, headers=CSV)
    problem(unauthenticated, 401)
    assert unauthenticated.headers["www-authenticate"].startswith("Bearer")
    problem(await client.post(URL, content=content, headers=CSV | keys["read"]), 403)
    assert (await client.get("/v1/trade-figures/az-uz-exports-2024")).status_code == 404


async def test_a_csv_upload_is_imported_and_reported(
    client: httpx.AsyncClient, keys: dict[str, dict[str, str]], session: Session
) -> None:
    content = (FIXTURES / "trade-figures.csv").read_bytes()
    params = {"filename": "az-uz.csv"}
    response = await client.post(URL, params=params, content=content, headers=CSV | keys["write"])
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["applied"] and (report["inserted"], report["rejected"], report["errors"]) == (5, 0, [])
    figure = (await client.get("/v1/trade-figures/az-uz-exports-2024")).json()
    assert figure["value"] == 120000000 and figure["citations"][0]["line"] == 2
    source = (await client.get(f"/v1/sources/{report['source_id']}")).json()
    assert (source["kind"], source["title"]) == ("dataset", "az-uz.csv")
    actors = session.scalars(select(Revision.actor).where(Revision.record_id == "az-uz-exports-2024"))
    assert list(actors) == ["test-importer"]
    again = await client.post(URL, params=params, content=content, headers=CSV | keys["write"])
    assert (again.json()["inserted"], again.json()["unchanged"]) == (0, 5)


async def test_ndjson_and_the_comtrade_layout(
    client: httpx.AsyncClient, keys: dict[str, dict[str, str]]
) -> None:
    content = (FIXTURES / "comtrade-monthly.ndjson").read_bytes()
    response = await client.post(
        URL, params={"layout": "comtrade"}, content=content, headers=NDJSON | keys["write"]
    )
    assert response.status_code == 200, response.text
    assert (response.json()["format"], response.json()["inserted"], response.json()["skipped"]) == (
        "ndjson",
        2,
        1,
    )
    assert (await client.get("/v1/trade-figures/kz-az-exports-2025-03")).json()["unit"] == "USD"


async def test_dry_run_writes_nothing(client: httpx.AsyncClient, keys: dict[str, dict[str, str]]) -> None:
    content = (FIXTURES / "comtrade-annual.csv").read_bytes()
    response = await client.post(
        URL, params={"dry_run": "true"}, content=content, headers=CSV | keys["write"]
    )
    assert response.status_code == 200 and not response.json()["applied"] and response.json()["inserted"] == 6
    assert (await client.get("/v1/trade-figures/az-kz-exports-2024")).status_code == 404


async def test_a_rejected_file_is_a_problem_naming_each_line_and_field(
    client: httpx.AsyncClient, keys: dict[str, dict[str, str]]
) -> None:
    content = HEADER + "AZ,UZ,exports,2024,1,USD,exact,reported\nAZ,XX,exports,2024,1,USD,exact,reported\n"
    content += "AZ,UZ,exports,2025,lots,USD,exact,reported\n"
    body = problem(await client.post(URL, content=content, headers=CSV | keys["write"]), 422)
    assert body["type"] == "/problems/import-rejected" and "nothing was imported" in body["detail"]
    assert [(e["line"], e["name"], e["in"]) for e in body["errors"]] == [
        (3, "partner", "body"),
        (4, "value", "body"),
    ]
    assert all(e["detail"] for e in body["errors"])
    assert body["report"]["rejected"] == 2 and body["report"]["errors"][0] == {
        "line": 3,
        "field": "partner",
        "detail": body["errors"][0]["detail"],
    }
    # The good line before them was not imported either.
    assert (await client.get("/v1/trade-figures/az-uz-exports-2024")).status_code == 404


@pytest.mark.parametrize(
    ("params", "headers", "status", "name"),
    [
        ({"layout": "excel"}, CSV, 422, "layout"),
        ({"dry_run": "perhaps"}, CSV, 422, "dry_run"),
        ({"filename": "../etc/passwd"}, CSV, 422, "filename"),
        ({"format": "csv"}, CSV, 400, "format"),
        ({}, {"Content-Type": "application/xml"}, 415, "Content-Type"),
        ({}, {"Content-Type": "multipart/form-data; boundary=x"}, 415, "Content-Type"),
        ({}, {}, 415, "Content-Type"),
    ],
)
async def test_bad_requests_are_problems(
    client: httpx.AsyncClient,
    keys: dict[str, dict[str, str]],
    params: dict[str, str],
    headers: dict[str, str],
    status: int,
    name: str,
) -> None:
    content = HEADER + "AZ,UZ,exports,2024,1,USD,exact,reported\n"
    response = await client.post(URL, params=params, content=content, headers=headers | keys["write"])
    body = problem(response, status)
    assert [error["name"] for error in body["errors"]] == [name]


async def test_an_unknown_resource_is_a_problem(
    client: httpx.AsyncClient, keys: dict[str, dict[str, str]]
) -> None:
    body = problem(
        await client.post("/v1/imports/projects", content=HEADER, headers=CSV | keys["write"]), 422
    )
    assert [error["name"] for error in body["errors"]] == ["resource"]


def test_the_openapi_document_describes_the_endpoint() -> None:
    spec = document()
    operation = spec["paths"]["/v1/imports/{resource}"]["post"]
    assert operation["operationId"] == "importRecords" and operation["tags"] == ["imports"]
    assert operation["security"] == [{"apiKey": []}]
    assert spec["components"]["securitySchemes"]["apiKey"]["scheme"] == "bearer"
    assert set(operation["requestBody"]["content"]) == {
        "text/csv",
        "text/tab-separated-values",
        "application/x-ndjson",
        "application/json",
        "application/gzip",
    }
    assert operation["requestBody"]["required"] and operation["requestBody"]["description"]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/ImportReport"}
    for status in ("401", "403", "415", "422"):
        shared = operation["responses"][status]["$ref"].removeprefix("#/components/responses/")
        content = spec["components"]["responses"][shared]["content"]
        assert content == {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    shared_parameters = spec["components"]["parameters"]
    declared = [
        shared_parameters[p["$ref"].split("/")[-1]] if "$ref" in p else p for p in operation["parameters"]
    ]
    parameters = {p["name"]: p for p in declared}
    assert set(parameters) == {
        "resource",
        "layout",
        "dry_run",
        "filename",
        "title",
        "publisher",
        "url",
        "retrieved_on",
        "s19_as",
    }
    assert all(parameter["description"] for parameter in parameters.values())
    assert parameters["resource"]["schema"]["$ref"].endswith("ImportResource") or parameters["resource"][
        "schema"
    ].get("enum") == ["trade-figures"]


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01\x02\x03",
        b"\xff\xfe\xfd\n\xff",
        b"",
        b"\n\n\n",
        b'reporter,"partner\n',
        b"a,b\n1,2,3\n",
        b'{"x": 1}\n[1, 2]\n"text"\n',
        b"freqCode,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n,,,,,,\nA,x,?,?,X,,1e999\n",
        HEADER.encode() + b"AZ,KZ,exports,2024," + b"9" * 5000 + b",USD,exact,reported\n",
        HEADER.encode() + b"AZ,KZ,exports,0000,1,USD,exact,reported\n",
    ],
)
async def test_garbage_is_rejected_never_a_server_error(
    client: httpx.AsyncClient, keys: dict[str, dict[str, str]], content: bytes
) -> None:
    body = problem(await client.post(URL, content=content, headers=CSV | keys["write"]), 422)
    assert body["errors"] and all(error["name"] and error["line"] >= 1 for error in body["errors"])


async def test_a_json_escaped_nul_is_a_rejected_line_naming_the_field(
    client: httpx.AsyncClient, keys: dict[str, dict[str, str]]
) -> None:
    """A raw NUL is refused with its line; JSON's `\\u0000` escape too, on both engines (PostgreSQL
    cannot store it in text)."""
    line = (
        '{"reporter":"AZ","partner":"KZ","indicator":"exports","period":"2024","value":1,"unit":"USD",'
        '"bound":"exact","status":"reported","note_en":"a\\u0000b"}\n'
    )
    body = problem(await client.post(URL, content=line.encode(), headers=NDJSON | keys["write"]), 422)
    assert [(error["line"], error["name"]) for error in body["errors"]] == [(1, "note_en")]
    assert "NUL" in body["errors"][0]["detail"]
