"""Whether a database holds this code's schema: Alembic's configuration, the head revision, and
`open_migrated` for the command line. Apart from app.health (the probes), so that a `bilateral`
command does not import the web framework.

Alembic is imported by the functions that use it, not with the module: a third of a second of every
worker's start-up (the issue 5 target is a first answer within 2 s of launch), for a check that runs
once a probe asks."""

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError

from app.config import REPO_ROOT
from app.db import make_engine
from app.migration_head import DatabaseNotReady, shipped_head

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(url: str | None = None) -> "Config":
    from alembic.config import Config

    config = Config(str(REPO_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(Path(REPO_ROOT / "migrations")))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def open_migrated(url: str) -> Engine:
    """An engine on `url` once it is known to hold this code's schema. A missing SQLite file is not
    created (connecting would make an empty one, and the command would then fail on a missing
    table); a database at another revision is refused with the command that mends it."""
    parsed = make_url(url)
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(str(parsed.database)).resolve()
        if not path.exists():
            raise DatabaseNotReady(
                f"no database at {path}: run `bilateral db upgrade` to create it and `bilateral seed` "
                "to load the seed, or set DATABASE_URL to the database you mean"
            )
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as exc:
        revision = None
        if not _missing_table(exc):
            engine.dispose()
            reason = getattr(exc, "orig", None) or exc
            raise DatabaseNotReady(f"cannot use the database at {shown}: {reason}") from None
    head = shipped_head() or head_revision()
    if revision != head:
        engine.dispose()
        raise DatabaseNotReady(
            f"the database at {shown} is at revision {revision or 'none (not migrated)'}, this code needs "
            f"{head}: run `bilateral db upgrade`"
        )
    # The checking connection goes: connections made later get what modules imported since listen
    # for (the revisions' staging table is made on connect).
    engine.dispose()
    return engine


def _missing_table(exc: SQLAlchemyError) -> bool:
    message = str(getattr(exc, "orig", exc)).lower()
    return "no such table" in message or "does not exist" in message


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
