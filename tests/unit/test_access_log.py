"""The access line: written without a LogRecord when our handler alone would get the record, and then
the very line the record would have made; every other set-up (another handler, text lines) still gets
the record itself. And what a line carries, made cheaply: its time, a new request id."""

import json
import logging
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.config import Settings
from app.observability import (
    _log_access,
    access_logger,
    configure_logging,
    new_request_id,
    request_id,
    utc_timestamp,
)

SCOPE: dict[str, Any] = {
    "type": "http",
    "method": "GET",
    "path": "/v1/events",
    "query_string": b"country=KZ&api_key=kept-out&limit=2",
    "client": ("203.0.113.7", 50000),
    "headers": [],
}
LINE = {
    "ts": "2025-12-05T00:03:00.546+00:00",
    "level": "info",
    "logger": "bilateral.access",
    "message": "GET /v1/events 200",
    "request_id": "req-7",
    "method": "GET",
    "path": "/v1/events",
    "query": "country=KZ&api_key=[redacted]&limit=2",
    "route": "/v1/events",
    "status": 200,
    "duration_ms": 12.35,
    "client": "203.0.113.7",
}
# What configure_logging sets.
LOGGING_SET_UP = {
    "bilateral": ["handlers", "propagate"],
    "uvicorn": ["handlers", "propagate"],
    "uvicorn.error": ["handlers"],
    "uvicorn.access": ["disabled"],
}


@pytest.fixture
def records_made(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[logging.LogRecord]]:
    """Logging as the server sets it up, at a fixed time, inside a request; the records made, listed."""
    for name, attributes in LOGGING_SET_UP.items():  # as they were, after the test
        for attribute in attributes:
            monkeypatch.setattr(
                logging.getLogger(name), attribute, getattr(logging.getLogger(name), attribute)
            )
    levels = {name: logging.getLogger(name).level for name in ("bilateral", "uvicorn")}
    configure_logging(Settings(_env_file=None, log_format="json", log_level="info"))
    monkeypatch.setattr(time, "time", lambda: 1764892980.5466)
    made: list[logging.LogRecord] = []
    factory = logging.getLogRecordFactory()

    def counted(*args: Any, **kwargs: Any) -> logging.LogRecord:
        made.append(factory(*args, **kwargs))
        return made[-1]

    logging.setLogRecordFactory(counted)
    token = request_id.set("req-7")
    try:
        yield made
    finally:
        request_id.reset(token)
        logging.setLogRecordFactory(factory)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)  # which also forgets what each logger found enabled


def as_served(monkeypatch: pytest.MonkeyPatch) -> None:
    """Our handler alone, as in a served app: pytest's capture (on the root logger, or on `bilateral`
    when it does not propagate) taken away."""
    bilateral = logging.getLogger("bilateral")
    monkeypatch.setattr(bilateral, "propagate", False)
    monkeypatch.setattr(bilateral, "handlers", bilateral.handlers[:1])


def test_the_line_made_without_a_record_is_the_records_line(
    records_made: list[logging.LogRecord], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    as_served(monkeypatch)
    capsys.readouterr()
    _log_access(SCOPE, "/v1/events", 200, 0.012345)
    direct = capsys.readouterr().err
    assert records_made == []
    # Another handler on the way (one that writes nothing): the record is made and formatted as before.
    monkeypatch.setattr(access_logger, "handlers", [logging.NullHandler()])
    _log_access(SCOPE, "/v1/events", 200, 0.012345)
    through_a_record = capsys.readouterr().err
    assert len(records_made) == 1
    assert direct == through_a_record
    assert direct.endswith("\n") and direct.count("\n") == 1
    assert json.loads(direct) == LINE


def test_every_other_handler_still_gets_the_record(
    records_made: list[logging.LogRecord], caplog: pytest.LogCaptureFixture
) -> None:
    # As an OpenTelemetry log handler on the root logger would: it sees each access record, fields and all.
    with caplog.at_level(logging.INFO, logger="bilateral.access"):
        _log_access(SCOPE, "/v1/events", 200, 0.012345)
    [record] = [record for record in caplog.records if record.name == "bilateral.access"]
    assert record.getMessage() == "GET /v1/events 200" and record.__dict__["fields"]["status"] == 200
    assert records_made == [record]


def test_text_lines_are_still_made_from_the_record(
    records_made: list[logging.LogRecord], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(Settings(_env_file=None, log_format="text", log_level="info"))
    as_served(monkeypatch)
    capsys.readouterr()
    _log_access(SCOPE, "/v1/events", 404, 0.001)
    [line] = capsys.readouterr().err.splitlines()
    assert " INFO bilateral.access [req-7] GET /v1/events 404 method=GET" in line
    assert len(records_made) == 1


def test_no_line_below_the_level(
    records_made: list[logging.LogRecord], capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(Settings(_env_file=None, log_format="json", log_level="warning"))
    capsys.readouterr()
    _log_access(SCOPE, "/v1/events", 200, 0.001)
    assert capsys.readouterr().err == "" and records_made == []


def test_a_new_request_id_is_a_random_uuid_in_hex() -> None:
    made = [new_request_id() for _ in range(200)]
    assert len(set(made)) == 200
    for each in made:
        assert uuid.UUID(each).hex == each and uuid.UUID(each).version == 4
        assert uuid.UUID(each).variant == uuid.RFC_4122


def test_a_lines_time_is_datetimes_to_the_millisecond() -> None:
    rng = random.Random(16)
    near_a_second = [
        1764892980 + edge for edge in (0.0, 0.0004999, 0.0005, 0.9994999, 0.9995, 0.9999994, 0.9999995)
    ]
    times = [
        *near_a_second,
        *(rng.uniform(0, 4e9) for _ in range(2000)),
        *(1764892980 + i / 7 for i in range(50)),
    ]
    for created in [*times, *reversed(times)]:
        assert utc_timestamp(created) == datetime.fromtimestamp(created, UTC).isoformat(
            timespec="milliseconds"
        )
