"""Every page of a list, following `next_cursor` until the last page; `apages` and `aitems` for the
generated `asyncio_detailed` functions."""

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from .generated.types import UNSET, Response, Unset
from .responses import unwrap

T_co = TypeVar("T_co", covariant=True)
P = TypeVar("P", bound="Page[Any]")


class Page(Protocol[T_co]):
    """What every list answers: `EventPage`, `RevisionPage`, `CountryPage`, …"""

    @property
    def items(self) -> Sequence[T_co]: ...

    @property
    def next_cursor(self) -> str | None: ...


def pages(list_operation: Callable[..., Response[Any]], kind: type[P], **params: Any) -> Iterator[P]:
    """Each page of `list_operation` (a generated `sync_detailed`) for `params`, as `kind`.

    `params` are the operation's own (`client=`, filters, `limit=`); `cursor=` is filled in page after
    page. A page is fetched only when the one before it has been consumed.
    """
    cursor: str | Unset = params.pop("cursor", UNSET)
    while True:
        page = unwrap(list_operation(cursor=cursor, **params), kind)
        yield page
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def items(
    list_operation: Callable[..., Response[Any]], kind: type[Page[T_co]], **params: Any
) -> Iterator[T_co]:
    """Every record of `list_operation` for `params`, across all pages (see `pages`)."""
    for page in pages(list_operation, kind, **params):
        yield from page.items


async def apages(
    list_operation: Callable[..., Awaitable[Response[Any]]], kind: type[P], **params: Any
) -> AsyncIterator[P]:
    """As `pages`, for a generated `asyncio_detailed`: `async for page in apages(…)`."""
    cursor: str | Unset = params.pop("cursor", UNSET)
    while True:
        page = unwrap(await list_operation(cursor=cursor, **params), kind)
        yield page
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


async def aitems(
    list_operation: Callable[..., Awaitable[Response[Any]]], kind: type[Page[T_co]], **params: Any
) -> AsyncIterator[T_co]:
    """As `items`, for a generated `asyncio_detailed`: `async for record in aitems(…)`."""
    async for page in apages(list_operation, kind, **params):
        for item in page.items:
            yield item
