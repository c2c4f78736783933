"""Python SDK of the bilateral relations API.

`bilateral_sdk.generated` is the client openapi-python-client makes from the API's OpenAPI document
(`scripts/sdk`): one module per operation under `generated.api`, typed models under
`generated.models`. This package adds what a generator cannot: every page of a list (`pages`,
`items`), a call's value or its problem raised as an exception (`unwrap`, `problems`), the same for
the generated `asyncio_detailed` functions (`apages`, `aitems`, `aunwrap`), the ETag to
send back as `If-Match` (`etag`), streamed CSV/NDJSON exports, and file imports.
"""

from .exports import export_csv, export_lines, export_ndjson
from .generated.client import AuthenticatedClient, Client
from .imports import import_file
from .paging import Page, aitems, apages, items, pages
from .problems import (
    ApiError,
    BadRequest,
    Conflict,
    ContentTooLarge,
    Forbidden,
    Gone,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ProblemError,
    ServerError,
    TooManyRequests,
    Unauthorized,
    UnexpectedResponse,
    UnprocessableContent,
    UnsupportedMediaType,
)
from .responses import aunwrap, etag, unwrap

__all__ = [
    "ApiError",
    "AuthenticatedClient",
    "BadRequest",
    "Client",
    "Conflict",
    "ContentTooLarge",
    "Forbidden",
    "Gone",
    "NotFound",
    "Page",
    "PreconditionFailed",
    "PreconditionRequired",
    "ProblemError",
    "ServerError",
    "TooManyRequests",
    "Unauthorized",
    "UnexpectedResponse",
    "UnprocessableContent",
    "UnsupportedMediaType",
    "aitems",
    "apages",
    "aunwrap",
    "etag",
    "export_csv",
    "export_lines",
    "export_ndjson",
    "import_file",
    "items",
    "pages",
    "unwrap",
]
