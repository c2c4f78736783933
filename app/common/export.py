"""CSV and NDJSON exports of a list endpoint: every matching record, streamed.

On PostgreSQL, a CSV export of a resource that reads rows (app/common/rows.py) is written by the
database: one SELECT, read a batch at a time through a server-side cursor, gives each record's whole
CSV line, stored by the writers (app/export_lines.py) or built with SQL string functions (`CsvLine`),
and Python only joins the lines into chunks. The lines are byte for byte what the csv
module writes from `rows.row_cells` of the items; a value SQL cannot write exactly as `rows.cell` does
(a float needing more than 15 digits or an exponent) makes its record's line NULL, and that record
alone is written by the Python path. SQLite, NDJSON, `include=` and resources without a row reader
take the Python path. On PostgreSQL a thread reads the batches ahead of the sending (`read_ahead`)."""

import contextvars
import csv
import hashlib
import io
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from queue import Full, Queue
from typing import Any, TypeVar

import orjson
from fastapi import Request
from pydantic import BaseModel
from sqlalchemy import (
    Select,
    and_,
    select,
)
from sqlalchemy.orm import Session
from starlette.responses import Response, StreamingResponse

from app import datastate
from app.common.csv_lines import CsvLine, _text, csv_columns, csv_line
from app.common.headers import PUBLIC_CACHE, VARY, best, http_date
from app.common.language import Language
from app.common.listing import EXPORT_BATCH, Listing
from app.common.pagination import check_cursor, page_query
from app.common.rows import (
    Plan,
    driver_chunks,
    raw_column,
    row_cells,
)
from app.db import renew_deadline, without_memory_map
from app.errors import InvalidParameter
from app.models import ExportLine

EXPORT_ACCEPT = {"text/csv": "csv", "application/x-ndjson": "ndjson", "application/ndjson": "ndjson"}
EXPORT_MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "ndjson": "application/x-ndjson"}
CSV_CHUNK = 256 * 1024  # characters per chunk sent
# Records per chunk fetched of a database-built CSV export (one statement, streamed).
SQL_BATCH = 10_000
# Engines whose CSV lines the database writes. On SQLite the Python path's column-at-a-time cells
# measured faster than SQLite's string functions (docs/benchmarks/2026-12-03-export-sqlite.md); its
# SQL stays tested.
DATABASE_BUILT = frozenset({"postgresql"})
READ_AHEAD = 2  # batches an export's database reads ahead of the one being sent (`read_ahead`)

Serialize = Callable[[Any, type[BaseModel], str, Sequence[str], Sequence[str]], dict[str, Any]]


def export_format(asked: str | None, accept: str | None) -> str | None:
    """`format=` wins; otherwise the Accept header's favourite, where it is CSV or NDJSON."""
    if asked is not None:
        return None if asked == "json" else asked
    chosen = best(accept, lambda media: EXPORT_ACCEPT.get(media, "json"))
    return None if chosen in (None, "json") else chosen


def export_response(
    request: Request,
    listing: Listing[Any],
    statement: Select[Any],
    params: Any,
    schema: type[BaseModel],
    lang: Language,
    version: datastate.Version,
    export: str,
    serialize: Serialize,
) -> Response:
    """Every record the list's filters match, as CSV or NDJSON (`serialize`: a record as the list's
    JSON item, for the ORM path)."""
    if getattr(params, "include", None) and export == "csv":
        raise InvalidParameter.for_param("include", "not available for CSV exports; use ndjson")
    if params.cursor is not None:  # now: once the stream has started, a 422 could not be sent
        check_cursor(listing.sorting, params.sort, params.cursor, lang)
    # Streamed, so the ETag cannot hash the body: it names the data version and the request instead.
    key = f"{version.number} {export} {lang} {sorted(request.query_params.multi_items())} {request.url.path}"
    etag = f'"x{hashlib.sha256(key.encode()).hexdigest()[:32]}"'
    headers = {
        "ETag": etag,
        "Content-Language": lang,
        "Last-Modified": http_date(version.changed_at),
        "Cache-Control": PUBLIC_CACHE,
        "Vary": VARY,
    }
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    resource = request.url.path.rstrip("/").rsplit("/", 1)[-1]
    if export == "csv":
        headers["Content-Disposition"] = f'attachment; filename="{resource}.csv"'
    sessionmaker = request.app.state.sessionmaker
    fields = params.fields
    include = getattr(params, "include", [])
    columns = csv_columns(schema, fields)

    # Each stream has its own session: the request's closes when the handler returns, before the
    # stream is sent.
    def csv_text() -> Iterator[str]:
        with sessionmaker() as session, without_memory_map(session):
            yield from every_csv_line(session, listing, statement, params, lang, columns)

    def batches() -> Iterator[list[dict[str, Any]]]:
        with sessionmaker() as session, without_memory_map(session):
            if listing.reads_rows(params):
                yield from listing.every_item(session, statement, params, lang)
                return
            batch = []
            for row in listing.every_row(session, statement, params, lang):
                batch.append(serialize(row, schema, lang, fields, include))
                if len(batch) == EXPORT_BATCH:
                    yield batch
                    batch = []
            yield batch

    # Where the database works in a process of its own, the next batch is read while this one is
    # sent; SQLite works in this process, mostly holding the GIL with the Python cells, so a thread
    # would overlap little with the sending and contend with it.
    ahead: Callable[[Iterator[Any]], Iterator[Any]] = (
        iter if request.app.state.engine.dialect.name == "sqlite" else read_ahead
    )
    if export == "ndjson":
        body = _ndjson(ahead(batches()))
    elif listing.reads_rows(params):
        body = _csv(ahead(csv_text()), columns)
    else:
        cells = row_cells(columns)
        body = _csv(_csv_lines([cells(record) for record in batch] for batch in ahead(batches())), columns)
    return StreamingResponse(body, media_type=EXPORT_MEDIA_TYPES[export], headers=headers)


def every_csv_line(
    session: Session,
    listing: Listing[Any],
    statement: Select[Any],
    params: Any,
    lang: str,
    columns: Sequence[str],
) -> Iterator[str]:
    """Every matching record as CSV lines, a batch at a time: the stored lines (`ExportLine`) where
    the listing keeps them and every column is asked, else built by the database where the columns
    allow (`CsvLine`), else by `Listing.every_csv_text`."""
    assert listing.reader is not None
    plan = listing.reader.plan(lang, params.fields)
    engine = session.get_bind().dialect.name
    line = csv_line(plan, columns, engine)
    stored = listing.stored_lines and list(columns) == csv_columns(listing.reader.schema)
    if not stored and (line.sql is None or engine not in DATABASE_BUILT):
        yield from listing.every_csv_text(session, statement, params, lang, columns)
        return
    if engine == "postgresql":
        # Each batch's plan looks costly enough for JIT compilation, which takes longer than the
        # batch then runs (this transaction only).
        session.connection().exec_driver_sql("SET LOCAL jit = off")
    _, sort_column, _ = listing.sorting.order(params.sort, lang)
    key_columns = [raw_column(column) for column in listing.sorting.key_columns(sort_column)]
    if stored:
        assert listing.record_type is not None
        kept = and_(
            ExportLine.record_type == _text(listing.record_type),
            ExportLine.lang == _text(lang),
            ExportLine.record_id == listing.reader.id_column,
        )
        selected = statement.with_only_columns(ExportLine.line, *key_columns, maintain_column_froms=False)
        selected = selected.outerjoin_from(line.model, ExportLine, kept)
    else:
        assert line.sql is not None
        selected = statement.with_only_columns(line.sql, *key_columns, maintain_column_froms=False)
        for target, condition in line.joins:
            selected = selected.outerjoin_from(line.model, target, condition)
    # A line not stored is computed by SQL; one SQL left NULL, by Python.
    computed = line if stored else None
    yield from _streamed(session, listing, selected, params, lang, plan, columns, computed)


def _streamed(
    session: Session,
    listing: Listing[Any],
    selected: Select[Any],
    params: Any,
    lang: str,
    plan: Plan,
    columns: Sequence[str],
    computed: "CsvLine | None",
) -> Iterator[str]:
    """One statement for the whole export, its lines fetched SQL_BATCH at a time, so that no batch
    starts its index search, its join or its sort again. SQLite makes rows as they are fetched, and
    each chunk has the statement timeout to itself (`renew_deadline`); PostgreSQL reads them through a
    server-side cursor, each FETCH a statement of its own under the timeout, planned for every row
    rather than the first few (the stored lines merged with the figures in key order, not looked up
    one figure at a time)."""
    query, _, _ = page_query(selected, listing.sorting, params.sort, SQL_BATCH, params.cursor, lang)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL cursor_tuple_fraction = 1")
    result = connection.execute(query.limit(None).execution_options(stream_results=True))
    for rows in driver_chunks(result, SQL_BATCH, lambda: renew_deadline(connection)):
        lines = [row[0] for row in rows]
        if None in lines:
            _write_the_rest(session, plan, columns, computed, lines, [row[-1] for row in rows])
        yield "".join(lines)


def _write_the_rest(
    session: Session,
    plan: Plan,
    columns: Sequence[str],
    line: "CsvLine | None",
    lines: list[str | None],
    ids: list[Any],
) -> None:
    """The lines missing (not stored, or left NULL by SQL): by `line`'s SQL where given and it writes
    them, the rest by the Python path (`Plan.csv_text`), one record at a time."""
    missing = [record_id for record_id, text in zip(ids, lines, strict=True) if text is None]
    if line is not None and line.sql is not None and missing:
        written = select(plan.reader.id_column, line.sql).where(plan.reader.id_column.in_(missing))
        for target, condition in line.joins:
            written = written.outerjoin_from(line.model, target, condition)
        computed: dict[Any, str | None] = {row[0]: row[1] for row in session.connection().execute(written)}
        for at, record_id in enumerate(ids):
            if lines[at] is None:
                lines[at] = computed.get(record_id)
        missing = [record_id for record_id, text in zip(ids, lines, strict=True) if text is None]
    if not missing:
        return
    found = session.connection().execute(select(*plan.raw_columns).where(plan.reader.id_column.in_(missing)))
    by_id = {row[0]: row for row in found}
    for at, record_id in enumerate(ids):
        if lines[at] is None:
            lines[at] = plan.csv_text(session, [by_id[record_id]], columns)


# --- reading ahead, the Python path, and the CSV framing both paths share ---

T = TypeVar("T")


def read_ahead(items: Iterator[T], depth: int = READ_AHEAD) -> Iterator[T]:
    """`items`, made by a thread of their own up to `depth` ahead of the one taken: the database
    works on the next batch in its own process (PostgreSQL's backend; SQLite does not read ahead, see
    `export_response`) while this one is encoded and sent, where otherwise each waited for the other. `depth`
    bounds the memory. The thread opens, uses and closes whatever `items` opens (its session); once
    this generator is closed (the client gone), it stops at its next item and closes `items`."""
    queue: Queue[tuple[bool, Any]] = Queue(depth)
    stop = threading.Event()

    def hand_over(last: bool, value: Any) -> bool:
        while not stop.is_set():
            try:
                queue.put((last, value), timeout=0.1)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not hand_over(False, item):
                    return
            hand_over(True, None)
        except BaseException as error:  # raised again where the items are taken
            hand_over(True, error)
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()

    # In the request's context, as the batches were made before (its request id on any log line).
    context = contextvars.copy_context()
    threading.Thread(target=context.run, args=(produce,), name="export-read-ahead", daemon=True).start()
    try:
        while True:
            last, value = queue.get()
            if last:
                if value is not None:
                    raise value
                return
            yield value
    finally:
        stop.set()


def _ndjson(batches: Iterator[list[dict[str, Any]]]) -> Iterator[bytes]:
    for batch in batches:
        if batch:
            yield b"".join([orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE) for record in batch])


def _csv(texts: Iterator[str], columns: list[str]) -> Iterator[bytes]:
    """The BOM, the header line, then the batches' lines in chunks of about CSV_CHUNK characters."""
    # The BOM makes spreadsheet programs read the file as UTF-8.
    parts = ["\ufeff", *_csv_lines([[columns]])]
    size = 0
    for text in texts:
        parts.append(text)
        size += len(text)
        if size > CSV_CHUNK:
            yield "".join(parts).encode()
            parts, size = [], 0
    yield "".join(parts).encode()


def _csv_lines(batches: Iterable[list[Sequence[Any]]]) -> Iterator[str]:
    """Rows of cells as CSV lines, a batch at a time, by the csv module."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for batch in batches:
        writer.writerows(batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
