"""The Python SDK (sdk/python): generated from the document by openapi-python-client --fail-on-warning,
mypy --strict clean with docs/sdk.md's example, which runs as written against a live server; and, in
process, what the generated client and the hand-written layer make of the API's answers."""

import asyncio
import gzip
import importlib
import io
import json
import runpy
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.config import REPO_ROOT

from .conftest import Template
from .sdk import Sdks, examples

STATE_VISIT = "aliyev-state-visit-kazakhstan-2025-11"
PYTHON = REPO_ROOT / ".venv" / "bin" / "python"
MYPY_CACHE = REPO_ROOT / ".mypy_cache" / "sdk"


@pytest.fixture(scope="module")
def sdk(sdks: Sdks) -> Iterator[Any]:
    """`bilateral_sdk` imported from the generated copy; `sdk.module("generated.api.events.get_event")`."""
    sys.path.insert(0, str(sdks.python))
    try:
        package = importlib.import_module("bilateral_sdk")
        package.module = lambda name: importlib.import_module(f"bilateral_sdk.{name}")
        yield package
    finally:
        sys.path.remove(str(sdks.python))
        for name in [name for name in sys.modules if name.split(".")[0] == "bilateral_sdk"]:
            del sys.modules[name]


@pytest.fixture
def client(sdk: Any, live_server: str) -> Iterator[Any]:
    # raise_on_unexpected_status: a status the document does not declare is an error, not a None.
    with sdk.Client(base_url=live_server, raise_on_unexpected_status=True) as client:
        yield client


def test_docs_example_type_checks_and_runs(
    sdk: Any,
    sdks: Sdks,
    seeded_template: Template,
    sdk_server: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """docs/sdk.md's Python examples, under mypy --strict with the whole package, then run: pages, a
    series, a source and an event created, a change with If-Match, a 412, the history, a CSV export."""
    program = sdks.python / "example.py"
    program.write_text("\n".join(examples("python")))  # the second continues the first
    # The package's own configuration (strict), and the example beside it. Paths are relative to the
    # copy, so the checkout's cache serves every copy: only what changed is checked again.
    checked = subprocess.run(
        [str(PYTHON), "-m", "mypy", "--cache-dir", str(MYPY_CACHE), "bilateral_sdk", "example.py"],
        cwd=sdks.python,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, f"mypy --strict failed:\n{checked.stdout}\n{checked.stderr}"
    capsys.readouterr()
    monkeypatch.setenv("BILATERAL_URL", sdk_server)
    monkeypatch.setenv("BILATERAL_KEY", seeded_template.write_key)
    namespace = runpy.run_path(str(program), run_name="__main__")
    namespace["client"].get_httpx_client().close()  # the example leaves it to the interpreter's exit
    lines = capsys.readouterr().out.splitlines()
    count, what = lines[0].split()
    assert what == "events" and int(count) > 2  # more than one page of two
    assert any(line.startswith("2024-01-01 ") for line in lines)  # the series
    assert "First meeting of the new commission." in lines
    assert "412 /problems/precondition-failed" in lines
    assert "['create', 'update']" in lines
    assert "aliyev-state-visit-kazakhstan-2025-11 2025-11-01" in lines  # the export
    assert "Azerbaijan and Kazakhstan" in lines  # asynchronously: two at once, then every page
    assert f"{int(count) + 1} events, asynchronously" in lines  # and the event the example created


def test_pages_follow_the_cursor(sdk: Any, client: Any) -> None:
    list_countries = sdk.module("generated.api.countries.list_countries")
    models = sdk.module("generated.models")
    pages = list(sdk.pages(list_countries.sync_detailed, models.CountryPage, client=client, limit=100))
    assert [len(page.items) for page in pages] == [100, 100, 49]
    seen = [
        country.id for country in sdk.items(list_countries.sync_detailed, models.CountryPage, client=client)
    ]
    assert len(seen) == len(set(seen)) == 249  # all of ISO 3166-1, each once
    assert seen == sorted(seen)  # the default sort is by id


def test_async_twins_follow_the_cursor(sdk: Any, live_server: str) -> None:
    """apages, aitems and aunwrap over the generated asyncio_detailed functions, as their sync twins."""
    list_countries = sdk.module("generated.api.countries.list_countries")
    get_event = sdk.module("generated.api.events.get_event")
    models = sdk.module("generated.models")

    async def read() -> tuple[list[int], list[str], Any]:
        async with sdk.Client(base_url=live_server, raise_on_unexpected_status=True) as client:
            sizes = [
                len(page.items)
                async for page in sdk.apages(
                    list_countries.asyncio_detailed, models.CountryPage, client=client, limit=100
                )
            ]
            seen = [
                country.id
                async for country in sdk.aitems(
                    list_countries.asyncio_detailed, models.CountryPage, client=client, q="stan"
                )
            ]
            event = await sdk.aunwrap(
                get_event.asyncio_detailed(STATE_VISIT, client=client), models.EventRead
            )
            with pytest.raises(sdk.NotFound):
                await sdk.aunwrap(
                    get_event.asyncio_detailed("no-such-event", client=client), models.EventRead
                )
            return sizes, seen, event

    sizes, seen, event = asyncio.run(read())
    assert sizes == [100, 100, 49]
    assert "KZ" in seen and "AZ" not in seen
    assert event.id == STATE_VISIT


def test_list_with_filters(sdk: Any, client: Any) -> None:
    list_events = sdk.module("generated.api.events.list_events")
    models = sdk.module("generated.models")
    response = list_events.sync_detailed(
        client=client,
        country=["AZ", "KZ"],
        date_from="2025-11",
        date_to="2025-11",
        date_match=models.DateMatch.WITHIN,
        count=True,
    )
    page = sdk.unwrap(response, models.EventPage)
    assert [event.id for event in page.items] == [STATE_VISIT]
    assert page.total == 1 and page.next_cursor is None
    assert response.headers["content-type"] == "application/json"


def test_get_one(sdk: Any, client: Any) -> None:
    get_event = sdk.module("generated.api.events.get_event")
    models = sdk.module("generated.models")
    response = get_event.sync_detailed(STATE_VISIT, client=client, lang=models.Language.RU)
    event = sdk.unwrap(response, models.EventRead)
    assert event.title == "Государственный визит президента Азербайджана Ильхама Алиева в Казахстан"
    assert event.type_ == models.EventType.STATE_VISIT
    assert event.date_precision == models.DatePrecision.MONTH
    assert (event.date_start.isoformat(), event.date_end.isoformat()) == ("2025-11-01", "2025-11-30")
    assert {country.id for country in event.countries} == {"AZ", "KZ"}
    assert event.host_country.id == "KZ"
    [first, *_] = event.citations
    assert first.source_id == "velizade-2025-az-kz-relations"
    assert first.paragraph == 5 and first.char_end > first.char_start
    # The headers the document declares: the ETag a change needs, and the next page's link.
    assert sdk.etag(response).startswith('"v')
    assert response.headers["last-modified"] and response.headers["content-language"] == "ru"
    page = sdk.module("generated.api.events.list_events").sync_detailed(client=client, limit=1)
    assert page.headers["link"].endswith('rel="next"')


def test_fields_give_partial_records(sdk: Any, client: Any) -> None:
    list_events = sdk.module("generated.api.events.list_events")
    get_event = sdk.module("generated.api.events.get_event")
    models = sdk.module("generated.models")

    response = list_events.sync_detailed(
        client=client, fields=[models.EventField.ID, models.EventField.TITLE]
    )
    page = sdk.unwrap(response, models.PartialPage)
    assert page.items and all(isinstance(event, models.PartialRecord) for event in page.items)
    assert STATE_VISIT in [event["id"] for event in page.items]
    assert all(set(event.additional_keys) == {"id", "title"} for event in page.items)
    with pytest.raises(sdk.UnexpectedResponse):  # asked for the full type, answered the partial one
        sdk.unwrap(response, models.EventPage)

    event = get_event.sync(STATE_VISIT, client=client, fields=[models.EventField.DATE_PRECISION])
    assert isinstance(event, models.PartialRecord)
    assert event.additional_properties == {"date_precision": "month"}


def test_problems_are_raised_by_status(sdk: Any, client: Any) -> None:
    get_event = sdk.module("generated.api.events.get_event")
    list_events = sdk.module("generated.api.events.list_events")
    models = sdk.module("generated.models")

    missing = get_event.sync_detailed("no-such-event", client=client)
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    with pytest.raises(sdk.NotFound) as not_found:
        sdk.unwrap(missing, models.EventRead)
    assert not_found.value.status == 404 and not_found.value.problem.type_ == "/problems/not-found"

    backwards = list_events.sync_detailed(client=client, date_from="2025-12", date_to="2025-01")
    with pytest.raises(sdk.UnprocessableContent) as invalid:
        sdk.unwrap(backwards, models.EventPage)
    problem = invalid.value.problem
    assert isinstance(problem, models.Problem) and problem.type_ == "/problems/invalid-parameter"
    assert [(error.name, error.in_) for error in problem.errors] == [
        ("date_from", "query"),
        ("date_to", "query"),
    ]
    assert isinstance(invalid.value, sdk.ProblemError)


def test_exports_stream(sdk: Any, client: Any) -> None:
    rows = list(
        sdk.export_csv(
            client,
            "/v1/events",
            country=["AZ", "KZ"],
            date_from="2025-11",
            date_to="2025-11",
            date_match="within",
        )
    )
    assert [row["id"] for row in rows] == [STATE_VISIT]
    records = list(sdk.export_ndjson(client, "/v1/countries", q="Kazakh"))
    assert [record["id"] for record in records] == ["KZ"]
    with pytest.raises(sdk.UnprocessableContent):
        list(sdk.export_ndjson(client, "/v1/events", date_from="2025-13"))


CSV_ROWS = (
    b"reporter,partner,indicator,period,value,unit,bound,status\n"
    b"AZ,KZ,exports,2024,250000000,USD,approximate,reported\n"
)
ROW = {
    "reporter": "AZ",
    "partner": "KZ",
    "indicator": "exports",
    "period": "2024",
    "value": 250000000,
    "unit": "USD",
    "bound": "approximate",
    "status": "reported",
}


def test_generated_import_sends_each_media_type(
    sdk: Any, live_server: str, seeded_template: Template
) -> None:
    """The generated import sends a File as its mime_type says, and JSON from its models; dry runs,
    so the shared server stays the seed."""
    import_records = sdk.module("generated.api.imports.import_records")
    models = sdk.module("generated.models")
    file = sdk.module("generated.types").File
    ndjson = json.dumps(ROW).encode() + b"\n"
    files = {
        "text/csv": CSV_ROWS,
        "text/tab-separated-values": CSV_ROWS.replace(b",", b"\t"),
        "application/x-ndjson": ndjson,
        "application/gzip": gzip.compress(ndjson),
    }
    bodies = [file(payload=io.BytesIO(content), mime_type=kind) for kind, content in files.items()]
    bodies.append([models.ImportRecordsJsonBodyType0Item.from_dict(ROW)])
    bodies.append(models.ImportRecordsJsonBodyType1.from_dict({"data": [ROW]}))
    with sdk.AuthenticatedClient(base_url=live_server, token=seeded_template.write_key) as client:
        reports = [
            sdk.unwrap(
                import_records.sync_detailed(
                    models.ImportResource.TRADE_FIGURES, client=client, body=body, dry_run=True
                ),
                models.ImportReport,
            )
            for body in bodies
        ]
        assert [(report.format_, report.records, report.applied) for report in reports] == [
            ("csv", 1, False),
            ("csv", 1, False),
            ("ndjson", 1, False),
            ("ndjson", 1, False),
            ("json", 1, False),
            ("json", 1, False),
        ]
        with pytest.raises(TypeError, match="text/csv"):  # a File must say which of them it is
            import_records.sync_detailed(
                models.ImportResource.TRADE_FIGURES, client=client, body=file(payload=io.BytesIO(CSV_ROWS))
            )
        bad = file(payload=io.BytesIO(CSV_ROWS.replace(b"2024", b"2024-13")), mime_type="text/csv")
        rejected = import_records.sync_detailed(
            models.ImportResource.TRADE_FIGURES, client=client, body=bad, dry_run=True
        )
        with pytest.raises(sdk.UnprocessableContent) as invalid:
            sdk.unwrap(rejected, models.ImportReport)
        assert [(error.name, error.in_) for error in invalid.value.problem.errors] == [("period", "body")]


def test_import_file_reads_a_path(
    sdk: Any, live_server: str, seeded_template: Template, tmp_path: Path
) -> None:
    (tmp_path / "figures.csv").write_bytes(CSV_ROWS)
    (tmp_path / "figures.json").write_text(json.dumps([ROW]))
    (tmp_path / "figures.txt").write_bytes(CSV_ROWS)
    with sdk.AuthenticatedClient(base_url=live_server, token=seeded_template.write_key) as client:
        for name, kind in [("figures.csv", "csv"), ("figures.json", "json")]:
            report = sdk.import_file(client, "trade-figures", tmp_path / name, dry_run=True)
            assert (report.format_, report.records, report.applied) == (kind, 1, False)
        with pytest.raises(ValueError, match="media_type"):
            sdk.import_file(client, "trade-figures", tmp_path / "figures.txt", dry_run=True)
        report = sdk.import_file(
            client, "trade-figures", tmp_path / "figures.txt", media_type="text/csv", dry_run=True
        )
        assert report.records == 1
    with (
        sdk.AuthenticatedClient(base_url=live_server, token="bk_no_such") as stranger,
        pytest.raises(sdk.Unauthorized),
    ):
        sdk.import_file(stranger, "trade-figures", tmp_path / "figures.csv", dry_run=True)
