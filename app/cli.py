"""The `bilateral` command: migrate, seed and serve."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from app.config import get_settings
from app.imports import cli as imports_cli
from app.sources import cli as sources_cli

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# The heavy modules (the models, Alembic, the search index, the seed loader) are imported by the
# commands that use them: `serve` starts worker processes that import the app themselves, and the
# parent answers no request, so it should not spend a second importing it too (start-up time).
# pretty_exceptions_show_locals: a start-up error's traceback would print the settings' values.
app = typer.Typer(
    help="Bilateral relations API: database, seed data and server.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
db = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db, name="db")
keys = typer.Typer(
    help="API keys for writing (and for reading, where reads need a key).", no_args_is_help=True
)
app.add_typer(keys, name="keys")
app.add_typer(imports_cli.app, name="import")
app.add_typer(sources_cli.app, name="sources")


@db.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Migrate the database at DATABASE_URL up to REVISION (default: the latest)."""
    from alembic import command

    from app.migrated import alembic_config

    command.upgrade(alembic_config(get_settings().database_url), revision)


@db.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument(help="Target revision, e.g. -1 or base.")]) -> None:
    """Migrate the database down to REVISION."""
    from alembic import command

    from app.migrated import alembic_config

    command.downgrade(alembic_config(get_settings().database_url), revision)


@db.command("current")
def db_current() -> None:
    """Show the database's current revision."""
    from alembic import command

    from app.migrated import alembic_config

    command.current(alembic_config(get_settings().database_url))


@app.command()
def seed() -> None:
    """Load ISO countries and the seed datasets (idempotent: a second run changes nothing)."""
    report = _seed()
    typer.echo(report)


def _seed() -> str:
    from app.db import make_sessionmaker
    from app.migrated import open_migrated
    from app.seeding import SeedError, seed_all

    settings = get_settings()
    engine = open_migrated(settings.database_url)
    try:
        with make_sessionmaker(engine, writes=True).begin() as session:
            report = seed_all(session, settings.seed_dir)
    except SeedError as exc:
        typer.echo(f"seed failed, nothing written: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        engine.dispose()
    return report.summary() if report.changed() else "seed: everything already up to date"


@app.command()
def reindex() -> None:
    """Rebuild the search index from the records (seeding keeps it up to date by itself)."""
    typer.echo(_reindex(only_if_empty=False))


def _reindex(only_if_empty: bool) -> str | None:
    """Bring the search index up to date (only an empty one, if asked): a summary, or None if skipped."""
    from app import revisions
    from app.db import make_sessionmaker
    from app.migrated import open_migrated
    from app.search import repository as search

    engine = open_migrated(get_settings().database_url)
    try:
        with make_sessionmaker(engine, writes=True).begin() as session:
            if only_if_empty and search.has_documents(session):
                return None
            report = search.rebuild_search_index(session)
            if any(not key.endswith("unchanged") for key in report):
                revisions.changed(session)  # search answers change
    finally:
        engine.dispose()
    return ", ".join(f"{key}: {count}" for key, count in sorted(report.items()))


def _is_empty() -> bool:
    from sqlalchemy import select

    from app.migrated import open_migrated
    from app.models import Source

    engine = open_migrated(get_settings().database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(select(Source.id).limit(1)).first() is None
    finally:
        engine.dispose()


@app.command("refresh-export-lines")
def refresh_export_lines() -> None:
    """Store every record's CSV export lines again (writes keep them; a database built before
    migration 0017 has none, and its exports compute every line until this has run or `serve` has
    migrated it)."""
    typer.echo(_refresh_export_lines(only_if_none=False))


def _refresh_export_lines(only_if_none: bool) -> str | None:
    """Store every trade figure's export lines (only where none is stored while figures are, if
    asked): a summary, or None if skipped."""
    from sqlalchemy import func, select

    from app import export_lines
    from app.models import ExportLine, TradeFigure

    with _session() as session:
        if only_if_none and (
            session.scalar(select(ExportLine.record_id).limit(1)) is not None
            or session.scalar(select(TradeFigure.id).limit(1)) is None
        ):
            return None
        export_lines.refresh_all(session.connection())
        stored = session.scalar(select(func.count()).select_from(ExportLine))
    return f"export lines stored: {stored}"


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind [default: BILATERAL_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: BILATERAL_PORT]")] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes [default: BILATERAL_WORKERS]")
    ] = None,
    migrate: Annotated[bool, typer.Option(help="Migrate to the latest revision first.")] = True,
) -> None:
    """Run the API. Migrates first, loads the seed into an empty database, and indexes an unindexed one."""
    settings = get_settings()
    if migrate and not _ready(settings.database_url):
        db_upgrade()
        if _is_empty():
            typer.echo(_seed())
        else:
            if (indexed := _reindex(only_if_empty=True)) is not None:
                typer.echo(indexed)  # data from before the search migration
            if (stored := _refresh_export_lines(only_if_none=True)) is not None:
                typer.echo(stored)  # figures from before the export lines' migration
    from app import serving  # here, not at the top: no other command serves

    serving.run(
        "app.worker:create_app",
        workers=workers or settings.workers,
        sockets=settings.worker_sockets,
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level,
        access_log=False,  # the app logs each request itself, as JSON with its request id
        proxy_headers=False,  # X-Forwarded-For counts only from BILATERAL_TRUSTED_PROXIES
        server_header=False,
        timeout_graceful_shutdown=settings.shutdown_timeout,
        # h11 (when it is the parser) holds no more than this of a request's head in memory; the app
        # answers 431 past BILATERAL_MAX_HEADER_BYTES (the request line comes on top).
        h11_max_incomplete_event_size=settings.max_header_bytes + 16 * 1024,
    )


# `revision: str = "0009"` and `down_revision: str | None = "0008"` in a migration file.
def _ready(url: str) -> bool:
    """Whether the database is at the head revision, seeded and indexed, so that `serve` has nothing to
    do before starting: asked in one connection, without the models or Alembic. Any doubt (an error,
    an unclear head) answers False and `serve` takes the full path."""
    from app.migration_head import shipped_head

    head = shipped_head()
    if head is None:
        return False
    try:
        connection = _driver_connection(url)
        try:
            cursor = connection.cursor()

            def rows(sql: str) -> list[Any]:
                cursor.execute(sql)
                return list(cursor.fetchall())

            version = [row[0] for row in rows("SELECT version_num FROM alembic_version")]
            seeded, indexed = (
                bool(rows(f"SELECT 1 FROM {table} LIMIT 1")) for table in ("sources", "search_documents")
            )
        finally:
            connection.close()
    except Exception:  # the full path reports what is wrong
        return False
    return version == [head] and seeded and indexed


def _driver_connection(url: str) -> Any:
    """A DB-API connection to an existing database, through the driver alone: the parent process of
    `serve` answers no request, and importing SQLAlchemy would be most of its work before it starts
    the workers. A SQLite file opens with the standard library's driver, a PostgreSQL URL is one
    psycopg (libpq) reads as it is once the driver's name is taken out of its scheme. URLs with
    options go through SQLAlchemy, which knows every form."""
    path = url.removeprefix("sqlite:///")
    if path != url and path not in ("", ":memory:") and not set("?%") & set(path):
        import sqlite3
        from urllib.parse import quote

        return sqlite3.connect(f"file:{quote(path)}?mode=rw", uri=True)  # rw: never creates the file
    conninfo = url.replace("postgresql+psycopg://", "postgresql://", 1)
    if conninfo != url and "?" not in conninfo:
        import psycopg

        return psycopg.connect(conninfo)
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    return create_engine(url, poolclass=NullPool).raw_connection()


@contextmanager
def _session() -> Iterator["Session"]:
    from app.db import make_sessionmaker
    from app.migrated import open_migrated

    engine = open_migrated(get_settings().database_url)
    try:
        with make_sessionmaker(engine, writes=True).begin() as session:
            yield session
    finally:
        engine.dispose()


@keys.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what uses the key; shown in revisions.")],
    scope: Annotated[
        Literal["read", "write"], typer.Option(help="`write` (also reads) or `read`.")
    ] = "write",
) -> None:
    """Create a key and print it. It is shown this once: only its hash is stored."""
    from sqlalchemy import select

    from app import api_keys
    from app.models import ApiKey

    with _session() as session:
        if session.scalar(select(ApiKey).where(ApiKey.name == name)) is not None:
            typer.echo(f"a key named {name!r} exists already", err=True)
            raise typer.Exit(1)
        key, secret = api_keys.create_key(session, name, scope)
    typer.echo(secret)
    typer.echo(f"key {key.name!r} ({key.scopes}) created; store it now, it cannot be shown again", err=True)


@keys.command("list")
def keys_list() -> None:
    """List keys: name, scopes, created, revoked (never the secret)."""
    from sqlalchemy import select

    from app.models import ApiKey

    with _session() as session:
        for key in session.scalars(select(ApiKey).order_by(ApiKey.created_at, ApiKey.name)):
            revoked = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
            typer.echo(f"{key.name}\t{key.scopes}\tcreated {key.created_at:%Y-%m-%d %H:%M}\t{revoked}")


@keys.command("revoke")
def keys_revoke(name: Annotated[str, typer.Argument(help="The key's name.")]) -> None:
    """Revoke a key: it stops working at once."""
    from app import api_keys

    with _session() as session:
        key = api_keys.revoke_key(session, name)
    if key is None:
        typer.echo(f"no key named {name!r}", err=True)
        raise typer.Exit(1)
    typer.echo(f"key {name!r} revoked")


def main() -> None:
    """The `bilateral` command: a database the command cannot use is one line saying what to run, not a
    traceback."""
    from app.migration_head import DatabaseNotReady

    try:
        app()
    except DatabaseNotReady as exc:
        typer.echo(f"bilateral: {exc}", err=True)
        raise SystemExit(1) from None
