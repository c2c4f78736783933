"""Agreements in this API's own layout: one agreement per CSV row or NDJSON/JSON object, with the
fields of `POST /v1/agreements` flattened, written through the agreements' write path.

Lists (`sectors`, `countries`) are `|`-separated strings, in CSV and NDJSON alike (an NDJSON line's
values are scalars, as app.imports.reading reads them). A row with `citation_source_id` and
`citation_quote` cites that text source (the quote checked verbatim, as the API checks it); any other
row cites its line of the file. Without an `id`, an agreement's id is made from its English title and
date, so that importing the file again names the same agreements.
"""

import re
from collections.abc import Callable
from typing import IO, Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.agreements.repository import WRITABLE as AGREEMENTS
from app.agreements.schemas import AgreementCreate
from app.curation.writes import slugify
from app.errors import describe_error
from app.imports.datasets import RecordsResult, RecordWriter
from app.imports.reading import FileReader, LineError
from app.imports.treaties import AgreementImport
from app.models import Country, SearchRecordType

LISTS = ("sectors", "countries")
PLAIN = (
    "id",
    "title_en",
    "title_ru",
    "summary_en",
    "summary_ru",
    "status",
    "document_count",
    "date",
    "event",
)
CITATION = ("citation_source_id", "citation_quote", "citation_paragraph")
COLUMNS = (*PLAIN, *LISTS, *CITATION)
REQUIRED = ("title_en", "title_ru", "status", "sectors", "date")
# A body field's error, named as the file's column.
_COLUMN_OF = {"citations.source_id": "citation_source_id", "citations.quote": "citation_quote"}


def is_generic(names: list[str]) -> bool:
    return "title_en" in names and "status" in names


def _whole(text: str) -> bool:
    """A CSV cell that is a whole number (ASCII digits, not too long to be one)."""
    return text.isascii() and text.isdigit() and len(text) <= 12


def _list(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split("|") if part.strip()]
    return value


def _body(fields: dict[str, Any], line: int, text: str, source_id: str) -> tuple[str | None, dict[str, Any]]:
    body: dict[str, Any] = {}
    for name in PLAIN:
        value = fields.get(name)
        if value not in (None, ""):
            body[name] = value
    if isinstance(body.get("document_count"), str) and _whole(body["document_count"]):
        body["document_count"] = int(body["document_count"])
    for name in LISTS:
        if fields.get(name) not in (None, ""):
            body[name] = _list(fields[name])
    if fields.get("citation_source_id") or fields.get("citation_quote"):
        citation: dict[str, Any] = {
            "source_id": fields.get("citation_source_id") or "",
            "quote": fields.get("citation_quote") or "",
        }
        paragraph = fields.get("citation_paragraph")
        if paragraph not in (None, ""):
            citation["paragraph"] = int(paragraph) if _whole(str(paragraph)) else paragraph
        body["citations"] = [citation]
    else:
        body["citations"] = [{"source_id": source_id, "line": line, "quote": text}]
    return body.pop("id", None), body


def _column(location: tuple[Any, ...]) -> str:
    path = ".".join(str(part) for part in location if not isinstance(part, int))
    return _COLUMN_OF.get(path, path.split(".")[0])


def _column_named(name: str) -> str:
    """The column of a body field named as the write path names it (`citations[0].quote`)."""
    path = re.sub(r"\[\d+\]", "", name)
    return _COLUMN_OF.get(path, path.split(".")[0])


def import_agreement_rows(
    session: Session,
    data: IO[bytes],
    file_format: str,
    encoding: str,
    source_id: str,
    progress: Callable[[int], None] | None = None,
    max_errors: int = 100,
) -> RecordsResult:
    result = RecordsResult(format=file_format)
    reader = FileReader(data, file_format, encoding)  # type: ignore[arg-type]
    _held = session.scalars(
        select(Country)
    ).all()  # the write path finds countries by id, in the identity map
    seen: dict[str, int] = {}
    writer = RecordWriter(
        session, AGREEMENTS, SearchRecordType.agreement, result, source_id, field=_column_named
    )
    checked = False
    for item in reader:
        if isinstance(item, LineError):
            result.errors.append((item.line, item.field, item.detail))
            continue
        fields = item.fields
        if not checked or reader.header is None:
            checked = True
            unknown = [name for name in fields if name not in COLUMNS]
            missing = [name for name in REQUIRED if name not in fields]
            line = reader.header_line if reader.header is not None else item.line
            result.errors += [(line, name, "not a column of this layout") for name in unknown]
            result.errors += [(line, name, "a required column is missing") for name in missing]
            if (unknown or missing) and reader.header is not None:
                return result
        result.records += 1
        if progress is not None:
            progress(reader.bytes_read)
        record_id, body = _body(fields, item.line, item.text, source_id)
        text_cited = "line" not in body["citations"][0]
        try:
            model = AgreementCreate if text_cited else AgreementImport
            valid = model.model_validate(body).model_dump(exclude={"id"}, exclude_unset=False)
        except ValidationError as exc:
            for problem in exc.errors():
                described = describe_error({**problem, "loc": ("body", *problem["loc"])})
                result.errors.append((item.line, _column(problem["loc"]), described["detail"]))
            continue
        record_id = record_id or slugify(f"{valid['title_en']} {valid['date']}", 120)
        if record_id in seen:
            result.errors.append((item.line, "id", f"{record_id!r} is stated on line {seen[record_id]} too"))
            continue
        seen[record_id] = item.line
        writer.add(item.line, record_id, valid)  # after an error, checking goes on; nothing is written
        if len(result.errors) >= max_errors:
            break
    writer.flush()
    if result.records == 0 and not result.errors:
        result.errors.append((1, "file", "the file holds no agreements"))
    result.delimiter = reader.delimiter if file_format == "csv" else None
    return result
