"""Property-based API tests (Schemathesis): every operation, every check, on generated inputs, valid
and invalid. No input may cause a server error, and no response may contradict the OpenAPI document.

Every call carries a write key (conftest.py puts one in the seeded database), so writes and imports
are exercised for real, not only refused with 401; the `ignored_auth` check still sends some without it.
Settings (seed, cases per operation, checks, stateful steps) are in schemathesis.toml at the root.
"""

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from schemathesis.config import SchemathesisConfig

from app.config import REPO_ROOT, Settings
from app.main import create_app

from .conftest import Template, contract_settings, restore, seeded_copy

CONFIG = SchemathesisConfig.from_path(REPO_ROOT / "schemathesis.toml")

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
schema = schemathesis.openapi.from_dict(
    create_app(Settings(_env_file=None, database_url="sqlite://")).openapi(), config=CONFIG
)


@schema.parametrize()
def test_operation(case: schemathesis.Case, contract_app: FastAPI, write_headers: dict[str, str]) -> None:
    # Checks that send requests of their own (`ignored_auth` resends without the key) go through
    # the schema's transport: in-process, to this app.
    case.operation.schema.app = contract_app
    case.call_and_validate(app=contract_app, headers=write_headers)


@pytest.fixture
def stateful_app(seeded_template: Template) -> Iterator[tuple[FastAPI, Path]]:
    """The app on a database of its own, which each scenario starts afresh (see test_stateful)."""
    url = seeded_copy(seeded_template, "stateful")
    app = create_app(contract_settings(url))
    yield app, Path(url.removeprefix("sqlite:///"))
    app.state.engine.dispose()


def test_stateful(
    stateful_app: tuple[FastAPI, Path], seeded_template: Template, write_headers: dict[str, str]
) -> None:
    """Sequences of calls along the document's links (a list's ids into the detail, a create's
    Location into the update, and so on). Each scenario starts from the seeded database: which step
    Hypothesis may take next depends on the answers so far, so a scenario replayed must meet the data
    it met the first time."""
    app, database = stateful_app
    loaded = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)

    class Scenario(loaded.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            app.state.engine.dispose()  # no pooled connection may outlive the file's old contents
            restore(seeded_template, database)
            super().setup()

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {**super().get_call_kwargs(case), "headers": write_headers}

    Scenario.run()
