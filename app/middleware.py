"""Request guards that apply before routing."""

import gzip
import hashlib
import re
from email.utils import parsedate_to_datetime
from urllib.parse import unquote

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import problem

# NUL and other C0 controls have no place in a URL; PostgreSQL cannot even store NUL in text.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RejectControlCharacters:
    """Answer 400 to a path or query string that carries control characters, before any handler."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query = unquote(scope.get("query_string", b"").decode("latin-1"))
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
        request_headers = Headers(scope=scope)
        start: Message | None = None
        chunks: list[bytes] = []
        passthrough = False

        async def capture(message: Message) -> None:
            nonlocal start, passthrough
            if message["type"] == "http.response.start":
                start = message
                headers = Headers(raw=message["headers"])
                passthrough = message["status"] != 200 or "etag" in headers
                if passthrough:
                    await send(message)
                return
            if passthrough or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                assert start is not None
                await self._finish(start, b"".join(chunks), request_headers, scope["path"], send)

        await self.app(scope, receive, capture)

    async def _finish(self, start: Message, body: bytes, request: Headers, path: str, send: Send) -> None:
        headers = MutableHeaders(raw=list(start["headers"]))
        tag = hashlib.sha256(body).hexdigest()[:32]
        headers["ETag"] = f'"{tag}"'
        if "cache-control" not in headers:
            headers["Cache-Control"] = (
                "no-store" if path in ("/healthz", "/readyz") else "public, max-age=300"
            )
        if _not_modified(tag, headers.get("last-modified"), request):
            for name in ("content-length", "content-type", "content-encoding"):
                if name in headers:
                    del headers[name]
            await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
            await send({"type": "http.response.body", "body": b""})
            return
        content_type = headers.get("content-type", "")
        if (
            len(body) >= GZIP_MINIMUM
            and "gzip" in request.get("accept-encoding", "")
            and content_type.startswith(COMPRESSIBLE)
        ):
            body = gzip.compress(body, compresslevel=6, mtime=0)  # mtime=0: same bytes every time
            headers["Content-Encoding"] = "gzip"
            headers["ETag"] = f'"{tag}-gzip"'
            if "accept-encoding" not in headers.get("vary", "").lower():
                headers.add_vary_header("Accept-Encoding")
        headers["Content-Length"] = str(len(body))
        await send({"type": "http.response.start", "status": 200, "headers": headers.raw})
        await send({"type": "http.response.body", "body": body})


def _not_modified(tag: str, last_modified: str | None, request: Headers) -> bool:
    if_none_match = request.get("if-none-match")
    if if_none_match is not None:
        offered = {
            value.strip().removeprefix("W/").strip('"').removesuffix("-gzip")
            for value in if_none_match.split(",")
        }
        return "*" in offered or tag in offered
    if_modified_since = request.get("if-modified-since")
    if if_modified_since and last_modified:
        try:
            return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
    return False
