"""Contract checks: what clients and tools make of the OpenAPI document.

They share one seeded SQLite database (copied for each user, so none sees another's writes; the
Schemathesis runs have a PostgreSQL one too), the app served by uvicorn on a free port of 127.0.0.1,
and outside tools: the Node packages pinned in tools/package.json, openapi-python-client in
tools/.venv, and Debian's Chromium. `scripts/tools` installs the first two (apt-get the third). A
check whose tool is missing skips, saying so and how to install it, unless
BILATERAL_TEST_REQUIRE_TOOLS=1 (as in CI), which makes it fail instead.
"""

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from schemathesis.pytest import _test_builder
from sqlalchemy.orm import sessionmaker
from starlette.types import ASGIApp

from app.api_keys import create_key
from app.config import Settings
from app.db import make_engine
from app.main import create_app
from tests.conftest import Database, Templates, make_database

from . import built_when_run
from .sdk import Sdks, generate

# Schemathesis's tests are built by the worker that runs them (built_when_run.py).
_test_builder.build_operation_test = built_when_run.waiting_build


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if isinstance(item, pytest.Function):
        built_when_run.build(item.obj)


@dataclass(frozen=True)
class Template:
    """The seeded database every copy starts from, and the write key it holds."""

    database: Database
    write_key: str  # the secret of a key with the `write` scope, for `Authorization: Bearer …`

    @property
    def path(self) -> Path:
        """The SQLite file (copies of the SQLite template live beside it)."""
        assert self.database.path, "a PostgreSQL template has no file"
        return self.database.path

    @property
    def write_headers(self) -> dict[str, str]:
        """The headers that authorize a write on any copy of the template."""
        return {"Authorization": f"Bearer {self.write_key}"}


def keyed_template(engine_name: str, tmp: Path, templates: Templates) -> Template:
    """A copy of tests/conftest.py's seeded template (the real migrations and the seed), given a write
    key; PostgreSQL skips (or fails) as the database tests do when the server is unreachable."""
    database = make_database(engine_name, tmp, templates.get(engine_name, "seeded"))
    engine = make_engine(database.url)
    with sessionmaker(engine).begin() as session:
        _, secret = create_key(session, "contract-tests", "write")
    engine.dispose()
    return Template(database, secret)


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory, templates: Templates) -> Template:
    """The SQLite template of the contract checks."""
    return keyed_template("sqlite", tmp_path_factory.mktemp("contract"), templates)


@pytest.fixture(scope="session")
def postgres_template(tmp_path_factory: pytest.TempPathFactory, templates: Templates) -> Iterator[Template]:
    """The same on PostgreSQL (a database of its own, dropped after the run)."""
    template = keyed_template("postgresql", tmp_path_factory.mktemp("contract-pg"), templates)
    yield template
    template.database.drop()


@pytest.fixture(scope="session")
def write_headers(seeded_template: Template) -> dict[str, str]:
    """The headers that authorize a write on any copy of the SQLite template."""
    return seeded_template.write_headers


def contract_settings(database_url: str) -> Settings:
    # No rate limit: these tests send hundreds of requests from one address in seconds.
    return Settings(_env_file=None, database_url=database_url, rate_limit_per_minute=0)


def seeded_copy(template: Template, name: str) -> str:
    """A copy of the seeded database (SQLite's backup API: consistent whatever the WAL holds)."""
    copy = template.path.with_name(f"{name}.db")
    restore(template, copy)
    return f"sqlite:///{copy}"


def restore(template: Template, copy: Path) -> None:
    """Make `copy` the template again, page for page (also while an engine holds it open, idle)."""
    with closing(sqlite3.connect(template.path)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)


@pytest.fixture(scope="session")
def contract_app(seeded_template: Template) -> Iterator[FastAPI]:
    """The app on a database of its own, for in-process (ASGI) checks."""
    app = create_app(contract_settings(seeded_copy(seeded_template, "asgi")))
    # A 405 names the allowed methods from the OpenAPI document: built here, not inside the first timed
    # answer (Schemathesis's max_response_time), where it took 6.7 s on a loaded machine.
    app.openapi()
    yield app
    app.state.engine.dispose()


@contextmanager
def served_copy(template: Template, name: str) -> Iterator[str]:
    """The app served over HTTP on a free port of 127.0.0.1, on a copy of the seeded database named
    `name`; yields the base URL."""
    app = create_app(contract_settings(seeded_copy(template, name)))
    try:
        with serve(app) as base:
            yield base
    finally:
        app.state.engine.dispose()


@contextmanager
def serve(app: ASGIApp) -> Iterator[str]:
    """Any ASGI app served by uvicorn on a free port of 127.0.0.1, in a thread; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the live server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@pytest.fixture(scope="session")
def live_server(seeded_template: Template) -> Iterator[str]:
    """The seed served over HTTP, shared by the checks that only read it."""
    with served_copy(seeded_template, "live") as base:
        yield base


@pytest.fixture(scope="session")
def sdks(tmp_path_factory: pytest.TempPathFactory) -> Sdks:
    """The SDKs of sdk/, generated from openapi.json into a temporary copy, once."""
    return generate(tmp_path_factory.mktemp("sdk"))


@pytest.fixture(scope="session")
def sdk_server(seeded_template: Template) -> Iterator[str]:
    """The seed served for the SDKs' examples, which write (each its own records)."""
    with served_copy(seeded_template, "sdk") as base:
        yield base
