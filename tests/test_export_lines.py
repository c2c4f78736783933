"""The stored export lines (app/export_lines.py): kept by every writer in the write's transaction, and
byte for byte the lines the export computes, over the seed and after each kind of write."""

import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import uvicorn
from alembic import command
from sqlalchemy import create_engine, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool
from typer.testing import CliRunner

from app import cli, export_lines, revisions
from app.api_keys import create_key
from app.common import export
from app.common.csv_lines import csv_columns, csv_line, csv_lines
from app.common.export import every_csv_line
from app.migrated import alembic_config
from app.models import Country, ExportLine, TradeFigure
from app.trade.repository import TRADE_FIGURES
from app.trade.schemas import TradeFigureRead
from tests.conftest import Database
from tests.figures import year_figure

pytestmark = pytest.mark.anyio

SOURCE = "velizade-2025-az-kz-relations"
IMPORTS = Path(__file__).parent / "fixtures" / "imports"
FIGURE = {
    "reporter": "KZ",
    "partner": "AZ",
    "indicator": "exports",
    "period": "2025-01/2025-09",
    "value": 1.5,
    "unit": "USD",
    "bound": "at_least",
    "status": "estimate",
    "note_en": '=An "odd", note\nover two lines',
    "note_ru": "@заметка, с запятой",
    "citations": [{"source_id": SOURCE, "quote": "около 568 млн долларов"}],
}


@pytest.fixture
def keys(session: Session) -> dict[str, str]:
    _, writer = create_key(session, "test-writer", "write")
    session.commit()
    return {"Authorization": f"Bearer {writer}"}


@pytest.fixture
def stored_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """An export that meets a record without a stored line fails, rather than computing it."""

    def missing(*_: Any) -> None:
        raise AssertionError("a record's export line is not stored")

    monkeypatch.setattr(export, "_write_the_rest", missing)
    monkeypatch.setattr(export, "SQL_BATCH", 3)  # several batches even on the seed


def assert_stored_lines_are_the_computed(session: Session, **query: Any) -> None:
    """In both languages, the export of the stored lines is the Python path's, and every figure has
    its line in each."""
    params = SimpleNamespace(**{"fields": [], "sort": "id", "cursor": None, **query})
    columns = csv_columns(TradeFigureRead)
    figures = session.scalar(select(func.count()).select_from(TradeFigure))
    assert session.scalar(select(func.count()).select_from(ExportLine)) == 2 * figures
    for lang in ("en", "ru"):
        statement = select(TradeFigure)
        stored = "".join(every_csv_line(session, TRADE_FIGURES, statement, params, lang, columns))
        computed = "".join(TRADE_FIGURES.every_csv_text(session, statement, params, lang, columns))
        assert stored == computed


def test_the_seed_lines_are_stored_and_are_the_computed_lines(session: Session, stored_only: None) -> None:
    assert_stored_lines_are_the_computed(session)
    assert_stored_lines_are_the_computed(session, sort="-value")
    assert_stored_lines_are_the_computed(session, sort="period")


async def test_writes_through_the_api_keep_the_lines(
    client: httpx.AsyncClient, session: Session, keys: dict[str, str], stored_only: None
) -> None:
    created = await client.post("/v1/trade-figures", json=FIGURE, headers=keys)
    assert created.status_code == 201, created.text
    assert_stored_lines_are_the_computed(session)
    url, etag = created.headers["location"], created.headers["etag"]
    project = await client.post(
        "/v1/infrastructure-projects",
        json={
            "name_en": "A, quoted \"line\"", "name_ru": "Линия", "kind": "railway", "status": "planned",
            "citations": [{"source_id": SOURCE, "quote": "около 568 млн долларов"}],
        },
        headers=keys,
    )  # fmt: skip
    assert project.status_code == 201, project.text
    changes = {"value": 2.25, "note_en": None, "projects": [project.json()["id"]]}
    changed = await client.patch(url, json=changes, headers={**keys, "If-Match": etag})
    assert changed.status_code == 200, changed.text
    assert_stored_lines_are_the_computed(session)
    renamed = await client.patch(
        project.headers["location"],
        json={"name_en": "+Renamed, again"},
        headers={**keys, "If-Match": project.headers["etag"]},
    )
    assert renamed.status_code == 200, renamed.text
    assert_stored_lines_are_the_computed(session)  # a project's name, in the lines of its figures
    deleted = await client.delete(url, headers={**keys, "If-Match": changed.headers["etag"]})
    assert deleted.status_code == 204, deleted.text
    assert_stored_lines_are_the_computed(session)


async def test_an_import_keeps_the_lines(
    client: httpx.AsyncClient, session: Session, keys: dict[str, str], stored_only: None
) -> None:
    content = (IMPORTS / "trade-figures.csv").read_bytes()
    response = await client.post(
        "/v1/imports/trade-figures",
        params={"filename": "az-uz.csv"},
        content=content,
        headers={"Content-Type": "text/csv", **keys},
    )
    assert response.status_code == 200 and response.json()["inserted"] == 5, response.text
    assert_stored_lines_are_the_computed(session)


def test_a_created_figure_meeting_a_line_already_stored_keeps_the_lines(
    session: Session, stored_only: None
) -> None:
    """A transaction that only creates figures inserts their lines without deleting first; a line
    there all the same (a figure deleted without a revision) makes it refresh as for any change."""
    figure = year_figure("az-kz-exports-total-1901-stale-line", 1901, 7.0)
    session.add_all(
        ExportLine(record_type="trade_figure", lang=lang, record_id=figure.id, line="stale\r\n")
        for lang in ("en", "ru")
    )
    session.flush()
    session.add(figure)
    session.flush()
    assert revisions.creates_only_staged(session)
    session.commit()
    assert_stored_lines_are_the_computed(session)


def test_a_country_renamed_keeps_the_lines_of_its_figures(session: Session, stored_only: None) -> None:
    code = session.scalars(select(TradeFigure.reporter_id).limit(1)).one()
    country = session.get(Country, code)
    assert country is not None
    country.name_en = '=Odd, "name"'
    revisions.changed(session)  # as the seed loader says so
    session.commit()
    assert_stored_lines_are_the_computed(session)


def test_refresh_all_stores_every_line_again(session: Session, stored_only: None) -> None:
    session.execute(ExportLine.__table__.delete())
    export_lines.refresh_all(session.connection())
    assert_stored_lines_are_the_computed(session)


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()], ids=["sqlite", "postgresql"])
def test_the_cells_every_language_shares_are_written_once(dialect: Any) -> None:
    """One statement writes every language's lines: the lists of citations and contested values
    (the same in each) once, each language's names and notes in its own."""
    reader = TRADE_FIGURES.reader
    columns = csv_columns(TradeFigureRead)
    one = csv_line(reader.plan("en"), columns, dialect.name).sql
    both = csv_lines([reader.plan(lang) for lang in ("en", "ru")], columns, dialect.name)
    statement = both.select(select(TradeFigure.id))
    assert one is not None and statement is not None
    one_sql, both_sql = str(select(one).compile(dialect=dialect)), str(statement.compile(dialect=dialect))
    assert both_sql.count("FROM contested_values") == one_sql.count("FROM contested_values") > 0
    if dialect.name == "postgresql":
        # The citations' list, the support and the source count read the record's citations in one
        # LATERAL join, where the export's line reads them in a subquery each.
        assert both_sql.count("FROM citations") == both_sql.count("count(DISTINCT") == 1
        assert one_sql.count("FROM citations") == 4
    else:
        assert both_sql.count("FROM citations") == one_sql.count("FROM citations") > 0
    for own in ("name_en", "name_ru", "note_en", "note_ru"):
        assert own in both_sql


def test_two_transactions_storing_one_figures_lines_do_not_collide(seeded: Database) -> None:
    """A transaction whose delete of a figure's lines waited for another's (which stored them again
    and committed) writes its lines over those, not a second copy: no duplicate key."""
    engine = create_engine(seeded.url, poolclass=NullPool)
    figure = select(TradeFigure.id).order_by(TradeFigure.id).limit(1).scalar_subquery()
    try:
        with engine.connect() as first:
            first.begin()
            export_lines.refresh(first, TRADE_FIGURES, select(figure))
            second_done: list[BaseException | None] = []

            def second() -> None:
                try:
                    with engine.begin() as connection:  # waits on the first's lock (SQLite: busy)
                        export_lines.refresh(connection, TRADE_FIGURES, select(figure))
                    second_done.append(None)
                except BaseException as error:  # the assertion below reports it
                    second_done.append(error)

            waiting = threading.Thread(target=second)
            waiting.start()
            waiting.join(timeout=1)  # the second is held by the first's lock meanwhile
            first.commit()
        waiting.join(timeout=30)
        assert second_done == [None]
        with engine.connect() as connection:
            count = connection.scalar(
                select(func.count()).select_from(ExportLine).where(ExportLine.record_id == figure)
            )
        assert count == 2  # one line a language
    finally:
        engine.dispose()


def test_serve_stores_the_lines_of_figures_from_before_their_migration(
    cli_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(uvicorn, "run", lambda *_args, **_options: None)
    runner, config = CliRunner(), alembic_config(cli_database.url)
    command.downgrade(config, "0016")  # as a database with figures from before the lines existed
    served = runner.invoke(cli.app, ["serve"])  # migrates, then stores every figure's lines
    engine = create_engine(cli_database.url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            figures = connection.scalar(select(func.count()).select_from(TradeFigure))
            lines = connection.scalar(select(func.count()).select_from(ExportLine))
    finally:
        engine.dispose()
    assert served.exit_code == 0, served.output
    assert f"export lines stored: {lines}" in served.output
    assert lines == 2 * figures > 0  # one a language
    again = runner.invoke(cli.app, ["refresh-export-lines"])
    assert (again.exit_code, again.output) == (0, f"export lines stored: {lines}\n")
