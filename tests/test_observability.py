"""Request ids, one JSON log line per request, and the Prometheus metrics at /metrics."""

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from opentelemetry import trace
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import Database
from tests.hardening_app import build, serve, settings_for

pytestmark = pytest.mark.anyio


@pytest.fixture
async def http(seeded_database: Database) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(build(settings_for(seeded_database.url))) as client:
        yield client


def log_lines(captured: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in captured.splitlines() if line.startswith("{")]


def access_lines(captured: str) -> list[dict[str, Any]]:
    return [line for line in log_lines(captured) if line["logger"] == "bilateral.access"]


# --- request ids ---


async def test_every_response_has_a_request_id(http: httpx.AsyncClient) -> None:
    ids = set()
    for path in ["/v1/events", "/v1/events/no-such-event", "/healthz", "/nowhere", "/docs"]:
        response = await http.get(path)
        assert len(response.headers["x-request-id"]) == 32
        assert response.headers["x-content-type-options"] == "nosniff"
        ids.add(response.headers["x-request-id"])
    assert len(ids) == 5


async def test_a_client_request_id_is_kept_when_it_is_plain(http: httpx.AsyncClient) -> None:
    kept = await http.get("/v1/events", headers={"X-Request-ID": "trace-42.a:b_c"})
    assert kept.headers["x-request-id"] == "trace-42.a:b_c"
    for unusable in ["has space", "x" * 129, 'quote"d', "ünïcode"]:
        response = await http.get("/v1/events", headers={"X-Request-ID": unusable.encode()})
        assert response.headers["x-request-id"] != unusable and len(response.headers["x-request-id"]) == 32


# --- logs ---


async def test_one_json_line_per_request(http: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    response = await http.get("/v1/events/no-such-event?lang=ru", headers={"X-Request-ID": "req-1"})
    await http.get("/healthz")
    [line, health] = access_lines(capsys.readouterr().err)
    assert line["request_id"] == "req-1" == response.headers["x-request-id"]
    assert line["method"] == "GET" and line["path"] == "/v1/events/no-such-event"
    assert re.fullmatch(r"/v1/events/\{\w+\}", line["route"]) and line["status"] == 404
    assert line["query"] == "lang=ru" and line["client"] == "127.0.0.1"
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["level"] == "info" and line["ts"].endswith("+00:00")
    assert health["path"] == "/healthz" and health["request_id"] != "req-1"


async def test_secrets_in_the_query_string_are_redacted_in_the_log(
    http: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    query = (
        "lang=ru&api_key=k1secret&Token=t2secret&x-access-token=t3secret&password=p4secret"
        "&client_secret=c5secret&key=k6secret&sig=s7secret&limit=2"
    )
    await http.get(f"/v1/events?{query}")
    await http.get("/v1/events?access_token=t8%20secret&access_token=t9secret")
    [first, second] = access_lines(capsys.readouterr().err)
    assert first["query"] == (
        "lang=ru&api_key=[redacted]&Token=[redacted]&x-access-token=[redacted]&password=[redacted]"
        "&client_secret=[redacted]&key=[redacted]&sig=[redacted]&limit=2"
    )
    assert second["query"] == "access_token=[redacted]&access_token=[redacted]"
    assert "secret" not in json.dumps([first, second]).replace("client_secret", "")


async def test_log_lines_written_while_handling_a_request_carry_its_id(
    http: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    await http.get("/test/boom", headers={"X-Request-ID": "req-boom"})
    lines = log_lines(capsys.readouterr().err)
    error = next(line for line in lines if line["level"] == "error")
    assert error["request_id"] == "req-boom" and "Traceback" in error["exception"]  # the log has it all
    assert [line["status"] for line in lines if line["logger"] == "bilateral.access"] == [500]


async def test_text_logs_keep_one_request_on_one_line(
    seeded_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    async with serve(build(settings_for(seeded_database.url, log_format="text"))) as client:
        capsys.readouterr()
        response = await client.get(
            "/v1/events%0A2026-01-01 INFO forged line", headers={"X-Request-ID": "r-9"}
        )
        assert response.status_code == 404  # a line feed is no control character the guard refuses
        [line] = capsys.readouterr().err.splitlines()
        assert "[r-9]" in line and "\\n2026-01-01 INFO forged line" in line and "status=404" in line


# --- metrics ---


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def test_metrics_count_requests_by_route_template(
    http: httpx.AsyncClient, seeded_database: Database
) -> None:
    for event_id in ["a", "b", "c"]:
        await http.get(f"/v1/events/{event_id}")
    await http.get("/v1/events?limit=1")
    response = await http.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    assert response.headers["cache-control"] == "no-store"
    values = samples(response.text)
    [route] = {
        labels["route"]
        for name, labels in ((name, dict(labels)) for name, labels in values)
        if name == "http_requests_total" and re.fullmatch(r"/v1/events/\{\w+\}", labels["route"])
    }
    labels = frozenset({("method", "GET"), ("route", route), ("status", "404")})
    assert values[("http_requests_total", labels)] == 3
    assert not any("/v1/events/a" in dict(key[1]).get("route", "") for key in values)  # no raw paths
    histogram = frozenset({("method", "GET"), ("route", "/v1/events"), ("le", "+Inf")})
    assert values[("http_request_duration_seconds_bucket", histogram)] == 1
    pools = 2 if seeded_database.url.startswith("postgresql") else 1  # PostgreSQL: reads' own pool too
    assert values[("db_pool_size", frozenset())] == 10 * pools
    assert ("db_pool_checked_out", frozenset()) in values
    assert values[("http_requests_in_progress", frozenset())] == 1  # this scrape


async def test_metrics_stay_out_of_the_openapi_document(http: httpx.AsyncClient) -> None:
    assert "/metrics" not in (await http.get("/openapi.json")).json()["paths"]


async def test_metrics_can_be_turned_off(seeded_database: Database) -> None:
    async with serve(build(settings_for(seeded_database.url, metrics_enabled=False))) as client:
        response = await client.get("/metrics")
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


# --- OpenTelemetry: FastAPI's native tracing, decided once at start-up ---


class _Span(trace.NonRecordingSpan):
    def __init__(self, names: list[str], name: str) -> None:
        super().__init__(trace.INVALID_SPAN_CONTEXT)
        self.names = names
        names.append(name)

    def update_name(self, name: str) -> None:
        self.names[-1] = name


class _Tracer(trace.NoOpTracer):
    def __init__(self, names: list[str]) -> None:
        self.names = names

    def start_span(self, name: str, *args: Any, **kwargs: Any) -> trace.Span:
        return _Span(self.names, name)


class _TracerProvider(trace.TracerProvider):
    """A provider set by a deployment (an OpenTelemetry SDK's, say): it keeps the names of its spans."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def get_tracer(self, *args: Any, **kwargs: Any) -> trace.Tracer:
        return _Tracer(self.names)


async def test_requests_are_traced_when_a_tracer_provider_is_set_at_start_up(
    seeded_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    provider = _TracerProvider()
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: provider)
    async with serve(build(settings_for(seeded_database.url))) as client:
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/v1/events/no-such-event")).status_code == 404
    # A read operation is answered before FastAPI's router, which is what names a span's route.
    assert [name for name in provider.names if name.startswith("GET")] == ["GET /healthz", "GET"]


async def test_without_a_provider_no_request_looks_for_one(
    seeded_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(settings_for(seeded_database.url))
    looked_up: list[object] = []
    unset = trace.get_tracer_provider()
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: looked_up.append(unset) or unset)
    async with serve(app) as client:
        assert (await client.get("/v1/events/no-such-event")).status_code == 404
    assert looked_up == []
