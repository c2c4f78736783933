"""API keys: `bk_<id>_<secret>`, shown once; the database keeps the id and a SHA-256 of the secret.

Writes need a key with the `write` scope (`Authorization: Bearer <key>`): 401 without a valid key,
403 with one that lacks the scope. Reads are public unless BILATERAL_REQUIRE_READ_KEY is set, then
they need the `read` scope (every key has it).
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Literal

import anyio.to_thread
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import SessionDep
from app.errors import AppError
from app.models import ApiKey

Scope = Literal["read", "write"]
_PREFIX = "bk"

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


@dataclass(frozen=True)
class Caller:
    key_id: str
    name: str
    scopes: frozenset[str]


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_key(session: Session, name: str, scope: Scope) -> tuple[ApiKey, str]:
    """A new key; the returned secret is the only copy there will ever be."""
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    scopes = "read write" if scope == "write" else "read"
    key = ApiKey(
        id=key_id, name=name, scopes=scopes, secret_sha256=_digest(secret), created_at=datetime.now(UTC)
    )
    session.add(key)
    session.flush()
    return key, f"{_PREFIX}_{key_id}_{secret}"


def revoke_key(session: Session, name: str) -> ApiKey | None:
    key = session.scalar(select(ApiKey).where(ApiKey.name == name))
    if key is not None and key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
    return key


def authenticate(session: Session, token: str) -> Caller | None:
    prefix, _, rest = token.partition("_")
    key_id, _, secret = rest.partition("_")
    if prefix != _PREFIX or not key_id or not secret:
        return None
    key = session.get(ApiKey, key_id)
    # Compare digests in constant time, and do the same work when the id is unknown.
    expected = key.secret_sha256 if key is not None else _digest("")
    matches = hmac.compare_digest(_digest(secret), expected)
    if key is None or not matches or key.revoked_at is not None:
        return None
    return Caller(key_id=key.id, name=key.name, scopes=frozenset(key.scopes.split()))


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
