"""Who may write, and read: the requests' side of API keys (app.api_keys makes and checks them).

Writes need a key with the `write` scope (`Authorization: Bearer <key>`): 401 without a valid key,
403 with one that lacks the scope. Reads are public unless BILATERAL_REQUIRE_READ_KEY is set, then
they need the `read` scope (every key has it).
"""

from typing import Annotated

import anyio.to_thread
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from app.api_keys import Caller, Scope, authenticate
from app.errors import AppError
from app.request_session import SessionDep

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="apiKey",
    description="An API key from `bilateral keys create`, as `Authorization: Bearer <key>`.",
)


class Unauthorized(AppError):
    status = 401
    title = "Unauthorized"
    slug = "unauthorized"


class Forbidden(AppError):
    status = 403
    title = "Forbidden"
    slug = "forbidden"


def _caller(session: Session, credentials: HTTPAuthorizationCredentials | None, scope: Scope) -> Caller:
    challenge = {"WWW-Authenticate": 'Bearer realm="bilateral"'}
    if credentials is None:
        raise Unauthorized(
            f"This needs an API key with the {scope!r} scope: Authorization: Bearer <key>.", headers=challenge
        )
    caller = authenticate(session, credentials.credentials)
    if caller is None:
        raise Unauthorized("The API key is not valid (unknown, revoked or malformed).", headers=challenge)
    if scope not in caller.scopes:
        raise Forbidden(
            f"The key {caller.name!r} lacks the {scope!r} scope.",
            headers={
                "WWW-Authenticate": f'Bearer realm="bilateral", error="insufficient_scope", scope="{scope}"'
            },
        )
    return caller


def require_write(
    session: SessionDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Caller:
    return _caller(session, credentials, "write")


async def require_read(request: Request) -> None:
    """Reads are public unless the deployment requires a key. Async, and with no session unless a key
    is required: a public read does not pay a trip to the thread pool for this check."""
    if not request.app.state.settings.require_read_key:
        return
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    credentials = (
        HTTPAuthorizationCredentials(scheme=scheme, credentials=token.strip())
        if scheme.lower() == "bearer" and token.strip()
        else None
    )

    def check() -> None:
        with request.app.state.sessionmaker() as session:
            _caller(session, credentials, "read")

    await anyio.to_thread.run_sync(check)


WriteCaller = Annotated[Caller, Depends(require_write)]
