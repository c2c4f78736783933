"""Importing a dataset of records other than trade figures (events, agreements): the file read whole, checked,
then written through the resource's write path, all or nothing inside the caller's transaction.

Unlike trade figures (app.imports.repository, a set-based path for millions of rows), these files
hold thousands of records made of several rows each, with links and nested lists (countries, codes,
citations of several sources), so every record goes through the resource's write path, a batch at a
time (app.imports.datasets.RecordWriter, `writes.put_all`): the same rules, ids, citations,
revisions and search documents as the API's own writes, and no second statement of any of them.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

from sqlalchemy.orm import Session

from app.imports import agreement_rows, events, treaties
from app.imports.datasets import Provenance, RecordsResult, put_dataset_source
from app.imports.reading import FileFacts, UnreadableFile, open_file, sniff_format
from app.imports.repository import dataset_source_id
from app.imports.schemas import ImportLayout, ImportLineError, ImportReport, ImportResource
from app.revisions import ACTOR_KEY

Progress = Callable[[int], None]
MAX_ERRORS = 100
MAX_NOTES = 100


@dataclass(frozen=True)
class DatasetOptions:
    file_name: str
    actor: str
    resource: ImportResource
    layout: ImportLayout | None = None
    provenance: Provenance = field(default_factory=Provenance)
    dry_run: bool = False
    max_errors: int = MAX_ERRORS


def detect_layout(resource: ImportResource, first_line: bytes) -> ImportLayout:
    """The layout a file's first line says: for events ICEWS's header, else GDELT (which has none);
    for agreements this API's own columns (or NDJSON/JSON), else TFDD's."""
    if resource is ImportResource.agreements:
        own = b"title_en" in first_line or first_line.lstrip().startswith((b"{", b"["))
        return ImportLayout.generic if own else ImportLayout.tfdd
    if first_line.lstrip(b"\xef\xbb\xbf").startswith(b"Event ID\tEvent Date\t"):
        return ImportLayout.icews
    return ImportLayout.gdelt


def import_dataset(
    session: Session, stream: IO[bytes], options: DatasetOptions, progress: Progress | None = None
) -> ImportReport:
    """Import a seekable binary stream; the report says what changed (or would have, with `dry_run`,
    or when the file is rejected: then nothing is written)."""
    try:
        with open_file(stream) as (data, facts):
            return _import(session, data, facts, options, progress)
    except UnreadableFile as exc:
        return _report(options, options.layout or ImportLayout.gdelt, None, [(1, "file", str(exc))], False)


def _import(
    session: Session, data: IO[bytes], facts: FileFacts, options: DatasetOptions, progress: Progress | None
) -> ImportReport:
    layout = options.layout
    if layout is None:
        layout = detect_layout(options.resource, data.readline())
        data.seek(0)
    source_id = dataset_source_id(facts.digest)
    missing = object()
    previous_actor = session.info.get(ACTOR_KEY, missing)
    session.info[ACTOR_KEY] = options.actor
    savepoint = session.begin_nested()
    try:
        description = (
            f"Dataset imported from the file {options.file_name} ({layout.value} layout, {facts.size} "
            f"bytes, SHA-256 {facts.digest}).\n\nEach citation of this source quotes one row of the "
            "file, verbatim, with its line number."
        )
        put_dataset_source(session, source_id, options.file_name, description, options.provenance)
        result: RecordsResult
        if layout is ImportLayout.generic:
            result = agreement_rows.import_agreement_rows(
                session, data, sniff_format(data), facts.encoding, source_id, progress, options.max_errors
            )
        elif options.resource is ImportResource.agreements:
            result = treaties.import_treaties(
                session, data, facts.encoding, source_id, progress, options.max_errors
            )
        else:
            result = events.import_events(
                session, data, facts.encoding, layout.value, source_id, progress, options.max_errors
            )
    except BaseException:
        savepoint.rollback()
        raise
    finally:
        if previous_actor is missing:
            del session.info[ACTOR_KEY]
        else:
            session.info[ACTOR_KEY] = previous_actor
    applied = not result.errors and not options.dry_run
    if applied:
        savepoint.commit()
    else:
        savepoint.rollback()
    report = _report(options, layout, result, result.errors, applied)
    report.encoding = facts.encoding
    report.compression = "gzip" if facts.compression else None
    report.source_id = source_id if not result.errors else None
    return report


def _report(
    options: DatasetOptions,
    layout: ImportLayout,
    result: "RecordsResult | None",
    errors: list[tuple[int, str, str]],
    applied: bool,
) -> ImportReport:
    counts = result.counts if result is not None and not errors else Counter[str]()
    skipped = result.skipped if result is not None else Counter[str]()
    listed = sorted(errors)[: options.max_errors]
    return ImportReport(
        resource=options.resource,
        layout=layout,
        format=result.format if result is not None else "csv",
        delimiter=(result.delimiter if result is not None else None)
        or ("," if layout is ImportLayout.tfdd else "\t"),
        applied=applied,
        source_id=None,
        records=result.records if result is not None else 0,
        inserted=counts["inserted"],
        updated=counts["updated"],
        unchanged=counts["unchanged"],
        skipped=sum(skipped.values()),
        skipped_reasons=dict(skipped.most_common()),
        grouped=result.grouped if result is not None else None,
        notes=result.notes[:MAX_NOTES] if result is not None else [],
        rejected=len({line for line, _, _ in errors}),
        errors=[ImportLineError(line=line, field=name, detail=detail) for line, name, detail in listed],
        errors_truncated=max(0, len(errors) - len(listed)),
    )
