"""CSV and NDJSON exports, streamed: every record matching the filters, read as it arrives.

The generated list functions decode JSON pages only; an export is a stream of lines, so these read it
with the client's own httpx connection (its base URL, headers and key).
"""

import csv
import json
from collections.abc import Iterator
from typing import Any

from .generated.client import AuthenticatedClient, Client
from .problems import error_for


def export_lines(
    client: Client | AuthenticatedClient, path: str, media_type: str, **params: Any
) -> Iterator[str]:
    """The lines of `GET path` exported as `media_type` (`text/csv` or `application/x-ndjson`).

    `params` are the list's filters, with their names in the URL (`date_from=`, `country=[…]`).
    """
    query = {name: value for name, value in params.items() if value is not None}
    http = client.get_httpx_client()
    with http.stream("GET", path, params=query, headers={"Accept": media_type}) as response:
        if response.status_code != 200:
            raise error_for(response.status_code, response.headers, response.read())
        # Lines keep their ending: a quoted CSV cell may span lines. A CSV starts with a byte-order mark
        # (for spreadsheets), which is no part of its first column's name.
        rest = ""
        for number, chunk in enumerate(response.iter_text()):
            if number == 0:
                chunk = chunk.removeprefix("\ufeff")
            *lines, rest = (rest + chunk).split("\n")
            for line in lines:
                yield line + "\n"
        if rest:
            yield rest


def export_ndjson(client: Client | AuthenticatedClient, path: str, **params: Any) -> Iterator[dict[str, Any]]:
    """Each record of an NDJSON export, as the dict its JSON line decodes to."""
    for line in export_lines(client, path, "application/x-ndjson", **params):
        if line.strip():
            record: dict[str, Any] = json.loads(line)
            yield record


def export_csv(client: Client | AuthenticatedClient, path: str, **params: Any) -> Iterator[dict[str, str]]:
    """Each row of a CSV export, keyed by the header row's column names."""
    yield from csv.DictReader(export_lines(client, path, "text/csv", **params))
