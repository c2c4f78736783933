"""Test databases: every database test runs on SQLite and on PostgreSQL.

The schema is built by the real Alembic migrations and the seed is loaded once per engine; each test
then runs inside an outer transaction that is rolled back, so tests cannot see each other's writes.

PostgreSQL: BILATERAL_TEST_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test).
Tests use their own schemas there, never `public`. When the server is unreachable the PostgreSQL half
skips with the reason, unless BILATERAL_TEST_REQUIRE_POSTGRES=1 (as in CI), which makes it fail.
"""

import gc
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg
import pytest
from alembic import command
from fastapi import FastAPI
from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.config import REPO_ROOT, Settings, get_settings
from app.db import make_engine
from app.health import alembic_config
from app.main import create_app
from app.seeding import seed_all

POSTGRES_URL = os.environ.get(
    "BILATERAL_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("BILATERAL_TEST_REQUIRE_POSTGRES") == "1"
SEED_DIR = REPO_ROOT / "seed"


def _postgres_unreachable() -> str | None:
    url = make_url(POSTGRES_URL)
    try:
        psycopg.connect(
            host=url.host,
            port=url.port or 5432,
            user=url.username,
            password=url.password,
            dbname=url.database,
            connect_timeout=3,
        ).close()
    except psycopg.Error as exc:
        where = url.render_as_string(hide_password=True)
        problem = exc.__class__.__name__
        return f"PostgreSQL not reachable at {where} ({problem}); set BILATERAL_TEST_POSTGRES_URL"
    return None


class Database:
    """A database to test against: SQLite file, or a PostgreSQL schema of its own."""

    def __init__(self, engine_name: str, tmp: Path) -> None:
        self.engine_name = engine_name
        if engine_name == "sqlite":
            self.url = f"sqlite:///{tmp / f'test-{uuid.uuid4().hex[:8]}.db'}"
            self.schema = None
        else:
            self.schema = f"bilateral_test_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(_libpq(POSTGRES_URL), autocommit=True) as conn:
                conn.execute(f'CREATE SCHEMA "{self.schema}"')
            self.url = str(
                make_url(POSTGRES_URL)
                .update_query_dict({"options": f"-csearch_path={self.schema}"})
                .render_as_string(hide_password=False)
            )

    def migrate(self, revision: str = "head") -> None:
        command.upgrade(alembic_config(self.url), revision)

    def drop(self) -> None:
        if self.schema:
            with psycopg.connect(_libpq(POSTGRES_URL), autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def make_database(engine_name: str, tmp: Path) -> Database:
    if engine_name == "postgresql":
        reason = _postgres_unreachable()
        if reason:
            if REQUIRE_POSTGRES:
                pytest.fail(f"BILATERAL_TEST_REQUIRE_POSTGRES=1 but {reason}")
            pytest.skip(reason)
    return Database(engine_name, tmp)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def seeded_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    database = make_database(request.param, tmp_path_factory.mktemp("db"))
    migrate_and_seed(database)
    yield database
    database.drop()


def migrate_and_seed(database: Database) -> None:
    database.migrate()
    engine = make_engine(database.url)
    with sessionmaker(engine).begin() as session:
        seed_all(session, SEED_DIR)
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh database with no schema, for migration tests."""
    database = make_database(request.param, tmp_path)
    yield database
    database.drop()


@pytest.fixture(scope="session")
def engine(seeded_database: Database) -> Iterator[Engine]:
    engine = make_engine(seeded_database.url)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()


@pytest.fixture
def session(connection: Connection) -> Iterator[Session]:
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        yield session


@pytest.fixture(scope="session")
def app(seeded_database: Database) -> Iterator[FastAPI]:
    # Rate limiting has its own tests; here it would only turn a busy suite into 429s.
    app = create_app(Settings(database_url=seeded_database.url, rate_limit_per_minute=0))
    yield app
    app.state.engine.dispose()  # ASGITransport does not run the lifespan that would


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(app: FastAPI, connection: Connection) -> AsyncIterator[httpx.AsyncClient]:
    bind_to_test_transaction(app, connection)
    # Each test's transaction is rolled back, so the next test can reach the same data version with
    # other data, which no committed history can: the response cache starts empty for every test.
    if app.state.response_cache is not None:
        app.state.response_cache.clear()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def bind_to_test_transaction(app: FastAPI, connection: Connection) -> None:
    """Requests run through the real session dependency, bound to the test's rolled-back transaction."""
    app.state.sessionmaker = sessionmaker(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args: object) -> None:
        self.count += 1


@pytest.fixture
def count_queries(connection: Connection) -> Iterator[QueryCounter]:
    counter = QueryCounter()
    event.listen(connection, "before_cursor_execute", counter)
    yield counter
    event.remove(connection, "before_cursor_execute", counter)


@pytest.fixture
def cli_database(empty_database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A migrated, seeded database of its own, which the `bilateral` command finds at DATABASE_URL."""
    empty_database.migrate()
    engine = make_engine(empty_database.url)
    with Session(engine) as session, session.begin():
        seed_all(session, SEED_DIR)
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", empty_database.url)
    get_settings.cache_clear()
    yield empty_database
    get_settings.cache_clear()


@contextmanager
def without_gc_pauses() -> Iterator[None]:
    """For a test that times one request: a full collection first, and none while it is timed. Late in
    the suite the heap holds every earlier test's apps and documents; a collection of it, landing in
    the timed request, takes seconds and says nothing of the code under test."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
