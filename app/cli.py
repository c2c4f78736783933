"""The `bilateral` command: migrate, seed and serve."""

from typing import Annotated

import typer
import uvicorn
from alembic import command
from sqlalchemy import select

from app import datastate
from app.config import get_settings
from app.db import make_engine, make_sessionmaker
from app.health import alembic_config
from app.models import Source
from app.search import repository as search
from app.seeding import SeedError, seed_all

app = typer.Typer(help="Bilateral relations API: database, seed data and server.", no_args_is_help=True)
db = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db, name="db")


@db.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Migrate the database at DATABASE_URL up to REVISION (default: the latest)."""
    command.upgrade(alembic_config(get_settings().database_url), revision)


@db.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument(help="Target revision, e.g. -1 or base.")]) -> None:
    """Migrate the database down to REVISION."""
    command.downgrade(alembic_config(get_settings().database_url), revision)


@db.command("current")
def db_current() -> None:
    """Show the database's current revision."""
    command.current(alembic_config(get_settings().database_url))


@app.command()
def seed() -> None:
    """Load ISO countries and the seed datasets (idempotent: a second run changes nothing)."""
    report = _seed()
    typer.echo(report)


def _seed() -> str:
    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
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
    engine = make_engine(get_settings().database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            if only_if_empty and search.has_documents(session):
                return None
            report = search.rebuild_search_index(session)
            if any(not key.endswith("unchanged") for key in report):
                datastate.bump(session)  # search answers change
    finally:
        engine.dispose()
    return ", ".join(f"{key}: {count}" for key, count in sorted(report.items()))


def _is_empty() -> bool:
    engine = make_engine(get_settings().database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(select(Source.id).limit(1)).first() is None
    finally:
        engine.dispose()


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind [default: BILATERAL_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: BILATERAL_PORT]")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    migrate: Annotated[bool, typer.Option(help="Migrate to the latest revision first.")] = True,
) -> None:
    """Run the API. Migrates first, loads the seed into an empty database, and indexes an unindexed one."""
    settings = get_settings()
    if migrate:
        db_upgrade()
        if _is_empty():
            typer.echo(_seed())
        elif (indexed := _reindex(only_if_empty=True)) is not None:
            typer.echo(indexed)  # data from before the search migration
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        log_level=settings.log_level,
    )
