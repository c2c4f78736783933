"""The middleware stack, and the guards and HTTP caching that apply around every handler.

Outermost first: trusted proxy headers → request context (id, logs, metrics, nosniff, 500s) →
header size limit → CORS → rate limit → body size limit → control characters → response cache
(app/cache.py) → ETags, 304s and gzip → the routes.
"""

import gzip
import re
from urllib.parse import unquote

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app.cache import ResponseCache, Store, send_not_modified
from app.common.headers import not_modified, raw_header, record_etag, set_raw_header
from app.config import Settings
from app.errors import problem
from app.limits import BodySizeLimit, HeaderSizeLimit, RateLimit
from app.observability import REQUEST_ID_HEADER, Metrics, RequestContext

IMPORTS_PATH = "/v1/imports"


def install_middleware(app: FastAPI, settings: Settings) -> None:
    """Add the stack to `app` (add_middleware puts each in front of the ones before it)."""
    app.add_middleware(ConditionalGet)
    app.state.response_cache = None
    if settings.response_cache_mb:
        app.state.response_cache = Store(settings.response_cache_mb * 1024 * 1024)
        app.add_middleware(ResponseCache, store=app.state.response_cache)
    app.add_middleware(RejectControlCharacters)
    # Imports (app/imports/router.py) take whole files, streamed to disk: they get a limit of their own.
    imports = {IMPORTS_PATH: settings.max_import_bytes}
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes, limits=imports)
    if settings.rate_limit_per_minute:
        app.add_middleware(
            RateLimit, per_minute=settings.rate_limit_per_minute, burst=settings.rate_limit_burst
        )
    app.add_middleware(
        SplitCORS, read_origins=settings.cors_read_origins, write_origins=settings.cors_write_origins
    )
    app.add_middleware(HeaderSizeLimit, max_bytes=settings.max_header_bytes)
    metrics = (
        Metrics((app.state.engine, app.state.autocommit_engine), app.state.response_cache)
        if settings.metrics_enabled
        else None
    )
    app.state.metrics = metrics
    app.add_middleware(RequestContext, metrics=metrics)
    if settings.trusted_proxies:
        # The client address (for rate limits and logs) and scheme (for Link URLs) from
        # X-Forwarded-For/-Proto, only when the connection comes from one of these proxies.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)


# --- CORS: public reads, writes only from named origins ---

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CORS_REQUEST_HEADERS = [
    "Accept",
    "Accept-Language",
    "Authorization",
    "Content-Type",
    "Idempotency-Key",
    "If-Match",
    "If-Modified-Since",
    "If-None-Match",
    REQUEST_ID_HEADER,
]
CORS_EXPOSED_HEADERS = [
    "Content-Language",
    "ETag",
    "Last-Modified",
    "Link",
    "Location",
    "Retry-After",
    REQUEST_ID_HEADER,
]


class SplitCORS:
    """CORS with two origin lists: reads (GET, HEAD) from `read_origins` (which may be `*`), writes
    only from `write_origins`. A preflight is judged by the method it asks about."""

    def __init__(self, app: ASGIApp, read_origins: list[str], write_origins: list[str]) -> None:
        self.app = app
        self.reads = self._cors(app, read_origins, ["GET", "HEAD"])
        self.writes = self._cors(app, write_origins, ["GET", "HEAD", *sorted(UNSAFE_METHODS)])

    @staticmethod
    def _cors(app: ASGIApp, origins: list[str], methods: list[str]) -> CORSMiddleware:
        return CORSMiddleware(
            app,
            allow_origins=origins,
            allow_methods=methods,
            allow_headers=CORS_REQUEST_HEADERS,
            expose_headers=CORS_EXPOSED_HEADERS,
            max_age=600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.reads(scope, receive, send)
            return
        if raw_header(scope["headers"], b"origin") is None:
            await self.app(scope, receive, _vary_on_origin(send))
            return
        headers = Headers(scope=scope)
        preflight = scope["method"] == "OPTIONS" and "origin" in headers
        method = headers.get("access-control-request-method", "").upper() if preflight else scope["method"]
        chosen = self.writes if method in UNSAFE_METHODS else self.reads
        if not preflight or not method:
            await chosen(scope, receive, send)
            return
        response = chosen.preflight_response(request_headers=headers)
        if response.status_code >= 400:
            # Refused: a problem like every other error, keeping the CORS headers that say what is allowed.
            detail = f"{bytes(response.body).decode()}; see the CORS settings of this deployment."
            refused = problem(Request(scope), 400, "Bad request", "cors-refused", detail)
            for name, value in response.headers.items():
                if name not in ("content-type", "content-length"):
                    refused.headers[name] = value
            response = refused
        await response(scope, receive, send)


def _vary_on_origin(send: Send) -> Send:
    """What Starlette's CORSMiddleware does to the answer to a request without Origin (every client
    but a browser's), without the two `Headers` and the `MutableHeaders` it makes: Origin added to Vary."""

    async def send_varying(message: Message) -> None:
        if message["type"] == "http.response.start":
            raw = message["headers"] = list(message.get("headers", ()))
            vary = [value for name, value in raw if name == b"vary"]
            set_raw_header(raw, b"vary", b", ".join([*vary, b"Origin"]))
        await send(message)

    return send_varying


# NUL and other C0 controls have no place in a URL; PostgreSQL cannot even store NUL in text.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RejectControlCharacters:
    """Answer 400 to a path or query string that carries control characters, before any handler."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            raw_query = scope.get("query_string", b"")
            query = unquote(raw_query.decode("latin-1")) if raw_query else ""
            if _CONTROL_CHARACTERS.search(scope["path"]) or _CONTROL_CHARACTERS.search(query):
                response = problem(
                    Request(scope),
                    400,
                    "Bad request",
                    "bad-request",
                    "The URL contains control characters (such as %00); they are not allowed.",
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


COMPRESSIBLE = ("application/json", "application/problem+json", "text/", "application/javascript")
GZIP_MINIMUM = 1024


class ConditionalGet:
    """Strong ETags, `304 Not Modified` and gzip for every buffered GET response.

    The ETag hashes the identity body, so it changes when, and only when, the bytes a client would
    get change. A gzipped body is another representation: its tag gets a `-gzip` suffix, and either
    form is accepted back in `If-None-Match`. Responses that set their own ETag (streamed exports,
    static files) pass through untouched.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []
        passthrough = False

        async def capture(message: Message) -> None:
            nonlocal start, passthrough
            if message["type"] == "http.response.start":
                start = message
                passthrough = message["status"] != 200 or raw_header(message["headers"], b"etag") is not None
                if passthrough:
                    await send(message)
                return
            if passthrough or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                assert start is not None
                await self._finish(start, b"".join(chunks), scope["headers"], scope["path"], send)

        await self.app(scope, receive, capture)

    async def _finish(
        self, start: Message, body: bytes, request: list[tuple[bytes, bytes]], path: str, send: Send
    ) -> None:
        # The response's headers read in one pass over the raw list, not a `MutableHeaders` scanned
        # once for each; it has no ETag (one that has passes through). The request's by `raw_header`:
        # most requests send none of them, which `Headers` would look for by a raised KeyError each.
        raw = list(start["headers"])
        first = dict(reversed(raw))  # each name's first value: read from the end, it is written last
        version = first.get(b"x-record-version")
        tag = record_etag(version.decode("latin-1") if version is not None else None, body).strip('"')
        raw.append((b"etag", f'"{tag}"'.encode("latin-1")))
        if b"cache-control" not in first:
            policy = b"no-store" if path in ("/healthz", "/readyz") else b"public, max-age=300"
            raw.append((b"cache-control", policy))
        last_modified = first.get(b"last-modified")
        if not_modified(
            tag,
            last_modified.decode("latin-1") if last_modified is not None else None,
            raw_header(request, b"if-none-match"),
            raw_header(request, b"if-modified-since"),
        ):
            await send_not_modified(MutableHeaders(raw=raw), send)
            return
        content_type = first.get(b"content-type", b"").decode("latin-1")
        if (
            len(body) >= GZIP_MINIMUM
            and "gzip" in (raw_header(request, b"accept-encoding") or "")
            and content_type.startswith(COMPRESSIBLE)
        ):
            body = gzip.compress(body, compresslevel=6, mtime=0)  # mtime=0: same bytes every time
            headers = MutableHeaders(raw=raw)
            headers["Content-Encoding"] = "gzip"
            headers["ETag"] = f'"{tag}-gzip"'
            if "accept-encoding" not in headers.get("vary", "").lower():
                headers.add_vary_header("Accept-Encoding")
        set_raw_header(raw, b"content-length", str(len(body)).encode("latin-1"))
        await send({"type": "http.response.start", "status": 200, "headers": raw})
        await send({"type": "http.response.body", "body": body})
