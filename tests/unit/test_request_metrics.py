"""The request metrics, kept as plain numbers, are exposed exactly as prometheus_client's own
Counter, Histogram and Gauge would expose the same requests."""

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from app.observability import DURATION_BUCKETS, METHODS, RequestCollector

REQUESTS = [
    ("GET", "/v1/events", 200, 0.004),
    ("GET", "/v1/events", 200, 0.005),  # on a bound: in its bucket
    ("GET", "/v1/events/{record_id}", 404, 0.0051),
    ("POST", "/v1/events", 201, 0.3),
    ("BREW", "unrouted", 405, 12.0),  # past the last bound: +Inf alone
    ("GET", "/v1/events", 304, 10.0),
    ("GET", "/healthz", 200, 0.0),
]


def library_exposition() -> bytes:
    registry = CollectorRegistry(auto_describe=True)
    requests = Counter(
        "http_requests",
        "Requests answered, by method, route template and status.",
        ["method", "route", "status"],
        registry=registry,
    )
    duration = Histogram(
        "http_request_duration_seconds",
        "Time from the request's arrival to its response's last byte, by method and route template.",
        ["method", "route"],
        buckets=DURATION_BUCKETS,
        registry=registry,
    )
    in_progress = Gauge("http_requests_in_progress", "Requests being handled now.", registry=registry)
    for method, route, status, seconds in REQUESTS:
        method = method if method in METHODS else "OTHER"
        requests.labels(method, route, str(status)).inc()
        duration.labels(method, route).observe(seconds)
    in_progress.inc()
    # The library's `_created` series (a timestamp per series) are not ours to keep.
    lines = generate_latest(registry).splitlines(keepends=True)
    return b"".join(line for line in lines if b"_created" not in line)


def test_the_exposition_is_prometheus_clients_own() -> None:
    registry = CollectorRegistry(auto_describe=True)
    collector = RequestCollector()
    registry.register(collector)
    for request in REQUESTS:
        collector.observe(*request)
    collector.in_progress += 1
    assert generate_latest(registry) == library_exposition()


def test_nothing_answered_yet_is_the_gauge_alone() -> None:
    registry = CollectorRegistry(auto_describe=True)
    registry.register(RequestCollector())
    assert b"http_requests_in_progress 0.0" in generate_latest(registry)
    assert b"http_requests_total{" not in generate_latest(registry)
