"""Limits every request meets before it reaches a handler: the size of its headers and of its body,
and how many requests its client may make (a token bucket per client address, in this process's
memory)."""

import ipaddress
import math
import time
from collections import OrderedDict
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.common.headers import raw_header
from app.errors import problem

# --- request headers ---


class HeaderSizeLimit:
    """431 for request headers over `max_bytes` in all (names, values and their separators, as on
    the wire). The server in front may hold larger ones in memory; the API answers none of them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and header_bytes(scope) > self.max_bytes:
            detail = f"The request headers are larger than the {self.max_bytes} bytes this API accepts."
            response = problem(
                Request(scope),
                431,
                "Request header fields too large",
                "request-header-fields-too-large",
                detail,
            )
            response.headers["Connection"] = "close"
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def header_bytes(scope: Scope) -> int:
    return sum(len(name) + len(value) + 4 for name, value in scope["headers"])  # `name: value\r\n`


# --- request bodies ---


class BodyTooLarge(HTTPException):
    """Raised into the handler reading the body: FastAPI lets HTTP exceptions through as they are."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"The request body is larger than the {max_bytes} bytes this API accepts.")


class BodySizeLimit:
    """413 for a body over `max_bytes` (or the limit of the first of `limits`' path prefixes the
    path starts with): at once when Content-Length says so, else as soon as the bytes received pass
    the limit (a chunked upload), before a handler sees any of it."""

    def __init__(self, app: ASGIApp, max_bytes: int, limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.limits = limits or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _without_body(scope):
            await self.app(scope, receive, send)  # nothing to count
            return
        max_bytes = next(
            (limit for prefix, limit in self.limits.items() if scope["path"].startswith(prefix)),
            self.max_bytes,
        )
        declared = raw_header(scope["headers"], b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > max_bytes):
            await self._refuse(scope, receive, send, max_bytes)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    raise BodyTooLarge(max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send, max_bytes)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, max_bytes: int) -> None:
        detail = str(BodyTooLarge(max_bytes).detail)
        response = problem(Request(scope), 413, "Content too large", "content-too-large", detail)
        response.headers["Connection"] = "close"  # the rest of the body is not read
        await response(scope, receive, send)


def _without_body(scope: Scope) -> bool:
    """In HTTP/1.x a request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112,
    6.3): most reads. HTTP/2 frames a body without either header, so there every request is counted."""
    headers = scope["headers"]
    return (
        scope.get("http_version") in ("1.0", "1.1")
        and raw_header(headers, b"content-length") is None
        and raw_header(headers, b"transfer-encoding") is None
    )


# --- rate limiting ---

EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})  # probes and scrapes are never limited
MAX_CLIENTS = 100_000  # buckets kept; the least recently seen go first (a full bucket loses nothing)


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    """`rate` tokens a second up to `burst`; a request takes one. Per process: with N workers or
    replicas a client gets up to N times the rate."""

    def __init__(self, per_minute: int, burst: int, max_clients: int = MAX_CLIENTS) -> None:
        self.rate = per_minute / 60
        self.burst = burst
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, client: str, now: float | None = None) -> float:
        """0 when the request may go ahead (a token is taken); else the seconds until one is free."""
        now = time.monotonic() if now is None else now
        bucket = self._buckets.pop(client, None)
        if bucket is None:
            bucket = _Bucket(float(self.burst), now)
        else:
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
        self._buckets[client] = bucket  # most recently seen last
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate


def client_key(scope: Scope) -> str:
    """The address a client is limited by: its IP (as the trusted proxy reported it, if any), and for
    IPv6 its /64, which one subscriber usually holds whole."""
    client = scope.get("client")
    host = client[0] if client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if address.version == 6 and address.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address.ipv4_mapped or address) if address.version == 6 else str(address)


class RateLimit:
    """429 with Retry-After once a client has used up its bucket."""

    def __init__(self, app: ASGIApp, per_minute: int, burst: int) -> None:
        self.app = app
        self.buckets = TokenBuckets(per_minute, burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT_PATHS or scope["method"] == "OPTIONS":
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(client_key(scope))
        if not wait:
            await self.app(scope, receive, send)
            return
        retry_after = max(1, math.ceil(wait))
        detail = (
            f"Too many requests from this client: the limit is {self.buckets.rate * 60:g} a minute "
            f"(bursts of {self.buckets.burst}). Try again in {retry_after} s."
        )
        response = problem(
            Request(scope),
            429,
            "Too many requests",
            "rate-limited",
            detail,
            headers={"Retry-After": str(retry_after)},
        )
        await response(scope, receive, send)
