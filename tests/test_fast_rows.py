"""The row fast path (app/common/rows.py) writes exactly what the Read schemas write: over the whole
seed, every record of every resource that reads rows, in both languages, with and without `fields=`."""

import csv
import io
import math
import random
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

import httpx
import orjson
import pytest
from pydantic import BaseModel
from sqlalchemy import Float, delete, select, update
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload

from app import datastate
from app.agreements.repository import AGREEMENTS
from app.agreements.schemas import AgreementRead
from app.common import listing as app_listing
from app.common import rows
from app.common.api import serialize
from app.common.csv_lines import csv_columns
from app.common.listing import Listing
from app.common.rows import row_cells
from app.events.repository import EVENTS
from app.events.schemas import EventRead
from app.models import (
    Bound,
    Citation,
    ContestedValue,
    Country,
    Event,
    EventCode,
    InfrastructureProject,
    Source,
    TradeFigure,
)
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
            items = by_orm(session, listing, schema, lang, fields)
            query = {
                "lang": lang,
                "sort": "id",
                "format": "csv",
                **({"fields": ",".join(fields)} if fields else {}),
            }
            response = await client.get(path, params=query)
            assert response.content == csv_bytes(columns, items)


def csv_bytes(columns: list[str], items: list[Any]) -> bytes:
    """What the csv module writes from `row_cells` of the items: the export, byte for byte."""
    out = io.StringIO()
    out.write("\ufeff")
    cells = row_cells(columns)
    csv.writer(out, lineterminator="\r\n").writerows([columns] + [cells(item) for item in items])
    return out.getvalue().encode()


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
    session.commit()  # which stores the figure's export lines, as every write's commit does
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


@pytest.mark.anyio
async def test_csv_exports_odd_values_as_the_csv_module_does(
    client: httpx.AsyncClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cells that need quoting, formulas, floats that repr() writes with an exponent: the whole
    export is still the csv module's bytes, batch by batch."""
    monkeypatch.setattr(app_listing, "EXPORT_BATCH", 3)
    figures = session.scalars(select(TradeFigure).order_by(TradeFigure.id).limit(5)).all()
    odd = [
        ('a,b "c"\nd', 1e16),
        ("=x\r\ny", 1e22),
        ("x\n=y", -0.0),
        ("@", 1.5e-7),
        (" ünï, None", 0.1),
    ]
    for figure, (note, value) in zip(figures, odd, strict=True):
        figure.note_en, figure.value, figure.value_upper = note, value, None
        figure.bound = "exact"  # type: ignore[assignment]
    citation = session.scalars(select(Citation).where(Citation.trade_figure_id == figures[1].id)).first()
    assert citation is not None
    session.execute(update(Citation).where(Citation.id == citation.id).values(quote='-1, "q"\r'))
    session.commit()  # which stores the figures' export lines, as every write's commit does
    session.expire_all()
    for fields in ([], ["id", "note", "value", "citations"]):
        columns = csv_columns(TradeFigureRead, fields)
        items = by_orm(session, TRADE_FIGURES, TradeFigureRead, "en", fields)
        response = await client.get(
            "/v1/trade-figures",
            params={"format": "csv", "sort": "id", **({"fields": ",".join(fields)} if fields else {})},
        )
        assert response.content == csv_bytes(columns, items)


ODD_TEXT = [None, "", "plain", "a,b", 'say "hi"', "a\nb", "a\rb", "=1+1", "+1", "-1", "@a", "\tx", "\rx"]
ODD_TEXT += ["x\n=y", " lead", "ünï", "None", "'quoted", "\x00"]
ODD_FLOATS = [None, 0.0, -0.0, 1.0, -5.0, 12.5, 0.1, 1e15, 1e16, 1.5e16, 1e22, 1e-7, -2.5e-5, 123456789.0]
ODD_FLOATS += [float("inf"), float("-inf"), float("nan"), 5e-324, 1.7976931348623157e308]
# What str() writes as `cell` does: a list's raw values, and `cell`'s own text.
ODD_STR = [None, 0, -5, 10**20, date(2025, 1, 31), "2025-01-31", Bound.at_least, "'=x", "a | b", 'a,"b"']


@pytest.mark.parametrize(
    ("make", "values"),
    [
        (rows._text_cells, ODD_TEXT),
        (rows._float_cells, ODD_FLOATS),
        (rows._integer_cells, [None, 0, -5, 7, 10**20]),
        (rows._str_cells, ODD_STR),
        (rows._cells, [None, True, False, *ODD_TEXT, *ODD_FLOATS]),
    ],
    ids=["text", "float", "integer", "str", "cell"],
)
def test_column_cells_are_what_the_csv_module_writes(make: Any, values: list[Any]) -> None:
    def written(rows_of_cells: list[list[str]]) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(rows_of_cells)
        return out.getvalue()

    batches = [values, *([value] for value in values), [None] * 3, values[::-1]]
    for batch in batches:
        expected = [rows.cell(value) for value in batch]
        assert rows.csv_lines([make(batch), make(batch)]) == written([[c, c] for c in expected])
        assert rows.csv_lines([make(batch)]) == written([[c] for c in expected])


def test_driver_rows_raise_database_errors_as_sqlalchemy_does(session: Session) -> None:
    """The CSV export's fetch skips SQLAlchemy's rows, not its errors (app/db.py `classify`)."""
    connection = session.connection()
    assert rows.driver_rows(connection.exec_driver_sql("SELECT 1, 'a'")) == [(1, "a")]
    if connection.dialect.name == "sqlite":  # the second row fails while fetched: SQLite computes
        sql = """SELECT json(value) FROM json_each('["[1]", "x"]')"""  # rows as they are read
    else:
        sql = "SELECT 1 / (2 - x) FROM generate_series(1, 3) AS x"
    with pytest.raises(DBAPIError):
        rows.driver_rows(connection.exec_driver_sql(sql))


# Text that JSON writers escape differently if they differ at all: every control character (but NUL,
# which PostgreSQL text cannot hold), quotes
# and backslashes, the line and paragraph separators, DEL, both sides of the surrogates, astral.
AWKWARD_TEXT = (
    "".join(map(chr, range(1, 0x20))) + '"\\/ ё Ж \u2028\u2029 \x7f \ud7ff \ue000 \U0001f600 \U0010ffff'
)


@pytest.mark.parametrize(("path", "listing", "schema"), READERS, ids=IDS)
def test_a_page_written_from_the_databases_json_is_what_orjson_writes(
    session: Session, path: str, listing: Listing[Any], schema: type[BaseModel]
) -> None:
    """Where a relation's JSON text goes into the body as the database wrote it (rows.Plan.items
    `to_json`), the bytes are those of the decoded page."""
    quoted = session.scalar(select(Citation.id).where(Citation.trade_figure_id.is_not(None)).limit(1))
    session.execute(update(Citation).where(Citation.id == quoted).values(quote=AWKWARD_TEXT))
    session.execute(
        update(Country).where(Country.id == "KZ").values(name_en=AWKWARD_TEXT, name_ru=AWKWARD_TEXT)
    )
    engine = session.connection().dialect.name
    for lang in ("en", "ru"):
        params = SimpleNamespace(fields=[], sort="id", limit=100_000, cursor=None)
        decoded, _ = listing.page_items(session, select(listing.model), params, lang)
        written, _ = listing.page_items(session, select(listing.model), params, lang, to_json=True)
        assert orjson.dumps(written) == orjson.dumps(decoded)
        spliced = [value for item in written for value in item.values() if isinstance(value, orjson.Fragment)]
        assert bool(spliced) == (
            rows.writes_json_as_orjson(engine) and listing.reader.plan(lang).related != []
        )
    assert listing is not TRADE_FIGURES or orjson.dumps(AWKWARD_TEXT) in orjson.dumps(decoded)


@pytest.mark.anyio
async def test_floats_in_a_records_lists_are_what_the_schema_dumps(
    client: httpx.AsyncClient, session: Session
) -> None:
    """A list with floats (a project's trade figures, an event's dataset codes) is read inside the
    page's statement on PostgreSQL, where a whole float's JSON has no `.0`; on SQLite too when a bound
    holds its floats (an event's intensities), else apart (a project's figures): pages and records
    the same as the ORM's either way, every float made a float."""
    finite = [value for value in ODD_FLOATS if value is not None and math.isfinite(value)]
    project = session.scalars(
        select(InfrastructureProject)
        .where(InfrastructureProject.trade_figures.any())
        .options(selectinload(InfrastructureProject.trade_figures))
    ).first()
    assert project is not None
    for figure, value in zip(project.trade_figures, finite, strict=False):
        figure.value, figure.value_upper = value, None if value == 0 else value * 3
    event = session.scalars(select(Event).order_by(Event.id)).first()
    assert event is not None
    intensities = [None, 0.0, -0.0, 1.0, -10.0, 0.1, 0.30000000000000004, 1e-7, 5e-324, 9.999999999999998]
    session.add_all(
        EventCode(event_id=event.id, scheme="CAMEO", code="042", intensity=value) for value in intensities
    )
    session.commit()
    session.expire_all()
    for path, listing, schema, record in (
        ("/v1/infrastructure-projects", PROJECTS, InfrastructureProjectRead, project.id),
        ("/v1/events", EVENTS, EventRead, event.id),
    ):
        expected = by_orm(session, listing, schema, "en", [])
        assert by_rows(session, listing, "en", []) == expected
        page = (await client.get(path, params={"sort": "id", "limit": 500})).content
        assert page == orjson.dumps({"items": expected, "next_cursor": None})
        [item] = [item for item in expected if item["id"] == record]
        assert (await client.get(f"{path}/{record}")).content == orjson.dumps(item)


def test_sqlite_writes_a_bounded_float_as_text_that_reads_back_the_same_double() -> None:
    """The text `rows._sqlite_float` writes reads back as the same double, on the SQLite library in
    use, for every magnitude `rows._sqlite_exact` lets a relation be read inside a page with: random
    doubles of each binary exponent up to that bound, subnormals included."""
    rng = random.Random(5)
    top = math.frexp(rows._SQLITE_EXACT_BELOW)[1] - 1
    values = [0.0, 5e-324, 2.2250738585072014e-308, 0.1, 0.30000000000000004, 9.999999999999998, 10.0]
    values += [math.ldexp(1 + rng.random(), exponent) for exponent in range(-1075, top) for _ in range(20)]
    values += [-value for value in values]
    assert max(values) < rows._SQLITE_EXACT_BELOW
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.execute("CREATE TABLE floats (value REAL)")
        connection.executemany("INSERT INTO floats VALUES (?)", [(value,) for value in values])
        value = sql_column("value", Float())
        written = str(select(rows._sqlite_float(value)).select_from(sql_table("floats")).compile())
        texts = [text for (text,) in connection.execute(written)]
    assert [float(text) for text in texts] == values


def test_support_and_source_counts_are_what_the_schema_dumps(session: Session) -> None:
    """Records with no citation, several citations of one source (the seed's), two sources, and a
    contested value: support and source_count, alone or beside the citations, read as the ORM reads
    them (on PostgreSQL a page counts a record's sources once, with its citations)."""
    first, second, third, fourth = session.scalars(select(TradeFigure).order_by(TradeFigure.id).limit(4))
    session.add(Source(id="second-note", title="[A second note]", language="en", kind="other", text="x" * 9))
    session.flush()
    session.execute(delete(Citation).where(Citation.trade_figure_id == first.id))
    quote = {"source_id": "second-note", "quote": "x", "paragraph": 1, "char_start": 0, "char_end": 1}
    session.add(Citation(trade_figure_id=third.id, **quote))
    contested = ContestedValue(trade_figure_id=fourth.id, field="value", value="1", **quote)
    session.add(contested)
    contested.created_at = datetime.now(UTC)
    session.flush()
    session.expire_all()
    for fields in ([], ["support"], ["source_count"], ["citations", "support", "source_count"]):
        expected = by_orm(session, TRADE_FIGURES, TradeFigureRead, "en", fields)
        assert by_rows(session, TRADE_FIGURES, "en", fields) == expected
    found = {item["id"]: item for item in by_rows(session, TRADE_FIGURES, "en", [])}
    for figure in (first, second, third, fourth):  # and one record by id
        assert as_json(TRADE_FIGURES.get_item(session, figure.id, "en")[0]) == found[figure.id]
    assert [
        (found[f.id]["support"], found[f.id]["source_count"]) for f in (first, second, third, fourth)
    ] == [
        ("single", 0),
        ("single", 1),
        ("corroborated", 2),
        ("contested", 1),
    ]


def page_sql(listing: Listing[Any], key: Any, engine: str) -> str:
    """The SQL of a first page of `listing` sorted by `key` on the database `engine`."""
    dialect = {"sqlite": sqlite.dialect(), "postgresql": postgresql.dialect()}[engine]
    assert listing.reader is not None
    plan = listing.reader.plan("en", (), engine)
    columns, positions = plan.with_key_columns(listing.sorting.key_columns(key))
    page = select(*columns).order_by(key).limit(51)
    return str(plan.with_relations(page, positions, False, dialect).compile(dialect=dialect))


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_postgresql_page_reads_a_records_citations_once(engine: str) -> None:
    """The source count (asked twice: `source_count`, and `support`'s corroboration) and the list of
    citations are one LATERAL join on PostgreSQL; SQLite's statement is as it was."""
    sql = page_sql(TRADE_FIGURES, TradeFigure.id, engine)
    assert sql.count("FROM citations") == (1 if engine == "postgresql" else 3)
    assert ("LATERAL" in sql) == (engine == "postgresql")


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_postgresql_page_reads_its_many_to_many_lists_once_a_page(engine: str) -> None:
    """An event's countries, people and organizations: on PostgreSQL one GROUP BY over the page's ids
    each (`_Inline.per_page`), not a subquery per record; SQLite's statement is as it was."""
    sql = page_sql(EVENTS, Event.id, engine)
    for link in ("event_countries", "event_people", "event_organizations"):
        assert (f"GROUP BY {link}.event_id" in sql) == (engine == "postgresql")
        assert (f"WHERE {link}.event_id = page.c0" in sql) == (engine == "sqlite")


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_page_reads_its_countries_keys_only(engine: str) -> None:
    """A trade figure's reporter and partner: a page reads their ids, and the items take the
    countries' objects from a memo (`rows.REMEMBERED_TABLES`); a record by id reads them itself."""
    sql = page_sql(TRADE_FIGURES, TradeFigure.id, engine)
    assert "FROM countries" not in sql
    assert TRADE_FIGURES.reader is not None
    record = TRADE_FIGURES.reader.plan("en", (), engine).by_id.statement
    assert "FROM countries" in str(record.compile(dialect=postgresql.dialect()))  # a record's own


@pytest.mark.anyio
async def test_a_country_renamed_shows_at_once(
    client: httpx.AsyncClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memo of a page's countries is kept per data version: a rename moves the version, and the
    next page, export and record have the new name."""
    # This test's versions are rolled back with its transaction: a memo of its own.
    monkeypatch.setattr(rows, "_REMEMBERED", datastate.VersionMemo())
    figure = session.scalars(select(TradeFigure).order_by(TradeFigure.id).limit(1)).one()
    query = {"sort": "id", "limit": 1, "lang": "en"}

    async def reporters() -> list[Any]:
        page = (await client.get("/v1/trade-figures", params=query)).json()["items"][0]["reporter"]
        ndjson = await client.get("/v1/trade-figures", params={**query, "format": "ndjson"})
        exported = orjson.loads(ndjson.content.splitlines()[0])["reporter"]
        record = (await client.get(f"/v1/trade-figures/{figure.id}", params={"lang": "en"})).json()
        return [page, exported, record["reporter"]]

    before = await reporters()
    assert before[0]["id"] == figure.reporter_id and before == [before[0]] * 3
    renamed = "A country renamed for this test"
    session.execute(update(Country).where(Country.id == figure.reporter_id).values(name_en=renamed))
    datastate.bump(session)
    session.commit()
    assert await reporters() == [{"id": figure.reporter_id, "name": renamed}] * 3
