"""A dataset file as a source: who published it, where, when it was taken, and the rows its records cite.

The id is made from the SHA-256 of the file's bytes (app.imports.repository.dataset_source_id), so the
same file is the same source however often, and under whatever name, it is imported. What the user
says of the dataset (title, publisher, URL, retrieval date) is written through the sources' write
path and recorded in their history like any change; what they leave out is left as it is.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.curation import writes
from app.models import SearchRecordType, SourceKind
from app.search import repository as search
from app.sources import repository as sources


@dataclass
class RecordsResult:
    """What reading a dataset of events or agreements came to, before the report is made of it."""

    records: int = 0
    counts: Counter[str] = field(default_factory=Counter)  # inserted / updated / unchanged
    skipped: Counter[str] = field(default_factory=Counter)  # by reason
    grouped: int = 0  # rows joined to another row's record
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, detail)
    # What was left out of a record, and why: "line 1234: CCODE BLR is Belarus, Country_Name …".
    notes: list[str] = field(default_factory=list)
    format: str = "csv"
    delimiter: str | None = None  # None: not delimited (NDJSON, JSON)


@dataclass(frozen=True)
class Provenance:
    """What the user says of a dataset: each None when not said."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    retrieved_on: date | None = None

    def fields(self) -> dict[str, Any]:
        said = {
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "retrieved_on": self.retrieved_on,
        }
        return {name: value for name, value in said.items() if value is not None}


def put_dataset_source(
    session: Session, source_id: str, file_name: str, description: str, provenance: Provenance
) -> str:
    """Create the dataset source, or give it what `provenance` says (`inserted`, `updated`,
    `unchanged`); searchable at once."""
    current = sources.SOURCE_DETAIL.find(session, source_id)
    if current is None:
        data: dict[str, Any] = {
            "title": file_name[:1000],
            "author": None,
            "language": "en",
            "publication_year": None,
            "kind": SourceKind.dataset,
            "url": None,
            "text": description,
        }
    else:
        data = {}
    data |= provenance.fields()
    if not data:
        return "unchanged"
    outcome = writes.put(session, sources.WRITABLE, source_id, data)
    if outcome != "unchanged":
        search.index_records(session, SearchRecordType.source, [source_id])
    return outcome


def describe_dataset(session: Session, source_id: str, provenance: Provenance) -> None:
    """Give an existing dataset source (one a trade-figure import made) what `provenance` says."""
    if provenance.fields():
        put_dataset_source(session, source_id, "", "", provenance)
