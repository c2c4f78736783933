"""API keys: `bk_<id>_<secret>`, shown once; the database keeps the id and a SHA-256 of the secret.
Made and revoked by the command line, checked for each request that needs one (app.auth); apart from
app.auth, so that `bilateral keys` does not import the web framework."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ApiKey

Scope = Literal["read", "write"]
_PREFIX = "bk"


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
