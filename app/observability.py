"""What the service tells its operators: one JSON log line per request, a request id on every
response and log line, and Prometheus metrics at /metrics.

RequestContext is the outermost middleware of the app: it sees every response, including those of
the limits and an unexpected error (which it answers itself, as a problem that carries no internals).
"""

import logging
import math
import os
import re
import sys
import time
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import unquote_plus

import orjson
from fastapi import APIRouter, Request
from fastapi.telemetry import TelemetryConfig
from opentelemetry import _logs, trace
from opentelemetry import metrics as otel_metrics
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.registry import Collector
from prometheus_client.utils import floatToGoString
from sqlalchemy import Engine
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.cache import Store
from app.common.headers import raw_header, set_raw_header
from app.common.routing import IncludedRoute
from app.config import Settings
from app.errors import NotFound, unexpected_error

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_KEY = REQUEST_ID_HEADER.lower().encode()  # as ASGI gives header names
# A client's id is kept when it is short and plain (it ends up in logs and headers); else we make one.
_CLIENT_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
access_logger = logging.getLogger("bilateral.access")

# --- logging ---


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, request_id, then the record's `fields`."""

    def format(self, record: logging.LogRecord) -> str:
        entry = self.entry(
            record.created,
            record.levelname,
            record.name,
            record.getMessage(),
            getattr(record, "request_id", None),
            getattr(record, "fields", {}),
        )
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()

    @staticmethod
    def entry(
        created: float, level: str, logger: str, message: str, current: str | None, fields: dict[str, Any]
    ) -> dict[str, Any]:
        """A line's object, from a record's parts (or from an access line's, which makes no record)."""
        entry: dict[str, Any] = {
            "ts": utc_timestamp(created),
            "level": level.lower(),
            "logger": logger,
            "message": message,
        }
        if current and current != "-":
            entry["request_id"] = current
        entry.update(fields)
        return entry


_second: tuple[int, str] = (0, "")  # the last second written, and how it is written


def utc_timestamp(created: float) -> str:
    """`datetime.fromtimestamp(created, UTC).isoformat(timespec="milliseconds")`, with each second's
    date and time formatted once: isoformat's UTC offset alone is built through a format string,
    for every line."""
    global _second
    fraction, whole = math.modf(created)
    microseconds = round(fraction * 1e6)  # as datetime rounds a timestamp: half to even
    second = int(whole) + microseconds // 1_000_000
    known = _second  # read once: another thread may set it meanwhile
    if known[0] != second:
        known = _second = (second, datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S"))
    return f"{known[1]}.{microseconds % 1_000_000 // 1000:03d}+00:00"


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class TextFormatter(logging.Formatter):
    """`time LEVEL logger [request id] message key=value…`; control characters a client put in a path
    are escaped, so one request is one line (a traceback, which follows, is ours)."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        line += "".join(f" {key}={value}" for key, value in getattr(record, "fields", {}).items())
        return _CONTROL.sub(lambda control: repr(control.group())[1:-1], line)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is when a line is written (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__()
        self.addFilter(_RequestIdFilter())
        self.own_filters = list(self.filters)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass

    def emit(self, record: logging.LogRecord) -> None:
        # StreamHandler's, with sys.stderr looked up once rather than at each of its four uses; the
        # flush is already under the lock `handle` holds.
        try:
            self.write(self.format(record))
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def write(self, line: str) -> None:
        stream = sys.stderr
        stream.write(line + self.terminator)
        stream.flush()

    def write_alone(self, line: str, record: Callable[[], logging.LogRecord]) -> None:
        """`line` written as `handle` writes a record's, under the handler's lock; `record()` makes the
        record that reports a failure to write it."""
        self.acquire()
        try:
            self.write(line)
        except RecursionError:
            raise
        except Exception:
            self.handleError(record())
        finally:
            self.release()


def _sole_json_handler(logger: logging.Logger) -> _StderrHandler | None:
    """Our handler, if a record of `logger` at info would reach it and no other handler, pass no
    filter but the request id's, and be formatted as JSON: what it would write can then be made
    without the record. Anything else set up (a test's capture, an OpenTelemetry log handler, text
    lines) gets the record."""
    if logger.filters or logger.disabled:
        return None
    reached: list[logging.Handler] = []
    current: logging.Logger | None = logger
    while current is not None:  # the handlers Logger.callHandlers would look at, whatever their level
        reached += current.handlers
        current = current.parent if current.propagate else None
    if len(reached) != 1:
        return None
    [handler] = reached
    if (
        type(handler) is _StderrHandler
        and handler.level <= logging.INFO
        and type(handler.formatter) is JsonFormatter
        and handler.filters == handler.own_filters
    ):
        return handler
    return None


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get() or "-"
        return True


def configure_logging(settings: Settings) -> None:
    """Our loggers and uvicorn's write JSON (or text) lines to stderr; uvicorn's access log is off,
    since RequestContext writes one line per request itself. Idempotent: each app replaces the last
    app's handler."""
    handler = _StderrHandler()
    handler.setFormatter(JsonFormatter() if settings.log_format == "json" else TextFormatter())
    level = settings.log_level.upper()
    for name, propagate in (("bilateral", True), ("uvicorn", False)):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level)
        logger.propagate = propagate
    logging.getLogger("uvicorn.error").handlers = []  # uvicorn's own config may give it one
    logging.getLogger("uvicorn.access").disabled = True


# --- OpenTelemetry ---

# OpenTelemetry's stand-ins for a provider nobody has set (the classes FastAPI tells apart the same way).
_UNSET_PROVIDERS = frozenset(
    {
        ("opentelemetry.trace", "ProxyTracerProvider"),
        ("opentelemetry.metrics._internal", "_ProxyMeterProvider"),
        ("opentelemetry._logs._internal", "ProxyLoggerProvider"),
    }
)


def telemetry_config() -> TelemetryConfig | None:
    """FastAPI's native OpenTelemetry, decided once at start-up: its defaults (on) when a tracer, meter
    or logger provider is set, or FastAPI is asked to set them from the environment; otherwise off, so
    that no request looks up three providers and their environment variables to find nothing."""
    if os.getenv("FASTAPI_OTEL_AUTO_CONFIGURE", "").lower() == "true":
        return None
    providers = (trace.get_tracer_provider(), otel_metrics.get_meter_provider(), _logs.get_logger_provider())
    if any((type(each).__module__, type(each).__name__) not in _UNSET_PROVIDERS for each in providers):
        return None
    return {"tracing": False, "metrics": False, "logs": False}


# --- metrics ---

DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_BUCKET_LABELS = [*(floatToGoString(bound) for bound in DURATION_BUCKETS), "+Inf"]  # type: ignore[no-untyped-call]
UNROUTED = "unrouted"  # answered before routing (a limit, CORS) or by no route


class Metrics:
    """The app's own registry (not the process-global one: each app created, as tests do, gets a
    fresh set). Labels are bounded: route templates, known methods, status codes."""

    def __init__(self, engines: Sequence[Engine], cache: Store | None = None) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = RequestCollector()
        self.registry.register(self.requests)
        self.registry.register(PoolCollector(engines))
        if cache is not None:
            self.registry.register(CacheCollector(cache))


class RequestCollector(Collector):
    """Requests answered, their durations and those in progress, kept as plain numbers and made into
    Prometheus families only when scraped. A prometheus_client metric takes a lock and checks that it
    may be observed on every update; these are updated by the event loop alone, between two awaits."""

    def __init__(self) -> None:
        self.in_progress = 0
        self.answered: dict[tuple[str, str, int], int] = {}
        # Per (method, route): the count in each bucket (not cumulative), +Inf's last, then the sum.
        self.durations: dict[tuple[str, str], list[float]] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        method = method if method in METHODS else "OTHER"
        key = (method, route, status)
        self.answered[key] = self.answered.get(key, 0) + 1
        series = self.durations.get((method, route))
        if series is None:
            series = self.durations[(method, route)] = [0] * (len(DURATION_BUCKETS) + 2)
        series[bisect_left(DURATION_BUCKETS, seconds)] += 1  # le: a bucket holds its bound
        series[-1] += seconds

    def collect(self) -> Iterator[CounterMetricFamily | GaugeMetricFamily | HistogramMetricFamily]:
        # Scraped in a handler thread while the loop observes: each dict copied at once (under the GIL).
        requests = CounterMetricFamily(
            "http_requests",
            "Requests answered, by method, route template and status.",
            labels=["method", "route", "status"],
        )
        for (method, route, status), count in list(self.answered.items()):
            requests.add_metric([method, route, str(status)], count)
        yield requests
        duration = HistogramMetricFamily(
            "http_request_duration_seconds",
            "Time from the request's arrival to its response's last byte, by method and route template.",
            labels=["method", "route"],
        )
        for labels, series in list(self.durations.items()):
            counts = series[:-1]
            buckets = [(bound, sum(counts[: at + 1])) for at, bound in enumerate(_BUCKET_LABELS)]
            duration.add_metric(list(labels), buckets, sum_value=series[-1])
        yield duration
        yield GaugeMetricFamily(
            "http_requests_in_progress", "Requests being handled now.", value=self.in_progress
        )


class PoolCollector(Collector):
    """The database connection pools, read at scrape time, summed (on PostgreSQL the reads in handler
    threads have a pool of their own: `app.db.read_engine_for`)."""

    def __init__(self, engines: Sequence[Engine]) -> None:
        self.pools: list[Any] = []
        for engine in engines:  # an engine's forms with other options share its pool
            if not any(engine.pool is pool for pool in self.pools):
                self.pools.append(engine.pool)

    def collect(self) -> Iterator[GaugeMetricFamily]:
        readings = {
            "db_pool_size": ("Connections the pool keeps open.", "size"),
            "db_pool_checked_out": ("Connections in use by requests.", "checkedout"),
            "db_pool_checked_in": ("Idle connections in the pool.", "checkedin"),
            "db_pool_overflow": (
                "Connections open beyond the pool size (negative: not yet opened).",
                "overflow",
            ),
        }
        for name, (documentation, method) in readings.items():
            values = [getattr(pool, method)() for pool in self.pools if callable(getattr(pool, method, None))]
            if values:
                yield GaugeMetricFamily(name, documentation, value=sum(values))


class CacheCollector(Collector):
    """The response cache of this process (app/cache.py), read at scrape time."""

    def __init__(self, cache: Store) -> None:
        self.cache = cache

    def collect(self) -> Iterator[CounterMetricFamily | GaugeMetricFamily]:
        lookups = CounterMetricFamily(
            "response_cache_lookups", "GET /v1/… requests looked up in the response cache.", labels=["result"]
        )
        lookups.add_metric(["hit"], self.cache.hits)
        lookups.add_metric(["miss"], self.cache.misses)
        yield lookups
        yield GaugeMetricFamily("response_cache_entries", "Answers kept.", value=len(self.cache.entries))
        yield GaugeMetricFamily("response_cache_bytes", "Bytes of the answers kept.", value=self.cache.size)


router = APIRouter(route_class=IncludedRoute)


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    collected: Metrics | None = getattr(request.app.state, "metrics", None)
    if collected is None:
        raise NotFound("Metrics are turned off (BILATERAL_METRICS_ENABLED=false).")
    return Response(
        generate_latest(collected.registry),
        media_type=CONTENT_TYPE_LATEST,
        headers={"Cache-Control": "no-store"},
    )


# --- the middleware ---


class RequestContext:
    """Request id (the client's X-Request-ID when usable, else a new one) on the response and on every
    log line written while handling it; `X-Content-Type-Options: nosniff`; one access log line and the
    request metrics; a problem+json 500 for an unexpected error."""

    def __init__(self, app: ASGIApp, metrics: Metrics | None) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = raw_header(scope["headers"], _REQUEST_ID_KEY) or ""
        current = given if _CLIENT_REQUEST_ID.match(given) else new_request_id()
        token = request_id.set(current)
        scope.setdefault("state", {})["request_id"] = current
        status: int | None = None
        started = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                raw = message["headers"] = list(message["headers"])
                set_raw_header(raw, _REQUEST_ID_KEY, current.encode("latin-1"))
                set_raw_header(raw, b"x-content-type-options", b"nosniff")
            await send(message)

        requests = self.metrics.requests if self.metrics else None
        if requests is not None:
            requests.in_progress += 1
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            if status is not None:
                raise  # the response has begun (a stream broke): the server cuts the connection
            await unexpected_error(Request(scope), exc)(scope, receive, send_with_headers)
        finally:
            duration = time.perf_counter() - started
            route = _route_template(scope)
            if requests is not None:
                requests.in_progress -= 1
                requests.observe(scope["method"], route, status or 0, duration)
            _log_access(scope, route, status, duration)
            request_id.reset(token)


def new_request_id() -> str:
    """A random (version 4) UUID in hex, as `uuid.uuid4().hex`, without making the UUID object."""
    random = bytearray(os.urandom(16))
    random[6] = random[6] & 0x0F | 0x40  # the version
    random[8] = random[8] & 0x3F | 0x80  # the RFC 4122 variant
    return random.hex()


def _route_template(scope: Scope) -> str:
    """The path pattern of the route that answered (`/v1/events/{event_id}`), never the raw path."""
    route = scope.get("route")
    if route is not None:
        return str(route.path)
    app = scope.get("app")
    if scope.get("endpoint") is not None and app is not None:
        # Routes that are not FastAPI's (the docs pages, static files) leave no "route" behind.
        for candidate in app.routes:
            match, _ = candidate.matches(scope)
            if match == Match.FULL:
                return str(getattr(candidate, "path", UNROUTED))
    return UNROUTED


# Query parameters that carry credentials (a key pasted into a URL): their values never reach the log.
_SECRET_WORDS = frozenset(
    {"key", "apikey", "token", "secret", "password", "passwd", "pwd", "sig", "signature", "auth",
     "authorization", "credential", "credentials", "session", "cookie"}
)  # fmt: skip
_SECRET_ENDINGS = ("apikey", "token", "secret", "password", "passwd")


def redact_query(query: str) -> str:
    """The query string as sent, with the value of every parameter named like a credential replaced."""
    parts = []
    for part in query.split("&"):
        name, equals, _ = part.partition("=")
        parts.append(f"{name}=[redacted]" if equals and _names_a_secret(name) else part)
    return "&".join(parts)


@lru_cache(maxsize=1024)  # the few names clients send, decided once each; bounded against made-up ones
def _names_a_secret(sent: str) -> bool:
    words = re.split(r"[^a-z0-9]+", unquote_plus(sent).lower())
    return any(word in _SECRET_WORDS for word in words) or "".join(words).endswith(_SECRET_ENDINGS)


def _log_access(scope: Scope, route: str, status: int | None, duration: float) -> None:
    if not access_logger.isEnabledFor(logging.INFO):
        return
    client = scope.get("client")
    query_string = scope.get("query_string", b"")
    query = redact_query(query_string.decode("latin-1")) if query_string else ""
    fields = {
        "method": scope["method"],
        "path": scope["path"],
        "query": query[:512],
        "route": route,
        "status": status,
        "duration_ms": round(duration * 1000, 2),
        "client": client[0] if client else None,
    }
    message = f"{scope['method']} {scope['path']} {status}"
    handler = _sole_json_handler(access_logger)
    if handler is not None:
        # The line the record would be written as, without the record: a LogRecord looks up the
        # thread, the process and the calling file, none of which the line shows.
        now = time.time()
        entry = JsonFormatter.entry(now, "INFO", access_logger.name, message, request_id.get(), fields)
        line = orjson.dumps(entry, default=str).decode()
        handler.write_alone(line, lambda: _access_record(message, fields))
        return
    access_logger.handle(_access_record(message, fields))


def _access_record(message: str, fields: dict[str, Any]) -> logging.LogRecord:
    # Made directly: Logger.info would also look for the calling line in the stack, which no access
    # line shows.
    return access_logger.makeRecord(
        access_logger.name, logging.INFO, __file__, 0, message, (), None, extra={"fields": fields}
    )
