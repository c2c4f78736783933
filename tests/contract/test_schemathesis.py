"""Property-based API tests (Schemathesis): every operation, every check, on generated inputs, valid
and invalid. No input may cause a server error, and no response may contradict the OpenAPI document.

Every operation on SQLite with a write key (conftest.py puts one in the seeded database), so writes
and imports are exercised for real, not only refused with 401 (the `ignored_auth` check still sends
some without it), and the same on PostgreSQL. Every write operation without any key, on both engines:
a write that fits the document must be refused with a 401 problem. A deployment that requires a key
for reads, against the document it serves: its reads with the key, and every operation without. The
stateful sequences run on both engines. Settings (seed, cases per operation, checks, stateful steps,
the named rules) are in schemathesis.toml at the root; the runs after the first take fewer cases per
operation, as they look again at what the first run covers in full, and the stateful runs fewer
scenarios than the CLI's.
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
from tests import openapi_document
from tests.conftest import Database

from .conftest import Template, contract_settings

CONFIG = SchemathesisConfig.from_path(REPO_ROOT / "schemathesis.toml")


def fewer_examples(scenarios: int = 12, **changes: Any) -> SchemathesisConfig:
    """schemathesis.toml as it is, named rules and all, with fewer cases per operation (5, in the
    fuzzing phase) and fewer stateful `scenarios`; `changes` replace top-level sections' keys
    (`phases={"coverage": {"enabled": False}}`)."""
    settings = tomllib.loads((REPO_ROOT / "schemathesis.toml").read_text())
    settings["generation"]["max-examples"] = 5
    settings["phases"]["stateful"]["generation"]["max-examples"] = scenarios
    for section, values in changes.items():
        settings.setdefault(section, {}).update(values)
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
document = openapi_document.document()
schema = schemathesis.openapi.from_dict(document, config=CONFIG)
# On PostgreSQL the coverage phase sends its valid requests only: an invalid one (a value the document
# does not admit) is refused for its form before any query, the same on either engine, and SQLite's
# run sends every one of them.
on_postgresql = schemathesis.openapi.from_dict(
    document, config=fewer_examples(phases={"coverage": {"generation": {"mode": "positive"}}})
)


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


@on_postgresql.parametrize()
def test_operation_on_postgresql(
    case: schemathesis.Case, postgres_app: FastAPI, postgres_template: Template
) -> None:
    case.operation.schema.app = postgres_app
    case.call_and_validate(app=postgres_app, headers=postgres_template.write_headers)


def refused_as_documented(case: schemathesis.Case, app: FastAPI) -> None:
    """Sent without a key: all checks pass, and a request that fits the document is answered with the
    401 problem it documents (an operation that declares no `security` is public: not a 401)."""
    case.operation.schema.app = app
    response = case.call_and_validate(app=app)
    if case.meta and case.meta.generation.mode is GenerationMode.POSITIVE:
        secured = bool(case.operation.definition.raw.get("security"))
        label = f"{case.method} {case.formatted_path}: {response.status_code}"
        assert (response.status_code == 401) == secured, label
        if secured:
            assert response.headers["content-type"] == ["application/problem+json"], label


# Reads do not look at the key (unless BILATERAL_REQUIRE_READ_KEY) and every test of the suite but
# these reads without one, so the keyless runs are of the operations that need it. What differs from
# test_operation is the key, not the form of a request: no coverage phase (its cases are about form).
keyless_on_sqlite = schemathesis.openapi.from_dict(
    document, config=fewer_examples(phases={"coverage": {"enabled": False}})
)


@keyless_on_sqlite.exclude(method="GET").parametrize()
def test_operation_without_a_key(case: schemathesis.Case, contract_app: FastAPI) -> None:
    """A write that fits the document is refused with the 401 it documents (one that does not may be
    refused for its form first, with any 4xx: the checks hold it to that)."""
    refused_as_documented(case, contract_app)


# On PostgreSQL the refusal takes the same path with another engine behind the session: 3 valid
# requests per operation, no coverage phase (its cases are about a request's form: SQLite's run).
keyless_on_postgresql = schemathesis.openapi.from_dict(
    document,
    config=fewer_examples(
        generation={"mode": "positive", "max-examples": 3}, phases={"coverage": {"enabled": False}}
    ),
)


@keyless_on_postgresql.exclude(method="GET").parametrize()
def test_operation_without_a_key_on_postgresql(case: schemathesis.Case, postgres_app: FastAPI) -> None:
    refused_as_documented(case, postgres_app)


# A deployment that requires a key for reads (BILATERAL_REQUIRE_READ_KEY), tested against the
# document it serves itself, which declares `security` and a 401 on every operation but the probes
# (tests/test_document_strictness.py). With the key: the reads (its writes are those of the runs
# above), whose `ignored_auth` check resends each without the key and with a wrong one, which must not
# succeed. Without the key: every operation. What differs is the key, not the form of a request: 3
# cases per operation and no coverage phase.
read_key_schema = schemathesis.openapi.from_asgi(
    "/openapi.json",
    create_app(Settings(_env_file=None, database_url="sqlite://", require_read_key=True)),
    config=fewer_examples(generation={"max-examples": 3}, phases={"coverage": {"enabled": False}}),
)


@pytest.fixture(scope="session")
def read_key_app(contract_app: FastAPI) -> Iterator[FastAPI]:
    """That deployment on contract_app's database, which it only reads: its writes are refused."""
    app = create_app(contract_app.state.settings.model_copy(update={"require_read_key": True}))
    app.openapi()
    yield app
    app.state.engine.dispose()


# (`exclude`, not `include(method="GET")`: Schemathesis ORs an include with the rules of
# schemathesis.toml's [[operations]], which select every operation.)
@read_key_schema.exclude(method=["POST", "PATCH", "DELETE"]).parametrize()
def test_read_with_a_read_key(
    case: schemathesis.Case, read_key_app: FastAPI, write_headers: dict[str, str]
) -> None:
    """A read with the key is answered as on a public deployment: never refused for the key."""
    case.operation.schema.app = read_key_app
    response = case.call_and_validate(app=read_key_app, headers=write_headers)
    # (A negative case may be one with the Authorization header taken away: a 401, rightly.)
    if case.meta and case.meta.generation.mode is GenerationMode.POSITIVE:
        assert response.status_code not in (401, 403), f"{case.method} {case.formatted_path}: {response.text}"


@read_key_schema.parametrize()
def test_operation_without_a_read_key(case: schemathesis.Case, read_key_app: FastAPI) -> None:
    refused_as_documented(case, read_key_app)


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
    # Fewer scenarios than schemathesis.toml's (the CLI's): each starts from a fresh copy of the
    # database, and PostgreSQL's copy (CREATE DATABASE … TEMPLATE) is the dearer.
    config = fewer_examples(scenarios=30 if database.engine_name == "sqlite" else 12)
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
