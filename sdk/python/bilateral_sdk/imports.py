"""Bulk imports (`POST /v1/imports/{resource}`) from a file on disk.

The generated `generated.api.imports.import_records` sends a body as it is given: a `File` whose
`mime_type` is one of the operation's media types (`text/csv`, `text/tab-separated-values`,
`application/x-ndjson`, `application/gzip`), or the JSON body's models. `import_file` adds a path: it
picks the media type from the file's suffix, streams the file, and answers the report or raises.
"""

import json
from pathlib import Path
from typing import Any

from .generated.api.imports import import_records
from .generated.client import AuthenticatedClient
from .generated.models import (
    ImportRecordsJsonBodyType0Item,
    ImportRecordsJsonBodyType1,
    ImportReport,
    ImportResource,
)
from .generated.types import File
from .responses import unwrap

MEDIA_TYPES = {
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".ndjson": "application/x-ndjson",
    ".jsonl": "application/x-ndjson",
    ".json": "application/json",
    ".gz": "application/gzip",
}


def import_file(
    client: AuthenticatedClient,
    resource: ImportResource | str,
    path: str | Path,
    media_type: str | None = None,
    **params: Any,
) -> ImportReport:
    """Import the file at `path` into `resource` (`trade-figures`, `events`, `agreements`).

    `media_type` defaults to the one of the file's suffix (MEDIA_TYPES); `params` are the operation's
    query parameters (`dry_run=True`, `layout=`, `filename=`, …). The file's name is sent as
    `filename` unless given. Raises the ProblemError of the answer's status (422: the file was
    rejected, `.problem.errors` names each bad line).
    """
    path = Path(path)
    media_type = media_type or MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise ValueError(f"{path.name}: say its media_type, one of {sorted(set(MEDIA_TYPES.values()))}")
    params.setdefault("filename", path.name)
    resource = ImportResource(resource)
    if media_type == "application/json":
        # The generated function sends JSON from its models (the rows, or an object with `data`).
        document = json.loads(path.read_bytes())
        body: Any = (
            [ImportRecordsJsonBodyType0Item.from_dict(row) for row in document]
            if isinstance(document, list)
            else ImportRecordsJsonBodyType1.from_dict(document)
        )
        response = import_records.sync_detailed(resource, client=client, body=body, **params)
    else:
        with path.open("rb") as file:
            upload = File(payload=file, file_name=path.name, mime_type=media_type)
            response = import_records.sync_detailed(resource, client=client, body=upload, **params)
    return unwrap(response, ImportReport)
