import pytest
from starlette.datastructures import Headers, MutableHeaders

from app.common.headers import best, raw_header, set_raw_header, weighted
from app.common.language import negotiate


def test_weighted_values_keep_order_and_drop_refused_or_malformed() -> None:
    assert weighted("ru-RU, ru;q=0.9, en;q=0, de;q=x, ;q=1") == [("ru-ru", 1.0), ("ru", 0.9)]
    assert weighted(None) == []


def test_best_prefers_quality_then_position() -> None:
    def pick(value: str) -> str | None:
        return value if value in ("a", "b") else None

    assert best("a;q=0.5, b", pick) == "b"
    assert best("a, b", pick) == "a"
    assert best("c", pick) is None


def test_language_negotiation() -> None:
    assert negotiate(None, "ru-RU,ru;q=0.9,en;q=0.8") == "ru"
    assert negotiate(None, "de, en;q=0.5") == "en"
    assert negotiate(None, "en;q=0.2, ru;q=0.7") == "ru"
    assert negotiate("en", "ru") == "en"
    assert negotiate(None, "ru;q=0") == "en"
    assert negotiate(None, None) == "en"


RAW = [(b"vary", b"Accept"), (b"content-type", b"application/json"), (b"vary", b"Accept-Language")]


@pytest.mark.parametrize("name", [b"vary", b"content-type", b"etag"])
def test_raw_header_reads_as_starlette_headers_do(name: bytes) -> None:
    assert raw_header(RAW, name) == Headers(raw=RAW).get(name.decode())


@pytest.mark.parametrize("name", [b"vary", b"content-type", b"etag"])
def test_set_raw_header_writes_as_mutable_headers_do(name: bytes) -> None:
    ours, theirs = list(RAW), MutableHeaders(raw=list(RAW))
    set_raw_header(ours, name, b"new")
    theirs[name.decode()] = "new"
    assert ours == theirs.raw
