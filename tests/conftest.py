"""Test databases: every database test runs on SQLite and on PostgreSQL.

The real Alembic migrations build one database per engine and run, and the seed is loaded into a copy
of it (`Templates`); every database a test gets is a copy of one of those (a file copy on SQLite,
`CREATE DATABASE … TEMPLATE` on PostgreSQL), so no test pays for the migrations or the seed again. The
session's shared database is such a copy; each test on it runs inside an outer transaction that is
rolled back, so tests cannot see each other's writes. Tests that need a database of their own take
`empty_database` (no schema; `migrate()` runs the real migrations), `migrated_database` or
`cli_database`, or call `copy_template(database, "migrated" | "seeded")`.

PostgreSQL: BILATERAL_TEST_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test),
whose server gets a database of its own per test database (named bilateral_test_…, dropped after),
never the URL's own database: an extension is one per database, so two runs (or two pytest-xdist
workers) migrating side by side in one database would race to create it. When the server is
unreachable the PostgreSQL half skips with the reason, unless BILATERAL_TEST_REQUIRE_POSTGRES=1 (as in
CI), which makes it fail.
"""

import functools
import gc
import os
import sqlite3
import uuid
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, Literal

import httpx
import psycopg
import pytest
from alembic import command
from fastapi import FastAPI
from sqlalchemy import Connection, Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.common.routing import ReadRoutes
from app.config import REPO_ROOT, Settings, get_settings
from app.db import make_engine
from app.main import create_app
from app.migrated import alembic_config
from app.seeding import seed_all

POSTGRES_URL = os.environ.get(
    "BILATERAL_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("BILATERAL_TEST_REQUIRE_POSTGRES") == "1"
SEED_DIR = REPO_ROOT / "seed"
TemplateName = Literal["migrated", "seeded"]


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Generator[None, object, object]:
    """Collecting builds what lives as long as the run (every module, the OpenAPI document,
    Schemathesis's cases for every operation, in every pytest-xdist worker) and little garbage: no
    full garbage collection runs while it grows, each would walk all of it again; after it, it is out
    of the collector's sight (`gc.freeze`), as the app's start-up puts its own (app/main.py)."""
    threshold = gc.get_threshold()
    gc.set_threshold(threshold[0], threshold[1], 1_000_000)  # young generations as ever, the oldest never
    try:
        return (yield)
    finally:
        gc.set_threshold(*threshold)
        gc.freeze()


class Unfreezes:
    """`gc.unfreeze`, counting its calls. Whether a test unfroze cannot be asked of the collector
    itself: `gc.get_freeze_count()` walks every frozen object, milliseconds each time, and around
    each of the suite's tests that multiplied its CPU time several-fold."""

    def __init__(self, unfreeze: Callable[[], None]) -> None:
        self.unfreeze = unfreeze
        self.count = 0

    def __call__(self) -> None:
        self.count += 1
        self.unfreeze()


UNFREEZES = Unfreezes(gc.unfreeze)
gc.unfreeze = UNFREEZES  # for the whole run: the app's own calls (app/imports/repository.py) count too


class FullCollections:
    """Counts the collector's full collections (a `gc.callbacks` entry)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            self.count += 1


FULL_COLLECTIONS = FullCollections()
gc.callbacks.append(FULL_COLLECTIONS)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    unfrozen = UNFREEZES.count
    collections = FULL_COLLECTIONS.count
    try:
        return (yield)
    finally:
        freeze_again_if_unfrozen(unfrozen)
        freeze_after_a_full_collection(collections)


def freeze_again_if_unfrozen(unfrozen: int) -> None:
    """What collecting froze stays frozen for the whole run. A test that unfreezes (the lifespan's,
    an import's in a process with nothing frozen: app/imports/repository.py) hands every frozen object
    back to the collector; every later full collection in that worker then walked all of it again,
    seconds each. After a test that unfroze (its setup, call and teardown; `unfrozen`: the count of
    unfreezes when it began), what lives is frozen again, as the app's lifespan does at start-up."""
    if UNFREEZES.count != unfrozen:
        gc.freeze()


def freeze_after_a_full_collection(collections: int) -> None:
    """What survived a full collection during a test (session fixtures' apps and engines, caches,
    whatever earlier tests left alive) would be walked again by every later one, each full collection
    slower than the last over a worker's run. After such a test, the young generations are
    collected and everything alive is frozen with what collecting froze. The cost: a cycle that dies
    after it is frozen is never collected (objects freed by their reference counts still are)."""
    if FULL_COLLECTIONS.count != collections:
        gc.collect(1)
        gc.freeze()


@functools.cache
def _postgres_unreachable() -> str | None:
    """Why the server cannot be used, asked once per process: every PostgreSQL test database would
    otherwise open a connection of its own just to ask."""
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


def _admin(*statements: str) -> None:
    """Statements run on the URL's own database, in one connection (CREATE/DROP DATABASE cannot run
    in a transaction)."""
    with psycopg.connect(_libpq(POSTGRES_URL), autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)  # type: ignore[arg-type]


class Database:
    """A database to test against: a SQLite file, or a PostgreSQL database of its own. It starts empty,
    or as a copy of `template`.

    An empty PostgreSQL database is made when it is first needed (its `url` asked, or `migrate()`):
    most become a copy of a template first (`copy_template`), which then takes the name directly.
    Made and replaced, the empty one cost a DROP DATABASE, and PostgreSQL 15 makes each drop wait for a
    checkpoint of the whole server."""

    def __init__(self, engine_name: str, tmp: Path, template: "Database | None" = None) -> None:
        self.engine_name = engine_name
        self.templates: Templates | None = None  # what copy_template copies from
        name = f"test-{uuid.uuid4().hex[:8]}"
        self.exists = False  # on the server (PostgreSQL; a SQLite file is made by its first connection)
        if engine_name == "sqlite":
            self.path: Path | None = tmp / f"{name}.db"
            self.name = None
            self._url = f"sqlite:///{self.path}"
            if template:
                self.copy_from(template)
        else:
            self.path = None
            self.name = f"bilateral_{name.replace('-', '_')}"
            self._url = make_url(POSTGRES_URL).set(database=self.name).render_as_string(hide_password=False)
            if template:
                self.copy_from(template)

    @property
    def url(self) -> str:
        """The database's URL; an empty PostgreSQL database not yet made is made first."""
        if self.name and not self.exists:
            _create_database(self.name, None)
            self.exists = True
        return self._url

    def migrate(self, revision: str = "head") -> None:
        """The real migrations, run on this database."""
        command.upgrade(alembic_config(self.url), revision)

    def copy_from(self, template: "Database") -> None:
        """Make this database a copy of `template`; nothing may be connected to either."""
        if self.path and template.path:
            # SQLite's backup API: consistent whatever a write-ahead log holds.
            with closing(sqlite3.connect(template.path)) as source, closing(sqlite3.connect(self.path)) as to:
                source.backup(to)
        else:
            assert self.name and template.name
            replaced = [f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'] if self.exists else []
            _admin(*replaced, *_creating(self.name, template.name))
            self.exists = True

    def drop(self) -> None:
        if self.name and self.exists:
            _admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self.exists = False


def _create_database(name: str, template: str | None) -> None:
    """A test database, which commits without waiting for the disk: a crash loses nothing a test
    needs, and a write test spends most of its PostgreSQL time on that wait otherwise. (A database's
    settings are not copied from its template, so each is given its own.)"""
    _admin(*_creating(name, template))


def _creating(name: str, template: str | None) -> tuple[str, str]:
    return (
        f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""),
        f'ALTER DATABASE "{name}" SET synchronous_commit = off',
    )


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def make_database(engine_name: str, tmp: Path, template: Database | None = None) -> Database:
    if engine_name == "postgresql":
        reason = _postgres_unreachable()
        if reason:
            if REQUIRE_POSTGRES:
                pytest.fail(f"BILATERAL_TEST_REQUIRE_POSTGRES=1 but {reason}")
            pytest.skip(reason)
    return Database(engine_name, tmp, template)


class Templates:
    """Per engine, built on first use and kept for the run: "migrated" (the real migrations, up to
    head) and "seeded" (a copy of it with the seed loaded). Nothing stays connected to them."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.built: dict[tuple[str, TemplateName], Database] = {}

    def get(self, engine_name: str, name: TemplateName) -> Database:
        key = (engine_name, name)
        if key not in self.built:
            if name == "migrated":
                database = make_database(engine_name, self.tmp)
                database.migrate()
            else:
                database = make_database(engine_name, self.tmp, self.get(engine_name, "migrated"))
                engine = make_engine(database.url)
                with sessionmaker(engine).begin() as session:
                    seed_all(session, SEED_DIR)
                engine.dispose()
            self.built[key] = database
        return self.built[key]

    def drop(self) -> None:
        for database in self.built.values():
            database.drop()


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    templates = Templates(tmp_path_factory.mktemp("templates"))
    yield templates
    templates.drop()


def copy_template(database: Database, name: TemplateName) -> None:
    """Make `database` (an `empty_database`) a copy of its engine's migrated (or migrated and seeded)
    template: what the real migrations (and the seed loader) would make of it, at the cost of a copy."""
    assert database.templates, "copy_template needs a database from the empty_database fixture"
    database.copy_from(database.templates.get(database.engine_name, name))


def migrate_and_seed(database: Database) -> None:
    copy_template(database, "seeded")


@pytest.fixture
def seeded(empty_database: Database) -> Database:
    """A migrated and seeded database of the test's own (a copy of the template), for tests that
    connect to it apart from the shared `session`: a server's workers, connections of their own."""
    copy_template(empty_database, "seeded")
    return empty_database


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def seeded_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, templates: Templates
) -> Iterator[Database]:
    """The database the `session`, `connection` and `client` fixtures share, one per engine."""
    template = templates.get(request.param, "seeded")
    database = make_database(request.param, tmp_path_factory.mktemp("db"), template)
    yield database
    database.drop()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(
    request: pytest.FixtureRequest, tmp_path: Path, templates: Templates
) -> Iterator[Database]:
    """A fresh database with no schema, for migration tests (and, through copy_template, a database of
    a test's own)."""
    database = make_database(request.param, tmp_path)
    database.templates = templates
    yield database
    database.drop()


@pytest.fixture
def migrated_database(empty_database: Database) -> Database:
    """A database of the test's own, at the migrations' head, with no data."""
    copy_template(empty_database, "migrated")
    return empty_database


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


@pytest.fixture
async def by_fastapi(seeded_database: Database, connection: Connection) -> AsyncIterator[httpx.AsyncClient]:
    """The app without its response cache and without its read routes: FastAPI's router and
    dependency solver compute every answer."""
    app = create_app(Settings(database_url=seeded_database.url, rate_limit_per_minute=0, response_cache_mb=0))
    assert app.state.response_cache is None
    [read_routes] = [route for route in app.router.routes if isinstance(route, ReadRoutes)]
    app.router.routes.remove(read_routes)
    bind_to_test_transaction(app, connection)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
        yield c
    app.state.engine.dispose()


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
    """Counts the statements the test's connection runs, at the driver: a statement SQLAlchemy executes
    and one run on the driver's own cursor (`db.DriverStatement`: a list shape's kept page statement
    after its first request) count alike, whichever ran first in this process."""
    counter = QueryCounter()
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection):
        driver.set_trace_callback(counter)
        yield counter
        driver.set_trace_callback(None)
        return
    assert isinstance(driver, psycopg.Connection)
    plain = driver.cursor_factory

    class Counting(plain):  # type: ignore[valid-type,misc]
        def execute(self, *args: Any, **kwargs: Any) -> Any:
            counter()
            return super().execute(*args, **kwargs)

    driver.cursor_factory = Counting
    yield counter
    driver.cursor_factory = plain


@pytest.fixture
def cli_database(empty_database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """A migrated, seeded database of its own, which the `bilateral` command finds at DATABASE_URL."""
    copy_template(empty_database, "seeded")
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
