"""The row fast path (app/common/rows.py) writes exactly what the Read schemas write: over the whole
seed, every record of every resource that reads rows, in both languages, with and without `fields=`."""

import csv
import io
from types import SimpleNamespace
from typing import Any

import httpx
import orjson
import pytest
from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.agreements.repository import AGREEMENTS
from app.agreements.schemas import AgreementRead
from app.common import listing as app_listing
from app.common.api import csv_columns, serialize
from app.common.listing import Listing
from app.common.rows import row_cells
from app.events.repository import EVENTS
from app.events.schemas import EventRead
from app.models import Citation, TradeFigure
from app.projects.repository import PROJECTS
from app.projects.schemas import InfrastructureProjectRead
from app.reference.repository import COUNTRIES, ORGANIZATIONS, PEOPLE, PLACES
from app.reference.schemas import CountryRead, OrganizationRead, PersonRead, PlaceRead
from app.sources.repository import SOURCES
from app.sources.schemas import SourceRead
from app.trade.repository import TRADE_FIGURES
from app.trade.schemas import TradeFigureRead

READERS: list[tuple[str, Listing[Any], type[BaseModel]]] = [
    ("/v1/trade-figures", TRADE_FIGURES, TradeFigureRead),
    ("/v1/events", EVENTS, EventRead),
    ("/v1/agreements", AGREEMENTS, AgreementRead),
    ("/v1/infrastructure-projects", PROJECTS, InfrastructureProjectRead),
    ("/v1/countries", COUNTRIES, CountryRead),
    ("/v1/organizations", ORGANIZATIONS, OrganizationRead),
    ("/v1/people", PEOPLE, PersonRead),
    ("/v1/places", PLACES, PlaceRead),
    ("/v1/sources", SOURCES, SourceRead),
]
IDS = [path for path, _, _ in READERS]


def as_json(value: Any) -> Any:
    return orjson.loads(orjson.dumps(value))


def by_orm(
    session: Session, listing: Listing[Any], schema: type[BaseModel], lang: str, fields: list[str]
) -> Any:
    statement = select(listing.model).options(*listing.options()).order_by(listing.sorting.id_column)
    return [serialize(record, schema, lang, fields) for record in session.scalars(statement)]


def by_rows(session: Session, listing: Listing[Any], lang: str, fields: list[str]) -> Any:
    params = SimpleNamespace(fields=fields, sort="id", limit=100_000, cursor=None)
    items, next_cursor = listing.page_items(session, select(listing.model), params, lang)
    assert next_cursor is None
    return as_json(items)


@pytest.mark.parametrize(("path", "listing", "schema"), READERS, ids=IDS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_rows_are_what_the_schema_dumps(
    session: Session, path: str, listing: Listing[Any], schema: type[BaseModel], lang: str
) -> None:
    items = by_rows(session, listing, lang, [])
    assert items and items == by_orm(session, listing, schema, lang, [])
    for item in items:  # and each validates as the documented schema
        assert schema.model_validate(item).model_dump(mode="json", exclude={"included"}) == item
    assert listing.reader is not None
    for field in listing.reader.fields:
        chosen = [field, "id"] if field != "id" else ["id"]
        assert by_rows(session, listing, lang, chosen) == by_orm(session, listing, schema, lang, chosen)


@pytest.mark.anyio
@pytest.mark.parametrize(("path", "listing", "schema"), READERS, ids=IDS)
async def test_pages_and_records_are_what_the_schema_dumps(
    client: httpx.AsyncClient,
    session: Session,
    path: str,
    listing: Listing[Any],
    schema: type[BaseModel],
) -> None:
    for lang in ("en", "ru"):
        expected = by_orm(session, listing, schema, lang, [])
        pages: list[Any] = []
        cursor = None
        while True:
            query = {"lang": lang, "sort": "id", "limit": 5, **({"cursor": cursor} if cursor else {})}
            page = (await client.get(path, params=query)).json()
            pages += page["items"]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert pages == expected
        for item in expected if listing is not SOURCES else []:  # a source's detail has its text
            response = await client.get(f"{path}/{item['id']}", params={"lang": lang})
            assert response.json() == item
            assert ("x-record-version" in response.headers) == hasattr(listing.model, "version")
        ndjson = await client.get(path, params={"lang": lang, "sort": "id", "format": "ndjson"})
        assert [orjson.loads(line) for line in ndjson.content.splitlines()] == expected


@pytest.mark.anyio
@pytest.mark.parametrize(("path", "listing", "schema"), READERS, ids=IDS)
async def test_csv_exports_are_the_items_flattened(
    client: httpx.AsyncClient,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    listing: Listing[Any],
    schema: type[BaseModel],
) -> None:
    monkeypatch.setattr(app_listing, "EXPORT_BATCH", 4)  # several batches even on the seed
    for lang in ("en", "ru"):
        for fields in ([], ["id", listing_fields(listing)[-1]]):
            columns = csv_columns(schema, fields)
            cells = row_cells(columns)
            expected = [columns] + [cells(item) for item in by_orm(session, listing, schema, lang, fields)]
            query = {
                "lang": lang,
                "sort": "id",
                "format": "csv",
                **({"fields": ",".join(fields)} if fields else {}),
            }
            response = await client.get(path, params=query)
            assert response.content.startswith("\ufeff".encode())
            got = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
            for row, want in zip(got, expected, strict=True):
                assert dict(zip(columns, row, strict=True)) == dict(zip(columns, want, strict=True))


def listing_fields(listing: Listing[Any]) -> tuple[str, ...]:
    assert listing.reader is not None
    return listing.reader.fields


@pytest.mark.anyio
async def test_csv_escapes_formulas_in_records_and_their_lists(
    client: httpx.AsyncClient, session: Session
) -> None:
    figure = session.scalars(select(TradeFigure).order_by(TradeFigure.id).limit(1)).one()
    figure.note_en = "=1+1"
    figure.value = 12.5
    citation = session.scalars(select(Citation).where(Citation.trade_figure_id == figure.id)).first()
    assert citation is not None
    session.execute(update(Citation).where(Citation.id == citation.id).values(quote="-5 % " + citation.quote))
    session.flush()
    session.expire_all()
    columns = csv_columns(TradeFigureRead)
    [item] = [
        item for item in by_orm(session, TRADE_FIGURES, TradeFigureRead, "en", []) if item["id"] == figure.id
    ]
    response = await client.get("/v1/trade-figures", params={"format": "csv", "sort": "id", "limit": 1})
    row = next(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert row == dict(zip(columns, row_cells(columns)(item), strict=True))
    assert (row["note"], row["value"]) == ("'=1+1", "12.5")
    assert row["citations.quote"].startswith("'-5 % ")
