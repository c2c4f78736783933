"""CSV and NDJSON exports: the same records as the JSON pages together, streamed in batches."""

import csv
import io
import itertools
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.common import export, listing
from app.common.csv_lines import csv_columns
from app.common.rows import row_cells
from app.models import Country, Organization, TradeFigure
from app.observability import request_id
from app.trade.schemas import TradeFigureRead
from tests.pages import every_item

pytestmark = pytest.mark.anyio


def read_csv(response: httpx.Response) -> list[dict[str, str]]:
    assert response.content.startswith("\ufeff".encode())  # spreadsheets read it as UTF-8
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v1/countries", {"q": "a", "sort": "-name"}),
        ("/v1/events", {"country": "AZ", "sort": "-date"}),
        ("/v1/trade-figures", {"country": ["AZ", "KZ"], "sort": "value"}),
        ("/v1/places", {"lang": "ru"}),
    ],
)
async def test_exports_return_the_same_records_as_the_pages(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, path: str, params: dict[str, Any]
) -> None:
    monkeypatch.setattr(listing, "EXPORT_BATCH", 3)  # several batches even on the seed
    pages = await every_item(client, path, params)
    assert pages
    ndjson = await client.get(path, params={**params, "format": "ndjson"})
    assert ndjson.headers["content-type"] == "application/x-ndjson"
    assert [orjson.loads(line) for line in ndjson.content.splitlines()] == pages
    rows = read_csv(await client.get(path, params={**params, "format": "csv"}))
    assert [row["id"] for row in rows] == [item["id"] for item in pages]


async def test_accept_header_chooses_the_format(client: httpx.AsyncClient) -> None:
    as_csv = await client.get("/v1/organizations", headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="organizations.csv"' in as_csv.headers["content-disposition"]
    as_ndjson = await client.get("/v1/organizations", headers={"Accept": "application/x-ndjson"})
    assert as_ndjson.headers["content-type"] == "application/x-ndjson"
    browser = await client.get("/v1/organizations", headers={"Accept": "text/html,*/*;q=0.8"})
    assert browser.headers["content-type"] == "application/json"
    explicit = await client.get("/v1/organizations?format=json", headers={"Accept": "text/csv"})
    assert explicit.headers["content-type"] == "application/json"


async def test_csv_flattens_nested_fields_predictably(client: httpx.AsyncClient) -> None:
    [visit] = read_csv(
        await client.get("/v1/events", params={"format": "csv", "type": "state_visit", "lang": "ru"})
    )
    assert visit["countries.id"] == "AZ | KZ"
    assert visit["countries.name"] == "Азербайджан | Казахстан"
    assert visit["location.id"] == "" and visit["host_country.id"] == "KZ"
    assert visit["title"].startswith("Государственный визит")
    assert visit["citations.paragraph"] == "5 | 5"
    assert "в ноябре 2025 года" in visit["citations.quote"]
    [figure] = read_csv(
        await client.get(
            "/v1/trade-figures", params={"format": "csv", "status": "forecast", "fields": "id,value,bound"}
        )
    )
    assert figure == {"id": "az-kz-trade-turnover-2025-forecast", "value": "700000000", "bound": "at_least"}


async def test_csv_cells_cannot_run_as_formulas(client: httpx.AsyncClient, session: Session) -> None:
    session.add(Organization(id="formula", name_en="=HYPERLINK(1)", name_ru="-x", abbreviation_en="@a"))
    session.commit()
    [row] = read_csv(await client.get("/v1/organizations", params={"format": "csv", "q": "hyperlink"}))
    assert (row["name"], row["abbreviation"]) == ("'=HYPERLINK(1)", "'@a")


async def test_export_errors_are_problems(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/events", params={"format": "csv", "include": "people"})
    assert response.status_code == 422 and "ndjson" in response.json()["detail"]
    assert (await client.get("/v1/events", params={"format": "xml"})).status_code == 422
    assert (await client.get("/v1/events", params={"format": "csv", "country": "ZZ"})).status_code == 422
    # A bad cursor is refused before the stream starts, not swallowed into an empty 200.
    bad_cursor = await client.get("/v1/agreements", params={"format": "ndjson", "cursor": "abc"})
    assert bad_cursor.status_code == 422 and bad_cursor.json()["errors"][0]["name"] == "cursor"


async def test_ndjson_export_can_include_related_records(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/v1/events", params={"format": "ndjson", "include": "agreements", "type": "state_visit"}
    )
    [visit] = [orjson.loads(line) for line in response.content.splitlines()]
    assert visit["included"]["agreements"][0]["id"] == "az-kz-documents-2025-11"


ODD_TEXT = ['a,b "c"\nd', "=x\r\ny", "x\n=y", "@", " ünï, None", "-5", "+1", "\tx", "\rx", "'q", "", "a | b"]
ODD_FLOATS = [0.1, 1e20, 533000000.0, -5.0, -0.0, 12.5, 1e-7, 1e16, 0.1 + 0.2, 2.0**63, 5e-5, 1e15]


async def test_csv_export_is_the_csv_module_over_the_pages(
    client: httpx.AsyncClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The streamed body (on PostgreSQL built by the database and read ahead of the sending,
    `export.read_ahead`) is byte for byte the csv module's writing of the JSON pages' items: quotes, line
    breaks, formulas, unicode, nulls, big and small numbers."""
    monkeypatch.setattr(listing, "EXPORT_BATCH", 3)
    monkeypatch.setattr(export, "SQL_BATCH", 3)
    monkeypatch.setattr(export, "READ_AHEAD", 1)
    figures = session.scalars(select(TradeFigure).order_by(TradeFigure.id)).all()
    for at, figure in enumerate(figures):
        text = ODD_TEXT[at % len(ODD_TEXT)]
        figure.note_en = text if at % 3 else None
        figure.commodity = text or "TOTAL"
        figure.value = ODD_FLOATS[at % len(ODD_FLOATS)]
        figure.value_upper = None
        figure.bound = "at_least"  # type: ignore[assignment]
    country = session.get(Country, figures[0].reporter_id)
    assert country is not None
    country.name_en = '=Odd, "name"\n'
    session.commit()
    for params in ({"sort": "id"}, {"sort": "-value"}, {"sort": "id", "fields": "id,note,value,citations"}):
        items = await every_item(client, "/v1/trade-figures", params)
        columns = csv_columns(
            TradeFigureRead, str(params.get("fields", "")).split(",") if "fields" in params else ()
        )
        cells = row_cells(columns)
        expected = io.StringIO()
        csv.writer(expected, lineterminator="\r\n").writerows([columns, *(cells(item) for item in items)])
        body = (await client.get("/v1/trade-figures", params={**params, "format": "csv"})).content
        assert body == ("\ufeff" + expected.getvalue()).encode()


def test_read_ahead_keeps_order_raises_errors_and_stops_when_closed() -> None:
    assert list(export.read_ahead(iter(range(50)), depth=2)) == list(range(50))
    token = request_id.set("r-16")
    try:  # made in the request's context: its log lines carry its id
        assert list(export.read_ahead(request_id.get() for _ in range(3))) == ["r-16"] * 3
    finally:
        request_id.reset(token)

    def failing() -> Iterator[int]:
        yield 1
        raise ValueError("the database went away")

    taken = export.read_ahead(failing())
    assert next(taken) == 1
    with pytest.raises(ValueError, match="went away"):
        next(taken)

    closed = threading.Event()

    def endless() -> Iterator[int]:
        try:
            yield from itertools.count()
        finally:
            closed.set()

    taken = export.read_ahead(endless(), depth=2)
    assert [next(taken) for _ in range(5)] == [0, 1, 2, 3, 4]
    taken.close()  # a client gone: the thread stops and closes what it reads (its session)
    assert closed.wait(5)
