"""Creating, changing and deleting records: the rules every writable resource shares.

Each resource describes itself as a `Writable`: its `Listing` (to read records back), the record
type its revisions carry, and an `apply` function that copies validated write data onto a record,
resolving references. The functions here add what is common: ids, optimistic concurrency with
If-Match, 404/410, conflicts, citations checked against their source.
"""

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Generic, Optional, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    create_model,
    field_validator,
)
from pydantic.fields import FieldInfo
from sqlalchemy import select, union_all
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.common.dates import DatePrecision, parse_partial_date, parse_period
from app.common.headers import etag_versions
from app.common.listing import Listing
from app.curation import restating
from app.errors import (
    AppError,
    Conflict,
    InvalidParameter,
    PreconditionFailed,
    PreconditionRequired,
    param_error,
)
from app.models import Citation, Revision, SearchRecordType, Source, SourceKind
from app.revisions import STAGING
from app.search import repository as search
from app.sources.quotes import QuoteNotFound, locate_quote

M = TypeVar("M")


def invalid(field: str, detail: str) -> InvalidParameter:
    """A 422 naming the body field at fault."""
    return InvalidParameter(f"{field}: {detail}", [param_error(field, detail, "body")])


# `2025`, `2025-11`, `2025-11-14`, or a span `2025-01/2025-09`.
Text = Annotated[str, StringConstraints(min_length=1, max_length=5000, strip_whitespace=True)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=500, strip_whitespace=True)]
WriteId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=120)]


def _whole(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


# An integer as JSON Schema has it: `2025` or `2025.0` (the same number), never the string "2025". Its
# bounds go beside it (`Annotated[StrictInt, Field(ge=…), WHOLE_NUMBER]`): there the document shows them.
WHOLE_NUMBER = BeforeValidator(_whole)
Paragraph = Annotated[StrictInt, Field(ge=1, le=1_000_000), WHOLE_NUMBER]


class WriteModel(BaseModel):
    """A request body: unknown fields are refused (a typo must not be silently dropped), and so is
    NUL in any string (PostgreSQL cannot store it in text; SQLite would, and the engines would differ)."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if _holds_nul(value):
            raise ValueError("must not contain the NUL character (U+0000)")
        return value


def _holds_nul(value: Any) -> bool:
    """NUL in a string, or in a string of a list or mapping (nested write models check their own)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple):
        return any(_holds_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_nul(key) or _holds_nul(item) for key, item in value.items())
    return False


class CitationWrite(WriteModel):
    """A quote that supports the record, checked to be verbatim in its source."""

    source_id: str = Field(description="The id of a text source (see /v1/sources).")
    quote: str = Field(min_length=1, max_length=5000, description="Exact substring of the source's text.")
    paragraph: Paragraph | None = Field(
        None,
        description="The paragraph it is in; needed only when the quote occurs more than once.",
    )


class DatasetCitationWrite(WriteModel):
    """A row of a dataset file that supports the record: for the importers, which read the file and
    quote its line verbatim. Over the API a dataset is cited by importing it, never by hand."""

    source_id: str = Field(description="The id of the dataset source standing for the file.")
    line: StrictInt = Field(ge=1, description="The 1-based line the row starts on.")
    quote: str = Field(min_length=1, max_length=1_000_000, description="The row, verbatim.")


@dataclass(frozen=True)
class Fields:
    """How write data maps onto a record: copied as is, a date (`2025-11`), a period
    (`2025-01/2025-09`), one referenced record, several, and citations."""

    plain: tuple[str, ...] = ()
    date: bool = False
    one: Mapping[str, type[Any]] = field(default_factory=dict)
    many: Mapping[str, type[Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Writable(Generic[M]):
    listing: Listing[M]
    record_type: str
    create: type[BaseModel]
    fields: Fields
    # The resource's own fields and rules: applied after the common ones, on the record.
    finish: Callable[[Session, M, dict[str, Any]], None] = lambda session, record, data: None
    # The field a new record's id is made from when the client gives none…
    id_field: str = "title_en"
    # …or a function of the whole write data.
    id_from: Callable[[dict[str, Any]], str] | None = None
    # What a record created by a client brings in besides itself (a source: candidates from its text).
    # Not for `put`: the seed and imports state whole records and want nothing proposed.
    on_create: Callable[[Session, M], None] = lambda session, record: None
    # Fields of the create body that say how to create it, not what it is: no update body has them.
    create_only: tuple[str, ...] = ()
    # What deleting a record changes in others, through the ORM so each change is a revision (a
    # foreign key's ON DELETE SET NULL would change them unrecorded).
    on_delete: Callable[[Session, M], None] = lambda session, record: None

    def new_id(self, session: Session, data: dict[str, Any]) -> str:
        base = self.id_from(data) if self.id_from else slugify(str(data.get(self.id_field) or "record"))
        return new_id(session, self.listing.model, base)

    def apply(self, session: Session, record: M, data: dict[str, Any], datasets: bool = False) -> None:
        """Copy `data` onto `record` by the rules; `datasets`: its citations may be rows of dataset
        files (DatasetCitationWrite), as only `put`'s trusted writers state them."""
        # Setting relations can put the record in the session early (through backrefs): no flush of
        # a half-applied record while references are looked up.
        with session.no_autoflush:
            self._apply(session, record, data, datasets)

    def _apply(self, session: Session, record: M, data: dict[str, Any], datasets: bool) -> None:
        required = {name for name, info in self.create.model_fields.items() if info.is_required()}
        for key, value in data.items():
            if value is None and key in required:
                raise invalid(key, "cannot be null")
        spec = self.fields
        for key in spec.plain:
            if key in data:
                setattr(record, key, data[key])
        if spec.date and "date" in data:
            for key, value in date_columns(data["date"]).items():
                setattr(record, key, value)
        for key, model in spec.one.items():
            if key in data:
                setattr(record, key, one(session, model, data[key], key))
        for key, model in spec.many.items():
            if key in data:
                setattr(record, key, every(session, model, data[key], key))
        if "citations" in data:
            current = record.citations  # type: ignore[attr-defined]
            record.citations = citations(  # type: ignore[attr-defined]
                session, data["citations"], current=current, datasets=datasets
            )
        self.finish(session, record, data)


def _constrained(info: FieldInfo) -> Any:
    """A field's type with its constraints (lengths, ranges, patterns) and what it adds to the document:
    an update body's field is optional, and otherwise what the create body's is."""
    annotated: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    if info.json_schema_extra:
        annotated = Annotated[annotated, Field(json_schema_extra=info.json_schema_extra)]
    return annotated


def partial_model(model: type[BaseModel], name: str, create_only: tuple[str, ...] = ()) -> type[BaseModel]:
    """The update body: every field of `model` but the id and `create_only`, each optional (absent
    means unchanged)."""
    fields: dict[str, Any] = {
        key: (Optional[_constrained(info)], Field(None, description=info.description))  # noqa: UP045
        for key, info in model.model_fields.items()
        if key != "id" and key not in create_only
    }
    return create_model(
        name,
        __base__=WriteModel,
        __doc__="A partial update: only the fields given change (JSON merge semantics).",
        **fields,
    )


# --- ids, references, dates, citations (used by the resources' apply functions) ---


def slugify(text: str, limit: int = 80) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "record"


def new_id(session: Session, model: type[Any], base: str) -> str:
    """`base`, or `base-2`, `base-3`… whichever no record (live or deleted) has yet."""
    candidate, n = base, 1
    while session.get(model, candidate) is not None or _id_was_used(session, candidate):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _id_was_used(session: Session, record_id: str) -> bool:
    # A deleted record's id stays taken: its revisions, and links to it, must not name a newcomer.
    # Those of this transaction are still staged (app.revisions).
    recorded = select(Revision.id).where(Revision.record_id == record_id)
    staged = select(STAGING.c.seq).where(STAGING.c.record_id == record_id)
    return session.scalar(union_all(recorded, staged).limit(1)) is not None


def one(session: Session, model: type[M], record_id: str | None, field: str) -> M | None:
    """The referenced record, or a 422 naming `field`; None stays None."""
    if record_id is None:
        return None
    record = session.get(model, record_id)
    if record is None:
        raise invalid(field, f"unknown id: {record_id}")
    return record


def every(session: Session, model: type[M], ids: Sequence[str], field: str) -> list[M]:
    return [one(session, model, record_id, field) for record_id in dict.fromkeys(ids)]  # type: ignore[misc]


def date_columns(text: str, field: str = "date") -> dict[str, Any]:
    """`2025-11` → date_start, date_end, date_precision; `START/END` for a span of whole days."""
    try:
        start, end = parse_period(text)
        first, _, last = text.partition("/")
        precision = parse_partial_date(first)[2]
    except ValueError as exc:
        raise invalid(field, str(exc)) from None
    if last:
        precision = DatePrecision.day if start == end else _span_precision(first, last)
    return {"date_start": start, "date_end": end, "date_precision": precision}


def _span_precision(first: str, last: str) -> DatePrecision:
    # A span is only as precise as its coarser end.
    coarse = min(len(first), len(last))
    return {4: DatePrecision.year, 7: DatePrecision.month}.get(coarse, DatePrecision.day)


def citations(
    session: Session,
    items: Sequence[dict[str, Any]],
    field: str = "citations",
    current: Sequence[Citation] = (),
    datasets: bool = False,
) -> list[Citation]:
    """The citations `items` name, each checked verbatim in its source; one the record has already
    (`current`: same source, quote and place) is kept as it is rather than written anew. With
    `datasets`, an item with a `line` is a row of a dataset file (DatasetCitationWrite)."""
    kept = {restating.identity(c): c for c in current}
    if not items:
        raise invalid(field, "at least one citation is required: every fact comes from a source")
    built = []
    for n, item in enumerate(items):
        source = session.get(Source, item["source_id"])
        if source is None:
            raise invalid(f"{field}[{n}].source_id", f"unknown source: {item['source_id']}")
        if datasets and item.get("line") is not None:
            if source.kind != SourceKind.dataset:
                raise invalid(f"{field}[{n}].source_id", "a line is cited in a dataset, not in a text")
            key = (source.id, item["quote"], item["line"], None, None)  # restating.IDENTITY
            built.append(
                kept.get(key) or Citation(source_id=source.id, quote=item["quote"], line=item["line"])
            )
            continue
        if source.kind == SourceKind.dataset:
            raise invalid(f"{field}[{n}].source_id", "cite datasets by importing them, not by quote")
        try:
            where = locate_quote(source.text, item["quote"], item.get("paragraph"))
        except QuoteNotFound as exc:
            raise invalid(f"{field}[{n}].quote", str(exc)) from None
        same = kept.get((source.id, item["quote"], None, where.char_start, where.char_end))
        built.append(
            same
            or Citation(
                source_id=source.id,
                quote=item["quote"],
                paragraph=where.paragraph,
                char_start=where.char_start,
                char_end=where.char_end,
            )
        )
    return built


# --- the operations ---


def create(session: Session, writable: Writable[M], record_id: str, data: dict[str, Any]) -> M:
    """A new record from a client: the rules, `on_create`, and its first revision."""
    return _insert(session, writable, record_id, data, writable.on_create)


def create_and_index(session: Session, writable: Writable[Any], data: BaseModel) -> str:
    """Create the record a validated create body describes, searchable at once; its id."""
    values = data.model_dump()  # defaults included: a new record is whole
    record_id = values.pop("id", None) or writable.new_id(session, values)
    create(session, writable, record_id, values)
    search.index_records(session, SearchRecordType(writable.record_type), [record_id])
    return str(record_id)


def _insert(
    session: Session,
    writable: Writable[M],
    record_id: str,
    data: dict[str, Any],
    on_create: Callable[[Session, M], None] = lambda session, record: None,
) -> M:
    model = writable.listing.model
    if session.get(model, record_id) is not None:
        raise Conflict(f"A {writable.listing.label} with id {record_id!r} exists already.")
    record = _new(session, writable, record_id, data, on_create)
    _flush(session, writable)
    return record


def _new(
    session: Session,
    writable: Writable[M],
    record_id: str,
    data: dict[str, Any],
    on_create: Callable[[Session, M], None] = lambda session, record: None,
    datasets: bool = False,
) -> M:
    """A new record, by the rules, in the session (written at the next flush)."""
    record = writable.listing.model(id=record_id)  # type: ignore[call-arg]
    for relation in writable.fields.many:  # a new record starts with empty collections
        setattr(record, relation, [])
    writable.apply(session, record, data, datasets)
    on_create(session, record)
    session.add(record)
    return record


def put(
    session: Session,
    writable: Writable[M],
    record_id: str,
    data: dict[str, Any],
    source_id: str | None = None,
) -> str:
    """Make the record `record_id` say `data`, a whole create body: create it, or change what differs.
    Answers `inserted`, `updated` or `unchanged`. For a trusted writer that names its ids (the
    seed, the importers): no If-Match, the same rules, references, citations and history as the API's
    writes, and citations may be rows of dataset files (DatasetCitationWrite).

    With `source_id` (an importer stating the record from that one source), `data`'s citations stand
    for that source only: the record's citations of other sources stay, since another file or an
    article that states the same record still does (app.curation.restating, the rule every writer
    follows)."""
    [outcome] = put_all(session, writable, [(record_id, data)], source_id)
    if isinstance(outcome, AppError):
        raise outcome
    return outcome


def put_all(
    session: Session,
    writable: Writable[M],
    records: Sequence[tuple[str, dict[str, Any]]],
    source_id: str | None = None,
) -> list[str | AppError]:
    """`put` for each of `records` (id, data), in order: the stored ones read in one query (and one per
    relation), all written in one flush, so that an importer's thousands of records cost a few
    statements per batch instead of several each. Each record's outcome, or the AppError its data
    raised (the others are still checked, nothing is flushed: the caller rolls back). A failed flush
    raises, for the whole batch. A record found unchanged is left expired: read it again to use it."""
    listing = writable.listing
    found = listing.find_all(session, [record_id for record_id, _ in records])
    stated: set[str] = set()
    new: set[str] = set()
    restated: list[M] = []
    outcomes: list[str | AppError] = []
    for record_id, data in records:
        key = listing.normalize_id(record_id)
        earlier = found.get(key) if key in stated else None
        if earlier is not None and (key in new or session.is_modified(earlier)):
            _flush(session, writable)  # stated again after a change: written first, as by two puts
            new.clear()
        stated.add(key)
        try:
            record = found.get(key)
            if record is None:
                found[key] = _new(session, writable, record_id, data, datasets=True)
                new.add(key)
                outcomes.append("inserted")
            else:
                outcomes.append(_restate(session, writable, record, data, source_id))
                restated.append(record)
        except AppError as exc:
            outcomes.append(exc)
    if any(isinstance(outcome, AppError) for outcome in outcomes):
        return outcomes
    for record in restated:
        if not session.is_modified(record):
            # Stated as it is, yet dirty (its collections were set): expired, it is skipped by the
            # flush instead of compared all over again.
            session.expire(record)
    _flush(session, writable)
    return outcomes


def _restate(
    session: Session, writable: Writable[M], record: M, data: dict[str, Any], source_id: str | None
) -> str:
    """`put` on a stored record: `updated` or `unchanged` (written at the next flush)."""
    cites = "citations" in data  # (a source's `citations` are those citing it, not its own)
    current = list(record.citations) if cites else []  # type: ignore[attr-defined]
    writable.apply(session, record, data, datasets=True)
    if cites:
        stated = list(record.citations)  # type: ignore[attr-defined]
        cited = restating.restated(current, stated, source_id)
        if cited != stated:
            record.citations = cited  # type: ignore[attr-defined]
    return "updated" if session.is_modified(record) else "unchanged"


def add_citation(session: Session, writable: Writable[M], record: M, item: dict[str, Any]) -> bool:
    """Cite one more quote for the record (another source stating the same fact). False when the
    record has that citation already."""
    current = list(record.citations)  # type: ignore[attr-defined]
    new = citations(session, [item], current=current)[0]
    if new in current:
        return False
    record.citations = [*current, new]  # type: ignore[attr-defined]
    _flush(session, writable)
    return True


def update(
    session: Session, writable: Writable[M], record: M, if_match: str | None, data: dict[str, Any]
) -> M:
    _check_version(record, if_match)
    writable.apply(session, record, data)
    if _any_version(if_match):
        _take_current_version(session, record)
    _flush(session, writable)
    return record


def delete(session: Session, writable: Writable[M], record: M, if_match: str | None) -> None:
    _check_version(record, if_match)
    if _any_version(if_match):
        _take_current_version(session, record)
    writable.on_delete(session, record)
    session.delete(record)
    _flush(session, writable)


def _any_version(if_match: str | None) -> bool:
    return if_match is not None and if_match.strip() == "*"


def _take_current_version(session: Session, record: Any) -> None:
    """For `If-Match: *`: the version the ORM's UPDATE or DELETE will name is the one stored now, not
    the one this request read (another writer may have moved it since), and on PostgreSQL the row is
    locked until the commit, so no writer moves it again. Changes already applied are kept."""
    with session.no_autoflush:
        session.refresh(record, ["version"], with_for_update=True)


def _flush(session: Session, writable: Writable[Any]) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise PreconditionFailed(
            f"The {writable.listing.label} changed while this request ran; fetch it again."
        ) from None
    except IntegrityError as exc:
        raise Conflict(_integrity_message(exc, writable.listing.label)) from None


def _integrity_message(exc: IntegrityError, label: str) -> str:
    text = str(exc.orig).lower()
    if "foreign key" in text:
        return f"Other records still refer to this {label}; change or delete them first."
    if "unique" in text or "duplicate" in text:
        return f"Another {label} already has these identifying values."
    return f"The change to this {label} breaks a rule of the data model."


def _check_version(record: Any, if_match: str | None) -> None:
    if if_match is None:
        raise PreconditionRequired(
            "Send If-Match with the record's ETag (from GET), so a change cannot overwrite one not seen."
        )
    if if_match.strip() == "*":
        return
    if record.version not in etag_versions(if_match):
        raise PreconditionFailed(
            f"The record is at another version than If-Match names (now {record.version}); fetch it again."
        )
