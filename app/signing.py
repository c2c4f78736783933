"""Tamper-evident tokens: `payload.tag`, where tag is a truncated HMAC-SHA256 of the payload.

Each use has its own key, derived from BILATERAL_SECRET_KEY and a purpose name, so a token made for
one purpose (a cursor) is never valid for another. Every process given the same secret derives the
same keys: tokens made by one worker or replica are accepted by all, and survive restarts.
"""

import base64
import binascii
import hashlib
import hmac
import logging

from app.config import Settings, get_settings

TAG_BYTES = 16  # 128 bits: forging one is out of reach, and cursors stay short
logger = logging.getLogger("bilateral")


class BadSignature(ValueError):
    """The token was not made by this service with this purpose and secret (or is malformed)."""


class Signer:
    def __init__(self, secret: str, purpose: str) -> None:
        self._key = hmac.new(secret.encode(), b"bilateral/" + purpose.encode(), hashlib.sha256).digest()

    def sign(self, payload: bytes) -> str:
        """An URL-safe token carrying `payload` (readable, not secret) and its tag."""
        return f"{_b64(payload)}.{_b64(self._tag(payload))}"

    def unsign(self, token: str) -> bytes:
        """The payload of a token this signer made; BadSignature for anything else."""
        encoded, dot, tag = token.partition(".")
        if not dot:
            raise BadSignature("no signature")
        try:
            payload = _unb64(encoded)
            given = _unb64(tag)
        except (binascii.Error, ValueError):
            raise BadSignature("not base64") from None
        if not hmac.compare_digest(given, self._tag(payload)):
            raise BadSignature("signature does not match")
        return payload

    def _tag(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()[:TAG_BYTES]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    if not text.isascii():
        raise ValueError("not ASCII")
    return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)


_cursor_signer: Signer | None = None


def configure(settings: Settings) -> None:
    """Derive the keys from the app's settings (create_app calls this); warn on the development key."""
    global _cursor_signer
    _cursor_signer = Signer(settings.secret_key.get_secret_value(), "cursor")
    if settings.uses_development_secret:
        logger.warning(
            "BILATERAL_SECRET_KEY is not set: cursors are signed with the published development key. "
            "Set it (and BILATERAL_ENVIRONMENT=production) in any deployment."
        )


def cursor_signer() -> Signer:
    global _cursor_signer
    if _cursor_signer is None:
        _cursor_signer = Signer(get_settings().secret_key.get_secret_value(), "cursor")
    return _cursor_signer


def sign_cursor(payload: bytes) -> str:
    return cursor_signer().sign(payload)


def unsign_cursor(cursor: str) -> bytes:
    """The payload of a cursor this service issued; BadSignature (a ValueError) otherwise."""
    return cursor_signer().unsign(cursor)
