"""Reading a list through the API the way a client does: page after page, following the cursors."""

from collections.abc import Mapping
from typing import Any

import httpx


async def every_item(
    client: httpx.AsyncClient, path: str, params: Mapping[str, Any], limit: int = 7
) -> list[dict[str, Any]]:
    """The items of every page of `path` with `params`, `limit` a page, each page answered 200."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        response = await client.get(
            path, params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        )
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items
