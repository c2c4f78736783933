import base64
from collections.abc import Callable

import pytest

from app import signing
from app.config import Settings
from app.signing import BadSignature, Signer

SECRET = "k" * 40


def test_a_token_round_trips_and_its_payload_is_readable() -> None:
    signer = Signer(SECRET, "cursor")
    token = signer.sign(b'{"sort":"date"}')
    assert signer.unsign(token) == b'{"sort":"date"}'
    assert base64.urlsafe_b64decode(token.split(".")[0] + "==") == b'{"sort":"date"}'
    assert len(token.split(".")[1]) == 22  # 16 bytes of tag


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token.split(".")[0],  # unsigned
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # another tag
        lambda token: "e30." + token.split(".")[1],  # another payload, same tag
        lambda token: token + ".x",
        lambda token: token.replace(".", ".!"),
        lambda token: "",
        lambda token: "é." + token.split(".")[1],
    ],
)
def test_anything_but_an_issued_token_is_refused(mangle: Callable[[str], str]) -> None:
    signer = Signer(SECRET, "cursor")
    with pytest.raises(BadSignature):
        signer.unsign(mangle(signer.sign(b"payload")))


def test_keys_differ_by_secret_and_purpose() -> None:
    token = Signer(SECRET, "cursor").sign(b"payload")
    assert Signer(SECRET, "cursor").unsign(token) == b"payload"  # another process, same secret
    for other in [Signer("x" * 40, "cursor"), Signer(SECRET, "other-purpose")]:
        with pytest.raises(BadSignature):
            other.unsign(token)


def test_the_app_configures_the_cursor_key_from_its_settings() -> None:
    before = signing.cursor_signer()
    try:
        signing.configure(Settings(_env_file=None, secret_key=SECRET))
        token = signing.sign_cursor(b"payload")
        assert Signer(SECRET, "cursor").unsign(token) == b"payload"
        assert signing.unsign_cursor(token) == b"payload"
    finally:
        signing._cursor_signer = before
