"""CSV and NDJSON exports of a list endpoint: every matching record, streamed.

On PostgreSQL, a CSV export of a resource that reads rows (app/common/rows.py) is written by the
database: one SELECT per batch builds each record's whole CSV line with SQL string functions
(`CsvLine`), and Python only joins the lines into chunks. The lines are byte for byte what the csv
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
from email.utils import format_datetime
from queue import Full, Queue
from typing import Any, TypeVar

import orjson
from fastapi import Request
from pydantic import BaseModel
from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Date,
    Enum,
    Float,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    exists,
    func,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import Case, TypeCoerce
from starlette.responses import Response, StreamingResponse

from app import datastate
from app.common.headers import PUBLIC_CACHE, VARY, best
from app.common.language import Language
from app.common.listing import EXPORT_BATCH, Listing
from app.common.pagination import check_cursor, cut, page_query
from app.common.rows import (
    _NEEDS_QUOTES,
    FORMULA_START,
    LIST_SEPARATOR,
    Plan,
    driver_chunks,
    driver_rows,
    nested_model,
    raw_column,
    row_cells,
)
from app.db import renew_deadline, without_memory_map
from app.errors import InvalidParameter
from app.models import ExportLine

EXPORT_ACCEPT = {"text/csv": "csv", "application/x-ndjson": "ndjson", "application/ndjson": "ndjson"}
EXPORT_MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "ndjson": "application/x-ndjson"}
CSV_CHUNK = 256 * 1024  # characters per chunk sent
# Records per statement of a database-built CSV export (each statement stays short); on SQLite, whose
# export is one statement, records per chunk fetched.
SQL_BATCH = 10_000
# Engines whose CSV lines the database writes. On SQLite the Python path's column-at-a-time cells
# measured faster than SQLite's string functions (docs/benchmarks/2026-12-03-export-sqlite.md); its
# SQL stays tested.
DATABASE_BUILT = frozenset({"postgresql"})
PRINTF_ARGUMENTS = 100  # cells per printf() call: SQLite takes at most 127 arguments by default
MAX_LINES = 1024  # `CsvLine`s kept (per plan, columns and engine)
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
        "Last-Modified": format_datetime(version.changed_at, usegmt=True),
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


def csv_columns(schema: type[BaseModel], fields: Sequence[str] = ()) -> list[str]:
    """One column per scalar field; a nested record or list of them becomes `field.subfield` columns."""
    columns = []
    for name, info in schema.model_fields.items():
        if name == "included" or (fields and name not in fields):
            continue
        nested = nested_model(info.annotation)
        if nested is None:
            columns.append(name)
        else:
            columns += [f"{name}.{sub}" for sub in csv_columns(nested)]
    return columns


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
    if engine == "sqlite":
        yield from _streamed(session, listing, selected, params, lang, plan, columns, computed)
        return
    cursor = params.cursor
    while True:
        query, resolved, _ = page_query(selected, listing.sorting, params.sort, SQL_BATCH, cursor, lang)
        fetched = driver_rows(session.connection().execute(query))
        rows, cursor = cut(fetched, SQL_BATCH, listing.sorting, resolved, lambda last: last[1:])
        lines = [row[0] for row in rows]
        if None in lines:
            _write_the_rest(session, plan, columns, computed, lines, [row[-1] for row in rows])
        yield "".join(lines)
        if cursor is None:
            return


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
    """SQLite: one statement for the whole export, its lines fetched SQL_BATCH at a time. SQLite makes
    rows as they are fetched, so memory stays flat; each chunk has the statement timeout to itself
    (`renew_deadline`). One statement rather than a keyset query per batch: no batch starts its
    index search, or its sort, again."""
    query, _, _ = page_query(selected, listing.sorting, params.sort, SQL_BATCH, params.cursor, lang)
    connection = session.connection()
    result = connection.execute(query.limit(None))
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


# --- the SQL that writes a record's CSV line ---


class CsvLine:
    """For one plan, CSV columns and database engine: an SQL expression of each record's CSV line
    (with its `\\r\\n`), as the csv module writes `rows.row_cells` of the item; `sql` is None when a
    column has a kind this does not write."""

    def __init__(self, plan: Plan, columns: Sequence[str], engine: str) -> None:
        self._engine = engine
        self.model = plan.reader.model
        # The referenced tables to join (outer), each with its condition.
        self.joins: list[tuple[Any, ColumnElement[bool]]] = []
        # The cells that are NULL where SQL cannot write the value (floats): the line must be NULL then.
        self._strict: set[int] = set()
        try:
            cells = self._cells(plan, columns)
        except _NotInSql:
            self.sql: ColumnElement[str] | None = None
            return
        if len(cells) == 1:  # the csv module quotes a line's only cell when it is empty
            written = cells[0] if self._strict else func.coalesce(cells[0], _text(""))
            cells = [case((written == _text(""), _text('""')), else_=written)]
        if engine == "sqlite":
            self.sql = self._printed(cells)
            return
        line = cells[0]
        for cell in cells[1:]:
            line = line.concat(_text(",")).concat(cell)
        self.sql = line.concat(_text("\r\n"))

    def _printed(self, cells: Sequence[ColumnElement[str]]) -> ColumnElement[str]:
        """SQLite: the line written by printf(), one `%s` a cell, which writes NULL as an empty cell:
        one string made, where `a || ',' || b …` makes one per cell. The strict cells are
        concatenated instead, so that their NULL still makes the line NULL."""
        parts: list[ColumnElement[str]] = []
        run: list[ColumnElement[str]] = []
        form = ""
        for at, cell in enumerate(cells):
            end = "\r\n" if at == len(cells) - 1 else ","
            if at in self._strict or len(run) == PRINTF_ARGUMENTS:
                if form:
                    parts.append(func.printf(_text(form), *run) if run else _text(form))
                run, form = [], ""
            if at in self._strict:
                parts.append(cell)
                form = end
            else:
                run.append(cell)
                form += "%s" + end
        if form:
            parts.append(func.printf(_text(form), *run) if run else _text(form))
        line = parts[0]
        for part in parts[1:]:
            line = line.concat(part)
        return line

    def _cells(self, plan: Plan, columns: Sequence[str]) -> list[ColumnElement[str]]:
        """One expression per CSV column; a list's columns come from one subquery, as one
        expression of their cells joined by commas."""
        related = {plan.names[at]: relation for at, relation in plan.related}
        cells: list[ColumnElement[str]] = []
        done: set[str] = set()
        for column in columns:
            name, _, _ = column.partition(".")
            if name not in related:
                value = _unwrapped(plan.columns[plan.index_of(name)])
                self._add(cells, self._cell(value), strict=_is_float(value.type))
                continue
            if name in done:
                continue
            done.add(name)
            relation = related[name]
            subs = [c.partition(".")[2] for c in columns if c.partition(".")[0] == name]
            query = relation.queries[plan.lang]
            keys = relation.keys or ("",)
            at = [keys.index(sub) + 1 for sub in subs] if relation.keys else [1]
            if relation.many:
                owner = query.columns[0] == plan.reader.id_column
                inner = query.select_where(owner).correlate(plan.reader.model).subquery()
                kinds = [_unwrapped(query.columns[i]).type for i in at]
                aggregates = [self._list_cell(inner.c[i], kind) for i, kind in zip(at, kinds, strict=True)]
                if self._engine == "sqlite":
                    # SQLite computes an aggregate once however often the cell's quoting names it:
                    # no derived table (a co-routine per record) to name it once.
                    values: Sequence[Any] = aggregates
                else:
                    labelled = (
                        aggregate.label(f"cell{i}") for i, aggregate in zip(at, aggregates, strict=True)
                    )
                    values = list(select(*labelled).subquery().c)
                parts = [
                    self._quoted(cell, cell) if _is_text(kind) else cell
                    for cell, kind in zip(values, kinds, strict=True)
                ]
                # The list's subquery (a sort and an aggregate) only for a record with items: most
                # records have none in most lists, and one index probe says so for less.
                listed = exists(select(literal_column("1")).where(owner).correlate(plan.reader.model))
                written = case(
                    (listed, select(_joined(parts)).scalar_subquery()), else_=_text("," * (len(subs) - 1))
                )
                self._add(cells, written, strict=any(_is_float(k) for k in kinds))
            else:
                # A reference is an outer join: the planner can remember the few rows referenced
                # (PostgreSQL's Memoize), which a subquery per record cannot.
                target = query.columns[0].table.alias()
                self.joins.append(
                    (target, target.corresponding_column(query.columns[0]) == relation.local_key)
                )
                for i in at:
                    value = target.corresponding_column(_unwrapped(query.columns[i]))
                    self._add(cells, self._cell(value), strict=_is_float(value.type))
        return cells

    def _add(self, cells: list[ColumnElement[str]], cell: ColumnElement[str], strict: bool = False) -> None:
        if strict:
            self._strict.add(len(cells))
        cells.append(cell)

    def _cell(self, column: Any) -> ColumnElement[str]:
        """A value's CSV cell: `rows.cell`'s text, quoted as the csv module does."""
        if isinstance(column.type, Float):
            return self._float(column)
        text = self._text_of(column)
        if _is_plain(column.type) or _constant_outcomes(column):
            return self._or_empty(text)
        # Most text needs neither quoting nor escaping: one or two pattern tests say so sooner than
        # the checks one by one.
        if self._engine == "sqlite":
            plain = and_(
                ~text.op("GLOB", is_comparison=True)(_text('*[,"\r\n]*')),
                ~text.op("GLOB", is_comparison=True)(_text("[\t\r=+@-]*")),
            )
        else:
            plain = ~text.op("~", is_comparison=True)(_text('[,"\r\n]|^[\t\r=+@-]'))
        written = case((plain, text), else_=self._quoted(text, _escaped(text)))
        return self._or_empty(written)

    def _or_empty(self, cell: ColumnElement[str]) -> ColumnElement[str]:
        """NULL as an empty cell; on SQLite printf() writes it so (`_printed`)."""
        return cell if self._engine == "sqlite" else func.coalesce(cell, _text(""))

    def _list_cell(self, value: Any, kind: Any) -> ColumnElement[str]:
        """A list's cell, unquoted, from its items' `value`s (a derived table's column, in the items'
        order): each item's cell joined by ` | `; NULL when an item's value SQL does not write."""
        typed = type_coerce(value, kind)
        if isinstance(kind, Float):
            part = self._float(typed)
            joined = self._aggregate(part)
            # An aggregate skips NULLs: a part SQL could not write makes the whole cell NULL instead.
            return case((func.count() == func.count(part), func.coalesce(joined, _text(""))), else_=null())
        text = self._text_of(typed)
        part = func.coalesce(text if _is_plain(kind) else _escaped(text), _text(""))
        return func.coalesce(self._aggregate(part), _text(""))

    def _aggregate(self, part: ColumnElement[str]) -> ColumnElement[str]:
        aggregate = "group_concat" if self._engine == "sqlite" else "string_agg"
        joined: ColumnElement[str] = getattr(func, aggregate)(part, _text(LIST_SEPARATOR))
        return joined

    def _text_of(self, column: Any) -> ColumnElement[str]:
        kind = column.type
        if isinstance(kind, Boolean):
            return case((column.is_(None), null()), (column, _text("true")), else_=_text("false"))
        if isinstance(kind, Date) and self._engine == "sqlite":
            return type_coerce(column, String())  # stored as its ISO text
        if isinstance(kind, Date | Integer):
            return cast(column, String())
        if isinstance(kind, String):  # text, and an enum's value as stored
            return type_coerce(column, String())
        raise _NotInSql(kind)

    def _float(self, value: Any) -> ColumnElement[str]:
        """`rows.cell` of a float: a whole number without `.0`, else repr(). NULL where the engine's
        own text may differ from repr() (beyond 15 digits, an exponent, inf and nan)."""
        whole = and_(func.abs(value) < _number("9.2e18"), value == self._truncated(value))
        shown: ColumnElement[str]
        exact: ColumnElement[bool]
        if self._engine == "sqlite":
            shown = func.printf(_text("%.15g"), value)
            # The 15 digits read back as the value: they are repr()'s (its shortest digits).
            exact = cast(shown, Float()) == value
        else:
            # float8's text is the shortest that reads back (PostgreSQL 12 and later), as repr().
            shown = cast(value, String())
            exact = literal_column("true")
        decimal = and_(func.abs(value) >= _number("1e-4"), func.abs(value) < _number("1e15"), exact)
        return case(
            (value.is_(None), _text("")),
            (whole, cast(cast(value, BigInteger()), String())),
            (decimal, shown),
            else_=null(),
        )

    def _truncated(self, value: Any) -> ColumnElement[Any]:
        if self._engine == "sqlite":
            return cast(value, Integer())
        return func.trunc(value)

    def _quoted(self, text: ColumnElement[str], shown: ColumnElement[str]) -> ColumnElement[str]:
        """`shown` quoted (its quotes doubled) where `text` holds a comma, a quote or a line break."""
        find = func.instr if self._engine == "sqlite" else func.strpos
        needs = or_(*(find(text, _text(char)) > _number("0") for char in ',"\r\n'))
        quoted = _text('"').concat(func.replace(shown, _text('"'), _text('""'))).concat(_text('"'))
        return case((needs, quoted), else_=shown)


class _NotInSql(Exception):
    pass


def _text(constant: str) -> ColumnElement[str]:
    """A string constant written into the SQL (no parameter to bind on each statement)."""
    return literal_column("'" + constant.replace("'", "''") + "'", String())


def _number(constant: str) -> ColumnElement[Any]:
    return literal_column(constant, Float())


def _escaped(text: ColumnElement[str]) -> ColumnElement[str]:
    """`rows.cell`'s formula escaping: a quote mark before text a spreadsheet would run."""
    starts = func.substr(text, _number("1"), _number("1")).in_([_text(char) for char in FORMULA_START])
    return case((starts, _text("'").concat(text)), else_=text)


def _joined(cells: Sequence[ColumnElement[str]]) -> ColumnElement[str]:
    joined = cells[0]
    for cell in cells[1:]:
        joined = joined.concat(_text(",")).concat(cell)
    return joined


def _is_float(kind: Any) -> bool:
    return isinstance(kind, Float)


def _is_text(kind: Any) -> bool:
    """Text that may need quoting (not a float, not `_is_plain`)."""
    return not isinstance(kind, Float) and not _is_plain(kind)


def _is_plain(kind: Any) -> bool:
    """Values whose text never starts a formula nor needs quoting (numbers, dates, booleans, an
    enum's values as they are)."""
    if isinstance(kind, Enum):
        return not any(value[:1] in FORMULA_START or _NEEDS_QUOTES.search(value) for value in kind.enums)
    return isinstance(kind, Integer | Date | Boolean)


def _constant_outcomes(column: Any) -> bool:
    """A computed value (a CASE, as `support`) whose every outcome is a constant the csv module writes
    as it is. Written as plain text, the value is computed once: each test of the text (quotes,
    formula) would compute it again, subqueries and all."""
    expression = getattr(column, "expression", column)
    case_ = getattr(expression, "element", expression)  # under its label
    if not isinstance(case_, Case) or case_.value is not None:
        return False
    outcomes = [result for _, result in case_.whens]
    if case_.else_ is not None:
        outcomes.append(case_.else_)
    for outcome in outcomes:
        written = getattr(outcome, "name", None) if getattr(outcome, "is_literal", False) else None
        if not written or written[0] != "'" or written[-1] != "'" or "'" in written[1:-1]:
            return False
        value = written[1:-1]
        if value[:1] in FORMULA_START or _NEEDS_QUOTES.search(value) or not value:
            return False
    return True


def _unwrapped(column: Any) -> Any:
    """The column under `rows._raw`'s type_coerce: its own type says how to write it."""
    return column.clause if isinstance(column, TypeCoerce) else column


_lines: dict[tuple[Plan, tuple[str, ...], str], CsvLine] = {}


def csv_line(plan: Plan, columns: Sequence[str], engine: str) -> CsvLine:
    key = (plan, tuple(columns), engine)
    line = _lines.get(key)
    if line is None:
        line = CsvLine(plan, columns, engine)
        if len(_lines) < MAX_LINES:
            _lines[key] = line
    return line


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
