"""Bulk imports (`POST /v1/imports/{resource}`) with a file's bytes as the body.

The generated `import_records` cannot send one: its body is a union of a file, JSON and three text
types that it tests with `isinstance` on a parameterized `list[...]` (a TypeError at run time) and
reads as `.payload` from a `str`. This sends the bytes as they are, with their media type.
"""

import json
from typing import Any

from .generated.client import AuthenticatedClient
from .generated.models import ImportReport
from .problems import error_for

MEDIA_TYPES = {
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ndjson": "application/x-ndjson",
    "json": "application/json",
    "gz": "application/gzip",
}


def import_records(
    client: AuthenticatedClient, resource: str, content: bytes, media_type: str, **params: Any
) -> ImportReport:
    """Import `content` (a file's bytes, `media_type` one of MEDIA_TYPES' values) into `resource`
    (`trade-figures`, …); `params` are the operation's query parameters (`dry_run=True`, `layout=`)."""
    query = {name: _query_value(value) for name, value in params.items() if value is not None}
    response = client.get_httpx_client().post(
        f"/v1/imports/{resource}", params=query, content=content, headers={"Content-Type": media_type}
    )
    if response.status_code != 200:
        raise error_for(response.status_code, response.headers, response.content)
    return ImportReport.from_dict(json.loads(response.content))


def _query_value(value: Any) -> Any:
    return str(value).lower() if isinstance(value, bool) else value
