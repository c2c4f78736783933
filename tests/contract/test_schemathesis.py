"""Property-based API tests (Schemathesis): every operation, every check, on generated inputs, valid
and invalid. No input may cause a server error, and no response may contradict the OpenAPI document.

Three runs of every operation: on SQLite with a write key (conftest.py puts one in the seeded
database), so writes and imports are exercised for real, not only refused with 401 (the `ignored_auth`
check still sends some without it); the same on PostgreSQL; and on SQLite without any key, where reads
must pass and every write must be refused with a 401 problem. The stateful sequences run on both
engines. Settings (seed, cases per operation, checks, stateful steps, the named rules) are in
schemathesis.toml at the root; the PostgreSQL and keyless runs take fewer cases per operation, as
they look again at what the first run covers in full.
"""

import gzip
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode

from app.config import REPO_ROOT, Settings
from app.main import create_app
from tests.conftest import Database

from .conftest import Template, contract_settings

CONFIG = SchemathesisConfig.from_path(REPO_ROOT / "schemathesis.toml")


def fewer_examples() -> SchemathesisConfig:
    """schemathesis.toml as it is, named rules and all, with fewer cases per operation (5, in the
    fuzzing phase) and fewer stateful scenarios (20)."""
    settings = tomllib.loads((REPO_ROOT / "schemathesis.toml").read_text())
    settings["generation"]["max-examples"] = 5
    settings["phases"]["stateful"]["generation"]["max-examples"] = 20
    return SchemathesisConfig.from_dict(settings)


# Bulk imports take NDJSON as well as CSV: both are text on the wire (CSV already goes as text).
schemathesis.serializer.alias("application/x-ndjson", "text/plain")


@schemathesis.serializer("application/gzip")
def _gzipped(_context: Any, value: Any) -> bytes:
    """A gzipped import: whatever was generated, compressed (the importer reads what it holds)."""
    raw = value if isinstance(value, bytes) else str(value).encode()
    return gzip.compress(raw)


# The document is read at collection time, so each operation is a test of its own; the app that
# answers (on a seeded database) comes from a fixture. (`schemathesis.pytest.from_fixture` would
# load it lazily instead, but fails under pytest 9: `'Function' object has no attribute '_nodeid'`.)
document = create_app(Settings(_env_file=None, database_url="sqlite://")).openapi()
schema = schemathesis.openapi.from_dict(document, config=CONFIG)
fewer = schemathesis.openapi.from_dict(document, config=fewer_examples())


@schema.parametrize()
def test_operation(case: schemathesis.Case, contract_app: FastAPI, write_headers: dict[str, str]) -> None:
    # Checks that send requests of their own (`ignored_auth` resends without the key) go through
    # the schema's transport: in-process, to this app.
    case.operation.schema.app = contract_app
    case.call_and_validate(app=contract_app, headers=write_headers)


@pytest.fixture(scope="session")
def postgres_app(postgres_template: Template, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """The app on a PostgreSQL database of its own, a copy of the seeded template."""
    database = Database("postgresql", tmp_path_factory.mktemp("pg"), postgres_template.database)
    app = create_app(contract_settings(database.url))
    app.openapi()  # as contract_app: not inside the first timed answer
    yield app
    app.state.engine.dispose()
    database.drop()


@fewer.parametrize()
def test_operation_on_postgresql(
    case: schemathesis.Case, postgres_app: FastAPI, postgres_template: Template
) -> None:
    case.operation.schema.app = postgres_app
    case.call_and_validate(app=postgres_app, headers=postgres_template.write_headers)


# Reads do not look at the key (unless BILATERAL_REQUIRE_READ_KEY) and every test of the suite but
# these reads without one, so the keyless run is of the operations that need it.
@fewer.exclude(method="GET").parametrize()
def test_operation_without_a_key(case: schemathesis.Case, contract_app: FastAPI) -> None:
    """A write that fits the document is refused with the 401 it documents (one that does not may be
    refused for its form first, with any 4xx: the checks hold it to that)."""
    case.operation.schema.app = contract_app
    response = case.call_and_validate(app=contract_app)
    if case.meta and case.meta.generation.mode is GenerationMode.POSITIVE:
        assert response.status_code == 401, f"{case.method} {case.formatted_path}: {response.status_code}"
        assert response.headers["content-type"] == ["application/problem+json"]


@pytest.fixture(params=["sqlite", "postgresql"])
def stateful_app(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[FastAPI, Template, Database]]:
    """The app on a database of its own, which each scenario starts afresh (see test_stateful)."""
    template: Template = request.getfixturevalue(
        "seeded_template" if request.param == "sqlite" else "postgres_template"
    )
    database = Database(request.param, tmp_path, template.database)
    app = create_app(contract_settings(database.url))
    yield app, template, database
    app.state.engine.dispose()
    database.drop()


def test_stateful(stateful_app: tuple[FastAPI, Template, Database]) -> None:
    """Sequences of calls along the document's links (a list's ids into the detail, a create's
    Location into the update, and so on). Each scenario starts from the seeded database: which step
    Hypothesis may take next depends on the answers so far, so a scenario replayed must meet the data
    it met the first time."""
    app, template, database = stateful_app
    config = CONFIG if database.engine_name == "sqlite" else fewer_examples()
    loaded = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)

    class Scenario(loaded.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            app.state.engine.dispose()  # no pooled connection may outlive the database's old contents
            database.copy_from(template.database)
            super().setup()

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {**super().get_call_kwargs(case), "headers": template.write_headers}

    # The settings of schemathesis.toml (derandomized, no example database), which Hypothesis's own
    # defaults for a state machine would replace.
    Scenario.run(settings=loaded.config.get_hypothesis_settings(phase="stateful"))
