"""Request guards that apply before routing."""

import re
from urllib.parse import unquote

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

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
