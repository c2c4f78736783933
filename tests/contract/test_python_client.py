"""A Python client generated from the document (openapi-python-client --fail-on-warning) works against
the running app: filters, cursor paging, one record, and problem+json errors, all as typed objects."""

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app.config import REPO_ROOT

from .tools import PYTHON_TOOLS_BIN, require_tool

PACKAGE = "bilateral_client"
STATE_VISIT = "aliyev-state-visit-kazakhstan-2025-11"


class Generated:
    """The generated package, imported by module path (`api.events.list_events`, `models`)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __getitem__(self, module: str) -> ModuleType:
        return importlib.import_module(f"{PACKAGE}.{module}")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Generated]:
    generator = require_tool(
        PYTHON_TOOLS_BIN / "openapi-python-client",
        "openapi-python-client",
        "run scripts/tools (it installs it into tools/.venv)",
    )
    out = tmp_path_factory.mktemp("python-client")
    config = out / "config.yaml"
    # No post hooks: the generated code need not be formatted to be imported. The generator knows no
    # CSV, TSV, NDJSON or gzip request bodies (bulk imports): they are bytes to it, as to any HTTP
    # client.
    config.write_text(
        f"package_name_override: {PACKAGE}\n"
        "post_hooks: []\n"
        "content_type_overrides:\n"
        "  text/csv: application/octet-stream\n"
        "  text/tab-separated-values: application/octet-stream\n"
        "  application/x-ndjson: application/octet-stream\n"
        "  application/gzip: application/octet-stream\n"
    )
    result = subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(REPO_ROOT / "openapi.json"),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(out / PACKAGE),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"PATH": f"{PYTHON_TOOLS_BIN}{os.pathsep}{os.environ['PATH']}"},
    )
    assert result.returncode == 0, f"openapi-python-client failed:\n{result.stdout}\n{result.stderr}"
    sys.path.insert(0, str(out))
    try:
        yield Generated(out / PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [name for name in sys.modules if name == PACKAGE or name.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


@pytest.fixture
def client(generated: Generated, live_server: str) -> Iterator[Any]:
    # raise_on_unexpected_status: a status the document does not declare is an error, not a None.
    with generated["client"].Client(base_url=live_server, raise_on_unexpected_status=True) as client:
        yield client


def test_list_with_filters(generated: Generated, client: Any) -> None:
    list_events = generated["api.events.list_events"]
    models = generated["models"]
    response = list_events.sync_detailed(
        client=client,
        country=["AZ", "KZ"],
        date_from="2025-11",
        date_to="2025-11",
        date_match=models.DateMatch.WITHIN,
        count=True,
    )
    assert response.status_code == 200
    page = response.parsed
    assert isinstance(page, models.EventPage)
    assert [event.id for event in page.items] == [STATE_VISIT]
    assert page.total == 1
    assert page.next_cursor is None
    assert response.headers["content-type"] == "application/json"


def test_paginate_with_the_cursor(generated: Generated, client: Any) -> None:
    list_countries = generated["api.countries.list_countries"]
    seen: list[str] = []
    cursor: Any = generated["types"].UNSET
    total = None
    while True:
        page = list_countries.sync(client=client, limit=100, cursor=cursor, count=True)
        assert page is not None
        total = page.total
        seen += [country.id for country in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert total == len(seen) == len(set(seen)) == 249  # all of ISO 3166-1, each once
    assert seen == sorted(seen)  # the default sort is by id


def test_get_one(generated: Generated, client: Any) -> None:
    get_event = generated["api.events.get_event"]
    models = generated["models"]
    event = get_event.sync(STATE_VISIT, client=client, lang=models.Language.RU)
    assert isinstance(event, models.EventRead)
    assert event.title == "Государственный визит президента Азербайджана Ильхама Алиева в Казахстан"
    assert event.type_ == models.EventType.STATE_VISIT
    assert event.date_precision == models.DatePrecision.MONTH
    assert (event.date_start.isoformat(), event.date_end.isoformat()) == ("2025-11-01", "2025-11-30")
    assert {country.id for country in event.countries} == {"AZ", "KZ"}
    assert event.host_country.id == "KZ"
    [first, *_] = event.citations
    assert first.source_id == "velizade-2025-az-kz-relations"
    assert first.paragraph == 5 and first.char_end > first.char_start


def test_fields_give_partial_records(generated: Generated, client: Any) -> None:
    list_events = generated["api.events.list_events"]
    get_event = generated["api.events.get_event"]
    models = generated["models"]

    page = list_events.sync(client=client, fields=[models.EventField.ID, models.EventField.TITLE])
    assert isinstance(page, models.PartialPage)
    assert page.items and all(isinstance(event, models.PartialRecord) for event in page.items)
    assert STATE_VISIT in [event["id"] for event in page.items]
    assert all(set(event.additional_keys) == {"id", "title"} for event in page.items)

    event = get_event.sync(STATE_VISIT, client=client, fields=[models.EventField.DATE_PRECISION])
    assert isinstance(event, models.PartialRecord)
    assert event.additional_properties == {"date_precision": "month"}

    # Without `fields=`, the full types.
    assert isinstance(list_events.sync(client=client), models.EventPage)


def test_headers_are_declared(generated: Generated, client: Any) -> None:
    """The ETag a change needs, and the next page's link, are in the headers the document declares."""
    list_events = generated["api.events.list_events"]
    get_event = generated["api.events.get_event"]
    event = get_event.sync_detailed(STATE_VISIT, client=client)
    assert event.headers["etag"].startswith('"v')
    assert event.headers["last-modified"] and event.headers["content-language"] == "en"
    page = list_events.sync_detailed(client=client, limit=1)
    assert page.headers["link"].endswith('rel="next"')


def test_read_problem_json_errors(generated: Generated, client: Any) -> None:
    get_event = generated["api.events.get_event"]
    list_events = generated["api.events.list_events"]
    models = generated["models"]

    missing = get_event.sync_detailed("no-such-event", client=client)
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert isinstance(missing.parsed, models.Problem)
    assert missing.parsed.type_ == "/problems/not-found"
    assert missing.parsed.status == 404

    backwards = list_events.sync_detailed(client=client, date_from="2025-12", date_to="2025-01")
    assert backwards.status_code == 422
    problem = backwards.parsed
    assert isinstance(problem, models.Problem)
    assert problem.type_ == "/problems/invalid-parameter"
    assert [(error.name, error.in_) for error in problem.errors] == [
        ("date_from", "query"),
        ("date_to", "query"),
    ]
