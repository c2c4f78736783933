"""Small pieces every router uses: the page envelope with its Link header, documented errors."""

from collections.abc import Sequence
from typing import Any, TypeVar

from fastapi import Request, Response

from app.common.schemas import Page, Problem

P = TypeVar("P", bound=Page[Any])


def _problem(description: str) -> dict[str, Any]:
    return {"model": Problem, "description": description}


LIST_ERRORS: dict[int | str, dict[str, Any]] = {
    400: _problem("An unknown query parameter."),
    422: _problem("A parameter value is invalid (bad format, out of range, unknown id, bad cursor)."),
}
DETAIL_ERRORS: dict[int | str, dict[str, Any]] = {
    404: _problem("No record has this id."),
    422: _problem("A parameter value is invalid."),
}


def page_of(
    page: type[P], rows: Sequence[Any], next_cursor: str | None, request: Request, response: Response
) -> P:
    """Wrap a page of rows in the envelope and advertise the next page in a Link header (RFC 8288)."""
    if next_cursor is not None:
        next_url = request.url.include_query_params(cursor=next_cursor)
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    item = page.model_fields["items"].annotation.__args__[0]  # type: ignore[union-attr]
    return page(items=[item.model_validate(row) for row in rows], next_cursor=next_cursor)
