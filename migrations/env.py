from alembic import context
from sqlalchemy import Connection

import app.models  # noqa: F401  (registers every table on the metadata)
from app.config import get_settings
from app.db import Base, make_engine
from app.models import in_metadata

target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=sqlite,  # SQLite alters tables by copying
        compare_type=True,
        include_name=in_metadata,  # the search index objects of migration 0003 are not in the models
    )
    with context.begin_transaction():
        context.run_migrations()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the migration broke foreign keys: {broken[:5]}")


def run_online() -> None:
    # Callers (the CLI, the tests) may hand over a connection; otherwise use the configured URL.
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url") or get_settings().database_url
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if connection.dialect.name != "sqlite":
                run_migrations(connection)
                return
            # Copying a table and dropping the original, as SQLite alters tables, is refused while
            # enforced foreign keys point at it; the pragma only works outside a transaction. The
            # references are checked (above) before the migration commits.
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")
            try:
                run_migrations(connection)
            finally:
                raw.execute("PRAGMA foreign_keys=ON")
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; run against a database.")
run_online()
