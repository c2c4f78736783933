"""A dataset file as a source: who published it, where, when it was taken, and the rows its records cite.

The id is made from the SHA-256 of the file's bytes (app.imports.repository.dataset_source_id), so the
same file is the same source however often, and under whatever name, it is imported. What the user
says of the dataset (title, publisher, URL, retrieval date) is written through the sources' write
path and recorded in their history like any change; what they leave out is left as it is.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.curation import writes
from app.curation.writes import Writable
from app.errors import AppError
from app.models import SearchRecordType, Source, SourceKind
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


# Records put at once (writes.put_all): a batch is read in a few statements and written in one flush.
BATCH_SIZE = 500


class RecordWriter:
    """Puts an import's records through their resource's write path, a batch at a time
    (writes.put_all), counting what each came to in `result` and naming a record's first line in its
    error. A file with any error is rolled back by the caller, but checking goes on to name every bad
    line: records are still put (the write path's checks are the last ones) until the write path
    refuses one, and none after that (the session holds the refused batch, unflushed). The search
    documents of a batch's records are written with it."""

    def __init__(
        self,
        session: Session,
        writable: Writable[Any],
        record_type: SearchRecordType,
        result: RecordsResult,
        source_id: str | None = None,
        field: Callable[[str], str] = str,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.session, self.writable, self.record_type = session, writable, record_type
        self.result, self.source_id, self.field = result, source_id, field
        self.batch_size = batch_size
        self.batch: list[tuple[int, str, dict[str, Any]]] = []
        self.refused = False
        # Held for the import: the write path looks the cited source up by id, in the identity map.
        self._source = session.get(Source, source_id) if source_id is not None else None

    def add(self, line: int, record_id: str, data: dict[str, Any]) -> None:
        """Put the record `record_id` (`data`, a create body), whose first row is on `line`."""
        if self.refused:
            return
        self.batch.append((line, record_id, data))
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the records added since the last flush."""
        batch, self.batch = self.batch, []
        if not batch or self.refused:
            return
        records = [(record_id, data) for _, record_id, data in batch]
        try:
            outcomes = writes.put_all(self.session, self.writable, records, self.source_id)
        except AppError as exc:  # the batch's flush: no one record to blame, its first line named
            self._error(batch[0][0], exc)
            return
        written = []
        for (line, record_id, _), outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, AppError):
                self._error(line, outcome)
            else:
                self.result.counts[outcome] += 1
                if outcome != "unchanged":
                    written.append(record_id)
        if written and not self.result.errors:
            search.index_records(self.session, self.record_type, written)

    def _error(self, line: int, error: AppError) -> None:
        self.refused = True
        name = self.field(error.errors[0]["name"]) if error.errors else "file"
        self.result.errors.append((line, name, error.detail))


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
