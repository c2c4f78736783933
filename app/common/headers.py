"""Reading request headers: the quality-weighted lists of Accept and Accept-Language, and the
conditional ones (If-None-Match, If-Modified-Since)."""

import hashlib
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")
# What every data response tells HTTP caches (JSON pages and records, exports).
PUBLIC_CACHE = "public, max-age=60"
VARY = "Accept, Accept-Language, Accept-Encoding"


@lru_cache(maxsize=16)
def http_date(moment: datetime) -> str:
    """`moment` as a Last-Modified value (RFC 9110's IMF-fixdate). Kept: every response of one data
    version carries the same one."""
    return format_datetime(moment, usegmt=True)


@lru_cache(maxsize=16)
def data_headers(lang: str, moment: datetime) -> tuple[tuple[bytes, bytes], ...]:
    """The headers every JSON data response carries but the ETag (the middleware's), as raw pairs in
    the order `Response(headers=...)` writes them. Kept: every response of one data version in one
    language carries the same bytes."""
    values = {
        "content-language": lang,
        "last-modified": http_date(moment),
        "cache-control": PUBLIC_CACHE,
        "vary": VARY,
    }
    return tuple((name.encode("latin-1"), value.encode("latin-1")) for name, value in values.items())


def raw_header(raw: Iterable[tuple[bytes, bytes]], name: bytes) -> str | None:
    """The first value of header `name` (lower case, as ASGI gives names), as Starlette's
    `Headers.get` reads it, without making a `Headers`: every request passes several middleware
    that each want one header."""
    for key, value in raw:
        if key == name:
            return value.decode("latin-1")
    return None


def set_raw_header(raw: list[tuple[bytes, bytes]], name: bytes, value: bytes) -> None:
    """`MutableHeaders`' `headers[name] = value` on a raw list: the first `name` replaced in its
    place and the others dropped, else appended; the same bytes in the same order."""
    first = None
    for index in range(len(raw) - 1, -1, -1):  # from the end: a deletion moves no index still to come
        if raw[index][0] == name:
            if first is not None:
                del raw[first]
            first = index
    if first is None:
        raw.append((name, value))
    else:
        raw[first] = (name, value)


def weighted(header: str | None) -> list[tuple[str, float]]:
    """`ru-RU,ru;q=0.9,en;q=0` → [("ru-ru", 1.0), ("ru", 0.9)]: values in order, refused (q=0) and
    malformed ones left out."""
    values = []
    for part in (header or "").split(","):
        value, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if value.strip() and quality > 0:
            values.append((value.strip().lower(), quality))
    return values


def best(header: str | None, choice: Callable[[str], T | None]) -> T | None:
    """What the header weighs highest (the earliest on a tie), among the values `choice` maps to
    something; None when none does."""
    ranked = [
        (-quality, position, chosen)
        for position, (value, quality) in enumerate(weighted(header))
        if (chosen := choice(value)) is not None
    ]
    return min(ranked, key=lambda entry: entry[:2])[2] if ranked else None


def not_modified(
    tag: str, last_modified: str | None, if_none_match: str | None, if_modified_since: str | None
) -> bool:
    """Whether the client's copy (If-None-Match, else If-Modified-Since: the request's headers) is
    current; `tag` without quotes or the `-gzip` suffix."""
    if if_none_match is not None:
        offered = {
            value.strip().removeprefix("W/").strip('"').removesuffix("-gzip")
            for value in if_none_match.split(",")
        }
        return "*" in offered or tag in offered
    if if_modified_since and last_modified:
        try:
            return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
    return False


def record_etag(version: int | str | None, body: bytes) -> str:
    """The strong ETag of a response body; a record's also names its version (`"v3-…"`), which is
    what If-Match on a change is checked against (etag_versions)."""
    digest = hashlib.sha256(body).hexdigest()[:32]
    return f'"v{version}-{digest}"' if version is not None else f'"{digest}"'


_ETAG_VERSION = re.compile(r'^(?:W/)?"v(\d+)-[0-9a-f]+(?:-gzip)?"$')


def etag_versions(if_match: str) -> set[int]:
    """The record versions an If-Match header names (a list of record ETags, gzip's variant too)."""
    return {int(match.group(1)) for tag in if_match.split(",") if (match := _ETAG_VERSION.match(tag.strip()))}
