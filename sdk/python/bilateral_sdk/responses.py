"""Reading a generated operation's `Response`: its value (or the problem it is, raised) and its ETag."""

from collections.abc import Awaitable
from typing import Any, TypeVar

from .generated.types import Response
from .problems import error_for

T = TypeVar("T")


def unwrap(response: Response[Any], kind: type[T]) -> T:
    """The parsed body as `kind`; raises the ProblemError subclass of the status otherwise.

    `kind` is the type the call should answer (`EventRead`, `EventPage`, `TradeSeries`): the generated
    functions type their result as a union of every declared answer, problems included.
    """
    if 200 <= response.status_code < 300 and isinstance(response.parsed, kind):
        return response.parsed
    raise error_for(response.status_code, response.headers, response.content)


async def aunwrap(call: Awaitable[Response[Any]], kind: type[T]) -> T:
    """As `unwrap`, awaiting the call of a generated `asyncio_detailed`:
    `await aunwrap(get_event.asyncio_detailed(…), EventRead)`."""
    return unwrap(await call, kind)


def etag(response: Response[Any]) -> str:
    """The ETag of the record read: send it back as `if_match=` to change or delete that version."""
    value = response.headers.get("etag")
    if not value:
        raise error_for(response.status_code, response.headers, response.content)
    return value
